#include "services/domain/exceptions.h"

#include <algorithm>

#include "services/domain/rhi_rules.h"

namespace mfh::domain {

bool IsLateInterview(const Rhi& rhi) {
  return rhi.closure != RhiClosure::kNotRequired && !MetDeadline(rhi);
}

absl::Duration TimeMissing(const Episode& episode, absl::Time as_of) {
  const absl::Time end = episode.returned_at.has_value()
                             ? std::min(*episode.returned_at, as_of)
                             : as_of;
  return end - episode.missing_since;
}

bool IsLongEpisode(const Episode& episode, absl::Time as_of) {
  return TimeMissing(episode, as_of) > kLongEpisodeAfter;
}

absl::Duration TimePastByWhen(const Action& action, absl::Time as_of) {
  const absl::Time end =
      action.closed_at.has_value() ? std::min(*action.closed_at, as_of) : as_of;
  return end - action.by_when;
}

bool IsLateAction(const Action& action, absl::Time as_of) {
  return TimePastByWhen(action, as_of) > kLateActionAfter;
}

}  // namespace mfh::domain
