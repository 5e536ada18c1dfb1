// ReportService's use cases: the monthly figures, the quarter's exceptions, a
// child's chronology and the SSDA903 Missing table, each a read over indexed
// time columns, audited like every read.
#ifndef MFH_SERVICES_APP_REPORTS_H_
#define MFH_SERVICES_APP_REPORTS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/app/runner.h"
#include "services/domain/findings.h"
#include "services/domain/monthly.h"
#include "services/domain/policy.h"
#include "services/domain/reports.h"
#include "services/storage/store.h"

namespace mfh::app {

// A report's period (YYYY-MM, YYYY-Qn or YYYY) as of an instant.
struct PeriodQuery {
  std::string period;
  std::optional<absl::Time> as_of;  // default: the clock
};

// "period 2026-11" when one is given.
std::string AuditSubjectOf(const PeriodQuery& query);

struct ChronologyQuery {
  std::string child_id;
  std::optional<absl::Time> as_of;  // default: the clock
};

// The monthly report of DESIGN.md section 5.
struct MonthlyReport {
  domain::Period month;
  absl::Time as_of;
  domain::MonthlyCounts counts;
  int rhis_completed = 0;
  double median_hours_to_rhi = 0;
  double p90_hours_to_rhi = 0;
  domain::CstMeasure cst;
  // What the month's interviews found (section 10).
  domain::FindingsCounts findings;
  // The 12 months ending with this one, oldest first: (YYYY-MM, episodes).
  std::vector<std::pair<std::string, int>> trend;
};
void AddSubjects(const MonthlyReport& report, AuditSubjects& subjects);

// The SSDA903 Missing table for one year, its DfE rule violations and the
// file.
struct Ssda903Report {
  domain::Period year;
  std::vector<domain::SsdaEpisode> episodes;
  std::vector<domain::SsdaRow> rows;
  std::vector<domain::SsdaViolation> violations;
  std::string csv;
};
void AddSubjects(const Ssda903Report& report, AuditSubjects& subjects);

// The exceptions of one financial-year quarter, as of `as_of`: what a manager
// must look at. Lateness is measured to as_of for what had not happened by
// then.
struct LateInterview {
  domain::Rhi rhi;
  domain::RhiStatus status;          // as of as_of
  std::optional<absl::Time> met_at;  // completed or declined by as_of
  double hours_late = 0;             // one decimal
};
struct LongEpisode {
  domain::Episode episode;
  std::optional<absl::Time> returned_at;  // unset while open at as_of
  double hours_missing = 0;
  double hours_over = 0;
};
struct OverdueAction {
  domain::Action action;
  domain::ActionStatus status;          // as of as_of
  std::optional<absl::Time> closed_at;  // unset while open at as_of
  double days_overdue = 0;
};
struct ExceptionReport {
  domain::Period quarter;
  absl::Time as_of;
  absl::Duration long_episode_after;
  absl::Duration late_action_after;
  std::vector<LateInterview> late_interviews;
  std::vector<LongEpisode> long_episodes;
  std::vector<OverdueAction> overdue_actions;
};
void AddSubjects(const ExceptionReport& report, AuditSubjects& subjects);

// A child's chronology as of `as_of`, oldest first.
struct Chronology {
  std::string child_id;
  absl::Time as_of;
  std::vector<domain::ChronologyEvent> events;
};
void AddSubjects(const Chronology& chronology, AuditSubjects& subjects);

// Places and associates named for several children in interviews completed
// in [from, to) (DESIGN.md section 10).
inline constexpr int kDefaultHotspotChildren = 2;
struct HotspotsQuery {
  std::optional<absl::Time> from;
  std::optional<absl::Time> to;
  int min_children = 0;  // 0: kDefaultHotspotChildren
};
// "hotspots 2026-11-01T00:00:00Z to 2026-12-01T00:00:00Z".
std::string AuditSubjectOf(const HotspotsQuery& query);
struct HotspotReport {
  std::vector<domain::Hotspot> hotspots;
};
void AddSubjects(const HotspotReport& report, AuditSubjects& subjects);

class Reports {
 public:
  Reports(Runner& runner, const domain::Policy& policy)
      : runner_(runner), policy_(policy) {}

  // Periods are in the policy's time zone; what happened after as_of is not
  // counted.
  absl::StatusOr<MonthlyReport> GetMonthlyReport(const Call& call,
                                                 const PeriodQuery& query);
  // RHIs due in the quarter met late or never, episodes started in it that
  // lasted over 7 days, actions due in it closed (or open) over 14 days late.
  absl::StatusOr<ExceptionReport> GetExceptionReport(const Call& call,
                                                     const PeriodQuery& query);
  // Every event of the child's record up to as_of.
  absl::StatusOr<Chronology> GetChronology(const Call& call,
                                           const ChronologyQuery& query);
  absl::StatusOr<Ssda903Report> GetSsda903Missing(const Call& call,
                                                  const PeriodQuery& query);
  absl::StatusOr<HotspotReport> GetHotspots(const Call& call,
                                            const HotspotsQuery& query);

  // The policy's name of the authority, which every report carries.
  const std::string& authority() const { return policy_.authority; }

 private:
  Runner& runner_;
  const domain::Policy& policy_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_REPORTS_H_
