// Call outcomes as the command line reports them: absl::Status from a gRPC
// call, and the exit code of each canonical code (DESIGN.md section 7).
#ifndef MFH_CLIENTS_CORE_STATUS_H_
#define MFH_CLIENTS_CORE_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace mfh::client {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitNotFound = 3;
inline constexpr int kExitDenied = 4;
inline constexpr int kExitInvalid = 5;
inline constexpr int kExitConflict = 6;
inline constexpr int kExitUnavailable = 7;

// 0 ok, 3 NOT_FOUND, 4 UNAUTHENTICATED or PERMISSION_DENIED, 5
// INVALID_ARGUMENT, 6 ALREADY_EXISTS or FAILED_PRECONDITION, 7 UNAVAILABLE or
// DEADLINE_EXCEEDED, 1 for any other code.
int ExitCodeFor(absl::StatusCode code);

// The payload that marks a status as the server's own refusal (its message
// names API fields and UTC instants), not one the client made.
inline constexpr absl::string_view kServerRefusal = "mfh.server_refusal";

// The status of a call to `server`, with the server's message as it is
// (it names the field and the rule), marked with kServerRefusal. A server that
// cannot be reached or does not answer gets a message saying so, naming the
// address.
absl::Status FromGrpcStatus(const grpc::Status& status,
                            absl::string_view server);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_STATUS_H_
