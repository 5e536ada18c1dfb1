#include "services/storage/sqlite_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "services/domain/status_macros.h"
#include "services/storage/codes.h"
#include "services/storage/queries.h"
#include "services/storage/schema.h"
#include "services/storage/sqlite_connection.h"

namespace mfh::storage {
namespace {

using domain::Action;
using domain::ActionStatus;
using domain::AuditRecord;
using domain::Child;
using domain::Correction;
using domain::Episode;
using domain::Flag;
using domain::Link;
using domain::Meeting;
using domain::MeetingState;
using domain::Note;
using domain::Rhi;
using domain::RiskGrade;
using domain::User;

constexpr char kChildPrefix = 'C';
constexpr char kEpisodePrefix = 'E';
constexpr char kLinkPrefix = 'L';
constexpr char kMeetingPrefix = 'M';
constexpr char kNotePrefix = 'N';
constexpr char kActionPrefix = 'A';

// The open-action queries name status 1 as a literal (see queries.h).
static_assert(CodeOf(ActionStatus::kOpen) == 1);
constexpr int64_t kNoUpperBound = std::numeric_limits<int64_t>::max();
constexpr int64_t kNoLowerBound = std::numeric_limits<int64_t>::min();

std::string FormatId(char prefix, int64_t id) {
  return absl::StrCat(absl::string_view(&prefix, 1), id);
}

// The number in a wire id: the prefix then a positive decimal number without
// sign, spaces or leading zeros. Anything else names no record.
std::optional<int64_t> ParseId(absl::string_view id, char prefix) {
  if (id.size() < 2 || id[0] != prefix || id[1] == '0') return std::nullopt;
  absl::string_view digits = id.substr(1);
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  int64_t number = 0;
  if (!absl::SimpleAtoi(digits, &number)) return std::nullopt;
  return number;
}

absl::Status NoChild(absl::string_view what) {
  return absl::NotFoundError(absl::StrCat(what, ": child_id names no child"));
}

absl::Status NoEpisode(absl::string_view what) {
  return absl::NotFoundError(
      absl::StrCat(what, ": episode_id names no episode"));
}

absl::Status NoMeeting(absl::string_view what) {
  return absl::NotFoundError(
      absl::StrCat(what, ": meeting_id names no meeting"));
}

absl::Status NoAction(absl::string_view what) {
  return absl::NotFoundError(absl::StrCat(what, ": action_id names no action"));
}

std::vector<std::string> SplitList(absl::string_view text, char separator) {
  return absl::StrSplit(text, separator, absl::SkipEmpty());
}

// Row ids as the JSON array that the *OfEpisodesSql queries read with
// json_each.
std::string JsonIds(const std::vector<int64_t>& ids) {
  return absl::StrCat("[", absl::StrJoin(ids, ","), "]");
}

// A calendar day as stored: 'YYYY-MM-DD'.
std::string FormatDay(absl::CivilDay day) { return absl::FormatCivilTime(day); }

class SqliteTransaction : public Transaction {
 public:
  explicit SqliteTransaction(Connection& db) : db_(db) {}

  absl::StatusOr<Child> InsertChild(Child child) override {
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertChildSql));
      s->BindText(1, child.name);
      s->BindText(2, absl::FormatCivilTime(child.date_of_birth));
      s->BindText(3, child.la_ref);
      s->BindBool(4, child.looked_after);
      s->BindText(5, child.placing_authority);
      s->BindTime(6, child.created_at);
      RETURN_IF_ERROR(s->Run());
    }
    int64_t id = db_.LastInsertRowId();
    child.child_id = FormatId(kChildPrefix, id);
    for (const Flag& flag : child.flags) {
      RETURN_IF_ERROR(InsertFlagRow(id, flag));
    }
    return child;
  }

  absl::StatusOr<std::optional<Child>> FindChild(
      absl::string_view child_id) override {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return std::nullopt;
    std::optional<Child> child;
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectChildSql));
      s->BindInt64(1, *id);
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) return std::nullopt;
      ASSIGN_OR_RETURN(child, ReadChild(*s));
    }
    RETURN_IF_ERROR(LoadFlags(*id, *child));
    return child;
  }

  absl::StatusOr<std::vector<Child>> ListChildren(
      absl::string_view flag) override {
    std::vector<Child> children;
    {
      std::unique_ptr<Statement> s;
      if (flag.empty()) {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectChildrenSql));
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectChildrenWithFlagSql));
        s->BindText(1, flag);
      }
      while (true) {
        ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        ASSIGN_OR_RETURN(Child child, ReadChild(*s));
        children.push_back(std::move(child));
      }
    }
    for (Child& child : children) {
      RETURN_IF_ERROR(LoadFlags(*ParseId(child.child_id, kChildPrefix), child));
    }
    return children;
  }

  absl::Status InsertFlag(absl::string_view child_id,
                          const Flag& flag) override {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return NoChild("kInsertFlagSql");
    return InsertFlagRow(*id, flag);
  }

  absl::Status ClearFlag(absl::string_view child_id, absl::string_view name,
                         absl::Time cleared_at) override {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return NoChild("kClearFlagSql");
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kClearFlagSql));
    s->BindInt64(1, *id);
    s->BindText(2, name);
    s->BindTime(3, cleared_at);
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) {
      return absl::NotFoundError("kClearFlagSql: no such flag in force");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<Episode> InsertEpisode(Episode episode) override {
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertEpisodeSql));
      RETURN_IF_ERROR(BindEpisode(*s, episode));
      RETURN_IF_ERROR(s->Run());
    }
    int64_t id = db_.LastInsertRowId();
    episode.episode_id = FormatId(kEpisodePrefix, id);
    for (const RiskGrade& grade : episode.risk_history) {
      RETURN_IF_ERROR(InsertRiskGradeRow(id, grade));
    }
    for (const Correction& correction : episode.corrections) {
      RETURN_IF_ERROR(InsertCorrectionRow(id, correction));
    }
    return episode;
  }

  absl::Status UpdateEpisode(const Episode& episode) override {
    std::optional<int64_t> id = ParseId(episode.episode_id, kEpisodePrefix);
    if (!id.has_value()) return NoEpisode("kUpdateEpisodeSql");
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateEpisodeSql));
    RETURN_IF_ERROR(BindEpisode(*s, episode));
    s->BindInt64(14, *id);
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) return NoEpisode("kUpdateEpisodeSql");
    return absl::OkStatus();
  }

  absl::Status InsertRiskGrade(absl::string_view episode_id,
                               const RiskGrade& grade) override {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (!id.has_value()) return NoEpisode("kInsertRiskGradeSql");
    return InsertRiskGradeRow(*id, grade);
  }

  absl::Status InsertCorrection(absl::string_view episode_id,
                                const Correction& c) override {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (!id.has_value()) return NoEpisode("kInsertCorrectionSql");
    return InsertCorrectionRow(*id, c);
  }

  absl::StatusOr<std::optional<Episode>> FindEpisode(
      absl::string_view episode_id) override {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodeSql));
    s->BindInt64(1, *id);
    return FindOneEpisode(std::move(s));
  }

  absl::StatusOr<std::optional<Episode>> FindEpisodeByPoliceRef(
      absl::string_view police_force, absl::string_view police_ref) override {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectEpisodeByPoliceRefSql));
    s->BindText(1, police_force);
    s->BindText(2, police_ref);
    return FindOneEpisode(std::move(s));
  }

  absl::StatusOr<std::optional<Episode>> FindOpenEpisode(
      absl::string_view child_id) override {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectOpenEpisodeSql));
    s->BindInt64(1, *id);
    return FindOneEpisode(std::move(s));
  }

  absl::StatusOr<std::optional<Episode>> FindLastReturned(
      absl::string_view child_id) override {
    std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectLastReturnedEpisodeSql));
    s->BindInt64(1, *id);
    return FindOneEpisode(std::move(s));
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodes(absl::string_view child_id,
                                                    bool open_only) override {
    std::unique_ptr<Statement> s;
    if (child_id.empty()) {
      if (open_only) {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenEpisodesSql));
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectEpisodesSql));
      }
    } else {
      std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
      if (!id.has_value()) return std::vector<Episode>();
      if (open_only) {
        ASSIGN_OR_RETURN(s,
                         MFH_PREPARE(db_, sql::kSelectOpenEpisodesByChildSql));
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectEpisodesByChildSql));
      }
      s->BindInt64(1, *id);
    }
    return ReadEpisodes(std::move(s));
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodesBeside(
      const Episode& candidate) override {
    std::optional<int64_t> child = ParseId(candidate.child_id, kChildPrefix);
    if (!child.has_value()) return std::vector<Episode>();
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodesBesideSql));
    s->BindInt64(1, *child);
    s->BindTime(2, candidate.missing_since);
    if (candidate.returned_at.has_value()) {
      s->BindTime(3, *candidate.returned_at);
    } else {
      s->BindInt64(3, kNoUpperBound);
    }
    s->BindInt64(4, ParseId(candidate.episode_id, kEpisodePrefix).value_or(0));
    return EpisodeRows(*s);
  }

  absl::Status InsertRhi(const Rhi& rhi) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertRhiSql));
    RETURN_IF_ERROR(BindRhi(*s, rhi));
    return s->Run();
  }

  absl::Status UpdateRhi(const Rhi& rhi) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateRhiSql));
    RETURN_IF_ERROR(BindRhi(*s, rhi));
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) {
      return absl::NotFoundError("kUpdateRhiSql: episode_id names no RHI");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<Rhi>> FindRhi(
      absl::string_view episode_id) override {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectRhiSql));
    s->BindInt64(1, *id);
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return std::nullopt;
    return ReadRhi(*s);
  }

  absl::StatusOr<std::vector<Rhi>> ListRhis(const RhiFilter& filter) override {
    std::vector<Rhi> rhis;
    int64_t due_before = filter.due_before.has_value()
                             ? absl::ToUnixMicros(*filter.due_before)
                             : kNoUpperBound;
    std::optional<int64_t> child;
    if (!filter.child_id.empty()) {
      child = ParseId(filter.child_id, kChildPrefix);
      if (!child.has_value()) return rhis;
    }
    std::unique_ptr<Statement> s;
    if (filter.open_as_of.has_value()) {
      if (child.has_value()) {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenRhisByChildSql));
        s->BindInt64(3, *child);
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenRhisSql));
      }
      s->BindTime(1, *filter.open_as_of);
      s->BindInt64(2, due_before);
    } else if (child.has_value()) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectRhisByChildSql));
      s->BindInt64(1, *child);
      s->BindInt64(2, due_before);
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectRhisSql));
      s->BindInt64(1, due_before);
    }
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Rhi rhi, ReadRhi(*s));
      rhis.push_back(std::move(rhi));
    }
    return rhis;
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodesOpenAt(
      absl::Time t) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectEpisodesOpenAtSql));
    s->BindTime(1, t);
    return ReadEpisodes(std::move(s));
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodesReturnNotifiedIn(
      absl::Time after, absl::Time until) override {
    return EpisodesInWindow(
        MFH_PREPARE(db_, sql::kSelectEpisodesReturnNotifiedInSql), after,
        until);
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodesReturnedIn(
      absl::Time from, absl::Time until) override {
    return EpisodesInWindow(MFH_PREPARE(db_, sql::kSelectEpisodesReturnedInSql),
                            from, until);
  }

  absl::StatusOr<std::vector<Episode>> ListEpisodesStartedIn(
      absl::Time after, absl::Time until) override {
    return EpisodesInWindow(MFH_PREPARE(db_, sql::kSelectEpisodesStartedInSql),
                            after, until);
  }

  absl::StatusOr<Link> InsertLink(Link link) override {
    std::vector<int64_t> episodes;
    for (const std::string& episode_id : link.episode_ids) {
      std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
      if (!id.has_value()) return NoEpisode("kInsertLinkEpisodeSql");
      episodes.push_back(*id);
    }
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertLinkSql));
      s->BindText(1, link.reason);
      s->BindText(2, link.created_by);
      s->BindTime(3, link.created_at);
      RETURN_IF_ERROR(s->Run());
    }
    int64_t id = db_.LastInsertRowId();
    for (int64_t episode : episodes) {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertLinkEpisodeSql));
      s->BindInt64(1, id);
      s->BindInt64(2, episode);
      RETURN_IF_ERROR(s->Run());
    }
    link.link_id = FormatId(kLinkPrefix, id);
    return link;
  }

  absl::StatusOr<std::vector<Link>> ListLinksForEpisodes(
      const std::vector<std::string>& episode_ids) override {
    std::vector<Link> links;
    std::vector<int64_t> ids;
    for (const std::string& episode_id : episode_ids) {
      std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
      if (id.has_value()) ids.push_back(*id);
    }
    if (ids.empty()) return links;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectLinksOfEpisodesSql));
    s->BindText(1, JsonIds(ids));
    int64_t current = 0;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      int64_t link_id = s->ColumnInt64(0);
      if (links.empty() || link_id != current) {
        current = link_id;
        links.push_back(Link{.link_id = FormatId(kLinkPrefix, link_id),
                             .episode_ids = {},
                             .reason = s->ColumnText(1),
                             .created_by = s->ColumnText(2),
                             .created_at = s->ColumnTime(3)});
      }
      links.back().episode_ids.push_back(
          FormatId(kEpisodePrefix, s->ColumnInt64(4)));
    }
    return links;
  }

  absl::StatusOr<Meeting> InsertMeeting(Meeting meeting) override {
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertMeetingSql));
      s->BindText(1, FormatDay(meeting.day));
      s->BindInt64(2, CodeOf(meeting.state));
      s->BindTime(3, meeting.as_of);
      s->BindBlob(4, meeting.frozen_agenda);
      s->BindText(5, absl::StrJoin(meeting.attendees, "\n"));
      s->BindText(6, meeting.opened_by);
      s->BindTime(7, meeting.opened_at);
      s->BindOptionalTime(8, meeting.closed_at);
      RETURN_IF_ERROR(s->Run());
    }
    meeting.meeting_id = FormatId(kMeetingPrefix, db_.LastInsertRowId());
    // What a read gives: a new meeting has no notes or actions yet.
    meeting.notes.clear();
    meeting.actions.clear();
    return meeting;
  }

  absl::Status UpdateMeeting(const Meeting& meeting) override {
    std::optional<int64_t> id = ParseId(meeting.meeting_id, kMeetingPrefix);
    if (!id.has_value()) return NoMeeting("kUpdateMeetingSql");
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateMeetingSql));
    s->BindInt64(1, *id);
    s->BindInt64(2, CodeOf(meeting.state));
    s->BindText(3, absl::StrJoin(meeting.attendees, "\n"));
    s->BindOptionalTime(4, meeting.closed_at);
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) return NoMeeting("kUpdateMeetingSql");
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<Meeting>> FindMeeting(
      absl::string_view meeting_id) override {
    std::optional<int64_t> id = ParseId(meeting_id, kMeetingPrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingSql));
    s->BindInt64(1, *id);
    return FindOneMeeting(std::move(s));
  }

  absl::StatusOr<std::optional<Meeting>> FindMeetingByDay(
      absl::CivilDay day) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingByDaySql));
    s->BindText(1, FormatDay(day));
    return FindOneMeeting(std::move(s));
  }

  absl::StatusOr<std::optional<Meeting>> FindMeetingBefore(
      absl::CivilDay day) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectMeetingBeforeSql));
    s->BindText(1, FormatDay(day));
    return FindOneMeeting(std::move(s));
  }

  absl::StatusOr<Note> InsertNote(Note note) override {
    std::optional<int64_t> meeting = ParseId(note.meeting_id, kMeetingPrefix);
    if (!meeting.has_value()) return NoMeeting("kInsertNoteSql");
    std::optional<int64_t> child = ParseId(note.child_id, kChildPrefix);
    if (!child.has_value()) return NoChild("kInsertNoteSql");
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertNoteSql));
      s->BindInt64(1, *meeting);
      s->BindInt64(2, *child);
      s->BindText(3, note.text);
      s->BindBool(4, note.decision);
      s->BindBool(5, note.addendum);
      s->BindText(6, note.author);
      s->BindTime(7, note.at);
      RETURN_IF_ERROR(s->Run());
    }
    note.note_id = FormatId(kNotePrefix, db_.LastInsertRowId());
    return note;
  }

  absl::StatusOr<Action> InsertAction(Action a) override {
    std::optional<int64_t> meeting = ParseId(a.meeting_id, kMeetingPrefix);
    if (!meeting.has_value()) return NoMeeting("kInsertActionSql");
    std::optional<int64_t> child = ParseId(a.child_id, kChildPrefix);
    if (!child.has_value()) return NoChild("kInsertActionSql");
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertActionSql));
    s->BindInt64(1, *child);
    s->BindInt64(2, *meeting);
    BindActionColumns(*s, a);
    ASSIGN_OR_RETURN(bool row, s->Step());
    // No row: the SELECT found no meeting, and nothing was inserted.
    if (!row) return NoMeeting("kInsertActionSql");
    int64_t id = s->ColumnInt64(0);
    std::string day = s->ColumnText(1);
    ASSIGN_OR_RETURN(bool more, s->Step());
    if (more) {
      return absl::InternalError(
          "kInsertActionSql: inserted more than one action");
    }
    a.action_id = FormatId(kActionPrefix, id);
    if (!absl::ParseCivilTime(day, &a.meeting_day)) {
      return absl::InternalError(
          absl::StrCat("kInsertActionSql: meetings.day is not YYYY-MM-DD for ",
                       a.meeting_id));
    }
    return a;
  }

  absl::Status UpdateAction(const Action& action) override {
    std::optional<int64_t> id = ParseId(action.action_id, kActionPrefix);
    if (!id.has_value()) return NoAction("kUpdateActionSql");
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kUpdateActionSql));
    BindActionColumns(*s, action);
    s->BindInt64(17, *id);
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) return NoAction("kUpdateActionSql");
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<Action>> FindAction(
      absl::string_view action_id) override {
    std::optional<int64_t> id = ParseId(action_id, kActionPrefix);
    if (!id.has_value()) return std::nullopt;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectActionSql));
    s->BindInt64(1, *id);
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return std::nullopt;
    return ReadAction(*s);
  }

  absl::StatusOr<std::vector<Action>> ListOpenActions(
      std::optional<absl::CivilDay> before_day) override {
    std::unique_ptr<Statement> s;
    if (before_day.has_value()) {
      ASSIGN_OR_RETURN(s,
                       MFH_PREPARE(db_, sql::kSelectOpenActionsBeforeDaySql));
      s->BindText(1, FormatDay(*before_day));
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsSql));
    }
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<Action>> ListActions(absl::string_view child_id,
                                                  bool open_only) override {
    std::unique_ptr<Statement> s;
    if (child_id.empty()) {
      if (open_only) {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectOpenActionsSql));
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectActionsSql));
      }
    } else {
      std::optional<int64_t> id = ParseId(child_id, kChildPrefix);
      if (!id.has_value()) return std::vector<Action>();
      if (open_only) {
        ASSIGN_OR_RETURN(s,
                         MFH_PREPARE(db_, sql::kSelectOpenActionsByChildSql));
      } else {
        ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectActionsByChildSql));
      }
      s->BindInt64(1, *id);
    }
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<domain::PlacedEpisode>>
  ListEpisodesStartedInPeriod(absl::Time from, absl::Time until) override {
    std::vector<domain::PlacedEpisode> placed;
    {
      ASSIGN_OR_RETURN(
          auto s, MFH_PREPARE(db_, sql::kSelectEpisodesStartedInPeriodSql));
      s->BindTime(1, from);
      s->BindTime(2, until);
      while (true) {
        ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        domain::PlacedEpisode p;
        ASSIGN_OR_RETURN(p.episode, ReadEpisode(*s));
        p.looked_after = s->ColumnBool(14);
        p.placing_authority = s->ColumnText(15);
        placed.push_back(std::move(p));
      }
    }
    std::vector<Episode*> episodes;
    for (domain::PlacedEpisode& p : placed) episodes.push_back(&p.episode);
    RETURN_IF_ERROR(LoadEpisodeHistories(episodes));
    return placed;
  }

  absl::StatusOr<int> CountEpisodesStartedInPeriod(absl::Time from,
                                                   absl::Time until) override {
    return CountInPeriod(
        MFH_PREPARE(db_, sql::kCountEpisodesStartedInPeriodSql), from, until);
  }

  absl::StatusOr<int> CountEpisodesReturnedInPeriod(absl::Time from,
                                                    absl::Time until) override {
    return CountInPeriod(
        MFH_PREPARE(db_, sql::kCountEpisodesReturnedInPeriodSql), from, until);
  }

  absl::StatusOr<std::vector<Rhi>> ListRhisDueInPeriod(
      absl::Time from, absl::Time until) override {
    return RhisInPeriod(MFH_PREPARE(db_, sql::kSelectRhisDueInPeriodSql), from,
                        until);
  }

  absl::StatusOr<std::vector<Rhi>> ListRhisDueFromReturnInPeriod(
      absl::Time from, absl::Time until) override {
    return RhisInPeriod(
        MFH_PREPARE(db_, sql::kSelectRhisDueFromReturnInPeriodSql), from,
        until);
  }

  absl::StatusOr<std::vector<Rhi>> ListRhisCompletedInPeriod(
      absl::Time from, absl::Time until) override {
    return RhisInPeriod(MFH_PREPARE(db_, sql::kSelectRhisCompletedInPeriodSql),
                        from, until);
  }

  absl::StatusOr<std::vector<Action>> ListActionsAgreedOnDays(
      absl::CivilDay first_day, absl::CivilDay end_day) override {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectActionsAgreedOnDaysSql));
    s->BindText(1, FormatDay(first_day));
    s->BindText(2, FormatDay(end_day));
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<Action>> ListActionsClosedInPeriod(
      absl::Time from, absl::Time until) override {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectActionsClosedInPeriodSql));
    s->BindTime(1, from);
    s->BindTime(2, until);
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<Action>> ListActionsOpenAtEndOf(
      absl::Time until) override {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectActionsOpenAtEndOfSql));
    s->BindTime(1, until);
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<Action>> ListActionsDueInPeriod(
      absl::Time from, absl::Time until) override {
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectActionsDueInPeriodSql));
    s->BindTime(1, from);
    s->BindTime(2, until);
    return ReadActions(*s);
  }

  absl::StatusOr<std::vector<domain::ChildFlag>> ListFlagsSetBefore(
      absl::string_view name, absl::Time until) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFlagsSetBeforeSql));
    s->BindText(1, name);
    s->BindTime(2, until);
    std::vector<domain::ChildFlag> flags;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      flags.push_back(domain::ChildFlag{
          .child_id = FormatId(kChildPrefix, s->ColumnInt64(3)),
          .flag = Flag{.name = s->ColumnText(0),
                       .set_at = s->ColumnTime(1),
                       .cleared_at = s->ColumnOptionalTime(2)}});
    }
    return flags;
  }

  absl::StatusOr<std::vector<absl::Time>> ListEpisodeStartsOfChild(
      absl::string_view child_id, absl::Time from, absl::Time until) override {
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

  absl::StatusOr<std::vector<domain::SsdaEpisode>> ListSsdaEpisodes(
      absl::Time from, absl::Time until) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectSsdaEpisodesSql));
    s->BindTime(1, from);
    s->BindTime(2, until);
    s->BindTime(3, from);
    s->BindTime(4, from);
    s->BindTime(5, from);
    std::vector<domain::SsdaEpisode> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      domain::SsdaEpisode e;
      e.episode_id = FormatId(kEpisodePrefix, s->ColumnInt64(0));
      e.child_id = FormatId(kChildPrefix, s->ColumnInt64(1));
      e.la_ref = s->ColumnText(2);
      if (!absl::ParseCivilTime(s->ColumnText(3), &e.date_of_birth)) {
        return absl::InternalError(
            absl::StrCat(s->name(),
                         ": children.date_of_birth is not "
                         "YYYY-MM-DD for ",
                         e.child_id));
      }
      e.looked_after = s->ColumnBool(4);
      e.placing_authority = s->ColumnText(5);
      ASSIGN_OR_RETURN(
          e.category, CategoryFromCode(s->ColumnInt64(6), "episodes.category"));
      e.missing_since = s->ColumnTime(7);
      e.returned_at = s->ColumnOptionalTime(8);
      out.push_back(std::move(e));
    }
    return out;
  }

  absl::StatusOr<std::vector<Note>> ListChildNotes(
      absl::string_view child_id) override {
    std::vector<Note> out;
    std::optional<int64_t> child = ParseId(child_id, kChildPrefix);
    if (!child.has_value()) return out;
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectChildNotesSql));
    s->BindInt64(1, *child);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      out.push_back(
          Note{.note_id = FormatId(kNotePrefix, s->ColumnInt64(0)),
               .meeting_id = FormatId(kMeetingPrefix, s->ColumnInt64(1)),
               .child_id = FormatId(kChildPrefix, s->ColumnInt64(2)),
               .text = s->ColumnText(3),
               .decision = s->ColumnBool(4),
               .addendum = s->ColumnBool(5),
               .author = s->ColumnText(6),
               .at = s->ColumnTime(7)});
    }
    return out;
  }

  absl::Status InsertUser(const StoredUser& user) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertUserSql));
    s->BindText(1, user.user.name);
    s->BindInt64(2, CodeOf(user.user.role));
    s->BindText(3, user.token_sha256);
    s->BindTime(4, user.user.created_at);
    s->BindOptionalTime(5, user.user.revoked_at);
    return s->Run();
  }

  absl::StatusOr<std::optional<StoredUser>> FindUserByName(
      absl::string_view name) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUserByNameSql));
    s->BindText(1, name);
    return FindOneUser(*s);
  }

  absl::StatusOr<std::optional<StoredUser>> FindUserByTokenSha256(
      absl::string_view token_sha256) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectUserByTokenSql));
    s->BindText(1, token_sha256);
    return FindOneUser(*s);
  }

  absl::StatusOr<std::vector<User>> ListUsers() override {
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

  absl::Status RevokeUser(absl::string_view name, absl::Time at) override {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kRevokeUserSql));
    s->BindText(1, name);
    s->BindTime(2, at);
    RETURN_IF_ERROR(s->Run());
    if (db_.Changes() == 0) {
      return absl::NotFoundError("kRevokeUserSql: name names no user");
    }
    return absl::OkStatus();
  }

  absl::Status InsertAudit(const AuditRecord& record) override {
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertAuditSql));
      s->BindTime(1, record.at);
      s->BindText(2, record.user);
      s->BindInt64(3, CodeOf(record.role));
      s->BindText(4, record.rpc);
      s->BindText(5, absl::StrJoin(record.child_ids, ","));
      s->BindText(6, absl::StrJoin(record.episode_ids, ","));
      s->BindText(7, record.outcome);
      RETURN_IF_ERROR(s->Run());
    }
    int64_t audit_id = db_.LastInsertRowId();
    for (const std::string& child_id : record.child_ids) {
      if (child_id.empty()) continue;
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertAuditChildSql));
      s->BindText(1, child_id);
      s->BindInt64(2, audit_id);
      RETURN_IF_ERROR(s->Run());
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<AuditRecord>> ListAudit(
      std::optional<absl::Time> since, absl::string_view child_id,
      int limit) override {
    int64_t since_micros =
        since.has_value() ? absl::ToUnixMicros(*since) : kNoLowerBound;
    int64_t row_limit = limit > 0 ? limit : -1;
    std::unique_ptr<Statement> s;
    if (child_id.empty()) {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectAuditSql));
      s->BindInt64(1, since_micros);
      s->BindInt64(2, row_limit);
    } else {
      ASSIGN_OR_RETURN(s, MFH_PREPARE(db_, sql::kSelectAuditByChildSql));
      s->BindText(1, child_id);
      s->BindInt64(2, since_micros);
      s->BindInt64(3, row_limit);
    }
    std::vector<AuditRecord> records;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      AuditRecord record;
      record.audit_id = s->ColumnInt64(0);
      record.at = s->ColumnTime(1);
      record.user = s->ColumnText(2);
      ASSIGN_OR_RETURN(record.role,
                       RoleFromCode(s->ColumnInt64(3), "audit.role"));
      record.rpc = s->ColumnText(4);
      record.child_ids = SplitList(s->ColumnText(5), ',');
      record.episode_ids = SplitList(s->ColumnText(6), ',');
      record.outcome = s->ColumnText(7);
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  // The count of a COUNT(*) query whose two parameters are a period's
  // bounds.
  static absl::StatusOr<int> CountInPeriod(
      absl::StatusOr<std::unique_ptr<Statement>> prepared, absl::Time from,
      absl::Time until) {
    ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, std::move(prepared));
    s->BindTime(1, from);
    s->BindTime(2, until);
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) {
      return absl::InternalError(absl::StrCat(s->name(), ": returned no row"));
    }
    return static_cast<int>(s->ColumnInt64(0));
  }

  // The RHIs of a query whose two parameters are a period's bounds.
  static absl::StatusOr<std::vector<Rhi>> RhisInPeriod(
      absl::StatusOr<std::unique_ptr<Statement>> prepared, absl::Time from,
      absl::Time until) {
    ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, std::move(prepared));
    s->BindTime(1, from);
    s->BindTime(2, until);
    std::vector<Rhi> rhis;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Rhi rhi, ReadRhi(*s));
      rhis.push_back(std::move(rhi));
    }
    return rhis;
  }

  // Columns as in kSelectChildSql.
  static absl::StatusOr<Child> ReadChild(const Statement& s) {
    Child child;
    child.child_id = FormatId(kChildPrefix, s.ColumnInt64(0));
    child.name = s.ColumnText(1);
    if (!absl::ParseCivilTime(s.ColumnText(2), &child.date_of_birth)) {
      return absl::InternalError(absl::StrCat(
          s.name(), ": children.date_of_birth is not YYYY-MM-DD for ",
          child.child_id));
    }
    child.la_ref = s.ColumnText(3);
    child.looked_after = s.ColumnBool(4);
    child.placing_authority = s.ColumnText(5);
    child.created_at = s.ColumnTime(6);
    return child;
  }

  absl::Status LoadFlags(int64_t child_id, Child& child) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectFlagsSql));
    s->BindInt64(1, child_id);
    child.flags.clear();
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      child.flags.push_back(Flag{.name = s->ColumnText(0),
                                 .set_at = s->ColumnTime(1),
                                 .cleared_at = s->ColumnOptionalTime(2)});
    }
    return absl::OkStatus();
  }

  absl::Status InsertFlagRow(int64_t child_id, const Flag& flag) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertFlagSql));
    s->BindInt64(1, child_id);
    s->BindText(2, flag.name);
    s->BindTime(3, flag.set_at);
    s->BindOptionalTime(4, flag.cleared_at);
    return s->Run();
  }

  // Binds ?1..?13 of kInsertEpisodeSql / kUpdateEpisodeSql.
  static absl::Status BindEpisode(Statement& s, const Episode& e) {
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
    return absl::OkStatus();
  }

  // Columns as in kSelectEpisodeSql; without the history lists.
  static absl::StatusOr<Episode> ReadEpisode(const Statement& s) {
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
    return e;
  }

  // Reads at most one episode row from `s` (bound by the caller), releases
  // the statement, then loads the episode's history.
  absl::StatusOr<std::optional<Episode>> FindOneEpisode(
      std::unique_ptr<Statement> s) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return std::nullopt;
    ASSIGN_OR_RETURN(Episode episode, ReadEpisode(*s));
    s.reset();
    RETURN_IF_ERROR(LoadEpisodeHistory(episode));
    return episode;
  }

  absl::Status LoadEpisodeHistory(Episode& episode) {
    int64_t id = *ParseId(episode.episode_id, kEpisodePrefix);
    episode.risk_history.clear();
    episode.corrections.clear();
    {
      ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectRiskGradesSql));
      s->BindInt64(1, id);
      while (true) {
        ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        ASSIGN_OR_RETURN(domain::Risk risk,
                         RiskFromCode(s->ColumnInt64(0), "risk_grades.risk"));
        episode.risk_history.push_back(
            RiskGrade{.risk = risk,
                      .from = s->ColumnTime(1),
                      .recorded_at = s->ColumnTime(2),
                      .recorded_by = s->ColumnText(3),
                      .reason = s->ColumnText(4)});
      }
    }
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectCorrectionsSql));
    s->BindInt64(1, id);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      episode.corrections.push_back(
          Correction{.at = s->ColumnTime(0),
                     .by = s->ColumnText(1),
                     .rpc = s->ColumnText(2),
                     .reason = s->ColumnText(3),
                     .changes = SplitList(s->ColumnText(4), '\n')});
    }
    return absl::OkStatus();
  }

  // The episodes of a time-window query whose two parameters are the
  // window's bounds.
  absl::StatusOr<std::vector<Episode>> EpisodesInWindow(
      absl::StatusOr<std::unique_ptr<Statement>> prepared, absl::Time from,
      absl::Time until) {
    ASSIGN_OR_RETURN(std::unique_ptr<Statement> s, std::move(prepared));
    s->BindTime(1, from);
    s->BindTime(2, until);
    return ReadEpisodes(std::move(s));
  }

  // Every row of `s` (bound by the caller), without the history lists.
  static absl::StatusOr<std::vector<Episode>> EpisodeRows(Statement& s) {
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
  // statement, then loads the episodes' history: two queries in all, however
  // many episodes.
  absl::StatusOr<std::vector<Episode>> ReadEpisodes(
      std::unique_ptr<Statement> s) {
    ASSIGN_OR_RETURN(std::vector<Episode> episodes, EpisodeRows(*s));
    s.reset();
    std::vector<Episode*> pointers;
    for (Episode& episode : episodes) pointers.push_back(&episode);
    RETURN_IF_ERROR(LoadEpisodeHistories(pointers));
    return episodes;
  }

  // LoadEpisodeHistory for several episodes at once.
  absl::Status LoadEpisodeHistories(const std::vector<Episode*>& episodes) {
    if (episodes.empty()) return absl::OkStatus();
    std::vector<int64_t> ids;
    std::unordered_map<int64_t, Episode*> by_id;
    for (Episode* episode : episodes) {
      int64_t id = *ParseId(episode->episode_id, kEpisodePrefix);
      ids.push_back(id);
      by_id[id] = episode;
      episode->risk_history.clear();
      episode->corrections.clear();
    }
    std::string json_ids = JsonIds(ids);
    {
      ASSIGN_OR_RETURN(auto s,
                       MFH_PREPARE(db_, sql::kSelectRiskGradesOfEpisodesSql));
      s->BindText(1, json_ids);
      while (true) {
        ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        ASSIGN_OR_RETURN(domain::Risk risk,
                         RiskFromCode(s->ColumnInt64(1), "risk_grades.risk"));
        by_id.at(s->ColumnInt64(0))
            ->risk_history.push_back(RiskGrade{.risk = risk,
                                               .from = s->ColumnTime(2),
                                               .recorded_at = s->ColumnTime(3),
                                               .recorded_by = s->ColumnText(4),
                                               .reason = s->ColumnText(5)});
      }
    }
    ASSIGN_OR_RETURN(auto s,
                     MFH_PREPARE(db_, sql::kSelectCorrectionsOfEpisodesSql));
    s->BindText(1, json_ids);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      by_id.at(s->ColumnInt64(0))
          ->corrections.push_back(
              Correction{.at = s->ColumnTime(1),
                         .by = s->ColumnText(2),
                         .rpc = s->ColumnText(3),
                         .reason = s->ColumnText(4),
                         .changes = SplitList(s->ColumnText(5), '\n')});
    }
    return absl::OkStatus();
  }

  // Reads at most one meeting row from `s` (bound by the caller), releases
  // the statement, then loads the meeting's notes and actions.
  absl::StatusOr<std::optional<Meeting>> FindOneMeeting(
      std::unique_ptr<Statement> s) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return std::nullopt;
    Meeting m;
    int64_t id = s->ColumnInt64(0);
    m.meeting_id = FormatId(kMeetingPrefix, id);
    if (!absl::ParseCivilTime(s->ColumnText(1), &m.day)) {
      return absl::InternalError(absl::StrCat(
          s->name(), ": meetings.day is not YYYY-MM-DD for ", m.meeting_id));
    }
    ASSIGN_OR_RETURN(m.state,
                     MeetingStateFromCode(s->ColumnInt64(2), "meetings.state"));
    m.as_of = s->ColumnTime(3);
    m.frozen_agenda = s->ColumnBlob(4);
    m.attendees = SplitList(s->ColumnText(5), '\n');
    m.opened_by = s->ColumnText(6);
    m.opened_at = s->ColumnTime(7);
    m.closed_at = s->ColumnOptionalTime(8);
    s.reset();
    {
      ASSIGN_OR_RETURN(auto notes,
                       MFH_PREPARE(db_, sql::kSelectMeetingNotesSql));
      notes->BindInt64(1, id);
      while (true) {
        ASSIGN_OR_RETURN(bool note_row, notes->Step());
        if (!note_row) break;
        m.notes.push_back(
            Note{.note_id = FormatId(kNotePrefix, notes->ColumnInt64(0)),
                 .meeting_id = FormatId(kMeetingPrefix, notes->ColumnInt64(1)),
                 .child_id = FormatId(kChildPrefix, notes->ColumnInt64(2)),
                 .text = notes->ColumnText(3),
                 .decision = notes->ColumnBool(4),
                 .addendum = notes->ColumnBool(5),
                 .author = notes->ColumnText(6),
                 .at = notes->ColumnTime(7)});
      }
    }
    ASSIGN_OR_RETURN(auto actions,
                     MFH_PREPARE(db_, sql::kSelectMeetingActionsSql));
    actions->BindInt64(1, id);
    ASSIGN_OR_RETURN(m.actions, ReadActions(*actions));
    return m;
  }

  // Binds ?3..?16 of kInsertActionSql / kUpdateActionSql.
  static void BindActionColumns(Statement& s, const Action& a) {
    s.BindText(3, a.what);
    s.BindText(4, a.who);
    s.BindTime(5, a.by_when);
    s.BindText(6, a.done_when);
    s.BindText(7, a.worked_when);
    s.BindText(8, a.assignee);
    s.BindInt64(9, CodeOf(a.status));
    s.BindText(10, a.done_evidence);
    s.BindText(11, a.impact_evidence);
    s.BindText(12, a.drop_reason);
    s.BindBool(13, a.addendum);
    s.BindText(14, a.created_by);
    s.BindTime(15, a.created_at);
    s.BindOptionalTime(16, a.closed_at);
  }

  // Columns as in kSelectActionSql.
  static absl::StatusOr<Action> ReadAction(const Statement& s) {
    Action a;
    a.action_id = FormatId(kActionPrefix, s.ColumnInt64(0));
    a.child_id = FormatId(kChildPrefix, s.ColumnInt64(1));
    a.meeting_id = FormatId(kMeetingPrefix, s.ColumnInt64(2));
    if (!absl::ParseCivilTime(s.ColumnText(3), &a.meeting_day)) {
      return absl::InternalError(
          absl::StrCat(s.name(), ": actions.meeting_day is not YYYY-MM-DD for ",
                       a.action_id));
    }
    a.what = s.ColumnText(4);
    a.who = s.ColumnText(5);
    a.by_when = s.ColumnTime(6);
    a.done_when = s.ColumnText(7);
    a.worked_when = s.ColumnText(8);
    a.assignee = s.ColumnText(9);
    ASSIGN_OR_RETURN(a.status,
                     ActionStatusFromCode(s.ColumnInt64(10), "actions.status"));
    a.done_evidence = s.ColumnText(11);
    a.impact_evidence = s.ColumnText(12);
    a.drop_reason = s.ColumnText(13);
    a.addendum = s.ColumnBool(14);
    a.created_by = s.ColumnText(15);
    a.created_at = s.ColumnTime(16);
    a.closed_at = s.ColumnOptionalTime(17);
    return a;
  }

  static absl::StatusOr<std::vector<Action>> ReadActions(Statement& s) {
    std::vector<Action> actions;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Action action, ReadAction(s));
      actions.push_back(std::move(action));
    }
    return actions;
  }

  absl::Status InsertRiskGradeRow(int64_t episode_id, const RiskGrade& grade) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertRiskGradeSql));
    s->BindInt64(1, episode_id);
    s->BindInt64(2, CodeOf(grade.risk));
    s->BindTime(3, grade.from);
    s->BindTime(4, grade.recorded_at);
    s->BindText(5, grade.recorded_by);
    s->BindText(6, grade.reason);
    return s->Run();
  }

  // The changes are stored one per line.
  absl::Status InsertCorrectionRow(int64_t episode_id, const Correction& c) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertCorrectionSql));
    s->BindInt64(1, episode_id);
    s->BindTime(2, c.at);
    s->BindText(3, c.by);
    s->BindText(4, c.rpc);
    s->BindText(5, c.reason);
    s->BindText(6, absl::StrJoin(c.changes, "\n"));
    return s->Run();
  }

  // Binds ?1..?20 of kInsertRhiSql / kUpdateRhiSql, final_at included.
  static absl::Status BindRhi(Statement& s, const Rhi& r) {
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
    s.BindOptionalTime(19, r.final_at());
    s.BindInt64(20, *episode);
    return absl::OkStatus();
  }

  // Columns as in kSelectRhiSql.
  static absl::StatusOr<Rhi> ReadRhi(const Statement& s) {
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
            s.name(), ": rhis.concerns is not a list of numbers for ",
            r.episode_id));
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
    return r;
  }

  // Columns as in kSelectUserByNameSql.
  static absl::StatusOr<StoredUser> ReadUser(const Statement& s) {
    StoredUser stored;
    stored.user.name = s.ColumnText(0);
    ASSIGN_OR_RETURN(stored.user.role,
                     RoleFromCode(s.ColumnInt64(1), "users.role"));
    stored.token_sha256 = s.ColumnText(2);
    stored.user.created_at = s.ColumnTime(3);
    stored.user.revoked_at = s.ColumnOptionalTime(4);
    return stored;
  }

  static absl::StatusOr<std::optional<StoredUser>> FindOneUser(Statement& s) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::nullopt;
    return ReadUser(s);
  }

  Connection& db_;
};

// Ends the transaction that `status` describes: COMMIT when it is OK (the
// commit's failure becomes the status), else ROLLBACK.
absl::Status Finish(Connection& db, absl::Status status) {
  if (status.ok()) status = db.Execute(sql::kCommitSql, "kCommitSql");
  if (!status.ok() && db.InTransaction()) {
    // A failed ROLLBACK leaves nothing to do: SQLite rolls back on close.
    db.Execute(sql::kRollbackSql, "kRollbackSql").IgnoreError();
  }
  return status;
}

}  // namespace

SqliteStore::SqliteStore(std::string path, int max_readers,
                         std::unique_ptr<Connection> writer, int wal_fd)
    : path_(std::move(path)),
      max_readers_(max_readers < 1 ? 1 : max_readers),
      writer_(std::move(writer)),
      wal_fd_(wal_fd) {}

SqliteStore::~SqliteStore() { Close(); }

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, int max_readers) {
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer,
                   Connection::Open(path, /*read_only=*/false));
  RETURN_IF_ERROR(MigrateToCurrentVersion(writer->db()));
  RETURN_IF_ERROR(
      writer->Execute(sql::kSynchronousNormalSql, "kSynchronousNormalSql"));
  // The migration's reads have made SQLite create the WAL.
  const std::string wal = path + "-wal";
  const int wal_fd = open(wal.c_str(), O_RDONLY | O_CLOEXEC);
  if (wal_fd < 0) {
    return absl::InternalError(
        absl::StrCat("open ", wal, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(path, max_readers, std::move(writer), wal_fd));
}

struct SqliteStore::PendingWrite {
  absl::FunctionRef<absl::Status(Transaction&)> fn;
  absl::FunctionRef<void()> committed;
  absl::Status status;
  bool taken = false;  // into a group, by its leader
  bool done = false;   // committed and synced, or failed
};

absl::Status SqliteStore::Write(
    absl::FunctionRef<absl::Status(Transaction&)> fn,
    absl::FunctionRef<void()> committed) {
  PendingWrite write{.fn = fn, .committed = committed};
  absl::MutexLock lock(&queue_mu_);
  queue_.push_back(&write);
  auto my_turn = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
    return write.done || (!write.taken && !committing_);
  };
  queue_mu_.Await(absl::Condition(&my_turn));
  if (write.done) return write.status;
  // This writer leads the next group: everything queued so far, itself too.
  committing_ = true;
  std::vector<PendingWrite*> group;
  group.swap(queue_);
  for (PendingWrite* w : group) w->taken = true;
  const absl::Status refused = sync_error_;
  queue_mu_.Unlock();
  bool committed_any = false;
  if (refused.ok()) {
    committed_any = CommitGroup(group);
  } else {
    for (PendingWrite* w : group) w->status = refused;
  }
  queue_mu_.Lock();
  // The next group may run while this one waits for its sync.
  committing_ = false;
  if (committed_any) {
    const absl::Status synced = AwaitSync(++committed_groups_);
    for (PendingWrite* w : group) {
      if (w->status.ok()) w->status = synced;
    }
  }
  for (PendingWrite* w : group) w->done = true;
  return write.status;
}

absl::Status SqliteStore::AwaitSync(int64_t group) {
  auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
    return !syncing_;
  };
  while (synced_groups_ < group) {
    if (!sync_error_.ok()) return sync_error_;
    if (syncing_) {
      queue_mu_.Await(absl::Condition(&idle));
      continue;
    }
    // One sync covers every group committed before it begins.
    syncing_ = true;
    const int64_t through = committed_groups_;
    queue_mu_.Unlock();
    const absl::Status synced = SyncWal();
    queue_mu_.Lock();
    syncing_ = false;
    if (synced.ok()) {
      synced_groups_ = through;
    } else {
      sync_error_ = synced;
    }
  }
  return absl::OkStatus();
}

bool SqliteStore::CommitGroup(const std::vector<PendingWrite*>& group) {
  absl::MutexLock lock(&write_mu_);
  auto fail_all = [&](const absl::Status& status) {
    for (PendingWrite* w : group) w->status = status;
    return false;
  };
  if (writer_ == nullptr) {
    return fail_all(absl::FailedPreconditionError("the store is closed"));
  }
  absl::Status begun =
      writer_->Execute(sql::kBeginImmediateSql, "kBeginImmediateSql");
  if (!begun.ok()) return fail_all(begun);
  for (PendingWrite* w : group) {
    absl::Status status = writer_->Execute(sql::kSavepointSql, "kSavepointSql");
    if (status.ok()) {
      {
        SqliteTransaction transaction(*writer_);
        status = w->fn(transaction);
      }
      if (!status.ok()) {
        writer_->Execute(sql::kRollbackToSql, "kRollbackToSql").IgnoreError();
      }
      absl::Status released = writer_->Execute(sql::kReleaseSql, "kReleaseSql");
      if (status.ok()) status = released;
    }
    w->status = status;
  }
  const absl::Status commit = Finish(*writer_, absl::OkStatus());
  bool committed_any = false;
  for (PendingWrite* w : group) {
    if (!w->status.ok()) continue;
    if (!commit.ok()) {
      w->status = commit;
      continue;
    }
    w->committed();
    committed_any = true;
  }
  return committed_any;
}

absl::Status SqliteStore::SyncWal() {
  absl::MutexLock lock(&wal_mu_);
  if (wal_fd_ < 0) return absl::OkStatus();
  if (fdatasync(wal_fd_) != 0) {
    return absl::InternalError(
        absl::StrCat("fdatasync ", path_, "-wal: ", std::strerror(errno),
                     "; the write is committed but may not be on disk"));
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::Read(
    absl::FunctionRef<absl::Status(Transaction&)> fn) {
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> reader, AcquireReader());
  absl::Status status = reader->Execute(sql::kBeginSql, "kBeginSql");
  if (status.ok()) {
    SqliteTransaction transaction(*reader);
    status = fn(transaction);
  }
  status = Finish(*reader, std::move(status));
  ReleaseReader(std::move(reader));
  return status;
}

absl::StatusOr<std::unique_ptr<Connection>> SqliteStore::AcquireReader() {
  {
    absl::MutexLock lock(&read_mu_);
    read_mu_.Await(absl::Condition(this, &SqliteStore::ReaderAvailable));
    if (closed_) return absl::FailedPreconditionError("the store is closed");
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
    ++open_readers_;
  }
  // Opened outside the lock: other readers need not wait for the file.
  absl::StatusOr<std::unique_ptr<Connection>> reader =
      Connection::Open(path_, /*read_only=*/true);
  if (!reader.ok()) {
    absl::MutexLock lock(&read_mu_);
    --open_readers_;
  }
  return reader;
}

bool SqliteStore::ReaderAvailable() const {
  return closed_ || !idle_readers_.empty() || open_readers_ < max_readers_;
}

bool SqliteStore::AllReadersIdle() const {
  return static_cast<int>(idle_readers_.size()) == open_readers_;
}

void SqliteStore::ReleaseReader(std::unique_ptr<Connection> reader) {
  absl::MutexLock lock(&read_mu_);
  idle_readers_.push_back(std::move(reader));
}

void SqliteStore::Close() {
  {
    absl::MutexLock lock(&read_mu_);
    closed_ = true;
    read_mu_.Await(absl::Condition(this, &SqliteStore::AllReadersIdle));
    idle_readers_.clear();
    open_readers_ = 0;
  }
  StopSyncingWal();
  absl::MutexLock lock(&write_mu_);
  writer_.reset();
}

void SqliteStore::StopSyncingWal() {
  absl::MutexLock lock(&wal_mu_);
  if (wal_fd_ >= 0) close(wal_fd_);
  wal_fd_ = -1;
}

absl::Status SqliteStore::UseForBulkLoad() {
  absl::MutexLock lock(&write_mu_);
  if (writer_ == nullptr) {
    return absl::FailedPreconditionError("the store is closed");
  }
  RETURN_IF_ERROR(
      writer_->Execute(sql::kBulkLoadCacheSql, "kBulkLoadCacheSql"));
  RETURN_IF_ERROR(
      writer_->Execute(sql::kSynchronousOffSql, "kSynchronousOffSql"));
  StopSyncingWal();
  return absl::OkStatus();
}

absl::StatusOr<int> SqliteStore::SchemaVersion() {
  absl::MutexLock lock(&write_mu_);
  if (writer_ == nullptr) {
    return absl::FailedPreconditionError("the store is closed");
  }
  return ReadSchemaVersion(writer_->db());
}

}  // namespace mfh::storage
