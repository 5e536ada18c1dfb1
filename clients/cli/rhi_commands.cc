// mfh rhi list|show|offer|decline|complete|not-held|not-required:
// InterviewService.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "clients/cli/child_ref.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/calls.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct RhiFlags {
  std::string episode_id;
  std::string child_id;
  bool all = false;
  bool overdue = false;
  std::string due_within;
  std::string as_of;
  std::string at;
  std::string by;
  std::string reason;
  std::string concerns;
  bool referral = false;
  std::string notes;
  std::vector<std::string> also;
  int limit = 0;
};

absl::Status List(Session& s, const RhiFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  client::InterviewQuery query{.child_id = child};
  ASSIGN_OR_RETURN(query.as_of, OptionalTimeFlag("--as-of", f.as_of));
  if (f.overdue) {
    query.statuses = {v1::RHI_STATUS_OVERDUE};
  } else if (!f.all) {
    query.statuses = client::OpenRhiStatuses();
  }
  if (!f.due_within.empty()) {
    ASSIGN_OR_RETURN(absl::Duration within,
                     client::ParseDuration("--due-within", f.due_within));
    query.due_before = query.as_of.value_or(s.now()) + within;
  }
  query.limit = f.limit;
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListInterviewsResponse resp,
                   client::ListInterviews(*conn, query));
  PrintList(s, resp.interviews(), query.as_of.value_or(s.now()));
  return absl::OkStatus();
}

absl::Status Show(Session& s, const RhiFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::GetInterviewResponse resp,
                   client::GetInterview(*conn, f.episode_id, as_of));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status Offer(Session& s, const RhiFlags& f) {
  ASSIGN_OR_RETURN(absl::Time at, TimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RecordOfferResponse resp,
                   client::RecordOffer(*conn, f.episode_id, at, f.by));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status Decline(Session& s, const RhiFlags& f) {
  ASSIGN_OR_RETURN(absl::Time at, TimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RecordDeclineResponse resp,
                   client::RecordDecline(*conn, f.episode_id, at, f.reason));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status Complete(Session& s, const RhiFlags& f) {
  client::Completion completion{.episode_id = f.episode_id,
                                .by = f.by,
                                .referral_made = f.referral,
                                .notes = f.notes,
                                .also_episode_ids = f.also};
  ASSIGN_OR_RETURN(completion.at, TimeFlag("--at", f.at));
  if (!f.concerns.empty()) {
    ASSIGN_OR_RETURN(completion.concerns,
                     client::ParseConcerns("--concerns", f.concerns));
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RecordCompletionResponse resp,
                   client::RecordCompletion(*conn, completion));
  std::vector<const v1::Interview*> records = {&resp.interview()};
  for (const v1::Interview& also : resp.also()) records.push_back(&also);
  PrintRecords(s, resp, records);
  return absl::OkStatus();
}

// MarkNotHeld or MarkNotRequired: the same arguments, another call.
template <typename Response>
absl::Status Close(Session& s, const RhiFlags& f,
                   absl::StatusOr<Response> (*call)(
                       const client::Connection&, const std::string&,
                       const std::string&, std::optional<absl::Time>)) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> at,
                   OptionalTimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(Response resp, call(*conn, f.episode_id, f.reason, at));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status NotHeld(Session& s, const RhiFlags& f) {
  return Close<v1::MarkNotHeldResponse>(s, f, &client::MarkNotHeld);
}

absl::Status NotRequired(Session& s, const RhiFlags& f) {
  return Close<v1::MarkNotRequiredResponse>(s, f, &client::MarkNotRequired);
}

// A leaf that names one RHI by its episode.
CLI::App* AddRhiLeaf(CLI::App& group, const std::string& name,
                     const std::string& description, const std::string& example,
                     Dispatch& dispatch,
                     absl::Status (*fn)(Session&, const RhiFlags&),
                     std::shared_ptr<RhiFlags>& flags) {
  flags = std::make_shared<RhiFlags>();
  CLI::App* leaf = AddLeaf(group, name, description, example, dispatch,
                           [f = flags, fn](Session& s) { return fn(s, *f); });
  leaf->add_option("EPISODE_ID", flags->episode_id,
                   "The episode the RHI belongs to")
      ->required();
  return leaf;
}

}  // namespace

void AddRhiCommands(CLI::App& app, Dispatch& dispatch) {
  CLI::App* group = app.add_subcommand(
      "rhi",
      "Return home interviews: each due by the deadline the server's policy "
      "sets after a return");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n  mfh rhi list --due-within 24h\n"
      "  mfh rhi complete E1 --at \"2026-03-28 15:00\" --by \"Worker A\" "
      "--concerns none");

  auto l = std::make_shared<RhiFlags>();
  CLI::App* list =
      AddLeaf(*group, "list",
              "List RHIs not yet completed, declined, not held or not required "
              "(DUE, OFFERED, OVERDUE), earliest due first",
              "mfh rhi list --overdue --as-of \"2026-03-31 09:30\"", dispatch,
              [l](Session& s) { return List(s, *l); });
  list->add_option("--child", l->child_id, kChildHelp);
  list->add_option("--limit", l->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);
  CLI::Option* all = list->add_flag("--all", l->all, "Every RHI, any status");
  CLI::Option* overdue =
      list->add_flag("--overdue", l->overdue, "Only OVERDUE RHIs");
  all->excludes(overdue);
  list->add_option("--due-within", l->due_within,
                   "Only those due before --as-of plus this (24h, 3d, 90m)");
  list->add_option("--as-of", l->as_of,
                   "Status and countdown as of this time (default: now)");

  std::shared_ptr<RhiFlags> f;
  CLI::App* show = AddRhiLeaf(*group, "show", "Show one RHI", "mfh rhi show E1",
                              dispatch, &Show, f);
  show->add_option("--as-of", f->as_of,
                   "Status as of this time (default: the server's clock)");

  CLI::App* offer =
      AddRhiLeaf(*group, "offer",
                 "Record that the RHI was offered (coordinator, rhi_worker)",
                 "mfh rhi offer E1 --at \"2026-03-28 09:00\" --by \"Worker A\"",
                 dispatch, &Offer, f);
  offer->add_option("--at", f->at, "When it was offered")->required();
  offer->add_option("--by", f->by, "Who offered it");

  CLI::App* decline = AddRhiLeaf(
      *group, "decline",
      "Record that the child declined (coordinator, rhi_worker)",
      "mfh rhi decline E1 --at \"2026-03-28 10:00\" --reason \"did not want "
      "to talk\"",
      dispatch, &Decline, f);
  decline->add_option("--at", f->at, "When the child declined")->required();
  decline->add_option("--reason", f->reason, "The child's reason")->required();

  CLI::App* complete = AddRhiLeaf(
      *group, "complete",
      "Record a completed interview and its outcome (coordinator, "
      "rhi_worker); one interview may cover other open RHIs of the child",
      "mfh rhi complete E2 --at \"2026-04-02 16:00\" --by \"Worker A\" "
      "--concerns cse,cce --referral --notes \"seen alone\" --also E1",
      dispatch, &Complete, f);
  complete->add_option("--at", f->at, "When it was held")->required();
  complete->add_option("--by", f->by, "Who held it")->required();
  complete->add_option("--concerns", f->concerns,
                       "Exploitation concerns: none, cse, cce or cse,cce");
  complete->add_flag("--referral", f->referral,
                     "A referral to the CST was made");
  complete->add_option("--notes", f->notes, "Notes of the interview");
  complete
      ->add_option("--also", f->also,
                   "Other episodes whose RHI this interview covered")
      ->delimiter(',');

  CLI::App* not_held = AddRhiLeaf(
      *group, "not-held",
      "Close the RHI without an interview, after attempts (coordinator, "
      "rhi_worker)",
      "mfh rhi not-held E1 --reason \"three visits, no answer\"", dispatch,
      &NotHeld, f);
  not_held->add_option("--reason", f->reason, "Why")->required();
  not_held->add_option("--at", f->at,
                       "When it was closed (default: the server's clock)");

  CLI::App* not_required =
      AddRhiLeaf(*group, "not-required",
                 "Mark the RHI not required (coordinator, rhi_worker)",
                 "mfh rhi not-required E1 --reason \"in custody, seen by YOS\"",
                 dispatch, &NotRequired, f);
  not_required->add_option("--reason", f->reason, "Why")->required();
  not_required->add_option("--at", f->at,
                           "When it was decided (default: the server's clock)");
  AddFindingsCommands(*group, dispatch);
}

}  // namespace mfh::cli
