#include "services/app/audit_subjects.h"

#include "absl/strings/str_cat.h"

namespace mfh::app {

// Longer strings name no record (ids are a letter and a number), and are
// not worth keeping in the audit.
constexpr size_t kMaxIdLength = 24;

void AuditSubjects::AddChild(absl::string_view child_id) {
  if (child_id.empty() || child_id.size() > kMaxIdLength) return;
  if (seen_.insert(absl::StrCat("c", child_id)).second) {
    child_ids_.emplace_back(child_id);
  }
}

void AuditSubjects::AddEpisode(absl::string_view episode_id) {
  if (episode_id.empty() || episode_id.size() > kMaxIdLength) return;
  if (seen_.insert(absl::StrCat("e", episode_id)).second) {
    episode_ids_.emplace_back(episode_id);
  }
}

void AddSubjects(const domain::Child& child, AuditSubjects& subjects) {
  subjects.AddChild(child.child_id);
}

void AddSubjects(const domain::Episode& episode, AuditSubjects& subjects) {
  subjects.AddChild(episode.child_id);
  subjects.AddEpisode(episode.episode_id);
}

void AddSubjects(const domain::Rhi& rhi, AuditSubjects& subjects) {
  subjects.AddChild(rhi.child_id);
  subjects.AddEpisode(rhi.episode_id);
}

void AddSubjects(const domain::FindingsOf& findings, AuditSubjects& subjects) {
  subjects.AddChild(findings.child_id);
  subjects.AddEpisode(findings.episode_id);
}

void AddSubjects(const domain::Hotspot& hotspot, AuditSubjects& subjects) {
  for (const domain::Mention& m : hotspot.mentions) {
    subjects.AddChild(m.child_id);
    subjects.AddEpisode(m.episode_id);
  }
}

void AddSubjects(const domain::Action& action, AuditSubjects& subjects) {
  subjects.AddChild(action.child_id);
}

void AddSubjects(const domain::Note& note, AuditSubjects& subjects) {
  subjects.AddChild(note.child_id);
}

void AddSubjects(const domain::AgendaEntry& entry, AuditSubjects& subjects) {
  subjects.AddChild(entry.child_id);
  subjects.AddEpisode(entry.episode_id);
  // The earlier interview shown beside a return is the same child's.
  if (entry.previous_rhi.has_value()) {
    subjects.AddEpisode(entry.previous_rhi->episode_id);
  }
}

void AddSubjects(const domain::Agenda& agenda, AuditSubjects& subjects) {
  for (const auto* section :
       {&agenda.missing_now, &agenda.returned, &agenda.rhi_overdue,
        &agenda.rhi_due_soon, &agenda.repeat_missing}) {
    AddSubjects(*section, subjects);
  }
  for (const domain::LinkedGroup& group : agenda.linked) {
    AddSubjects(group.entries, subjects);
  }
  AddSubjects(agenda.exploitation_concerns, subjects);
  AddSubjects(agenda.open_actions, subjects);
}

void AddSubjects(const domain::User&, AuditSubjects&) {}

void AddSubjects(const domain::AuditRecord&, AuditSubjects&) {}

}  // namespace mfh::app
