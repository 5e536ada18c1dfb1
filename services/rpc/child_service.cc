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
  const v1::Profile& p = req->profile();
  const domain::NewChild in{
      .name = req->name(),
      .date_of_birth = req->date_of_birth(),
      .la_ref = req->la_ref(),
      .looked_after = req->looked_after(),
      .placing_authority = req->placing_authority(),
      .profile = {.sex = p.sex(),
                  .ethnicity = p.ethnicity(),
                  .social_worker = p.social_worker(),
                  .team = p.team(),
                  .placement = p.placement(),
                  .school = p.school(),
                  .contacts = {p.contacts().begin(), p.contacts().end()}}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.CreateChild(call, in); },
      [&](const domain::Child& c) { *resp->mutable_child() = ToProto(c); });
}

grpc::Status ChildServiceImpl::UpdateChild(grpc::ServerContext* ctx,
                                           const v1::UpdateChildRequest* req,
                                           v1::UpdateChildResponse* resp) {
  Decoder d;
  domain::ChildUpdate u{.child_id = req->child_id()};
  auto text = [](bool has, const std::string& value) {
    return has ? std::optional<std::string>(value) : std::nullopt;
  };
  u.name = text(req->has_name(), req->name());
  u.date_of_birth = text(req->has_date_of_birth(), req->date_of_birth());
  u.la_ref = text(req->has_la_ref(), req->la_ref());
  if (req->has_looked_after()) u.looked_after = req->looked_after();
  u.placing_authority =
      text(req->has_placing_authority(), req->placing_authority());
  u.sex = text(req->has_sex(), req->sex());
  u.ethnicity = text(req->has_ethnicity(), req->ethnicity());
  u.social_worker = text(req->has_social_worker(), req->social_worker());
  u.team = text(req->has_team(), req->team());
  u.placement = text(req->has_placement(), req->placement());
  u.school = text(req->has_school(), req->school());
  if (req->set_contacts()) {
    u.contacts.emplace(req->contacts().begin(), req->contacts().end());
  }
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return children_.UpdateChild(call, u); },
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
