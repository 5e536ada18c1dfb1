#include "services/app/reports.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/app/records.h"
#include "services/domain/calendar.h"
#include "services/domain/exceptions.h"
#include "services/domain/monthly.h"
#include "services/domain/rhi_rules.h"

namespace mfh::app {
namespace {

using storage::Transaction;

constexpr int kTrendMonths = 12;

// `t` when it had happened by as_of.
std::optional<absl::Time> By(std::optional<absl::Time> t, absl::Time as_of) {
  if (t.has_value() && *t <= as_of) return t;
  return std::nullopt;
}

// The end of what a report counts: the period's end, or just after as_of
// when that is earlier (times are stored to the microsecond).
absl::Time CountUntil(const domain::Period& period, absl::Time as_of) {
  return std::min(period.end, as_of + absl::Microseconds(1));
}

// Each RHI with every version of its findings and its follow-ups.
absl::StatusOr<std::vector<domain::InterviewRecord>> LoadInterviewRecords(
    Transaction& tx, const std::vector<domain::Rhi>& rhis) {
  std::vector<domain::InterviewRecord> records;
  records.reserve(rhis.size());
  for (const domain::Rhi& rhi : rhis) {
    domain::InterviewRecord record{.rhi = rhi};
    ASSIGN_OR_RETURN(record.findings, tx.ListFindings(rhi.episode_id));
    ASSIGN_OR_RETURN(record.follow_ups, tx.ListFollowUps(rhi.episode_id));
    records.push_back(std::move(record));
  }
  return records;
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

std::string AuditSubjectOf(const PeriodQuery& query) {
  if (query.period.empty()) return "";
  return absl::StrCat("period ", query.period);
}

void AddSubjects(const MonthlyReport& report, AuditSubjects& subjects) {
  subjects.SetSubject(absl::StrCat("period ", report.month.label));
}

void AddSubjects(const Ssda903Report& report, AuditSubjects& subjects) {
  subjects.SetSubject(absl::StrCat("period ", report.year.label));
  // The rows name children by la_ref; the episodes behind them say whose.
  absl::flat_hash_map<std::string, const domain::SsdaEpisode*> episodes;
  for (const domain::SsdaEpisode& e : report.episodes) {
    episodes[e.episode_id] = &e;
  }
  for (const domain::SsdaRow& row : report.rows) {
    auto found = episodes.find(row.episode_id);
    if (found != episodes.end()) subjects.AddChild(found->second->child_id);
    subjects.AddEpisode(row.episode_id);
  }
}

void AddSubjects(const ExceptionReport& report, AuditSubjects& subjects) {
  subjects.SetSubject(absl::StrCat("period ", report.quarter.label));
  for (const LateInterview& late : report.late_interviews) {
    AddSubjects(late.rhi, subjects);
  }
  for (const LongEpisode& e : report.long_episodes) {
    AddSubjects(e.episode, subjects);
  }
  for (const OverdueAction& a : report.overdue_actions) {
    AddSubjects(a.action, subjects);
  }
}

void AddSubjects(const Chronology& chronology, AuditSubjects& subjects) {
  subjects.AddChild(chronology.child_id);
  for (const domain::ChronologyEvent& event : chronology.events) {
    subjects.AddEpisode(event.episode_id);
  }
}

absl::StatusOr<MonthlyReport> Reports::GetMonthlyReport(
    const Call& call, const PeriodQuery& query) {
  MonthlyReport report;
  return runner_.Read<MonthlyReport>(
      call, calls::kMonthlyReport, query,
      [&](const Context& ctx) -> absl::Status {
        ASSIGN_OR_RETURN(report.month, domain::ParseMonth("month", query.period,
                                                          policy_.timezone));
        report.as_of = query.as_of.value_or(ctx.now);
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<MonthlyReport> {
        const absl::Time until = CountUntil(report.month, report.as_of);
        if (report.month.start >= until) return report;
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
        ASSIGN_OR_RETURN(std::vector<domain::InterviewRecord> completed_found,
                         LoadInterviewRecords(tx, completed));
        // Of those due, only a declined one has follow-ups to count.
        std::vector<domain::Rhi> declined;
        std::copy_if(data.rhis_due.begin(), data.rhis_due.end(),
                     std::back_inserter(declined), [](const domain::Rhi& r) {
                       return r.declined_at.has_value();
                     });
        ASSIGN_OR_RETURN(std::vector<domain::InterviewRecord> due_found,
                         LoadInterviewRecords(tx, declined));
        report.findings =
            domain::CountFindings(completed_found, due_found, report.as_of);
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
        return report;
      });
}

absl::StatusOr<ExceptionReport> Reports::GetExceptionReport(
    const Call& call, const PeriodQuery& query) {
  ExceptionReport report;
  return runner_.Read<ExceptionReport>(
      call, calls::kExceptionReport, query,
      [&](const Context& ctx) -> absl::Status {
        ASSIGN_OR_RETURN(
            report.quarter,
            domain::ParseQuarter("quarter", query.period, policy_.timezone));
        report.as_of = query.as_of.value_or(ctx.now);
        report.long_episode_after = domain::kLongEpisodeAfter;
        report.late_action_after = domain::kLateActionAfter;
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<ExceptionReport> {
        const absl::Time t = report.as_of;
        // Only what was due by as_of can be late by then.
        const absl::Time until = CountUntil(report.quarter, t);
        if (report.quarter.start >= until) return report;
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
          overdue.action = std::move(a);
          report.overdue_actions.push_back(std::move(overdue));
        }
        return report;
      });
}

absl::StatusOr<Chronology> Reports::GetChronology(
    const Call& call, const ChronologyQuery& query) {
  return runner_.Read<Chronology>(
      call, calls::kChronology, query,
      [&](const Context&) -> absl::Status {
        if (query.child_id.empty()) {
          return absl::InvalidArgumentError("child_id: required");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<Chronology> {
        ASSIGN_OR_RETURN(domain::Child child,
                         LoadChild(tx, "child_id", query.child_id));
        ASSIGN_OR_RETURN(std::vector<domain::Episode> episodes,
                         tx.ListEpisodes(query.child_id, /*open_only=*/false));
        ASSIGN_OR_RETURN(
            std::vector<domain::Rhi> rhis,
            tx.ListRhis(storage::RhiFilter{.child_id = query.child_id}));
        ASSIGN_OR_RETURN(std::vector<domain::Note> notes,
                         tx.ListChildNotes(query.child_id));
        ASSIGN_OR_RETURN(std::vector<domain::Action> actions,
                         tx.ListActions(query.child_id, /*open_only=*/false));
        ASSIGN_OR_RETURN(std::vector<domain::InterviewRecord> found,
                         LoadInterviewRecords(tx, rhis));
        const absl::Time as_of = query.as_of.value_or(ctx.now);
        return Chronology{
            .child_id = query.child_id,
            .as_of = as_of,
            .events = domain::BuildChronology(child, episodes, rhis, notes,
                                              actions, as_of, found)};
      });
}

std::string AuditSubjectOf(const HotspotsQuery& query) {
  auto at = [](const std::optional<absl::Time>& t) {
    return t.has_value() ? domain::FormatUtc(*t) : std::string("-");
  };
  return absl::StrCat("hotspots ", at(query.from), " to ", at(query.to));
}

void AddSubjects(const HotspotReport& report, AuditSubjects& subjects) {
  AddSubjects(report.hotspots, subjects);
}

absl::StatusOr<HotspotReport> Reports::GetHotspots(const Call& call,
                                                   const HotspotsQuery& query) {
  return runner_.Read<HotspotReport>(
      call, calls::kHotspots, query,
      [&](const Context&) -> absl::Status {
        if (!query.from.has_value()) {
          return absl::InvalidArgumentError("from: required");
        }
        if (!query.to.has_value()) {
          return absl::InvalidArgumentError("to: required");
        }
        if (*query.to <= *query.from) {
          return absl::InvalidArgumentError("to: must be after from");
        }
        if (query.min_children < 0) {
          return absl::InvalidArgumentError(
              "min_children: must be at least 1 (0 for the default, 2)");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<HotspotReport> {
        ASSIGN_OR_RETURN(
            std::vector<domain::FindingsOf> found,
            tx.ListFindingsCompletedInPeriod(*query.from, *query.to));
        std::vector<domain::Mention> mentions;
        for (const domain::FindingsOf& f : found) {
          auto mention = [&](domain::HotspotKind kind,
                             const std::vector<std::string>& names) {
            for (const std::string& name : names) {
              mentions.push_back(domain::Mention{
                  .kind = kind,
                  .name = name,
                  .child_id = f.child_id,
                  .episode_id = f.episode_id,
                  .completed_at = f.completed_at.value_or(absl::UnixEpoch())});
            }
          };
          mention(domain::HotspotKind::kPlace, f.findings.places);
          mention(domain::HotspotKind::kAssociate, f.findings.associates);
        }
        const int min_children = query.min_children == 0
                                     ? kDefaultHotspotChildren
                                     : query.min_children;
        return HotspotReport{.hotspots = domain::FindHotspots(
                                 std::move(mentions), min_children)};
      });
}

absl::StatusOr<Ssda903Report> Reports::GetSsda903Missing(
    const Call& call, const PeriodQuery& query) {
  Ssda903Report report;
  return runner_.Read<Ssda903Report>(
      call, calls::kSsda903Missing, query,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(
            report.year,
            domain::ParseSsdaYear("year", query.period, policy_.timezone));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<Ssda903Report> {
        ASSIGN_OR_RETURN(
            std::vector<domain::SsdaEpisode> selected,
            tx.ListSsdaEpisodes(report.year.start, report.year.end));
        for (domain::SsdaEpisode& e : selected) {
          if (domain::LookedAfterHere(e.looked_after, e.placing_authority,
                                      policy_.authority)) {
            report.episodes.push_back(std::move(e));
          }
        }
        report.rows = domain::BuildSsdaRows(report.episodes, report.year,
                                            query.as_of.value_or(ctx.now),
                                            policy_.timezone);
        report.violations = domain::ValidateSsdaRows(report.rows, report.year);
        report.csv = domain::SsdaCsv(report.rows);
        return report;
      });
}

}  // namespace mfh::app
