#include "services/rpc/episode_service.h"

#include <memory>
#include <string>
#include <vector>

#include "services/app/board_watch.h"
#include "services/rpc/convert.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;

namespace {

template <typename Response>
void FillReturn(const app::ReturnResult& result, Response& resp) {
  *resp.mutable_episode() = ToProto(result.episode);
  if (result.interview.has_value()) {
    *resp.mutable_interview() = ToProto(*result.interview);
  }
  if constexpr (requires { resp.already_recorded(); }) {
    resp.set_already_recorded(result.already_recorded);
  }
}

}  // namespace

grpc::Status EpisodeServiceImpl::ReportMissing(
    grpc::ServerContext* ctx, const v1::ReportMissingRequest* req,
    v1::ReportMissingResponse* resp) {
  Decoder d;
  domain::MissingReport report;
  report.child_id = req->child_id();
  report.police_force = req->police_force();
  report.police_ref = req->police_ref();
  if (req->category() != v1::CATEGORY_UNSPECIFIED) {
    report.category = d.Enum(DecodeCategory, "category", req->category());
  }
  report.missing_since =
      d.Time("missing_since", req->has_missing_since(), req->missing_since());
  report.notified_at =
      d.Time("notified_at", req->has_notified_at(), req->notified_at());
  report.risk = d.Enum(DecodeRisk, "risk", req->risk());
  report.reporter = req->reporter();
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.ReportMissing(call, report); },
      [&](const app::MissingResult& result) {
        *resp->mutable_episode() = ToProto(result.episode);
        resp->set_already_recorded(result.already_recorded);
      });
}

grpc::Status EpisodeServiceImpl::LogReturn(grpc::ServerContext* ctx,
                                           const v1::LogReturnRequest* req,
                                           v1::LogReturnResponse* resp) {
  Decoder d;
  domain::ReturnReport report;
  report.police_force = req->police_force();
  report.police_ref = req->police_ref();
  report.episode_id = req->episode_id();
  report.returned_at =
      d.Time("returned_at", req->has_returned_at(), req->returned_at());
  report.return_notified_at =
      d.Time("return_notified_at", req->has_return_notified_at(),
             req->return_notified_at());
  report.found_location = req->found_location();
  report.found_with = req->found_with();
  report.returned_to =
      d.Enum(DecodeReturnedTo, "returned_to", req->returned_to());
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.LogReturn(call, report); },
      [&](const app::ReturnResult& result) { FillReturn(result, *resp); });
}

grpc::Status EpisodeServiceImpl::CorrectReturn(
    grpc::ServerContext* ctx, const v1::CorrectReturnRequest* req,
    v1::CorrectReturnResponse* resp) {
  Decoder d;
  domain::ReturnCorrection correction;
  correction.episode_id = req->episode_id();
  correction.police_force = req->police_force();
  correction.police_ref = req->police_ref();
  correction.reason = req->reason();
  correction.returned_at =
      d.Time("returned_at", req->has_returned_at(), req->returned_at());
  correction.return_notified_at =
      d.Time("return_notified_at", req->has_return_notified_at(),
             req->return_notified_at());
  if (req->has_found_location()) {
    correction.found_location = req->found_location();
  }
  if (req->has_found_with()) correction.found_with = req->found_with();
  correction.returned_to =
      d.Enum(DecodeReturnedTo, "returned_to", req->returned_to());
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return episodes_.CorrectReturn(call, correction);
      },
      [&](const app::ReturnResult& result) { FillReturn(result, *resp); });
}

grpc::Status EpisodeServiceImpl::UpdateEpisode(
    grpc::ServerContext* ctx, const v1::UpdateEpisodeRequest* req,
    v1::UpdateEpisodeResponse* resp) {
  Decoder d;
  domain::EpisodeUpdate update;
  update.episode_id = req->episode_id();
  update.reason = req->reason();
  update.risk = d.Enum(DecodeRisk, "risk", req->risk());
  update.risk_from =
      d.Time("risk_from", req->has_risk_from(), req->risk_from());
  update.missing_since =
      d.Time("missing_since", req->has_missing_since(), req->missing_since());
  update.category = d.Enum(DecodeCategory, "category", req->category());
  update.notified_at =
      d.Time("notified_at", req->has_notified_at(), req->notified_at());
  update.child_id = req->child_id();
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.UpdateEpisode(call, update); },
      [&](const app::EpisodeChange& change) {
        *resp->mutable_episode() = ToProto(change.episode);
      });
}

grpc::Status EpisodeServiceImpl::VoidEpisode(grpc::ServerContext* ctx,
                                             const v1::VoidEpisodeRequest* req,
                                             v1::VoidEpisodeResponse* resp) {
  Decoder d;
  const domain::EpisodeVoid v{.episode_id = req->episode_id(),
                              .reason = req->reason()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.VoidEpisode(call, v); },
      [&](const app::EpisodeChange& change) {
        *resp->mutable_episode() = ToProto(change.episode);
      });
}

grpc::Status EpisodeServiceImpl::GetEpisode(grpc::ServerContext* ctx,
                                            const v1::GetEpisodeRequest* req,
                                            v1::GetEpisodeResponse* resp) {
  Decoder d;
  const app::EpisodeRef ref{.episode_id = req->episode_id()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.GetEpisode(call, ref); },
      [&](const domain::Episode& e) { *resp->mutable_episode() = ToProto(e); });
}

grpc::Status EpisodeServiceImpl::ListEpisodes(
    grpc::ServerContext* ctx, const v1::ListEpisodesRequest* req,
    v1::ListEpisodesResponse* resp) {
  Decoder d;
  const app::EpisodeQuery query{
      .child_id = req->child_id(),
      .open_only = req->open_only(),
      .page = {.page_size = req->page_size(), .page_token = req->page_token()}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.ListEpisodes(call, query); },
      [&](const app::Paged<domain::Episode>& page) {
        for (const domain::Episode& e : page.items) {
          *resp->add_episodes() = ToProto(e);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

grpc::Status EpisodeServiceImpl::LinkEpisodes(
    grpc::ServerContext* ctx, const v1::LinkEpisodesRequest* req,
    v1::LinkEpisodesResponse* resp) {
  Decoder d;
  const domain::NewLink link{
      .episode_ids = std::vector<std::string>(req->episode_ids().begin(),
                                              req->episode_ids().end()),
      .reason = req->reason()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return episodes_.LinkEpisodes(call, link); },
      [&](const app::LinkResult& result) {
        *resp->mutable_link() = ToProto(result.link);
      });
}

grpc::Status EpisodeServiceImpl::WatchBoard(
    grpc::ServerContext* ctx, const v1::WatchBoardRequest* req,
    grpc::ServerWriter<v1::WatchBoardResponse>* writer) {
  // How often a quiet stream checks whether its client has gone.
  constexpr absl::Duration kPoll = absl::Milliseconds(250);
  Decoder d;
  app::BoardQuery query{.as_of =
                            d.Time("as_of", req->has_as_of(), req->as_of())};
  absl::StatusOr<Call> call = CallOf(*ctx, d);
  if (!call.ok()) return ToGrpcStatus(call.status());
  // Each snapshot's read labels the children it names.
  app::ChildLabels labels;
  call->labels = &labels;
  absl::StatusOr<std::unique_ptr<app::BoardWatch>> watch =
      app::BoardWatch::Open(runner_, episodes_, feed_, *std::move(call),
                            std::move(query));
  if (!watch.ok()) return ToGrpcStatus(watch.status());
  while (!ctx->IsCancelled()) {
    absl::StatusOr<app::BoardWatch::Send> next = (*watch)->Next(kPoll);
    if (!next.ok()) return ToGrpcStatus(next.status());
    if (next->snapshot.has_value()) {
      v1::WatchBoardResponse snapshot;
      snapshot.set_is_snapshot(true);
      for (const domain::AgendaEntry& e : *next->snapshot) {
        *snapshot.add_snapshot() = ToProto(e);
      }
      LabelChildren(labels, snapshot);
      if (!writer->Write(snapshot)) return grpc::Status::OK;
    }
    for (const app::ChangeEvent& event : next->events) {
      v1::WatchBoardResponse message;
      message.set_sequence(event.sequence);
      message.set_event(event.rpc);
      message.set_child_id(event.child_id);
      message.set_episode_id(event.episode_id);
      message.set_kind(ToProto(event.kind));
      if (!writer->Write(message)) return grpc::Status::OK;
    }
  }
  return grpc::Status::OK;
}

}  // namespace mfh::rpc
