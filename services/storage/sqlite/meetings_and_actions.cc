#include "services/storage/sqlite/meetings_and_actions.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Action;
using domain::Meeting;
using domain::Note;

// Binds MFH_MEETING_FIELDS from the first parameter.
void BindMeeting(Statement& s, const Meeting& m) {
  s.BindText(1, FormatStoredDay(m.day));
  s.BindInt64(2, CodeOf(m.state));
  s.BindTime(3, m.as_of);
  s.BindBlob(4, m.frozen_agenda);
  s.BindText(5, absl::StrJoin(m.attendees, "\n"));
  s.BindText(6, m.opened_by);
  s.BindTime(7, m.opened_at);
  s.BindOptionalTime(8, m.closed_at);
}

// Reads MFH_MEETING_ROW_FIELDS; without the notes and actions.
absl::StatusOr<Meeting> ReadMeeting(const Statement& s) {
  Meeting m;
  m.meeting_id = FormatId(kMeetingPrefix, s.ColumnInt64(0));
  ASSIGN_OR_RETURN(
      m.day, ParseStoredDay(s.ColumnText(1), "meetings.day", m.meeting_id));
  ASSIGN_OR_RETURN(m.state,
                   MeetingStateFromCode(s.ColumnInt64(2), "meetings.state"));
  m.as_of = s.ColumnTime(3);
  m.frozen_agenda = s.ColumnBlob(4);
  m.attendees = SplitList(s.ColumnText(5), '\n');
  m.opened_by = s.ColumnText(6);
  m.opened_at = s.ColumnTime(7);
  m.closed_at = s.ColumnOptionalTime(8);
  return m;
}

// Reads MFH_NOTE_ROW_FIELDS.
Note ReadNote(const Statement& s) {
  return Note{.note_id = FormatId(kNotePrefix, s.ColumnInt64(0)),
              .meeting_id = FormatId(kMeetingPrefix, s.ColumnInt64(1)),
              .child_id = FormatId(kChildPrefix, s.ColumnInt64(2)),
              .text = s.ColumnText(3),
              .decision = s.ColumnBool(4),
              .addendum = s.ColumnBool(5),
              .author = s.ColumnText(6),
              .at = s.ColumnTime(7)};
}

absl::StatusOr<std::vector<Note>> ReadNotes(Statement& s) {
  std::vector<Note> notes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    notes.push_back(ReadNote(s));
  }
  return notes;
}

// Binds MFH_ACTION_FIELDS from parameter `first` on.
void BindAction(Statement& s, int first, const Action& a) {
  s.BindText(first, a.what);
  s.BindText(first + 1, a.who);
  s.BindTime(first + 2, a.by_when);
  s.BindText(first + 3, a.done_when);
  s.BindText(first + 4, a.worked_when);
  s.BindText(first + 5, a.assignee);
  s.BindInt64(first + 6, CodeOf(a.status));
  s.BindText(first + 7, a.done_evidence);
  s.BindText(first + 8, a.impact_evidence);
  s.BindText(first + 9, a.drop_reason);
  s.BindBool(first + 10, a.addendum);
  s.BindText(first + 11, a.created_by);
  s.BindTime(first + 12, a.created_at);
  s.BindOptionalTime(first + 13, a.closed_at);
}

// Reads at most one meeting row from `s` (bound by the caller), releases
// the statement, then loads the meeting's notes and actions.
absl::StatusOr<std::optional<Meeting>> FindOneMeeting(
    Connection& db, std::unique_ptr<Statement> s) {
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  ASSIGN_OR_RETURN(Meeting m, ReadMeeting(*s));
  const int64_t id = s->ColumnInt64(0);
  s.reset();
  {
    ASSIGN_OR_RETURN(auto notes, MFH_PREPARE(db, sql::kSelectMeetingNotesSql));
    notes->BindInt64(1, id);
    ASSIGN_OR_RETURN(m.notes, ReadNotes(*notes));
  }
  ASSIGN_OR_RETURN(auto actions,
                   MFH_PREPARE(db, sql::kSelectMeetingActionsSql));
  actions->BindInt64(1, id);
  ASSIGN_OR_RETURN(m.actions, ReadActions(*actions));
  return m;
}

}  // namespace

absl::StatusOr<Action> ReadAction(const Statement& s) {
  Action a;
  a.action_id = FormatId(kActionPrefix, s.ColumnInt64(0));
  a.child_id = FormatId(kChildPrefix, s.ColumnInt64(1));
  a.meeting_id = FormatId(kMeetingPrefix, s.ColumnInt64(2));
  ASSIGN_OR_RETURN(
      a.meeting_day,
      ParseStoredDay(s.ColumnText(3), "actions.meeting_day", a.action_id));
  a.what = s.ColumnText(4);
  a.who = s.ColumnText(5);
  a.by_when = s.ColumnTime(6);
  a.done_when = s.ColumnText(7);
  a.worked_when = s.ColumnText(8);
  a.assignee = s.ColumnText(9);
  ASSIGN_OR_RETURN(a.status,
                   ActionStatusFromCode(s.ColumnInt64(10), "actions.status"));
  a.done_evidence = s.ColumnText(11);
  a.impact_evidence = s.ColumnText(12);
  a.drop_reason = s.ColumnText(13);
  a.addendum = s.ColumnBool(14);
  a.created_by = s.ColumnText(15);
  a.created_at = s.ColumnTime(16);
  a.closed_at = s.ColumnOptionalTime(17);
  return a;
}

absl::StatusOr<std::vector<Action>> ReadActions(Statement& s) {
  std::vector<Action> actions;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Action action, ReadAction(s));
    actions.push_back(std::move(action));
  }
  return actions;
}

absl::StatusOr<Meeting> SqliteTransaction::InsertMeeting(Meeting meeting) {
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertMeetingSql));
    BindMeeting(*s, meeting);
    RETURN_IF_ERROR(s->Run());
  }
  meeting.meeting_id = FormatId(kMeetingPrefix, db_.LastInsertRowId());
  // What a read gives: a new meeting has no notes or actions yet.
  meeting.notes.clear();
  meeting.actions.clear();
  return meeting;
}

absl::Status SqliteTransaction::UpdateMeeting(const Meeting& meeting) {
  std::optional<int64_t> id = ParseId(meeting.meeting_id, kMeetingPrefix);
  if (!id.has_value()) return NoMeeting("kUpdateMeetingSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateMeetingSql));
  s->BindInt64(1, CodeOf(meeting.state));
  s->BindText(2, absl::StrJoin(meeting.attendees, "\n"));
  s->BindOptionalTime(3, meeting.closed_at);
  s->BindInt64(4, *id);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) return NoMeeting("kUpdateMeetingSql");
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Meeting>> SqliteTransaction::FindMeeting(
    absl::string_view meeting_id) {
  std::optional<int64_t> id = ParseId(meeting_id, kMeetingPrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingSql));
  s->BindInt64(1, *id);
  return FindOneMeeting(db_, std::move(s));
}

absl::StatusOr<std::optional<Meeting>> SqliteTransaction::FindMeetingByDay(
    absl::CivilDay day) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingByDaySql));
  s->BindText(1, FormatStoredDay(day));
  return FindOneMeeting(db_, std::move(s));
}

absl::StatusOr<std::vector<Meeting>> SqliteTransaction::ListMeetings(
    const Page& page) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingsSql));
  RETURN_IF_ERROR(BindIdKeyedPage(*s, 1, page, kMeetingPrefix));
  std::vector<Meeting> meetings;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return meetings;
    ASSIGN_OR_RETURN(Meeting m, ReadMeeting(*s));
    m.frozen_agenda.clear();
    meetings.push_back(std::move(m));
  }
}

absl::StatusOr<std::optional<Meeting>> SqliteTransaction::FindMeetingBefore(
    absl::CivilDay day) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingBeforeSql));
  s->BindText(1, FormatStoredDay(day));
  return FindOneMeeting(db_, std::move(s));
}

absl::StatusOr<Note> SqliteTransaction::InsertNote(Note note) {
  std::optional<int64_t> meeting = ParseId(note.meeting_id, kMeetingPrefix);
  if (!meeting.has_value()) return NoMeeting("kInsertNoteSql");
  std::optional<int64_t> child = ParseId(note.child_id, kChildPrefix);
  if (!child.has_value()) return NoChild("kInsertNoteSql");
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertNoteSql));
    s->BindInt64(1, *meeting);
    s->BindInt64(2, *child);
    s->BindText(3, note.text);
    s->BindBool(4, note.decision);
    s->BindBool(5, note.addendum);
    s->BindText(6, note.author);
    s->BindTime(7, note.at);
    RETURN_IF_ERROR(s->Run());
  }
  note.note_id = FormatId(kNotePrefix, db_.LastInsertRowId());
  return note;
}

absl::StatusOr<std::vector<Note>> SqliteTransaction::ListChildNotes(
    absl::string_view child_id) {
  std::optional<int64_t> child = ParseId(child_id, kChildPrefix);
  if (!child.has_value()) return std::vector<Note>();
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectChildNotesSql));
  s->BindInt64(1, *child);
  return ReadNotes(*s);
}

absl::StatusOr<Action> SqliteTransaction::InsertAction(Action a) {
  std::optional<int64_t> meeting = ParseId(a.meeting_id, kMeetingPrefix);
  if (!meeting.has_value()) return NoMeeting("kInsertActionSql");
  std::optional<int64_t> child = ParseId(a.child_id, kChildPrefix);
  if (!child.has_value()) return NoChild("kInsertActionSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertActionSql));
  s->BindInt64(1, *child);
  BindAction(*s, 2, a);
  s->BindInt64(16, *meeting);
  ASSIGN_OR_RETURN(bool row, s->Step());
  // No row: the SELECT found no meeting, and nothing was inserted.
  if (!row) return NoMeeting("kInsertActionSql");
  const int64_t id = s->ColumnInt64(0);
  a.action_id = FormatId(kActionPrefix, id);
  ASSIGN_OR_RETURN(a.meeting_day, ParseStoredDay(s->ColumnText(1),
                                                 "meetings.day", a.meeting_id));
  ASSIGN_OR_RETURN(bool more, s->Step());
  if (more) {
    return absl::InternalError(
        "kInsertActionSql: inserted more than one action");
  }
  return a;
}

absl::Status SqliteTransaction::UpdateAction(const Action& action) {
  std::optional<int64_t> id = ParseId(action.action_id, kActionPrefix);
  if (!id.has_value()) return NoAction("kUpdateActionSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateActionSql));
  BindAction(*s, 1, action);
  s->BindInt64(15, *id);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) return NoAction("kUpdateActionSql");
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Action>> SqliteTransaction::FindAction(
    absl::string_view action_id) {
  std::optional<int64_t> id = ParseId(action_id, kActionPrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectActionSql));
  s->BindInt64(1, *id);
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ReadAction(*s);
}

absl::StatusOr<std::vector<Action>> SqliteTransaction::ListOpenActions(
    std::optional<absl::CivilDay> before_day) {
  std::unique_ptr<Statement> s;
  if (before_day.has_value()) {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsBeforeDaySql));
    s->BindText(1, FormatStoredDay(*before_day));
  } else {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsSql));
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 1, Page{}, kActionPrefix));
  }
  return ReadActions(*s);
}

absl::StatusOr<std::vector<Action>> SqliteTransaction::ListActions(
    absl::string_view child_id, bool open_only, const Page& page) {
  std::unique_ptr<Statement> s;
  if (child_id.empty()) {
    if (open_only) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsSql));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectActionsSql));
    }
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 1, page, kActionPrefix));
  } else {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return std::vector<Action>();
    if (open_only) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsByChildSql));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectActionsByChildSql));
    }
    s->BindInt64(1, *id);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 2, page, kActionPrefix));
  }
  return ReadActions(*s);
}

}  // namespace mfh::storage
