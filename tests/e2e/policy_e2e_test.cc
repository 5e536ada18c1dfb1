// End-to-end tests of the policy file: each error it can hold is refused at
// start with the field and the rule, and each field takes effect in what the
// server answers. The server's clock is the harness's fixed now, Monday 30
// November 2026, 12:00 GMT.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/util/time_util.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
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
  EXPECT_TRUE(TimeUtil::FromString(rfc3339, &ts)) << rfc3339;
  return ts;
}

std::string Text(const google::protobuf::Timestamp& ts) {
  return TimeUtil::ToString(ts);
}

// The message mfh-server prints for a policy file holding `policy`.
std::string RefusalOf(const std::string& policy) {
  TempDir dir;
  std::ofstream(dir.File("policy.textproto")) << policy;
  CommandResult r = RunCommand({ServerBinary(), "serve", "--db",
                                dir.File("hub.db"), "--listen", "127.0.0.1:0",
                                "--policy", dir.File("policy.textproto")});
  EXPECT_EQ(r.exit_code, 1) << policy;
  return r.err;
}

TEST(PolicyFileTest, EachErrorIsRefusedAtStartNamingTheFieldAndTheRule) {
  TempDir dir;
  CommandResult missing = RunCommand(
      {ServerBinary(), "serve", "--db", dir.File("hub.db"), "--listen",
       "127.0.0.1:0", "--policy", dir.File("absent.textproto")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "mfh-server: --policy: cannot read " +
                             dir.File("absent.textproto") + "\n");

  EXPECT_NE(RefusalOf("repeat_count: three\n")
                .find("is not a valid mfh.v1.HubPolicy text proto"),
            std::string::npos);
  EXPECT_EQ(RefusalOf("repeat_count: 0\n"),
            "mfh-server: repeat_count: must be at least 1\n");
  for (const char* time : {"9:30", "24:00", "09:60", "0930", "09:30:00"}) {
    EXPECT_EQ(RefusalOf(absl::StrCat("meeting_time: \"", time, "\"\n")),
              "mfh-server: meeting_time: must be HH:MM\n")
        << time;
  }
  EXPECT_EQ(RefusalOf("non_working_days: \"2026-13-01\"\n"),
            "mfh-server: non_working_days: must be a date YYYY-MM-DD\n");
  EXPECT_EQ(RefusalOf("escalation { after { seconds: 7200 } name: \"a\" }\n"
                      "escalation { after { seconds: 3600 } name: \"b\" }\n"),
            "mfh-server: escalation.after: steps must be in increasing "
            "order\n");
  EXPECT_EQ(RefusalOf("escalation { after { seconds: 3600 } }\n"),
            "mfh-server: escalation.name: required\n");
  EXPECT_EQ(RefusalOf("escalation { after { seconds: 0 } name: \"a\" }\n"),
            "mfh-server: escalation.after: must be positive\n");
  EXPECT_EQ(RefusalOf("police_forces { code: \"GMP\" }\n"),
            "mfh-server: police_forces: each force needs a code and a name\n");
  EXPECT_EQ(RefusalOf("police_forces { code: \"GMP\" name: \"A\" }\n"
                      "police_forces { code: \"gmp\" name: \"B\" }\n"),
            "mfh-server: police_forces: gmp is listed twice\n");
  EXPECT_EQ(RefusalOf("timezone: \"Mars/Olympus_Mons\"\n"),
            "mfh-server: timezone: cannot load Mars/Olympus_Mons (is the "
            "tzdata package installed?)\n");
  for (const char* field :
       {"rhi_deadline", "repeat_window", "due_soon_window", "link_window"}) {
    EXPECT_EQ(RefusalOf(absl::StrCat(field, " { seconds: 0 }\n")),
              absl::StrCat("mfh-server: ", field, ": must be positive\n"));
    EXPECT_EQ(RefusalOf(absl::StrCat(field, " { seconds: -60 }\n")),
              absl::StrCat("mfh-server: ", field, ": must be positive\n"));
  }
}

// A server on a policy, with a coordinator and the calls the checks need.
class PolicyTest : public ::testing::Test {
 protected:
  void Serve(const std::string& policy) {
    db_ = dir_.File("hub.db");
    token_ = testing::AddUser(db_, "coordinator-user", "coordinator");
    std::ofstream(dir_.File("policy.textproto")) << policy;
    auto server = ServerProcess::Start(
        db_, dir_.path(), {"--policy", dir_.File("policy.textproto")});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel);
    episodes_ = v1::EpisodeService::NewStub(channel);
    meetings_ = v1::MeetingService::NewStub(channel);
    reports_ = v1::ReportService::NewStub(channel);
  }

  std::unique_ptr<grpc::ClientContext> Ctx() {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(std::chrono::system_clock::now() +
                      std::chrono::seconds(10));
    ctx->AddMetadata("authorization", "Bearer " + token_);
    return ctx;
  }

  std::string AddChild(const std::string& placing_authority = "") {
    v1::CreateChildRequest req;
    req.set_name("Child");
    req.set_date_of_birth("2012-01-01");
    req.set_looked_after(true);
    req.set_placing_authority(placing_authority);
    v1::CreateChildResponse resp;
    grpc::Status s = children_->CreateChild(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.child().child_id();
  }

  std::string Report(const std::string& child, const std::string& ref,
                     const std::string& since,
                     v1::Category category = v1::CATEGORY_MISSING) {
    v1::ReportMissingRequest req;
    req.set_child_id(child);
    req.set_police_force("MET");
    req.set_police_ref(ref);
    req.set_category(category);
    *req.mutable_missing_since() = Ts(since);
    *req.mutable_notified_at() = Ts(since);
    req.set_risk(v1::RISK_LOW);
    v1::ReportMissingResponse resp;
    grpc::Status s = episodes_->ReportMissing(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.episode().episode_id();
  }

  v1::LogReturnResponse Return(const std::string& episode,
                               const std::string& at,
                               const std::string& where = "") {
    v1::LogReturnRequest req;
    req.set_episode_id(episode);
    *req.mutable_returned_at() = Ts(at);
    *req.mutable_return_notified_at() = Ts(at);
    req.set_found_location(where);
    v1::LogReturnResponse resp;
    grpc::Status s = episodes_->LogReturn(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  // An episode returned (and notified) `deadline_hours` before `due`.
  std::string DueAt(const std::string& ref, const std::string& due,
                    int deadline_hours = 72) {
    google::protobuf::Timestamp returned = Ts(due);
    returned.set_seconds(returned.seconds() - deadline_hours * 3600);
    google::protobuf::Timestamp missing = returned;
    missing.set_seconds(missing.seconds() - 3600);
    const std::string e = Report(AddChild(), ref, Text(missing));
    Return(e, Text(returned));
    return e;
  }

  v1::Agenda Agenda(const std::string& as_of, const std::string& day = "") {
    v1::GetAgendaRequest req;
    req.set_day(day);
    *req.mutable_as_of() = Ts(as_of);
    v1::GetAgendaResponse resp;
    grpc::Status s = meetings_->GetAgenda(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.agenda();
  }

  static std::vector<std::string> EpisodesOf(
      const google::protobuf::RepeatedPtrField<v1::AgendaEntry>& entries) {
    std::vector<std::string> ids;
    for (const v1::AgendaEntry& e : entries) ids.push_back(e.episode_id());
    return ids;
  }

  TempDir dir_;
  std::string db_;
  std::string token_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

using Ids = std::vector<std::string>;

TEST_F(PolicyTest, TheAuthorityDecidesWhoseChildrenTheSsda903FileHolds) {
  Serve("authority: \"Wigan Council\"\n");
  Report(AddChild("Wigan Council"), "R-1", "2026-05-01T10:00:00Z");
  Report(AddChild("Bolton Council"), "R-2", "2026-05-02T10:00:00Z");
  Report(AddChild(""), "R-3", "2026-05-03T10:00:00Z");
  v1::Ssda903MissingRequest req;
  req.set_year("2026");
  v1::Ssda903MissingResponse resp;
  ASSERT_TRUE(reports_->Ssda903Missing(Ctx().get(), req, &resp).ok());
  Ids episodes;
  for (const v1::Ssda903Row& row : resp.rows()) {
    episodes.push_back(row.episode_id());
  }
  EXPECT_EQ(episodes, (Ids{"E1", "E3"}));
}

TEST_F(PolicyTest, WithoutAnAuthorityOnlyChildrenPlacedByNoOneAreReturned) {
  Serve("");
  Report(AddChild("Wigan Council"), "R-1", "2026-05-01T10:00:00Z");
  Report(AddChild(""), "R-2", "2026-05-02T10:00:00Z");
  v1::Ssda903MissingRequest req;
  req.set_year("2026");
  v1::Ssda903MissingResponse resp;
  ASSERT_TRUE(reports_->Ssda903Missing(Ctx().get(), req, &resp).ok());
  ASSERT_EQ(resp.rows_size(), 1);
  EXPECT_EQ(resp.rows(0).episode_id(), "E2");
}

TEST_F(PolicyTest, SkipRhiForAbsentOwesNoInterviewAfterAnAbsence) {
  Serve("skip_rhi_for_absent: true\n");
  const std::string absent =
      Report(AddChild(), "R-1", "2026-11-20T10:00:00Z", v1::CATEGORY_ABSENT);
  const std::string missing = Report(AddChild(), "R-2", "2026-11-20T10:00:00Z");
  EXPECT_FALSE(Return(absent, "2026-11-21T10:00:00Z").has_interview());
  v1::LogReturnResponse back = Return(missing, "2026-11-21T10:00:00Z");
  ASSERT_TRUE(back.has_interview());
  EXPECT_EQ(Text(back.interview().due_at()), "2026-11-24T10:00:00Z");
}

TEST_F(PolicyTest, ByDefaultAnAbsenceOwesAnInterviewToo) {
  Serve("");
  const std::string absent =
      Report(AddChild(), "R-1", "2026-11-20T10:00:00Z", v1::CATEGORY_ABSENT);
  EXPECT_TRUE(Return(absent, "2026-11-21T10:00:00Z").has_interview());
}

TEST_F(PolicyTest, RepeatCountAndWindowDecideWhoIsRepeatMissing) {
  Serve("repeat_count: 2\nrepeat_window { seconds: 1728000 }\n");  // 20 days
  const std::string child = AddChild();
  Return(Report(child, "R-1", "2026-11-10T12:00:01Z"), "2026-11-11T10:00:00Z");
  Report(child, "R-2", "2026-11-29T10:00:00Z");
  // (T - 20 days, T]: the first episode is in it at 12:00 on the 30th, and
  // out of it a second later.
  v1::Agenda in = Agenda("2026-11-30T12:00:00Z");
  ASSERT_EQ(in.repeat_missing_size(), 1);
  EXPECT_EQ(in.repeat_missing(0).child_id(), child);
  EXPECT_EQ(in.repeat_missing(0).episode_count(), 2);
  EXPECT_EQ(Agenda("2026-11-30T12:00:01Z").repeat_missing_size(), 0);
}

TEST_F(PolicyTest, ByDefaultTwoEpisodesAreNotRepeatMissing) {
  Serve("");
  const std::string child = AddChild();
  Return(Report(child, "R-1", "2026-11-10T12:00:00Z"), "2026-11-11T10:00:00Z");
  Report(child, "R-2", "2026-11-29T10:00:00Z");
  EXPECT_EQ(Agenda("2026-11-30T12:00:00Z").repeat_missing_size(), 0);
}

TEST_F(PolicyTest, TheDueSoonWindowReachesPastTheNextMeeting) {
  // Monday 12:00; Tuesday's meeting is at 09:30, 21.5 hours away.
  Serve("due_soon_window { seconds: 172800 }\n");  // 48 hours
  const std::string in = DueAt("R-1", "2026-12-02T12:00:00Z");
  DueAt("R-2", "2026-12-02T12:00:01Z");
  EXPECT_EQ(EpisodesOf(Agenda("2026-11-30T12:00:00Z").rhi_due_soon()), Ids{in});
}

TEST_F(PolicyTest, ByDefaultDueSoonReachesADayAheadWhenThatIsLater) {
  Serve("");
  // Monday 12:00: T + 24h (Tuesday 12:00) is later than Tuesday's 09:30
  // meeting, so it is the end of the window.
  const std::string in = DueAt("R-1", "2026-12-01T12:00:00Z");
  DueAt("R-2", "2026-12-01T12:00:01Z");
  EXPECT_EQ(EpisodesOf(Agenda("2026-11-30T12:00:00Z").rhi_due_soon()), Ids{in});
}

TEST_F(PolicyTest, TheMeetingTimeEndsTheDueSoonWindow) {
  Serve("meeting_time: \"14:00\"\n");
  // Monday 12:00: Tuesday's meeting is at 14:00 GMT, 26 hours away.
  const std::string in = DueAt("R-1", "2026-12-01T14:00:00Z");
  DueAt("R-2", "2026-12-01T14:00:01Z");
  EXPECT_EQ(EpisodesOf(Agenda("2026-11-30T12:00:00Z").rhi_due_soon()), Ids{in});
}

TEST_F(PolicyTest, ANonWorkingMondayMovesFridaysWindowToTuesday) {
  // A five-day deadline, so that interviews due on Tuesday were owed by
  // Friday.
  Serve("non_working_days: \"2026-11-30\"\nrhi_deadline { seconds: 432000 }\n");
  // Friday 27 November 12:00: Monday is not a working day, so the window
  // runs to Tuesday's 09:30 meeting.
  const std::string in = DueAt("R-1", "2026-12-01T09:30:00Z", 120);
  DueAt("R-2", "2026-12-01T09:30:01Z", 120);
  EXPECT_EQ(EpisodesOf(Agenda("2026-11-27T12:00:00Z").rhi_due_soon()), Ids{in});
}

TEST_F(PolicyTest, TheLinkWindowDecidesHowLongAFoundTogetherSuggestionLasts) {
  Serve("link_window { seconds: 1209600 }\n");  // 14 days
  const std::string a = Report(AddChild(), "R-1", "2026-11-10T10:00:00Z");
  const std::string b = Report(AddChild(), "R-2", "2026-11-10T11:00:00Z");
  Return(a, "2026-11-18T10:00:00Z", "Bus Station");
  Return(b, "2026-11-18T10:30:00Z", "bus  station");
  v1::Agenda agenda = Agenda("2026-11-30T12:00:00Z");
  ASSERT_EQ(agenda.linked_size(), 1);
  EXPECT_TRUE(agenda.linked(0).suggested());
  EXPECT_EQ(EpisodesOf(agenda.linked(0).entries()), (Ids{a, b}));
  // 14 days and a second after the first return, it is no longer a
  // candidate.
  EXPECT_EQ(Agenda("2026-12-02T10:00:00Z").linked_size(), 1);
  EXPECT_EQ(Agenda("2026-12-02T10:00:01Z").linked_size(), 0);
}

TEST_F(PolicyTest, ByDefaultReturnsTwelveDaysAgoAreNoLongerLinkCandidates) {
  Serve("");
  const std::string a = Report(AddChild(), "R-1", "2026-11-10T10:00:00Z");
  const std::string b = Report(AddChild(), "R-2", "2026-11-10T11:00:00Z");
  Return(a, "2026-11-18T10:00:00Z", "Bus Station");
  Return(b, "2026-11-18T10:30:00Z", "bus  station");
  EXPECT_EQ(Agenda("2026-11-25T10:00:00Z").linked_size(), 1);
  EXPECT_EQ(Agenda("2026-11-30T12:00:00Z").linked_size(), 0);
}

TEST_F(PolicyTest, ACustomEscalationLadderNamesTheStepReached) {
  Serve(
      "escalation { after { seconds: 7200 } name: \"duty manager\" }\n"
      "escalation { after { seconds: 36000 } name: \"head of service\" }\n");
  Report(AddChild(), "R-1", "2026-11-30T09:00:00Z");
  v1::Agenda agenda = Agenda("2026-11-30T12:00:00Z");
  ASSERT_EQ(agenda.missing_now_size(), 1);
  EXPECT_EQ(agenda.missing_now(0).escalation(), "duty manager");
  EXPECT_EQ(Agenda("2026-11-30T19:00:00Z").missing_now(0).escalation(),
            "head of service");
  EXPECT_EQ(Agenda("2026-11-30T10:59:59Z").missing_now(0).escalation(), "");
}

TEST_F(PolicyTest, TheTimezoneDecidesTheDayOfAnInstant) {
  Serve("timezone: \"America/New_York\"\n");
  // 03:00 GMT on the 30th is 22:00 on the 29th in New York.
  EXPECT_EQ(Agenda("2026-11-30T03:00:00Z").day(), "2026-11-29");
}

TEST_F(PolicyTest, ByDefaultTheDayIsEuropeLondons) {
  Serve("");
  EXPECT_EQ(Agenda("2026-11-30T03:00:00Z").day(), "2026-11-30");
  // 23:30 GMT on 31 May is 00:30 BST on 1 June.
  EXPECT_EQ(Agenda("2026-05-31T23:30:00Z").day(), "2026-06-01");
}

}  // namespace
TEST_F(PolicyTest, ThePolicysForcesAreTheOnlyOnesTakenInAnyCase) {
  Serve(
      "police_forces { code: \"GMP\" name: \"Greater Manchester Police\" }\n"
      "police_forces { code: \"BTP\" name: \"British Transport Police\" "
      "}\n");
  const std::string child = AddChild();
  v1::ReportMissingRequest req;
  req.set_child_id(child);
  req.set_police_force("gmp");
  req.set_police_ref("R-1");
  *req.mutable_missing_since() = Ts("2026-11-30T09:00:00Z");
  req.set_risk(v1::RISK_LOW);
  v1::ReportMissingResponse resp;
  grpc::Status s = episodes_->ReportMissing(Ctx().get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.episode().police_force(), "GMP");
  // The default list's MET is not this hub's.
  req.set_police_force("MET");
  s = episodes_->ReportMissing(Ctx().get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "police_force: \"MET\" is not a police force code; nearest: GMP "
            "(Greater Manchester Police), BTP (British Transport Police)");
  // The return is found by the reference whichever case the force is in.
  v1::LogReturnRequest back;
  back.set_police_force(" Gmp ");
  back.set_police_ref("R-1");
  *back.mutable_returned_at() = Ts("2026-11-30T11:00:00Z");
  v1::LogReturnResponse returned;
  s = episodes_->LogReturn(Ctx().get(), back, &returned);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(returned.episode().episode_id(), resp.episode().episode_id());
}

}  // namespace mfh
