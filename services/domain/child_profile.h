// The child's profile and the history of changes to a child's record
// (DESIGN.md section 11): sex, ethnicity (the DfE's codes), social worker,
// team, placement, school and contacts, corrected with who and when.
#ifndef MFH_SERVICES_DOMAIN_CHILD_PROFILE_H_
#define MFH_SERVICES_DOMAIN_CHILD_PROFILE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// The DfE's ethnicity codes (CIN census and SSDA903), in their order.
const std::vector<absl::string_view>& EthnicityCodes();

// The profile as stored: sex in lower case, ethnicity as its DfE code in
// upper case; INVALID_ARGUMENT naming the field for a sex other than male,
// female, other or unknown, an ethnicity that is not a DfE code, or a text
// too long.
absl::StatusOr<ChildProfile> CanonicalProfile(ChildProfile profile);

// A change to a child's record: fields left unset keep their value;
// contacts, when set, replace the list.
struct ChildUpdate {
  std::string child_id;
  std::optional<std::string> name;
  std::optional<std::string> date_of_birth;  // YYYY-MM-DD
  std::optional<std::string> la_ref;
  std::optional<bool> looked_after;
  std::optional<std::string> placing_authority;
  std::optional<std::string> sex;
  std::optional<std::string> ethnicity;
  std::optional<std::string> social_worker;
  std::optional<std::string> team;
  std::optional<std::string> placement;
  std::optional<std::string> school;
  std::optional<std::vector<std::string>> contacts;
};

// Applies the update and returns the history record of what changed (each
// field as "school: Oak Academy -> Elm High", "-" for empty), appended to
// child.history too, or none when it changes nothing (a retry).
// INVALID_ARGUMENT as for a new child (a date of birth changed to an adult's
// included), or when it gives nothing to change.
absl::StatusOr<std::optional<ChildChange>> ApplyChildUpdate(
    const ChildUpdate& u, absl::Time now, absl::TimeZone tz,
    absl::string_view by, Child& child);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CHILD_PROFILE_H_
