#include "clients/cli/errors.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <regex>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "clients/core/text.h"
#include "clients/core/time_text.h"

namespace mfh::cli {
namespace {

// API fields whose flag has another name.
absl::string_view FlagNameOf(absl::string_view field) {
  static constexpr std::pair<absl::string_view, absl::string_view> kRenamed[] =
      {{"child_id", "--child"}, {"return_notified_at", "--notified-at"}};
  for (const auto& [api, flag] : kRenamed) {
    if (field == api) return flag;
  }
  return "";
}

std::string FlagOf(absl::string_view field, const CLI::App& command) {
  std::string flag(FlagNameOf(field));
  if (flag.empty()) {
    flag = absl::StrCat("--", absl::StrReplaceAll(field, {{"_", "-"}}));
  }
  return command.get_option_no_throw(flag) != nullptr ? flag : "";
}

}  // namespace

std::string InUserWords(absl::string_view message, const CLI::App& command) {
  std::string out(message);
  const size_t colon = out.find(": ");
  if (colon != std::string::npos) {
    const std::string field = out.substr(0, colon);
    const bool is_field =
        !field.empty() && std::all_of(field.begin(), field.end(), [](char c) {
          return absl::ascii_islower(static_cast<unsigned char>(c)) || c == '_';
        });
    if (is_field) {
      const std::string flag = FlagOf(field, command);
      if (!flag.empty()) out = flag + out.substr(colon);
    }
  }
  // API fields named further on ("... police_ref R-1 ...") as flags too.
  static const std::regex kField(R"(\b[a-z]+(_[a-z]+)+\b)");
  std::string named = client::ReplaceMatches(
      out, kField, [&](const std::string& field) -> std::optional<std::string> {
        std::string flag = FlagOf(field, command);
        if (flag.empty()) return std::nullopt;
        return flag;
      });
  named = absl::StrReplaceAll(
      named, {{"use CorrectReturn", "use mfh return correct"},
              {"use UpdateEpisode", "use mfh episode correct"}});
  return client::LocalizeInstants(named);
}

const CLI::App& SelectedCommand(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    return SelectedCommand(*sub);
  }
  return app;
}

}  // namespace mfh::cli
