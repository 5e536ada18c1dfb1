#include "clients/cli/child_story.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/output.h"
#include "clients/cli/views.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {
namespace {

// What the interview found, as far as the reader may see: the concerns and
// whether a referral was made.
std::string Findings(const v1::Interview& i) {
  if (!i.has_completed_at()) return "-";
  std::vector<std::string> found;
  for (int c : i.outcome().concerns()) {
    found.push_back(client::ConcernLabel(static_cast<v1::Concern>(c)));
  }
  if (i.outcome().referral_made()) found.push_back("referral made");
  return Cell(absl::StrJoin(found, ", "));
}

std::string Without(std::string json) {
  json.pop_back();  // the newline
  return json;
}

}  // namespace

void PrintStory(Session& session, const client::ChildStory& story) {
  if (session.format() == Format::kJson) {
    session.out() << "{\"child\":" << Without(JsonLine(story.child))
                  << ",\"episodes\":" << Without(JsonArray(story.episodes))
                  << ",\"interviews\":" << Without(JsonArray(story.interviews))
                  << ",\"actions\":" << Without(JsonArray(story.actions))
                  << "}\n";
    return;
  }
  session.out() << FieldLines(View<v1::Child>::Record(story.child));

  std::map<std::string, const v1::Interview*> interview_of;
  for (const v1::Interview& i : story.interviews) {
    interview_of[i.episode_id()] = &i;
  }
  std::vector<Row> rows;
  for (const v1::Episode& e : story.episodes) {
    const auto found = interview_of.find(e.episode_id());
    const v1::Interview* i =
        found == interview_of.end() ? nullptr : found->second;
    rows.push_back(
        {e.episode_id(), Local(e.has_missing_since(), e.missing_since()),
         Local(e.has_returned_at(), e.returned_at()),
         client::RiskLabel(e.risk()), Cell(e.found_location()),
         Cell(e.found_with()),
         e.has_voided_at()
             ? "voided: " + e.void_reason()
             : (i == nullptr ? "-" : client::RhiStatusLabel(i->status())),
         i == nullptr ? "-" : Findings(*i)});
  }
  session.out() << "\nEpisodes\n";
  session.out() << (rows.empty()
                        ? "None.\n"
                        : Table({"EPISODE", "MISSING SINCE", "RETURNED AT",
                                 "RISK", "FOUND AT", "FOUND WITH", "INTERVIEW",
                                 "FINDINGS"},
                                rows));
  session.out() << "\nOpen actions\n";
  if (story.actions.empty()) {
    session.out() << "None.\n";
    return;
  }
  std::vector<Row> actions;
  for (const v1::Action& a : story.actions) {
    actions.push_back(View<v1::Action>::TableRow(a, session.now()));
  }
  session.out() << Table(View<v1::Action>::TableHeader(), actions);
}

}  // namespace mfh::cli
