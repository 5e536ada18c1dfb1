// InterviewService's use cases: the return home interviews owed, and what was
// done about each.
#ifndef MFH_SERVICES_APP_INTERVIEWS_H_
#define MFH_SERVICES_APP_INTERVIEWS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/app/paging.h"
#include "services/app/records.h"
#include "services/app/runner.h"
#include "services/domain/findings.h"
#include "services/domain/rhi_rules.h"

namespace mfh::app {

struct InterviewQuery {
  std::vector<domain::RhiStatus> statuses;  // empty: all
  std::optional<absl::Time> due_before;
  std::string child_id;
  std::optional<absl::Time> as_of;  // default: the clock
  PageRequest page;
};

struct InterviewRef {
  std::string episode_id;
  std::optional<absl::Time> as_of;  // default: the clock
};

class Interviews {
 public:
  Interviews(Runner& runner, const PageTokens& pages)
      : runner_(runner), pages_(pages) {}

  // Ordered by due time, earliest first.
  absl::StatusOr<Paged<InterviewView>> ListInterviews(
      const Call& call, const InterviewQuery& query);
  absl::StatusOr<InterviewView> GetInterview(const Call& call,
                                             const InterviewRef& ref);
  absl::StatusOr<InterviewView> RecordOffer(const Call& call,
                                            const domain::RhiOffer& offer);
  absl::StatusOr<InterviewView> RecordDecline(
      const Call& call, const domain::RhiDecline& decline);
  // The named interview first, then those of also_episode_ids.
  absl::StatusOr<std::vector<InterviewView>> RecordCompletion(
      const Call& call, const domain::RhiCompletion& completion);
  // MarkNotHeld or MarkNotRequired, by the closing's closure.
  absl::StatusOr<InterviewView> CloseInterview(
      const Call& call, const domain::RhiClosing& closing);
  // A new version of a completed interview's findings; the same findings
  // again are a retry and make none.
  absl::StatusOr<InterviewView> RecordFindings(
      const Call& call, const domain::FindingsRecord& record);
  absl::StatusOr<InterviewView> RecordFollowUp(
      const Call& call, const domain::FollowUpRecord& record);

 private:
  // Loads the RHI of `episode_id`, applies `apply` (which returns whether
  // the call was a retry) and stores it.
  template <typename Request>
  absl::StatusOr<InterviewView> ChangeRhi(
      const Call& call, const WriteCall& spec, const Request& request,
      absl::FunctionRef<absl::Status(const Context&)> validate,
      absl::FunctionRef<absl::StatusOr<bool>(const Context&, domain::Rhi&)>
          apply);

  Runner& runner_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_INTERVIEWS_H_
