// Rewriting text in place of what a pattern matches, for the words shown to
// people (local times, flag names).
#ifndef MFH_CLIENTS_CORE_TEXT_H_
#define MFH_CLIENTS_CORE_TEXT_H_

#include <optional>
#include <regex>
#include <string>

#include "absl/functional/function_ref.h"

namespace mfh::client {

// `text` with each match of `pattern` replaced by what `replace` gives for
// it; a match for which it gives nothing stays as it is.
std::string ReplaceMatches(
    const std::string& text, const std::regex& pattern,
    absl::FunctionRef<std::optional<std::string>(const std::string&)> replace);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_TEXT_H_
