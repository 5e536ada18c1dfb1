#include "services/app/authenticator.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <optional>
#include <utility>

#include "absl/strings/escaping.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

constexpr int kTokenBytes = 32;

absl::Status UnknownOrRevoked() {
  return absl::UnauthenticatedError(
      "authorization: the token is unknown or revoked");
}

bool InForce(const std::optional<storage::StoredUser>& found) {
  return found.has_value() && !found->user.revoked_at.has_value();
}

}  // namespace

std::string TokenSha256(absl::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(token.data(), token.size(), digest, &size, EVP_sha256(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

absl::StatusOr<std::string> NewToken() {
  unsigned char bytes[kTokenBytes];
  if (RAND_bytes(bytes, kTokenBytes) != 1) {
    return absl::InternalError("token: the random generator failed");
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), kTokenBytes));
}

absl::StatusOr<Authenticator::Authenticated> Authenticator::Authenticate(
    absl::string_view token) {
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "authorization: a bearer token is required");
  }
  std::string sha256 = TokenSha256(token);
  {
    absl::MutexLock lock(&mu_);
    auto it = known_.find(sha256);
    if (it != known_.end()) {
      return Authenticated{.principal = it->second, .confirmed = false};
    }
  }
  std::optional<storage::StoredUser> found;
  RETURN_IF_ERROR(store_.Read([&](storage::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(found, tx.FindUserByTokenSha256(sha256));
    return absl::OkStatus();
  }));
  if (!InForce(found)) return UnknownOrRevoked();
  Principal principal{.name = found->user.name,
                      .role = found->user.role,
                      .token_sha256 = std::move(sha256)};
  absl::MutexLock lock(&mu_);
  known_.emplace(principal.token_sha256, principal);
  return Authenticated{.principal = std::move(principal), .confirmed = true};
}

absl::Status Authenticator::Confirm(storage::Transaction& tx,
                                    const Principal& principal) {
  ASSIGN_OR_RETURN(std::optional<storage::StoredUser> found,
                   tx.FindUserByTokenSha256(principal.token_sha256));
  if (InForce(found)) return absl::OkStatus();
  Forget(principal.token_sha256);
  return UnknownOrRevoked();
}

absl::Status Authenticator::Confirm(const Principal& principal) {
  return store_.Read(
      [&](storage::Transaction& tx) { return Confirm(tx, principal); });
}

void Authenticator::Forget(const std::string& token_sha256) {
  absl::MutexLock lock(&mu_);
  known_.erase(token_sha256);
}

}  // namespace mfh::app
