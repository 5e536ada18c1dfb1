// mfh-server: serves the hub's gRPC API on one SQLite file, and manages its
// users from the server host.
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "mfh/bench/write_counts.grpc.pb.h"
#include "services/app/audit_log.h"
#include "services/app/hub.h"
#include "services/domain/clock.h"
#include "services/rpc/admin_service.h"
#include "services/rpc/child_service.h"
#include "services/rpc/convert.h"
#include "services/rpc/episode_service.h"
#include "services/rpc/intelligence_service.h"
#include "services/rpc/interview_service.h"
#include "services/rpc/limits.h"
#include "services/rpc/meeting_service.h"
#include "services/rpc/report_service.h"
#include "services/rpc/thread_model.h"
#include "services/server/demo.h"
#include "services/server/host_commands.h"
#include "services/server/policy.h"
#include "services/storage/sqlite/fault_vfs.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh::server {
namespace {

// How long in-flight calls may run on after SIGTERM or SIGINT.
constexpr absl::Duration kDrainTimeout = absl::Seconds(10);

#ifdef MFH_TEST_HOOKS
constexpr bool kTestHooks = true;
#else
constexpr bool kTestHooks = false;
#endif

class RealClock : public domain::Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

// The wall clock, or (a test build's --clock-file) the instant in a file.
absl::StatusOr<std::unique_ptr<domain::Clock>> ServerClock(
    const std::string& clock_file) {
  if (clock_file.empty()) return std::make_unique<RealClock>();
  if (!kTestHooks) {
    return absl::FailedPreconditionError(
        "only a test build (MFH_TEST_HOOKS) reads the time from a file");
  }
  return domain::FileClock::Open(clock_file);
}

// The store's group-commit counts, which the benchmark reads around its write
// phase to batch its baseline alike; served by test builds only.
class WriteCountsService final : public bench::WriteCounts::Service {
 public:
  explicit WriteCountsService(storage::SqliteStore& store) : store_(store) {}

  grpc::Status Get(grpc::ServerContext*, const bench::WriteCountsRequest*,
                   bench::WriteCountsResponse* resp) override {
    const storage::SqliteStore::WriteCounts counts = store_.Counts();
    resp->set_writes(counts.writes);
    resp->set_groups(counts.groups);
    resp->set_syncs(counts.syncs);
    return grpc::Status::OK;
  }

 private:
  storage::SqliteStore& store_;
};

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:7443";
  std::string policy;
  bool demo = false;
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;
  std::string clock_file;
  std::string fault_file;
};

int Fail(absl::string_view message) {
  std::cerr << "mfh-server: " << message << "\n";
  return 1;
}

absl::StatusOr<std::string> ReadFile(const std::string& flag,
                                     const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return absl::NotFoundError(absl::StrCat(flag, ": cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether HOST:PORT names a loopback address only.
bool IsLoopback(absl::string_view listen) {
  return absl::StartsWith(listen, "127.") ||
         absl::StartsWith(listen, "localhost:") ||
         absl::StartsWith(listen, "[::1]:");
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(
    const ServeOptions& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key must be given together");
  }
  if (options.tls_cert.empty()) {
    if (!IsLoopback(options.listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--listen ", options.listen,
          ": refusing to serve off loopback without TLS; give --tls-cert "
          "and --tls-key, or listen on 127.0.0.1"));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions ssl(
      GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  auto cert = ReadFile("--tls-cert", options.tls_cert);
  if (!cert.ok()) return cert.status();
  auto key = ReadFile("--tls-key", options.tls_key);
  if (!key.ok()) return key.status();
  pair.cert_chain = *cert;
  pair.private_key = *key;
  ssl.pem_key_cert_pairs.push_back(pair);
  if (!options.tls_client_ca.empty()) {
    auto ca = ReadFile("--tls-client-ca", options.tls_client_ca);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

int Serve(const ServeOptions& options, const sigset_t& stop_signals) {
  absl::StatusOr<domain::Policy> policy = LoadPolicy(options.policy);
  if (!policy.ok()) return Fail(policy.status().message());
  // The demo borough's reports carry a name that no real council has.
  if (options.demo && policy->authority.empty()) {
    policy->authority = "Demo Borough Council (fictional)";
  }
  auto credentials = Credentials(options);
  if (!credentials.ok()) return Fail(credentials.status().message());
  absl::StatusOr<std::unique_ptr<domain::Clock>> clock =
      ServerClock(options.clock_file);
  if (!clock.ok()) {
    return Fail(absl::StrCat("--clock-file: ", clock.status().message()));
  }
  if (!options.fault_file.empty()) {
    if (!kTestHooks) {
      return Fail(
          "--fault-file: only a test build (MFH_TEST_HOOKS) fails on "
          "command");
    }
    absl::Status installed = storage::InstallFaultVfs(options.fault_file);
    if (!installed.ok()) {
      return Fail(absl::StrCat("--fault-file: ", installed.message()));
    }
  }
  auto store = storage::SqliteStore::Open(options.db);
  if (!store.ok()) {
    return Fail(
        absl::StrCat("--db ", options.db, ": ", store.status().message()));
  }
  {
    app::AuditLog audit(**store);
    app::ChangeFeed feed;
    rpc::ProtoAgendaCodec agenda_codec;
    app::Hub hub(**store, **clock, *policy, audit, feed, agenda_codec);
    if (options.demo) {
      absl::StatusOr<std::string> token = FillDemoBorough(**store, hub);
      if (!token.ok()) return Fail(token.status().message());
      if (!token->empty()) {
        std::cout << "demo borough created; coordinator token:\n"
                  << *token << std::endl;
      } else {
        std::cout << "demo: the database already holds children; left as it is"
                  << std::endl;
      }
    }

    rpc::ChildServiceImpl children(hub.children());
    rpc::EpisodeServiceImpl episodes(hub.episodes(), hub.runner(), feed);
    rpc::InterviewServiceImpl interviews(hub.interviews());
    rpc::IntelligenceServiceImpl intelligence(hub.intelligence());
    rpc::MeetingServiceImpl meetings(hub.meetings());
    rpc::ReportServiceImpl reports(hub.reports());
    rpc::AdminServiceImpl admin(hub.admin());
    WriteCountsService write_counts(**store);
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(options.listen, *credentials, &port);
    rpc::UseHubThreadModel(builder);
    rpc::UseHubMessageLimits(builder);
    builder.RegisterService(&children);
    builder.RegisterService(&episodes);
    builder.RegisterService(&interviews);
    builder.RegisterService(&intelligence);
    builder.RegisterService(&meetings);
    builder.RegisterService(&reports);
    builder.RegisterService(&admin);
    if (kTestHooks) builder.RegisterService(&write_counts);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (server == nullptr || port == 0) {
      return Fail(
          absl::StrCat("--listen ", options.listen, ": cannot listen there"));
    }
    const std::string host =
        options.listen.substr(0, options.listen.rfind(':'));
    std::cout << "mfh-server: listening on " << host << ":" << port
              << std::endl;

    // Health follows the audit: NOT_SERVING while reads are refused.
    grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
    audit.SetListener(
        [health](bool writable) { health->SetServingStatus(writable); });

    std::thread stopper([&] {
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
      std::cout << "mfh-server: stopping (signal " << signal_number << ")"
                << std::endl;
      feed.Close();  // ends the WatchBoard streams
      server->Shutdown(std::chrono::system_clock::now() +
                       absl::ToChronoMilliseconds(kDrainTimeout));
    });
    server->Wait();
    stopper.join();
    audit.SetListener(nullptr);
  }
  std::cout << "mfh-server: stopped cleanly" << std::endl;
  return 0;
}

int Main(int argc, char** argv) {
  rpc::StopLockOrderTracking();
  // Block the stop signals before any thread starts, so that only the
  // stopper thread receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  CLI::App app{"mfh-server: the Missing From Home hub's server"};
  app.require_subcommand(1);

  ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the gRPC API");
  serve_cmd->add_option("--db", serve.db, "SQLite database file")->required();
  serve_cmd
      ->add_option("--listen", serve.listen,
                   "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  serve_cmd->add_option("--policy", serve.policy,
                        "mfh.v1.HubPolicy in protobuf text format");
  serve_cmd->add_flag("--demo", serve.demo,
                      "Fill an empty database with a fictional borough");
  serve_cmd->add_option("--tls-cert", serve.tls_cert, "PEM certificate chain");
  serve_cmd->add_option("--tls-key", serve.tls_key, "PEM private key");
  serve_cmd->add_option("--tls-client-ca", serve.tls_client_ca,
                        "PEM CA that client certificates must chain to");
  serve_cmd->add_option("--clock-file", serve.clock_file,
                        "Test builds only: read the time from this file "
                        "(RFC 3339)");

  serve_cmd->add_option("--fault-file", serve.fault_file,
                        "Test builds only: while this file exists, every "
                        "write to the database fails as on a full disk");

  CLI::App* user_cmd = app.add_subcommand("user", "Manage users and tokens");
  user_cmd->require_subcommand(1);
  std::string db;
  std::string name;
  std::string role;
  CLI::App* add_cmd = user_cmd->add_subcommand(
      "add", "Add a user; prints the token alone on the last line");
  add_cmd->add_option("NAME", name, "User name")->required();
  add_cmd
      ->add_option("--role", role,
                   "coordinator, police, rhi_worker, manager or admin")
      ->required();
  add_cmd->add_option("--db", db, "SQLite database file")->required();
  CLI::App* list_cmd = user_cmd->add_subcommand("list", "List users");
  list_cmd->add_option("--db", db, "SQLite database file")->required();
  CLI::App* revoke_cmd =
      user_cmd->add_subcommand("revoke", "Revoke a user's token");
  revoke_cmd->add_option("NAME", name, "User name")->required();
  revoke_cmd->add_option("--db", db, "SQLite database file")->required();

  CLI::App* audit_cmd = app.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  CLI::App* verify_cmd = audit_cmd->add_subcommand(
      "verify",
      "Check the audit's hash chain: exit 0 when intact, 1 naming the first "
      "entry edited, deleted or inserted");
  verify_cmd->add_option("--db", db, "SQLite database file")->required();
  std::string expect_head;
  verify_cmd->add_option("--expect-head", expect_head,
                         "ID:HASH of an entry as an earlier verify printed "
                         "it: fail unless the chain still holds it");

  CLI11_PARSE(app, argc, argv);

  if (serve_cmd->parsed()) return Serve(serve, stop_signals);
  const RealClock clock;
  if (add_cmd->parsed()) {
    return UserAdd(db, name, role, clock.Now(), std::cout, std::cerr);
  }
  if (list_cmd->parsed()) return UserList(db, std::cout, std::cerr);
  if (verify_cmd->parsed())
    return AuditVerify(db, expect_head, std::cout, std::cerr);
  return UserRevoke(db, name, clock.Now(), std::cout, std::cerr);
}

}  // namespace
}  // namespace mfh::server

int main(int argc, char** argv) { return mfh::server::Main(argc, argv); }
