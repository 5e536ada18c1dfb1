// The store on a disk that fills up: the fault VFS makes writes fail as a
// full disk does, on command.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/fault_vfs.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using domain::Child;
using testing::SampleChild;

// One switch for the process: the fault VFS is installed once.
std::string FullSwitch() {
  return (std::filesystem::temp_directory_path() /
          absl::StrCat("full_disk_test_", ::getpid(), "_full"))
      .string();
}

class FullDiskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(InstallFaultVfs(FullSwitch()).ok());
  }

  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("hub.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  void TearDown() override { std::remove(FullSwitch().c_str()); }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

// A write so large that SQLite must spill it to the disk before COMMIT, and
// the disk refuses: SQLite rolls back the whole transaction under the group,
// not the write's savepoint alone. No write of the group may then be
// reported committed, and none stored.
TEST_F(FullDiskTest, AWriteThatLosesTheGroupsTransactionFailsTheWholeGroup) {
  absl::Notification holding;
  absl::Notification release;
  std::thread first([&] {
    EXPECT_TRUE(store_
                    ->Write([&](Transaction& txn) -> absl::Status {
                      holding.Notify();
                      release.WaitForNotification();
                      return txn.InsertChild(SampleChild()).status();
                    })
                    .ok());
  });
  holding.WaitForNotification();
  // Whatever order they queue in: the first to run writes a child, the
  // second spills onto a full disk and frees it, a third would write one.
  constexpr int kWriters = 3;
  std::atomic<int> turn{0};
  std::vector<absl::Status> results(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      results[w] = store_->Write([&](Transaction& txn) -> absl::Status {
        Child child = SampleChild();
        if (turn++ != 1) return txn.InsertChild(child).status();
        child.name = std::string(8 << 20, 'x');
        std::ofstream(FullSwitch()) << "full\n";
        absl::Status spilled = txn.InsertChild(child).status();
        std::remove(FullSwitch().c_str());
        return spilled.ok() ? absl::InternalError("the spill was written")
                            : spilled;
      });
    });
  }
  // Let the writers queue up behind the first, into one group.
  absl::SleepFor(absl::Milliseconds(100));
  release.Notify();
  first.join();
  for (std::thread& t : writers) t.join();

  // The spill ran (the write after it may not have: its group was lost).
  ASSERT_GE(turn.load(), 2);
  for (int w = 0; w < kWriters; ++w) {
    EXPECT_FALSE(results[w].ok()) << "writer " << w;
    EXPECT_NE(results[w].message().find("full"), std::string::npos)
        << results[w];
  }
  std::vector<Child> children;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(children, txn.ListChildren(""));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].child_id, "C1");
}

}  // namespace
}  // namespace mfh::storage
