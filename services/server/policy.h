// Reads the hub's policy file (mfh.v1.HubPolicy in protobuf text format).
#ifndef MFH_SERVICES_SERVER_POLICY_H_
#define MFH_SERVICES_SERVER_POLICY_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mfh/v1/policy.pb.h"
#include "services/domain/policy.h"

namespace mfh::server {

// Every field left out takes DESIGN.md's default.
absl::StatusOr<domain::Policy> PolicyFromProto(const v1::HubPolicy& proto);
// `text` (the file at `path`) in protobuf text format.
absl::StatusOr<domain::Policy> PolicyFromText(absl::string_view path,
                                              const std::string& text);
// An empty path gives the defaults.
absl::StatusOr<domain::Policy> LoadPolicy(const std::string& path);

}  // namespace mfh::server

#endif  // MFH_SERVICES_SERVER_POLICY_H_
