// The rules for linking episodes (DESIGN.md section 2): two or more different
// episodes and a reason; the same episodes linked again is a retry.
#ifndef MFH_SERVICES_DOMAIN_LINK_RULES_H_
#define MFH_SERVICES_DOMAIN_LINK_RULES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/domain/types.h"

namespace mfh::domain {

struct NewLink {
  std::vector<std::string> episode_ids;
  std::string reason;
};

// The request's own fields (INVALID_ARGUMENT).
absl::Status ValidateLink(const NewLink& link);
// Whether `existing` links exactly the episodes of `link`, in any order.
bool LinksSameEpisodes(const Link& existing, const NewLink& link);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_LINK_RULES_H_
