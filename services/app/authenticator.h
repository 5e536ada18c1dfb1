// Who is calling: bearer tokens (made with OpenSSL's random generator, kept
// only as their SHA-256) resolved to an immutable principal, with a cache of
// tokens seen before and their revocation.
#ifndef MFH_SERVICES_APP_AUTHENTICATOR_H_
#define MFH_SERVICES_APP_AUTHENTICATOR_H_

#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

// The user a token names.
struct Principal {
  std::string name;
  domain::Role role = domain::Role::kUnspecified;
  std::string token_sha256;
};

// SHA-256 of the token, lower-case hex: what the store keeps.
std::string TokenSha256(absl::string_view token);
// A fresh token: 32 random bytes as hex. INTERNAL if the generator fails.
absl::StatusOr<std::string> NewToken();

class Authenticator {
 public:
  explicit Authenticator(storage::Store& store) : store_(store) {}

  struct Authenticated {
    Principal principal;
    // Read from the store just now. A principal from the cache is not: the
    // call must Confirm it before it answers, so that a token revoked beside
    // the running server (`mfh-server user revoke`) is refused on its next
    // call, at no extra read when the call has a transaction of its own.
    bool confirmed = false;
  };

  // UNAUTHENTICATED for an empty, unknown or revoked token.
  absl::StatusOr<Authenticated> Authenticate(absl::string_view token);
  // UNAUTHENTICATED (and forgotten) when the principal's token has been
  // revoked; checked in `tx`, or in a read of its own.
  absl::Status Confirm(storage::Transaction& tx, const Principal& principal);
  absl::Status Confirm(const Principal& principal);

 private:
  void Forget(const std::string& token_sha256);

  storage::Store& store_;
  absl::Mutex mu_;
  // Principals by the SHA-256 of tokens found in force.
  std::unordered_map<std::string, Principal> known_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AUTHENTICATOR_H_
