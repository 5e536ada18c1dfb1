// ChildService's use cases: adding children, reading them, their flags.
#ifndef MFH_SERVICES_APP_CHILDREN_H_
#define MFH_SERVICES_APP_CHILDREN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/app/paging.h"
#include "services/app/runner.h"
#include "services/domain/child_profile.h"
#include "services/domain/child_rules.h"
#include "services/domain/policy.h"
#include "services/domain/types.h"

namespace mfh::app {

struct ChildRef {
  std::string child_id;
};

struct ChildQuery {
  std::string flag;  // empty: every child
  // Empty: any; otherwise only children whose name contains it (ignoring
  // case and spaces), and whose la_ref is it (ignoring case).
  std::string name;
  std::string la_ref;
  PageRequest page;
};

class Children {
 public:
  Children(Runner& runner, const domain::Policy& policy,
           const PageTokens& pages)
      : runner_(runner), policy_(policy), pages_(pages) {}

  absl::StatusOr<domain::Child> CreateChild(const Call& call,
                                            const domain::NewChild& in);
  // The child as it now is, with the change in its history.
  absl::StatusOr<domain::Child> UpdateChild(const Call& call,
                                            const domain::ChildUpdate& update);
  absl::StatusOr<domain::Child> GetChild(const Call& call, const ChildRef& ref);
  // Ordered by child id; only children with the flag in force when given.
  absl::StatusOr<Paged<domain::Child>> ListChildren(const Call& call,
                                                    const ChildQuery& query);
  // SetFlag (change.set) or ClearFlag; the child as it now is.
  absl::StatusOr<domain::Child> ChangeFlag(const Call& call,
                                           const domain::FlagChange& change);

 private:
  Runner& runner_;
  const domain::Policy& policy_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_CHILDREN_H_
