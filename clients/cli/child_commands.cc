// mfh child add|show|list|flag: ChildService.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/time_text.h"
#include "mfh/v1/child.grpc.pb.h"
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
  std::string set;
  std::string clear;
  std::string at;
};

absl::Status Add(Session& s, const ChildFlags& f) {
  v1::CreateChildRequest req;
  req.set_name(f.name);
  req.set_date_of_birth(f.dob);
  req.set_la_ref(f.la_ref);
  req.set_looked_after(f.looked_after);
  req.set_placing_authority(f.placing_authority);
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  v1::CreateChildResponse resp;
  RETURN_IF_ERROR(conn->Call([&](grpc::ClientContext* ctx) {
    return conn->children().CreateChild(ctx, req, &resp);
  }));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status Show(Session& s, const ChildFlags& f) {
  v1::GetChildRequest req;
  req.set_child_id(f.child_id);
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  v1::GetChildResponse resp;
  RETURN_IF_ERROR(conn->Call([&](grpc::ClientContext* ctx) {
    return conn->children().GetChild(ctx, req, &resp);
  }));
  PrintRecord(s, resp, resp.child());
  return absl::OkStatus();
}

absl::Status List(Session& s, const ChildFlags& f) {
  v1::ListChildrenRequest req;
  req.set_flag(f.flag);
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  v1::ListChildrenResponse resp;
  RETURN_IF_ERROR(conn->Call([&](grpc::ClientContext* ctx) {
    return conn->children().ListChildren(ctx, req, &resp);
  }));
  PrintList(s, resp.children(), s.now());
  return absl::OkStatus();
}

absl::Status Flag(Session& s, const ChildFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> at,
                   OptionalTimeFlag("--at", f.at));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  if (!f.set.empty()) {
    v1::SetFlagRequest req;
    req.set_child_id(f.child_id);
    req.set_flag(f.set);
    if (at.has_value()) *req.mutable_at() = client::ToTimestamp(*at);
    v1::SetFlagResponse resp;
    RETURN_IF_ERROR(conn->Call([&](grpc::ClientContext* ctx) {
      return conn->children().SetFlag(ctx, req, &resp);
    }));
    PrintRecord(s, resp, resp.child());
    return absl::OkStatus();
  }
  v1::ClearFlagRequest req;
  req.set_child_id(f.child_id);
  req.set_flag(f.clear);
  if (at.has_value()) *req.mutable_at() = client::ToTimestamp(*at);
  v1::ClearFlagResponse resp;
  RETURN_IF_ERROR(conn->Call([&](grpc::ClientContext* ctx) {
    return conn->children().ClearFlag(ctx, req, &resp);
  }));
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
  show->add_option("ID", f->child_id, "The child's id")->required();

  CLI::App* list = AddLeaf(*group, "list", "List children",
                           "mfh child list --flag cse_concern --output csv",
                           dispatch, [f](Session& s) { return List(s, *f); });
  list->add_option("--flag", f->flag,
                   "Only children with this flag in force (open_to_cst, "
                   "cse_concern, cce_concern)");

  CLI::App* flag =
      AddLeaf(*group, "flag", "Set or clear a flag on a child (coordinator)",
              "mfh child flag C1 --set open_to_cst --at 2026-03-27T10:00",
              dispatch, [f](Session& s) { return Flag(s, *f); });
  flag->add_option("ID", f->child_id, "The child's id")->required();
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
