// The gRPC adapters: each method authenticates the bearer token, converts the
// request, calls the Hub, converts the answer. No rule lives here.
#ifndef MFH_SERVICES_RPC_HUB_SERVICES_H_
#define MFH_SERVICES_RPC_HUB_SERVICES_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"
#include "services/app/hub.h"

namespace mfh::rpc {

class ChildServiceImpl final : public v1::ChildService::Service {
 public:
  explicit ChildServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status CreateChild(grpc::ServerContext* ctx,
                           const v1::CreateChildRequest* req,
                           v1::CreateChildResponse* resp) override;
  grpc::Status GetChild(grpc::ServerContext* ctx,
                        const v1::GetChildRequest* req,
                        v1::GetChildResponse* resp) override;
  grpc::Status ListChildren(grpc::ServerContext* ctx,
                            const v1::ListChildrenRequest* req,
                            v1::ListChildrenResponse* resp) override;
  grpc::Status SetFlag(grpc::ServerContext* ctx, const v1::SetFlagRequest* req,
                       v1::SetFlagResponse* resp) override;
  grpc::Status ClearFlag(grpc::ServerContext* ctx,
                         const v1::ClearFlagRequest* req,
                         v1::ClearFlagResponse* resp) override;

 private:
  app::Hub& hub_;
};

class EpisodeServiceImpl final : public v1::EpisodeService::Service {
 public:
  explicit EpisodeServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status ReportMissing(grpc::ServerContext* ctx,
                             const v1::ReportMissingRequest* req,
                             v1::ReportMissingResponse* resp) override;
  grpc::Status LogReturn(grpc::ServerContext* ctx,
                         const v1::LogReturnRequest* req,
                         v1::LogReturnResponse* resp) override;
  grpc::Status CorrectReturn(grpc::ServerContext* ctx,
                             const v1::CorrectReturnRequest* req,
                             v1::CorrectReturnResponse* resp) override;
  grpc::Status UpdateEpisode(grpc::ServerContext* ctx,
                             const v1::UpdateEpisodeRequest* req,
                             v1::UpdateEpisodeResponse* resp) override;
  grpc::Status GetEpisode(grpc::ServerContext* ctx,
                          const v1::GetEpisodeRequest* req,
                          v1::GetEpisodeResponse* resp) override;
  grpc::Status ListEpisodes(grpc::ServerContext* ctx,
                            const v1::ListEpisodesRequest* req,
                            v1::ListEpisodesResponse* resp) override;
  grpc::Status LinkEpisodes(grpc::ServerContext* ctx,
                            const v1::LinkEpisodesRequest* req,
                            v1::LinkEpisodesResponse* resp) override;
  // A snapshot, then the change feed until the client leaves or the server
  // stops. Runs on its own thread; writes never wait for it.
  grpc::Status WatchBoard(
      grpc::ServerContext* ctx, const v1::WatchBoardRequest* req,
      grpc::ServerWriter<v1::WatchBoardResponse>* writer) override;

 private:
  app::Hub& hub_;
};

class InterviewServiceImpl final : public v1::InterviewService::Service {
 public:
  explicit InterviewServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status ListInterviews(grpc::ServerContext* ctx,
                              const v1::ListInterviewsRequest* req,
                              v1::ListInterviewsResponse* resp) override;
  grpc::Status GetInterview(grpc::ServerContext* ctx,
                            const v1::GetInterviewRequest* req,
                            v1::GetInterviewResponse* resp) override;
  grpc::Status RecordOffer(grpc::ServerContext* ctx,
                           const v1::RecordOfferRequest* req,
                           v1::RecordOfferResponse* resp) override;
  grpc::Status RecordDecline(grpc::ServerContext* ctx,
                             const v1::RecordDeclineRequest* req,
                             v1::RecordDeclineResponse* resp) override;
  grpc::Status RecordCompletion(grpc::ServerContext* ctx,
                                const v1::RecordCompletionRequest* req,
                                v1::RecordCompletionResponse* resp) override;
  grpc::Status MarkNotHeld(grpc::ServerContext* ctx,
                           const v1::MarkNotHeldRequest* req,
                           v1::MarkNotHeldResponse* resp) override;
  grpc::Status MarkNotRequired(grpc::ServerContext* ctx,
                               const v1::MarkNotRequiredRequest* req,
                               v1::MarkNotRequiredResponse* resp) override;

 private:
  app::Hub& hub_;
};

class MeetingServiceImpl final : public v1::MeetingService::Service {
 public:
  explicit MeetingServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status GetAgenda(grpc::ServerContext* ctx,
                         const v1::GetAgendaRequest* req,
                         v1::GetAgendaResponse* resp) override;
  grpc::Status OpenMeeting(grpc::ServerContext* ctx,
                           const v1::OpenMeetingRequest* req,
                           v1::OpenMeetingResponse* resp) override;
  grpc::Status AddNote(grpc::ServerContext* ctx, const v1::AddNoteRequest* req,
                       v1::AddNoteResponse* resp) override;
  grpc::Status AddAction(grpc::ServerContext* ctx,
                         const v1::AddActionRequest* req,
                         v1::AddActionResponse* resp) override;
  grpc::Status UpdateAction(grpc::ServerContext* ctx,
                            const v1::UpdateActionRequest* req,
                            v1::UpdateActionResponse* resp) override;
  grpc::Status CloseMeeting(grpc::ServerContext* ctx,
                            const v1::CloseMeetingRequest* req,
                            v1::CloseMeetingResponse* resp) override;
  grpc::Status GetMeeting(grpc::ServerContext* ctx,
                          const v1::GetMeetingRequest* req,
                          v1::GetMeetingResponse* resp) override;
  grpc::Status ListActions(grpc::ServerContext* ctx,
                           const v1::ListActionsRequest* req,
                           v1::ListActionsResponse* resp) override;

 private:
  app::Hub& hub_;
};

class ReportServiceImpl final : public v1::ReportService::Service {
 public:
  explicit ReportServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status MonthlyReport(grpc::ServerContext* ctx,
                             const v1::MonthlyReportRequest* req,
                             v1::MonthlyReportResponse* resp) override;
  grpc::Status ExceptionReport(grpc::ServerContext* ctx,
                               const v1::ExceptionReportRequest* req,
                               v1::ExceptionReportResponse* resp) override;
  grpc::Status Chronology(grpc::ServerContext* ctx,
                          const v1::ChronologyRequest* req,
                          v1::ChronologyResponse* resp) override;
  grpc::Status Ssda903Missing(grpc::ServerContext* ctx,
                              const v1::Ssda903MissingRequest* req,
                              v1::Ssda903MissingResponse* resp) override;

 private:
  app::Hub& hub_;
};

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  explicit AdminServiceImpl(app::Hub& hub) : hub_(hub) {}

  grpc::Status AddUser(grpc::ServerContext* ctx, const v1::AddUserRequest* req,
                       v1::AddUserResponse* resp) override;
  grpc::Status ListUsers(grpc::ServerContext* ctx,
                         const v1::ListUsersRequest* req,
                         v1::ListUsersResponse* resp) override;
  grpc::Status RevokeUser(grpc::ServerContext* ctx,
                          const v1::RevokeUserRequest* req,
                          v1::RevokeUserResponse* resp) override;
  grpc::Status ListAudit(grpc::ServerContext* ctx,
                         const v1::ListAuditRequest* req,
                         v1::ListAuditResponse* resp) override;

 private:
  app::Hub& hub_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_HUB_SERVICES_H_
