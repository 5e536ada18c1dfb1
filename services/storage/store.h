// The storage interface: what the use cases need from a database, in domain
// types. SQLite implements it (sqlite/sqlite_store.h); PostgreSQL could, unseen
// by the rules.
#ifndef MFH_SERVICES_STORAGE_STORE_H_
#define MFH_SERVICES_STORAGE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/audit_chain.h"
#include "services/domain/findings.h"
#include "services/domain/monthly.h"
#include "services/domain/reports.h"
#include "services/domain/types.h"

namespace mfh::storage {

// A user as stored: the token is kept only as its SHA-256 (hex).
struct StoredUser {
  domain::User user;
  std::string token_sha256;
};

// A page of a list: the rows after the one with this sort key (each list's
// order: its time column then its id, or its id alone; from the first row
// when after_id is empty), at most `limit` of them (0: every one).
struct Page {
  std::optional<absl::Time> after_time;
  std::string after_id;
  int limit = 0;
};

struct RhiFilter {
  std::string child_id;  // empty: every child
  // Only RHIs open as of this instant (domain::OpenAsOf: not completed,
  // declined, not held or not required at or before it), when set.
  std::optional<absl::Time> open_as_of;
  // Only RHIs with due_at before this instant, when set.
  std::optional<absl::Time> due_before;
  // Keyed by (due_at, episode_id).
  Page page;
};

// The operations available inside one transaction. Ids that match no record,
// whatever their form, give std::nullopt (not an error). Lookups by id of a
// malformed id ("E12x") are not errors either: they find nothing.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // Children. InsertChild assigns child_id ("C<n>") and returns the child.
  virtual absl::StatusOr<domain::Child> InsertChild(domain::Child child) = 0;
  virtual absl::StatusOr<std::optional<domain::Child>> FindChild(
      absl::string_view child_id) = 0;
  // The child's own row without its flags and history: what labels an id
  // with a name.
  virtual absl::StatusOr<std::optional<domain::Child>> FindChildRow(
      absl::string_view child_id) = 0;
  // Ordered by child id (numeric), keyed by it; only children with `flag` in
  // force when it is not empty.
  virtual absl::StatusOr<std::vector<domain::Child>> ListChildren(
      absl::string_view flag, const Page& page) = 0;
  absl::StatusOr<std::vector<domain::Child>> ListChildren(
      absl::string_view flag) {
    return ListChildren(flag, Page{});
  }
  // Rewrites the child's own columns (not its flags or history).
  virtual absl::Status UpdateChild(const domain::Child& child) = 0;
  virtual absl::Status InsertChildChange(absl::string_view child_id,
                                         const domain::ChildChange& change) = 0;
  virtual absl::Status InsertFlag(absl::string_view child_id,
                                  const domain::Flag& flag) = 0;
  // Sets cleared_at on the flag of that name in force.
  virtual absl::Status ClearFlag(absl::string_view child_id,
                                 absl::string_view name,
                                 absl::Time cleared_at) = 0;

  // Episodes. InsertEpisode assigns episode_id ("E<n>") and stores the
  // episode with its risk_history; returns it.
  virtual absl::StatusOr<domain::Episode> InsertEpisode(
      domain::Episode episode) = 0;
  // Rewrites the episode's own columns (not its history lists).
  virtual absl::Status UpdateEpisode(const domain::Episode& episode) = 0;
  virtual absl::Status InsertRiskGrade(absl::string_view episode_id,
                                       const domain::RiskGrade& grade) = 0;
  virtual absl::Status InsertCorrection(absl::string_view episode_id,
                                        const domain::Correction& c) = 0;
  // Episodes come with their risk_history and corrections.
  virtual absl::StatusOr<std::optional<domain::Episode>> FindEpisode(
      absl::string_view episode_id) = 0;
  virtual absl::StatusOr<std::optional<domain::Episode>> FindEpisodeByPoliceRef(
      absl::string_view police_force, absl::string_view police_ref) = 0;
  virtual absl::StatusOr<std::optional<domain::Episode>> FindOpenEpisode(
      absl::string_view child_id) = 0;
  // The child's returned episode with the latest returned_at.
  virtual absl::StatusOr<std::optional<domain::Episode>> FindLastReturned(
      absl::string_view child_id) = 0;
  // Ordered by missing_since, then episode id, and keyed by them. Empty
  // child_id: every child.
  virtual absl::StatusOr<std::vector<domain::Episode>> ListEpisodes(
      absl::string_view child_id, bool open_only, const Page& page) = 0;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodes(
      absl::string_view child_id, bool open_only) {
    return ListEpisodes(child_id, open_only, Page{});
  }

  // The child's other episodes whose missing periods `candidate`'s could
  // overlap, given that stored periods never overlap one another: what
  // domain::CheckFitsBesideOthers needs, read by index however long the
  // child's history. Ordered by missing_since, then episode id; without
  // risk_history and corrections. candidate.episode_id may be empty (new).
  virtual absl::StatusOr<std::vector<domain::Episode>> ListEpisodesBeside(
      const domain::Episode& candidate) = 0;

  // Return home interviews, one per returned episode, keyed by episode_id.
  virtual absl::Status InsertRhi(const domain::Rhi& rhi) = 0;
  virtual absl::Status UpdateRhi(const domain::Rhi& rhi) = 0;
  virtual absl::StatusOr<std::optional<domain::Rhi>> FindRhi(
      absl::string_view episode_id) = 0;
  // The interview before `returned`'s own (domain::PreviousRhiOf), by the
  // child's index.
  virtual absl::StatusOr<std::optional<domain::Rhi>> FindPreviousRhi(
      const domain::Episode& returned) = 0;
  // Ordered by due_at, then episode id.
  virtual absl::StatusOr<std::vector<domain::Rhi>> ListRhis(
      const RhiFilter& filter) = 0;

  // What interviews find (schema v8), keyed by episode. InsertFindings
  // stores `findings` as the episode's newest version (findings.version
  // set by the caller); the earlier ones are kept.
  virtual absl::Status InsertFindings(absl::string_view episode_id,
                                      const domain::Findings& findings) = 0;
  // Every version, oldest first.
  virtual absl::StatusOr<std::vector<domain::Findings>> ListFindings(
      absl::string_view episode_id) = 0;
  virtual absl::Status AcknowledgeFindings(absl::string_view episode_id,
                                           int version, absl::Time at,
                                           absl::string_view by) = 0;
  // Newest versions shared with the police, of episodes not voided (only
  // those not acknowledged when asked); by recorded_at, then episode id, and
  // keyed by them.
  virtual absl::StatusOr<std::vector<domain::FindingsOf>> ListSharedFindings(
      bool unacknowledged_only, const Page& page) = 0;
  // How many of those, not acknowledged, were recorded at or before the
  // instant.
  virtual absl::StatusOr<int> CountUnacknowledgedFindings(
      absl::Time recorded_by) = 0;
  // Newest versions naming an indicator with no referral, recorded at or
  // before t, of episodes not voided; by the interview's completion, then
  // episode id.
  virtual absl::StatusOr<std::vector<domain::FindingsOf>>
  ListExploitationConcerns(absl::Time t) = 0;
  // Newest versions of interviews completed in [from, until); by
  // completion, then episode id.
  virtual absl::StatusOr<std::vector<domain::FindingsOf>>
  ListFindingsCompletedInPeriod(absl::Time from, absl::Time until) = 0;
  virtual absl::Status InsertFollowUp(absl::string_view episode_id,
                                      const domain::FollowUp& follow_up) = 0;
  // Earliest first.
  virtual absl::StatusOr<std::vector<domain::FollowUp>> ListFollowUps(
      absl::string_view episode_id) = 0;

  // Episodes by time, for the agenda; each ordered by its time column, then
  // episode id, and each served by an index (not a scan of the history).
  // Open at t (domain::OpenAt): missing_since <= t and (not returned, or
  // returned after t).
  virtual absl::StatusOr<std::vector<domain::Episode>> ListEpisodesOpenAt(
      absl::Time t) = 0;
  // return_notified_at in (after, until].
  virtual absl::StatusOr<std::vector<domain::Episode>>
  ListEpisodesReturnNotifiedIn(absl::Time after, absl::Time until) = 0;
  // returned_at in [from, until].
  virtual absl::StatusOr<std::vector<domain::Episode>> ListEpisodesReturnedIn(
      absl::Time from, absl::Time until) = 0;
  // missing_since in (after, until].
  virtual absl::StatusOr<std::vector<domain::Episode>> ListEpisodesStartedIn(
      absl::Time after, absl::Time until) = 0;

  // Links. InsertLink assigns link_id ("L<n>") and returns the link.
  virtual absl::StatusOr<domain::Link> InsertLink(domain::Link link) = 0;
  // Links with at least one of the episodes, ordered by link id.
  virtual absl::StatusOr<std::vector<domain::Link>> ListLinksForEpisodes(
      const std::vector<std::string>& episode_ids) = 0;

  // Meetings. InsertMeeting assigns meeting_id ("M<n>"); a second meeting for
  // the same day is ALREADY_EXISTS. UpdateMeeting rewrites state, attendees
  // and closed_at. Finds return the meeting with its notes and actions.
  virtual absl::StatusOr<domain::Meeting> InsertMeeting(
      domain::Meeting meeting) = 0;
  virtual absl::Status UpdateMeeting(const domain::Meeting& meeting) = 0;
  virtual absl::StatusOr<std::optional<domain::Meeting>> FindMeeting(
      absl::string_view meeting_id) = 0;
  virtual absl::StatusOr<std::optional<domain::Meeting>> FindMeetingByDay(
      absl::CivilDay day) = 0;
  // Meetings by id, without their frozen agendas, notes and actions.
  virtual absl::StatusOr<std::vector<domain::Meeting>> ListMeetings(
      const Page& page) = 0;
  // The meeting with the latest day before `day`.
  virtual absl::StatusOr<std::optional<domain::Meeting>> FindMeetingBefore(
      absl::CivilDay day) = 0;
  // InsertNote assigns note_id ("N<n>").
  virtual absl::StatusOr<domain::Note> InsertNote(domain::Note note) = 0;

  // Actions. InsertAction assigns action_id ("A<n>"); UpdateAction rewrites
  // every column but the ids.
  virtual absl::StatusOr<domain::Action> InsertAction(domain::Action a) = 0;
  virtual absl::Status UpdateAction(const domain::Action& action) = 0;
  virtual absl::StatusOr<std::optional<domain::Action>> FindAction(
      absl::string_view action_id) = 0;
  // Open actions agreed at meetings of days before `before_day` (all open
  // actions when unset), by an index on open actions; ordered by by_when,
  // then action id.
  virtual absl::StatusOr<std::vector<domain::Action>> ListOpenActions(
      std::optional<absl::CivilDay> before_day) = 0;
  // Every action (open_only: only open ones), of one child when child_id is
  // not empty; ordered by by_when, then action id, and keyed by them.
  virtual absl::StatusOr<std::vector<domain::Action>> ListActions(
      absl::string_view child_id, bool open_only, const Page& page) = 0;
  absl::StatusOr<std::vector<domain::Action>> ListActions(
      absl::string_view child_id, bool open_only) {
    return ListActions(child_id, open_only, Page{});
  }

  // Reports. Each selects the rows whose one time column falls in a period
  // [from, until), by an index on that column (never a scan of the
  // history); what counts, and how, is the domain's (monthly.h,
  // exceptions.h, reports.h). The two counts are of such windows alone.
  // tests/storage/selections_test.cc holds these selections, and the
  // agenda's above, to the domain's windows and predicates.

  // Episodes with missing_since in [from, until), with their history and
  // their child's placement; by missing_since, then episode id.
  virtual absl::StatusOr<std::vector<domain::PlacedEpisode>>
  ListEpisodesStartedInPeriod(absl::Time from, absl::Time until) = 0;
  // How many episodes have missing_since in [from, until).
  virtual absl::StatusOr<int> CountEpisodesStartedInPeriod(
      absl::Time from, absl::Time until) = 0;
  // How many episodes have returned_at in [from, until).
  virtual absl::StatusOr<int> CountEpisodesReturnedInPeriod(
      absl::Time from, absl::Time until) = 0;
  // RHIs with due_at in [from, until); by due_at, then episode id.
  virtual absl::StatusOr<std::vector<domain::Rhi>> ListRhisDueInPeriod(
      absl::Time from, absl::Time until) = 0;
  // RHIs with due_at_from_return in [from, until); by it, then episode id.
  virtual absl::StatusOr<std::vector<domain::Rhi>>
  ListRhisDueFromReturnInPeriod(absl::Time from, absl::Time until) = 0;
  // RHIs with completed_at in [from, until); by it, then episode id.
  virtual absl::StatusOr<std::vector<domain::Rhi>> ListRhisCompletedInPeriod(
      absl::Time from, absl::Time until) = 0;
  // Actions agreed at meetings of the local days [first_day, end_day); by
  // meeting day, then action id.
  virtual absl::StatusOr<std::vector<domain::Action>> ListActionsAgreedOnDays(
      absl::CivilDay first_day, absl::CivilDay end_day) = 0;
  // Actions with closed_at in [from, until); by it, then action id.
  virtual absl::StatusOr<std::vector<domain::Action>> ListActionsClosedInPeriod(
      absl::Time from, absl::Time until) = 0;
  // Actions open, or closed at or after `until`
  // (domain::ActionOpenAtEndOf); by by_when, then action id.
  virtual absl::StatusOr<std::vector<domain::Action>> ListActionsOpenAtEndOf(
      absl::Time until) = 0;
  // Actions with by_when in [from, until); by by_when, then action id.
  virtual absl::StatusOr<std::vector<domain::Action>> ListActionsDueInPeriod(
      absl::Time from, absl::Time until) = 0;
  // Flags named `name` with set_at before `until`, with their child; by
  // set_at, then flag.
  virtual absl::StatusOr<std::vector<domain::ChildFlag>> ListFlagsSetBefore(
      absl::string_view name, absl::Time until) = 0;
  // The missing_since of the child's episodes in [from, until), earliest
  // first.
  virtual absl::StatusOr<std::vector<absl::Time>> ListEpisodeStartsOfChild(
      absl::string_view child_id, absl::Time from, absl::Time until) = 0;
  // Episodes with their child's SSDA903 fields that started before `until`
  // and had not returned before `from` (domain::InSsdaPeriod); by child,
  // missing_since, then episode id.
  virtual absl::StatusOr<std::vector<domain::SsdaEpisode>> ListSsdaEpisodes(
      absl::Time from, absl::Time until) = 0;
  // The child's notes and decisions, oldest first.
  virtual absl::StatusOr<std::vector<domain::Note>> ListChildNotes(
      absl::string_view child_id) = 0;

  // Users.
  virtual absl::Status InsertUser(const StoredUser& user) = 0;
  virtual absl::StatusOr<std::optional<StoredUser>> FindUserByName(
      absl::string_view name) = 0;
  virtual absl::StatusOr<std::optional<StoredUser>> FindUserByTokenSha256(
      absl::string_view token_sha256) = 0;
  // Ordered by name.
  virtual absl::StatusOr<std::vector<domain::User>> ListUsers() = 0;
  virtual absl::Status RevokeUser(absl::string_view name, absl::Time at) = 0;

  // Audit. InsertAudit ignores record.audit_id, assigns one, and chains the
  // row onto the last (domain/audit_chain.h).
  virtual absl::Status InsertAudit(const domain::AuditRecord& record) = 0;
  // Where the chain began and its last entry.
  virtual absl::StatusOr<domain::AuditChainState> ReadAuditChain() = 0;
  // Calls `fn` on every row, in id order, with its link (empty for a row
  // from before the chain); stops at the first error `fn` returns.
  virtual absl::Status ScanAuditChain(
      absl::FunctionRef<absl::Status(const domain::AuditRecord&,
                                     const domain::AuditLink&)>
          fn) = 0;
  // Oldest first, keyed by audit id (its decimal number); rows at or after
  // `since` when set; rows naming `child_id` when not empty.
  virtual absl::StatusOr<std::vector<domain::AuditRecord>> ListAudit(
      std::optional<absl::Time> since, absl::string_view child_id,
      const Page& page) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `fn` as one atomic write: when it returns OK the write is
  // committed durably before Write returns, and then `committed` runs;
  // otherwise nothing of it is kept and its status is returned. Writes are
  // serialised, and the `committed` callbacks run one at a time in commit
  // order (an implementation may commit several writes together).
  virtual absl::Status Write(absl::FunctionRef<absl::Status(Transaction&)> fn,
                             absl::FunctionRef<void()> committed) = 0;
  absl::Status Write(absl::FunctionRef<absl::Status(Transaction&)> fn) {
    return Write(fn, [] {});
  }
  // Runs `fn` on a consistent read-only snapshot; may run beside a write.
  virtual absl::Status Read(
      absl::FunctionRef<absl::Status(Transaction&)> fn) = 0;
};

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_STORE_H_
