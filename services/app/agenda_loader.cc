#include "services/app/agenda_loader.h"

#include <optional>
#include <set>
#include <string>
#include <utility>

#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

// Appends the episodes of `more` not already in `into`.
void AddEpisodes(const std::vector<domain::Episode>& more,
                 std::set<std::string>& ids,
                 std::vector<domain::Episode>& into) {
  for (const domain::Episode& e : more) {
    if (ids.insert(e.episode_id).second) into.push_back(e);
  }
}

// Every child that `data` mentions, into data.children.
absl::Status LoadChildren(storage::Transaction& tx, domain::AgendaData& data) {
  std::set<std::string> child_ids;
  for (const auto* list :
       {&data.open_at, &data.returned_recently, &data.repeat_window,
        &data.returned_in_link_window}) {
    for (const domain::Episode& e : *list) child_ids.insert(e.child_id);
  }
  for (const domain::Rhi& r : data.rhis) child_ids.insert(r.child_id);
  for (const domain::Action& a : data.open_actions) {
    child_ids.insert(a.child_id);
  }
  for (const domain::FindingsOf& f : data.concerns) {
    child_ids.insert(f.child_id);
  }
  for (const std::string& id : child_ids) {
    ASSIGN_OR_RETURN(std::optional<domain::Child> child, tx.FindChild(id));
    if (child.has_value()) data.children.push_back(*std::move(child));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<domain::Agenda> LoadAgenda(storage::Transaction& tx,
                                          const domain::Policy& policy,
                                          absl::CivilDay day,
                                          absl::Time as_of) {
  domain::AgendaData data;
  ASSIGN_OR_RETURN(std::optional<domain::Meeting> previous,
                   tx.FindMeetingBefore(day));
  const absl::Time returned_from = domain::ReturnedSectionStart(
      previous.has_value() ? std::optional<absl::Time>(previous->as_of)
                           : std::nullopt,
      as_of);
  ASSIGN_OR_RETURN(data.open_at, tx.ListEpisodesOpenAt(as_of));
  ASSIGN_OR_RETURN(data.returned_recently,
                   tx.ListEpisodesReturnNotifiedIn(returned_from, as_of));
  ASSIGN_OR_RETURN(
      data.repeat_window,
      tx.ListEpisodesStartedIn(as_of - policy.repeat_window, as_of));
  ASSIGN_OR_RETURN(
      data.returned_in_link_window,
      tx.ListEpisodesReturnedIn(as_of - policy.link_window, as_of));
  ASSIGN_OR_RETURN(data.rhis,
                   tx.ListRhis(storage::RhiFilter{.open_as_of = as_of}));
  std::set<std::string> with_rhi;
  for (const domain::Rhi& r : data.rhis) with_rhi.insert(r.episode_id);
  for (const domain::Episode& e : data.returned_recently) {
    if (with_rhi.count(e.episode_id) > 0) continue;
    ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi, tx.FindRhi(e.episode_id));
    if (rhi.has_value()) data.rhis.push_back(*std::move(rhi));
  }
  for (const domain::Episode& e : data.returned_recently) {
    ASSIGN_OR_RETURN(std::optional<domain::Rhi> earlier, tx.FindPreviousRhi(e));
    if (earlier.has_value()) data.previous_rhis.push_back(*std::move(earlier));
  }
  std::set<std::string> candidate_ids;
  std::vector<domain::Episode> candidates;
  AddEpisodes(data.open_at, candidate_ids, candidates);
  AddEpisodes(data.returned_in_link_window, candidate_ids, candidates);
  ASSIGN_OR_RETURN(data.links,
                   tx.ListLinksForEpisodes(std::vector<std::string>(
                       candidate_ids.begin(), candidate_ids.end())));
  ASSIGN_OR_RETURN(data.open_actions, tx.ListOpenActions(day));
  ASSIGN_OR_RETURN(data.concerns, tx.ListExploitationConcerns(as_of));
  ASSIGN_OR_RETURN(
      data.intelligence_unacknowledged,
      tx.CountUnacknowledgedFindings(as_of - domain::kIntelligenceAckWithin));
  RETURN_IF_ERROR(LoadChildren(tx, data));
  return domain::AssembleAgenda(policy, day, as_of, data);
}

absl::StatusOr<std::vector<domain::AgendaEntry>> LoadBoard(
    storage::Transaction& tx, const domain::Policy& policy, absl::Time as_of) {
  domain::AgendaData data;
  ASSIGN_OR_RETURN(data.open_at, tx.ListEpisodesOpenAt(as_of));
  RETURN_IF_ERROR(LoadChildren(tx, data));
  return domain::AssembleAgenda(
             policy, domain::LocalDay(as_of, policy.timezone), as_of, data)
      .missing_now;
}

}  // namespace mfh::app
