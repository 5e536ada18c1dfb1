-- A hub database at schema version 9, as the release that indexed a child's
-- RHIs by the time of the return left it: the version 1 to 9 scripts
-- verbatim, then the data of schema_v8.sql. Never edit the schema part: it is
-- what existing files on disk hold, and the next migration starts from it.
BEGIN TRANSACTION;
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE children(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  la_ref TEXT NOT NULL,
  looked_after INTEGER NOT NULL,
  placing_authority TEXT NOT NULL,
  created_at INTEGER NOT NULL);

CREATE TABLE flags(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  name TEXT NOT NULL,
  set_at INTEGER NOT NULL,
  cleared_at INTEGER);
CREATE INDEX flags_by_child ON flags(child_id, set_at);
CREATE INDEX flags_in_force ON flags(name, child_id) WHERE cleared_at IS NULL;

CREATE TABLE episodes(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  police_force TEXT NOT NULL,
  police_ref TEXT NOT NULL,
  category INTEGER NOT NULL,
  missing_since INTEGER NOT NULL,
  notified_at INTEGER NOT NULL,
  risk INTEGER NOT NULL,
  reporter TEXT NOT NULL,
  returned_at INTEGER,
  return_notified_at INTEGER,
  found_location TEXT NOT NULL,
  found_with TEXT NOT NULL,
  returned_to INTEGER NOT NULL,
  UNIQUE(police_force, police_ref));
CREATE INDEX episodes_by_child ON episodes(child_id, missing_since);
CREATE INDEX episodes_open ON episodes(child_id, missing_since)
  WHERE returned_at IS NULL;

CREATE TABLE risk_grades(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  risk INTEGER NOT NULL,
  from_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  reason TEXT NOT NULL);
CREATE INDEX risk_grades_by_episode ON risk_grades(episode_id, from_at);

CREATE TABLE corrections(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  rpc TEXT NOT NULL,
  reason TEXT NOT NULL,
  changes TEXT NOT NULL);
CREATE INDEX corrections_by_episode ON corrections(episode_id, at);

CREATE TABLE rhis(
  episode_id INTEGER PRIMARY KEY REFERENCES episodes(id),
  child_id INTEGER NOT NULL REFERENCES children(id),
  returned_at INTEGER NOT NULL,
  return_notified_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  due_at_from_return INTEGER NOT NULL,
  offered_at INTEGER,
  offered_by TEXT NOT NULL,
  declined_at INTEGER,
  decline_reason TEXT NOT NULL,
  completed_at INTEGER,
  completed_by TEXT NOT NULL,
  concerns TEXT NOT NULL,
  referral_made INTEGER NOT NULL,
  notes TEXT NOT NULL,
  also_episode_ids TEXT NOT NULL,
  closure INTEGER NOT NULL,
  closed_at INTEGER,
  closed_reason TEXT NOT NULL,
  final_at INTEGER);
CREATE INDEX rhis_open ON rhis(due_at) WHERE final_at IS NULL;
CREATE INDEX rhis_final ON rhis(final_at) WHERE final_at IS NOT NULL;
CREATE INDEX rhis_by_child ON rhis(child_id, due_at);

CREATE TABLE users(
  name TEXT PRIMARY KEY,
  role INTEGER NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER);

CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user TEXT NOT NULL,
  role INTEGER NOT NULL,
  rpc TEXT NOT NULL,
  child_ids TEXT NOT NULL,
  episode_ids TEXT NOT NULL,
  outcome TEXT NOT NULL);

CREATE TABLE audit_children(
  child_id TEXT NOT NULL,
  audit_id INTEGER NOT NULL REFERENCES audit(id),
  PRIMARY KEY(child_id, audit_id)) WITHOUT ROWID;

CREATE INDEX episodes_by_missing_since ON episodes(missing_since);
CREATE INDEX episodes_returned ON episodes(returned_at)
  WHERE returned_at IS NOT NULL;
CREATE INDEX episodes_return_notified ON episodes(return_notified_at)
  WHERE return_notified_at IS NOT NULL;

CREATE TABLE links(
  id INTEGER PRIMARY KEY,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL);

CREATE TABLE link_episodes(
  link_id INTEGER NOT NULL REFERENCES links(id),
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  PRIMARY KEY(link_id, episode_id)) WITHOUT ROWID;
CREATE INDEX link_episodes_by_episode ON link_episodes(episode_id);

CREATE TABLE meetings(
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  state INTEGER NOT NULL,
  as_of INTEGER NOT NULL,
  frozen_agenda BLOB NOT NULL,
  attendees TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER);
CREATE UNIQUE INDEX meetings_by_day ON meetings(day);

CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  child_id INTEGER NOT NULL REFERENCES children(id),
  text TEXT NOT NULL,
  decision INTEGER NOT NULL,
  addendum INTEGER NOT NULL,
  author TEXT NOT NULL,
  at INTEGER NOT NULL);
CREATE INDEX notes_by_meeting ON notes(meeting_id, at);

CREATE TABLE actions(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  meeting_day TEXT NOT NULL,
  what TEXT NOT NULL,
  who TEXT NOT NULL,
  by_when INTEGER NOT NULL,
  done_when TEXT NOT NULL,
  worked_when TEXT NOT NULL,
  assignee TEXT NOT NULL,
  status INTEGER NOT NULL,
  done_evidence TEXT NOT NULL,
  impact_evidence TEXT NOT NULL,
  drop_reason TEXT NOT NULL,
  addendum INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER);
CREATE INDEX actions_open ON actions(by_when) WHERE status = 1;
CREATE INDEX actions_by_child ON actions(child_id, by_when);
CREATE INDEX actions_by_meeting ON actions(meeting_id, created_at);

CREATE INDEX rhis_by_due ON rhis(due_at);
CREATE INDEX rhis_by_due_from_return ON rhis(due_at_from_return);
CREATE INDEX rhis_completed ON rhis(completed_at)
  WHERE completed_at IS NOT NULL;
CREATE INDEX actions_by_day ON actions(meeting_day);
CREATE INDEX actions_by_when ON actions(by_when);
CREATE INDEX actions_closed ON actions(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX flags_by_name ON flags(name, set_at);
CREATE INDEX notes_by_child ON notes(child_id, at);

ALTER TABLE audit ADD COLUMN subject TEXT NOT NULL DEFAULT '';

ALTER TABLE audit ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_chain(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  first_id INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  head_id INTEGER NOT NULL,
  head_hash TEXT NOT NULL);
INSERT INTO audit_chain(one, first_id, started_at, head_id, head_hash)
  SELECT 1, COALESCE(MAX(id), 0) + 1, unixepoch() * 1000000,
         COALESCE(MAX(id), 0), '' FROM audit;

ALTER TABLE episodes ADD COLUMN voided_at INTEGER;
ALTER TABLE episodes ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE rhis ADD COLUMN voided_at INTEGER;

ALTER TABLE children ADD COLUMN sex TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN social_worker TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN placement TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN school TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN contacts TEXT NOT NULL DEFAULT '';
CREATE TABLE child_changes(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  changes TEXT NOT NULL);
CREATE INDEX child_changes_by_child ON child_changes(child_id, at);
CREATE TABLE findings(
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  version INTEGER NOT NULL,
  newest INTEGER NOT NULL,
  push_factors TEXT NOT NULL,
  push_other TEXT NOT NULL,
  pull_factors TEXT NOT NULL,
  pull_other TEXT NOT NULL,
  indicators TEXT NOT NULL,
  indicator_other TEXT NOT NULL,
  child_voice TEXT NOT NULL,
  referral TEXT NOT NULL,
  share_with_police INTEGER NOT NULL,
  share_basis TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT NOT NULL,
  PRIMARY KEY(episode_id, version)) WITHOUT ROWID;
CREATE INDEX findings_concerns ON findings(recorded_at, episode_id)
  WHERE newest = 1 AND indicators <> '' AND referral = 'none';
CREATE INDEX findings_shared ON findings(recorded_at, episode_id)
  WHERE newest = 1 AND share_with_police = 1;
CREATE INDEX findings_unacknowledged ON findings(recorded_at)
  WHERE newest = 1 AND share_with_police = 1 AND acknowledged_at IS NULL;
CREATE TABLE finding_names(
  episode_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY(episode_id, version, kind, position)) WITHOUT ROWID;
CREATE TABLE follow_ups(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  at INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  engaged INTEGER NOT NULL,
  notes TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL);
CREATE INDEX follow_ups_by_episode ON follow_ups(episode_id, at);

CREATE INDEX rhis_by_child_returned ON rhis(child_id, returned_at);

INSERT INTO meta(key, value) VALUES('schema_version', '9');

INSERT INTO children(id, name, date_of_birth, la_ref, looked_after,
  placing_authority, created_at)
  VALUES(1, 'Golden Child', '2011-02-28', 'LA-1', 1, 'Other Borough',
    1774605600000000);
INSERT INTO flags(id, child_id, name, set_at, cleared_at)
  VALUES(1, 1, 'cse_concern', 1774605600000001, NULL);

-- E1 returned (10:00 to 14:00 on 2026-03-27), E2 still missing since 20:00.
INSERT INTO episodes(id, child_id, police_force, police_ref, category,
  missing_since, notified_at, risk, reporter, returned_at, return_notified_at,
  found_location, found_with, returned_to)
  VALUES(1, 1, 'Metropolitan', 'REF-1', 2, 1774605600000000,
    1774606500000000, 3, 'PC Golden', 1774620000000000, 1774621800000000,
    'Bus station', 'Alone', 2);
INSERT INTO episodes(id, child_id, police_force, police_ref, category,
  missing_since, notified_at, risk, reporter, returned_at, return_notified_at,
  found_location, found_with, returned_to)
  VALUES(2, 1, 'Metropolitan', 'REF-2', 1, 1774641600000000,
    1774641600000000, 4, 'PC Golden', NULL, NULL, '', '', 0);
INSERT INTO risk_grades(id, episode_id, risk, from_at, recorded_at,
  recorded_by, reason)
  VALUES(1, 1, 3, 1774605600000000, 1774606500000000, 'police1', 'initial');
INSERT INTO risk_grades(id, episode_id, risk, from_at, recorded_at,
  recorded_by, reason)
  VALUES(2, 2, 4, 1774641600000000, 1774641600000000, 'police1', 'initial');
INSERT INTO corrections(id, episode_id, at, recorded_by, rpc, reason, changes)
  VALUES(1, 1, 1774623600000000, 'coord1', 'UpdateEpisode', 'typo',
    'found_location: Bus stop -> Bus station');
INSERT INTO rhis(episode_id, child_id, returned_at, return_notified_at,
  due_at, due_at_from_return, offered_at, offered_by, declined_at,
  decline_reason, completed_at, completed_by, concerns, referral_made, notes,
  also_episode_ids, closure, closed_at, closed_reason, final_at)
  VALUES(1, 1, 1774620000000000, 1774621800000000, 1774881000000000,
    1774879200000000, NULL, '', NULL, '', NULL, '', '', 0, '', '', 0, NULL,
    '', NULL);
-- Voided at version 6: E4, reported open against C1 in error at 12:00 on
-- the 28th (it would be C1's latest open episode), and E5, returned with
-- its RHI, both voided at 13:00.
INSERT INTO episodes(id, child_id, police_force, police_ref, category,
  missing_since, notified_at, risk, reporter, returned_at, return_notified_at,
  found_location, found_with, returned_to, voided_at, void_reason)
  VALUES(4, 1, 'MET', 'REF-4', 1, 1774699200000000, 1774699200000000, 4,
    'PC Golden', NULL, NULL, '', '', 0, 1774702800000000,
    'Reported against the wrong child');
INSERT INTO episodes(id, child_id, police_force, police_ref, category,
  missing_since, notified_at, risk, reporter, returned_at, return_notified_at,
  found_location, found_with, returned_to, voided_at, void_reason)
  VALUES(5, 1, 'MET', 'REF-5', 1, 1774605600000000, 1774605600000000, 3,
    'PC Golden', 1774620000000000, 1774621800000000, 'Park', 'Alone', 1,
    1774702800000000, 'Duplicate of REF-1');
INSERT INTO rhis(episode_id, child_id, returned_at, return_notified_at,
  due_at, due_at_from_return, offered_at, offered_by, declined_at,
  decline_reason, completed_at, completed_by, concerns, referral_made, notes,
  also_episode_ids, closure, closed_at, closed_reason, final_at, voided_at)
  VALUES(5, 1, 1774620000000000, 1774621800000000, 1774881000000000,
    1774879200000000, NULL, '', NULL, '', NULL, '', '', 0, '', '', 0, NULL,
    '', NULL, 1774702800000000);
INSERT INTO users(name, role, token_sha256, created_at, revoked_at)
  VALUES('alice', 1,
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    1774605600000000, NULL);
-- The chain began when this file was made, before its first entry.
UPDATE audit_chain SET started_at = 1774605600000000;
INSERT INTO audit(id, at, user, role, rpc, child_ids, episode_ids, outcome,
  subject, previous_hash, hash)
  VALUES(1, 1774606500000000, 'alice', 1, 'ReportMissing', 'C1', 'E1', 'OK',
    '', '4cebcc6ce0e8f7b3bcec4550e03dda8ce2ec92fdf0343b711dbb5fa18261dcd3',
    'e4405dbdfd14114293c1b7be3ae2d72a0509bd5b253c0770ae209181cdfecd04');
INSERT INTO audit_children(child_id, audit_id) VALUES('C1', 1);
-- Added at version 2. C2 went missing with C1 on the evening of the 27th;
-- Monday's meeting (2026-03-30, 09:30 BST) linked the two episodes, noted,
-- decided and agreed three actions (done, open, dropped), then closed; a note
-- came as an addendum after the close.
INSERT INTO children(id, name, date_of_birth, la_ref, looked_after,
  placing_authority, created_at)
  VALUES(2, 'Second Child', '2010-09-15', 'LA-2', 0, '', 1774641600000000);
INSERT INTO flags(id, child_id, name, set_at, cleared_at)
  VALUES(2, 2, 'cce_concern', 1774641600000001, 1774860300000000);
INSERT INTO episodes(id, child_id, police_force, police_ref, category,
  missing_since, notified_at, risk, reporter, returned_at, return_notified_at,
  found_location, found_with, returned_to)
  VALUES(3, 2, 'Metropolitan', 'REF-3', 1, 1774641600000000,
    1774642500000000, 4, 'PC Golden', NULL, NULL, '', '', 0);
INSERT INTO risk_grades(id, episode_id, risk, from_at, recorded_at,
  recorded_by, reason)
  VALUES(3, 3, 4, 1774641600000000, 1774642500000000, 'police1', 'initial');
INSERT INTO audit(id, at, user, role, rpc, child_ids, episode_ids, outcome,
  subject, previous_hash, hash)
  VALUES(2, 1774859400000000, 'alice', 1, 'OpenMeeting', 'C1,C2', 'E2,E3',
    'OK', 'meeting M1 for 2026-03-30',
    'e4405dbdfd14114293c1b7be3ae2d72a0509bd5b253c0770ae209181cdfecd04',
    '72dfd290c10647367319358c639c8d692eefea98cacdf0feebf884181344a3eb');
UPDATE audit_chain SET head_id = 2,
  head_hash = '72dfd290c10647367319358c639c8d692eefea98cacdf0feebf884181344a3eb';
INSERT INTO audit_children(child_id, audit_id) VALUES('C1', 2);
INSERT INTO audit_children(child_id, audit_id) VALUES('C2', 2);
INSERT INTO links(id, reason, created_by, created_at)
  VALUES(1, 'missing together', 'alice', 1774860000000000);
INSERT INTO link_episodes(link_id, episode_id) VALUES(1, 2);
INSERT INTO link_episodes(link_id, episode_id) VALUES(1, 3);
-- The frozen agenda is the serialised mfh.v1.Agenda (day and as_of).
INSERT INTO meetings(id, day, state, as_of, frozen_agenda, attendees,
  opened_by, opened_at, closed_at)
  VALUES(1, '2026-03-30', 2, 1774859400000000,
    X'0a0a323032362d30332d333012060888e9a8ce06',
    'alice' || char(10) || 'PC Golden' || char(10) || 'School nurse',
    'alice', 1774859400000000, 1774862100000000);
INSERT INTO notes(id, meeting_id, child_id, text, decision, addendum, author,
  at)
  VALUES(1, 1, 1, 'Seen with older males at the bus station', 0, 0, 'alice',
    1774860000000000);
INSERT INTO notes(id, meeting_id, child_id, text, decision, addendum, author,
  at)
  VALUES(2, 1, 2, 'Refer both to the exploitation panel', 1, 0, 'alice',
    1774860300000000);
INSERT INTO notes(id, meeting_id, child_id, text, decision, addendum, author,
  at)
  VALUES(3, 1, 1, 'Panel date set for 2 April', 0, 1, 'alice',
    1774864800000000);
INSERT INTO actions(id, child_id, meeting_id, meeting_day, what, who, by_when,
  done_when, worked_when, assignee, status, done_evidence, impact_evidence,
  drop_reason, addendum, created_by, created_at, closed_at)
  VALUES(1, 1, 1, '2026-03-30', 'Home visit', 'Social worker',
    1774972800000000, 'Visit recorded on file', 'No episode in 30 days',
    'alice', 2, 'Visit on 31 March', '', '', 0, 'alice', 1774860600000000,
    1774969200000000);
INSERT INTO actions(id, child_id, meeting_id, meeting_day, what, who, by_when,
  done_when, worked_when, assignee, status, done_evidence, impact_evidence,
  drop_reason, addendum, created_by, created_at, closed_at)
  VALUES(2, 2, 1, '2026-03-30', 'Call the school', 'School nurse',
    1775145600000000, 'Call logged', '', '', 1, '', '', '', 0, 'alice',
    1774860600000001, NULL);
INSERT INTO actions(id, child_id, meeting_id, meeting_day, what, who, by_when,
  done_when, worked_when, assignee, status, done_evidence, impact_evidence,
  drop_reason, addendum, created_by, created_at, closed_at)
  VALUES(3, 2, 1, '2026-03-30', 'Strategy meeting', 'Police',
    1775059200000000, 'Minutes shared', '', '', 3, '', '',
    'Held by the placing authority', 1, 'alice', 1774864800000001,
    1774947600000000);
-- Added at version 7: C2's profile, and the change that set its school.
UPDATE children SET sex = 'female', ethnicity = 'BAFR',
  social_worker = 'Jo Smith', team = 'North CIN', placement = 'Home',
  school = 'Elm High', contacts = 'Mum: 07700 900123' || char(10) ||
  'Aunt: 07700 900456' WHERE id = 2;
INSERT INTO child_changes(id, child_id, at, recorded_by, changes)
  VALUES(1, 2, 1774950000000000, 'alice',
    'school: Oak Academy -> Elm High' || char(10) || 'team: - -> North CIN');
INSERT INTO findings(episode_id, version, newest, push_factors, push_other,
  pull_factors, pull_other, indicators, indicator_other, child_voice,
  referral, share_with_police, share_basis, recorded_at, recorded_by,
  acknowledged_at, acknowledged_by)
  VALUES(1, 1, 0, 'PUSH_FAMILY_CONFLICT', '', '', '', '', '', '', 'none', 0,
    '', 1774951000000000, 'worker', NULL, '');
INSERT INTO findings(episode_id, version, newest, push_factors, push_other,
  pull_factors, pull_other, indicators, indicator_other, child_voice,
  referral, share_with_police, share_basis, recorded_at, recorded_by,
  acknowledged_at, acknowledged_by)
  VALUES(1, 2, 1, 'PUSH_FAMILY_CONFLICT,PUSH_OTHER', 'noise at home',
    'PULL_OLDER_PEERS', '', 'INDICATOR_CCE', '', 'I wanted out', 'wise', 1,
    'consent', 1774952000000000, 'worker', 1774953000000000, 'pc1');
INSERT INTO finding_names(episode_id, version, kind, position, name)
  VALUES(1, 2, 1, 0, 'Wigan Bus Station');
INSERT INTO finding_names(episode_id, version, kind, position, name)
  VALUES(1, 2, 2, 0, 'Jay');
INSERT INTO follow_ups(id, episode_id, at, by_name, engaged, notes,
  recorded_at, recorded_by)
  VALUES(1, 1, 1774954000000000, 'Worker A', 1, 'met at school',
    1774955000000000, 'worker');
COMMIT;
