// What every gRPC adapter shares: the bearer token out of the call's
// metadata, and the one shape of a unary adapter (decode, call the use case,
// fill the response, map the status code for code).
#ifndef MFH_SERVICES_RPC_SERVE_H_
#define MFH_SERVICES_RPC_SERVE_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <utility>

#include "absl/status/statusor.h"
#include "services/app/runner.h"
#include "services/rpc/codec.h"
#include "services/rpc/status.h"

namespace mfh::rpc {

// The use case's Call: the token of "authorization: Bearer <token>" (empty
// when there is no such header) and the first field `decoder` could not
// decode. UNAUTHENTICATED for an authorization header of another form.
absl::StatusOr<app::Call> CallOf(const grpc::ServerContext& ctx,
                                 const Decoder& decoder);

// Sets `name` and `age` beside every `child_id` in `message` and the
// messages it holds, from `labels`.
void LabelChildren(const app::ChildLabels& labels,
                   google::protobuf::Message& message);

// Runs `invoke(call)` (a use case) and, when it succeeds, `fill(result)`;
// then labels the children of `response` with their names and ages.
template <typename Invoke, typename Fill>
grpc::Status Serve(grpc::ServerContext* ctx,
                   google::protobuf::Message& response, const Decoder& decoder,
                   Invoke&& invoke, Fill&& fill) {
  absl::StatusOr<app::Call> call = CallOf(*ctx, decoder);
  if (!call.ok()) return ToGrpcStatus(call.status());
  app::ChildLabels labels;
  call->labels = &labels;
  auto result = std::forward<Invoke>(invoke)(*call);
  if (!result.ok()) return ToGrpcStatus(result.status());
  std::forward<Fill>(fill)(*result);
  LabelChildren(labels, response);
  return grpc::Status::OK;
}

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_SERVE_H_
