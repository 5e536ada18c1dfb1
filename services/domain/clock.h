// The injected clock: the only way the rules learn what time it is.
#ifndef MFH_SERVICES_DOMAIN_CLOCK_H_
#define MFH_SERVICES_DOMAIN_CLOCK_H_

#include "absl/time/time.h"

namespace mfh::domain {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// A clock that stands still until moved: for tests.
class FixedClock : public Clock {
 public:
  explicit FixedClock(absl::Time now) : now_(now) {}
  absl::Time Now() const override { return now_; }
  void Set(absl::Time now) { now_ = now; }

 private:
  absl::Time now_;
};

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CLOCK_H_
