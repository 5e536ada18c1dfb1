// The batched audit writer: reads of a child's record, and refused writes,
// are queued and committed together at least every second, so that a read
// never waits for a disk sync. Successful writes audit in their own
// transaction instead (the runner does that).
//
// It fails closed: a batch that cannot be committed is kept and retried
// every interval, and until one commits Writable() is UNAVAILABLE (the
// runner then refuses reads) and the listener is told, so that health can
// say NOT_SERVING.
#ifndef MFH_SERVICES_APP_AUDIT_LOG_H_
#define MFH_SERVICES_APP_AUDIT_LOG_H_

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

class AuditLog {
 public:
  explicit AuditLog(storage::Store& store,
                    absl::Duration flush_every = absl::Seconds(1));
  // Commits what is queued, then stops the writer.
  ~AuditLog();

  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  void Record(domain::AuditRecord record);
  // Commits everything recorded so far before returning; what cannot be
  // committed stays queued.
  void Flush();

  // OK while batches commit; UNAVAILABLE, with the store's error, from a
  // batch that failed until one commits.
  absl::Status Writable() const;
  // Called (from the writer) with false when batches stop committing and
  // true when they commit again; empty to stop.
  void SetListener(std::function<void(bool writable)> listener);

 private:
  void Run();
  void WriteBatch(std::vector<domain::AuditRecord> batch);

  storage::Store& store_;
  const absl::Duration flush_every_;
  mutable absl::Mutex mu_;
  std::vector<domain::AuditRecord> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status failure_ ABSL_GUARDED_BY(mu_);
  std::function<void(bool)> listener_ ABSL_GUARDED_BY(mu_);
  // failure_ is not OK; read without the lock on every read call.
  std::atomic<bool> failing_{false};
  // Serialises batches so that Flush() returns only after earlier batches.
  absl::Mutex write_mu_;
  std::thread writer_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AUDIT_LOG_H_
