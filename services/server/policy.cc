#include "services/server/policy.h"

#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/text_format.h"
#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"

namespace mfh::server {
namespace {

absl::Duration ToDuration(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

absl::Status CheckPositive(absl::string_view field, absl::Duration d) {
  if (d > absl::ZeroDuration()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(field, ": must be positive"));
}

// "HH:MM" as time since midnight.
absl::StatusOr<absl::Duration> ParseMeetingTime(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, ':');
  int hours = 0;
  int minutes = 0;
  if (parts.size() != 2 || parts[0].size() != 2 || parts[1].size() != 2 ||
      !absl::SimpleAtoi(parts[0], &hours) ||
      !absl::SimpleAtoi(parts[1], &minutes) || hours < 0 || hours > 23 ||
      minutes < 0 || minutes > 59) {
    return absl::InvalidArgumentError("meeting_time: must be HH:MM");
  }
  return absl::Hours(hours) + absl::Minutes(minutes);
}

}  // namespace

absl::StatusOr<domain::Policy> PolicyFromProto(const v1::HubPolicy& proto) {
  domain::Policy policy;
  if (proto.has_authority()) policy.authority = proto.authority();
  if (proto.rhi_clock_start() == v1::RHI_CLOCK_START_RETURN) {
    policy.rhi_clock_start = domain::RhiClockStart::kReturn;
  }
  if (proto.has_rhi_deadline()) {
    policy.rhi_deadline = ToDuration(proto.rhi_deadline());
    RETURN_IF_ERROR(CheckPositive("rhi_deadline", policy.rhi_deadline));
  }
  if (proto.has_skip_rhi_for_absent()) {
    policy.skip_rhi_for_absent = proto.skip_rhi_for_absent();
  }
  if (proto.has_repeat_count()) {
    if (proto.repeat_count() < 1) {
      return absl::InvalidArgumentError("repeat_count: must be at least 1");
    }
    policy.repeat_count = proto.repeat_count();
  }
  if (proto.has_repeat_window()) {
    policy.repeat_window = ToDuration(proto.repeat_window());
    RETURN_IF_ERROR(CheckPositive("repeat_window", policy.repeat_window));
  }
  if (proto.has_due_soon_window()) {
    policy.due_soon_window = ToDuration(proto.due_soon_window());
    RETURN_IF_ERROR(CheckPositive("due_soon_window", policy.due_soon_window));
  }
  if (proto.has_meeting_time()) {
    ASSIGN_OR_RETURN(policy.meeting_time,
                     ParseMeetingTime(proto.meeting_time()));
  }
  for (const std::string& day : proto.non_working_days()) {
    ASSIGN_OR_RETURN(absl::CivilDay d,
                     domain::ParseDay("non_working_days", day));
    policy.non_working_days.push_back(d);
  }
  if (proto.has_link_window()) {
    policy.link_window = ToDuration(proto.link_window());
    RETURN_IF_ERROR(CheckPositive("link_window", policy.link_window));
  }
  if (proto.escalation_size() > 0) {
    policy.escalation.clear();
    for (const v1::EscalationStep& step : proto.escalation()) {
      const absl::Duration after = ToDuration(step.after());
      RETURN_IF_ERROR(CheckPositive("escalation.after", after));
      if (step.name().empty()) {
        return absl::InvalidArgumentError("escalation.name: required");
      }
      if (!policy.escalation.empty() &&
          after <= policy.escalation.back().after) {
        return absl::InvalidArgumentError(
            "escalation.after: steps must be in increasing order");
      }
      policy.escalation.push_back({after, step.name()});
    }
  }
  if (proto.police_forces_size() > 0) {
    policy.police_forces.clear();
    for (const v1::PoliceForce& force : proto.police_forces()) {
      if (force.code().empty() || force.name().empty()) {
        return absl::InvalidArgumentError(
            "police_forces: each force needs a code and a name");
      }
      if (domain::PoliceForceCode("police_forces", force.code(),
                                  policy.police_forces)
              .ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("police_forces: ", force.code(), " is listed twice"));
      }
      policy.police_forces.push_back({force.code(), force.name()});
    }
  }
  const std::string zone =
      proto.has_timezone() ? proto.timezone() : "Europe/London";
  if (!absl::LoadTimeZone(zone, &policy.timezone)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "timezone: cannot load ", zone, " (is the tzdata package installed?)"));
  }
  return policy;
}

absl::StatusOr<domain::Policy> PolicyFromText(absl::string_view path,
                                              const std::string& text) {
  v1::HubPolicy proto;
  if (!google::protobuf::TextFormat::ParseFromString(text, &proto)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--policy: ", path, " is not a valid mfh.v1.HubPolicy text proto"));
  }
  return PolicyFromProto(proto);
}

absl::StatusOr<domain::Policy> LoadPolicy(const std::string& path) {
  if (path.empty()) return PolicyFromProto(v1::HubPolicy());
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("--policy: cannot read ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return PolicyFromText(path, text.str());
}

}  // namespace mfh::server
