#include "services/rpc/serve.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace mfh::rpc {

absl::StatusOr<app::Call> CallOf(const grpc::ServerContext& ctx,
                                 const Decoder& decoder) {
  app::Call call{
      .token = "", .peer = ctx.peer(), .undecodable = decoder.status()};
  const auto& metadata = ctx.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return call;
  absl::string_view value(it->second.data(), it->second.size());
  constexpr absl::string_view kBearer = "Bearer ";
  if (!absl::StartsWith(value, kBearer)) {
    return absl::UnauthenticatedError(
        "authorization: must be \"Bearer <token>\"");
  }
  value.remove_prefix(kBearer.size());
  call.token = std::string(value);
  return call;
}

}  // namespace mfh::rpc
