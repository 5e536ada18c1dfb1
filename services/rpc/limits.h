// The sizes of message mfh-server takes and gives, set on purpose rather
// than left to gRPC's defaults: a request is a record or a query (the
// longest free text is 8,000 characters), a response at most a page of
// 1,000 records.
#ifndef MFH_SERVICES_RPC_LIMITS_H_
#define MFH_SERVICES_RPC_LIMITS_H_

#include <grpcpp/server_builder.h>

namespace mfh::rpc {

inline constexpr int kMaxRequestBytes = 1 << 20;    // 1 MiB
inline constexpr int kMaxResponseBytes = 16 << 20;  // 16 MiB

inline void UseHubMessageLimits(grpc::ServerBuilder& builder) {
  builder.SetMaxReceiveMessageSize(kMaxRequestBytes);
  builder.SetMaxSendMessageSize(kMaxResponseBytes);
}

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_LIMITS_H_
