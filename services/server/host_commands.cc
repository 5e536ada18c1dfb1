#include "services/server/host_commands.h"

#include <pwd.h>
#include <unistd.h>

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "services/app/admin.h"
#include "services/domain/audit_chain.h"
#include "services/domain/calendar.h"
#include "services/domain/roles.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh::server {
namespace {

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
            const std::string& role_name, absl::Time now, std::ostream& out,
            std::ostream& err) {
  const domain::Role role = domain::ParseRole(role_name);
  if (role == domain::Role::kUnspecified) {
    return Fail(
        err,
        "--role: must be coordinator, police, rhi_worker, manager or admin");
  }
  auto store = storage::SqliteStore::Open(db);
  if (!store.ok()) return Fail(err, store.status().message());
  auto created = app::CreateUser(**store, name, role, now, HostActor());
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
        << domain::FormatUtc(u.created_at) << "\t"
        << (u.revoked_at.has_value()
                ? absl::StrCat("revoked ", domain::FormatUtc(*u.revoked_at))
                : "active")
        << "\n";
  }
  return 0;
}

int UserRevoke(const std::string& db, const std::string& name, absl::Time now,
               std::ostream& out, std::ostream& err) {
  auto store = storage::SqliteStore::Open(db);
  if (!store.ok()) return Fail(err, store.status().message());
  auto revoked = app::RevokeUser(**store, name, now, HostActor());
  if (!revoked.ok()) return Fail(err, revoked.status().message());
  out << "user " << name << " revoked" << std::endl;
  return 0;
}

int AuditVerify(const std::string& db, const std::string& expect_head,
                std::ostream& out, std::ostream& err) {
  int64_t kept_id = 0;
  std::string kept_hash;
  if (!expect_head.empty()) {
    std::pair<std::string, std::string> parts =
        absl::StrSplit(expect_head, absl::MaxSplits(':', 1));
    if (!absl::SimpleAtoi(parts.first, &kept_id) || kept_id < 1 ||
        parts.second.size() != 64) {
      err << "mfh-server: --expect-head: must be ID:HASH as audit verify "
             "printed them (entry number, colon, 64 hex digits)\n";
      return 2;
    }
    kept_hash = parts.second;
  }
  if (access(db.c_str(), F_OK) != 0) {
    err << "mfh-server: audit verify --db " << db << ": no such file\n";
    return 2;
  }
  domain::AuditChainState state;
  std::optional<domain::AuditChainBreak> broken;
  int64_t intact = 0;
  std::string last_hash;
  std::optional<std::string> hash_of_kept;
  absl::Status status = storage::SqliteStore::ReadAsFound(
      db, [&](storage::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(state, tx.ReadAuditChain());
        domain::AuditChainVerifier verifier(state);
        RETURN_IF_ERROR(tx.ScanAuditChain([&](const domain::AuditRecord& record,
                                              const domain::AuditLink& link) {
          if (record.audit_id == kept_id) hash_of_kept = link.hash;
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
  if (kept_id > 0 && hash_of_kept != kept_hash) {
    out << "audit chain broken: audit entry " << kept_id << " "
        << (hash_of_kept.has_value() ? "no longer has the hash kept for it"
                                     : "is gone")
        << ": the log was rewritten since that hash was kept\n";
    return 1;
  }
  out << "audit chain intact: " << intact << " entries\n";
  if (state.first_id > 1) {
    out << "the chain begins at entry " << state.first_id << ", when "
        << "this database was upgraded to a chained audit on "
        << domain::FormatUtc(state.started_at) << "; entries 1 to "
        << state.first_id - 1
        << " were written before it and are not covered\n";
  }
  if (intact > 0) {
    out << "last entry " << state.head_id << ", hash " << last_hash << " (keep "
        << state.head_id << ":" << last_hash
        << " off this host; audit verify --expect-head with it shows later "
           "that nothing up to it was rewritten)\n";
  }
  return 0;
}

}  // namespace mfh::server
