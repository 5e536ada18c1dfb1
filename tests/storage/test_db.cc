#include "tests/storage/test_db.h"

#include <stdlib.h>

#include "gtest/gtest.h"

namespace mfh::storage::testing {

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "mfh_storage_test.XXXXXX")
          .string();
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr) << "mkdtemp failed";
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::File(const std::string& name) const {
  return (path_ / name).string();
}

RawDb::RawDb(const std::string& path) {
  EXPECT_EQ(
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
      SQLITE_OK);
  sqlite3_busy_timeout(db_, 5000);
  // As the store requires of a database file it opens.
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write);
}

RawDb::~RawDb() { sqlite3_close(db_); }

void RawDb::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
  sqlite3_free(error);
}

std::vector<std::string> RawDb::Column(const std::string& sql) {
  std::vector<std::string> values;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << sqlite3_errmsg(db_);
  if (rc != SQLITE_OK) return values;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  EXPECT_EQ(rc, SQLITE_DONE) << sql << ": " << sqlite3_errmsg(db_);
  sqlite3_finalize(stmt);
  return values;
}

std::vector<std::string> RawDb::QueryPlan(const std::string& sql) {
  std::vector<std::string> details;
  sqlite3_stmt* stmt = nullptr;
  std::string explain = "EXPLAIN QUERY PLAN " + sql;
  int rc = sqlite3_prepare_v2(db_, explain.c_str(), -1, &stmt, nullptr);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << sqlite3_errmsg(db_);
  if (rc != SQLITE_OK) return details;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    details.emplace_back(
        reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
  }
  sqlite3_finalize(stmt);
  return details;
}

absl::Time At(int64_t micros_after) {
  return absl::FromUnixSeconds(1774605600) + absl::Microseconds(micros_after);
}

domain::Child SampleChild() {
  domain::Child child;
  child.name = "Sam Example";
  child.date_of_birth = absl::CivilDay(2011, 2, 28);
  child.la_ref = "LA-123";
  child.looked_after = true;
  child.placing_authority = "Other Borough";
  child.created_at = At(1);
  return child;
}

domain::Episode SampleEpisode(const std::string& child_id,
                              const std::string& police_ref) {
  domain::Episode e;
  e.child_id = child_id;
  e.police_force = "Metropolitan";
  e.police_ref = police_ref;
  e.category = domain::Category::kAbsent;
  e.missing_since = At(10);
  e.notified_at = At(20);
  e.risk = domain::Risk::kMedium;
  e.reporter = "PC Example";
  e.risk_history.push_back(domain::RiskGrade{.risk = domain::Risk::kMedium,
                                             .from = At(10),
                                             .recorded_at = At(20),
                                             .recorded_by = "police1",
                                             .reason = "initial"});
  return e;
}

}  // namespace mfh::storage::testing
