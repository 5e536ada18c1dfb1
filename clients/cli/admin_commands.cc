// mfh user add|list|revoke, mfh audit list: AdminService (admin token).
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "clients/cli/child_ref.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/calls.h"
#include "clients/core/words.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct AdminFlags {
  std::string name;
  std::string role;
  std::string since;
  std::string child_id;
  int limit = 0;
};

absl::Status AddUser(Session& s, const AdminFlags& f) {
  ASSIGN_OR_RETURN(v1::Role role, client::ParseRole("--role", f.role));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::AddUserResponse resp,
                   client::AddUser(*conn, f.name, role));
  // The token is shown once, so every format carries it.
  switch (s.format()) {
    case Format::kJson:
      s.out() << JsonLine(resp);
      break;
    case Format::kCsv: {
      Row header = View<v1::User>::CsvHeader();
      Row row = View<v1::User>::CsvRow(resp.user());
      header.push_back("token");
      row.push_back(resp.token());
      s.out() << CsvLine(header) << CsvLine(row);
      break;
    }
    case Format::kTable: {
      Fields fields = View<v1::User>::Record(resp.user());
      fields.emplace_back("token", resp.token());
      s.out() << FieldLines(fields);
      break;
    }
  }
  return absl::OkStatus();
}

absl::Status ListUsers(Session& s, const AdminFlags&) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListUsersResponse resp, client::ListUsers(*conn));
  PrintList(s, resp.users(), s.now());
  return absl::OkStatus();
}

absl::Status RevokeUser(Session& s, const AdminFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RevokeUserResponse resp,
                   client::RevokeUser(*conn, f.name));
  PrintRecord(s, resp, resp.user());
  return absl::OkStatus();
}

absl::Status ListAudit(Session& s, const AdminFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  ASSIGN_OR_RETURN(std::optional<absl::Time> since,
                   OptionalTimeFlag("--since", f.since));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListAuditResponse resp,
                   client::ListAudit(*conn, since, child, f.limit));
  PrintList(s, resp.entries(), s.now());
  return absl::OkStatus();
}

}  // namespace

void AddAdminCommands(CLI::App& app, Dispatch& dispatch) {
  CLI::App* users =
      app.add_subcommand("user", "Users and their tokens (admin)");
  users->require_subcommand(1);
  auto a = std::make_shared<AdminFlags>();
  CLI::App* add = AddLeaf(
      *users, "add", "Add a user; prints the token, which is shown only once",
      "mfh user add jo.bloggs --role coordinator", dispatch,
      [a](Session& s) { return AddUser(s, *a); });
  add->add_option("NAME", a->name,
                  "Letters, digits, '.', '_' or '-', at most 64")
      ->required();
  add->add_option("--role", a->role,
                  "coordinator, police, rhi_worker, manager or admin")
      ->required();

  auto l = std::make_shared<AdminFlags>();
  AddLeaf(*users, "list", "List users, revoked ones included", "mfh user list",
          dispatch, [l](Session& s) { return ListUsers(s, *l); });

  auto r = std::make_shared<AdminFlags>();
  CLI::App* revoke = AddLeaf(*users, "revoke", "Revoke a user's token",
                             "mfh user revoke jo.bloggs", dispatch,
                             [r](Session& s) { return RevokeUser(s, *r); });
  revoke->add_option("NAME", r->name, "The user's name")->required();

  CLI::App* audit = app.add_subcommand("audit", "The audit log (admin)");
  audit->require_subcommand(1);
  auto q = std::make_shared<AdminFlags>();
  CLI::App* list =
      AddLeaf(*audit, "list", "List audit rows, oldest first",
              "mfh audit list --since 2026-03-27T00:00 --child C1", dispatch,
              [q](Session& s) { return ListAudit(s, *q); });
  list->add_option("--since", q->since, "Only rows at or after this time");
  list->add_option("--child", q->child_id, kChildHelp);
  list->add_option("--limit", q->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace mfh::cli
