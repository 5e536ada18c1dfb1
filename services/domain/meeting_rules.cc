#include "services/domain/meeting_rules.h"

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {
namespace {

absl::Status Required(absl::string_view field) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
}

}  // namespace

absl::Status ValidateNote(const NewNote& note) {
  if (note.meeting_id.empty()) return Required("meeting_id");
  if (note.child_id.empty()) return Required("child_id");
  if (note.text.empty()) return Required("text");
  return CheckLongTexts({{"text", note.text}});
}

absl::Status ValidateAction(const NewAction& action) {
  if (action.meeting_id.empty()) return Required("meeting_id");
  if (action.child_id.empty()) return Required("child_id");
  if (action.what.empty()) return Required("what");
  if (action.who.empty()) return Required("who");
  if (!action.by_when.has_value()) return Required("by_when");
  if (action.done_when.empty()) {
    return absl::InvalidArgumentError(
        "done_when: required (how we will know it is done)");
  }
  RETURN_IF_ERROR(
      CheckShortTexts({{"who", action.who}, {"assignee", action.assignee}}));
  return CheckLongTexts({{"what", action.what},
                         {"done_when", action.done_when},
                         {"worked_when", action.worked_when}});
}

absl::Status ValidateActionUpdate(const ActionUpdate& update) {
  if (update.action_id.empty()) return Required("action_id");
  RETURN_IF_ERROR(CheckShortTexts({{"drop_reason", update.drop_reason}}));
  RETURN_IF_ERROR(CheckLongTexts({{"done_evidence", update.done_evidence},
                                  {"impact_evidence", update.impact_evidence},
                                  {"worked_when", update.worked_when}}));
  switch (update.status) {
    case ActionStatus::kDone:
      if (update.done_evidence.empty()) {
        return absl::InvalidArgumentError(
            "done_evidence: required to mark an action done");
      }
      break;
    case ActionStatus::kDropped:
      if (update.drop_reason.empty()) {
        return absl::InvalidArgumentError(
            "drop_reason: required to drop an action");
      }
      break;
    case ActionStatus::kOpen:
      return absl::InvalidArgumentError(
          "status: an action cannot be reopened; agree a new one");
    case ActionStatus::kUnspecified:
      if (update.impact_evidence.empty() && update.worked_when.empty()) {
        return absl::InvalidArgumentError(
            "status: required (DONE or DROPPED), or give impact_evidence or "
            "worked_when");
      }
      break;
  }
  return absl::OkStatus();
}

absl::Status ValidateAttendees(const std::vector<std::string>& attendees) {
  if (attendees.empty()) {
    return absl::InvalidArgumentError("attendees: at least one is required");
  }
  for (const std::string& a : attendees) {
    if (a.empty()) {
      return absl::InvalidArgumentError("attendees: a name is empty");
    }
    RETURN_IF_ERROR(CheckShortTexts({{"attendees", a}}));
  }
  return absl::OkStatus();
}

absl::Status CheckByWhen(const Meeting& meeting, absl::Time by_when) {
  if (by_when > meeting.as_of) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "by_when: must be after the meeting that agrees the action (",
      FormatUtc(by_when), " is not after ", meeting.meeting_id, " as of ",
      FormatUtc(meeting.as_of), ")"));
}

absl::Status CheckAddendum(const Meeting& meeting, bool addendum) {
  if (meeting.state == MeetingState::kClosed && !addendum) {
    return absl::FailedPreconditionError(
        absl::StrCat("addendum: meeting ", meeting.meeting_id,
                     " is closed; mark the note or action as an addendum"));
  }
  if (meeting.state != MeetingState::kClosed && addendum) {
    return absl::FailedPreconditionError(
        absl::StrCat("addendum: meeting ", meeting.meeting_id,
                     " is still open; an addendum follows a closed meeting"));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyActionUpdate(const ActionUpdate& update,
                                       absl::Time now, Action& action) {
  Action next = action;
  if (update.status != ActionStatus::kUnspecified) {
    if (update.status != action.status) {
      if (action.status != ActionStatus::kOpen) {
        return absl::FailedPreconditionError(
            absl::StrCat("status: action ", action.action_id, " is already ",
                         ActionStatusName(action.status)));
      }
      next.status = update.status;
      next.closed_at = now;
      next.done_evidence = update.done_evidence;
      next.drop_reason = update.drop_reason;
    } else if (update.done_evidence != action.done_evidence ||
               update.drop_reason != action.drop_reason) {
      return absl::FailedPreconditionError(absl::StrCat(
          "status: action ", action.action_id, " is already ",
          ActionStatusName(action.status), " with other evidence"));
    }
  }
  if (!update.impact_evidence.empty() || !update.worked_when.empty()) {
    if (next.status == ActionStatus::kDropped) {
      return absl::FailedPreconditionError(
          absl::StrCat("status: action ", action.action_id, " was dropped"));
    }
    if (!update.impact_evidence.empty() && next.status != ActionStatus::kDone) {
      return absl::FailedPreconditionError(absl::StrCat(
          "impact_evidence: action ", action.action_id, " is not done yet"));
    }
    if (!update.impact_evidence.empty()) {
      next.impact_evidence = update.impact_evidence;
    }
    if (!update.worked_when.empty()) next.worked_when = update.worked_when;
  }
  const bool retry = next.status == action.status &&
                     next.impact_evidence == action.impact_evidence &&
                     next.worked_when == action.worked_when;
  if (!retry) action = std::move(next);
  return retry;
}

absl::string_view ActionStatusName(ActionStatus status) {
  switch (status) {
    case ActionStatus::kOpen:
      return "OPEN";
    case ActionStatus::kDone:
      return "DONE";
    case ActionStatus::kDropped:
      return "DROPPED";
    case ActionStatus::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

}  // namespace mfh::domain
