#include "services/domain/exceptions.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kAsOf = T("2026-05-10T00:00:00Z");

Rhi DueAt(absl::Time due) {
  Rhi r;
  r.episode_id = "E1";
  r.returned_at = due - absl::Hours(72);
  r.return_notified_at = r.returned_at;
  r.due_at = due;
  r.due_at_from_return = due;
  return r;
}

TEST(LateInterviews, AnInterviewNotMetByDueAtIsLateUnlessNotRequired) {
  const absl::Time due = T("2026-02-24T10:00:00Z");
  Rhi open = DueAt(due);
  EXPECT_TRUE(IsLateInterview(open));
  Rhi completed = DueAt(due);
  completed.completed_at = due;
  EXPECT_FALSE(IsLateInterview(completed));
  completed.completed_at = due + absl::Microseconds(1);
  EXPECT_TRUE(IsLateInterview(completed));
  Rhi declined = DueAt(due);
  declined.declined_at = due - absl::Hours(1);
  EXPECT_FALSE(IsLateInterview(declined));
  Rhi not_held = DueAt(due);
  not_held.closure = RhiClosure::kNotHeld;
  not_held.closed_at = due - absl::Hours(1);
  EXPECT_TRUE(IsLateInterview(not_held));
  Rhi adult = DueAt(due);
  adult.closure = RhiClosure::kNotRequired;
  adult.closed_at = adult.return_notified_at;
  EXPECT_FALSE(IsLateInterview(adult));
}

TEST(LongEpisodes, AnEpisodeIsLongOnlyWhenMissingMoreThanSevenDays) {
  Episode e;
  e.missing_since = T("2026-03-28T12:00:00Z");
  e.returned_at = e.missing_since + absl::Hours(7 * 24);
  EXPECT_EQ(TimeMissing(e, kAsOf), absl::Hours(168));
  EXPECT_FALSE(IsLongEpisode(e, kAsOf));
  e.returned_at = *e.returned_at + absl::Microseconds(1);
  EXPECT_TRUE(IsLongEpisode(e, kAsOf));
}

TEST(LongEpisodes, AnOpenEpisodeOrOneReturnedAfterAsOfIsMeasuredToAsOf) {
  Episode e;
  e.missing_since = T("2026-04-10T10:00:00Z");
  EXPECT_EQ(TimeMissing(e, kAsOf), absl::Hours(29 * 24 + 14));
  e.returned_at = kAsOf + absl::Hours(5);
  EXPECT_EQ(TimeMissing(e, kAsOf), absl::Hours(29 * 24 + 14));
  EXPECT_TRUE(IsLongEpisode(e, kAsOf));
  EXPECT_FALSE(IsLongEpisode(e, e.missing_since + absl::Hours(24)));
}

TEST(LateActions, AnActionIsLateMoreThanFourteenDaysAfterByWhen) {
  Action a;
  a.by_when = T("2026-03-06T17:00:00Z");
  EXPECT_EQ(TimePastByWhen(a, kAsOf), absl::Hours(65 * 24 - 17));
  EXPECT_TRUE(IsLateAction(a, kAsOf));
  a.status = ActionStatus::kDone;
  a.closed_at = a.by_when + absl::Hours(14 * 24);
  EXPECT_FALSE(IsLateAction(a, kAsOf));
  a.closed_at = *a.closed_at + absl::Microseconds(1);
  EXPECT_TRUE(IsLateAction(a, kAsOf));
  // Closed after as_of: still open then, so measured to as_of.
  a.closed_at = kAsOf + absl::Hours(24);
  EXPECT_EQ(TimePastByWhen(a, kAsOf), absl::Hours(65 * 24 - 17));
}

}  // namespace
}  // namespace mfh::domain
