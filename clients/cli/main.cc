// mfh: the command line of the Missing From Home hub (DESIGN.md section 7).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "clients/cli/errors.h"
#include "clients/cli/session.h"
#include "clients/core/status.h"
#include "services/domain/clock.h"

namespace {

constexpr char kDescription[] =
    "mfh: the command line of the Missing From Home hub.\n"
    "Times in: RFC 3339 (2026-03-27T10:00:00Z, 2026-03-27T10:00+01:00) or "
    "Europe/London local time (2026-03-27T10:00, 2026-03-27 10:00).\n"
    "Times out: Europe/London in tables, RFC 3339 UTC in JSON and CSV.";

constexpr char kFooter[] =
    "Examples:\n"
    "  export MFH_SERVER=127.0.0.1:7443 MFH_TOKEN=...\n"
    "  mfh missing report --child C1 --police-force MET --police-ref "
    "R-1 --missing-since 2026-03-26T18:00 --risk high\n"
    "  mfh rhi list --overdue --output csv\n"
    "  mfh agenda --as-of \"2026-03-02 09:30\"\n"
    "Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 unauthenticated "
    "or permission denied, 5 invalid argument, 6 already exists or failed "
    "precondition, 7 server unavailable.";

void PrintError(absl::string_view message) {
  std::cerr << "mfh: " << absl::StrReplaceAll(message, {{"\n", " "}}) << "\n";
}

// The wall clock, or in a test build the instant in $MFH_CLOCK_FILE: the
// same file that end-to-end tests give mfh-server, so that both agree on
// "now".
absl::StatusOr<absl::Time> Now() {
#ifdef MFH_TEST_HOOKS
  if (const char* path = std::getenv("MFH_CLOCK_FILE"); path != nullptr) {
    absl::StatusOr<std::unique_ptr<mfh::domain::FileClock>> clock =
        mfh::domain::FileClock::Open(path);
    if (!clock.ok()) return clock.status();
    return (*clock)->Now();
  }
#endif
  return absl::Now();
}

}  // namespace

int main(int argc, char** argv) {
  using mfh::cli::Dispatch;
  using mfh::cli::GlobalOptions;
  const absl::StatusOr<absl::Time> now = Now();
  if (!now.ok()) {
    PrintError(absl::StrCat("MFH_CLOCK_FILE: ", now.status().message()));
    return mfh::client::kExitUsage;
  }

  GlobalOptions options;
  Dispatch dispatch;
  CLI::App app(kDescription, "mfh");
  app.footer(kFooter);
  app.fallthrough();
  app.require_subcommand(1);
  app.add_option("--server", options.server, "HOST:PORT of mfh-server")
      ->envname("MFH_SERVER")
      ->capture_default_str();
  app.add_option("--token", options.token, "Your bearer token")
      ->envname("MFH_TOKEN");
  app.add_option("--output", options.output, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  app.add_option("--tls-ca", options.tls_ca,
                 "Use TLS, trusting the CA certificates in this PEM file");
  mfh::cli::AddChildCommands(app, dispatch);
  mfh::cli::AddEpisodeCommands(app, dispatch);
  mfh::cli::AddRhiCommands(app, dispatch);
  mfh::cli::AddMeetingCommands(app, dispatch);
  mfh::cli::AddAdminCommands(app, dispatch);
  mfh::cli::AddReportCommands(app, dispatch);
  mfh::cli::AddIntelCommands(app, dispatch);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    PrintError(std::string(e.what()) + " (see --help)");
    return mfh::client::kExitUsage;
  }
  if (!dispatch.action) {
    PrintError("a command is required (see --help)");
    return mfh::client::kExitUsage;
  }
  if (options.token.empty()) {
    PrintError("no token: give --token or set MFH_TOKEN");
    return mfh::client::kExitDenied;
  }
  mfh::cli::Session session(options, *now, std::cout);
  const absl::Status status = dispatch.action(session);
  std::cout.flush();
  if (!status.ok()) {
    PrintError(status.GetPayload(mfh::client::kServerRefusal).has_value()
                   ? mfh::cli::InUserWords(status.message(),
                                           mfh::cli::SelectedCommand(app))
                   : std::string(status.message()));
    return mfh::client::ExitCodeFor(status.code());
  }
  return mfh::client::kExitOk;
}
