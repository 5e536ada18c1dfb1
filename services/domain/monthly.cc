#include "services/domain/monthly.h"

#include <algorithm>
#include <map>
#include <set>

#include "services/domain/agenda.h"
#include "services/domain/reports.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/windows.h"

namespace mfh::domain {

MonthlyCounts CountMonth(const Policy& policy, const MonthlyData& data) {
  MonthlyCounts c;
  std::set<std::string> children;
  for (const PlacedEpisode& p : data.episodes) {
    const Episode& e = p.episode;
    if (!InClosedOpen(e.missing_since, data.from, data.until)) continue;
    ++c.episodes;
    if (e.category == Category::kMissing) ++c.missing_episodes;
    if (e.category == Category::kAbsent) ++c.absent_episodes;
    if (p.looked_after) ++c.looked_after_episodes;
    if (PlacedByOtherAuthority(p.placing_authority, policy.authority)) {
      ++c.other_authority_episodes;
    }
    children.insert(e.child_id);
  }
  c.children = static_cast<int>(children.size());
  c.repeat_children =
      CountRepeatChildren(policy, data.episodes, data.from, data.until);
  c.returns = data.returns;
  for (const Rhi& rhi : data.rhis_due) {
    if (rhi.closure == RhiClosure::kNotRequired ||
        !InClosedOpen(rhi.due_at, data.from, data.until)) {
      continue;
    }
    ++c.rhis_due;
    if (OfferedOnTime(rhi)) ++c.rhis_offered_on_time;
    if (MetDeadline(rhi)) ++c.rhis_met;
    if (CompletedOnTime(rhi)) {
      ++c.rhis_completed_on_time;
    } else if (MetDeadline(rhi)) {
      ++c.rhis_declined_on_time;
    }
  }
  for (const Rhi& rhi : data.rhis_due_from_return) {
    if (rhi.closure == RhiClosure::kNotRequired ||
        !InClosedOpen(rhi.due_at_from_return, data.from, data.until)) {
      continue;
    }
    ++c.rhis_due_from_return;
    if (MetDeadlineFromReturn(rhi)) ++c.rhis_met_from_return;
  }
  for (const Action& a : data.actions_agreed) {
    if (a.meeting_day >= data.first_day && a.meeting_day < data.end_day) {
      ++c.actions_agreed;
    }
  }
  for (const Action& a : data.actions_closed) {
    if (a.status == ActionStatus::kDone && a.closed_at.has_value() &&
        InClosedOpen(*a.closed_at, data.from, data.until)) {
      ++c.actions_done;
    }
  }
  for (const Action& a : data.actions_open_at_end) {
    if (a.meeting_day < data.end_day && a.by_when < data.until &&
        ActionOpenAtEndOf(a, data.until)) {
      ++c.actions_overdue;
    }
  }
  return c;
}

int CountRepeatChildren(const Policy& policy,
                        const std::vector<PlacedEpisode>& episodes,
                        absl::Time from, absl::Time until) {
  std::map<std::string, std::vector<absl::Time>> starts;
  for (const PlacedEpisode& p : episodes) {
    starts[p.episode.child_id].push_back(p.episode.missing_since);
  }
  int repeat_children = 0;
  for (const auto& entry : starts) {
    const std::vector<absl::Time>& times = entry.second;
    const bool repeat =
        std::any_of(times.begin(), times.end(), [&](absl::Time start) {
          if (!InClosedOpen(start, from, until)) return false;
          const auto in_window = std::count_if(
              times.begin(), times.end(),
              [&](absl::Time t) { return InRepeatWindow(policy, t, start); });
          return IsRepeatMissing(policy, static_cast<int>(in_window));
        });
    if (repeat) ++repeat_children;
  }
  return repeat_children;
}

bool ActionOpenAtEndOf(const Action& action, absl::Time until) {
  return action.status == ActionStatus::kOpen ||
         (action.closed_at.has_value() && *action.closed_at >= until);
}

TimesToRhi MeasureTimesToRhi(const std::vector<Rhi>& completed, absl::Time from,
                             absl::Time until) {
  std::vector<double> hours;
  for (const Rhi& rhi : completed) {
    if (rhi.completed_at.has_value() &&
        InClosedOpen(*rhi.completed_at, from, until)) {
      hours.push_back(absl::ToDoubleHours(*rhi.completed_at - rhi.returned_at));
    }
  }
  std::sort(hours.begin(), hours.end());
  return TimesToRhi{.completed = static_cast<int>(hours.size()),
                    .median_hours = RoundToTenth(NearestRank(hours, 50)),
                    .p90_hours = RoundToTenth(NearestRank(hours, 90))};
}

}  // namespace mfh::domain
