#include "services/storage/sqlite/interviews.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/codes.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Rhi;

constexpr int64_t kNoUpperBound = std::numeric_limits<int64_t>::max();

// Binds MFH_RHI_FIELDS, final_at and episode_id as parameters 1 to 21.
absl::Status BindRhi(Statement& s, const Rhi& r) {
  std::optional<int64_t> episode = ParseId(r.episode_id, kEpisodePrefix);
  if (!episode.has_value()) return NoEpisode(s.name());
  std::optional<int64_t> child = ParseId(r.child_id, kChildPrefix);
  if (!child.has_value()) return NoChild(s.name());
  std::vector<int64_t> concerns;
  for (domain::Concern concern : r.outcome.concerns) {
    concerns.push_back(CodeOf(concern));
  }
  s.BindInt64(1, *child);
  s.BindTime(2, r.returned_at);
  s.BindTime(3, r.return_notified_at);
  s.BindTime(4, r.due_at);
  s.BindTime(5, r.due_at_from_return);
  s.BindOptionalTime(6, r.offered_at);
  s.BindText(7, r.offered_by);
  s.BindOptionalTime(8, r.declined_at);
  s.BindText(9, r.decline_reason);
  s.BindOptionalTime(10, r.completed_at);
  s.BindText(11, r.completed_by);
  s.BindText(12, absl::StrJoin(concerns, ","));
  s.BindBool(13, r.outcome.referral_made);
  s.BindText(14, r.outcome.notes);
  s.BindText(15, absl::StrJoin(r.also_episode_ids, ","));
  s.BindInt64(16, CodeOf(r.closure));
  s.BindOptionalTime(17, r.closed_at);
  s.BindText(18, r.closed_reason);
  s.BindOptionalTime(19, r.voided_at);
  s.BindOptionalTime(20, r.final_at());
  s.BindInt64(21, *episode);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Rhi> ReadRhi(const Statement& s) {
  Rhi r;
  r.episode_id = FormatId(kEpisodePrefix, s.ColumnInt64(0));
  r.child_id = FormatId(kChildPrefix, s.ColumnInt64(1));
  r.returned_at = s.ColumnTime(2);
  r.return_notified_at = s.ColumnTime(3);
  r.due_at = s.ColumnTime(4);
  r.due_at_from_return = s.ColumnTime(5);
  r.offered_at = s.ColumnOptionalTime(6);
  r.offered_by = s.ColumnText(7);
  r.declined_at = s.ColumnOptionalTime(8);
  r.decline_reason = s.ColumnText(9);
  r.completed_at = s.ColumnOptionalTime(10);
  r.completed_by = s.ColumnText(11);
  for (absl::string_view part :
       absl::StrSplit(s.ColumnText(12), ',', absl::SkipEmpty())) {
    int64_t code = 0;
    if (!absl::SimpleAtoi(part, &code)) {
      return absl::InternalError(absl::StrCat(
          "rhis.concerns is not a list of numbers for ", r.episode_id));
    }
    ASSIGN_OR_RETURN(domain::Concern concern,
                     ConcernFromCode(code, "rhis.concerns"));
    r.outcome.concerns.push_back(concern);
  }
  r.outcome.referral_made = s.ColumnBool(13);
  r.outcome.notes = s.ColumnText(14);
  r.also_episode_ids = SplitList(s.ColumnText(15), ',');
  ASSIGN_OR_RETURN(r.closure,
                   RhiClosureFromCode(s.ColumnInt64(16), "rhis.closure"));
  r.closed_at = s.ColumnOptionalTime(17);
  r.closed_reason = s.ColumnText(18);
  r.voided_at = s.ColumnOptionalTime(19);
  return r;
}

absl::StatusOr<std::vector<Rhi>> ReadRhis(Statement& s) {
  std::vector<Rhi> rhis;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Rhi rhi, ReadRhi(s));
    rhis.push_back(std::move(rhi));
  }
  return rhis;
}

absl::Status SqliteTransaction::InsertRhi(const Rhi& rhi) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertRhiSql));
  RETURN_IF_ERROR(BindRhi(*s, rhi));
  return s->Run();
}

absl::Status SqliteTransaction::UpdateRhi(const Rhi& rhi) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateRhiSql));
  RETURN_IF_ERROR(BindRhi(*s, rhi));
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError("kUpdateRhiSql: episode_id names no RHI");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Rhi>> SqliteTransaction::FindRhi(
    absl::string_view episode_id) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectRhiSql));
  s->BindInt64(1, *id);
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ReadRhi(*s);
}

absl::StatusOr<std::optional<Rhi>> SqliteTransaction::FindPreviousRhi(
    const domain::Episode& returned) {
  std::optional<int64_t> child = ParseId(returned.child_id, kChildPrefix);
  if (!child.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectPreviousRhiSql));
  s->BindInt64(1, *child);
  s->BindTime(2, returned.missing_since);
  // Ids are numbered from 1: an episode not yet stored excludes none.
  s->BindInt64(3, ParseId(returned.episode_id, kEpisodePrefix).value_or(0));
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ReadRhi(*s);
}

absl::StatusOr<std::vector<Rhi>> SqliteTransaction::ListRhis(
    const RhiFilter& filter) {
  std::vector<Rhi> rhis;
  const int64_t due_before = filter.due_before.has_value()
                                 ? absl::ToUnixMicros(*filter.due_before)
                                 : kNoUpperBound;
  std::optional<int64_t> child;
  if (!filter.child_id.empty()) {
    child = ParseId(filter.child_id, kChildPrefix);
    if (!child.has_value()) return rhis;
  }
  const Page& page = filter.page;
  std::unique_ptr<Statement> s;
  if (filter.open_as_of.has_value() && child.has_value()) {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenRhisByChildSql));
    s->BindInt64(1, *child);
    s->BindInt64(2, due_before);
    s->BindTime(3, *filter.open_as_of);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 4, page, kEpisodePrefix));
  } else if (filter.open_as_of.has_value()) {
    return ListOpenRhis(*filter.open_as_of, due_before, page);
  } else if (child.has_value()) {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectRhisByChildSql));
    s->BindInt64(1, *child);
    s->BindInt64(2, due_before);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 3, page, kEpisodePrefix));
  } else {
    ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectRhisSql));
    s->BindInt64(1, due_before);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 2, page, kEpisodePrefix));
  }
  return ReadRhis(*s);
}

absl::StatusOr<std::vector<Rhi>> SqliteTransaction::ListOpenRhis(
    absl::Time as_of, int64_t due_before, const Page& page) {
  std::vector<Rhi> rhis;
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUnfinalRhisSql));
    s->BindInt64(1, due_before);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 2, page, kEpisodePrefix));
    ASSIGN_OR_RETURN(rhis, ReadRhis(*s));
  }
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFinalAfterRhisSql));
    s->BindTime(1, as_of);
    s->BindInt64(2, due_before);
    RETURN_IF_ERROR(BindAfterTimeAndId(*s, 3, page, kEpisodePrefix));
    ASSIGN_OR_RETURN(std::vector<Rhi> final_after, ReadRhis(*s));
    if (final_after.empty()) return rhis;
    rhis.insert(rhis.end(), std::make_move_iterator(final_after.begin()),
                std::make_move_iterator(final_after.end()));
  }
  // In the page's order, (due_at, episode_id), as the SQL of the others.
  auto key = [](const Rhi& rhi) {
    return std::make_pair(rhi.due_at,
                          ParseId(rhi.episode_id, kEpisodePrefix).value_or(0));
  };
  std::sort(rhis.begin(), rhis.end(),
            [&](const Rhi& a, const Rhi& b) { return key(a) < key(b); });
  if (page.limit > 0 && static_cast<int>(rhis.size()) > page.limit) {
    rhis.resize(page.limit);
  }
  return rhis;
}

}  // namespace mfh::storage
