#include "services/app/records.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/domain/episode_void.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/roles.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

absl::Status NotFound(absl::string_view field, absl::string_view what,
                      absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(field, ": no ", what, " ", id));
}

}  // namespace

absl::StatusOr<domain::Child> LoadChild(storage::Transaction& tx,
                                        absl::string_view field,
                                        absl::string_view child_id) {
  ASSIGN_OR_RETURN(std::optional<domain::Child> child, tx.FindChild(child_id));
  if (!child.has_value()) return NotFound(field, "child", child_id);
  return *std::move(child);
}

absl::StatusOr<domain::Episode> LoadEpisode(storage::Transaction& tx,
                                            absl::string_view field,
                                            absl::string_view episode_id) {
  ASSIGN_OR_RETURN(std::optional<domain::Episode> episode,
                   tx.FindEpisode(episode_id));
  if (!episode.has_value()) return NotFound(field, "episode", episode_id);
  return *std::move(episode);
}

absl::StatusOr<domain::Meeting> LoadMeeting(storage::Transaction& tx,
                                            absl::string_view meeting_id) {
  ASSIGN_OR_RETURN(std::optional<domain::Meeting> meeting,
                   tx.FindMeeting(meeting_id));
  if (!meeting.has_value()) {
    return NotFound("meeting_id", "meeting", meeting_id);
  }
  return *std::move(meeting);
}

absl::StatusOr<domain::Action> LoadAction(storage::Transaction& tx,
                                          absl::string_view action_id) {
  ASSIGN_OR_RETURN(std::optional<domain::Action> action,
                   tx.FindAction(action_id));
  if (!action.has_value()) return NotFound("action_id", "action", action_id);
  return *std::move(action);
}

absl::StatusOr<domain::Rhi> LoadRhiForWrite(storage::Transaction& tx,
                                            absl::string_view field,
                                            absl::string_view episode_id) {
  ASSIGN_OR_RETURN(domain::Episode episode, LoadEpisode(tx, field, episode_id));
  RETURN_IF_ERROR(domain::CheckNotVoided(field, episode));
  ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi, tx.FindRhi(episode_id));
  if (rhi.has_value()) return *std::move(rhi);
  if (episode.open()) {
    return absl::FailedPreconditionError(
        absl::StrCat(field, ": episode ", episode_id,
                     " has no return yet, so no RHI is owed"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      field, ": no RHI is owed for episode ", episode_id, " (policy)"));
}

InterviewView ViewInterview(const Principal& viewer, domain::Rhi rhi,
                            absl::Time as_of) {
  InterviewView view;
  view.status = domain::StatusAsOf(rhi, as_of);
  view.offered_on_time = domain::OfferedOnTime(rhi);
  view.met_deadline = domain::MetDeadline(rhi);
  view.outcome_visible =
      domain::HasRight(viewer.role, domain::Right::kReadRhiOutcome);
  if (!view.outcome_visible) rhi.outcome = domain::RhiOutcome{};
  view.rhi = std::move(rhi);
  return view;
}

void AddSubjects(const InterviewView& view, AuditSubjects& subjects) {
  AddSubjects(view.rhi, subjects);
}

absl::Status LoadFindings(storage::Transaction& tx, InterviewView& view) {
  if (!view.outcome_visible) return absl::OkStatus();
  ASSIGN_OR_RETURN(view.findings, tx.ListFindings(view.rhi.episode_id));
  ASSIGN_OR_RETURN(view.follow_ups, tx.ListFollowUps(view.rhi.episode_id));
  return absl::OkStatus();
}

void ViewAgenda(const Principal& viewer, domain::Agenda& agenda) {
  if (domain::HasRight(viewer.role, domain::Right::kReadRhiOutcome)) return;
  // What interviews found is not the police's to read; they have what was
  // shared with them (IntelligenceService).
  agenda.exploitation_concerns.clear();
  auto hide = [](std::vector<domain::AgendaEntry>& entries) {
    for (domain::AgendaEntry& e : entries) {
      if (e.previous_rhi.has_value()) e.previous_rhi->outcome.reset();
    }
  };
  for (auto* section :
       {&agenda.missing_now, &agenda.returned, &agenda.rhi_overdue,
        &agenda.rhi_due_soon, &agenda.repeat_missing, &agenda.open_actions}) {
    hide(*section);
  }
  for (domain::LinkedGroup& group : agenda.linked) hide(group.entries);
}

}  // namespace mfh::app
