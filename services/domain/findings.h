// What a return home interview finds (DESIGN.md section 10): its structured
// findings, the follow-ups after a decline, what may be shared with the
// police, and the places and associates named for several children.
#ifndef MFH_SERVICES_DOMAIN_FINDINGS_H_
#define MFH_SERVICES_DOMAIN_FINDINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

enum class Referral { kUnspecified = 0, kNone, kCst, kMash, kWise };

// "none", "cst", "mash", "wise" ("" for kUnspecified); ParseReferral is the
// inverse (kUnspecified for anything else).
absl::string_view ReferralName(Referral referral);
Referral ParseReferral(absl::string_view name);

// Shared intelligence not acknowledged this long after it was recorded is
// counted on the agenda.
inline constexpr absl::Duration kIntelligenceAckWithin = absl::Hours(24);

// Places and associates: how many an interview may name.
inline constexpr int kMaxNamesPerList = 50;

// One version of an interview's findings. Factors and indicators are the
// names of the API's enum values ("PUSH_FAMILY_CONFLICT", "INDICATOR_CCE"),
// which the transport checks.
struct Findings {
  std::vector<std::string> push_factors;
  std::string push_other;
  std::vector<std::string> pull_factors;
  std::string pull_other;
  std::vector<std::string> places;
  std::vector<std::string> associates;
  std::vector<std::string> indicators;
  std::string indicator_other;
  std::string child_voice;
  Referral referral = Referral::kUnspecified;
  bool share_with_police = false;
  std::string share_basis;
  // Set when recorded.
  int version = 0;
  absl::Time recorded_at;
  std::string recorded_by;
  // Shared findings: when and by whom the police acknowledged this version.
  std::optional<absl::Time> acknowledged_at;
  std::string acknowledged_by;
};

// An interview's findings with the child and the interview they are of.
struct FindingsOf {
  std::string episode_id;
  std::string child_id;
  std::optional<absl::Time> completed_at;
  Findings findings;
};

// The version in force at `t`: the last recorded at or before it (none when
// none was), with its acknowledgement only if made by t.
std::optional<Findings> FindingsAsOf(const std::vector<Findings>& versions,
                                     absl::Time t);

struct FindingsRecord {
  std::string episode_id;
  Findings findings;
};

// The request's own fields (INVALID_ARGUMENT naming the field): an `_OTHER`
// value needs its text and the text needs the value; a basis is required
// when shared and only then; places and associates are not empty, at most
// kMaxNamesPerList each; the limits of section 5.
absl::Status ValidateFindings(const FindingsRecord& record);

// The findings as stored: names trimmed, factors and indicators each once
// (first mention kept), an unspecified referral taken as none.
Findings CanonicalFindings(Findings findings);

// The same findings as recorded (not their version, time or author):
// recording them again is a retry.
bool SameFindings(const Findings& a, const Findings& b);

// FAILED_PRECONDITION naming `field` unless the interview was completed:
// findings are what an interview found.
absl::Status CheckFindingsAllowed(absl::string_view field, const Rhi& rhi);

// An exploitation indicator with no referral yet: an agenda item.
bool IsExploitationConcern(const Findings& findings);

struct FollowUp {
  absl::Time at;
  std::string by;
  bool engaged = false;
  std::string notes;
  absl::Time recorded_at;
  std::string recorded_by;
};

struct FollowUpRecord {
  std::string episode_id;
  std::optional<absl::Time> at;
  std::string by;
  bool engaged = false;
  std::string notes;
};

// The request's own fields: the episode, a time not after `now`, who
// followed up (required), the limits of section 5.
absl::Status ValidateFollowUp(const FollowUpRecord& record, absl::Time now);

// Checks that the child declined the interview, at or before the follow-up
// (FAILED_PRECONDITION, INVALID_ARGUMENT naming "at"), and returns the
// follow-up to store, or none when `earlier` holds the same one (a retry).
absl::StatusOr<std::optional<FollowUp>> ApplyFollowUp(
    const FollowUpRecord& record, const Rhi& rhi,
    const std::vector<FollowUp>& earlier, absl::Time now,
    absl::string_view recorded_by);

// A factor or indicator in words: its prefix dropped, lower case but for
// acronyms ("PUSH_FAMILY_CONFLICT" -> "family conflict", "INDICATOR_CCE" ->
// "CCE").
std::string ValueWords(absl::string_view value_name);

// One line on a version of the findings for a chronology: the factors,
// indicators, places, associates, referral and sharing; never the child's
// words.
std::string DescribeFindings(const Findings& findings);
// One line on a follow-up.
std::string DescribeFollowUp(const FollowUp& follow_up);

// An interview with every version of its findings and its follow-ups.
struct InterviewRecord {
  Rhi rhi;
  std::vector<Findings> findings;
  std::vector<FollowUp> follow_ups;
};

// The month's figures on what interviews found (MonthlyReport fields
// interviews_with_indicators to declines_followed_up).
struct FindingsCounts {
  int interviews_with_indicators = 0;
  int referrals_cst = 0;
  int referrals_mash = 0;
  int referrals_wise = 0;
  int intelligence_shared = 0;
  int intelligence_acknowledged = 0;
  int rhis_declined = 0;
  int declines_followed_up = 0;
};

// `completed`: the interviews completed in the month; `due`: those due in
// it (only declined ones count, by their follow-ups; the others may be left
// out). Each as recorded by as_of.
FindingsCounts CountFindings(const std::vector<InterviewRecord>& completed,
                             const std::vector<InterviewRecord>& due,
                             absl::Time as_of);

// How a place or associate is matched across interviews: lower case,
// punctuation dropped, runs of spaces as one, no space at either end
// ("Wigan  Bus Station." -> "wigan bus station").
std::string HotspotKey(absl::string_view name);

enum class HotspotKind { kPlace = 1, kAssociate = 2 };

// One place or associate as one interview named it.
struct Mention {
  HotspotKind kind = HotspotKind::kPlace;
  std::string name;  // as written
  std::string child_id;
  std::string episode_id;
  absl::Time completed_at;
};

struct Hotspot {
  HotspotKind kind = HotspotKind::kPlace;
  // As written in the earliest mention.
  std::string name;
  // Earliest completed first, then by episode id.
  std::vector<Mention> mentions;
  int children = 0;  // distinct children among the mentions
};

// The places and associates among `mentions` that at least `min_children`
// different children named (matched by HotspotKey, places and associates
// apart); most children first, then places before associates, then by key.
std::vector<Hotspot> FindHotspots(std::vector<Mention> mentions,
                                  int min_children);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_FINDINGS_H_
