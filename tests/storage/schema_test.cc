#include "services/storage/sqlite/schema.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using testing::RawDb;
using testing::SampleChild;
using testing::TempDir;

TEST(SchemaMigration, AnEmptyFileIsMigratedToTheCurrentVersion) {
  TempDir dir;
  std::string path = dir.File("hub.db");
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<int> version = (*store)->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(*version, kCurrentSchemaVersion);

  RawDb raw(path);
  EXPECT_EQ(raw.Column("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::vector<std::string>{std::to_string(kCurrentSchemaVersion)});
  EXPECT_EQ(raw.Column("PRAGMA journal_mode"), std::vector<std::string>{"wal"});
}

TEST(SchemaMigration, ReadSchemaVersionOfAFileWithoutMetaIsZero) {
  TempDir dir;
  RawDb raw(dir.File("empty.db"));
  absl::StatusOr<int> version = ReadSchemaVersion(raw.db());
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(*version, 0);
}

TEST(SchemaMigration, ReopeningAFileKeepsItsDataAndVersion) {
  TempDir dir;
  std::string path = dir.File("hub.db");
  std::string child_id;
  {
    auto store = SqliteStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)
                    ->Write([&](Transaction& txn) -> absl::Status {
                      auto child = txn.InsertChild(SampleChild());
                      if (!child.ok()) return child.status();
                      child_id = child->child_id;
                      return absl::OkStatus();
                    })
                    .ok());
  }
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*(*store)->SchemaVersion(), kCurrentSchemaVersion);
  std::optional<domain::Child> found;
  ASSERT_TRUE((*store)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    auto child = txn.FindChild(child_id);
                    if (!child.ok()) return child.status();
                    found = *child;
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Sam Example");
}

TEST(SchemaMigration, AFileFromANewerSchemaIsRefusedUnchanged) {
  TempDir dir;
  std::string path = dir.File("hub.db");
  { ASSERT_TRUE(SqliteStore::Open(path).ok()); }
  {
    RawDb raw(path);
    raw.Exec("UPDATE meta SET value = '999' WHERE key = 'schema_version'");
  }
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("999"), absl::string_view::npos)
      << store.status();
  EXPECT_NE(store.status().message().find("newer"), absl::string_view::npos)
      << store.status();
  RawDb raw(path);
  EXPECT_EQ(raw.Column("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::vector<std::string>{"999"});
}

TEST(SchemaMigration, EachMigrationScriptRecordsItsVersion) {
  ASSERT_EQ(MigrationScripts().size(),
            static_cast<size_t>(kCurrentSchemaVersion));
  TempDir dir;
  RawDb raw(dir.File("hub.db"));
  ASSERT_TRUE(MigrateToCurrentVersion(raw.db()).ok());
  EXPECT_EQ(*ReadSchemaVersion(raw.db()), kCurrentSchemaVersion);
  // Running it again is a no-op.
  ASSERT_TRUE(MigrateToCurrentVersion(raw.db()).ok());
  EXPECT_EQ(*ReadSchemaVersion(raw.db()), kCurrentSchemaVersion);
}

TEST(SchemaMigration, ClosingTheStoreCheckpointsAndRemovesTheWal) {
  TempDir dir;
  std::string path = dir.File("hub.db");
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)
                  ->Write([](Transaction& txn) {
                    return txn.InsertChild(SampleChild()).status();
                  })
                  .ok());
  ASSERT_TRUE(
      (*store)
          ->Read([](Transaction& txn) { return txn.ListChildren("").status(); })
          .ok());
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
  (*store)->Close();
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  EXPECT_EQ(
      (*store)->Read([](Transaction&) { return absl::OkStatus(); }).code(),
      absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      (*store)->Write([](Transaction&) { return absl::OkStatus(); }).code(),
      absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace mfh::storage
