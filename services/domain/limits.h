// How long free text may be (DESIGN.md section 5): names, references, places
// and reasons 200 characters; notes, outcomes and findings 8,000. Longer is
// INVALID_ARGUMENT naming the field, so that no call stores or audits
// unbounded text.
#ifndef MFH_SERVICES_DOMAIN_LIMITS_H_
#define MFH_SERVICES_DOMAIN_LIMITS_H_

#include <cstddef>
#include <initializer_list>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace mfh::domain {

inline constexpr size_t kShortTextLimit = 200;
inline constexpr size_t kLongTextLimit = 8000;

// Characters, not bytes: UTF-8 code points.
size_t CharacterCount(absl::string_view text);

using TextField = std::pair<absl::string_view, absl::string_view>;

// INVALID_ARGUMENT naming the first field whose text is over `limit`
// characters.
absl::Status CheckLengths(std::initializer_list<TextField> fields,
                          size_t limit);
inline absl::Status CheckShortTexts(std::initializer_list<TextField> fields) {
  return CheckLengths(fields, kShortTextLimit);
}
inline absl::Status CheckLongTexts(std::initializer_list<TextField> fields) {
  return CheckLengths(fields, kLongTextLimit);
}

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_LIMITS_H_
