// A connection to mfh-server: the channel (plaintext, or TLS with given
// roots), the bearer token on every call, and a deadline on every call.
#ifndef MFH_CLIENTS_CORE_CONNECTION_H_
#define MFH_CLIENTS_CORE_CONNECTION_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/core/status.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/intelligence.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"

namespace mfh::client {

struct ConnectionOptions {
  std::string server = "127.0.0.1:7443";  // HOST:PORT
  std::string token;                      // required
  bool use_tls = false;
  // PEM roots to trust with TLS; empty: the system's roots.
  std::string pem_root_certs;
  absl::Duration deadline = absl::Seconds(10);
};

class Connection {
 public:
  // UNAUTHENTICATED without a token. Does not dial: gRPC connects on the
  // first call, and a server that is not there fails that call (UNAVAILABLE).
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      ConnectionOptions options);

  const ConnectionOptions& options() const { return options_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // Adds the token; for streams, which carry no deadline.
  void Authorize(grpc::ClientContext& ctx) const;
  // Adds the token and the deadline; for unary calls.
  void Prepare(grpc::ClientContext& ctx) const;

  // Runs one unary call, e.g.
  //   conn.Call([&](grpc::ClientContext* ctx) {
  //     return conn.children().GetChild(ctx, req, &resp); });
  template <typename Fn>
  absl::Status Call(Fn&& fn) const {
    grpc::ClientContext ctx;
    Prepare(ctx);
    return FromGrpcStatus(std::forward<Fn>(fn)(&ctx), options_.server);
  }

  v1::ChildService::Stub& children() const { return *children_; }
  v1::EpisodeService::Stub& episodes() const { return *episodes_; }
  v1::InterviewService::Stub& interviews() const { return *interviews_; }
  v1::IntelligenceService::Stub& intelligence() const { return *intelligence_; }
  v1::MeetingService::Stub& meetings() const { return *meetings_; }
  v1::AdminService::Stub& admin() const { return *admin_; }
  v1::ReportService::Stub& reports() const { return *reports_; }

 private:
  explicit Connection(ConnectionOptions options);

  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  std::unique_ptr<v1::InterviewService::Stub> interviews_;
  std::unique_ptr<v1::IntelligenceService::Stub> intelligence_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_CONNECTION_H_
