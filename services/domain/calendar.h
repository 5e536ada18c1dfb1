// Calendar facts: local days in the hub's time zone, dates of birth, ages.
#ifndef MFH_SERVICES_DOMAIN_CALENDAR_H_
#define MFH_SERVICES_DOMAIN_CALENDAR_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace mfh::domain {

// Parses a strict YYYY-MM-DD date; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view field,
                                        absl::string_view text);
std::string FormatDay(absl::CivilDay day);

// Whole years from `date_of_birth` to `day`: a birthday counts on its date,
// and a 29 February birthday on 1 March in other years.
int AgeOn(absl::CivilDay date_of_birth, absl::CivilDay day);

// RFC 3339 in UTC to the second: "2026-03-30T10:00:00Z".
std::string FormatUtc(absl::Time t);

absl::CivilDay LocalDay(absl::Time t, absl::TimeZone tz);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_CALENDAR_H_
