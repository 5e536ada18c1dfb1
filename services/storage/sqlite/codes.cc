#include "services/storage/sqlite/codes.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace mfh::storage {
namespace {

absl::Status UnknownCode(int64_t code, absl::string_view column) {
  return absl::InternalError(
      absl::StrCat(column, ": ", code, " is not a known code"));
}

}  // namespace

absl::StatusOr<domain::Risk> RiskFromCode(int64_t code,
                                          absl::string_view column) {
  switch (code) {
    case 0:
      return domain::Risk::kUnspecified;
    case 1:
      return domain::Risk::kNoApparentRisk;
    case 2:
      return domain::Risk::kLow;
    case 3:
      return domain::Risk::kMedium;
    case 4:
      return domain::Risk::kHigh;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::Category> CategoryFromCode(int64_t code,
                                                  absl::string_view column) {
  switch (code) {
    case 0:
      return domain::Category::kUnspecified;
    case 1:
      return domain::Category::kMissing;
    case 2:
      return domain::Category::kAbsent;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::ReturnedTo> ReturnedToFromCode(
    int64_t code, absl::string_view column) {
  switch (code) {
    case 0:
      return domain::ReturnedTo::kUnspecified;
    case 1:
      return domain::ReturnedTo::kHome;
    case 2:
      return domain::ReturnedTo::kPlacement;
    case 3:
      return domain::ReturnedTo::kHospital;
    case 4:
      return domain::ReturnedTo::kCustody;
    case 5:
      return domain::ReturnedTo::kOther;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::Concern> ConcernFromCode(int64_t code,
                                                absl::string_view column) {
  switch (code) {
    case 0:
      return domain::Concern::kUnspecified;
    case 1:
      return domain::Concern::kNone;
    case 2:
      return domain::Concern::kCse;
    case 3:
      return domain::Concern::kCce;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::RhiClosure> RhiClosureFromCode(
    int64_t code, absl::string_view column) {
  switch (code) {
    case 0:
      return domain::RhiClosure::kNone;
    case 1:
      return domain::RhiClosure::kNotHeld;
    case 2:
      return domain::RhiClosure::kNotRequired;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::MeetingState> MeetingStateFromCode(
    int64_t code, absl::string_view column) {
  switch (code) {
    case 0:
      return domain::MeetingState::kUnspecified;
    case 1:
      return domain::MeetingState::kOpen;
    case 2:
      return domain::MeetingState::kClosed;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::ActionStatus> ActionStatusFromCode(
    int64_t code, absl::string_view column) {
  switch (code) {
    case 0:
      return domain::ActionStatus::kUnspecified;
    case 1:
      return domain::ActionStatus::kOpen;
    case 2:
      return domain::ActionStatus::kDone;
    case 3:
      return domain::ActionStatus::kDropped;
    default:
      return UnknownCode(code, column);
  }
}

absl::StatusOr<domain::Role> RoleFromCode(int64_t code,
                                          absl::string_view column) {
  switch (code) {
    case 0:
      return domain::Role::kUnspecified;
    case 1:
      return domain::Role::kCoordinator;
    case 2:
      return domain::Role::kPolice;
    case 3:
      return domain::Role::kRhiWorker;
    case 4:
      return domain::Role::kManager;
    case 5:
      return domain::Role::kAdmin;
    default:
      return UnknownCode(code, column);
  }
}

}  // namespace mfh::storage
