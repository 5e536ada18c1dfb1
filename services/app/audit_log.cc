#include "services/app/audit_log.h"

#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/app/log.h"
#include "services/domain/status_macros.h"

namespace mfh::app {

AuditLog::AuditLog(storage::Store& store, absl::Duration flush_every)
    : store_(store), flush_every_(flush_every), writer_([this] { Run(); }) {}

AuditLog::~AuditLog() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  writer_.join();
  Flush();
  absl::MutexLock lock(&mu_);
  if (!queue_.empty()) {
    LogLine(absl::StrCat("audit: ", queue_.size(),
                         " rows could not be written before stopping"));
  }
}

void AuditLog::Record(domain::AuditRecord record) {
  absl::MutexLock lock(&mu_);
  queue_.push_back(std::move(record));
}

void AuditLog::Flush() {
  absl::MutexLock write_lock(&write_mu_);
  std::vector<domain::AuditRecord> batch;
  {
    absl::MutexLock lock(&mu_);
    batch.swap(queue_);
  }
  WriteBatch(std::move(batch));
}

void AuditLog::Run() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(&stopping_), flush_every_);
      if (stopping_) return;
    }
    // Through Flush, so that batches are taken and written under one lock
    // and a Flush() returns only after every batch taken before it.
    Flush();
  }
}

absl::Status AuditLog::Writable() const {
  if (!failing_.load(std::memory_order_acquire)) return absl::OkStatus();
  absl::MutexLock lock(&mu_);
  return failure_;
}

void AuditLog::SetListener(std::function<void(bool writable)> listener) {
  absl::MutexLock lock(&mu_);
  listener_ = std::move(listener);
  // A failure before there was anyone to tell.
  if (listener_ && !failure_.ok()) listener_(false);
}

void AuditLog::WriteBatch(std::vector<domain::AuditRecord> batch) {
  if (batch.empty()) return;
  absl::Status status = store_.Write([&](storage::Transaction& tx) {
    for (const domain::AuditRecord& r : batch) {
      RETURN_IF_ERROR(tx.InsertAudit(r));
    }
    return absl::OkStatus();
  });
  absl::MutexLock lock(&mu_);
  const bool was_failing = !failure_.ok();
  if (status.ok()) {
    failure_ = absl::OkStatus();
  } else {
    // Kept, in order, ahead of what came since: retried next time.
    batch.insert(batch.end(), std::make_move_iterator(queue_.begin()),
                 std::make_move_iterator(queue_.end()));
    queue_ = std::move(batch);
    failure_ = absl::UnavailableError(
        absl::StrCat("the audit log cannot be written (", status.message(),
                     "); reads are refused until it can be"));
  }
  failing_.store(!failure_.ok(), std::memory_order_release);
  if (was_failing == failure_.ok()) {
    LogLine(failure_.ok() ? "audit log written again; serving reads"
                          : absl::StrCat("audit batch of ", queue_.size(),
                                         " rows not written, kept to retry: ",
                                         status.message(), "; refusing reads"));
    if (listener_) listener_(failure_.ok());
  }
}

}  // namespace mfh::app
