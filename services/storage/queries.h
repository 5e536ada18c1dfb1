// Every SQL statement of the store, one group per table group. The names are
// used in error messages and as the keys of each connection's statement cache;
// the query-plan tests read the hot ones from here.
#ifndef MFH_SERVICES_STORAGE_QUERIES_H_
#define MFH_SERVICES_STORAGE_QUERIES_H_

namespace mfh::storage::sql {

// Transactions.
inline constexpr char kBeginSql[] = "BEGIN";
inline constexpr char kBeginImmediateSql[] = "BEGIN IMMEDIATE";
inline constexpr char kCommitSql[] = "COMMIT";
inline constexpr char kRollbackSql[] = "ROLLBACK";
// Each write of a group commit runs inside its own savepoint.
inline constexpr char kSavepointSql[] = "SAVEPOINT one_write";
inline constexpr char kReleaseSql[] = "RELEASE one_write";
inline constexpr char kRollbackToSql[] = "ROLLBACK TO one_write";
// The writer: COMMIT writes the WAL, and SqliteStore syncs it (see Write).
inline constexpr char kSynchronousNormalSql[] = "PRAGMA synchronous=NORMAL";
// SqliteStore::UseForBulkLoad: a 256 MiB page cache, and no fsync.
inline constexpr char kBulkLoadCacheSql[] = "PRAGMA cache_size=-262144";
inline constexpr char kSynchronousOffSql[] = "PRAGMA synchronous=OFF";

// Children and flags.
inline constexpr char kInsertChildSql[] =
    "INSERT INTO children(name, date_of_birth, la_ref, looked_after, "
    "placing_authority, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kSelectChildSql[] =
    "SELECT id, name, date_of_birth, la_ref, looked_after, placing_authority, "
    "created_at FROM children WHERE id = ?1";
inline constexpr char kSelectChildrenSql[] =
    "SELECT id, name, date_of_birth, la_ref, looked_after, placing_authority, "
    "created_at FROM children ORDER BY id";
inline constexpr char kSelectChildrenWithFlagSql[] =
    "SELECT id, name, date_of_birth, la_ref, looked_after, placing_authority, "
    "created_at FROM children WHERE id IN (SELECT child_id FROM flags "
    "WHERE name = ?1 AND cleared_at IS NULL) ORDER BY id";
inline constexpr char kSelectFlagsSql[] =
    "SELECT name, set_at, cleared_at FROM flags WHERE child_id = ?1 "
    "ORDER BY set_at, id";
inline constexpr char kInsertFlagSql[] =
    "INSERT INTO flags(child_id, name, set_at, cleared_at) "
    "VALUES(?1, ?2, ?3, ?4)";
inline constexpr char kClearFlagSql[] =
    "UPDATE flags SET cleared_at = ?3 "
    "WHERE child_id = ?1 AND name = ?2 AND cleared_at IS NULL";

// Episodes, their risk grades and corrections. The episode columns are bound
// as ?1..?13 in this order, the id (for updates) as ?14.
inline constexpr char kInsertEpisodeSql[] =
    "INSERT INTO episodes(child_id, police_force, police_ref, category, "
    "missing_since, notified_at, risk, reporter, returned_at, "
    "return_notified_at, found_location, found_with, returned_to) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
inline constexpr char kUpdateEpisodeSql[] =
    "UPDATE episodes SET child_id = ?1, police_force = ?2, police_ref = ?3, "
    "category = ?4, missing_since = ?5, notified_at = ?6, risk = ?7, "
    "reporter = ?8, returned_at = ?9, return_notified_at = ?10, "
    "found_location = ?11, found_with = ?12, returned_to = ?13 WHERE id = ?14";
inline constexpr char kSelectEpisodeSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes WHERE id = ?1";
inline constexpr char kSelectEpisodeByPoliceRefSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE police_force = ?1 AND police_ref = ?2";
// FindOpenEpisode: must use the partial index episodes_open.
inline constexpr char kSelectOpenEpisodeSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND returned_at IS NULL "
    "ORDER BY missing_since DESC, id DESC LIMIT 1";
inline constexpr char kSelectLastReturnedEpisodeSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND returned_at IS NOT NULL "
    "ORDER BY returned_at DESC, id DESC LIMIT 1";
inline constexpr char kSelectEpisodesSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "ORDER BY missing_since, id";
inline constexpr char kSelectEpisodesByChildSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 ORDER BY missing_since, id";
// ListEpisodesBeside: the child's (?1) episodes other than ?4 that a period
// [?2, ?3) could overlap. Stored periods never overlap one another, so only
// three kinds can: the open ones (by episodes_open), those starting in
// [?2, ?3), and those starting at the latest start before ?2 (by
// episodes_by_child; the subquery walks that index back from ?2 and stops at
// the first row). Both arms come in index order, so nothing is sorted.
inline constexpr char kSelectEpisodesBesideSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND id != ?4 AND missing_since < ?3 "
    "AND missing_since >= coalesce((SELECT missing_since FROM episodes "
    "WHERE child_id = ?1 AND id != ?4 AND missing_since < ?2 "
    "ORDER BY missing_since DESC LIMIT 1), ?2) "
    "UNION "
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND id != ?4 AND returned_at IS NULL "
    "ORDER BY 6, 1";
// ListEpisodes(open_only): must use the partial index episodes_open. The
// unary plus keeps the planner from walking episodes_by_missing_since (every
// episode ever) to avoid sorting the few open ones.
inline constexpr char kSelectOpenEpisodesSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE returned_at IS NULL ORDER BY +missing_since, id";
inline constexpr char kSelectOpenEpisodesByChildSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND returned_at IS NULL ORDER BY missing_since, id";
// Episodes by time, for the agenda. Each is served by an index on its time
// column; none reads the whole history.
//
// Open at ?1: missing_since <= ?1 and not returned, or returned after ?1. Two
// disjoint arms, the first on the partial index episodes_open, the second on
// episodes_returned; the unary plus on missing_since keeps either arm off
// episodes_by_missing_since, whose range (everything that started before ?1)
// is the whole history. Sorting the union outside keeps the arms from being
// read in missing_since order through that index too.
inline constexpr char kSelectEpisodesOpenAtSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM ("
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE returned_at IS NULL AND +missing_since <= ?1 "
    "UNION ALL "
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE returned_at > ?1 AND +missing_since <= ?1) "
    "ORDER BY +missing_since, id";
// return_notified_at in (?1, ?2], by episodes_return_notified.
inline constexpr char kSelectEpisodesReturnNotifiedInSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE return_notified_at > ?1 AND return_notified_at <= ?2 "
    "ORDER BY return_notified_at, id";
// returned_at in [?1, ?2], by episodes_returned.
inline constexpr char kSelectEpisodesReturnedInSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE returned_at >= ?1 AND returned_at <= ?2 "
    "ORDER BY returned_at, id";
// missing_since in (?1, ?2], by episodes_by_missing_since.
inline constexpr char kSelectEpisodesStartedInSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE missing_since > ?1 AND missing_since <= ?2 "
    "ORDER BY missing_since, id";
// The history of several episodes at once: ?1 is a JSON array of episode row
// ids. Rows come by episode, each episode's in the order of
// kSelectRiskGradesSql / kSelectCorrectionsSql.
inline constexpr char kSelectRiskGradesOfEpisodesSql[] =
    "SELECT episode_id, risk, from_at, recorded_at, recorded_by, reason "
    "FROM risk_grades WHERE episode_id IN (SELECT value FROM json_each(?1)) "
    "ORDER BY episode_id, from_at, id";
inline constexpr char kSelectCorrectionsOfEpisodesSql[] =
    "SELECT episode_id, at, recorded_by, rpc, reason, changes FROM corrections "
    "WHERE episode_id IN (SELECT value FROM json_each(?1)) "
    "ORDER BY episode_id, at, id";
inline constexpr char kInsertRiskGradeSql[] =
    "INSERT INTO risk_grades(episode_id, risk, from_at, recorded_at, "
    "recorded_by, reason) VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kSelectRiskGradesSql[] =
    "SELECT risk, from_at, recorded_at, recorded_by, reason FROM risk_grades "
    "WHERE episode_id = ?1 ORDER BY from_at, id";
inline constexpr char kInsertCorrectionSql[] =
    "INSERT INTO corrections(episode_id, at, recorded_by, rpc, reason, "
    "changes) VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kSelectCorrectionsSql[] =
    "SELECT at, recorded_by, rpc, reason, changes FROM corrections "
    "WHERE episode_id = ?1 ORDER BY at, id";

// Return home interviews. The columns after episode_id are bound as ?1..?19
// in this order, with final_at as ?19 and episode_id as ?20.
inline constexpr char kInsertRhiSql[] =
    "INSERT INTO rhis(child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason, final_at, "
    "episode_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";
inline constexpr char kUpdateRhiSql[] =
    "UPDATE rhis SET child_id = ?1, returned_at = ?2, return_notified_at = ?3, "
    "due_at = ?4, due_at_from_return = ?5, offered_at = ?6, offered_by = ?7, "
    "declined_at = ?8, decline_reason = ?9, completed_at = ?10, "
    "completed_by = ?11, concerns = ?12, referral_made = ?13, notes = ?14, "
    "also_episode_ids = ?15, closure = ?16, closed_at = ?17, "
    "closed_reason = ?18, final_at = ?19 WHERE episode_id = ?20";
inline constexpr char kSelectRhiSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE episode_id = ?1";
// ?1: due_before (the largest int64 when unset).
inline constexpr char kSelectRhisSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE due_at < ?1 ORDER BY due_at, episode_id";
// ?1: child, ?2: due_before.
inline constexpr char kSelectRhisByChildSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE child_id = ?1 AND due_at < ?2 ORDER BY due_at, episode_id";
// RHIs open as of ?1 (final_at unset or after it), due before ?2. Two arms so
// that each uses its partial index (rhis_open, rhis_final) whatever ANALYZE
// says; an OR would be a scan. INDEXED BY keeps the second arm off
// rhis_by_due (schema v3), whose range is every RHI ever due before ?2.
inline constexpr char kSelectOpenRhisSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE final_at IS NULL AND due_at < ?2 "
    "UNION ALL "
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "INDEXED BY rhis_final WHERE final_at > ?1 AND due_at < ?2 "
    "ORDER BY due_at, episode_id";
// ?1: open as of, ?2: due_before, ?3: child.
inline constexpr char kSelectOpenRhisByChildSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE child_id = ?3 AND due_at < ?2 "
    "AND (final_at IS NULL OR final_at > ?1) ORDER BY due_at, episode_id";

// Links between episodes.
inline constexpr char kInsertLinkSql[] =
    "INSERT INTO links(reason, created_by, created_at) VALUES(?1, ?2, ?3)";
inline constexpr char kInsertLinkEpisodeSql[] =
    "INSERT INTO link_episodes(link_id, episode_id) VALUES(?1, ?2)";
// Every link with at least one of the episodes in ?1 (a JSON array of episode
// row ids), one row per linked episode: by link id, then episode id. The
// episodes are looked up in link_episodes_by_episode, the links by key.
inline constexpr char kSelectLinksOfEpisodesSql[] =
    "SELECT links.id, links.reason, links.created_by, links.created_at, "
    "link_episodes.episode_id FROM links "
    "JOIN link_episodes ON link_episodes.link_id = links.id "
    "WHERE links.id IN (SELECT link_id FROM link_episodes "
    "WHERE episode_id IN (SELECT value FROM json_each(?1))) "
    "ORDER BY links.id, link_episodes.episode_id";

// Meetings and their notes. The day is 'YYYY-MM-DD' (Europe/London), the
// frozen agenda a BLOB kept byte for byte, the attendees one per line.
inline constexpr char kInsertMeetingSql[] =
    "INSERT INTO meetings(day, state, as_of, frozen_agenda, attendees, "
    "opened_by, opened_at, closed_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr char kUpdateMeetingSql[] =
    "UPDATE meetings SET state = ?2, attendees = ?3, closed_at = ?4 "
    "WHERE id = ?1";
inline constexpr char kSelectMeetingSql[] =
    "SELECT id, day, state, as_of, frozen_agenda, attendees, opened_by, "
    "opened_at, closed_at FROM meetings WHERE id = ?1";
inline constexpr char kSelectMeetingByDaySql[] =
    "SELECT id, day, state, as_of, frozen_agenda, attendees, opened_by, "
    "opened_at, closed_at FROM meetings WHERE day = ?1";
// The latest meeting before day ?1, by meetings_by_day.
inline constexpr char kSelectMeetingBeforeSql[] =
    "SELECT id, day, state, as_of, frozen_agenda, attendees, opened_by, "
    "opened_at, closed_at FROM meetings WHERE day < ?1 "
    "ORDER BY day DESC LIMIT 1";
inline constexpr char kInsertNoteSql[] =
    "INSERT INTO notes(meeting_id, child_id, text, decision, addendum, author, "
    "at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
// A meeting's notes, oldest first, by notes_by_meeting.
inline constexpr char kSelectMeetingNotesSql[] =
    "SELECT id, meeting_id, child_id, text, decision, addendum, author, at "
    "FROM notes WHERE meeting_id = ?1 ORDER BY at, id";

// Actions. status 1 is ActionStatus::kOpen: the open-action queries name it
// as a literal so that the planner can use the partial index actions_open.
// The day of the action's meeting is copied from the meeting on insert.
// ?1: child, ?2: meeting, ?3..?16: what .. closed_at as in the column list.
inline constexpr char kInsertActionSql[] =
    "INSERT INTO actions(child_id, meeting_id, meeting_day, what, who, "
    "by_when, done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at) SELECT ?1, id, day, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16 FROM meetings WHERE id = ?2 "
    "RETURNING id, meeting_day";
// Rewrites every column but the ids (action, child, meeting and its day);
// ?3..?16 as in kInsertActionSql, the action's id as ?17.
inline constexpr char kUpdateActionSql[] =
    "UPDATE actions SET what = ?3, who = ?4, by_when = ?5, done_when = ?6, "
    "worked_when = ?7, assignee = ?8, status = ?9, done_evidence = ?10, "
    "impact_evidence = ?11, drop_reason = ?12, addendum = ?13, "
    "created_by = ?14, created_at = ?15, closed_at = ?16 WHERE id = ?17";
inline constexpr char kSelectActionSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE id = ?1";
// A meeting's actions, by actions_by_meeting.
inline constexpr char kSelectMeetingActionsSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE meeting_id = ?1 ORDER BY created_at, id";
// ListOpenActions and ListActions("", true): by actions_open.
inline constexpr char kSelectOpenActionsSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE status = 1 ORDER BY by_when, id";
// Open actions of meetings before day ?1, by actions_open.
inline constexpr char kSelectOpenActionsBeforeDaySql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE status = 1 AND meeting_day < ?1 "
    "ORDER BY by_when, id";
inline constexpr char kSelectActionsSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions ORDER BY by_when, id";
inline constexpr char kSelectActionsByChildSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE child_id = ?1 ORDER BY by_when, id";
inline constexpr char kSelectOpenActionsByChildSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE child_id = ?1 AND status = 1 "
    "ORDER BY by_when, id";

// Users.
inline constexpr char kInsertUserSql[] =
    "INSERT INTO users(name, role, token_sha256, created_at, revoked_at) "
    "VALUES(?1, ?2, ?3, ?4, ?5)";
inline constexpr char kSelectUserByNameSql[] =
    "SELECT name, role, token_sha256, created_at, revoked_at FROM users "
    "WHERE name = ?1";
inline constexpr char kSelectUserByTokenSql[] =
    "SELECT name, role, token_sha256, created_at, revoked_at FROM users "
    "WHERE token_sha256 = ?1";
inline constexpr char kSelectUsersSql[] =
    "SELECT name, role, token_sha256, created_at, revoked_at FROM users "
    "ORDER BY name";
// A second revocation keeps the first time.
inline constexpr char kRevokeUserSql[] =
    "UPDATE users SET revoked_at = COALESCE(revoked_at, ?2) WHERE name = ?1";

// Audit. child_ids and episode_ids are comma lists; audit_children indexes
// the child ids for ListAudit's child filter.
inline constexpr char kInsertAuditSql[] =
    "INSERT INTO audit(at, user, role, rpc, child_ids, episode_ids, outcome) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
inline constexpr char kInsertAuditChildSql[] =
    "INSERT OR IGNORE INTO audit_children(child_id, audit_id) VALUES(?1, ?2)";
// ?1: since (the smallest int64 when unset), ?2: limit (-1: none).
inline constexpr char kSelectAuditSql[] =
    "SELECT id, at, user, role, rpc, child_ids, episode_ids, outcome "
    "FROM audit WHERE at >= ?1 ORDER BY id LIMIT ?2";
// ?1: child id, ?2: since, ?3: limit.
inline constexpr char kSelectAuditByChildSql[] =
    "SELECT audit.id, audit.at, audit.user, audit.role, audit.rpc, "
    "audit.child_ids, audit.episode_ids, audit.outcome "
    "FROM audit_children JOIN audit ON audit.id = audit_children.audit_id "
    "WHERE audit_children.child_id = ?1 AND audit.at >= ?2 "
    "ORDER BY audit_children.audit_id LIMIT ?3";

// Reports. Each statement selects the rows whose one time column falls in a
// period [?, ?) by the index on that column; what counts, and how, is the
// domain's. tests/storage/selections_test.cc holds every one to the domain's
// windows on generated histories.
//
// Episodes starting in the period with their child's placement, by
// episodes_by_missing_since and the children's key.
inline constexpr char kSelectEpisodesStartedInPeriodSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to, "
    "looked_after, placing_authority FROM episodes JOIN (SELECT id AS "
    "child_id, looked_after, placing_authority FROM children) USING (child_id) "
    "WHERE missing_since >= ? AND missing_since < ? ORDER BY missing_since, id";
// By episodes_by_missing_since alone.
inline constexpr char kCountEpisodesStartedInPeriodSql[] =
    "SELECT COUNT(*) FROM episodes WHERE missing_since >= ? AND "
    "missing_since < ?";
// By episodes_returned alone.
inline constexpr char kCountEpisodesReturnedInPeriodSql[] =
    "SELECT COUNT(*) FROM episodes WHERE returned_at >= ? AND returned_at < ?";
// By rhis_by_due.
inline constexpr char kSelectRhisDueInPeriodSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE due_at >= ? AND due_at < ? ORDER BY due_at, episode_id";
// By rhis_by_due_from_return.
inline constexpr char kSelectRhisDueFromReturnInPeriodSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE due_at_from_return >= ? AND due_at_from_return < ? "
    "ORDER BY due_at_from_return, episode_id";
// By rhis_completed.
inline constexpr char kSelectRhisCompletedInPeriodSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE completed_at >= ? AND completed_at < ? "
    "ORDER BY completed_at, episode_id";
// Actions of meetings on the days [?, ?) ('YYYY-MM-DD'), by actions_by_day.
inline constexpr char kSelectActionsAgreedOnDaysSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions "
    "WHERE meeting_day >= ? AND meeting_day < ? ORDER BY meeting_day, id";
// By actions_closed.
inline constexpr char kSelectActionsClosedInPeriodSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions "
    "WHERE closed_at >= ? AND closed_at < ? ORDER BY closed_at, id";
// Open actions (actions_open) and those closed at or after ? (actions_closed:
// INDEXED BY keeps that arm from walking actions_by_when, every action ever,
// to spare the sort).
inline constexpr char kSelectActionsOpenAtEndOfSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions WHERE status = 1 "
    "UNION ALL "
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions INDEXED BY actions_closed WHERE closed_at >= ? "
    "ORDER BY by_when, id";
// By actions_by_when.
inline constexpr char kSelectActionsDueInPeriodSql[] =
    "SELECT id, child_id, meeting_id, meeting_day, what, who, by_when, "
    "done_when, worked_when, assignee, status, done_evidence, "
    "impact_evidence, drop_reason, addendum, created_by, created_at, "
    "closed_at FROM actions "
    "WHERE by_when >= ? AND by_when < ? ORDER BY by_when, id";
// Flags named ? set before ?, by flags_by_name.
inline constexpr char kSelectFlagsSetBeforeSql[] =
    "SELECT name, set_at, cleared_at, child_id FROM flags "
    "WHERE name = ? AND set_at < ? ORDER BY set_at, id";
// The child's episode starts in [?, ?), by episodes_by_child alone.
inline constexpr char kSelectEpisodeStartsOfChildSql[] =
    "SELECT missing_since FROM episodes "
    "WHERE child_id = ? AND missing_since >= ? AND missing_since < ? "
    "ORDER BY missing_since";
// The SSDA903 episodes of [?, ?): those starting in the period
// (episodes_by_missing_since), and those started before it and not returned
// before its start (episodes_open, episodes_returned); each with its child.
inline constexpr char kSelectSsdaEpisodesSql[] =
    "SELECT e.id, c.id, c.la_ref, c.date_of_birth, c.looked_after, "
    "c.placing_authority, e.category, e.missing_since, e.returned_at "
    "FROM episodes e JOIN children c ON c.id = e.child_id "
    "WHERE e.missing_since >= ? AND e.missing_since < ? "
    "UNION ALL "
    "SELECT e.id, c.id, c.la_ref, c.date_of_birth, c.looked_after, "
    "c.placing_authority, e.category, e.missing_since, e.returned_at "
    "FROM episodes e JOIN children c ON c.id = e.child_id "
    "WHERE e.returned_at IS NULL AND +e.missing_since < ? "
    "UNION ALL "
    "SELECT e.id, c.id, c.la_ref, c.date_of_birth, c.looked_after, "
    "c.placing_authority, e.category, e.missing_since, e.returned_at "
    "FROM episodes e JOIN children c ON c.id = e.child_id "
    "WHERE e.returned_at >= ? AND +e.missing_since < ? "
    "ORDER BY 2, 8, 1";
// A child's notes and decisions, oldest first, by notes_by_child.
inline constexpr char kSelectChildNotesSql[] =
    "SELECT id, meeting_id, child_id, text, decision, addendum, author, at "
    "FROM notes WHERE child_id = ?1 ORDER BY at, id";

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_QUERIES_H_
