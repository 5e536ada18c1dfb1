#include "services/domain/reports.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "services/domain/csv.h"
#include "services/domain/episode_rules.h"
#include "services/domain/windows.h"

namespace mfh::domain {
namespace {

bool AllDigits(absl::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

// A four-digit year from 1900 to 9999.
std::optional<int> ParseYear(absl::string_view text) {
  int year = 0;
  if (text.size() != 4 || !AllDigits(text) || !absl::SimpleAtoi(text, &year) ||
      year < 1900) {
    return std::nullopt;
  }
  return year;
}

Period MakePeriod(std::string label, absl::CivilDay first, absl::CivilDay end,
                  absl::TimeZone tz) {
  return Period{.label = std::move(label),
                .first_day = first,
                .end_day = end,
                .start = absl::FromCivil(absl::CivilSecond(first), tz),
                .end = absl::FromCivil(absl::CivilSecond(end), tz)};
}

std::optional<absl::CivilDay> ParseSsdaDate(absl::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') {
    return std::nullopt;
  }
  int d = 0, m = 0, y = 0;
  if (!AllDigits(text.substr(0, 2)) || !AllDigits(text.substr(3, 2)) ||
      !AllDigits(text.substr(6, 4)) ||
      !absl::SimpleAtoi(text.substr(0, 2), &d) ||
      !absl::SimpleAtoi(text.substr(3, 2), &m) ||
      !absl::SimpleAtoi(text.substr(6, 4), &y)) {
    return std::nullopt;
  }
  absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) {
    return std::nullopt;
  }
  return day;
}

double RoundToHundredth(double value) { return std::round(value * 100) / 100; }

}  // namespace

absl::StatusOr<Period> ParseMonth(absl::string_view field,
                                  absl::string_view text, absl::TimeZone tz) {
  int month = 0;
  std::optional<int> year = text.size() == 7 && text[4] == '-'
                                ? ParseYear(text.substr(0, 4))
                                : std::nullopt;
  if (!year.has_value() || !AllDigits(text.substr(5)) ||
      !absl::SimpleAtoi(text.substr(5), &month) || month < 1 || month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must be a month YYYY-MM"));
  }
  absl::CivilMonth m(*year, month);
  return MakePeriod(std::string(text), absl::CivilDay(m), absl::CivilDay(m + 1),
                    tz);
}

absl::StatusOr<Period> ParseQuarter(absl::string_view field,
                                    absl::string_view text, absl::TimeZone tz) {
  std::optional<int> year = text.size() == 7 && text[4] == '-' && text[5] == 'Q'
                                ? ParseYear(text.substr(0, 4))
                                : std::nullopt;
  const int q = year.has_value() ? text[6] - '0' : 0;
  if (!year.has_value() || q < 1 || q > 4) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": must be a financial-year quarter YYYY-Qn (n 1 to 4)"));
  }
  absl::CivilMonth first(*year, 4);
  first += 3 * (q - 1);
  return MakePeriod(std::string(text), absl::CivilDay(first),
                    absl::CivilDay(first + 3), tz);
}

absl::StatusOr<Period> ParseSsdaYear(absl::string_view field,
                                     absl::string_view text,
                                     absl::TimeZone tz) {
  std::optional<int> year = ParseYear(text);
  if (!year.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": must be a year YYYY (the year from 1 April YYYY)"));
  }
  return MakePeriod(std::string(text), absl::CivilDay(*year, 4, 1),
                    absl::CivilDay(*year + 1, 4, 1), tz);
}

Period MonthBefore(const Period& month, int months_back, absl::TimeZone tz) {
  absl::CivilMonth m(month.first_day);
  m -= months_back;
  return MakePeriod(absl::FormatCivilTime(m), absl::CivilDay(m),
                    absl::CivilDay(m + 1), tz);
}

double NearestRank(const std::vector<double>& sorted, int p) {
  if (sorted.empty()) return 0;
  const size_t n = sorted.size();
  // ceil(p * n / 100) in integers, at least 1.
  size_t rank = (static_cast<size_t>(p) * n + 99) / 100;
  rank = std::clamp<size_t>(rank, 1, n);
  return sorted[rank - 1];
}

double RoundToTenth(double value) { return std::round(value * 10) / 10; }

CstMeasure CstRates(int children, absl::Duration open_time,
                    int episodes_while_open, int episodes_before) {
  CstMeasure m;
  m.children = children;
  m.child_months =
      RoundToHundredth(absl::ToDoubleHours(open_time) / 24 / kDaysPerMonth);
  m.episodes_while_open = episodes_while_open;
  m.episodes_before = episodes_before;
  const double months = absl::ToDoubleHours(open_time) / 24 / kDaysPerMonth;
  if (months > 0) {
    m.rate_while_open = RoundToHundredth(episodes_while_open / months);
    m.rate_before = RoundToHundredth(episodes_before / months);
  }
  return m;
}

std::vector<CstWindow> CstCohort(const std::vector<ChildFlag>& flags,
                                 absl::Time from, absl::Time until) {
  std::vector<CstWindow> cohort;
  for (const ChildFlag& f : flags) {
    if (f.flag.name != kFlagOpenToCst || f.flag.set_at >= until ||
        (f.flag.cleared_at.has_value() && *f.flag.cleared_at < from)) {
      continue;
    }
    const absl::Time stop = std::min(f.flag.cleared_at.value_or(until), until);
    cohort.push_back(
        CstWindow{.child_id = f.child_id,
                  .before_from = f.flag.set_at - (stop - f.flag.set_at),
                  .set_at = f.flag.set_at,
                  .stop = stop});
  }
  return cohort;
}

CstMeasure MeasureCst(const std::vector<CstWindow>& cohort,
                      const std::vector<std::vector<absl::Time>>& starts) {
  std::set<std::string> children;
  absl::Duration open_time;
  int while_open = 0;
  int before = 0;
  for (size_t i = 0; i < cohort.size(); ++i) {
    const CstWindow& w = cohort[i];
    children.insert(w.child_id);
    open_time += w.stop - w.set_at;
    for (absl::Time t : starts[i]) {
      if (InClosedOpen(t, w.set_at, w.stop)) ++while_open;
      if (InClosedOpen(t, w.before_from, w.set_at)) ++before;
    }
  }
  return CstRates(static_cast<int>(children.size()), open_time, while_open,
                  before);
}

bool PlacedByOtherAuthority(absl::string_view placing_authority,
                            absl::string_view authority) {
  return !placing_authority.empty() && placing_authority != authority;
}

bool LookedAfterHere(bool looked_after, absl::string_view placing_authority,
                     absl::string_view authority) {
  return looked_after && !PlacedByOtherAuthority(placing_authority, authority);
}

bool InSsdaPeriod(const SsdaEpisode& episode, absl::Time from,
                  absl::Time until) {
  return episode.missing_since < until &&
         !(episode.returned_at.has_value() && *episode.returned_at < from);
}

std::string FormatSsdaDate(absl::CivilDay day) {
  return absl::StrFormat("%02d/%02d/%04d", day.day(), day.month(), day.year());
}

std::vector<SsdaRow> BuildSsdaRows(const std::vector<SsdaEpisode>& episodes,
                                   const Period& year, absl::Time as_of,
                                   absl::TimeZone tz) {
  std::vector<std::pair<std::pair<std::string, absl::Time>, SsdaRow>> keyed;
  for (const SsdaEpisode& e : episodes) {
    if (!InSsdaPeriod(e, year.start, year.end) || e.missing_since > as_of) {
      continue;
    }
    const bool returned = e.returned_at.has_value() && *e.returned_at <= as_of;
    SsdaRow row;
    row.child = e.la_ref.empty() ? e.child_id : e.la_ref;
    row.dob = FormatSsdaDate(e.date_of_birth);
    row.missing = e.category == Category::kAbsent ? "A" : "M";
    row.mis_start = FormatSsdaDate(absl::ToCivilDay(e.missing_since, tz));
    if (returned && *e.returned_at < year.end) {
      row.mis_end = FormatSsdaDate(absl::ToCivilDay(*e.returned_at, tz));
    }
    row.episode_id = e.episode_id;
    keyed.push_back({{row.child, e.missing_since}, std::move(row)});
  }
  std::stable_sort(
      keyed.begin(), keyed.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<SsdaRow> rows;
  rows.reserve(keyed.size());
  for (auto& k : keyed) rows.push_back(std::move(k.second));
  return rows;
}

std::vector<SsdaViolation> ValidateSsdaRows(const std::vector<SsdaRow>& rows,
                                            const Period& year) {
  std::vector<SsdaViolation> out;
  auto add = [&](absl::string_view rule, int i, absl::string_view message) {
    out.push_back(SsdaViolation{.rule = std::string(rule),
                                .row = i,
                                .episode_id = rows[i].episode_id,
                                .child = rows[i].child,
                                .message = std::string(message)});
  };
  // The last end (or open) per child, for the overlap check; rows are in
  // CHILD, MIS_START order.
  std::map<std::string, std::pair<absl::CivilDay, bool>> last_end;
  const absl::CivilDay last_day = year.end_day - 1;
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const SsdaRow& r = rows[i];
    std::optional<absl::CivilDay> start = ParseSsdaDate(r.mis_start);
    std::optional<absl::CivilDay> end = ParseSsdaDate(r.mis_end);
    if (!start.has_value()) {
      add("1004", i, "MIS_START is not a valid date");
    }
    if (!r.mis_end.empty() && !end.has_value()) {
      add("1005", i, "MIS_END is not a valid date");
    }
    if (r.missing.empty() && !r.mis_start.empty()) {
      add("565", i, "MIS_START is completed but MISSING is not");
    } else if (r.missing != "M" && r.missing != "A") {
      add("1006", i, "MISSING is not M or A");
    }
    if (end.has_value() && (*end < year.first_day || *end > last_day)) {
      add("571", i, "MIS_END is outside the collection year");
    }
    if (start.has_value() && end.has_value() && *end < *start) {
      add("MIS-ORDER", i, "MIS_END is before MIS_START");
    }
    if (start.has_value()) {
      auto it = last_end.find(r.child);
      if (it != last_end.end() &&
          (it->second.second || *start < it->second.first)) {
        add("MIS-OVERLAP", i,
            "the episode starts before the child's previous one ended");
      }
      last_end[r.child] = {end.value_or(*start), !end.has_value()};
    }
  }
  return out;
}

std::string SsdaCsv(const std::vector<SsdaRow>& rows) {
  std::string out = "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n";
  for (const SsdaRow& r : rows) {
    // CHILD is an la_ref typed by a person; the other fields are the
    // hub's own dates and codes, which CsvField leaves as they are.
    out +=
        CsvRecord({r.child, r.dob, r.missing, r.mis_start, r.mis_end}, "\r\n");
  }
  return out;
}

absl::string_view EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kEpisodeReported:
      return "episode_reported";
    case EventKind::kRegraded:
      return "regraded";
    case EventKind::kReturned:
      return "returned";
    case EventKind::kCorrected:
      return "corrected";
    case EventKind::kRhiOffered:
      return "rhi_offered";
    case EventKind::kRhiDeclined:
      return "rhi_declined";
    case EventKind::kRhiFollowUp:
      return "rhi_follow_up";
    case EventKind::kRhiCompleted:
      return "rhi_completed";
    case EventKind::kRhiFindings:
      return "rhi_findings";
    case EventKind::kRhiNotHeld:
      return "rhi_not_held";
    case EventKind::kRhiNotRequired:
      return "rhi_not_required";
    case EventKind::kFlagSet:
      return "flag_set";
    case EventKind::kFlagCleared:
      return "flag_cleared";
    case EventKind::kNote:
      return "note";
    case EventKind::kDecision:
      return "decision";
    case EventKind::kActionAgreed:
      return "action_agreed";
    case EventKind::kActionDone:
      return "action_done";
    case EventKind::kActionDropped:
      return "action_dropped";
  }
  return "";
}

namespace {

// "text", or "text: more" when more is not empty.
std::string With(absl::string_view text, absl::string_view more) {
  if (more.empty()) return std::string(text);
  return absl::StrCat(text, ": ", more);
}

}  // namespace

std::vector<ChronologyEvent> BuildChronology(
    const Child& child, const std::vector<Episode>& episodes,
    const std::vector<Rhi>& rhis, const std::vector<Note>& notes,
    const std::vector<Action>& actions, absl::Time as_of,
    const std::vector<InterviewRecord>& found) {
  std::vector<ChronologyEvent> events;
  auto add = [&](absl::Time at, EventKind kind, ChronologyEvent event) {
    if (at > as_of) return;
    event.at = at;
    event.kind = kind;
    events.push_back(std::move(event));
  };
  for (const Flag& f : child.flags) {
    add(f.set_at, EventKind::kFlagSet, {.detail = f.name});
    if (f.cleared_at.has_value()) {
      add(*f.cleared_at, EventKind::kFlagCleared, {.detail = f.name});
    }
  }
  for (const Episode& e : episodes) {
    if (e.voided()) continue;  // a report made in error leaves every report
    const Risk first =
        e.risk_history.empty() ? e.risk : e.risk_history.front().risk;
    // The user who recorded the report; else the free-text reporter.
    const std::string& by =
        e.risk_history.empty() || e.risk_history.front().recorded_by.empty()
            ? e.reporter
            : e.risk_history.front().recorded_by;
    add(e.missing_since, EventKind::kEpisodeReported,
        {.episode_id = e.episode_id,
         .detail =
             absl::StrCat(CategoryName(e.category), ", risk ", RiskName(first),
                          ", ", e.police_force, " ", e.police_ref),
         .by = by});
    for (size_t i = 1; i < e.risk_history.size(); ++i) {
      const RiskGrade& g = e.risk_history[i];
      add(g.from, EventKind::kRegraded,
          {.episode_id = e.episode_id,
           .detail = With(absl::StrCat("risk ", RiskName(g.risk)), g.reason),
           .by = g.recorded_by});
    }
    if (e.returned_at.has_value()) {
      add(*e.returned_at, EventKind::kReturned,
          {.episode_id = e.episode_id,
           .detail = With("returned", e.found_location)});
    }
    for (const Correction& c : e.corrections) {
      add(c.at, EventKind::kCorrected,
          {.episode_id = e.episode_id,
           .detail = absl::StrCat(With(c.rpc, c.reason), " (",
                                  absl::StrJoin(c.changes, "; "), ")"),
           .by = c.by});
    }
  }
  for (const Rhi& r : rhis) {
    if (r.offered_at.has_value()) {
      add(*r.offered_at, EventKind::kRhiOffered,
          {.episode_id = r.episode_id,
           .detail = *r.offered_at <= r.due_at ? "RHI offered on time"
                                               : "RHI offered late",
           .by = r.offered_by});
    }
    if (r.declined_at.has_value()) {
      add(*r.declined_at, EventKind::kRhiDeclined,
          {.episode_id = r.episode_id,
           .detail = With("RHI declined", r.decline_reason)});
    }
    if (r.completed_at.has_value()) {
      std::string detail = *r.completed_at <= r.due_at ? "RHI completed on time"
                                                       : "RHI completed late";
      if (!r.also_episode_ids.empty()) {
        absl::StrAppend(&detail, ", also for ",
                        absl::StrJoin(r.also_episode_ids, " "));
      }
      add(*r.completed_at, EventKind::kRhiCompleted,
          {.episode_id = r.episode_id,
           .detail = std::move(detail),
           .by = r.completed_by});
    }
    if (r.closed_at.has_value() && r.closure == RhiClosure::kNotHeld) {
      add(*r.closed_at, EventKind::kRhiNotHeld,
          {.episode_id = r.episode_id,
           .detail = With("RHI not held", r.closed_reason)});
    }
    if (r.closed_at.has_value() && r.closure == RhiClosure::kNotRequired) {
      add(*r.closed_at, EventKind::kRhiNotRequired,
          {.episode_id = r.episode_id,
           .detail = With("RHI not required", r.closed_reason)});
    }
  }
  for (const InterviewRecord& r : found) {
    if (r.rhi.voided_at.has_value()) continue;
    for (const FollowUp& f : r.follow_ups) {
      add(f.at, EventKind::kRhiFollowUp,
          {.episode_id = r.rhi.episode_id,
           .detail = DescribeFollowUp(f),
           .by = f.by});
    }
    for (const Findings& f : r.findings) {
      add(f.recorded_at, EventKind::kRhiFindings,
          {.episode_id = r.rhi.episode_id,
           .detail = DescribeFindings(f),
           .by = f.recorded_by});
    }
  }
  for (const Note& n : notes) {
    add(n.at, n.decision ? EventKind::kDecision : EventKind::kNote,
        {.meeting_id = n.meeting_id, .detail = n.text, .by = n.author});
  }
  for (const Action& a : actions) {
    add(a.created_at, EventKind::kActionAgreed,
        {.action_id = a.action_id,
         .meeting_id = a.meeting_id,
         .detail = absl::StrCat(a.what, " (", a.who, ")"),
         .by = a.created_by});
    if (a.closed_at.has_value() && a.status == ActionStatus::kDone) {
      add(*a.closed_at, EventKind::kActionDone,
          {.action_id = a.action_id,
           .meeting_id = a.meeting_id,
           .detail = With("done", a.done_evidence)});
    }
    if (a.closed_at.has_value() && a.status == ActionStatus::kDropped) {
      add(*a.closed_at, EventKind::kActionDropped,
          {.action_id = a.action_id,
           .meeting_id = a.meeting_id,
           .detail = With("dropped", a.drop_reason)});
    }
  }
  std::stable_sort(
      events.begin(), events.end(),
      [](const ChronologyEvent& a, const ChronologyEvent& b) {
        return std::tie(a.at, a.kind, a.episode_id, a.action_id, a.meeting_id) <
               std::tie(b.at, b.kind, b.episode_id, b.action_id, b.meeting_id);
      });
  return events;
}

}  // namespace mfh::domain
