// What every command of mfh shares: the global flags, the connection, the
// output format, and the instant the command runs at.
#ifndef MFH_CLIENTS_CLI_SESSION_H_
#define MFH_CLIENTS_CLI_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "clients/core/connection.h"

namespace CLI {
class App;
}  // namespace CLI

namespace mfh::cli {

enum class Format { kTable, kJson, kCsv };

struct GlobalOptions {
  std::string server = "127.0.0.1:7443";
  std::string token;
  std::string output = "table";
  std::string tls_ca;
};

class Session {
 public:
  Session(const GlobalOptions& options, absl::Time now, std::ostream& out);

  // The connection, opened on first use.
  absl::StatusOr<const client::Connection*> Connect();

  Format format() const;
  // When the command started; the default of --as-of for what is shown.
  absl::Time now() const { return now_; }
  std::ostream& out() { return out_; }

 private:
  const GlobalOptions& options_;
  const absl::Time now_;
  std::ostream& out_;
  std::unique_ptr<client::Connection> connection_;
};

using Action = std::function<absl::Status(Session&)>;

// The action of the leaf command that CLI11 selected.
struct Dispatch {
  Action action;
};

// A leaf command under `group` whose selection sets `action`, with an
// example in its help.
CLI::App* AddLeaf(CLI::App& group, const std::string& name,
                  const std::string& description, const std::string& example,
                  Dispatch& dispatch, Action action);

// Flag values parsed in the action, so that a bad one is INVALID_ARGUMENT
// (exit 5) naming the flag.
absl::StatusOr<absl::Time> TimeFlag(absl::string_view flag,
                                    const std::string& text);
// Unset when the flag was not given (empty text).
absl::StatusOr<std::optional<absl::Time>> OptionalTimeFlag(
    absl::string_view flag, const std::string& text);

// The command groups, one source file each.
void AddChildCommands(CLI::App& app, Dispatch& dispatch);
void AddEpisodeCommands(CLI::App& app, Dispatch& dispatch);
void AddRhiCommands(CLI::App& app, Dispatch& dispatch);
void AddMeetingCommands(CLI::App& app, Dispatch& dispatch);
void AddAdminCommands(CLI::App& app, Dispatch& dispatch);
void AddReportCommands(CLI::App& app, Dispatch& dispatch);
// findings_commands.cc: rhi findings and follow-up (under the rhi group),
// intel, and report hotspots (under the report group).
void AddFindingsCommands(CLI::App& rhi, Dispatch& dispatch);
void AddIntelCommands(CLI::App& app, Dispatch& dispatch);
void AddHotspotCommand(CLI::App& report, Dispatch& dispatch);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_SESSION_H_
