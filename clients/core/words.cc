#include "clients/core/words.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace mfh::client {
namespace {

template <typename Enum>
using WordList = std::vector<std::pair<absl::string_view, Enum>>;

template <typename Enum>
absl::StatusOr<Enum> Lookup(absl::string_view field, absl::string_view word,
                            const WordList<Enum>& words,
                            absl::string_view expected) {
  for (const auto& [w, value] : words) {
    if (absl::EqualsIgnoreCase(w, word)) return value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": must be ", expected));
}

// "RISK_NO_APPARENT_RISK" without "RISK_"; "-" for the zero value.
std::string StripPrefix(const std::string& name, absl::string_view prefix,
                        int value) {
  if (value == 0 || name.empty()) return "-";
  absl::string_view rest(name);
  absl::ConsumePrefix(&rest, prefix);
  return std::string(rest);
}

}  // namespace

absl::StatusOr<v1::Risk> ParseRisk(absl::string_view field,
                                   absl::string_view word) {
  static const WordList<v1::Risk> kWords = {
      {"no-apparent", v1::RISK_NO_APPARENT_RISK},
      {"low", v1::RISK_LOW},
      {"medium", v1::RISK_MEDIUM},
      {"high", v1::RISK_HIGH}};
  return Lookup(field, word, kWords, "no-apparent, low, medium or high");
}

absl::StatusOr<v1::Category> ParseCategory(absl::string_view field,
                                           absl::string_view word) {
  static const WordList<v1::Category> kWords = {
      {"missing", v1::CATEGORY_MISSING}, {"absent", v1::CATEGORY_ABSENT}};
  return Lookup(field, word, kWords, "missing or absent");
}

absl::StatusOr<v1::ReturnedTo> ParseReturnedTo(absl::string_view field,
                                               absl::string_view word) {
  static const WordList<v1::ReturnedTo> kWords = {
      {"home", v1::RETURNED_TO_HOME},
      {"placement", v1::RETURNED_TO_PLACEMENT},
      {"hospital", v1::RETURNED_TO_HOSPITAL},
      {"custody", v1::RETURNED_TO_CUSTODY},
      {"other", v1::RETURNED_TO_OTHER}};
  return Lookup(field, word, kWords,
                "home, placement, hospital, custody or other");
}

absl::StatusOr<std::vector<v1::Concern>> ParseConcerns(absl::string_view field,
                                                       absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower == "none") return std::vector<v1::Concern>{v1::CONCERN_NONE};
  if (lower == "cse") return std::vector<v1::Concern>{v1::CONCERN_CSE};
  if (lower == "cce") return std::vector<v1::Concern>{v1::CONCERN_CCE};
  if (lower == "cse,cce" || lower == "cce,cse") {
    return std::vector<v1::Concern>{v1::CONCERN_CSE, v1::CONCERN_CCE};
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": must be none, cse, cce or cse,cce"));
}

absl::StatusOr<v1::Role> ParseRole(absl::string_view field,
                                   absl::string_view word) {
  static const WordList<v1::Role> kWords = {
      {"coordinator", v1::ROLE_COORDINATOR},
      {"police", v1::ROLE_POLICE},
      {"rhi_worker", v1::ROLE_RHI_WORKER},
      {"rhi-worker", v1::ROLE_RHI_WORKER},
      {"manager", v1::ROLE_MANAGER},
      {"admin", v1::ROLE_ADMIN}};
  return Lookup(field, word, kWords,
                "coordinator, police, rhi_worker, manager or admin");
}

std::string RiskLabel(v1::Risk risk) {
  return StripPrefix(v1::Risk_Name(risk), "RISK_", risk);
}

std::string CategoryLabel(v1::Category category) {
  return StripPrefix(v1::Category_Name(category), "CATEGORY_", category);
}

std::string RhiStatusLabel(v1::RhiStatus status) {
  return StripPrefix(v1::RhiStatus_Name(status), "RHI_STATUS_", status);
}

std::string ReturnedToLabel(v1::ReturnedTo returned_to) {
  return absl::AsciiStrToLower(StripPrefix(v1::ReturnedTo_Name(returned_to),
                                           "RETURNED_TO_", returned_to));
}

std::string ConcernLabel(v1::Concern concern) {
  if (concern == v1::CONCERN_NONE) return "none";
  return StripPrefix(v1::Concern_Name(concern), "CONCERN_", concern);
}

std::string RoleLabel(v1::Role role) {
  return absl::AsciiStrToLower(StripPrefix(v1::Role_Name(role), "ROLE_", role));
}

std::string ActionStatusLabel(v1::ActionStatus status) {
  return StripPrefix(v1::ActionStatus_Name(status), "ACTION_STATUS_", status);
}

std::string MeetingStateLabel(v1::MeetingState state) {
  return StripPrefix(v1::MeetingState_Name(state), "MEETING_STATE_", state);
}

std::string RiskWord(v1::Risk risk) {
  switch (risk) {
    case v1::RISK_HIGH:
      return "High";
    case v1::RISK_MEDIUM:
      return "Medium";
    case v1::RISK_LOW:
      return "Low";
    case v1::RISK_NO_APPARENT_RISK:
      return "No apparent risk";
    default:
      return "-";
  }
}

std::string RhiStatusWord(v1::RhiStatus status) {
  switch (status) {
    case v1::RHI_STATUS_DUE:
      return "Due";
    case v1::RHI_STATUS_OFFERED:
      return "Offered";
    case v1::RHI_STATUS_OVERDUE:
      return "OVERDUE";
    case v1::RHI_STATUS_COMPLETED:
      return "Completed";
    case v1::RHI_STATUS_DECLINED:
      return "Declined";
    case v1::RHI_STATUS_NOT_HELD:
      return "Not held";
    case v1::RHI_STATUS_NOT_REQUIRED:
      return "Not required";
    default:
      return "-";
  }
}

std::string CategoryWord(v1::Category category) {
  switch (category) {
    case v1::CATEGORY_MISSING:
      return "Missing";
    case v1::CATEGORY_ABSENT:
      return "Absent";
    default:
      return "-";
  }
}

std::string ActionStatusWord(v1::ActionStatus status) {
  switch (status) {
    case v1::ACTION_STATUS_OPEN:
      return "Open";
    case v1::ACTION_STATUS_DONE:
      return "Done";
    case v1::ACTION_STATUS_DROPPED:
      return "Dropped";
    default:
      return "-";
  }
}

bool IsOpenRhiStatus(v1::RhiStatus status) {
  return status == v1::RHI_STATUS_DUE || status == v1::RHI_STATUS_OFFERED ||
         status == v1::RHI_STATUS_OVERDUE;
}

std::string ChildText(absl::string_view child_id, absl::string_view name,
                      int age) {
  if (name.empty()) return std::string(child_id);
  return absl::StrCat(name, ", ", age, " (", child_id, ")");
}

std::string EnumWords(const google::protobuf::EnumDescriptor* type,
                      int number) {
  const google::protobuf::EnumValueDescriptor* v =
      type->FindValueByNumber(number);
  if (v == nullptr) return absl::StrCat(number);
  if (v->name() == "PULL_DRUGS_ALCOHOL") return "drugs or alcohol";
  std::string words = v->name().substr(v->name().find('_') + 1);
  if (words.size() > 3) absl::AsciiStrToLower(&words);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string EnumList(const google::protobuf::EnumDescriptor* type,
                     const google::protobuf::RepeatedField<int>& values,
                     const std::string& other) {
  std::vector<std::string> words;
  for (int n : values) {
    std::string w = EnumWords(type, n);
    if (w == "other" && !other.empty()) w = absl::StrCat("other (", other, ")");
    words.push_back(std::move(w));
  }
  return words.empty() ? "-" : absl::StrJoin(words, ", ");
}

}  // namespace mfh::client
