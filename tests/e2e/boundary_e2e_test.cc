// End-to-end tests of the server's boundary (issue "Trust at the boundary"):
// revocation ends streams, lists come in pages that cannot be forged, limits
// on streams, text and messages, private database files, failed
// authentication logged and audited, and every enum checked.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "tests/e2e/harness.h"
#include "tests/e2e/rpc.h"

namespace mfh {
namespace {

using google::protobuf::util::TimeUtil;
using grpc::StatusCode;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerBinary;
using testing::ServerProcess;
using testing::TempDir;

using testing::Ts;

class BoundaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role :
         {"coordinator", "police", "rhi_worker", "manager", "admin"}) {
      tokens_[role] = testing::AddUser(db_, std::string(role) + "-user", role);
    }
    auto server = ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel_);
    episodes_ = v1::EpisodeService::NewStub(channel_);
    interviews_ = v1::InterviewService::NewStub(channel_);
    meetings_ = v1::MeetingService::NewStub(channel_);
    admin_ = v1::AdminService::NewStub(channel_);
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& role) {
    return testing::BearerContext(tokens_.at(role), absl::Seconds(30));
  }

  std::string AddChild(const std::string& name = "Child") {
    v1::CreateChildRequest req;
    req.set_name(name);
    req.set_date_of_birth("2012-01-01");
    v1::CreateChildResponse resp;
    grpc::Status s =
        children_->CreateChild(As("coordinator").get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.child().child_id();
  }

  v1::ReportMissingRequest Report(const std::string& child,
                                  const std::string& ref,
                                  const std::string& since) {
    v1::ReportMissingRequest req;
    req.set_child_id(child);
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_missing_since() = Ts(since);
    *req.mutable_notified_at() = Ts(since);
    req.set_risk(v1::RISK_LOW);
    return req;
  }

  std::string Reported(const std::string& child, const std::string& ref,
                       const std::string& since) {
    v1::ReportMissingResponse resp;
    grpc::Status s = episodes_->ReportMissing(As("police").get(),
                                              Report(child, ref, since), &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.episode().episode_id();
  }

  // The rows of every table but the audit's, as sqlite3 dumps them: what a
  // refused call must leave as it was.
  std::string Records() {
    CommandResult dump = RunCommand({"/usr/bin/sqlite3", db_, ".dump"});
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    std::string rows;
    for (absl::string_view line : absl::StrSplit(dump.out, '\n')) {
      if (absl::StartsWith(line, "INSERT INTO audit") ||
          absl::StartsWith(line, "INSERT INTO audit_children")) {
        continue;
      }
      absl::StrAppend(&rows, line, "\n");
    }
    return rows;
  }

  TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<v1::InterviewService::Stub> interviews_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

// Opens a watch as `token`, reads its snapshot, and answers how long after
// `revoke()` the stream ended, and with what.
struct Ended {
  grpc::Status status;
  absl::Duration after;
};
Ended WatchUntilRevoked(v1::EpisodeService::Stub& episodes,
                        const std::string& token,
                        const std::function<void()>& revoke) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto stream = episodes.WatchBoard(&ctx, v1::WatchBoardRequest());
  v1::WatchBoardResponse message;
  EXPECT_TRUE(stream->Read(&message));
  EXPECT_TRUE(message.is_snapshot());
  revoke();
  const absl::Time revoked = absl::Now();
  while (stream->Read(&message)) {
  }
  return Ended{.status = stream->Finish(), .after = absl::Now() - revoked};
}

TEST_F(BoundaryTest, RevokingATokenByAnAdminEndsItsStreamWithinTwoSeconds) {
  Ended ended = WatchUntilRevoked(*episodes_, tokens_.at("police"), [&] {
    v1::RevokeUserRequest req;
    req.set_name("police-user");
    v1::RevokeUserResponse resp;
    ASSERT_TRUE(admin_->RevokeUser(As("admin").get(), req, &resp).ok());
  });
  EXPECT_EQ(ended.status.error_code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ended.status.error_message(),
            "authorization: the token is unknown or revoked");
  EXPECT_LT(ended.after, absl::Seconds(2));
}

TEST_F(BoundaryTest, RevokingATokenOnTheHostEndsItsStreamWithNoOtherWrite) {
  Ended ended = WatchUntilRevoked(*episodes_, tokens_.at("manager"), [&] {
    CommandResult r = RunCommand(
        {ServerBinary(), "user", "revoke", "manager-user", "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  });
  EXPECT_EQ(ended.status.error_code(), StatusCode::UNAUTHENTICATED);
  EXPECT_LT(ended.after, absl::Seconds(2));
}

TEST_F(BoundaryTest, AUserMayHoldFourStreamsAndAFifthIsRefused) {
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<v1::WatchBoardResponse>>>
      streams;
  v1::WatchBoardResponse message;
  for (int i = 0; i < 4; ++i) {
    contexts.push_back(As("coordinator"));
    streams.push_back(
        episodes_->WatchBoard(contexts.back().get(), v1::WatchBoardRequest()));
    ASSERT_TRUE(streams.back()->Read(&message)) << i;
  }
  auto fifth_ctx = As("coordinator");
  auto fifth = episodes_->WatchBoard(fifth_ctx.get(), v1::WatchBoardRequest());
  EXPECT_FALSE(fifth->Read(&message));
  grpc::Status refused = fifth->Finish();
  EXPECT_EQ(refused.error_code(), StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(refused.error_message(),
            "WatchBoard: coordinator-user already holds 4 streams, the most "
            "a user may; close one first");
  // Another user is not held back by this one's streams.
  auto other_ctx = As("manager");
  auto other = episodes_->WatchBoard(other_ctx.get(), v1::WatchBoardRequest());
  EXPECT_TRUE(other->Read(&message));
  other_ctx->TryCancel();
  other->Finish().IgnoreError();
  // Closing one makes room for one.
  contexts[0]->TryCancel();
  streams[0]->Finish().IgnoreError();
  bool reopened = false;
  for (int attempt = 0; attempt < 50 && !reopened; ++attempt) {
    auto again_ctx = As("coordinator");
    auto again =
        episodes_->WatchBoard(again_ctx.get(), v1::WatchBoardRequest());
    reopened = again->Read(&message);
    again_ctx->TryCancel();
    again->Finish().IgnoreError();
    if (!reopened) absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(reopened);
  for (size_t i = 1; i < contexts.size(); ++i) {
    contexts[i]->TryCancel();
    streams[i]->Finish().IgnoreError();
  }
}

TEST_F(BoundaryTest, ListsComeInPagesThatFollowOnWithoutGapsOrRepeats) {
  for (int i = 0; i < 250; ++i) AddChild();
  std::vector<std::string> seen;
  std::vector<int> page_sizes;
  v1::ListChildrenRequest req;
  while (true) {
    v1::ListChildrenResponse resp;
    ASSERT_TRUE(children_->ListChildren(As("police").get(), req, &resp).ok());
    page_sizes.push_back(resp.children_size());
    for (const v1::Child& c : resp.children()) seen.push_back(c.child_id());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
    // A child added mid-walk joins the end; nothing shifts.
    if (page_sizes.size() == 1) AddChild();
  }
  EXPECT_EQ(page_sizes, (std::vector<int>{100, 100, 51}));
  ASSERT_EQ(seen.size(), 251u);
  for (int i = 0; i < 251; ++i) EXPECT_EQ(seen[i], absl::StrCat("C", i + 1));

  // A full page with nothing after it has no token; a smaller page size.
  v1::ListChildrenRequest exact;
  exact.set_page_size(251);
  v1::ListChildrenResponse all;
  ASSERT_TRUE(children_->ListChildren(As("police").get(), exact, &all).ok());
  EXPECT_EQ(all.children_size(), 251);
  EXPECT_EQ(all.next_page_token(), "");
  exact.set_page_size(1000);
  ASSERT_TRUE(children_->ListChildren(As("police").get(), exact, &all).ok());
}

TEST_F(BoundaryTest, EpisodesStartingAtTheSameInstantPageByTheirIds) {
  // Seven episodes missing since one instant: a page boundary inside the
  // tie neither repeats nor skips one.
  std::vector<std::string> expected;
  for (int i = 0; i < 7; ++i) {
    expected.push_back(
        Reported(AddChild(), absl::StrCat("R-", i), "2026-11-01T10:00:00Z"));
  }
  std::vector<std::string> seen;
  v1::ListEpisodesRequest req;
  req.set_page_size(3);
  while (true) {
    v1::ListEpisodesResponse resp;
    ASSERT_TRUE(episodes_->ListEpisodes(As("police").get(), req, &resp).ok());
    for (const v1::Episode& e : resp.episodes()) seen.push_back(e.episode_id());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  EXPECT_EQ(seen, expected);
}

TEST_F(BoundaryTest, APageSizeOverAThousandOrAForgedTokenIsRefused) {
  for (int i = 0; i < 3; ++i) AddChild();
  v1::ListChildrenRequest req;
  v1::ListChildrenResponse resp;
  for (int size : {1001, -1}) {
    req.set_page_size(size);
    grpc::Status s = children_->ListChildren(As("police").get(), req, &resp);
    EXPECT_EQ(s.error_code(), StatusCode::INVALID_ARGUMENT) << size;
    EXPECT_EQ(s.error_message(),
              "page_size: must be from 1 to 1000 (0 for 100)");
  }
  req.set_page_size(1);
  ASSERT_TRUE(children_->ListChildren(As("police").get(), req, &resp).ok());
  const std::string token = resp.next_page_token();
  ASSERT_FALSE(token.empty());
  const std::string kForged =
      "page_token: not a token this server gave for this query (ask for the "
      "first page again)";
  // Altered by a character, cut short, or not base64 at all.
  std::string altered = token;
  altered[2] = altered[2] == 'A' ? 'B' : 'A';
  for (const std::string& bad :
       {altered, token.substr(0, token.size() - 4), std::string("!!!")}) {
    req.set_page_token(bad);
    grpc::Status s = children_->ListChildren(As("police").get(), req, &resp);
    EXPECT_EQ(s.error_code(), StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_EQ(s.error_message(), kForged);
  }
  // A good token on another query: children with a flag, or episodes.
  req.set_page_token(token);
  req.set_flag("cse_concern");
  grpc::Status other = children_->ListChildren(As("police").get(), req, &resp);
  EXPECT_EQ(other.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(other.error_message(), kForged);
  v1::ListEpisodesRequest episodes;
  episodes.set_page_token(token);
  v1::ListEpisodesResponse listed;
  EXPECT_EQ(episodes_->ListEpisodes(As("police").get(), episodes, &listed)
                .error_code(),
            StatusCode::INVALID_ARGUMENT);
}

TEST_F(BoundaryTest, FreeTextOverItsLimitIsRefusedNamingTheField) {
  v1::CreateChildRequest req;
  req.set_date_of_birth("2012-01-01");
  v1::CreateChildResponse resp;
  req.set_name(std::string(201, 'a'));
  grpc::Status s = children_->CreateChild(As("coordinator").get(), req, &resp);
  EXPECT_EQ(s.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "name: at most 200 characters (201 given)");
  // Characters, not bytes: 200 two-byte letters are a name.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";
  req.set_name(accented);
  EXPECT_TRUE(children_->CreateChild(As("coordinator").get(), req, &resp).ok());

  const std::string child = resp.child().child_id();
  v1::ReportMissingRequest report =
      Report(child, std::string(201, 'R'), "2026-11-01T10:00:00Z");
  v1::ReportMissingResponse reported;
  s = episodes_->ReportMissing(As("police").get(), report, &reported);
  EXPECT_EQ(s.error_message(),
            "police_ref: at most 200 characters (201 given)");

  v1::OpenMeetingRequest open;
  open.set_day("2026-11-30");
  v1::OpenMeetingResponse opened;
  ASSERT_TRUE(
      meetings_->OpenMeeting(As("coordinator").get(), open, &opened).ok());
  v1::AddNoteRequest note;
  note.set_meeting_id(opened.meeting().meeting_id());
  note.set_child_id(child);
  note.set_text(std::string(8001, 'n'));
  v1::AddNoteResponse noted;
  s = meetings_->AddNote(As("coordinator").get(), note, &noted);
  EXPECT_EQ(s.error_message(), "text: at most 8000 characters (8001 given)");
  note.set_text(std::string(8000, 'n'));
  EXPECT_TRUE(meetings_->AddNote(As("coordinator").get(), note, &noted).ok());
}

TEST_F(BoundaryTest, ARequestOverAMebibyteIsRefusedByTheTransport) {
  v1::CreateChildRequest req;
  req.set_name(std::string(1 << 20, 'a'));
  req.set_date_of_birth("2012-01-01");
  v1::CreateChildResponse resp;
  grpc::Status s = children_->CreateChild(As("coordinator").get(), req, &resp);
  EXPECT_EQ(s.error_code(), StatusCode::RESOURCE_EXHAUSTED);
  v1::ListChildrenResponse listed;
  ASSERT_TRUE(children_->ListChildren(As("police").get(), {}, &listed).ok());
  EXPECT_EQ(listed.children_size(), 0);
}

TEST_F(BoundaryTest, AFailedTokenIsLoggedWithItsPeerAndAuditedButNeverShown) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer not-a-real-token-4711");
  v1::ListChildrenResponse listed;
  EXPECT_EQ(children_->ListChildren(&ctx, {}, &listed).error_code(),
            StatusCode::UNAUTHENTICATED);
  const std::string log = server_->Log();
  EXPECT_TRUE(absl::StrContains(
      log,
      "mfh-server: authentication failed: ListChildren from ipv4:127.0.0.1:"))
      << log;
  EXPECT_FALSE(absl::StrContains(log, "not-a-real-token-4711")) << log;
  v1::ListAuditResponse audit;
  ASSERT_TRUE(admin_->ListAudit(As("admin").get(), {}, &audit).ok());
  ASSERT_GE(audit.entries_size(), 1);
  // After the rows of the users added on the host.
  const v1::AuditEntry& refused = audit.entries(audit.entries_size() - 1);
  EXPECT_EQ(refused.rpc(), "ListChildren");
  EXPECT_EQ(refused.user(), "");
  EXPECT_EQ(refused.outcome(), "UNAUTHENTICATED");
  EXPECT_TRUE(absl::StartsWith(refused.subject(), "peer ipv4:127.0.0.1:"))
      << refused.subject();
}

TEST_F(BoundaryTest, ATimeIsKeptToTheMicrosecondSoARetryWithNanosIsARetry) {
  // Found by tests/fuzz/time_fuzz: the hub keeps microseconds, so a time sent
  // with nanoseconds must be read as its microsecond, or the retry of a
  // report would not match what was stored.
  const std::string child = AddChild();
  v1::ReportMissingRequest req =
      Report(child, "R-1", "2026-11-01T10:00:00.123456789Z");
  v1::ReportMissingResponse first;
  ASSERT_TRUE(episodes_->ReportMissing(As("police").get(), req, &first).ok());
  EXPECT_EQ(TimeUtil::ToString(first.episode().missing_since()),
            "2026-11-01T10:00:00.123456Z");
  const std::string before = Records();
  v1::ReportMissingResponse retry;
  grpc::Status s = episodes_->ReportMissing(As("police").get(), req, &retry);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(retry.episode().episode_id(), first.episode().episode_id());
  EXPECT_EQ(Records(), before);
}

TEST_F(BoundaryTest, EveryEnumFieldRefusesAValueTheApiDoesNotDefine) {
  const std::string child = AddChild();
  const std::string episode = Reported(child, "R-1", "2026-11-01T10:00:00Z");
  const std::string before = Records();
  auto expect_refused = [&](const grpc::Status& s, const std::string& field,
                            const std::string& type) {
    EXPECT_EQ(s.error_code(), StatusCode::INVALID_ARGUMENT) << field;
    EXPECT_EQ(s.error_message(),
              absl::StrCat(field, ": 99 is not a value of mfh.v1.", type));
  };
  {
    v1::ReportMissingRequest req =
        Report(AddChild(), "R-2", "2026-11-02T10:00:00Z");
    req.set_risk(static_cast<v1::Risk>(99));
    v1::ReportMissingResponse resp;
    expect_refused(episodes_->ReportMissing(As("police").get(), req, &resp),
                   "risk", "Risk");
    req.set_risk(v1::RISK_LOW);
    req.set_category(static_cast<v1::Category>(99));
    expect_refused(episodes_->ReportMissing(As("police").get(), req, &resp),
                   "category", "Category");
  }
  const std::string after_child = Records();
  {
    v1::LogReturnRequest req;
    req.set_episode_id(episode);
    *req.mutable_returned_at() = Ts("2026-11-02T10:00:00Z");
    req.set_returned_to(static_cast<v1::ReturnedTo>(99));
    v1::LogReturnResponse resp;
    expect_refused(episodes_->LogReturn(As("police").get(), req, &resp),
                   "returned_to", "ReturnedTo");
  }
  {
    v1::CorrectReturnRequest req;
    req.set_episode_id(episode);
    req.set_reason("typo");
    req.set_returned_to(static_cast<v1::ReturnedTo>(99));
    v1::CorrectReturnResponse resp;
    expect_refused(episodes_->CorrectReturn(As("police").get(), req, &resp),
                   "returned_to", "ReturnedTo");
  }
  {
    v1::UpdateEpisodeRequest req;
    req.set_episode_id(episode);
    req.set_reason("regrade");
    *req.mutable_risk_from() = Ts("2026-11-01T12:00:00Z");
    req.set_risk(static_cast<v1::Risk>(99));
    v1::UpdateEpisodeResponse resp;
    expect_refused(episodes_->UpdateEpisode(As("police").get(), req, &resp),
                   "risk", "Risk");
    req.set_risk(v1::RISK_HIGH);
    req.set_category(static_cast<v1::Category>(99));
    expect_refused(episodes_->UpdateEpisode(As("police").get(), req, &resp),
                   "category", "Category");
  }
  {
    v1::ListInterviewsRequest req;
    req.add_statuses(static_cast<v1::RhiStatus>(99));
    v1::ListInterviewsResponse resp;
    expect_refused(interviews_->ListInterviews(As("manager").get(), req, &resp),
                   "statuses", "RhiStatus");
  }
  {
    v1::RecordCompletionRequest req;
    req.set_episode_id(episode);
    *req.mutable_at() = Ts("2026-11-03T10:00:00Z");
    req.set_by("Worker");
    req.mutable_outcome()->add_concerns(static_cast<v1::Concern>(99));
    v1::RecordCompletionResponse resp;
    expect_refused(
        interviews_->RecordCompletion(As("rhi_worker").get(), req, &resp),
        "outcome.concerns", "Concern");
  }
  {
    v1::UpdateActionRequest req;
    req.set_action_id("A1");
    req.set_status(static_cast<v1::ActionStatus>(99));
    v1::UpdateActionResponse resp;
    expect_refused(meetings_->UpdateAction(As("coordinator").get(), req, &resp),
                   "status", "ActionStatus");
  }
  {
    v1::AddUserRequest req;
    req.set_name("new-user");
    req.set_role(static_cast<v1::Role>(99));
    v1::AddUserResponse resp;
    expect_refused(admin_->AddUser(As("admin").get(), req, &resp), "role",
                   "Role");
  }
  // Nothing was stored but the child the first case needed.
  EXPECT_NE(after_child, before);
  EXPECT_EQ(Records(), after_child);
}

TEST(PrivateFilesTest, TheDatabaseAndItsWalAreOnlyTheServersWhateverTheUmask) {
  TempDir dir;
  const std::string db = dir.File("hub.db");
  const mode_t old = umask(0);
  testing::AddUser(db, "c", "coordinator");
  auto server = ServerProcess::Start(db, dir.path());
  umask(old);
  ASSERT_TRUE(server.ok()) << server.status();
  for (const std::string& file : {db, db + "-wal", db + "-shm"}) {
    struct stat st;
    ASSERT_EQ(stat(file.c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << file;
  }
}

TEST(PrivateFilesTest, ADatabaseOthersCanReadIsRefusedWithHowToFixIt) {
  TempDir dir;
  const std::string db = dir.File("hub.db");
  testing::AddUser(db, "c", "coordinator");
  std::filesystem::permissions(db, std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  CommandResult r = RunCommand(
      {ServerBinary(), "serve", "--db", db, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat("mfh-server: --db ", db, ": ", db,
                                " is open to other users (mode 0604); the "
                                "hub's records must be readable by its "
                                "server alone: run chmod 600 ",
                                db, "*\n"));
  CommandResult add = RunCommand(
      {ServerBinary(), "user", "add", "d", "--role", "police", "--db", db});
  EXPECT_EQ(add.exit_code, 1);
}

}  // namespace
}  // namespace mfh
