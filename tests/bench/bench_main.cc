// mfh-bench: the figures of DESIGN.md section 9, measured in one run on one
// machine: the agenda's latency, durable writes against bare SQLite
// transactions (one row each, and batched as the server groups its writes),
// reads against empty gRPC echo services (the server's synchronous API, and
// the callback API), start-up time and resident memory of the real
// mfh-server.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "mfh/bench/echo.grpc.pb.h"
#include "mfh/bench/write_counts.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "services/app/hub.h"
#include "services/app/paging.h"
#include "services/rpc/thread_model.h"
#include "services/storage/sqlite/schema.h"
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

// What a stretch of calls did: how many units (calls, or rows), in how
// long; failed if any call did.
struct Count {
  int64_t units = 0;
  absl::Duration elapsed;
  double cpu_s = 0;  // of the process that served the calls
  bool failed = false;
};

// The CPU time, user and system, that process `pid` has used so far, in
// seconds (to the kernel's tick, 10 ms); -1 if it cannot be read.
double CpuSeconds(pid_t pid) {
  std::ifstream stat(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  std::getline(stat, line);
  // The fields after the name in parentheses, from the third (the state):
  // utime and stime are the 14th and 15th.
  std::istringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  for (int i = 3; i < 14 && rest >> field;) ++i;
  int64_t utime = 0;
  int64_t stime = 0;
  if (!(rest >> utime >> stime)) return -1;
  return static_cast<double>(utime + stime) / sysconf(_SC_CLK_TCK);
}

// A load that can be run in stretches: `call(thread, i)` makes one call and
// returns the units it completed (1 for a call, the rows of a batch), 0 when
// it failed; each thread's `i` carries on from one stretch to the next.
// `served_by` is the process whose CPU time the calls cost (a server, or
// this one for the bare SQLite baselines). `prepare`, if given, runs before
// each stretch, outside its time.
class Load {
 public:
  Load(int threads, pid_t served_by, std::function<int64_t(int, int64_t)> call,
       std::function<bool()> prepare = nullptr)
      : next_(threads, 0),
        served_by_(served_by),
        call_(std::move(call)),
        prepare_(std::move(prepare)) {}

  // Runs the load on its threads for `seconds`.
  Count Run(double seconds) {
    if (prepare_ && !prepare_()) return {.failed = true};
    std::atomic<int64_t> total{0};
    std::atomic<bool> failed{false};
    const double cpu_start = CpuSeconds(served_by_);
    const absl::Time start = absl::Now();
    const absl::Time end = start + absl::Seconds(seconds);
    std::vector<std::thread> pool;
    for (size_t t = 0; t < next_.size(); ++t) {
      pool.emplace_back([&, t] {
        int64_t& i = next_[t];
        int64_t units = 0;
        while (absl::Now() < end) {
          const int64_t done = call_(static_cast<int>(t), i++);
          if (done <= 0) {
            failed = true;
            return;
          }
          units += done;
        }
        total += units;
      });
    }
    for (std::thread& th : pool) th.join();
    return {.units = total,
            .elapsed = absl::Now() - start,
            .cpu_s = CpuSeconds(served_by_) - cpu_start,
            .failed = failed};
  }

 private:
  std::vector<int64_t> next_;
  pid_t served_by_;
  std::function<int64_t(int, int64_t)> call_;
  std::function<bool()> prepare_;
};

// What a load achieved: units per second (-1 if its calls failed), and the
// CPU time of the process that served it per unit, in microseconds.
struct Rate {
  double per_s = -1;
  double cpu_us = -1;
};

// The rate of each load, run in turns of a half-second each (the first, the
// second, ..., the first again) for `seconds` apiece, so that whatever else
// the machine does over the run weighs on all alike.
std::vector<Rate> InTurns(double seconds, const std::vector<Load*>& loads) {
  constexpr double kTurn = 0.5;
  const int turns = std::max(1, static_cast<int>(std::lround(seconds / kTurn)));
  std::vector<Count> counts(loads.size());
  auto failed = [&] {
    return std::any_of(counts.begin(), counts.end(),
                       [](const Count& c) { return c.failed; });
  };
  for (int turn = 0; turn < turns && !failed(); ++turn) {
    for (size_t k = 0; k < loads.size(); ++k) {
      Count c = loads[k]->Run(seconds / turns);
      counts[k].units += c.units;
      counts[k].elapsed += c.elapsed;
      counts[k].cpu_s += c.cpu_s;
      counts[k].failed = counts[k].failed || c.failed;
    }
  }
  std::vector<Rate> rates;
  for (const Count& c : counts) {
    if (c.failed || c.units == 0) {
      rates.push_back({});
      continue;
    }
    rates.push_back({.per_s = static_cast<double>(c.units) /
                              absl::ToDoubleSeconds(c.elapsed),
                     .cpu_us = 1e6 * c.cpu_s / static_cast<double>(c.units)});
  }
  return rates;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p * values.size()));
  return values[std::max<size_t>(rank, 1) - 1];
}

// Bare transactions of one-row INSERTs into a table of one column, in WAL
// mode with synchronous=FULL (a sync of the WAL at every COMMIT), on the same
// disk and with the same page size as the server's database: the baselines of
// the durable writes. Every caller thread shares the one connection and takes
// its turn on a mutex, so that none waits in SQLite's busy sleeps.
class BareSqlite {
 public:
  BareSqlite(std::string path, int page_size) : path_(std::move(path)) {
    Remove();
    sqlite3_open(path_.c_str(), &db_);
    sqlite3_exec(db_,
                 absl::StrCat("PRAGMA page_size=", page_size,
                              "; PRAGMA journal_mode=WAL;"
                              " PRAGMA synchronous=FULL;"
                              " CREATE TABLE t(id INTEGER PRIMARY KEY,"
                              " v TEXT NOT NULL);")
                     .c_str(),
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

  // One transaction of `rows` rows; whether every step succeeded.
  bool Transaction(int64_t rows) {
    std::lock_guard<std::mutex> lock(mu_);
    if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return false;
    }
    for (int64_t r = 0; r < rows; ++r) {
      if (sqlite3_step(insert_) != SQLITE_DONE ||
          sqlite3_reset(insert_) != SQLITE_OK) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
      }
    }
    return sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix);
    }
  }

  std::string path_;
  std::mutex mu_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

// A memory figure of /proc/PID/status in MB: "VmRSS:" (resident now) or
// "VmHWM:" (the peak resident since the process began); -1 if absent.
double StatusMb(pid_t pid, const std::string& field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::stod(line.substr(field.size())) / 1024.0;
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

class CallbackEchoService final : public mfh::bench::Echo::CallbackService {
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const EchoRequest* req,
                                 EchoResponse* resp) override {
    resp->set_text(req->text());
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

// A baseline server: by default the same synchronous gRPC API and thread
// model as mfh-server; with `callback`, gRPC's callback API, whose threads
// gRPC manages itself.
int EchoServer(bool callback) {
  rpc::StopLockOrderTracking();
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  EchoService sync_service;
  CallbackEchoService callback_service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  if (callback) {
    builder.RegisterService(&callback_service);
  } else {
    rpc::UseHubThreadModel(builder);
    builder.RegisterService(&sync_service);
  }
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
  bool callback = false;
  std::string server_binary;
};

// What a generated database records of what made it, in the schema's meta
// table beside schema_version: the generator's and the schema's versions, the
// options, and when (the history runs up to that instant).
constexpr char kMadeByKey[] = "mfh_bench_made_by";
constexpr char kMadeAtKey[] = "mfh_bench_made_at";
constexpr char kSelectMetaSql[] = "SELECT value FROM meta WHERE key = ?";
constexpr char kUpsertMetaSql[] =
    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)";
// The first child the generator writes, in a database made before it kept a
// record of itself.
constexpr char kSelectFirstChildRefSql[] =
    "SELECT la_ref FROM children WHERE id = 1";
constexpr char kFirstSyntheticChildRef[] = "SYN-1";
constexpr char kPageSizeSql[] = "PRAGMA page_size";
// A history older than this has left the last days of the agenda's windows
// empty.
constexpr absl::Duration kFreshFor = absl::Hours(24);

std::string MadeBy(const Options& o) {
  return absl::StrCat("generator ", kGeneratorVersion, ", schema ",
                      storage::kCurrentSchemaVersion, ", episodes ", o.episodes,
                      ", children ", o.children, ", seed ", o.seed);
}

// The first column of the first row of `sql` (bound to `key` if not empty);
// empty when there is no such row or table.
std::string QueryText(sqlite3* db, const char* sql, const std::string& key) {
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
    if (!key.empty()) {
      sqlite3_bind_text(stmt, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    }
    if (sqlite3_step(stmt) == SQLITE_ROW &&
        sqlite3_column_text(stmt, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
  }
  sqlite3_finalize(stmt);
  return value;
}

absl::Status RecordMaker(const std::string& db_path, const Options& o,
                         absl::Time made_at) {
  sqlite3* db = nullptr;
  absl::Status status;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    status = absl::InternalError(absl::StrCat("open ", db_path));
  }
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{kMadeByKey, MadeBy(o)},
        {kMadeAtKey, absl::StrCat(absl::ToUnixSeconds(made_at))}}) {
    if (!status.ok()) break;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, kUpsertMetaSql, -1, &stmt, nullptr) !=
            SQLITE_OK ||
        sqlite3_bind_text(stmt, 1, key.c_str(), -1, SQLITE_TRANSIENT) !=
            SQLITE_OK ||
        sqlite3_bind_text(stmt, 2, value.c_str(), -1, SQLITE_TRANSIENT) !=
            SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_DONE) {
      status = absl::InternalError(
          absl::StrCat("recording ", key, ": ", sqlite3_errmsg(db)));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return status;
}

// Why the database at `db_path` cannot serve a run with `o` as it stands
// (missing; made by another generator, schema, size or seed; older than
// kFreshFor), or empty if it can. FAILED_PRECONDITION for a file mfh-bench
// did not make, which it will not overwrite.
absl::StatusOr<std::string> WhyRegenerate(const std::string& db_path,
                                          const Options& o) {
  if (!std::filesystem::exists(db_path)) return "there is none";
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const std::string made_by = QueryText(db, kSelectMetaSql, kMadeByKey);
  const std::string made_at = QueryText(db, kSelectMetaSql, kMadeAtKey);
  const std::string first_child = QueryText(db, kSelectFirstChildRefSql, "");
  sqlite3_close(db);
  if (made_by.empty()) {
    if (first_child != kFirstSyntheticChildRef) {
      return absl::FailedPreconditionError(absl::StrCat(
          db_path, " was not made by mfh-bench; give another --db"));
    }
    return "it was made by an mfh-bench that kept no record of itself";
  }
  if (made_by != MadeBy(o)) {
    return absl::StrCat("it was made by ", made_by, ", not ", MadeBy(o));
  }
  int64_t seconds = 0;
  if (!absl::SimpleAtoi(made_at, &seconds) ||
      absl::Now() - absl::FromUnixSeconds(seconds) > kFreshFor) {
    return absl::StrCat("its history ends more than ",
                        absl::FormatDuration(kFreshFor), " ago");
  }
  return "";
}

int GenerateCommand(const Options& o) {
  const absl::Time start = absl::Now();
  absl::StatusOr<GenerateStats> stats;
  {
    auto store = storage::SqliteStore::Open(o.db);
    if (!store.ok()) return Fail(std::string(store.status().message()));
    if (absl::Status bulk = (*store)->UseForBulkLoad(); !bulk.ok()) {
      return Fail(std::string(bulk.message()));
    }
    stats = Generate(**store, {.episodes = o.episodes,
                               .children = o.children,
                               .seed = o.seed,
                               .now = start});
  }
  if (!stats.ok()) return Fail(std::string(stats.status().message()));
  if (absl::Status recorded = RecordMaker(o.db, o, start); !recorded.ok()) {
    return Fail(std::string(recorded.message()));
  }
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

// The server's group-commit counts, from the hook of a test build.
absl::StatusOr<WriteCountsResponse> ReadWriteCounts(
    mfh::bench::WriteCounts::Stub& stub) {
  WriteCountsResponse resp;
  grpc::Status s = stub.Get(Context("").get(), {}, &resp);
  if (s.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    return absl::FailedPreconditionError(
        "mfh-server serves no write counts: build it with -DMFH_TEST_HOOKS=ON");
  }
  if (!s.ok()) {
    return absl::UnavailableError("WriteCounts.Get: " + s.error_message());
  }
  return resp;
}

// Writes per group commit, and per sync of the WAL, between two readings.
std::pair<double, double> GroupSizes(const WriteCountsResponse& before,
                                     const WriteCountsResponse& after) {
  const double writes = static_cast<double>(after.writes() - before.writes());
  return {writes / std::max<int64_t>(1, after.groups() - before.groups()),
          writes / std::max<int64_t>(1, after.syncs() - before.syncs())};
}

int RunCommand(const Options& o, const std::string& self) {
  testing::TempDir dir;
  const std::string db =
      o.db.empty() ? absl::StrCat("/tmp/mfh-bench-", o.episodes, ".db") : o.db;
  absl::StatusOr<std::string> why = WhyRegenerate(db, o);
  if (!why.ok()) return Fail(std::string(why.status().message()));
  if (!why->empty()) {
    std::cout << "generating " << db << ": " << *why << std::endl;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(db + suffix);
    }
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
        domain::Role::kCoordinator, absl::Now(), "host:bench");
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

  // Start-up: from exec to the first SERVING answer of the health service
  // (the server prints its port first; a health answer means it serves).
  const absl::Time launched = absl::Now();
  auto server = testing::ServerProcess::StartCommand(
      {server_binary, "serve", "--db", copy, "--listen", "127.0.0.1:0"},
      dir.path());
  if (!server.ok()) return Fail(std::string(server.status().message()));
  auto channel = grpc::CreateChannel((*server)->address(),
                                     grpc::InsecureChannelCredentials());
  {
    auto health = grpc::health::v1::Health::NewStub(channel);
    bool serving = false;
    while (!serving && absl::Now() < launched + absl::Seconds(30)) {
      grpc::health::v1::HealthCheckResponse resp;
      grpc::ClientContext ctx;
      ctx.set_wait_for_ready(true);
      ctx.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(1));
      serving = health->Check(&ctx, {}, &resp).ok() &&
                resp.status() == grpc::health::v1::HealthCheckResponse::SERVING;
    }
    if (!serving) return Fail("mfh-server did not answer SERVING in 30 s");
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
  const pid_t server_pid = (*server)->pid();
  Load reads(o.threads, server_pid, [&](int t, int64_t i) -> int64_t {
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

  // The baselines for reads: empty echo services on the synchronous API and
  // thread model of the server, and on the callback API; same client, same
  // load, in turns with the reads.
  Rate read;
  Rate echo;
  Rate echo_callback;
  {
    std::vector<std::unique_ptr<testing::ServerProcess>> echo_servers;
    std::vector<std::unique_ptr<mfh::bench::Echo::Stub>> echo_stubs;
    for (bool callback : {false, true}) {
      std::vector<std::string> argv = {self, "echo-server"};
      if (callback) argv.push_back("--callback");
      auto echo_server = testing::ServerProcess::StartCommand(argv, dir.path());
      if (!echo_server.ok()) {
        return Fail(std::string(echo_server.status().message()));
      }
      echo_stubs.push_back(mfh::bench::Echo::NewStub(grpc::CreateChannel(
          (*echo_server)->address(), grpc::InsecureChannelCredentials())));
      echo_servers.push_back(*std::move(echo_server));
    }
    auto echo_load = [&](int k) {
      mfh::bench::Echo::Stub* stub = echo_stubs[k].get();
      return Load(o.threads, echo_servers[k]->pid(),
                  [stub, &token](int, int64_t) -> int64_t {
                    EchoRequest req;
                    req.set_text("E1");
                    EchoResponse resp;
                    return stub->Echo(Context(token).get(), req, &resp).ok();
                  });
    };
    Load sync_echoes = echo_load(0);
    Load callback_echoes = echo_load(1);
    const std::vector<Rate> rates =
        InTurns(o.seconds, {&reads, &sync_echoes, &callback_echoes});
    read = rates[0];
    echo = rates[1];
    echo_callback = rates[2];
    for (auto& echo_server : echo_servers) echo_server->Stop();
  }

  // Durable writes: each thread reports its own children missing and back,
  // in turn, so that no child gathers an unrealistic history.
  constexpr int kChildrenPerThread = 50;
  auto children = v1::ChildService::NewStub(channel);
  std::vector<std::string> child_ids(o.write_threads * kChildrenPerThread);
  std::atomic<bool> created{true};
  {
    std::vector<std::thread> creators;
    for (int t = 0; t < o.write_threads; ++t) {
      creators.emplace_back([&, t] {
        for (int c = 0; c < kChildrenPerThread && created; ++c) {
          v1::CreateChildRequest req;
          req.set_name("Bench Child");
          req.set_date_of_birth("2012-01-01");
          v1::CreateChildResponse resp;
          created =
              children->CreateChild(Context(token).get(), req, &resp).ok();
          child_ids[t * kChildrenPerThread + c] = resp.child().child_id();
        }
      });
    }
    for (std::thread& th : creators) th.join();
  }
  if (!created) return Fail("CreateChild failed");
  const absl::Time base = absl::Now() - absl::Hours(24 * 10);
  const std::string run = absl::StrCat(absl::ToUnixSeconds(absl::Now()));
  Load writes(o.write_threads, server_pid, [&](int t, int64_t i) -> int64_t {
    const std::string ref = absl::StrCat("BENCH-", run, "-", t, "-", i / 2);
    const absl::Time since = base + absl::Seconds(60 * (i / 2));
    if (i % 2 == 0) {
      v1::ReportMissingRequest req;
      req.set_child_id(
          child_ids[t * kChildrenPerThread + (i / 2) % kChildrenPerThread]);
      req.set_police_force("MET");
      req.set_police_ref(ref);
      *req.mutable_missing_since() = Ts(since);
      *req.mutable_notified_at() = Ts(since + absl::Seconds(10));
      req.set_risk(v1::RISK_LOW);
      v1::ReportMissingResponse resp;
      return episodes->ReportMissing(Context(token).get(), req, &resp).ok();
    }
    v1::LogReturnRequest req;
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_returned_at() = Ts(since + absl::Seconds(20));
    *req.mutable_return_notified_at() = Ts(since + absl::Seconds(30));
    v1::LogReturnResponse resp;
    return episodes->LogReturn(Context(token).get(), req, &resp).ok();
  });

  // A first stretch of writes, not measured, so that the first turns find
  // the server as the later ones do (its threads started, the WAL grown).
  if (writes.Run(std::min(1.0, o.seconds / 2)).failed) {
    return Fail("writes failed");
  }

  // The batched baseline commits at the server's mean group size g over the
  // write turns so far: before each of its turns it reads g from the
  // server's counts, and the turn's k-th transaction holds
  // floor((k+1)g) - floor(kg) rows, g rows a transaction on average.
  auto write_counts = mfh::bench::WriteCounts::NewStub(channel);
  absl::StatusOr<WriteCountsResponse> before = ReadWriteCounts(*write_counts);
  if (!before.ok()) return Fail(std::string(before.status().message()));
  int page_size = 0;
  {
    sqlite3* db_handle = nullptr;
    sqlite3_open_v2(copy.c_str(), &db_handle, SQLITE_OPEN_READONLY, nullptr);
    absl::SimpleAtoi(QueryText(db_handle, kPageSizeSql, ""), &page_size);
    sqlite3_close(db_handle);
  }
  BareSqlite bare(copy + ".baseline", page_size);
  Load bare_one_row(1, getpid(), [&](int, int64_t) -> int64_t {
    return bare.Transaction(1);
  });
  double group_so_far = 1;
  std::atomic<int64_t> turn_batches{0};
  std::atomic<int64_t> batches{0};
  std::atomic<int64_t> batched_rows{0};
  Load bare_batched(
      o.write_threads, getpid(),
      [&](int, int64_t) -> int64_t {
        const int64_t k = turn_batches++;
        const int64_t rows =
            static_cast<int64_t>(std::floor((k + 1) * group_so_far)) -
            static_cast<int64_t>(std::floor(k * group_so_far));
        if (!bare.Transaction(rows)) return 0;
        ++batches;
        batched_rows += rows;
        return rows;
      },
      [&] {
        absl::StatusOr<WriteCountsResponse> now =
            ReadWriteCounts(*write_counts);
        if (!now.ok()) return false;
        group_so_far = GroupSizes(*before, *now).first;
        turn_batches = 0;
        return true;
      });
  const std::vector<Rate> write_rates =
      InTurns(o.seconds, {&writes, &bare_one_row, &bare_batched});
  const Rate& write = write_rates[0];
  const Rate& bare_txn = write_rates[1];
  const Rate& bare_rows = write_rates[2];
  absl::StatusOr<WriteCountsResponse> after = ReadWriteCounts(*write_counts);
  if (!after.ok()) return Fail(std::string(after.status().message()));
  const auto [group_size, sync_size] = GroupSizes(*before, *after);
  const double batch_rows =
      static_cast<double>(batched_rows) / std::max<int64_t>(1, batches);

  const double rss_mb = StatusMb(server_pid, "VmRSS:");

  // A full walk of the episodes, the history and the runs' own, in the
  // largest pages a client may ask for, as an export would read them; the
  // server's peak resident memory over the whole run, the walk included.
  int64_t walked = 0;
  const absl::Time walk_start = absl::Now();
  v1::ListEpisodesRequest walk;
  walk.set_page_size(app::kMaxPageSize);
  do {
    v1::ListEpisodesResponse resp;
    grpc::Status s = episodes->ListEpisodes(Context(token).get(), walk, &resp);
    if (!s.ok()) return Fail("ListEpisodes: " + s.error_message());
    walked += resp.episodes_size();
    walk.set_page_token(resp.next_page_token());
  } while (!walk.page_token().empty());
  const double walk_s = absl::ToDoubleSeconds(absl::Now() - walk_start);
  if (walked < o.episodes) {
    return Fail(absl::StrCat("the walk listed ", walked, " episodes of ",
                             o.episodes, " and more"));
  }
  const double rss_peak_mb = StatusMb(server_pid, "VmHWM:");
  (*server)->Stop();

  const double p50 = Percentile(agenda_ms, 0.50);
  const double p99 = Percentile(agenda_ms, 0.99);
  const double write_ratio = write.per_s / bare_txn.per_s;
  const double write_ratio_batched = write.per_s / bare_rows.per_s;
  const double read_ratio = read.per_s / echo.per_s;
  const double read_ratio_callback = read.per_s / echo_callback.per_s;
  std::cout << absl::StrFormat(
      "episodes                   %d\n"
      "agenda p50 / p99           %.2f ms / %.2f ms   (target p99 < 50 ms)\n"
      "writes                     %.0f /s, %.0f us CPU each   (%d threads)\n"
      "  group commit             %.2f writes a group, %.2f a sync\n"
      "sqlite FULL one-row txn    %.0f /s, %.0f us CPU each   (1 thread)\n"
      "write ratio                %.2f   (target >= 0.5)\n"
      "sqlite FULL batched txn    %.0f rows/s, %.0f us CPU each"
      "   (%.2f rows a txn, %d threads)\n"
      "write ratio, batched       %.3f\n"
      "reads                      %.0f /s, %.0f us CPU each   (%d threads)\n"
      "echo, sync API             %.0f /s, %.0f us CPU each\n"
      "read ratio                 %.3f   (target >= 0.5)\n"
      "echo, callback API         %.0f /s, %.0f us CPU each\n"
      "read ratio, callback       %.3f\n"
      "start-up                   %.0f ms to SERVING   (target < 1000 ms)\n"
      "resident memory            %.1f MB   (target < 100 MB)\n"
      "walk of every episode      %d in %.1f s, pages of %d\n"
      "peak resident memory       %.1f MB   (target < 150 MB)\n",
      o.episodes, p50, p99, write.per_s, write.cpu_us, o.write_threads,
      group_size, sync_size, bare_txn.per_s, bare_txn.cpu_us, write_ratio,
      bare_rows.per_s, bare_rows.cpu_us, batch_rows, o.write_threads,
      write_ratio_batched, read.per_s, read.cpu_us, o.threads, echo.per_s,
      echo.cpu_us, read_ratio, echo_callback.per_s, echo_callback.cpu_us,
      read_ratio_callback, startup_ms, rss_mb, walked, walk_s,
      app::kMaxPageSize, rss_peak_mb);
  if (o.json) {
    std::cout << absl::StrFormat(
        "{\"episodes\":%d,\"agenda_p50_ms\":%.3f,\"agenda_p99_ms\":%.3f,"
        "\"write_per_s\":%.1f,\"write_cpu_us\":%.1f,"
        "\"write_group_size_mean\":%.3f,\"write_sync_size_mean\":%.3f,"
        "\"sqlite_full_txn_per_s\":%.1f,\"sqlite_full_txn_cpu_us\":%.1f,"
        "\"write_ratio\":%.3f,\"sqlite_batch_rows\":%.3f,"
        "\"sqlite_full_batched_rows_per_s\":%.1f,"
        "\"sqlite_full_batched_row_cpu_us\":%.1f,"
        "\"write_ratio_batched\":%.3f,\"read_per_s\":%.1f,"
        "\"read_cpu_us\":%.1f,\"echo_per_s\":%.1f,\"echo_cpu_us\":%.1f,"
        "\"read_ratio\":%.3f,\"echo_callback_per_s\":%.1f,"
        "\"echo_callback_cpu_us\":%.1f,\"read_ratio_callback\":%.3f,"
        "\"startup_ms\":%.1f,\"rss_mb\":%.1f,\"walk_episodes\":%d,"
        "\"walk_s\":%.2f,\"rss_peak_mb\":%.1f}\n",
        o.episodes, p50, p99, write.per_s, write.cpu_us, group_size, sync_size,
        bare_txn.per_s, bare_txn.cpu_us, write_ratio, batch_rows,
        bare_rows.per_s, bare_rows.cpu_us, write_ratio_batched, read.per_s,
        read.cpu_us, echo.per_s, echo.cpu_us, read_ratio, echo_callback.per_s,
        echo_callback.cpu_us, read_ratio_callback, startup_ms, rss_mb, walked,
        walk_s, rss_peak_mb);
  }
  return 0;
}

int Main(int argc, char** argv) {
  CLI::App app{"mfh-bench: the figures of DESIGN.md section 9"};
  app.require_subcommand(1);
  Options o;
  CLI::App* generate = app.add_subcommand(
      "generate", "Write a synthetic history into a new database");
  generate->add_option("--db", o.db, "SQLite file")->required();
  generate->add_option("--episodes", o.episodes, "How many episodes")
      ->required();
  generate->add_option("--children", o.children,
                       "How many children (default: episodes / 8)");
  generate->add_option("--seed", o.seed, "Random seed");
  CLI::App* run = app.add_subcommand(
      "run",
      "Measure against the real server (generates the db unless it was made "
      "by this generator, with these options, in the last day)");
  run->add_option("--episodes", o.episodes, "Episodes of history")->required();
  run->add_option("--children", o.children,
                  "Children for a generated db (default: episodes / 8)");
  run->add_option("--db", o.db, "SQLite file (default /tmp/mfh-bench-N.db)");
  run->add_option("--seconds", o.seconds, "Seconds per measurement");
  run->add_option("--threads", o.threads,
                  "Client threads for the reads and the echo baselines");
  run->add_option("--write-threads", o.write_threads,
                  "Client threads for the durable writes and the batched "
                  "baseline");
  run->add_option("--server-binary", o.server_binary, "mfh-server to run");
  run->add_option("--seed", o.seed, "Random seed for a generated db");
  run->add_flag("--json", o.json, "Also print one JSON line, last");
  CLI::App* echo = app.add_subcommand("echo-server", "A baseline server");
  echo->group("");
  echo->add_flag("--callback", o.callback, "gRPC's callback API");
  CLI11_PARSE(app, argc, argv);
  if (generate->parsed()) {
    if (std::filesystem::exists(o.db)) {
      return Fail(absl::StrCat(o.db, " exists; generate writes a new one"));
    }
    return GenerateCommand(o);
  }
  if (echo->parsed()) return EchoServer(o.callback);
  return RunCommand(o, std::filesystem::canonical("/proc/self/exe").string());
}

}  // namespace
}  // namespace mfh::bench

int main(int argc, char** argv) { return mfh::bench::Main(argc, argv); }
