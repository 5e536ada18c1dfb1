#include "services/storage/sqlite/users_and_audit.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/codes.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/page.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::AuditRecord;
using domain::User;

constexpr int64_t kNoLowerBound = std::numeric_limits<int64_t>::min();

// Reads MFH_USER_ROW_FIELDS.
absl::StatusOr<StoredUser> ReadUser(const Statement& s) {
  StoredUser stored;
  stored.user.name = s.ColumnText(0);
  ASSIGN_OR_RETURN(stored.user.role,
                   RoleFromCode(s.ColumnInt64(1), "users.role"));
  stored.token_sha256 = s.ColumnText(2);
  stored.user.created_at = s.ColumnTime(3);
  stored.user.revoked_at = s.ColumnOptionalTime(4);
  return stored;
}

absl::StatusOr<std::optional<StoredUser>> FindOneUser(Statement& s) {
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::nullopt;
  return ReadUser(s);
}

// Reads MFH_AUDIT_ROW_FIELDS.
absl::StatusOr<AuditRecord> ReadAudit(const Statement& s) {
  AuditRecord record;
  record.audit_id = s.ColumnInt64(0);
  record.at = s.ColumnTime(1);
  record.user = s.ColumnText(2);
  ASSIGN_OR_RETURN(record.role, RoleFromCode(s.ColumnInt64(3), "audit.role"));
  record.rpc = s.ColumnText(4);
  record.child_ids = SplitList(s.ColumnText(5), ',');
  record.episode_ids = SplitList(s.ColumnText(6), ',');
  record.outcome = s.ColumnText(7);
  record.subject = s.ColumnText(8);
  return record;
}

}  // namespace

absl::Status SqliteTransaction::InsertUser(const StoredUser& user) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertUserSql));
  s->BindText(1, user.user.name);
  s->BindInt64(2, CodeOf(user.user.role));
  s->BindText(3, user.token_sha256);
  s->BindTime(4, user.user.created_at);
  s->BindOptionalTime(5, user.user.revoked_at);
  return s->Run();
}

absl::StatusOr<std::optional<StoredUser>> SqliteTransaction::FindUserByName(
    absl::string_view name) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUserByNameSql));
  s->BindText(1, name);
  return FindOneUser(*s);
}

absl::StatusOr<std::optional<StoredUser>>
SqliteTransaction::FindUserByTokenSha256(absl::string_view token_sha256) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUserByTokenSql));
  s->BindText(1, token_sha256);
  return FindOneUser(*s);
}

absl::StatusOr<std::vector<User>> SqliteTransaction::ListUsers() {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUsersSql));
  std::vector<User> users;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    ASSIGN_OR_RETURN(StoredUser stored, ReadUser(*s));
    users.push_back(std::move(stored.user));
  }
  return users;
}

absl::Status SqliteTransaction::RevokeUser(absl::string_view name,
                                           absl::Time at) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kRevokeUserSql));
  s->BindTime(1, at);
  s->BindText(2, name);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError("kRevokeUserSql: name names no user");
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::AuditChainState> SqliteTransaction::ReadAuditChain() {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectAuditChainSql));
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return absl::DataLossError("audit_chain: the row is missing");
  return domain::AuditChainState{.first_id = s->ColumnInt64(0),
                                 .started_at = s->ColumnTime(1),
                                 .head_id = s->ColumnInt64(2),
                                 .head_hash = s->ColumnText(3)};
}

absl::Status SqliteTransaction::InsertAudit(const AuditRecord& record) {
  if (!audit_chain_.has_value()) {
    ASSIGN_OR_RETURN(audit_chain_, ReadAuditChain());
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectNextAuditIdSql));
    RETURN_IF_ERROR(s->Step().status());
    next_audit_id_ = s->ColumnInt64(0);
  }
  AuditRecord chained = record;
  chained.audit_id = next_audit_id_;
  // The time and lists as stored, so that the hash is of what a verifier
  // reads back.
  chained.at = absl::FromUnixMicros(absl::ToUnixMicros(record.at));
  chained.child_ids = SplitList(absl::StrJoin(record.child_ids, ","), ',');
  chained.episode_ids = SplitList(absl::StrJoin(record.episode_ids, ","), ',');
  const domain::AuditLink link = domain::NextAuditLink(*audit_chain_, chained);
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertAuditSql));
    s->BindInt64(1, chained.audit_id);
    s->BindTime(2, chained.at);
    s->BindText(3, chained.user);
    s->BindInt64(4, CodeOf(chained.role));
    s->BindText(5, chained.rpc);
    s->BindText(6, absl::StrJoin(chained.child_ids, ","));
    s->BindText(7, absl::StrJoin(chained.episode_ids, ","));
    s->BindText(8, chained.outcome);
    s->BindText(9, chained.subject);
    s->BindText(10, link.previous_hash);
    s->BindText(11, link.hash);
    RETURN_IF_ERROR(s->Run());
  }
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateAuditChainHeadSql));
    s->BindInt64(1, chained.audit_id);
    s->BindText(2, link.hash);
    RETURN_IF_ERROR(s->Run());
  }
  for (const std::string& child_id : chained.child_ids) {
    if (child_id.empty()) continue;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertAuditChildSql));
    s->BindText(1, child_id);
    s->BindInt64(2, chained.audit_id);
    RETURN_IF_ERROR(s->Run());
  }
  audit_chain_->head_id = chained.audit_id;
  audit_chain_->head_hash = link.hash;
  ++next_audit_id_;
  return absl::OkStatus();
}

absl::Status SqliteTransaction::ScanAuditChain(
    absl::FunctionRef<absl::Status(const AuditRecord&,
                                   const domain::AuditLink&)>
        fn) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectAuditChainedSql));
  // The index, merged in by audit id. Its rows for an id with no entry are
  // passed over: a search by child joins them to nothing.
  ASSIGN_OR_RETURN(auto index, MFH_PREPARE(db_, sql::kSelectAuditIndexSql));
  ASSIGN_OR_RETURN(bool indexed, index->Step());
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return absl::OkStatus();
    ASSIGN_OR_RETURN(AuditRecord record, ReadAudit(*s));
    domain::AuditLink link{.previous_hash = s->ColumnText(9),
                           .hash = s->ColumnText(10)};
    while (indexed && index->ColumnInt64(0) <= record.audit_id) {
      if (index->ColumnInt64(0) == record.audit_id) {
        link.indexed_children.push_back(index->ColumnText(1));
      }
      ASSIGN_OR_RETURN(indexed, index->Step());
    }
    RETURN_IF_ERROR(fn(record, link));
  }
}

absl::StatusOr<std::vector<AuditRecord>> SqliteTransaction::ListAudit(
    std::optional<absl::Time> since, absl::string_view child_id,
    const Page& page) {
  const int64_t since_micros =
      since.has_value() ? absl::ToUnixMicros(*since) : kNoLowerBound;
  int64_t after = 0;
  if (!page.after_id.empty() && !absl::SimpleAtoi(page.after_id, &after)) {
    return absl::InternalError(
        absl::StrCat("ListAudit: a page cannot start after ", page.after_id));
  }
  std::unique_ptr<Statement> s;
  int next = 1;
  if (child_id.empty()) {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectAuditSql));
  } else {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectAuditByChildSql));
    s->BindText(next++, child_id);
  }
  s->BindInt64(next++, since_micros);
  s->BindInt64(next++, after);
  BindLimit(*s, next, page);
  std::vector<AuditRecord> records;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    ASSIGN_OR_RETURN(AuditRecord record, ReadAudit(*s));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace mfh::storage
