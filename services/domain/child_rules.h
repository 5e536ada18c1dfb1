// The rules for children and their flags (DESIGN.md sections 2 and 3): what a
// new child must hold, which flags exist, and when setting or clearing one is
// a retry, a change or a conflict.
#ifndef MFH_SERVICES_DOMAIN_CHILD_RULES_H_
#define MFH_SERVICES_DOMAIN_CHILD_RULES_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// The hub records children under this age.
inline constexpr int kAdultAge = 18;

struct NewChild {
  std::string name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string la_ref;
  bool looked_after = false;
  std::string placing_authority;
  ChildProfile profile;
};

// A date of birth YYYY-MM-DD of a child under 18 today in `tz`;
// INVALID_ARGUMENT naming date_of_birth otherwise (or in the future).
absl::StatusOr<absl::CivilDay> ChildDateOfBirth(absl::string_view text,
                                                absl::Time now,
                                                absl::TimeZone tz);

// The child to store (no id yet), created at `now`; INVALID_ARGUMENT for a
// missing name, a date of birth that is not YYYY-MM-DD, in the future, or of
// someone aged 18 or over today in `tz`, or a profile CanonicalProfile
// refuses.
absl::StatusOr<Child> NewChildRecord(const NewChild& in, absl::Time now,
                                     absl::TimeZone tz);

// A name as people type it to find a child: without spaces, in lower case
// ("Amara  Okafor" and "amaraokafor" are the same name).
std::string SearchableName(absl::string_view name);
// Whether `name` contains `text`, both taken as SearchableName.
bool NameContains(absl::string_view name, absl::string_view text);
// Whether two la_refs are the same, ignoring case and surrounding spaces.
bool SameLaRef(absl::string_view a, absl::string_view b);

// open_to_cst, cse_concern or cce_concern.
bool IsFlagName(absl::string_view name);
// INVALID_ARGUMENT naming `field` unless `name` is a flag.
absl::Status CheckFlagName(absl::string_view field, absl::string_view name);

// The flag of that name in force on the child, or null.
const Flag* FlagInForce(const Child& child, absl::string_view name);

// Setting (set) or clearing a flag, at `at` (default: the server's clock).
struct FlagChange {
  std::string child_id;
  std::string flag;
  std::optional<absl::Time> at;
  bool set = true;
};

// The request's own fields (INVALID_ARGUMENT).
absl::Status ValidateFlagChange(const FlagChange& change, absl::Time now);
// Applies the change to `child`'s flags: a new flag in force, or the one in
// force cleared. Returns whether it was a retry that changes nothing (setting
// a flag already in force, from the same time or without a time);
// FAILED_PRECONDITION when setting a flag in force from another time or
// clearing one not in force; INVALID_ARGUMENT when clearing before it was set.
absl::StatusOr<bool> ApplyFlagChange(const FlagChange& change, absl::Time now,
                                     Child& child);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CHILD_RULES_H_
