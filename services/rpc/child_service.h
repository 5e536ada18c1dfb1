// ChildService on gRPC: decode, call app::Children, encode.
#ifndef MFH_SERVICES_RPC_CHILD_SERVICE_H_
#define MFH_SERVICES_RPC_CHILD_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/child.grpc.pb.h"
#include "services/app/children.h"

namespace mfh::rpc {

class ChildServiceImpl final : public v1::ChildService::Service {
 public:
  explicit ChildServiceImpl(app::Children& children) : children_(children) {}

  grpc::Status CreateChild(grpc::ServerContext* ctx,
                           const v1::CreateChildRequest* req,
                           v1::CreateChildResponse* resp) override;
  grpc::Status UpdateChild(grpc::ServerContext* ctx,
                           const v1::UpdateChildRequest* req,
                           v1::UpdateChildResponse* resp) override;
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
  app::Children& children_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_CHILD_SERVICE_H_
