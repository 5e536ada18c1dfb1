// EpisodeService on gRPC: decode, call app::Episodes, encode; and the
// WatchBoard stream over the change feed.
#ifndef MFH_SERVICES_RPC_EPISODE_SERVICE_H_
#define MFH_SERVICES_RPC_EPISODE_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/episode.grpc.pb.h"
#include "services/app/change_feed.h"
#include "services/app/episodes.h"
#include "services/app/runner.h"

namespace mfh::rpc {

class EpisodeServiceImpl final : public v1::EpisodeService::Service {
 public:
  EpisodeServiceImpl(app::Episodes& episodes, app::Runner& runner,
                     app::ChangeFeed& feed)
      : episodes_(episodes), runner_(runner), feed_(feed) {}

  grpc::Status ReportMissing(grpc::ServerContext* ctx,
                             const v1::ReportMissingRequest* req,
                             v1::ReportMissingResponse* resp) override;
  grpc::Status LogReturn(grpc::ServerContext* ctx,
                         const v1::LogReturnRequest* req,
                         v1::LogReturnResponse* resp) override;
  grpc::Status CorrectReturn(grpc::ServerContext* ctx,
                             const v1::CorrectReturnRequest* req,
                             v1::CorrectReturnResponse* resp) override;
  grpc::Status UpdateEpisode(grpc::ServerContext* ctx,
                             const v1::UpdateEpisodeRequest* req,
                             v1::UpdateEpisodeResponse* resp) override;
  grpc::Status VoidEpisode(grpc::ServerContext* ctx,
                           const v1::VoidEpisodeRequest* req,
                           v1::VoidEpisodeResponse* resp) override;
  grpc::Status GetEpisode(grpc::ServerContext* ctx,
                          const v1::GetEpisodeRequest* req,
                          v1::GetEpisodeResponse* resp) override;
  grpc::Status ListEpisodes(grpc::ServerContext* ctx,
                            const v1::ListEpisodesRequest* req,
                            v1::ListEpisodesResponse* resp) override;
  grpc::Status LinkEpisodes(grpc::ServerContext* ctx,
                            const v1::LinkEpisodesRequest* req,
                            v1::LinkEpisodesResponse* resp) override;
  // A snapshot, then the change feed until the client leaves, the token is
  // revoked (UNAUTHENTICATED) or the server stops (UNAVAILABLE). Runs on its
  // own thread; writes never wait for it.
  grpc::Status WatchBoard(
      grpc::ServerContext* ctx, const v1::WatchBoardRequest* req,
      grpc::ServerWriter<v1::WatchBoardResponse>* writer) override;

 private:
  app::Episodes& episodes_;
  app::Runner& runner_;
  app::ChangeFeed& feed_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_EPISODE_SERVICE_H_
