// The daily missing meeting's agenda for day D as of instant T (DESIGN.md
// section 3), and the rules it is built from: escalation, repeat missing,
// linked episodes and the next meeting. Pure functions of the data given.
#ifndef MFH_SERVICES_DOMAIN_AGENDA_H_
#define MFH_SERVICES_DOMAIN_AGENDA_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/findings.h"
#include "services/domain/policy.h"
#include "services/domain/types.h"

namespace mfh::domain {

// The child's interview before a returned episode's own (PreviousRhiOf), as
// the agenda shows it beside the return.
struct PreviousRhi {
  std::string episode_id;
  RhiStatus status = RhiStatus::kUnspecified;  // as of T
  // When it was completed, declined, not held or found not required; unset
  // while it is still owed as of T.
  std::optional<absl::Time> closed_at;
  // What a completed interview found: its concerns and referral, without
  // its notes. Unset unless completed as of T, and cleared for a reader
  // without the right to read outcomes.
  std::optional<RhiOutcome> outcome;
};

struct AgendaEntry {
  std::string child_id;
  std::string episode_id;
  std::string action_id;
  // The child's flags in force, open_to_cst first.
  std::vector<std::string> flags;
  Risk risk = Risk::kUnspecified;  // as of T
  Category category = Category::kUnspecified;
  std::optional<absl::Time> missing_since;
  std::string escalation;  // the step reached; empty before the first
  std::optional<absl::Time> returned_at;
  std::optional<absl::Time> return_notified_at;
  // Where and with whom a child who has returned was found.
  std::string found_location;
  std::string found_with;
  std::optional<absl::Time> due_at;
  RhiStatus rhi_status = RhiStatus::kUnspecified;
  // returned: the child's interview before this episode's, if any.
  std::optional<PreviousRhi> previous_rhi;
  int episode_count = 0;  // repeat_missing: episodes in the window
  // repeat_missing: the policy's window the episodes were counted in.
  absl::Duration repeat_window = absl::ZeroDuration();
  std::string what;
  std::string who;
  std::optional<absl::Time> by_when;
  // exploitation_concerns: the indicators named (ExploitationIndicator value
  // names) and when the interview was completed.
  std::vector<std::string> indicators;
  std::optional<absl::Time> completed_at;
};

struct LinkedGroup {
  std::string link_id;  // empty for a suggestion
  bool suggested = false;
  std::string reason;
  std::vector<AgendaEntry> entries;  // by child id, then episode id
};

struct Agenda {
  absl::CivilDay day;
  absl::Time as_of;
  std::vector<AgendaEntry> missing_now;
  std::vector<AgendaEntry> returned;
  std::vector<AgendaEntry> rhi_overdue;
  std::vector<AgendaEntry> rhi_due_soon;
  std::vector<AgendaEntry> repeat_missing;
  std::vector<LinkedGroup> linked;
  std::vector<AgendaEntry> exploitation_concerns;
  std::vector<AgendaEntry> open_actions;
  // Shared with the police at least 24 hours before as_of, not acknowledged.
  int intelligence_unacknowledged = 0;
};

// What the agenda for day D as of T is assembled from; the storage supplies
// exactly these sets, each by an index.
struct AgendaData {
  std::vector<Episode> open_at;  // open at T
  // return_notified_at in (previous frozen as_of, or T - 24h; T].
  std::vector<Episode> returned_recently;
  // RHIs open as of T, and the RHIs of returned_recently.
  std::vector<Rhi> rhis;
  // For each episode of returned_recently, its PreviousRhiOf (none when
  // there is none).
  std::vector<Rhi> previous_rhis;
  // missing_since in (T - repeat_window, T].
  std::vector<Episode> repeat_window;
  // Returned in [T - link_window, T] (with open_at, the link candidates).
  std::vector<Episode> returned_in_link_window;
  std::vector<Link> links;  // stored links touching the candidates
  // Open actions agreed at meetings before day D.
  std::vector<Action> open_actions;
  // The newest findings naming an indicator with no referral, recorded at or
  // before T (IsExploitationConcern).
  std::vector<FindingsOf> concerns;
  // Shared findings recorded at or before T - 24h and not acknowledged.
  int intelligence_unacknowledged = 0;
  // Every child the sets above mention.
  std::vector<Child> children;
};

// Repeat missing as of T counts a child's episodes starting in
// (T - repeat_window, T]; the child is repeat missing with at least
// repeat_count of them.
bool InRepeatWindow(const Policy& policy, absl::Time missing_since,
                    absl::Time as_of);
bool IsRepeatMissing(const Policy& policy, int episodes_in_window);

// The interview before `returned`'s own: of the same child, for another
// episode that returned at or before `returned` went missing, the one whose
// return is the latest (the higher episode id of two at the same instant).
// Null when there is none among `rhis`.
const Rhi* PreviousRhiOf(const Episode& returned, const std::vector<Rhi>& rhis);

// Link suggestions look among the episodes open at T and those returned in
// [T - link_window, T].
bool InLinkWindow(const Policy& policy, absl::Time returned_at,
                  absl::Time as_of);

// Where the "returned" section starts: the previous meeting's frozen as_of,
// or 24 hours before T when there was none.
absl::Time ReturnedSectionStart(std::optional<absl::Time> previous_as_of,
                                absl::Time as_of);

Agenda AssembleAgenda(const Policy& policy, absl::CivilDay day,
                      absl::Time as_of, const AgendaData& data);

// The escalation step an open episode has reached at `t` by time missing;
// an episode whose risk at t is HIGH is at least at the first step. Empty
// before the first step.
std::string EscalationReached(const Policy& policy, const Episode& episode,
                              absl::Time t);

// The instant of the next working day's meeting after `day` (Monday to
// Friday, not a policy non-working day), at the policy's meeting time.
absl::Time NextMeetingAfter(const Policy& policy, absl::CivilDay day);

// The end of the due-soon window: the later of T + due_soon_window and the
// next working day's meeting after day D.
absl::Time DueSoonUntil(const Policy& policy, absl::CivilDay day,
                        absl::Time as_of);

// A found location compared as the rule says: case ignored, runs of spaces
// folded, ends trimmed. Empty stays empty (and never matches).
std::string NormalizeLocation(absl::string_view location);

// Groups of episodes of different children whose missing periods overlap and
// whose normalised found_location is the same and not empty. Each group holds
// two or more episode ids, ordered; groups ordered by their first id.
std::vector<std::vector<std::string>> SuggestLinks(
    const std::vector<Episode>& candidates, absl::Time as_of);

// The order ids are shown in: "C2" before "C10".
bool IdLess(absl::string_view a, absl::string_view b);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_AGENDA_H_
