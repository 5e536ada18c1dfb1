// The server's log: one line per event on stderr. Lines carry ids, roles and
// peers, never a token, a child's name or a date of birth.
#ifndef MFH_SERVICES_APP_LOG_H_
#define MFH_SERVICES_APP_LOG_H_

#include "absl/strings/string_view.h"

namespace mfh::app {

void LogLine(absl::string_view line);

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_LOG_H_
