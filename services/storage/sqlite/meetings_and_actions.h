// The SQL of meetings, their notes and the actions agreed at them; the binds
// and row readers are in meetings_and_actions.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_MEETINGS_AND_ACTIONS_H_
#define MFH_SERVICES_STORAGE_SQLITE_MEETINGS_AND_ACTIONS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "services/domain/types.h"
#include "services/storage/sqlite/codes.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/sqlite/page.h"

// The columns of a meeting after its id, in bind order. The day is
// 'YYYY-MM-DD' (Europe/London), the frozen agenda a BLOB kept byte for byte,
// the attendees one per line.
#define MFH_MEETING_FIELDS                                              \
  "day, state, as_of, frozen_agenda, attendees, opened_by, opened_at, " \
  "closed_at"
#define MFH_MEETING_ROW_FIELDS "id, " MFH_MEETING_FIELDS
// The columns of a note after its id, in bind order.
#define MFH_NOTE_FIELDS \
  "meeting_id, child_id, text, decision, addendum, author, at"
#define MFH_NOTE_ROW_FIELDS "id, " MFH_NOTE_FIELDS
// The columns of an action after its ids (action, child, meeting and the
// meeting's day): what UpdateAction rewrites, in bind order.
#define MFH_ACTION_FIELDS                                               \
  "what, who, by_when, done_when, worked_when, assignee, status, "      \
  "done_evidence, impact_evidence, drop_reason, addendum, created_by, " \
  "created_at, closed_at"
#define MFH_ACTION_ROW_FIELDS \
  "id, child_id, meeting_id, meeting_day, " MFH_ACTION_FIELDS

namespace mfh::storage::sql {

inline constexpr char kInsertMeetingSql[] =
    "INSERT INTO meetings(" MFH_MEETING_FIELDS
    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?)";
// The meeting's id is the last parameter.
inline constexpr char kUpdateMeetingSql[] =
    "UPDATE meetings SET (state, attendees, closed_at) = (?, ?, ?) "
    "WHERE id = ?";
inline constexpr char kSelectMeetingSql[] =
    "SELECT " MFH_MEETING_ROW_FIELDS " FROM meetings WHERE id = ?";
inline constexpr char kSelectMeetingByDaySql[] =
    "SELECT " MFH_MEETING_ROW_FIELDS " FROM meetings WHERE day = ?";
// The latest meeting before the day, by meetings_by_day.
// The page.
inline constexpr char kSelectMeetingsSql[] =
    "SELECT " MFH_MEETING_ROW_FIELDS
    " FROM meetings WHERE id > ? ORDER BY id LIMIT ?";
inline constexpr char kSelectMeetingBeforeSql[] =
    "SELECT " MFH_MEETING_ROW_FIELDS
    " FROM meetings WHERE day < ? ORDER BY day DESC LIMIT 1";

inline constexpr char kInsertNoteSql[] =
    "INSERT INTO notes(" MFH_NOTE_FIELDS ") VALUES(?, ?, ?, ?, ?, ?, ?)";
// A meeting's notes, oldest first, by notes_by_meeting.
inline constexpr char kSelectMeetingNotesSql[] =
    "SELECT " MFH_NOTE_ROW_FIELDS
    " FROM notes WHERE meeting_id = ? ORDER BY at, id";
// A child's notes and decisions, oldest first, by notes_by_child.
inline constexpr char kSelectChildNotesSql[] =
    "SELECT " MFH_NOTE_ROW_FIELDS
    " FROM notes WHERE child_id = ? ORDER BY at, id";

// The day of the action's meeting is copied from the meeting on insert; the
// parameters are the child, MFH_ACTION_FIELDS (2 to 15) and the meeting.
inline constexpr char kInsertActionSql[] =
    "INSERT INTO actions(child_id, meeting_id, meeting_day, " MFH_ACTION_FIELDS
    ") SELECT ?, id, day, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
    "FROM meetings WHERE id = ? RETURNING id, meeting_day";
// MFH_ACTION_FIELDS (1 to 14), then the action's id.
inline constexpr char kUpdateActionSql[] =
    "UPDATE actions SET (" MFH_ACTION_FIELDS
    ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";
inline constexpr char kSelectActionSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS " FROM actions WHERE id = ?";
// A meeting's actions, by actions_by_meeting.
inline constexpr char kSelectMeetingActionsSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE meeting_id = ? ORDER BY created_at, id";
// The open-action statements name the code of ActionStatus::kOpen as a
// literal so that the planner can use the partial index actions_open.
static_assert(CodeOf(domain::ActionStatus::kOpen) == 1);
// ListOpenActions and ListActions("", true): by actions_open. The
// ListActions statements end with a page (page.h) keyed by (by_when, id).
inline constexpr char kSelectOpenActionsSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE status = 1 AND " MFH_AFTER_TIME_AND_ID(
        "by_when", "id") " ORDER BY by_when, id LIMIT ?";
// Open actions of meetings before the day, by actions_open.
inline constexpr char kSelectOpenActionsBeforeDaySql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE status = 1 AND meeting_day < ? "
    "ORDER BY by_when, id";
inline constexpr char kSelectActionsSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE " MFH_AFTER_TIME_AND_ID(
        "by_when", "id") " ORDER BY by_when, id LIMIT ?";
inline constexpr char kSelectActionsByChildSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE child_id = ? AND " MFH_AFTER_TIME_AND_ID(
        "by_when", "id") " ORDER BY by_when, id LIMIT ?";
inline constexpr char kSelectOpenActionsByChildSql[] =
    "SELECT " MFH_ACTION_ROW_FIELDS
    " FROM actions WHERE child_id = ? AND status = 1 "
    "AND " MFH_AFTER_TIME_AND_ID("by_when",
                                 "id") " ORDER BY by_when, id LIMIT ?";

}  // namespace mfh::storage::sql

namespace mfh::storage {

// Reads MFH_ACTION_ROW_FIELDS from the first columns of the row.
absl::StatusOr<domain::Action> ReadAction(const Statement& s);
// Every row of `s` (bound by the caller), read by ReadAction.
absl::StatusOr<std::vector<domain::Action>> ReadActions(Statement& s);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_MEETINGS_AND_ACTIONS_H_
