// mfh child add|update|show|list|flag: ChildService.
#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "clients/cli/child_ref.h"
#include "clients/cli/child_story.h"
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
  v1::Profile profile;
  std::vector<std::string> contacts;
  // child update: the options given, by flag.
  std::map<std::string, CLI::Option*> given;
  std::string flag;
  std::string name_search;  // child list --name
  std::string set;
  std::string clear;
  std::string at;
  int limit = 0;
};

absl::Status Add(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  v1::Profile profile = f.profile;
  for (const std::string& c : f.contacts) profile.add_contacts(c);
  ASSIGN_OR_RETURN(
      v1::CreateChildResponse resp,
      client::CreateChild(*conn, {.name = f.name,
                                  .date_of_birth = f.dob,
                                  .la_ref = f.la_ref,
                                  .looked_after = f.looked_after,
                                  .placing_authority = f.placing_authority,
                                  .profile = profile}));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status Update(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "CHILD", f.child_id));
  v1::UpdateChildRequest req;
  req.set_child_id(child);
  auto given = [&](const std::string& flag) {
    return f.given.at(flag)->count() > 0;
  };
  const v1::Profile& p = f.profile;
  if (given("--name")) req.set_name(f.name);
  if (given("--dob")) req.set_date_of_birth(f.dob);
  if (given("--la-ref")) req.set_la_ref(f.la_ref);
  if (given("--looked-after")) req.set_looked_after(f.looked_after);
  if (given("--placing-authority")) {
    req.set_placing_authority(f.placing_authority);
  }
  if (given("--sex")) req.set_sex(p.sex());
  if (given("--ethnicity")) req.set_ethnicity(p.ethnicity());
  if (given("--social-worker")) req.set_social_worker(p.social_worker());
  if (given("--team")) req.set_team(p.team());
  if (given("--placement")) req.set_placement(p.placement());
  if (given("--school")) req.set_school(p.school());
  if (given("--contact")) {
    req.set_set_contacts(true);
    for (const std::string& c : f.contacts) {
      if (!c.empty()) req.add_contacts(c);
    }
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::UpdateChildResponse resp,
                   client::UpdateChild(*conn, req));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status Show(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "CHILD", f.child_id));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  if (s.format() == Format::kCsv) {
    ASSIGN_OR_RETURN(v1::GetChildResponse resp, client::GetChild(*conn, child));
    PrintRecord(s, resp, resp.child());
    return absl::OkStatus();
  }
  ASSIGN_OR_RETURN(client::ChildStory story,
                   client::LoadChildStory(*conn, child));
  PrintStory(s, story);
  return absl::OkStatus();
}

// The flags of child add, and of child update (where each is optional).
void AddRecordOptions(CLI::App& cmd, ChildFlags& f, bool update) {
  auto option = [&](const std::string& flag, auto& value,
                    const std::string& help) {
    f.given[flag] = cmd.add_option(flag, value, help);
    return f.given[flag];
  };
  CLI::Option* name = option("--name", f.name, "Full name");
  CLI::Option* dob = option("--dob", f.dob, "Date of birth, YYYY-MM-DD");
  if (!update) {
    name->required();
    dob->required();
  }
  option("--la-ref", f.la_ref, "The case-management system's reference");
  f.given["--looked-after"] =
      cmd.add_flag("--looked-after", f.looked_after,
                   update ? "The child is looked after (--looked-after=false: "
                            "no longer)"
                          : "The child is looked after");
  option("--placing-authority", f.placing_authority,
         "The placing authority, when not this one");
  auto profile = [&](const std::string& flag,
                     void (v1::Profile::*set)(const std::string&),
                     const std::string& help) {
    f.given[flag] = cmd.add_option_function<std::string>(
        flag, [&f, set](const std::string& v) { (f.profile.*set)(v); }, help);
  };
  profile("--sex", &v1::Profile::set_sex, "male, female, other or unknown");
  profile("--ethnicity", &v1::Profile::set_ethnicity,
          "The DfE ethnicity code, e.g. WBRI, MWBC, BAFR, AOTH, NOBT");
  profile("--social-worker", &v1::Profile::set_social_worker,
          "The allocated social worker");
  profile("--team", &v1::Profile::set_team, "The social work team");
  profile("--placement", &v1::Profile::set_placement,
          "Where the child lives (home, foster carer, children's home...)");
  profile("--school", &v1::Profile::set_school, "School or college");
  option("--contact", f.contacts,
         update ? "A contact, e.g. \"Mum: 07700 900123\" (repeat for each; "
                  "replaces the list; --contact \"\" clears it)"
                : "A contact, e.g. \"Mum: 07700 900123\" (repeat for each)");
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
  AddRecordOptions(*add, *f, /*update=*/false);

  auto u = std::make_shared<ChildFlags>();
  CLI::App* update = AddLeaf(
      *group, "update",
      "Correct a child's record or profile (coordinator); flags not given "
      "keep their value, and each change is kept in the child's history",
      "mfh child update \"Amara Okafor\" --social-worker \"Jo Smith\" "
      "--school \"Elm High\"",
      dispatch, [u](Session& s) { return Update(s, *u); });
  update->add_option("CHILD", u->child_id, kChildHelp)->required();
  AddRecordOptions(*update, *u, /*update=*/true);

  CLI::App* show = AddLeaf(
      *group, "show",
      "A child's whole story: profile, flags, every episode with where and "
      "with whom found, each interview's status and findings, open actions, "
      "and the record's changes (CSV: the record alone)",
      "mfh child show \"Amara Okafor\"", dispatch,
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
