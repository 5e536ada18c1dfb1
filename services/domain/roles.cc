#include "services/domain/roles.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace mfh::domain {

absl::Status ValidateNewUser(absl::string_view name, Role role) {
  const bool name_ok =
      !name.empty() && name.size() <= 64 &&
      std::all_of(name.begin(), name.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' ||
               c == '_' || c == '-';
      });
  if (!name_ok) {
    return absl::InvalidArgumentError(
        "name: required, at most 64 letters, digits, '.', '_' or '-'");
  }
  if (role == Role::kUnspecified) {
    return absl::InvalidArgumentError(
        "role: must be coordinator, police, rhi_worker, manager or admin");
  }
  return absl::OkStatus();
}

bool HasRight(Role role, Right right) {
  switch (right) {
    case Right::kRead:
    case Right::kReadRhi:
      return role == Role::kCoordinator || role == Role::kPolice ||
             role == Role::kRhiWorker || role == Role::kManager;
    case Right::kWriteEpisodes:
      return role == Role::kCoordinator || role == Role::kPolice;
    case Right::kReadRhiOutcome:
      return role == Role::kCoordinator || role == Role::kRhiWorker ||
             role == Role::kManager;
    case Right::kIntelligence:
      return role == Role::kCoordinator || role == Role::kPolice ||
             role == Role::kManager;
    case Right::kWriteRhi:
      return role == Role::kCoordinator || role == Role::kRhiWorker;
    case Right::kManageChildren:
    case Right::kRunMeetings:
    case Right::kVoidAnyEpisode:
      return role == Role::kCoordinator;
    case Right::kUpdateAnyAction:
    case Right::kReports:
      return role == Role::kCoordinator || role == Role::kManager;
    case Right::kUpdateOwnAction:
      return role == Role::kCoordinator || role == Role::kManager ||
             role == Role::kPolice || role == Role::kRhiWorker;
    case Right::kAdmin:
      return role == Role::kAdmin;
  }
  return false;
}

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kCoordinator:
      return "coordinator";
    case Role::kPolice:
      return "police";
    case Role::kRhiWorker:
      return "rhi_worker";
    case Role::kManager:
      return "manager";
    case Role::kAdmin:
      return "admin";
    case Role::kUnspecified:
      break;
  }
  return "unspecified";
}

Role ParseRole(absl::string_view name) {
  for (Role role : {Role::kCoordinator, Role::kPolice, Role::kRhiWorker,
                    Role::kManager, Role::kAdmin}) {
    if (RoleName(role) == name) return role;
  }
  return Role::kUnspecified;
}

}  // namespace mfh::domain
