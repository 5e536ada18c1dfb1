// The Store on one SQLite file: WAL, foreign keys on, every acknowledged write
// on disk. Writes are serialised on one connection; reads run on a small pool
// of read-only connections, each on its own snapshot, beside a write.
#ifndef MFH_SERVICES_STORAGE_SQLITE_SQLITE_STORE_H_
#define MFH_SERVICES_STORAGE_SQLITE_SQLITE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "services/storage/store.h"

namespace mfh::storage {

class Connection;

class SqliteStore : public Store {
 public:
  static constexpr int kDefaultMaxReaders = 4;

  // Opens or creates the database at `path` and migrates it to
  // kCurrentSchemaVersion. A database from a newer schema is
  // FAILED_PRECONDITION.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, int max_readers = kDefaultMaxReaders);

  // Runs `fn` in a read transaction on the file at `path` as it is:
  // opened read-only and not migrated, for a check that must not change
  // what it checks. A file at another schema version is FAILED_PRECONDITION.
  static absl::Status ReadAsFound(
      const std::string& path,
      absl::FunctionRef<absl::Status(Transaction&)> fn);

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  // Closes the database (see Close).
  ~SqliteStore() override;

  // Group commit: writers that arrive while a commit is under way queue up,
  // and the next one to run takes the whole queue into one BEGIN IMMEDIATE
  // ... COMMIT, each write inside its own savepoint so that a failed write
  // is rolled back alone. The writer commits with synchronous=NORMAL (COMMIT
  // appends to the WAL without waiting for the disk), and the store syncs
  // the WAL itself, outside the writer: the next group runs while this one's
  // sync is under way, and one sync covers every group committed before it
  // began. Every write is answered only after its COMMIT and a sync begun
  // after it: durable. Readers may see a write during its sync, a moment
  // before its caller hears of it; a power cut then loses only writes not
  // yet answered. `committed` runs after COMMIT, in commit order.
  using Store::Write;
  absl::Status Write(absl::FunctionRef<absl::Status(Transaction&)> fn,
                     absl::FunctionRef<void()> committed) override;
  // BEGIN ... COMMIT on a read-only connection: one consistent snapshot.
  absl::Status Read(absl::FunctionRef<absl::Status(Transaction&)> fn) override;

  // Waits for the reads in flight, then finalizes every statement and closes
  // the connections, the writer last (which checkpoints the WAL). Later calls
  // to Read and Write are FAILED_PRECONDITION. Idempotent.
  void Close();

  // For a tool that fills a new database in large transactions (the
  // benchmark's generator), never for the server: the writer gets a 256 MiB
  // page cache and stops syncing, so that a crash may lose or corrupt what
  // was loaded.
  absl::Status UseForBulkLoad();

  // The schema version stored in the file.
  absl::StatusOr<int> SchemaVersion();

  // What group commit has done since the store was opened: the benchmark's
  // measure of the server's group size, which its batched baseline matches.
  struct WriteCounts {
    int64_t writes = 0;  // committed, each in the group that carried it
    int64_t groups = 0;  // transactions that committed at least one write
    int64_t syncs = 0;   // fdatasync calls of the WAL
  };
  WriteCounts Counts();

 private:
  SqliteStore(std::string path, int max_readers,
              std::unique_ptr<Connection> writer, int wal_fd);

  struct PendingWrite;
  // Runs one group of writes in one transaction on the writer connection;
  // how many writes were committed (and so need a sync).
  int64_t CommitGroup(const std::vector<PendingWrite*>& group);
  // Returns once the WAL is synced through the `group`th committed group,
  // syncing it unless another writer's sync is under way (then waiting for
  // it, and syncing after it if it began too early).
  absl::Status AwaitSync(int64_t group)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_);
  // fdatasync of the WAL: what was committed before the call is on disk.
  absl::Status SyncWal();
  // Closes the WAL's descriptor: SyncWal does nothing from then on.
  void StopSyncingWal();

  absl::StatusOr<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> reader);
  bool ReaderAvailable() const ABSL_SHARED_LOCKS_REQUIRED(read_mu_);
  bool AllReadersIdle() const ABSL_SHARED_LOCKS_REQUIRED(read_mu_);

  const std::string path_;
  const int max_readers_;

  // Writers waiting for the next group commit, and whether one is running.
  absl::Mutex queue_mu_;
  std::vector<PendingWrite*> queue_ ABSL_GUARDED_BY(queue_mu_);
  bool committing_ ABSL_GUARDED_BY(queue_mu_) = false;
  // Groups committed, and synced to disk, since the store was opened; a
  // failed sync leaves the disk in doubt, so every later write fails with it.
  int64_t committed_groups_ ABSL_GUARDED_BY(queue_mu_) = 0;
  int64_t synced_groups_ ABSL_GUARDED_BY(queue_mu_) = 0;
  bool syncing_ ABSL_GUARDED_BY(queue_mu_) = false;
  absl::Status sync_error_ ABSL_GUARDED_BY(queue_mu_);
  int64_t committed_writes_ ABSL_GUARDED_BY(queue_mu_) = 0;
  int64_t syncs_ ABSL_GUARDED_BY(queue_mu_) = 0;

  absl::Mutex write_mu_;
  std::unique_ptr<Connection> writer_ ABSL_GUARDED_BY(write_mu_);

  // The WAL, opened once (SQLite keeps the file while the writer is open);
  // -1 once closed or while bulk loading.
  absl::Mutex wal_mu_;
  int wal_fd_ ABSL_GUARDED_BY(wal_mu_);

  absl::Mutex read_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_
      ABSL_GUARDED_BY(read_mu_);
  int open_readers_ ABSL_GUARDED_BY(read_mu_) = 0;  // idle and in use
  bool closed_ ABSL_GUARDED_BY(read_mu_) = false;
};

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_SQLITE_STORE_H_
