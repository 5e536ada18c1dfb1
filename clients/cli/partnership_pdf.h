// The six-monthly report to the safeguarding partnership's accountable
// officers (DESIGN.md section 12): the half year month by month, its trends,
// hotspots and the CST measure, on a few pages.
#ifndef MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_
#define MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/core/connection.h"

namespace mfh::cli {

// The first month of a half of the financial year, "YYYY-H1" (April to
// September YYYY) or "YYYY-H2" (October YYYY to March YYYY+1); none for
// other text.
std::optional<absl::CivilMonth> HalfStart(absl::string_view half);

// Writes the report of `half` (checked by HalfStart) as of `as_of` (the
// server's time when unset) to `path`.
absl::Status WritePartnershipPdf(const client::Connection& conn,
                                 absl::string_view half,
                                 std::optional<absl::Time> as_of,
                                 const std::string& path);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_PARTNERSHIP_PDF_H_
