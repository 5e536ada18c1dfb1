// A child's chronology as a PDF (DESIGN.md section 12): every event of the
// record in time order with the child's name, what interviews found and the
// meeting's decisions, under the marking every report carries.
#ifndef MFH_CLIENTS_CLI_CHRONOLOGY_PDF_H_
#define MFH_CLIENTS_CLI_CHRONOLOGY_PDF_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "mfh/v1/report.pb.h"

namespace mfh::cli {

// "Reported missing" for "episode_reported"; the kind as given when it is
// not one of the chronology's.
std::string EventWords(absl::string_view kind);

absl::Status WriteChronologyPdf(const v1::ChronologyResponse& resp,
                                const std::string& path);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_CHRONOLOGY_PDF_H_
