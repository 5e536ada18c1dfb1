#include "services/server/host_commands.h"

#include <pwd.h>
#include <unistd.h>

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "services/app/admin.h"
#include "services/domain/audit_chain.h"
#include "services/domain/roles.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh::server {
namespace {

std::string Utc(absl::Time t) {
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

// "host:root": the audit's user for a change made on the server host.
std::string HostActor() {
  const passwd* pw = getpwuid(geteuid());
  if (pw != nullptr && pw->pw_name != nullptr) {
    return absl::StrCat("host:", pw->pw_name);
  }
  return absl::StrCat("host:uid ", geteuid());
}

int Fail(std::ostream& err, absl::string_view message) {
  err << "mfh-server: " << message << "\n";
  return 1;
}

}  // namespace

int UserAdd(const std::string& db, const std::string& name,
            const std::string& role_name, std::ostream& out,
            std::ostream& err) {
  const domain::Role role = domain::ParseRole(role_name);
  if (role == domain::Role::kUnspecified) {
    return Fail(
        err,
        "--role: must be coordinator, police, rhi_worker, manager or admin");
  }
  auto store = storage::SqliteStore::Open(db);
  if (!store.ok()) return Fail(err, store.status().message());
  auto created = app::CreateUser(**store, name, role, absl::Now(), HostActor());
  if (!created.ok()) return Fail(err, created.status().message());
  out << "user " << name << " (" << role_name
      << ") added; the token is shown once:\n"
      << created->token << std::endl;
  return 0;
}

int UserList(const std::string& db, std::ostream& out, std::ostream& err) {
  auto store = storage::SqliteStore::Open(db);
  if (!store.ok()) return Fail(err, store.status().message());
  std::vector<domain::User> users;
  absl::Status status = (*store)->Read([&](storage::Transaction& tx) {
    ASSIGN_OR_RETURN(users, tx.ListUsers());
    return absl::OkStatus();
  });
  if (!status.ok()) return Fail(err, status.message());
  for (const domain::User& u : users) {
    out << u.name << "\t" << domain::RoleName(u.role) << "\t"
        << Utc(u.created_at) << "\t"
        << (u.revoked_at.has_value()
                ? absl::StrCat("revoked ", Utc(*u.revoked_at))
                : "active")
        << "\n";
  }
  return 0;
}

int UserRevoke(const std::string& db, const std::string& name,
               std::ostream& out, std::ostream& err) {
  auto store = storage::SqliteStore::Open(db);
  if (!store.ok()) return Fail(err, store.status().message());
  auto revoked = app::RevokeUser(**store, name, absl::Now(), HostActor());
  if (!revoked.ok()) return Fail(err, revoked.status().message());
  out << "user " << name << " revoked" << std::endl;
  return 0;
}

int AuditVerify(const std::string& db, std::ostream& out, std::ostream& err) {
  if (access(db.c_str(), F_OK) != 0) {
    err << "mfh-server: audit verify --db " << db << ": no such file\n";
    return 2;
  }
  domain::AuditChainState state;
  std::optional<domain::AuditChainBreak> broken;
  int64_t intact = 0;
  std::string last_hash;
  absl::Status status = storage::SqliteStore::ReadAsFound(
      db, [&](storage::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(state, tx.ReadAuditChain());
        domain::AuditChainVerifier verifier(state);
        RETURN_IF_ERROR(tx.ScanAuditChain(state.first_id,
                                          [&](const domain::AuditRecord& record,
                                              const domain::AuditLink& link) {
                                            verifier.Add(record, link);
                                            return absl::OkStatus();
                                          }));
        broken = verifier.Finish();
        intact = verifier.intact();
        last_hash = verifier.last_hash();
        return absl::OkStatus();
      });
  if (!status.ok()) {
    err << "mfh-server: audit verify --db " << db << ": " << status.message()
        << "\n";
    return 2;
  }
  if (broken.has_value()) {
    out << "audit chain broken: " << domain::Describe(*broken) << "\n"
        << "the " << intact << " entries before it are intact\n";
    return 1;
  }
  out << "audit chain intact: " << intact << " entries\n";
  if (state.first_id > 1) {
    out << "the chain begins at entry " << state.first_id << ", when "
        << "this database was upgraded to a chained audit on "
        << Utc(state.started_at) << "; entries 1 to " << state.first_id - 1
        << " were written before it and are not covered\n";
  }
  if (intact > 0) {
    out << "last entry " << state.head_id << ", hash " << last_hash
        << " (keep it off this host to show later that nothing before it "
           "was rewritten)\n";
  }
  return 0;
}

}  // namespace mfh::server
