-- A hub database at schema version 1, as the first release left it: the
-- version 1 script verbatim, then a little data. Never edit the schema part:
-- it is what existing files on disk hold. The migration tests start here.
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

INSERT INTO meta(key, value) VALUES('schema_version', '1');

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
INSERT INTO users(name, role, token_sha256, created_at, revoked_at)
  VALUES('alice', 1,
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    1774605600000000, NULL);
INSERT INTO audit(id, at, user, role, rpc, child_ids, episode_ids, outcome)
  VALUES(1, 1774606500000000, 'alice', 1, 'ReportMissing', 'C1', 'E1', 'OK');
INSERT INTO audit_children(child_id, audit_id) VALUES('C1', 1);
COMMIT;
