// Reports as PDF documents a manager can send to the partnership as they
// are (DESIGN.md section 12): on every page the authority's name, the
// protective marking, the as-of time and "Page N of M"; then a title, the
// period in words, a summary, and tables, charts and paragraphs in order.
// Drawn with cairo's PDF surface (A4, DejaVu Sans through cairo's toy text
// API).
#ifndef MFH_CLIENTS_CLI_REPORT_PDF_H_
#define MFH_CLIENTS_CLI_REPORT_PDF_H_

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "clients/cli/output.h"

namespace mfh::cli {

// The marking of every report: it names children and what happened to them.
inline constexpr char kMarking[] = "OFFICIAL-SENSITIVE";

// A table with a heading; rows that do not fit on a page continue on the
// next, with the header repeated.
struct PdfTable {
  std::string heading;
  Row header;
  std::vector<Row> rows;
  // Starts on a page of its own.
  bool new_page = false;
  // The least width of each column, in points, so that tables set one under
  // another line up.
  std::vector<double> min_widths;
  // Every column but the first aligned right, as figures are.
  bool figures = false;
};

// A bar chart: (label, value), oldest first.
struct PdfChart {
  std::string title;
  std::vector<std::pair<std::string, int>> bars;
  // The value of a bar of full height; 0 for the largest value (a share in
  // percent is drawn against 100).
  int full_scale = 0;
  // When set, the last bar counts only part of its period: drawn paler and
  // marked "*", with this note below the chart.
  std::string partial_note;
};

// Paragraphs under a heading, wrapped to the page's width.
struct PdfText {
  std::string heading;
  std::vector<std::string> paragraphs;
  bool new_page = false;
};

using PdfBlock = std::variant<PdfTable, PdfChart, PdfText>;

struct PdfReport {
  std::string authority;  // the policy's name of the authority
  std::string title;
  std::string period;                // in words: "February 2026"
  std::string as_of;                 // "10 March 2026 00:00 GMT"
  std::vector<std::string> summary;  // lines under the period, in bold
  std::vector<PdfBlock> blocks;
};

// Writes `report` to `path`; UNKNOWN naming the file when it cannot.
absl::Status WritePdf(const std::string& path, const PdfReport& report);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_REPORT_PDF_H_
