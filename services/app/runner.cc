#include "services/app/runner.h"

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "services/app/log.h"
#include "services/domain/calendar.h"

namespace mfh::app {
namespace {

domain::AuditRecord NewRecord(const Context& ctx, absl::string_view rpc,
                              const AuditSubjects& subjects) {
  domain::AuditRecord record;
  record.at = ctx.now;
  record.user = ctx.principal.name;
  record.role = ctx.principal.role;
  record.rpc = std::string(rpc);
  record.child_ids = subjects.child_ids();
  record.episode_ids = subjects.episode_ids();
  record.subject = subjects.subject();
  return record;
}

std::string Outcome(const absl::Status& status) {
  return status.ok() ? "OK" : absl::StatusCodeToString(status.code());
}

}  // namespace

absl::StatusOr<Principal> Runner::Admit(const Call& call,
                                        absl::string_view rpc) {
  const absl::Time now = clock_.Now();
  std::optional<Principal> revoked;
  absl::StatusOr<Authenticator::Authenticated> who =
      authenticator_.Authenticate(call.token, call.peer, now, &revoked);
  if (!who.ok()) {
    return RefuseToken(call, rpc, now, who.status(),
                       revoked.has_value() ? &*revoked : nullptr);
  }
  if (!who->confirmed) {
    absl::Status confirmed = authenticator_.Confirm(who->principal);
    if (!confirmed.ok()) {
      return RefuseToken(call, rpc, now, confirmed, &who->principal);
    }
  }
  return who->principal;
}

absl::Status Runner::RefuseToken(const Call& call, absl::string_view rpc,
                                 absl::Time now, absl::Status refusal,
                                 const Principal* revoked) {
  // A host refused for guessing was logged when it began; its further
  // refusals are neither logged nor audited, so that it cannot flood either.
  if (refusal.code() != absl::StatusCode::kUnauthenticated) return refusal;
  const std::string user = revoked != nullptr ? revoked->name : "";
  LogLine(absl::StrCat("authentication failed: ", rpc, " from ", call.peer,
                       user.empty() ? "" : absl::StrCat(" as ", user), ": ",
                       refusal.message()));
  domain::AuditRecord record;
  record.at = now;
  record.user = user;
  record.role = revoked != nullptr ? revoked->role : domain::Role::kUnspecified;
  record.rpc = std::string(rpc);
  record.outcome = Outcome(refusal);
  record.subject = absl::StrCat("peer ", call.peer);
  audit_.Record(std::move(record));
  return refusal;
}

absl::Status Runner::RunErased(const Call& call, const Spec& spec,
                               AuditSubjects subjects, Validate validate,
                               Erased body) {
  // Fail closed: no read is answered that could not be audited.
  if (!spec.change.has_value()) RETURN_IF_ERROR(audit_.Writable());
  const absl::Time now = clock_.Now();
  std::optional<Principal> revoked;
  absl::StatusOr<Authenticator::Authenticated> authenticated =
      authenticator_.Authenticate(call.token, call.peer, now, &revoked);
  if (!authenticated.ok()) {
    return RefuseToken(call, spec.name, now, authenticated.status(),
                       revoked.has_value() ? &*revoked : nullptr);
  }
  const Authenticator::Authenticated& who = *authenticated;
  const Context ctx{.principal = who.principal, .now = now};

  // A refusal before the transaction: the token is confirmed first (a
  // revoked one is UNAUTHENTICATED and leaves no row), then the refusal is
  // audited with its code.
  auto refuse = [&](absl::Status refusal) -> absl::Status {
    if (!who.confirmed) {
      absl::Status confirmed = authenticator_.Confirm(who.principal);
      if (!confirmed.ok()) {
        return RefuseToken(call, spec.name, now, confirmed, &who.principal);
      }
    }
    domain::AuditRecord record = NewRecord(ctx, spec.name, subjects);
    record.outcome = Outcome(refusal);
    audit_.Record(std::move(record));
    return refusal;
  };
  if (!domain::HasRight(who.principal.role, spec.right)) {
    return refuse(absl::PermissionDeniedError(
        absl::StrCat("role: ", domain::RoleName(who.principal.role),
                     " may not call ", spec.name)));
  }
  if (!call.undecodable.ok()) return refuse(call.undecodable);
  if (absl::Status valid = validate(ctx); !valid.ok()) return refuse(valid);

  bool token_refused = false;
  // What the result names; a call that fails names only what it asked for
  // (a write rolled back names no record it would have made).
  AuditSubjects named = subjects;
  // Before the transaction begins, so that what it looks up is remembered
  // only if no child changed since.
  const ChildNames::Ticket ticket = child_names_.Take();
  auto run = [&](storage::Transaction& tx) -> absl::Status {
    if (!who.confirmed) {
      absl::Status confirmed = authenticator_.Confirm(tx, who.principal);
      token_refused = !confirmed.ok();
      RETURN_IF_ERROR(confirmed);
    }
    RETURN_IF_ERROR(body(tx, ctx, named));
    if (call.labels == nullptr) return absl::OkStatus();
    const absl::CivilDay today = domain::LocalDay(now, tz_);
    for (const std::string& child_id : named.child_ids()) {
      std::optional<ChildName> known = child_names_.Find(child_id);
      if (!known.has_value()) {
        ASSIGN_OR_RETURN(std::optional<domain::Child> child,
                         tx.FindChildRow(child_id));
        if (!child.has_value()) continue;
        known = ChildName{.name = child->name,
                          .date_of_birth = child->date_of_birth};
        child_names_.Remember(ticket, child_id, *known);
      }
      (*call.labels)[child_id] =
          ChildLabel{.name = known->name,
                     .age = domain::AgeOn(known->date_of_birth, today)};
    }
    return absl::OkStatus();
  };
  absl::Status status;
  if (spec.change.has_value()) {
    const bool changes_children = *spec.change == ChangeKind::kChild;
    if (changes_children) child_names_.BeginChange();
    absl::Cleanup end_change = [&] {
      if (changes_children) child_names_.EndChange();
    };
    status = store_.Write(
        [&](storage::Transaction& tx) -> absl::Status {
          RETURN_IF_ERROR(run(tx));
          domain::AuditRecord record = NewRecord(ctx, spec.name, named);
          record.outcome = "OK";
          return tx.InsertAudit(record);
        },
        // In commit order, so that watchers see changes in that order.
        [&] {
          feed_.Publish(ChangeEvent{
              .sequence = 0,
              .kind = *spec.change,
              .rpc = std::string(spec.name),
              .child_id =
                  named.child_ids().empty() ? "" : named.child_ids().front(),
              .episode_id = named.episode_ids().empty()
                                ? ""
                                : named.episode_ids().front()});
        });
    if (status.ok()) return status;
  } else {
    status = store_.Read(run);
  }
  if (token_refused) {
    return RefuseToken(call, spec.name, now, status, &who.principal);
  }
  // A read, or a refused write: through the batched log.
  domain::AuditRecord record =
      NewRecord(ctx, spec.name, status.ok() ? named : subjects);
  record.outcome = Outcome(status);
  audit_.Record(std::move(record));
  return status;
}

}  // namespace mfh::app
