// Who is calling: bearer tokens (made with OpenSSL's random generator, kept
// only as their SHA-256) resolved to an immutable principal, with a cache of
// tokens seen before and their revocation.
#ifndef MFH_SERVICES_APP_AUTHENTICATOR_H_
#define MFH_SERVICES_APP_AUTHENTICATOR_H_

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
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

// The host part of a gRPC peer ("ipv4:10.0.0.7:51234" -> "ipv4:10.0.0.7"):
// one client, whatever port each connection comes from.
std::string PeerHost(absl::string_view peer);

class Authenticator {
 public:
  // A host with this many failed attempts within the window has further
  // tokens the server has not seen refused, without a look-up, until the
  // window after its last failure has passed.
  static constexpr int kFailuresBeforeThrottle = 10;
  static constexpr absl::Duration kThrottleWindow = absl::Minutes(1);

  explicit Authenticator(storage::Store& store) : store_(store) {}

  struct Authenticated {
    Principal principal;
    // Read from the store just now. A principal from the cache is not: the
    // call must Confirm it before it answers, so that a token revoked beside
    // the running server (`mfh-server user revoke`) is refused on its next
    // call, at no extra read when the call has a transaction of its own.
    bool confirmed = false;
  };

  // UNAUTHENTICATED for an empty, unknown or revoked token (a revoked one's
  // user in `revoked`, when given), counted as a failure of `peer`'s host
  // at `now`; RESOURCE_EXHAUSTED for a token not seen before from a host
  // over kFailuresBeforeThrottle failures within kThrottleWindow.
  absl::StatusOr<Authenticated> Authenticate(
      absl::string_view token, absl::string_view peer, absl::Time now,
      std::optional<Principal>* revoked = nullptr);
  // UNAUTHENTICATED (and forgotten) when the principal's token has been
  // revoked; checked in `tx`, or in a read of its own.
  absl::Status Confirm(storage::Transaction& tx, const Principal& principal);
  absl::Status Confirm(const Principal& principal);

 private:
  void Forget(const std::string& token_sha256);
  // Whether `host` is throttled at `now`.
  bool Throttled(const std::string& host, absl::Time now);
  // Counts a failure; logs when the host becomes throttled.
  void Failed(const std::string& host, absl::Time now);

  storage::Store& store_;
  absl::Mutex mu_;
  // Principals by the SHA-256 of tokens found in force.
  std::unordered_map<std::string, Principal> known_ ABSL_GUARDED_BY(mu_);
  // Each host's latest failures (at most kFailuresBeforeThrottle), oldest
  // first.
  absl::Mutex failures_mu_;
  std::unordered_map<std::string, std::deque<absl::Time>> failures_
      ABSL_GUARDED_BY(failures_mu_);
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AUTHENTICATOR_H_
