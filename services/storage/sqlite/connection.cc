#include "services/storage/sqlite/connection.h"

#include "absl/strings/str_cat.h"

namespace mfh::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Set before WAL, so it takes effect on a new file only. A write changes a
// few rows in about a dozen b-trees (an episode and its indexes, an interview
// and its indexes, the audit): smaller pages put a quarter of the bytes in the
// WAL and through fsync, which bounds the durable writes (tests/bench).
constexpr char kPageSizeSql[] = "PRAGMA page_size=1024";
constexpr char kJournalModeWalSql[] = "PRAGMA journal_mode=WAL";
constexpr char kSynchronousFullSql[] = "PRAGMA synchronous=FULL";
constexpr char kForeignKeysOnSql[] = "PRAGMA foreign_keys=ON";

}  // namespace

absl::Status SqliteError(sqlite3* db, int rc, absl::string_view name) {
  // sqlite3_errmsg names tables, columns and constraints, never bound values.
  std::string message = absl::StrCat(name, ": ", sqlite3_errstr(rc));
  if (db != nullptr) absl::StrAppend(&message, " (", sqlite3_errmsg(db), ")");
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE ||
          rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return absl::AlreadyExistsError(message);
      }
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return absl::NotFoundError(message);
      }
      return absl::InternalError(message);
    default:
      return absl::InternalError(message);
  }
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, const char* name,
                     bool* in_use)
    : db_(db), stmt_(stmt), name_(name), in_use_(in_use) {
  *in_use_ = true;
}

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

void Statement::Check(int rc) {
  if (rc != SQLITE_OK && status_.ok()) status_ = SqliteError(db_, rc, name_);
}

void Statement::BindInt64(int index, int64_t value) {
  Check(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::BindText(int index, absl::string_view value) {
  Check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                            SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::BindBlob(int index, absl::string_view bytes) {
  if (bytes.empty()) {
    Check(sqlite3_bind_zeroblob(stmt_, index, 0));
    return;
  }
  Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(),
                            SQLITE_TRANSIENT));
}

void Statement::BindNull(int index) { Check(sqlite3_bind_null(stmt_, index)); }

void Statement::BindTime(int index, absl::Time value) {
  BindInt64(index, absl::ToUnixMicros(value));
}

void Statement::BindOptionalTime(int index,
                                 const std::optional<absl::Time>& value) {
  if (value.has_value()) {
    BindTime(index, *value);
  } else {
    BindNull(index);
  }
}

absl::StatusOr<bool> Statement::Step() {
  if (!status_.ok()) return status_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  status_ = SqliteError(db_, rc, name_);
  return status_;
}

absl::Status Statement::Run() {
  absl::StatusOr<bool> row = Step();
  if (!row.ok()) return row.status();
  if (*row) {
    return absl::InternalError(
        absl::StrCat(name_, ": returned a row where none was expected"));
  }
  return absl::OkStatus();
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::ColumnInt64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::ColumnBlob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return std::string();
  return std::string(static_cast<const char*>(bytes),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

absl::Time Statement::ColumnTime(int column) const {
  return absl::FromUnixMicros(ColumnInt64(column));
}

std::optional<absl::Time> Statement::ColumnOptionalTime(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnTime(column);
}

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(
    const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  // NOMUTEX: the store gives a connection to one thread at a time.
  int flags = SQLITE_OPEN_NOMUTEX |
              (read_only ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = SqliteError(db, rc, "sqlite3_open_v2");
    sqlite3_close(db);
    return status;
  }
  std::unique_ptr<Connection> connection(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (!read_only) {
    absl::Status paged = connection->Execute(kPageSizeSql, "kPageSizeSql");
    if (!paged.ok()) return paged;
    absl::StatusOr<std::unique_ptr<Statement>> wal =
        MFH_PREPARE(*connection, kJournalModeWalSql);
    if (!wal.ok()) return wal.status();
    absl::StatusOr<bool> row = (*wal)->Step();
    if (!row.ok()) return row.status();
    if (!*row || (*wal)->ColumnText(0) != "wal") {
      return absl::FailedPreconditionError(
          "kJournalModeWalSql: the database could not be put in WAL mode");
    }
  }
  absl::Status status =
      connection->Execute(kSynchronousFullSql, "kSynchronousFullSql");
  if (!status.ok()) return status;
  status = connection->Execute(kForeignKeysOnSql, "kForeignKeysOnSql");
  if (!status.ok()) return status;
  return connection;
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

absl::StatusOr<std::unique_ptr<Statement>> Connection::Prepare(
    const char* sql, const char* name) {
  Cached& cached = cache_[sql];
  if (cached.stmt == nullptr) {
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &cached.stmt, nullptr);
    if (rc != SQLITE_OK) {
      absl::Status status = SqliteError(db_, rc, name);
      cache_.erase(sql);
      return status;
    }
  }
  if (cached.in_use) {
    return absl::InternalError(
        absl::StrCat(name, ": statement used while already in use"));
  }
  return std::make_unique<Statement>(db_, cached.stmt, name, &cached.in_use);
}

absl::Status Connection::Execute(const char* sql, const char* name) {
  absl::StatusOr<std::unique_ptr<Statement>> statement = Prepare(sql, name);
  if (!statement.ok()) return statement.status();
  while (true) {
    absl::StatusOr<bool> row = (*statement)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return absl::OkStatus();
  }
}

int64_t Connection::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

int Connection::Changes() const { return sqlite3_changes(db_); }

bool Connection::InTransaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

}  // namespace mfh::storage
