#include "services/storage/sqlite/schema.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using testing::RawDb;
using testing::SampleChild;
using testing::TempDir;

// The golden copy of the version 1 schema with a little data in it.
std::string GoldenV1Sql() {
  std::ifstream file(std::string(MFH_STORAGE_GOLDEN_DIR) + "/schema_v1.sql");
  EXPECT_TRUE(file.good()) << "cannot read golden/schema_v1.sql";
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Every table and index, with the SQL that made it.
std::vector<std::string> SchemaOf(RawDb& raw) {
  return raw.Column(
      "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') "
      "FROM sqlite_schema ORDER BY type, name");
}

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

TEST(SchemaMigration, TheVersionOneScriptStillBuildsTheGoldenVersionOneSchema) {
  TempDir dir;
  RawDb golden(dir.File("golden.db"));
  golden.Exec(GoldenV1Sql());
  RawDb scripted(dir.File("scripted.db"));
  scripted.Exec(MigrationScripts()[0]);
  EXPECT_EQ(SchemaOf(scripted), SchemaOf(golden));
  absl::StatusOr<int> version = ReadSchemaVersion(golden.db());
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(*version, 1);
}

TEST(SchemaMigration,
     AVersionOneFileMigratesThroughEveryVersionWithItsDataIntact) {
  TempDir dir;
  std::string path = dir.File("hub.db");
  { RawDb(path).Exec(GoldenV1Sql()); }

  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<int> version = (*store)->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(*version, kCurrentSchemaVersion);

  std::optional<domain::Child> child;
  std::optional<domain::Episode> returned;
  std::optional<domain::Episode> open;
  std::optional<domain::Rhi> rhi;
  std::optional<StoredUser> user;
  std::vector<domain::Episode> open_at;
  std::vector<domain::Episode> returned_in;
  ASSERT_TRUE(
      (*store)
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(child, txn.FindChild("C1"));
            ASSIGN_OR_RETURN(returned, txn.FindEpisode("E1"));
            ASSIGN_OR_RETURN(open, txn.FindOpenEpisode("C1"));
            ASSIGN_OR_RETURN(rhi, txn.FindRhi("E1"));
            ASSIGN_OR_RETURN(user, txn.FindUserByName("alice"));
            // 2026-03-27T12:00Z: E1 is out, E2 not yet missing.
            ASSIGN_OR_RETURN(open_at, txn.ListEpisodesOpenAt(
                                          absl::FromUnixSeconds(1774612800)));
            ASSIGN_OR_RETURN(
                returned_in,
                txn.ListEpisodesReturnedIn(absl::FromUnixSeconds(1774605600),
                                           absl::FromUnixSeconds(1774692000)));
            return absl::OkStatus();
          })
          .ok());
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->name, "Golden Child");
  EXPECT_EQ(child->date_of_birth, absl::CivilDay(2011, 2, 28));
  EXPECT_EQ(child->la_ref, "LA-1");
  EXPECT_TRUE(child->looked_after);
  EXPECT_EQ(child->placing_authority, "Other Borough");
  ASSERT_EQ(child->flags.size(), 1u);
  EXPECT_EQ(child->flags[0].name, "cse_concern");
  EXPECT_FALSE(child->flags[0].cleared_at.has_value());

  ASSERT_TRUE(returned.has_value());
  EXPECT_EQ(returned->child_id, "C1");
  EXPECT_EQ(returned->police_ref, "REF-1");
  EXPECT_EQ(returned->category, domain::Category::kAbsent);
  EXPECT_EQ(returned->missing_since, absl::FromUnixSeconds(1774605600));
  EXPECT_EQ(returned->risk, domain::Risk::kMedium);
  EXPECT_EQ(returned->returned_at, absl::FromUnixSeconds(1774620000));
  EXPECT_EQ(returned->return_notified_at, absl::FromUnixSeconds(1774621800));
  EXPECT_EQ(returned->found_location, "Bus station");
  EXPECT_EQ(returned->returned_to, domain::ReturnedTo::kPlacement);
  ASSERT_EQ(returned->risk_history.size(), 1u);
  EXPECT_EQ(returned->risk_history[0].reason, "initial");
  ASSERT_EQ(returned->corrections.size(), 1u);
  EXPECT_EQ(
      returned->corrections[0].changes,
      std::vector<std::string>{"found_location: Bus stop -> Bus station"});

  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->episode_id, "E2");
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, absl::FromUnixSeconds(1774881000));
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->user.role, domain::Role::kCoordinator);

  // The new indexes cover the old rows.
  ASSERT_EQ(open_at.size(), 1u);
  EXPECT_EQ(open_at[0].episode_id, "E1");
  ASSERT_EQ(returned_in.size(), 1u);
  EXPECT_EQ(returned_in[0].episode_id, "E1");

  // New records take the next ids beside the old ones.
  std::string episode_id;
  std::string meeting_id;
  ASSERT_TRUE((*store)
                  ->Write([&](Transaction& txn) -> absl::Status {
                    domain::Episode e = *open;
                    e.police_ref = "REF-3";
                    ASSIGN_OR_RETURN(e, txn.InsertEpisode(e));
                    episode_id = e.episode_id;
                    domain::Meeting meeting;
                    meeting.day = absl::CivilDay(2026, 3, 30);
                    ASSIGN_OR_RETURN(meeting, txn.InsertMeeting(meeting));
                    meeting_id = meeting.meeting_id;
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(episode_id, "E3");
  EXPECT_EQ(meeting_id, "M1");
  (*store)->Close();

  // The migrated file has exactly the schema of a new one.
  std::string fresh_path = dir.File("fresh.db");
  { ASSERT_TRUE(SqliteStore::Open(fresh_path).ok()); }
  RawDb migrated(path);
  RawDb fresh(fresh_path);
  EXPECT_EQ(SchemaOf(migrated), SchemaOf(fresh));
}

}  // namespace
}  // namespace mfh::storage
