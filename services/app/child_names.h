// The names and dates of birth of the children, remembered between calls so
// that a call can show each child it names by name and age without looking
// the child up in its transaction (DESIGN.md section 3: names beside ids).
//
// A name or date of birth changes only through a write of kind
// ChangeKind::kChild, which the runner brackets with BeginChange and
// EndChange. While one is in flight nothing is found, and a read remembers
// what it looked up only if no such write began since its ticket was taken
// (before its transaction began); EndChange forgets everything. So a name
// found is never older than the snapshot of the call that finds it.
#ifndef MFH_SERVICES_APP_CHILD_NAMES_H_
#define MFH_SERVICES_APP_CHILD_NAMES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"

namespace mfh::app {

struct ChildName {
  std::string name;
  absl::CivilDay date_of_birth;
};

class ChildNames {
 public:
  // Taken before a call's transaction begins.
  struct Ticket {
    uint64_t generation = 0;
  };

  Ticket Take() const;
  // Nothing while a change to a child is in flight.
  std::optional<ChildName> Find(absl::string_view child_id) const;
  // Ignored if a change to a child began after `ticket` was taken.
  void Remember(const Ticket& ticket, absl::string_view child_id,
                ChildName name);

  // Around a write that may change a child's name or date of birth, whether
  // or not it commits.
  void BeginChange();
  void EndChange();

  size_t size() const;

 private:
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  int changes_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<std::string, ChildName> names_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_CHILD_NAMES_H_
