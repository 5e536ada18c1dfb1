#include "services/storage/sqlite/ids.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace mfh::storage {

std::string FormatId(char prefix, int64_t id) {
  return absl::StrCat(absl::string_view(&prefix, 1), id);
}

std::optional<int64_t> ParseId(absl::string_view id, char prefix) {
  if (id.size() < 2 || id[0] != prefix || id[1] == '0') return std::nullopt;
  absl::string_view digits = id.substr(1);
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  int64_t number = 0;
  if (!absl::SimpleAtoi(digits, &number)) return std::nullopt;
  return number;
}

absl::Status NoChild(absl::string_view statement) {
  return absl::NotFoundError(
      absl::StrCat(statement, ": child_id names no child"));
}

absl::Status NoEpisode(absl::string_view statement) {
  return absl::NotFoundError(
      absl::StrCat(statement, ": episode_id names no episode"));
}

absl::Status NoMeeting(absl::string_view statement) {
  return absl::NotFoundError(
      absl::StrCat(statement, ": meeting_id names no meeting"));
}

absl::Status NoAction(absl::string_view statement) {
  return absl::NotFoundError(
      absl::StrCat(statement, ": action_id names no action"));
}

std::vector<std::string> SplitList(absl::string_view text, char separator) {
  return absl::StrSplit(text, separator, absl::SkipEmpty());
}

std::string JsonIds(const std::vector<int64_t>& ids) {
  return absl::StrCat("[", absl::StrJoin(ids, ","), "]");
}

std::string FormatStoredDay(absl::CivilDay day) {
  return absl::FormatCivilTime(day);
}

absl::StatusOr<absl::CivilDay> ParseStoredDay(absl::string_view text,
                                              absl::string_view column,
                                              absl::string_view record_id) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) {
    return absl::InternalError(
        absl::StrCat(column, " is not YYYY-MM-DD for ", record_id));
  }
  return day;
}

}  // namespace mfh::storage
