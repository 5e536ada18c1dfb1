#include "services/app/log.h"

#include <cstdio>
#include <string>

namespace mfh::app {

void LogLine(absl::string_view line) {
  // One write per line, so that lines from threads do not interleave.
  const std::string text =
      std::string("mfh-server: ") + std::string(line) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace mfh::app
