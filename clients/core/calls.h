// The hub's RPCs as typed calls, one function per RPC the clients use: each
// builds its request from typed values (instants as absl::Time, unset
// optionals left out so that the server applies its default), runs it on the
// connection and answers the whole response, which the CLI prints as JSON.
// Both mfh and mfh-desktop go through these, so a request is built once.
#ifndef MFH_CLIENTS_CORE_CALLS_H_
#define MFH_CLIENTS_CORE_CALLS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/core/connection.h"

namespace mfh::client {

// The statuses of an interview still owed (IsOpenRhiStatus), as a list
// filter.
std::vector<v1::RhiStatus> OpenRhiStatuses();

// ChildService.

struct NewChild {
  std::string name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string la_ref;
  bool looked_after = false;
  std::string placing_authority;
  v1::Profile profile;
};

// A child's whole story at a glance (DESIGN.md section 11): the record with
// its profile and history, every episode, every interview, the open actions.
struct ChildStory {
  v1::Child child;
  google::protobuf::RepeatedPtrField<v1::Episode> episodes;
  google::protobuf::RepeatedPtrField<v1::Interview> interviews;
  google::protobuf::RepeatedPtrField<v1::Action> actions;
};

absl::StatusOr<v1::CreateChildResponse> CreateChild(const Connection& conn,
                                                    const NewChild& child);
absl::StatusOr<v1::UpdateChildResponse> UpdateChild(
    const Connection& conn, const v1::UpdateChildRequest& update);
// Four reads: the child, its episodes, its interviews, its open actions.
absl::StatusOr<ChildStory> LoadChildStory(const Connection& conn,
                                          const std::string& child_id);
absl::StatusOr<v1::GetChildResponse> GetChild(const Connection& conn,
                                              const std::string& child_id);
// The lists follow the server's pages and answer every item of every page
// in one response, or the first `limit` when it is not 0.
//
// Every child, or those with `flag` in force.
// Children with `search`'s flag, name and la_ref (each when set).
struct ChildSearch {
  std::string flag;
  std::string name;
  std::string la_ref;
};
absl::StatusOr<v1::ListChildrenResponse> ListChildren(
    const Connection& conn, const ChildSearch& search = {}, int limit = 0);
// `at` unset: the server's clock.
absl::StatusOr<v1::SetFlagResponse> SetFlag(const Connection& conn,
                                            const std::string& child_id,
                                            const std::string& flag,
                                            std::optional<absl::Time> at);
absl::StatusOr<v1::ClearFlagResponse> ClearFlag(const Connection& conn,
                                                const std::string& child_id,
                                                const std::string& flag,
                                                std::optional<absl::Time> at);

// EpisodeService.

struct MissingReport {
  std::string child_id;
  std::string police_force;
  std::string police_ref;
  absl::Time missing_since;
  v1::Risk risk = v1::RISK_UNSPECIFIED;
  std::optional<absl::Time> notified_at;  // unset: the server's clock
  v1::Category category = v1::CATEGORY_UNSPECIFIED;  // the server's default
  std::string reporter;
};

// The episode by its police reference or by its id.
struct ReturnReport {
  std::string police_force;
  std::string police_ref;
  std::string episode_id;
  absl::Time returned_at;
  std::optional<absl::Time> return_notified_at;  // unset: the server's clock
  std::string found_location;
  std::string found_with;
  v1::ReturnedTo returned_to = v1::RETURNED_TO_UNSPECIFIED;
};

// What is unset keeps its value.
// The episode by episode_id, or by police_force and police_ref.
struct ReturnCorrection {
  std::string episode_id;
  std::string police_force;
  std::string police_ref;
  std::string reason;
  std::optional<absl::Time> returned_at;
  std::optional<absl::Time> return_notified_at;
  std::optional<std::string> found_location;  // "" clears it
  std::optional<std::string> found_with;
  v1::ReturnedTo returned_to = v1::RETURNED_TO_UNSPECIFIED;
};

// What is unset keeps its value; a regrade gives risk and risk_from.
struct EpisodeUpdate {
  std::string episode_id;
  std::string reason;
  v1::Risk risk = v1::RISK_UNSPECIFIED;
  std::optional<absl::Time> risk_from;
  std::optional<absl::Time> missing_since;
  v1::Category category = v1::CATEGORY_UNSPECIFIED;
  std::optional<absl::Time> notified_at;
  std::string child_id;  // empty: the same child
};

absl::StatusOr<v1::ReportMissingResponse> ReportMissing(
    const Connection& conn, const MissingReport& report);
absl::StatusOr<v1::LogReturnResponse> LogReturn(const Connection& conn,
                                                const ReturnReport& report);
absl::StatusOr<v1::CorrectReturnResponse> CorrectReturn(
    const Connection& conn, const ReturnCorrection& correction);
absl::StatusOr<v1::UpdateEpisodeResponse> UpdateEpisode(
    const Connection& conn, const EpisodeUpdate& update);
absl::StatusOr<v1::VoidEpisodeResponse> VoidEpisode(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason);
absl::StatusOr<v1::GetEpisodeResponse> GetEpisode(
    const Connection& conn, const std::string& episode_id);
absl::StatusOr<v1::ListEpisodesResponse> ListEpisodes(
    const Connection& conn, const std::string& child_id, bool open_only,
    int limit = 0);
absl::StatusOr<v1::LinkEpisodesResponse> LinkEpisodes(
    const Connection& conn, const std::vector<std::string>& episode_ids,
    const std::string& reason);
// Starts the live feed on `ctx` (authorized here, with no deadline: a stream
// lasts); `as_of` unset: the board as of the server's clock.
std::unique_ptr<grpc::ClientReader<v1::WatchBoardResponse>> WatchBoard(
    const Connection& conn, grpc::ClientContext& ctx,
    std::optional<absl::Time> as_of);

// InterviewService.

struct InterviewQuery {
  std::string child_id;
  // Empty: every status.
  std::vector<v1::RhiStatus> statuses;
  std::optional<absl::Time> due_before;
  std::optional<absl::Time> as_of;
  int limit = 0;  // 0: every page
};

struct Completion {
  std::string episode_id;
  absl::Time at;
  std::string by;
  std::vector<v1::Concern> concerns;
  bool referral_made = false;
  std::string notes;
  // Other open interviews of the child this one covered.
  std::vector<std::string> also_episode_ids;
};

absl::StatusOr<v1::ListInterviewsResponse> ListInterviews(
    const Connection& conn, const InterviewQuery& query);
absl::StatusOr<v1::GetInterviewResponse> GetInterview(
    const Connection& conn, const std::string& episode_id,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::RecordOfferResponse> RecordOffer(
    const Connection& conn, const std::string& episode_id, absl::Time at,
    const std::string& by);
absl::StatusOr<v1::RecordDeclineResponse> RecordDecline(
    const Connection& conn, const std::string& episode_id, absl::Time at,
    const std::string& reason);
absl::StatusOr<v1::RecordCompletionResponse> RecordCompletion(
    const Connection& conn, const Completion& completion);
// `at` unset: the server's clock.
absl::StatusOr<v1::MarkNotHeldResponse> MarkNotHeld(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason, std::optional<absl::Time> at);
absl::StatusOr<v1::MarkNotRequiredResponse> MarkNotRequired(
    const Connection& conn, const std::string& episode_id,
    const std::string& reason, std::optional<absl::Time> at);

// MeetingService.

struct NewNote {
  std::string meeting_id;
  std::string child_id;  // empty: about no one child
  std::string text;
  bool decision = false;
  bool addendum = false;
};

struct NewAction {
  std::string meeting_id;
  std::string child_id;
  std::string what;
  std::string who;
  // Required by the server, which names the field when it is missing.
  std::optional<absl::Time> by_when;
  std::string done_when;
  std::string worked_when;
  std::string assignee;
  bool addendum = false;
};

struct ActionUpdate {
  std::string action_id;
  // DONE needs done_evidence, DROPPED a drop_reason; UNSPECIFIED leaves the
  // status and adds evidence only.
  v1::ActionStatus status = v1::ACTION_STATUS_UNSPECIFIED;
  std::string done_evidence;
  std::string impact_evidence;
  std::string drop_reason;
  std::string worked_when;
};

// `day` empty: the day of `as_of` (or of the server's clock) in
// Europe/London.
absl::StatusOr<v1::GetAgendaResponse> GetAgenda(
    const Connection& conn, const std::string& day,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::OpenMeetingResponse> OpenMeeting(
    const Connection& conn, const std::string& day,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::AddNoteResponse> AddNote(const Connection& conn,
                                            const NewNote& note);
absl::StatusOr<v1::AddActionResponse> AddAction(const Connection& conn,
                                                const NewAction& action);
absl::StatusOr<v1::UpdateActionResponse> UpdateAction(
    const Connection& conn, const ActionUpdate& update);
absl::StatusOr<v1::CloseMeetingResponse> CloseMeeting(
    const Connection& conn, const std::string& meeting_id,
    const std::vector<std::string>& attendees);
// By id, or when `meeting_id` is empty the meeting of `day` (YYYY-MM-DD).
absl::StatusOr<v1::GetMeetingResponse> GetMeeting(const Connection& conn,
                                                  const std::string& meeting_id,
                                                  const std::string& day = "");
// Every meeting, in the order opened.
absl::StatusOr<v1::ListMeetingsResponse> ListMeetings(const Connection& conn,
                                                      int limit = 0);
absl::StatusOr<v1::ListActionsResponse> ListActions(const Connection& conn,
                                                    bool open_only,
                                                    const std::string& child_id,
                                                    int limit = 0);

// ReportService; `as_of` unset: the server's clock.

absl::StatusOr<v1::MonthlyReportResponse> MonthlyReport(
    const Connection& conn, const std::string& month,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::ExceptionReportResponse> ExceptionReport(
    const Connection& conn, const std::string& quarter,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::ChronologyResponse> Chronology(
    const Connection& conn, const std::string& child_id,
    std::optional<absl::Time> as_of);
absl::StatusOr<v1::Ssda903MissingResponse> Ssda903Missing(
    const Connection& conn, const std::string& year,
    std::optional<absl::Time> as_of);

// AdminService.

absl::StatusOr<v1::AddUserResponse> AddUser(const Connection& conn,
                                            const std::string& name,
                                            v1::Role role);
absl::StatusOr<v1::ListUsersResponse> ListUsers(const Connection& conn);
absl::StatusOr<v1::RevokeUserResponse> RevokeUser(const Connection& conn,
                                                  const std::string& name);
// `since` unset: from the start.
absl::StatusOr<v1::ListAuditResponse> ListAudit(const Connection& conn,
                                                std::optional<absl::Time> since,
                                                const std::string& child_id,
                                                int limit);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_CALLS_H_
