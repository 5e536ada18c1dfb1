#include "clients/core/connection.h"

#include <chrono>

namespace mfh::client {
namespace {

std::shared_ptr<grpc::ChannelCredentials> Credentials(
    const ConnectionOptions& options) {
  if (!options.use_tls) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = options.pem_root_certs;
  return grpc::SslCredentials(ssl);
}

// The message sizes mfh-server takes and gives (services/rpc/limits.h): a
// page of 1,000 records in, a request out.
constexpr int kMaxResponseBytes = 16 << 20;
constexpr int kMaxRequestBytes = 1 << 20;

std::shared_ptr<grpc::Channel> Dial(const ConnectionOptions& options) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxResponseBytes);
  args.SetMaxSendMessageSize(kMaxRequestBytes);
  return grpc::CreateCustomChannel(options.server, Credentials(options), args);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(
    ConnectionOptions options) {
  if (options.token.empty()) {
    return absl::UnauthenticatedError("token: required");
  }
  if (options.server.empty()) {
    return absl::InvalidArgumentError("server: required (HOST:PORT)");
  }
  return std::unique_ptr<Connection>(new Connection(std::move(options)));
}

Connection::Connection(ConnectionOptions options)
    : options_(std::move(options)),
      channel_(Dial(options_)),
      children_(v1::ChildService::NewStub(channel_)),
      episodes_(v1::EpisodeService::NewStub(channel_)),
      interviews_(v1::InterviewService::NewStub(channel_)),
      intelligence_(v1::IntelligenceService::NewStub(channel_)),
      meetings_(v1::MeetingService::NewStub(channel_)),
      admin_(v1::AdminService::NewStub(channel_)),
      reports_(v1::ReportService::NewStub(channel_)) {}

void Connection::Authorize(grpc::ClientContext& ctx) const {
  ctx.AddMetadata("authorization", "Bearer " + options_.token);
}

void Connection::Prepare(grpc::ClientContext& ctx) const {
  Authorize(ctx);
  ctx.set_deadline(std::chrono::system_clock::now() +
                   absl::ToChronoMilliseconds(options_.deadline));
}

}  // namespace mfh::client
