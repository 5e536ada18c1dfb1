#include "clients/cli/output.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "google/protobuf/util/json_util.h"
#include "services/domain/csv.h"

namespace mfh::cli {
namespace {

// Columns are counted in characters, not bytes, so names with accents align.
size_t Width(const std::string& text) {
  return std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

void AppendPadded(std::string& out, const std::string& cell, size_t width) {
  out += cell;
  out.append(width - Width(cell), ' ');
}

}  // namespace

std::string JsonLine(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options)
           .ok()) {
    json = "{}";
  }
  return json + "\n";
}

std::string CsvLine(const Row& fields) {
  return domain::CsvRecord(fields, "\n");
}

std::string Table(const Row& header, const std::vector<Row>& rows) {
  std::vector<size_t> widths;
  for (const std::string& h : header) widths.push_back(Width(h));
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i]));
    }
  }
  std::string out;
  auto append_row = [&](const Row& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line += "  ";
      if (i + 1 == row.size()) {
        line += row[i];
      } else {
        AppendPadded(line, row[i], widths[i]);
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  append_row(header);
  for (const Row& row : rows) append_row(row);
  return out;
}

std::string FieldLines(const Fields& fields) {
  size_t width = 0;
  for (const auto& [label, value] : fields) {
    width = std::max(width, Width(label) + 1);
  }
  std::string out;
  for (const auto& [label, value] : fields) {
    AppendPadded(out, label + ":", width);
    out += "  " + value + "\n";
  }
  return out;
}

}  // namespace mfh::cli
