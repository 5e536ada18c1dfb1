#include "clients/cli/report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

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
constexpr double kFootSize = 7;

// Lays out lines top to bottom, starting a new page when one is full; each
// page has the report's running head and foot.
class Writer {
 public:
  // `pages`: the number of pages, once a first pass has counted them.
  Writer(cairo_t* cr, const PdfReport& report, int pages)
      : cr_(cr), report_(report), pages_(pages) {
    Head();
  }

  // Ends the last page; returns the number of pages.
  int Finish() {
    Foot();
    cairo_show_page(cr_);
    return page_;
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
    Foot();
    cairo_show_page(cr_);
    ++page_;
    Head();
  }

  // Words wrapped to the page's width.
  void Paragraph(const std::string& text, double size) {
    const double width = kPageWidth - 2 * kMargin;
    std::string line;
    for (absl::string_view word : absl::StrSplit(text, ' ')) {
      std::string longer =
          line.empty() ? std::string(word) : absl::StrCat(line, " ", word);
      if (!line.empty() && Width(longer, size, false) > width) {
        Text(line, size);
        longer = std::string(word);
      }
      line = std::move(longer);
    }
    if (!line.empty()) Text(line, size);
  }

  void Block(const PdfText& text) {
    if (text.new_page) NewPage();
    Text(text.heading, kBodySize + 1, true);
    for (const std::string& paragraph : text.paragraphs) {
      Paragraph(paragraph, kBodySize - 1);
      Space(4);
    }
    Space(kBodySize);
  }

  void Block(const PdfTable& table) { Table(table); }
  void Block(const PdfChart& chart) { Chart(chart); }

  void Table(const PdfTable& table) {
    if (table.new_page) NewPage();
    Text(table.heading, kBodySize + 1, true);
    Space(2);
    // Column widths from the widest cell; the font shrinks until the table
    // fits the page's width.
    const double gap = table.figures ? 14 : 8;
    double size = kTableSize;
    std::vector<double> widths;
    while (true) {
      widths.assign(table.header.size(), 0);
      for (size_t c = 0; c < table.header.size(); ++c) {
        widths[c] = Width(table.header[c], size, true);
        if (c < table.min_widths.size()) {
          widths[c] = std::max(widths[c], table.min_widths[c]);
        }
      }
      for (const Row& row : table.rows) {
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
          widths[c] = std::max(widths[c], Width(row[c], size, false));
        }
      }
      double total = gap * static_cast<double>(widths.size() - 1);
      for (double w : widths) total += w;
      if (total <= kPageWidth - 2 * kMargin || size <= kMinTableSize) break;
      size -= 0.5;
    }
    auto line = [&](const Row& row, bool bold) {
      Need(size * 1.4);
      y_ += size * 1.4;
      double x = kMargin;
      for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
        const double indent =
            table.figures && c > 0 ? widths[c] - Width(row[c], size, bold) : 0;
        Show(x + indent, y_, row[c], size, bold);
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

  void Chart(const PdfChart& chart) {
    const auto& bars = chart.bars;
    if (bars.empty()) return;
    Need(kChartHeight + 40);
    Text(chart.title, kBodySize + 1, true);
    const double top = y_ + 16;
    const double bottom = top + kChartHeight - 30;
    const double width = kPageWidth - 2 * kMargin;
    const double slot = width / static_cast<double>(bars.size());
    int most = std::max(1, chart.full_scale);
    for (const auto& [label, value] : bars) most = std::max(most, value);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, bottom);
    cairo_line_to(cr_, kMargin + width, bottom);
    cairo_stroke(cr_);
    for (size_t i = 0; i < bars.size(); ++i) {
      const auto& [bar_label, value] = bars[i];
      const bool partial = !chart.partial_note.empty() && i + 1 == bars.size();
      const std::string label = partial ? bar_label + "*" : bar_label;
      const double height = (bottom - top) * value / most;
      const double x = kMargin + static_cast<double>(i) * slot + slot * 0.15;
      if (partial) {
        cairo_set_source_rgb(cr_, 0.7, 0.8, 0.9);
      } else {
        cairo_set_source_rgb(cr_, 0.25, 0.45, 0.7);
      }
      cairo_rectangle(cr_, x, bottom - height, slot * 0.7, height);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      const std::string count = absl::StrCat(value);
      Show(x + (slot * 0.7 - Width(count, 7, false)) / 2, bottom - height - 3,
           count, 7, false);
      Show(x + (slot * 0.7 - Width(label, 6, false)) / 2, bottom + 10, label, 6,
           false);
    }
    y_ = bottom + 12;
    if (!chart.partial_note.empty()) {
      Text(absl::StrCat("* ", chart.partial_note), kFootSize);
    }
    Space(8);
  }

 private:
  // The authority and the marking above the margin; the marking, the as-of
  // time and the page number below it.
  void Head() {
    const double y = kMargin - 22;
    // A policy without the authority's name says so on every page rather
    // than send a report out unnamed.
    Show(kMargin, y,
         report_.authority.empty() ? "(no authority named: set authority in "
                                     "the policy)"
                                   : report_.authority,
         kFootSize, false);
    Centred(y, kMarking);
    y_ = kMargin;
  }

  void Foot() {
    const double y = kPageHeight - kMargin + 26;
    Show(kMargin, y, absl::StrCat("As of ", report_.as_of), kFootSize, false);
    Centred(y, kMarking);
    const std::string page = pages_ > 0
                                 ? absl::StrCat("Page ", page_, " of ", pages_)
                                 : absl::StrCat("Page ", page_);
    Show(kPageWidth - kMargin - Width(page, kFootSize, false), y, page,
         kFootSize, false);
  }

  void Centred(double y, const std::string& text) {
    Show((kPageWidth - Width(text, kFootSize, true)) / 2, y, text, kFootSize,
         true);
  }

  cairo_t* cr_;
  const PdfReport& report_;
  const int pages_;
  int page_ = 1;
  double y_ = kMargin;
};

cairo_status_t Discard(void*, const unsigned char*, unsigned int) {
  return CAIRO_STATUS_SUCCESS;
}

// Lays `report` out on `surface`; returns the number of pages.
int Draw(cairo_surface_t* surface, const PdfReport& report, int pages) {
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface),
                                                        &cairo_destroy);
  Writer w(cr.get(), report, pages);
  w.Text(report.title, 16, true);
  w.Space(4);
  w.Text(report.period, kBodySize + 1, true);
  for (const std::string& line : report.summary) w.Paragraph(line, kBodySize);
  w.Space(kBodySize);
  for (const PdfBlock& block : report.blocks) {
    std::visit([&](const auto& b) { w.Block(b); }, block);
  }
  return w.Finish();
}

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
  // A first pass, drawn to nowhere, counts the pages for "Page N of M".
  int pages = 0;
  {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> count(
        cairo_pdf_surface_create_for_stream(&Discard, nullptr, kPageWidth,
                                            kPageHeight),
        &cairo_surface_destroy);
    pages = Draw(count.get(), report, 0);
    cairo_surface_finish(count.get());
  }
  Draw(surface.get(), report, pages);
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return absl::UnknownError(absl::StrCat(
        "--pdf: cannot write ", path, ": ",
        cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  return absl::OkStatus();
}

}  // namespace mfh::cli
