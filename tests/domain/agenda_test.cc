#include "services/domain/agenda.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/domain/rhi_rules.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

using ::testing::ElementsAre;

Policy DefaultPolicy() {
  Policy p;
  p.timezone = London();
  return p;
}

Episode Open(const std::string& id, const std::string& child,
             absl::Time missing_since, Risk risk) {
  Episode e;
  e.episode_id = id;
  e.child_id = child;
  e.category = Category::kMissing;
  e.missing_since = missing_since;
  e.notified_at = missing_since;
  e.risk = risk;
  e.risk_history.push_back({risk, missing_since, missing_since, "u", "r"});
  return e;
}

Episode Back(Episode e, absl::Time returned_at, absl::Time notified_at,
             const std::string& where = "") {
  e.returned_at = returned_at;
  e.return_notified_at = notified_at;
  e.found_location = where;
  return e;
}

Rhi RhiFor(const Episode& e) {
  return *NewRhi(DefaultPolicy(), e, absl::CivilDay(2012, 1, 1));
}

std::vector<std::string> Ids(const std::vector<AgendaEntry>& entries) {
  std::vector<std::string> ids;
  for (const AgendaEntry& e : entries) {
    ids.push_back(e.action_id.empty() ? e.episode_id : e.action_id);
  }
  return ids;
}

std::vector<std::string> Children(const std::vector<AgendaEntry>& entries) {
  std::vector<std::string> ids;
  for (const AgendaEntry& e : entries) ids.push_back(e.child_id);
  return ids;
}

// Wednesday 4 March 2026, 09:00 GMT.
const absl::Time kT = T("2026-03-04T09:00:00Z");
const absl::CivilDay kWednesday(2026, 3, 4);

TEST(AgendaMissingNowTest, HighestRiskFirstThenLongestMissingThenChildId) {
  AgendaData data;
  data.open_at = {
      Open("E1", "C1", kT - absl::Hours(50), Risk::kLow),
      Open("E2", "C2", kT - absl::Hours(5), Risk::kHigh),
      Open("E3", "C3", kT - absl::Hours(30), Risk::kHigh),
      Open("E4", "C4", kT - absl::Hours(90), Risk::kNoApparentRisk),
      Open("E5", "C10", kT - absl::Hours(20), Risk::kMedium),
      Open("E6", "C9", kT - absl::Hours(20), Risk::kMedium),
  };
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Ids(a.missing_now),
              ElementsAre("E3", "E2", "E6", "E5", "E1", "E4"));
}

TEST(AgendaMissingNowTest, UsesTheRiskInForceAtTheAgendaInstant) {
  Episode e = Open("E1", "C1", kT - absl::Hours(50), Risk::kLow);
  e.risk_history.push_back({Risk::kHigh, kT - absl::Hours(1), kT, "u", "r"});
  Episode later = Open("E2", "C2", kT - absl::Hours(60), Risk::kMedium);
  later.risk_history.push_back(
      {Risk::kHigh, kT + absl::Hours(1), kT, "u", "regraded for later"});
  AgendaData data;
  data.open_at = {e, later};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  ASSERT_THAT(Ids(a.missing_now), ElementsAre("E1", "E2"));
  EXPECT_EQ(a.missing_now[0].risk, Risk::kHigh);
  EXPECT_EQ(a.missing_now[1].risk, Risk::kMedium);
}

TEST(EscalationTest, EachStepStartsAtItsBoundary) {
  const Policy p = DefaultPolicy();
  const Episode e = Open("E1", "C1", kT, Risk::kMedium);
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(24) - absl::Seconds(1)),
            "");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(24)), "team manager");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(72) - absl::Seconds(1)),
            "team manager");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(72)), "head of service");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(168) - absl::Seconds(1)),
            "head of service");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(168)),
            "director of children's services");
}

TEST(EscalationTest, HighRiskStartsAtTheFirstStep) {
  const Policy p = DefaultPolicy();
  const Episode e = Open("E1", "C1", kT, Risk::kHigh);
  EXPECT_EQ(EscalationReached(p, e, kT), "team manager");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(72)), "head of service");
}

TEST(EscalationTest, ARegradeToHighEscalatesFromTheRegradeOn) {
  const Policy p = DefaultPolicy();
  Episode e = Open("E1", "C1", kT, Risk::kLow);
  e.risk_history.push_back({Risk::kHigh, kT + absl::Hours(3), kT, "u", "r"});
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(2)), "");
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(3)), "team manager");
}

TEST(EscalationTest, ARegradeDownFromHighLeavesTheTimeLadder) {
  const Policy p = DefaultPolicy();
  Episode e = Open("E1", "C1", kT, Risk::kHigh);
  e.risk_history.push_back({Risk::kLow, kT + absl::Hours(3), kT, "u", "r"});
  EXPECT_EQ(EscalationReached(p, e, kT + absl::Hours(4)), "");
}

TEST(AgendaMissingNowTest, ShowsTheEscalationStepReached) {
  AgendaData data;
  data.open_at = {Open("E1", "C1", kT - absl::Hours(80), Risk::kMedium)};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  ASSERT_EQ(a.missing_now.size(), 1u);
  EXPECT_EQ(a.missing_now[0].escalation, "head of service");
}

TEST(AgendaReturnedTest, EarliestDueFirstAndReturnsOwingNoInterviewLast) {
  Episode a = Back(Open("E1", "C1", kT - absl::Hours(40), Risk::kLow),
                   kT - absl::Hours(10), kT - absl::Hours(2));
  Episode b = Back(Open("E2", "C2", kT - absl::Hours(40), Risk::kLow),
                   kT - absl::Hours(12), kT - absl::Hours(8));
  Episode c = Back(Open("E3", "C3", kT - absl::Hours(40), Risk::kLow),
                   kT - absl::Hours(12), kT - absl::Hours(9));
  AgendaData data;
  data.returned_recently = {c, a, b};
  data.rhis = {RhiFor(a), RhiFor(b)};  // none owed for E3
  Agenda agenda = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Ids(agenda.returned), ElementsAre("E2", "E1", "E3"));
  EXPECT_EQ(agenda.returned[0].due_at, kT - absl::Hours(8) + absl::Hours(72));
  EXPECT_EQ(agenda.returned[0].rhi_status, RhiStatus::kDue);
  EXPECT_EQ(agenda.returned[2].rhi_status, RhiStatus::kUnspecified);
}

TEST(AgendaReturnedTest, SectionStartsAtThePreviousFrozenAgendaOrADayBefore) {
  EXPECT_EQ(ReturnedSectionStart(std::nullopt, kT), kT - absl::Hours(24));
  EXPECT_EQ(ReturnedSectionStart(kT - absl::Hours(72), kT),
            kT - absl::Hours(72));
}

TEST(AgendaReturnedTest, EntriesSayWhereAndWithWhomTheChildWasFound) {
  Episode e =
      Back(Open("E1", "C1", kT - absl::Hours(40), Risk::kLow),
           kT - absl::Hours(10), kT - absl::Hours(2), "Wigan bus station");
  e.found_with = "two older males";
  AgendaData data;
  data.returned_recently = {e};
  Agenda agenda = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  ASSERT_EQ(agenda.returned.size(), 1u);
  EXPECT_EQ(agenda.returned[0].found_location, "Wigan bus station");
  EXPECT_EQ(agenda.returned[0].found_with, "two older males");
  EXPECT_FALSE(agenda.returned[0].previous_rhi.has_value());
}

// C1 went missing at kT - 40h; its earlier returns, and others'.
TEST(PreviousRhiTest, IsTheChildsInterviewForTheLatestReturnBeforeThisEpisode) {
  const Episode now = Back(Open("E9", "C1", kT - absl::Hours(40), Risk::kLow),
                           kT - absl::Hours(10), kT - absl::Hours(2));
  auto rhi = [](const std::string& episode, const std::string& child,
                absl::Time returned_at) {
    Rhi r;
    r.episode_id = episode;
    r.child_id = child;
    r.returned_at = returned_at;
    return r;
  };
  std::vector<Rhi> rhis = {
      rhi("E1", "C1", kT - absl::Hours(500)),
      rhi("E3", "C1", kT - absl::Hours(300)),
      rhi("E2", "C1", kT - absl::Hours(400)),
      // Another child's, later.
      rhi("E4", "C2", kT - absl::Hours(100)),
      // The episode's own interview.
      rhi("E9", "C1", kT - absl::Hours(10)),
  };
  ASSERT_NE(PreviousRhiOf(now, rhis), nullptr);
  EXPECT_EQ(PreviousRhiOf(now, rhis)->episode_id, "E3");
  // A return exactly when this episode began counts; one after it does not.
  rhis.push_back(rhi("E5", "C1", kT - absl::Hours(40)));
  rhis.push_back(rhi("E10", "C1", kT - absl::Hours(40) + absl::Seconds(1)));
  EXPECT_EQ(PreviousRhiOf(now, rhis)->episode_id, "E5");
  // Two returns at the same instant: the higher episode id, as a number.
  rhis.push_back(rhi("E11", "C1", kT - absl::Hours(40)));
  EXPECT_EQ(PreviousRhiOf(now, rhis)->episode_id, "E11");
  EXPECT_EQ(PreviousRhiOf(now, {rhis[3], rhis[4]}), nullptr);
}

TEST(PreviousRhiTest, ShowsItsStatusAsOfTAndACompletionsFindingsWithoutNotes) {
  const Episode before =
      Back(Open("E1", "C1", kT - absl::Hours(500), Risk::kLow),
           kT - absl::Hours(400), kT - absl::Hours(399));
  const Episode now = Back(Open("E2", "C1", kT - absl::Hours(40), Risk::kLow),
                           kT - absl::Hours(10), kT - absl::Hours(2));
  auto previous_as_of = [&](const Rhi& earlier, absl::Time t) {
    AgendaData data;
    data.returned_recently = {now};
    data.previous_rhis = {earlier};
    Agenda agenda = AssembleAgenda(DefaultPolicy(), kWednesday, t, data);
    EXPECT_EQ(agenda.returned.size(), 1u);
    return agenda.returned.empty() ? std::nullopt
                                   : agenda.returned[0].previous_rhi;
  };
  Rhi completed = RhiFor(before);
  // Completed late, an hour before T.
  completed.completed_at = kT - absl::Hours(1);
  completed.outcome = {.concerns = {Concern::kCse, Concern::kCce},
                       .referral_made = true,
                       .notes = "said she stays at a flat in town"};
  std::optional<PreviousRhi> p = previous_as_of(completed, kT);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->episode_id, "E1");
  EXPECT_EQ(p->status, RhiStatus::kCompleted);
  EXPECT_EQ(p->closed_at, kT - absl::Hours(1));
  ASSERT_TRUE(p->outcome.has_value());
  EXPECT_THAT(p->outcome->concerns, ElementsAre(Concern::kCse, Concern::kCce));
  EXPECT_TRUE(p->outcome->referral_made);
  EXPECT_EQ(p->outcome->notes, "");

  // As of the return's notification, before the completion, it was overdue:
  // no findings yet.
  p = previous_as_of(completed, kT - absl::Hours(2));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status, RhiStatus::kOverdue);
  EXPECT_FALSE(p->closed_at.has_value());
  EXPECT_FALSE(p->outcome.has_value());

  Rhi declined = RhiFor(before);
  declined.declined_at = kT - absl::Hours(390);
  p = previous_as_of(declined, kT);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status, RhiStatus::kDeclined);
  EXPECT_EQ(p->closed_at, kT - absl::Hours(390));
  EXPECT_FALSE(p->outcome.has_value());

  Rhi not_held = RhiFor(before);
  not_held.closure = RhiClosure::kNotHeld;
  not_held.closed_at = kT - absl::Hours(200);
  p = previous_as_of(not_held, kT);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status, RhiStatus::kNotHeld);
  EXPECT_EQ(p->closed_at, kT - absl::Hours(200));
  EXPECT_FALSE(p->outcome.has_value());
}

TEST(AgendaRhiTest, OverdueMostOverdueFirstAndDueSoonEarliestFirst) {
  auto rhi = [](const std::string& id, const std::string& child,
                absl::Time notified) {
    return RhiFor(Back(Open(id, child, notified - absl::Hours(30), Risk::kLow),
                       notified - absl::Hours(1), notified));
  };
  AgendaData data;
  data.rhis = {
      rhi("E1", "C1", kT - absl::Hours(73)),  // overdue by 1h
      rhi("E2", "C2", kT - absl::Hours(80)),  // overdue by 8h
      rhi("E3", "C3", kT - absl::Hours(72)),  // due exactly now: overdue
      rhi("E4", "C4", kT - absl::Hours(60)),  // due in 12h: soon
      rhi("E5", "C5", kT - absl::Hours(50)),  // due in 22h: soon
      rhi("E6", "C6", kT - absl::Hours(40)),  // due in 32h: not soon
  };
  Rhi done = rhi("E7", "C7", kT - absl::Hours(90));
  done.completed_at = kT - absl::Hours(20);
  data.rhis.push_back(done);
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Ids(a.rhi_overdue), ElementsAre("E2", "E1", "E3"));
  EXPECT_THAT(Ids(a.rhi_due_soon), ElementsAre("E4", "E5"));
}

TEST(AgendaRhiTest, DueSoonReachesADayAheadWhenThatIsAfterTheNextMeeting) {
  // Wednesday 4 March 2026 at 10:00 GMT, after the 09:30 meeting: T + 24h
  // (Thursday 10:00) is later than Thursday's 09:30 meeting.
  const absl::Time t = T("2026-03-04T10:00:00Z");
  EXPECT_EQ(DueSoonUntil(DefaultPolicy(), kWednesday, t),
            T("2026-03-05T10:00:00Z"));
  auto rhi_due = [](const std::string& id, absl::Time due) {
    return RhiFor(
        Back(Open(id, "C" + id.substr(1), due - absl::Hours(100), Risk::kLow),
             due - absl::Hours(72), due - absl::Hours(72)));
  };
  AgendaData data;
  data.rhis = {rhi_due("E1", T("2026-03-05T09:45:00Z")),
               rhi_due("E2", T("2026-03-05T10:00:00Z")),
               rhi_due("E3", T("2026-03-05T10:00:01Z"))};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, t, data);
  EXPECT_THAT(Ids(a.rhi_due_soon), ElementsAre("E1", "E2"));
  // A longer window reaches further; the next meeting no longer matters.
  Policy wide = DefaultPolicy();
  wide.due_soon_window = absl::Hours(48);
  EXPECT_EQ(DueSoonUntil(wide, kWednesday, t), T("2026-03-06T10:00:00Z"));
}

TEST(AgendaRhiTest, DueSoonOnAFridayReachesMondaysMeeting) {
  // Friday 6 March 2026, 09:30 GMT; Monday's meeting is at 09:30 GMT.
  const absl::Time friday = T("2026-03-06T09:30:00Z");
  EXPECT_EQ(NextMeetingAfter(DefaultPolicy(), absl::CivilDay(2026, 3, 6)),
            T("2026-03-09T09:30:00Z"));
  auto rhi_due = [](const std::string& id, absl::Time due) {
    return RhiFor(
        Back(Open(id, "C" + id.substr(1), due - absl::Hours(100), Risk::kLow),
             due - absl::Hours(72), due - absl::Hours(72)));
  };
  AgendaData data;
  data.rhis = {rhi_due("E1", T("2026-03-09T09:30:00Z")),
               rhi_due("E2", T("2026-03-09T09:30:01Z")),
               rhi_due("E3", T("2026-03-08T12:00:00Z"))};
  Agenda a =
      AssembleAgenda(DefaultPolicy(), absl::CivilDay(2026, 3, 6), friday, data);
  EXPECT_THAT(Ids(a.rhi_due_soon), ElementsAre("E3", "E1"));
}

TEST(AgendaRhiTest, NextMeetingSkipsPolicyNonWorkingDaysAcrossTheClockChange) {
  Policy p = DefaultPolicy();
  p.non_working_days = {absl::CivilDay(2026, 3, 30)};
  // Friday 27 March; Monday 30th is a holiday; Tuesday 31st is in BST.
  EXPECT_EQ(NextMeetingAfter(p, absl::CivilDay(2026, 3, 27)),
            T("2026-03-31T08:30:00Z"));
}

TEST(RepeatMissingTest, CountsEpisodesStartingInTheHalfOpenWindow) {
  const absl::Duration window = absl::Hours(24 * 90);
  AgendaData data;
  // C1: three in the window, the oldest exactly at its open end (excluded),
  // so two count: below the threshold.
  data.repeat_window = {
      Open("E1", "C1", kT - window, Risk::kLow),
      Open("E2", "C1", kT - window + absl::Seconds(1), Risk::kLow),
      Open("E3", "C1", kT, Risk::kLow),
      // C2: three at the threshold, the latest exactly at T (included).
      Open("E4", "C2", kT - absl::Hours(100), Risk::kLow),
      Open("E5", "C2", kT - absl::Hours(50), Risk::kLow),
      Open("E6", "C2", kT, Risk::kLow),
      // C3: four.
      Open("E7", "C3", kT - absl::Hours(400), Risk::kLow),
      Open("E8", "C3", kT - absl::Hours(300), Risk::kLow),
      Open("E9", "C3", kT - absl::Hours(200), Risk::kLow),
      Open("E10", "C3", kT - absl::Hours(100), Risk::kLow),
  };
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Children(a.repeat_missing), ElementsAre("C3", "C2"));
  EXPECT_EQ(a.repeat_missing[0].episode_count, 4);
  EXPECT_EQ(a.repeat_missing[0].episode_id, "E10");
  EXPECT_EQ(a.repeat_missing[1].episode_count, 3);
  // Each says the window it was counted in: 3 episodes in 90 days.
  EXPECT_EQ(a.repeat_missing[0].repeat_window, window);
  EXPECT_EQ(a.repeat_missing[1].repeat_window, window);
}

TEST(RepeatMissingTest, EntriesCarryThePolicysWindow) {
  Policy p = DefaultPolicy();
  p.repeat_window = absl::Hours(24 * 28);
  AgendaData data;
  data.repeat_window = {Open("E1", "C1", kT - absl::Hours(600), Risk::kLow),
                        Open("E2", "C1", kT - absl::Hours(300), Risk::kLow),
                        Open("E3", "C1", kT - absl::Hours(1), Risk::kLow)};
  Agenda a = AssembleAgenda(p, kWednesday, kT, data);
  ASSERT_EQ(a.repeat_missing.size(), 1u);
  EXPECT_EQ(a.repeat_missing[0].episode_count, 3);
  EXPECT_EQ(a.repeat_missing[0].repeat_window, absl::Hours(24 * 28));
}

TEST(RepeatMissingTest, TheWindowExcludesItsStartAndIncludesT) {
  const Policy p = DefaultPolicy();
  EXPECT_FALSE(InRepeatWindow(p, kT - p.repeat_window, kT));
  EXPECT_TRUE(
      InRepeatWindow(p, kT - p.repeat_window + absl::Microseconds(1), kT));
  EXPECT_TRUE(InRepeatWindow(p, kT, kT));
  EXPECT_FALSE(InRepeatWindow(p, kT + absl::Microseconds(1), kT));
  EXPECT_FALSE(IsRepeatMissing(p, p.repeat_count - 1));
  EXPECT_TRUE(IsRepeatMissing(p, p.repeat_count));
}

TEST(LinkSuggestionTest, TheLinkWindowIncludesBothEnds) {
  const Policy p = DefaultPolicy();
  EXPECT_FALSE(InLinkWindow(p, kT - p.link_window - absl::Microseconds(1), kT));
  EXPECT_TRUE(InLinkWindow(p, kT - p.link_window, kT));
  EXPECT_TRUE(InLinkWindow(p, kT, kT));
  EXPECT_FALSE(InLinkWindow(p, kT + absl::Microseconds(1), kT));
}

TEST(RepeatMissingTest, TiesGoByChildId) {
  AgendaData data;
  for (const char* child : {"C10", "C2"}) {
    for (int i = 1; i <= 3; ++i) {
      data.repeat_window.push_back(
          Open(std::string("E") + child + "-" + std::to_string(i), child,
               kT - absl::Hours(10 * i), Risk::kLow));
    }
  }
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Children(a.repeat_missing), ElementsAre("C2", "C10"));
}

TEST(LinkSuggestionTest, SamePlaceIgnoringCaseAndSpacesAndOverlappingLinks) {
  EXPECT_EQ(NormalizeLocation("  Central  Station,\tPlatform 2 "),
            "central station, platform 2");
  std::vector<Episode> candidates = {
      Back(Open("E1", "C1", kT - absl::Hours(50), Risk::kLow),
           kT - absl::Hours(20), kT - absl::Hours(19), "Central Station"),
      Back(Open("E2", "C2", kT - absl::Hours(40), Risk::kLow),
           kT - absl::Hours(21), kT - absl::Hours(19), "central   STATION"),
  };
  EXPECT_EQ(SuggestLinks(candidates, kT),
            (std::vector<std::vector<std::string>>{{"E1", "E2"}}));
}

TEST(LinkSuggestionTest, PeriodsThatDoNotOverlapAreNotLinked) {
  std::vector<Episode> candidates = {
      Back(Open("E1", "C1", kT - absl::Hours(50), Risk::kLow),
           kT - absl::Hours(40), kT - absl::Hours(39), "Park"),
      // Starts exactly when E1 ended: half-open periods do not overlap.
      Back(Open("E2", "C2", kT - absl::Hours(40), Risk::kLow),
           kT - absl::Hours(30), kT - absl::Hours(29), "Park"),
  };
  EXPECT_TRUE(SuggestLinks(candidates, kT).empty());
}

TEST(LinkSuggestionTest, EmptyLocationsAndTheSameChildNeverMatch) {
  std::vector<Episode> candidates = {
      Back(Open("E1", "C1", kT - absl::Hours(50), Risk::kLow),
           kT - absl::Hours(20), kT - absl::Hours(19), "   "),
      Back(Open("E2", "C2", kT - absl::Hours(40), Risk::kLow),
           kT - absl::Hours(21), kT - absl::Hours(19), ""),
  };
  EXPECT_TRUE(SuggestLinks(candidates, kT).empty());
}

TEST(LinkSuggestionTest, AStoredLinkIsShownAndNotSuggestedAgain) {
  AgendaData data;
  data.returned_in_link_window = {
      Back(Open("E1", "C1", kT - absl::Hours(50), Risk::kLow),
           kT - absl::Hours(20), kT - absl::Hours(19), "Park"),
      Back(Open("E2", "C2", kT - absl::Hours(40), Risk::kLow),
           kT - absl::Hours(21), kT - absl::Hours(19), "park"),
      Back(Open("E3", "C3", kT - absl::Hours(45), Risk::kLow),
           kT - absl::Hours(22), kT - absl::Hours(19), "Bus Station"),
      Back(Open("E4", "C4", kT - absl::Hours(44), Risk::kLow),
           kT - absl::Hours(23), kT - absl::Hours(19), "bus station"),
  };
  data.links = {{"L1", {"E1", "E2"}, "missing together", "u", kT}};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  ASSERT_EQ(a.linked.size(), 2u);
  EXPECT_EQ(a.linked[0].link_id, "L1");
  EXPECT_FALSE(a.linked[0].suggested);
  EXPECT_THAT(Ids(a.linked[0].entries), ElementsAre("E1", "E2"));
  EXPECT_TRUE(a.linked[1].suggested);
  EXPECT_THAT(Ids(a.linked[1].entries), ElementsAre("E3", "E4"));
}

TEST(AgendaActionsTest, OverdueFirstThenByWhenThenChildId) {
  auto action = [](const std::string& id, const std::string& child,
                   absl::Time by) {
    Action a;
    a.action_id = id;
    a.child_id = child;
    a.what = "w";
    a.who = "p";
    a.by_when = by;
    return a;
  };
  AgendaData data;
  data.open_actions = {action("A1", "C1", kT + absl::Hours(5)),
                       action("A2", "C2", kT - absl::Hours(5)),
                       action("A3", "C3", kT),
                       action("A4", "C5", kT + absl::Hours(1)),
                       action("A5", "C4", kT + absl::Hours(1))};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  EXPECT_THAT(Ids(a.open_actions), ElementsAre("A2", "A3", "A5", "A4", "A1"));
}

TEST(AgendaFlagsTest, EntriesCarryTheFlagsInForceOpenToCstFirst) {
  Child child;
  child.child_id = "C1";
  child.flags = {{kFlagCceConcern, kT - absl::Hours(10), std::nullopt},
                 {kFlagCseConcern, kT - absl::Hours(10), kT - absl::Hours(1)},
                 {kFlagOpenToCst, kT - absl::Hours(5), std::nullopt}};
  AgendaData data;
  data.children = {child};
  data.open_at = {Open("E1", "C1", kT - absl::Hours(3), Risk::kLow)};
  Agenda a = AssembleAgenda(DefaultPolicy(), kWednesday, kT, data);
  ASSERT_EQ(a.missing_now.size(), 1u);
  EXPECT_THAT(a.missing_now[0].flags,
              ElementsAre(kFlagOpenToCst, kFlagCceConcern));
}

TEST(IdOrderTest, NumbersCompareByValue) {
  EXPECT_TRUE(IdLess("C2", "C10"));
  EXPECT_FALSE(IdLess("C10", "C2"));
  EXPECT_TRUE(IdLess("C10", "C11"));
}

}  // namespace
}  // namespace mfh::domain
