// The SQL of users and of the audit log; the binds and row readers are in
// users_and_audit.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_USERS_AND_AUDIT_H_
#define MFH_SERVICES_STORAGE_SQLITE_USERS_AND_AUDIT_H_

// A user's row, as InsertUser writes it and ReadUser reads it.
#define MFH_USER_ROW_FIELDS "name, role, token_sha256, created_at, revoked_at"
// The columns of an audit row after its id, in bind order; child_ids and
// episode_ids are comma lists.
#define MFH_AUDIT_FIELDS \
  "at, user, role, rpc, child_ids, episode_ids, outcome, subject"
#define MFH_AUDIT_ROW_FIELDS "id, " MFH_AUDIT_FIELDS
// An audit row with its place in the hash chain.
#define MFH_AUDIT_CHAINED_FIELDS MFH_AUDIT_ROW_FIELDS ", previous_hash, hash"

namespace mfh::storage::sql {

inline constexpr char kInsertUserSql[] =
    "INSERT INTO users(" MFH_USER_ROW_FIELDS ") VALUES(?, ?, ?, ?, ?)";
inline constexpr char kSelectUserByNameSql[] =
    "SELECT " MFH_USER_ROW_FIELDS " FROM users WHERE name = ?";
inline constexpr char kSelectUserByTokenSql[] =
    "SELECT " MFH_USER_ROW_FIELDS " FROM users WHERE token_sha256 = ?";
inline constexpr char kSelectUsersSql[] =
    "SELECT " MFH_USER_ROW_FIELDS " FROM users ORDER BY name";
// A second revocation keeps the first time; the parameters are the time,
// then the name.
inline constexpr char kRevokeUserSql[] =
    "UPDATE users SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?";

inline constexpr char kInsertAuditSql[] =
    "INSERT INTO audit(" MFH_AUDIT_CHAINED_FIELDS
    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The id the next audit row gets.
inline constexpr char kSelectNextAuditIdSql[] =
    "SELECT COALESCE(MAX(id), 0) + 1 FROM audit";
inline constexpr char kSelectAuditChainSql[] =
    "SELECT first_id, started_at, head_id, head_hash FROM audit_chain";
// The head's id, then its hash.
inline constexpr char kUpdateAuditChainHeadSql[] =
    "UPDATE audit_chain SET head_id = ?, head_hash = ?";
// Every row with its link, in id order.
inline constexpr char kSelectAuditChainedSql[] =
    "SELECT " MFH_AUDIT_CHAINED_FIELDS " FROM audit ORDER BY id";
// The index of audit_children in audit id order, for the chain's check.
inline constexpr char kSelectAuditIndexSql[] =
    "SELECT audit_id, child_id FROM audit_children ORDER BY audit_id, child_id";
// audit_children indexes the child ids for ListAudit's child filter.
inline constexpr char kInsertAuditChildSql[] =
    "INSERT OR IGNORE INTO audit_children(child_id, audit_id) VALUES(?, ?)";
// Since (the smallest int64 when unset), the id the page starts after, then
// the limit (-1: none).
inline constexpr char kSelectAuditSql[] =
    "SELECT " MFH_AUDIT_ROW_FIELDS
    " FROM audit WHERE at >= ? AND id > ? ORDER BY id LIMIT ?";
// The child id, since, the id the page starts after, then the limit.
inline constexpr char kSelectAuditByChildSql[] =
    "SELECT " MFH_AUDIT_ROW_FIELDS
    " FROM audit_children JOIN audit ON audit.id = audit_children.audit_id "
    "WHERE audit_children.child_id = ? AND audit.at >= ? "
    "AND audit_children.audit_id > ? "
    "ORDER BY audit_children.audit_id LIMIT ?";

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_SQLITE_USERS_AND_AUDIT_H_
