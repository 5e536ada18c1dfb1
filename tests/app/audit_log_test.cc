// The batched audit writer fails closed: a batch the disk refuses is kept,
// in order, and written once it can be; meanwhile Writable() is UNAVAILABLE
// and the listener (health) is told once of each change. The disk is real,
// made full on command by the fault VFS.
#include "services/app/audit_log.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "services/storage/sqlite/fault_vfs.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh::app {
namespace {

// One switch for the process: the fault VFS is installed once.
std::string FullSwitch() {
  return (std::filesystem::temp_directory_path() /
          absl::StrCat("audit_log_test_", ::getpid(), "_full"))
      .string();
}

class AuditLogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(storage::InstallFaultVfs(FullSwitch()).ok());
  }

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat(
               "audit_log_test_", ::getpid(), "_",
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    auto store = storage::SqliteStore::Open((dir_ / "hub.db").string());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    // The writer's own interval never comes: Flush() writes each batch.
    log_ = std::make_unique<AuditLog>(*store_, absl::Hours(1));
  }

  void TearDown() override {
    FreeTheDisk();
    log_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static void FillTheDisk() { std::ofstream(FullSwitch()) << "full\n"; }
  static void FreeTheDisk() { std::remove(FullSwitch().c_str()); }

  static domain::AuditRecord Read(const std::string& child_id) {
    domain::AuditRecord record;
    record.at = absl::FromUnixSeconds(1796040000);
    record.user = "sam";
    record.role = domain::Role::kCoordinator;
    record.rpc = "GetChild";
    record.child_ids = {child_id};
    record.outcome = "OK";
    return record;
  }

  // The children of the rows written, in id order.
  std::vector<std::string> Written() {
    std::vector<std::string> children;
    EXPECT_TRUE(store_
                    ->Read([&](storage::Transaction& tx) -> absl::Status {
                      absl::StatusOr<std::vector<domain::AuditRecord>> rows =
                          tx.ListAudit(std::nullopt, "",
                                       storage::Page{.limit = 100});
                      if (!rows.ok()) return rows.status();
                      for (const domain::AuditRecord& r : *rows) {
                        children.push_back(absl::StrJoin(r.child_ids, ","));
                      }
                      return absl::OkStatus();
                    })
                    .ok());
    return children;
  }

  std::filesystem::path dir_;
  std::unique_ptr<storage::SqliteStore> store_;
  std::unique_ptr<AuditLog> log_;
};

TEST_F(AuditLogTest, AFailedBatchIsKeptAndWrittenInOrderOnceTheDiskAllows) {
  std::vector<bool> told;
  log_->SetListener([&](bool writable) { told.push_back(writable); });
  log_->Record(Read("C1"));
  log_->Flush();
  EXPECT_TRUE(log_->Writable().ok());

  log_->Record(Read("C2"));
  FillTheDisk();
  log_->Flush();
  absl::Status refused = log_->Writable();
  EXPECT_EQ(refused.code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(
      absl::StartsWith(refused.message(), "the audit log cannot be written ("))
      << refused;
  EXPECT_TRUE(absl::StrContains(refused.message(), "full")) << refused;
  log_->Record(Read("C3"));
  log_->Flush();
  EXPECT_EQ(told, std::vector<bool>{false});
  EXPECT_EQ(Written(), std::vector<std::string>{"C1"});

  FreeTheDisk();
  log_->Record(Read("C4"));
  log_->Flush();
  EXPECT_TRUE(log_->Writable().ok());
  EXPECT_EQ(told, (std::vector<bool>{false, true}));
  EXPECT_EQ(Written(), (std::vector<std::string>{"C1", "C2", "C3", "C4"}));
}

TEST_F(AuditLogTest, AListenerSetWhileBatchesFailIsToldAtOnce) {
  log_->Record(Read("C1"));
  FillTheDisk();
  log_->Flush();
  std::vector<bool> told;
  log_->SetListener([&](bool writable) { told.push_back(writable); });
  EXPECT_EQ(told, std::vector<bool>{false});
  log_->SetListener(nullptr);
}

}  // namespace
}  // namespace mfh::app
