// IntelligenceService on gRPC: decode, call app::Intelligence, encode.
#ifndef MFH_SERVICES_RPC_INTELLIGENCE_SERVICE_H_
#define MFH_SERVICES_RPC_INTELLIGENCE_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/intelligence.grpc.pb.h"
#include "services/app/intelligence.h"

namespace mfh::rpc {

class IntelligenceServiceImpl final : public v1::IntelligenceService::Service {
 public:
  explicit IntelligenceServiceImpl(app::Intelligence& intelligence)
      : intelligence_(intelligence) {}

  grpc::Status ListIntelligence(grpc::ServerContext* ctx,
                                const v1::ListIntelligenceRequest* req,
                                v1::ListIntelligenceResponse* resp) override;
  grpc::Status AcknowledgeIntelligence(
      grpc::ServerContext* ctx, const v1::AcknowledgeIntelligenceRequest* req,
      v1::AcknowledgeIntelligenceResponse* resp) override;

 private:
  app::Intelligence& intelligence_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_INTELLIGENCE_SERVICE_H_
