#include "services/rpc/child_service.h"

#include <vector>

#include "services/rpc/convert.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;

grpc::Status ChildServiceImpl::CreateChild(grpc::ServerContext* ctx,
                                           const v1::CreateChildRequest* req,
                                           v1::CreateChildResponse* resp) {
  Decoder d;
  const domain::NewChild in{.name = req->name(),
                            .date_of_birth = req->date_of_birth(),
                            .la_ref = req->la_ref(),
                            .looked_after = req->looked_after(),
                            .placing_authority = req->placing_authority()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.CreateChild(call, in); },
      [&](const domain::Child& c) { *resp->mutable_child() = ToProto(c); });
}

grpc::Status ChildServiceImpl::GetChild(grpc::ServerContext* ctx,
                                        const v1::GetChildRequest* req,
                                        v1::GetChildResponse* resp) {
  Decoder d;
  const app::ChildRef ref{.child_id = req->child_id()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.GetChild(call, ref); },
      [&](const domain::Child& c) { *resp->mutable_child() = ToProto(c); });
}

grpc::Status ChildServiceImpl::ListChildren(grpc::ServerContext* ctx,
                                            const v1::ListChildrenRequest* req,
                                            v1::ListChildrenResponse* resp) {
  Decoder d;
  const app::ChildQuery query{
      .flag = req->flag(),
      .name = req->name(),
      .la_ref = req->la_ref(),
      .page = {.page_size = req->page_size(), .page_token = req->page_token()}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.ListChildren(call, query); },
      [&](const app::Paged<domain::Child>& page) {
        for (const domain::Child& c : page.items) {
          *resp->add_children() = ToProto(c);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

grpc::Status ChildServiceImpl::SetFlag(grpc::ServerContext* ctx,
                                       const v1::SetFlagRequest* req,
                                       v1::SetFlagResponse* resp) {
  Decoder d;
  const domain::FlagChange change{.child_id = req->child_id(),
                                  .flag = req->flag(),
                                  .at = d.Time("at", req->has_at(), req->at()),
                                  .set = true};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.ChangeFlag(call, change); },
      [&](const domain::Child& c) { *resp->mutable_child() = ToProto(c); });
}

grpc::Status ChildServiceImpl::ClearFlag(grpc::ServerContext* ctx,
                                         const v1::ClearFlagRequest* req,
                                         v1::ClearFlagResponse* resp) {
  Decoder d;
  const domain::FlagChange change{.child_id = req->child_id(),
                                  .flag = req->flag(),
                                  .at = d.Time("at", req->has_at(), req->at()),
                                  .set = false};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.ChangeFlag(call, change); },
      [&](const domain::Child& c) { *resp->mutable_child() = ToProto(c); });
}

}  // namespace mfh::rpc
