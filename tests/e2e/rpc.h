// What the end-to-end tests need to call the server: a call's context and
// protobuf times written as RFC 3339.
#ifndef MFH_TESTS_E2E_RPC_H_
#define MFH_TESTS_E2E_RPC_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"

namespace mfh::testing {

// A call's context: the bearer `token` unless empty, and a deadline.
inline std::unique_ptr<grpc::ClientContext> BearerContext(
    const std::string& token, absl::Duration deadline = absl::Seconds(10)) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  return ctx;
}

inline google::protobuf::Timestamp Ts(const std::string& rfc3339) {
  google::protobuf::Timestamp ts;
  EXPECT_TRUE(google::protobuf::util::TimeUtil::FromString(rfc3339, &ts))
      << rfc3339;
  return ts;
}

}  // namespace mfh::testing

#endif  // MFH_TESTS_E2E_RPC_H_
