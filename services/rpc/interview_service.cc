#include "services/rpc/interview_service.h"

#include <vector>

#include "services/rpc/convert.h"
#include "services/rpc/findings_codec.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;
using app::InterviewView;

grpc::Status InterviewServiceImpl::ListInterviews(
    grpc::ServerContext* ctx, const v1::ListInterviewsRequest* req,
    v1::ListInterviewsResponse* resp) {
  Decoder d;
  app::InterviewQuery query;
  for (int i = 0; i < req->statuses_size(); ++i) {
    query.statuses.push_back(
        d.Enum(DecodeRhiStatus, "statuses", req->statuses(i)));
  }
  query.due_before =
      d.Time("due_before", req->has_due_before(), req->due_before());
  query.child_id = req->child_id();
  query.as_of = d.Time("as_of", req->has_as_of(), req->as_of());
  query.page = {.page_size = req->page_size(), .page_token = req->page_token()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return interviews_.ListInterviews(call, query); },
      [&](const app::Paged<InterviewView>& page) {
        for (const InterviewView& v : page.items) {
          *resp->add_interviews() = ToProto(v);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

grpc::Status InterviewServiceImpl::GetInterview(
    grpc::ServerContext* ctx, const v1::GetInterviewRequest* req,
    v1::GetInterviewResponse* resp) {
  Decoder d;
  const app::InterviewRef ref{
      .episode_id = req->episode_id(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return interviews_.GetInterview(call, ref); },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::RecordOffer(
    grpc::ServerContext* ctx, const v1::RecordOfferRequest* req,
    v1::RecordOfferResponse* resp) {
  Decoder d;
  const domain::RhiOffer offer{.episode_id = req->episode_id(),
                               .at = d.Time("at", req->has_at(), req->at()),
                               .by = req->by()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return interviews_.RecordOffer(call, offer); },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::RecordDecline(
    grpc::ServerContext* ctx, const v1::RecordDeclineRequest* req,
    v1::RecordDeclineResponse* resp) {
  Decoder d;
  const domain::RhiDecline decline{.episode_id = req->episode_id(),
                                   .at = d.Time("at", req->has_at(), req->at()),
                                   .reason = req->reason()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.RecordDecline(call, decline);
      },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::RecordCompletion(
    grpc::ServerContext* ctx, const v1::RecordCompletionRequest* req,
    v1::RecordCompletionResponse* resp) {
  Decoder d;
  domain::RhiCompletion completion;
  completion.episode_id = req->episode_id();
  completion.at = d.Time("at", req->has_at(), req->at());
  completion.by = req->by();
  for (int i = 0; i < req->outcome().concerns_size(); ++i) {
    completion.outcome.concerns.push_back(
        d.Enum(DecodeConcern, "outcome.concerns", req->outcome().concerns(i)));
  }
  completion.outcome.referral_made = req->outcome().referral_made();
  completion.outcome.notes = req->outcome().notes();
  completion.also_episode_ids.assign(req->also_episode_ids().begin(),
                                     req->also_episode_ids().end());
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.RecordCompletion(call, completion);
      },
      [&](const std::vector<InterviewView>& views) {
        *resp->mutable_interview() = ToProto(views.front());
        for (size_t i = 1; i < views.size(); ++i) {
          *resp->add_also() = ToProto(views[i]);
        }
      });
}

grpc::Status InterviewServiceImpl::MarkNotHeld(
    grpc::ServerContext* ctx, const v1::MarkNotHeldRequest* req,
    v1::MarkNotHeldResponse* resp) {
  Decoder d;
  const domain::RhiClosing closing{
      .episode_id = req->episode_id(),
      .closure = domain::RhiClosure::kNotHeld,
      .reason = req->reason(),
      .at = d.Time("at", req->has_at(), req->at())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.CloseInterview(call, closing);
      },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::MarkNotRequired(
    grpc::ServerContext* ctx, const v1::MarkNotRequiredRequest* req,
    v1::MarkNotRequiredResponse* resp) {
  Decoder d;
  const domain::RhiClosing closing{
      .episode_id = req->episode_id(),
      .closure = domain::RhiClosure::kNotRequired,
      .reason = req->reason(),
      .at = d.Time("at", req->has_at(), req->at())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.CloseInterview(call, closing);
      },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::RecordFindings(
    grpc::ServerContext* ctx, const v1::RecordFindingsRequest* req,
    v1::RecordFindingsResponse* resp) {
  Decoder d;
  const domain::FindingsRecord record{
      .episode_id = req->episode_id(),
      .findings = DecodeFindings(d, req->findings())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.RecordFindings(call, record);
      },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

grpc::Status InterviewServiceImpl::RecordFollowUp(
    grpc::ServerContext* ctx, const v1::RecordFollowUpRequest* req,
    v1::RecordFollowUpResponse* resp) {
  Decoder d;
  const domain::FollowUpRecord record{
      .episode_id = req->episode_id(),
      .at = d.Time("at", req->has_at(), req->at()),
      .by = req->by(),
      .engaged = req->engaged(),
      .notes = req->notes()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return interviews_.RecordFollowUp(call, record);
      },
      [&](const InterviewView& v) { *resp->mutable_interview() = ToProto(v); });
}

}  // namespace mfh::rpc
