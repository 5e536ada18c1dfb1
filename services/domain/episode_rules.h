// The rules for episodes and returns (DESIGN.md section 3): what a report or a
// return must hold, when a second call is a retry, and how corrections apply.
// Each check returns the canonical code DESIGN.md gives, with a message that
// names the field and the rule and carries ids only.
#ifndef MFH_SERVICES_DOMAIN_EPISODE_RULES_H_
#define MFH_SERVICES_DOMAIN_EPISODE_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// How far past the server's clock an event time may be (clock skew).
inline constexpr absl::Duration kEventTimeSlack = absl::Minutes(5);

// INVALID_ARGUMENT when the event time `t` is later than now + 5 minutes.
absl::Status CheckEventTime(absl::string_view field, absl::Time t,
                            absl::Time now);

// A missing report as the caller sent it: unset fields were left to defaults
// and are not compared on a retry.
struct MissingReport {
  std::string child_id;
  std::string police_force;
  std::string police_ref;
  std::optional<Category> category;         // default kMissing
  std::optional<absl::Time> missing_since;  // required
  std::optional<absl::Time> notified_at;    // default: the server's clock
  Risk risk = Risk::kUnspecified;           // required
  std::string reporter;
};

// The report's own fields (INVALID_ARGUMENT).
absl::Status ValidateMissingReport(const MissingReport& report, absl::Time now);
// The fields the caller supplied that differ from the stored episode's, each
// as "missing_since 2026-03-26T18:00:00Z (this report: ...)"; the risk is
// compared with the grade first reported. Empty for a retry.
std::vector<std::string> ReportDifferences(const Episode& stored,
                                           const MissingReport& report);
bool IsSameReport(const Episode& stored, const MissingReport& report);
// The new episode, not yet stored (no id), with its first risk grade.
Episode NewEpisode(const MissingReport& report, absl::Time now,
                   absl::string_view recorded_by);

// FAILED_PRECONDITION when `candidate` would be a second open episode of the
// child, or its missing period would overlap another of `others` (the child's
// other episodes; `candidate` itself is skipped by id), naming `field` as
// the cause of an overlap.
absl::Status CheckFitsBesideOthers(const Episode& candidate,
                                   const std::vector<Episode>& others,
                                   absl::string_view field = "missing_since");

// A return as the caller sent it. The episode is named by police_force and
// police_ref, or by episode_id.
struct ReturnReport {
  std::string police_force;
  std::string police_ref;
  std::string episode_id;
  std::optional<absl::Time> returned_at;         // required
  std::optional<absl::Time> return_notified_at;  // default: the clock
  std::string found_location;
  std::string found_with;
  ReturnedTo returned_to = ReturnedTo::kUnspecified;
};

absl::Status ValidateReturnReport(const ReturnReport& report, absl::Time now);
// The supplied fields of a return logged again that differ from the stored
// return, as ReportDifferences words them. Empty for a retry.
std::vector<std::string> ReturnDifferences(const Episode& stored,
                                           const ReturnReport& report);
bool IsSameReturn(const Episode& stored, const ReturnReport& report);
// Records the return on the open `episode`; INVALID_ARGUMENT when it would
// come before missing_since.
absl::Status ApplyReturn(const ReturnReport& report, absl::Time now,
                         Episode& episode);

// A correction of a logged return: unset fields keep their value.
// The episode is named by episode_id, or by police_force and police_ref.
struct ReturnCorrection {
  std::string episode_id;
  std::string police_force;
  std::string police_ref;
  std::string reason;
  std::optional<absl::Time> returned_at;
  std::optional<absl::Time> return_notified_at;
  std::optional<std::string> found_location;
  std::optional<std::string> found_with;
  ReturnedTo returned_to = ReturnedTo::kUnspecified;
};

absl::Status ValidateReturnCorrection(const ReturnCorrection& c,
                                      absl::Time now);
// Applies the correction to a returned `episode` and returns the audit record
// of what changed, or none when it changes nothing (a retry);
// FAILED_PRECONDITION when the episode has not returned, INVALID_ARGUMENT
// when the result breaks the time order.
absl::StatusOr<std::optional<Correction>> ApplyReturnCorrection(
    const ReturnCorrection& c, absl::Time now, absl::string_view by,
    Episode& episode);

// A regrade and/or a correction of the report's facts, the child's
// included (a report made against the wrong child).
struct EpisodeUpdate {
  std::string episode_id;
  std::string reason;
  Risk risk = Risk::kUnspecified;
  std::optional<absl::Time> risk_from;  // required with risk
  std::optional<absl::Time> missing_since;
  Category category = Category::kUnspecified;
  std::optional<absl::Time> notified_at;
  std::string child_id;  // empty: the same child
};

absl::Status ValidateEpisodeUpdate(const EpisodeUpdate& u, absl::Time now);
// Applies the update; returns the audit record of what changed, or none when
// it changes nothing (a retry: a grade already recorded from the same time
// is not recorded again), and appends any new grade to episode.risk_history
// (and to `new_grade`).
absl::StatusOr<std::optional<Correction>> ApplyEpisodeUpdate(
    const EpisodeUpdate& u, absl::Time now, absl::string_view by,
    Episode& episode, std::optional<RiskGrade>& new_grade);

// Whether the episode is open at `t`: it started at or before t and had not
// returned by then (a return at t ends it), and was not voided. The agenda's
// "missing now".
bool OpenAt(const Episode& episode, absl::Time t);

// The grade with the latest `from` (the later record on a tie).
Risk CurrentRisk(const std::vector<RiskGrade>& history);
// The grade in force at `t`: the latest `from` at or before t, else the first.
Risk RiskAt(const std::vector<RiskGrade>& history, absl::Time t);

absl::string_view RiskName(Risk risk);       // "HIGH", "NO_APPARENT_RISK", ...
absl::string_view CategoryName(Category c);  // "MISSING", "ABSENT"
absl::string_view ReturnedToName(ReturnedTo r);  // "home", "placement", ...

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_EPISODE_RULES_H_
