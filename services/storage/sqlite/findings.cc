#include "services/storage/sqlite/findings.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "services/domain/findings.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Findings;
using domain::FindingsOf;
using domain::FollowUp;

constexpr int64_t kPlace = 1;
constexpr int64_t kAssociate = 2;

// Reads MFH_FINDINGS_ROW_FIELDS from column `first` on.
Findings ReadFindings(const Statement& s, int first) {
  Findings f;
  f.push_factors = SplitList(s.ColumnText(first), ',');
  f.push_other = s.ColumnText(first + 1);
  f.pull_factors = SplitList(s.ColumnText(first + 2), ',');
  f.pull_other = s.ColumnText(first + 3);
  f.indicators = SplitList(s.ColumnText(first + 4), ',');
  f.indicator_other = s.ColumnText(first + 5);
  f.child_voice = s.ColumnText(first + 6);
  f.referral = domain::ParseReferral(s.ColumnText(first + 7));
  f.share_with_police = s.ColumnBool(first + 8);
  f.share_basis = s.ColumnText(first + 9);
  f.recorded_at = s.ColumnTime(first + 10);
  f.recorded_by = s.ColumnText(first + 11);
  f.acknowledged_at = s.ColumnOptionalTime(first + 12);
  f.acknowledged_by = s.ColumnText(first + 13);
  f.version = static_cast<int>(s.ColumnInt64(first + 14));
  return f;
}

// Fills the places and associates of every version of episode `id` in
// `versions`.
absl::Status ReadNames(Connection& db, int64_t id,
                       std::vector<Findings*> versions) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kSelectFindingNamesSql));
  s->BindInt64(1, id);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return absl::OkStatus();
    const int version = static_cast<int>(s->ColumnInt64(0));
    for (Findings* f : versions) {
      if (f->version != version) continue;
      (s->ColumnInt64(1) == kPlace ? f->places : f->associates)
          .push_back(s->ColumnText(2));
    }
  }
}

// Reads the rows of an MFH_FINDINGS_OF_SELECT, with their names.
absl::StatusOr<std::vector<FindingsOf>> ReadFindingsOf(Connection& db,
                                                       Statement& s) {
  std::vector<FindingsOf> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        FindingsOf{.episode_id = FormatId(kEpisodePrefix, s.ColumnInt64(0)),
                   .child_id = FormatId(kChildPrefix, s.ColumnInt64(1)),
                   .completed_at = s.ColumnOptionalTime(2),
                   .findings = ReadFindings(s, 3)});
  }
  for (FindingsOf& f : out) {
    RETURN_IF_ERROR(
        ReadNames(db, *ParseId(f.episode_id, kEpisodePrefix), {&f.findings}));
  }
  return out;
}

absl::Status InsertNames(Connection& db, int64_t id, int version, int64_t kind,
                         const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kInsertFindingNameSql));
    s->BindInt64(1, id);
    s->BindInt64(2, version);
    s->BindInt64(3, kind);
    s->BindInt64(4, static_cast<int64_t>(i));
    s->BindText(5, names[i]);
    RETURN_IF_ERROR(s->Run());
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status SqliteTransaction::InsertFindings(absl::string_view episode_id,
                                               const Findings& f) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kInsertFindingsSql");
  ASSIGN_OR_RETURN(auto retire, MFH_PREPARE(db_, sql::kRetireFindingsSql));
  retire->BindInt64(1, *id);
  RETURN_IF_ERROR(retire->Run());
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertFindingsSql));
  s->BindText(1, absl::StrJoin(f.push_factors, ","));
  s->BindText(2, f.push_other);
  s->BindText(3, absl::StrJoin(f.pull_factors, ","));
  s->BindText(4, f.pull_other);
  s->BindText(5, absl::StrJoin(f.indicators, ","));
  s->BindText(6, f.indicator_other);
  s->BindText(7, f.child_voice);
  s->BindText(8, domain::ReferralName(f.referral));
  s->BindBool(9, f.share_with_police);
  s->BindText(10, f.share_basis);
  s->BindTime(11, f.recorded_at);
  s->BindText(12, f.recorded_by);
  s->BindOptionalTime(13, f.acknowledged_at);
  s->BindText(14, f.acknowledged_by);
  s->BindInt64(15, f.version);
  s->BindInt64(16, *id);
  RETURN_IF_ERROR(s->Run());
  RETURN_IF_ERROR(InsertNames(db_, *id, f.version, kPlace, f.places));
  return InsertNames(db_, *id, f.version, kAssociate, f.associates);
}

absl::StatusOr<std::vector<Findings>> SqliteTransaction::ListFindings(
    absl::string_view episode_id) {
  std::vector<Findings> versions;
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return versions;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFindingsSql));
  s->BindInt64(1, *id);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    versions.push_back(ReadFindings(*s, 0));
  }
  std::vector<Findings*> all;
  for (Findings& f : versions) all.push_back(&f);
  RETURN_IF_ERROR(ReadNames(db_, *id, std::move(all)));
  return versions;
}

absl::Status SqliteTransaction::AcknowledgeFindings(
    absl::string_view episode_id, int version, absl::Time at,
    absl::string_view by) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kAcknowledgeFindingsSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kAcknowledgeFindingsSql));
  s->BindTime(1, at);
  s->BindText(2, by);
  s->BindInt64(3, *id);
  s->BindInt64(4, version);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError(
        "kAcknowledgeFindingsSql: no such version of the findings");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<FindingsOf>> SqliteTransaction::ListSharedFindings(
    bool unacknowledged_only, const Page& page) {
  ASSIGN_OR_RETURN(auto s,
                   unacknowledged_only
                       ? MFH_PREPARE(db_, sql::kSelectUnacknowledgedFindingsSql)
                       : MFH_PREPARE(db_, sql::kSelectSharedFindingsSql));
  RETURN_IF_ERROR(BindTimeKeyedPage(*s, 1, page, kEpisodePrefix));
  return ReadFindingsOf(db_, *s);
}

absl::StatusOr<int> SqliteTransaction::CountUnacknowledgedFindings(
    absl::Time recorded_by) {
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db_, sql::kCountUnacknowledgedFindingsSql));
  s->BindTime(1, recorded_by);
  ASSIGN_OR_RETURN(bool row, s->Step());
  return row ? static_cast<int>(s->ColumnInt64(0)) : 0;
}

absl::StatusOr<std::vector<FindingsOf>>
SqliteTransaction::ListExploitationConcerns(absl::Time t) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectConcernFindingsSql));
  s->BindTime(1, t);
  return ReadFindingsOf(db_, *s);
}

absl::StatusOr<std::vector<FindingsOf>>
SqliteTransaction::ListFindingsCompletedInPeriod(absl::Time from,
                                                 absl::Time until) {
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db_, sql::kSelectFindingsCompletedInSql));
  s->BindTime(1, from);
  s->BindTime(2, until);
  return ReadFindingsOf(db_, *s);
}

absl::Status SqliteTransaction::InsertFollowUp(absl::string_view episode_id,
                                               const FollowUp& f) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kInsertFollowUpSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertFollowUpSql));
  s->BindInt64(1, *id);
  s->BindTime(2, f.at);
  s->BindText(3, f.by);
  s->BindBool(4, f.engaged);
  s->BindText(5, f.notes);
  s->BindTime(6, f.recorded_at);
  s->BindText(7, f.recorded_by);
  return s->Run();
}

absl::StatusOr<std::vector<FollowUp>> SqliteTransaction::ListFollowUps(
    absl::string_view episode_id) {
  std::vector<FollowUp> out;
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return out;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFollowUpsSql));
  s->BindInt64(1, *id);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(FollowUp{.at = s->ColumnTime(0),
                           .by = s->ColumnText(1),
                           .engaged = s->ColumnBool(2),
                           .notes = s->ColumnText(3),
                           .recorded_at = s->ColumnTime(4),
                           .recorded_by = s->ColumnText(5)});
  }
  return out;
}

}  // namespace mfh::storage
