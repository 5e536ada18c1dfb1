// The typed calls of what interviews find (DESIGN.md section 10): findings
// and follow-ups (InterviewService), intelligence for the police
// (IntelligenceService) and hotspots (ReportService).
#ifndef MFH_CLIENTS_CORE_FINDINGS_CALLS_H_
#define MFH_CLIENTS_CORE_FINDINGS_CALLS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/core/connection.h"

namespace mfh::client {

absl::StatusOr<v1::RecordFindingsResponse> RecordFindings(
    const Connection& conn, const std::string& episode_id,
    const v1::Findings& findings);

struct FollowUpRecord {
  std::string episode_id;
  absl::Time at;
  std::string by;
  bool engaged = false;
  std::string notes;
};
absl::StatusOr<v1::RecordFollowUpResponse> RecordFollowUp(
    const Connection& conn, const FollowUpRecord& record);

// Every page (or the first `limit` items when it is not 0).
absl::StatusOr<v1::ListIntelligenceResponse> ListIntelligence(
    const Connection& conn, bool unacknowledged_only, int limit = 0);
absl::StatusOr<v1::AcknowledgeIntelligenceResponse> AcknowledgeIntelligence(
    const Connection& conn, const std::string& episode_id);

// min_children 0: the server's default (2).
absl::StatusOr<v1::HotspotsResponse> Hotspots(const Connection& conn,
                                              absl::Time from, absl::Time to,
                                              int min_children);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_FINDINGS_CALLS_H_
