// The reports: each reads the rows of its periods by indexed time windows
// and lets the domain count them; audited like every read.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/app/hub.h"
#include "services/domain/calendar.h"
#include "services/domain/exceptions.h"
#include "services/domain/monthly.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

using domain::AuditRecord;
using domain::Right;
using storage::Transaction;

constexpr int kTrendMonths = 12;

// `t` when it had happened by as_of.
std::optional<absl::Time> By(std::optional<absl::Time> t, absl::Time as_of) {
  if (t.has_value() && *t <= as_of) return t;
  return std::nullopt;
}

void AddChild(domain::AuditRecord& audit, const std::string& child_id) {
  if (std::find(audit.child_ids.begin(), audit.child_ids.end(), child_id) ==
      audit.child_ids.end()) {
    audit.child_ids.push_back(child_id);
  }
}

// The end of what a report counts: the period's end, or just after as_of
// when that is earlier (times are stored to the microsecond).
absl::Time CountUntil(const domain::Period& period, absl::Time as_of) {
  return std::min(period.end, as_of + absl::Microseconds(1));
}

// The CST measure of [from, until): the cohort's flags, then the episode
// starts of each flag's child in its windows.
absl::StatusOr<domain::CstMeasure> MeasureCst(Transaction& tx, absl::Time from,
                                              absl::Time until) {
  ASSIGN_OR_RETURN(std::vector<domain::ChildFlag> flags,
                   tx.ListFlagsSetBefore(domain::kFlagOpenToCst, until));
  const std::vector<domain::CstWindow> cohort =
      domain::CstCohort(flags, from, until);
  std::vector<std::vector<absl::Time>> starts;
  for (const domain::CstWindow& w : cohort) {
    ASSIGN_OR_RETURN(
        std::vector<absl::Time> child_starts,
        tx.ListEpisodeStartsOfChild(w.child_id, w.before_from, w.stop));
    starts.push_back(std::move(child_starts));
  }
  return domain::MeasureCst(cohort, starts);
}

}  // namespace

absl::StatusOr<MonthlyReport> Hub::GetMonthlyReport(
    const Caller& caller, absl::string_view month,
    std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReports, "MonthlyReport"));
  MonthlyReport report;
  ASSIGN_OR_RETURN(report.month,
                   domain::ParseMonth("month", month, policy_.timezone));
  report.as_of = as_of.value_or(clock_.Now());
  const absl::Time until = CountUntil(report.month, report.as_of);
  RETURN_IF_ERROR(AuditedRead(
      caller, "MonthlyReport",
      [&](Transaction& tx, AuditRecord&) -> absl::Status {
        if (report.month.start >= until) return absl::OkStatus();
        const absl::Time from = report.month.start;
        domain::MonthlyData data{
            .from = from,
            .until = until,
            .first_day = report.month.first_day,
            .end_day =
                std::min(report.month.end_day,
                         domain::LocalDay(report.as_of, policy_.timezone) + 1)};
        ASSIGN_OR_RETURN(data.episodes,
                         tx.ListEpisodesStartedInPeriod(
                             from - policy_.repeat_window, until));
        ASSIGN_OR_RETURN(data.returns,
                         tx.CountEpisodesReturnedInPeriod(from, until));
        ASSIGN_OR_RETURN(data.rhis_due, tx.ListRhisDueInPeriod(from, until));
        ASSIGN_OR_RETURN(data.rhis_due_from_return,
                         tx.ListRhisDueFromReturnInPeriod(from, until));
        ASSIGN_OR_RETURN(
            data.actions_agreed,
            tx.ListActionsAgreedOnDays(data.first_day, data.end_day));
        ASSIGN_OR_RETURN(data.actions_closed,
                         tx.ListActionsClosedInPeriod(from, until));
        ASSIGN_OR_RETURN(data.actions_open_at_end,
                         tx.ListActionsOpenAtEndOf(until));
        report.counts = domain::CountMonth(policy_, data);
        ASSIGN_OR_RETURN(std::vector<domain::Rhi> completed,
                         tx.ListRhisCompletedInPeriod(from, until));
        const domain::TimesToRhi times =
            domain::MeasureTimesToRhi(completed, from, until);
        report.rhis_completed = times.completed;
        report.median_hours_to_rhi = times.median_hours;
        report.p90_hours_to_rhi = times.p90_hours;
        ASSIGN_OR_RETURN(report.cst, MeasureCst(tx, from, until));
        for (int back = kTrendMonths - 1; back >= 0; --back) {
          domain::Period m =
              domain::MonthBefore(report.month, back, policy_.timezone);
          int count = 0;
          if (m.start < until) {
            ASSIGN_OR_RETURN(count, tx.CountEpisodesStartedInPeriod(
                                        m.start, CountUntil(m, until)));
          }
          report.trend.push_back({m.label, count});
        }
        return absl::OkStatus();
      }));
  return report;
}

absl::StatusOr<ExceptionReport> Hub::GetExceptionReport(
    const Caller& caller, absl::string_view quarter,
    std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReports, "ExceptionReport"));
  ExceptionReport report;
  ASSIGN_OR_RETURN(report.quarter,
                   domain::ParseQuarter("quarter", quarter, policy_.timezone));
  report.as_of = as_of.value_or(clock_.Now());
  report.long_episode_after = domain::kLongEpisodeAfter;
  report.late_action_after = domain::kLateActionAfter;
  const absl::Time t = report.as_of;
  // Only what was due by as_of can be late by then.
  const absl::Time until = CountUntil(report.quarter, t);
  RETURN_IF_ERROR(AuditedRead(
      caller, "ExceptionReport",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        if (report.quarter.start >= until) return absl::OkStatus();
        ASSIGN_OR_RETURN(std::vector<domain::Rhi> rhis,
                         tx.ListRhisDueInPeriod(report.quarter.start, until));
        for (domain::Rhi& rhi : rhis) {
          if (!domain::IsLateInterview(rhi)) continue;
          LateInterview late;
          late.status = domain::StatusAsOf(rhi, t);
          std::optional<absl::Time> completed = By(rhi.completed_at, t);
          std::optional<absl::Time> declined = By(rhi.declined_at, t);
          late.met_at = completed.has_value() ? completed : declined;
          if (completed.has_value() && declined.has_value()) {
            late.met_at = std::min(*completed, *declined);
          }
          late.hours_late = domain::RoundToTenth(
              absl::ToDoubleHours(late.met_at.value_or(t) - rhi.due_at));
          AddChild(audit, rhi.child_id);
          late.rhi = std::move(rhi);
          report.late_interviews.push_back(std::move(late));
        }
        ASSIGN_OR_RETURN(
            std::vector<domain::PlacedEpisode> episodes,
            tx.ListEpisodesStartedInPeriod(report.quarter.start, until));
        for (domain::PlacedEpisode& placed : episodes) {
          domain::Episode& e = placed.episode;
          if (!domain::IsLongEpisode(e, t)) continue;
          LongEpisode long_episode;
          long_episode.returned_at = By(e.returned_at, t);
          const absl::Duration missing = domain::TimeMissing(e, t);
          long_episode.hours_missing =
              domain::RoundToTenth(absl::ToDoubleHours(missing));
          long_episode.hours_over = domain::RoundToTenth(
              absl::ToDoubleHours(missing - domain::kLongEpisodeAfter));
          AddChild(audit, e.child_id);
          long_episode.episode = std::move(e);
          report.long_episodes.push_back(std::move(long_episode));
        }
        ASSIGN_OR_RETURN(
            std::vector<domain::Action> actions,
            tx.ListActionsDueInPeriod(report.quarter.start, until));
        for (domain::Action& a : actions) {
          if (!domain::IsLateAction(a, t)) continue;
          OverdueAction overdue;
          overdue.closed_at = By(a.closed_at, t);
          overdue.status = overdue.closed_at.has_value()
                               ? a.status
                               : domain::ActionStatus::kOpen;
          overdue.days_overdue = domain::RoundToTenth(
              absl::ToDoubleHours(domain::TimePastByWhen(a, t)) / 24);
          AddChild(audit, a.child_id);
          overdue.action = std::move(a);
          report.overdue_actions.push_back(std::move(overdue));
        }
        return absl::OkStatus();
      }));
  return report;
}

absl::StatusOr<Chronology> Hub::GetChronology(const Caller& caller,
                                              absl::string_view child_id,
                                              std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReports, "Chronology"));
  if (child_id.empty()) return absl::InvalidArgumentError("child_id: required");
  const absl::Time t = as_of.value_or(clock_.Now());
  Chronology chronology;
  chronology.child_id = std::string(child_id);
  RETURN_IF_ERROR(AuditedRead(
      caller, "Chronology",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.child_ids.push_back(std::string(child_id));
        ASSIGN_OR_RETURN(std::optional<domain::Child> child,
                         tx.FindChild(child_id));
        if (!child.has_value()) {
          return absl::NotFoundError(
              absl::StrCat("child_id: no child ", child_id));
        }
        ASSIGN_OR_RETURN(std::vector<domain::Episode> episodes,
                         tx.ListEpisodes(child_id, /*open_only=*/false));
        ASSIGN_OR_RETURN(
            std::vector<domain::Rhi> rhis,
            tx.ListRhis(storage::RhiFilter{.child_id = std::string(child_id)}));
        ASSIGN_OR_RETURN(std::vector<domain::Note> notes,
                         tx.ListChildNotes(child_id));
        ASSIGN_OR_RETURN(std::vector<domain::Action> actions,
                         tx.ListActions(child_id, /*open_only=*/false));
        chronology.events =
            domain::BuildChronology(*child, episodes, rhis, notes, actions, t);
        return absl::OkStatus();
      }));
  return chronology;
}

absl::StatusOr<Ssda903Report> Hub::GetSsda903Missing(
    const Caller& caller, absl::string_view year,
    std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReports, "Ssda903Missing"));
  Ssda903Report report;
  ASSIGN_OR_RETURN(report.year,
                   domain::ParseSsdaYear("year", year, policy_.timezone));
  const absl::Time t = as_of.value_or(clock_.Now());
  std::vector<domain::SsdaEpisode> episodes;
  RETURN_IF_ERROR(AuditedRead(
      caller, "Ssda903Missing",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        ASSIGN_OR_RETURN(
            std::vector<domain::SsdaEpisode> selected,
            tx.ListSsdaEpisodes(report.year.start, report.year.end));
        for (domain::SsdaEpisode& e : selected) {
          if (domain::LookedAfterHere(e.looked_after, e.placing_authority,
                                      policy_.authority)) {
            episodes.push_back(std::move(e));
          }
        }
        for (const domain::SsdaEpisode& e : episodes) {
          if (audit.child_ids.empty() || audit.child_ids.back() != e.child_id) {
            audit.child_ids.push_back(e.child_id);
          }
        }
        return absl::OkStatus();
      }));
  report.rows =
      domain::BuildSsdaRows(episodes, report.year, t, policy_.timezone);
  report.violations = domain::ValidateSsdaRows(report.rows, report.year);
  report.csv = domain::SsdaCsv(report.rows);
  return report;
}

}  // namespace mfh::app
