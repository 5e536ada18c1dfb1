// CHILD arguments as people give them (DESIGN.md section 11): an id, an
// la_ref, or a name, ignoring case and spaces.
#ifndef MFH_CLIENTS_CLI_CHILD_REF_H_
#define MFH_CLIENTS_CLI_CHILD_REF_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/session.h"

namespace mfh::cli {

// The help of every CHILD argument and --child flag.
inline constexpr char kChildHelp[] =
    "The child: id (C12), la_ref, or full name (any case); a name two "
    "children share needs the id";

// The id of the child `ref` names, for the flag or argument `field`: an id as
// given (C12, any case), else the one child whose la_ref is `ref`, else the
// one whose name is `ref`. NOT_FOUND when none; INVALID_ARGUMENT listing each
// child (name, date of birth, id) when a name or la_ref fits more than one.
// Empty for an empty `ref` (a filter not given), without a call.
absl::StatusOr<std::string> ResolveChild(Session& s, absl::string_view field,
                                         const std::string& ref);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_CHILD_REF_H_
