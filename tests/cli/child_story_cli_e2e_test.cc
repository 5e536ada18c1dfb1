// The child's profile, its history of changes, and the whole story at a
// glance (DESIGN.md section 11), through the real mfh and mfh-server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_fixture.h"

namespace mfh {
namespace {

using ::testing::HasSubstr;

// The server's day is 30 November 2026, 12:00 GMT (the harness's clock).
class ChildStoryTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    Ok("coordinator", {"child",
                       "add",
                       "--name",
                       "Amara Okafor",
                       "--dob",
                       "2012-03-01",
                       "--la-ref",
                       "LA-77",
                       "--looked-after",
                       "--sex",
                       "Female",
                       "--ethnicity",
                       "bafr",
                       "--social-worker",
                       "Jo Smith",
                       "--team",
                       "North CIN",
                       "--placement",
                       "Foster carer",
                       "--school",
                       "Oak Academy",
                       "--contact",
                       "Mum: 07700 900123",
                       "--contact",
                       "Aunt: 07700 900456"});
  }
};

TEST_F(ChildStoryTest, TheProfileIsKeptAndEachChangeIsInTheHistory) {
  EXPECT_EQ(Ok("coordinator", {"child", "update", "amara okafor", "--school",
                               "Elm High", "--team", "North CIN",
                               "--looked-after=false", "--output", "csv"}),
            "child_id,name,date_of_birth,la_ref,looked_after,"
            "placing_authority,flags,sex,ethnicity,social_worker,team,"
            "placement,school,contacts\n"
            "C1,Amara Okafor,2012-03-01,LA-77,false,,,female,BAFR,Jo Smith,"
            "North CIN,Foster carer,Elm High,Mum: 07700 900123; Aunt: 07700 "
            "900456\n");
  // The same again changes nothing and adds no history.
  Ok("coordinator", {"child", "update", "C1", "--school", "Elm High"});
  Ok("coordinator", {"child", "update", "C1", "--contact", ""});
  EXPECT_THAT(Ok("coordinator", {"child", "show", "C1"}),
              HasSubstr("contacts:           -\n"
                        "changes:            2026-11-30 12:00 GMT by "
                        "coordinator-user: looked_after: yes -> no, school: "
                        "Oak Academy -> Elm High; 2026-11-30 12:00 GMT by "
                        "coordinator-user: contacts: Mum: 07700 900123; Aunt: "
                        "07700 900456 -> -\n"));
}

// The server remembers names and dates of birth between calls; a change to
// either is shown by the very next read.
TEST_F(ChildStoryTest, ARenamedChildIsShownByTheNewNameAndAgeAtOnce) {
  Report("C1", "R-1", "2026-11-20 20:00", "2026-11-20 20:30");
  EXPECT_THAT(Ok("coordinator", {"episode", "show", "E1"}),
              HasSubstr("child:               Amara Okafor, 14 (C1)\n"));
  Ok("coordinator",
     {"child", "update", "C1", "--name", "Amara Bello", "--dob", "2011-11-30"});
  EXPECT_THAT(Ok("coordinator", {"episode", "show", "E1"}),
              HasSubstr("child:               Amara Bello, 15 (C1)\n"));
}

TEST_F(ChildStoryTest, AProfileValueOutsideTheListsIsRefusedNamingTheFlag) {
  ExpectError("coordinator", {"child", "update", "C1", "--sex", "boy"}, 5,
              "mfh: --sex: must be male, female, other or unknown\n");
  ExpectError("coordinator",
              {"child", "update", "C1", "--ethnicity", "British"}, 5,
              "mfh: --ethnicity: must be a DfE code: WBRI, WIRI, WIRT, WOTH, "
              "WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, "
              "BAFR, BOTH, CHNE, OOTH, REFU, NOBT\n");
  ExpectError("coordinator", {"child", "update", "C1"}, 5,
              "mfh: CHILD: the update changes nothing (give a field to "
              "change)\n");
  ExpectError("police", {"child", "update", "C1", "--school", "X"}, 4,
              "mfh: role: police may not use mfh child update\n");
}

TEST_F(ChildStoryTest, ShowTellsTheWholeStoryAtAGlance) {
  Report("C1", "R-1", "2026-11-20 20:00", "2026-11-20 20:30");
  Ok("police",
     {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
      "--returned-at", "2026-11-21 07:00", "--notified-at", "2026-11-21 08:00",
      "--found-location", "Central Station", "--found-with", "Older males"});
  Ok("coordinator", {"rhi", "complete", "E1", "--at", "2026-11-22 10:00",
                     "--by", "Kim Lee", "--concerns", "cse", "--referral"});
  Report("C1", "R-2", "2026-11-30 09:00", "2026-11-30 09:15");
  Ok("coordinator", {"meeting", "open"});
  Ok("coordinator", {"meeting", "action", "M1", "--child", "C1", "--what",
                     "Home visit", "--who", "Jo Smith", "--by-when",
                     "2026-12-02 17:00", "--done-when", "Visit recorded"});
  const std::string story = Ok("coordinator", {"child", "show", "LA-77"});
  EXPECT_THAT(story, HasSubstr("social worker:      Jo Smith\n"));
  EXPECT_THAT(story,
              HasSubstr("\nEpisodes\n"
                        "EPISODE  MISSING SINCE         RETURNED AT           "
                        "RISK  FOUND AT         FOUND WITH   INTERVIEW  "
                        "FINDINGS\n"
                        "E1       2026-11-20 20:00 GMT  2026-11-21 07:00 GMT  "
                        "HIGH  Central Station  Older males  COMPLETED  CSE, "
                        "referral made\n"
                        "E2       2026-11-30 09:00 GMT  -                     "
                        "HIGH  -                -            -          -\n"
                        "\nOpen actions\n"));
  EXPECT_THAT(story, HasSubstr("Home visit"));
  // The police see the interview's status, not what it found.
  EXPECT_THAT(Ok("police", {"child", "show", "C1"}),
              HasSubstr("Older males  COMPLETED  -\n"));
  const std::string json =
      Ok("coordinator", {"child", "show", "C1", "--output", "json"});
  EXPECT_THAT(json, HasSubstr("{\"child\":{\"child_id\":\"C1\""));
  EXPECT_THAT(json, HasSubstr(",\"episodes\":[{\"episode_id\":\"E1\""));
  EXPECT_THAT(json, HasSubstr(",\"interviews\":[{\"episode_id\":\"E1\""));
  EXPECT_THAT(json, HasSubstr(",\"actions\":[{\"action_id\":\"A1\""));
}

}  // namespace
}  // namespace mfh
