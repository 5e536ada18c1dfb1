// absl::Status to grpc::Status, code for code: an error is never collapsed
// into INTERNAL.
#ifndef MFH_SERVICES_RPC_STATUS_H_
#define MFH_SERVICES_RPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace mfh::rpc {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_STATUS_H_
