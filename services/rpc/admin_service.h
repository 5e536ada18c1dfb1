// AdminService on gRPC: decode, call app::Admin, encode.
#ifndef MFH_SERVICES_RPC_ADMIN_SERVICE_H_
#define MFH_SERVICES_RPC_ADMIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/admin.grpc.pb.h"
#include "services/app/admin.h"

namespace mfh::rpc {

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  explicit AdminServiceImpl(app::Admin& admin) : admin_(admin) {}

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
  app::Admin& admin_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_ADMIN_SERVICE_H_
