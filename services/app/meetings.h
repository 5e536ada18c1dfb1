// MeetingService's use cases: the agenda, the daily meeting (opened with its
// agenda frozen, notes, actions, closed) and the actions it agrees.
#ifndef MFH_SERVICES_APP_MEETINGS_H_
#define MFH_SERVICES_APP_MEETINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/paging.h"
#include "services/app/runner.h"
#include "services/domain/agenda.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/policy.h"

namespace mfh::app {

// The bytes a meeting freezes its agenda in: the transport's format, so that
// this layer stays free of it.
class AgendaCodec {
 public:
  virtual ~AgendaCodec() = default;
  virtual std::string Encode(const domain::Agenda& agenda) const = 0;
  // DATA_LOSS when the bytes are not an agenda.
  virtual absl::StatusOr<domain::Agenda> Decode(
      absl::string_view bytes) const = 0;
};

// A day's agenda (or meeting) as of an instant.
struct AgendaQuery {
  std::string day;                  // YYYY-MM-DD; empty: the day of as_of
  std::optional<absl::Time> as_of;  // default: the clock
};

// A meeting by id, or (meeting_id empty) by day, YYYY-MM-DD.
struct MeetingRef {
  std::string meeting_id;
  std::string day;
};

struct MeetingClosing {
  std::string meeting_id;
  std::vector<std::string> attendees;
};

struct ActionQuery {
  std::string child_id;  // empty: every child
  bool open_only = false;
  PageRequest page;
};

// A meeting with the agenda it froze when it opened.
struct MeetingRecord {
  domain::Meeting meeting;
  domain::Agenda agenda;
};
void AddSubjects(const MeetingRecord& record, AuditSubjects& subjects);
// A meeting listed without its agenda, notes and actions.
void AddSubjects(const domain::Meeting& meeting, AuditSubjects& subjects);
// "meeting M3", or "meeting of 2026-12-02" for one asked for by day.
std::string AuditSubjectOf(const MeetingRef& ref);
std::string AuditSubjectOf(const MeetingClosing& closing);

class Meetings {
 public:
  Meetings(Runner& runner, const domain::Policy& policy,
           const AgendaCodec& codec, const PageTokens& pages)
      : runner_(runner), policy_(policy), codec_(codec), pages_(pages) {}

  absl::StatusOr<domain::Agenda> GetAgenda(const Call& call,
                                           const AgendaQuery& query);
  // Freezes the agenda for the day as of as_of inside the new meeting.
  absl::StatusOr<MeetingRecord> OpenMeeting(const Call& call,
                                            const AgendaQuery& query);
  absl::StatusOr<domain::Note> AddNote(const Call& call,
                                       const domain::NewNote& note);
  absl::StatusOr<domain::Action> AddAction(const Call& call,
                                           const domain::NewAction& action);
  absl::StatusOr<domain::Action> UpdateAction(
      const Call& call, const domain::ActionUpdate& update);
  absl::StatusOr<MeetingRecord> CloseMeeting(const Call& call,
                                             const MeetingClosing& closing);
  absl::StatusOr<MeetingRecord> GetMeeting(const Call& call,
                                           const MeetingRef& ref);
  // Meetings in the order opened, without agendas, notes or actions: they
  // name no child.
  absl::StatusOr<Paged<domain::Meeting>> ListMeetings(const Call& call,
                                                      const PageRequest& page);
  // Ordered by by_when, then action id.
  absl::StatusOr<Paged<domain::Action>> ListActions(const Call& call,
                                                    const ActionQuery& query);

 private:
  // The meeting with its frozen agenda decoded, as `viewer` may see it.
  absl::StatusOr<MeetingRecord> Record(domain::Meeting meeting,
                                       const Principal& viewer) const;

  Runner& runner_;
  const domain::Policy& policy_;
  const AgendaCodec& codec_;
  const PageTokens& pages_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_MEETINGS_H_
