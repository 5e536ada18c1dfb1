#include "services/domain/child_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/domain/calendar.h"
#include "services/domain/child_profile.h"
#include "services/domain/episode_rules.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {

absl::StatusOr<absl::CivilDay> ChildDateOfBirth(absl::string_view text,
                                                absl::Time now,
                                                absl::TimeZone tz) {
  ASSIGN_OR_RETURN(absl::CivilDay dob, ParseDay("date_of_birth", text));
  const absl::CivilDay today = LocalDay(now, tz);
  if (dob > today) {
    return absl::InvalidArgumentError(
        "date_of_birth: must not be in the future");
  }
  if (AgeOn(dob, today) >= kAdultAge) {
    return absl::InvalidArgumentError(
        "date_of_birth: the hub records children under 18");
  }
  return dob;
}

absl::StatusOr<Child> NewChildRecord(const NewChild& in, absl::Time now,
                                     absl::TimeZone tz) {
  if (in.name.empty()) return absl::InvalidArgumentError("name: required");
  RETURN_IF_ERROR(
      CheckShortTexts({{"name", in.name},
                       {"la_ref", in.la_ref},
                       {"placing_authority", in.placing_authority}}));
  ASSIGN_OR_RETURN(absl::CivilDay dob,
                   ChildDateOfBirth(in.date_of_birth, now, tz));
  ASSIGN_OR_RETURN(ChildProfile profile, CanonicalProfile(in.profile));
  return Child{.child_id = "",
               .name = in.name,
               .date_of_birth = dob,
               .la_ref = in.la_ref,
               .looked_after = in.looked_after,
               .placing_authority = in.placing_authority,
               .flags = {},
               .created_at = now,
               .profile = std::move(profile),
               .history = {}};
}

bool IsFlagName(absl::string_view name) {
  return name == kFlagOpenToCst || name == kFlagCseConcern ||
         name == kFlagCceConcern;
}

absl::Status CheckFlagName(absl::string_view field, absl::string_view name) {
  if (IsFlagName(name)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": must be open_to_cst, cse_concern or cce_concern"));
}

const Flag* FlagInForce(const Child& child, absl::string_view name) {
  for (const Flag& f : child.flags) {
    if (f.name == name && !f.cleared_at.has_value()) return &f;
  }
  return nullptr;
}

absl::Status ValidateFlagChange(const FlagChange& change, absl::Time now) {
  if (change.child_id.empty()) {
    return absl::InvalidArgumentError("child_id: required");
  }
  RETURN_IF_ERROR(CheckFlagName("flag", change.flag));
  return CheckEventTime("at", change.at.value_or(now), now);
}

absl::StatusOr<bool> ApplyFlagChange(const FlagChange& change, absl::Time now,
                                     Child& child) {
  const absl::Time when = change.at.value_or(now);
  Flag* current = nullptr;
  for (Flag& f : child.flags) {
    if (f.name == change.flag && !f.cleared_at.has_value()) current = &f;
  }
  if (change.set) {
    if (current != nullptr) {
      if (!change.at.has_value() || current->set_at == *change.at) {
        return true;
      }
      return absl::FailedPreconditionError(absl::StrCat(
          "flag: ", change.flag, " is already set on child ", child.child_id));
    }
    child.flags.push_back(
        Flag{.name = change.flag, .set_at = when, .cleared_at = std::nullopt});
    return false;
  }
  if (current == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "flag: ", change.flag, " is not set on child ", child.child_id));
  }
  if (when < current->set_at) {
    return absl::InvalidArgumentError(
        absl::StrCat("at: must not be before the flag was set (",
                     FormatUtc(current->set_at), ")"));
  }
  current->cleared_at = when;
  return false;
}

std::string SearchableName(absl::string_view name) {
  std::string out;
  for (char c : name) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool NameContains(absl::string_view name, absl::string_view text) {
  return absl::StrContains(SearchableName(name), SearchableName(text));
}

bool SameLaRef(absl::string_view a, absl::string_view b) {
  return absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(a),
                                absl::StripAsciiWhitespace(b));
}

}  // namespace mfh::domain
