// End-to-end tests of mfh-server: the real binary on a temporary SQLite file
// and a free loopback port, called through the generated gRPC stubs.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "tests/e2e/harness.h"
#include "tests/e2e/rpc.h"

namespace mfh {
namespace {

using google::protobuf::Timestamp;
using google::protobuf::util::TimeUtil;
using testing::AddUser;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerBinary;
using testing::ServerProcess;
using testing::TempDir;

using testing::Ts;

std::string Str(const Timestamp& ts) { return TimeUtil::ToString(ts); }

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role :
         {"coordinator", "police", "rhi_worker", "manager", "admin"}) {
      tokens_[role] = AddUser(db_, std::string(role) + "-user", role);
    }
    StartServer();
  }

  void StartServer() {
    auto server = ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel_);
    episodes_ = v1::EpisodeService::NewStub(channel_);
    interviews_ = v1::InterviewService::NewStub(channel_);
    admin_ = v1::AdminService::NewStub(channel_);
  }

  // Closes this client's connection first, so that the server's drain does
  // not wait for it, then stops the server; its exit code.
  int StopServer() {
    children_.reset();
    episodes_.reset();
    interviews_.reset();
    admin_.reset();
    channel_.reset();
    return server_->Stop();
  }

  // A context carrying the token of `role` ("" for none).
  std::unique_ptr<grpc::ClientContext> As(const std::string& role) {
    return testing::BearerContext(role.empty() ? "" : tokens_.at(role));
  }

  std::string CreateChild(const std::string& dob = "2011-05-14") {
    v1::CreateChildRequest req;
    req.set_name("Test Child");
    req.set_date_of_birth(dob);
    req.set_la_ref("LA-1");
    req.set_looked_after(true);
    v1::CreateChildResponse resp;
    grpc::Status s =
        children_->CreateChild(As("coordinator").get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.child().child_id();
  }

  v1::ReportMissingRequest Report(const std::string& child_id,
                                  const std::string& ref) {
    v1::ReportMissingRequest req;
    req.set_child_id(child_id);
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_missing_since() = Ts("2026-03-26T18:00:00Z");
    *req.mutable_notified_at() = Ts("2026-03-26T19:30:00Z");
    req.set_risk(v1::RISK_HIGH);
    return req;
  }

  v1::LogReturnRequest Return(const std::string& ref) {
    v1::LogReturnRequest req;
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_returned_at() = Ts("2026-03-27T08:00:00Z");
    *req.mutable_return_notified_at() = Ts("2026-03-27T10:00:00Z");
    req.set_found_location("Central Station");
    req.set_found_with("Alone");
    req.set_returned_to(v1::RETURNED_TO_HOME);
    return req;
  }

  int CountEpisodes(const std::string& child_id) {
    v1::ListEpisodesRequest req;
    req.set_child_id(child_id);
    v1::ListEpisodesResponse resp;
    EXPECT_TRUE(
        episodes_->ListEpisodes(As("coordinator").get(), req, &resp).ok());
    return resp.episodes_size();
  }

  TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<v1::InterviewService::Stub> interviews_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(ServerTest, HealthAnswersServing) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext ctx;
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  ASSERT_TRUE(health->Check(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(ServerTest, ReportReturnAndCompletionRunTheWholePath) {
  const std::string child = CreateChild();
  EXPECT_EQ(child, "C1");

  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  EXPECT_EQ(reported.episode().episode_id(), "E1");
  EXPECT_EQ(reported.episode().category(), v1::CATEGORY_MISSING);
  EXPECT_EQ(reported.episode().risk(), v1::RISK_HIGH);
  EXPECT_FALSE(reported.episode().has_returned_at());

  // Friday 27 March 2026, 10:00 GMT; the clocks go forward on Sunday, so the
  // interview is due on Monday at 10:00 UTC, 11:00 BST: 72 elapsed hours.
  v1::LogReturnResponse returned;
  ASSERT_TRUE(
      episodes_->LogReturn(As("police").get(), Return("R-1"), &returned).ok());
  EXPECT_EQ(Str(returned.episode().returned_at()), "2026-03-27T08:00:00Z");
  EXPECT_EQ(Str(returned.interview().due_at()), "2026-03-30T10:00:00Z");
  EXPECT_EQ(Str(returned.interview().due_at_from_return()),
            "2026-03-30T08:00:00Z");

  v1::RecordOfferRequest offer;
  offer.set_episode_id("E1");
  *offer.mutable_at() = Ts("2026-03-28T09:00:00Z");
  offer.set_by("Worker A");
  v1::RecordOfferResponse offered;
  ASSERT_TRUE(
      interviews_->RecordOffer(As("rhi_worker").get(), offer, &offered).ok());
  EXPECT_EQ(Str(offered.interview().offered_at()), "2026-03-28T09:00:00Z");

  v1::RecordCompletionRequest done;
  done.set_episode_id("E1");
  *done.mutable_at() = Ts("2026-03-30T10:00:00Z");
  done.set_by("Worker A");
  done.mutable_outcome()->add_concerns(v1::CONCERN_CSE);
  done.mutable_outcome()->set_referral_made(true);
  done.mutable_outcome()->set_notes("Seen alone");
  v1::RecordCompletionResponse completed;
  grpc::Status s =
      interviews_->RecordCompletion(As("rhi_worker").get(), done, &completed);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::GetInterviewRequest get;
  get.set_episode_id("E1");
  *get.mutable_as_of() = Ts("2026-04-02T00:00:00Z");
  v1::GetInterviewResponse got;
  ASSERT_TRUE(interviews_->GetInterview(As("manager").get(), get, &got).ok());
  EXPECT_EQ(got.interview().status(), v1::RHI_STATUS_COMPLETED);
  EXPECT_TRUE(got.interview().met_deadline());  // at due_at exactly
  EXPECT_TRUE(got.interview().offered_on_time());
  EXPECT_EQ(Str(got.interview().completed_at()), "2026-03-30T10:00:00Z");
  ASSERT_EQ(got.interview().outcome().concerns_size(), 1);
  EXPECT_EQ(got.interview().outcome().concerns(0), v1::CONCERN_CSE);
  EXPECT_TRUE(got.interview().outcome().referral_made());

  // The police see the due time and status, not what the child said.
  v1::GetInterviewResponse police_view;
  ASSERT_TRUE(
      interviews_->GetInterview(As("police").get(), get, &police_view).ok());
  EXPECT_EQ(police_view.interview().status(), v1::RHI_STATUS_COMPLETED);
  EXPECT_FALSE(police_view.interview().has_outcome());
}

TEST_F(ServerTest, InterviewStatusFollowsAsOf) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  v1::LogReturnResponse returned;
  ASSERT_TRUE(
      episodes_->LogReturn(As("police").get(), Return("R-1"), &returned).ok());

  auto status_at = [&](const std::string& as_of) {
    v1::ListInterviewsRequest req;
    req.add_statuses(v1::RHI_STATUS_DUE);
    req.add_statuses(v1::RHI_STATUS_OFFERED);
    req.add_statuses(v1::RHI_STATUS_OVERDUE);
    *req.mutable_as_of() = Ts(as_of);
    v1::ListInterviewsResponse resp;
    EXPECT_TRUE(
        interviews_->ListInterviews(As("coordinator").get(), req, &resp).ok());
    EXPECT_EQ(resp.interviews_size(), 1);
    return resp.interviews_size() == 1 ? resp.interviews(0).status()
                                       : v1::RHI_STATUS_UNSPECIFIED;
  };
  EXPECT_EQ(status_at("2026-03-30T09:59:59Z"), v1::RHI_STATUS_DUE);
  EXPECT_EQ(status_at("2026-03-30T10:00:00Z"), v1::RHI_STATUS_OVERDUE);
}

TEST_F(ServerTest, RetriedReportReturnsTheSameEpisodeAndChangesNothing) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse first;
  ASSERT_TRUE(
      episodes_->ReportMissing(As("police").get(), Report(child, "R-1"), &first)
          .ok());

  v1::ReportMissingResponse again;
  ASSERT_TRUE(
      episodes_->ReportMissing(As("police").get(), Report(child, "R-1"), &again)
          .ok());
  EXPECT_EQ(again.episode().episode_id(), first.episode().episode_id());

  // Fields left to their defaults are not compared.
  v1::ReportMissingRequest without_notified = Report(child, "R-1");
  without_notified.clear_notified_at();
  v1::ReportMissingResponse third;
  ASSERT_TRUE(
      episodes_->ReportMissing(As("police").get(), without_notified, &third)
          .ok());
  EXPECT_EQ(third.episode().episode_id(), first.episode().episode_id());
  EXPECT_EQ(Str(third.episode().notified_at()), "2026-03-26T19:30:00Z");

  v1::ReportMissingRequest other = Report(child, "R-1");
  other.set_risk(v1::RISK_LOW);
  v1::ReportMissingResponse refused;
  grpc::Status s =
      episodes_->ReportMissing(As("police").get(), other, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(s.error_message().find("police_ref"), std::string::npos);

  EXPECT_EQ(CountEpisodes(child), 1);
  v1::GetEpisodeRequest get;
  get.set_episode_id(first.episode().episode_id());
  v1::GetEpisodeResponse got;
  ASSERT_TRUE(episodes_->GetEpisode(As("coordinator").get(), get, &got).ok());
  EXPECT_EQ(got.episode().risk(), v1::RISK_HIGH);
}

TEST_F(ServerTest, ReturnLoggedTwiceChangesNothing) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  v1::LogReturnResponse first;
  ASSERT_TRUE(
      episodes_->LogReturn(As("police").get(), Return("R-1"), &first).ok());
  v1::LogReturnResponse again;
  ASSERT_TRUE(
      episodes_->LogReturn(As("police").get(), Return("R-1"), &again).ok());
  EXPECT_EQ(again.episode().SerializeAsString(),
            first.episode().SerializeAsString());
  EXPECT_EQ(Str(again.interview().due_at()), "2026-03-30T10:00:00Z");

  v1::LogReturnRequest later = Return("R-1");
  *later.mutable_returned_at() = Ts("2026-03-27T09:00:00Z");
  v1::LogReturnResponse refused;
  grpc::Status s = episodes_->LogReturn(As("police").get(), later, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(s.error_message().find("CorrectReturn"), std::string::npos);

  v1::GetEpisodeRequest get;
  get.set_episode_id("E1");
  v1::GetEpisodeResponse got;
  ASSERT_TRUE(episodes_->GetEpisode(As("coordinator").get(), get, &got).ok());
  EXPECT_EQ(Str(got.episode().returned_at()), "2026-03-27T08:00:00Z");
}

TEST_F(ServerTest, ReportWhileAlreadyMissingIsRefusedAndChangesNothing) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  v1::ReportMissingRequest second = Report(child, "R-2");
  *second.mutable_missing_since() = Ts("2026-03-26T20:00:00Z");
  *second.mutable_notified_at() = Ts("2026-03-26T20:30:00Z");
  v1::ReportMissingResponse refused;
  grpc::Status s =
      episodes_->ReportMissing(As("police").get(), second, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(s.error_message(),
            "child_id: child C1 is already missing in open episode E1");
  EXPECT_EQ(CountEpisodes(child), 1);
}

TEST_F(ServerTest, ReturnBeforeMissingIsInvalidAndChangesNothing) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  v1::LogReturnRequest early = Return("R-1");
  *early.mutable_returned_at() = Ts("2026-03-26T17:00:00Z");
  v1::LogReturnResponse refused;
  grpc::Status s = episodes_->LogReturn(As("police").get(), early, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "returned_at: must not be before missing_since "
            "(2026-03-26T17:00:00Z is before 2026-03-26T18:00:00Z)");
  v1::GetEpisodeRequest get;
  get.set_episode_id("E1");
  v1::GetEpisodeResponse got;
  ASSERT_TRUE(episodes_->GetEpisode(As("coordinator").get(), get, &got).ok());
  EXPECT_FALSE(got.episode().has_returned_at());
}

TEST_F(ServerTest, UnknownIdsAreNotFoundWhateverTheirForm) {
  for (const char* id : {"C99", "E1", "x", "C1x"}) {
    v1::GetChildRequest req;
    req.set_child_id(id);
    v1::GetChildResponse resp;
    EXPECT_EQ(
        children_->GetChild(As("coordinator").get(), req, &resp).error_code(),
        grpc::StatusCode::NOT_FOUND)
        << id;
  }
}

TEST_F(ServerTest, DataSurvivesARestart) {
  const std::string child = CreateChild();
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes_
          ->ReportMissing(As("police").get(), Report(child, "R-1"), &reported)
          .ok());
  EXPECT_EQ(StopServer(), 0);
  EXPECT_NE(server_->Output().find("mfh-server: stopped cleanly"),
            std::string::npos);
  StartServer();

  v1::GetEpisodeRequest get;
  get.set_episode_id(reported.episode().episode_id());
  v1::GetEpisodeResponse got;
  ASSERT_TRUE(episodes_->GetEpisode(As("coordinator").get(), get, &got).ok());
  EXPECT_EQ(got.episode().SerializeAsString(),
            reported.episode().SerializeAsString());
}

TEST_F(ServerTest, RevokedTokenIsUnauthenticated) {
  CommandResult revoked = RunCommand(
      {ServerBinary(), "user", "revoke", "police-user", "--db", db_});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  v1::ListChildrenRequest req;
  v1::ListChildrenResponse resp;
  EXPECT_EQ(
      children_->ListChildren(As("police").get(), req, &resp).error_code(),
      grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ServerTest, ATokenRevokedAfterUseIsRefusedOnItsNextCall) {
  // The server has seen the police token before it is revoked beside it.
  const std::string child = CreateChild();
  v1::ListChildrenResponse listed;
  ASSERT_TRUE(children_->ListChildren(As("police").get(), {}, &listed).ok());
  CommandResult revoked = RunCommand(
      {ServerBinary(), "user", "revoke", "police-user", "--db", db_});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;

  // A read, a write, a bad argument and a call beyond the role: each is
  // refused for the token, not answered for what it asked.
  EXPECT_EQ(
      children_->ListChildren(As("police").get(), {}, &listed).error_code(),
      grpc::StatusCode::UNAUTHENTICATED);
  v1::ReportMissingResponse reported;
  EXPECT_EQ(episodes_
                ->ReportMissing(As("police").get(), Report(child, "R-REVOKED"),
                                &reported)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::GetEpisodeResponse got;
  EXPECT_EQ(episodes_->GetEpisode(As("police").get(), {}, &got).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::ListAuditResponse audit;
  EXPECT_EQ(admin_->ListAudit(As("police").get(), {}, &audit).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  // Nothing was written, and the calls after the revocation are in the
  // audit as refused.
  v1::ListEpisodesRequest list;
  list.set_child_id(child);
  v1::ListEpisodesResponse episodes;
  ASSERT_TRUE(
      episodes_->ListEpisodes(As("coordinator").get(), list, &episodes).ok());
  EXPECT_EQ(episodes.episodes_size(), 0);
  ASSERT_TRUE(admin_->ListAudit(As("admin").get(), {}, &audit).ok());
  std::vector<std::string> police_calls;
  for (const v1::AuditEntry& entry : audit.entries()) {
    if (entry.user() == "police-user") {
      police_calls.push_back(entry.rpc() + " " + entry.outcome());
    }
  }
  EXPECT_EQ(police_calls,
            (std::vector<std::string>{
                "ListChildren OK", "ListChildren UNAUTHENTICATED",
                "ReportMissing UNAUTHENTICATED", "GetEpisode UNAUTHENTICATED",
                "ListAudit UNAUTHENTICATED"}));
}

TEST_F(ServerTest, WritesAndReadsLeaveAuditRows) {
  const std::string child = CreateChild();
  v1::GetChildRequest get;
  get.set_child_id(child);
  v1::GetChildResponse got;
  ASSERT_TRUE(children_->GetChild(As("police").get(), get, &got).ok());

  v1::ListAuditRequest req;
  req.set_child_id(child);
  v1::ListAuditResponse resp;
  ASSERT_TRUE(admin_->ListAudit(As("admin").get(), req, &resp).ok());
  ASSERT_EQ(resp.entries_size(), 2);
  EXPECT_EQ(resp.entries(0).rpc(), "CreateChild");
  EXPECT_EQ(resp.entries(0).user(), "coordinator-user");
  EXPECT_EQ(resp.entries(0).role(), v1::ROLE_COORDINATOR);
  EXPECT_EQ(resp.entries(0).outcome(), "OK");
  EXPECT_EQ(resp.entries(1).rpc(), "GetChild");
  EXPECT_EQ(resp.entries(1).user(), "police-user");
}

TEST(ServerStartTest, ListeningOffLoopbackWithoutTlsIsRefused) {
  TempDir dir;
  CommandResult r = RunCommand({ServerBinary(), "serve", "--db",
                                dir.File("hub.db"), "--listen", "0.0.0.0:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "mfh-server: --listen 0.0.0.0:0: refusing to serve off loopback "
            "without TLS; give --tls-cert and --tls-key, or listen on "
            "127.0.0.1\n");
}

TEST(ServerStartTest, UserAddPrintsTheTokenAloneOnTheLastLine) {
  TempDir dir;
  CommandResult r = RunCommand({ServerBinary(), "user", "add", "alex", "--role",
                                "manager", "--db", dir.File("hub.db")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string last =
      r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
  EXPECT_EQ(last.size(), 65u);  // 64 hex digits and the newline
  EXPECT_EQ(last.find_first_not_of("0123456789abcdef\n"), std::string::npos);
}

}  // namespace
}  // namespace mfh
