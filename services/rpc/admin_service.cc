#include "services/rpc/admin_service.h"

#include <vector>

#include "services/rpc/convert.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;

grpc::Status AdminServiceImpl::AddUser(grpc::ServerContext* ctx,
                                       const v1::AddUserRequest* req,
                                       v1::AddUserResponse* resp) {
  Decoder d;
  const app::UserRequest request{
      .name = req->name(), .role = d.Enum(DecodeRole, "role", req->role())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return admin_.AddUser(call, request); },
      [&](const app::NewUser& created) {
        *resp->mutable_user() = ToProto(created.user);
        resp->set_token(created.token);
      });
}

grpc::Status AdminServiceImpl::ListUsers(grpc::ServerContext* ctx,
                                         const v1::ListUsersRequest*,
                                         v1::ListUsersResponse* resp) {
  Decoder d;
  return Serve(
      ctx, *resp, d, [&](const Call& call) { return admin_.ListUsers(call); },
      [&](const std::vector<domain::User>& users) {
        for (const domain::User& u : users) *resp->add_users() = ToProto(u);
      });
}

grpc::Status AdminServiceImpl::RevokeUser(grpc::ServerContext* ctx,
                                          const v1::RevokeUserRequest* req,
                                          v1::RevokeUserResponse* resp) {
  Decoder d;
  const app::UserRequest request{.name = req->name()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return admin_.RevokeUser(call, request); },
      [&](const domain::User& u) { *resp->mutable_user() = ToProto(u); });
}

grpc::Status AdminServiceImpl::ListAudit(grpc::ServerContext* ctx,
                                         const v1::ListAuditRequest* req,
                                         v1::ListAuditResponse* resp) {
  Decoder d;
  const app::AuditQuery query{
      .since = d.Time("since", req->has_since(), req->since()),
      .rows_of_child = req->child_id(),
      .page = {.page_size = req->page_size(), .page_token = req->page_token()}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return admin_.ListAudit(call, query); },
      [&](const app::Paged<domain::AuditRecord>& page) {
        for (const domain::AuditRecord& r : page.items) {
          *resp->add_entries() = ToProto(r);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

}  // namespace mfh::rpc
