#include "services/storage/sqlite/report_queries.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/codes.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Action;
using domain::Rhi;

// Reads MFH_PLACED_EPISODE_ROW_FIELDS; without the episode's history.
absl::StatusOr<domain::PlacedEpisode> ReadPlacedEpisode(const Statement& s) {
  domain::PlacedEpisode placed;
  ASSIGN_OR_RETURN(placed.episode, ReadEpisode(s));
  placed.looked_after = s.ColumnBool(16);
  placed.placing_authority = s.ColumnText(17);
  return placed;
}

// Reads MFH_SSDA_EPISODE_ROW_FIELDS.
absl::StatusOr<domain::SsdaEpisode> ReadSsdaEpisode(const Statement& s) {
  domain::SsdaEpisode e;
  e.episode_id = FormatId(kEpisodePrefix, s.ColumnInt64(0));
  e.child_id = FormatId(kChildPrefix, s.ColumnInt64(1));
  e.la_ref = s.ColumnText(2);
  ASSIGN_OR_RETURN(
      e.date_of_birth,
      ParseStoredDay(s.ColumnText(3), "children.date_of_birth", e.child_id));
  e.looked_after = s.ColumnBool(4);
  e.placing_authority = s.ColumnText(5);
  ASSIGN_OR_RETURN(e.category,
                   CategoryFromCode(s.ColumnInt64(6), "episodes.category"));
  e.missing_since = s.ColumnTime(7);
  e.returned_at = s.ColumnOptionalTime(8);
  return e;
}

// The prepared statement with a period's ends bound as its two parameters.
absl::StatusOr<std::unique_ptr<Statement>> InPeriod(
    absl::StatusOr<std::unique_ptr<Statement>> prepared, absl::Time from,
    absl::Time until) {
  ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, std::move(prepared));
  s->BindTime(1, from);
  s->BindTime(2, until);
  return s;
}

absl::StatusOr<int> CountOf(Statement& s) {
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) {
    return absl::InternalError(absl::StrCat(s.name(), ": returned no row"));
  }
  return static_cast<int>(s.ColumnInt64(0));
}

}  // namespace

absl::StatusOr<std::vector<domain::PlacedEpisode>>
SqliteTransaction::ListEpisodesStartedInPeriod(absl::Time from,
                                               absl::Time until) {
  std::vector<domain::PlacedEpisode> placed;
  {
    ASSIGN_OR_RETURN(
        auto s,
        InPeriod(MFH_PREPARE(db_, sql::kSelectEpisodesStartedInPeriodSql), from,
                 until));
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(domain::PlacedEpisode p, ReadPlacedEpisode(*s));
      placed.push_back(std::move(p));
    }
  }
  std::vector<domain::Episode*> episodes;
  for (domain::PlacedEpisode& p : placed) episodes.push_back(&p.episode);
  RETURN_IF_ERROR(LoadEpisodeHistories(db_, episodes));
  return placed;
}

absl::StatusOr<int> SqliteTransaction::CountEpisodesStartedInPeriod(
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s, InPeriod(MFH_PREPARE(db_, sql::kCountEpisodesStartedInPeriodSql),
                       from, until));
  return CountOf(*s);
}

absl::StatusOr<int> SqliteTransaction::CountEpisodesReturnedInPeriod(
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s, InPeriod(MFH_PREPARE(db_, sql::kCountEpisodesReturnedInPeriodSql),
                       from, until));
  return CountOf(*s);
}

absl::StatusOr<std::vector<Rhi>> SqliteTransaction::ListRhisDueInPeriod(
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s,
      InPeriod(MFH_PREPARE(db_, sql::kSelectRhisDueInPeriodSql), from, until));
  return ReadRhis(*s);
}

absl::StatusOr<std::vector<Rhi>>
SqliteTransaction::ListRhisDueFromReturnInPeriod(absl::Time from,
                                                 absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s,
      InPeriod(MFH_PREPARE(db_, sql::kSelectRhisDueFromReturnInPeriodSql), from,
               until));
  return ReadRhis(*s);
}

absl::StatusOr<std::vector<Rhi>> SqliteTransaction::ListRhisCompletedInPeriod(
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s, InPeriod(MFH_PREPARE(db_, sql::kSelectRhisCompletedInPeriodSql),
                       from, until));
  return ReadRhis(*s);
}

absl::StatusOr<std::vector<Action>> SqliteTransaction::ListActionsAgreedOnDays(
    absl::CivilDay first_day, absl::CivilDay end_day) {
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db_, sql::kSelectActionsAgreedOnDaysSql));
  s->BindText(1, FormatStoredDay(first_day));
  s->BindText(2, FormatStoredDay(end_day));
  return ReadActions(*s);
}

absl::StatusOr<std::vector<Action>>
SqliteTransaction::ListActionsClosedInPeriod(absl::Time from,
                                             absl::Time until) {
  ASSIGN_OR_RETURN(
      auto s, InPeriod(MFH_PREPARE(db_, sql::kSelectActionsClosedInPeriodSql),
                       from, until));
  return ReadActions(*s);
}

absl::StatusOr<std::vector<Action>> SqliteTransaction::ListActionsOpenAtEndOf(
    absl::Time until) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectActionsOpenAtEndOfSql));
  s->BindTime(1, until);
  return ReadActions(*s);
}

absl::StatusOr<std::vector<Action>> SqliteTransaction::ListActionsDueInPeriod(
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(auto s,
                   InPeriod(MFH_PREPARE(db_, sql::kSelectActionsDueInPeriodSql),
                            from, until));
  return ReadActions(*s);
}

absl::StatusOr<std::vector<domain::ChildFlag>>
SqliteTransaction::ListFlagsSetBefore(absl::string_view name,
                                      absl::Time until) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFlagsSetBeforeSql));
  s->BindText(1, name);
  s->BindTime(2, until);
  std::vector<domain::ChildFlag> flags;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    flags.push_back(
        domain::ChildFlag{.child_id = FormatId(kChildPrefix, s->ColumnInt64(3)),
                          .flag = ReadFlag(*s)});
  }
  return flags;
}

absl::StatusOr<std::vector<absl::Time>>
SqliteTransaction::ListEpisodeStartsOfChild(absl::string_view child_id,
                                            absl::Time from, absl::Time until) {
  std::vector<absl::Time> starts;
  std::optional<int64_t> child = ParseId(child_id, kChildPrefix);
  if (!child.has_value()) return starts;
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db_, sql::kSelectEpisodeStartsOfChildSql));
  s->BindInt64(1, *child);
  s->BindTime(2, from);
  s->BindTime(3, until);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    starts.push_back(s->ColumnTime(0));
  }
  return starts;
}

absl::StatusOr<std::vector<domain::SsdaEpisode>>
SqliteTransaction::ListSsdaEpisodes(absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectSsdaEpisodesSql));
  s->BindTime(1, from);
  s->BindTime(2, until);
  s->BindTime(3, from);
  s->BindTime(4, from);
  s->BindTime(5, from);
  std::vector<domain::SsdaEpisode> episodes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    ASSIGN_OR_RETURN(domain::SsdaEpisode e, ReadSsdaEpisode(*s));
    episodes.push_back(std::move(e));
  }
  return episodes;
}

}  // namespace mfh::storage
