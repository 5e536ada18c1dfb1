// The SQL of what interviews find (schema v8): the versions of each
// interview's findings with their places and associates, and the follow-ups
// after a decline; the binds and row readers are in findings.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_FINDINGS_H_
#define MFH_SERVICES_STORAGE_SQLITE_FINDINGS_H_

#include "services/storage/sqlite/interviews.h"
#include "services/storage/sqlite/page.h"

// The columns of a version, in bind order: parameters 1 to 14, then newest
// (always 1 on insert), version (15) and episode_id (16).
#define MFH_FINDINGS_FIELDS                                                  \
  "push_factors, push_other, pull_factors, pull_other, indicators, "         \
  "indicator_other, child_voice, referral, share_with_police, share_basis, " \
  "recorded_at, recorded_by, acknowledged_at, acknowledged_by, newest, "     \
  "version"
// A version as ReadFindings reads it, from a query on `findings f`.
#define MFH_FINDINGS_ROW_FIELDS                                        \
  "f.push_factors, f.push_other, f.pull_factors, f.pull_other, "       \
  "f.indicators, f.indicator_other, f.child_voice, f.referral, "       \
  "f.share_with_police, f.share_basis, f.recorded_at, f.recorded_by, " \
  "f.acknowledged_at, f.acknowledged_by, f.version"
// The newest version with its interview's episode, child and completion, of
// episodes not voided.
#define MFH_FINDINGS_OF_SELECT                                                \
  "SELECT f.episode_id, r.child_id, r.completed_at, " MFH_FINDINGS_ROW_FIELDS \
  " FROM findings f JOIN rhis r ON r.episode_id = f.episode_id WHERE "        \
  "r." MFH_RHI_NOT_VOIDED " AND f.newest = 1 "

namespace mfh::storage::sql {

inline constexpr char kRetireFindingsSql[] =
    "UPDATE findings SET newest = 0 WHERE episode_id = ? AND newest = 1";
inline constexpr char kInsertFindingsSql[] =
    "INSERT INTO findings(" MFH_FINDINGS_FIELDS
    ", episode_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
inline constexpr char kInsertFindingNameSql[] =
    "INSERT INTO finding_names(episode_id, version, kind, position, name) "
    "VALUES(?, ?, ?, ?, ?)";
inline constexpr char kSelectFindingsSql[] =
    "SELECT " MFH_FINDINGS_ROW_FIELDS
    " FROM findings f WHERE f.episode_id = ? ORDER BY f.version";
inline constexpr char kSelectFindingNamesSql[] =
    "SELECT version, kind, name FROM finding_names WHERE episode_id = ? "
    "ORDER BY version, kind, position";
inline constexpr char kAcknowledgeFindingsSql[] =
    "UPDATE findings SET acknowledged_at = ?, acknowledged_by = ? "
    "WHERE episode_id = ? AND version = ?";
// Shared with the police, keyed by (recorded_at, episode_id); the
// unacknowledged ones alone in the second.
inline constexpr char kSelectSharedFindingsSql[] =
    MFH_FINDINGS_OF_SELECT "AND f.share_with_police = 1 AND " MFH_AFTER_TIME_AND_ID(
        "f.recorded_at", "f.episode_id") " ORDER BY f.recorded_at, "
                                         "f.episode_id LIMIT ?";
inline constexpr char kSelectUnacknowledgedFindingsSql[] =
    MFH_FINDINGS_OF_SELECT
    "AND f.share_with_police = 1 AND f.acknowledged_at IS NULL "
    "AND " MFH_AFTER_TIME_AND_ID(
        "f.recorded_at",
        "f.episode_id") " ORDER BY f.recorded_at, f.episode_id LIMIT ?";
inline constexpr char kCountUnacknowledgedFindingsSql[] =
    "SELECT COUNT(*) FROM findings f JOIN rhis r ON r.episode_id = "
    "f.episode_id WHERE f.newest = 1 AND f.share_with_police = 1 AND "
    "f.acknowledged_at IS NULL AND f.recorded_at <= ? AND "
    "r." MFH_RHI_NOT_VOIDED;
// An indicator and no referral, recorded at or before the parameter.
inline constexpr char kSelectConcernFindingsSql[] = MFH_FINDINGS_OF_SELECT
    "AND f.indicators <> '' AND f.referral = 'none' AND f.recorded_at <= ? "
    "ORDER BY r.completed_at, f.episode_id";
// Of RHIs completed in [from, until), by the rhis_completed index.
inline constexpr char kSelectFindingsCompletedInSql[] = MFH_FINDINGS_OF_SELECT
    "AND r.completed_at >= ? AND r.completed_at < ? "
    "ORDER BY r.completed_at, f.episode_id";

inline constexpr char kInsertFollowUpSql[] =
    "INSERT INTO follow_ups(episode_id, at, by_name, engaged, notes, "
    "recorded_at, recorded_by) VALUES(?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kSelectFollowUpsSql[] =
    "SELECT at, by_name, engaged, notes, recorded_at, recorded_by FROM "
    "follow_ups WHERE episode_id = ? ORDER BY at, id";

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_SQLITE_FINDINGS_H_
