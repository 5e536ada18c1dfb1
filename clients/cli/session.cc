#include "clients/cli/session.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/core/time_text.h"

namespace mfh::cli {

Session::Session(const GlobalOptions& options, absl::Time now,
                 std::ostream& out)
    : options_(options), now_(now), out_(out) {}

absl::StatusOr<const client::Connection*> Session::Connect() {
  if (connection_ != nullptr) return connection_.get();
  client::ConnectionOptions connection;
  connection.server = options_.server;
  connection.token = options_.token;
  if (!options_.tls_ca.empty()) {
    std::ifstream in(options_.tls_ca);
    std::stringstream pem;
    pem << in.rdbuf();
    if (!in || pem.str().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--tls-ca: cannot read ", options_.tls_ca));
    }
    connection.use_tls = true;
    connection.pem_root_certs = pem.str();
  }
  absl::StatusOr<std::unique_ptr<client::Connection>> opened =
      client::Connection::Open(std::move(connection));
  if (!opened.ok()) return opened.status();
  connection_ = *std::move(opened);
  return connection_.get();
}

Format Session::format() const {
  if (options_.output == "json") return Format::kJson;
  if (options_.output == "csv") return Format::kCsv;
  return Format::kTable;
}

CLI::App* AddLeaf(CLI::App& group, const std::string& name,
                  const std::string& description, const std::string& example,
                  Dispatch& dispatch, Action action) {
  CLI::App* leaf = group.add_subcommand(name, description);
  leaf->footer(
      "Example:\n  " + example +
      "\nGlobal flags (see mfh --help): --server HOST:PORT, --token T, "
      "--output table|json|csv, --tls-ca FILE.");
  leaf->callback(
      [&dispatch, action = std::move(action)] { dispatch.action = action; });
  return leaf;
}

absl::StatusOr<absl::Time> TimeFlag(absl::string_view flag,
                                    const std::string& text) {
  return client::ParseTime(flag, text);
}

absl::StatusOr<std::optional<absl::Time>> OptionalTimeFlag(
    absl::string_view flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  absl::StatusOr<absl::Time> t = client::ParseTime(flag, text);
  if (!t.ok()) return t.status();
  return *t;
}

}  // namespace mfh::cli
