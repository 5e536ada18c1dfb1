#include "clients/cli/errors.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "clients/core/text.h"
#include "clients/core/time_text.h"

namespace mfh::cli {
namespace {

// API fields whose flag or argument has another name: the first that the
// command has.
std::vector<std::string> NamesOf(absl::string_view field) {
  // RecordFindings' fields are under "findings.", each a flag of mfh rhi
  // findings.
  if (absl::ConsumePrefix(&field, "findings.")) {
    static const auto* const kFindingsFlags =
        new std::vector<std::pair<std::string, std::string>>{
            {"share_basis", "--basis"},         {"places", "--place"},
            {"associates", "--associate"},      {"push_factors", "--push"},
            {"push_other", "--push"},           {"pull_factors", "--pull"},
            {"pull_other", "--pull"},           {"indicators", "--indicator"},
            {"indicator_other", "--indicator"}, {"child_voice", "--voice"},
            {"referral", "--referral"}};
    for (const auto& [name, flag] : *kFindingsFlags) {
      if (field == name) return {flag};
    }
  }
  if (field == "child_id") return {"--child", "CHILD"};
  if (field == "return_notified_at") return {"--notified-at"};
  if (field == "episode_id") return {"--episode", "EPISODE_ID", "ID"};
  return {absl::StrCat("--", absl::StrReplaceAll(field, {{"_", "-"}}))};
}

std::string FlagOf(absl::string_view field, const CLI::App& command) {
  for (std::string& name : NamesOf(field)) {
    if (command.get_option_no_throw(name) != nullptr) return name;
  }
  return "";
}

// "mfh episode void": the words the user typed to reach `command`.
std::string CommandPath(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* app = &command; app != nullptr;
       app = app->get_parent()) {
    names.push_back(app->get_parent() == nullptr ? "mfh" : app->get_name());
  }
  std::reverse(names.begin(), names.end());
  return absl::StrJoin(names, " ");
}

}  // namespace

std::string InUserWords(absl::string_view message, const CLI::App& command) {
  std::string out(message);
  const size_t colon = out.find(": ");
  if (colon != std::string::npos) {
    std::string field = out.substr(0, colon);
    // One item of a list ("findings.places[1]"): the flag's given order.
    std::string item;
    static const std::regex kItem(R"(^(.*)\[(\d+)\]$)");
    std::smatch parts;
    if (std::regex_match(field, parts, kItem)) {
      item = absl::StrCat(" #", std::stoi(parts[2].str()) + 1);
      field = parts[1].str();
    }
    const bool is_field =
        !field.empty() && std::all_of(field.begin(), field.end(), [](char c) {
          return absl::ascii_islower(static_cast<unsigned char>(c)) ||
                 c == '_' || c == '.';
        });
    if (is_field) {
      const std::string flag = FlagOf(field, command);
      if (!flag.empty()) out = flag + item + out.substr(colon);
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
  // A role refused a call: the command, not the API's name for it.
  static const std::regex kCall(R"(may not call [A-Z][A-Za-z]+$)");
  named = std::regex_replace(
      named, kCall, absl::StrCat("may not use ", CommandPath(command)));
  return client::LocalizeInstants(named);
}

const CLI::App& SelectedCommand(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    return SelectedCommand(*sub);
  }
  return app;
}

}  // namespace mfh::cli
