#include "clients/core/time_text.h"

#include <cstdint>
#include <optional>
#include <regex>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "clients/core/text.h"

namespace mfh::client {
namespace {

constexpr char kTimeHelp[] =
    "use RFC 3339 (2026-03-27T10:00:00Z, 2026-03-27T10:00+01:00) or "
    "Europe/London time (2026-03-27T10:00, 2026-03-27 10:00, 27/03/2026 "
    "10:00, 2026-10-25 01:30 BST)";

int ToInt(const std::string& digits) {
  int value = 0;
  if (!absl::SimpleAtoi(digits, &value)) return -1;
  return value;
}

absl::Status NotATime(absl::string_view field, absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": \"", text, "\" is not a time; ", kTimeHelp));
}

}  // namespace

absl::TimeZone London() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone tz;
    if (!absl::LoadTimeZone("Europe/London", &tz)) return absl::UTCTimeZone();
    return tz;
  }();
  return zone;
}

absl::StatusOr<absl::Time> ParseTime(absl::string_view field,
                                     absl::string_view text) {
  static const std::regex kPattern(
      R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$)");
  // dd/mm/yyyy as YYYY-MM-DD; a BST or GMT suffix kept aside.
  static const std::regex kDayFirst(R"(^(\d{2})/(\d{2})/(\d{4})([Tt ].*)$)");
  static const std::regex kZoneSuffix(R"(^(.*\d) ?([BbGg][Ss]?[Mm]?[Tt])$)");
  std::string s(text);
  std::smatch m;
  if (std::regex_match(s, m, kDayFirst)) {
    s = absl::StrCat(m[3].str(), "-", m[2].str(), "-", m[1].str(), m[4].str());
  }
  std::string zone;
  if (std::regex_match(s, m, kZoneSuffix)) {
    zone = absl::AsciiStrToUpper(m[2].str());
    if (zone != "BST" && zone != "GMT") return NotATime(field, text);
    s = m[1].str();
  }
  if (!std::regex_match(s, m, kPattern)) return NotATime(field, text);
  if (!zone.empty() && (m[8].matched || m[9].matched)) {
    return NotATime(field, text);
  }
  const int year = ToInt(m[1]), month = ToInt(m[2]), day = ToInt(m[3]);
  const int hour = ToInt(m[4]), minute = ToInt(m[5]);
  const int second = m[6].matched ? ToInt(m[6]) : 0;
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  // CivilSecond normalises 2026-02-30 to March; a round trip rejects it.
  if (civil.year() != year || civil.month() != month || civil.day() != day ||
      civil.hour() != hour || civil.minute() != minute ||
      civil.second() != second) {
    return NotATime(field, text);
  }
  absl::Duration fraction;
  if (m[7].matched) {
    std::string nanos = m[7].str();
    nanos.resize(9, '0');
    fraction = absl::Nanoseconds(ToInt(nanos));
  }
  if (m[8].matched) {
    return absl::FromCivil(civil, absl::UTCTimeZone()) + fraction;
  }
  if (m[9].matched) {
    const int offset_hours = ToInt(m[10]), offset_minutes = ToInt(m[11]);
    if (offset_hours > 23 || offset_minutes > 59) return NotATime(field, text);
    absl::Duration offset =
        absl::Hours(offset_hours) + absl::Minutes(offset_minutes);
    if (m[9].str() == "-") offset = -offset;
    return absl::FromCivil(civil, absl::UTCTimeZone()) - offset + fraction;
  }
  absl::TimeZone tz;
  if (!absl::LoadTimeZone("Europe/London", &tz)) {
    return absl::FailedPreconditionError(
        absl::StrCat(field,
                     ": the Europe/London time zone is not installed (tzdata); "
                     "add an offset such as +00:00"));
  }
  if (!zone.empty()) {
    const absl::Time t = absl::FromCivil(civil, absl::UTCTimeZone()) -
                         (zone == "BST" ? absl::Hours(1) : absl::Hours(0)) +
                         fraction;
    if (tz.At(t).zone_abbr != zone) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": ", text, ": ", zone,
          " is not Europe/London's time then; use ",
          zone == "BST" ? "GMT" : "BST", " or leave the zone out"));
    }
    return t;
  }
  const absl::TimeZone::TimeInfo info = tz.At(civil);
  switch (info.kind) {
    case absl::TimeZone::TimeInfo::UNIQUE:
      return info.pre + fraction;
    case absl::TimeZone::TimeInfo::SKIPPED:
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": ", text,
          " does not exist in Europe/London (clocks go forward); add an "
          "offset such as +00:00 or +01:00, or BST or GMT"));
    case absl::TimeZone::TimeInfo::REPEATED:
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": ", text,
          " happens twice in Europe/London (clocks go back); add an offset "
          "such as +01:00 or +00:00, or BST or GMT"));
  }
  return NotATime(field, text);
}

absl::StatusOr<absl::Duration> ParseDuration(absl::string_view field,
                                             absl::string_view text) {
  static const std::regex kPattern(R"(^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$)");
  const std::string s(text);
  std::smatch m;
  if (s.empty() || s.size() > 12 || !std::regex_match(s, m, kPattern)) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": \"", text, "\" is not a duration; use e.g. 24h, 3d or 90m"));
  }
  absl::Duration d;
  if (m[1].matched) d += absl::Hours(24) * ToInt(m[1]);
  if (m[2].matched) d += absl::Hours(ToInt(m[2]));
  if (m[3].matched) d += absl::Minutes(ToInt(m[3]));
  return d;
}

std::string FormatLocal(absl::Time t) {
  return absl::FormatTime("%E4Y-%m-%d %H:%M %Z", t, London());
}

std::string FormatLocalShort(absl::Time t) {
  const absl::TimeZone tz = London();
  const absl::CivilSecond local = absl::ToCivilSecond(t, tz);
  std::string out = absl::StrCat(absl::FormatTime("%a ", t, tz), local.day(),
                                 absl::FormatTime(" %b %H:%M", t, tz));
  if (tz.At(local).kind == absl::TimeZone::TimeInfo::REPEATED) {
    absl::StrAppend(&out, absl::FormatTime(" %Z", t, tz));
  }
  return out;
}

std::string FormatLocalExact(absl::Time t) {
  // London's offsets are whole minutes: a whole UTC minute is a whole local
  // one.
  if (t == absl::FromUnixSeconds(absl::ToUnixSeconds(t) / 60 * 60)) {
    return FormatLocal(t);
  }
  return absl::FormatTime("%E4Y-%m-%d %H:%M:%E*S %Z", t, London());
}

std::string LocalizeInstants(const std::string& text) {
  static const std::regex kUtc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  return ReplaceMatches(
      text, kUtc, [](const std::string& match) -> std::optional<std::string> {
        absl::Time t;
        std::string error;
        if (!absl::ParseTime(absl::RFC3339_full, match, &t, &error)) {
          return std::nullopt;
        }
        return FormatLocalExact(t);
      });
}

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

std::string FormatShortDuration(absl::Duration d) {
  const int64_t minutes =
      d <= absl::ZeroDuration() ? 0 : absl::ToInt64Minutes(d);
  const int64_t days = minutes / (24 * 60);
  const int64_t hours = minutes / 60 % 24;
  if (days > 0) return absl::StrCat(days, "d ", hours, "h");
  if (hours > 0) return absl::StrCat(hours, "h ", minutes % 60, "m");
  return absl::StrCat(minutes, "m");
}

std::string FormatDays(absl::Duration d) {
  const absl::Duration day = absl::Hours(24);
  if (d <= absl::ZeroDuration() || d % day != absl::ZeroDuration()) {
    return FormatShortDuration(d);
  }
  const int64_t days = absl::IDivDuration(d, day, &d);
  return absl::StrCat(days, days == 1 ? " day" : " days");
}

std::string FormatCountdown(absl::Time due, absl::Time as_of) {
  if (due > as_of)
    return absl::StrCat("due in ", FormatShortDuration(due - as_of));
  return absl::StrCat("overdue by ", FormatShortDuration(as_of - due));
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  const absl::Time second = absl::FromUnixSeconds(absl::ToUnixSeconds(t));
  google::protobuf::Timestamp ts;
  // ToUnixSeconds rounds towards negative infinity, so nanos are >= 0.
  ts.set_seconds(absl::ToUnixSeconds(t));
  ts.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(t - second)));
  return ts;
}

absl::Duration FromDuration(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

}  // namespace mfh::client
