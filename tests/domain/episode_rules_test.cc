#include "services/domain/episode_rules.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kNow = T("2026-04-01T12:00:00Z");

MissingReport ValidReport() {
  MissingReport r;
  r.child_id = "C1";
  r.police_force = "MET";
  r.police_ref = "R-1";
  r.missing_since = T("2026-03-26T18:00:00Z");
  r.notified_at = T("2026-03-26T19:30:00Z");
  r.risk = Risk::kHigh;
  return r;
}

void ExpectInvalid(const absl::Status& s, const std::string& message) {
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_EQ(s.message(), message);
}

TEST(OpenAtTest, AnEpisodeIsOpenFromItsStartUntilJustBeforeItsReturn) {
  Episode e;
  e.missing_since = T("2026-03-29T00:30:00Z");
  EXPECT_FALSE(OpenAt(e, e.missing_since - absl::Microseconds(1)));
  EXPECT_TRUE(OpenAt(e, e.missing_since));
  EXPECT_TRUE(OpenAt(e, T("2027-01-01T00:00:00Z")));
  e.returned_at = T("2026-03-29T01:30:00Z");
  EXPECT_TRUE(OpenAt(e, *e.returned_at - absl::Microseconds(1)));
  EXPECT_FALSE(OpenAt(e, *e.returned_at));
}

TEST(MissingReportTest, AValidReportPasses) {
  EXPECT_TRUE(ValidateMissingReport(ValidReport(), kNow).ok());
}

TEST(MissingReportTest, ChildIdIsRequired) {
  MissingReport r = ValidReport();
  r.child_id.clear();
  ExpectInvalid(ValidateMissingReport(r, kNow), "child_id: required");
}

TEST(MissingReportTest, PoliceForceIsRequired) {
  MissingReport r = ValidReport();
  r.police_force.clear();
  ExpectInvalid(ValidateMissingReport(r, kNow), "police_force: required");
}

TEST(MissingReportTest, PoliceRefIsRequired) {
  MissingReport r = ValidReport();
  r.police_ref.clear();
  ExpectInvalid(ValidateMissingReport(r, kNow), "police_ref: required");
}

TEST(MissingReportTest, MissingSinceIsRequired) {
  MissingReport r = ValidReport();
  r.missing_since.reset();
  ExpectInvalid(ValidateMissingReport(r, kNow), "missing_since: required");
}

TEST(MissingReportTest, RiskIsRequired) {
  MissingReport r = ValidReport();
  r.risk = Risk::kUnspecified;
  ExpectInvalid(ValidateMissingReport(r, kNow),
                "risk: required (NO_APPARENT_RISK, LOW, MEDIUM or HIGH)");
}

TEST(MissingReportTest, MissingSinceMayNotBeMoreThanFiveMinutesAhead) {
  MissingReport r = ValidReport();
  r.missing_since = kNow + absl::Minutes(6);
  r.notified_at.reset();
  ExpectInvalid(ValidateMissingReport(r, kNow),
                "missing_since: must not be later than the server's clock "
                "plus 5 minutes (2026-04-01T12:06:00Z is after "
                "2026-04-01T12:00:00Z)");
}

TEST(MissingReportTest, NotifiedAtMayNotBeMoreThanFiveMinutesAhead) {
  MissingReport r = ValidReport();
  r.notified_at = kNow + absl::Hours(1);
  EXPECT_EQ(ValidateMissingReport(r, kNow).message().substr(0, 12),
            "notified_at:");
}

TEST(MissingReportTest, NotifiedBeforeMissingSinceIsInvalid) {
  MissingReport r = ValidReport();
  r.notified_at = T("2026-03-26T17:59:59Z");
  ExpectInvalid(ValidateMissingReport(r, kNow),
                "notified_at: must not be before missing_since "
                "(2026-03-26T17:59:59Z is before 2026-03-26T18:00:00Z)");
}

TEST(MissingReportTest, DefaultNotificationIsTheServerClock) {
  MissingReport r = ValidReport();
  r.notified_at.reset();
  Episode e = NewEpisode(r, kNow, "police-user");
  EXPECT_EQ(e.notified_at, kNow);
  EXPECT_EQ(e.category, Category::kMissing);
  ASSERT_EQ(e.risk_history.size(), 1u);
  EXPECT_EQ(e.risk_history[0].from, e.missing_since);
  EXPECT_EQ(e.risk_history[0].recorded_by, "police-user");
}

TEST(MissingReportTest, RetryComparesOnlySuppliedFields) {
  Episode stored = NewEpisode(ValidReport(), kNow, "u");
  MissingReport retry = ValidReport();
  retry.notified_at.reset();
  retry.category.reset();
  EXPECT_TRUE(IsSameReport(stored, retry));
  retry.category = Category::kAbsent;
  EXPECT_FALSE(IsSameReport(stored, retry));
  retry = ValidReport();
  retry.missing_since = T("2026-03-26T18:00:01Z");
  EXPECT_FALSE(IsSameReport(stored, retry));
  retry = ValidReport();
  retry.child_id = "C2";
  EXPECT_FALSE(IsSameReport(stored, retry));
}

TEST(MissingReportTest, RetryComparesTheRiskFirstReportedNotTheRegrade) {
  Episode stored = NewEpisode(ValidReport(), kNow, "u");
  stored.risk_history.push_back(
      {Risk::kLow, T("2026-03-27T00:00:00Z"), kNow, "u", "regrade"});
  stored.risk = Risk::kLow;
  EXPECT_TRUE(IsSameReport(stored, ValidReport()));
}

TEST(MissingReportTest, ARetryWithAnotherRiskOrReporterIsNotTheSameReport) {
  MissingReport first = ValidReport();
  first.reporter = "PC Jones";
  Episode stored = NewEpisode(first, kNow, "u");
  MissingReport retry = first;
  EXPECT_TRUE(IsSameReport(stored, retry));
  retry.risk = Risk::kMedium;
  EXPECT_FALSE(IsSameReport(stored, retry));
  retry = first;
  retry.reporter = "PC Smith";
  EXPECT_FALSE(IsSameReport(stored, retry));
  retry.reporter.clear();
  EXPECT_TRUE(IsSameReport(stored, retry));
  retry = first;
  retry.notified_at = T("2026-03-26T19:30:01Z");
  EXPECT_FALSE(IsSameReport(stored, retry));
  // After a regrade to LOW, a retry that says LOW is not the report that
  // was made (HIGH), even though LOW is the grade in force now.
  stored.risk_history.push_back(
      {Risk::kLow, T("2026-03-27T00:00:00Z"), kNow, "u", "regrade"});
  stored.risk = Risk::kLow;
  retry = first;
  retry.risk = Risk::kLow;
  EXPECT_FALSE(IsSameReport(stored, retry));
}

Episode EpisodeOf(const std::string& id, absl::Time from,
                  std::optional<absl::Time> to) {
  Episode e;
  e.episode_id = id;
  e.child_id = "C1";
  e.missing_since = from;
  e.returned_at = to;
  return e;
}

TEST(FitsBesideOthersTest, ASecondOpenEpisodeNamesTheOpenOne) {
  absl::Status s = CheckFitsBesideOthers(
      EpisodeOf("", T("2026-03-27T00:00:00Z"), std::nullopt),
      {EpisodeOf("E4", T("2026-03-20T00:00:00Z"), std::nullopt)});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "child_id: child C1 is already missing in open episode E4");
}

TEST(FitsBesideOthersTest, StartingBeforeThePreviousReturnOverlaps) {
  absl::Status s = CheckFitsBesideOthers(
      EpisodeOf("", T("2026-03-21T23:59:59Z"), std::nullopt),
      {EpisodeOf("E4", T("2026-03-20T00:00:00Z"), T("2026-03-22T00:00:00Z"))});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "missing_since: the missing period would overlap episode E4 of "
            "child C1 (2026-03-20T00:00:00Z to 2026-03-22T00:00:00Z)");
}

TEST(FitsBesideOthersTest, StartingAtThePreviousReturnIsAllowed) {
  EXPECT_TRUE(CheckFitsBesideOthers(
                  EpisodeOf("", T("2026-03-22T00:00:00Z"), std::nullopt),
                  {EpisodeOf("E4", T("2026-03-20T00:00:00Z"),
                             T("2026-03-22T00:00:00Z"))})
                  .ok());
}

TEST(FitsBesideOthersTest, AnEpisodeDoesNotOverlapItself) {
  Episode e = EpisodeOf("E4", T("2026-03-20T00:00:00Z"), std::nullopt);
  EXPECT_TRUE(CheckFitsBesideOthers(e, {e}).ok());
}

ReturnReport ValidReturn() {
  ReturnReport r;
  r.police_force = "MET";
  r.police_ref = "R-1";
  r.returned_at = T("2026-03-27T08:00:00Z");
  r.return_notified_at = T("2026-03-27T10:00:00Z");
  r.found_location = "Central Station";
  return r;
}

TEST(ReturnReportTest, AValidReturnPasses) {
  EXPECT_TRUE(ValidateReturnReport(ValidReturn(), kNow).ok());
}

TEST(ReturnReportTest, PoliceReferenceOrEpisodeIdIsRequired) {
  ReturnReport r = ValidReturn();
  r.police_force.clear();
  ExpectInvalid(ValidateReturnReport(r, kNow),
                "police_force: required with police_ref (or give episode_id)");
  r = ValidReturn();
  r.police_ref.clear();
  ExpectInvalid(ValidateReturnReport(r, kNow),
                "police_ref: required with police_force (or give episode_id)");
  r.police_force.clear();
  r.episode_id = "E1";
  EXPECT_TRUE(ValidateReturnReport(r, kNow).ok());
}

TEST(ReturnReportTest, ReturnedAtIsRequired) {
  ReturnReport r = ValidReturn();
  r.returned_at.reset();
  ExpectInvalid(ValidateReturnReport(r, kNow), "returned_at: required");
}

TEST(ReturnReportTest, ReturnedAtMayNotBeInTheFuture) {
  ReturnReport r = ValidReturn();
  r.returned_at = kNow + absl::Hours(2);
  r.return_notified_at.reset();
  EXPECT_EQ(ValidateReturnReport(r, kNow).message().substr(0, 12),
            "returned_at:");
}

TEST(ReturnReportTest, NotificationBeforeTheReturnIsInvalid) {
  ReturnReport r = ValidReturn();
  r.return_notified_at = T("2026-03-27T07:00:00Z");
  ExpectInvalid(ValidateReturnReport(r, kNow),
                "return_notified_at: must not be before returned_at "
                "(2026-03-27T07:00:00Z is before 2026-03-27T08:00:00Z)");
}

TEST(ReturnReportTest, ReturnBeforeMissingSinceIsInvalidAndChangesNothing) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ReturnReport r = ValidReturn();
  r.returned_at = T("2026-03-26T17:00:00Z");
  ExpectInvalid(ApplyReturn(r, kNow, e),
                "returned_at: must not be before missing_since "
                "(2026-03-26T17:00:00Z is before 2026-03-26T18:00:00Z)");
  EXPECT_TRUE(e.open());
}

TEST(ReturnReportTest, TheSameReturnAgainIsARetryAndOtherDetailsAreNot) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ASSERT_TRUE(ApplyReturn(ValidReturn(), kNow, e).ok());
  ReturnReport retry = ValidReturn();
  retry.return_notified_at.reset();
  retry.found_location.clear();
  EXPECT_TRUE(IsSameReturn(e, retry));
  retry.found_location = "Elsewhere";
  EXPECT_FALSE(IsSameReturn(e, retry));
}

TEST(ReturnReportTest, EverySuppliedDetailOfAReturnIsCompared) {
  ReturnReport first = ValidReturn();
  first.found_with = "an older friend";
  first.returned_to = ReturnedTo::kPlacement;
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ASSERT_TRUE(ApplyReturn(first, kNow, e).ok());
  ReturnReport retry = first;
  EXPECT_TRUE(IsSameReturn(e, retry));
  retry.found_with = "alone";
  EXPECT_FALSE(IsSameReturn(e, retry));
  retry.found_with.clear();
  EXPECT_TRUE(IsSameReturn(e, retry));
  retry = first;
  retry.returned_to = ReturnedTo::kHome;
  EXPECT_FALSE(IsSameReturn(e, retry));
  retry.returned_to = ReturnedTo::kUnspecified;
  EXPECT_TRUE(IsSameReturn(e, retry));
  retry = first;
  retry.return_notified_at = T("2026-03-27T10:00:01Z");
  EXPECT_FALSE(IsSameReturn(e, retry));
  retry = first;
  retry.returned_at = T("2026-03-27T08:00:01Z");
  EXPECT_FALSE(IsSameReturn(e, retry));
}

TEST(ReturnCorrectionTest, AReasonIsRequired) {
  ExpectInvalid(ValidateReturnCorrection({.episode_id = "E1"}, kNow),
                "reason: required");
}

TEST(ReturnCorrectionTest, AnEpisodeWithoutAReturnCannotBeCorrected) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  e.episode_id = "E1";
  ReturnCorrection c{.episode_id = "E1",
                     .reason = "typo",
                     .returned_at = T("2026-03-27T09:00:00Z")};
  absl::StatusOr<std::optional<Correction>> r =
      ApplyReturnCorrection(c, kNow, "u", e);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(r.status().message(),
            "episode_id: episode E1 has no return to correct; log the return "
            "first");
}

TEST(ReturnCorrectionTest, KeepsThePreviousValuesInTheCorrection) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ASSERT_TRUE(ApplyReturn(ValidReturn(), kNow, e).ok());
  ReturnCorrection c{.episode_id = "E1",
                     .reason = "typo in the time",
                     .returned_at = T("2026-03-27T09:00:00Z")};
  absl::StatusOr<std::optional<Correction>> r =
      ApplyReturnCorrection(c, kNow, "coord", e);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->changes,
            std::vector<std::string>{
                "returned_at: 2026-03-27T08:00:00Z -> 2026-03-27T09:00:00Z"});
  EXPECT_EQ((*r)->reason, "typo in the time");
  EXPECT_EQ((*r)->by, "coord");
  EXPECT_EQ(e.returned_at, T("2026-03-27T09:00:00Z"));
  EXPECT_EQ(e.corrections.size(), 1u);
}

TEST(ReturnCorrectionTest, ACorrectionThatBreaksTheOrderChangesNothing) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ASSERT_TRUE(ApplyReturn(ValidReturn(), kNow, e).ok());
  ReturnCorrection c{.episode_id = "E1",
                     .reason = "r",
                     .returned_at = T("2026-03-27T11:00:00Z")};
  ExpectInvalid(ApplyReturnCorrection(c, kNow, "u", e).status(),
                "return_notified_at: must not be before returned_at "
                "(2026-03-27T10:00:00Z is before 2026-03-27T11:00:00Z)");
  EXPECT_EQ(e.returned_at, T("2026-03-27T08:00:00Z"));
}

TEST(ReturnCorrectionTest, ACorrectionThatChangesNothingIsARetry) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  ASSERT_TRUE(ApplyReturn(ValidReturn(), kNow, e).ok());
  ReturnCorrection c{.episode_id = "E1",
                     .reason = "r",
                     .returned_at = T("2026-03-27T09:00:00Z")};
  ASSERT_TRUE(ApplyReturnCorrection(c, kNow, "u", e).ok());
  absl::StatusOr<std::optional<Correction>> again =
      ApplyReturnCorrection(c, kNow, "u", e);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  EXPECT_EQ(e.corrections.size(), 1u);
}

TEST(EpisodeUpdateTest, AReasonIsRequired) {
  ExpectInvalid(
      ValidateEpisodeUpdate(
          {.episode_id = "E1", .risk = Risk::kLow, .risk_from = kNow}, kNow),
      "reason: required");
}

TEST(EpisodeUpdateTest, ARegradeNeedsTheTimeItAppliesFrom) {
  ExpectInvalid(
      ValidateEpisodeUpdate(
          {.episode_id = "E1", .reason = "r", .risk = Risk::kLow}, kNow),
      "risk_from: required with risk (the time the new grade applies from)");
}

TEST(EpisodeUpdateTest, ATimeWithoutAGradeIsInvalid) {
  ExpectInvalid(
      ValidateEpisodeUpdate(
          {.episode_id = "E1", .reason = "r", .risk_from = kNow}, kNow),
      "risk: required with risk_from");
}

TEST(EpisodeUpdateTest, AnEmptyUpdateIsInvalid) {
  EXPECT_EQ(
      ValidateEpisodeUpdate({.episode_id = "E1", .reason = "r"}, kNow).code(),
      absl::StatusCode::kInvalidArgument);
}

TEST(EpisodeUpdateTest, ARegradeKeepsTheHistoryAndChangesTheCurrentRisk) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  std::optional<RiskGrade> grade;
  EpisodeUpdate u{.episode_id = "E1",
                  .reason = "found to be with adults",
                  .risk = Risk::kMedium,
                  .risk_from = T("2026-03-27T00:00:00Z")};
  absl::StatusOr<std::optional<Correction>> r =
      ApplyEpisodeUpdate(u, kNow, "coord", e, grade);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_value());
  ASSERT_TRUE(grade.has_value());
  EXPECT_EQ(e.risk, Risk::kMedium);
  ASSERT_EQ(e.risk_history.size(), 2u);
  EXPECT_EQ(e.risk_history[0].risk, Risk::kHigh);
  EXPECT_EQ(RiskAt(e.risk_history, T("2026-03-26T23:59:59Z")), Risk::kHigh);
  EXPECT_EQ(RiskAt(e.risk_history, T("2026-03-27T00:00:00Z")), Risk::kMedium);
  EXPECT_EQ((*r)->changes,
            std::vector<std::string>{
                "risk: HIGH -> MEDIUM from 2026-03-27T00:00:00Z"});
}

TEST(EpisodeUpdateTest, TheSameRegradeAgainIsARetryThatRecordsNothing) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  std::optional<RiskGrade> grade;
  EpisodeUpdate u{.episode_id = "E1",
                  .reason = "r",
                  .risk = Risk::kMedium,
                  .risk_from = T("2026-03-27T00:00:00Z")};
  ASSERT_TRUE(ApplyEpisodeUpdate(u, kNow, "u", e, grade).ok());
  absl::StatusOr<std::optional<Correction>> again =
      ApplyEpisodeUpdate(u, kNow, "u", e, grade);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  EXPECT_FALSE(grade.has_value());
  EXPECT_EQ(e.risk_history.size(), 2u);
  EXPECT_EQ(e.corrections.size(), 1u);
}

TEST(EpisodeUpdateTest, CorrectingMissingSinceAfterTheNotificationIsInvalid) {
  Episode e = NewEpisode(ValidReport(), kNow, "u");
  std::optional<RiskGrade> grade;
  EpisodeUpdate u{.episode_id = "E1",
                  .reason = "r",
                  .missing_since = T("2026-03-26T20:00:00Z")};
  ExpectInvalid(ApplyEpisodeUpdate(u, kNow, "u", e, grade).status(),
                "notified_at: must not be before missing_since "
                "(2026-03-26T19:30:00Z is before 2026-03-26T20:00:00Z)");
  EXPECT_EQ(e.missing_since, T("2026-03-26T18:00:00Z"));
}

}  // namespace
}  // namespace mfh::domain
