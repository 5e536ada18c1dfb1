// The monthly report as the partnership reads it (DESIGN.md section 12):
// plain labels, the month beside the month before and the same month a year
// before, the interview funnel against the national figure, the CST measure
// in words, the 12-month trend, hotspots and a page of definitions.
#ifndef MFH_CLIENTS_CLI_MONTHLY_PDF_H_
#define MFH_CLIENTS_CLI_MONTHLY_PDF_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
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

// ", partial: to 10 February 2026 09:00 GMT" when IsPartial, else "".
std::string PartialMark(absl::string_view last_month, absl::Time as_of);

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
