// The use cases of the hub, transport-agnostic: each checks the caller's
// right, validates, loads, applies the domain rules, stores and audits, in
// the order DESIGN.md section 3 gives. The gRPC layer only adapts to it.
#ifndef MFH_SERVICES_APP_HUB_H_
#define MFH_SERVICES_APP_HUB_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/audit_log.h"
#include "services/domain/clock.h"
#include "services/domain/episode_rules.h"
#include "services/domain/policy.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/roles.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

// Who is calling, once their token is known.
struct Caller {
  std::string name;
  domain::Role role = domain::Role::kUnspecified;
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

// Creates a user with a fresh random token; INVALID_ARGUMENT for a bad name
// or role, ALREADY_EXISTS for a name in use. For the server host's
// `mfh-server user add` and for AdminService.
absl::StatusOr<NewUser> CreateUser(storage::Store& store,
                                   absl::string_view name, domain::Role role,
                                   absl::Time now);

// SHA-256 of the token, lower-case hex.
std::string TokenSha256(absl::string_view token);

class Hub {
 public:
  Hub(storage::Store& store, const domain::Clock& clock, domain::Policy policy,
      AuditLog& audit);

  const domain::Policy& policy() const { return policy_; }
  absl::Time Now() const { return clock_.Now(); }

  // UNAUTHENTICATED for an unknown or revoked token.
  absl::StatusOr<Caller> Authenticate(absl::string_view token);

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
  InterviewView View(const Caller& caller, domain::Rhi rhi,
                     absl::Time as_of) const;
  absl::StatusOr<domain::Child> ChangeFlag(
      const Caller& caller, absl::string_view rpc, absl::string_view child_id,
      absl::string_view flag, std::optional<absl::Time> at, bool set);

  storage::Store& store_;
  const domain::Clock& clock_;
  const domain::Policy policy_;
  AuditLog& audit_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_HUB_H_
