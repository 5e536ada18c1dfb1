// The gRPC thread model of mfh-server, which the benchmark's echo baseline
// shares so that the two are compared on equal terms.
#ifndef MFH_SERVICES_RPC_THREAD_MODEL_H_
#define MFH_SERVICES_RPC_THREAD_MODEL_H_

#include <grpcpp/server_builder.h>

#include "absl/synchronization/mutex.h"

namespace mfh::rpc {

// The synchronous server API with a standing pool of threads waiting for
// calls: at least kMinPollers, and up to kMaxPollers idle ones before any
// ends. gRPC's defaults (1 and 2) start and end a thread for nearly every
// call once several callers are at work, and hold back calls until a thread
// is free; see tests/bench/README.md for what this changed.
inline constexpr int kMinPollers = 4;
inline constexpr int kMaxPollers = 32;

inline void UseHubThreadModel(grpc::ServerBuilder& builder) {
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, kMinPollers);
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, kMaxPollers);
}

// Debian builds Abseil without NDEBUG, so every absl::Mutex lock, gRPC's and
// ours, updates a process-wide lock-order graph to detect deadlock cycles:
// 3% of the server's time on a read, behind one global lock. The servers turn
// it off before their first thread; the tests keep it.
inline void StopLockOrderTracking() {
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_THREAD_MODEL_H_
