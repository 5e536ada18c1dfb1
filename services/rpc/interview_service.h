// InterviewService on gRPC: decode, call app::Interviews, encode.
#ifndef MFH_SERVICES_RPC_INTERVIEW_SERVICE_H_
#define MFH_SERVICES_RPC_INTERVIEW_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/interview.grpc.pb.h"
#include "services/app/interviews.h"

namespace mfh::rpc {

class InterviewServiceImpl final : public v1::InterviewService::Service {
 public:
  explicit InterviewServiceImpl(app::Interviews& interviews)
      : interviews_(interviews) {}

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
  grpc::Status RecordFindings(grpc::ServerContext* ctx,
                              const v1::RecordFindingsRequest* req,
                              v1::RecordFindingsResponse* resp) override;
  grpc::Status RecordFollowUp(grpc::ServerContext* ctx,
                              const v1::RecordFollowUpRequest* req,
                              v1::RecordFollowUpResponse* resp) override;

 private:
  app::Interviews& interviews_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_INTERVIEW_SERVICE_H_
