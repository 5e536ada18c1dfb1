#include "services/domain/csv.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace mfh::domain {
namespace {

// A number (an optional sign, digits, at most one decimal point) or the lone
// "-" that stands for "no figure": a spreadsheet reads either as it is.
bool IsPlainFigure(absl::string_view field) {
  if (field == "-") return true;
  if (!field.empty() && (field.front() == '-' || field.front() == '+')) {
    field.remove_prefix(1);
  }
  bool digit = false;
  bool point = false;
  for (char c : field) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

bool RunsAsFormula(absl::string_view field) {
  return !field.empty() &&
         absl::string_view("=+-@\t\r").find(field.front()) !=
             absl::string_view::npos &&
         !IsPlainFigure(field);
}

}  // namespace

std::string CsvField(absl::string_view field) {
  std::string text;
  if (RunsAsFormula(field)) text = "'";
  absl::StrAppend(&text, field);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string CsvRecord(const std::vector<std::string>& fields,
                      absl::string_view line_end) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(fields[i]);
  }
  return absl::StrCat(out, line_end);
}

}  // namespace mfh::domain
