// The 72-hour clock: when a return home interview is due, its status as of an
// instant, whether it was met, and what recording an offer, a decline, a
// completion or a closure requires.
#ifndef MFH_SERVICES_DOMAIN_RHI_RULES_H_
#define MFH_SERVICES_DOMAIN_RHI_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/policy.h"
#include "services/domain/types.h"

namespace mfh::domain {

// The closed_reason of an RHI the age rule marked not required.
inline constexpr absl::string_view kAdultReason = "adult";

// The RHI owed for a newly returned episode, or none (policy
// skip_rhi_for_absent). A child aged 18 or over on the day of the return gets
// one marked not required (reason "adult") at the return's notification.
std::optional<Rhi> NewRhi(const Policy& policy, const Episode& returned,
                          absl::CivilDay date_of_birth);

// The RHI of a returned episode corrected to another child (born on
// `date_of_birth`): one with nothing recorded on it yet is made again for
// that child by NewRhi (the age rule decides afresh); one with an offer, a
// decline, a completion or a closure of its own keeps them under the new
// child.
Rhi MoveRhi(const Policy& policy, const Episode& moved,
            absl::CivilDay date_of_birth, Rhi rhi);

// Sets due_at (by the policy's clock start) and due_at_from_return from the
// RHI's returned_at and return_notified_at: elapsed hours, whatever the
// clocks on the wall do.
void SetDueTimes(const Policy& policy, Rhi& rhi);

// The status as of `t`, counting only what was recorded as happening at or
// before t.
RhiStatus StatusAsOf(const Rhi& rhi, absl::Time t);

// Whether the RHI is still owed as of `t`: not completed, declined, not held
// or not required at or before t (its status as of t is DUE, OFFERED or
// OVERDUE).
bool OpenAsOf(const Rhi& rhi, absl::Time t);

// An offer, a decline or a completion at or before due_at.
bool OfferedOnTime(const Rhi& rhi);
// Completed or declined at or before due_at (the headline measure).
bool MetDeadline(const Rhi& rhi);
// Completed at or before due_at: how most of MetDeadline is met; the rest
// were declined on time.
bool CompletedOnTime(const Rhi& rhi);
// Completed or declined at or before due_at_from_return.
bool MetDeadlineFromReturn(const Rhi& rhi);

absl::string_view RhiStatusName(RhiStatus status);  // "OVERDUE", ...
// Due, offered or overdue: still owed.
bool IsOwed(RhiStatus status);

struct RhiOffer {
  std::string episode_id;
  std::optional<absl::Time> at;
  std::string by;
};
struct RhiDecline {
  std::string episode_id;
  std::optional<absl::Time> at;
  std::string reason;
};
struct RhiCompletion {
  std::string episode_id;
  std::optional<absl::Time> at;
  std::string by;
  RhiOutcome outcome;
  std::vector<std::string> also_episode_ids;
};
struct RhiClosing {
  std::string episode_id;
  RhiClosure closure = RhiClosure::kNone;
  std::string reason;
  std::optional<absl::Time> at;  // default: the server's clock
};

// The request's own fields (INVALID_ARGUMENT).
absl::Status ValidateOffer(const RhiOffer& offer, absl::Time now);
absl::Status ValidateDecline(const RhiDecline& decline, absl::Time now);
absl::Status ValidateCompletion(const RhiCompletion& completion,
                                absl::Time now);
absl::Status ValidateClosing(const RhiClosing& closing, absl::Time now);

// Each Apply* first recognises a retry (the same call again: returns true
// and changes nothing), then checks the RHI is still open
// (FAILED_PRECONDITION) and the time order (INVALID_ARGUMENT: not before the
// return), then records. Returns whether it was a retry.
absl::StatusOr<bool> ApplyOffer(const RhiOffer& offer, Rhi& rhi);
absl::StatusOr<bool> ApplyDecline(const RhiDecline& decline, Rhi& rhi);
// Records the completion on one of the RHIs it covers (`rhi` may be the
// named one or one of also_episode_ids).
absl::StatusOr<bool> ApplyCompletion(const RhiCompletion& completion, Rhi& rhi);
absl::StatusOr<bool> ApplyClosing(const RhiClosing& closing, absl::Time now,
                                  Rhi& rhi);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_RHI_RULES_H_
