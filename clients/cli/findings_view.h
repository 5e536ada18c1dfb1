// How what interviews find is shown: the findings and follow-ups of an
// interview as field lines, intelligence for the police, hotspots.
#ifndef MFH_CLIENTS_CLI_FINDINGS_VIEW_H_
#define MFH_CLIENTS_CLI_FINDINGS_VIEW_H_

#include <string>

#include "absl/time/time.h"
#include "clients/cli/output.h"
#include "clients/cli/views.h"
#include "mfh/v1/findings.pb.h"

namespace mfh::cli {

// The findings (the version in force, and how many came before) and the
// follow-ups of `interview`, after its other fields.
void AppendFindings(const v1::Interview& interview, Fields& fields);

template <>
struct View<v1::Intelligence> {
  static Row TableHeader();
  static Row TableRow(const v1::Intelligence& intel, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Intelligence& intel);
  static Fields Record(const v1::Intelligence& intel);
};

// One row per place or associate; its mentions "C1 Amy Smith (14): E3
// 2026-11-03" joined by "; ".
template <>
struct View<v1::Hotspot> {
  static Row TableHeader();
  static Row TableRow(const v1::Hotspot& hotspot, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Hotspot& hotspot);
  static Fields Record(const v1::Hotspot& hotspot);
};

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_FINDINGS_VIEW_H_
