// The hub's policy: the rules that differ between areas, with DESIGN.md's
// defaults.
#ifndef MFH_SERVICES_DOMAIN_POLICY_H_
#define MFH_SERVICES_DOMAIN_POLICY_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/police_forces.h"
#include "services/domain/types.h"

namespace mfh::domain {

struct EscalationStep {
  absl::Duration after;  // time missing at which the step is reached
  std::string name;
};

struct Policy {
  std::string authority;
  RhiClockStart rhi_clock_start = RhiClockStart::kNotificationOfReturn;
  absl::Duration rhi_deadline = absl::Hours(72);
  bool skip_rhi_for_absent = false;
  int repeat_count = 3;
  absl::Duration repeat_window = absl::Hours(24 * 90);
  absl::Duration due_soon_window = absl::Hours(24);
  // Local time of the daily meeting, as time since midnight.
  absl::Duration meeting_time = absl::Hours(9) + absl::Minutes(30);
  std::vector<absl::CivilDay> non_working_days;
  absl::Duration link_window = absl::Hours(24 * 7);
  // Ascending by `after`.
  std::vector<EscalationStep> escalation = {
      {absl::Hours(24), "team manager"},
      {absl::Hours(72), "head of service"},
      {absl::Hours(168), "director of children's services"},
  };
  // Set from the `timezone` field, default Europe/London.
  absl::TimeZone timezone;
  // The forces whose reports the hub takes, by code.
  std::vector<PoliceForce> police_forces = DefaultPoliceForces();
};

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_POLICY_H_
