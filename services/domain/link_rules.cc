#include "services/domain/link_rules.h"

#include <set>

#include "services/domain/limits.h"

namespace mfh::domain {

absl::Status ValidateLink(const NewLink& link) {
  const std::set<std::string> distinct(link.episode_ids.begin(),
                                       link.episode_ids.end());
  if (distinct.size() < 2 || distinct.size() != link.episode_ids.size()) {
    return absl::InvalidArgumentError(
        "episode_ids: two or more different episodes are required");
  }
  if (link.reason.empty()) {
    return absl::InvalidArgumentError("reason: required");
  }
  return CheckShortTexts({{"reason", link.reason}});
}

bool LinksSameEpisodes(const Link& existing, const NewLink& link) {
  return std::set<std::string>(existing.episode_ids.begin(),
                               existing.episode_ids.end()) ==
         std::set<std::string>(link.episode_ids.begin(),
                               link.episode_ids.end());
}

}  // namespace mfh::domain
