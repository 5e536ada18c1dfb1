// Unit tests of clients/core: time parsing and formatting, words, the agenda
// presenter, typed calls against no server, exit codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "clients/core/agenda.h"
#include "clients/core/calls.h"
#include "clients/core/status.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::client {
namespace {

absl::Time Utc(const std::string& rfc3339) {
  absl::Time t;
  std::string err;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &err)) << err;
  return t;
}

// The instant `text` parses to, as RFC 3339 UTC, or the error message.
std::string Parsed(const std::string& text) {
  absl::StatusOr<absl::Time> t = ParseTime("--at", text);
  if (!t.ok()) return std::string(t.status().message());
  return FormatUtc(*t);
}

TEST(CliTimeParseTest, NaiveWinterTimeIsGmt) {
  EXPECT_EQ(Parsed("2026-03-27T10:00"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27 10:00"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27T10:00:00"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27t10:00:30"), "2026-03-27T10:00:30Z");
}

TEST(CliTimeParseTest, NaiveSummerTimeIsBst) {
  EXPECT_EQ(Parsed("2026-06-01T10:00"), "2026-06-01T09:00:00Z");
  EXPECT_EQ(Parsed("2026-06-01 10:00:15"), "2026-06-01T09:00:15Z");
}

TEST(CliTimeParseTest, ZoneOrOffsetIsTakenAsGiven) {
  EXPECT_EQ(Parsed("2026-03-27T10:00:00Z"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27T10:00z"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27T10:00+01:00"), "2026-03-27T09:00:00Z");
  EXPECT_EQ(Parsed("2026-06-01T10:00+00:00"), "2026-06-01T10:00:00Z");
  EXPECT_EQ(Parsed("2026-03-27T10:00:00-05:30"), "2026-03-27T15:30:00Z");
  EXPECT_EQ(Parsed("2026-03-27 23:30+01:00"), "2026-03-27T22:30:00Z");
}

TEST(CliTimeParseTest, FractionsOfASecondAreKept) {
  absl::StatusOr<absl::Time> t = ParseTime("--at", "2026-03-27T10:00:00.25Z");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, Utc("2026-03-27T10:00:00Z") + absl::Milliseconds(250));
}

TEST(CliTimeParseTest, HoursAroundTheSpringChangeAreUnique) {
  EXPECT_EQ(Parsed("2026-03-29T00:59"), "2026-03-29T00:59:00Z");
  EXPECT_EQ(Parsed("2026-03-29T02:00"), "2026-03-29T01:00:00Z");
}

TEST(CliTimeParseTest, HoursAroundTheAutumnChangeAreUnique) {
  EXPECT_EQ(Parsed("2026-10-25T00:59"), "2026-10-24T23:59:00Z");
  EXPECT_EQ(Parsed("2026-10-25T02:00"), "2026-10-25T02:00:00Z");
}

TEST(CliTimeParseTest, SkippedHourAsksForAnOffset) {
  EXPECT_EQ(Parsed("2026-03-29T01:30"),
            "--at: 2026-03-29T01:30 does not exist in Europe/London (clocks "
            "go forward); add an offset such as +00:00 or +01:00, or BST or "
            "GMT");
  absl::StatusOr<absl::Time> t = ParseTime("--at", "2026-03-29 01:00");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CliTimeParseTest, RepeatedHourAsksForAnOffset) {
  absl::StatusOr<absl::Time> t = ParseTime("--returned-at", "2026-10-25T01:30");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(t.status().message(),
            "--returned-at: 2026-10-25T01:30 happens twice in Europe/London "
            "(clocks go back); add an offset such as +01:00 or +00:00, or "
            "BST or GMT");
  // Either offset settles it, and so does either zone.
  EXPECT_EQ(Parsed("2026-10-25T01:30+01:00"), "2026-10-25T00:30:00Z");
  EXPECT_EQ(Parsed("2026-10-25T01:30+00:00"), "2026-10-25T01:30:00Z");
  EXPECT_EQ(Parsed("2026-10-25 01:30 BST"), "2026-10-25T00:30:00Z");
  EXPECT_EQ(Parsed("2026-10-25 01:30 GMT"), "2026-10-25T01:30:00Z");
  EXPECT_EQ(Parsed("2026-10-25 01:30gmt"), "2026-10-25T01:30:00Z");
}

TEST(CliTimeParseTest, DayFirstDatesAndZonesAreLondonTime) {
  EXPECT_EQ(Parsed("27/03/2026 10:00"), "2026-03-27T10:00:00Z");
  EXPECT_EQ(Parsed("27/06/2026 10:00"), "2026-06-27T09:00:00Z");
  EXPECT_EQ(Parsed("27/06/2026 10:00 BST"), "2026-06-27T09:00:00Z");
  EXPECT_EQ(Parsed("27/06/2026T10:00:30"), "2026-06-27T09:00:30Z");
  // A zone not in force then is refused rather than guessed at.
  EXPECT_EQ(Parsed("2026-11-30 10:00 BST"),
            "--at: 2026-11-30 10:00 BST: BST is not Europe/London's time then; "
            "use GMT or leave the zone out");
  EXPECT_EQ(Parsed("27/06/2026 10:00 GMT"),
            "--at: 27/06/2026 10:00 GMT: GMT is not Europe/London's time then; "
            "use BST or leave the zone out");
  // The spring gap: 01:30 GMT would be 02:30 BST.
  EXPECT_EQ(Parsed("29/03/2026 01:30 GMT"),
            "--at: 29/03/2026 01:30 GMT: GMT is not Europe/London's time then; "
            "use BST or leave the zone out");
  for (const char* bad :
       {"27/3/2026 10:00", "2026/03/27 10:00", "27/03/2026", "31/02/2026 10:00",
        "27/03/2026 10:00 CET", "2026-03-27T10:00Z GMT",
        "2026-03-27T10:00+01:00 BST"}) {
    EXPECT_EQ(ParseTime("--at", bad).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

TEST(CliTimeParseTest, NotATimeNamesTheFlagAndTheForms) {
  EXPECT_EQ(Parsed("yesterday"),
            "--at: \"yesterday\" is not a time; use RFC 3339 "
            "(2026-03-27T10:00:00Z, 2026-03-27T10:00+01:00) or Europe/London "
            "time (2026-03-27T10:00, 2026-03-27 10:00, 27/03/2026 10:00, "
            "2026-10-25 01:30 BST)");
  for (const char* bad :
       {"", "2026-03-27", "2026-02-30T10:00", "2026-03-27T24:00",
        "2026-03-27T10:60", "2026-03-27T10:00:61", "2026-03-27T10",
        "2026-03-27T10:00+24:00", "2026-03-27T10:00+0100", "2026-03-27T10:00 Z",
        " 2026-03-27T10:00", "2026-3-27T10:00"}) {
    absl::StatusOr<absl::Time> t = ParseTime("--at", bad);
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(CliDurationTest, ParsesDaysHoursAndMinutes) {
  EXPECT_EQ(*ParseDuration("--due-within", "24h"), absl::Hours(24));
  EXPECT_EQ(*ParseDuration("--due-within", "3d"), absl::Hours(72));
  EXPECT_EQ(*ParseDuration("--due-within", "90m"), absl::Minutes(90));
  EXPECT_EQ(*ParseDuration("--due-within", "1d12h30m"),
            absl::Hours(36) + absl::Minutes(30));
  for (const char* bad : {"", "h", "24", "-3h", "3 d", "3h2d", "1.5h", "3w"}) {
    EXPECT_EQ(ParseDuration("--due-within", bad).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
  EXPECT_EQ(ParseDuration("--due-within", "soon").status().message(),
            "--due-within: \"soon\" is not a duration; use e.g. 24h, 3d or "
            "90m");
}

TEST(CliDurationTest, FormatsTwoUnitsRoundedDown) {
  EXPECT_EQ(FormatShortDuration(absl::Hours(52)), "2d 4h");
  EXPECT_EQ(FormatShortDuration(absl::Hours(52) + absl::Minutes(59)), "2d 4h");
  EXPECT_EQ(FormatShortDuration(absl::Hours(5) + absl::Minutes(12)), "5h 12m");
  EXPECT_EQ(FormatShortDuration(absl::Minutes(45) + absl::Seconds(59)), "45m");
  EXPECT_EQ(FormatShortDuration(absl::Hours(24)), "1d 0h");
  EXPECT_EQ(FormatShortDuration(absl::Hours(1)), "1h 0m");
  EXPECT_EQ(FormatShortDuration(absl::Seconds(59)), "0m");
  EXPECT_EQ(FormatShortDuration(absl::ZeroDuration()), "0m");
  EXPECT_EQ(FormatShortDuration(-absl::Hours(3)), "0m");
}

TEST(CliDurationTest, CountdownSaysDueInOrOverdueBy) {
  const absl::Time due = Utc("2026-03-30T10:00:00Z");
  EXPECT_EQ(FormatCountdown(due, Utc("2026-03-29T08:00:00Z")), "due in 1d 2h");
  EXPECT_EQ(FormatCountdown(due, Utc("2026-03-30T13:05:00Z")),
            "overdue by 3h 5m");
  // Overdue when due <= as_of.
  EXPECT_EQ(FormatCountdown(due, due), "overdue by 0m");
  EXPECT_EQ(FormatCountdown(due, due - absl::Seconds(30)), "due in 0m");
}

TEST(CliDurationTest, ThresholdsReadInDays) {
  EXPECT_EQ(FormatDays(absl::Hours(7 * 24)), "7 days");
  EXPECT_EQ(FormatDays(absl::Hours(14 * 24)), "14 days");
  EXPECT_EQ(FormatDays(absl::Hours(24)), "1 day");
  // Not a whole number of days: as a short duration.
  EXPECT_EQ(FormatDays(absl::Hours(36)), "1d 12h");
  EXPECT_EQ(FormatDays(absl::ZeroDuration()), "0m");
  google::protobuf::Duration proto;
  proto.set_seconds(7 * 24 * 3600);
  EXPECT_EQ(FormatDays(FromDuration(proto)), "7 days");
}

TEST(CliTimeFormatTest, LocalTimeShowsTheZoneInForce) {
  EXPECT_EQ(FormatLocal(Utc("2026-03-30T10:00:00Z")), "2026-03-30 11:00 BST");
  EXPECT_EQ(FormatLocal(Utc("2026-03-27T10:00:00Z")), "2026-03-27 10:00 GMT");
  EXPECT_EQ(FormatLocal(Utc("2026-10-25T00:30:00Z")), "2026-10-25 01:30 BST");
  EXPECT_EQ(FormatLocal(Utc("2026-10-25T01:30:00Z")), "2026-10-25 01:30 GMT");
}

TEST(CliTimeFormatTest, ShortLocalTimeHasTheWeekdayAndTheZoneOnlyWhenRepeated) {
  EXPECT_EQ(FormatLocalShort(Utc("2026-10-23T23:30:00Z")), "Sat 24 Oct 00:30");
  EXPECT_EQ(FormatLocalShort(Utc("2026-11-04T09:05:00Z")), "Wed 4 Nov 09:05");
  EXPECT_EQ(FormatLocalShort(Utc("2026-03-29T01:30:00Z")), "Sun 29 Mar 02:30");
  // 01:30 happens twice on 25 October.
  EXPECT_EQ(FormatLocalShort(Utc("2026-10-25T00:30:00Z")),
            "Sun 25 Oct 01:30 BST");
  EXPECT_EQ(FormatLocalShort(Utc("2026-10-25T01:30:00Z")),
            "Sun 25 Oct 01:30 GMT");
  EXPECT_EQ(FormatLocalShort(Utc("2026-10-25T02:00:00Z")), "Sun 25 Oct 02:00");
}

TEST(CliTimeFormatTest, UtcIsRfc3339ToTheSecond) {
  EXPECT_EQ(FormatUtc(Utc("2026-03-30T10:00:00Z") + absl::Milliseconds(999)),
            "2026-03-30T10:00:00Z");
}

// Found by tests/fuzz/time_fuzz: a year before 1000 was written with fewer
// than four digits, which RFC 3339 (and ParseTime) do not read back.
TEST(CliTimeFormatTest, AYearBeforeAThousandKeepsFourDigitsAndReadsBack) {
  const absl::Time t = Utc("0506-03-27T09:00:00Z");
  EXPECT_EQ(FormatUtc(t), "0506-03-27T09:00:00Z");
  EXPECT_EQ(FormatLocal(t), "0506-03-27 08:58 LMT");
  EXPECT_EQ(ParseTime("at", FormatUtc(t)).value(), t);
}

TEST(CliTimeFormatTest, TimestampsRoundTrip) {
  for (absl::Time t : {Utc("2026-03-30T10:00:00Z") + absl::Microseconds(123456),
                       Utc("1969-12-31T23:59:59Z") + absl::Milliseconds(500),
                       absl::UnixEpoch()}) {
    const google::protobuf::Timestamp ts = ToTimestamp(t);
    EXPECT_GE(ts.nanos(), 0);
    EXPECT_LT(ts.nanos(), 1000000000);
    EXPECT_EQ(FromTimestamp(ts), t);
  }
}

TEST(CliWordsTest, RiskWordsIgnoreCase) {
  EXPECT_EQ(*ParseRisk("--risk", "no-apparent"), v1::RISK_NO_APPARENT_RISK);
  EXPECT_EQ(*ParseRisk("--risk", "LOW"), v1::RISK_LOW);
  EXPECT_EQ(*ParseRisk("--risk", "Medium"), v1::RISK_MEDIUM);
  EXPECT_EQ(*ParseRisk("--risk", "high"), v1::RISK_HIGH);
  EXPECT_EQ(ParseRisk("--risk", "severe").status().message(),
            "--risk: must be no-apparent, low, medium or high");
}

TEST(CliWordsTest, OtherWords) {
  EXPECT_EQ(*ParseCategory("--category", "ABSENT"), v1::CATEGORY_ABSENT);
  EXPECT_EQ(*ParseReturnedTo("--returned-to", "custody"),
            v1::RETURNED_TO_CUSTODY);
  EXPECT_EQ(*ParseConcerns("--concerns", "CCE,cse"),
            (std::vector<v1::Concern>{v1::CONCERN_CSE, v1::CONCERN_CCE}));
  EXPECT_EQ(*ParseConcerns("--concerns", "none"),
            (std::vector<v1::Concern>{v1::CONCERN_NONE}));
  EXPECT_EQ(ParseConcerns("--concerns", "none,cse").status().message(),
            "--concerns: must be none, cse, cce or cse,cce");
  EXPECT_EQ(*ParseRole("--role", "rhi-worker"), v1::ROLE_RHI_WORKER);
  EXPECT_EQ(ParseCategory("--category", "lost").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CliWordsTest, LabelsDropThePrefix) {
  EXPECT_EQ(RiskLabel(v1::RISK_NO_APPARENT_RISK), "NO_APPARENT_RISK");
  EXPECT_EQ(RhiStatusLabel(v1::RHI_STATUS_NOT_HELD), "NOT_HELD");
  EXPECT_EQ(CategoryLabel(v1::CATEGORY_MISSING), "MISSING");
  EXPECT_EQ(ReturnedToLabel(v1::RETURNED_TO_HOME), "home");
  EXPECT_EQ(ReturnedToLabel(v1::RETURNED_TO_UNSPECIFIED), "-");
  EXPECT_EQ(RoleLabel(v1::ROLE_RHI_WORKER), "rhi_worker");
  EXPECT_EQ(ConcernLabel(v1::CONCERN_NONE), "none");
  EXPECT_EQ(ConcernLabel(v1::CONCERN_CSE), "CSE");
}

TEST(CliWordsTest, WordsReadAsSentences) {
  EXPECT_EQ(RiskWord(v1::RISK_NO_APPARENT_RISK), "No apparent risk");
  EXPECT_EQ(RiskWord(v1::RISK_HIGH), "High");
  EXPECT_EQ(RhiStatusWord(v1::RHI_STATUS_OVERDUE), "OVERDUE");
  EXPECT_EQ(RhiStatusWord(v1::RHI_STATUS_NOT_REQUIRED), "Not required");
  EXPECT_EQ(CategoryWord(v1::CATEGORY_ABSENT), "Absent");
  EXPECT_EQ(ActionStatusWord(v1::ACTION_STATUS_DROPPED), "Dropped");
  EXPECT_EQ(RiskWord(v1::RISK_UNSPECIFIED), "-");
  EXPECT_EQ(RhiStatusWord(v1::RHI_STATUS_UNSPECIFIED), "-");
}

TEST(CliWordsTest, OpenInterviewsAreTheOnesStillOwed) {
  std::vector<v1::RhiStatus> open;
  for (int s = v1::RhiStatus_MIN; s <= v1::RhiStatus_MAX; ++s) {
    if (IsOpenRhiStatus(static_cast<v1::RhiStatus>(s))) {
      open.push_back(static_cast<v1::RhiStatus>(s));
    }
  }
  EXPECT_EQ(open, OpenRhiStatuses());
  EXPECT_EQ(open, (std::vector<v1::RhiStatus>{v1::RHI_STATUS_DUE,
                                              v1::RHI_STATUS_OFFERED,
                                              v1::RHI_STATUS_OVERDUE}));
}

v1::AgendaEntry Entry(const std::string& child_id) {
  v1::AgendaEntry e;
  e.set_child_id(child_id);
  return e;
}

TEST(FindingsWordsTest, EnumValuesReadAsWords) {
  EXPECT_EQ(EnumWords(v1::PushFactor_descriptor(), v1::PUSH_FAMILY_CONFLICT),
            "family conflict");
  EXPECT_EQ(EnumWords(v1::ExploitationIndicator_descriptor(),
                      v1::INDICATOR_CCE),
            "CCE");
  EXPECT_EQ(EnumWords(v1::PullFactor_descriptor(), v1::PULL_DRUGS_ALCOHOL),
            "drugs or alcohol");
  google::protobuf::RepeatedField<int> values;
  EXPECT_EQ(EnumList(v1::PullFactor_descriptor(), values, ""), "-");
  values.Add(v1::PULL_OLDER_PEERS);
  values.Add(v1::PULL_OTHER);
  EXPECT_EQ(EnumList(v1::PullFactor_descriptor(), values, "a cousin"),
            "older peers, other (a cousin)");
  EXPECT_EQ(EnumList(v1::PullFactor_descriptor(), values, ""),
            "older peers, other");
}

TEST(CliAgendaPresenterTest, SectionsComeInTheDesignOrderWithTheirTitles) {
  const std::vector<AgendaSection> sections = PresentAgenda(v1::Agenda());
  std::vector<std::string> names;
  std::vector<std::string> titles;
  for (const AgendaSection& s : sections) {
    names.push_back(s.name);
    titles.push_back(s.title);
    EXPECT_EQ(s.count, 0) << s.name;
    EXPECT_TRUE(s.items.empty()) << s.name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "missing_now", "returned", "rhi_overdue", "rhi_due_soon",
                       "repeat_missing", "linked", "exploitation_concerns",
                       "open_actions"}));
  EXPECT_EQ(titles,
            (std::vector<std::string>{
                "Missing now", "Returned since the last meeting", "RHI overdue",
                "RHI due before the next meeting", "Repeat missing",
                "Linked episodes", "Exploitation concerns", "Open actions"}));
}

TEST(CliAgendaPresenterTest, EntriesKeepTheServersOrderAndLinksTheirGroup) {
  v1::Agenda agenda;
  *agenda.add_missing_now() = Entry("C2");
  *agenda.add_missing_now() = Entry("C1");
  *agenda.add_open_actions() = Entry("C3");
  v1::AgendaEntry concern = Entry("C7");
  concern.add_indicators(v1::INDICATOR_CCE);
  concern.add_indicators(v1::INDICATOR_COUNTY_LINES);
  *agenda.add_exploitation_concerns() = concern;
  v1::LinkedGroup* linked = agenda.add_linked();
  linked->set_link_id("L1");
  linked->set_reason("siblings");
  *linked->add_entries() = Entry("C4");
  *linked->add_entries() = Entry("C5");
  v1::LinkedGroup* suggested = agenda.add_linked();
  suggested->set_suggested(true);
  suggested->set_reason("same place");
  *suggested->add_entries() = Entry("C6");
  const std::vector<AgendaSection> sections = PresentAgenda(agenda);
  ASSERT_EQ(sections.size(), 8u);
  const AgendaSection& missing = sections[0];
  EXPECT_EQ(missing.kind, AgendaSection::Kind::kMissingNow);
  EXPECT_EQ(missing.count, 2);
  ASSERT_EQ(missing.items.size(), 2u);
  EXPECT_EQ(missing.items[0].entry.child_id(), "C2");
  EXPECT_EQ(missing.items[1].entry.child_id(), "C1");
  // The linked section counts groups and lists their entries in turn.
  const AgendaSection& links = sections[5];
  EXPECT_EQ(links.kind, AgendaSection::Kind::kLinked);
  EXPECT_EQ(links.count, 2);
  ASSERT_EQ(links.items.size(), 3u);
  EXPECT_EQ(links.items[0].entry.child_id(), "C4");
  EXPECT_EQ(links.items[0].link_id, "L1");
  EXPECT_EQ(links.items[0].link_reason, "siblings");
  EXPECT_TRUE(links.items[0].first_of_group);
  EXPECT_FALSE(links.items[1].first_of_group);
  EXPECT_FALSE(links.items[1].suggested_link);
  EXPECT_TRUE(links.items[2].first_of_group);
  EXPECT_TRUE(links.items[2].suggested_link);
  // Exploitation concerns come between the linked episodes and the actions.
  EXPECT_EQ(sections[6].kind, AgendaSection::Kind::kExploitationConcerns);
  EXPECT_EQ(sections[6].count, 1);
  EXPECT_EQ(sections[6].items[0].entry.child_id(), "C7");
  EXPECT_EQ(IndicatorsText(sections[6].items[0].entry), "CCE, county lines");
  EXPECT_EQ(sections[7].count, 1);
  EXPECT_EQ(sections[7].items[0].entry.child_id(), "C3");
}

TEST(CliAgendaPresenterTest, AReturnSaysWhereAndWithWhomTheChildWasFound) {
  v1::AgendaEntry e;
  EXPECT_EQ(FoundText(e), "where found not recorded");
  e.set_found_location("Wigan bus station");
  EXPECT_EQ(FoundText(e), "found at Wigan bus station");
  e.set_found_with("two older males");
  EXPECT_EQ(FoundText(e), "found at Wigan bus station with two older males");
  e.clear_found_location();
  EXPECT_EQ(FoundText(e), "found with two older males");
}

TEST(CliAgendaPresenterTest, ThePreviousInterviewReadsInOneLine) {
  v1::AgendaEntry e;
  EXPECT_EQ(PreviousRhiText(e), "no previous RHI");
  v1::PreviousRhi* p = e.mutable_previous_rhi();
  p->set_status(v1::RHI_STATUS_COMPLETED);
  // 00:30 BST on the 22nd is 23:30 UTC on the 21st: the London day.
  *p->mutable_closed_at() = ToTimestamp(Utc("2026-06-21T23:30:00Z"));
  EXPECT_EQ(PreviousRhiText(e), "previous RHI completed 2026-06-22");
  p->mutable_outcome()->add_concerns(v1::CONCERN_NONE);
  EXPECT_EQ(PreviousRhiText(e),
            "previous RHI completed 2026-06-22: no concerns, no referral");
  p->mutable_outcome()->clear_concerns();
  p->mutable_outcome()->add_concerns(v1::CONCERN_CSE);
  p->mutable_outcome()->add_concerns(v1::CONCERN_CCE);
  p->mutable_outcome()->set_referral_made(true);
  EXPECT_EQ(PreviousRhiText(e),
            "previous RHI completed 2026-06-22: CSE and CCE concerns, "
            "referral made");
  p->mutable_outcome()->clear_concerns();
  EXPECT_EQ(PreviousRhiText(e),
            "previous RHI completed 2026-06-22: concerns not recorded, "
            "referral made");
  p->clear_outcome();
  p->set_status(v1::RHI_STATUS_DECLINED);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI declined 2026-06-22");
  p->set_status(v1::RHI_STATUS_NOT_HELD);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI not held, closed 2026-06-22");
  p->set_status(v1::RHI_STATUS_NOT_REQUIRED);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI not required");
  p->clear_closed_at();
  p->set_status(v1::RHI_STATUS_OVERDUE);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI OVERDUE");
  p->set_status(v1::RHI_STATUS_OFFERED);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI offered, not yet held");
  p->set_status(v1::RHI_STATUS_DUE);
  EXPECT_EQ(PreviousRhiText(e), "previous RHI due, not yet held");
}

TEST(CliAgendaPresenterTest, ARepeatCountSaysItsWindow) {
  v1::AgendaEntry e;
  e.set_episode_count(3);
  EXPECT_EQ(RepeatText(e), "3 episodes in the window");
  e.mutable_repeat_window()->set_seconds(90 * 24 * 3600);
  EXPECT_EQ(RepeatText(e), "3 episodes in 90 days");
  e.mutable_repeat_window()->set_seconds(28 * 24 * 3600);
  e.set_episode_count(1);
  EXPECT_EQ(RepeatText(e), "1 episode in 28 days");
}

TEST(CliTypedCallTest, AServerThatIsNotThereIsUnavailableNamingIt) {
  auto conn = Connection::Open({.server = "127.0.0.1:1", .token = "t"});
  ASSERT_TRUE(conn.ok()) << conn.status();
  const absl::StatusOr<v1::GetAgendaResponse> agenda =
      GetAgenda(**conn, "", absl::UnixEpoch());
  EXPECT_EQ(agenda.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(agenda.status().message(),
            "server: cannot reach mfh-server at 127.0.0.1:1 (not running, "
            "wrong address, or a TLS mismatch)");
}

TEST(CliExitCodeTest, FollowsTheCommandLineContract) {
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kOk), 0);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kInternal), 1);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kUnknown), 1);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kNotFound), 3);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kUnauthenticated), 4);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kPermissionDenied), 4);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kInvalidArgument), 5);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kAlreadyExists), 6);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kFailedPrecondition), 6);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kUnavailable), 7);
  EXPECT_EQ(ExitCodeFor(absl::StatusCode::kDeadlineExceeded), 7);
}

TEST(CliExitCodeTest, ServerMessagesPassThrough) {
  const absl::Status s = FromGrpcStatus(
      grpc::Status(grpc::StatusCode::NOT_FOUND, "child_id: no child C9"),
      "127.0.0.1:7443");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "child_id: no child C9");
  // Marked as the server's, so that mfh words it for its user.
  EXPECT_TRUE(s.GetPayload(kServerRefusal).has_value());
  EXPECT_EQ(FromGrpcStatus(grpc::Status::OK, "x"), absl::OkStatus());
  EXPECT_EQ(FromGrpcStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "x"),
                           "127.0.0.1:1")
                .message(),
            "server: cannot reach mfh-server at 127.0.0.1:1 (not running, "
            "wrong address, or a TLS mismatch)");
}

}  // namespace
}  // namespace mfh::client
