#include "clients/cli/child_ref.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/core/calls.h"
#include "services/domain/child_rules.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

bool LooksLikeId(absl::string_view ref) {
  if (ref.size() < 2 || absl::ascii_toupper(ref[0]) != 'C') return false;
  for (char c : ref.substr(1)) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// One child: unique, or INVALID_ARGUMENT listing who it could be.
absl::StatusOr<std::string> OneOf(absl::string_view field,
                                  const std::string& ref, absl::string_view by,
                                  const std::vector<const v1::Child*>& found) {
  if (found.size() == 1) return found.front()->child_id();
  std::vector<std::string> who;
  for (const v1::Child* c : found) {
    who.push_back(absl::StrCat(c->name(), ", born ", c->date_of_birth(), " (",
                               c->child_id(), ")"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": \"", ref, "\" is the ", by, " of ", found.size(),
                   " children: ", absl::StrJoin(who, "; "), "; give the id"));
}

}  // namespace

absl::StatusOr<std::string> ResolveChild(Session& s, absl::string_view field,
                                         const std::string& ref) {
  const std::string trimmed(absl::StripAsciiWhitespace(ref));
  if (trimmed.empty()) return trimmed;
  if (LooksLikeId(trimmed)) return absl::AsciiStrToUpper(trimmed);
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListChildrenResponse by_ref,
                   client::ListChildren(*conn, {.la_ref = trimmed}));
  std::vector<const v1::Child*> found;
  for (const v1::Child& c : by_ref.children()) found.push_back(&c);
  if (!found.empty()) return OneOf(field, trimmed, "la_ref", found);
  ASSIGN_OR_RETURN(v1::ListChildrenResponse by_name,
                   client::ListChildren(*conn, {.name = trimmed}));
  const std::string wanted = domain::SearchableName(trimmed);
  for (const v1::Child& c : by_name.children()) {
    if (domain::SearchableName(c.name()) == wanted) found.push_back(&c);
  }
  if (!found.empty()) return OneOf(field, trimmed, "name", found);
  return absl::NotFoundError(
      absl::StrCat(field, ": no child has the id, la_ref or name \"", trimmed,
                   "\"; search with mfh child list --name TEXT"));
}

}  // namespace mfh::cli
