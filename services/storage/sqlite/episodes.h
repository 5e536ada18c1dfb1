// The SQL of episodes, their risk grades and their corrections; the binds and
// row readers are in episodes.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_EPISODES_H_
#define MFH_SERVICES_STORAGE_SQLITE_EPISODES_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/domain/types.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/sqlite/page.h"

// The columns of an episode that InsertEpisode and UpdateEpisode write, in
// bind order (parameters 1 to 15).
#define MFH_EPISODE_FIELDS                                         \
  "child_id, police_force, police_ref, category, missing_since, "  \
  "notified_at, risk, reporter, returned_at, return_notified_at, " \
  "found_location, found_with, returned_to, voided_at, void_reason"
// Keeps what a voided episode (schema v6) must leave: every selection but
// the history's (by id, by police reference, every episode or a child's).
#define MFH_NOT_VOIDED "voided_at IS NULL"
// An episode's row as ReadEpisode reads it; its sixth column, missing_since,
// is what kSelectEpisodesBesideSql orders by.
#define MFH_EPISODE_ROW_FIELDS "id, " MFH_EPISODE_FIELDS
// A risk grade's row as ReadRiskGrade reads it; episode_id after it.
#define MFH_RISK_GRADE_ROW_FIELDS \
  "risk, from_at, recorded_at, recorded_by, reason"
// A correction's row as ReadCorrection reads it; episode_id after it.
#define MFH_CORRECTION_ROW_FIELDS "at, recorded_by, rpc, reason, changes"

namespace mfh::storage::sql {

inline constexpr char kInsertEpisodeSql[] =
    "INSERT INTO episodes(" MFH_EPISODE_FIELDS
    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The episode's id is parameter 16.
inline constexpr char kUpdateEpisodeSql[] =
    "UPDATE episodes SET (" MFH_EPISODE_FIELDS
    ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";
inline constexpr char kSelectEpisodeSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS " FROM episodes WHERE id = ?";
inline constexpr char kSelectEpisodeByPoliceRefSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE police_force = ? AND police_ref = ?";
// FindOpenEpisode: must use the partial index episodes_open.
inline constexpr char kSelectOpenEpisodeSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND returned_at IS NULL "
    "AND " MFH_NOT_VOIDED " ORDER BY missing_since DESC, id DESC LIMIT 1";
inline constexpr char kSelectLastReturnedEpisodeSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND returned_at IS NOT NULL "
    "AND " MFH_NOT_VOIDED " ORDER BY returned_at DESC, id DESC LIMIT 1";
// ListEpisodes: a page (page.h) of every episode, by episodes_by_missing_since.
inline constexpr char kSelectEpisodesSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE " MFH_AFTER_TIME_AND_ID(
        "missing_since", "id") " ORDER BY missing_since, id LIMIT ?";
// The child, then the page, by episodes_by_child.
inline constexpr char kSelectEpisodesByChildSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND " MFH_AFTER_TIME_AND_ID(
        "missing_since", "id") " ORDER BY missing_since, id LIMIT ?";
// ListEpisodesBeside: the child's episodes other than the candidate that a
// period [start, end) could overlap; the parameters are child, candidate,
// end, child, candidate, start, start, child, candidate. Stored periods never
// overlap one another, so only three kinds can: the open ones (by
// episodes_open), those starting in [start, end), and those starting at the
// latest start before it (by episodes_by_child; the subquery walks that
// index back from the start and stops at the first row). Both arms come in
// index order, so nothing is sorted.
inline constexpr char kSelectEpisodesBesideSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND id != ? AND missing_since < ? "
    "AND missing_since >= coalesce((SELECT missing_since FROM episodes "
    "WHERE child_id = ? AND id != ? AND missing_since < ? "
    "AND " MFH_NOT_VOIDED
    " ORDER BY missing_since DESC LIMIT 1), ?) "
    "AND " MFH_NOT_VOIDED
    " UNION "
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND id != ? AND returned_at IS NULL "
    "AND " MFH_NOT_VOIDED " ORDER BY 6, 1";
// ListEpisodes(open_only): must use the partial index episodes_open. The
// unary plus keeps the planner from walking episodes_by_missing_since (every
// episode ever) to avoid sorting the few open ones.
inline constexpr char kSelectOpenEpisodesSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE returned_at IS NULL AND " MFH_NOT_VOIDED
    " AND " MFH_AFTER_TIME_AND_ID("+missing_since",
                                  "id") " ORDER BY +missing_since, id LIMIT ?";
inline constexpr char kSelectOpenEpisodesByChildSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE child_id = ? AND returned_at IS NULL "
    "AND " MFH_NOT_VOIDED " AND " MFH_AFTER_TIME_AND_ID(
        "missing_since", "id") " ORDER BY missing_since, id LIMIT ?";

// Episodes by time, for the agenda. Each is served by an index on its time
// column; none reads the whole history.
//
// Open at t (all three parameters): missing_since <= t and not returned, or
// returned after t. Two disjoint arms, the first on the partial index
// episodes_open, the second on episodes_returned; the unary plus on
// missing_since keeps either arm off episodes_by_missing_since, whose range
// (everything that started before t) is the whole history. Sorting the union
// outside keeps the arms from being read in missing_since order through that
// index too.
inline constexpr char kSelectEpisodesOpenAtSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS " FROM (SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE returned_at IS NULL AND +missing_since <= ? "
    "UNION ALL "
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE returned_at > ? AND +missing_since <= ?) "
    "WHERE " MFH_NOT_VOIDED " ORDER BY +missing_since, id";
// return_notified_at in (after, until], by episodes_return_notified.
inline constexpr char kSelectEpisodesReturnNotifiedInSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE return_notified_at > ? AND return_notified_at <= ? "
    "AND " MFH_NOT_VOIDED " ORDER BY return_notified_at, id";
// returned_at in [from, until], by episodes_returned.
inline constexpr char kSelectEpisodesReturnedInSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE returned_at >= ? AND returned_at <= ? "
    "AND " MFH_NOT_VOIDED " ORDER BY returned_at, id";
// missing_since in (after, until], by episodes_by_missing_since.
inline constexpr char kSelectEpisodesStartedInSql[] =
    "SELECT " MFH_EPISODE_ROW_FIELDS
    " FROM episodes WHERE missing_since > ? AND missing_since <= ? "
    "AND " MFH_NOT_VOIDED " ORDER BY missing_since, id";

inline constexpr char kInsertRiskGradeSql[] =
    "INSERT INTO risk_grades(" MFH_RISK_GRADE_ROW_FIELDS
    ", episode_id) VALUES(?, ?, ?, ?, ?, ?)";
inline constexpr char kSelectRiskGradesSql[] =
    "SELECT " MFH_RISK_GRADE_ROW_FIELDS
    " FROM risk_grades WHERE episode_id = ? ORDER BY from_at, id";
// The history of several episodes at once: the parameter is a JSON array of
// episode row ids. Rows come by episode, each episode's in the order of
// kSelectRiskGradesSql / kSelectCorrectionsSql.
inline constexpr char kSelectRiskGradesOfEpisodesSql[] =
    "SELECT " MFH_RISK_GRADE_ROW_FIELDS
    ", episode_id FROM risk_grades "
    "WHERE episode_id IN (SELECT value FROM json_each(?)) "
    "ORDER BY episode_id, from_at, id";
// The changes are stored one per line.
inline constexpr char kInsertCorrectionSql[] =
    "INSERT INTO corrections(" MFH_CORRECTION_ROW_FIELDS
    ", episode_id) VALUES(?, ?, ?, ?, ?, ?)";
inline constexpr char kSelectCorrectionsSql[] =
    "SELECT " MFH_CORRECTION_ROW_FIELDS
    " FROM corrections WHERE episode_id = ? ORDER BY at, id";
inline constexpr char kSelectCorrectionsOfEpisodesSql[] =
    "SELECT " MFH_CORRECTION_ROW_FIELDS
    ", episode_id FROM corrections "
    "WHERE episode_id IN (SELECT value FROM json_each(?)) "
    "ORDER BY episode_id, at, id";

}  // namespace mfh::storage::sql

namespace mfh::storage {

// Reads MFH_EPISODE_ROW_FIELDS from the first columns of the row; without
// the history lists.
absl::StatusOr<domain::Episode> ReadEpisode(const Statement& s);

// Loads the risk_history and corrections of the episodes: two queries in
// all, however many episodes.
absl::Status LoadEpisodeHistories(
    Connection& db, const std::vector<domain::Episode*>& episodes);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_EPISODES_H_
