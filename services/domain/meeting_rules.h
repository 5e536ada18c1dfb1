// The rules for meetings, notes and actions (DESIGN.md section 3, "Meetings
// and actions"): what each needs, when a closed meeting takes an addendum,
// and how an action moves from open to done or dropped.
#ifndef MFH_SERVICES_DOMAIN_MEETING_RULES_H_
#define MFH_SERVICES_DOMAIN_MEETING_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

struct NewNote {
  std::string meeting_id;
  std::string child_id;
  std::string text;
  bool decision = false;
  bool addendum = false;
};

struct NewAction {
  std::string meeting_id;
  std::string child_id;
  std::string what;
  std::string who;
  std::optional<absl::Time> by_when;
  std::string done_when;
  std::string worked_when;
  std::string assignee;
  bool addendum = false;
};

struct ActionUpdate {
  std::string action_id;
  ActionStatus status = ActionStatus::kUnspecified;  // unset: keep
  std::string done_evidence;
  std::string impact_evidence;
  std::string drop_reason;
  std::string worked_when;
};

// The request's own fields (INVALID_ARGUMENT).
absl::Status ValidateNote(const NewNote& note);
absl::Status ValidateAction(const NewAction& action);
absl::Status ValidateActionUpdate(const ActionUpdate& update);
absl::Status ValidateAttendees(const std::vector<std::string>& attendees);

// A closed meeting takes only addenda; an open one takes no addendum
// (FAILED_PRECONDITION).
absl::Status CheckAddendum(const Meeting& meeting, bool addendum);

// An action is agreed at its meeting, so its by_when must come after the
// meeting's moment (the instant its agenda is as of): INVALID_ARGUMENT naming
// by_when otherwise. A meeting minuted afterwards takes the deadlines it
// agreed then.
absl::Status CheckByWhen(const Meeting& meeting, absl::Time by_when);

// Applies the update to `action`: done needs evidence, dropped a reason; a
// done or dropped action changes no more, except that a done one may gain how
// we know it worked and the evidence that it did. Returns whether it was a
// retry that changes nothing.
absl::StatusOr<bool> ApplyActionUpdate(const ActionUpdate& update,
                                       absl::Time now, Action& action);

absl::string_view ActionStatusName(ActionStatus status);  // "OPEN", ...

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_MEETING_RULES_H_
