// The SQL of return home interviews (table rhis, keyed by episode); the
// binds and row readers are in interviews.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_INTERVIEWS_H_
#define MFH_SERVICES_STORAGE_SQLITE_INTERVIEWS_H_

#include "absl/status/statusor.h"
#include "services/domain/types.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/sqlite/page.h"

// The columns of an RHI after its key, in bind order (parameters 1 to 19);
// final_at (20, derived) and episode_id (21) follow them on writes.
#define MFH_RHI_FIELDS                                                      \
  "child_id, returned_at, return_notified_at, due_at, due_at_from_return, " \
  "offered_at, offered_by, declined_at, decline_reason, completed_at, "     \
  "completed_by, concerns, referral_made, notes, also_episode_ids, "        \
  "closure, closed_at, closed_reason, voided_at"
// An RHI's row as ReadRhi reads it.
#define MFH_RHI_ROW_FIELDS "episode_id, " MFH_RHI_FIELDS

namespace mfh::storage::sql {

inline constexpr char kInsertRhiSql[] =
    "INSERT INTO rhis(" MFH_RHI_FIELDS
    ", final_at, episode_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kUpdateRhiSql[] =
    "UPDATE rhis SET (" MFH_RHI_FIELDS
    ", final_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?) WHERE episode_id = ?";
// Keeps what the RHI of a voided episode (schema v6) must leave: every
// selection but the one by episode.
#define MFH_RHI_NOT_VOIDED "voided_at IS NULL"

inline constexpr char kSelectRhiSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS " FROM rhis WHERE episode_id = ?";
// The child's RHI for the latest return at or before an instant, other than
// an episode's own; the parameters are the child, the instant and the
// episode. rhis_by_child_returned (schema v9) gives it from the index's end.
inline constexpr char kSelectPreviousRhiSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE child_id = ? AND returned_at <= ? AND episode_id <> ? "
    "AND " MFH_RHI_NOT_VOIDED
    " ORDER BY returned_at DESC, episode_id DESC "
    "LIMIT 1";
// Every statement of ListRhis ends with a page (page.h) keyed by
// (due_at, episode_id).
//
// Due before the parameter (the largest int64 when unset).
inline constexpr char kSelectRhisSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE due_at < ? AND " MFH_RHI_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID(
        "due_at", "episode_id") " ORDER BY due_at, episode_id LIMIT ?";
// The child's, due before the second parameter.
inline constexpr char kSelectRhisByChildSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE child_id = ? AND due_at < ? AND " MFH_RHI_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID(
        "due_at", "episode_id") " ORDER BY due_at, episode_id LIMIT ?";
// RHIs open as of t are those not final, and those final after t. Not final,
// due before d: the parameters are d, then the page; rhis_open gives them
// in order.
inline constexpr char kSelectUnfinalRhisSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE final_at IS NULL AND due_at < ? AND " MFH_RHI_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID(
        "due_at", "episode_id") " ORDER BY due_at, episode_id LIMIT ?";
// Final after t, due before d, from the page's start on: the parameters are
// t, d, then the page's start. Unordered and unlimited (ListRhis merges them
// with the others): ORDER BY would build a temporary b-tree at every call,
// even for no row, and as of now there are none. INDEXED BY keeps it off
// rhis_by_due (schema v3), whose range is every RHI ever due before d.
inline constexpr char kSelectFinalAfterRhisSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis INDEXED BY rhis_final WHERE final_at > ? AND due_at < ? "
    "AND " MFH_RHI_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID("due_at", "episode_id");
// The child's RHIs open as of t, due before d; the parameters are the
// child, d, t, then the page.
inline constexpr char kSelectOpenRhisByChildSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE child_id = ? AND due_at < ? "
    "AND (final_at IS NULL OR final_at > ?) AND " MFH_RHI_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID(
        "due_at", "episode_id") " ORDER BY due_at, episode_id LIMIT ?";

}  // namespace mfh::storage::sql

namespace mfh::storage {

// Reads MFH_RHI_ROW_FIELDS from the first columns of the row.
absl::StatusOr<domain::Rhi> ReadRhi(const Statement& s);
// Every row of `s`, each read by ReadRhi.
absl::StatusOr<std::vector<domain::Rhi>> ReadRhis(Statement& s);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_INTERVIEWS_H_
