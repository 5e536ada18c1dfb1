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
#include "services/domain/findings.h"
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

// A flag with its child, as the CST measure reads it.
struct ChildFlag {
  std::string child_id;
  Flag flag;
};

// One open_to_cst flag of the CST cohort of a period: its open window
// [set_at, stop), stop being the earlier of its clearing and the period's
// end, and the window of the same length just before it,
// [before_from, set_at).
struct CstWindow {
  std::string child_id;
  absl::Time before_from;
  absl::Time set_at;
  absl::Time stop;
};

// The cohort of [from, until): every open_to_cst flag set before until and
// not cleared before from, in the order given.
std::vector<CstWindow> CstCohort(const std::vector<ChildFlag>& flags,
                                 absl::Time from, absl::Time until);

// The measure over the cohort; starts[i] holds the missing_since of the
// episodes of cohort[i]'s child in [before_from, stop) (any others are
// ignored). Children are counted once however many flags they have.
CstMeasure MeasureCst(const std::vector<CstWindow>& cohort,
                      const std::vector<std::vector<absl::Time>>& starts);

// dd/mm/yyyy, as the SSDA903 return writes dates.
std::string FormatSsdaDate(absl::CivilDay day);

// A child placed here by another authority: placing_authority is set and is
// not `authority` (the policy's).
bool PlacedByOtherAuthority(absl::string_view placing_authority,
                            absl::string_view authority);
// A child looked after by this authority: looked after, and placed by no
// other (the children of the SSDA903 Missing table).
bool LookedAfterHere(bool looked_after, absl::string_view placing_authority,
                     absl::string_view authority);

// An episode with what the SSDA903 export reads of its child.
struct SsdaEpisode {
  std::string child_id;
  std::string la_ref;
  absl::CivilDay date_of_birth;
  bool looked_after = false;
  std::string placing_authority;
  std::string episode_id;
  Category category = Category::kMissing;
  absl::Time missing_since;
  std::optional<absl::Time> returned_at;
};

// Whether the episode belongs to the SSDA903 table of [from, until): it
// started before until and had not returned before from (those still
// missing on 1 April keep their original start).
bool InSsdaPeriod(const SsdaEpisode& episode, absl::Time from,
                  absl::Time until);

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

// The rows for `year` as of `as_of`, ordered by CHILD then MIS_START: the
// episodes InSsdaPeriod of the year that started at or before as_of (those
// still open on 1 April with their original start). MIS_END is the local
// day of the return when it falls in the year and at or before as_of;
// otherwise empty. The caller passes only children LookedAfterHere.
std::vector<SsdaRow> BuildSsdaRows(const std::vector<SsdaEpisode>& episodes,
                                   const Period& year, absl::Time as_of,
                                   absl::TimeZone tz);
// The checks of the DfE's Missing table rules that apply to this file (see
// README): 1004, 1005, 1006, 565, 571, and the hub's own MIS-ORDER (end
// before start) and MIS-OVERLAP (two episodes of a child overlapping).
std::vector<SsdaViolation> ValidateSsdaRows(const std::vector<SsdaRow>& rows,
                                            const Period& year);
// The file: the header then a line per row, each ending in CRLF, each field
// as domain::CsvField writes it.
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
  kRhiFollowUp,
  kRhiCompleted,
  kRhiFindings,
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
// recorded; a follow-up after a decline at its time, a version of the
// findings when it was recorded (`found`: the child's interviews with their
// findings and follow-ups). Voided episodes (reports made in error) are left
// out.
std::vector<ChronologyEvent> BuildChronology(
    const Child& child, const std::vector<Episode>& episodes,
    const std::vector<Rhi>& rhis, const std::vector<Note>& notes,
    const std::vector<Action>& actions, absl::Time as_of,
    const std::vector<InterviewRecord>& found = {});

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_REPORTS_H_
