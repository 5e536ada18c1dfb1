// mfh child add|show|list|flag: ChildService.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "clients/cli/child_ref.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/calls.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct ChildFlags {
  std::string child_id;
  std::string name;
  std::string dob;
  std::string la_ref;
  bool looked_after = false;
  std::string placing_authority;
  std::string flag;
  std::string name_search;  // child list --name
  std::string set;
  std::string clear;
  std::string at;
  int limit = 0;
};

absl::Status Add(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(
      v1::CreateChildResponse resp,
      client::CreateChild(*conn, {.name = f.name,
                                  .date_of_birth = f.dob,
                                  .la_ref = f.la_ref,
                                  .looked_after = f.looked_after,
                                  .placing_authority = f.placing_authority}));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status Show(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "CHILD", f.child_id));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::GetChildResponse resp, client::GetChild(*conn, child));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status List(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(
      v1::ListChildrenResponse resp,
      client::ListChildren(*conn, {.flag = f.flag, .name = f.name_search},
                           f.limit));
  PrintList(s, resp.children(), s.now());
  return absl::OkStatus();
}

absl::Status Flag(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "CHILD", f.child_id));
  ASSIGN_OR_RETURN(std::optional<absl::Time> at,
                   OptionalTimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  if (!f.set.empty()) {
    ASSIGN_OR_RETURN(v1::SetFlagResponse resp,
                     client::SetFlag(*conn, child, f.set, at));
    PrintRecord(s, resp, resp.child());
    return absl::OkStatus();
  }
  ASSIGN_OR_RETURN(v1::ClearFlagResponse resp,
                   client::ClearFlag(*conn, child, f.clear, at));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

}  // namespace

void AddChildCommands(CLI::App& app, Dispatch& dispatch) {
  auto f = std::make_shared<ChildFlags>();
  CLI::App* group = app.add_subcommand("child", "Children known to the hub");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n  mfh child add --name \"Sam Example\" --dob 2011-05-14\n"
      "  mfh child list --flag open_to_cst");

  CLI::App* add = AddLeaf(
      *group, "add", "Add a child (coordinator); prints the new record",
      "mfh child add --name \"Sam Example\" --dob 2011-05-14 --la-ref LA-1 "
      "--looked-after",
      dispatch, [f](Session& s) { return Add(s, *f); });
  add->add_option("--name", f->name, "Full name")->required();
  add->add_option("--dob", f->dob, "Date of birth, YYYY-MM-DD")->required();
  add->add_option("--la-ref", f->la_ref,
                  "The case-management system's reference");
  add->add_flag("--looked-after", f->looked_after, "The child is looked after");
  add->add_option("--placing-authority", f->placing_authority,
                  "The placing authority, when not this one");

  CLI::App* show =
      AddLeaf(*group, "show", "Show one child", "mfh child show C1", dispatch,
              [f](Session& s) { return Show(s, *f); });
  show->add_option("CHILD", f->child_id, kChildHelp)->required();

  CLI::App* list = AddLeaf(*group, "list", "List children",
                           "mfh child list --flag cse_concern --output csv",
                           dispatch, [f](Session& s) { return List(s, *f); });
  list->add_option("--name", f->name_search,
                   "Only children whose name contains this (any case, spaces "
                   "ignored)");
  list->add_option("--flag", f->flag,
                   "Only children with this flag in force (open_to_cst, "
                   "cse_concern, cce_concern)");
  list->add_option("--limit", f->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);

  CLI::App* flag =
      AddLeaf(*group, "flag", "Set or clear a flag on a child (coordinator)",
              "mfh child flag C1 --set open_to_cst --at 2026-03-27T10:00",
              dispatch, [f](Session& s) { return Flag(s, *f); });
  flag->add_option("CHILD", f->child_id, kChildHelp)->required();
  CLI::Option_group* which =
      flag->add_option_group("set or clear", "The flag to change");
  which->add_option("--set", f->set,
                    "Set this flag: open_to_cst, cse_concern or cce_concern");
  which->add_option("--clear", f->clear, "Clear this flag");
  which->require_option(1);
  flag->add_option("--at", f->at,
                   "When it was set or cleared (default: the server's clock)");
}

}  // namespace mfh::cli
