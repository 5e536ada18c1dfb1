#include "services/app/audit_log.h"

#include <cstdio>
#include <utility>

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
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    mu_.AwaitWithTimeout(absl::Condition(&stopping_), flush_every_);
    if (queue_.empty()) continue;
    std::vector<domain::AuditRecord> batch;
    batch.swap(queue_);
    mu_.Unlock();
    {
      absl::MutexLock write_lock(&write_mu_);
      WriteBatch(std::move(batch));
    }
    mu_.Lock();
  }
}

void AuditLog::WriteBatch(std::vector<domain::AuditRecord> batch) {
  if (batch.empty()) return;
  absl::Status status = store_.Write([&](storage::Transaction& tx) {
    for (const domain::AuditRecord& r : batch) {
      absl::Status s = tx.InsertAudit(r);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  });
  if (!status.ok()) {
    std::fprintf(stderr,
                 "mfh-server: audit batch of %zu rows not written: %s\n",
                 batch.size(), std::string(status.message()).c_str());
  }
}

}  // namespace mfh::app
