// IntelligenceService's use cases (DESIGN.md section 10): what return home
// interviews shared with the police, and the police's acknowledgement of it.
#ifndef MFH_SERVICES_APP_INTELLIGENCE_H_
#define MFH_SERVICES_APP_INTELLIGENCE_H_

#include <string>

#include "absl/status/statusor.h"
#include "services/app/paging.h"
#include "services/app/runner.h"
#include "services/domain/findings.h"

namespace mfh::app {

struct IntelligenceQuery {
  bool unacknowledged_only = false;
  PageRequest page;
};

struct IntelligenceRef {
  std::string episode_id;
};

class Intelligence {
 public:
  Intelligence(Runner& runner, const PageTokens& pages)
      : runner_(runner), pages_(pages) {}

  // The newest shared findings, earliest recorded first, holding only what
  // may be shared: places, associates, indicators and the basis, never the
  // child's words or the factors.
  absl::StatusOr<Paged<domain::FindingsOf>> ListIntelligence(
      const Call& call, const IntelligenceQuery& query);
  // Records that the caller read the episode's newest shared findings; again
  // is a retry that keeps the first acknowledgement. NOT_FOUND when nothing
  // of the episode's interview was shared.
  absl::StatusOr<domain::FindingsOf> AcknowledgeIntelligence(
      const Call& call, const IntelligenceRef& ref);

 private:
  Runner& runner_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_INTELLIGENCE_H_
