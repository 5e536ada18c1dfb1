// The quarterly exception report's filters and thresholds (DESIGN.md section
// 12): which interviews, episodes and actions are late, and by how much.
#ifndef MFH_SERVICES_DOMAIN_EXCEPTIONS_H_
#define MFH_SERVICES_DOMAIN_EXCEPTIONS_H_

#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// An episode missing longer than this is a long episode.
inline constexpr absl::Duration kLongEpisodeAfter = absl::Hours(7 * 24);
// An action closed, or still open, longer than this after its by_when is
// late.
inline constexpr absl::Duration kLateActionAfter = absl::Hours(14 * 24);

// An interview that was owed (not NOT_REQUIRED) and not met by due_at.
bool IsLateInterview(const Rhi& rhi);

// How long the episode was missing, as known at as_of: to its return, or to
// as_of while it had not returned by then.
absl::Duration TimeMissing(const Episode& episode, absl::Time as_of);
bool IsLongEpisode(const Episode& episode, absl::Time as_of);

// How long after its by_when the action was closed, or is as of as_of while
// it was still open then.
absl::Duration TimePastByWhen(const Action& action, absl::Time as_of);
bool IsLateAction(const Action& action, absl::Time as_of);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_EXCEPTIONS_H_
