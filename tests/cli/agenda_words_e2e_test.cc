// End-to-end tests of what the agenda says about a returned child and a
// repeat missing child (DESIGN.md section 11): where and with whom the child
// was found, what the previous interview found (hidden from police), and
// the count in its window, through the real mfh and mfh-server.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "tests/cli/cli_fixture.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

// Amy (C1) went missing twice in November 2026: after the first time her
// interview found signs of sexual and criminal exploitation and she was
// referred; the second time she was found at the bus station with two older
// males, and that return is on Saturday's agenda.
class AgendaWordsTest : public CliTest {
 protected:
  void SeedTwoEpisodes() {
    AddChild("Amy");
    Report("C1", "R-1", "2026-11-02T18:00", "2026-11-02T18:30", "medium");
    Return("R-1", "2026-11-03T08:00", "2026-11-03T09:00");
    Ok("rhi_worker", {"rhi", "complete", "E1", "--at", "2026-11-04T10:00",
                      "--by", "Worker A", "--concerns", "cse,cce", "--referral",
                      "--notes", "Stays at a flat in town"});
    Report("C1", "R-2", "2026-11-20T18:00", "2026-11-20T18:30", "high");
    Ok("police", {"return", "log", "--police-force", "MET", "--police-ref",
                  "R-2", "--returned-at", "2026-11-21T07:00", "--notified-at",
                  "2026-11-21T08:00", "--found-location", "Wigan bus station",
                  "--found-with", "two older males"});
  }

  std::string Agenda(const std::string& role,
                     const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"agenda", "--day", "2026-11-21", "--as-of",
                                     "2026-11-21 09:30"};
    args.insert(args.end(), more.begin(), more.end());
    return Ok(role, args);
  }
};

// The agenda as everyone but `returned` reads it on Saturday morning.
std::string SaturdayAgenda(const std::string& returned) {
  return R"--(Agenda for Saturday 2026-11-21, as of 2026-11-21 09:30 GMT

Missing now (0)
  none

Returned since the last meeting (1)
  CHILD         EPISODE  MISSING FOR  RETURNED              RHI DUE               DEADLINE       RHI  FLAGS
  Amy, 15 (C1)  E2       13h 0m       2026-11-21 07:00 GMT  2026-11-24 08:00 GMT  due in 2d 22h  DUE  -
    )--" +
         returned +
         R"--(

RHI overdue (0)
  none

RHI due before the next meeting (0)
  none

Repeat missing (0)
  none

Linked episodes (0)
  none

Exploitation concerns (0)
  none

Open actions (0)
  none
)--";
}

TEST_F(AgendaWordsTest, AReturnSaysWhereAndWithWhomAndWhatTheLastRhiFound) {
  SeedTwoEpisodes();
  EXPECT_EQ(Agenda("coordinator"),
            SaturdayAgenda("found at Wigan bus station with two older males; "
                           "previous RHI completed 2026-11-04: CSE and CCE "
                           "concerns, referral made"));
  EXPECT_EQ(Agenda("manager"), Agenda("coordinator"));
  EXPECT_EQ(Agenda("rhi_worker"), Agenda("coordinator"));
}

TEST_F(AgendaWordsTest, PoliceSeeThatTheLastRhiWasHeldButNotWhatItFound) {
  SeedTwoEpisodes();
  EXPECT_EQ(Agenda("police"),
            SaturdayAgenda("found at Wigan bus station with two older males; "
                           "previous RHI completed 2026-11-04"));
  const std::string held =
      R"("previous_rhi":{"episode_id":"E1","status":"RHI_STATUS_COMPLETED",)";
  const std::string closed = R"("closed_at":"2026-11-04T10:00:00Z"})";
  const std::string found =
      R"("outcome":{"concerns":["CONCERN_CSE","CONCERN_CCE"],)"
      R"("referral_made":true,"notes":""},)";
  const std::string json = Agenda("police", {"--output", "json"});
  EXPECT_TRUE(absl::StrContains(json, held + closed)) << json;
  EXPECT_FALSE(absl::StrContains(json, R"("concerns")")) << json;
  EXPECT_TRUE(absl::StrContains(Agenda("coordinator", {"--output", "json"}),
                                held + found + closed));

  // The meeting freezes the findings with its agenda; police reading the
  // meeting do not see them either.
  Ok("coordinator",
     {"meeting", "open", "--day", "2026-11-21", "--as-of", "2026-11-21 09:30"});
  const std::string meeting =
      Ok("police", {"meeting", "show", "M1", "--output", "json"});
  EXPECT_TRUE(absl::StrContains(meeting, held + closed)) << meeting;
  EXPECT_FALSE(absl::StrContains(meeting, R"("concerns")")) << meeting;
  EXPECT_TRUE(absl::StrContains(
      Ok("manager", {"meeting", "show", "M1", "--output", "json"}),
      held + found + closed));
}

TEST_F(AgendaWordsTest, TheAuditNamesThePreviousInterviewsEpisode) {
  SeedTwoEpisodes();
  Agenda("police");
  // Reads reach the audit within a second.
  std::string row;
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (row.empty() && absl::Now() < until) {
    for (absl::string_view line : absl::StrSplit(
             Ok("admin", {"audit", "list", "--child", "C1", "--output", "csv"}),
             '\n')) {
      if (absl::StrContains(line, ",GetAgenda,")) row = std::string(line);
    }
    if (row.empty()) absl::SleepFor(absl::Milliseconds(200));
  }
  EXPECT_TRUE(absl::EndsWith(
      row, ",police-user,ROLE_POLICE,GetAgenda,C1,\"E2,E1\",OK,"))
      << row;
}

TEST_F(AgendaWordsTest, ARepeatLineSaysTheCountInThePolicysWindow) {
  ASSERT_EQ(server_->Stop(), 0);
  const std::string policy = dir_.File("policy.textproto");
  std::ofstream(policy) << "repeat_window { seconds: 2419200 }\n";  // 28 days
  auto server =
      testing::ServerProcess::Start(db_, dir_.path(), {"--policy", policy});
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  AddChild("Amy");
  Report("C1", "R-1", "2026-11-01T18:00", "2026-11-01T18:30", "low");
  Return("R-1", "2026-11-02T08:00", "2026-11-02T09:00");
  Report("C1", "R-2", "2026-11-10T18:00", "2026-11-10T18:30", "low");
  Return("R-2", "2026-11-11T08:00", "2026-11-11T09:00");
  Report("C1", "R-3", "2026-11-20T18:00", "2026-11-20T18:30", "low");
  const std::string agenda = Agenda("coordinator");
  const size_t at = agenda.find("Repeat missing (1)\n");
  ASSERT_NE(at, std::string::npos) << agenda;
  EXPECT_EQ(agenda.substr(at, agenda.find("\n\n", at) - at),
            R"--(Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Amy, 15 (C1)  3 episodes in 28 days  E3      2026-11-20 18:00 GMT  -)--");
  EXPECT_TRUE(absl::StrContains(Agenda("coordinator", {"--output", "json"}),
                                R"("repeat_window":"2419200s")"));
}

}  // namespace
}  // namespace mfh
