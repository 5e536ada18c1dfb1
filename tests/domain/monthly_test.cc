#include "services/domain/monthly.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "services/domain/reports.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

Policy Barsetshire() {
  Policy p;
  p.authority = "Barsetshire";
  p.timezone = London();
  return p;
}

PlacedEpisode Placed(const std::string& id, const std::string& child,
                     absl::Time since, bool looked_after = false,
                     const std::string& placing = "",
                     Category category = Category::kMissing) {
  PlacedEpisode p;
  p.episode.episode_id = id;
  p.episode.child_id = child;
  p.episode.category = category;
  p.episode.missing_since = since;
  p.looked_after = looked_after;
  p.placing_authority = placing;
  return p;
}

// An RHI due 72 hours after the notification of its return.
Rhi Due(const std::string& id, const std::string& returned,
        const std::string& notified) {
  Rhi r;
  r.episode_id = id;
  r.returned_at = T(returned);
  r.return_notified_at = T(notified);
  r.due_at = r.return_notified_at + absl::Hours(72);
  r.due_at_from_return = r.returned_at + absl::Hours(72);
  return r;
}

Action ActionOf(const std::string& id, absl::CivilDay day,
                const std::string& by_when, ActionStatus status,
                std::optional<std::string> closed_at = std::nullopt) {
  Action a;
  a.action_id = id;
  a.meeting_day = day;
  a.by_when = T(by_when);
  a.status = status;
  if (closed_at.has_value()) a.closed_at = T(*closed_at);
  return a;
}

// February 2026 of tests/cli/report_e2e_test.cc, as the store selects it.
MonthlyData February() {
  MonthlyData d;
  d.from = T("2026-02-01T00:00:00Z");
  d.until = T("2026-03-01T00:00:00Z");
  d.first_day = absl::CivilDay(2026, 2, 1);
  d.end_day = absl::CivilDay(2026, 3, 1);
  // From 90 days before the month: E2 is in the repeat window of E4.
  d.episodes = {
      Placed("E2", "C1", T("2026-01-20T18:00:00Z"), true),
      Placed("E3", "C1", T("2026-02-03T20:00:00Z"), true),
      Placed("E9", "C5", T("2026-02-05T15:00:00Z")),
      Placed("E4", "C1", T("2026-02-10T18:00:00Z"), true),
      Placed("E7", "C4", T("2026-02-12T10:00:00Z"), true, "Barsetshire"),
      Placed("E5", "C2", T("2026-02-15T12:00:00Z")),
      Placed("E6", "C3", T("2026-02-20T09:00:00Z"), true, "Kent",
             Category::kAbsent),
      Placed("E8", "C2", T("2026-02-27T20:00:00Z")),
  };
  d.returns = 6;
  Rhi e3 = Due("E3", "2026-02-04T10:00:00Z", "2026-02-04T12:00:00Z");
  e3.completed_at = T("2026-02-05T10:00:00Z");
  Rhi e4 = Due("E4", "2026-02-11T06:00:00Z", "2026-02-11T08:00:00Z");
  e4.completed_at = T("2026-02-13T06:00:00Z");
  Rhi e5 = Due("E5", "2026-02-16T12:00:00Z", "2026-02-16T12:00:00Z");
  e5.completed_at = T("2026-02-19T12:00:00Z");
  Rhi e6 = Due("E6", "2026-02-21T09:00:00Z", "2026-02-21T10:00:00Z");
  e6.offered_at = T("2026-02-23T09:00:00Z");
  e6.completed_at = T("2026-02-25T09:00:00Z");
  Rhi e7 = Due("E7", "2026-02-13T10:00:00Z", "2026-02-13T10:00:00Z");
  e7.closure = RhiClosure::kNotRequired;
  e7.closed_at = e7.return_notified_at;
  Rhi e9 = Due("E9", "2026-02-05T22:00:00Z", "2026-02-06T08:00:00Z");
  e9.declined_at = T("2026-02-08T23:00:00Z");
  d.rhis_due = {e3, e9, e4, e7, e5, e6};
  d.rhis_due_from_return = {e3, e9, e4, e7, e5, e6};
  return d;
}

TEST(MonthlyCounts, TheFebruaryDataSetGivesTheFiguresWorkedOutByHand) {
  MonthlyCounts c = CountMonth(Barsetshire(), February());
  EXPECT_EQ(c.episodes, 7);
  EXPECT_EQ(c.missing_episodes, 6);
  EXPECT_EQ(c.absent_episodes, 1);
  EXPECT_EQ(c.looked_after_episodes, 4);
  EXPECT_EQ(c.other_authority_episodes, 1);
  EXPECT_EQ(c.children, 5);
  EXPECT_EQ(c.repeat_children, 1);
  EXPECT_EQ(c.returns, 6);
  EXPECT_EQ(c.rhis_due, 5);
  EXPECT_EQ(c.rhis_offered_on_time, 5);
  EXPECT_EQ(c.rhis_met, 4);
  EXPECT_EQ(c.rhis_completed_on_time, 3);
  EXPECT_EQ(c.rhis_declined_on_time, 1);
  EXPECT_EQ(c.rhis_due_from_return, 5);
  EXPECT_EQ(c.rhis_met_from_return, 3);
  EXPECT_EQ(c.actions_agreed, 0);
  EXPECT_EQ(c.actions_done, 0);
  EXPECT_EQ(c.actions_overdue, 0);
}

TEST(MonthlyCounts, RowsOutsideTheirWindowsAreNotCounted) {
  MonthlyData d = February();
  // A store may select more than the windows: the counts keep to them.
  d.episodes.push_back(Placed("E20", "C9", T("2026-03-01T00:00:00Z")));
  Rhi late = Due("E21", "2026-02-26T00:00:00Z", "2026-02-26T00:00:00Z");
  d.rhis_due.push_back(late);
  d.rhis_due_from_return.push_back(late);
  d.actions_closed.push_back(
      ActionOf("A9", absl::CivilDay(2026, 1, 5), "2026-01-10T00:00:00Z",
               ActionStatus::kDone, "2026-03-01T00:00:00Z"));
  MonthlyCounts c = CountMonth(Barsetshire(), d);
  EXPECT_EQ(c.episodes, 7);
  EXPECT_EQ(c.children, 5);
  EXPECT_EQ(c.rhis_due, 5);
  EXPECT_EQ(c.rhis_due_from_return, 5);
  EXPECT_EQ(c.actions_done, 0);
}

TEST(MonthlyCounts, ADeclineOnTimeCountsOnlyWhenNoCompletionWasOnTime) {
  MonthlyData d = February();
  Rhi both = Due("E30", "2026-02-20T00:00:00Z", "2026-02-20T00:00:00Z");
  both.declined_at = T("2026-02-21T00:00:00Z");
  both.completed_at = T("2026-02-22T00:00:00Z");
  d.rhis_due = {both};
  MonthlyCounts c = CountMonth(Barsetshire(), d);
  EXPECT_EQ(c.rhis_met, 1);
  EXPECT_EQ(c.rhis_completed_on_time, 1);
  EXPECT_EQ(c.rhis_declined_on_time, 0);
}

TEST(MonthlyCounts, AnOfferAtExactlyDueAtIsOnTimeAndAMicrosecondLaterIsNot) {
  MonthlyData d = February();
  Rhi at = Due("E31", "2026-02-10T00:00:00Z", "2026-02-10T00:00:00Z");
  at.offered_at = at.due_at;
  Rhi after = Due("E32", "2026-02-10T00:00:00Z", "2026-02-10T00:00:00Z");
  after.offered_at = after.due_at + absl::Microseconds(1);
  d.rhis_due = {at, after};
  MonthlyCounts c = CountMonth(Barsetshire(), d);
  EXPECT_EQ(c.rhis_due, 2);
  EXPECT_EQ(c.rhis_offered_on_time, 1);
  EXPECT_EQ(c.rhis_met, 0);
}

TEST(MonthlyCounts, RepeatMissingCountsTheEpisodeItselfAndNotTheWindowsStart) {
  Policy p = Barsetshire();
  const absl::Time from = T("2026-06-01T00:00:00Z");
  const absl::Time until = T("2026-07-01T00:00:00Z");
  const absl::Time start = T("2026-06-10T12:00:00Z");
  std::vector<PlacedEpisode> episodes = {
      // Exactly 90 days before: outside (t - 90 days, t].
      Placed("E1", "C1", start - absl::Hours(24 * 90)),
      Placed("E2", "C1", start - absl::Hours(24 * 30)),
      Placed("E3", "C1", start),
  };
  EXPECT_EQ(CountRepeatChildren(p, episodes, from, until), 0);
  episodes[0].episode.missing_since += absl::Microseconds(1);
  EXPECT_EQ(CountRepeatChildren(p, episodes, from, until), 1);
  // Only an episode starting in the period makes its child count.
  EXPECT_EQ(
      CountRepeatChildren(p, episodes, start + absl::Microseconds(1), until),
      0);
}

TEST(MonthlyCounts, ActionsCountByTheirMeetingDayClosureAndByWhen) {
  MonthlyData d = February();
  const absl::CivilDay jan(2026, 1, 20);
  d.actions_agreed = {
      ActionOf("A1", absl::CivilDay(2026, 2, 1), "2026-02-10T00:00:00Z",
               ActionStatus::kOpen),
      ActionOf("A2", absl::CivilDay(2026, 2, 28), "2026-03-10T00:00:00Z",
               ActionStatus::kOpen),
      ActionOf("A3", absl::CivilDay(2026, 3, 1), "2026-03-10T00:00:00Z",
               ActionStatus::kOpen),
  };
  d.actions_closed = {
      ActionOf("A4", jan, "2026-02-10T00:00:00Z", ActionStatus::kDone,
               "2026-02-11T00:00:00Z"),
      ActionOf("A5", jan, "2026-02-10T00:00:00Z", ActionStatus::kDropped,
               "2026-02-12T00:00:00Z"),
  };
  d.actions_open_at_end = {
      // Open and past by_when at the month's end: overdue.
      ActionOf("A1", absl::CivilDay(2026, 2, 1), "2026-02-10T00:00:00Z",
               ActionStatus::kOpen),
      // by_when at the end itself is not yet past.
      ActionOf("A6", jan, "2026-03-01T00:00:00Z", ActionStatus::kOpen),
      // Closed exactly at the end: it was open throughout the month.
      ActionOf("A7", jan, "2026-02-10T00:00:00Z", ActionStatus::kDone,
               "2026-03-01T00:00:00Z"),
      // Agreed after the month: not the month's.
      ActionOf("A3", absl::CivilDay(2026, 3, 1), "2026-02-27T00:00:00Z",
               ActionStatus::kOpen),
  };
  MonthlyCounts c = CountMonth(Barsetshire(), d);
  EXPECT_EQ(c.actions_agreed, 2);
  EXPECT_EQ(c.actions_done, 1);
  EXPECT_EQ(c.actions_overdue, 2);
}

TEST(MonthlyCounts, AnActionIsOpenAtTheEndUnlessClosedBeforeIt) {
  const absl::Time end = T("2026-03-01T00:00:00Z");
  Action a = ActionOf("A1", absl::CivilDay(2026, 2, 1), "2026-02-10T00:00:00Z",
                      ActionStatus::kOpen);
  EXPECT_TRUE(ActionOpenAtEndOf(a, end));
  a.status = ActionStatus::kDone;
  a.closed_at = end;
  EXPECT_TRUE(ActionOpenAtEndOf(a, end));
  a.closed_at = end - absl::Microseconds(1);
  EXPECT_FALSE(ActionOpenAtEndOf(a, end));
}

TEST(TimesToRhi, HoursFromReturnToCompletionGiveTheMedianAndNinetieth) {
  MonthlyData d = February();
  std::vector<Rhi> completed;
  for (const Rhi& r : d.rhis_due) {
    if (r.completed_at.has_value()) completed.push_back(r);
  }
  // 24, 48, 72 and 96 hours; a completion outside the period is left out.
  Rhi march = Due("E8", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z");
  march.completed_at = T("2026-03-03T08:00:00Z");
  completed.push_back(march);
  TimesToRhi t = MeasureTimesToRhi(completed, d.from, d.until);
  EXPECT_EQ(t.completed, 4);
  EXPECT_EQ(t.median_hours, 48);
  EXPECT_EQ(t.p90_hours, 96);
  EXPECT_EQ(MeasureTimesToRhi({}, d.from, d.until).median_hours, 0);
}

}  // namespace
}  // namespace mfh::domain
