// The monthly report as the partnership reads it (DESIGN.md section 12):
// plain labels, the month beside the month before and the same month a year
// before, the interview funnel against the national figure, the CST measure
// in words, the 12-month trend, hotspots and a page of definitions.
#ifndef MFH_CLIENTS_CLI_MONTHLY_PDF_H_
#define MFH_CLIENTS_CLI_MONTHLY_PDF_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/cli/report_pdf.h"
#include "clients/core/connection.h"
#include "mfh/v1/report.pb.h"

namespace mfh::cli {

// "February 2026" for "2026-02"; the text as given when it is not YYYY-MM.
std::string MonthName(absl::string_view month);

// "January to March 2026 (2025-26 Q4)" from a quarter's first and last
// months and its name (YYYY-Qn of the financial year).
std::string QuarterWords(absl::string_view quarter,
                         absl::string_view first_month,
                         absl::string_view last_month);

// Whether `as_of` is before the end of the period that ends with
// `last_month` (YYYY-MM): what the report counts is not yet complete.
bool IsPartial(absl::string_view last_month, absl::Time as_of);

// "counted only to 10 February 2026 09:00 GMT" when IsPartial, else "": the
// note under a chart whose last bar is partial.
std::string PartialNote(absl::string_view last_month, absl::Time as_of);

// ", partial: to 10 February 2026 09:00 GMT" when IsPartial, else "".
std::string PartialMark(absl::string_view last_month, absl::Time as_of);

// The month of "YYYY-MM"; none for other text.
std::optional<absl::CivilMonth> ParseMonth(absl::string_view month);
// "2026-02".
std::string MonthText(absl::CivilMonth month);

// "3 (60.0%)" of part in whole; the count alone when whole is 0.
std::string CountAndShare(int part, int whole);
// part in whole in whole percent, rounded half up; 0 when whole is 0.
int RoundedPercent(int part, int whole);

// The CST measure of a month as sentences a partnership can read.
std::string CstWords(const v1::MonthlyReport& r);

// The monthly reports of the `count` months to `last`, oldest first, each
// counted as of `as_of`.
absl::StatusOr<std::vector<v1::MonthlyReportResponse>> MonthlyReports(
    const client::Connection& conn, absl::CivilMonth last, int count,
    absl::Time as_of);

// Charts of interviews completed on time (% of those due), repeat children
// and episodes over `months`; the last bar marked partial when it is.
std::vector<PdfChart> TrendCharts(
    const std::vector<v1::MonthlyReportResponse>& months, absl::Time as_of);

// The places and associates named for two or more children in interviews
// completed in [from, to).
absl::StatusOr<PdfTable> HotspotTable(const client::Connection& conn,
                                      absl::Time from, absl::Time to);

// Episodes per month, (YYYY-MM, count), oldest first, for a chart.
std::vector<std::pair<std::string, int>> Trend(const v1::MonthlyReport& r);

// "10 March 2026 00:00 GMT".
std::string AsOfWords(absl::Time t);

// Writes the report of `resp` to `path`, reading the months to compare and
// the month's hotspots as of the same time.
absl::Status WriteMonthlyPdf(const client::Connection& conn,
                             const v1::MonthlyReportResponse& resp,
                             const std::string& path);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_MONTHLY_PDF_H_
