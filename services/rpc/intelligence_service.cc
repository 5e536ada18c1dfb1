#include "services/rpc/intelligence_service.h"

#include "services/rpc/findings_codec.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;

grpc::Status IntelligenceServiceImpl::ListIntelligence(
    grpc::ServerContext* ctx, const v1::ListIntelligenceRequest* req,
    v1::ListIntelligenceResponse* resp) {
  Decoder d;
  const app::IntelligenceQuery query{
      .unacknowledged_only = req->unacknowledged_only(),
      .page = {.page_size = req->page_size(), .page_token = req->page_token()}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return intelligence_.ListIntelligence(call, query);
      },
      [&](const app::Paged<domain::FindingsOf>& page) {
        for (const domain::FindingsOf& f : page.items) {
          *resp->add_intelligence() = ToIntelligence(f);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

grpc::Status IntelligenceServiceImpl::AcknowledgeIntelligence(
    grpc::ServerContext* ctx, const v1::AcknowledgeIntelligenceRequest* req,
    v1::AcknowledgeIntelligenceResponse* resp) {
  Decoder d;
  const app::IntelligenceRef ref{.episode_id = req->episode_id()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return intelligence_.AcknowledgeIntelligence(call, ref);
      },
      [&](const domain::FindingsOf& f) {
        *resp->mutable_intelligence() = ToIntelligence(f);
      });
}

}  // namespace mfh::rpc
