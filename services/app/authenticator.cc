#include "services/app/authenticator.h"

#include <openssl/rand.h>

#include <optional>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/app/log.h"
#include "services/domain/sha256.h"
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
  return domain::Sha256Hex(token);
}

absl::StatusOr<std::string> NewToken() {
  unsigned char bytes[kTokenBytes];
  if (RAND_bytes(bytes, kTokenBytes) != 1) {
    return absl::InternalError("token: the random generator failed");
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), kTokenBytes));
}

std::string PeerHost(absl::string_view peer) {
  const size_t colon = peer.rfind(':');
  const size_t first = peer.find(':');
  // "ipv4:HOST:PORT" and "ipv6:[HOST]:PORT" end in a port; "unix:PATH" not.
  if (colon == absl::string_view::npos || colon == first) {
    return std::string(peer);
  }
  return std::string(peer.substr(0, colon));
}

absl::StatusOr<Authenticator::Authenticated> Authenticator::Authenticate(
    absl::string_view token, absl::string_view peer, absl::Time now,
    std::optional<Principal>* revoked) {
  const std::string host = PeerHost(peer);
  std::string sha256 = TokenSha256(token);
  if (!token.empty()) {
    absl::MutexLock lock(&mu_);
    auto it = known_.find(sha256);
    if (it != known_.end()) {
      return Authenticated{.principal = it->second, .confirmed = false};
    }
  }
  if (Throttled(host, now)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "authorization: too many failed attempts from this address; wait ",
        absl::FormatDuration(kThrottleWindow), " and try again"));
  }
  if (token.empty()) {
    Failed(host, now);
    return absl::UnauthenticatedError(
        "authorization: a bearer token is required");
  }
  std::optional<storage::StoredUser> found;
  RETURN_IF_ERROR(store_.Read([&](storage::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(found, tx.FindUserByTokenSha256(sha256));
    return absl::OkStatus();
  }));
  if (!InForce(found)) {
    if (found.has_value() && revoked != nullptr) {
      *revoked = Principal{.name = found->user.name,
                           .role = found->user.role,
                           .token_sha256 = sha256};
    }
    Failed(host, now);
    return UnknownOrRevoked();
  }
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

bool Authenticator::Throttled(const std::string& host, absl::Time now) {
  absl::MutexLock lock(&failures_mu_);
  auto it = failures_.find(host);
  if (it == failures_.end()) return false;
  const std::deque<absl::Time>& times = it->second;
  return static_cast<int>(times.size()) >= kFailuresBeforeThrottle &&
         now - times.front() < kThrottleWindow;
}

void Authenticator::Failed(const std::string& host, absl::Time now) {
  absl::MutexLock lock(&failures_mu_);
  // Hosts whose last failure is older than the window are forgotten once
  // the table grows, so that it holds about the last minute's.
  constexpr size_t kHostsBeforePruning = 1024;
  if (failures_.size() > kHostsBeforePruning) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      if (now - it->second.back() >= kThrottleWindow) {
        it = failures_.erase(it);
      } else {
        ++it;
      }
    }
  }
  std::deque<absl::Time>& times = failures_[host];
  times.push_back(now);
  if (static_cast<int>(times.size()) > kFailuresBeforeThrottle) {
    times.pop_front();
  }
  if (static_cast<int>(times.size()) == kFailuresBeforeThrottle &&
      now - times.front() < kThrottleWindow) {
    LogLine(absl::StrCat("authentication: ", kFailuresBeforeThrottle,
                         " failed attempts from ", host, " within ",
                         absl::FormatDuration(kThrottleWindow),
                         "; refusing its unknown tokens for ",
                         absl::FormatDuration(kThrottleWindow)));
  }
}

void Authenticator::Forget(const std::string& token_sha256) {
  absl::MutexLock lock(&mu_);
  known_.erase(token_sha256);
}

}  // namespace mfh::app
