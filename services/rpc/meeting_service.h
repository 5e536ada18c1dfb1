// MeetingService on gRPC: decode, call app::Meetings, encode.
#ifndef MFH_SERVICES_RPC_MEETING_SERVICE_H_
#define MFH_SERVICES_RPC_MEETING_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/meeting.grpc.pb.h"
#include "services/app/meetings.h"

namespace mfh::rpc {

class MeetingServiceImpl final : public v1::MeetingService::Service {
 public:
  explicit MeetingServiceImpl(app::Meetings& meetings) : meetings_(meetings) {}

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
  grpc::Status ListMeetings(grpc::ServerContext* ctx,
                            const v1::ListMeetingsRequest* req,
                            v1::ListMeetingsResponse* resp) override;
  grpc::Status ListActions(grpc::ServerContext* ctx,
                           const v1::ListActionsRequest* req,
                           v1::ListActionsResponse* resp) override;

 private:
  app::Meetings& meetings_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_MEETING_SERVICE_H_
