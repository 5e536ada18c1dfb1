// The hub's records as plain values: what the rules work on and the storage
// keeps.
#ifndef MFH_SERVICES_DOMAIN_TYPES_H_
#define MFH_SERVICES_DOMAIN_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace mfh::domain {

// Nothing relies on these numbers: the wire (services/rpc/codec.h) and the
// database (the store's codes) each convert through a codec of their own.
enum class Risk { kUnspecified = 0, kNoApparentRisk, kLow, kMedium, kHigh };
enum class Category { kUnspecified = 0, kMissing, kAbsent };
enum class ReturnedTo {
  kUnspecified = 0,
  kHome,
  kPlacement,
  kHospital,
  kCustody,
  kOther
};
enum class RhiStatus {
  kUnspecified = 0,
  kDue,
  kOffered,
  kOverdue,
  kCompleted,
  kDeclined,
  kNotHeld,
  kNotRequired
};
enum class Role {
  kUnspecified = 0,
  kCoordinator,
  kPolice,
  kRhiWorker,
  kManager,
  kAdmin
};
enum class Concern { kUnspecified = 0, kNone, kCse, kCce };
enum class RhiClockStart { kNotificationOfReturn = 1, kReturn = 2 };

inline constexpr char kFlagOpenToCst[] = "open_to_cst";
inline constexpr char kFlagCseConcern[] = "cse_concern";
inline constexpr char kFlagCceConcern[] = "cce_concern";

struct Flag {
  std::string name;
  absl::Time set_at;
  std::optional<absl::Time> cleared_at;
};

// Who the child is to the agencies that work with them (DESIGN.md section
// 11); empty where not known.
struct ChildProfile {
  std::string sex;        // male, female, other or unknown
  std::string ethnicity;  // a DfE code: WBRI, MWBC, BAFR, ...
  std::string social_worker;
  std::string team;
  std::string placement;
  std::string school;
  std::vector<std::string> contacts;  // "Mum: 07700 900123", ...

  friend bool operator==(const ChildProfile&, const ChildProfile&) = default;
};

// One change to a child's record: who, when, and each field as
// "school: Oak Academy -> Elm High".
struct ChildChange {
  absl::Time at;
  std::string by;
  std::vector<std::string> changes;
};

struct Child {
  std::string child_id;
  std::string name;
  absl::CivilDay date_of_birth;
  std::string la_ref;
  bool looked_after = false;
  std::string placing_authority;
  // Every flag ever set, oldest first; those without cleared_at are in force.
  std::vector<Flag> flags;
  absl::Time created_at;
  ChildProfile profile;
  // Oldest first; loaded with the flags.
  std::vector<ChildChange> history;
};

struct RiskGrade {
  Risk risk = Risk::kUnspecified;
  absl::Time from;
  absl::Time recorded_at;
  std::string recorded_by;
  std::string reason;
};

// One audited change to an episode, with the previous values.
struct Correction {
  absl::Time at;
  std::string by;
  std::string rpc;
  std::string reason;
  std::vector<std::string> changes;  // "field: old -> new"
};

struct Episode {
  std::string episode_id;
  std::string child_id;
  std::string police_force;
  std::string police_ref;
  Category category = Category::kMissing;
  absl::Time missing_since;
  absl::Time notified_at;
  // The grade with the latest `from`; kept in step with risk_history.
  Risk risk = Risk::kUnspecified;
  std::string reporter;
  std::optional<absl::Time> returned_at;
  std::optional<absl::Time> return_notified_at;
  std::string found_location;
  std::string found_with;
  ReturnedTo returned_to = ReturnedTo::kUnspecified;
  // Oldest `from` first.
  std::vector<RiskGrade> risk_history;
  // Oldest first.
  std::vector<Correction> corrections;
  // Set when a coordinator (or its reporter) voided it as made in error: it
  // then leaves the agenda, the board, the interviews owed and every report,
  // and stays in the child's history and the audit.
  std::optional<absl::Time> voided_at;
  std::string void_reason;

  bool open() const { return !returned_at.has_value(); }
  bool voided() const { return voided_at.has_value(); }
};

struct RhiOutcome {
  std::vector<Concern> concerns;
  bool referral_made = false;
  std::string notes;
};

// How an RHI was closed without an interview.
enum class RhiClosure { kNone = 0, kNotHeld, kNotRequired };

// The return home interview owed for one returned episode.
struct Rhi {
  std::string episode_id;
  std::string child_id;
  absl::Time returned_at;
  absl::Time return_notified_at;
  absl::Time due_at;              // by the policy's clock start
  absl::Time due_at_from_return;  // always from returned_at
  std::optional<absl::Time> offered_at;
  std::string offered_by;
  std::optional<absl::Time> declined_at;
  std::string decline_reason;
  std::optional<absl::Time> completed_at;
  std::string completed_by;
  RhiOutcome outcome;
  std::vector<std::string> also_episode_ids;
  RhiClosure closure = RhiClosure::kNone;
  std::optional<absl::Time> closed_at;
  std::string closed_reason;
  // The episode's voided_at: a voided episode's RHI is no longer owed and
  // leaves every list and report.
  std::optional<absl::Time> voided_at;

  // When the RHI stopped being owed: completed, declined, not held or not
  // required. Unset while it is open.
  std::optional<absl::Time> final_at() const;
};

enum class ActionStatus { kUnspecified = 0, kOpen, kDone, kDropped };

// A multi-agency action agreed at a meeting, in the five-part form.
struct Action {
  std::string action_id;  // "A<n>"
  std::string child_id;
  std::string meeting_id;
  absl::CivilDay meeting_day;
  std::string what;
  std::string who;  // a person or agency, free text
  absl::Time by_when;
  std::string done_when;    // how we will know it is done
  std::string worked_when;  // how we will know it worked
  std::string assignee;     // a user name, optional
  ActionStatus status = ActionStatus::kOpen;
  std::string done_evidence;
  std::string impact_evidence;
  std::string drop_reason;
  bool addendum = false;
  std::string created_by;
  absl::Time created_at;
  std::optional<absl::Time> closed_at;  // done or dropped
};

// A note or a decision about a child at a meeting.
struct Note {
  std::string note_id;  // "N<n>"
  std::string meeting_id;
  std::string child_id;
  std::string text;
  bool decision = false;
  bool addendum = false;
  std::string author;
  absl::Time at;
};

enum class MeetingState { kUnspecified = 0, kOpen, kClosed };

// The daily missing meeting for one calendar day.
struct Meeting {
  std::string meeting_id;  // "M<n>"
  absl::CivilDay day;
  MeetingState state = MeetingState::kOpen;
  // The agenda frozen when the meeting opened, as of this instant.
  absl::Time as_of;
  // The frozen agenda, serialised by the layer above; storage keeps it as is.
  std::string frozen_agenda;
  std::vector<std::string> attendees;
  std::string opened_by;
  absl::Time opened_at;
  std::optional<absl::Time> closed_at;
  // Filled on reads, oldest first; not written by Insert/UpdateMeeting.
  std::vector<Note> notes;
  std::vector<Action> actions;
};

// Episodes that a coordinator linked: missing together or found together.
struct Link {
  std::string link_id;  // "L<n>"
  std::vector<std::string> episode_ids;
  std::string reason;
  std::string created_by;
  absl::Time created_at;
};

struct User {
  std::string name;
  Role role = Role::kUnspecified;
  absl::Time created_at;
  std::optional<absl::Time> revoked_at;
};

struct AuditRecord {
  int64_t audit_id = 0;
  absl::Time at;
  std::string user;
  Role role = Role::kUnspecified;
  std::string rpc;
  std::vector<std::string> child_ids;
  std::vector<std::string> episode_ids;
  std::string outcome;  // "OK" or the canonical code's name
  // What a call acted on beyond children and episodes ("user sam as police",
  // "meeting M3", "peer ipv4:10.0.0.7"); empty when nothing.
  std::string subject;
};

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_TYPES_H_
