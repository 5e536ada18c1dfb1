// A refusal in the words of the person at the keyboard (DESIGN.md section
// 11): the server names API fields, calls and UTC instants; mfh names its own
// flags and commands, and local time as it was typed.
#ifndef MFH_CLIENTS_CLI_ERRORS_H_
#define MFH_CLIENTS_CLI_ERRORS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace CLI {
class App;
}  // namespace CLI

namespace mfh::cli {

// `message` with its leading "field:" as the flag of `command` that gives it
// ("police_force:" as "--police-force:") and the other fields it names that
// are flags of `command` likewise, every RFC 3339 UTC instant in
// Europe/London time ("2026-10-25 00:30 BST"), and API calls it suggests as
// the commands that make them ("use CorrectReturn" as "use mfh return
// correct").
std::string InUserWords(absl::string_view message, const CLI::App& command);

// The leaf command that CLI11 selected under `app` (`app` itself when none).
const CLI::App& SelectedCommand(const CLI::App& app);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_ERRORS_H_
