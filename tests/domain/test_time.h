// Instants for domain tests, written as RFC 3339.
#ifndef MFH_TESTS_DOMAIN_TEST_TIME_H_
#define MFH_TESTS_DOMAIN_TEST_TIME_H_

#include <string>

#include "absl/time/time.h"

namespace mfh::domain {

inline absl::Time T(const std::string& rfc3339) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &err)) {
    return absl::InfinitePast();
  }
  return t;
}

inline absl::TimeZone London() {
  absl::TimeZone tz;
  absl::LoadTimeZone("Europe/London", &tz);
  return tz;
}

}  // namespace mfh::domain

#endif  // MFH_TESTS_DOMAIN_TEST_TIME_H_
