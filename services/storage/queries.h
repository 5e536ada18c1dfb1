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
// ListEpisodes(open_only): must use the partial index episodes_open.
inline constexpr char kSelectOpenEpisodesSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE returned_at IS NULL ORDER BY missing_since, id";
inline constexpr char kSelectOpenEpisodesByChildSql[] =
    "SELECT id, child_id, police_force, police_ref, category, missing_since, "
    "notified_at, risk, reporter, returned_at, return_notified_at, "
    "found_location, found_with, returned_to FROM episodes "
    "WHERE child_id = ?1 AND returned_at IS NULL ORDER BY missing_since, id";
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
// says; an OR would be a scan.
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
    "WHERE final_at > ?1 AND due_at < ?2 "
    "ORDER BY due_at, episode_id";
// ?1: open as of, ?2: due_before, ?3: child.
inline constexpr char kSelectOpenRhisByChildSql[] =
    "SELECT episode_id, child_id, returned_at, return_notified_at, due_at, "
    "due_at_from_return, offered_at, offered_by, declined_at, decline_reason, "
    "completed_at, completed_by, concerns, referral_made, notes, "
    "also_episode_ids, closure, closed_at, closed_reason FROM rhis "
    "WHERE child_id = ?3 AND due_at < ?2 "
    "AND (final_at IS NULL OR final_at > ?1) ORDER BY due_at, episode_id";

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

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_QUERIES_H_
