#include "services/storage/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/sqlite/schema.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

// The writer: COMMIT writes the WAL, and SqliteStore syncs it (see Write).
constexpr char kSynchronousNormalSql[] = "PRAGMA synchronous=NORMAL";
// UseForBulkLoad: a 256 MiB page cache, and no fsync.
constexpr char kBulkLoadCacheSql[] = "PRAGMA cache_size=-262144";
constexpr char kSynchronousOffSql[] = "PRAGMA synchronous=OFF";

// Ends the transaction that `status` describes: COMMIT when it is OK (the
// commit's failure becomes the status), else ROLLBACK.
absl::Status Finish(Connection& db, absl::Status status) {
  if (status.ok()) status = db.Execute(sql::kCommitSql, "kCommitSql");
  if (!status.ok() && db.InTransaction()) {
    // A failed ROLLBACK leaves nothing to do: SQLite rolls back on close.
    db.Execute(sql::kRollbackSql, "kRollbackSql").IgnoreError();
  }
  return status;
}

// The hub's records are for its server alone: a new database file is made
// 0600 whatever the umask (SQLite gives its -wal and -shm files the same
// mode), and a file that others may read or write is refused.
absl::Status KeepPrivate(const std::string& path) {
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
                      S_IRUSR | S_IWUSR);
  if (fd >= 0) {
    const int changed = fchmod(fd, S_IRUSR | S_IWUSR);
    close(fd);
    if (changed != 0) {
      return absl::InternalError(
          absl::StrCat("chmod 600 ", path, ": ", std::strerror(errno)));
    }
    return absl::OkStatus();
  }
  if (errno != EEXIST) {
    return absl::InternalError(
        absl::StrCat("create ", path, ": ", std::strerror(errno)));
  }
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    struct stat st;
    if (stat(file.c_str(), &st) != 0) continue;  // no WAL or SHM yet
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "%s is open to other users (mode %04o); the hub's records must "
          "be readable by its server alone: run chmod 600 %s*",
          file, st.st_mode & 07777, path));
    }
  }
  return absl::OkStatus();
}

}  // namespace

SqliteStore::SqliteStore(std::string path, int max_readers,
                         std::unique_ptr<Connection> writer, int wal_fd)
    : path_(std::move(path)),
      max_readers_(max_readers < 1 ? 1 : max_readers),
      writer_(std::move(writer)),
      wal_fd_(wal_fd) {}

SqliteStore::~SqliteStore() { Close(); }

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, int max_readers) {
  RETURN_IF_ERROR(KeepPrivate(path));
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer,
                   Connection::Open(path, /*read_only=*/false));
  RETURN_IF_ERROR(MigrateToCurrentVersion(writer->db()));
  RETURN_IF_ERROR(
      writer->Execute(kSynchronousNormalSql, "kSynchronousNormalSql"));
  // The migration's reads have made SQLite create the WAL.
  const std::string wal = path + "-wal";
  const int wal_fd = open(wal.c_str(), O_RDONLY | O_CLOEXEC);
  if (wal_fd < 0) {
    return absl::InternalError(
        absl::StrCat("open ", wal, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(path, max_readers, std::move(writer), wal_fd));
}

absl::Status SqliteStore::ReadAsFound(
    const std::string& path, absl::FunctionRef<absl::Status(Transaction&)> fn) {
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> reader,
                   Connection::Open(path, /*read_only=*/true));
  ASSIGN_OR_RETURN(const int version, ReadSchemaVersion(reader->db()));
  if (version != kCurrentSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, " is at schema version ", version, ", this mfh-server's is ",
        kCurrentSchemaVersion, "; start the server on it once to upgrade it"));
  }
  absl::Status status = reader->Execute(sql::kBeginSql, "kBeginSql");
  if (status.ok()) {
    SqliteTransaction transaction(*reader);
    status = fn(transaction);
  }
  return Finish(*reader, std::move(status));
}

struct SqliteStore::PendingWrite {
  absl::FunctionRef<absl::Status(Transaction&)> fn;
  absl::FunctionRef<void()> committed;
  absl::Status status;
  bool taken = false;  // into a group, by its leader
  bool done = false;   // committed and synced, or failed
};

absl::Status SqliteStore::Write(
    absl::FunctionRef<absl::Status(Transaction&)> fn,
    absl::FunctionRef<void()> committed) {
  PendingWrite write{.fn = fn, .committed = committed};
  absl::MutexLock lock(&queue_mu_);
  queue_.push_back(&write);
  auto my_turn = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
    return write.done || (!write.taken && !committing_);
  };
  queue_mu_.Await(absl::Condition(&my_turn));
  if (write.done) return write.status;
  // This writer leads the next group: everything queued so far, itself too.
  committing_ = true;
  std::vector<PendingWrite*> group;
  group.swap(queue_);
  for (PendingWrite* w : group) w->taken = true;
  const absl::Status refused = sync_error_;
  queue_mu_.Unlock();
  int64_t written = 0;
  if (refused.ok()) {
    written = CommitGroup(group);
  } else {
    for (PendingWrite* w : group) w->status = refused;
  }
  queue_mu_.Lock();
  // The next group may run while this one waits for its sync.
  committing_ = false;
  if (written > 0) {
    committed_writes_ += written;
    const absl::Status synced = AwaitSync(++committed_groups_);
    for (PendingWrite* w : group) {
      if (w->status.ok()) w->status = synced;
    }
  }
  for (PendingWrite* w : group) w->done = true;
  return write.status;
}

absl::Status SqliteStore::AwaitSync(int64_t group) {
  auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
    return !syncing_;
  };
  while (synced_groups_ < group) {
    if (!sync_error_.ok()) return sync_error_;
    if (syncing_) {
      queue_mu_.Await(absl::Condition(&idle));
      continue;
    }
    // One sync covers every group committed before it begins.
    syncing_ = true;
    ++syncs_;
    const int64_t through = committed_groups_;
    queue_mu_.Unlock();
    const absl::Status synced = SyncWal();
    queue_mu_.Lock();
    syncing_ = false;
    if (synced.ok()) {
      synced_groups_ = through;
    } else {
      sync_error_ = synced;
    }
  }
  return absl::OkStatus();
}

int64_t SqliteStore::CommitGroup(const std::vector<PendingWrite*>& group) {
  absl::MutexLock lock(&write_mu_);
  auto fail_all = [&](const absl::Status& status) -> int64_t {
    for (PendingWrite* w : group) w->status = status;
    return 0;
  };
  if (writer_ == nullptr) {
    return fail_all(absl::FailedPreconditionError("the store is closed"));
  }
  absl::Status begun =
      writer_->Execute(sql::kBeginImmediateSql, "kBeginImmediateSql");
  if (!begun.ok()) return fail_all(begun);
  for (PendingWrite* w : group) {
    absl::Status status = writer_->Execute(sql::kSavepointSql, "kSavepointSql");
    if (status.ok()) {
      {
        SqliteTransaction transaction(*writer_);
        status = w->fn(transaction);
      }
      if (!status.ok()) {
        writer_->Execute(sql::kRollbackToSql, "kRollbackToSql").IgnoreError();
      }
      absl::Status released = writer_->Execute(sql::kReleaseSql, "kReleaseSql");
      if (status.ok()) status = released;
    }
    w->status = status;
    // SQLite rolled the whole transaction back under this write (a full
    // disk does): the group is lost, every write of it with this error.
    if (!status.ok() && !writer_->InTransaction()) return fail_all(status);
  }
  const absl::Status commit = Finish(*writer_, absl::OkStatus());
  int64_t committed = 0;
  for (PendingWrite* w : group) {
    if (!w->status.ok()) continue;
    if (!commit.ok()) {
      w->status = commit;
      continue;
    }
    w->committed();
    ++committed;
  }
  return committed;
}

absl::Status SqliteStore::SyncWal() {
  absl::MutexLock lock(&wal_mu_);
  if (wal_fd_ < 0) return absl::OkStatus();
  if (fdatasync(wal_fd_) != 0) {
    return absl::InternalError(
        absl::StrCat("fdatasync ", path_, "-wal: ", std::strerror(errno),
                     "; the write is committed but may not be on disk"));
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::Read(
    absl::FunctionRef<absl::Status(Transaction&)> fn) {
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> reader, AcquireReader());
  absl::Status status = reader->Execute(sql::kBeginSql, "kBeginSql");
  if (status.ok()) {
    SqliteTransaction transaction(*reader);
    status = fn(transaction);
  }
  status = Finish(*reader, std::move(status));
  ReleaseReader(std::move(reader));
  return status;
}

absl::StatusOr<std::unique_ptr<Connection>> SqliteStore::AcquireReader() {
  {
    absl::MutexLock lock(&read_mu_);
    read_mu_.Await(absl::Condition(this, &SqliteStore::ReaderAvailable));
    if (closed_) return absl::FailedPreconditionError("the store is closed");
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
    ++open_readers_;
  }
  // Opened outside the lock: other readers need not wait for the file.
  absl::StatusOr<std::unique_ptr<Connection>> reader =
      Connection::Open(path_, /*read_only=*/true);
  if (!reader.ok()) {
    absl::MutexLock lock(&read_mu_);
    --open_readers_;
  }
  return reader;
}

bool SqliteStore::ReaderAvailable() const {
  return closed_ || !idle_readers_.empty() || open_readers_ < max_readers_;
}

bool SqliteStore::AllReadersIdle() const {
  return static_cast<int>(idle_readers_.size()) == open_readers_;
}

void SqliteStore::ReleaseReader(std::unique_ptr<Connection> reader) {
  absl::MutexLock lock(&read_mu_);
  idle_readers_.push_back(std::move(reader));
}

void SqliteStore::Close() {
  {
    absl::MutexLock lock(&read_mu_);
    closed_ = true;
    read_mu_.Await(absl::Condition(this, &SqliteStore::AllReadersIdle));
    idle_readers_.clear();
    open_readers_ = 0;
  }
  StopSyncingWal();
  absl::MutexLock lock(&write_mu_);
  writer_.reset();
}

void SqliteStore::StopSyncingWal() {
  absl::MutexLock lock(&wal_mu_);
  if (wal_fd_ >= 0) close(wal_fd_);
  wal_fd_ = -1;
}

absl::Status SqliteStore::UseForBulkLoad() {
  absl::MutexLock lock(&write_mu_);
  if (writer_ == nullptr) {
    return absl::FailedPreconditionError("the store is closed");
  }
  RETURN_IF_ERROR(writer_->Execute(kBulkLoadCacheSql, "kBulkLoadCacheSql"));
  RETURN_IF_ERROR(writer_->Execute(kSynchronousOffSql, "kSynchronousOffSql"));
  StopSyncingWal();
  return absl::OkStatus();
}

SqliteStore::WriteCounts SqliteStore::Counts() {
  absl::MutexLock lock(&queue_mu_);
  return {.writes = committed_writes_,
          .groups = committed_groups_,
          .syncs = syncs_};
}

absl::StatusOr<int> SqliteStore::SchemaVersion() {
  absl::MutexLock lock(&write_mu_);
  if (writer_ == nullptr) {
    return absl::FailedPreconditionError("the store is closed");
  }
  return ReadSchemaVersion(writer_->db());
}

}  // namespace mfh::storage
