// mfh missing report, mfh return log|correct, mfh episode
// show|list|regrade|link: EpisodeService.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "clients/cli/child_ref.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/calls.h"
#include "clients/core/words.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct EpisodeFlags {
  std::string episode_id;
  std::string child_id;
  std::string police_force;
  std::string police_ref;
  std::string missing_since;
  std::string risk;
  std::string notified_at;
  std::string category;
  std::string reporter;
  std::string returned_at;
  std::string found_location;
  std::string found_with;
  std::string returned_to;
  std::string reason;
  std::string at;
  std::string as_of;
  bool open_only = false;
  std::vector<std::string> episode_ids;
  // Set for the options whose empty value means something (clear the text).
  CLI::Option* found_location_option = nullptr;
  CLI::Option* found_with_option = nullptr;
  int limit = 0;
};

// A table's first line for a retry: what the officer sent was recorded
// before, and nothing changed.
template <typename Response>
void SayIfAlreadyRecorded(Session& s, const Response& resp) {
  if constexpr (requires { resp.already_recorded(); }) {
    if (s.format() == Format::kTable && resp.already_recorded()) {
      s.out() << "Already recorded: this was sent before; nothing changed.\n";
    }
  }
}

// A return's episode and, where one is owed, its RHI.
template <typename Response>
void PrintReturn(Session& s, const Response& resp) {
  SayIfAlreadyRecorded(s, resp);
  PrintRecord(s, resp, resp.episode());
  if (s.format() == Format::kTable && resp.has_interview()) {
    s.out() << "\nRHI\n"
            << FieldLines(View<v1::Interview>::Record(resp.interview()));
  }
}

absl::Status Report(Session& s, const EpisodeFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  client::MissingReport report{.child_id = child,
                               .police_force = f.police_force,
                               .police_ref = f.police_ref,
                               .reporter = f.reporter};
  ASSIGN_OR_RETURN(report.missing_since,
                   TimeFlag("--missing-since", f.missing_since));
  ASSIGN_OR_RETURN(report.risk, client::ParseRisk("--risk", f.risk));
  ASSIGN_OR_RETURN(report.notified_at,
                   OptionalTimeFlag("--notified-at", f.notified_at));
  if (!f.category.empty()) {
    ASSIGN_OR_RETURN(report.category,
                     client::ParseCategory("--category", f.category));
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ReportMissingResponse resp,
                   client::ReportMissing(*conn, report));
  SayIfAlreadyRecorded(s, resp);
  PrintRecord(s, resp, resp.episode());
  return absl::OkStatus();
}

absl::Status LogReturn(Session& s, const EpisodeFlags& f) {
  client::ReturnReport report{.police_force = f.police_force,
                              .police_ref = f.police_ref,
                              .episode_id = f.episode_id,
                              .found_location = f.found_location,
                              .found_with = f.found_with};
  ASSIGN_OR_RETURN(report.returned_at,
                   TimeFlag("--returned-at", f.returned_at));
  ASSIGN_OR_RETURN(report.return_notified_at,
                   OptionalTimeFlag("--notified-at", f.notified_at));
  if (!f.returned_to.empty()) {
    ASSIGN_OR_RETURN(report.returned_to,
                     client::ParseReturnedTo("--returned-to", f.returned_to));
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::LogReturnResponse resp,
                   client::LogReturn(*conn, report));
  PrintReturn(s, resp);
  return absl::OkStatus();
}

absl::Status CorrectReturn(Session& s, const EpisodeFlags& f) {
  client::ReturnCorrection correction{.episode_id = f.episode_id,
                                      .police_force = f.police_force,
                                      .police_ref = f.police_ref,
                                      .reason = f.reason};
  if (f.episode_id.empty() ==
      (f.police_force.empty() || f.police_ref.empty())) {
    return absl::InvalidArgumentError(
        "EPISODE_ID: give the episode's id, or --police-force and "
        "--police-ref, not both");
  }
  ASSIGN_OR_RETURN(correction.returned_at,
                   OptionalTimeFlag("--returned-at", f.returned_at));
  ASSIGN_OR_RETURN(correction.return_notified_at,
                   OptionalTimeFlag("--notified-at", f.notified_at));
  if (f.found_location_option->count() > 0) {
    correction.found_location = f.found_location;
  }
  if (f.found_with_option->count() > 0) correction.found_with = f.found_with;
  if (!f.returned_to.empty()) {
    ASSIGN_OR_RETURN(correction.returned_to,
                     client::ParseReturnedTo("--returned-to", f.returned_to));
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::CorrectReturnResponse resp,
                   client::CorrectReturn(*conn, correction));
  PrintReturn(s, resp);
  return absl::OkStatus();
}

absl::Status Show(Session& s, const EpisodeFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::GetEpisodeResponse resp,
                   client::GetEpisode(*conn, f.episode_id));
  PrintRecord(s, resp, resp.episode());
  return absl::OkStatus();
}

absl::Status List(Session& s, const EpisodeFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListEpisodesResponse resp,
                   client::ListEpisodes(*conn, child, f.open_only, f.limit));
  PrintList(s, resp.episodes(), as_of.value_or(s.now()));
  return absl::OkStatus();
}

absl::Status Regrade(Session& s, const EpisodeFlags& f) {
  client::EpisodeUpdate update{.episode_id = f.episode_id, .reason = f.reason};
  ASSIGN_OR_RETURN(update.risk, client::ParseRisk("--risk", f.risk));
  ASSIGN_OR_RETURN(update.risk_from, TimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::UpdateEpisodeResponse resp,
                   client::UpdateEpisode(*conn, update));
  PrintRecord(s, resp, resp.episode());
  return absl::OkStatus();
}

absl::Status Correct(Session& s, const EpisodeFlags& f) {
  client::EpisodeUpdate update{.episode_id = f.episode_id, .reason = f.reason};
  ASSIGN_OR_RETURN(update.missing_since,
                   OptionalTimeFlag("--missing-since", f.missing_since));
  ASSIGN_OR_RETURN(update.notified_at,
                   OptionalTimeFlag("--notified-at", f.notified_at));
  if (!f.category.empty()) {
    ASSIGN_OR_RETURN(update.category,
                     client::ParseCategory("--category", f.category));
  }
  ASSIGN_OR_RETURN(update.child_id, ResolveChild(s, "--child", f.child_id));
  if (!update.missing_since.has_value() && !update.notified_at.has_value() &&
      f.category.empty() && update.child_id.empty()) {
    return absl::InvalidArgumentError(
        "--missing-since, --notified-at, --category or --child: give what to "
        "correct");
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::UpdateEpisodeResponse resp,
                   client::UpdateEpisode(*conn, update));
  PrintRecord(s, resp, resp.episode());
  return absl::OkStatus();
}

absl::Status Void(Session& s, const EpisodeFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::VoidEpisodeResponse resp,
                   client::VoidEpisode(*conn, f.episode_id, f.reason));
  PrintRecord(s, resp, resp.episode());
  return absl::OkStatus();
}

absl::Status Link(Session& s, const EpisodeFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::LinkEpisodesResponse resp,
                   client::LinkEpisodes(*conn, f.episode_ids, f.reason));
  PrintRecord(s, resp, resp.link());
  return absl::OkStatus();
}

constexpr char kRiskHelp[] =
    "Police risk grade: no-apparent, low, medium or high";
constexpr char kFoundLocationHelp[] = "Where the child was found";
constexpr char kFoundWithHelp[] = "Who the child was found with";
constexpr char kReturnedToHelp[] =
    "Where the child returned to: home, placement, hospital, custody or other";

void AddMissing(CLI::App& app, Dispatch& dispatch) {
  auto f = std::make_shared<EpisodeFlags>();
  CLI::App* group = app.add_subcommand("missing", "Report a child missing");
  group->require_subcommand(1);
  CLI::App* report = AddLeaf(
      *group, "report",
      "Report a child missing or absent (coordinator, police); a retry with "
      "the same police reference and details returns the same episode",
      "mfh missing report --child C1 --police-force MET --police-ref "
      "MET-26-0412 --missing-since \"2026-03-26 18:00\" --risk high",
      dispatch, [f](Session& s) { return Report(s, *f); });
  report->add_option("--child", f->child_id, kChildHelp)->required();
  report->add_option("--police-force", f->police_force, "The police force")
      ->required();
  report->add_option("--police-ref", f->police_ref, "The police reference")
      ->required();
  report
      ->add_option("--missing-since", f->missing_since,
                   "When the child was last seen")
      ->required();
  report->add_option("--risk", f->risk, kRiskHelp)->required();
  report->add_option("--notified-at", f->notified_at,
                     "When the hub was told (default: the server's clock)");
  report->add_option("--category", f->category,
                     "missing (whereabouts unknown, default) or absent");
  report->add_option("--reporter", f->reporter, "Who reported it");
}

void AddReturn(CLI::App& app, Dispatch& dispatch) {
  auto f = std::make_shared<EpisodeFlags>();
  CLI::App* group =
      app.add_subcommand("return", "Log and correct a child's return");
  group->require_subcommand(1);
  CLI::App* log = AddLeaf(
      *group, "log",
      "Log a return by police reference (coordinator, police); logging the "
      "same return again changes nothing",
      "mfh return log --police-force MET --police-ref MET-26-0412 "
      "--returned-at 2026-03-27T08:00 --found-location \"Central Station\" "
      "--returned-to home",
      dispatch, [f](Session& s) { return LogReturn(s, *f); });
  log->add_option("--police-force", f->police_force, "The police force");
  log->add_option("--police-ref", f->police_ref, "The police reference");
  log->add_option("--episode", f->episode_id,
                  "The episode id, instead of the police reference");
  log->add_option("--returned-at", f->returned_at, "When the child returned")
      ->required();
  log->add_option("--notified-at", f->notified_at,
                  "When the hub was told (default: the server's clock)");
  log->add_option("--found-location", f->found_location, kFoundLocationHelp);
  log->add_option("--found-with", f->found_with, kFoundWithHelp);
  log->add_option("--returned-to", f->returned_to, kReturnedToHelp);

  auto c = std::make_shared<EpisodeFlags>();
  CLI::App* correct = AddLeaf(
      *group, "correct",
      "Correct a logged return (coordinator, police); flags not given keep "
      "their value",
      "mfh return correct E1 --reason \"police log corrected\" --returned-at "
      "2026-03-27T07:30",
      dispatch, [c](Session& s) { return CorrectReturn(s, *c); });
  correct->add_option("EPISODE_ID", c->episode_id,
                      "The episode's id (or give --police-force and "
                      "--police-ref)");
  correct->add_option("--police-force", c->police_force,
                      "The force of the police reference (any case)");
  correct->add_option("--police-ref", c->police_ref,
                      "The police reference, as for mfh return log");
  correct->add_option("--reason", c->reason, "Why it is corrected")->required();
  correct->add_option("--returned-at", c->returned_at,
                      "When the child returned");
  correct->add_option("--notified-at", c->notified_at,
                      "When the hub was told of the return");
  c->found_location_option = correct->add_option(
      "--found-location", c->found_location, kFoundLocationHelp);
  c->found_with_option =
      correct->add_option("--found-with", c->found_with, kFoundWithHelp);
  correct->add_option("--returned-to", c->returned_to, kReturnedToHelp);
}

void AddEpisode(CLI::App& app, Dispatch& dispatch) {
  auto f = std::make_shared<EpisodeFlags>();
  CLI::App* group = app.add_subcommand("episode", "Episodes of missing");
  group->require_subcommand(1);
  CLI::App* show = AddLeaf(*group, "show", "Show one episode with its history",
                           "mfh episode show E1", dispatch,
                           [f](Session& s) { return Show(s, *f); });
  show->add_option("ID", f->episode_id, "The episode's id")->required();

  auto l = std::make_shared<EpisodeFlags>();
  CLI::App* list = AddLeaf(
      *group, "list",
      "List episodes; the table counts time missing to the return, or to "
      "--as-of while still missing",
      "mfh episode list --open --as-of \"2026-03-27 09:30\"", dispatch,
      [l](Session& s) { return List(s, *l); });
  list->add_flag("--open", l->open_only, "Only episodes not yet returned");
  list->add_option("--child", l->child_id, kChildHelp);
  list->add_option("--limit", l->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);
  list->add_option("--as-of", l->as_of,
                   "Count time missing up to this time (default: now)");

  auto r = std::make_shared<EpisodeFlags>();
  r->reason = "regrade";
  CLI::App* regrade = AddLeaf(
      *group, "regrade",
      "Regrade an episode's risk from a given time (coordinator, police)",
      "mfh episode regrade E1 --risk medium --at 2026-03-27T09:00 --reason "
      "\"seen by a neighbour\"",
      dispatch, [r](Session& s) { return Regrade(s, *r); });
  regrade->add_option("ID", r->episode_id, "The episode's id")->required();
  regrade->add_option("--risk", r->risk, kRiskHelp)->required();
  regrade->add_option("--at", r->at, "When the new grade applies from")
      ->required();
  regrade->add_option("--reason", r->reason, "Why it is regraded")
      ->capture_default_str();

  auto c = std::make_shared<EpisodeFlags>();
  CLI::App* correct = AddLeaf(
      *group, "correct",
      "Correct a reported episode (coordinator, police): when the child went "
      "missing, when the hub was told, missing/absent, or the child it was "
      "reported against (its interview moves with it); the old values stay "
      "in its history",
      "mfh episode correct E1 --reason \"police log corrected\" "
      "--missing-since \"26/03/2026 17:30\"",
      dispatch, [c](Session& s) { return Correct(s, *c); });
  correct->add_option("ID", c->episode_id, "The episode's id")->required();
  correct->add_option("--reason", c->reason, "Why it is corrected")->required();
  correct->add_option("--missing-since", c->missing_since,
                      "When the child went missing");
  correct->add_option("--notified-at", c->notified_at, "When the hub was told");
  correct->add_option("--category", c->category, "missing or absent");
  correct->add_option("--child", c->child_id,
                      "The child it should have been reported against (an id, "
                      "la_ref or full name)");

  auto v = std::make_shared<EpisodeFlags>();
  CLI::App* void_episode = AddLeaf(
      *group, "void",
      "Void a report made in error (a coordinator any, the police those they "
      "reported): it leaves the agenda, the board, the interviews owed and "
      "every report, and stays in the child's history. For a report against "
      "the wrong child use mfh episode correct ID --child instead",
      "mfh episode void E7 --reason \"duplicate of MET-26-0412\"", dispatch,
      [v](Session& s) { return Void(s, *v); });
  void_episode->add_option("ID", v->episode_id, "The episode's id")->required();
  void_episode
      ->add_option("--reason", v->reason, "Why the report was made in error")
      ->required();

  auto k = std::make_shared<EpisodeFlags>();
  k->reason = "linked by coordinator";
  CLI::App* link = AddLeaf(
      *group, "link",
      "Link two or more episodes that belong together: children missing "
      "together or found at the same place (coordinator); the agenda shows "
      "the link under Linked episodes",
      "mfh episode link E1 E2 --reason \"missing together from school\"",
      dispatch, [k](Session& s) { return Link(s, *k); });
  link->add_option("ID", k->episode_ids, "The episodes' ids (two or more)")
      ->required()
      ->expected(2, -1);
  link->add_option("--reason", k->reason, "Why they belong together")
      ->capture_default_str();
}

}  // namespace

void AddEpisodeCommands(CLI::App& app, Dispatch& dispatch) {
  AddMissing(app, dispatch);
  AddReturn(app, dispatch);
  AddEpisode(app, dispatch);
}

}  // namespace mfh::cli
