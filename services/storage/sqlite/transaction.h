// The Transaction of the SQLite store: the operations of store.h on one
// connection inside a transaction the store began. Declared here once; each
// table group defines its methods beside its SQL (children.cc, episodes.cc,
// interviews.cc, links.cc, meetings_and_actions.cc, users_and_audit.cc,
// report_queries.cc).
#ifndef MFH_SERVICES_STORAGE_SQLITE_TRANSACTION_H_
#define MFH_SERVICES_STORAGE_SQLITE_TRANSACTION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/store.h"

namespace mfh::storage {

class SqliteTransaction : public Transaction {
 public:
  explicit SqliteTransaction(Connection& db) : db_(db) {}

  // children.cc
  absl::StatusOr<domain::Child> InsertChild(domain::Child child) override;
  absl::StatusOr<std::optional<domain::Child>> FindChild(
      absl::string_view child_id) override;
  absl::StatusOr<std::optional<domain::Child>> FindChildRow(
      absl::string_view child_id) override;
  using Transaction::ListChildren;
  absl::StatusOr<std::vector<domain::Child>> ListChildren(
      absl::string_view flag, const Page& page) override;
  absl::Status UpdateChild(const domain::Child& child) override;
  absl::Status InsertChildChange(absl::string_view child_id,
                                 const domain::ChildChange& change) override;
  absl::Status InsertFlag(absl::string_view child_id,
                          const domain::Flag& flag) override;
  absl::Status ClearFlag(absl::string_view child_id, absl::string_view name,
                         absl::Time cleared_at) override;

  // episodes.cc
  absl::StatusOr<domain::Episode> InsertEpisode(
      domain::Episode episode) override;
  absl::Status UpdateEpisode(const domain::Episode& episode) override;
  absl::Status InsertRiskGrade(absl::string_view episode_id,
                               const domain::RiskGrade& grade) override;
  absl::Status InsertCorrection(absl::string_view episode_id,
                                const domain::Correction& c) override;
  absl::StatusOr<std::optional<domain::Episode>> FindEpisode(
      absl::string_view episode_id) override;
  absl::StatusOr<std::optional<domain::Episode>> FindEpisodeByPoliceRef(
      absl::string_view police_force, absl::string_view police_ref) override;
  absl::StatusOr<std::optional<domain::Episode>> FindOpenEpisode(
      absl::string_view child_id) override;
  absl::StatusOr<std::optional<domain::Episode>> FindLastReturned(
      absl::string_view child_id) override;
  using Transaction::ListEpisodes;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodes(
      absl::string_view child_id, bool open_only, const Page& page) override;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodesBeside(
      const domain::Episode& candidate) override;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodesOpenAt(
      absl::Time t) override;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodesReturnNotifiedIn(
      absl::Time after, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodesReturnedIn(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodesStartedIn(
      absl::Time after, absl::Time until) override;

  // interviews.cc
  absl::Status InsertRhi(const domain::Rhi& rhi) override;
  absl::Status UpdateRhi(const domain::Rhi& rhi) override;
  absl::StatusOr<std::optional<domain::Rhi>> FindRhi(
      absl::string_view episode_id) override;
  absl::StatusOr<std::optional<domain::Rhi>> FindPreviousRhi(
      const domain::Episode& returned) override;
  absl::StatusOr<std::vector<domain::Rhi>> ListRhis(
      const RhiFilter& filter) override;

  // links.cc
  absl::StatusOr<domain::Link> InsertLink(domain::Link link) override;
  absl::StatusOr<std::vector<domain::Link>> ListLinksForEpisodes(
      const std::vector<std::string>& episode_ids) override;

  // meetings_and_actions.cc
  absl::StatusOr<domain::Meeting> InsertMeeting(
      domain::Meeting meeting) override;
  absl::Status UpdateMeeting(const domain::Meeting& meeting) override;
  absl::StatusOr<std::optional<domain::Meeting>> FindMeeting(
      absl::string_view meeting_id) override;
  absl::StatusOr<std::optional<domain::Meeting>> FindMeetingByDay(
      absl::CivilDay day) override;
  absl::StatusOr<std::vector<domain::Meeting>> ListMeetings(
      const Page& page) override;
  absl::StatusOr<std::optional<domain::Meeting>> FindMeetingBefore(
      absl::CivilDay day) override;
  absl::StatusOr<domain::Note> InsertNote(domain::Note note) override;
  absl::StatusOr<std::vector<domain::Note>> ListChildNotes(
      absl::string_view child_id) override;
  absl::StatusOr<domain::Action> InsertAction(domain::Action a) override;
  absl::Status UpdateAction(const domain::Action& action) override;
  absl::StatusOr<std::optional<domain::Action>> FindAction(
      absl::string_view action_id) override;
  absl::StatusOr<std::vector<domain::Action>> ListOpenActions(
      std::optional<absl::CivilDay> before_day) override;
  using Transaction::ListActions;
  absl::StatusOr<std::vector<domain::Action>> ListActions(
      absl::string_view child_id, bool open_only, const Page& page) override;

  // report_queries.cc
  absl::StatusOr<std::vector<domain::PlacedEpisode>>
  ListEpisodesStartedInPeriod(absl::Time from, absl::Time until) override;
  absl::StatusOr<int> CountEpisodesStartedInPeriod(absl::Time from,
                                                   absl::Time until) override;
  absl::StatusOr<int> CountEpisodesReturnedInPeriod(absl::Time from,
                                                    absl::Time until) override;
  absl::StatusOr<std::vector<domain::Rhi>> ListRhisDueInPeriod(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Rhi>> ListRhisDueFromReturnInPeriod(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Rhi>> ListRhisCompletedInPeriod(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Action>> ListActionsAgreedOnDays(
      absl::CivilDay first_day, absl::CivilDay end_day) override;
  absl::StatusOr<std::vector<domain::Action>> ListActionsClosedInPeriod(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::Action>> ListActionsOpenAtEndOf(
      absl::Time until) override;
  absl::StatusOr<std::vector<domain::Action>> ListActionsDueInPeriod(
      absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::ChildFlag>> ListFlagsSetBefore(
      absl::string_view name, absl::Time until) override;
  absl::StatusOr<std::vector<absl::Time>> ListEpisodeStartsOfChild(
      absl::string_view child_id, absl::Time from, absl::Time until) override;
  absl::StatusOr<std::vector<domain::SsdaEpisode>> ListSsdaEpisodes(
      absl::Time from, absl::Time until) override;

  // users_and_audit.cc
  absl::Status InsertUser(const StoredUser& user) override;
  absl::StatusOr<std::optional<StoredUser>> FindUserByName(
      absl::string_view name) override;
  absl::StatusOr<std::optional<StoredUser>> FindUserByTokenSha256(
      absl::string_view token_sha256) override;
  absl::StatusOr<std::vector<domain::User>> ListUsers() override;
  absl::Status RevokeUser(absl::string_view name, absl::Time at) override;
  // findings.cc
  absl::Status InsertFindings(absl::string_view episode_id,
                              const domain::Findings& findings) override;
  absl::StatusOr<std::vector<domain::Findings>> ListFindings(
      absl::string_view episode_id) override;
  absl::Status AcknowledgeFindings(absl::string_view episode_id, int version,
                                   absl::Time at,
                                   absl::string_view by) override;
  absl::StatusOr<std::vector<domain::FindingsOf>> ListSharedFindings(
      bool unacknowledged_only, const Page& page) override;
  absl::StatusOr<int> CountUnacknowledgedFindings(
      absl::Time recorded_by) override;
  absl::StatusOr<std::vector<domain::FindingsOf>> ListExploitationConcerns(
      absl::Time t) override;
  absl::StatusOr<std::vector<domain::FindingsOf>> ListFindingsCompletedInPeriod(
      absl::Time from, absl::Time until) override;
  absl::Status InsertFollowUp(absl::string_view episode_id,
                              const domain::FollowUp& follow_up) override;
  absl::StatusOr<std::vector<domain::FollowUp>> ListFollowUps(
      absl::string_view episode_id) override;

  absl::Status InsertAudit(const domain::AuditRecord& record) override;
  absl::StatusOr<domain::AuditChainState> ReadAuditChain() override;
  absl::Status ScanAuditChain(
      absl::FunctionRef<absl::Status(const domain::AuditRecord&,
                                     const domain::AuditLink&)>
          fn) override;
  absl::StatusOr<std::vector<domain::AuditRecord>> ListAudit(
      std::optional<absl::Time> since, absl::string_view child_id,
      const Page& page) override;

 private:
  // ListRhis for RHIs open as of `as_of` (every child's).
  absl::StatusOr<std::vector<domain::Rhi>> ListOpenRhis(absl::Time as_of,
                                                        int64_t due_before,
                                                        const Page& page);

  Connection& db_;
  // The audit chain's head and the next audit id, once this transaction
  // has read them: a batch of audit rows reads them once, not per row.
  std::optional<domain::AuditChainState> audit_chain_;
  int64_t next_audit_id_ = 0;
};

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_TRANSACTION_H_
