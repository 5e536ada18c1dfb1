// mfh-bench: the figures of DESIGN.md section 9, measured in one run on one
// machine: the agenda's latency, durable writes against bare SQLite
// transactions, reads against an empty gRPC echo service, start-up time and
// resident memory of the real mfh-server.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "mfh/bench/echo.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "services/app/hub.h"
#include "services/rpc/thread_model.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/bench/generator.h"
#include "tests/e2e/harness.h"

namespace mfh::bench {
namespace {

google::protobuf::Timestamp Ts(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

int Fail(const std::string& message) {
  std::cerr << "mfh-bench: " << message << "\n";
  return 1;
}

// What a stretch of calls did: how many, in how long; failed if any did.
struct Count {
  int64_t calls = 0;
  absl::Duration elapsed;
  bool failed = false;
};

// A load that can be run in stretches: `call(thread, i)` with each thread's
// `i` carrying on from one stretch to the next.
class Load {
 public:
  Load(int threads, std::function<bool(int, int64_t)> call)
      : next_(threads, 0), call_(std::move(call)) {}

  // Runs the load on its threads for `seconds`.
  Count Run(double seconds) {
    std::atomic<int64_t> total{0};
    std::atomic<bool> failed{false};
    const absl::Time start = absl::Now();
    const absl::Time end = start + absl::Seconds(seconds);
    std::vector<std::thread> pool;
    for (size_t t = 0; t < next_.size(); ++t) {
      pool.emplace_back([&, t] {
        int64_t& i = next_[t];
        const int64_t first = i;
        while (absl::Now() < end) {
          if (!call_(static_cast<int>(t), i++)) {
            failed = true;
            return;
          }
        }
        total += i - first;
      });
    }
    for (std::thread& th : pool) th.join();
    return {.calls = total, .elapsed = absl::Now() - start, .failed = failed};
  }

 private:
  std::vector<int64_t> next_;
  std::function<bool(int, int64_t)> call_;
};

// Calls per second of `measured` and of its `baseline`, run in turns of a
// half-second each for `seconds` apiece, so that whatever else the machine
// does over the run weighs on both alike. -1 for a load whose calls failed.
std::pair<double, double> AgainstBaseline(double seconds, Load& measured,
                                          Load& baseline) {
  constexpr double kTurn = 0.5;
  const int turns = std::max(1, static_cast<int>(std::lround(seconds / kTurn)));
  Count m;
  Count b;
  for (int turn = 0; turn < turns && !m.failed && !b.failed; ++turn) {
    for (auto [load, count] : {std::pair{&measured, &m}, {&baseline, &b}}) {
      Count c = load->Run(seconds / turns);
      count->calls += c.calls;
      count->elapsed += c.elapsed;
      count->failed = count->failed || c.failed;
    }
  }
  auto rate = [](const Count& c) {
    return c.failed ? -1.0
                    : static_cast<double>(c.calls) /
                          absl::ToDoubleSeconds(c.elapsed);
  };
  return {rate(m), rate(b)};
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p * values.size()));
  return values[std::max<size_t>(rank, 1) - 1];
}

// One-row transactions with synchronous=FULL in WAL mode, on the same disk,
// from one thread: the baseline of the durable writes.
class BareSqlite {
 public:
  explicit BareSqlite(std::string path) : path_(std::move(path)) {
    Remove();
    sqlite3_open(path_.c_str(), &db_);
    sqlite3_exec(db_,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL);",
                 nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO t(v) VALUES ('x')", -1, &insert_,
                       nullptr);
  }
  BareSqlite(const BareSqlite&) = delete;
  BareSqlite& operator=(const BareSqlite&) = delete;
  ~BareSqlite() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
    Remove();
  }

  bool Transaction() {
    return sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK &&
           sqlite3_step(insert_) == SQLITE_DONE &&
           sqlite3_reset(insert_) == SQLITE_OK &&
           sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix);
    }
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

double RssMb(pid_t pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return std::stod(line.substr(6)) / 1024.0;
    }
  }
  return -1;
}

class EchoService final : public mfh::bench::Echo::Service {
  grpc::Status Echo(grpc::ServerContext*, const EchoRequest* req,
                    EchoResponse* resp) override {
    resp->set_text(req->text());
    return grpc::Status::OK;
  }
};

// The baseline server: the same sync gRPC API and thread model as mfh-server.
int EchoServer() {
  rpc::StopLockOrderTracking();
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  EchoService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  rpc::UseHubThreadModel(builder);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  std::cout << "mfh-server: listening on 127.0.0.1:" << port << std::endl;
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop, &sig);
    server->Shutdown(std::chrono::system_clock::now() +
                     std::chrono::seconds(2));
  });
  server->Wait();
  stopper.join();
  return 0;
}

struct Options {
  std::string db;
  int64_t episodes = 1000;
  int64_t children = 0;
  uint64_t seed = 1;
  double seconds = 5;
  int threads = 4;
  // Group commit needs callers writing at once to form groups; the writes
  // measure what the server can absorb, with as many as a busy regional hub.
  int write_threads = 32;
  bool json = false;
  std::string server_binary;
};

int GenerateCommand(const Options& o) {
  auto store = storage::SqliteStore::Open(o.db);
  if (!store.ok()) return Fail(std::string(store.status().message()));
  if (absl::Status bulk = (*store)->UseForBulkLoad(); !bulk.ok()) {
    return Fail(std::string(bulk.message()));
  }
  const absl::Time start = absl::Now();
  auto stats = Generate(**store, {.episodes = o.episodes,
                                  .children = o.children,
                                  .seed = o.seed,
                                  .now = absl::Now()});
  if (!stats.ok()) return Fail(std::string(stats.status().message()));
  std::cout << absl::StrFormat(
      "generated %d episodes (%d open), %d children, %d RHIs, %d meetings, "
      "%d actions, %d links in %.1f s\n",
      stats->episodes, stats->open_episodes, stats->children, stats->rhis,
      stats->meetings, stats->actions, stats->links,
      absl::ToDoubleSeconds(absl::Now() - start));
  return 0;
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() +
                    std::chrono::seconds(30));
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  return ctx;
}

int RunCommand(const Options& o, const std::string& self) {
  testing::TempDir dir;
  const std::string db =
      o.db.empty() ? absl::StrCat("/tmp/mfh-bench-", o.episodes, ".db") : o.db;
  if (!std::filesystem::exists(db)) {
    Options g = o;
    g.db = db;
    if (GenerateCommand(g) != 0) return 1;
  }
  // Each run works on a fresh copy, so that one run's writes never weigh on
  // the next run's agenda and reads.
  const std::string copy = dir.File("run.db");
  std::filesystem::copy_file(db, copy);
  std::string token;
  {
    auto store = storage::SqliteStore::Open(copy);
    if (!store.ok()) return Fail(std::string(store.status().message()));
    auto user = app::CreateUser(
        **store, absl::StrCat("bench-", absl::ToUnixNanos(absl::Now())),
        domain::Role::kCoordinator, absl::Now());
    if (!user.ok()) return Fail(std::string(user.status().message()));
    token = user->token;
  }
  const std::string server_binary = o.server_binary.empty()
                                        ? (std::filesystem::path(self)
                                               .parent_path()
                                               .parent_path()
                                               .parent_path() /
                                           "services/server/mfh-server")
                                              .string()
                                        : o.server_binary;

  // Start-up: from exec to a SERVING health check.
  const absl::Time launched = absl::Now();
  auto server = testing::ServerProcess::StartCommand(
      {server_binary, "serve", "--db", copy, "--listen", "127.0.0.1:0"},
      dir.path());
  if (!server.ok()) return Fail(std::string(server.status().message()));
  auto channel = grpc::CreateChannel((*server)->address(),
                                     grpc::InsecureChannelCredentials());
  {
    auto health = grpc::health::v1::Health::NewStub(channel);
    grpc::health::v1::HealthCheckResponse resp;
    grpc::ClientContext ctx;
    ctx.set_wait_for_ready(true);
    health->Check(&ctx, {}, &resp);
  }
  const double startup_ms = absl::ToDoubleMilliseconds(absl::Now() - launched);

  // The agenda for today, one call at a time.
  auto meetings = v1::MeetingService::NewStub(channel);
  std::vector<double> agenda_ms;
  const absl::Time agenda_end = absl::Now() + absl::Seconds(o.seconds);
  while (absl::Now() < agenda_end || agenda_ms.size() < 20) {
    v1::GetAgendaResponse resp;
    const absl::Time t0 = absl::Now();
    grpc::Status s = meetings->GetAgenda(Context(token).get(), {}, &resp);
    if (!s.ok()) return Fail("GetAgenda: " + s.error_message());
    agenda_ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
  }

  // Reads: GetEpisode and ListInterviews, audited as in production.
  auto episodes = v1::EpisodeService::NewStub(channel);
  auto interviews = v1::InterviewService::NewStub(channel);
  const int64_t known = std::max<int64_t>(1, o.episodes / 2);
  Load reads(o.threads, [&](int t, int64_t i) {
    if (i % 2 == 0) {
      v1::GetEpisodeRequest req;
      req.set_episode_id(absl::StrCat("E", 1 + (i * 7919 + t) % known));
      v1::GetEpisodeResponse resp;
      return episodes->GetEpisode(Context(token).get(), req, &resp).ok();
    }
    v1::ListInterviewsRequest req;
    req.add_statuses(v1::RHI_STATUS_OVERDUE);
    v1::ListInterviewsResponse resp;
    return interviews->ListInterviews(Context(token).get(), req, &resp).ok();
  });

  // The baseline for reads: an empty echo service, same client, same load,
  // in turns with the reads.
  double read_per_s = -1;
  double echo_per_s = -1;
  {
    auto echo_server =
        testing::ServerProcess::StartCommand({self, "echo-server"}, dir.path());
    if (!echo_server.ok()) {
      return Fail(std::string(echo_server.status().message()));
    }
    auto echo_channel = grpc::CreateChannel((*echo_server)->address(),
                                            grpc::InsecureChannelCredentials());
    auto echo = mfh::bench::Echo::NewStub(echo_channel);
    Load echoes(o.threads, [&](int, int64_t) {
      EchoRequest req;
      req.set_text("E1");
      EchoResponse resp;
      return echo->Echo(Context(token).get(), req, &resp).ok();
    });
    std::tie(read_per_s, echo_per_s) =
        AgainstBaseline(o.seconds, reads, echoes);
    (*echo_server)->Stop();
  }

  // Durable writes: each thread reports its own children missing and back,
  // in turn, so that no child gathers an unrealistic history.
  constexpr int kChildrenPerThread = 50;
  auto children = v1::ChildService::NewStub(channel);
  std::vector<std::string> child_ids;
  for (int t = 0; t < o.write_threads * kChildrenPerThread; ++t) {
    v1::CreateChildRequest req;
    req.set_name("Bench Child");
    req.set_date_of_birth("2012-01-01");
    v1::CreateChildResponse resp;
    grpc::Status s = children->CreateChild(Context(token).get(), req, &resp);
    if (!s.ok()) return Fail("CreateChild: " + s.error_message());
    child_ids.push_back(resp.child().child_id());
  }
  const absl::Time base = absl::Now() - absl::Hours(24 * 10);
  const std::string run = absl::StrCat(absl::ToUnixSeconds(absl::Now()));
  Load writes(o.write_threads, [&](int t, int64_t i) {
    const std::string ref = absl::StrCat("BENCH-", run, "-", t, "-", i / 2);
    const absl::Time since = base + absl::Seconds(60 * (i / 2));
    if (i % 2 == 0) {
      v1::ReportMissingRequest req;
      req.set_child_id(
          child_ids[t * kChildrenPerThread + (i / 2) % kChildrenPerThread]);
      req.set_police_force("BENCH");
      req.set_police_ref(ref);
      *req.mutable_missing_since() = Ts(since);
      *req.mutable_notified_at() = Ts(since + absl::Seconds(10));
      req.set_risk(v1::RISK_LOW);
      v1::ReportMissingResponse resp;
      return episodes->ReportMissing(Context(token).get(), req, &resp).ok();
    }
    v1::LogReturnRequest req;
    req.set_police_force("BENCH");
    req.set_police_ref(ref);
    *req.mutable_returned_at() = Ts(since + absl::Seconds(20));
    *req.mutable_return_notified_at() = Ts(since + absl::Seconds(30));
    v1::LogReturnResponse resp;
    return episodes->LogReturn(Context(token).get(), req, &resp).ok();
  });
  BareSqlite bare(copy + ".baseline");
  Load bare_transactions(1, [&](int, int64_t) { return bare.Transaction(); });
  const auto [write_per_s, sqlite_per_s] =
      AgainstBaseline(o.seconds, writes, bare_transactions);

  const double rss_mb = RssMb((*server)->pid());
  (*server)->Stop();

  const double p50 = Percentile(agenda_ms, 0.50);
  const double p99 = Percentile(agenda_ms, 0.99);
  const double write_ratio = write_per_s / sqlite_per_s;
  const double read_ratio = read_per_s / echo_per_s;
  std::cout << absl::StrFormat(
      "episodes                 %d\n"
      "agenda p50 / p99         %.2f ms / %.2f ms   (target p99 < 50 ms)\n"
      "writes                   %.0f /s   (%d threads)\n"
      "sqlite FULL one-row txn  %.0f /s\n"
      "write ratio              %.2f   (target >= 0.5)\n"
      "reads                    %.0f /s   (%d threads)\n"
      "echo                     %.0f /s\n"
      "read ratio               %.2f   (target >= 0.5)\n"
      "start-up                 %.0f ms   (target < 1000 ms)\n"
      "resident memory          %.1f MB   (target < 100 MB)\n",
      o.episodes, p50, p99, write_per_s, o.write_threads, sqlite_per_s,
      write_ratio, read_per_s, o.threads, echo_per_s, read_ratio, startup_ms,
      rss_mb);
  if (o.json) {
    std::cout << absl::StrFormat(
        "{\"episodes\":%d,\"agenda_p50_ms\":%.3f,\"agenda_p99_ms\":%.3f,"
        "\"write_per_s\":%.1f,\"sqlite_full_txn_per_s\":%.1f,"
        "\"write_ratio\":%.3f,\"read_per_s\":%.1f,\"echo_per_s\":%.1f,"
        "\"read_ratio\":%.3f,\"startup_ms\":%.1f,\"rss_mb\":%.1f}\n",
        o.episodes, p50, p99, write_per_s, sqlite_per_s, write_ratio,
        read_per_s, echo_per_s, read_ratio, startup_ms, rss_mb);
  }
  return 0;
}

int Main(int argc, char** argv) {
  CLI::App app{"mfh-bench: the figures of DESIGN.md section 9"};
  app.require_subcommand(1);
  Options o;
  CLI::App* generate = app.add_subcommand(
      "generate", "Write a synthetic history into a database");
  generate->add_option("--db", o.db, "SQLite file")->required();
  generate->add_option("--episodes", o.episodes, "How many episodes")
      ->required();
  generate->add_option("--children", o.children,
                       "How many children (default: episodes / 8)");
  generate->add_option("--seed", o.seed, "Random seed");
  CLI::App* run = app.add_subcommand(
      "run", "Measure against the real server (generates the db if missing)");
  run->add_option("--episodes", o.episodes, "Episodes of history")->required();
  run->add_option("--db", o.db, "SQLite file (default /tmp/mfh-bench-N.db)");
  run->add_option("--seconds", o.seconds, "Seconds per measurement");
  run->add_option("--threads", o.threads,
                  "Client threads for the reads and the echo baseline");
  run->add_option("--write-threads", o.write_threads,
                  "Client threads for the durable writes");
  run->add_option("--server-binary", o.server_binary, "mfh-server to run");
  run->add_option("--seed", o.seed, "Random seed for a generated db");
  run->add_flag("--json", o.json, "Also print one JSON line, last");
  CLI::App* echo = app.add_subcommand("echo-server", "The baseline server");
  echo->group("");
  CLI11_PARSE(app, argc, argv);
  if (generate->parsed()) return GenerateCommand(o);
  if (echo->parsed()) return EchoServer();
  return RunCommand(o, std::filesystem::canonical("/proc/self/exe").string());
}

}  // namespace
}  // namespace mfh::bench

int main(int argc, char** argv) { return mfh::bench::Main(argc, argv); }
