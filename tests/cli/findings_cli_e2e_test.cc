// What interviews find (DESIGN.md section 10) through the real mfh and
// mfh-server: findings with their versions, follow-ups after a decline,
// intelligence shared with the police and acknowledged, hotspots across
// children, the agenda's exploitation concerns and the monthly counts; and
// the police never read the findings themselves.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_fixture.h"

namespace mfh {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The server's day is 30 November 2026, 12:00 GMT (the harness's clock).
// C1 Amara Okafor (14), C2 Sam Jones (15), C3 Lee Brown (13). E1 of C1 and
// E2 of C2 returned and interviewed; E3 of C3 returned and declined.
class FindingsTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    Ok("coordinator",
       {"child", "add", "--name", "Amara Okafor", "--dob", "2012-03-01"});
    Ok("coordinator",
       {"child", "add", "--name", "Sam Jones", "--dob", "2011-05-14"});
    Ok("coordinator",
       {"child", "add", "--name", "Lee Brown", "--dob", "2013-01-09"});
    Report("C1", "R-1", "2026-11-20 20:00", "2026-11-20 20:30");
    Return("R-1", "2026-11-21 07:00", "2026-11-21 08:00");
    Report("C2", "R-2", "2026-11-22 20:00", "2026-11-22 20:30");
    Return("R-2", "2026-11-23 07:00", "2026-11-23 08:00");
    Report("C3", "R-3", "2026-11-24 20:00", "2026-11-24 20:30");
    Return("R-3", "2026-11-25 07:00", "2026-11-25 08:00");
    Ok("rhi_worker", {"rhi", "complete", "E1", "--at", "2026-11-21 15:00",
                      "--by", "Worker A", "--concerns", "cce"});
    Ok("rhi_worker", {"rhi", "complete", "E2", "--at", "2026-11-23 15:00",
                      "--by", "Worker A", "--concerns", "none"});
    Ok("rhi_worker", {"rhi", "decline", "E3", "--at", "2026-11-25 15:00",
                      "--reason", "did not want to talk"});
  }

  void AmarasFindings() {
    Ok("rhi_worker", {"rhi",
                      "findings",
                      "E1",
                      "--push",
                      "family-conflict",
                      "--push",
                      "other:no bed of her own",
                      "--pull",
                      "older-peers",
                      "--place",
                      "Wigan Bus Station",
                      "--associate",
                      "Jay, about 20, black Audi",
                      "--indicator",
                      "cce",
                      "--indicator",
                      "county-lines",
                      "--voice",
                      "They give me a phone",
                      "--share-with-police",
                      "--basis",
                      "Crime and Disorder Act 1998 s.115"});
  }
  void SamsFindings() {
    Ok("rhi_worker", {"rhi", "findings", "E2", "--place", "wigan  bus station.",
                      "--associate",
                      "Jay, about 20, "
                      "black Audi",
                      "--referral", "wise"});
  }
};

TEST_F(FindingsTest, FindingsAreShownWithTheirVersionAndKeptWhenReplaced) {
  AmarasFindings();
  const std::string shown = Ok("coordinator", {"rhi", "show", "E1"});
  EXPECT_THAT(
      shown,
      HasSubstr(
          "findings:            version 1, recorded 2026-11-30 12:00 GMT by "
          "rhi_worker-user\n"
          "push factors:        family conflict, other (no bed of her own)\n"
          "pull factors:        older peers\n"
          "indicators:          CCE, county lines\n"
          "places:              Wigan Bus Station\n"
          "associates:          Jay, about 20, black Audi\n"
          "child's words:       They give me a phone\n"
          "referral:            none\n"
          "shared with police:  yes (Crime and Disorder Act 1998 s.115)\n"));
  // The same findings again are a retry: still version 1.
  AmarasFindings();
  EXPECT_THAT(Ok("coordinator", {"rhi", "show", "E1"}),
              HasSubstr("findings:            version 1,"));
  Ok("coordinator",
     {"rhi", "findings", "E1", "--indicator", "cce", "--referral", "cst"});
  const std::string json =
      Ok("manager", {"rhi", "show", "E1", "--output", "json"});
  EXPECT_THAT(json, HasSubstr(R"("findings":{"push_factors":[],)"));
  EXPECT_THAT(json, HasSubstr(R"("referral":"REFERRAL_CST",)"));
  EXPECT_THAT(json, HasSubstr(R"("version":2,)"));
  EXPECT_THAT(
      json,
      HasSubstr(
          R"("findings_history":[{"push_factors":["PUSH_FAMILY_CONFLICT","PUSH_OTHER"],"push_other":"no bed of her own",)"));
  // The chronology has both versions, and never the child's words.
  const std::string chronology = Ok(
      "manager", {"report", "chronology", "--child", "C1", "--output", "csv"});
  EXPECT_THAT(chronology,
              HasSubstr("rhi_findings,E1,,,\"findings v1: push: family "
                        "conflict, other (no bed of her own); pull: older "
                        "peers; indicators: CCE, county lines; places: Wigan "
                        "Bus Station; associates: Jay, about 20, black Audi; "
                        "referral: none; shared with police (Crime and "
                        "Disorder Act 1998 s.115)\",rhi_worker-user"));
  EXPECT_THAT(chronology, Not(HasSubstr("phone")));
}

TEST_F(FindingsTest, RefusalsNameTheFieldAndChangeNothing) {
  ExpectError(
      "rhi_worker",
      {"rhi", "findings", "E1", "--place", "Park", "--share-with-police"}, 5,
      "mfh: --basis: required when --share-with-police is set (the "
      "lawful basis, or the child's consent)\n");
  ExpectError("rhi_worker",
              {"rhi", "findings", "E1", "--place", "Park", "--place", " "}, 5,
              "mfh: --place #2: empty (name the place or person, or leave it "
              "out)\n");
  ExpectError("rhi_worker", {"rhi", "findings", "E3", "--place", "Park"}, 6,
              "mfh: EPISODE_ID: the RHI for episode E3 is DECLINED, not "
              "completed; findings are recorded on a completed interview\n");
  ExpectError("rhi_worker", {"rhi", "findings", "E1", "--push", "boredom!"}, 5,
              "mfh: --push: \"boredom!\" is not one of family-conflict, "
              "placement-unhappy, abuse-or-neglect, domestic-abuse, "
              "parental-substance-misuse, boundaries-and-rules, bullying, "
              "school-problems, mental-health, bereavement-or-loss, "
              "identity-or-sexuality, boredom, other (other:TEXT names one)\n");
  ExpectError("police", {"rhi", "findings", "E1", "--place", "Park"}, 4,
              "mfh: role: police may not use mfh rhi findings\n");
  ExpectError("rhi_worker",
              {"rhi", "follow-up", "E1", "--at", "2026-11-26 10:00", "--by",
               "Worker A"},
              6,
              "mfh: EPISODE_ID: the RHI for episode E1 is COMPLETED, not "
              "declined; a follow-up is recorded after a decline\n");
  EXPECT_THAT(Ok("coordinator", {"rhi", "show", "E1"}),
              Not(HasSubstr("findings:")));
}

TEST_F(FindingsTest, ThePoliceReadOnlyWhatWasSharedAndAcknowledgeIt) {
  AmarasFindings();
  SamsFindings();
  EXPECT_THAT(Ok("police", {"rhi", "show", "E1"}), Not(HasSubstr("findings:")));
  EXPECT_EQ(Ok("police", {"intel", "list", "--output", "csv"}),
            "episode_id,child_id,name,age,recorded_at,indicators,places,"
            "associates,share_basis,acknowledged_at,acknowledged_by\n"
            "E1,C1,Amara Okafor,14,2026-11-30T12:00:00Z,INDICATOR_CCE;"
            "INDICATOR_COUNTY_LINES,Wigan Bus Station,\"Jay, about 20, black "
            "Audi\",Crime and Disorder Act 1998 s.115,,\n");
  const std::string json = Ok("police", {"intel", "list", "--output", "json"});
  EXPECT_THAT(json, Not(HasSubstr("phone")));
  EXPECT_THAT(json, Not(HasSubstr("PUSH_")));
  ExpectError("police", {"intel", "ack", "E2"}, 3,
              "mfh: EPISODE_ID: nothing from the interview for episode E2 "
              "was shared with the police\n");
  EXPECT_EQ(Ok("police", {"intel", "ack", "E1"}),
            "episode id:       E1\n"
            "child:            Amara Okafor, 14 (C1)\n"
            "recorded at:      2026-11-30 12:00 GMT\n"
            "indicators:       CCE, county lines\n"
            "places:           Wigan Bus Station\n"
            "associates:       Jay, about 20, black Audi\n"
            "basis:            Crime and Disorder Act 1998 s.115\n"
            "acknowledged at:  2026-11-30 12:00 GMT\n"
            "acknowledged by:  police-user\n");
  EXPECT_EQ(Ok("police", {"intel", "list", "--unacknowledged"}),
            "EPISODE  CHILD  RECORDED  INDICATORS  PLACES  ASSOCIATES  "
            "ACKNOWLEDGED\n");
  ExpectError("rhi_worker", {"intel", "list"}, 4,
              "mfh: role: rhi_worker may not use mfh intel list\n");
}

TEST_F(FindingsTest, HotspotsMatchSpellingsAcrossChildren) {
  AmarasFindings();
  SamsFindings();
  EXPECT_EQ(Ok("manager", {"report", "hotspots", "--from", "2026-11-01T00:00",
                           "--to", "2026-12-01T00:00"}),
            "KIND       NAME                       CHILDREN  NAMED IN\n"
            "place      Wigan Bus Station          2         Amara Okafor, 14 "
            "(C1): E1 2026-11-21 15:00 GMT; Sam Jones, 15 (C2): E2 2026-11-23 "
            "15:00 GMT\n"
            "associate  Jay, about 20, black Audi  2         Amara Okafor, 14 "
            "(C1): E1 2026-11-21 15:00 GMT; Sam Jones, 15 (C2): E2 2026-11-23 "
            "15:00 GMT\n");
  EXPECT_EQ(Ok("manager",
               {"report", "hotspots", "--from", "2026-11-01T00:00", "--to",
                "2026-12-01T00:00", "--min-children", "3", "--output", "csv"}),
            "kind,name,children,mentions\n");
  // The monthly PDF has them on its second page, under the trends.
  const std::string pdf = dir_.File("monthly.pdf");
  Ok("manager", {"report", "monthly", "--month", "2026-11", "--pdf", pdf});
  const testing::CommandResult text = testing::RunCommand(
      {"/usr/bin/pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-"});
  EXPECT_THAT(text.out, HasSubstr("Hotspots: places and associates named for "
                                  "two or more children"));
  // This server's policy names no authority: every page says so.
  EXPECT_THAT(text.out,
              HasSubstr("(no authority named: set authority in the policy)"));
  EXPECT_THAT(text.out, ::testing::ContainsRegex(
                            "place +Wigan Bus Station +2 +C1 E1, C2 E2"));
  EXPECT_THAT(text.out,
              ::testing::ContainsRegex(
                  "associate +Jay, about 20, black Audi +2 +C1 E1, C2 E2"));
  ExpectError("police",
              {"report", "hotspots", "--from", "2026-11-01T00:00", "--to",
               "2026-12-01T00:00"},
              4, "mfh: role: police may not use mfh report hotspots\n");
}

TEST_F(FindingsTest, TheAgendaListsIndicatorsWithNoReferralYet) {
  AmarasFindings();
  SamsFindings();
  const std::string agenda = Ok("coordinator", {"agenda"});
  EXPECT_THAT(agenda,
              HasSubstr("Exploitation concerns (1)\n"
                        "  CHILD                  EPISODE  INDICATORS         "
                        "INTERVIEW COMPLETED   FLAGS\n"
                        "  Amara Okafor, 14 (C1)  E1       CCE, county lines  "
                        "2026-11-21 15:00 GMT  -\n"));
  EXPECT_THAT(Ok("police", {"agenda"}),
              HasSubstr("Exploitation concerns (0)\n  none\n"));
  // Shared 24 hours ago and not acknowledged: counted.
  server_->SetNow(absl::FromCivil(absl::CivilSecond(2026, 12, 1, 12, 0, 0),
                                  absl::UTCTimeZone()));
  EXPECT_THAT(Ok("coordinator", {"agenda", "--output", "json"}),
              HasSubstr(R"("intelligence_unacknowledged":1,)"));
  EXPECT_THAT(Ok("coordinator", {"agenda"}),
              HasSubstr("Intelligence shared with the police and not "
                        "acknowledged after 24 hours: 1 (mfh intel list "
                        "--unacknowledged)\n"));
}

TEST_F(FindingsTest, AFollowUpAfterADeclineIsCountedInTheMonth) {
  AmarasFindings();
  SamsFindings();
  Ok("rhi_worker",
     {"rhi", "follow-up", "E3", "--at", "2026-11-26 16:00", "--by", "Worker B",
      "--engaged", "no", "--notes", "spoke to the carer"});
  EXPECT_THAT(Ok("coordinator", {"rhi", "show", "E3"}),
              HasSubstr("follow-ups:          2026-11-26 16:00 GMT by Worker "
                        "B, not engaged: spoke to the carer\n"));
  Ok("police", {"intel", "ack", "E1"});
  EXPECT_THAT(
      Ok("manager",
         {"report", "monthly", "--month", "2026-11", "--output", "json"}),
      HasSubstr(R"("interviews_with_indicators":1,"referrals_cst":0,)"
                R"("referrals_mash":0,"referrals_wise":1,)"
                R"("intelligence_shared":1,"intelligence_acknowledged":1,)"
                R"("rhis_declined":1,"declines_followed_up":1)"));
}

}  // namespace
}  // namespace mfh
