// The database codes of the domain's enums: the integers their columns hold.
// Each mapping is written here, an exhaustive switch each way, so that the
// file never depends on how the domain numbers its enums. A code read back
// that names no value is an error naming the table and column.
#ifndef MFH_SERVICES_STORAGE_SQLITE_CODES_H_
#define MFH_SERVICES_STORAGE_SQLITE_CODES_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/domain/types.h"

namespace mfh::storage {

// episodes.risk, risk_grades.risk.
constexpr int64_t CodeOf(domain::Risk risk) {
  switch (risk) {
    case domain::Risk::kUnspecified:
      return 0;
    case domain::Risk::kNoApparentRisk:
      return 1;
    case domain::Risk::kLow:
      return 2;
    case domain::Risk::kMedium:
      return 3;
    case domain::Risk::kHigh:
      return 4;
  }
  return -1;
}

// episodes.category.
constexpr int64_t CodeOf(domain::Category category) {
  switch (category) {
    case domain::Category::kUnspecified:
      return 0;
    case domain::Category::kMissing:
      return 1;
    case domain::Category::kAbsent:
      return 2;
  }
  return -1;
}

// episodes.returned_to.
constexpr int64_t CodeOf(domain::ReturnedTo returned_to) {
  switch (returned_to) {
    case domain::ReturnedTo::kUnspecified:
      return 0;
    case domain::ReturnedTo::kHome:
      return 1;
    case domain::ReturnedTo::kPlacement:
      return 2;
    case domain::ReturnedTo::kHospital:
      return 3;
    case domain::ReturnedTo::kCustody:
      return 4;
    case domain::ReturnedTo::kOther:
      return 5;
  }
  return -1;
}

// Each element of the list in rhis.concerns.
constexpr int64_t CodeOf(domain::Concern concern) {
  switch (concern) {
    case domain::Concern::kUnspecified:
      return 0;
    case domain::Concern::kNone:
      return 1;
    case domain::Concern::kCse:
      return 2;
    case domain::Concern::kCce:
      return 3;
  }
  return -1;
}

// rhis.closure.
constexpr int64_t CodeOf(domain::RhiClosure closure) {
  switch (closure) {
    case domain::RhiClosure::kNone:
      return 0;
    case domain::RhiClosure::kNotHeld:
      return 1;
    case domain::RhiClosure::kNotRequired:
      return 2;
  }
  return -1;
}

// meetings.state.
constexpr int64_t CodeOf(domain::MeetingState state) {
  switch (state) {
    case domain::MeetingState::kUnspecified:
      return 0;
    case domain::MeetingState::kOpen:
      return 1;
    case domain::MeetingState::kClosed:
      return 2;
  }
  return -1;
}

// actions.status; the partial index actions_open is on code 1 (kOpen).
constexpr int64_t CodeOf(domain::ActionStatus status) {
  switch (status) {
    case domain::ActionStatus::kUnspecified:
      return 0;
    case domain::ActionStatus::kOpen:
      return 1;
    case domain::ActionStatus::kDone:
      return 2;
    case domain::ActionStatus::kDropped:
      return 3;
  }
  return -1;
}

// users.role, audit.role.
constexpr int64_t CodeOf(domain::Role role) {
  switch (role) {
    case domain::Role::kUnspecified:
      return 0;
    case domain::Role::kCoordinator:
      return 1;
    case domain::Role::kPolice:
      return 2;
    case domain::Role::kRhiWorker:
      return 3;
    case domain::Role::kManager:
      return 4;
    case domain::Role::kAdmin:
      return 5;
  }
  return -1;
}

// The value a code read from `column` ("episodes.risk") stands for; INTERNAL
// naming the column and the code when it stands for none.
absl::StatusOr<domain::Risk> RiskFromCode(int64_t code,
                                          absl::string_view column);
absl::StatusOr<domain::Category> CategoryFromCode(int64_t code,
                                                  absl::string_view column);
absl::StatusOr<domain::ReturnedTo> ReturnedToFromCode(int64_t code,
                                                      absl::string_view column);
absl::StatusOr<domain::Concern> ConcernFromCode(int64_t code,
                                                absl::string_view column);
absl::StatusOr<domain::RhiClosure> RhiClosureFromCode(int64_t code,
                                                      absl::string_view column);
absl::StatusOr<domain::MeetingState> MeetingStateFromCode(
    int64_t code, absl::string_view column);
absl::StatusOr<domain::ActionStatus> ActionStatusFromCode(
    int64_t code, absl::string_view column);
absl::StatusOr<domain::Role> RoleFromCode(int64_t code,
                                          absl::string_view column);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_CODES_H_
