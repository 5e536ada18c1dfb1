#include "services/domain/episode_void.h"

#include <gtest/gtest.h>

#include "services/domain/episode_rules.h"
#include "services/domain/rhi_rules.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kNow = T("2026-11-30T12:00:00Z");

Episode Reported() {
  Episode e;
  e.episode_id = "E7";
  e.child_id = "C1";
  e.missing_since = T("2026-11-29T22:00:00Z");
  e.notified_at = e.missing_since;
  e.risk_history.push_back({.risk = Risk::kHigh,
                            .from = e.missing_since,
                            .recorded_at = e.missing_since,
                            .recorded_by = "police-user",
                            .reason = "reported"});
  return e;
}

TEST(EpisodeVoidTest, AVoidNeedsTheEpisodeAndAReason) {
  EXPECT_EQ(ValidateEpisodeVoid({.episode_id = "", .reason = "x"}),
            absl::InvalidArgumentError("episode_id: required"));
  EXPECT_EQ(ValidateEpisodeVoid({.episode_id = "E7", .reason = ""}),
            absl::InvalidArgumentError(
                "reason: required (why the report was made in error)"));
  EXPECT_TRUE(ValidateEpisodeVoid({.episode_id = "E7", .reason = "x"}).ok());
}

TEST(EpisodeVoidTest, VoidingRecordsWhenWhoAndWhyAndTakesItOutOfOpenAt) {
  Episode e = Reported();
  EXPECT_TRUE(OpenAt(e, kNow));
  absl::StatusOr<std::optional<Correction>> record = ApplyVoid(
      {.episode_id = "E7", .reason = "duplicate of R-2"}, kNow, "coord", e);
  ASSERT_TRUE(record.ok()) << record.status();
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->at, kNow);
  EXPECT_EQ((*record)->by, "coord");
  EXPECT_EQ((*record)->rpc, "VoidEpisode");
  EXPECT_EQ((*record)->reason, "duplicate of R-2");
  EXPECT_EQ((*record)->changes,
            std::vector<std::string>{"voided: made in error"});
  EXPECT_EQ(e.voided_at, kNow);
  EXPECT_EQ(e.void_reason, "duplicate of R-2");
  ASSERT_EQ(e.corrections.size(), 1u);
  EXPECT_FALSE(OpenAt(e, kNow));
  EXPECT_EQ(ReportedBy(e), "police-user");
}

TEST(EpisodeVoidTest, TheSameVoidAgainIsARetryAndAnotherIsRefused) {
  Episode e = Reported();
  ASSERT_TRUE(
      ApplyVoid({.episode_id = "E7", .reason = "dup"}, kNow, "c", e).ok());
  absl::StatusOr<std::optional<Correction>> again = ApplyVoid(
      {.episode_id = "E7", .reason = "dup"}, kNow + absl::Hours(1), "c", e);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  EXPECT_EQ(e.voided_at, kNow);
  const absl::Status refused =
      ApplyVoid({.episode_id = "E7", .reason = "other"}, kNow, "c", e).status();
  EXPECT_EQ(refused,
            absl::FailedPreconditionError(
                "episode_id: episode E7 was voided at 2026-11-30T12:00:00Z as "
                "made in error; nothing about it can change now"));
  EXPECT_EQ(CheckNotVoided("police_ref", e).message(),
            "police_ref: episode E7 was voided at 2026-11-30T12:00:00Z as "
            "made in error; nothing about it can change now");
  EXPECT_TRUE(CheckNotVoided("episode_id", Reported()).ok());
}

TEST(EpisodeUpdateTest, TheChildIsCorrectedWithTheOldOneInTheHistory) {
  Episode e = Reported();
  const EpisodeUpdate u{
      .episode_id = "E7", .reason = "wrong child", .child_id = "C2"};
  ASSERT_TRUE(ValidateEpisodeUpdate(u, kNow).ok());
  std::optional<RiskGrade> grade;
  absl::StatusOr<std::optional<Correction>> record =
      ApplyEpisodeUpdate(u, kNow, "police-user", e, grade);
  ASSERT_TRUE(record.ok()) << record.status();
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->changes, std::vector<std::string>{"child_id: C1 -> C2"});
  EXPECT_EQ(e.child_id, "C2");
  // The same child again changes nothing.
  absl::StatusOr<std::optional<Correction>> again =
      ApplyEpisodeUpdate(u, kNow, "police-user", e, grade);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
}

Policy London72() {
  Policy p;
  p.timezone = London();
  return p;
}

Episode ReturnedOf(const std::string& child) {
  Episode e = Reported();
  e.child_id = child;
  e.returned_at = T("2026-11-30T08:00:00Z");
  e.return_notified_at = T("2026-11-30T09:00:00Z");
  return e;
}

TEST(MoveRhiTest, AnUntouchedInterviewIsMadeAgainByTheAgeRule) {
  const Policy policy = London72();
  const absl::CivilDay child_dob(2012, 3, 1);
  const absl::CivilDay adult_dob(2007, 1, 1);
  Rhi owed = *NewRhi(policy, ReturnedOf("C1"), child_dob);
  Rhi adult = MoveRhi(policy, ReturnedOf("C3"), adult_dob, owed);
  EXPECT_EQ(adult.child_id, "C3");
  EXPECT_EQ(adult.closure, RhiClosure::kNotRequired);
  EXPECT_EQ(adult.closed_reason, "adult");
  EXPECT_EQ(adult.closed_at, T("2026-11-30T09:00:00Z"));
  Rhi back = MoveRhi(policy, ReturnedOf("C2"), child_dob, adult);
  EXPECT_EQ(back.child_id, "C2");
  EXPECT_EQ(back.closure, RhiClosure::kNone);
  EXPECT_FALSE(back.closed_at.has_value());
  EXPECT_EQ(back.due_at, T("2026-12-03T09:00:00Z"));
}

TEST(MoveRhiTest, AnInterviewWithSomethingRecordedKeepsItUnderTheNewChild) {
  const Policy policy = London72();
  Rhi offered = *NewRhi(policy, ReturnedOf("C1"), absl::CivilDay(2012, 3, 1));
  offered.offered_at = T("2026-11-30T10:00:00Z");
  offered.offered_by = "rhi";
  Rhi moved =
      MoveRhi(policy, ReturnedOf("C3"), absl::CivilDay(2007, 1, 1), offered);
  EXPECT_EQ(moved.child_id, "C3");
  EXPECT_EQ(moved.offered_at, T("2026-11-30T10:00:00Z"));
  EXPECT_EQ(moved.closure, RhiClosure::kNone);
}

}  // namespace
}  // namespace mfh::domain
