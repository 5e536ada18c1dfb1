// SHA-256 (OpenSSL) as lowercase hex: token digests and the audit chain.
#ifndef MFH_SERVICES_DOMAIN_SHA256_H_
#define MFH_SERVICES_DOMAIN_SHA256_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mfh::domain {

// The 64 lowercase hex digits of the SHA-256 of `bytes`.
std::string Sha256Hex(absl::string_view bytes);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_SHA256_H_
