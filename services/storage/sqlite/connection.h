// One SQLite connection with its cache of prepared statements, and a small
// wrapper for binding and reading them. A connection is used by one thread at
// a time (the store hands it out).
#ifndef MFH_SERVICES_STORAGE_SQLITE_CONNECTION_H_
#define MFH_SERVICES_STORAGE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace mfh::storage {

namespace sql {

// Transactions. The writer's group commit runs each write inside its own
// savepoint (SqliteStore::Write).
inline constexpr char kBeginSql[] = "BEGIN";
inline constexpr char kBeginImmediateSql[] = "BEGIN IMMEDIATE";
inline constexpr char kCommitSql[] = "COMMIT";
inline constexpr char kRollbackSql[] = "ROLLBACK";
inline constexpr char kSavepointSql[] = "SAVEPOINT one_write";
inline constexpr char kReleaseSql[] = "RELEASE one_write";
inline constexpr char kRollbackToSql[] = "ROLLBACK TO one_write";

}  // namespace sql

// The SQLite error `rc` as a status naming the statement (never data):
// SQLITE_BUSY/LOCKED is UNAVAILABLE, a UNIQUE or PRIMARY KEY violation
// ALREADY_EXISTS, a FOREIGN KEY violation NOT_FOUND, anything else INTERNAL.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view name);

// A cached prepared statement, borrowed for one use: it is reset and its
// bindings cleared when this goes out of scope. Bind errors are kept and
// reported by the next Step.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, const char* name, bool* in_use);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void BindInt64(int index, int64_t value);
  void BindBool(int index, bool value) { BindInt64(index, value ? 1 : 0); }
  void BindText(int index, absl::string_view value);
  // Binds the bytes as a BLOB, NUL bytes included; empty bytes are an empty
  // BLOB, not NULL.
  void BindBlob(int index, absl::string_view bytes);
  void BindNull(int index);
  void BindTime(int index, absl::Time value);
  void BindOptionalTime(int index, const std::optional<absl::Time>& value);

  // Steps once: true with a row to read, false when done.
  absl::StatusOr<bool> Step();
  // Steps a statement that returns no rows.
  absl::Status Run();

  bool ColumnIsNull(int column) const;
  int64_t ColumnInt64(int column) const;
  bool ColumnBool(int column) const { return ColumnInt64(column) != 0; }
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  absl::Time ColumnTime(int column) const;
  std::optional<absl::Time> ColumnOptionalTime(int column) const;

  const char* name() const { return name_; }

 private:
  void Check(int rc);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  const char* name_;
  bool* in_use_;
  absl::Status status_;
};

class Connection {
 public:
  // Opens `path` (creating it unless read_only) with the hub's pragmas:
  // 1 KiB pages for a new file, WAL, synchronous=FULL, foreign keys, a busy
  // timeout.
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      const std::string& path, bool read_only);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  // Finalizes the cached statements and closes the connection.
  ~Connection();

  // The cached statement for `sql` (keyed by the constant's address),
  // prepared on first use. `name` is the constant's name, for errors.
  absl::StatusOr<std::unique_ptr<Statement>> Prepare(const char* sql,
                                                     const char* name);
  // Prepares (cached) and runs a statement without parameters or rows.
  absl::Status Execute(const char* sql, const char* name);

  int64_t LastInsertRowId() const;
  int Changes() const;
  bool InTransaction() const;
  sqlite3* db() const { return db_; }

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<const char*, Cached> cache_;
};

}  // namespace mfh::storage

// Prepares the statement constant `k` on `conn`, naming it after the constant.
#define MFH_PREPARE(conn, k) (conn).Prepare(k, #k)

#endif  // MFH_SERVICES_STORAGE_SQLITE_CONNECTION_H_
