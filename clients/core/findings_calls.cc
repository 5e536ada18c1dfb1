#include "clients/core/findings_calls.h"

#include "clients/core/run.h"

namespace mfh::client {

absl::StatusOr<v1::RecordFindingsResponse> RecordFindings(
    const Connection& conn, const std::string& episode_id,
    const v1::Findings& findings) {
  v1::RecordFindingsRequest req;
  req.set_episode_id(episode_id);
  *req.mutable_findings() = findings;
  return Run(conn, conn.interviews(),
             &v1::InterviewService::Stub::RecordFindings, req);
}

absl::StatusOr<v1::RecordFollowUpResponse> RecordFollowUp(
    const Connection& conn, const FollowUpRecord& record) {
  v1::RecordFollowUpRequest req;
  req.set_episode_id(record.episode_id);
  *req.mutable_at() = ToTimestamp(record.at);
  req.set_by(record.by);
  req.set_engaged(record.engaged);
  req.set_notes(record.notes);
  return Run(conn, conn.interviews(),
             &v1::InterviewService::Stub::RecordFollowUp, req);
}

absl::StatusOr<v1::ListIntelligenceResponse> ListIntelligence(
    const Connection& conn, bool unacknowledged_only, int limit) {
  v1::ListIntelligenceRequest req;
  req.set_unacknowledged_only(unacknowledged_only);
  return RunPages(conn, conn.intelligence(),
                  &v1::IntelligenceService::Stub::ListIntelligence, req,
                  &v1::ListIntelligenceResponse::mutable_intelligence, limit);
}

absl::StatusOr<v1::AcknowledgeIntelligenceResponse> AcknowledgeIntelligence(
    const Connection& conn, const std::string& episode_id) {
  v1::AcknowledgeIntelligenceRequest req;
  req.set_episode_id(episode_id);
  return Run(conn, conn.intelligence(),
             &v1::IntelligenceService::Stub::AcknowledgeIntelligence, req);
}

absl::StatusOr<v1::HotspotsResponse> Hotspots(const Connection& conn,
                                              absl::Time from, absl::Time to,
                                              int min_children) {
  v1::HotspotsRequest req;
  *req.mutable_from() = ToTimestamp(from);
  *req.mutable_to() = ToTimestamp(to);
  req.set_min_children(min_children);
  return Run(conn, conn.reports(), &v1::ReportService::Stub::Hotspots, req);
}

}  // namespace mfh::client
