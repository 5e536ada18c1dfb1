#include "clients/cli/report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"

namespace mfh::cli {
namespace {

// A4 in points, and the margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kBodySize = 10;
constexpr double kTableSize = 8;
constexpr double kMinTableSize = 5;
constexpr double kChartHeight = 160;

// Lays out lines top to bottom, starting a new page when one is full.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);
  }

  // Room for `height` more points on this page, else a new page.
  void Need(double height) {
    if (y_ + height > kPageHeight - kMargin) NewPage();
  }

  void Text(const std::string& text, double size, bool bold = false) {
    Need(size * 1.5);
    y_ += size * 1.5;
    Show(kMargin, y_, text, size, bold);
  }

  void Space(double height) { y_ += height; }

  void Show(double x, double y, const std::string& text, double size,
            bool bold) {
    cairo_select_font_face(
        cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
        bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_move_to(cr_, x, y);
    cairo_show_text(cr_, text.c_str());
  }

  double Width(const std::string& text, double size, bool bold) {
    cairo_select_font_face(
        cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
        bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr_, text.c_str(), &extents);
    return extents.x_advance;
  }

  void NewPage() {
    cairo_show_page(cr_);
    y_ = kMargin;
  }

  void Table(const PdfTable& table) {
    if (table.new_page) NewPage();
    Text(table.heading, kBodySize + 1, true);
    Space(2);
    // Column widths from the widest cell; the font shrinks until the table
    // fits the page's width.
    const double gap = 8;
    double size = kTableSize;
    std::vector<double> widths;
    while (true) {
      widths.assign(table.header.size(), 0);
      for (size_t c = 0; c < table.header.size(); ++c) {
        widths[c] = Width(table.header[c], size, true);
      }
      for (const Row& row : table.rows) {
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
          widths[c] = std::max(widths[c], Width(row[c], size, false));
        }
      }
      double total = gap * (widths.size() - 1);
      for (double w : widths) total += w;
      if (total <= kPageWidth - 2 * kMargin || size <= kMinTableSize) break;
      size -= 0.5;
    }
    auto line = [&](const Row& row, bool bold) {
      Need(size * 1.4);
      y_ += size * 1.4;
      double x = kMargin;
      for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
        Show(x, y_, row[c], size, bold);
        x += widths[c] + gap;
      }
    };
    line(table.header, true);
    for (const Row& row : table.rows) {
      if (y_ + size * 1.4 > kPageHeight - kMargin) {
        Need(kPageHeight);  // a new page, with the header again
        line(table.header, true);
      }
      line(row, false);
    }
    Space(kBodySize);
  }

  void Chart(const std::string& title,
             const std::vector<std::pair<std::string, int>>& bars) {
    if (bars.empty()) return;
    Need(kChartHeight + 40);
    Text(title, kBodySize + 1, true);
    const double top = y_ + 16;
    const double bottom = top + kChartHeight - 30;
    const double width = kPageWidth - 2 * kMargin;
    const double slot = width / bars.size();
    int most = 1;
    for (const auto& [label, value] : bars) most = std::max(most, value);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, bottom);
    cairo_line_to(cr_, kMargin + width, bottom);
    cairo_stroke(cr_);
    for (size_t i = 0; i < bars.size(); ++i) {
      const auto& [label, value] = bars[i];
      const double height = (bottom - top) * value / most;
      const double x = kMargin + i * slot + slot * 0.15;
      cairo_set_source_rgb(cr_, 0.25, 0.45, 0.7);
      cairo_rectangle(cr_, x, bottom - height, slot * 0.7, height);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      const std::string count = absl::StrCat(value);
      Show(x + (slot * 0.7 - Width(count, 7, false)) / 2, bottom - height - 3,
           count, 7, false);
      Show(x + (slot * 0.7 - Width(label, 6, false)) / 2, bottom + 10, label, 6,
           false);
    }
    y_ = bottom + 20;
  }

 private:
  cairo_t* cr_;
  double y_ = kMargin;
};

}  // namespace

absl::Status WritePdf(const std::string& path, const PdfReport& report) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight),
      &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return absl::UnknownError(absl::StrCat(
        "--pdf: cannot write ", path, ": ",
        cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 report.title.c_str());
  {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(
        cairo_create(surface.get()), &cairo_destroy);
    Writer w(cr.get());
    w.Text(report.title, 16, true);
    w.Space(4);
    w.Text(report.period, kBodySize);
    w.Text(report.totals, kBodySize, true);
    w.Space(kBodySize);
    for (const PdfTable& table : report.tables) w.Table(table);
    w.Chart(report.chart_title, report.chart);
    cairo_show_page(cr.get());
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return absl::UnknownError(absl::StrCat(
        "--pdf: cannot write ", path, ": ",
        cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  return absl::OkStatus();
}

}  // namespace mfh::cli
