// End-to-end tests of how mfh-server starts and stops: the policy file, the
// demo borough, TLS, and a clean stop on SIGINT.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "google/protobuf/util/time_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using google::protobuf::util::TimeUtil;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerBinary;
using testing::ServerProcess;
using testing::TempDir;

google::protobuf::Timestamp Ts(const std::string& rfc3339) {
  google::protobuf::Timestamp ts;
  EXPECT_TRUE(TimeUtil::FromString(rfc3339, &ts));
  return ts;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::unique_ptr<grpc::ClientContext> WithToken(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() +
                    std::chrono::seconds(10));
  ctx->AddMetadata("authorization", "Bearer " + token);
  return ctx;
}

grpc::health::v1::HealthCheckResponse::ServingStatus Health(
    std::shared_ptr<grpc::Channel> channel) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  grpc::Status s = stub->Check(&ctx, req, &resp);
  return s.ok() ? resp.status()
                : grpc::health::v1::HealthCheckResponse::UNKNOWN;
}

TEST(ServerPolicyTest, ThePolicyFileSetsTheClockStartAndTheDeadline) {
  TempDir dir;
  const std::string db = dir.File("hub.db");
  WriteFile(dir.File("policy.textproto"),
            "rhi_clock_start: RHI_CLOCK_START_RETURN\n"
            "rhi_deadline { seconds: 172800 }\n");
  const std::string token = testing::AddUser(db, "coord", "coordinator");
  auto server = ServerProcess::Start(
      db, dir.path(), {"--policy", dir.File("policy.textproto")});
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = grpc::CreateChannel((*server)->address(),
                                     grpc::InsecureChannelCredentials());
  auto children = v1::ChildService::NewStub(channel);
  auto episodes = v1::EpisodeService::NewStub(channel);

  v1::CreateChildRequest child;
  child.set_name("A");
  child.set_date_of_birth("2012-01-01");
  v1::CreateChildResponse created;
  ASSERT_TRUE(
      children->CreateChild(WithToken(token).get(), child, &created).ok());
  v1::ReportMissingRequest report;
  report.set_child_id(created.child().child_id());
  report.set_police_force("MET");
  report.set_police_ref("R-1");
  *report.mutable_missing_since() = Ts("2026-02-02T08:00:00Z");
  report.set_risk(v1::RISK_LOW);
  v1::ReportMissingResponse reported;
  ASSERT_TRUE(
      episodes->ReportMissing(WithToken(token).get(), report, &reported).ok());
  v1::LogReturnRequest back;
  back.set_episode_id(reported.episode().episode_id());
  *back.mutable_returned_at() = Ts("2026-02-03T08:00:00Z");
  *back.mutable_return_notified_at() = Ts("2026-02-03T20:00:00Z");
  v1::LogReturnResponse returned;
  ASSERT_TRUE(
      episodes->LogReturn(WithToken(token).get(), back, &returned).ok());
  EXPECT_EQ(TimeUtil::ToString(returned.interview().due_at()),
            "2026-02-05T08:00:00Z");
  EXPECT_EQ(TimeUtil::ToString(returned.interview().due_at_from_return()),
            "2026-02-05T08:00:00Z");
}

TEST(ServerPolicyTest, TheExamplePolicyLoads) {
  TempDir dir;
  auto server = ServerProcess::Start(
      dir.File("hub.db"), dir.path(),
      {"--policy",
       std::string(MFH_SOURCE_DIR) + "/deploy/policy.example.textproto"});
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_EQ((*server)->Stop(), 0);
}

TEST(ServerPolicyTest, AnInvalidPolicyIsRefusedAtStart) {
  TempDir dir;
  WriteFile(dir.File("policy.textproto"), "repeat_count: 0\n");
  CommandResult r = RunCommand({ServerBinary(), "serve", "--db",
                                dir.File("hub.db"), "--listen", "127.0.0.1:0",
                                "--policy", dir.File("policy.textproto")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "mfh-server: repeat_count: must be at least 1\n");
}

TEST(ServerDemoTest, TheDemoFillsAnEmptyDatabaseOnceAndPrintsAWorkingToken) {
  TempDir dir;
  const std::string db = dir.File("hub.db");
  auto server = ServerProcess::Start(db, dir.path(), {"--demo"});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string out = (*server)->Output();
  const std::string marker = "coordinator token:\n";
  const size_t at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  const std::string token = out.substr(at + marker.size(), 64);

  auto channel = grpc::CreateChannel((*server)->address(),
                                     grpc::InsecureChannelCredentials());
  auto children = v1::ChildService::NewStub(channel);
  auto episodes = v1::EpisodeService::NewStub(channel);
  auto interviews = v1::InterviewService::NewStub(channel);
  v1::ListChildrenRequest list;
  v1::ListChildrenResponse listed;
  ASSERT_TRUE(
      children->ListChildren(WithToken(token).get(), list, &listed).ok());
  EXPECT_EQ(listed.children_size(), 13);

  v1::ListEpisodesRequest open;
  open.set_open_only(true);
  v1::ListEpisodesResponse missing;
  ASSERT_TRUE(
      episodes->ListEpisodes(WithToken(token).get(), open, &missing).ok());
  EXPECT_EQ(missing.episodes_size(), 4);

  v1::ListInterviewsRequest overdue;
  overdue.add_statuses(v1::RHI_STATUS_OVERDUE);
  v1::ListInterviewsResponse late;
  ASSERT_TRUE(
      interviews->ListInterviews(WithToken(token).get(), overdue, &late).ok());
  EXPECT_EQ(late.interviews_size(), 2);
  v1::ListInterviewsRequest due;
  due.add_statuses(v1::RHI_STATUS_DUE);
  v1::ListInterviewsResponse coming;
  ASSERT_TRUE(
      interviews->ListInterviews(WithToken(token).get(), due, &coming).ok());
  EXPECT_EQ(coming.interviews_size(), 4);

  // Every section of today's agenda has something to discuss. How many
  // interviews fall due before the next meeting depends on the day of the
  // week the demo starts (a Friday reaches Monday's meeting).
  auto meetings = v1::MeetingService::NewStub(channel);
  v1::GetAgendaResponse today;
  ASSERT_TRUE(
      meetings
          ->GetAgenda(WithToken(token).get(), v1::GetAgendaRequest(), &today)
          .ok());
  const v1::Agenda& agenda = today.agenda();
  EXPECT_EQ(agenda.missing_now_size(), 4);
  EXPECT_EQ(agenda.returned_size(), 1);
  EXPECT_EQ(agenda.rhi_overdue_size(), 2);
  EXPECT_GE(agenda.rhi_due_soon_size(), 1);
  EXPECT_LE(agenda.rhi_due_soon_size(), 4);
  EXPECT_EQ(agenda.repeat_missing_size(), 3);
  ASSERT_EQ(agenda.linked_size(), 2);
  EXPECT_FALSE(agenda.linked(0).suggested());
  EXPECT_TRUE(agenda.linked(1).suggested());
  EXPECT_EQ(agenda.open_actions_size(), 2);
  // Mia's interview found county lines and no referral yet; what it found
  // was shared with the police, who have not read it.
  ASSERT_EQ(agenda.exploitation_concerns_size(), 1);
  EXPECT_EQ(agenda.exploitation_concerns(0).child_id(), "C7");
  EXPECT_EQ(agenda.exploitation_concerns(0).indicators_size(), 2);
  EXPECT_EQ(agenda.exploitation_concerns(0).indicators(0), v1::INDICATOR_CCE);
  EXPECT_EQ(agenda.exploitation_concerns(0).indicators(1),
            v1::INDICATOR_COUNTY_LINES);
  // Amara and Ruby named the same flat and the same older man.
  auto reports = v1::ReportService::NewStub(channel);
  v1::HotspotsRequest hotspots;
  *hotspots.mutable_to() = agenda.as_of();
  hotspots.mutable_from()->set_seconds(agenda.as_of().seconds() -
                                       40 * 24 * 3600);
  v1::HotspotsResponse found;
  ASSERT_TRUE(reports->Hotspots(WithToken(token).get(), hotspots, &found).ok());
  ASSERT_EQ(found.hotspots_size(), 2);
  EXPECT_EQ(found.hotspots(0).kind(), v1::Hotspot::KIND_PLACE);
  EXPECT_EQ(found.hotspots(0).name(), "Flat above the takeaway, Mill Road");
  EXPECT_EQ(found.hotspots(0).children(), 2);
  EXPECT_EQ(found.hotspots(0).mentions(0).child_id(), "C1");
  EXPECT_EQ(found.hotspots(0).mentions(1).child_id(), "C9");
  EXPECT_EQ(found.hotspots(1).kind(), v1::Hotspot::KIND_ASSOCIATE);
  EXPECT_EQ(found.hotspots(1).name(),
            "'Deano', about 19, drives a silver Golf");
  EXPECT_EQ(found.hotspots(1).children(), 2);
  reports.reset();
  meetings.reset();
  // Close this client's connection so that the server's drain need not wait.
  children.reset();
  episodes.reset();
  interviews.reset();
  channel.reset();
  EXPECT_EQ((*server)->Stop(), 0);

  auto again = ServerProcess::Start(db, dir.path(), {"--demo"});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_NE((*again)->Output().find(
                "demo: the database already holds children; left as it is"),
            std::string::npos);
}

TEST(ServerStopTest, SigintStopsCleanlyWithExitZeroAndNoWalLeft) {
  TempDir dir;
  const std::string db = dir.File("hub.db");
  const std::string token = testing::AddUser(db, "c", "coordinator");
  auto server = ServerProcess::Start(db, dir.path());
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = grpc::CreateChannel((*server)->address(),
                                     grpc::InsecureChannelCredentials());
  v1::CreateChildRequest req;
  req.set_name("Child");
  req.set_date_of_birth("2012-01-01");
  v1::CreateChildResponse resp;
  ASSERT_TRUE(v1::ChildService::NewStub(channel)
                  ->CreateChild(WithToken(token).get(), req, &resp)
                  .ok());
  channel.reset();
  EXPECT_GT(std::filesystem::file_size(db + "-wal"), 0u);
  EXPECT_EQ((*server)->Stop(SIGINT), 0);
  EXPECT_NE((*server)->Output().find("mfh-server: stopped cleanly"),
            std::string::npos);
  // Closed cleanly: the WAL was checkpointed into the file and removed, so
  // the file alone holds the child.
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(db + "-shm"));
  CommandResult count =
      RunCommand({"/usr/bin/sqlite3", db, "SELECT name FROM children"});
  EXPECT_EQ(count.out, "Child\n") << count.err;
}

TEST(ServerTlsTest, ServesTlsWhenGivenACertificateAndRefusesPlaintext) {
  TempDir dir;
  CommandResult cert =
      RunCommand({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048",
                  "-nodes", "-keyout", dir.File("key.pem"), "-out",
                  dir.File("cert.pem"), "-days", "2", "-subj", "/CN=localhost",
                  "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
  ASSERT_EQ(cert.exit_code, 0) << cert.err;
  auto server = ServerProcess::Start(
      dir.File("hub.db"), dir.path(),
      {"--tls-cert", dir.File("cert.pem"), "--tls-key", dir.File("key.pem")});
  ASSERT_TRUE(server.ok()) << server.status();

  std::ifstream in(dir.File("cert.pem"));
  std::string pem((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = pem;
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  EXPECT_EQ(Health(grpc::CreateCustomChannel((*server)->address(),
                                             grpc::SslCredentials(ssl), args)),
            grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(grpc::CreateChannel((*server)->address(),
                                       grpc::InsecureChannelCredentials())),
            grpc::health::v1::HealthCheckResponse::UNKNOWN);
}

}  // namespace
}  // namespace mfh
