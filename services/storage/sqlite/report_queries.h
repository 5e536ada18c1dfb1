// The SQL the reports read: each statement selects the rows whose one time
// column falls in a period [from, until) by the index on that column, and
// decides nothing else; what counts, and how, is the domain's (monthly.h,
// exceptions.h, reports.h). tests/storage/selections_test.cc holds every one
// to the domain's windows on generated histories. The binds and row readers
// are in report_queries.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_REPORT_QUERIES_H_
#define MFH_SERVICES_STORAGE_SQLITE_REPORT_QUERIES_H_

#include "services/storage/sqlite/children.h"
#include "services/storage/sqlite/episodes.h"
#include "services/storage/sqlite/interviews.h"
#include "services/storage/sqlite/meetings_and_actions.h"

// A domain::PlacedEpisode: the episode's row, then its child's placement.
#define MFH_PLACED_EPISODE_ROW_FIELDS \
  MFH_EPISODE_ROW_FIELDS ", looked_after, placing_authority"
// A domain::SsdaEpisode, from episodes e joined to children c.
#define MFH_SSDA_EPISODE_ROW_FIELDS                         \
  "e.id, c.id, c.la_ref, c.date_of_birth, c.looked_after, " \
  "c.placing_authority, e.category, e.missing_since, e.returned_at"

namespace mfh::storage::sql {

// By episodes_by_missing_since, the children by key. CROSS JOIN keeps the
// episodes the outer loop: SQLite's planner does not reorder it, and with
// statistics of many children it would otherwise walk every child's
// episodes.
inline constexpr char kSelectEpisodesStartedInPeriodSql[] =
    "SELECT " MFH_PLACED_EPISODE_ROW_FIELDS
    " FROM episodes CROSS JOIN (SELECT id AS child_id, looked_after, "
    "placing_authority FROM children) USING (child_id) "
    "WHERE missing_since >= ? AND missing_since < ? AND " MFH_NOT_VOIDED
    " ORDER BY missing_since, id";
// By episodes_by_missing_since alone.
inline constexpr char kCountEpisodesStartedInPeriodSql[] =
    "SELECT COUNT(*) FROM episodes WHERE missing_since >= ? AND "
    "missing_since < ? AND " MFH_NOT_VOIDED;
// By episodes_returned alone.
inline constexpr char kCountEpisodesReturnedInPeriodSql[] =
    "SELECT COUNT(*) FROM episodes WHERE returned_at >= ? AND returned_at < ? "
    "AND " MFH_NOT_VOIDED;
// By rhis_by_due.
inline constexpr char kSelectRhisDueInPeriodSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE due_at >= ? AND due_at < ? AND " MFH_RHI_NOT_VOIDED
    " ORDER BY due_at, episode_id";
// By rhis_by_due_from_return.
inline constexpr char kSelectRhisDueFromReturnInPeriodSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE due_at_from_return >= ? AND due_at_from_return < ? "
    "AND " MFH_RHI_NOT_VOIDED " ORDER BY due_at_from_return, episode_id";
// By rhis_completed.
inline constexpr char kSelectRhisCompletedInPeriodSql[] =
    "SELECT " MFH_RHI_ROW_FIELDS
    " FROM rhis WHERE completed_at >= ? AND completed_at < ? "
    "AND " MFH_RHI_NOT_VOIDED " ORDER BY completed_at, episode_id";
// Actions of meetings on the days [first, end) ('YYYY-MM-DD'), by
// actions_by_day.
inline constexpr char kSelectActionsAgreedOnDaysSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE meeting_day >= ? AND meeting_day < ? "
    "ORDER BY meeting_day, id";
// By actions_closed.
inline constexpr char kSelectActionsClosedInPeriodSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE closed_at >= ? AND closed_at < ? "
    "ORDER BY closed_at, id";
// Open actions (actions_open, status 1 as in meetings_and_actions.h) and
// those closed at or after the parameter (actions_closed: INDEXED BY keeps
// that arm from walking actions_by_when, every action ever, to spare the
// sort).
inline constexpr char kSelectActionsOpenAtEndOfSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE status = 1 "
    "UNION ALL "
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions INDEXED BY actions_closed WHERE closed_at >= ? "
    "ORDER BY by_when, id";
// By actions_by_when.
inline constexpr char kSelectActionsDueInPeriodSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE by_when >= ? AND by_when < ? ORDER BY by_when, id";
// Flags of a name set before the parameter, by flags_by_name; the child
// after the flag's row.
inline constexpr char kSelectFlagsSetBeforeSql[] =
    "SELECT " MFH_FLAG_ROW_FIELDS
    ", child_id FROM flags WHERE name = ? AND set_at < ? "
    "ORDER BY set_at, id";
// The child's episode starts in [from, until), by episodes_by_child alone.
inline constexpr char kSelectEpisodeStartsOfChildSql[] =
    "SELECT missing_since FROM episodes "
    "WHERE child_id = ? AND missing_since >= ? AND missing_since < ? "
    "AND " MFH_NOT_VOIDED " ORDER BY missing_since";
// The SSDA903 episodes of [from, until): those starting in the period
// (episodes_by_missing_since), and those started before it and not returned
// before its start (episodes_open, episodes_returned), each with its child
// (by key; CROSS JOIN as above). The parameters are from, until, from, from,
// from.
inline constexpr char kSelectSsdaEpisodesSql[] =
    "SELECT " MFH_SSDA_EPISODE_ROW_FIELDS
    " FROM episodes e CROSS JOIN children c ON c.id = e.child_id "
    "WHERE e.missing_since >= ? AND e.missing_since < ? AND e." MFH_NOT_VOIDED
    " UNION ALL "
    "SELECT " MFH_SSDA_EPISODE_ROW_FIELDS
    " FROM episodes e CROSS JOIN children c ON c.id = e.child_id "
    "WHERE e.returned_at IS NULL AND +e.missing_since < ? AND e." MFH_NOT_VOIDED
    " UNION ALL "
    "SELECT " MFH_SSDA_EPISODE_ROW_FIELDS
    " FROM episodes e CROSS JOIN children c ON c.id = e.child_id "
    "WHERE e.returned_at >= ? AND +e.missing_since < ? AND e." MFH_NOT_VOIDED
    " ORDER BY 2, 8, 1";

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_SQLITE_REPORT_QUERIES_H_
