#include "clients/core/text.h"

namespace mfh::client {

std::string ReplaceMatches(
    const std::string& text, const std::regex& pattern,
    absl::FunctionRef<std::optional<std::string>(const std::string&)> replace) {
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end;
       it != end; ++it) {
    std::optional<std::string> with = replace(it->str());
    if (!with.has_value()) continue;
    out.append(last, text.cbegin() + it->position());
    out += *with;
    last = text.cbegin() + it->position() + it->length();
  }
  out.append(last, text.cend());
  return out;
}

}  // namespace mfh::client
