// The audit fails closed (DESIGN.md section 4): when a batch of read audit
// cannot be committed, reads are refused with UNAVAILABLE and health says
// NOT_SERVING until a batch commits again, and nothing queued is lost. The
// fault is a full disk on command: the test build's --fault-file.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "tests/e2e/harness.h"
#include "tests/e2e/rpc.h"

namespace mfh {
namespace {

using grpc::StatusCode;
using grpc::health::v1::HealthCheckResponse;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerBinary;

class AuditFailClosedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = testing::AddUser(db_, "coordinator-user", "coordinator");
    auto server = testing::ServerProcess::Start(db_, dir_.path(),
                                                {"--fault-file", full_});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel_);
    episodes_ = v1::EpisodeService::NewStub(channel_);
    health_ = grpc::health::v1::Health::NewStub(channel_);
  }

  std::unique_ptr<grpc::ClientContext> Context(bool with_token = true) {
    return testing::BearerContext(with_token ? token_ : "");
  }

  grpc::Status GetChild(const std::string& id) {
    v1::GetChildRequest req;
    req.set_child_id(id);
    v1::GetChildResponse resp;
    return children_->GetChild(Context().get(), req, &resp);
  }

  grpc::Status CreateChild(const std::string& la_ref) {
    v1::CreateChildRequest req;
    req.set_name("Test Child");
    req.set_date_of_birth("2011-05-14");
    req.set_la_ref(la_ref);
    v1::CreateChildResponse resp;
    return children_->CreateChild(Context().get(), req, &resp);
  }

  HealthCheckResponse::ServingStatus Health() {
    grpc::health::v1::HealthCheckRequest req;
    HealthCheckResponse resp;
    grpc::Status s = health_->Check(Context(false).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.status();
  }

  // Polls health until it says `want`; false after 10 s. The audit is
  // written at least every second, so the change comes within about one.
  bool AwaitHealth(HealthCheckResponse::ServingStatus want) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      if (Health() == want) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  void FillTheDisk() { std::ofstream(full_) << "full\n"; }
  void FreeTheDisk() { std::remove(full_.c_str()); }

  // The audit rows of coordinator-user as "rpc outcome [children]".
  std::vector<std::string> AuditRows() {
    CommandResult rows = RunCommand(
        {"/usr/bin/sqlite3", db_,
         "SELECT rpc || ' ' || outcome || ' [' || child_ids || ']' FROM audit "
         "WHERE user = 'coordinator-user' ORDER BY id"});
    EXPECT_EQ(rows.exit_code, 0) << rows.err;
    return absl::StrSplit(rows.out, '\n', absl::SkipEmpty());
  }

  testing::TempDir dir_;
  std::string db_ = dir_.File("hub.db");
  std::string full_ = dir_.File("disk-full");
  std::string token_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

TEST_F(AuditFailClosedTest, ReadsAreRefusedUntilTheAuditCanBeWrittenAgain) {
  ASSERT_TRUE(CreateChild("LA-1").ok());
  ASSERT_TRUE(GetChild("C1").ok());
  EXPECT_EQ(Health(), HealthCheckResponse::SERVING);

  FillTheDisk();
  ASSERT_TRUE(AwaitHealth(HealthCheckResponse::NOT_SERVING)) << server_->Log();
  grpc::Status refused = GetChild("C1");
  EXPECT_EQ(refused.error_code(), StatusCode::UNAVAILABLE);
  EXPECT_TRUE(absl::StartsWith(refused.error_message(),
                               "the audit log cannot be written ("))
      << refused.error_message();
  EXPECT_TRUE(absl::EndsWith(refused.error_message(),
                             "); reads are refused until it can be"))
      << refused.error_message();
  // The board is a stream of reads: refused too, before its first snapshot.
  {
    auto ctx = Context();
    auto board = episodes_->WatchBoard(ctx.get(), v1::WatchBoardRequest());
    v1::WatchBoardResponse snapshot;
    EXPECT_FALSE(board->Read(&snapshot));
    grpc::Status ended = board->Finish();
    EXPECT_EQ(ended.error_code(), StatusCode::UNAVAILABLE)
        << ended.error_message();
  }
  // A write fails as a whole, audit and all.
  grpc::Status write = CreateChild("LA-2");
  EXPECT_EQ(write.error_code(), StatusCode::INTERNAL) << write.error_message();
  EXPECT_TRUE(absl::StrContains(write.error_message(), "full"))
      << write.error_message();
  EXPECT_EQ(Health(), HealthCheckResponse::NOT_SERVING);

  FreeTheDisk();
  ASSERT_TRUE(AwaitHealth(HealthCheckResponse::SERVING)) << server_->Log();
  EXPECT_TRUE(GetChild("C1").ok());
  EXPECT_EQ(GetChild("C2").error_code(), StatusCode::NOT_FOUND);
  const std::string log = server_->Log();
  EXPECT_TRUE(absl::StrContains(log, "kept to retry")) << log;
  EXPECT_TRUE(absl::StrContains(log, "refusing reads")) << log;
  EXPECT_TRUE(absl::StrContains(log, "audit log written again; serving reads"))
      << log;
  ASSERT_EQ(server_->Stop(), 0);

  // The read before the fault, kept through it; the refused write; none of
  // the refused read; the reads after.
  EXPECT_EQ(AuditRows(), (std::vector<std::string>{
                             "CreateChild OK [C1]",
                             "GetChild OK [C1]",
                             "CreateChild INTERNAL []",
                             "GetChild OK [C1]",
                             "GetChild NOT_FOUND [C2]",
                         }));
  CommandResult verified =
      RunCommand({ServerBinary(), "audit", "verify", "--db", db_});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_TRUE(absl::StartsWith(verified.out, "audit chain intact: 6 entries\n"))
      << verified.out;
}

}  // namespace
}  // namespace mfh
