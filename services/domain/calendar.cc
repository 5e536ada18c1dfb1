#include "services/domain/calendar.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace mfh::domain {

absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view field,
                                        absl::string_view text) {
  absl::CivilDay day;
  // ParseCivilTime normalises 2026-02-30 to March; a round trip rejects it.
  if (text.size() != 10 || !absl::ParseCivilTime(text, &day) ||
      FormatDay(day) != text) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must be a date YYYY-MM-DD"));
  }
  return day;
}

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

int AgeOn(absl::CivilDay date_of_birth, absl::CivilDay day) {
  int age = static_cast<int>(day.year() - date_of_birth.year());
  if (day.month() < date_of_birth.month() ||
      (day.month() == date_of_birth.month() &&
       day.day() < date_of_birth.day())) {
    --age;
  }
  return age;
}

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

absl::CivilDay LocalDay(absl::Time t, absl::TimeZone tz) {
  return absl::ToCivilDay(t, tz);
}

}  // namespace mfh::domain
