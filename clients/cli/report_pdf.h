// Reports as PDF documents a manager can send as they are: a title, the
// period, totals, tables and a bar chart of the monthly trend, drawn with
// cairo's PDF surface (A4, DejaVu Sans through cairo's toy text API).
#ifndef MFH_CLIENTS_CLI_REPORT_PDF_H_
#define MFH_CLIENTS_CLI_REPORT_PDF_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "clients/cli/output.h"

namespace mfh::cli {

// A table with a heading; rows that do not fit on a page continue on the
// next, with the header repeated.
struct PdfTable {
  std::string heading;
  Row header;
  std::vector<Row> rows;
  // Starts on a page of its own.
  bool new_page = false;
};

struct PdfReport {
  std::string title;
  std::string period;  // e.g. "February 2026 (2026-02), as of ..."
  std::string totals;  // one line
  std::vector<PdfTable> tables;
  std::string chart_title;
  // (label, value), oldest first.
  std::vector<std::pair<std::string, int>> chart;
};

// Writes `report` to `path`; UNKNOWN naming the file when it cannot.
absl::Status WritePdf(const std::string& path, const PdfReport& report);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_REPORT_PDF_H_
