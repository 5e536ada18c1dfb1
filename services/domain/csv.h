// CSV as RFC 4180 has it, made safe to open in a spreadsheet: a field with
// a comma, a quote or a line break is quoted (its quotes doubled), and a
// field that a spreadsheet would run as a formula (starting with =, +, -, @,
// a tab or a carriage return) is prefixed with an apostrophe, unless it is a
// plain number such as -2.5 or the lone "-" of a missing figure, which a
// spreadsheet reads as they are.
#ifndef MFH_SERVICES_DOMAIN_CSV_H_
#define MFH_SERVICES_DOMAIN_CSV_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mfh::domain {

std::string CsvField(absl::string_view field);
// The fields joined by commas, then `line_end` ("\r\n" for a file sent on,
// "\n" for a terminal).
std::string CsvRecord(const std::vector<std::string>& fields,
                      absl::string_view line_end);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CSV_H_
