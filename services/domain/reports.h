// The arithmetic of the reports: calendar periods (months, financial-year
// quarters, SSDA903 years) as instants in the hub's time zone, nearest-rank
// percentiles, the SSDA903 Missing table and the DfE checks on it.
#ifndef MFH_SERVICES_DOMAIN_REPORTS_H_
#define MFH_SERVICES_DOMAIN_REPORTS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// A half-open period [start, end) of local calendar days, as instants.
struct Period {
  std::string label;         // "2026-03", "2026-Q1", "2026"
  absl::CivilDay first_day;  // local
  absl::CivilDay end_day;    // local, the day after the last
  absl::Time start;
  absl::Time end;
};

// "YYYY-MM": the calendar month in `tz`. INVALID_ARGUMENT naming `field`.
absl::StatusOr<Period> ParseMonth(absl::string_view field,
                                  absl::string_view text, absl::TimeZone tz);
// "YYYY-Qn" of the financial year: Q1 is April to June of YYYY, Q4 January
// to March of YYYY+1.
absl::StatusOr<Period> ParseQuarter(absl::string_view field,
                                    absl::string_view text, absl::TimeZone tz);
// "YYYY": the SSDA903 year, 1 April YYYY to 31 March YYYY+1 inclusive.
absl::StatusOr<Period> ParseSsdaYear(absl::string_view field,
                                     absl::string_view text, absl::TimeZone tz);
// The month `months_back` months before `month` (0: itself).
Period MonthBefore(const Period& month, int months_back, absl::TimeZone tz);

// The nearest-rank percentile (0 < p <= 100) of ascending `sorted` values:
// the value at rank ceil(p/100 * n). 0 for no values. Of 24, 48, 72, 96 the
// 50th is 48 and the 90th is 96.
double NearestRank(const std::vector<double>& sorted, int p);
// Rounded half away from zero to one decimal.
double RoundToTenth(double value);

// Episodes per child per month while open to the CST, against the same
// children in windows of the same length just before the flag was set.
// A month is 365.25/12 days of elapsed time.
inline constexpr double kDaysPerMonth = 365.25 / 12;
struct CstMeasure {
  int children = 0;         // distinct children in the cohort
  double child_months = 0;  // summed length of the open periods
  int episodes_while_open = 0;
  int episodes_before = 0;
  // Episodes per child-month, to two decimals; 0 without child-months.
  double rate_while_open = 0;
  double rate_before = 0;
};
CstMeasure CstRates(int children, absl::Duration open_time,
                    int episodes_while_open, int episodes_before);

// dd/mm/yyyy, as the SSDA903 return writes dates.
std::string FormatSsdaDate(absl::CivilDay day);

// An episode of a child this authority looks after, as the SSDA903 export
// reads it.
struct SsdaEpisode {
  std::string child_id;
  std::string la_ref;
  absl::CivilDay date_of_birth;
  std::string episode_id;
  Category category = Category::kMissing;
  absl::Time missing_since;
  std::optional<absl::Time> returned_at;
};

// One row of the Missing table: CHILD, DOB, MISSING, MIS_START, MIS_END.
struct SsdaRow {
  std::string child;
  std::string dob;
  std::string missing;
  std::string mis_start;
  std::string mis_end;  // empty while missing at the year's end
  std::string episode_id;
};

// A broken DfE rule: the rule's code, the row (0-based) and the episode.
struct SsdaViolation {
  std::string rule;
  int row = 0;
  std::string episode_id;
  std::string child;
  std::string message;
};

// The rows for `year` as of `as_of`, ordered by CHILD then MIS_START:
// episodes that started in the year (at or before as_of), and those still
// open on 1 April with their original start. MIS_END is the local day of
// the return when it falls in the year and at or before as_of; otherwise
// empty.
std::vector<SsdaRow> BuildSsdaRows(const std::vector<SsdaEpisode>& episodes,
                                   const Period& year, absl::Time as_of,
                                   absl::TimeZone tz);
// The checks of the DfE's Missing table rules that apply to this file (see
// README): 1004, 1005, 1006, 565, 571, and the hub's own MIS-ORDER (end
// before start) and MIS-OVERLAP (two episodes of a child overlapping).
std::vector<SsdaViolation> ValidateSsdaRows(const std::vector<SsdaRow>& rows,
                                            const Period& year);
// The file: the header then a line per row, each ending in CRLF.
std::string SsdaCsv(const std::vector<SsdaRow>& rows);

// A child's chronology: every event of the child's record, one line each.
// The kinds in the order events at the same instant are listed.
enum class EventKind {
  kEpisodeReported,
  kRegraded,
  kReturned,
  kCorrected,
  kRhiOffered,
  kRhiDeclined,
  kRhiCompleted,
  kRhiNotHeld,
  kRhiNotRequired,
  kFlagSet,
  kFlagCleared,
  kNote,
  kDecision,
  kActionAgreed,
  kActionDone,
  kActionDropped,
};
absl::string_view EventKindName(EventKind kind);  // "episode_reported", ...

struct ChronologyEvent {
  absl::Time at;
  EventKind kind;
  std::string episode_id;
  std::string action_id;
  std::string meeting_id;
  std::string detail;  // one line; never the child's name or date of birth
  std::string by;      // the user or worker, when known
};

// The events of one child's record up to and including as_of, oldest first;
// at the same instant in EventKind order, then by id. An episode's report is
// at its missing_since, its return at returned_at, a regrade at the time the
// grade runs from; corrections, notes and actions at the time they were
// recorded.
std::vector<ChronologyEvent> BuildChronology(
    const Child& child, const std::vector<Episode>& episodes,
    const std::vector<Rhi>& rhis, const std::vector<Note>& notes,
    const std::vector<Action>& actions, absl::Time as_of);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_REPORTS_H_
