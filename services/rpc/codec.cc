#include "services/rpc/codec.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace mfh::rpc {
namespace {

absl::Status NotDefined(absl::string_view field, int value,
                        absl::string_view type) {
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": ", value, " is not a value of mfh.v1.", type));
}

}  // namespace

absl::StatusOr<domain::Risk> DecodeRisk(absl::string_view field,
                                        v1::Risk value) {
  switch (value) {
    case v1::RISK_UNSPECIFIED:
      return domain::Risk::kUnspecified;
    case v1::RISK_NO_APPARENT_RISK:
      return domain::Risk::kNoApparentRisk;
    case v1::RISK_LOW:
      return domain::Risk::kLow;
    case v1::RISK_MEDIUM:
      return domain::Risk::kMedium;
    case v1::RISK_HIGH:
      return domain::Risk::kHigh;
    case v1::Risk_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::Risk_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "Risk");
}

v1::Risk ToProto(domain::Risk value) {
  switch (value) {
    case domain::Risk::kUnspecified:
      return v1::RISK_UNSPECIFIED;
    case domain::Risk::kNoApparentRisk:
      return v1::RISK_NO_APPARENT_RISK;
    case domain::Risk::kLow:
      return v1::RISK_LOW;
    case domain::Risk::kMedium:
      return v1::RISK_MEDIUM;
    case domain::Risk::kHigh:
      return v1::RISK_HIGH;
  }
  return v1::RISK_UNSPECIFIED;
}

absl::StatusOr<domain::Category> DecodeCategory(absl::string_view field,
                                                v1::Category value) {
  switch (value) {
    case v1::CATEGORY_UNSPECIFIED:
      return domain::Category::kUnspecified;
    case v1::CATEGORY_MISSING:
      return domain::Category::kMissing;
    case v1::CATEGORY_ABSENT:
      return domain::Category::kAbsent;
    case v1::Category_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::Category_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "Category");
}

v1::Category ToProto(domain::Category value) {
  switch (value) {
    case domain::Category::kUnspecified:
      return v1::CATEGORY_UNSPECIFIED;
    case domain::Category::kMissing:
      return v1::CATEGORY_MISSING;
    case domain::Category::kAbsent:
      return v1::CATEGORY_ABSENT;
  }
  return v1::CATEGORY_UNSPECIFIED;
}

absl::StatusOr<domain::ReturnedTo> DecodeReturnedTo(absl::string_view field,
                                                    v1::ReturnedTo value) {
  switch (value) {
    case v1::RETURNED_TO_UNSPECIFIED:
      return domain::ReturnedTo::kUnspecified;
    case v1::RETURNED_TO_HOME:
      return domain::ReturnedTo::kHome;
    case v1::RETURNED_TO_PLACEMENT:
      return domain::ReturnedTo::kPlacement;
    case v1::RETURNED_TO_HOSPITAL:
      return domain::ReturnedTo::kHospital;
    case v1::RETURNED_TO_CUSTODY:
      return domain::ReturnedTo::kCustody;
    case v1::RETURNED_TO_OTHER:
      return domain::ReturnedTo::kOther;
    case v1::ReturnedTo_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::ReturnedTo_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "ReturnedTo");
}

v1::ReturnedTo ToProto(domain::ReturnedTo value) {
  switch (value) {
    case domain::ReturnedTo::kUnspecified:
      return v1::RETURNED_TO_UNSPECIFIED;
    case domain::ReturnedTo::kHome:
      return v1::RETURNED_TO_HOME;
    case domain::ReturnedTo::kPlacement:
      return v1::RETURNED_TO_PLACEMENT;
    case domain::ReturnedTo::kHospital:
      return v1::RETURNED_TO_HOSPITAL;
    case domain::ReturnedTo::kCustody:
      return v1::RETURNED_TO_CUSTODY;
    case domain::ReturnedTo::kOther:
      return v1::RETURNED_TO_OTHER;
  }
  return v1::RETURNED_TO_UNSPECIFIED;
}

absl::StatusOr<domain::RhiStatus> DecodeRhiStatus(absl::string_view field,
                                                  v1::RhiStatus value) {
  switch (value) {
    case v1::RHI_STATUS_UNSPECIFIED:
      return domain::RhiStatus::kUnspecified;
    case v1::RHI_STATUS_DUE:
      return domain::RhiStatus::kDue;
    case v1::RHI_STATUS_OFFERED:
      return domain::RhiStatus::kOffered;
    case v1::RHI_STATUS_OVERDUE:
      return domain::RhiStatus::kOverdue;
    case v1::RHI_STATUS_COMPLETED:
      return domain::RhiStatus::kCompleted;
    case v1::RHI_STATUS_DECLINED:
      return domain::RhiStatus::kDeclined;
    case v1::RHI_STATUS_NOT_HELD:
      return domain::RhiStatus::kNotHeld;
    case v1::RHI_STATUS_NOT_REQUIRED:
      return domain::RhiStatus::kNotRequired;
    case v1::RhiStatus_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::RhiStatus_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "RhiStatus");
}

v1::RhiStatus ToProto(domain::RhiStatus value) {
  switch (value) {
    case domain::RhiStatus::kUnspecified:
      return v1::RHI_STATUS_UNSPECIFIED;
    case domain::RhiStatus::kDue:
      return v1::RHI_STATUS_DUE;
    case domain::RhiStatus::kOffered:
      return v1::RHI_STATUS_OFFERED;
    case domain::RhiStatus::kOverdue:
      return v1::RHI_STATUS_OVERDUE;
    case domain::RhiStatus::kCompleted:
      return v1::RHI_STATUS_COMPLETED;
    case domain::RhiStatus::kDeclined:
      return v1::RHI_STATUS_DECLINED;
    case domain::RhiStatus::kNotHeld:
      return v1::RHI_STATUS_NOT_HELD;
    case domain::RhiStatus::kNotRequired:
      return v1::RHI_STATUS_NOT_REQUIRED;
  }
  return v1::RHI_STATUS_UNSPECIFIED;
}

absl::StatusOr<domain::Role> DecodeRole(absl::string_view field,
                                        v1::Role value) {
  switch (value) {
    case v1::ROLE_UNSPECIFIED:
      return domain::Role::kUnspecified;
    case v1::ROLE_COORDINATOR:
      return domain::Role::kCoordinator;
    case v1::ROLE_POLICE:
      return domain::Role::kPolice;
    case v1::ROLE_RHI_WORKER:
      return domain::Role::kRhiWorker;
    case v1::ROLE_MANAGER:
      return domain::Role::kManager;
    case v1::ROLE_ADMIN:
      return domain::Role::kAdmin;
    case v1::Role_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::Role_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "Role");
}

v1::Role ToProto(domain::Role value) {
  switch (value) {
    case domain::Role::kUnspecified:
      return v1::ROLE_UNSPECIFIED;
    case domain::Role::kCoordinator:
      return v1::ROLE_COORDINATOR;
    case domain::Role::kPolice:
      return v1::ROLE_POLICE;
    case domain::Role::kRhiWorker:
      return v1::ROLE_RHI_WORKER;
    case domain::Role::kManager:
      return v1::ROLE_MANAGER;
    case domain::Role::kAdmin:
      return v1::ROLE_ADMIN;
  }
  return v1::ROLE_UNSPECIFIED;
}

absl::StatusOr<domain::Concern> DecodeConcern(absl::string_view field,
                                              v1::Concern value) {
  switch (value) {
    case v1::CONCERN_UNSPECIFIED:
      return domain::Concern::kUnspecified;
    case v1::CONCERN_NONE:
      return domain::Concern::kNone;
    case v1::CONCERN_CSE:
      return domain::Concern::kCse;
    case v1::CONCERN_CCE:
      return domain::Concern::kCce;
    case v1::Concern_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::Concern_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "Concern");
}

v1::Concern ToProto(domain::Concern value) {
  switch (value) {
    case domain::Concern::kUnspecified:
      return v1::CONCERN_UNSPECIFIED;
    case domain::Concern::kNone:
      return v1::CONCERN_NONE;
    case domain::Concern::kCse:
      return v1::CONCERN_CSE;
    case domain::Concern::kCce:
      return v1::CONCERN_CCE;
  }
  return v1::CONCERN_UNSPECIFIED;
}

absl::StatusOr<domain::ActionStatus> DecodeActionStatus(
    absl::string_view field, v1::ActionStatus value) {
  switch (value) {
    case v1::ACTION_STATUS_UNSPECIFIED:
      return domain::ActionStatus::kUnspecified;
    case v1::ACTION_STATUS_OPEN:
      return domain::ActionStatus::kOpen;
    case v1::ACTION_STATUS_DONE:
      return domain::ActionStatus::kDone;
    case v1::ACTION_STATUS_DROPPED:
      return domain::ActionStatus::kDropped;
    case v1::ActionStatus_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::ActionStatus_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "ActionStatus");
}

v1::ActionStatus ToProto(domain::ActionStatus value) {
  switch (value) {
    case domain::ActionStatus::kUnspecified:
      return v1::ACTION_STATUS_UNSPECIFIED;
    case domain::ActionStatus::kOpen:
      return v1::ACTION_STATUS_OPEN;
    case domain::ActionStatus::kDone:
      return v1::ACTION_STATUS_DONE;
    case domain::ActionStatus::kDropped:
      return v1::ACTION_STATUS_DROPPED;
  }
  return v1::ACTION_STATUS_UNSPECIFIED;
}

absl::StatusOr<domain::MeetingState> DecodeMeetingState(
    absl::string_view field, v1::MeetingState value) {
  switch (value) {
    case v1::MEETING_STATE_UNSPECIFIED:
      return domain::MeetingState::kUnspecified;
    case v1::MEETING_STATE_OPEN:
      return domain::MeetingState::kOpen;
    case v1::MEETING_STATE_CLOSED:
      return domain::MeetingState::kClosed;
    case v1::MeetingState_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::MeetingState_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return NotDefined(field, static_cast<int>(value), "MeetingState");
}

v1::MeetingState ToProto(domain::MeetingState value) {
  switch (value) {
    case domain::MeetingState::kUnspecified:
      return v1::MEETING_STATE_UNSPECIFIED;
    case domain::MeetingState::kOpen:
      return v1::MEETING_STATE_OPEN;
    case domain::MeetingState::kClosed:
      return v1::MEETING_STATE_CLOSED;
  }
  return v1::MEETING_STATE_UNSPECIFIED;
}

v1::ChangeKind ToProto(app::ChangeKind kind) {
  switch (kind) {
    case app::ChangeKind::kChild:
      return v1::CHANGE_KIND_CHILD;
    case app::ChangeKind::kEpisode:
      return v1::CHANGE_KIND_EPISODE;
    case app::ChangeKind::kReturn:
      return v1::CHANGE_KIND_RETURN;
    case app::ChangeKind::kInterview:
      return v1::CHANGE_KIND_INTERVIEW;
    case app::ChangeKind::kMeeting:
      return v1::CHANGE_KIND_MEETING;
    case app::ChangeKind::kAction:
      return v1::CHANGE_KIND_ACTION;
    case app::ChangeKind::kUser:
      return v1::CHANGE_KIND_USER;
  }
  return v1::CHANGE_KIND_UNSPECIFIED;
}

google::protobuf::Timestamp ToProto(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t micros = absl::ToUnixMicros(t);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>(rest * 1000));
  return ts;
}

google::protobuf::Duration ToProto(absl::Duration d) {
  google::protobuf::Duration out;
  out.set_seconds(absl::ToInt64Seconds(d));
  return out;
}

absl::StatusOr<std::optional<absl::Time>> DecodeTime(
    absl::string_view field, bool has, const google::protobuf::Timestamp& ts) {
  if (!has) return std::nullopt;
  // 0001-01-01 to 9999-12-31, as google.protobuf.Timestamp defines.
  constexpr int64_t kMinSeconds = -62135596800;
  constexpr int64_t kMaxSeconds = 253402300799;
  if (ts.seconds() < kMinSeconds || ts.seconds() > kMaxSeconds ||
      ts.nanos() < 0 || ts.nanos() > 999999999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": not a valid timestamp"));
  }
  // The hub keeps microseconds (as it stores them): a time read finer would
  // differ from itself once stored, and a retry would not match.
  return absl::FromUnixSeconds(ts.seconds()) +
         absl::Microseconds(ts.nanos() / 1000);
}

std::optional<absl::Time> Decoder::Time(absl::string_view field, bool has,
                                        const google::protobuf::Timestamp& ts) {
  absl::StatusOr<std::optional<absl::Time>> decoded =
      DecodeTime(field, has, ts);
  if (decoded.ok()) return *decoded;
  Keep(decoded.status());
  return std::nullopt;
}

void Decoder::Keep(const absl::Status& error) {
  if (first_error_.ok()) first_error_ = error;
}

}  // namespace mfh::rpc
