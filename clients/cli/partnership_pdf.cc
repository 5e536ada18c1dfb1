#include "clients/cli/partnership_pdf.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/monthly_pdf.h"
#include "clients/cli/report_pdf.h"
#include "clients/core/calls.h"
#include "clients/core/time_text.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

constexpr int kHalfMonths = 6;

using Pick = std::function<int(const v1::MonthlyReport&)>;

// A row of counts, one per month, and their sum; "-" for a count that has
// none (a child counted in several months).
Row Counts(const char* label,
           const std::vector<v1::MonthlyReportResponse>& half,
           const Pick& count, bool summed = true) {
  Row row = {label};
  int total = 0;
  for (const v1::MonthlyReportResponse& m : half) {
    row.push_back(absl::StrCat(count(m.report())));
    total += count(m.report());
  }
  row.push_back(summed ? absl::StrCat(total) : "-");
  return row;
}

// A row of part in whole, one per month, and over the half.
Row Shares(const char* label,
           const std::vector<v1::MonthlyReportResponse>& half, const Pick& part,
           const Pick& whole) {
  Row row = {label};
  int parts = 0;
  int wholes = 0;
  for (const v1::MonthlyReportResponse& m : half) {
    row.push_back(CountAndShare(part(m.report()), whole(m.report())));
    parts += part(m.report());
    wholes += whole(m.report());
  }
  row.push_back(CountAndShare(parts, wholes));
  return row;
}

}  // namespace

PdfTable MonthByMonth(const HalfYear& h) {
  const std::vector<v1::MonthlyReportResponse>& half = h.months;
  PdfTable table{.heading = "The half year month by month",
                 .header = {""},
                 .min_widths = {120},
                 .figures = true};
  for (const v1::MonthlyReportResponse& m : half) {
    std::optional<absl::CivilMonth> month = ParseMonth(m.report().month());
    table.header.push_back(month.has_value()
                               ? absl::FormatCivilTime(*month).substr(0, 7)
                               : m.report().month());
    table.min_widths.push_back(40);
  }
  table.header.push_back("half year");
  using R = v1::MonthlyReport;
  table.rows = {
      Counts("Episodes", half, [](const R& r) { return r.episodes(); }),
      Counts("Returns", half, [](const R& r) { return r.returns(); }),
      Counts("Interviews due", half, [](const R& r) { return r.rhis_due(); }),
      Shares(
          "Completed on time", half,
          [](const R& r) { return r.rhis_completed_on_time(); },
          [](const R& r) { return r.rhis_due(); }),
      Shares(
          "Met on time", half, [](const R& r) { return r.rhis_met(); },
          [](const R& r) { return r.rhis_due(); }),
      Counts("Interviews declined", half,
             [](const R& r) { return r.rhis_declined(); }),
      Shares(
          "Naming an exploitation indicator", half,
          [](const R& r) { return r.interviews_with_indicators(); },
          [](const R& r) { return r.rhis_completed(); }),
      Counts("Referred to the CST", half,
             [](const R& r) { return r.referrals_cst(); }),
      Counts("Referred to the MASH", half,
             [](const R& r) { return r.referrals_mash(); }),
      Counts("Referred for a WISE assessment", half,
             [](const R& r) { return r.referrals_wise(); }),
      Counts("Shared with the police", half,
             [](const R& r) { return r.intelligence_shared(); }),
      Counts("Actions agreed", half,
             [](const R& r) { return r.actions_agreed(); }),
  };
  // Children and repeat children are counted a month at a time: a child
  // may be in several months, so they have no sum.
  table.rows.push_back(Counts(
      "Children", half, [](const R& r) { return r.children(); }, false));
  table.rows.push_back(Counts(
      "Repeat children", half, [](const R& r) { return r.repeat_children(); },
      false));
  return table;
}

std::optional<absl::CivilMonth> HalfStart(absl::string_view half) {
  int year = 0;
  if (half.size() != 7 || half[4] != '-' || half[5] != 'H' ||
      (half[6] != '1' && half[6] != '2') ||
      !absl::SimpleAtoi(half.substr(0, 4), &year) || year < 1970) {
    return std::nullopt;
  }
  return absl::CivilMonth(year, half[6] == '1' ? 4 : 10);
}

absl::StatusOr<HalfYear> LoadHalfYear(const client::Connection& conn,
                                      absl::string_view half,
                                      std::optional<absl::Time> as_of) {
  std::optional<absl::CivilMonth> first = HalfStart(half);
  if (!first.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--half: must be YYYY-H1 (April to September) or YYYY-H2 (October to "
        "March), not \"",
        half, "\""));
  }
  const absl::CivilMonth last = *first + (kHalfMonths - 1);
  // The half's last month fixes the time every month is counted to.
  ASSIGN_OR_RETURN(v1::MonthlyReportResponse last_report,
                   client::MonthlyReport(conn, MonthText(last), as_of));
  const absl::Time t = client::FromTimestamp(last_report.report().as_of());
  ASSIGN_OR_RETURN(std::vector<v1::MonthlyReportResponse> months,
                   MonthlyReports(conn, last - 1, kHalfMonths - 1, t));
  months.push_back(std::move(last_report));
  return HalfYear{.half = std::string(half),
                  .first = *first,
                  .months = std::move(months),
                  .as_of = t};
}

std::string HalfWords(const HalfYear& h) {
  const absl::CivilMonth last = h.first + (kHalfMonths - 1);
  const absl::Time start = absl::FromCivil(h.first, client::London());
  std::string words = absl::StrCat(
      absl::FormatTime(h.first.year() == last.year() ? "%B" : "%B %Y", start,
                       client::London()),
      " to ", MonthName(MonthText(last)));
  absl::StrAppendFormat(&words, " (%d-%02d %s)", h.first.year(),
                        (h.first.year() + 1) % 100, h.half.substr(5));
  return absl::StrCat(words, PartialMark(MonthText(last), h.as_of));
}

absl::Status WritePartnershipPdf(const client::Connection& conn,
                                 const HalfYear& h, const std::string& path) {
  const absl::CivilMonth last = h.first + (kHalfMonths - 1);
  const absl::Time t = h.as_of;
  // The trends run to the half's last month, or to the month of as_of in a
  // half not yet over.
  const absl::CivilMonth now =
      absl::CivilMonth(absl::ToCivilSecond(t, client::London()));
  ASSIGN_OR_RETURN(std::vector<v1::MonthlyReportResponse> year,
                   MonthlyReports(conn, std::min(last, now), 12, t));
  const std::vector<v1::MonthlyReportResponse>& months = h.months;
  int episodes = 0;
  int due = 0;
  int on_time = 0;
  for (const v1::MonthlyReportResponse& m : months) {
    episodes += m.report().episodes();
    due += m.report().rhis_due();
    on_time += m.report().rhis_completed_on_time();
  }
  PdfReport pdf{
      .authority = months.back().authority(),
      .title = "Missing from home: report to the partnership",
      .period = HalfWords(h),
      .as_of = AsOfWords(t),
      .summary = {absl::StrCat(
          episodes, " episodes began in the half year. Of ", due,
          " return home interviews due, ", CountAndShare(on_time, due),
          " were completed on time, against England's 63% in 2023-24.")}};
  pdf.blocks.emplace_back(MonthByMonth(h));
  PdfText cst{.heading = "Children open to the CST, month by month"};
  for (const v1::MonthlyReportResponse& m : months) {
    cst.paragraphs.push_back(absl::StrCat(MonthName(m.report().month()), ": ",
                                          CstWords(m.report())));
  }
  pdf.blocks.emplace_back(std::move(cst));
  for (PdfChart& chart : TrendCharts(year, t)) {
    pdf.blocks.emplace_back(std::move(chart));
  }
  ASSIGN_OR_RETURN(
      PdfTable hotspots,
      HotspotTable(conn, absl::FromCivil(h.first, client::London()),
                   std::min(absl::FromCivil(last + 1, client::London()),
                            t + absl::Microseconds(1))));
  hotspots.heading = absl::StrCat(hotspots.heading, ", in the half year");
  pdf.blocks.emplace_back(std::move(hotspots));
  return WritePdf(path, pdf);
}

}  // namespace mfh::cli
