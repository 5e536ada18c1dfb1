// End-to-end tests of mfh: the real binary against the real mfh-server on a
// temporary database and a free loopback port. Outputs are compared whole;
// the few values the server stamps with its own clock are masked first.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tests/cli/cli_fixture.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using testing::AddUser;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerProcess;
using testing::TempDir;

// recorded_at is the server's clock at the write.
std::string MaskRecordedAt(const std::string& json) {
  return Mask(json, R"("recorded_at":"[^"]*")", R"("recorded_at":"*")");
}

// A loopback port nobody listens on (bound, then released).
int UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t size = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  close(fd);
  return ntohs(addr.sin_port);
}

const std::vector<std::string> kReportR1 = {
    "missing",         "report",
    "--child",         "C1",
    "--police-force",  "MET",
    "--police-ref",    "R-1",
    "--missing-since", "2026-03-26T18:00:00Z",
    "--notified-at",   "2026-03-26T19:30:00Z",
    "--risk",          "high"};

std::vector<std::string> With(std::vector<std::string> args,
                              const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST_F(CliTest, ChildAddShowListAndFlagInEachFormat) {
  EXPECT_EQ(
      Ok("coordinator", {"child", "add", "--name", "Test Child", "--dob",
                         "2011-05-14", "--la-ref", "LA-1", "--looked-after"}),
      R"--(child id:           C1
name:               Test Child
date of birth:      2011-05-14
age:                15
la ref:             LA-1
looked after:       yes
placing authority:  -
flags:              -
sex:                -
ethnicity:          -
social worker:      -
team:               -
placement:          -
school:             -
contacts:           -
changes:            -
)--");
  EXPECT_EQ(
      Ok("coordinator",
         {"child", "add", "--name", "Sam, \"Junior\"", "--dob", "2012-01-02",
          "--placing-authority", "Kent", "--output", "csv"}),
      R"--(child_id,name,date_of_birth,la_ref,looked_after,placing_authority,flags,sex,ethnicity,social_worker,team,placement,school,contacts
C2,"Sam, ""Junior""",2012-01-02,,false,Kent,,,,,,,,
)--");
  EXPECT_EQ(
      Ok("police", {"child", "show", "C1", "--output", "json"}),
      R"--({"child":{"child_id":"C1","name":"Test Child","date_of_birth":"2011-05-14","la_ref":"LA-1","looked_after":true,"placing_authority":"","flags":[],"age":15,"profile":{"sex":"","ethnicity":"","social_worker":"","team":"","placement":"","school":"","contacts":[]},"history":[]},"episodes":[],"interviews":[],"actions":[]}
)--");
  EXPECT_EQ(Ok("coordinator", {"child", "flag", "C1", "--set", "open_to_cst",
                               "--at", "2026-03-27T10:00"}),
            R"--(child id:           C1
name:               Test Child
date of birth:      2011-05-14
age:                15
la ref:             LA-1
looked after:       yes
placing authority:  -
flags:              open_to_cst since 2026-03-27 10:00 GMT
sex:                -
ethnicity:          -
social worker:      -
team:               -
placement:          -
school:             -
contacts:           -
changes:            -
)--");
  EXPECT_EQ(
      Ok("manager", {"child", "list"}),
      R"--(CHILD  NAME           DATE OF BIRTH  AGE  LA REF  LOOKED AFTER  PLACING AUTHORITY  FLAGS
C1     Test Child     2011-05-14     15   LA-1    yes           -                  open_to_cst
C2     Sam, "Junior"  2012-01-02     14   -       no            Kent               -
)--");
  EXPECT_EQ(
      Ok("manager",
         {"child", "list", "--flag", "open_to_cst", "--output", "csv"}),
      R"--(child_id,name,date_of_birth,la_ref,looked_after,placing_authority,flags,sex,ethnicity,social_worker,team,placement,school,contacts
C1,Test Child,2011-05-14,LA-1,true,,open_to_cst,,,,,,,
)--");
  EXPECT_EQ(
      Ok("rhi_worker", {"--output", "json", "child", "list"}),
      R"--([{"child_id":"C1","name":"Test Child","date_of_birth":"2011-05-14","la_ref":"LA-1","looked_after":true,"placing_authority":"","flags":[{"name":"open_to_cst","set_at":"2026-03-27T10:00:00Z"}],"age":15,"profile":{"sex":"","ethnicity":"","social_worker":"","team":"","placement":"","school":"","contacts":[]},"history":[]},{"child_id":"C2","name":"Sam, \"Junior\"","date_of_birth":"2012-01-02","la_ref":"","looked_after":false,"placing_authority":"Kent","flags":[],"age":14,"profile":{"sex":"","ethnicity":"","social_worker":"","team":"","placement":"","school":"","contacts":[]},"history":[]}]
)--");
  EXPECT_EQ(
      Ok("coordinator", {"child", "flag", "C1", "--clear", "open_to_cst",
                         "--at", "2026-03-28 10:00", "--output", "csv"}),
      R"--(child_id,name,date_of_birth,la_ref,looked_after,placing_authority,flags,sex,ethnicity,social_worker,team,placement,school,contacts
C1,Test Child,2011-05-14,LA-1,true,,,,,,,,,
)--");
}

TEST_F(CliTest, MissingReportPrintsTheEpisodeInEachFormat) {
  AddChild();
  EXPECT_EQ(Ok("police", kReportR1), R"--(episode id:          E1
child:               Test Child, 15 (C1)
police force:        MET
police ref:          R-1
category:            MISSING
risk:                HIGH
missing since:       2026-03-26 18:00 GMT
notified at:         2026-03-26 19:30 GMT
returned at:         -
return notified at:  -
found location:      -
found with:          -
returned to:         -
time missing:        -
reporter:            -
risk history:        HIGH from 2026-03-26 18:00 GMT (reported)
corrections:         -
)--");
  // The same report again is a retry: the same episode, in each format.
  EXPECT_EQ(
      MaskRecordedAt(Ok("police", With(kReportR1, {"--output", "json"}))),
      R"--({"episode":{"episode_id":"E1","child_id":"C1","police_force":"MET","police_ref":"R-1","category":"CATEGORY_MISSING","risk":"RISK_HIGH","found_location":"","found_with":"","returned_to":"RETURNED_TO_UNSPECIFIED","reporter":"","risk_history":[{"risk":"RISK_HIGH","recorded_by":"police-user","reason":"reported","from":"2026-03-26T18:00:00Z","recorded_at":"*"}],"corrections":[],"name":"Test Child","age":15,"void_reason":"","missing_since":"2026-03-26T18:00:00Z","notified_at":"2026-03-26T19:30:00Z"},"already_recorded":true}
)--");
  EXPECT_EQ(
      Ok("police", With(kReportR1, {"--output", "csv"})),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, ReportRetriedWithoutNotifiedAtReturnsTheSameEpisode) {
  AddChild();
  Ok("police", kReportR1);
  EXPECT_EQ(
      Ok("police",
         {"missing", "report", "--child", "C1", "--police-force", "MET",
          "--police-ref", "R-1", "--missing-since", "2026-03-26T18:00:00Z",
          "--risk", "HIGH", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
  EXPECT_EQ(
      Ok("police", {"episode", "list", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, ConflictingReportsExit6) {
  AddChild();
  Ok("police", kReportR1);
  ExpectError("police",
              {"missing", "report", "--child", "C1", "--police-force", "MET",
               "--police-ref", "R-1", "--missing-since", "2026-03-26T18:00:00Z",
               "--risk", "low"},
              6,
              "mfh: --police-ref: episode E1 already has --police-force MET "
              "and --police-ref R-1, reported with other details: risk HIGH "
              "(this report: LOW); use mfh episode correct to change it\n");
  ExpectError("police",
              {"missing", "report", "--child", "C1", "--police-force", "MET",
               "--police-ref", "R-2", "--missing-since", "2026-03-27T18:00:00Z",
               "--risk", "low"},
              6,
              "mfh: --child: child C1 is already missing in open episode E1\n");
}

TEST_F(CliTest, NaiveAndOffsetTimesGiveTheSameInstant) {
  AddChild();
  AddChild("Second Child");
  // Winter: Europe/London is UTC.
  EXPECT_EQ(
      Ok("police", {"missing", "report", "--child", "C1", "--police-force",
                    "MET", "--police-ref", "R-1", "--missing-since",
                    "2026-03-27T10:00", "--notified-at", "2026-03-27 10:30",
                    "--risk", "high", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-27T10:00:00Z,2026-03-27T10:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
  EXPECT_EQ(
      Ok("police",
         {"missing", "report", "--child", "C1", "--police-force", "MET",
          "--police-ref", "R-1", "--missing-since", "2026-03-27T10:00:00Z",
          "--notified-at", "2026-03-27T10:30:00Z", "--risk", "high", "--output",
          "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-27T10:00:00Z,2026-03-27T10:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
  // Summer: Europe/London is UTC+1.
  EXPECT_EQ(Ok("police",
               {"missing", "report", "--child", "C2", "--police-force", "MET",
                "--police-ref", "R-2", "--missing-since", "2026-06-01T10:00",
                "--notified-at", "2026-06-01T09:30:00Z", "--risk", "medium"}),
            R"--(episode id:          E2
child:               Second Child, 15 (C2)
police force:        MET
police ref:          R-2
category:            MISSING
risk:                MEDIUM
missing since:       2026-06-01 10:00 BST
notified at:         2026-06-01 10:30 BST
returned at:         -
return notified at:  -
found location:      -
found with:          -
returned to:         -
time missing:        -
reporter:            -
risk history:        MEDIUM from 2026-06-01 10:00 BST (reported)
corrections:         -
)--");
  EXPECT_EQ(
      Ok("police", {"missing", "report", "--child", "C2", "--police-force",
                    "MET", "--police-ref", "R-2", "--missing-since",
                    "2026-06-01T09:00:00Z", "--notified-at", "2026-06-01 10:30",
                    "--risk", "Medium", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E2,C2,Second Child,MET,R-2,CATEGORY_MISSING,RISK_MEDIUM,2026-06-01T09:00:00Z,2026-06-01T09:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, NaiveTimeInTheSkippedOrRepeatedHourExits5AskingForAnOffset) {
  AddChild();
  ExpectError("police",
              {"missing", "report", "--child", "C1", "--police-force", "MET",
               "--police-ref", "R-1", "--missing-since", "2026-03-29T01:30",
               "--risk", "high"},
              5,
              "mfh: --missing-since: 2026-03-29T01:30 does not exist in "
              "Europe/London (clocks go forward); add an offset such as +00:00 "
              "or +01:00, or BST or GMT\n");
  Report("C1", "R-1", "2026-10-24T20:00:00Z", "2026-10-24 22:00");
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
               "--returned-at", "2026-10-25T01:30"},
              5,
              "mfh: --returned-at: 2026-10-25T01:30 happens twice in "
              "Europe/London (clocks go back); add an offset such as +01:00 or "
              "+00:00, or BST or GMT\n");
  // With an offset it is one instant.
  EXPECT_EQ(
      Ok("police", {"return", "log", "--police-force", "MET", "--police-ref",
                    "R-1", "--returned-at", "2026-10-25T01:30+01:00",
                    "--notified-at", "2026-10-25T03:00", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-10-24T20:00:00Z,2026-10-24T21:00:00Z,2026-10-25T00:30:00Z,2026-10-25T03:00:00Z,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, InvalidInputExits5NamingTheFlagOrField) {
  AddChild();
  ExpectError(
      "police",
      {"missing", "report", "--child", "C1", "--police-force", "MET",
       "--police-ref", "R-1", "--missing-since", "yesterday", "--risk", "high"},
      5,
      "mfh: --missing-since: \"yesterday\" is not a time; use RFC 3339 "
      "(2026-03-27T10:00:00Z, 2026-03-27T10:00+01:00) or Europe/London time "
      "(2026-03-27T10:00, 2026-03-27 10:00, 27/03/2026 10:00, 2026-10-25 01:30 "
      "BST)\n");
  ExpectError("police",
              {"missing", "report", "--child", "C1", "--police-force", "MET",
               "--police-ref", "R-1", "--missing-since", "2026-03-26T18:00:00Z",
               "--risk", "severe"},
              5, "mfh: --risk: must be no-apparent, low, medium or high\n");
  ExpectError("police",
              {"missing", "report", "--child", "C1", "--police-force", "MET",
               "--police-ref", "R-1", "--missing-since", "2026-03-26T18:00:00Z",
               "--risk", "high", "--category", "lost"},
              5, "mfh: --category: must be missing or absent\n");
  ExpectError(
      "police",
      {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
       "--returned-at", "2026-03-27T08:00:00Z", "--returned-to", "moon"},
      5,
      "mfh: --returned-to: must be home, placement, hospital, custody "
      "or other\n");
  ExpectError("manager", {"rhi", "list", "--due-within", "soon"}, 5,
              "mfh: --due-within: \"soon\" is not a duration; use e.g. 24h, "
              "3d or 90m\n");
  ExpectError("rhi_worker",
              {"rhi", "complete", "E1", "--at", "2026-03-30T10:00:00Z", "--by",
               "Worker A", "--concerns", "none,cse"},
              5, "mfh: --concerns: must be none, cse, cce or cse,cce\n");
  // The server's own checks name the field and the rule.
  ExpectError("coordinator",
              {"child", "add", "--name", "Future Child", "--dob", "2099-01-01"},
              5, "mfh: date_of_birth: must not be in the future\n");
  ExpectError("coordinator",
              {"--tls-ca", "/nonexistent/ca.pem", "child", "list"}, 5,
              "mfh: --tls-ca: cannot read /nonexistent/ca.pem\n");
}

TEST_F(CliTest, ReturnLogPrintsTheEpisodeAndItsRhiInEachFormat) {
  AddChild();
  Ok("police", kReportR1);
  const std::vector<std::string> log = {
      "return",           "log",
      "--police-force",   "MET",
      "--police-ref",     "R-1",
      "--returned-at",    "2026-03-27T08:00:00Z",
      "--notified-at",    "2026-03-27T10:00:00Z",
      "--found-location", "Central Station",
      "--found-with",     "Alone",
      "--returned-to",    "home"};
  EXPECT_EQ(Ok("police", log), R"--(episode id:          E1
child:               Test Child, 15 (C1)
police force:        MET
police ref:          R-1
category:            MISSING
risk:                HIGH
missing since:       2026-03-26 18:00 GMT
notified at:         2026-03-26 19:30 GMT
returned at:         2026-03-27 08:00 GMT
return notified at:  2026-03-27 10:00 GMT
found location:      Central Station
found with:          Alone
returned to:         home
time missing:        14h 0m
reporter:            -
risk history:        HIGH from 2026-03-26 18:00 GMT (reported)
corrections:         -

RHI
episode id:          E1
child:               Test Child, 15 (C1)
status:              OVERDUE
due at:              2026-03-30 11:00 BST
due from return:     2026-03-30 09:00 BST
returned at:         2026-03-27 08:00 GMT
return notified at:  2026-03-27 10:00 GMT
offered at:          -
offered by:          -
declined at:         -
decline reason:      -
completed at:        -
completed by:        -
concerns:            -
referral made:       -
notes:               -
also covers:         -
closed at:           -
closed reason:       -
offered on time:     no
met deadline:        no
)--");
  EXPECT_EQ(
      MaskRecordedAt(Ok("police", With(log, {"--output", "json"}))),
      R"--({"episode":{"episode_id":"E1","child_id":"C1","police_force":"MET","police_ref":"R-1","category":"CATEGORY_MISSING","risk":"RISK_HIGH","found_location":"Central Station","found_with":"Alone","returned_to":"RETURNED_TO_HOME","reporter":"","risk_history":[{"risk":"RISK_HIGH","recorded_by":"police-user","reason":"reported","from":"2026-03-26T18:00:00Z","recorded_at":"*"}],"corrections":[],"name":"Test Child","age":15,"void_reason":"","missing_since":"2026-03-26T18:00:00Z","notified_at":"2026-03-26T19:30:00Z","returned_at":"2026-03-27T08:00:00Z","return_notified_at":"2026-03-27T10:00:00Z"},"interview":{"episode_id":"E1","child_id":"C1","status":"RHI_STATUS_OVERDUE","offered_on_time":false,"met_deadline":false,"offered_by":"","decline_reason":"","completed_by":"","also_episode_ids":[],"closed_reason":"","name":"Test Child","age":15,"findings_history":[],"follow_ups":[],"due_at":"2026-03-30T10:00:00Z","due_at_from_return":"2026-03-30T08:00:00Z","returned_at":"2026-03-27T08:00:00Z","return_notified_at":"2026-03-27T10:00:00Z"},"already_recorded":true}
)--");
  EXPECT_EQ(
      Ok("police", With(log, {"--output", "csv"})),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,Central Station,Alone,RETURNED_TO_HOME,,,
)--");
}

TEST_F(CliTest, ReturnLoggedTwiceWithTheSameTimesLeavesOneReturn) {
  AddChild();
  Ok("police", kReportR1);
  const std::vector<std::string> log = {
      "return",           "log",
      "--police-force",   "MET",
      "--police-ref",     "R-1",
      "--returned-at",    "2026-03-27T08:00",
      "--notified-at",    "2026-03-27T10:00:00Z",
      "--found-location", "Central Station",
      "--found-with",     "Alone",
      "--returned-to",    "home",
      "--output",         "csv"};
  EXPECT_EQ(
      Ok("police", log),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,Central Station,Alone,RETURNED_TO_HOME,,,
)--");
  EXPECT_EQ(
      Ok("police", log),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,Central Station,Alone,RETURNED_TO_HOME,,,
)--");
  EXPECT_EQ(
      Ok("manager", {"episode", "list", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,Central Station,Alone,RETURNED_TO_HOME,,,
)--");
  EXPECT_EQ(
      Ok("manager", {"rhi", "list", "--all", "--output", "csv"}),
      R"--(episode_id,child_id,name,status,due_at,due_at_from_return,returned_at,return_notified_at,offered_at,offered_by,declined_at,decline_reason,completed_at,completed_by,offered_on_time,met_deadline,concerns,referral_made,notes,also_episode_ids,closed_at,closed_reason
E1,C1,Test Child,RHI_STATUS_OVERDUE,2026-03-30T10:00:00Z,2026-03-30T08:00:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,,,,,,,false,false,,false,,,,
)--");
  // Other details are a conflict: a correction must say why.
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
               "--returned-at", "2026-03-27T07:00:00Z"},
              6,
              "mfh: --returned-at: episode E1 already has a return with other "
              "details: --returned-at 2026-03-27 08:00 GMT (this report: "
              "2026-03-27 07:00 GMT); use mfh return correct to change it\n");
}

TEST_F(CliTest, ReturnBeforeMissingExits5AndChangesNothing) {
  AddChild();
  Ok("police", kReportR1);
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
               "--returned-at", "2026-03-26T17:00:00Z", "--notified-at",
               "2026-03-26T17:30:00Z"},
              5,
              "mfh: --returned-at: must not be before missing_since "
              "(2026-03-26 17:00 GMT is before 2026-03-26 18:00 GMT)\n");
  EXPECT_EQ(
      Ok("police", {"episode", "show", "E1", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, ReturnCorrectKeepsTheChangeInHistory) {
  AddChild();
  Ok("police", kReportR1);
  Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
                "--returned-at", "2026-03-27T08:00:00Z", "--notified-at",
                "2026-03-27T10:00:00Z", "--found-location", "Central Station",
                "--found-with", "Alone", "--returned-to", "home"});
  const std::vector<std::string> correct = {"return",
                                            "correct",
                                            "E1",
                                            "--reason",
                                            "police log corrected",
                                            "--returned-at",
                                            "2026-03-27 07:30",
                                            "--found-location",
                                            "Bus Station"};
  const std::string corrected = Ok("police", correct);
  EXPECT_EQ(corrected, R"--(episode id:          E1
child:               Test Child, 15 (C1)
police force:        MET
police ref:          R-1
category:            MISSING
risk:                HIGH
missing since:       2026-03-26 18:00 GMT
notified at:         2026-03-26 19:30 GMT
returned at:         2026-03-27 07:30 GMT
return notified at:  2026-03-27 10:00 GMT
found location:      Bus Station
found with:          Alone
returned to:         home
time missing:        13h 30m
reporter:            -
risk history:        HIGH from 2026-03-26 18:00 GMT (reported)
corrections:         2026-11-30 12:00 GMT by police-user: police log corrected (returned_at: 2026-03-27 08:00 GMT -> 2026-03-27 07:30 GMT, found_location: changed)

RHI
episode id:          E1
child:               Test Child, 15 (C1)
status:              OVERDUE
due at:              2026-03-30 11:00 BST
due from return:     2026-03-30 08:30 BST
returned at:         2026-03-27 07:30 GMT
return notified at:  2026-03-27 10:00 GMT
offered at:          -
offered by:          -
declined at:         -
decline reason:      -
completed at:        -
completed by:        -
concerns:            -
referral made:       -
notes:               -
also covers:         -
closed at:           -
closed reason:       -
offered on time:     no
met deadline:        no
)--");
  // The same correction again is a retry: nothing more is recorded.
  EXPECT_EQ(Ok("police", correct), corrected);
}

TEST_F(CliTest, EpisodeShowListAndRegrade) {
  AddChild();
  AddChild("Second Child");
  Ok("police", kReportR1);
  Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
                "--returned-at", "2026-03-27T08:00:00Z", "--notified-at",
                "2026-03-27T10:00:00Z", "--found-location", "Central Station",
                "--found-with", "Alone", "--returned-to", "home"});
  Ok("coordinator",
     {"missing", "report", "--child", "C2", "--police-force", "MET",
      "--police-ref", "R-2", "--missing-since", "2026-03-26T20:00:00Z",
      "--notified-at", "2026-03-26T20:30:00Z", "--risk", "low", "--category",
      "absent"});
  EXPECT_EQ(
      Ok("manager", {"episode", "list", "--as-of", "2026-03-27T18:00:00Z"}),
      R"--(EPISODE  CHILD                  FORCE  POLICE REF  CATEGORY  RISK  MISSING SINCE         RETURNED AT           TIME MISSING
E1       Test Child, 15 (C1)    MET    R-1         MISSING   HIGH  2026-03-26 18:00 GMT  2026-03-27 08:00 GMT  14h 0m
E2       Second Child, 15 (C2)  MET    R-2         ABSENT    LOW   2026-03-26 20:00 GMT  -                     22h 0m
)--");
  EXPECT_EQ(
      MaskRecordedAt(
          Ok("manager", {"episode", "list", "--open", "--output", "json"})),
      R"--([{"episode_id":"E2","child_id":"C2","police_force":"MET","police_ref":"R-2","category":"CATEGORY_ABSENT","risk":"RISK_LOW","found_location":"","found_with":"","returned_to":"RETURNED_TO_UNSPECIFIED","reporter":"","risk_history":[{"risk":"RISK_LOW","recorded_by":"coordinator-user","reason":"reported","from":"2026-03-26T20:00:00Z","recorded_at":"*"}],"corrections":[],"name":"Second Child","age":15,"void_reason":"","missing_since":"2026-03-26T20:00:00Z","notified_at":"2026-03-26T20:30:00Z"}]
)--");
  EXPECT_EQ(
      Ok("manager", {"episode", "list", "--child", "C1", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E1,C1,Test Child,MET,R-1,CATEGORY_MISSING,RISK_HIGH,2026-03-26T18:00:00Z,2026-03-26T19:30:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,Central Station,Alone,RETURNED_TO_HOME,,,
)--");
  EXPECT_EQ(Ok("coordinator", {"episode", "regrade", "E2", "--risk", "MEDIUM",
                               "--at", "2026-03-27 09:00"}),
            R"--(episode id:          E2
child:               Second Child, 15 (C2)
police force:        MET
police ref:          R-2
category:            ABSENT
risk:                MEDIUM
missing since:       2026-03-26 20:00 GMT
notified at:         2026-03-26 20:30 GMT
returned at:         -
return notified at:  -
found location:      -
found with:          -
returned to:         -
time missing:        -
reporter:            -
risk history:        LOW from 2026-03-26 20:00 GMT (reported); MEDIUM from 2026-03-27 09:00 GMT (regrade)
corrections:         2026-11-30 12:00 GMT by coordinator-user: regrade (risk: LOW -> MEDIUM from 2026-03-27 09:00 GMT)
)--");
  EXPECT_EQ(
      Ok("rhi_worker", {"episode", "show", "E2", "--output", "csv"}),
      R"--(episode_id,child_id,name,police_force,police_ref,category,risk,missing_since,notified_at,returned_at,return_notified_at,found_location,found_with,returned_to,reporter,voided_at,void_reason
E2,C2,Second Child,MET,R-2,CATEGORY_ABSENT,RISK_MEDIUM,2026-03-26T20:00:00Z,2026-03-26T20:30:00Z,,,,,RETURNED_TO_UNSPECIFIED,,,
)--");
}

TEST_F(CliTest, RhiListFiltersAndCountsDownAsOf) {
  TwoReturnedEpisodes();
  EXPECT_EQ(
      Ok("manager", {"rhi", "list", "--as-of", "2026-03-29T13:00:00Z"}),
      R"--(EPISODE  CHILD                  STATUS  DUE                   DEADLINE       OFFERED  COMPLETED
E1       Test Child, 15 (C1)    DUE     2026-03-30 11:00 BST  due in 21h 0m  -        -
E2       Second Child, 15 (C2)  DUE     2026-04-01 13:30 BST  due in 2d 23h  -        -
)--");
  EXPECT_EQ(
      Ok("manager", {"rhi", "list", "--due-within", "24h", "--as-of",
                     "2026-03-29T13:00:00Z", "--output", "csv"}),
      R"--(episode_id,child_id,name,status,due_at,due_at_from_return,returned_at,return_notified_at,offered_at,offered_by,declined_at,decline_reason,completed_at,completed_by,offered_on_time,met_deadline,concerns,referral_made,notes,also_episode_ids,closed_at,closed_reason
E1,C1,Test Child,RHI_STATUS_DUE,2026-03-30T10:00:00Z,2026-03-30T08:00:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,,,,,,,false,false,,false,,,,
)--");
  EXPECT_EQ(
      Ok("police",
         {"rhi", "list", "--overdue", "--as-of", "2026-03-31T09:00:00Z"}),
      R"--(EPISODE  CHILD                STATUS   DUE                   DEADLINE           OFFERED  COMPLETED
E1       Test Child, 15 (C1)  OVERDUE  2026-03-30 11:00 BST  overdue by 23h 0m  -        -
)--");
  EXPECT_EQ(
      Ok("police",
         {"rhi", "list", "--as-of", "2026-03-31 10:00", "--output", "json"}),
      R"--([{"episode_id":"E1","child_id":"C1","status":"RHI_STATUS_OVERDUE","offered_on_time":false,"met_deadline":false,"offered_by":"","decline_reason":"","completed_by":"","also_episode_ids":[],"closed_reason":"","name":"Test Child","age":15,"findings_history":[],"follow_ups":[],"due_at":"2026-03-30T10:00:00Z","due_at_from_return":"2026-03-30T08:00:00Z","returned_at":"2026-03-27T08:00:00Z","return_notified_at":"2026-03-27T10:00:00Z"},{"episode_id":"E2","child_id":"C2","status":"RHI_STATUS_DUE","offered_on_time":false,"met_deadline":false,"offered_by":"","decline_reason":"","completed_by":"","also_episode_ids":[],"closed_reason":"","name":"Second Child","age":15,"findings_history":[],"follow_ups":[],"due_at":"2026-04-01T12:30:00Z","due_at_from_return":"2026-04-01T12:00:00Z","returned_at":"2026-03-29T12:00:00Z","return_notified_at":"2026-03-29T12:30:00Z"}]
)--");
  EXPECT_EQ(
      Ok("police", {"rhi", "list", "--child", "C1", "--as-of",
                    "2026-03-31T09:00:00Z", "--due-within", "1d"}),
      R"--(EPISODE  CHILD                STATUS   DUE                   DEADLINE           OFFERED  COMPLETED
E1       Test Child, 15 (C1)  OVERDUE  2026-03-30 11:00 BST  overdue by 23h 0m  -        -
)--");
}

TEST_F(CliTest, RhiOfferDeclineCompleteAndClose) {
  TwoReturnedEpisodes();
  // C1 goes missing again before being seen: E3, due 2026-04-02T07:00Z.
  Report("C1", "R-3", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z");
  Return("R-3", "2026-03-30T06:00:00Z", "2026-03-30T07:00:00Z");

  EXPECT_EQ(Ok("rhi_worker", {"rhi", "offer", "E1", "--at", "2026-03-28 09:00",
                              "--by", "Worker A"}),
            R"--(episode id:          E1
child:               Test Child, 15 (C1)
status:              OVERDUE
due at:              2026-03-30 11:00 BST
due from return:     2026-03-30 09:00 BST
returned at:         2026-03-27 08:00 GMT
return notified at:  2026-03-27 10:00 GMT
offered at:          2026-03-28 09:00 GMT
offered by:          Worker A
declined at:         -
decline reason:      -
completed at:        -
completed by:        -
concerns:            -
referral made:       -
notes:               -
also covers:         -
closed at:           -
closed reason:       -
offered on time:     yes
met deadline:        no
)--");
  EXPECT_EQ(
      Ok("police", {"rhi", "show", "E1", "--as-of", "2026-03-29T13:00:00Z",
                    "--output", "json"}),
      R"--({"interview":{"episode_id":"E1","child_id":"C1","status":"RHI_STATUS_OFFERED","offered_on_time":true,"met_deadline":false,"offered_by":"Worker A","decline_reason":"","completed_by":"","also_episode_ids":[],"closed_reason":"","name":"Test Child","age":15,"findings_history":[],"follow_ups":[],"due_at":"2026-03-30T10:00:00Z","due_at_from_return":"2026-03-30T08:00:00Z","offered_at":"2026-03-28T09:00:00Z","returned_at":"2026-03-27T08:00:00Z","return_notified_at":"2026-03-27T10:00:00Z"}}
)--");
  // One interview covers both of C1's open RHIs.
  EXPECT_EQ(
      Ok("rhi_worker",
         {"rhi", "complete", "E3", "--at", "2026-03-30 10:00", "--by",
          "Worker A", "--concerns", "cse", "--referral", "--notes",
          "Seen alone, said \"fine\"", "--also", "E1", "--output", "csv"}),
      R"--(episode_id,child_id,name,status,due_at,due_at_from_return,returned_at,return_notified_at,offered_at,offered_by,declined_at,decline_reason,completed_at,completed_by,offered_on_time,met_deadline,concerns,referral_made,notes,also_episode_ids,closed_at,closed_reason
E3,C1,Test Child,RHI_STATUS_COMPLETED,2026-04-02T07:00:00Z,2026-04-02T06:00:00Z,2026-03-30T06:00:00Z,2026-03-30T07:00:00Z,,,,,2026-03-30T09:00:00Z,Worker A,true,true,CONCERN_CSE,true,"Seen alone, said ""fine""",E1,,
E1,C1,Test Child,RHI_STATUS_COMPLETED,2026-03-30T10:00:00Z,2026-03-30T08:00:00Z,2026-03-27T08:00:00Z,2026-03-27T10:00:00Z,2026-03-28T09:00:00Z,Worker A,,,2026-03-30T09:00:00Z,Worker A,true,true,CONCERN_CSE,true,"Seen alone, said ""fine""",E3,,
)--");
  EXPECT_EQ(Ok("rhi_worker", {"rhi", "show", "E3"}),
            R"--(episode id:          E3
child:               Test Child, 15 (C1)
status:              COMPLETED
due at:              2026-04-02 08:00 BST
due from return:     2026-04-02 07:00 BST
returned at:         2026-03-30 07:00 BST
return notified at:  2026-03-30 08:00 BST
offered at:          -
offered by:          -
declined at:         -
decline reason:      -
completed at:        2026-03-30 10:00 BST
completed by:        Worker A
concerns:            CSE
referral made:       yes
notes:               Seen alone, said "fine"
also covers:         E1
closed at:           -
closed reason:       -
offered on time:     yes
met deadline:        yes
)--");
  // The police see the due time and status, not what the child said.
  EXPECT_EQ(Ok("police", {"rhi", "show", "E3"}), R"--(episode id:          E3
child:               Test Child, 15 (C1)
status:              COMPLETED
due at:              2026-04-02 08:00 BST
due from return:     2026-04-02 07:00 BST
returned at:         2026-03-30 07:00 BST
return notified at:  2026-03-30 08:00 BST
offered at:          -
offered by:          -
declined at:         -
decline reason:      -
completed at:        2026-03-30 10:00 BST
completed by:        Worker A
concerns:            -
referral made:       -
notes:               -
also covers:         E1
closed at:           -
closed reason:       -
offered on time:     yes
met deadline:        yes
)--");

  EXPECT_EQ(
      Ok("coordinator",
         {"rhi", "decline", "E2", "--at", "2026-03-30T10:00:00Z", "--reason",
          "did not want to talk", "--output", "json"}),
      R"--({"interview":{"episode_id":"E2","child_id":"C2","status":"RHI_STATUS_DECLINED","offered_on_time":true,"met_deadline":true,"offered_by":"","decline_reason":"did not want to talk","completed_by":"","also_episode_ids":[],"closed_reason":"","name":"Second Child","age":15,"findings_history":[],"follow_ups":[],"due_at":"2026-04-01T12:30:00Z","due_at_from_return":"2026-04-01T12:00:00Z","declined_at":"2026-03-30T10:00:00Z","returned_at":"2026-03-29T12:00:00Z","return_notified_at":"2026-03-29T12:30:00Z"}}
)--");
  ExpectError("rhi_worker",
              {"rhi", "decline", "E2", "--at", "2026-03-30T11:00:00Z",
               "--reason", "changed mind"},
              6,
              "mfh: EPISODE_ID: the RHI for episode E2 is already DECLINED and "
              "cannot change\n");

  AddChild("Third Child");
  AddChild("Fourth Child");
  Report("C3", "R-4", "2026-04-01T18:00:00Z", "2026-04-01T18:30:00Z");
  Return("R-4", "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");
  Report("C4", "R-5", "2026-04-01T18:00:00Z", "2026-04-01T18:30:00Z");
  Return("R-5", "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");
  // closed_at is the server's clock.
  EXPECT_EQ(Mask(Ok("rhi_worker", {"rhi", "not-held", "E4", "--reason",
                                   "three visits, no answer"}),
                 "(closed at: +).*", "$1*"),
            R"--(episode id:          E4
child:               Third Child, 15 (C3)
status:              NOT_HELD
due at:              2026-04-05 10:00 BST
due from return:     2026-04-05 09:00 BST
returned at:         2026-04-02 09:00 BST
return notified at:  2026-04-02 10:00 BST
offered at:          -
offered by:          -
declined at:         -
decline reason:      -
completed at:        -
completed by:        -
concerns:            -
referral made:       -
notes:               -
also covers:         -
closed at:           *
closed reason:       three visits, no answer
offered on time:     no
met deadline:        no
)--");
  EXPECT_EQ(
      Mask(Ok("coordinator", {"rhi", "not-required", "E5", "--reason",
                              "in custody", "--output", "csv"}),
           "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,in custody",
           "*,in custody"),
      R"--(episode_id,child_id,name,status,due_at,due_at_from_return,returned_at,return_notified_at,offered_at,offered_by,declined_at,decline_reason,completed_at,completed_by,offered_on_time,met_deadline,concerns,referral_made,notes,also_episode_ids,closed_at,closed_reason
E5,C4,Fourth Child,RHI_STATUS_NOT_REQUIRED,2026-04-05T09:00:00Z,2026-04-05T08:00:00Z,2026-04-02T08:00:00Z,2026-04-02T09:00:00Z,,,,,,,false,false,,false,,,*,in custody
)--");
  // Closing takes the server's clock as its time: as of a time after it,
  // nothing is left open.
  EXPECT_EQ(Ok("manager", {"rhi", "list", "--as-of", "2099-01-01T00:00:00Z"}),
            "EPISODE  CHILD  STATUS  DUE  DEADLINE  OFFERED  COMPLETED\n");
}

// Every command in every format: the table starts with its header or first
// label, the JSON is JSON of the right shape, the CSV starts with its header.
// (The whole outputs are pinned above, per record type.)
TEST_F(CliTest, EveryCommandPrintsEachFormat) {
  TwoReturnedEpisodes();
  Ok("police",
     {"missing", "report", "--child", "C2", "--police-force", "MET",
      "--police-ref", "R-3", "--missing-since", "2026-04-01T18:00:00Z",
      "--notified-at", "2026-04-01T18:30:00Z", "--risk", "low"});
  const std::string kChildCsv =
      "child_id,name,date_of_birth,la_ref,looked_after,placing_authority,"
      "flags,sex,ethnicity,social_worker,team,placement,school,contacts\n";
  const std::string kEpisodeCsv =
      "episode_id,child_id,name,police_force,police_ref,category,risk,missing_"
      "since,notified_at,returned_at,return_notified_at,found_location,found_"
      "with,returned_to,reporter,";
  const std::string kRhiCsv =
      "episode_id,child_id,name,status,due_at,due_at_from_return,"
      "returned_at,return_notified_at,offered_at,offered_by,declined_at,"
      "decline_reason,"
      "completed_at,completed_by,offered_on_time,met_deadline,concerns,"
      "referral_made,notes,also_episode_ids,closed_at,closed_reason\n";
  const std::string kUserCsv = "name,role,created_at,revoked_at";
  const std::string kAlreadyRecorded =
      "Already recorded: this was sent before; nothing changed.\nepisode id:";
  const std::string kAuditCsv =
      "audit_id,at,user,role,rpc,child_ids,episode_ids,outcome,subject\n";
  struct Case {
    std::string role;
    // Run once per format; {N} in an argument becomes 0, 1, 2 so that
    // commands that are not retries can run three times.
    std::vector<std::string> args;
    std::string table_start;
    std::string json_start;
    std::string csv_start;
  };
  const std::vector<Case> cases = {
      {"coordinator",
       {"child", "add", "--name", "Child {N}", "--dob", "2012-02-02"},
       "child id:",
       "{\"child\":{",
       kChildCsv},
      {"police",
       {"child", "show", "C1"},
       "child id:",
       "{\"child\":{",
       kChildCsv},
      {"police", {"child", "list"}, "CHILD  NAME", "[{", kChildCsv},
      {"coordinator",
       {"child", "flag", "C1", "--set", "cse_concern", "--at",
        "2026-03-27T10:00:00Z"},
       "child id:",
       "{\"child\":{",
       kChildCsv},
      // Retries of what TwoReturnedEpisodes sent: the table says so first.
      {"police", kReportR1, kAlreadyRecorded, "{\"episode\":{", kEpisodeCsv},
      {"police",
       {"return", "log", "--police-force", "MET", "--police-ref", "R-2",
        "--returned-at", "2026-03-29T12:00:00Z"},
       kAlreadyRecorded,
       "{\"episode\":{",
       kEpisodeCsv},
      {"police",
       {"return", "correct", "E2", "--reason", "typo", "--found-with",
        "Friend {N}"},
       "episode id:",
       "{\"episode\":{",
       kEpisodeCsv},
      {"police",
       {"episode", "show", "E1"},
       "episode id:",
       "{\"episode\":{",
       kEpisodeCsv},
      {"police", {"episode", "list"}, "EPISODE  CHILD", "[{", kEpisodeCsv},
      {"police",
       {"episode", "regrade", "E3", "--risk", "high", "--at",
        "2026-04-01T2{N}:00:00Z"},
       "episode id:",
       "{\"episode\":{",
       kEpisodeCsv},
      {"manager", {"rhi", "list", "--all"}, "EPISODE  CHILD", "[{", kRhiCsv},
      {"manager",
       {"rhi", "show", "E1"},
       "episode id:",
       "{\"interview\":{",
       kRhiCsv},
      {"rhi_worker",
       {"rhi", "offer", "E1", "--at", "2026-03-28T09:00:00Z", "--by", "A"},
       "episode id:",
       "{\"interview\":{",
       kRhiCsv},
      {"rhi_worker",
       {"rhi", "complete", "E1", "--at", "2026-03-29T09:00:00Z", "--by", "A",
        "--concerns", "none"},
       "episode id:",
       "{\"interview\":{",
       kRhiCsv},
      {"rhi_worker",
       {"rhi", "decline", "E2", "--at", "2026-03-30T09:00:00Z", "--reason",
        "no"},
       "episode id:",
       "{\"interview\":{",
       kRhiCsv},
      {"admin",
       {"user", "add", "user-{N}", "--role", "police"},
       "name:",
       "{\"user\":{",
       kUserCsv},
      {"admin", {"user", "list"}, "NAME  ", "[{", kUserCsv},
      {"admin", {"user", "revoke", "user-0"}, "name:", "{\"user\":{", kUserCsv},
      {"admin", {"audit", "list"}, "ID  AT", "[{", kAuditCsv}};
  for (const Case& c : cases) {
    int n = 0;
    for (const std::string format : {"table", "json", "csv"}) {
      std::vector<std::string> args;
      for (const std::string& a : c.args) {
        args.push_back(
            std::regex_replace(a, std::regex("\\{N\\}"), absl::StrCat(n)));
      }
      ++n;
      args.insert(args.end(), {"--output", format});
      const std::string name = absl::StrJoin(args, " ");
      const std::string out = Ok(c.role, args);
      const std::string& start = format == "table"  ? c.table_start
                                 : format == "json" ? c.json_start
                                                    : c.csv_start;
      EXPECT_EQ(out.substr(0, start.size()), start) << name << "\n" << out;
      EXPECT_EQ(out.back(), '\n') << name;
      if (format == "json") {
        google::protobuf::Value value;
        EXPECT_TRUE(
            google::protobuf::util::JsonStringToMessage(out, &value).ok())
            << name << "\n"
            << out;
        EXPECT_EQ(out.find('\n'), out.size() - 1) << name;
      }
    }
  }
  // Closing an RHI, retried in each format (the same reason is a retry).
  Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", "R-3",
                "--returned-at", "2026-04-02T08:00:00Z"});
  Report("C3", "R-4", "2026-04-01T18:00:00Z", "2026-04-01T18:30:00Z");
  Return("R-4", "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");
  for (const auto& [verb, episode] :
       std::vector<std::pair<std::string, std::string>>{
           {"not-held", "E3"}, {"not-required", "E4"}}) {
    for (const std::string format : {"table", "json", "csv"}) {
      const std::string out =
          Ok("coordinator",
             {"rhi", verb, episode, "--reason", "gone", "--output", format});
      const std::string start = format == "table"  ? "episode id:"
                                : format == "json" ? "{\"interview\":{"
                                                   : kRhiCsv;
      EXPECT_EQ(out.substr(0, start.size()), start) << verb << " " << format;
    }
  }
}

TEST_F(CliTest, UnknownIdsExit3) {
  ExpectError("coordinator", {"child", "show", "C99"}, 3,
              "mfh: CHILD: no child C99\n");
  ExpectError("coordinator", {"episode", "show", "E42"}, 3,
              "mfh: ID: no episode E42\n");
  ExpectError("rhi_worker",
              {"rhi", "offer", "E42", "--at", "2026-03-28T09:00:00Z"}, 3,
              "mfh: EPISODE_ID: no episode E42\n");
  ExpectError("police",
              {"return", "log", "--police-force", "MET", "--police-ref", "NOPE",
               "--returned-at", "2026-03-27T08:00:00Z"},
              3,
              "mfh: --police-ref: no episode with --police-force MET and "
              "--police-ref NOPE\n");
  ExpectError("admin", {"user", "revoke", "nobody"}, 3,
              "mfh: name: no user nobody\n");
}

TEST_F(CliTest, MissingTokenExits4BeforeAnyCall) {
  ExpectError("", {"child", "list"}, 4,
              "mfh: no token: give --token or set MFH_TOKEN\n");
  // Not even a dial: the server named does not exist.
  ExpectError("",
              {"--server", absl::StrCat("127.0.0.1:", UnusedPort()), "child",
               "show", "C1"},
              4, "mfh: no token: give --token or set MFH_TOKEN\n");
}

TEST_F(CliTest, WrongRoleOrUnknownTokenExits4) {
  ExpectError("police",
              {"child", "add", "--name", "Test Child", "--dob", "2011-05-14"},
              4, "mfh: role: police may not use mfh child add\n");
  ExpectError("admin", {"child", "list"}, 4,
              "mfh: role: admin may not use mfh child list\n");
  ExpectError("coordinator", {"user", "list"}, 4,
              "mfh: role: coordinator may not use mfh user list\n");
  ExpectError("manager", {"rhi", "offer", "E1", "--at", "2026-03-28T09:00:00Z"},
              4, "mfh: role: manager may not use mfh rhi offer\n");
  // --token wins over MFH_TOKEN.
  ExpectError("coordinator", {"child", "list", "--token", "not-a-token"}, 4,
              "mfh: authorization: the token is unknown or revoked\n");
}

TEST_F(CliTest, ServerNotRunningExits7) {
  const std::string address = absl::StrCat("127.0.0.1:", UnusedPort());
  CommandResult r = RunCommand(
      {MFH_CLI_BINARY, "child", "list"},
      {{"MFH_SERVER", address}, {"MFH_TOKEN", tokens_.at("coordinator")}});
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            absl::StrCat("mfh: server: cannot reach mfh-server at ", address,
                         " (not running, wrong address, or a TLS "
                         "mismatch)\n"));
  ExpectError("coordinator", {"--server", address, "child", "show", "C1"}, 7,
              absl::StrCat("mfh: server: cannot reach mfh-server at ", address,
                           " (not running, wrong address, or a TLS "
                           "mismatch)\n"));
}

TEST_F(CliTest, UsageErrorsExit2) {
  ExpectError("police", {"missing", "report", "--child", "C1"}, 2,
              "mfh: --police-force is required (see --help)\n");
  ExpectError("manager", {"child", "list", "--bogus"}, 2,
              "mfh: The following argument was not expected: --bogus (see "
              "--help)\n");
  ExpectError("manager", {"child"}, 2,
              "mfh: A subcommand is required (see --help)\n");
  ExpectError("manager", {"meeting"}, 2,
              "mfh: A subcommand is required (see --help)\n");
  ExpectError("manager", {"--output", "xml", "child", "list"}, 2,
              "mfh: --output: xml not in {table,json,csv} (see --help)\n");
  ExpectError(
      "coordinator",
      {"child", "flag", "C1", "--set", "open_to_cst", "--clear", "cse_concern"},
      2,
      "mfh: Exactly 1 option from [--set,--clear] is required and 2 "
      "were given (see --help)\n");
}

TEST_F(CliTest, HelpDescribesEveryCommandWithAnExample) {
  CommandResult top = RunCommand({MFH_CLI_BINARY, "--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* word :
       {"--server", "MFH_SERVER", "--token", "MFH_TOKEN", "--output",
        "--tls-ca", "child", "missing", "return", "episode", "rhi", "user",
        "audit", "Exit codes", "Examples:"}) {
    EXPECT_NE(top.out.find(word), std::string::npos) << word;
  }
  const std::vector<std::vector<std::string>> leaves = {
      {"child", "add"},       {"child", "show"},       {"child", "list"},
      {"child", "flag"},      {"missing", "report"},   {"return", "log"},
      {"return", "correct"},  {"episode", "show"},     {"episode", "list"},
      {"episode", "regrade"}, {"rhi", "list"},         {"rhi", "show"},
      {"rhi", "offer"},       {"rhi", "decline"},      {"rhi", "complete"},
      {"rhi", "not-held"},    {"rhi", "not-required"}, {"user", "add"},
      {"user", "list"},       {"user", "revoke"},      {"audit", "list"}};
  for (const std::vector<std::string>& leaf : leaves) {
    CommandResult r = RunCommand({MFH_CLI_BINARY, leaf[0], leaf[1], "--help"});
    const std::string name = absl::StrCat(leaf[0], " ", leaf[1]);
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_NE(r.out.find(absl::StrCat("Usage: mfh ", name)), std::string::npos)
        << name << "\n"
        << r.out;
    EXPECT_NE(r.out.find(absl::StrCat("Example:\n  mfh ", name)),
              std::string::npos)
        << name << "\n"
        << r.out;
  }
  CommandResult complete =
      RunCommand({MFH_CLI_BINARY, "rhi", "complete", "--help"});
  for (const char* flag :
       {"--at", "--by", "--concerns", "--referral", "--notes", "--also"}) {
    EXPECT_NE(complete.out.find(flag), std::string::npos) << flag;
  }
}

TEST_F(CliTest, UserAddListRevokeAndAudit) {
  const std::string added =
      Ok("admin", {"user", "add", "jo.bloggs", "--role", "coordinator"});
  std::smatch token;
  ASSERT_TRUE(std::regex_search(added, token,
                                std::regex("token:       ([0-9a-f]{64})\n")))
      << added;
  EXPECT_EQ(Mask(added, "[0-9a-f]{64}", "TOKEN"),
            "name:        jo.bloggs\n"
            "role:        coordinator\n"
            "created at:  " +
                Mask(added, "(?:.|\n)*created at:  ([^\n]*)\n(?:.|\n)*", "$1") +
                "\n"
                "revoked at:  -\n"
                "token:       TOKEN\n");
  EXPECT_TRUE(std::regex_search(
      added, std::regex("created at:  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d "
                        "(GMT|BST)\n")));
  // The new token works at once.
  CommandResult as_jo =
      RunCommand({MFH_CLI_BINARY, "--token", token[1].str(), "child", "list"},
                 {{"MFH_SERVER", server_->address()}});
  EXPECT_EQ(as_jo.exit_code, 0) << as_jo.err;
  EXPECT_EQ(
      as_jo.out,
      R"--(CHILD  NAME  DATE OF BIRTH  AGE  LA REF  LOOKED AFTER  PLACING AUTHORITY  FLAGS
)--");

  const std::string kUtc =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
  std::vector<std::string> users = absl::StrSplit(
      Mask(Ok("admin", {"user", "list", "--output", "csv"}), kUtc, "T"), '\n');
  std::sort(users.begin(), users.end());
  EXPECT_EQ(users,
            (std::vector<std::string>{
                "", "admin-user,ROLE_ADMIN,T,",
                "coordinator-user,ROLE_COORDINATOR,T,",
                "jo.bloggs,ROLE_COORDINATOR,T,", "manager-user,ROLE_MANAGER,T,",
                "name,role,created_at,revoked_at", "police-user,ROLE_POLICE,T,",
                "rhi_worker-user,ROLE_RHI_WORKER,T,"}));

  EXPECT_EQ(
      Mask(Ok("admin", {"user", "revoke", "jo.bloggs", "--output", "json"}),
           kUtc, "T"),
      "{\"user\":{\"name\":\"jo.bloggs\",\"role\":\"ROLE_COORDINATOR\","
      "\"created_at\":\"T\",\"revoked_at\":\"T\"}}\n");
  CommandResult revoked =
      RunCommand({MFH_CLI_BINARY, "--token", token[1].str(), "child", "list"},
                 {{"MFH_SERVER", server_->address()}});
  EXPECT_EQ(revoked.exit_code, 4);
  EXPECT_EQ(revoked.err,
            "mfh: authorization: the token is unknown or revoked\n");

  AddChild();
  Ok("manager", {"child", "show", "C1"});
  EXPECT_EQ(
      Mask(Mask(Ok("admin",
                   {"audit", "list", "--child", "C1", "--output", "csv"}),
                kUtc, "T"),
           "\n\\d+,", "\nN,"),
      "audit_id,at,user,role,rpc,child_ids,episode_ids,outcome,subject\nN,T,"
      "coordinator-user,ROLE_COORDINATOR,CreateChild,C1,,OK,\nN,T,manager-user,"
      "ROLE_MANAGER,GetChild,C1,,OK,\nN,T,manager-user,ROLE_MANAGER,"
      "ListEpisodes,C1,,OK,\nN,T,manager-user,ROLE_MANAGER,ListInterviews,C1,,"
      "OK,\nN,T,manager-user,ROLE_MANAGER,ListActions,C1,,OK,\n");
  EXPECT_EQ(Ok("admin", {"audit", "list", "--since", "2099-01-01T00:00:00Z"}),
            "ID  AT  USER  ROLE  RPC  CHILDREN  EPISODES  OUTCOME  SUBJECT\n");
}

TEST_F(CliTest, CsvIsQuotedAndSafeToOpenInASpreadsheet) {
  Ok("coordinator",
     {"child", "add", "--name", "=HYPERLINK(\"http://x\",\"y\")", "--dob",
      "2012-01-02", "--la-ref", "LA,7", "--looked-after"});
  EXPECT_EQ(Ok("manager", {"child", "list", "--output", "csv"}),
            "child_id,name,date_of_birth,la_ref,looked_after,placing_authority,"
            "flags,sex,ethnicity,social_worker,team,placement,school,"
            "contacts\nC1,\"'=HYPERLINK(\"\"http://"
            "x\"\",\"\"y\"\")\",2012-01-02,\"LA,7\",true,,,,,,,,,\n");
  Report("C1", "R-1", "2026-05-01T10:00:00Z", "2026-05-01T10:30:00Z");
  // The SSDA903 file, as sent to the DfE, keeps its columns: the la_ref is
  // one quoted field.
  EXPECT_EQ(
      Ok("manager", {"report", "ssda903", "--year", "2026", "--output", "csv"}),
      "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
      "\"LA,7\",02/01/2012,M,01/05/2026,\r\n");
}

}  // namespace
}  // namespace mfh
