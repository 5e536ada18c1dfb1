// The reports: each a read of aggregates over indexed time columns, audited
// like every read.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/app/hub.h"
#include "services/domain/calendar.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

using domain::AuditRecord;
using domain::Right;
using storage::Transaction;

constexpr int kTrendMonths = 12;
constexpr absl::Duration kLongEpisode = absl::Hours(7 * 24);
constexpr absl::Duration kActionGrace = absl::Hours(14 * 24);

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
        ASSIGN_OR_RETURN(
            report.counts,
            tx.CountPeriod(storage::PeriodQuery{
                .from = report.month.start,
                .until = until,
                .first_day = report.month.first_day,
                .end_day = std::min(
                    report.month.end_day,
                    domain::LocalDay(report.as_of, policy_.timezone) + 1),
                .authority = policy_.authority,
                .repeat_count = policy_.repeat_count,
                .repeat_window = policy_.repeat_window}));
        ASSIGN_OR_RETURN(std::vector<absl::Duration> times,
                         tx.ListTimesToCompletion(report.month.start, until));
        std::vector<double> hours;
        hours.reserve(times.size());
        for (absl::Duration d : times) hours.push_back(absl::ToDoubleHours(d));
        report.rhis_completed = static_cast<int>(hours.size());
        report.median_hours_to_rhi =
            domain::RoundToTenth(domain::NearestRank(hours, 50));
        report.p90_hours_to_rhi =
            domain::RoundToTenth(domain::NearestRank(hours, 90));
        ASSIGN_OR_RETURN(storage::CstTotals cst,
                         tx.CountCst(report.month.start, until));
        report.cst =
            domain::CstRates(cst.children, cst.open_time,
                             cst.episodes_while_open, cst.episodes_before);
        for (int back = kTrendMonths - 1; back >= 0; --back) {
          domain::Period m =
              domain::MonthBefore(report.month, back, policy_.timezone);
          int count = 0;
          if (m.start < until) {
            ASSIGN_OR_RETURN(count, tx.CountEpisodesStartedIn(
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
  report.long_episode_after = kLongEpisode;
  report.late_action_after = kActionGrace;
  const absl::Time t = report.as_of;
  // Only what was due by as_of can be late by then.
  const absl::Time until = CountUntil(report.quarter, t);
  RETURN_IF_ERROR(AuditedRead(
      caller, "ExceptionReport",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        if (report.quarter.start >= until) return absl::OkStatus();
        ASSIGN_OR_RETURN(std::vector<domain::Rhi> rhis,
                         tx.ListRhisNotMet(report.quarter.start, until));
        for (domain::Rhi& rhi : rhis) {
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
            std::vector<domain::Episode> episodes,
            tx.ListLongEpisodes(report.quarter.start, until, t, kLongEpisode));
        for (domain::Episode& e : episodes) {
          LongEpisode long_episode;
          long_episode.returned_at = By(e.returned_at, t);
          const absl::Duration missing =
              long_episode.returned_at.value_or(t) - e.missing_since;
          long_episode.hours_missing =
              domain::RoundToTenth(absl::ToDoubleHours(missing));
          long_episode.hours_over =
              domain::RoundToTenth(absl::ToDoubleHours(missing - kLongEpisode));
          AddChild(audit, e.child_id);
          long_episode.episode = std::move(e);
          report.long_episodes.push_back(std::move(long_episode));
        }
        ASSIGN_OR_RETURN(
            std::vector<domain::Action> actions,
            tx.ListLateActions(report.quarter.start, until, t, kActionGrace));
        for (domain::Action& a : actions) {
          OverdueAction overdue;
          overdue.closed_at = By(a.closed_at, t);
          overdue.status = overdue.closed_at.has_value()
                               ? a.status
                               : domain::ActionStatus::kOpen;
          overdue.days_overdue = domain::RoundToTenth(
              absl::ToDoubleHours(overdue.closed_at.value_or(t) - a.by_when) /
              24);
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
        ASSIGN_OR_RETURN(episodes,
                         tx.ListSsdaEpisodes(report.year.start, report.year.end,
                                             policy_.authority));
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
