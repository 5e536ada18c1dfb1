#include "services/domain/types.h"

namespace mfh::domain {

std::optional<absl::Time> Rhi::final_at() const {
  std::optional<absl::Time> at;
  for (const std::optional<absl::Time>& t :
       {completed_at, declined_at, closed_at}) {
    if (t.has_value() && (!at.has_value() || *t < *at)) at = t;
  }
  return at;
}

}  // namespace mfh::domain
