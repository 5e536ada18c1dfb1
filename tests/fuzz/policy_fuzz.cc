// libFuzzer harness: the hub's policy file, as the server reads it at start.
// Whatever the text, the answer is a policy or an error, never a crash; a
// policy accepted has the invariants the rules rely on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "google/protobuf/stubs/logging.h"
#include "services/server/policy.h"

// The text parser logs every error it meets; the answer is what is checked.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<mfh::domain::Policy> policy =
      mfh::server::PolicyFromText("fuzz.textproto", text);
  if (!policy.ok()) return 0;
  if (policy->rhi_deadline <= absl::ZeroDuration() ||
      policy->repeat_window <= absl::ZeroDuration() ||
      policy->due_soon_window <= absl::ZeroDuration() ||
      policy->link_window <= absl::ZeroDuration() || policy->repeat_count < 1) {
    std::abort();
  }
  for (size_t i = 1; i < policy->escalation.size(); ++i) {
    if (policy->escalation[i].after <= policy->escalation[i - 1].after) {
      std::abort();
    }
  }
  return 0;
}
