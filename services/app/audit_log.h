// The batched audit writer: reads of a child's record, and refused writes,
// are queued and committed together at least every second, so that a read
// never waits for a disk sync. Successful writes audit in their own
// transaction instead (Hub does that).
#ifndef MFH_SERVICES_APP_AUDIT_LOG_H_
#define MFH_SERVICES_APP_AUDIT_LOG_H_

#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
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
  // Commits everything recorded so far before returning.
  void Flush();

 private:
  void Run();
  void WriteBatch(std::vector<domain::AuditRecord> batch);

  storage::Store& store_;
  const absl::Duration flush_every_;
  absl::Mutex mu_;
  std::vector<domain::AuditRecord> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Serialises batches so that Flush() returns only after earlier batches.
  absl::Mutex write_mu_;
  std::thread writer_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AUDIT_LOG_H_
