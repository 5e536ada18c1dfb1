// The injected clock: the only way the rules learn what time it is.
#ifndef MFH_SERVICES_DOMAIN_CLOCK_H_
#define MFH_SERVICES_DOMAIN_CLOCK_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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

// A clock that reads the instant from a file holding an RFC 3339 time, so
// that an end-to-end test sets a server's "now" by writing the file (whole,
// by rename). Only builds with test hooks offer it.
class FileClock : public Clock {
 public:
  // INVALID_ARGUMENT naming the file when it holds no RFC 3339 instant.
  static absl::StatusOr<std::unique_ptr<FileClock>> Open(std::string path);
  // The file's instant; the last one read if the file cannot be read now.
  absl::Time Now() const override;

 private:
  FileClock(std::string path, absl::Time first)
      : path_(std::move(path)), last_(first) {}

  const std::string path_;
  mutable absl::Mutex mu_;
  mutable absl::Time last_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CLOCK_H_
