#include "services/storage/sqlite/children.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Child;
using domain::Flag;

// Binds MFH_CHILD_FIELDS from the first parameter.
void BindChild(Statement& s, const Child& child) {
  s.BindText(1, child.name);
  s.BindText(2, FormatStoredDay(child.date_of_birth));
  s.BindText(3, child.la_ref);
  s.BindBool(4, child.looked_after);
  s.BindText(5, child.placing_authority);
  s.BindTime(6, child.created_at);
  s.BindText(7, child.profile.sex);
  s.BindText(8, child.profile.ethnicity);
  s.BindText(9, child.profile.social_worker);
  s.BindText(10, child.profile.team);
  s.BindText(11, child.profile.placement);
  s.BindText(12, child.profile.school);
  s.BindText(13, absl::StrJoin(child.profile.contacts, "\n"));
}

// Reads MFH_CHILD_ROW_FIELDS; without the flags.
absl::StatusOr<Child> ReadChild(const Statement& s) {
  Child child;
  child.child_id = FormatId(kChildPrefix, s.ColumnInt64(0));
  child.name = s.ColumnText(1);
  ASSIGN_OR_RETURN(child.date_of_birth,
                   ParseStoredDay(s.ColumnText(2), "children.date_of_birth",
                                  child.child_id));
  child.la_ref = s.ColumnText(3);
  child.looked_after = s.ColumnBool(4);
  child.placing_authority = s.ColumnText(5);
  child.created_at = s.ColumnTime(6);
  child.profile.sex = s.ColumnText(7);
  child.profile.ethnicity = s.ColumnText(8);
  child.profile.social_worker = s.ColumnText(9);
  child.profile.team = s.ColumnText(10);
  child.profile.placement = s.ColumnText(11);
  child.profile.school = s.ColumnText(12);
  child.profile.contacts = SplitList(s.ColumnText(13), '\n');
  return child;
}

absl::Status InsertFlagRow(Connection& db, int64_t child_id, const Flag& flag) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kInsertFlagSql));
  s->BindText(1, flag.name);
  s->BindTime(2, flag.set_at);
  s->BindOptionalTime(3, flag.cleared_at);
  s->BindInt64(4, child_id);
  return s->Run();
}

absl::Status LoadHistory(Connection& db, Child& child) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kSelectChildChangesSql));
  s->BindInt64(1, *ParseId(child.child_id, kChildPrefix));
  child.history.clear();
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    child.history.push_back(
        domain::ChildChange{.at = s->ColumnTime(0),
                            .by = s->ColumnText(1),
                            .changes = SplitList(s->ColumnText(2), '\n')});
  }
  return absl::OkStatus();
}

absl::Status LoadFlags(Connection& db, Child& child) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kSelectFlagsSql));
  s->BindInt64(1, *ParseId(child.child_id, kChildPrefix));
  child.flags.clear();
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    child.flags.push_back(ReadFlag(*s));
  }
  return absl::OkStatus();
}

}  // namespace

Flag ReadFlag(const Statement& s) {
  return Flag{.name = s.ColumnText(0),
              .set_at = s.ColumnTime(1),
              .cleared_at = s.ColumnOptionalTime(2)};
}

absl::StatusOr<Child> SqliteTransaction::InsertChild(Child child) {
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertChildSql));
    BindChild(*s, child);
    RETURN_IF_ERROR(s->Run());
  }
  const int64_t id = db_.LastInsertRowId();
  child.child_id = FormatId(kChildPrefix, id);
  for (const Flag& flag : child.flags) {
    RETURN_IF_ERROR(InsertFlagRow(db_, id, flag));
  }
  return child;
}

absl::StatusOr<std::optional<Child>> SqliteTransaction::FindChildRow(
    absl::string_view child_id) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectChildSql));
  s->BindInt64(1, *id);
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ReadChild(*s);
}

absl::StatusOr<std::optional<Child>> SqliteTransaction::FindChild(
    absl::string_view child_id) {
  ASSIGN_OR_RETURN(std::optional<Child> child, FindChildRow(child_id));
  if (child.has_value()) {
    RETURN_IF_ERROR(LoadFlags(db_, *child));
    RETURN_IF_ERROR(LoadHistory(db_, *child));
  }
  return child;
}

absl::Status SqliteTransaction::UpdateChild(const Child& child) {
  std::optional<int64_t> id = ParseId(child.child_id, kChildPrefix);
  if (!id.has_value()) return NoChild("kUpdateChildSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateChildSql));
  BindChild(*s, child);
  s->BindInt64(14, *id);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) return NoChild("kUpdateChildSql");
  return absl::OkStatus();
}

absl::Status SqliteTransaction::InsertChildChange(
    absl::string_view child_id, const domain::ChildChange& change) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return NoChild("kInsertChildChangeSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertChildChangeSql));
  s->BindInt64(1, *id);
  s->BindTime(2, change.at);
  s->BindText(3, change.by);
  s->BindText(4, absl::StrJoin(change.changes, "\n"));
  return s->Run();
}

absl::StatusOr<std::vector<Child>> SqliteTransaction::ListChildren(
    absl::string_view flag, const Page& page) {
  std::vector<Child> children;
  {
    std::unique_ptr<Statement> s;
    if (flag.empty()) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectChildrenSql));
      RETURN_IF_ERROR(BindIdKeyedPage(*s, 1, page, kChildPrefix));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectChildrenWithFlagSql));
      s->BindText(1, flag);
      RETURN_IF_ERROR(BindIdKeyedPage(*s, 2, page, kChildPrefix));
    }
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Child child, ReadChild(*s));
      children.push_back(std::move(child));
    }
  }
  for (Child& child : children) RETURN_IF_ERROR(LoadFlags(db_, child));
  return children;
}

absl::Status SqliteTransaction::InsertFlag(absl::string_view child_id,
                                           const Flag& flag) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return NoChild("kInsertFlagSql");
  return InsertFlagRow(db_, *id, flag);
}

absl::Status SqliteTransaction::ClearFlag(absl::string_view child_id,
                                          absl::string_view name,
                                          absl::Time cleared_at) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return NoChild("kClearFlagSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kClearFlagSql));
  s->BindTime(1, cleared_at);
  s->BindInt64(2, *id);
  s->BindText(3, name);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError("kClearFlagSql: no such flag in force");
  }
  return absl::OkStatus();
}

}  // namespace mfh::storage
