#include "services/domain/child_profile.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/child_rules.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {
namespace {

std::string Shown(absl::string_view value) {
  return value.empty() ? "-" : std::string(value);
}

// Records "field: old -> new" and sets `target` when `value` is given and
// differs.
void Change(absl::string_view field, const std::optional<std::string>& value,
            std::string& target, std::vector<std::string>& changes) {
  if (!value.has_value() || *value == target) return;
  changes.push_back(
      absl::StrCat(field, ": ", Shown(target), " -> ", Shown(*value)));
  target = *value;
}

}  // namespace

const std::vector<absl::string_view>& EthnicityCodes() {
  static const std::vector<absl::string_view> kCodes = {
      "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA",
      "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
      "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
  return kCodes;
}

absl::StatusOr<ChildProfile> CanonicalProfile(ChildProfile p) {
  p.sex = absl::AsciiStrToLower(p.sex);
  if (!p.sex.empty() && p.sex != "male" && p.sex != "female" &&
      p.sex != "other" && p.sex != "unknown") {
    return absl::InvalidArgumentError(
        "sex: must be male, female, other or unknown");
  }
  p.ethnicity = absl::AsciiStrToUpper(p.ethnicity);
  const std::vector<absl::string_view>& codes = EthnicityCodes();
  if (!p.ethnicity.empty() &&
      std::find(codes.begin(), codes.end(), p.ethnicity) == codes.end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "ethnicity: must be a DfE code: ", absl::StrJoin(codes, ", ")));
  }
  RETURN_IF_ERROR(CheckShortTexts({{"social_worker", p.social_worker},
                                   {"team", p.team},
                                   {"placement", p.placement},
                                   {"school", p.school}}));
  for (const std::string& contact : p.contacts) {
    if (contact.empty()) {
      return absl::InvalidArgumentError("contacts: must not be empty");
    }
    RETURN_IF_ERROR(CheckShortTexts({{"contacts", contact}}));
  }
  return p;
}

absl::StatusOr<std::optional<ChildChange>> ApplyChildUpdate(
    const ChildUpdate& u, absl::Time now, absl::TimeZone tz,
    absl::string_view by, Child& child) {
  if (u.child_id.empty()) {
    return absl::InvalidArgumentError("child_id: required");
  }
  if (!u.name && !u.date_of_birth && !u.la_ref && !u.looked_after &&
      !u.placing_authority && !u.sex && !u.ethnicity && !u.social_worker &&
      !u.team && !u.placement && !u.school && !u.contacts) {
    return absl::InvalidArgumentError(
        "child_id: the update changes nothing (give a field to change)");
  }
  ChildProfile asked = child.profile;
  auto take = [](const std::optional<std::string>& v, std::string& into) {
    if (v.has_value()) into = *v;
  };
  take(u.sex, asked.sex);
  take(u.ethnicity, asked.ethnicity);
  take(u.social_worker, asked.social_worker);
  take(u.team, asked.team);
  take(u.placement, asked.placement);
  take(u.school, asked.school);
  if (u.contacts.has_value()) asked.contacts = *u.contacts;
  ASSIGN_OR_RETURN(const ChildProfile profile, CanonicalProfile(asked));
  if (u.name.has_value() && u.name->empty()) {
    return absl::InvalidArgumentError("name: must not be empty");
  }
  RETURN_IF_ERROR(CheckShortTexts(
      {{"name", u.name.value_or("")},
       {"la_ref", u.la_ref.value_or("")},
       {"placing_authority", u.placing_authority.value_or("")}}));

  Child next = child;
  std::vector<std::string> changes;
  Change("name", u.name, next.name, changes);
  if (u.date_of_birth.has_value()) {
    ASSIGN_OR_RETURN(absl::CivilDay dob,
                     ChildDateOfBirth(*u.date_of_birth, now, tz));
    if (dob != next.date_of_birth) {
      changes.push_back(absl::StrCat(
          "date_of_birth: ", absl::FormatCivilTime(next.date_of_birth), " -> ",
          absl::FormatCivilTime(dob)));
      next.date_of_birth = dob;
    }
  }
  Change("la_ref", u.la_ref, next.la_ref, changes);
  if (u.looked_after.has_value() && *u.looked_after != next.looked_after) {
    changes.push_back(
        absl::StrCat("looked_after: ", next.looked_after ? "yes" : "no", " -> ",
                     *u.looked_after ? "yes" : "no"));
    next.looked_after = *u.looked_after;
  }
  Change("placing_authority", u.placing_authority, next.placing_authority,
         changes);
  Change("sex", profile.sex, next.profile.sex, changes);
  Change("ethnicity", profile.ethnicity, next.profile.ethnicity, changes);
  Change("social_worker", profile.social_worker, next.profile.social_worker,
         changes);
  Change("team", profile.team, next.profile.team, changes);
  Change("placement", profile.placement, next.profile.placement, changes);
  Change("school", profile.school, next.profile.school, changes);
  if (profile.contacts != next.profile.contacts) {
    changes.push_back(absl::StrCat(
        "contacts: ", Shown(absl::StrJoin(next.profile.contacts, "; ")), " -> ",
        Shown(absl::StrJoin(profile.contacts, "; "))));
    next.profile.contacts = profile.contacts;
  }
  if (changes.empty()) return std::nullopt;
  ChildChange record{.at = now, .by = std::string(by), .changes = changes};
  next.history.push_back(record);
  child = std::move(next);
  return record;
}

}  // namespace mfh::domain
