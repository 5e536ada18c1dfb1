#include "services/app/meetings.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/app/agenda_loader.h"
#include "services/app/records.h"
#include "services/domain/calendar.h"
#include "services/domain/roles.h"

namespace mfh::app {
namespace {

using domain::Action;
using domain::Meeting;
using storage::Transaction;

// The day a query names, or the day of its instant in `tz`.
absl::StatusOr<absl::CivilDay> DayOf(const AgendaQuery& query, absl::Time now,
                                     absl::TimeZone tz) {
  if (query.day.empty()) {
    return domain::LocalDay(query.as_of.value_or(now), tz);
  }
  return domain::ParseDay("day", query.day);
}

}  // namespace

void AddSubjects(const MeetingRecord& record, AuditSubjects& subjects) {
  subjects.SetSubject(absl::StrCat("meeting ", record.meeting.meeting_id,
                                   " of ",
                                   absl::FormatCivilTime(record.meeting.day)));
  AddSubjects(record.agenda, subjects);
  AddSubjects(record.meeting.notes, subjects);
  AddSubjects(record.meeting.actions, subjects);
}

void AddSubjects(const domain::Meeting&, AuditSubjects&) {}

std::string AuditSubjectOf(const MeetingRef& ref) {
  if (!ref.meeting_id.empty()) return absl::StrCat("meeting ", ref.meeting_id);
  if (!ref.day.empty()) return absl::StrCat("meeting of ", ref.day);
  return "";
}

std::string AuditSubjectOf(const MeetingClosing& closing) {
  if (closing.meeting_id.empty()) return "";
  return absl::StrCat("meeting ", closing.meeting_id);
}

absl::StatusOr<MeetingRecord> Meetings::Record(Meeting meeting,
                                               const Principal& viewer) const {
  MeetingRecord record;
  absl::StatusOr<domain::Agenda> agenda = codec_.Decode(meeting.frozen_agenda);
  if (!agenda.ok()) {
    return absl::DataLossError(absl::StrCat(
        "meeting ", meeting.meeting_id,
        ": its frozen agenda cannot be read: ", agenda.status().message()));
  }
  record.agenda = *std::move(agenda);
  ViewAgenda(viewer, record.agenda);
  record.meeting = std::move(meeting);
  return record;
}

absl::StatusOr<domain::Agenda> Meetings::GetAgenda(const Call& call,
                                                   const AgendaQuery& query) {
  absl::CivilDay day;
  return runner_.Read<domain::Agenda>(
      call, calls::kGetAgenda, query,
      [&](const Context& ctx) -> absl::Status {
        ASSIGN_OR_RETURN(day, DayOf(query, ctx.now, policy_.timezone));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<domain::Agenda> {
        ASSIGN_OR_RETURN(
            domain::Agenda agenda,
            LoadAgenda(tx, policy_, day, query.as_of.value_or(ctx.now)));
        ViewAgenda(ctx.principal, agenda);
        return agenda;
      });
}

absl::StatusOr<MeetingRecord> Meetings::OpenMeeting(const Call& call,
                                                    const AgendaQuery& query) {
  absl::CivilDay day;
  return runner_.Write<MeetingRecord>(
      call, calls::kOpenMeeting, query,
      [&](const Context& ctx) -> absl::Status {
        ASSIGN_OR_RETURN(day, DayOf(query, ctx.now, policy_.timezone));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<MeetingRecord> {
        ASSIGN_OR_RETURN(std::optional<Meeting> existing,
                         tx.FindMeetingByDay(day));
        if (existing.has_value()) {
          return absl::AlreadyExistsError(
              absl::StrCat("day: the meeting for ", domain::FormatDay(day),
                           " already exists as ", existing->meeting_id));
        }
        const absl::Time as_of = query.as_of.value_or(ctx.now);
        MeetingRecord record;
        ASSIGN_OR_RETURN(record.agenda, LoadAgenda(tx, policy_, day, as_of));
        Meeting meeting;
        meeting.day = day;
        meeting.state = domain::MeetingState::kOpen;
        meeting.as_of = as_of;
        meeting.frozen_agenda = codec_.Encode(record.agenda);
        ViewAgenda(ctx.principal, record.agenda);
        meeting.opened_by = ctx.principal.name;
        meeting.opened_at = ctx.now;
        ASSIGN_OR_RETURN(record.meeting, tx.InsertMeeting(std::move(meeting)));
        return record;
      });
}

absl::StatusOr<domain::Note> Meetings::AddNote(const Call& call,
                                               const domain::NewNote& in) {
  return runner_.Write<domain::Note>(
      call, calls::kAddNote, in,
      [&](const Context&) { return domain::ValidateNote(in); },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<domain::Note> {
        ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, in.meeting_id));
        RETURN_IF_ERROR(LoadChild(tx, "child_id", in.child_id).status());
        RETURN_IF_ERROR(domain::CheckAddendum(meeting, in.addendum));
        return tx.InsertNote(domain::Note{.note_id = "",
                                          .meeting_id = in.meeting_id,
                                          .child_id = in.child_id,
                                          .text = in.text,
                                          .decision = in.decision,
                                          .addendum = in.addendum,
                                          .author = ctx.principal.name,
                                          .at = ctx.now});
      });
}

absl::StatusOr<Action> Meetings::AddAction(const Call& call,
                                           const domain::NewAction& in) {
  return runner_.Write<Action>(
      call, calls::kAddAction, in,
      [&](const Context&) { return domain::ValidateAction(in); },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<Action> {
        ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, in.meeting_id));
        RETURN_IF_ERROR(LoadChild(tx, "child_id", in.child_id).status());
        if (!in.assignee.empty()) {
          ASSIGN_OR_RETURN(std::optional<storage::StoredUser> user,
                           tx.FindUserByName(in.assignee));
          if (!user.has_value()) {
            return absl::NotFoundError(
                absl::StrCat("assignee: no user ", in.assignee));
          }
        }
        RETURN_IF_ERROR(domain::CheckAddendum(meeting, in.addendum));
        RETURN_IF_ERROR(domain::CheckByWhen(meeting, *in.by_when));
        Action action;
        action.child_id = in.child_id;
        action.meeting_id = in.meeting_id;
        action.meeting_day = meeting.day;
        action.what = in.what;
        action.who = in.who;
        action.by_when = *in.by_when;
        action.done_when = in.done_when;
        action.worked_when = in.worked_when;
        action.assignee = in.assignee;
        action.status = domain::ActionStatus::kOpen;
        action.addendum = in.addendum;
        action.created_by = ctx.principal.name;
        action.created_at = ctx.now;
        return tx.InsertAction(std::move(action));
      });
}

absl::StatusOr<Action> Meetings::UpdateAction(
    const Call& call, const domain::ActionUpdate& update) {
  return runner_.Write<Action>(
      call, calls::kUpdateAction, update,
      [&](const Context&) { return domain::ValidateActionUpdate(update); },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<Action> {
        ASSIGN_OR_RETURN(Action action, LoadAction(tx, update.action_id));
        if (!domain::HasRight(ctx.principal.role,
                              domain::Right::kUpdateAnyAction) &&
            action.assignee != ctx.principal.name) {
          return absl::PermissionDeniedError(
              absl::StrCat("role: ", domain::RoleName(ctx.principal.role),
                           " may update only actions assigned to them"));
        }
        ASSIGN_OR_RETURN(bool retry,
                         domain::ApplyActionUpdate(update, ctx.now, action));
        if (!retry) RETURN_IF_ERROR(tx.UpdateAction(action));
        return action;
      });
}

absl::StatusOr<MeetingRecord> Meetings::CloseMeeting(
    const Call& call, const MeetingClosing& closing) {
  return runner_.Write<MeetingRecord>(
      call, calls::kCloseMeeting, closing,
      [&](const Context&) -> absl::Status {
        if (closing.meeting_id.empty()) {
          return absl::InvalidArgumentError("meeting_id: required");
        }
        return domain::ValidateAttendees(closing.attendees);
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<MeetingRecord> {
        ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, closing.meeting_id));
        if (meeting.state == domain::MeetingState::kClosed) {
          if (meeting.attendees != closing.attendees) {
            return absl::FailedPreconditionError(
                absl::StrCat("meeting_id: meeting ", closing.meeting_id,
                             " is already closed"));
          }
          return Record(std::move(meeting), ctx.principal);
        }
        meeting.state = domain::MeetingState::kClosed;
        meeting.attendees = closing.attendees;
        meeting.closed_at = ctx.now;
        RETURN_IF_ERROR(tx.UpdateMeeting(meeting));
        return Record(std::move(meeting), ctx.principal);
      });
}

absl::StatusOr<MeetingRecord> Meetings::GetMeeting(const Call& call,
                                                   const MeetingRef& ref) {
  std::optional<absl::CivilDay> day;
  return runner_.Read<MeetingRecord>(
      call, calls::kGetMeeting, ref,
      [&](const Context&) -> absl::Status {
        if (!ref.meeting_id.empty()) return absl::OkStatus();
        if (ref.day.empty()) {
          return absl::InvalidArgumentError(
              "meeting_id: required (or give day)");
        }
        ASSIGN_OR_RETURN(day, domain::ParseDay("day", ref.day));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<MeetingRecord> {
        if (!day.has_value()) {
          ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, ref.meeting_id));
          return Record(std::move(meeting), ctx.principal);
        }
        ASSIGN_OR_RETURN(std::optional<Meeting> found,
                         tx.FindMeetingByDay(*day));
        if (!found.has_value()) {
          return absl::NotFoundError(
              absl::StrCat("day: no meeting on ", domain::FormatDay(*day)));
        }
        return Record(*std::move(found), ctx.principal);
      });
}

absl::StatusOr<Paged<Meeting>> Meetings::ListMeetings(
    const Call& call, const PageRequest& request) {
  constexpr char kListed[] = "ListMeetings";
  storage::Page page;
  return runner_.Read<Paged<Meeting>>(
      call, calls::kListMeetings, request,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(page, pages_.Open(request, kListed));
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<Paged<Meeting>> {
        ASSIGN_OR_RETURN(std::vector<Meeting> rows, tx.ListMeetings(page));
        return pages_.Finish(
            std::move(rows), page, kListed, [](const Meeting& m) {
              return SortKey{.time = std::nullopt, .id = m.meeting_id};
            });
      });
}

absl::StatusOr<Paged<Action>> Meetings::ListActions(const Call& call,
                                                    const ActionQuery& query) {
  const std::string listed = absl::StrCat("ListActions child=", query.child_id,
                                          " open_only=", query.open_only);
  storage::Page page;
  return runner_.Read<Paged<Action>>(
      call, calls::kListActions, query,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<Paged<Action>> {
        if (!query.child_id.empty()) {
          RETURN_IF_ERROR(LoadChild(tx, "child_id", query.child_id).status());
        }
        ASSIGN_OR_RETURN(std::vector<Action> rows,
                         tx.ListActions(query.child_id, query.open_only, page));
        return pages_.Finish(
            std::move(rows), page, listed, [](const Action& a) {
              return SortKey{.time = a.by_when, .id = a.action_id};
            });
      });
}

}  // namespace mfh::app
