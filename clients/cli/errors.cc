#include "clients/cli/errors.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <regex>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "clients/core/time_text.h"

namespace mfh::cli {
namespace {

// API fields whose flag has another name.
absl::string_view FlagNameOf(absl::string_view field) {
  static constexpr std::pair<absl::string_view, absl::string_view> kRenamed[] =
      {{"child_id", "--child"},
       {"return_notified_at", "--notified-at"},
       {"since", "--since"}};
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

std::string LocalInstants(const std::string& message) {
  static const std::regex kUtc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  std::string out;
  auto last = message.cbegin();
  for (std::sregex_iterator it(message.begin(), message.end(), kUtc), end;
       it != end; ++it) {
    absl::Time t;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, it->str(), &t, &error)) continue;
    out.append(last, message.cbegin() + it->position());
    out += client::FormatLocalExact(t);
    last = message.cbegin() + it->position() + it->length();
  }
  out.append(last, message.cend());
  return out;
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
  out = absl::StrReplaceAll(out,
                            {{"use CorrectReturn", "use mfh return correct"},
                             {"use UpdateEpisode", "use mfh episode correct"}});
  return LocalInstants(out);
}

const CLI::App& SelectedCommand(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    return SelectedCommand(*sub);
  }
  return app;
}

}  // namespace mfh::cli
