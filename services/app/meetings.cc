// The Hub's use cases for the board, the agenda and the daily meeting.
#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/app/hub.h"
#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

using domain::Action;
using domain::AuditRecord;
using domain::Meeting;
using domain::Right;
using storage::Transaction;

absl::StatusOr<Meeting> LoadMeeting(Transaction& tx,
                                    absl::string_view meeting_id) {
  ASSIGN_OR_RETURN(std::optional<Meeting> meeting, tx.FindMeeting(meeting_id));
  if (!meeting.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("meeting_id: no meeting ", meeting_id));
  }
  return *std::move(meeting);
}

absl::Status CheckChildExists(Transaction& tx, absl::string_view child_id) {
  ASSIGN_OR_RETURN(std::optional<domain::Child> child, tx.FindChild(child_id));
  if (!child.has_value()) {
    return absl::NotFoundError(absl::StrCat("child_id: no child ", child_id));
  }
  return absl::OkStatus();
}

// Appends the episodes of `more` not already in `into`.
void AddEpisodes(const std::vector<domain::Episode>& more,
                 std::set<std::string>& ids,
                 std::vector<domain::Episode>& into) {
  for (const domain::Episode& e : more) {
    if (ids.insert(e.episode_id).second) into.push_back(e);
  }
}

}  // namespace

absl::StatusOr<absl::CivilDay> Hub::DayOf(absl::string_view day,
                                          absl::Time as_of) const {
  if (day.empty()) return domain::LocalDay(as_of, policy_.timezone);
  return domain::ParseDay("day", day);
}

absl::StatusOr<domain::Agenda> Hub::AssembleAgenda(Transaction& tx,
                                                   absl::CivilDay day,
                                                   absl::Time as_of) const {
  domain::AgendaData data;
  ASSIGN_OR_RETURN(std::optional<Meeting> previous, tx.FindMeetingBefore(day));
  const absl::Time returned_from = domain::ReturnedSectionStart(
      previous.has_value() ? std::optional<absl::Time>(previous->as_of)
                           : std::nullopt,
      as_of);
  ASSIGN_OR_RETURN(data.open_at, tx.ListEpisodesOpenAt(as_of));
  ASSIGN_OR_RETURN(data.returned_recently,
                   tx.ListEpisodesReturnNotifiedIn(returned_from, as_of));
  ASSIGN_OR_RETURN(
      data.repeat_window,
      tx.ListEpisodesStartedIn(as_of - policy_.repeat_window, as_of));
  ASSIGN_OR_RETURN(
      data.returned_in_link_window,
      tx.ListEpisodesReturnedIn(as_of - policy_.link_window, as_of));
  ASSIGN_OR_RETURN(data.rhis,
                   tx.ListRhis(storage::RhiFilter{.open_as_of = as_of}));
  std::set<std::string> with_rhi;
  for (const domain::Rhi& r : data.rhis) with_rhi.insert(r.episode_id);
  for (const domain::Episode& e : data.returned_recently) {
    if (with_rhi.count(e.episode_id) > 0) continue;
    ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi, tx.FindRhi(e.episode_id));
    if (rhi.has_value()) data.rhis.push_back(*std::move(rhi));
  }
  std::set<std::string> candidate_ids;
  std::vector<domain::Episode> candidates;
  AddEpisodes(data.open_at, candidate_ids, candidates);
  AddEpisodes(data.returned_in_link_window, candidate_ids, candidates);
  ASSIGN_OR_RETURN(data.links,
                   tx.ListLinksForEpisodes(std::vector<std::string>(
                       candidate_ids.begin(), candidate_ids.end())));
  ASSIGN_OR_RETURN(data.open_actions, tx.ListOpenActions(day));

  std::set<std::string> child_ids;
  for (const auto* list :
       {&data.open_at, &data.returned_recently, &data.repeat_window,
        &data.returned_in_link_window}) {
    for (const domain::Episode& e : *list) child_ids.insert(e.child_id);
  }
  for (const domain::Rhi& r : data.rhis) child_ids.insert(r.child_id);
  for (const Action& a : data.open_actions) child_ids.insert(a.child_id);
  for (const std::string& id : child_ids) {
    ASSIGN_OR_RETURN(std::optional<domain::Child> child, tx.FindChild(id));
    if (child.has_value()) data.children.push_back(*std::move(child));
  }
  return domain::AssembleAgenda(policy_, day, as_of, data);
}

absl::StatusOr<domain::Agenda> Hub::GetAgenda(const Caller& caller,
                                              absl::string_view day,
                                              std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "GetAgenda"));
  const absl::Time t = as_of.value_or(clock_.Now());
  ASSIGN_OR_RETURN(absl::CivilDay d, DayOf(day, t));
  domain::Agenda agenda;
  RETURN_IF_ERROR(
      AuditedRead(caller, "GetAgenda",
                  [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
                    ASSIGN_OR_RETURN(agenda, AssembleAgenda(tx, d, t));
                    for (const domain::AgendaEntry& e : agenda.missing_now) {
                      audit.child_ids.push_back(e.child_id);
                    }
                    return absl::OkStatus();
                  }));
  return agenda;
}

absl::StatusOr<std::vector<domain::AgendaEntry>> Hub::Board(
    const Caller& caller, std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "WatchBoard"));
  const absl::Time t = as_of.value_or(clock_.Now());
  const absl::CivilDay day = domain::LocalDay(t, policy_.timezone);
  std::vector<domain::AgendaEntry> board;
  RETURN_IF_ERROR(AuditedRead(
      caller, "WatchBoard",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        domain::AgendaData data;
        ASSIGN_OR_RETURN(data.open_at, tx.ListEpisodesOpenAt(t));
        for (const domain::Episode& e : data.open_at) {
          ASSIGN_OR_RETURN(std::optional<domain::Child> child,
                           tx.FindChild(e.child_id));
          if (child.has_value()) data.children.push_back(*std::move(child));
          audit.child_ids.push_back(e.child_id);
        }
        board = domain::AssembleAgenda(policy_, day, t, data).missing_now;
        return absl::OkStatus();
      }));
  return board;
}

absl::StatusOr<domain::Link> Hub::LinkEpisodes(
    const Caller& caller, const std::vector<std::string>& episode_ids,
    absl::string_view reason) {
  RETURN_IF_ERROR(Authorize(caller, Right::kManageChildren, "LinkEpisodes"));
  const std::set<std::string> distinct(episode_ids.begin(), episode_ids.end());
  if (distinct.size() < 2 || distinct.size() != episode_ids.size()) {
    return absl::InvalidArgumentError(
        "episode_ids: two or more different episodes are required");
  }
  if (reason.empty()) return absl::InvalidArgumentError("reason: required");
  domain::Link link{.link_id = "",
                    .episode_ids = episode_ids,
                    .reason = std::string(reason),
                    .created_by = caller.name,
                    .created_at = clock_.Now()};
  RETURN_IF_ERROR(AuditedWrite(
      caller, "LinkEpisodes",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        for (const std::string& id : episode_ids) {
          ASSIGN_OR_RETURN(std::optional<domain::Episode> e,
                           tx.FindEpisode(id));
          if (!e.has_value()) {
            return absl::NotFoundError(
                absl::StrCat("episode_ids: no episode ", id));
          }
          audit.episode_ids.push_back(id);
          audit.child_ids.push_back(e->child_id);
        }
        // The same episodes linked again is a retry: the
        // link they already have.
        ASSIGN_OR_RETURN(std::vector<domain::Link> existing,
                         tx.ListLinksForEpisodes(episode_ids));
        for (const domain::Link& l : existing) {
          if (std::set<std::string>(l.episode_ids.begin(),
                                    l.episode_ids.end()) == distinct) {
            link = l;
            return absl::OkStatus();
          }
        }
        ASSIGN_OR_RETURN(link, tx.InsertLink(link));
        return absl::OkStatus();
      }));
  return link;
}

absl::StatusOr<Meeting> Hub::OpenMeeting(const Caller& caller,
                                         absl::string_view day,
                                         std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRunMeetings, "OpenMeeting"));
  const absl::Time now = clock_.Now();
  const absl::Time t = as_of.value_or(now);
  ASSIGN_OR_RETURN(absl::CivilDay d, DayOf(day, t));
  Meeting meeting;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "OpenMeeting",
      [&](Transaction& tx, AuditRecord&) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<Meeting> existing,
                         tx.FindMeetingByDay(d));
        if (existing.has_value()) {
          return absl::AlreadyExistsError(
              absl::StrCat("day: the meeting for ", domain::FormatDay(d),
                           " already exists as ", existing->meeting_id));
        }
        ASSIGN_OR_RETURN(domain::Agenda agenda, AssembleAgenda(tx, d, t));
        meeting.day = d;
        meeting.state = domain::MeetingState::kOpen;
        meeting.as_of = t;
        meeting.frozen_agenda = freeze_agenda_(agenda);
        meeting.opened_by = caller.name;
        meeting.opened_at = now;
        ASSIGN_OR_RETURN(meeting, tx.InsertMeeting(std::move(meeting)));
        return absl::OkStatus();
      }));
  return meeting;
}

absl::StatusOr<domain::Note> Hub::AddNote(const Caller& caller,
                                          const domain::NewNote& in) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRunMeetings, "AddNote"));
  RETURN_IF_ERROR(domain::ValidateNote(in));
  domain::Note note{.note_id = "",
                    .meeting_id = in.meeting_id,
                    .child_id = in.child_id,
                    .text = in.text,
                    .decision = in.decision,
                    .addendum = in.addendum,
                    .author = caller.name,
                    .at = clock_.Now()};
  RETURN_IF_ERROR(AuditedWrite(
      caller, "AddNote",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.child_ids.push_back(in.child_id);
        ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, in.meeting_id));
        RETURN_IF_ERROR(CheckChildExists(tx, in.child_id));
        RETURN_IF_ERROR(domain::CheckAddendum(meeting, in.addendum));
        ASSIGN_OR_RETURN(note, tx.InsertNote(note));
        return absl::OkStatus();
      }));
  return note;
}

absl::StatusOr<Action> Hub::AddAction(const Caller& caller,
                                      const domain::NewAction& in) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRunMeetings, "AddAction"));
  RETURN_IF_ERROR(domain::ValidateAction(in));
  Action action;
  action.child_id = in.child_id;
  action.meeting_id = in.meeting_id;
  action.what = in.what;
  action.who = in.who;
  action.by_when = *in.by_when;
  action.done_when = in.done_when;
  action.worked_when = in.worked_when;
  action.assignee = in.assignee;
  action.status = domain::ActionStatus::kOpen;
  action.addendum = in.addendum;
  action.created_by = caller.name;
  action.created_at = clock_.Now();
  RETURN_IF_ERROR(AuditedWrite(
      caller, "AddAction",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.child_ids.push_back(in.child_id);
        ASSIGN_OR_RETURN(Meeting meeting, LoadMeeting(tx, in.meeting_id));
        RETURN_IF_ERROR(CheckChildExists(tx, in.child_id));
        if (!in.assignee.empty()) {
          ASSIGN_OR_RETURN(std::optional<storage::StoredUser> user,
                           tx.FindUserByName(in.assignee));
          if (!user.has_value()) {
            return absl::NotFoundError(
                absl::StrCat("assignee: no user ", in.assignee));
          }
        }
        RETURN_IF_ERROR(domain::CheckAddendum(meeting, in.addendum));
        action.meeting_day = meeting.day;
        ASSIGN_OR_RETURN(action, tx.InsertAction(action));
        return absl::OkStatus();
      }));
  return action;
}

absl::StatusOr<Action> Hub::UpdateAction(const Caller& caller,
                                         const domain::ActionUpdate& update) {
  const bool any = domain::HasRight(caller.role, Right::kUpdateAnyAction);
  if (!any) {
    RETURN_IF_ERROR(Authorize(caller, Right::kUpdateOwnAction, "UpdateAction"));
  }
  RETURN_IF_ERROR(domain::ValidateActionUpdate(update));
  const absl::Time now = clock_.Now();
  Action action;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "UpdateAction",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<Action> found,
                         tx.FindAction(update.action_id));
        if (!found.has_value()) {
          return absl::NotFoundError(
              absl::StrCat("action_id: no action ", update.action_id));
        }
        action = *std::move(found);
        audit.child_ids.push_back(action.child_id);
        if (!any && action.assignee != caller.name) {
          return absl::PermissionDeniedError(
              absl::StrCat("role: ", domain::RoleName(caller.role),
                           " may update only actions assigned to them"));
        }
        ASSIGN_OR_RETURN(bool retry,
                         domain::ApplyActionUpdate(update, now, action));
        return retry ? absl::OkStatus() : tx.UpdateAction(action);
      }));
  return action;
}

absl::StatusOr<Meeting> Hub::CloseMeeting(
    const Caller& caller, absl::string_view meeting_id,
    const std::vector<std::string>& attendees) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRunMeetings, "CloseMeeting"));
  if (meeting_id.empty()) {
    return absl::InvalidArgumentError("meeting_id: required");
  }
  RETURN_IF_ERROR(domain::ValidateAttendees(attendees));
  const absl::Time now = clock_.Now();
  Meeting meeting;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "CloseMeeting",
      [&](Transaction& tx, AuditRecord&) -> absl::Status {
        ASSIGN_OR_RETURN(meeting, LoadMeeting(tx, meeting_id));
        if (meeting.state == domain::MeetingState::kClosed) {
          if (meeting.attendees == attendees) return absl::OkStatus();
          return absl::FailedPreconditionError(absl::StrCat(
              "meeting_id: meeting ", meeting_id, " is already closed"));
        }
        meeting.state = domain::MeetingState::kClosed;
        meeting.attendees = attendees;
        meeting.closed_at = now;
        return tx.UpdateMeeting(meeting);
      }));
  return meeting;
}

absl::StatusOr<Meeting> Hub::GetMeeting(const Caller& caller,
                                        absl::string_view meeting_id,
                                        absl::string_view day) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "GetMeeting"));
  if (meeting_id.empty() && day.empty()) {
    return absl::InvalidArgumentError("meeting_id: required (or give day)");
  }
  std::optional<absl::CivilDay> d;
  if (meeting_id.empty()) {
    ASSIGN_OR_RETURN(d, domain::ParseDay("day", day));
  }
  Meeting meeting;
  RETURN_IF_ERROR(
      AuditedRead(caller, "GetMeeting",
                  [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
                    if (d.has_value()) {
                      ASSIGN_OR_RETURN(std::optional<Meeting> found,
                                       tx.FindMeetingByDay(*d));
                      if (!found.has_value()) {
                        return absl::NotFoundError(absl::StrCat(
                            "day: no meeting on ", domain::FormatDay(*d)));
                      }
                      meeting = *std::move(found);
                    } else {
                      ASSIGN_OR_RETURN(meeting, LoadMeeting(tx, meeting_id));
                    }
                    std::set<std::string> children;
                    for (const domain::Note& n : meeting.notes)
                      children.insert(n.child_id);
                    for (const Action& a : meeting.actions)
                      children.insert(a.child_id);
                    audit.child_ids.assign(children.begin(), children.end());
                    return absl::OkStatus();
                  }));
  return meeting;
}

absl::StatusOr<std::vector<Action>> Hub::ListActions(const Caller& caller,
                                                     absl::string_view child_id,
                                                     bool open_only) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "ListActions"));
  std::vector<Action> actions;
  RETURN_IF_ERROR(AuditedRead(
      caller, "ListActions",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        if (!child_id.empty()) {
          audit.child_ids.push_back(std::string(child_id));
          RETURN_IF_ERROR(CheckChildExists(tx, child_id));
        }
        ASSIGN_OR_RETURN(actions, tx.ListActions(child_id, open_only));
        return absl::OkStatus();
      }));
  return actions;
}

}  // namespace mfh::app
