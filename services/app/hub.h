// The use cases of the hub, transport-agnostic: each checks the caller's
// right, validates, loads, applies the domain rules, stores and audits, in
// the order DESIGN.md section 3 gives. The gRPC layer only adapts to it.
#ifndef MFH_SERVICES_APP_HUB_H_
#define MFH_SERVICES_APP_HUB_H_

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/app/audit_log.h"
#include "services/app/change_feed.h"
#include "services/domain/agenda.h"
#include "services/domain/clock.h"
#include "services/domain/episode_rules.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/monthly.h"
#include "services/domain/policy.h"
#include "services/domain/reports.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/roles.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

// Who is calling, once their token is known.
struct Caller {
  std::string name;
  domain::Role role = domain::Role::kUnspecified;
  // A caller that Hub::Authenticate took from its tokens already seen is not
  // yet verified: the call's own transaction checks that the token (by its
  // SHA-256) is still not revoked, and sets `verified`. Any other caller is.
  std::string token_sha256;
  mutable bool verified = true;
};

struct NewChild {
  std::string name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string la_ref;
  bool looked_after = false;
  std::string placing_authority;
};

// An RHI with what is derived from it as of an instant. The outcome is
// cleared, and outcome_visible false, for callers without the right to read
// it.
struct InterviewView {
  domain::Rhi rhi;
  bool outcome_visible = false;
  domain::RhiStatus status = domain::RhiStatus::kUnspecified;
  bool offered_on_time = false;
  bool met_deadline = false;
};

struct ReturnResult {
  domain::Episode episode;
  std::optional<InterviewView> interview;
};

struct InterviewQuery {
  std::vector<domain::RhiStatus> statuses;  // empty: all
  std::optional<absl::Time> due_before;
  std::string child_id;
  std::optional<absl::Time> as_of;  // default: the clock
};

struct NewUser {
  domain::User user;
  std::string token;  // shown once; only its SHA-256 is stored
};

// The monthly report of DESIGN.md section 5.
struct MonthlyReport {
  domain::Period month;
  absl::Time as_of;
  domain::MonthlyCounts counts;
  int rhis_completed = 0;
  double median_hours_to_rhi = 0;
  double p90_hours_to_rhi = 0;
  domain::CstMeasure cst;
  // The 12 months ending with this one, oldest first: (YYYY-MM, episodes).
  std::vector<std::pair<std::string, int>> trend;
};

// The SSDA903 Missing table for one year, its DfE rule violations and the
// file.
struct Ssda903Report {
  domain::Period year;
  std::vector<domain::SsdaRow> rows;
  std::vector<domain::SsdaViolation> violations;
  std::string csv;
};

// The exceptions of one financial-year quarter, as of `as_of`: what a manager
// must look at. Lateness is measured to as_of for what had not happened by
// then.
struct LateInterview {
  domain::Rhi rhi;
  domain::RhiStatus status;          // as of as_of
  std::optional<absl::Time> met_at;  // completed or declined by as_of
  double hours_late = 0;             // one decimal
};
struct LongEpisode {
  domain::Episode episode;
  std::optional<absl::Time> returned_at;  // unset while open at as_of
  double hours_missing = 0;
  double hours_over = 0;
};
struct OverdueAction {
  domain::Action action;
  domain::ActionStatus status;          // as of as_of
  std::optional<absl::Time> closed_at;  // unset while open at as_of
  double days_overdue = 0;
};
struct ExceptionReport {
  domain::Period quarter;
  absl::Time as_of;
  absl::Duration long_episode_after;
  absl::Duration late_action_after;
  std::vector<LateInterview> late_interviews;
  std::vector<LongEpisode> long_episodes;
  std::vector<OverdueAction> overdue_actions;
};

// A child's chronology as of `as_of`, oldest first.
struct Chronology {
  std::string child_id;
  std::vector<domain::ChronologyEvent> events;
};

// Creates a user with a fresh random token; INVALID_ARGUMENT for a bad name
// or role, ALREADY_EXISTS for a name in use. For the server host's
// `mfh-server user add` and for AdminService.
absl::StatusOr<NewUser> CreateUser(storage::Store& store,
                                   absl::string_view name, domain::Role role,
                                   absl::Time now);

// SHA-256 of the token, lower-case hex.
std::string TokenSha256(absl::string_view token);

// Serialises the agenda a meeting freezes; the server gives the wire
// format's, so that the app layer stays free of it.
using AgendaSerializer = std::function<std::string(const domain::Agenda&)>;

class Hub {
 public:
  Hub(storage::Store& store, const domain::Clock& clock, domain::Policy policy,
      AuditLog& audit, ChangeFeed& feed, AgendaSerializer freeze_agenda);

  const domain::Policy& policy() const { return policy_; }
  absl::Time Now() const { return clock_.Now(); }

  // The caller a bearer token names; UNAUTHENTICATED for an unknown or
  // revoked token. A token seen before is not read again here: the caller
  // comes back unverified, and the call's own read or write transaction
  // checks it (so that a token revoked by `mfh-server user revoke` beside
  // the running server is refused on its next call, at no extra read).
  absl::StatusOr<Caller> Authenticate(absl::string_view token);
  // For a call that ended without reaching its transaction (an error first,
  // or an administration call): checks an unverified caller's token in a
  // read of its own. UNAUTHENTICATED if it has been revoked since.
  absl::Status Verify(const Caller& caller);

  // Children.
  absl::StatusOr<domain::Child> CreateChild(const Caller& caller,
                                            const NewChild& child);
  absl::StatusOr<domain::Child> GetChild(const Caller& caller,
                                         absl::string_view child_id);
  absl::StatusOr<std::vector<domain::Child>> ListChildren(
      const Caller& caller, absl::string_view flag);
  absl::StatusOr<domain::Child> SetFlag(const Caller& caller,
                                        absl::string_view child_id,
                                        absl::string_view flag,
                                        std::optional<absl::Time> at);
  absl::StatusOr<domain::Child> ClearFlag(const Caller& caller,
                                          absl::string_view child_id,
                                          absl::string_view flag,
                                          std::optional<absl::Time> at);

  // Episodes and returns.
  absl::StatusOr<domain::Episode> ReportMissing(
      const Caller& caller, const domain::MissingReport& report);
  absl::StatusOr<ReturnResult> LogReturn(const Caller& caller,
                                         const domain::ReturnReport& report);
  absl::StatusOr<ReturnResult> CorrectReturn(
      const Caller& caller, const domain::ReturnCorrection& correction);
  absl::StatusOr<domain::Episode> UpdateEpisode(
      const Caller& caller, const domain::EpisodeUpdate& update);
  absl::StatusOr<domain::Episode> GetEpisode(const Caller& caller,
                                             absl::string_view episode_id);
  absl::StatusOr<std::vector<domain::Episode>> ListEpisodes(
      const Caller& caller, absl::string_view child_id, bool open_only);

  // Return home interviews. Lists are ordered by due time, earliest first.
  absl::StatusOr<std::vector<InterviewView>> ListInterviews(
      const Caller& caller, const InterviewQuery& query);
  absl::StatusOr<InterviewView> GetInterview(const Caller& caller,
                                             absl::string_view episode_id,
                                             std::optional<absl::Time> as_of);
  absl::StatusOr<InterviewView> RecordOffer(const Caller& caller,
                                            const domain::RhiOffer& offer);
  absl::StatusOr<InterviewView> RecordDecline(
      const Caller& caller, const domain::RhiDecline& decline);
  // The named interview first, then those of also_episode_ids.
  absl::StatusOr<std::vector<InterviewView>> RecordCompletion(
      const Caller& caller, const domain::RhiCompletion& completion);
  absl::StatusOr<InterviewView> CloseInterview(
      const Caller& caller, const domain::RhiClosing& closing);

  // The board and the daily meeting. `day` is YYYY-MM-DD in the hub's time
  // zone; empty means the day of as_of (default: the clock).
  absl::StatusOr<domain::Agenda> GetAgenda(const Caller& caller,
                                           absl::string_view day,
                                           std::optional<absl::Time> as_of);
  // Children missing now: the agenda's first section.
  absl::StatusOr<std::vector<domain::AgendaEntry>> Board(
      const Caller& caller, std::optional<absl::Time> as_of);
  absl::StatusOr<domain::Link> LinkEpisodes(
      const Caller& caller, const std::vector<std::string>& episode_ids,
      absl::string_view reason);
  // Freezes the agenda for the day as of as_of inside the new meeting.
  absl::StatusOr<domain::Meeting> OpenMeeting(const Caller& caller,
                                              absl::string_view day,
                                              std::optional<absl::Time> as_of);
  absl::StatusOr<domain::Note> AddNote(const Caller& caller,
                                       const domain::NewNote& note);
  absl::StatusOr<domain::Action> AddAction(const Caller& caller,
                                           const domain::NewAction& action);
  absl::StatusOr<domain::Action> UpdateAction(
      const Caller& caller, const domain::ActionUpdate& update);
  absl::StatusOr<domain::Meeting> CloseMeeting(
      const Caller& caller, absl::string_view meeting_id,
      const std::vector<std::string>& attendees);
  // By id, or (meeting_id empty) by day, YYYY-MM-DD.
  absl::StatusOr<domain::Meeting> GetMeeting(const Caller& caller,
                                             absl::string_view meeting_id,
                                             absl::string_view day = "");
  // Ordered by by_when, then action id.
  absl::StatusOr<std::vector<domain::Action>> ListActions(
      const Caller& caller, absl::string_view child_id, bool open_only);

  ChangeFeed& feed() { return feed_; }

  // Reports (coordinator and manager). Periods are in the policy's time
  // zone; what happened after as_of (default: the clock) is not counted.
  absl::StatusOr<MonthlyReport> GetMonthlyReport(
      const Caller& caller, absl::string_view month,
      std::optional<absl::Time> as_of);
  // RHIs due in the quarter met late or never, episodes started in it that
  // lasted over 7 days, actions due in it closed (or open) over 14 days late.
  absl::StatusOr<ExceptionReport> GetExceptionReport(
      const Caller& caller, absl::string_view quarter,
      std::optional<absl::Time> as_of);
  // Every event of the child's record up to as_of.
  absl::StatusOr<Chronology> GetChronology(const Caller& caller,
                                           absl::string_view child_id,
                                           std::optional<absl::Time> as_of);
  absl::StatusOr<Ssda903Report> GetSsda903Missing(
      const Caller& caller, absl::string_view year,
      std::optional<absl::Time> as_of);

  // Administration.
  absl::StatusOr<NewUser> AddUser(const Caller& caller, absl::string_view name,
                                  domain::Role role);
  absl::StatusOr<std::vector<domain::User>> ListUsers(const Caller& caller);
  absl::StatusOr<domain::User> RevokeUser(const Caller& caller,
                                          absl::string_view name);
  absl::StatusOr<std::vector<domain::AuditRecord>> ListAudit(
      const Caller& caller, std::optional<absl::Time> since,
      absl::string_view child_id, int limit);

 private:
  // Verify, inside the call's transaction.
  absl::Status VerifyIn(storage::Transaction& tx, const Caller& caller);
  // PERMISSION_DENIED (and audited) unless the caller's role has the right.
  absl::Status Authorize(const Caller& caller, domain::Right right,
                         absl::string_view rpc);
  // Runs a write with its audit row in the same transaction; a refused write
  // is audited through the batched log with its code.
  absl::Status AuditedWrite(const Caller& caller, absl::string_view rpc,
                            absl::FunctionRef<absl::Status(
                                storage::Transaction&, domain::AuditRecord&)>
                                fn);
  // Runs a read and queues its audit row.
  absl::Status AuditedRead(const Caller& caller, absl::string_view rpc,
                           absl::FunctionRef<absl::Status(storage::Transaction&,
                                                          domain::AuditRecord&)>
                               fn);
  domain::AuditRecord NewAuditRecord(const Caller& caller,
                                     absl::string_view rpc) const;
  // Loads what the agenda for `day` as of `as_of` is assembled from.
  absl::StatusOr<domain::Agenda> AssembleAgenda(storage::Transaction& tx,
                                                absl::CivilDay day,
                                                absl::Time as_of) const;
  absl::StatusOr<absl::CivilDay> DayOf(absl::string_view day,
                                       absl::Time as_of) const;
  // Loads the RHI of `episode_id`, applies `apply` (which returns whether
  // the call was a retry) and stores it, audited as `rpc`.
  absl::StatusOr<InterviewView> ChangeRhi(
      const Caller& caller, absl::string_view rpc, absl::string_view episode_id,
      absl::Time now,
      absl::FunctionRef<absl::StatusOr<bool>(domain::Rhi&)> apply);
  InterviewView View(const Caller& caller, domain::Rhi rhi,
                     absl::Time as_of) const;
  absl::StatusOr<domain::Child> ChangeFlag(
      const Caller& caller, absl::string_view rpc, absl::string_view child_id,
      absl::string_view flag, std::optional<absl::Time> at, bool set);

  storage::Store& store_;
  const domain::Clock& clock_;
  const domain::Policy policy_;
  AuditLog& audit_;
  ChangeFeed& feed_;
  const AgendaSerializer freeze_agenda_;
  // Callers by the SHA-256 of tokens found valid; a token found revoked
  // leaves.
  absl::Mutex tokens_mu_;
  std::unordered_map<std::string, Caller> tokens_ ABSL_GUARDED_BY(tokens_mu_);
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_HUB_H_
