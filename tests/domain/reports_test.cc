#include "services/domain/reports.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

TEST(ReportPeriods, AMonthRunsFromLocalMidnightToLocalMidnight) {
  // March 2026 starts in GMT and ends in BST (the clocks go forward on the
  // 29th): 00:00 GMT on the 1st to 00:00 BST on 1 April (23:00Z on the 31st).
  absl::StatusOr<Period> m = ParseMonth("month", "2026-03", London());
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->start, T("2026-03-01T00:00:00Z"));
  EXPECT_EQ(m->end, T("2026-03-31T23:00:00Z"));
  EXPECT_EQ(m->first_day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(m->end_day, absl::CivilDay(2026, 4, 1));
}

TEST(ReportPeriods, FinancialQuarterOneIsAprilToJune) {
  absl::StatusOr<Period> q = ParseQuarter("quarter", "2026-Q1", London());
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->start, T("2026-03-31T23:00:00Z"));
  EXPECT_EQ(q->end, T("2026-06-30T23:00:00Z"));
}

TEST(ReportPeriods, FinancialQuarterFourIsJanuaryToMarchOfTheNextYear) {
  absl::StatusOr<Period> q = ParseQuarter("quarter", "2026-Q4", London());
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->start, T("2027-01-01T00:00:00Z"));
  EXPECT_EQ(q->end, T("2027-03-31T23:00:00Z"));
}

TEST(ReportPeriods, TheSsdaYearRunsFromOneAprilToThirtyFirstMarch) {
  absl::StatusOr<Period> y = ParseSsdaYear("year", "2025", London());
  ASSERT_TRUE(y.ok()) << y.status();
  EXPECT_EQ(y->start, T("2025-03-31T23:00:00Z"));
  EXPECT_EQ(y->end, T("2026-03-31T23:00:00Z"));
}

TEST(ReportPeriods, MalformedPeriodsAreInvalidArgumentsNamingTheField) {
  for (const char* text :
       {"2026-13", "2026-3", "2026-00", "26-03", "", "2026-03-01", "2026/03"}) {
    absl::StatusOr<Period> m = ParseMonth("month", text, London());
    EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(m.status().message().substr(0, 7), "month: ") << text;
  }
  for (const char* text : {"2026-Q0", "2026-Q5", "2026Q1", "2026-q1"}) {
    EXPECT_FALSE(ParseQuarter("quarter", text, London()).ok()) << text;
  }
  for (const char* text : {"25", "20255", "abcd"}) {
    EXPECT_FALSE(ParseSsdaYear("year", text, London()).ok()) << text;
  }
}

TEST(ReportPeriods, TheMonthElevenMonthsBeforeMarchIsAprilOfTheYearBefore) {
  absl::StatusOr<Period> m = ParseMonth("month", "2026-03", London());
  ASSERT_TRUE(m.ok());
  Period april = MonthBefore(*m, 11, London());
  EXPECT_EQ(april.label, "2025-04");
  EXPECT_EQ(april.start, T("2025-03-31T23:00:00Z"));
}

TEST(Percentiles, TheMedianOfFourIsTheSecondByNearestRank) {
  // ceil(0.5 * 4) = 2: 48; ceil(0.9 * 4) = 4: 96.
  std::vector<double> v = {24, 48, 72, 96};
  EXPECT_EQ(NearestRank(v, 50), 48);
  EXPECT_EQ(NearestRank(v, 90), 96);
}

TEST(Percentiles, OneValueIsEveryPercentileAndNoValuesGiveZero) {
  EXPECT_EQ(NearestRank({30}, 50), 30);
  EXPECT_EQ(NearestRank({30}, 90), 30);
  EXPECT_EQ(NearestRank({}, 50), 0);
}

TEST(Percentiles, TheNinetiethOfTenIsTheNinth) {
  std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(NearestRank(v, 90), 9);
  EXPECT_EQ(NearestRank(v, 50), 5);
}

TEST(Percentiles, RoundingToATenthGoesHalfAwayFromZero) {
  EXPECT_EQ(RoundToTenth(40.25), 40.3);
  EXPECT_EQ(RoundToTenth(40.24), 40.2);
}

TEST(CstRates, RatesArePerChildMonthOverTheSameChildMonths) {
  // Two children, 30.4375 days open each: 2 child-months; 1 episode while
  // open (0.5 a month), 4 before (2 a month).
  CstMeasure m = CstRates(2, absl::Hours(24) * 365.25 / 6, 1, 4);
  EXPECT_EQ(m.child_months, 2);
  EXPECT_EQ(m.rate_while_open, 0.5);
  EXPECT_EQ(m.rate_before, 2);
}

ChildFlag OpenToCst(const std::string& child, const std::string& set_at,
                    const std::string& cleared_at = "") {
  ChildFlag f{.child_id = child,
              .flag = {.name = kFlagOpenToCst, .set_at = T(set_at)}};
  if (!cleared_at.empty()) f.flag.cleared_at = T(cleared_at);
  return f;
}

TEST(CstMeasure,
     TheCohortIsEveryFlagSetBeforeTheEndAndNotClearedBeforeTheStart) {
  const absl::Time from = T("2026-02-01T00:00:00Z");
  const absl::Time until = T("2026-03-01T00:00:00Z");
  std::vector<ChildFlag> flags = {
      OpenToCst("C1", "2026-01-01T00:00:00Z"),
      // Cleared at the period's start: still in, with its whole open time.
      OpenToCst("C2", "2026-01-20T00:00:00Z", "2026-02-01T00:00:00Z"),
      OpenToCst("C3", "2026-01-20T00:00:00Z", "2026-01-31T23:59:59Z"),
      OpenToCst("C4", "2026-03-01T00:00:00Z"),
      OpenToCst("C5", "2026-02-10T00:00:00Z", "2026-02-20T00:00:00Z"),
  };
  flags.push_back(
      {.child_id = "C6",
       .flag = {.name = kFlagCseConcern, .set_at = T("2026-01-01T00:00:00Z")}});
  std::vector<CstWindow> cohort = CstCohort(flags, from, until);
  ASSERT_EQ(cohort.size(), 3u);
  EXPECT_EQ(cohort[0].child_id, "C1");
  EXPECT_EQ(cohort[0].stop, until);
  EXPECT_EQ(cohort[0].before_from, T("2025-11-03T00:00:00Z"));
  EXPECT_EQ(cohort[1].child_id, "C2");
  EXPECT_EQ(cohort[1].stop, from);
  EXPECT_EQ(cohort[1].before_from, T("2026-01-08T00:00:00Z"));
  EXPECT_EQ(cohort[2].child_id, "C5");
  EXPECT_EQ(cohort[2].stop, T("2026-02-20T00:00:00Z"));
  EXPECT_EQ(cohort[2].before_from, T("2026-01-31T00:00:00Z"));
}

TEST(CstMeasure, EpisodesCountInTheOpenOrTheBeforeWindowAndChildrenOnce) {
  // February 2026 of tests/cli/report_e2e_test.cc: C1 open from 1
  // February; E3 and E4 while open, E2 in the 28 days before.
  const absl::Time from = T("2026-02-01T00:00:00Z");
  const absl::Time until = T("2026-03-01T00:00:00Z");
  std::vector<CstWindow> cohort =
      CstCohort({OpenToCst("C1", "2026-02-01T00:00:00Z")}, from, until);
  ASSERT_EQ(cohort.size(), 1u);
  CstMeasure m =
      MeasureCst(cohort, {{T("2026-01-20T18:00:00Z"), T("2026-02-03T20:00:00Z"),
                           T("2026-02-10T18:00:00Z")}});
  EXPECT_EQ(m.children, 1);
  EXPECT_EQ(m.child_months, 0.92);
  EXPECT_EQ(m.episodes_while_open, 2);
  EXPECT_EQ(m.episodes_before, 1);
  EXPECT_EQ(m.rate_while_open, 2.17);
  EXPECT_EQ(m.rate_before, 1.09);

  // A second flag of the same child adds its time, not a child; a start at
  // a window's end belongs to the next window, and one outside both to none.
  cohort.push_back(CstWindow{.child_id = "C1",
                             .before_from = T("2025-12-01T00:00:00Z"),
                             .set_at = T("2025-12-11T00:00:00Z"),
                             .stop = T("2025-12-21T00:00:00Z")});
  m = MeasureCst(cohort, {{},
                          {T("2025-12-11T00:00:00Z"), T("2025-12-21T00:00:00Z"),
                           T("2025-11-30T23:59:59Z")}});
  EXPECT_EQ(m.children, 1);
  EXPECT_EQ(m.episodes_while_open, 1);
  EXPECT_EQ(m.episodes_before, 0);
}

TEST(Placement, OnlyAnotherAuthorityNamedAsPlacingIsAnotherAuthority) {
  EXPECT_FALSE(PlacedByOtherAuthority("", "Barsetshire"));
  EXPECT_FALSE(PlacedByOtherAuthority("Barsetshire", "Barsetshire"));
  EXPECT_TRUE(PlacedByOtherAuthority("Kent", "Barsetshire"));
  EXPECT_TRUE(PlacedByOtherAuthority("Kent", ""));
}

TEST(Placement, ALookedAfterChildPlacedByNoOtherAuthorityIsLookedAfterHere) {
  EXPECT_TRUE(LookedAfterHere(true, "", "Barsetshire"));
  EXPECT_TRUE(LookedAfterHere(true, "Barsetshire", "Barsetshire"));
  EXPECT_FALSE(LookedAfterHere(true, "Kent", "Barsetshire"));
  EXPECT_FALSE(LookedAfterHere(false, "", "Barsetshire"));
}

SsdaEpisode Episode(const std::string& id, const std::string& child,
                    const std::string& la_ref, const std::string& since,
                    const std::string& returned = "") {
  SsdaEpisode e;
  e.episode_id = id;
  e.child_id = child;
  e.la_ref = la_ref;
  e.date_of_birth = absl::CivilDay(2010, 7, 9);
  e.missing_since = T(since);
  if (!returned.empty()) e.returned_at = T(returned);
  return e;
}

TEST(Ssda903, RowsCoverEpisodesStartedInTheYearAndThoseOpenOnTheFirstOfApril) {
  absl::StatusOr<Period> y = ParseSsdaYear("year", "2025", London());
  ASSERT_TRUE(y.ok());
  std::vector<SsdaEpisode> episodes = {
      // Ended before the year: left out.
      Episode("E1", "C1", "LA-1", "2025-02-01T10:00:00Z",
              "2025-02-02T10:00:00Z"),
      // Open on 1 April (BST): kept with its original start.
      Episode("E2", "C1", "LA-1", "2025-03-30T22:00:00Z",
              "2025-04-02T10:00:00Z"),
      // 23:30 GMT on 31 March 2026 is 00:30 BST on 1 April: next year.
      Episode("E3", "C2", "", "2026-03-31T23:30:00Z"),
      // Still open at the year's end: MIS_END empty.
      Episode("E4", "C2", "", "2026-03-20T12:00:00Z", "2026-04-03T12:00:00Z"),
  };
  episodes[3].category = Category::kAbsent;
  std::vector<SsdaRow> rows =
      BuildSsdaRows(episodes, *y, T("2026-06-01T00:00:00Z"), London());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].child, "C2");  // no la_ref: the child id
  EXPECT_EQ(rows[0].missing, "A");
  EXPECT_EQ(rows[0].mis_start, "20/03/2026");
  EXPECT_EQ(rows[0].mis_end, "");
  EXPECT_EQ(rows[1].child, "LA-1");
  EXPECT_EQ(rows[1].dob, "09/07/2010");
  EXPECT_EQ(rows[1].missing, "M");
  EXPECT_EQ(rows[1].mis_start, "30/03/2025");
  EXPECT_EQ(rows[1].mis_end, "02/04/2025");
  EXPECT_TRUE(ValidateSsdaRows(rows, *y).empty());
  EXPECT_EQ(SsdaCsv(rows),
            "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
            "C2,09/07/2010,A,20/03/2026,\r\n"
            "LA-1,09/07/2010,M,30/03/2025,02/04/2025\r\n");
}

TEST(Ssda903, AnEpisodeBelongsToTheYearUnlessItEndedBeforeOrStartedAfter) {
  const absl::Time from = T("2025-03-31T23:00:00Z");
  const absl::Time until = T("2026-03-31T23:00:00Z");
  EXPECT_TRUE(InSsdaPeriod(Episode("E1", "C1", "", "2025-03-01T00:00:00Z"),
                           from, until));
  EXPECT_TRUE(InSsdaPeriod(
      Episode("E2", "C1", "", "2025-03-01T00:00:00Z", "2025-03-31T23:00:00Z"),
      from, until));
  EXPECT_FALSE(InSsdaPeriod(
      Episode("E3", "C1", "", "2025-03-01T00:00:00Z", "2025-03-31T22:59:59Z"),
      from, until));
  EXPECT_TRUE(InSsdaPeriod(Episode("E4", "C1", "", "2026-03-31T22:59:59Z"),
                           from, until));
  EXPECT_FALSE(InSsdaPeriod(Episode("E5", "C1", "", "2026-03-31T23:00:00Z"),
                            from, until));
}

TEST(Ssda903, AReturnAfterAsOfIsNotYetAnEnd) {
  absl::StatusOr<Period> y = ParseSsdaYear("year", "2025", London());
  ASSERT_TRUE(y.ok());
  std::vector<SsdaRow> rows = BuildSsdaRows(
      {Episode("E1", "C1", "", "2025-05-01T10:00:00Z", "2025-05-03T10:00:00Z")},
      *y, T("2025-05-02T10:00:00Z"), London());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].mis_end, "");
}

TEST(Ssda903, EachCheckedRuleReportsItsViolation) {
  absl::StatusOr<Period> y = ParseSsdaYear("year", "2025", London());
  ASSERT_TRUE(y.ok());
  std::vector<SsdaRow> rows = {
      {"X", "01/01/2010", "M", "31/02/2025", "", "E1"},            // 1004
      {"Y", "01/01/2010", "M", "01/05/2025", "1/6/2025", "E2"},    // 1005
      {"Z", "01/01/2010", "Q", "01/05/2025", "02/05/2025", "E3"},  // 1006
      {"W", "01/01/2010", "", "01/05/2025", "02/05/2025", "E4"},   // 565
      {"V", "01/01/2010", "M", "01/05/2025", "02/04/2026", "E5"},  // 571
      {"U", "01/01/2010", "M", "05/05/2025", "04/05/2025", "E6"},  // order
      {"T", "01/01/2010", "M", "01/05/2025", "10/05/2025", "E7"},
      {"T", "01/01/2010", "M", "09/05/2025", "11/05/2025", "E8"},  // overlap
  };
  std::vector<std::string> found;
  for (const SsdaViolation& v : ValidateSsdaRows(rows, *y)) {
    found.push_back(v.rule + "@" + v.episode_id);
  }
  EXPECT_EQ(found, (std::vector<std::string>{"1004@E1", "1005@E2", "1006@E3",
                                             "565@E4", "571@E5", "MIS-ORDER@E6",
                                             "MIS-OVERLAP@E8"}));
}

TEST(Chronology, EventsAtTheSameInstantFollowTheKindOrderAndStopAtAsOf) {
  Child child{.child_id = "C1"};
  child.flags.push_back({.name = "cse_concern",
                         .set_at = T("2026-03-02T10:00:00Z"),
                         .cleared_at = T("2026-03-09T10:00:00Z")});
  domain::Episode e{.episode_id = "E1",
                    .child_id = "C1",
                    .police_force = "MET",
                    .police_ref = "R1",
                    .missing_since = T("2026-03-01T10:00:00Z"),
                    .risk = Risk::kLow,
                    .returned_at = T("2026-03-02T10:00:00Z")};
  Rhi rhi{.episode_id = "E1",
          .child_id = "C1",
          .due_at = T("2026-03-05T10:00:00Z"),
          .offered_at = T("2026-03-02T10:00:00Z"),
          .offered_by = "Worker",
          .closure = RhiClosure::kNotHeld,
          .closed_at = T("2026-03-08T10:00:00Z"),
          .closed_reason = "moved away"};
  Action a{.action_id = "A1",
           .child_id = "C1",
           .meeting_id = "M1",
           .what = "Visit",
           .who = "SW",
           .status = ActionStatus::kDropped,
           .drop_reason = "moved away",
           .created_at = T("2026-03-03T09:45:00Z"),
           .closed_at = T("2026-03-08T10:00:00Z")};
  std::vector<ChronologyEvent> events =
      BuildChronology(child, {e}, {rhi}, {}, {a}, T("2026-03-08T10:00:00Z"));
  std::vector<std::string> lines;
  for (const ChronologyEvent& ev : events) {
    lines.push_back(absl::StrCat(FormatUtc(ev.at), " ", EventKindName(ev.kind),
                                 " ", ev.detail));
  }
  // The return, the offer and the flag at 10:00 on the 2nd in kind order;
  // the not-held and the drop at as_of itself; the clearing after as_of left
  // out.
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "2026-03-01T10:00:00Z episode_reported MISSING, risk "
                       "LOW, MET R1",
                       "2026-03-02T10:00:00Z returned returned",
                       "2026-03-02T10:00:00Z rhi_offered RHI offered on time",
                       "2026-03-02T10:00:00Z flag_set cse_concern",
                       "2026-03-03T09:45:00Z action_agreed Visit (SW)",
                       "2026-03-08T10:00:00Z rhi_not_held RHI not held: moved "
                       "away",
                       "2026-03-08T10:00:00Z action_dropped dropped: moved "
                       "away",
                   }));
}

}  // namespace
}  // namespace mfh::domain
