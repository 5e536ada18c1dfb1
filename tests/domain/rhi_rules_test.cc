#include "services/domain/rhi_rules.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

Policy DefaultPolicy() {
  Policy p;
  p.timezone = London();
  return p;
}

Episode Returned(absl::Time returned_at, absl::Time notified_at,
                 Category category = Category::kMissing) {
  Episode e;
  e.episode_id = "E1";
  e.child_id = "C1";
  e.category = category;
  e.missing_since = returned_at - absl::Hours(10);
  e.returned_at = returned_at;
  e.return_notified_at = notified_at;
  return e;
}

const absl::CivilDay kDob(2012, 5, 14);

TEST(RhiDeadlineTest, CountsElapsedHoursAcrossTheSpringClockChange) {
  // Friday 27 March 2026, 10:00 GMT; the clocks go forward on Sunday 29th.
  std::optional<Rhi> rhi = NewRhi(
      DefaultPolicy(),
      Returned(T("2026-03-27T10:00:00Z"), T("2026-03-27T10:00:00Z")), kDob);
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, T("2026-03-30T10:00:00Z"));  // 11:00 BST on Monday
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d %H:%M %Z", rhi->due_at, London()),
            "2026-03-30 11:00 BST");
}

TEST(RhiDeadlineTest, CountsElapsedHoursAcrossTheAutumnClockChange) {
  // Friday 23 October 2026, 10:00 BST; the clocks go back on Sunday 25th.
  std::optional<Rhi> rhi = NewRhi(
      DefaultPolicy(),
      Returned(T("2026-10-23T09:00:00Z"), T("2026-10-23T09:00:00Z")), kDob);
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, T("2026-10-26T09:00:00Z"));
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d %H:%M %Z", rhi->due_at, London()),
            "2026-10-26 09:00 GMT");
}

TEST(RhiDeadlineTest, DefaultClockStartsAtTheNotificationOfReturn) {
  std::optional<Rhi> rhi = NewRhi(
      DefaultPolicy(),
      Returned(T("2026-02-02T08:00:00Z"), T("2026-02-02T13:30:00Z")), kDob);
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, T("2026-02-05T13:30:00Z"));
  EXPECT_EQ(rhi->due_at_from_return, T("2026-02-05T08:00:00Z"));
}

TEST(RhiDeadlineTest, ReturnClockStartsAtTheReturnItself) {
  Policy policy = DefaultPolicy();
  policy.rhi_clock_start = RhiClockStart::kReturn;
  std::optional<Rhi> rhi = NewRhi(
      policy, Returned(T("2026-02-02T08:00:00Z"), T("2026-02-02T13:30:00Z")),
      kDob);
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, T("2026-02-05T08:00:00Z"));
  EXPECT_EQ(rhi->due_at_from_return, T("2026-02-05T08:00:00Z"));
}

TEST(RhiDeadlineTest, PolicyDeadlineReplacesSeventyTwoHours) {
  Policy policy = DefaultPolicy();
  policy.rhi_deadline = absl::Hours(48);
  std::optional<Rhi> rhi = NewRhi(
      policy, Returned(T("2026-02-02T08:00:00Z"), T("2026-02-02T08:00:00Z")),
      kDob);
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->due_at, T("2026-02-04T08:00:00Z"));
}

TEST(NewRhiTest, AbsentEpisodesGetNoRhiWhenThePolicySkipsThem) {
  Policy policy = DefaultPolicy();
  policy.skip_rhi_for_absent = true;
  const Episode absent = Returned(T("2026-02-02T08:00:00Z"),
                                  T("2026-02-02T08:00:00Z"), Category::kAbsent);
  EXPECT_FALSE(NewRhi(policy, absent, kDob).has_value());
  EXPECT_TRUE(NewRhi(DefaultPolicy(), absent, kDob).has_value());
  const Episode missing =
      Returned(T("2026-02-02T08:00:00Z"), T("2026-02-02T08:00:00Z"));
  EXPECT_TRUE(NewRhi(policy, missing, kDob).has_value());
}

TEST(NewRhiTest, ChildEighteenOnTheDayOfReturnNeedsNoRhi) {
  // Born 1 Feb 2008: 18 on 1 Feb 2026 (London), returned 00:30 GMT that day.
  std::optional<Rhi> rhi =
      NewRhi(DefaultPolicy(),
             Returned(T("2026-02-01T00:30:00Z"), T("2026-02-01T09:00:00Z")),
             absl::CivilDay(2008, 2, 1));
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->closure, RhiClosure::kNotRequired);
  EXPECT_EQ(rhi->closed_reason, "adult");
  EXPECT_EQ(StatusAsOf(*rhi, T("2026-02-01T09:00:00Z")),
            RhiStatus::kNotRequired);
}

TEST(NewRhiTest, ChildSeventeenTheDayBeforeTheBirthdayIsOwedAnRhi) {
  std::optional<Rhi> rhi =
      NewRhi(DefaultPolicy(),
             Returned(T("2026-01-31T23:30:00Z"), T("2026-02-01T09:00:00Z")),
             absl::CivilDay(2008, 2, 1));
  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->closure, RhiClosure::kNone);
}

class RhiStatusTest : public ::testing::Test {
 protected:
  RhiStatusTest() {
    rhi_ = *NewRhi(
        DefaultPolicy(),
        Returned(T("2026-03-02T10:00:00Z"), T("2026-03-02T10:00:00Z")), kDob);
  }
  Rhi rhi_;  // due 2026-03-05T10:00:00Z
};

TEST_F(RhiStatusTest, DueBeforeTheDeadlineAndOverdueFromItOn) {
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-02T10:00:00Z")), RhiStatus::kDue);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-05T09:59:59Z")), RhiStatus::kDue);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-05T10:00:00Z")), RhiStatus::kOverdue);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-04-05T10:00:00Z")), RhiStatus::kOverdue);
}

TEST_F(RhiStatusTest, OfferedCountsFromTheOfferUntilTheDeadline) {
  rhi_.offered_at = T("2026-03-03T12:00:00Z");
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-03T11:59:59Z")), RhiStatus::kDue);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-03T12:00:00Z")), RhiStatus::kOffered);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-05T10:00:00Z")), RhiStatus::kOverdue);
  EXPECT_TRUE(OfferedOnTime(rhi_));
  EXPECT_FALSE(MetDeadline(rhi_));
}

TEST_F(RhiStatusTest, CompletedLateKeepsItsLateness) {
  rhi_.completed_at = T("2026-03-06T10:00:00Z");
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-05T12:00:00Z")), RhiStatus::kOverdue);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-06T10:00:00Z")), RhiStatus::kCompleted);
  EXPECT_FALSE(MetDeadline(rhi_));
  EXPECT_FALSE(OfferedOnTime(rhi_));
}

TEST_F(RhiStatusTest, CompletedAtTheDueInstantMeetsTheDeadline) {
  rhi_.completed_at = T("2026-03-05T10:00:00Z");
  EXPECT_TRUE(MetDeadline(rhi_));
  EXPECT_TRUE(OfferedOnTime(rhi_));
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-05T10:00:00Z")), RhiStatus::kCompleted);
}

TEST_F(RhiStatusTest, DeclinedOnTimeMeetsTheDeadline) {
  rhi_.declined_at = T("2026-03-04T10:00:00Z");
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-04T10:00:00Z")), RhiStatus::kDeclined);
  EXPECT_TRUE(MetDeadline(rhi_));
}

TEST_F(RhiStatusTest, NotHeldIsNeverMet) {
  rhi_.closure = RhiClosure::kNotHeld;
  rhi_.closed_at = T("2026-03-04T10:00:00Z");
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-04T10:00:00Z")), RhiStatus::kNotHeld);
  EXPECT_EQ(StatusAsOf(rhi_, T("2026-03-04T09:00:00Z")), RhiStatus::kDue);
  EXPECT_FALSE(MetDeadline(rhi_));
}

TEST_F(RhiStatusTest, AnRhiIsOpenUntilTheInstantItIsDoneOrClosed) {
  const absl::Time done = rhi_.due_at + absl::Hours(5);
  EXPECT_TRUE(OpenAsOf(rhi_, rhi_.due_at + absl::Hours(100)));
  Rhi completed = rhi_;
  completed.completed_at = done;
  EXPECT_TRUE(OpenAsOf(completed, done - absl::Microseconds(1)));
  EXPECT_FALSE(OpenAsOf(completed, done));
  Rhi declined = rhi_;
  declined.declined_at = done;
  EXPECT_FALSE(OpenAsOf(declined, done));
  Rhi not_held = rhi_;
  not_held.closure = RhiClosure::kNotHeld;
  not_held.closed_at = done;
  EXPECT_TRUE(OpenAsOf(not_held, done - absl::Microseconds(1)));
  EXPECT_FALSE(OpenAsOf(not_held, done));
  Rhi offered = rhi_;
  offered.offered_at = rhi_.returned_at;
  EXPECT_TRUE(OpenAsOf(offered, done));
}

TEST_F(RhiStatusTest, CompletedOnTimeIsACompletionAtOrBeforeDueAt) {
  Rhi r = rhi_;
  EXPECT_FALSE(CompletedOnTime(r));
  r.declined_at = r.due_at;
  EXPECT_FALSE(CompletedOnTime(r));
  EXPECT_TRUE(MetDeadline(r));
  r.completed_at = r.due_at;
  EXPECT_TRUE(CompletedOnTime(r));
  r.completed_at = r.due_at + absl::Microseconds(1);
  EXPECT_FALSE(CompletedOnTime(r));
}

TEST_F(RhiStatusTest, MetFromReturnUsesTheReturnClock) {
  rhi_.return_notified_at = T("2026-03-02T15:00:00Z");
  SetDueTimes(DefaultPolicy(), rhi_);
  rhi_.completed_at = T("2026-03-05T12:00:00Z");
  EXPECT_TRUE(MetDeadline(rhi_));             // due 15:00
  EXPECT_FALSE(MetDeadlineFromReturn(rhi_));  // due 10:00
}

TEST(RhiValidationTest, OfferNeedsTheEpisodeAndATimeNotInTheFuture) {
  const absl::Time now = T("2026-03-10T00:00:00Z");
  EXPECT_EQ(ValidateOffer({"", now, ""}, now).message(),
            "episode_id: required");
  EXPECT_EQ(ValidateOffer({"E1", std::nullopt, ""}, now).message(),
            "at: required");
  absl::Status future =
      ValidateOffer({"E1", now + absl::Minutes(5) + absl::Seconds(1), ""}, now);
  EXPECT_EQ(future.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(future.message(),
            "at: must not be later than the server's clock plus 5 minutes "
            "(2026-03-10T00:05:01Z is after 2026-03-10T00:00:00Z)");
  EXPECT_TRUE(ValidateOffer({"E1", now + absl::Minutes(5), ""}, now).ok());
}

TEST(RhiValidationTest, DeclineNeedsAReason) {
  const absl::Time now = T("2026-03-10T00:00:00Z");
  absl::Status s = ValidateDecline({"E1", now, ""}, now);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "reason: required");
}

TEST(RhiValidationTest, CompletionNeedsWhoHeldIt) {
  const absl::Time now = T("2026-03-10T00:00:00Z");
  RhiCompletion c{.episode_id = "E1",
                  .at = now,
                  .by = "",
                  .outcome = {},
                  .also_episode_ids = {}};
  EXPECT_EQ(ValidateCompletion(c, now).message(), "by: required");
}

TEST(RhiValidationTest, CompletionConcernNoneStandsAlone) {
  const absl::Time now = T("2026-03-10T00:00:00Z");
  RhiCompletion c{.episode_id = "E1",
                  .at = now,
                  .by = "W",
                  .outcome = {.concerns = {Concern::kNone, Concern::kCse},
                              .referral_made = false,
                              .notes = ""},
                  .also_episode_ids = {}};
  absl::Status s = ValidateCompletion(c, now);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "outcome.concerns: NONE cannot be given with CSE or CCE");
}

TEST(RhiValidationTest, CompletionMayNotListItsOwnEpisodeAgain) {
  const absl::Time now = T("2026-03-10T00:00:00Z");
  RhiCompletion c{.episode_id = "E1",
                  .at = now,
                  .by = "W",
                  .outcome = {},
                  .also_episode_ids = {"E1"}};
  EXPECT_EQ(ValidateCompletion(c, now).message(),
            "also_episode_ids: must not repeat episode_id");
}

TEST(RhiValidationTest, ClosingNeedsAReason) {
  EXPECT_EQ(ValidateClosing({"E1", RhiClosure::kNotHeld, ""},
                            T("2026-03-10T00:00:00Z"))
                .message(),
            "reason: required");
}

TEST_F(RhiStatusTest, OfferBeforeTheReturnIsInvalid) {
  absl::StatusOr<bool> r =
      ApplyOffer({"E1", T("2026-03-02T09:59:59Z"), "W"}, rhi_);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "at: must not be before the return of episode E1 "
            "(2026-03-02T10:00:00Z)");
  EXPECT_FALSE(rhi_.offered_at.has_value());
}

TEST_F(RhiStatusTest, TheSameCompletionAgainIsARetry) {
  RhiCompletion c{.episode_id = "E1",
                  .at = T("2026-03-03T10:00:00Z"),
                  .by = "W",
                  .outcome = {},
                  .also_episode_ids = {}};
  EXPECT_EQ(*ApplyCompletion(c, rhi_), false);
  EXPECT_EQ(*ApplyCompletion(c, rhi_), true);
  c.at = T("2026-03-03T11:00:00Z");
  absl::StatusOr<bool> other = ApplyCompletion(c, rhi_);
  EXPECT_EQ(other.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(other.status().message(),
            "episode_id: the RHI for episode E1 is already COMPLETED and "
            "cannot change");
}

TEST_F(RhiStatusTest, ACompletionCoveringAnotherEpisodeNamesIt) {
  RhiCompletion c{.episode_id = "E7",
                  .at = T("2026-03-03T10:00:00Z"),
                  .by = "W",
                  .outcome = {},
                  .also_episode_ids = {"E1"}};
  ASSERT_TRUE(ApplyCompletion(c, rhi_).ok());
  EXPECT_EQ(rhi_.also_episode_ids, std::vector<std::string>{"E7"});
  EXPECT_EQ(rhi_.completed_at, T("2026-03-03T10:00:00Z"));
}

TEST_F(RhiStatusTest, ASecondOfferAtAnotherTimeIsRefused) {
  ASSERT_TRUE(ApplyOffer({"E1", T("2026-03-03T10:00:00Z"), "W"}, rhi_).ok());
  absl::StatusOr<bool> again =
      ApplyOffer({"E1", T("2026-03-04T10:00:00Z"), "W"}, rhi_);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rhi_.offered_at, T("2026-03-03T10:00:00Z"));
}

}  // namespace
}  // namespace mfh::domain
