// End-to-end tests of the daily meeting and the live board: MeetingService,
// LinkEpisodes and WatchBoard against the real mfh-server.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>

#include "google/protobuf/util/time_util.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "tests/e2e/harness.h"
#include "tests/e2e/rpc.h"

namespace mfh {
namespace {

using google::protobuf::util::TimeUtil;
using testing::ServerProcess;
using testing::TempDir;

using testing::Ts;

class MeetingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role : {"coordinator", "police", "manager"}) {
      tokens_[role] = testing::AddUser(db_, std::string(role) + "-user", role);
    }
    auto server = ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel_);
    episodes_ = v1::EpisodeService::NewStub(channel_);
    meetings_ = v1::MeetingService::NewStub(channel_);
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& role) {
    return testing::BearerContext(tokens_.at(role));
  }

  std::string AddChild() {
    v1::CreateChildRequest req;
    req.set_name("Child");
    req.set_date_of_birth("2012-01-01");
    v1::CreateChildResponse resp;
    EXPECT_TRUE(
        children_->CreateChild(As("coordinator").get(), req, &resp).ok());
    return resp.child().child_id();
  }

  std::string Report(const std::string& child, const std::string& ref,
                     const std::string& since, v1::Risk risk) {
    v1::ReportMissingRequest req;
    req.set_child_id(child);
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_missing_since() = Ts(since);
    *req.mutable_notified_at() = Ts(since);
    req.set_risk(risk);
    v1::ReportMissingResponse resp;
    grpc::Status s = episodes_->ReportMissing(As("police").get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.episode().episode_id();
  }

  grpc::Status Return(const std::string& episode, const std::string& at,
                      const std::string& where) {
    v1::LogReturnRequest req;
    req.set_episode_id(episode);
    *req.mutable_returned_at() = Ts(at);
    *req.mutable_return_notified_at() = Ts(at);
    req.set_found_location(where);
    v1::LogReturnResponse resp;
    return episodes_->LogReturn(As("police").get(), req, &resp);
  }

  v1::Agenda Agenda(const std::string& day, const std::string& as_of) {
    v1::GetAgendaRequest req;
    req.set_day(day);
    *req.mutable_as_of() = Ts(as_of);
    v1::GetAgendaResponse resp;
    grpc::Status s = meetings_->GetAgenda(As("manager").get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.agenda();
  }

  TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
};

TEST_F(MeetingTest, AMeetingFreezesItsAgendaTakesNotesAndActionsAndLocks) {
  const std::string c1 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-02T20:00:00Z", v1::RISK_HIGH);

  v1::OpenMeetingRequest open;
  open.set_day("2026-03-03");
  *open.mutable_as_of() = Ts("2026-03-03T09:30:00Z");
  v1::OpenMeetingResponse opened;
  ASSERT_TRUE(
      meetings_->OpenMeeting(As("coordinator").get(), open, &opened).ok());
  const v1::Meeting& m = opened.meeting();
  EXPECT_EQ(m.meeting_id(), "M1");
  EXPECT_EQ(m.day(), "2026-03-03");
  EXPECT_EQ(m.state(), v1::MEETING_STATE_OPEN);
  ASSERT_EQ(m.agenda().missing_now_size(), 1);
  EXPECT_EQ(m.agenda().missing_now(0).episode_id(), e1);
  EXPECT_EQ(m.agenda().missing_now(0).escalation(), "team manager");

  v1::OpenMeetingResponse again;
  grpc::Status dup =
      meetings_->OpenMeeting(As("coordinator").get(), open, &again);
  EXPECT_EQ(dup.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(dup.error_message(),
            "day: the meeting for 2026-03-03 already exists as M1");

  v1::AddNoteRequest decision;
  decision.set_meeting_id("M1");
  decision.set_child_id(c1);
  decision.set_text("Strategy meeting to be convened");
  decision.set_decision(true);
  v1::AddNoteResponse noted;
  ASSERT_TRUE(
      meetings_->AddNote(As("coordinator").get(), decision, &noted).ok());
  EXPECT_EQ(noted.note().author(), "coordinator-user");

  v1::AddActionRequest action;
  action.set_meeting_id("M1");
  action.set_child_id(c1);
  action.set_what("Convene a strategy meeting");
  action.set_who("Team manager");
  *action.mutable_by_when() = Ts("2026-03-05T17:00:00Z");
  action.set_done_when("Minutes on file");
  v1::AddActionResponse added;
  ASSERT_TRUE(
      meetings_->AddAction(As("coordinator").get(), action, &added).ok());
  EXPECT_EQ(added.action().action_id(), "A1");
  EXPECT_EQ(added.action().meeting_day(), "2026-03-03");
  EXPECT_EQ(added.action().status(), v1::ACTION_STATUS_OPEN);

  v1::CloseMeetingRequest close;
  close.set_meeting_id("M1");
  close.add_attendees("MFH coordinator");
  close.add_attendees("Police MFH coordinator");
  v1::CloseMeetingResponse closed;
  ASSERT_TRUE(
      meetings_->CloseMeeting(As("coordinator").get(), close, &closed).ok());
  EXPECT_EQ(closed.meeting().state(), v1::MEETING_STATE_CLOSED);

  // Locked: a plain note is refused and changes nothing; an addendum is kept.
  v1::AddNoteRequest late = decision;
  late.set_decision(false);
  late.set_text("Found at a friend's");
  grpc::Status refused =
      meetings_->AddNote(As("coordinator").get(), late, &noted);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(refused.error_message(),
            "addendum: meeting M1 is closed; mark the note or action as an "
            "addendum");
  late.set_addendum(true);
  ASSERT_TRUE(meetings_->AddNote(As("coordinator").get(), late, &noted).ok());

  // A child reported missing since before the meeting's agenda time, after
  // the meeting opened: the agenda for that day and time has changed, the
  // meeting's frozen one has not.
  const std::string e2 =
      Report(AddChild(), "R-2", "2026-03-02T22:00:00Z", v1::RISK_LOW);
  v1::Agenda live = Agenda("2026-03-03", "2026-03-03T09:30:00Z");
  ASSERT_EQ(live.missing_now_size(), 2);
  EXPECT_EQ(live.missing_now(1).episode_id(), e2);

  v1::GetMeetingRequest get;
  get.set_meeting_id("M1");
  v1::GetMeetingResponse got;
  ASSERT_TRUE(meetings_->GetMeeting(As("police").get(), get, &got).ok());
  ASSERT_EQ(got.meeting().agenda().missing_now_size(), 1);
  EXPECT_EQ(got.meeting().agenda().missing_now(0).episode_id(), e1);
  EXPECT_EQ(got.meeting().agenda().SerializeAsString(),
            m.agenda().SerializeAsString());
  EXPECT_EQ(TimeUtil::ToString(got.meeting().as_of()), "2026-03-03T09:30:00Z");
  ASSERT_EQ(got.meeting().attendees_size(), 2);
  ASSERT_EQ(got.meeting().notes_size(), 2);
  EXPECT_TRUE(got.meeting().notes(0).decision());
  EXPECT_FALSE(got.meeting().notes(0).addendum());
  EXPECT_TRUE(got.meeting().notes(1).addendum());
  ASSERT_EQ(got.meeting().actions_size(), 1);
  EXPECT_EQ(got.meeting().actions(0).what(), "Convene a strategy meeting");
}

TEST_F(MeetingTest, AnOpenActionIsCarriedToEveryLaterAgendaUntilDone) {
  const std::string c1 = AddChild();
  v1::OpenMeetingRequest open;
  open.set_day("2026-03-02");
  *open.mutable_as_of() = Ts("2026-03-02T09:30:00Z");
  v1::OpenMeetingResponse opened;
  ASSERT_TRUE(
      meetings_->OpenMeeting(As("coordinator").get(), open, &opened).ok());
  v1::AddActionRequest action;
  action.set_meeting_id("M1");
  action.set_child_id(c1);
  action.set_what("Home visit");
  action.set_who("Social worker");
  *action.mutable_by_when() = Ts("2026-03-03T17:00:00Z");
  action.set_done_when("Visit recorded");
  v1::AddActionResponse added;
  ASSERT_TRUE(
      meetings_->AddAction(As("coordinator").get(), action, &added).ok());

  // Not on the agenda of the meeting that agreed it.
  EXPECT_EQ(Agenda("2026-03-02", "2026-03-02T10:00:00Z").open_actions_size(),
            0);
  v1::Agenda tuesday = Agenda("2026-03-03", "2026-03-03T09:30:00Z");
  ASSERT_EQ(tuesday.open_actions_size(), 1);
  EXPECT_EQ(tuesday.open_actions(0).action_id(), "A1");
  EXPECT_EQ(Agenda("2026-03-04", "2026-03-04T09:30:00Z").open_actions_size(),
            1);

  v1::UpdateActionRequest done;
  done.set_action_id("A1");
  done.set_status(v1::ACTION_STATUS_DONE);
  done.set_done_evidence("Visit on 4 March");
  v1::UpdateActionResponse updated;
  ASSERT_TRUE(
      meetings_->UpdateAction(As("manager").get(), done, &updated).ok());
  EXPECT_EQ(updated.action().status(), v1::ACTION_STATUS_DONE);
  EXPECT_EQ(Agenda("2026-03-05", "2026-03-05T09:30:00Z").open_actions_size(),
            0);

  // The police may update only actions assigned to them.
  grpc::Status denied =
      meetings_->UpdateAction(As("police").get(), done, &updated);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(denied.error_message(),
            "role: police may update only actions assigned to them");
}

TEST_F(MeetingTest, LinkedEpisodesAndSuggestionsAppearOnTheAgenda) {
  const std::string c1 = AddChild();
  const std::string c2 = AddChild();
  const std::string c3 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-02T18:00:00Z", v1::RISK_LOW);
  const std::string e2 =
      Report(c2, "R-2", "2026-03-02T19:00:00Z", v1::RISK_LOW);
  const std::string e3 =
      Report(c3, "R-3", "2026-03-02T19:30:00Z", v1::RISK_LOW);
  ASSERT_TRUE(Return(e1, "2026-03-03T01:00:00Z", "Central Station").ok());
  ASSERT_TRUE(Return(e2, "2026-03-03T02:00:00Z", "central  STATION").ok());

  v1::LinkEpisodesRequest link;
  link.add_episode_ids(e1);
  link.add_episode_ids(e3);
  link.set_reason("Missing together");
  v1::LinkEpisodesResponse linked;
  ASSERT_TRUE(
      episodes_->LinkEpisodes(As("coordinator").get(), link, &linked).ok());
  EXPECT_EQ(linked.link().link_id(), "L1");
  // Linking the same episodes again is a retry: the same link, no other.
  v1::LinkEpisodesResponse again;
  ASSERT_TRUE(
      episodes_->LinkEpisodes(As("coordinator").get(), link, &again).ok());
  EXPECT_EQ(again.link().link_id(), "L1");

  v1::Agenda a = Agenda("2026-03-03", "2026-03-03T09:30:00Z");
  ASSERT_EQ(a.linked_size(), 2);
  EXPECT_EQ(a.linked(0).link_id(), "L1");
  ASSERT_EQ(a.linked(0).entries_size(), 2);
  EXPECT_EQ(a.linked(0).entries(0).episode_id(), e1);
  EXPECT_EQ(a.linked(0).entries(1).episode_id(), e3);
  EXPECT_TRUE(a.linked(1).suggested());
  ASSERT_EQ(a.linked(1).entries_size(), 2);
  EXPECT_EQ(a.linked(1).entries(0).episode_id(), e1);
  EXPECT_EQ(a.linked(1).entries(1).episode_id(), e2);

  link.clear_episode_ids();
  link.add_episode_ids(e1);
  link.add_episode_ids("E99");
  EXPECT_EQ(episodes_->LinkEpisodes(As("coordinator").get(), link, &linked)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(MeetingTest, AWatcherSeesAReturnLoggedByAnotherClient) {
  const std::string c1 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-02T18:00:00Z", v1::RISK_HIGH);

  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + tokens_.at("coordinator"));
  v1::WatchBoardRequest req;
  *req.mutable_as_of() = Ts("2026-03-03T09:00:00Z");
  auto stream = episodes_->WatchBoard(&ctx, req);
  v1::WatchBoardResponse snapshot;
  ASSERT_TRUE(stream->Read(&snapshot));
  EXPECT_TRUE(snapshot.is_snapshot());
  ASSERT_EQ(snapshot.snapshot_size(), 1);
  EXPECT_EQ(snapshot.snapshot(0).episode_id(), e1);
  EXPECT_EQ(snapshot.snapshot(0).risk(), v1::RISK_HIGH);

  ASSERT_TRUE(Return(e1, "2026-03-03T08:00:00Z", "Home").ok());
  v1::WatchBoardResponse event;
  ASSERT_TRUE(stream->Read(&event));
  EXPECT_FALSE(event.is_snapshot());
  EXPECT_EQ(event.event(), "LogReturn");
  EXPECT_EQ(event.episode_id(), e1);
  EXPECT_EQ(event.child_id(), c1);
  ctx.TryCancel();
}

TEST_F(MeetingTest, AReturnAfterTheFrozenAgendaIsOnTheNextMorningOnly) {
  const std::string c1 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-01T18:00:00Z", v1::RISK_LOW);
  v1::OpenMeetingRequest monday;
  monday.set_day("2026-03-02");
  *monday.mutable_as_of() = Ts("2026-03-02T09:30:00Z");
  v1::OpenMeetingResponse opened;
  ASSERT_TRUE(
      meetings_->OpenMeeting(As("coordinator").get(), monday, &opened).ok());
  // Back, and the hub told, half an hour after Monday's agenda was frozen.
  ASSERT_TRUE(Return(e1, "2026-03-02T10:00:00Z", "Home").ok());

  v1::Agenda tuesday = Agenda("2026-03-03", "2026-03-03T09:30:00Z");
  ASSERT_EQ(tuesday.returned_size(), 1);
  EXPECT_EQ(tuesday.returned(0).episode_id(), e1);
  EXPECT_EQ(TimeUtil::ToString(tuesday.returned(0).due_at()),
            "2026-03-05T10:00:00Z");
  EXPECT_EQ(tuesday.returned(0).rhi_status(), v1::RHI_STATUS_DUE);

  v1::OpenMeetingRequest open_tuesday;
  open_tuesday.set_day("2026-03-03");
  *open_tuesday.mutable_as_of() = Ts("2026-03-03T09:30:00Z");
  ASSERT_TRUE(
      meetings_->OpenMeeting(As("coordinator").get(), open_tuesday, &opened)
          .ok());
  EXPECT_EQ(Agenda("2026-03-04", "2026-03-04T09:30:00Z").returned_size(), 0);
}

TEST_F(MeetingTest, ManyWatchersEachSeeEveryChange) {
  const std::string c1 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-02T18:00:00Z", v1::RISK_LOW);
  constexpr int kWatchers = 3;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<v1::WatchBoardResponse>>>
      streams;
  for (int i = 0; i < kWatchers; ++i) {
    contexts.push_back(As("manager"));
    contexts.back()->set_deadline(std::chrono::system_clock::now() +
                                  std::chrono::seconds(30));
    streams.push_back(
        episodes_->WatchBoard(contexts.back().get(), v1::WatchBoardRequest()));
    v1::WatchBoardResponse snapshot;
    ASSERT_TRUE(streams.back()->Read(&snapshot));
    ASSERT_TRUE(snapshot.is_snapshot());
  }
  ASSERT_TRUE(Return(e1, "2026-03-03T08:00:00Z", "Home").ok());
  for (int i = 0; i < kWatchers; ++i) {
    v1::WatchBoardResponse event;
    ASSERT_TRUE(streams[i]->Read(&event));
    EXPECT_EQ(event.event(), "LogReturn") << i;
    EXPECT_EQ(event.episode_id(), e1) << i;
    contexts[i]->TryCancel();
  }
}

TEST_F(MeetingTest,
       AWatcherThatFallsBehindGetsAFreshSnapshotAndNeverSlowsWrites) {
  const std::string c1 = AddChild();
  const std::string e1 =
      Report(c1, "R-1", "2026-03-02T18:00:00Z", v1::RISK_LOW);
  // A watcher whose client takes at most 1 KiB at a time, so that the
  // server's stream stops at once when it reads nothing and the server-side
  // queue (1,000 events) fills.
  grpc::ChannelArguments args;
  args.SetInt("grpc.http2.bdp_probe", 0);
  args.SetInt("grpc.http2.lookahead_bytes", 1024);
  auto slow_channel = grpc::CreateCustomChannel(
      server_->address(), grpc::InsecureChannelCredentials(), args);
  auto slow = v1::EpisodeService::NewStub(slow_channel);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + tokens_.at("coordinator"));
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto stream = slow->WatchBoard(&ctx, v1::WatchBoardRequest());
  v1::WatchBoardResponse first;
  ASSERT_TRUE(stream->Read(&first));
  ASSERT_TRUE(first.is_snapshot());

  // More changes than the queue holds, none of them read: every write
  // completes. They set and clear a flag of the missing child, ending
  // cleared.
  constexpr int kWrites = 1200;
  auto flag = [&](bool set) {
    grpc::Status s;
    if (set) {
      v1::SetFlagRequest req;
      req.set_child_id(c1);
      req.set_flag("cse_concern");
      v1::SetFlagResponse resp;
      s = children_->SetFlag(As("coordinator").get(), req, &resp);
    } else {
      v1::ClearFlagRequest req;
      req.set_child_id(c1);
      req.set_flag("cse_concern");
      v1::ClearFlagResponse resp;
      s = children_->ClearFlag(As("coordinator").get(), req, &resp);
    }
    return s;
  };
  for (int i = 0; i < kWrites; ++i) {
    grpc::Status s = flag(i % 2 == 0);
    ASSERT_TRUE(s.ok()) << i << ": " << s.error_message();
  }

  // The watcher reads the events it had in commit order, then, having
  // fallen behind, a fresh snapshot of the board after every write.
  int64_t last = 0;
  int events = 0;
  v1::WatchBoardResponse message;
  while (stream->Read(&message) && !message.is_snapshot()) {
    if (last != 0) {
      EXPECT_EQ(message.sequence(), last + 1);
    }
    last = message.sequence();
    ++events;
  }
  ASSERT_TRUE(message.is_snapshot()) << "after " << events << " events";
  EXPECT_GT(events, 0);
  EXPECT_LT(events, kWrites);
  ASSERT_EQ(message.snapshot_size(), 1);
  EXPECT_EQ(message.snapshot(0).episode_id(), e1);
  EXPECT_TRUE(message.snapshot(0).flags().empty());

  // Then it follows the writes again: the next is the 1,203rd change
  // (the child, the report, the 1,200 flags, this one).
  ASSERT_TRUE(flag(true).ok());
  ASSERT_TRUE(stream->Read(&message));
  EXPECT_FALSE(message.is_snapshot());
  EXPECT_EQ(message.sequence(), 2 + kWrites + 1);
  EXPECT_EQ(message.event(), "SetFlag");
  EXPECT_EQ(message.kind(), v1::CHANGE_KIND_CHILD);
  ctx.TryCancel();
}

}  // namespace
}  // namespace mfh
