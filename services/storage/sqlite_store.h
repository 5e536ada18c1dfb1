// The Store on one SQLite file: WAL, synchronous=FULL, foreign keys on.
// Writes are serialised on one connection; reads run on a small pool of
// read-only connections, each on its own snapshot, beside a write.
#ifndef MFH_SERVICES_STORAGE_SQLITE_STORE_H_
#define MFH_SERVICES_STORAGE_SQLITE_STORE_H_

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

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  // Closes the database (see Close).
  ~SqliteStore() override;

  // BEGIN IMMEDIATE ... COMMIT on the writer connection; ROLLBACK when `fn`
  // or the commit fails, so that a failed write changes nothing.
  absl::Status Write(absl::FunctionRef<absl::Status(Transaction&)> fn) override;
  // BEGIN ... COMMIT on a read-only connection: one consistent snapshot.
  absl::Status Read(absl::FunctionRef<absl::Status(Transaction&)> fn) override;

  // Waits for the reads in flight, then finalizes every statement and closes
  // the connections, the writer last (which checkpoints the WAL). Later calls
  // to Read and Write are FAILED_PRECONDITION. Idempotent.
  void Close();

  // The schema version stored in the file.
  absl::StatusOr<int> SchemaVersion();

 private:
  SqliteStore(std::string path, int max_readers,
              std::unique_ptr<Connection> writer);

  absl::StatusOr<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> reader);
  bool ReaderAvailable() const ABSL_SHARED_LOCKS_REQUIRED(read_mu_);
  bool AllReadersIdle() const ABSL_SHARED_LOCKS_REQUIRED(read_mu_);

  const std::string path_;
  const int max_readers_;

  absl::Mutex write_mu_;
  std::unique_ptr<Connection> writer_ ABSL_GUARDED_BY(write_mu_);

  absl::Mutex read_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_
      ABSL_GUARDED_BY(read_mu_);
  int open_readers_ ABSL_GUARDED_BY(read_mu_) = 0;  // idle and in use
  bool closed_ ABSL_GUARDED_BY(read_mu_) = false;
};

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_STORE_H_
