// The six-monthly report to the safeguarding partnership's accountable
// officers (DESIGN.md section 12): the half year month by month, its trends,
// hotspots and the CST measure, on a few pages.
#ifndef MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_
#define MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_

#include <optional>
#include <string>
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

// The first month of a half of the financial year, "YYYY-H1" (April to
// September YYYY) or "YYYY-H2" (October YYYY to March YYYY+1); none for
// other text.
std::optional<absl::CivilMonth> HalfStart(absl::string_view half);

// The half year's six monthly reports, each counted as of one time.
struct HalfYear {
  std::string half;  // "2026-H1"
  absl::CivilMonth first;
  std::vector<v1::MonthlyReportResponse> months;
  absl::Time as_of;
};

// The reports of `half` as of `as_of` (the server's time when unset);
// INVALID_ARGUMENT naming --half when it is not YYYY-H1 or YYYY-H2.
absl::StatusOr<HalfYear> LoadHalfYear(const client::Connection& conn,
                                      absl::string_view half,
                                      std::optional<absl::Time> as_of);

// The half year month by month, with totals, as both the PDF and the
// terminal show it.
PdfTable MonthByMonth(const HalfYear& h);

// "April to September 2026 (2026-27 H1)", marked partial when it is.
std::string HalfWords(const HalfYear& h);

// The report, with its trends and hotspots (read as of the same time).
absl::Status WritePartnershipPdf(const client::Connection& conn,
                                 const HalfYear& h, const std::string& path);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_
