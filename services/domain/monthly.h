// The monthly report's counts (DESIGN.md section 5), from the rows a store
// selects by time window: what counts, and how, is decided here and nowhere
// in SQL.
#ifndef MFH_SERVICES_DOMAIN_MONTHLY_H_
#define MFH_SERVICES_DOMAIN_MONTHLY_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/policy.h"
#include "services/domain/types.h"

namespace mfh::domain {

// An episode with its child's placement, as the reports read it.
struct PlacedEpisode {
  Episode episode;
  bool looked_after = false;
  std::string placing_authority;
};

// The counts of DESIGN.md section 5 over one period.
struct MonthlyCounts {
  int episodes = 0;
  int missing_episodes = 0;
  int absent_episodes = 0;
  int looked_after_episodes = 0;
  int other_authority_episodes = 0;
  int children = 0;
  int repeat_children = 0;
  int returns = 0;
  int rhis_due = 0;
  int rhis_offered_on_time = 0;
  int rhis_met = 0;
  int rhis_completed_on_time = 0;
  int rhis_declined_on_time = 0;
  int rhis_due_from_return = 0;
  int rhis_met_from_return = 0;
  int actions_agreed = 0;
  int actions_done = 0;
  int actions_overdue = 0;  // open at the period's end, past by_when
};

// What the counts of the period [from, until) are read from. Each set is
// what a store selects by one indexed time window (named beside it); the
// counts apply their windows again, so a set may hold more.
struct MonthlyData {
  absl::Time from;
  absl::Time until;
  // The local days [first_day, end_day) whose meetings' actions count.
  absl::CivilDay first_day;
  absl::CivilDay end_day;
  // missing_since in [from - repeat_window, until): the period's episodes
  // and the repeat window before each.
  std::vector<PlacedEpisode> episodes;
  // How many episodes have returned_at in [from, until): a store counts
  // these itself (a count it is held to by tests).
  int returns = 0;
  std::vector<Rhi> rhis_due;              // due_at in [from, until)
  std::vector<Rhi> rhis_due_from_return;  // due_at_from_return in it
  std::vector<Action> actions_agreed;     // meeting_day in [first, end)
  std::vector<Action> actions_closed;     // closed_at in [from, until)
  // Open, or closed at or after `until` (ActionOpenAtEndOf).
  std::vector<Action> actions_open_at_end;
};

MonthlyCounts CountMonth(const Policy& policy, const MonthlyData& data);

// Children with an episode starting in [from, until) who, at its start, had
// at least repeat_count episodes (counting it) in the repeat window up to it.
// `episodes` must hold every episode of those windows.
int CountRepeatChildren(const Policy& policy,
                        const std::vector<PlacedEpisode>& episodes,
                        absl::Time from, absl::Time until);

// Whether the action was still open at the end of a period that ends just
// before `until`: not closed before until.
bool ActionOpenAtEndOf(const Action& action, absl::Time until);

// Hours from the return to the completion of the RHIs completed in
// [from, until): how many, and the nearest-rank median and 90th
// percentile, to one decimal.
struct TimesToRhi {
  int completed = 0;
  double median_hours = 0;
  double p90_hours = 0;
};
TimesToRhi MeasureTimesToRhi(const std::vector<Rhi>& completed, absl::Time from,
                             absl::Time until);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_MONTHLY_H_
