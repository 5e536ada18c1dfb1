// In the user's words (DESIGN.md section 11) through the real mfh and
// mfh-server: children found by id, la_ref or name, and their names and ages
// beside their ids.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_fixture.h"

namespace mfh {
namespace {

// The server's day is 30 November 2026 (the harness's clock).
class ChildRefTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    for (const auto& [name, dob, la_ref] :
         {std::tuple{"Amara Okafor", "2012-03-01", "LA-77"},
          std::tuple{"Sam Jones", "2011-05-14", "LA-80"},
          std::tuple{"Sam  JONES", "2013-12-01", "LA-81"}}) {
      Ok("coordinator",
         {"child", "add", "--name", name, "--dob", dob, "--la-ref", la_ref});
    }
  }
};

TEST_F(ChildRefTest, AChildIsFoundByIdLaRefOrNameInAnyCase) {
  const std::string out =
      Ok("police", {"missing", "report", "--child", "  amara OKAFOR ",
                    "--police-force", "MET", "--police-ref", "R-1",
                    "--missing-since", "2026-11-29 22:00", "--risk", "high"});
  EXPECT_EQ(out.substr(0, out.find("police force")),
            "episode id:          E1\n"
            "child:               Amara Okafor, 14 (C1)\n");
  const std::string csv_header =
      "episode_id,child_id,name,police_force,police_ref,category,risk,"
      "missing_since,notified_at,returned_at,return_notified_at,"
      "found_location,found_with,returned_to,reporter,voided_at,void_reason\n";
  for (const char* ref : {"C1", "c1", "la-77", "AmaraOkafor"}) {
    const std::string listed = Ok(
        "coordinator", {"episode", "list", "--child", ref, "--output", "csv"});
    EXPECT_EQ(listed.substr(0, listed.find("MET")),
              csv_header + "E1,C1,Amara Okafor,")
        << ref;
  }
  EXPECT_EQ(Ok("coordinator", {"child", "show", "LA-81", "--output", "csv"}),
            "child_id,name,date_of_birth,la_ref,looked_after,placing_authority,"
            "flags,sex,ethnicity,social_worker,team,placement,school,"
            "contacts\nC3,Sam  JONES,2013-12-01,LA-81,false,,,,,,,,,\n");
}

TEST_F(ChildRefTest, ANameTwoChildrenShareIsRefusedListingBoth) {
  ExpectError("coordinator", {"child", "show", "sam jones"}, 5,
              "mfh: CHILD: \"sam jones\" is the name of 2 children: Sam "
              "Jones, born 2011-05-14 (C2); Sam  JONES, born 2013-12-01 (C3); "
              "give the id\n");
  ExpectError("police",
              {"missing", "report", "--child", "Sam Jones", "--police-force",
               "MET", "--police-ref", "R-9", "--missing-since",
               "2026-11-29 22:00", "--risk", "high"},
              5,
              "mfh: --child: \"Sam Jones\" is the name of 2 children: Sam "
              "Jones, born 2011-05-14 (C2); Sam  JONES, born 2013-12-01 (C3); "
              "give the id\n");
  // Nothing was reported.
  EXPECT_EQ(
      Ok("coordinator", {"episode", "list", "--output", "csv"}),
      "episode_id,child_id,name,police_force,police_ref,category,risk,"
      "missing_since,notified_at,returned_at,return_notified_at,"
      "found_location,found_with,returned_to,reporter,voided_at,void_reason\n");
}

TEST_F(ChildRefTest, NoSuchChildExits3SayingHowToSearch) {
  ExpectError("coordinator", {"rhi", "list", "--child", "Amara Okafur"}, 3,
              "mfh: --child: no child has the id, la_ref or name \"Amara "
              "Okafur\"; search with mfh child list --name TEXT\n");
  // A name in part finds no one: only the list searches.
  ExpectError("coordinator", {"child", "show", "Amara"}, 3,
              "mfh: CHILD: no child has the id, la_ref or name \"Amara\"; "
              "search with mfh child list --name TEXT\n");
}

TEST_F(ChildRefTest, ChildListSearchesByPartOfTheName) {
  EXPECT_EQ(
      Ok("coordinator", {"child", "list", "--name", "JONES"}),
      R"--(CHILD  NAME        DATE OF BIRTH  AGE  LA REF  LOOKED AFTER  PLACING AUTHORITY  FLAGS
C2     Sam Jones   2011-05-14     15   LA-80   no            -                  -
C3     Sam  JONES  2013-12-01     12   LA-81   no            -                  -
)--");
  EXPECT_EQ(Ok("coordinator",
               {"child", "list", "--name", "ara oka", "--output", "csv"}),
            "child_id,name,date_of_birth,la_ref,looked_after,placing_authority,"
            "flags,sex,ethnicity,social_worker,team,placement,school,"
            "contacts\nC1,Amara Okafor,2012-03-01,LA-77,false,,,,,,,,,\n");
}

TEST_F(ChildRefTest, AForceIsACodeInAnyCaseAndAnUnknownOneNamesTheNearest) {
  const std::string out =
      Ok("police", {"missing", "report", "--child", "C1", "--police-force",
                    "met", "--police-ref", "R-1", "--missing-since",
                    "29/11/2026 22:00", "--risk", "high"});
  EXPECT_NE(out.find("police force:        MET\n"), std::string::npos) << out;
  // The return is logged against MET's R-1 whichever case is typed.
  const std::string back =
      Ok("police",
         {"return", "log", "--police-force", " Met ", "--police-ref", "R-1",
          "--returned-at", "30/11/2026 01:00", "--output", "csv"});
  EXPECT_NE(back.find("E1,C1,Amara Okafor,MET,R-1,"), std::string::npos)
      << back;
  ExpectError("police",
              {"missing", "report", "--child", "C2", "--police-force",
               "Met Police", "--police-ref", "R-2", "--missing-since",
               "29/11/2026 22:00", "--risk", "high"},
              5,
              "mfh: --police-force: \"Met Police\" is not a police force "
              "code; nearest: MET (Metropolitan Police Service)\n");
}

TEST_F(ChildRefTest, ARefusalShowsTimesAsTypedInLondonAndNamesTheFlag) {
  Ok("police", {"missing", "report", "--child", "C1", "--police-force", "MET",
                "--police-ref", "R-1", "--missing-since", "24/10/2026 20:00",
                "--risk", "high"});
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
               "--returned-at", "24/10/2026 19:30 BST"},
              5,
              "mfh: --returned-at: must not be before missing_since "
              "(2026-10-24 19:30 BST is before 2026-10-24 20:00 BST)\n");
  // The first of the two 01:30s of 25 October, as typed.
  Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
                "--returned-at", "25/10/2026 01:30 BST"});
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
               "--returned-at", "25/10/2026 01:30 GMT"},
              6,
              "mfh: --returned-at: episode E1 already has a return with other "
              "details: --returned-at 2026-10-25 01:30 BST (this report: "
              "2026-10-25 01:30 GMT); use mfh return correct to change it\n");
}

// An officer resends a report with another time: told which field differs
// and how to correct it; corrects it; the resend is then already recorded.
TEST_F(ChildRefTest, AResendSaysWhatDiffersAndACorrectionMakesItARetry) {
  std::vector<std::string> report = {"missing",         "report",
                                     "--child",         "C1",
                                     "--police-force",  "MET",
                                     "--police-ref",    "R-1",
                                     "--missing-since", "29/11/2026 22:00",
                                     "--notified-at",   "29/11/2026 23:00",
                                     "--risk",          "high"};
  Ok("police", report);
  report[9] = "29/11/2026 21:15";
  ExpectError("police", report, 6,
              "mfh: --police-ref: episode E1 already has --police-force MET "
              "and --police-ref R-1, reported with other details: "
              "--missing-since 2026-11-29 22:00 GMT (this report: 2026-11-29 "
              "21:15 GMT); use mfh episode correct to change it\n");
  const std::string corrected =
      Ok("police",
         {"episode", "correct", "E1", "--reason", "time from the custody log",
          "--missing-since", "29/11/2026 21:15"});
  EXPECT_NE(corrected.find("missing since:       2026-11-29 21:15 GMT\n"),
            std::string::npos)
      << corrected;
  EXPECT_NE(corrected.find("corrections:         2026-11-30 12:00 GMT by "
                           "police-user: time from the custody log "
                           "(missing_since: 2026-11-29 22:00 GMT -> "
                           "2026-11-29 21:15 GMT)\n"),
            std::string::npos)
      << corrected;
  const std::string again = Ok("police", report);
  EXPECT_EQ(again.substr(0, again.find("child:")),
            "Already recorded: this was sent before; nothing changed.\n"
            "episode id:          E1\n");
  ExpectError(
      "police", {"episode", "correct", "E1", "--reason", "nothing"}, 5,
      "mfh: --missing-since, --notified-at, --category or --child: give "
      "what to correct\n");
}

TEST_F(ChildRefTest, AReturnIsCorrectedByItsPoliceReferenceAsItWasLogged) {
  Ok("police", {"missing", "report", "--child", "C1", "--police-force", "MET",
                "--police-ref", "R-1", "--missing-since", "29/11/2026 22:00",
                "--risk", "high"});
  Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
                "--returned-at", "30/11/2026 02:00"});
  const std::string out =
      Ok("police", {"return", "correct", "--police-force", "met",
                    "--police-ref", "R-1", "--reason", "custody log",
                    "--returned-at", "30/11/2026 01:40", "--output", "csv"});
  EXPECT_NE(out.find("E1,C1,Amara Okafor,MET,R-1,CATEGORY_MISSING,RISK_HIGH,"
                     "2026-11-29T22:00:00Z,"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(",2026-11-30T01:40:00Z,"), std::string::npos) << out;
  ExpectError("police",
              {"return", "correct", "--police-force", "MET", "--police-ref",
               "R-9", "--reason", "x", "--returned-at", "30/11/2026 01:40"},
              3,
              "mfh: --police-ref: no episode with --police-force MET and "
              "--police-ref R-9\n");
  ExpectError("police",
              {"return", "correct", "E1", "--police-force", "MET",
               "--police-ref", "R-1", "--reason", "x"},
              5,
              "mfh: EPISODE_ID: give the episode's id, or --police-force and "
              "--police-ref, not both\n");
}

TEST_F(ChildRefTest, AnActionCannotBeAgreedWithADeadlineAlreadyPast) {
  Ok("coordinator", {"meeting", "open"});
  const std::vector<std::string> action = {
      "meeting",       "action",     "M1",    "--child",       "Amara Okafor",
      "--what",        "Home visit", "--who", "Social worker", "--done-when",
      "Visit on file", "--by-when"};
  std::vector<std::string> late = action;
  late.push_back("29/11/2026 17:00");
  ExpectError("coordinator", late, 5,
              "mfh: --by-when: must be after the meeting that agrees the "
              "action (2026-11-29 17:00 GMT is not after M1 as of 2026-11-30 "
              "12:00 GMT)\n");
  std::vector<std::string> due = action;
  due.push_back("02/12/2026 17:00");
  const std::string out = Ok("coordinator", due);
  EXPECT_EQ(out.substr(0, out.find("meeting:")),
            "action id:               A1\n"
            "child:                   Amara Okafor, 14 (C1)\n");
}

TEST_F(ChildRefTest, TodaysMeetingIsFoundWithoutKnowingItsId) {
  ExpectError("coordinator", {"meeting", "show", "today"}, 3,
              "mfh: ID: no meeting for 2026-11-30 yet; open it with mfh "
              "meeting open\n");
  ExpectError("coordinator", {"meeting", "show", "2026-11-27"}, 3,
              "mfh: ID: no meeting for 2026-11-27 yet; open it with mfh "
              "meeting open --day 2026-11-27\n");
  Ok("coordinator", {"meeting", "open"});
  const std::string by_id = Ok("coordinator", {"meeting", "show", "M1"});
  EXPECT_EQ(by_id.substr(0, by_id.find('\n')),
            "meeting id:                       M1");
  EXPECT_EQ(Ok("coordinator", {"meeting", "show", "today"}), by_id);
  EXPECT_EQ(Ok("manager", {"meeting", "show", "TODAY"}), by_id);
  EXPECT_EQ(Ok("coordinator", {"meeting", "show", "2026-11-30"}), by_id);
}

TEST_F(ChildRefTest, MeetingListShowsEveryMeetingInTheOrderOpened) {
  EXPECT_EQ(Ok("manager", {"meeting", "list", "--output", "csv"}),
            "meeting_id,day,state,as_of,closed_at,attendees\n");
  Ok("coordinator",
     {"meeting", "open", "--day", "2026-11-27", "--as-of", "2026-11-27 09:30"});
  Ok("coordinator",
     {"meeting", "close", "M1", "--attendees", "A. Ward,P. Lee"});
  Ok("coordinator", {"meeting", "open"});
  EXPECT_EQ(Ok("police", {"meeting", "list"}),
            "MEETING  DAY         STATE   AGENDA AS OF          CLOSED AT    "
            "         ATTENDEES\n"
            "M1       2026-11-27  CLOSED  2026-11-27 09:30 GMT  2026-11-30 "
            "12:00 GMT  A. Ward, P. Lee\n"
            "M2       2026-11-30  OPEN    2026-11-30 12:00 GMT  -          "
            "           -\n");
  EXPECT_EQ(
      Ok("manager", {"meeting", "list", "--limit", "1", "--output", "csv"}),
      "meeting_id,day,state,as_of,closed_at,attendees\n"
      "M1,2026-11-27,MEETING_STATE_CLOSED,2026-11-27T09:30:00Z,"
      "2026-11-30T12:00:00Z,\"A. Ward,P. Lee\"\n");
}

}  // namespace
}  // namespace mfh
