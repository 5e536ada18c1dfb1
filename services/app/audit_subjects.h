// Which children and episodes an audit row names: derived from what a call
// asked for and from the records it returned, never gathered by hand in a
// use case. Every record type a use case returns has an AddSubjects overload,
// so a new use case whose result names nothing does not compile.
#ifndef MFH_SERVICES_APP_AUDIT_SUBJECTS_H_
#define MFH_SERVICES_APP_AUDIT_SUBJECTS_H_

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "services/domain/agenda.h"
#include "services/domain/findings.h"
#include "services/domain/types.h"

namespace mfh::app {

// Ids in the order first named, each once; empty ids, and strings too long
// to be ids, are left out.
class AuditSubjects {
 public:
  void AddChild(absl::string_view child_id);
  void AddEpisode(absl::string_view episode_id);
  // What the call acted on beyond children and episodes ("user sam as
  // police", "meeting M3 of 2026-12-02", "period 2026-11"); the last one
  // set wins, so that a result can say more than its request.
  void SetSubject(std::string subject) { subject_ = std::move(subject); }

  const std::vector<std::string>& child_ids() const { return child_ids_; }
  const std::vector<std::string>& episode_ids() const { return episode_ids_; }
  const std::string& subject() const { return subject_; }

 private:
  std::string subject_;
  std::vector<std::string> child_ids_;
  std::vector<std::string> episode_ids_;
  std::unordered_set<std::string> seen_;
};

// The ids a request names in its fields child_id, episode_id, episode_ids
// and also_episode_ids, and its subject (AuditSubjectOf, found by
// argument-dependent lookup, for a request that has one): what a refused
// call is recorded as having asked for.
template <typename Request>
AuditSubjects RequestedSubjects(const Request& request) {
  AuditSubjects subjects;
  if constexpr (requires { request.child_id; }) {
    subjects.AddChild(request.child_id);
  }
  if constexpr (requires { request.episode_id; }) {
    subjects.AddEpisode(request.episode_id);
  }
  if constexpr (requires { request.episode_ids; }) {
    for (const std::string& id : request.episode_ids) subjects.AddEpisode(id);
  }
  if constexpr (requires { request.also_episode_ids; }) {
    for (const std::string& id : request.also_episode_ids) {
      subjects.AddEpisode(id);
    }
  }
  if constexpr (requires { AuditSubjectOf(request); }) {
    subjects.SetSubject(AuditSubjectOf(request));
  }
  return subjects;
}

// The children and episodes whose records a result holds.
void AddSubjects(const domain::Child& child, AuditSubjects& subjects);
void AddSubjects(const domain::Episode& episode, AuditSubjects& subjects);
void AddSubjects(const domain::Rhi& rhi, AuditSubjects& subjects);
void AddSubjects(const domain::FindingsOf& findings, AuditSubjects& subjects);
void AddSubjects(const domain::Hotspot& hotspot, AuditSubjects& subjects);
void AddSubjects(const domain::Action& action, AuditSubjects& subjects);
void AddSubjects(const domain::Note& note, AuditSubjects& subjects);
void AddSubjects(const domain::AgendaEntry& entry, AuditSubjects& subjects);
void AddSubjects(const domain::Agenda& agenda, AuditSubjects& subjects);
// Results that hold no child's record: users and the audit itself.
void AddSubjects(const domain::User& user, AuditSubjects& subjects);
void AddSubjects(const domain::AuditRecord& record, AuditSubjects& subjects);

template <typename T>
void AddSubjects(const std::vector<T>& items, AuditSubjects& subjects) {
  for (const T& item : items) AddSubjects(item, subjects);
}

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AUDIT_SUBJECTS_H_
