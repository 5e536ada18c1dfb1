// Helpers for the storage tests: a unique temporary directory per test, raw
// SQLite access to the file, and sample records with every field set.
#ifndef MFH_TESTS_STORAGE_TEST_DB_H_
#define MFH_TESTS_STORAGE_TEST_DB_H_

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::storage::testing {

// A fresh directory under the system's temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  std::string File(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

// A raw connection to a database file, for checks beside the store.
class RawDb {
 public:
  explicit RawDb(const std::string& path);
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb();

  // Runs `sql`; fails the test on error.
  void Exec(const std::string& sql);
  // The first column of every row of `sql`, as text.
  std::vector<std::string> Column(const std::string& sql);
  // The detail lines of EXPLAIN QUERY PLAN for `sql`.
  std::vector<std::string> QueryPlan(const std::string& sql);

  sqlite3* db() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// An instant given to the microsecond: 2026-03-27T10:00:00Z plus `micros`.
absl::Time At(int64_t micros_after);
inline constexpr int64_t kHour = 3'600'000'000;

domain::Child SampleChild();
// An episode of `child_id`, open, with every other field set.
domain::Episode SampleEpisode(const std::string& child_id,
                              const std::string& police_ref);

}  // namespace mfh::storage::testing

#endif  // MFH_TESTS_STORAGE_TEST_DB_H_
