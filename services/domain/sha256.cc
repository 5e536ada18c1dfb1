#include "services/domain/sha256.h"

#include <openssl/evp.h>

#include "absl/strings/escaping.h"

namespace mfh::domain {

std::string Sha256Hex(absl::string_view bytes) {
  // Fetched once: EVP_sha256() would look the algorithm up again at every
  // call, under OpenSSL's locks (about three times the cost of the digest
  // of a token).
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, kSha256, nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

}  // namespace mfh::domain
