// Who may do what: the role table of DESIGN.md section 4.
#ifndef MFH_SERVICES_DOMAIN_ROLES_H_
#define MFH_SERVICES_DOMAIN_ROLES_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/domain/types.h"

namespace mfh::domain {

enum class Right {
  kRead,             // children, episodes, board, agenda, meetings, actions
  kWriteEpisodes,    // report missing, log and correct returns, regrade
  kReadRhi,          // RHI due times and status
  kReadRhiOutcome,   // concerns, referral, notes; findings and follow-ups
  kWriteRhi,         // offer, decline, completion, not held, not required;
                     // findings and follow-ups after a decline
  kIntelligence,     // read and acknowledge what was shared with police
  kManageChildren,   // add children, set and clear flags, link episodes
  kRunMeetings,      // open, annotate and close meetings; add actions
  kUpdateAnyAction,  // update any action (others only their own)
  kUpdateOwnAction,  // update actions assigned to them
  kVoidAnyEpisode,   // void any episode (others only those they reported)
  kReports,
  kAdmin,  // users and the audit log
};

bool HasRight(Role role, Right right);

// INVALID_ARGUMENT unless `name` is 1 to 64 letters, digits, '.', '_' or
// '-', and `role` is a role.
absl::Status ValidateNewUser(absl::string_view name, Role role);

// "coordinator", "police", "rhi_worker", "manager", "admin".
absl::string_view RoleName(Role role);
// The inverse of RoleName; kUnspecified for anything else.
Role ParseRole(absl::string_view name);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_ROLES_H_
