#include "clients/cli/monthly_pdf.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "clients/cli/report_pdf.h"
#include "clients/core/calls.h"
#include "clients/core/findings_calls.h"
#include "clients/core/time_text.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// England's share of return home interviews due in 2023-24 that were
// completed within 72 hours (DESIGN.md section 12).
constexpr char kNationalCompletedOnTime[] = "63%";

// The columns of the comparison tables, in points, alike in every table.
constexpr double kLabelWidth = 190;
constexpr double kFigureWidth = 80;

std::string Hours(double hours, int completed) {
  if (completed == 0) return "-";
  return absl::StrFormat("%.1f h", hours);
}

using Pick = std::function<std::string(const v1::MonthlyReport&)>;
struct Figure {
  const char* label;
  Pick value;
};

// One row per figure: its label, then its value in each report.
PdfTable Compare(std::string heading, const std::vector<Figure>& figures,
                 const std::vector<const v1::MonthlyReport*>& reports) {
  PdfTable table{.heading = std::move(heading),
                 .header = {""},
                 .min_widths = {kLabelWidth},
                 .figures = true};
  for (const v1::MonthlyReport* r : reports) {
    table.header.push_back(MonthName(r->month()));
    table.min_widths.push_back(kFigureWidth);
  }
  for (const Figure& f : figures) {
    Row row = {f.label};
    for (const v1::MonthlyReport* r : reports) row.push_back(f.value(*r));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<Figure> InterviewFigures() {
  return {
      {"Interviews due",
       [](const auto& r) { return absl::StrCat(r.rhis_due()); }},
      {"Offered on time",
       [](const auto& r) {
         return CountAndShare(r.rhis_offered_on_time(), r.rhis_due());
       }},
      {"Completed on time",
       [](const auto& r) {
         return CountAndShare(r.rhis_completed_on_time(), r.rhis_due());
       }},
      {"Declined on time",
       [](const auto& r) {
         return CountAndShare(r.rhis_declined_on_time(), r.rhis_due());
       }},
      {"Met: completed or declined on time",
       [](const auto& r) { return CountAndShare(r.rhis_met(), r.rhis_due()); }},
      {"Met, timed from the return",
       [](const auto& r) {
         return CountAndShare(r.rhis_met_from_return(),
                              r.rhis_due_from_return());
       }},
      {"Interviews completed",
       [](const auto& r) { return absl::StrCat(r.rhis_completed()); }},
      {"Time to interview, median",
       [](const auto& r) {
         return Hours(r.median_hours_to_rhi(), r.rhis_completed());
       }},
      {"Time to interview, 90th percentile",
       [](const auto& r) {
         return Hours(r.p90_hours_to_rhi(), r.rhis_completed());
       }},
      {"Interviews declined",
       [](const auto& r) { return absl::StrCat(r.rhis_declined()); }},
      {"Declines followed up",
       [](const auto& r) {
         return CountAndShare(r.declines_followed_up(), r.rhis_declined());
       }},
  };
}

std::vector<Figure> EpisodeFigures() {
  return {
      {"Episodes", [](const auto& r) { return absl::StrCat(r.episodes()); }},
      {"Missing",
       [](const auto& r) {
         return CountAndShare(r.missing_episodes(), r.episodes());
       }},
      {"Absent",
       [](const auto& r) {
         return CountAndShare(r.absent_episodes(), r.episodes());
       }},
      {"Of looked-after children",
       [](const auto& r) {
         return CountAndShare(r.looked_after_episodes(), r.episodes());
       }},
      {"Of children placed here by other authorities",
       [](const auto& r) {
         return CountAndShare(r.other_authority_episodes(), r.episodes());
       }},
      {"Children", [](const auto& r) { return absl::StrCat(r.children()); }},
      {"Repeat children",
       [](const auto& r) {
         return CountAndShare(r.repeat_children(), r.children());
       }},
      {"Returns", [](const auto& r) { return absl::StrCat(r.returns()); }},
  };
}

std::vector<Figure> FindingFigures() {
  return {
      {"Naming an exploitation indicator",
       [](const auto& r) {
         return CountAndShare(r.interviews_with_indicators(),
                              r.rhis_completed());
       }},
      {"Referred to the CST",
       [](const auto& r) { return absl::StrCat(r.referrals_cst()); }},
      {"Referred to the MASH",
       [](const auto& r) { return absl::StrCat(r.referrals_mash()); }},
      {"Referred for a WISE assessment",
       [](const auto& r) { return absl::StrCat(r.referrals_wise()); }},
      {"Shared with the police",
       [](const auto& r) { return absl::StrCat(r.intelligence_shared()); }},
      {"Acknowledged by the police",
       [](const auto& r) {
         return CountAndShare(r.intelligence_acknowledged(),
                              r.intelligence_shared());
       }},
  };
}

std::vector<Figure> ActionFigures() {
  return {
      {"Agreed",
       [](const auto& r) { return absl::StrCat(r.actions_agreed()); }},
      {"Done",
       [](const auto& r) {
         return CountAndShare(r.actions_done(), r.actions_agreed());
       }},
      {"Overdue",
       [](const auto& r) {
         return CountAndShare(r.actions_overdue(), r.actions_agreed());
       }},
  };
}

// One definition a line, each "term: what it counts".
constexpr char kDefinitions[] =
    "Episode: a time a child was missing or absent, counted in the month it "
    "began (UK time). Missing: whereabouts unknown. Absent: not where they "
    "should be, whereabouts known.\n"
    "Repeat children: children who went missing 3 or more times in the 90 days "
    "up to an episode of the month (the policy may set other figures).\n"
    "Returns: episodes that ended in the month.\n"
    "Interviews due: return home interviews whose deadline falls in the month, "
    "72 hours after the police told us of the return (the policy may start the "
    "clock at the return itself). Interviews not required, such as for young "
    "people of 18 or over, are left out.\n"
    "On time: by the deadline. Met: completed or declined by the deadline. "
    "Met, timed from the return: the same with the 72 hours counted from the "
    "return itself.\n"
    "Time to interview: from the return to the interview, for the interviews "
    "completed in the month; the median and the 90th percentile by nearest "
    "rank.\n"
    "Declines followed up: declined interviews of the month followed up with "
    "the child or family by the time of the report.\n"
    "What interviews found: of the interviews completed in the month, as last "
    "recorded: those naming an exploitation indicator (CSE, CCE, county lines "
    "and others), the referrals made, and what was shared with the police and "
    "whether they have acknowledged it.\n"
    "Actions: agreed at the daily missing meeting in the month; done by the "
    "time of the report; overdue when past their date and not done.\n"
    "CST measure: for each child open to the Complex Safeguarding Team in the "
    "month, the episodes per child-month (365.25/12 days) while open, against "
    "the same length of time before.\n";

PdfText Definitions() {
  PdfText text{.heading = "Definitions", .new_page = true};
  for (absl::string_view line :
       absl::StrSplit(kDefinitions, '\n', absl::SkipEmpty())) {
    text.paragraphs.emplace_back(line);
  }
  text.paragraphs.push_back(absl::StrCat(
      "National figure: in England in 2023-24, ", kNationalCompletedOnTime,
      " of return home interviews were completed within 72 hours."));
  return text;
}

}  // namespace

std::optional<absl::CivilMonth> ParseMonth(absl::string_view month) {
  int year = 0;
  int m = 0;
  if (month.size() != 7 || month[4] != '-' ||
      !absl::SimpleAtoi(month.substr(0, 4), &year) ||
      !absl::SimpleAtoi(month.substr(5, 2), &m) || m < 1 || m > 12) {
    return std::nullopt;
  }
  return absl::CivilMonth(year, m);
}

std::string MonthText(absl::CivilMonth month) {
  return absl::FormatCivilTime(month).substr(0, 7);
}

// "3 (60.0%)" of part in whole; the count alone when whole is 0.
std::string CountAndShare(int part, int whole) {
  if (whole == 0) return absl::StrCat(part);
  return absl::StrFormat("%d (%.1f%%)", part, 100.0 * part / whole);
}

// part in whole in whole percent, rounded half up; 0 when whole is 0.
int RoundedPercent(int part, int whole) {
  return whole == 0 ? 0 : (200 * part + whole) / (2 * whole);
}

// The CST measure as a sentence a partnership can read.
std::string CstWords(const v1::MonthlyReport& r) {
  const v1::CstMeasure& cst = r.cst();
  if (cst.children() == 0) {
    return "No child was open to the Complex Safeguarding Team (CST) in the "
           "month.";
  }
  return absl::StrFormat(
      "%d %s open to the Complex Safeguarding Team (CST) in the month, for "
      "%.2f child-months between them. While open they went missing %d "
      "%s: %.2f a child-month. In the same length of time before each was "
      "opened to the CST they went missing %d %s: %.2f a child-month.",
      cst.children(), cst.children() == 1 ? "child was" : "children were",
      cst.child_months(), cst.episodes_while_open(),
      cst.episodes_while_open() == 1 ? "time" : "times", cst.rate_while_open(),
      cst.episodes_before(), cst.episodes_before() == 1 ? "time" : "times",
      cst.rate_before());
}

std::string MonthName(absl::string_view month) {
  std::optional<absl::CivilMonth> m = ParseMonth(month);
  if (!m.has_value()) return std::string(month);
  return absl::StrCat(kMonthNames[m->month() - 1], " ", m->year());
}

std::string QuarterWords(absl::string_view quarter,
                         absl::string_view first_month,
                         absl::string_view last_month) {
  std::optional<absl::CivilMonth> first = ParseMonth(first_month);
  std::optional<absl::CivilMonth> last = ParseMonth(last_month);
  int year = 0;
  if (!first.has_value() || !last.has_value() || quarter.size() != 7 ||
      !absl::SimpleAtoi(quarter.substr(0, 4), &year)) {
    return std::string(quarter);
  }
  return absl::StrFormat("%s to %s %d (%d-%02d %s)",
                         kMonthNames[first->month() - 1],
                         kMonthNames[last->month() - 1], last->year(), year,
                         (year + 1) % 100, quarter.substr(5));
}

std::vector<std::pair<std::string, int>> Trend(const v1::MonthlyReport& r) {
  std::vector<std::pair<std::string, int>> trend;
  for (const v1::MonthEpisodes& m : r.trend()) {
    trend.emplace_back(m.month(), m.episodes());
  }
  return trend;
}

std::string AsOfWords(absl::Time t) {
  return absl::FormatTime("%-d %B %Y %H:%M %Z", t, client::London());
}

bool IsPartial(absl::string_view last_month, absl::Time as_of) {
  std::optional<absl::CivilMonth> last = ParseMonth(last_month);
  return last.has_value() &&
         as_of < absl::FromCivil(*last + 1, client::London());
}

std::string PartialNote(absl::string_view last_month, absl::Time as_of) {
  if (!IsPartial(last_month, as_of)) return "";
  return absl::StrCat("counted only to ", AsOfWords(as_of));
}

std::string PartialMark(absl::string_view last_month, absl::Time as_of) {
  if (!IsPartial(last_month, as_of)) return "";
  return absl::StrCat(", partial: to ", AsOfWords(as_of));
}

absl::StatusOr<PdfTable> HotspotTable(const client::Connection& conn,
                                      absl::Time from, absl::Time to) {
  PdfTable table{.heading =
                     "Hotspots: places and associates named for two "
                     "or more children",
                 .header = {"kind", "name", "children", "named in"}};
  if (to > from) {
    ASSIGN_OR_RETURN(v1::HotspotsResponse resp,
                     client::Hotspots(conn, from, to, 0));
    for (const v1::Hotspot& h : resp.hotspots()) {
      std::vector<std::string> named;
      for (const v1::Hotspot::Mention& m : h.mentions()) {
        named.push_back(absl::StrCat(m.child_id(), " ", m.episode_id()));
      }
      table.rows.push_back(
          {h.kind() == v1::Hotspot::KIND_ASSOCIATE ? "associate" : "place",
           h.name(), absl::StrCat(h.children()), absl::StrJoin(named, ", ")});
    }
  }
  if (table.rows.empty()) table.rows.push_back({"-", "none", "", ""});
  return table;
}

absl::StatusOr<std::vector<v1::MonthlyReportResponse>> MonthlyReports(
    const client::Connection& conn, absl::CivilMonth last, int count,
    absl::Time as_of) {
  std::vector<v1::MonthlyReportResponse> months;
  for (int back = count - 1; back >= 0; --back) {
    ASSIGN_OR_RETURN(
        v1::MonthlyReportResponse month,
        client::MonthlyReport(conn, MonthText(last - back), as_of));
    months.push_back(std::move(month));
  }
  return months;
}

std::vector<PdfChart> TrendCharts(
    const std::vector<v1::MonthlyReportResponse>& months, absl::Time as_of) {
  if (months.empty()) return {};
  const std::string& last = months.back().report().month();
  const std::string partial = PartialNote(last, as_of);
  auto chart = [&](absl::string_view title, int full_scale, auto value) {
    PdfChart c{.title = absl::StrCat(title, ", the ", months.size(),
                                     " months to ", MonthName(last)),
               .full_scale = full_scale,
               .partial_note = partial};
    for (const v1::MonthlyReportResponse& m : months) {
      c.bars.push_back({m.report().month(), value(m.report())});
    }
    return c;
  };
  return {chart("Interviews completed on time, % of those due", 100,
                [](const v1::MonthlyReport& m) {
                  return RoundedPercent(m.rhis_completed_on_time(),
                                        m.rhis_due());
                }),
          chart("Repeat children", 0,
                [](const v1::MonthlyReport& m) { return m.repeat_children(); }),
          chart("Episodes", 0,
                [](const v1::MonthlyReport& m) { return m.episodes(); })};
}

absl::Status WriteMonthlyPdf(const client::Connection& conn,
                             const v1::MonthlyReportResponse& resp,
                             const std::string& path) {
  const v1::MonthlyReport& r = resp.report();
  std::optional<absl::CivilMonth> month = ParseMonth(r.month());
  if (!month.has_value()) {
    return absl::InternalError(
        absl::StrCat("the server's month is not YYYY-MM: ", r.month()));
  }
  // The months compared, counted as of the same time.
  const absl::Time as_of = client::FromTimestamp(r.as_of());
  ASSIGN_OR_RETURN(v1::MonthlyReportResponse before,
                   client::MonthlyReport(conn, MonthText(*month - 1), as_of));
  ASSIGN_OR_RETURN(v1::MonthlyReportResponse year_before,
                   client::MonthlyReport(conn, MonthText(*month - 12), as_of));
  const std::vector<const v1::MonthlyReport*> months = {&r, &before.report(),
                                                        &year_before.report()};
  // The 12 months to this one, for the trends.
  ASSIGN_OR_RETURN(std::vector<v1::MonthlyReportResponse> year,
                   MonthlyReports(conn, *month - 2, 10, as_of));
  year.push_back(before);
  year.push_back(resp);

  PdfReport pdf{.authority = resp.authority(),
                .title = "Missing from home: monthly report",
                .period = absl::StrCat(MonthName(r.month()),
                                       PartialMark(r.month(), as_of)),
                .as_of = AsOfWords(as_of)};
  pdf.summary = {
      absl::StrCat(r.episodes(), " episodes of ", r.children(),
                   " children began in the month and ", r.returns(),
                   " ended. Of ", r.rhis_due(), " return home interviews due, ",
                   CountAndShare(r.rhis_completed_on_time(), r.rhis_due()),
                   " were completed on time, against England's ",
                   kNationalCompletedOnTime, " in 2023-24."),
      "Each figure is shown beside the month before and the same month a "
      "year before, counted as of the same time; definitions are on the "
      "last page."};
  pdf.blocks.emplace_back(
      Compare("Return home interviews", InterviewFigures(), months));
  pdf.blocks.emplace_back(
      Compare("Episodes and children", EpisodeFigures(), months));
  pdf.blocks.emplace_back(
      Compare("What interviews completed in the month found", FindingFigures(),
              months));
  pdf.blocks.emplace_back(
      Compare("Actions agreed at the daily meeting", ActionFigures(), months));
  pdf.blocks.emplace_back(PdfText{.heading = "Children open to the CST",
                                  .paragraphs = {CstWords(r)}});
  for (PdfChart& chart : TrendCharts(year, as_of)) {
    pdf.blocks.emplace_back(std::move(chart));
  }
  ASSIGN_OR_RETURN(
      PdfTable hotspots,
      HotspotTable(conn, absl::FromCivil(*month, client::London()),
                   std::min(absl::FromCivil(*month + 1, client::London()),
                            as_of + absl::Microseconds(1))));
  pdf.blocks.emplace_back(std::move(hotspots));
  pdf.blocks.emplace_back(Definitions());
  return WritePdf(path, pdf);
}

}  // namespace mfh::cli
