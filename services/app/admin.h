// AdminService's use cases, users and the audit log, and the same user
// changes for `mfh-server user` on the server host.
#ifndef MFH_SERVICES_APP_ADMIN_H_
#define MFH_SERVICES_APP_ADMIN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/audit_log.h"
#include "services/app/paging.h"
#include "services/app/runner.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

struct NewUser {
  domain::User user;
  std::string token;  // shown once; only its SHA-256 is stored
};
void AddSubjects(const NewUser& created, AuditSubjects& subjects);

struct UserRequest {
  std::string name;
  domain::Role role = domain::Role::kUnspecified;  // AddUser only
};

// "user sam as police" (AddUser), "user sam" (RevokeUser); empty for none.
std::string AuditSubjectOf(const UserRequest& request);

struct AuditQuery {
  std::optional<absl::Time> since;
  // Only rows naming this child; empty: every row. A filter, not a record
  // read: the call's own audit row does not name the child.
  std::string rows_of_child;
  PageRequest page;
};
// "audit of child C1" when the rows are one child's; empty otherwise.
std::string AuditSubjectOf(const AuditQuery& query);

// Adds a user with a fresh random token: INVALID_ARGUMENT for a bad name or
// role, ALREADY_EXISTS for a name in use.
absl::StatusOr<NewUser> AddUserIn(storage::Transaction& tx,
                                  const UserRequest& request, absl::Time now);
// Revokes the user's token from `now` (a second revocation keeps the first
// time); NOT_FOUND for an unknown name.
absl::StatusOr<domain::User> RevokeUserIn(storage::Transaction& tx,
                                          absl::string_view name,
                                          absl::Time now);

// AddUserIn and RevokeUserIn in a write of their own, with their audit row
// (user `by`, no role): for the server host ("host:root") and tools.
absl::StatusOr<NewUser> CreateUser(storage::Store& store,
                                   absl::string_view name, domain::Role role,
                                   absl::Time now, absl::string_view by);
absl::StatusOr<domain::User> RevokeUser(storage::Store& store,
                                        absl::string_view name, absl::Time now,
                                        absl::string_view by);

class Admin {
 public:
  Admin(Runner& runner, AuditLog& audit, const PageTokens& pages)
      : runner_(runner), audit_(audit), pages_(pages) {}

  absl::StatusOr<NewUser> AddUser(const Call& call, const UserRequest& request);
  // Ordered by name.
  absl::StatusOr<std::vector<domain::User>> ListUsers(const Call& call);
  absl::StatusOr<domain::User> RevokeUser(const Call& call,
                                          const UserRequest& request);
  // Oldest first; everything audited before the call, the batched reads
  // included.
  absl::StatusOr<Paged<domain::AuditRecord>> ListAudit(const Call& call,
                                                       const AuditQuery& query);

 private:
  Runner& runner_;
  AuditLog& audit_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_ADMIN_H_
