#include "services/rpc/status.h"

#include <string>

namespace mfh::rpc {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  // absl::StatusCode and grpc::StatusCode share the canonical numbering.
  static_assert(static_cast<int>(absl::StatusCode::kUnauthenticated) ==
                grpc::StatusCode::UNAUTHENTICATED);
  static_assert(static_cast<int>(absl::StatusCode::kDataLoss) ==
                grpc::StatusCode::DATA_LOSS);
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace mfh::rpc
