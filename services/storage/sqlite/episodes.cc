#include "services/storage/sqlite/episodes.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/codes.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Correction;
using domain::Episode;
using domain::RiskGrade;

// An open candidate's period has no end.
constexpr int64_t kNoUpperBound = std::numeric_limits<int64_t>::max();

// Binds MFH_EPISODE_FIELDS as parameters 1 to 15.
absl::Status BindEpisode(Statement& s, const Episode& e) {
  std::optional<int64_t> child = ParseId(e.child_id, kChildPrefix);
  if (!child.has_value()) return NoChild(s.name());
  s.BindInt64(1, *child);
  s.BindText(2, e.police_force);
  s.BindText(3, e.police_ref);
  s.BindInt64(4, CodeOf(e.category));
  s.BindTime(5, e.missing_since);
  s.BindTime(6, e.notified_at);
  s.BindInt64(7, CodeOf(e.risk));
  s.BindText(8, e.reporter);
  s.BindOptionalTime(9, e.returned_at);
  s.BindOptionalTime(10, e.return_notified_at);
  s.BindText(11, e.found_location);
  s.BindText(12, e.found_with);
  s.BindInt64(13, CodeOf(e.returned_to));
  s.BindOptionalTime(14, e.voided_at);
  s.BindText(15, e.void_reason);
  return absl::OkStatus();
}

// Reads MFH_RISK_GRADE_ROW_FIELDS.
absl::StatusOr<RiskGrade> ReadRiskGrade(const Statement& s) {
  ASSIGN_OR_RETURN(domain::Risk risk,
                   RiskFromCode(s.ColumnInt64(0), "risk_grades.risk"));
  return RiskGrade{.risk = risk,
                   .from = s.ColumnTime(1),
                   .recorded_at = s.ColumnTime(2),
                   .recorded_by = s.ColumnText(3),
                   .reason = s.ColumnText(4)};
}

// Reads MFH_CORRECTION_ROW_FIELDS.
Correction ReadCorrection(const Statement& s) {
  return Correction{.at = s.ColumnTime(0),
                    .by = s.ColumnText(1),
                    .rpc = s.ColumnText(2),
                    .reason = s.ColumnText(3),
                    .changes = SplitList(s.ColumnText(4), '\n')};
}

absl::Status InsertRiskGradeRow(Connection& db, int64_t episode_id,
                                const RiskGrade& grade) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kInsertRiskGradeSql));
  s->BindInt64(1, CodeOf(grade.risk));
  s->BindTime(2, grade.from);
  s->BindTime(3, grade.recorded_at);
  s->BindText(4, grade.recorded_by);
  s->BindText(5, grade.reason);
  s->BindInt64(6, episode_id);
  return s->Run();
}

absl::Status InsertCorrectionRow(Connection& db, int64_t episode_id,
                                 const Correction& c) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kInsertCorrectionSql));
  s->BindTime(1, c.at);
  s->BindText(2, c.by);
  s->BindText(3, c.rpc);
  s->BindText(4, c.reason);
  s->BindText(5, absl::StrJoin(c.changes, "\n"));
  s->BindInt64(6, episode_id);
  return s->Run();
}

// One episode's history, by the single-episode statements (the hot path of
// GetEpisode).
absl::Status LoadEpisodeHistory(Connection& db, Episode& episode) {
  const int64_t id = *ParseId(episode.episode_id, kEpisodePrefix);
  episode.risk_history.clear();
  episode.corrections.clear();
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kSelectRiskGradesSql));
    s->BindInt64(1, id);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(RiskGrade grade, ReadRiskGrade(*s));
      episode.risk_history.push_back(std::move(grade));
    }
  }
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db, sql::kSelectCorrectionsSql));
  s->BindInt64(1, id);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    episode.corrections.push_back(ReadCorrection(*s));
  }
  return absl::OkStatus();
}

// Reads at most one episode row from `s` (bound by the caller), releases
// the statement, then loads the episode's history.
absl::StatusOr<std::optional<Episode>> FindOneEpisode(
    Connection& db, std::unique_ptr<Statement> s) {
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  ASSIGN_OR_RETURN(Episode episode, ReadEpisode(*s));
  s.reset();
  RETURN_IF_ERROR(LoadEpisodeHistory(db, episode));
  return episode;
}

// Every row of `s` (bound by the caller), without the history lists.
absl::StatusOr<std::vector<Episode>> EpisodeRows(Statement& s) {
  std::vector<Episode> episodes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Episode episode, ReadEpisode(s));
    episodes.push_back(std::move(episode));
  }
  return episodes;
}

// Reads every episode row of `s` (bound by the caller), releases the
// statement, then loads the episodes' history.
absl::StatusOr<std::vector<Episode>> ReadEpisodes(
    Connection& db, std::unique_ptr<Statement> s) {
  ASSIGN_OR_RETURN(std::vector<Episode> episodes, EpisodeRows(*s));
  s.reset();
  std::vector<Episode*> pointers;
  for (Episode& episode : episodes) pointers.push_back(&episode);
  RETURN_IF_ERROR(LoadEpisodeHistories(db, pointers));
  return episodes;
}

// The episodes of a time-window statement whose two parameters are the
// window's ends.
absl::StatusOr<std::vector<Episode>> EpisodesInWindow(
    Connection& db, absl::StatusOr<std::unique_ptr<Statement>> prepared,
    absl::Time from, absl::Time until) {
  ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, std::move(prepared));
  s->BindTime(1, from);
  s->BindTime(2, until);
  return ReadEpisodes(db, std::move(s));
}

}  // namespace

absl::StatusOr<Episode> ReadEpisode(const Statement& s) {
  Episode e;
  e.episode_id = FormatId(kEpisodePrefix, s.ColumnInt64(0));
  e.child_id = FormatId(kChildPrefix, s.ColumnInt64(1));
  e.police_force = s.ColumnText(2);
  e.police_ref = s.ColumnText(3);
  ASSIGN_OR_RETURN(e.category,
                   CategoryFromCode(s.ColumnInt64(4), "episodes.category"));
  e.missing_since = s.ColumnTime(5);
  e.notified_at = s.ColumnTime(6);
  ASSIGN_OR_RETURN(e.risk, RiskFromCode(s.ColumnInt64(7), "episodes.risk"));
  e.reporter = s.ColumnText(8);
  e.returned_at = s.ColumnOptionalTime(9);
  e.return_notified_at = s.ColumnOptionalTime(10);
  e.found_location = s.ColumnText(11);
  e.found_with = s.ColumnText(12);
  ASSIGN_OR_RETURN(e.returned_to, ReturnedToFromCode(s.ColumnInt64(13),
                                                     "episodes.returned_to"));
  e.voided_at = s.ColumnOptionalTime(14);
  e.void_reason = s.ColumnText(15);
  return e;
}

absl::Status LoadEpisodeHistories(Connection& db,
                                  const std::vector<Episode*>& episodes) {
  if (episodes.empty()) return absl::OkStatus();
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Episode*> by_id;
  for (Episode* episode : episodes) {
    const int64_t id = *ParseId(episode->episode_id, kEpisodePrefix);
    ids.push_back(id);
    by_id[id] = episode;
    episode->risk_history.clear();
    episode->corrections.clear();
  }
  const std::string json_ids = JsonIds(ids);
  {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db, sql::kSelectRiskGradesOfEpisodesSql));
    s->BindText(1, json_ids);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(RiskGrade grade, ReadRiskGrade(*s));
      by_id.at(s->ColumnInt64(5))->risk_history.push_back(std::move(grade));
    }
  }
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db, sql::kSelectCorrectionsOfEpisodesSql));
  s->BindText(1, json_ids);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    by_id.at(s->ColumnInt64(5))->corrections.push_back(ReadCorrection(*s));
  }
  return absl::OkStatus();
}

absl::StatusOr<Episode> SqliteTransaction::InsertEpisode(Episode episode) {
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertEpisodeSql));
    RETURN_IF_ERROR(BindEpisode(*s, episode));
    RETURN_IF_ERROR(s->Run());
  }
  const int64_t id = db_.LastInsertRowId();
  episode.episode_id = FormatId(kEpisodePrefix, id);
  for (const RiskGrade& grade : episode.risk_history) {
    RETURN_IF_ERROR(InsertRiskGradeRow(db_, id, grade));
  }
  for (const Correction& correction : episode.corrections) {
    RETURN_IF_ERROR(InsertCorrectionRow(db_, id, correction));
  }
  return episode;
}

absl::Status SqliteTransaction::UpdateEpisode(const Episode& episode) {
  std::optional<int64_t> id = ParseId(episode.episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kUpdateEpisodeSql");
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateEpisodeSql));
  RETURN_IF_ERROR(BindEpisode(*s, episode));
  s->BindInt64(16, *id);
  RETURN_IF_ERROR(s->Run());
  if (db_.Changes() == 0) return NoEpisode("kUpdateEpisodeSql");
  return absl::OkStatus();
}

absl::Status SqliteTransaction::InsertRiskGrade(absl::string_view episode_id,
                                                const RiskGrade& grade) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kInsertRiskGradeSql");
  return InsertRiskGradeRow(db_, *id, grade);
}

absl::Status SqliteTransaction::InsertCorrection(absl::string_view episode_id,
                                                 const Correction& c) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return NoEpisode("kInsertCorrectionSql");
  return InsertCorrectionRow(db_, *id, c);
}

absl::StatusOr<std::optional<Episode>> SqliteTransaction::FindEpisode(
    absl::string_view episode_id) {
  std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodeSql));
  s->BindInt64(1, *id);
  return FindOneEpisode(db_, std::move(s));
}

absl::StatusOr<std::optional<Episode>>
SqliteTransaction::FindEpisodeByPoliceRef(absl::string_view police_force,
                                          absl::string_view police_ref) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodeByPoliceRefSql));
  s->BindText(1, police_force);
  s->BindText(2, police_ref);
  return FindOneEpisode(db_, std::move(s));
}

absl::StatusOr<std::optional<Episode>> SqliteTransaction::FindOpenEpisode(
    absl::string_view child_id) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectOpenEpisodeSql));
  s->BindInt64(1, *id);
  return FindOneEpisode(db_, std::move(s));
}

absl::StatusOr<std::optional<Episode>> SqliteTransaction::FindLastReturned(
    absl::string_view child_id) {
  std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
  if (!id.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(auto s,
                   MFH_PREPARE(db_, sql::kSelectLastReturnedEpisodeSql));
  s->BindInt64(1, *id);
  return FindOneEpisode(db_, std::move(s));
}

absl::StatusOr<std::vector<Episode>> SqliteTransaction::ListEpisodes(
    absl::string_view child_id, bool open_only, const Page& page) {
  std::unique_ptr<Statement> s;
  if (child_id.empty()) {
    if (open_only) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenEpisodesSql));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectEpisodesSql));
    }
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 1, page, kEpisodePrefix));
  } else {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return std::vector<Episode>();
    if (open_only) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenEpisodesByChildSql));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectEpisodesByChildSql));
    }
    s->BindInt64(1, *id);
    RETURN_IF_ERROR(BindTimeKeyedPage(*s, 2, page, kEpisodePrefix));
  }
  return ReadEpisodes(db_, std::move(s));
}

absl::StatusOr<std::vector<Episode>> SqliteTransaction::ListEpisodesBeside(
    const Episode& candidate) {
  std::optional<int64_t> child = ParseId(candidate.child_id, kChildPrefix);
  if (!child.has_value()) return std::vector<Episode>();
  const int64_t id = ParseId(candidate.episode_id, kEpisodePrefix).value_or(0);
  const int64_t start = absl::ToUnixMicros(candidate.missing_since);
  const int64_t end = candidate.returned_at.has_value()
                          ? absl::ToUnixMicros(*candidate.returned_at)
                          : kNoUpperBound;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodesBesideSql));
  s->BindInt64(1, *child);
  s->BindInt64(2, id);
  s->BindInt64(3, end);
  s->BindInt64(4, *child);
  s->BindInt64(5, id);
  s->BindInt64(6, start);
  s->BindInt64(7, start);
  s->BindInt64(8, *child);
  s->BindInt64(9, id);
  return EpisodeRows(*s);
}

absl::StatusOr<std::vector<Episode>> SqliteTransaction::ListEpisodesOpenAt(
    absl::Time t) {
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodesOpenAtSql));
  s->BindTime(1, t);
  s->BindTime(2, t);
  s->BindTime(3, t);
  return ReadEpisodes(db_, std::move(s));
}

absl::StatusOr<std::vector<Episode>>
SqliteTransaction::ListEpisodesReturnNotifiedIn(absl::Time after,
                                                absl::Time until) {
  return EpisodesInWindow(
      db_, MFH_PREPARE(db_, sql::kSelectEpisodesReturnNotifiedInSql), after,
      until);
}

absl::StatusOr<std::vector<Episode>> SqliteTransaction::ListEpisodesReturnedIn(
    absl::Time from, absl::Time until) {
  return EpisodesInWindow(
      db_, MFH_PREPARE(db_, sql::kSelectEpisodesReturnedInSql), from, until);
}

absl::StatusOr<std::vector<Episode>> SqliteTransaction::ListEpisodesStartedIn(
    absl::Time after, absl::Time until) {
  return EpisodesInWindow(
      db_, MFH_PREPARE(db_, sql::kSelectEpisodesStartedInSql), after, until);
}

}  // namespace mfh::storage
