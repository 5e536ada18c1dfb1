// The one door every use case goes through, in the order of DESIGN.md
// section 3: authenticate the token, authorize the role, report a field the
// transport could not decode, validate the request, run the transaction
// (confirming the token inside it), then audit: a write in its own
// transaction, a read or a refusal through the batched log. A rule of access
// or audit is written here once, and no use case can forget it.
#ifndef MFH_SERVICES_APP_RUNNER_H_
#define MFH_SERVICES_APP_RUNNER_H_

#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/audit_log.h"
#include "services/app/audit_subjects.h"
#include "services/app/authenticator.h"
#include "services/app/calls.h"
#include "services/app/change_feed.h"
#include "services/app/child_names.h"
#include "services/domain/clock.h"
#include "services/domain/roles.h"
#include "services/domain/status_macros.h"
#include "services/storage/store.h"

namespace mfh::app {

// A child's name and age in whole years on the call's day, shown beside the
// child's id wherever a person reads it.
struct ChildLabel {
  std::string name;
  int age = 0;
};
using ChildLabels = absl::flat_hash_map<std::string, ChildLabel>;

// One call as the transport hands it over.
struct Call {
  // The bearer token; empty when none was sent.
  std::string token;
  // Where the call came from ("ipv4:10.0.0.7:51234"), for the log and the
  // audit of a refused token, and for slowing down a host that guesses.
  std::string peer;
  // The first request field the transport could not decode (a malformed
  // time, an enum value the API does not define): INVALID_ARGUMENT naming
  // it, answered after authentication and authorization.
  absl::Status undecodable;
  // Where a call that succeeds leaves the names and ages of the children its
  // answer names (read in its transaction); none are read when null.
  ChildLabels* labels = nullptr;
};

// What a use case knows while it runs.
struct Context {
  const Principal& principal;
  // The server's clock, read once per call.
  absl::Time now;
};

class Runner {
 public:
  Runner(storage::Store& store, Authenticator& authenticator, AuditLog& audit,
         ChangeFeed& feed, const domain::Clock& clock, absl::TimeZone tz)
      : store_(store),
        authenticator_(authenticator),
        audit_(audit),
        feed_(feed),
        clock_(clock),
        tz_(tz) {}

  using Validate = absl::FunctionRef<absl::Status(const Context&)>;
  template <typename Result>
  using Body = absl::FunctionRef<absl::StatusOr<Result>(storage::Transaction&,
                                                        const Context&)>;

  // Runs `body` in a read transaction. The audit row names the children and
  // episodes of `request` and of the result.
  template <typename Result, typename Request>
  absl::StatusOr<Result> Read(const Call& call, const ReadCall& spec,
                              const Request& request, Validate validate,
                              Body<Result> body) {
    return Run<Result>(call, Spec{spec.name, spec.right, std::nullopt},
                       RequestedSubjects(request), validate, body);
  }

  // Runs `body` in a write transaction with its audit row; once committed,
  // watchers are told of it in commit order.
  template <typename Result, typename Request>
  absl::StatusOr<Result> Write(const Call& call, const WriteCall& spec,
                               const Request& request, Validate validate,
                               Body<Result> body) {
    return Run<Result>(call, Spec{spec.name, spec.right, spec.change},
                       RequestedSubjects(request), validate, body);
  }

  // The call's principal, confirmed in force in a read of its own;
  // UNAUTHENTICATED otherwise (logged and audited as a refusal of `rpc`).
  // For a stream that lives beyond one call.
  absl::StatusOr<Principal> Admit(const Call& call, absl::string_view rpc);

  const domain::Clock& clock() const { return clock_; }

 private:
  struct Spec {
    absl::string_view name;
    domain::Right right;
    std::optional<ChangeKind> change;  // unset for a read
  };
  using Erased = absl::FunctionRef<absl::Status(
      storage::Transaction&, const Context&, AuditSubjects&)>;

  template <typename Result>
  absl::StatusOr<Result> Run(const Call& call, const Spec& spec,
                             AuditSubjects subjects, Validate validate,
                             Body<Result> body) {
    std::optional<Result> result;
    RETURN_IF_ERROR(RunErased(call, spec, std::move(subjects), validate,
                              [&](storage::Transaction& tx, const Context& ctx,
                                  AuditSubjects& named) -> absl::Status {
                                absl::StatusOr<Result> out = body(tx, ctx);
                                if (!out.ok()) return out.status();
                                AddSubjects(*out, named);
                                result = *std::move(out);
                                return absl::OkStatus();
                              }));
    return *std::move(result);
  }

  absl::Status RunErased(const Call& call, const Spec& spec,
                         AuditSubjects subjects, Validate validate,
                         Erased body);
  // Logs and audits a refused token (UNAUTHENTICATED; other refusals, such
  // as a throttled host's, pass through unrecorded) and returns `refusal`.
  // `revoked`: the principal whose token was found revoked, if known.
  absl::Status RefuseToken(const Call& call, absl::string_view rpc,
                           absl::Time now, absl::Status refusal,
                           const Principal* revoked);

  storage::Store& store_;
  Authenticator& authenticator_;
  AuditLog& audit_;
  ChangeFeed& feed_;
  const domain::Clock& clock_;
  // The time zone of the day on which ages are counted.
  const absl::TimeZone tz_;
  ChildNames child_names_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_RUNNER_H_
