// The time windows of DESIGN.md section 3, which say which end they include:
// a report period is [from, until), the agenda's windows that end at its
// instant T are (T - length, T], the link window is [T - length, T]. A store
// selects each by an index; these are what its selections are held to.
#ifndef MFH_SERVICES_DOMAIN_WINDOWS_H_
#define MFH_SERVICES_DOMAIN_WINDOWS_H_

#include "absl/time/time.h"

namespace mfh::domain {

// t in [from, until).
inline bool InClosedOpen(absl::Time t, absl::Time from, absl::Time until) {
  return from <= t && t < until;
}

// t in (after, until].
inline bool InOpenClosed(absl::Time t, absl::Time after, absl::Time until) {
  return after < t && t <= until;
}

// t in [from, until].
inline bool InClosed(absl::Time t, absl::Time from, absl::Time until) {
  return from <= t && t <= until;
}

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_WINDOWS_H_
