#include "clients/core/calls.h"

#include "clients/core/run.h"
#include "clients/core/time_text.h"
#include "services/domain/status_macros.h"

namespace mfh::client {

std::vector<v1::RhiStatus> OpenRhiStatuses() {
  return {v1::RHI_STATUS_DUE, v1::RHI_STATUS_OFFERED, v1::RHI_STATUS_OVERDUE};
}

// ChildService.

absl::StatusOr<v1::CreateChildResponse> CreateChild(const Connection& conn,
                                                    const NewChild& child) {
  v1::CreateChildRequest req;
  req.set_name(child.name);
  req.set_date_of_birth(child.date_of_birth);
  req.set_la_ref(child.la_ref);
  req.set_looked_after(child.looked_after);
  req.set_placing_authority(child.placing_authority);
  *req.mutable_profile() = child.profile;
  return Run(conn, conn.children(), &v1::ChildService::Stub::CreateChild, req);
}

absl::StatusOr<v1::UpdateChildResponse> UpdateChild(
    const Connection& conn, const v1::UpdateChildRequest& update) {
  return Run(conn, conn.children(), &v1::ChildService::Stub::UpdateChild,
             update);
}

absl::StatusOr<ChildStory> LoadChildStory(const Connection& conn,
                                          const std::string& child_id) {
  ChildStory story;
  ASSIGN_OR_RETURN(v1::GetChildResponse child, GetChild(conn, child_id));
  story.child = std::move(*child.mutable_child());
  ASSIGN_OR_RETURN(v1::ListEpisodesResponse episodes,
                   ListEpisodes(conn, child_id, /*open_only=*/false));
  story.episodes = std::move(*episodes.mutable_episodes());
  ASSIGN_OR_RETURN(v1::ListInterviewsResponse interviews,
                   ListInterviews(conn, {.child_id = child_id}));
  story.interviews = std::move(*interviews.mutable_interviews());
  ASSIGN_OR_RETURN(v1::ListActionsResponse actions,
                   ListActions(conn, /*open_only=*/true, child_id));
  story.actions = std::move(*actions.mutable_actions());
  return story;
}

absl::StatusOr<v1::GetChildResponse> GetChild(const Connection& conn,
                                              const std::string& child_id) {
  v1::GetChildRequest req;
  req.set_child_id(child_id);
  return Run(conn, conn.children(), &v1::ChildService::Stub::GetChild, req);
}

absl::StatusOr<v1::ListChildrenResponse> ListChildren(const Connection& conn,
                                                      const ChildSearch& search,
                                                      int limit) {
  v1::ListChildrenRequest req;
  req.set_flag(search.flag);
  req.set_name(search.name);
  req.set_la_ref(search.la_ref);
  return RunPages(conn, conn.children(), &v1::ChildService::Stub::ListChildren,
                  req, &v1::ListChildrenResponse::mutable_children, limit);
}

absl::StatusOr<v1::SetFlagResponse> SetFlag(const Connection& conn,
                                            const std::string& child_id,
                                            const std::string& flag,
                                            std::optional<absl::Time> at) {
  v1::SetFlagRequest req;
  req.set_child_id(child_id);
  req.set_flag(flag);
  SetTime(at, req, &v1::SetFlagRequest::mutable_at);
  return Run(conn, conn.children(), &v1::ChildService::Stub::SetFlag, req);
}

absl::StatusOr<v1::ClearFlagResponse> ClearFlag(const Connection& conn,
                                                const std::string& child_id,
                                                const std::string& flag,
                                                std::optional<absl::Time> at) {
  v1::ClearFlagRequest req;
  req.set_child_id(child_id);
  req.set_flag(flag);
  SetTime(at, req, &v1::ClearFlagRequest::mutable_at);
  return Run(conn, conn.children(), &v1::ChildService::Stub::ClearFlag, req);
}

// EpisodeService.

absl::StatusOr<v1::ReportMissingResponse> ReportMissing(
    const Connection& conn, const MissingReport& report) {
  v1::ReportMissingRequest req;
  req.set_child_id(report.child_id);
  req.set_police_force(report.police_force);
  req.set_police_ref(report.police_ref);
  *req.mutable_missing_since() = ToTimestamp(report.missing_since);
  req.set_risk(report.risk);
  SetTime(report.notified_at, req,
          &v1::ReportMissingRequest::mutable_notified_at);
  req.set_category(report.category);
  req.set_reporter(report.reporter);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::ReportMissing,
             req);
}

absl::StatusOr<v1::LogReturnResponse> LogReturn(const Connection& conn,
                                                const ReturnReport& report) {
  v1::LogReturnRequest req;
  req.set_police_force(report.police_force);
  req.set_police_ref(report.police_ref);
  req.set_episode_id(report.episode_id);
  *req.mutable_returned_at() = ToTimestamp(report.returned_at);
  SetTime(report.return_notified_at, req,
          &v1::LogReturnRequest::mutable_return_notified_at);
  req.set_found_location(report.found_location);
  req.set_found_with(report.found_with);
  req.set_returned_to(report.returned_to);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::LogReturn, req);
}

absl::StatusOr<v1::CorrectReturnResponse> CorrectReturn(
    const Connection& conn, const ReturnCorrection& correction) {
  v1::CorrectReturnRequest req;
  req.set_episode_id(correction.episode_id);
  req.set_police_force(correction.police_force);
  req.set_police_ref(correction.police_ref);
  req.set_reason(correction.reason);
  SetTime(correction.returned_at, req,
          &v1::CorrectReturnRequest::mutable_returned_at);
  SetTime(correction.return_notified_at, req,
          &v1::CorrectReturnRequest::mutable_return_notified_at);
  if (correction.found_location.has_value()) {
    req.set_found_location(*correction.found_location);
  }
  if (correction.found_with.has_value()) {
    req.set_found_with(*correction.found_with);
  }
  req.set_returned_to(correction.returned_to);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::CorrectReturn,
             req);
}

absl::StatusOr<v1::UpdateEpisodeResponse> UpdateEpisode(
    const Connection& conn, const EpisodeUpdate& update) {
  v1::UpdateEpisodeRequest req;
  req.set_episode_id(update.episode_id);
  req.set_reason(update.reason);
  req.set_risk(update.risk);
  SetTime(update.risk_from, req, &v1::UpdateEpisodeRequest::mutable_risk_from);
  SetTime(update.missing_since, req,
          &v1::UpdateEpisodeRequest::mutable_missing_since);
  req.set_category(update.category);
  SetTime(update.notified_at, req,
          &v1::UpdateEpisodeRequest::mutable_notified_at);
  req.set_child_id(update.child_id);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::UpdateEpisode,
             req);
}

absl::StatusOr<v1::VoidEpisodeResponse> VoidEpisode(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason) {
  v1::VoidEpisodeRequest req;
  req.set_episode_id(episode_id);
  req.set_reason(reason);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::VoidEpisode,
             req);
}

absl::StatusOr<v1::GetEpisodeResponse> GetEpisode(
    const Connection& conn, const std::string& episode_id) {
  v1::GetEpisodeRequest req;
  req.set_episode_id(episode_id);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::GetEpisode, req);
}

absl::StatusOr<v1::ListEpisodesResponse> ListEpisodes(
    const Connection& conn, const std::string& child_id, bool open_only,
    int limit) {
  v1::ListEpisodesRequest req;
  req.set_child_id(child_id);
  req.set_open_only(open_only);
  return RunPages(conn, conn.episodes(),
                  &v1::EpisodeService::Stub::ListEpisodes, req,
                  &v1::ListEpisodesResponse::mutable_episodes, limit);
}

absl::StatusOr<v1::LinkEpisodesResponse> LinkEpisodes(
    const Connection& conn, const std::vector<std::string>& episode_ids,
    const std::string& reason) {
  v1::LinkEpisodesRequest req;
  for (const std::string& id : episode_ids) req.add_episode_ids(id);
  req.set_reason(reason);
  return Run(conn, conn.episodes(), &v1::EpisodeService::Stub::LinkEpisodes,
             req);
}

std::unique_ptr<grpc::ClientReader<v1::WatchBoardResponse>> WatchBoard(
    const Connection& conn, grpc::ClientContext& ctx,
    std::optional<absl::Time> as_of) {
  conn.Authorize(ctx);
  v1::WatchBoardRequest req;
  SetTime(as_of, req, &v1::WatchBoardRequest::mutable_as_of);
  return conn.episodes().WatchBoard(&ctx, req);
}

// InterviewService.

absl::StatusOr<v1::ListInterviewsResponse> ListInterviews(
    const Connection& conn, const InterviewQuery& query) {
  v1::ListInterviewsRequest req;
  req.set_child_id(query.child_id);
  for (v1::RhiStatus status : query.statuses) req.add_statuses(status);
  SetTime(query.due_before, req,
          &v1::ListInterviewsRequest::mutable_due_before);
  SetTime(query.as_of, req, &v1::ListInterviewsRequest::mutable_as_of);
  return RunPages(conn, conn.interviews(),
                  &v1::InterviewService::Stub::ListInterviews, req,
                  &v1::ListInterviewsResponse::mutable_interviews, query.limit);
}

absl::StatusOr<v1::GetInterviewResponse> GetInterview(
    const Connection& conn, const std::string& episode_id,
    std::optional<absl::Time> as_of) {
  v1::GetInterviewRequest req;
  req.set_episode_id(episode_id);
  SetTime(as_of, req, &v1::GetInterviewRequest::mutable_as_of);
  return Run(conn, conn.interviews(), &v1::InterviewService::Stub::GetInterview,
             req);
}

absl::StatusOr<v1::RecordOfferResponse> RecordOffer(
    const Connection& conn, const std::string& episode_id, absl::Time at,
    const std::string& by) {
  v1::RecordOfferRequest req;
  req.set_episode_id(episode_id);
  *req.mutable_at() = ToTimestamp(at);
  req.set_by(by);
  return Run(conn, conn.interviews(), &v1::InterviewService::Stub::RecordOffer,
             req);
}

absl::StatusOr<v1::RecordDeclineResponse> RecordDecline(
    const Connection& conn, const std::string& episode_id, absl::Time at,
    const std::string& reason) {
  v1::RecordDeclineRequest req;
  req.set_episode_id(episode_id);
  *req.mutable_at() = ToTimestamp(at);
  req.set_reason(reason);
  return Run(conn, conn.interviews(),
             &v1::InterviewService::Stub::RecordDecline, req);
}

absl::StatusOr<v1::RecordCompletionResponse> RecordCompletion(
    const Connection& conn, const Completion& completion) {
  v1::RecordCompletionRequest req;
  req.set_episode_id(completion.episode_id);
  *req.mutable_at() = ToTimestamp(completion.at);
  req.set_by(completion.by);
  v1::RhiOutcome& outcome = *req.mutable_outcome();
  for (v1::Concern c : completion.concerns) outcome.add_concerns(c);
  outcome.set_referral_made(completion.referral_made);
  outcome.set_notes(completion.notes);
  for (const std::string& id : completion.also_episode_ids) {
    req.add_also_episode_ids(id);
  }
  return Run(conn, conn.interviews(),
             &v1::InterviewService::Stub::RecordCompletion, req);
}

absl::StatusOr<v1::MarkNotHeldResponse> MarkNotHeld(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason, std::optional<absl::Time> at) {
  v1::MarkNotHeldRequest req;
  req.set_episode_id(episode_id);
  req.set_reason(reason);
  SetTime(at, req, &v1::MarkNotHeldRequest::mutable_at);
  return Run(conn, conn.interviews(), &v1::InterviewService::Stub::MarkNotHeld,
             req);
}

absl::StatusOr<v1::MarkNotRequiredResponse> MarkNotRequired(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason, std::optional<absl::Time> at) {
  v1::MarkNotRequiredRequest req;
  req.set_episode_id(episode_id);
  req.set_reason(reason);
  SetTime(at, req, &v1::MarkNotRequiredRequest::mutable_at);
  return Run(conn, conn.interviews(),
             &v1::InterviewService::Stub::MarkNotRequired, req);
}

// MeetingService.

absl::StatusOr<v1::GetAgendaResponse> GetAgenda(
    const Connection& conn, const std::string& day,
    std::optional<absl::Time> as_of) {
  v1::GetAgendaRequest req;
  req.set_day(day);
  SetTime(as_of, req, &v1::GetAgendaRequest::mutable_as_of);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::GetAgenda, req);
}

absl::StatusOr<v1::OpenMeetingResponse> OpenMeeting(
    const Connection& conn, const std::string& day,
    std::optional<absl::Time> as_of) {
  v1::OpenMeetingRequest req;
  req.set_day(day);
  SetTime(as_of, req, &v1::OpenMeetingRequest::mutable_as_of);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::OpenMeeting,
             req);
}

absl::StatusOr<v1::AddNoteResponse> AddNote(const Connection& conn,
                                            const NewNote& note) {
  v1::AddNoteRequest req;
  req.set_meeting_id(note.meeting_id);
  req.set_child_id(note.child_id);
  req.set_text(note.text);
  req.set_decision(note.decision);
  req.set_addendum(note.addendum);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::AddNote, req);
}

absl::StatusOr<v1::AddActionResponse> AddAction(const Connection& conn,
                                                const NewAction& action) {
  v1::AddActionRequest req;
  req.set_meeting_id(action.meeting_id);
  req.set_child_id(action.child_id);
  req.set_what(action.what);
  req.set_who(action.who);
  SetTime(action.by_when, req, &v1::AddActionRequest::mutable_by_when);
  req.set_done_when(action.done_when);
  req.set_worked_when(action.worked_when);
  req.set_assignee(action.assignee);
  req.set_addendum(action.addendum);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::AddAction, req);
}

absl::StatusOr<v1::UpdateActionResponse> UpdateAction(
    const Connection& conn, const ActionUpdate& update) {
  v1::UpdateActionRequest req;
  req.set_action_id(update.action_id);
  req.set_status(update.status);
  req.set_done_evidence(update.done_evidence);
  req.set_impact_evidence(update.impact_evidence);
  req.set_drop_reason(update.drop_reason);
  req.set_worked_when(update.worked_when);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::UpdateAction,
             req);
}

absl::StatusOr<v1::CloseMeetingResponse> CloseMeeting(
    const Connection& conn, const std::string& meeting_id,
    const std::vector<std::string>& attendees) {
  v1::CloseMeetingRequest req;
  req.set_meeting_id(meeting_id);
  for (const std::string& a : attendees) req.add_attendees(a);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::CloseMeeting,
             req);
}

absl::StatusOr<v1::GetMeetingResponse> GetMeeting(const Connection& conn,
                                                  const std::string& meeting_id,
                                                  const std::string& day) {
  v1::GetMeetingRequest req;
  req.set_meeting_id(meeting_id);
  req.set_day(day);
  return Run(conn, conn.meetings(), &v1::MeetingService::Stub::GetMeeting, req);
}

absl::StatusOr<v1::ListMeetingsResponse> ListMeetings(const Connection& conn,
                                                      int limit) {
  return RunPages(conn, conn.meetings(),
                  &v1::MeetingService::Stub::ListMeetings,
                  v1::ListMeetingsRequest(),
                  &v1::ListMeetingsResponse::mutable_meetings, limit);
}

absl::StatusOr<v1::ListActionsResponse> ListActions(const Connection& conn,
                                                    bool open_only,
                                                    const std::string& child_id,
                                                    int limit) {
  v1::ListActionsRequest req;
  req.set_open_only(open_only);
  req.set_child_id(child_id);
  return RunPages(conn, conn.meetings(), &v1::MeetingService::Stub::ListActions,
                  req, &v1::ListActionsResponse::mutable_actions, limit);
}

// ReportService.

absl::StatusOr<v1::MonthlyReportResponse> MonthlyReport(
    const Connection& conn, const std::string& month,
    std::optional<absl::Time> as_of) {
  v1::MonthlyReportRequest req;
  req.set_month(month);
  SetTime(as_of, req, &v1::MonthlyReportRequest::mutable_as_of);
  return Run(conn, conn.reports(), &v1::ReportService::Stub::MonthlyReport,
             req);
}

absl::StatusOr<v1::ExceptionReportResponse> ExceptionReport(
    const Connection& conn, const std::string& quarter,
    std::optional<absl::Time> as_of) {
  v1::ExceptionReportRequest req;
  req.set_quarter(quarter);
  SetTime(as_of, req, &v1::ExceptionReportRequest::mutable_as_of);
  return Run(conn, conn.reports(), &v1::ReportService::Stub::ExceptionReport,
             req);
}

absl::StatusOr<v1::ChronologyResponse> Chronology(
    const Connection& conn, const std::string& child_id,
    std::optional<absl::Time> as_of) {
  v1::ChronologyRequest req;
  req.set_child_id(child_id);
  SetTime(as_of, req, &v1::ChronologyRequest::mutable_as_of);
  return Run(conn, conn.reports(), &v1::ReportService::Stub::Chronology, req);
}

absl::StatusOr<v1::Ssda903MissingResponse> Ssda903Missing(
    const Connection& conn, const std::string& year,
    std::optional<absl::Time> as_of) {
  v1::Ssda903MissingRequest req;
  req.set_year(year);
  SetTime(as_of, req, &v1::Ssda903MissingRequest::mutable_as_of);
  return Run(conn, conn.reports(), &v1::ReportService::Stub::Ssda903Missing,
             req);
}

// AdminService.

absl::StatusOr<v1::AddUserResponse> AddUser(const Connection& conn,
                                            const std::string& name,
                                            v1::Role role) {
  v1::AddUserRequest req;
  req.set_name(name);
  req.set_role(role);
  return Run(conn, conn.admin(), &v1::AdminService::Stub::AddUser, req);
}

absl::StatusOr<v1::ListUsersResponse> ListUsers(const Connection& conn) {
  return Run(conn, conn.admin(), &v1::AdminService::Stub::ListUsers,
             v1::ListUsersRequest());
}

absl::StatusOr<v1::RevokeUserResponse> RevokeUser(const Connection& conn,
                                                  const std::string& name) {
  v1::RevokeUserRequest req;
  req.set_name(name);
  return Run(conn, conn.admin(), &v1::AdminService::Stub::RevokeUser, req);
}

absl::StatusOr<v1::ListAuditResponse> ListAudit(const Connection& conn,
                                                std::optional<absl::Time> since,
                                                const std::string& child_id,
                                                int limit) {
  v1::ListAuditRequest req;
  SetTime(since, req, &v1::ListAuditRequest::mutable_since);
  req.set_child_id(child_id);
  return RunPages(conn, conn.admin(), &v1::AdminService::Stub::ListAudit, req,
                  &v1::ListAuditResponse::mutable_entries, limit);
}

}  // namespace mfh::client
