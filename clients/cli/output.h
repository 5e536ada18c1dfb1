// The three output formats of mfh: aligned tables and field lines, the proto
// JSON of a response, and RFC 4180 CSV.
#ifndef MFH_CLIENTS_CLI_OUTPUT_H_
#define MFH_CLIENTS_CLI_OUTPUT_H_

#include <string>
#include <utility>
#include <vector>

#include "google/protobuf/message.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace mfh::cli {

using Row = std::vector<std::string>;
using Fields = std::vector<std::pair<std::string, std::string>>;

// The proto JSON of `message` on one line, with the proto field names and
// every primitive field, ending in a newline.
std::string JsonLine(const google::protobuf::Message& message);

// A JSON array of the items on one line, ending in a newline.
template <typename T>
std::string JsonArray(const google::protobuf::RepeatedPtrField<T>& items) {
  std::string out = "[";
  for (int i = 0; i < items.size(); ++i) {
    std::string item = JsonLine(items.Get(i));
    item.pop_back();
    if (i > 0) out += ",";
    out += item;
  }
  return out + "]\n";
}

// One CSV record ending in "\n" (not CRLF), as RFC 4180 has it and safe in a
// spreadsheet (domain/csv.h): a field with a comma, a quote or a line break
// is quoted, its quotes doubled; one starting with =, +, -, @ is prefixed
// with an apostrophe.
std::string CsvLine(const Row& fields);

// A header row and the rows, columns padded to their widest cell and
// separated by two spaces; no trailing spaces.
std::string Table(const Row& header, const std::vector<Row>& rows);

// "label:  value" lines, values aligned.
std::string FieldLines(const Fields& fields);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_OUTPUT_H_
