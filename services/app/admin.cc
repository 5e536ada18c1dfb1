#include "services/app/admin.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/app/authenticator.h"
#include "services/domain/roles.h"

namespace mfh::app {

using storage::Transaction;

void AddSubjects(const NewUser&, AuditSubjects&) {}

absl::StatusOr<NewUser> AddUserIn(Transaction& tx, const UserRequest& request,
                                  absl::Time now) {
  RETURN_IF_ERROR(domain::ValidateNewUser(request.name, request.role));
  ASSIGN_OR_RETURN(std::optional<storage::StoredUser> existing,
                   tx.FindUserByName(request.name));
  if (existing.has_value()) {
    return absl::AlreadyExistsError(
        absl::StrCat("name: a user named ", request.name, " already exists"));
  }
  NewUser created;
  ASSIGN_OR_RETURN(created.token, NewToken());
  created.user = domain::User{.name = request.name,
                              .role = request.role,
                              .created_at = now,
                              .revoked_at = std::nullopt};
  RETURN_IF_ERROR(tx.InsertUser(storage::StoredUser{
      .user = created.user, .token_sha256 = TokenSha256(created.token)}));
  return created;
}

absl::StatusOr<domain::User> RevokeUserIn(Transaction& tx,
                                          absl::string_view name,
                                          absl::Time now) {
  ASSIGN_OR_RETURN(std::optional<storage::StoredUser> found,
                   tx.FindUserByName(name));
  if (!found.has_value()) {
    return absl::NotFoundError(absl::StrCat("name: no user ", name));
  }
  domain::User user = std::move(found->user);
  if (user.revoked_at.has_value()) return user;
  RETURN_IF_ERROR(tx.RevokeUser(name, now));
  user.revoked_at = now;
  return user;
}

namespace {

// The audit row of a user change made outside the API.
domain::AuditRecord HostRecord(absl::string_view rpc,
                               const UserRequest& request, absl::Time now,
                               absl::string_view by) {
  domain::AuditRecord record;
  record.at = now;
  record.user = std::string(by);
  record.rpc = std::string(rpc);
  record.outcome = "OK";
  record.subject = AuditSubjectOf(request);
  return record;
}

}  // namespace

std::string AuditSubjectOf(const UserRequest& request) {
  if (request.name.empty()) return "";
  if (request.role == domain::Role::kUnspecified) {
    return absl::StrCat("user ", request.name);
  }
  return absl::StrCat("user ", request.name, " as ",
                      domain::RoleName(request.role));
}

std::string AuditSubjectOf(const AuditQuery& query) {
  if (query.rows_of_child.empty()) return "";
  return absl::StrCat("audit of child ", query.rows_of_child);
}

absl::StatusOr<NewUser> CreateUser(storage::Store& store,
                                   absl::string_view name, domain::Role role,
                                   absl::Time now, absl::string_view by) {
  const UserRequest request{.name = std::string(name), .role = role};
  NewUser created;
  RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(created, AddUserIn(tx, request, now));
    return tx.InsertAudit(HostRecord(calls::kAddUser.name, request, now, by));
  }));
  return created;
}

absl::StatusOr<domain::User> RevokeUser(storage::Store& store,
                                        absl::string_view name, absl::Time now,
                                        absl::string_view by) {
  const UserRequest request{.name = std::string(name)};
  domain::User revoked;
  RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(revoked, RevokeUserIn(tx, name, now));
    return tx.InsertAudit(
        HostRecord(calls::kRevokeUser.name, request, now, by));
  }));
  return revoked;
}

absl::StatusOr<NewUser> Admin::AddUser(const Call& call,
                                       const UserRequest& request) {
  return runner_.Write<NewUser>(
      call, calls::kAddUser, request,
      [&](const Context&) {
        return domain::ValidateNewUser(request.name, request.role);
      },
      [&](Transaction& tx, const Context& ctx) {
        return AddUserIn(tx, request, ctx.now);
      });
}

absl::StatusOr<std::vector<domain::User>> Admin::ListUsers(const Call& call) {
  return runner_.Read<std::vector<domain::User>>(
      call, calls::kListUsers, UserRequest{},
      [](const Context&) { return absl::OkStatus(); },
      [](Transaction& tx, const Context&) { return tx.ListUsers(); });
}

absl::StatusOr<domain::User> Admin::RevokeUser(const Call& call,
                                               const UserRequest& request) {
  return runner_.Write<domain::User>(
      call, calls::kRevokeUser, request,
      [&](const Context&) -> absl::Status {
        if (request.name.empty()) {
          return absl::InvalidArgumentError("name: required");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context& ctx) {
        return RevokeUserIn(tx, request.name, ctx.now);
      });
}

absl::StatusOr<Paged<domain::AuditRecord>> Admin::ListAudit(
    const Call& call, const AuditQuery& query) {
  const std::string listed = absl::StrCat(
      "ListAudit since=",
      query.since.has_value() ? absl::ToUnixMicros(*query.since) : 0,
      " child=", query.rows_of_child);
  storage::Page page;
  return runner_.Read<Paged<domain::AuditRecord>>(
      call, calls::kListAudit, query,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        // What the batched log holds is part of what was asked for.
        audit_.Flush();
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context&) -> absl::StatusOr<Paged<domain::AuditRecord>> {
        ASSIGN_OR_RETURN(std::vector<domain::AuditRecord> rows,
                         tx.ListAudit(query.since, query.rows_of_child, page));
        return pages_.Finish(std::move(rows), page, listed,
                             [](const domain::AuditRecord& r) {
                               return SortKey{.time = std::nullopt,
                                              .id = absl::StrCat(r.audit_id)};
                             });
      });
}

}  // namespace mfh::app
