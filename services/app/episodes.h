// EpisodeService's use cases: missing reports, returns, corrections, links
// and the board.
#ifndef MFH_SERVICES_APP_EPISODES_H_
#define MFH_SERVICES_APP_EPISODES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/app/paging.h"
#include "services/app/records.h"
#include "services/app/runner.h"
#include "services/domain/agenda.h"
#include "services/domain/episode_rules.h"
#include "services/domain/episode_void.h"
#include "services/domain/link_rules.h"
#include "services/domain/policy.h"

namespace mfh::app {

struct EpisodeRef {
  std::string episode_id;
};

struct EpisodeQuery {
  std::string child_id;  // empty: every child
  bool open_only = false;
  PageRequest page;
};

struct BoardQuery {
  std::optional<absl::Time> as_of;  // default: the clock
};

// A reported episode; already_recorded for a retry that changed nothing.
struct MissingResult {
  domain::Episode episode;
  bool already_recorded = false;
};
void AddSubjects(const MissingResult& result, AuditSubjects& subjects);

// A returned episode and the interview it owes (none by policy);
// already_recorded for a retry that changed nothing.
struct ReturnResult {
  domain::Episode episode;
  std::optional<InterviewView> interview;
  bool already_recorded = false;
};
void AddSubjects(const ReturnResult& result, AuditSubjects& subjects);

// An episode corrected or voided; moved_from is the child it was corrected
// away from (empty when the child did not change), named in the audit too.
struct EpisodeChange {
  domain::Episode episode;
  std::string moved_from;
};
void AddSubjects(const EpisodeChange& change, AuditSubjects& subjects);

// A link with the episodes it joins.
struct LinkResult {
  domain::Link link;
  std::vector<domain::Episode> episodes;
};
void AddSubjects(const LinkResult& result, AuditSubjects& subjects);

class Episodes {
 public:
  Episodes(Runner& runner, const domain::Policy& policy,
           const PageTokens& pages)
      : runner_(runner), policy_(policy), pages_(pages) {}

  absl::StatusOr<MissingResult> ReportMissing(
      const Call& call, const domain::MissingReport& report);
  absl::StatusOr<ReturnResult> LogReturn(const Call& call,
                                         const domain::ReturnReport& report);
  absl::StatusOr<ReturnResult> CorrectReturn(
      const Call& call, const domain::ReturnCorrection& correction);
  absl::StatusOr<EpisodeChange> UpdateEpisode(
      const Call& call, const domain::EpisodeUpdate& update);
  // A coordinator voids any episode; the police only those they reported.
  absl::StatusOr<EpisodeChange> VoidEpisode(const Call& call,
                                            const domain::EpisodeVoid& v);
  absl::StatusOr<domain::Episode> GetEpisode(const Call& call,
                                             const EpisodeRef& ref);
  // Ordered by missing_since, then episode id.
  absl::StatusOr<Paged<domain::Episode>> ListEpisodes(
      const Call& call, const EpisodeQuery& query);
  absl::StatusOr<LinkResult> LinkEpisodes(const Call& call,
                                          const domain::NewLink& link);
  // The children missing now, as the agenda's first section.
  absl::StatusOr<std::vector<domain::AgendaEntry>> Board(
      const Call& call, const BoardQuery& query);

 private:
  // The RHI of an episode corrected to another child (domain::MoveRhi).
  absl::Status MoveInterview(storage::Transaction& tx,
                             const domain::Episode& moved);

  Runner& runner_;
  const domain::Policy& policy_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_EPISODES_H_
