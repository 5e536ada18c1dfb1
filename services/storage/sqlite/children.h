// The SQL of children and their flags; the binds and row readers are in
// children.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_CHILDREN_H_
#define MFH_SERVICES_STORAGE_SQLITE_CHILDREN_H_

#include "services/domain/types.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/sqlite/page.h"

// The columns of a child that InsertChild and UpdateChild write, in bind
// order (parameters 1 to 13); contacts one per line.
#define MFH_CHILD_FIELDS                                                       \
  "name, date_of_birth, la_ref, looked_after, placing_authority, created_at, " \
  "sex, ethnicity, social_worker, team, placement, school, contacts"
// A child's row as ReadChild reads it.
#define MFH_CHILD_ROW_FIELDS "id, " MFH_CHILD_FIELDS
// A flag's row as ReadFlag reads it; the child_id is bound or read after it.
#define MFH_FLAG_ROW_FIELDS "name, set_at, cleared_at"

namespace mfh::storage::sql {

inline constexpr char kInsertChildSql[] =
    "INSERT INTO children(" MFH_CHILD_FIELDS
    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The child's id is parameter 14.
inline constexpr char kUpdateChildSql[] =
    "UPDATE children SET (" MFH_CHILD_FIELDS
    ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";
// The changes are stored one per line.
inline constexpr char kInsertChildChangeSql[] =
    "INSERT INTO child_changes(child_id, at, recorded_by, changes) "
    "VALUES(?, ?, ?, ?)";
inline constexpr char kSelectChildChangesSql[] =
    "SELECT at, recorded_by, changes FROM child_changes WHERE child_id = ? "
    "ORDER BY at, id";
inline constexpr char kSelectChildSql[] =
    "SELECT " MFH_CHILD_ROW_FIELDS " FROM children WHERE id = ?";
// A page: after the id, at most the limit.
inline constexpr char kSelectChildrenSql[] =
    "SELECT " MFH_CHILD_ROW_FIELDS
    " FROM children WHERE id > ? ORDER BY id LIMIT ?";
// The flag, then the page.
inline constexpr char kSelectChildrenWithFlagSql[] =
    "SELECT " MFH_CHILD_ROW_FIELDS
    " FROM children WHERE id IN (SELECT child_id FROM flags "
    "WHERE name = ? AND cleared_at IS NULL) AND id > ? ORDER BY id LIMIT ?";

inline constexpr char kInsertFlagSql[] =
    "INSERT INTO flags(" MFH_FLAG_ROW_FIELDS ", child_id) VALUES(?, ?, ?, ?)";
inline constexpr char kSelectFlagsSql[] =
    "SELECT " MFH_FLAG_ROW_FIELDS
    " FROM flags WHERE child_id = ? ORDER BY set_at, id";
inline constexpr char kClearFlagSql[] =
    "UPDATE flags SET cleared_at = ? "
    "WHERE child_id = ? AND name = ? AND cleared_at IS NULL";

}  // namespace mfh::storage::sql

namespace mfh::storage {

// Reads MFH_FLAG_ROW_FIELDS from the first columns of the row.
domain::Flag ReadFlag(const Statement& s);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_CHILDREN_H_
