#include "services/app/paging.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstdint>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace mfh::app {
namespace {

constexpr int kSecretBytes = 32;
constexpr size_t kMacBytes = 16;
// The key's layout: a flag for the time, the time in microseconds (8 bytes,
// little-endian), then the id.
constexpr size_t kTimeBytes = 9;

absl::Status Forged() {
  return absl::InvalidArgumentError(
      "page_token: not a token this server gave for this query (ask for the "
      "first page again)");
}

std::string EncodeKey(const SortKey& key) {
  char time[kTimeBytes] = {};
  if (key.time.has_value()) {
    time[0] = 1;
    const uint64_t micros =
        static_cast<uint64_t>(absl::ToUnixMicros(*key.time));
    for (size_t i = 0; i < 8; ++i)
      time[1 + i] = static_cast<char>(micros >> (8 * i));
  }
  return absl::StrCat(absl::string_view(time, kTimeBytes), key.id);
}

absl::Time DecodeTime(absl::string_view key) {
  uint64_t micros = 0;
  for (size_t i = 0; i < 8; ++i) {
    micros |= static_cast<uint64_t>(static_cast<unsigned char>(key[1 + i]))
              << (8 * i);
  }
  return absl::FromUnixMicros(static_cast<int64_t>(micros));
}

}  // namespace

PageTokens::PageTokens() : secret_(kSecretBytes, '\0') {
  // A key that cannot be made is a machine without a random source: refuse
  // to run rather than sign with a guessable key.
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret_.data()),
                 kSecretBytes) != 1) {
    std::abort();
  }
}

std::string PageTokens::Mac(absl::string_view query,
                            absl::string_view key) const {
  const std::string signed_text = absl::StrCat(query.size(), ":", query, key);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()),
       signed_text.size(), mac, &size);
  return std::string(reinterpret_cast<const char*>(mac), kMacBytes);
}

std::string PageTokens::Token(absl::string_view query,
                              const SortKey& last) const {
  const std::string key = EncodeKey(last);
  return absl::WebSafeBase64Escape(absl::StrCat(key, Mac(query, key)));
}

absl::StatusOr<storage::Page> PageTokens::Open(const PageRequest& request,
                                               absl::string_view query) const {
  if (request.page_size < 0 || request.page_size > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must be from 1 to ", kMaxPageSize, " (0 for ",
                     kDefaultPageSize, ")"));
  }
  storage::Page page;
  page.limit =
      (request.page_size == 0 ? kDefaultPageSize : request.page_size) + 1;
  if (request.page_token.empty()) return page;
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(request.page_token, &bytes) ||
      bytes.size() < kTimeBytes + kMacBytes) {
    return Forged();
  }
  const absl::string_view key(bytes.data(), bytes.size() - kMacBytes);
  const std::string mac = Mac(query, key);
  if (CRYPTO_memcmp(mac.data(), bytes.data() + key.size(), kMacBytes) != 0) {
    return Forged();
  }
  if (key[0] == 1) page.after_time = DecodeTime(key);
  page.after_id = std::string(key.substr(kTimeBytes));
  return page;
}

}  // namespace mfh::app
