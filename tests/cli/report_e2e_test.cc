// End-to-end tests of `mfh report`: the real mfh against the real mfh-server
// on a scripted data set whose every figure is worked out by hand below.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/time_util.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using testing::AddUser;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerProcess;
using testing::TempDir;

// The data set (all times UTC; February 2026 is GMT, so local = UTC; the
// clocks go forward on 29 March 2026). Policy: authority Barsetshire, the
// RHI clock from the notification of the return, 72 h, 3 in 90 days.
//
// Children:
//   C1 LA-1 born 2012-05-14, looked after, placed by us ("").
//   C2 (no la_ref) born 2011-01-01, not looked after.
//   C3 K-3 born 2010-06-01, looked after, placed by Kent (other authority).
//   C4 LA-4 born 2008-02-10, looked after, placed by Barsetshire: 18 on
//      2026-02-10.
//   C5 LA-5 born 2013-03-03, not looked after.
//   C1 is open to the CST from 2026-02-01T00:00Z.
//
// Episodes (missing since -> returned, return notified; RHI due = notified
// + 72 h, due from return = returned + 72 h):
//   E1  C1 2025-03-25T10:00 -> 2025-04-03T10:00, 11:00. RHI left open.
//   E2  C1 2026-01-20T18:00 -> 2026-01-21T08:00, 09:00. RHI left open.
//   E3  C1 2026-02-03T20:00 -> 2026-02-04T10:00, 12:00. due 02-07T12:00,
//       from return 02-07T10:00; completed 02-05T10:00 (24 h).
//   E4  C1 2026-02-10T18:00 -> 2026-02-11T06:00, 08:00. due 02-14T08:00,
//       from return 02-14T06:00; completed 02-13T06:00 (48 h).
//   E5  C2 2026-02-15T12:00 -> 2026-02-16T12:00, 12:00. due 02-19T12:00
//       (both); completed 02-19T12:00 (72 h, exactly on time).
//   E6  C3 ABSENT 2026-02-20T09:00 -> 2026-02-21T09:00, 10:00. due
//       02-24T10:00, from return 02-24T09:00; offered 02-23T09:00,
//       completed 02-25T09:00 (96 h): late.
//   E7  C4 2026-02-12T10:00 -> 2026-02-13T10:00, 10:00: aged 18, so the RHI
//       is NOT_REQUIRED (due 02-16T10:00, left out of rhis_due).
//   E8  C2 2026-02-27T20:00 -> 2026-03-02T08:00, 09:00: across the month
//       boundary; RHI due 03-05T09:00 (March).
//   E9  C5 2026-02-05T15:00 -> 2026-02-05T22:00, 2026-02-06T08:00. due
//       02-09T08:00, from return 02-08T22:00; declined 02-08T23:00.
//   E10 C5 2026-04-10T10:00, still missing.
//   E11 C4 2026-03-28T12:00 -> 2026-05-02T12:00, 12:00 (NOT_REQUIRED).
//
// Actions (through MeetingService: the CLI has no meeting commands yet),
// agreed at the meeting of 2026-03-02, all left open:
//   A1 C1 by 2026-03-06T17:00.
//   A2 C1 by 2026-03-31T22:30 (23:30 BST, the last hour of 2025-Q4).
//   A3 C2 by 2026-03-31T23:00 (midnight BST: the first instant of 2026-Q1).
class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role :
         {"coordinator", "police", "rhi_worker", "manager"}) {
      tokens_[role] = AddUser(db_, std::string(role) + "-user", role);
    }
    const std::string policy = dir_.File("policy.txtpb");
    std::ofstream(policy) << "authority: \"Barsetshire\"\n";
    auto server = ServerProcess::Start(db_, dir_.path(), {"--policy", policy});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  CommandResult Mfh(const std::string& role, std::vector<std::string> args) {
    args.insert(args.begin(), MFH_CLI_BINARY);
    return RunCommand(args, {{"MFH_SERVER", server_->address()},
                             {"MFH_TOKEN", tokens_.at(role)}});
  }

  std::string Ok(const std::string& role, std::vector<std::string> args) {
    CommandResult r = Mfh(role, args);
    EXPECT_EQ(r.exit_code, 0) << absl::StrJoin(args, " ") << ": " << r.err;
    EXPECT_EQ(r.err, "") << absl::StrJoin(args, " ");
    return r.out;
  }

  void Child(const std::string& name, const std::string& dob,
             const std::string& la_ref, bool looked_after,
             const std::string& placing) {
    std::vector<std::string> args = {"child", "add",   "--name",
                                     name,    "--dob", dob};
    if (!la_ref.empty()) args.insert(args.end(), {"--la-ref", la_ref});
    if (looked_after) args.push_back("--looked-after");
    if (!placing.empty()) {
      args.insert(args.end(), {"--placing-authority", placing});
    }
    Ok("coordinator", args);
  }

  void Missing(const std::string& child, const std::string& ref,
               const std::string& since, const std::string& category = "") {
    std::vector<std::string> args = {
        "missing",         "report", "--child",       child,
        "--police-force",  "MET",    "--police-ref",  ref,
        "--missing-since", since,    "--notified-at", since,
        "--risk",          "medium"};
    if (!category.empty()) args.insert(args.end(), {"--category", category});
    Ok("police", args);
  }

  void Return(const std::string& ref, const std::string& returned,
              const std::string& notified) {
    Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", ref,
                  "--returned-at", returned, "--notified-at", notified});
  }

  void Script() {
    Child("Alex Able", "2012-05-14", "LA-1", true, "");
    Child("Bo Brown", "2011-01-01", "", false, "");
    Child("Cy Carter", "2010-06-01", "K-3", true, "Kent");
    Child("Di Dane", "2010-02-10", "LA-4", true, "Barsetshire");
    // The hub adds only children under 18 (as of its clock, today), so C4
    // is aged in the database to a child who turned 18 on 2026-02-10.
    {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
      sqlite3_busy_timeout(db, 5000);
      EXPECT_EQ(sqlite3_exec(db,
                             "UPDATE children SET date_of_birth = "
                             "'2008-02-10' WHERE id = 4",
                             nullptr, nullptr, nullptr),
                SQLITE_OK);
      sqlite3_close(db);
    }
    Child("Ed Eden", "2013-03-03", "LA-5", false, "");
    Ok("coordinator", {"child", "flag", "C1", "--set", "open_to_cst", "--at",
                       "2026-02-01T00:00:00Z"});
    Missing("C1", "R1", "2025-03-25T10:00:00Z");
    Return("R1", "2025-04-03T10:00:00Z", "2025-04-03T11:00:00Z");
    Missing("C1", "R2", "2026-01-20T18:00:00Z");
    Return("R2", "2026-01-21T08:00:00Z", "2026-01-21T09:00:00Z");
    Missing("C1", "R3", "2026-02-03T20:00:00Z");
    Return("R3", "2026-02-04T10:00:00Z", "2026-02-04T12:00:00Z");
    Missing("C1", "R4", "2026-02-10T18:00:00Z");
    Return("R4", "2026-02-11T06:00:00Z", "2026-02-11T08:00:00Z");
    Missing("C2", "R5", "2026-02-15T12:00:00Z");
    Return("R5", "2026-02-16T12:00:00Z", "2026-02-16T12:00:00Z");
    Missing("C3", "R6", "2026-02-20T09:00:00Z", "absent");
    Return("R6", "2026-02-21T09:00:00Z", "2026-02-21T10:00:00Z");
    Missing("C4", "R7", "2026-02-12T10:00:00Z");
    Return("R7", "2026-02-13T10:00:00Z", "2026-02-13T10:00:00Z");
    Missing("C2", "R8", "2026-02-27T20:00:00Z");
    Return("R8", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z");
    Missing("C5", "R9", "2026-02-05T15:00:00Z");
    Return("R9", "2026-02-05T22:00:00Z", "2026-02-06T08:00:00Z");
    Missing("C5", "R10", "2026-04-10T10:00:00Z");
    Missing("C4", "R11", "2026-03-28T12:00:00Z");
    Return("R11", "2026-05-02T12:00:00Z", "2026-05-02T12:00:00Z");
    Ok("rhi_worker", {"rhi", "complete", "E3", "--at", "2026-02-05T10:00:00Z",
                      "--by", "Worker"});
    Ok("rhi_worker", {"rhi", "complete", "E4", "--at", "2026-02-13T06:00:00Z",
                      "--by", "Worker"});
    Ok("rhi_worker", {"rhi", "complete", "E5", "--at", "2026-02-19T12:00:00Z",
                      "--by", "Worker"});
    Ok("rhi_worker", {"rhi", "offer", "E6", "--at", "2026-02-23T09:00:00Z",
                      "--by", "Worker"});
    Ok("rhi_worker", {"rhi", "complete", "E6", "--at", "2026-02-25T09:00:00Z",
                      "--by", "Worker"});
    Ok("rhi_worker", {"rhi", "decline", "E9", "--at", "2026-02-08T23:00:00Z",
                      "--reason", "Did not want to talk"});
  }

  void Actions() {
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    auto meetings = v1::MeetingService::NewStub(channel);
    auto as_coordinator = [&] {
      auto ctx = std::make_unique<grpc::ClientContext>();
      ctx->AddMetadata("authorization", "Bearer " + tokens_.at("coordinator"));
      return ctx;
    };
    auto ts = [](const std::string& rfc3339) {
      google::protobuf::Timestamp t;
      EXPECT_TRUE(google::protobuf::util::TimeUtil::FromString(rfc3339, &t));
      return t;
    };
    v1::OpenMeetingRequest open;
    open.set_day("2026-03-02");
    *open.mutable_as_of() = ts("2026-03-02T09:30:00Z");
    v1::OpenMeetingResponse opened;
    grpc::Status s =
        meetings->OpenMeeting(as_coordinator().get(), open, &opened);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const auto& [child, by_when] :
         std::vector<std::pair<std::string, std::string>>{
             {"C1", "2026-03-06T17:00:00Z"},
             {"C1", "2026-03-31T22:30:00Z"},
             {"C2", "2026-03-31T23:00:00Z"}}) {
      v1::AddActionRequest req;
      req.set_meeting_id(opened.meeting().meeting_id());
      req.set_child_id(child);
      req.set_what("Strategy discussion");
      req.set_who("Social worker");
      *req.mutable_by_when() = ts(by_when);
      req.set_done_when("Minutes shared");
      v1::AddActionResponse resp;
      s = meetings->AddAction(as_coordinator().get(), req, &resp);
      ASSERT_TRUE(s.ok()) << s.error_message();
    }
  }

  TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
};

constexpr char kMonthlyHeader[] =
    "month,episodes,missing_episodes,absent_episodes,looked_after_episodes,"
    "other_authority_episodes,children,repeat_children,returns,rhis_due,"
    "rhis_offered_on_time,rhis_met,rhis_met_share,rhis_completed_on_time,"
    "rhis_declined_on_time,rhis_due_from_return,rhis_met_from_return,"
    "rhis_met_from_return_share,rhis_completed,median_hours_to_rhi,"
    "p90_hours_to_rhi,actions_agreed,actions_done,actions_overdue,"
    "cst_children,cst_child_months,cst_episodes_while_open,"
    "cst_episodes_before,cst_rate_while_open,cst_rate_before,"
    "interviews_with_indicators,referrals_cst,referrals_mash,referrals_wise,"
    "intelligence_shared,intelligence_acknowledged,rhis_declined,"
    "declines_followed_up\n";

TEST_F(ReportCliTest, TheMonthlyReportCountsEveryFigureAsWorkedOutByHand) {
  Script();
  // February 2026, as of 10 March:
  //   episodes: E3 E4 E5 E6 E7 E8 E9 = 7 (E8 starts in February and returns
  //     in March: counted here); missing 6, absent 1 (E6).
  //   looked after: E3 E4 (C1), E6 (C3), E7 (C4) = 4; other authority: E6
  //     (Kent) = 1 (C4 is placed by Barsetshire, this authority).
  //   children: C1 C2 C3 C4 C5 = 5. repeat: C1 at E4 has E2 E3 E4 in the 90
  //     days up to it = 3 >= 3: 1 child. C2 has only 2.
  //   returns in February: E3 E4 E5 E6 E7 E9 = 6 (E8 returns in March).
  //   rhis_due (due_at in February, NOT_REQUIRED E7 left out): E3 E4 E5 E6 E9
  //     = 5; offered on time: all 5 (E6 offered 02-23 before 02-24T10:00);
  //     met: E3 E4 E5 (completed by due) + E9 (declined by due) = 4 = 80.0%;
  //     completed on time 3, declined on time 1.
  //   from return: E3 (02-07T10) E4 (02-14T06) E5 (02-19T12) E6 (02-24T09)
  //     E9 (02-08T22) = 5; met: E3 E4 E5 = 3 (E9 declined 02-08T23, an hour
  //     after; E6 completed a day after) = 60.0%.
  //   completed in February: E3 24 h, E4 48 h, E5 72 h, E6 96 h: median
  //     (rank ceil(0.5*4) = 2) 48.0, p90 (rank ceil(0.9*4) = 4) 96.0.
  //   no actions.
  //   CST: C1 open from 02-01 to the month's end, 28 days = 28/30.4375 =
  //     0.92 child-months; E3 E4 while open: 2/0.919917 = 2.17; before, in
  //     [01-04, 02-01): E2: 1/0.919917 = 1.09.
  EXPECT_EQ(Ok("manager", {"report", "monthly", "--month", "2026-02", "--as-of",
                           "2026-03-10T00:00:00Z", "--output", "csv"}),
            std::string(kMonthlyHeader) +
                "2026-02,7,6,1,4,1,5,1,6,5,5,4,80.0%,3,1,5,3,60.0%,4,48.0,"
                "96.0,0,0,0,1,0.92,2,1,2.17,1.09,0,0,0,0,0,0,1,0\n");
}

TEST_F(ReportCliTest, AMonthWithNoReturnsHasNoRhisAndZeroPercentiles) {
  Script();
  // April 2026 (BST: 2026-03-31T23:00Z to 2026-04-30T23:00Z), as of 1 May:
  //   episodes: E10 (C5, missing) = 1; children 1; repeat: C5 has E9 E10 in
  //     the 90 days up to E10 = 2 < 3: 0. No returns (E11 returns 2 May),
  //     no RHI due, none completed: shares "-", percentiles 0.0.
  //   CST: C1 open from 02-01T00:00Z to 04-30T23:00Z = 88 d 23 h = 2135 h =
  //     2.92265 child-months; E3 E4 while open: 2/2.92265 = 0.68; before,
  //     from 2025-11-03T01:00Z: E2: 1/2.92265 = 0.34.
  EXPECT_EQ(
      Ok("coordinator", {"report", "monthly", "--month", "2026-04", "--as-of",
                         "2026-05-01T00:00:00Z", "--output", "csv"}),
      std::string(kMonthlyHeader) +
          "2026-04,1,1,0,0,0,1,0,0,0,0,0,-,0,0,0,0,-,0,0.0,0.0,0,0,0,1,"
          "2.92,2,1,0.68,0.34,0,0,0,0,0,0,0,0\n");
}

TEST_F(ReportCliTest, TheMonthlyTableShowsTheShareMetAndTheTwelveMonthTrend) {
  Script();
  std::string out = Ok("manager", {"report", "monthly", "--month", "2026-02",
                                   "--as-of", "2026-03-10T00:00:00Z"});
  EXPECT_TRUE(absl::StrContains(out, "rhis_met_share              80.0%\n"))
      << out;
  // The 12 months to February 2026: E1 in March 2025, E2 in January 2026.
  EXPECT_TRUE(absl::StrContains(out,
                                "month    episodes\n"
                                "2025-03  1\n"
                                "2025-04  0\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "2026-01  1\n2026-02  7\n")) << out;
}

TEST_F(ReportCliTest, TheSsda903FileIsExactlyTheDfeMissingTable) {
  Script();
  // Looked after by Barsetshire: C1 (placing "") and C4 (placing
  // Barsetshire); C3 is Kent's. Year 2025: 1 April 2025 to 31 March 2026.
  //   E1 open on 1 April 2025: kept with its start 25/03/2025, ended
  //     03/04/2025 (11:00 BST). E2 E3 E4 of C1, E7 of C4.
  //   E11 started 28/03/2026, returned after the year: MIS_END empty.
  EXPECT_EQ(Ok("manager", {"report", "ssda903", "--year", "2025", "--as-of",
                           "2026-05-10T00:00:00Z", "--output", "csv"}),
            "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
            "LA-1,14/05/2012,M,25/03/2025,03/04/2025\r\n"
            "LA-1,14/05/2012,M,20/01/2026,21/01/2026\r\n"
            "LA-1,14/05/2012,M,03/02/2026,04/02/2026\r\n"
            "LA-1,14/05/2012,M,10/02/2026,11/02/2026\r\n"
            "LA-4,10/02/2008,M,12/02/2026,13/02/2026\r\n"
            "LA-4,10/02/2008,M,28/03/2026,\r\n");
}

TEST_F(ReportCliTest, TheExceptionReportListsEveryLateRhiLongEpisodeAndAction) {
  Script();
  Actions();
  // 2025-Q4: 2026-01-01T00:00Z to 2026-03-31T23:00Z (1 April, BST), as of
  // 2026-05-10T00:00Z.
  //   RHIs due in it not met by due_at, by due_at: E2 (due 01-24T09:00,
  //     open): 106 days - 9 h = 2535.0 h; E6 (due 02-24T10:00, completed
  //     02-25T09:00): 23.0 h; E8 (due 03-05T09:00, open): 66 days - 9 h =
  //     1575.0 h. E3 E4 E5 E9 were met; E7 is NOT_REQUIRED; E1 was due in
  //     April 2025.
  //   Episodes starting in it over 7 days: E11 (03-28T12:00 to 05-02T12:00)
  //     35 days = 840.0 h, 672.0 h over. E8 lasted 2.5 days.
  //   Actions due in it over 14 days late: A1 (by 03-06T17:00, open) 65 days
  //     - 17 h = 1543 h = 64.3 days; A2 (by 03-31T22:30) 40 days - 22.5 h =
  //     937.5 h = 39.1 days. A3 is due in 2026-Q1.
  EXPECT_EQ(
      Ok("manager", {"report", "exceptions", "--quarter", "2025-Q4", "--as-of",
                     "2026-05-10T00:00:00Z", "--output", "csv"}),
      R"--(kind,child,name,id,due,status,late,how_late
rhi_late,C1,Alex Able,E2,2026-01-24T09:00:00Z,overdue,2535.0,not completed as of 2026-05-10T00:00:00Z (105d 15h past due)
rhi_late,C3,Cy Carter,E6,2026-02-24T10:00:00Z,completed,23.0,23h 0m late
rhi_late,C2,Bo Brown,E8,2026-03-05T09:00:00Z,overdue,1575.0,not completed as of 2026-05-10T00:00:00Z (65d 15h past due)
long_episode,C4,Di Dane,E11,2026-03-28T12:00:00Z,returned,672.0,35d 0h missing; 28d 0h over 7 days
action_late,C1,Alex Able,A1,2026-03-06T17:00:00Z,open,64.3,64d 7h after by_when and still open
action_late,C1,Alex Able,A2,2026-03-31T22:30:00Z,open,39.1,39d 1h after by_when and still open
)--");
  // 2026-Q1 as of the same time: E10 missing since 04-10T10:00, 29 days 14 h
  //   = 710.0 h, 542.0 over. E11's RHI is NOT_REQUIRED; A3 (by
  //   03-31T23:00) is 39 days 1 h = 39.0 days late.
  std::string out =
      Ok("coordinator", {"report", "exceptions", "--quarter", "2026-Q1",
                         "--as-of", "2026-05-10T00:00:00Z"});
  EXPECT_TRUE(absl::StrContains(
      out,
      "Exception report April to June 2026 (2026-27 Q1), partial, as of "
      "2026-05-10 01:00 BST\n"
      "0 RHIs late or not held, 1 episodes over 7 days, 1 actions over 14 "
      "days late\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "E10")) << out;
  EXPECT_TRUE(absl::StrContains(out, "29d 14h missing; 22d 14h over 7 days"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "A3")) << out;
  EXPECT_TRUE(absl::StrContains(out, "39d 1h after by_when")) << out;
  // JSON: the proto's fields; E6's completion and E11's return in UTC.
  out = Ok("manager", {"report", "exceptions", "--quarter", "2025-Q4",
                       "--as-of", "2026-05-10T00:00:00Z", "--output", "json"});
  EXPECT_TRUE(absl::StrContains(out, "\"met_at\":\"2026-02-25T09:00:00Z\""))
      << out;
  EXPECT_TRUE(
      absl::StrContains(out, "\"returned_at\":\"2026-05-02T12:00:00Z\""))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "\"days_overdue\":64.3")) << out;
}

TEST_F(ReportCliTest, TheChronologyListsEveryEventOfTheChildInTimeOrder) {
  Script();
  Actions();
  Ok("coordinator", {"episode", "regrade", "E4", "--risk", "high", "--at",
                     "2026-02-10T20:00:00Z", "--reason", "seen with adults"});
  // C1 as of 2026-05-10T00:00Z: E1 E2 E3 E4 reported and returned, the
  // open_to_cst flag (02-01), the completions of E3 (02-05T10:00) and E4
  // (02-13T06:00) by their due times, the regrade of E4 from 02-10T20:00.
  // E1 and E2's RHIs are still open: no event. A1 and A2 were agreed at the
  // server's clock, after as_of: not yet in the record.
  EXPECT_EQ(
      Ok("manager", {"report", "chronology", "--child", "C1", "--as-of",
                     "2026-05-10T00:00:00Z", "--output", "csv"}),
      "at,kind,episode,action,meeting,detail,by\n"
      "2025-03-25T10:00:00Z,episode_reported,E1,,,\"MISSING, risk MEDIUM, "
      "MET R1\",police-user\n"
      "2025-04-03T10:00:00Z,returned,E1,,,returned,\n"
      "2026-01-20T18:00:00Z,episode_reported,E2,,,\"MISSING, risk MEDIUM, "
      "MET R2\",police-user\n"
      "2026-01-21T08:00:00Z,returned,E2,,,returned,\n"
      "2026-02-01T00:00:00Z,flag_set,,,,open_to_cst,\n"
      "2026-02-03T20:00:00Z,episode_reported,E3,,,\"MISSING, risk MEDIUM, "
      "MET R3\",police-user\n"
      "2026-02-04T10:00:00Z,returned,E3,,,returned,\n"
      "2026-02-05T10:00:00Z,rhi_completed,E3,,,RHI completed on time,Worker\n"
      "2026-02-10T18:00:00Z,episode_reported,E4,,,\"MISSING, risk MEDIUM, "
      "MET R4\",police-user\n"
      "2026-02-10T20:00:00Z,regraded,E4,,,risk HIGH: seen with "
      "adults,coordinator-user\n"
      "2026-02-11T06:00:00Z,returned,E4,,,returned,\n"
      "2026-02-13T06:00:00Z,rhi_completed,E4,,,RHI completed on time,Worker\n");
  // As of the server's clock the actions agreed for C1 are the last events;
  // the table shows Europe/London times (E1 in BST, E3 in GMT).
  std::string out =
      Ok("coordinator", {"report", "chronology", "--child", "C1"});
  EXPECT_TRUE(absl::StrContains(out, "Chronology of Alex Able, 14 (C1)\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "2025-03-25 10:00 GMT  episode_reported"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "2025-04-03 11:00 BST  returned")) << out;
  EXPECT_TRUE(absl::StrContains(out, "action_agreed     ") &&
              absl::StrContains(out, "A1") && absl::StrContains(out, "A2") &&
              absl::StrContains(out, "Strategy discussion (Social worker)"))
      << out;
  EXPECT_EQ(Mfh("police", {"report", "chronology", "--child", "C1"}).exit_code,
            4);
  CommandResult r = Mfh("manager", {"report", "chronology", "--child", "C9"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "mfh: --child: no child C9\n");
}

// pdftotext's text of a PDF, and pdfinfo's page count.
std::string PdfText(const std::string& path) {
  CommandResult r = RunCommand({"/usr/bin/pdftotext", "-layout", path, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

std::string PdfPages(const std::string& path) {
  CommandResult r = RunCommand({"/usr/bin/pdfinfo", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (absl::string_view line : absl::StrSplit(r.out, '\n')) {
    if (absl::ConsumePrefix(&line, "Pages:")) {
      return std::string(absl::StripAsciiWhitespace(line));
    }
  }
  return "";
}

// The text of a PDF's lines with each run of two or more spaces (a gap
// between columns) written " | ", and of its words with every run of
// spaces and line ends written " " (for paragraphs that wrap).
std::string Columns(const std::string& text) {
  std::string columns;
  for (size_t i = 0; i < text.size();) {
    size_t run = 0;
    while (i + run < text.size() && text[i + run] == ' ') ++run;
    if (run >= 2) {
      columns += " | ";
    } else if (run == 1) {
      columns += ' ';
    } else {
      columns += text[i];
      run = 1;
    }
    i += run;
  }
  return columns;
}

std::string Words(const std::string& text) {
  return absl::StrJoin(
      absl::StrSplit(text, absl::ByAnyChar(" \n\f"), absl::SkipEmpty()), " ");
}

int Occurrences(absl::string_view text, absl::string_view what) {
  int n = 0;
  for (size_t at = text.find(what); at != absl::string_view::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

TEST_F(ReportCliTest, TheMonthlyPdfIsLabelledMarkedAndCompared) {
  Script();
  const std::string pdf = dir_.File("monthly.pdf");
  Ok("manager", {"report", "monthly", "--month", "2026-02", "--as-of",
                 "2026-03-10T00:00:00Z", "--pdf", pdf});
  ASSERT_EQ(PdfPages(pdf), "3");
  const std::string text = PdfText(pdf);
  const std::string columns = Columns(text);
  const std::string words = Words(text);
  // Every page: the authority, the marking above and below, the time and
  // the page number.
  for (const char* page : {"Page 1 of 3", "Page 2 of 3", "Page 3 of 3"}) {
    EXPECT_TRUE(absl::StrContains(
        columns, absl::StrCat("As of 10 March 2026 00:00 GMT | "
                              "OFFICIAL-SENSITIVE | ",
                              page)))
        << page << "\n"
        << columns;
  }
  EXPECT_EQ(Occurrences(columns, "Barsetshire | OFFICIAL-SENSITIVE"), 3);
  EXPECT_TRUE(absl::StrContains(
      words,
      "Missing from home: monthly report February 2026 7 episodes of 5 "
      "children began in the month and 6 ended. Of 5 return home interviews "
      "due, 3 (60.0%) were completed on time, against England's 63% in "
      "2023-24."))
      << words;
  // February 2026 (TheMonthlyReportCountsEveryFigureAsWorkedOutByHand)
  // beside January 2026 (E2 of C1: its RHI due 01-24T09:00 and never held)
  // and February 2025 (nothing yet), all as of 10 March.
  for (const char* row : {
           "| February 2026 | January 2026 | February 2025",
           "Interviews due | 5 | 1 | 0",
           "Offered on time | 5 (100.0%) | 0 (0.0%) | 0",
           "Completed on time | 3 (60.0%) | 0 (0.0%) | 0",
           "Declined on time | 1 (20.0%) | 0 (0.0%) | 0",
           "Met: completed or declined on time | 4 (80.0%) | 0 (0.0%) | 0",
           "Met, timed from the return | 3 (60.0%) | 0 (0.0%) | 0",
           "Interviews completed | 4 | 0 | 0",
           "Time to interview, median | 48.0 h | - | -",
           "Time to interview, 90th percentile | 96.0 h | - | -",
           "Interviews declined | 1 | 0 | 0",
           "Declines followed up | 0 (0.0%) | 0 | 0",
           "Episodes | 7 | 1 | 0",
           "Missing | 6 (85.7%) | 1 (100.0%) | 0",
           "Absent | 1 (14.3%) | 0 (0.0%) | 0",
           "Of looked-after children | 4 (57.1%) | 1 (100.0%) | 0",
           "Of children placed here by other authorities | 1 (14.3%) | 0 "
           "(0.0%) | 0",
           "Children | 5 | 1 | 0",
           "Repeat children | 1 (20.0%) | 0 (0.0%) | 0",
           "Returns | 6 | 1 | 0",
           "Naming an exploitation indicator | 0 (0.0%) | 0 | 0",
           "Referred to the CST | 0 | 0 | 0",
           "Agreed | 0 | 0 | 0",
       }) {
    EXPECT_TRUE(absl::StrContains(columns, absl::StrCat(row, "\n")))
        << row << "\n"
        << columns;
  }
  EXPECT_TRUE(absl::StrContains(
      words,
      "1 child was open to the Complex Safeguarding Team (CST) in the month, "
      "for 0.92 child-months between them. While open they went missing 2 "
      "times: 2.17 a child-month. In the same length of time before each was "
      "opened to the CST they went missing 1 time: 1.09 a child-month."))
      << words;
  for (const char* title :
       {"Interviews completed on time, % of those due, the 12 months to "
        "February 2026",
        "Repeat children, the 12 months to February 2026",
        "Episodes, the 12 months to February 2026",
        "Hotspots: places and associates named for two or more children",
        "Definitions",
        "National figure: in England in 2023-24, 63% of return home "
        "interviews were completed within 72 hours."}) {
    EXPECT_TRUE(absl::StrContains(words, title)) << title << "\n" << words;
  }
  // A whole month: no bar is marked partial.
  EXPECT_FALSE(absl::StrContains(text, "counted only to")) << text;
  CommandResult r = Mfh("manager", {"report", "monthly", "--month", "2026-02",
                                    "--pdf", "/nonexistent/dir/monthly.pdf"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(
      r.err, "mfh: --pdf: cannot write /nonexistent/dir/monthly.pdf"))
      << r.err;
}

TEST_F(ReportCliTest, AMonthNotYetOverIsMarkedPartialInWordsAndOnItsBar) {
  Script();
  const std::string pdf = dir_.File("monthly.pdf");
  Ok("manager", {"report", "monthly", "--month", "2026-02", "--as-of",
                 "2026-02-20T12:00:00Z", "--pdf", pdf});
  const std::string words = Words(PdfText(pdf));
  EXPECT_TRUE(absl::StrContains(
      words,
      "February 2026, partial: to 20 February 2026 12:00 GMT 6 episodes of 5 "
      "children began in the month and 5 ended."))
      << words;
  // Under each of the three trends.
  EXPECT_EQ(Occurrences(words, "* counted only to 20 February 2026 12:00 GMT"),
            3);
}

TEST_F(ReportCliTest, TheExceptionPdfNamesTheQuarterInWordsAndTimesInDays) {
  Script();
  Actions();
  const std::string pdf = dir_.File("exceptions.pdf");
  Ok("manager", {"report", "exceptions", "--quarter", "2025-Q4", "--as-of",
                 "2026-05-10T00:00:00Z", "--pdf", pdf});
  // The rows of TheExceptionReportListsEveryLateRhiLongEpisodeAndAction.
  ASSERT_EQ(PdfPages(pdf), "1");
  const std::string text = PdfText(pdf);
  const std::string columns = Columns(text);
  const std::string words = Words(text);
  EXPECT_TRUE(absl::StrContains(
      words,
      "Missing from home: exception report January to March 2026 (2025-26 "
      "Q4) Totals: 3 RHIs late or not held, 1 episodes over 7 days, 2 "
      "actions over 14 days late"))
      << words;
  EXPECT_TRUE(absl::StrContains(columns, "Barsetshire | OFFICIAL-SENSITIVE"))
      << columns;
  EXPECT_TRUE(absl::StrContains(columns,
                                "As of 10 May 2026 01:00 BST | "
                                "OFFICIAL-SENSITIVE | Page 1 of 1"))
      << columns;
  for (const char* row : {
           "| E6 | 2026-02-24 10:00 GMT | completed | 23h 0m late\n",
           "| E2 | 2026-01-24 09:00 GMT | overdue | not completed as of "
           "2026-05-10 01:00 BST (105d 15h past due)\n",
           "| E11 | 2026-03-28 12:00 GMT | 2026-05-02 13:00 BST | 35d 0h | "
           "28d 0h\n",
           "| 2026-03-06 17:00 GMT | open | 64d 7h\n",
       }) {
    EXPECT_TRUE(absl::StrContains(columns, row)) << row << "\n" << columns;
  }
  EXPECT_TRUE(absl::StrContains(words,
                                "Episodes per month, the 12 months to March "
                                "2026"))
      << words;
  EXPECT_FALSE(absl::StrContains(words, "counted only to")) << words;

  // A quarter not yet over, in words and on the trend's bar.
  Ok("manager", {"report", "exceptions", "--quarter", "2026-Q1", "--as-of",
                 "2026-05-10T00:00:00Z", "--pdf", pdf});
  const std::string partial = Words(PdfText(pdf));
  EXPECT_TRUE(absl::StrContains(partial,
                                "April to June 2026 (2026-27 Q1), partial: to "
                                "10 May 2026 01:00 BST"))
      << partial;
  EXPECT_TRUE(absl::StrContains(partial,
                                "Episodes per month, the 12 months to May "
                                "2026"))
      << partial;
  EXPECT_TRUE(
      absl::StrContains(partial, "* counted only to 10 May 2026 01:00 BST"))
      << partial;
}

TEST_F(ReportCliTest, TheChronologyPdfNamesTheChildWithFindingsAndDecisions) {
  Script();
  Actions();
  Ok("coordinator", {"meeting", "note", "M1", "--child", "C1", "--text",
                     "Refer to the CST", "--decision"});
  Ok("coordinator", {"rhi", "findings", "E3", "--push", "family-conflict",
                     "--indicator", "cse", "--referral", "cst"});
  const std::string pdf = dir_.File("chronology.pdf");
  Ok("manager", {"report", "chronology", "--child", "C1", "--pdf", pdf});
  ASSERT_EQ(PdfPages(pdf), "1");
  const std::string text = PdfText(pdf);
  const std::string words = Words(text);
  EXPECT_TRUE(
      absl::StrContains(Columns(text), "Barsetshire | OFFICIAL-SENSITIVE"))
      << text;
  EXPECT_TRUE(absl::StrContains(
      words,
      "Chronology: Alex Able, 14 (C1) Everything recorded up to 30 November "
      "2026 12:00 GMT 4 episodes reported, 4 returns, 2 interviews "
      "completed, 1 record of what an interview found, 1 meeting decision "
      "and 2 actions agreed."))
      << words;
  for (const char* event :
       {"2025-03-25 10:00 GMT Reported missing (E1): MISSING, risk MEDIUM, MET "
        "R1 - by police-user",
        "2026-02-05 10:00 GMT Interview completed (E3): RHI completed on time "
        "- by Worker",
        "2026-11-30 12:00 GMT What the interview found (E3): findings v1:",
        "2026-11-30 12:00 GMT Meeting decision: Refer to the CST - by "
        "coordinator-user",
        "Action agreed (A1)"}) {
    EXPECT_TRUE(absl::StrContains(words, event)) << event << "\n" << words;
  }
  EXPECT_TRUE(absl::StrContains(Columns(text),
                                "As of 30 November 2026 12:00 GMT | "
                                "OFFICIAL-SENSITIVE | Page 1 of 1"))
      << text;
}

TEST_F(ReportCliTest, ThePartnershipReportShowsTheHalfYearMonthByMonth) {
  Script();
  const std::string pdf = dir_.File("partnership.pdf");
  // 2025-H2: October 2025 to March 2026, as of 10 May. January: E2 (its RHI
  // due 01-24, never held); February: the worked month; March: E11 started
  // (NOT_REQUIRED), E8 returned (its RHI due 03-05, never held).
  const std::string out =
      Ok("manager", {"report", "partnership", "--half", "2025-H2", "--as-of",
                     "2026-05-10T00:00:00Z", "--pdf", pdf});
  EXPECT_TRUE(absl::StartsWith(
      out,
      "Report to the partnership, October 2025 to March 2026 (2025-26 H2), as "
      "of 2026-05-10 01:00 BST\n\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(Columns(out),
                                "Interviews due | 0 | 0 | 0 | 1 | 5 | 1 | 7\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(
      Ok("manager", {"report", "partnership", "--half", "2025-H2", "--as-of",
                     "2026-05-10T00:00:00Z", "--output", "csv"}),
      "figure,2025-10,2025-11,2025-12,2026-01,2026-02,2026-03,half year\n"
      "Episodes,0,0,0,1,7,1,9\n"));
  ASSERT_EQ(PdfPages(pdf), "2");
  const std::string text = PdfText(pdf);
  const std::string columns = Columns(text);
  const std::string words = Words(text);
  EXPECT_TRUE(absl::StrContains(
      words,
      "Missing from home: report to the partnership October 2025 to March "
      "2026 (2025-26 H2) 9 episodes began in the half year. Of 7 return home "
      "interviews due, 3 (42.9%) were completed on time, against England's "
      "63% in 2023-24."))
      << words;
  for (const char* row : {
           "| 2025-10 | 2025-11 | 2025-12 | 2026-01 | 2026-02 | 2026-03 | half "
           "year",
           "Episodes | 0 | 0 | 0 | 1 | 7 | 1 | 9",
           "Returns | 0 | 0 | 0 | 1 | 6 | 1 | 8",
           "Interviews due | 0 | 0 | 0 | 1 | 5 | 1 | 7",
           "Completed on time | 0 | 0 | 0 | 0 (0.0%) | 3 (60.0%) | 0 (0.0%) | "
           "3 (42.9%)",
           "Met on time | 0 | 0 | 0 | 0 (0.0%) | 4 (80.0%) | 0 (0.0%) | 4 "
           "(57.1%)",
           "Children | 0 | 0 | 0 | 1 | 5 | 1 | -",
       }) {
    EXPECT_TRUE(absl::StrContains(columns, absl::StrCat(row, "\n")))
        << row << "\n"
        << columns;
  }
  for (const char* part :
       {"February 2026: 1 child was open to the Complex Safeguarding Team "
        "(CST) in the month, for 0.92 child-months between them.",
        "October 2025: No child was open to the Complex Safeguarding Team "
        "(CST) in the month.",
        "Interviews completed on time, % of those due, the 12 months to March "
        "2026",
        "Hotspots: places and associates named for two or more children, in "
        "the half year",
        "As of 10 May 2026 01:00 BST OFFICIAL-SENSITIVE Page 2 of 2"}) {
    EXPECT_TRUE(absl::StrContains(words, part)) << part << "\n" << words;
  }
  // A half not yet over: marked, and its trends run to the month of as_of.
  Ok("manager", {"report", "partnership", "--half", "2026-H1", "--as-of",
                 "2026-05-10T00:00:00Z", "--pdf", pdf});
  const std::string partial = Words(PdfText(pdf));
  EXPECT_TRUE(absl::StrContains(partial,
                                "April to September 2026 (2026-27 H1), "
                                "partial: to 10 May 2026 01:00 BST"))
      << partial;
  EXPECT_TRUE(absl::StrContains(partial, "the 12 months to May 2026"))
      << partial;
  CommandResult r = Mfh(
      "manager", {"report", "partnership", "--half", "2026-Q1", "--pdf", pdf});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.err,
            "mfh: --half: must be YYYY-H1 (April to September) or YYYY-H2 "
            "(October to March), not \"2026-Q1\"\n");
  EXPECT_EQ(Mfh("police",
                {"report", "partnership", "--half", "2026-H1", "--pdf", pdf})
                .exit_code,
            4);
}

TEST_F(ReportCliTest, OnlyCoordinatorsAndManagersMayRunReports) {
  CommandResult r = Mfh("police", {"report", "monthly", "--month", "2026-02"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "mfh: role: police may not use mfh report monthly\n");
  r = Mfh("rhi_worker", {"report", "ssda903", "--year", "2025"});
  EXPECT_EQ(r.exit_code, 4);
  r = Mfh("police", {"report", "exceptions", "--quarter", "2025-Q4"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "mfh: role: police may not use mfh report exceptions\n");
}

TEST_F(ReportCliTest, AMalformedMonthIsAnInvalidArgument) {
  CommandResult r = Mfh("manager", {"report", "monthly", "--month", "2026-13"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.err, "mfh: --month: must be a month YYYY-MM\n");
}

}  // namespace
}  // namespace mfh
