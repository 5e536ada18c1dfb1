// Times as people type and read them: RFC 3339 or naive Europe/London time
// in, Europe/London or RFC 3339 UTC out, and short durations.
#ifndef MFH_CLIENTS_CORE_TIME_TEXT_H_
#define MFH_CLIENTS_CORE_TIME_TEXT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace mfh::client {

// Europe/London, or UTC when the tz database is missing (tzdata).
absl::TimeZone London();

// `text` as an instant: RFC 3339 with `Z` or an offset
// (2026-03-27T10:00:00Z, 2026-03-27T10:00+01:00), or Europe/London time
// (2026-03-27T10:00, 2026-03-27 10:00, 27/03/2026 10:00), naive or with the
// zone in force then (2026-10-25 01:30 BST, 25/10/2026 01:30 GMT); seconds
// and fractions optional. A naive time in the hour the clocks skip or repeat
// is INVALID_ARGUMENT asking for an offset or a zone, and so is a zone not
// in force at that time. Errors start with "<field>: ".
absl::StatusOr<absl::Time> ParseTime(absl::string_view field,
                                     absl::string_view text);

// A duration such as 24h, 3d, 90m or 1d12h; INVALID_ARGUMENT otherwise.
absl::StatusOr<absl::Duration> ParseDuration(absl::string_view field,
                                             absl::string_view text);

// "2026-03-30 11:00 BST": Europe/London, to the minute, with its zone.
std::string FormatLocal(absl::Time t);

// "Sat 24 Oct 00:30": Europe/London, to the minute, with the weekday and
// without the year or the zone, for a page about the days around one
// meeting; with the zone ("Sun 25 Oct 01:30 BST") in the hour the clocks go
// back, which the wall shows twice.
std::string FormatLocalShort(absl::Time t);

// FormatLocal, with the seconds when they are not zero: "2026-03-30 11:00
// BST", "2026-03-30 11:00:07 BST".
std::string FormatLocalExact(absl::Time t);

// `text` with every RFC 3339 UTC instant in it ("2026-10-24T23:30:00Z")
// written as FormatLocalExact writes it ("2026-10-25 00:30 BST").
std::string LocalizeInstants(const std::string& text);

// "2026-03-30T10:00:00Z": UTC, to the second.
std::string FormatUtc(absl::Time t);

// Two units, rounded down: "2d 4h", "5h 12m", "45m". Negative counts as 0.
std::string FormatShortDuration(absl::Duration d);

// A threshold in days, as reports state it: "7 days", "1 day"; one that is
// not a whole number of days as FormatShortDuration writes it.
std::string FormatDays(absl::Duration d);

// "due in 1d 2h" while due > as_of, else "overdue by 3h 5m" (an RHI is
// overdue when due <= as_of).
std::string FormatCountdown(absl::Time due, absl::Time as_of);

absl::Time FromTimestamp(const google::protobuf::Timestamp& ts);
google::protobuf::Timestamp ToTimestamp(absl::Time t);
absl::Duration FromDuration(const google::protobuf::Duration& d);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_TIME_TEXT_H_
