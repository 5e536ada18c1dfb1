// Loading the records a use case names, with the NOT_FOUND that DESIGN.md
// section 3 gives for an id that matches no record, and the interview as a
// caller may see it.
#ifndef MFH_SERVICES_APP_RECORDS_H_
#define MFH_SERVICES_APP_RECORDS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/audit_subjects.h"
#include "services/app/authenticator.h"
#include "services/domain/agenda.h"
#include "services/domain/findings.h"
#include "services/domain/types.h"
#include "services/storage/store.h"

namespace mfh::app {

// NOT_FOUND naming `field` when the id matches no record.
absl::StatusOr<domain::Child> LoadChild(storage::Transaction& tx,
                                        absl::string_view field,
                                        absl::string_view child_id);
absl::StatusOr<domain::Episode> LoadEpisode(storage::Transaction& tx,
                                            absl::string_view field,
                                            absl::string_view episode_id);
absl::StatusOr<domain::Meeting> LoadMeeting(storage::Transaction& tx,
                                            absl::string_view meeting_id);
absl::StatusOr<domain::Action> LoadAction(storage::Transaction& tx,
                                          absl::string_view action_id);
// The RHI of an episode that is to change: NOT_FOUND for an unknown episode,
// FAILED_PRECONDITION when no RHI is owed yet or at all.
absl::StatusOr<domain::Rhi> LoadRhiForWrite(storage::Transaction& tx,
                                            absl::string_view field,
                                            absl::string_view episode_id);

// An RHI with what is derived from it as of an instant. The outcome is
// cleared, and outcome_visible false, for callers without the right to read
// it.
struct InterviewView {
  domain::Rhi rhi;
  // Every version of the findings, oldest first, and the follow-ups after a
  // decline: read by GetInterview and the writes (LoadFindings), left empty
  // in lists and for callers without the right to read RHI outcomes.
  std::vector<domain::Findings> findings;
  std::vector<domain::FollowUp> follow_ups;
  bool outcome_visible = false;
  domain::RhiStatus status = domain::RhiStatus::kUnspecified;
  bool offered_on_time = false;
  bool met_deadline = false;
};

InterviewView ViewInterview(const Principal& viewer, domain::Rhi rhi,
                            absl::Time as_of);
void AddSubjects(const InterviewView& view, AuditSubjects& subjects);
// Reads the view's findings and follow-ups, if its viewer may read them.
absl::Status LoadFindings(storage::Transaction& tx, InterviewView& view);

// The agenda as `viewer` may see it: what the previous interviews found is
// cleared for callers without the right to read RHI outcomes; their status
// and when they closed stay.
void ViewAgenda(const Principal& viewer, domain::Agenda& agenda);

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_RECORDS_H_
