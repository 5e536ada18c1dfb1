#include "tests/e2e/harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"

namespace mfh::testing {
namespace {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Forks and execs argv with stdout and stderr to the given files.
pid_t Spawn(const std::vector<std::string>& argv,
            const std::map<std::string, std::string>& env,
            const std::string& out_path, const std::string& err_path) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int in = open("/dev/null", O_RDONLY);
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

int ExitCode(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

}  // namespace

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      absl::StrCat(base != nullptr ? base : "/tmp", "/mfh-test-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env) {
  TempDir dir;
  const std::string out = dir.File("out");
  const std::string err = dir.File("err");
  pid_t pid = Spawn(argv, env, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  return CommandResult{.exit_code = ExitCode(status),
                       .out = ReadWholeFile(out),
                       .err = ReadWholeFile(err)};
}

std::string ServerBinary() { return MFH_SERVER_BINARY; }

std::string AddUser(const std::string& db, const std::string& name,
                    const std::string& role) {
  CommandResult r = RunCommand(
      {ServerBinary(), "user", "add", name, "--role", role, "--db", db});
  if (r.exit_code != 0) {
    throw std::runtime_error(absl::StrCat("user add failed: ", r.err));
  }
  std::vector<std::string> lines =
      absl::StrSplit(absl::StripTrailingAsciiWhitespace(r.out), '\n');
  return lines.back();
}

void WriteClock(const std::string& path, absl::Time now) {
  const std::string next = path + ".next";
  {
    std::ofstream out(next, std::ios::trunc);
    out << absl::FormatTime(absl::RFC3339_full, now, absl::UTCTimeZone())
        << "\n";
  }
  std::filesystem::rename(next, path);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::string& db, const std::string& log_dir,
    const std::vector<std::string>& extra_args) {
  static std::atomic<int> clocks{0};
  std::vector<std::string> argv = {ServerBinary(), "serve",      "--db", db,
                                   "--listen",     "127.0.0.1:0"};
  std::string clock;
  if (std::find(extra_args.begin(), extra_args.end(), "--clock-file") ==
      extra_args.end()) {
    clock = absl::StrCat(log_dir, "/clock-", clocks++);
    absl::Time now;
    std::string error;
    absl::ParseTime(absl::RFC3339_full, kTestNow, &now, &error);
    WriteClock(clock, now);
    argv.insert(argv.end(), {"--clock-file", clock});
  }
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  absl::StatusOr<std::unique_ptr<ServerProcess>> server =
      StartCommand(argv, log_dir);
  if (server.ok()) (*server)->clock_path_ = clock;
  return server;
}

void ServerProcess::SetNow(absl::Time now) const {
  if (clock_path_.empty()) {
    throw std::runtime_error("SetNow: this server reads the wall clock");
  }
  WriteClock(clock_path_, now);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::StartCommand(
    const std::vector<std::string>& argv, const std::string& log_dir) {
  static std::atomic<int> counter{0};
  const int n = counter++;
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  server->out_path_ = absl::StrCat(log_dir, "/server-", n, ".out");
  server->err_path_ = absl::StrCat(log_dir, "/server-", n, ".err");
  server->pid_ = Spawn(argv, {}, server->out_path_, server->err_path_);
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  const std::string kListening = "mfh-server: listening on ";
  while (absl::Now() < deadline) {
    const std::string out = server->Output();
    const size_t at = out.find(kListening);
    const size_t end = out.find('\n', at);
    if (at != std::string::npos && end != std::string::npos) {
      server->address_ =
          out.substr(at + kListening.size(), end - at - kListening.size());
      absl::SimpleAtoi(server->address_.substr(server->address_.rfind(':') + 1),
                       &server->port_);
      return server;
    }
    int status = 0;
    if (waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
      server->pid_ = -1;
      return absl::InternalError(absl::StrCat(
          "mfh-server exited with ", ExitCode(status), ": ",
          ReadWholeFile(absl::StrCat(log_dir, "/server-", n, ".err"))));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return absl::DeadlineExceededError("mfh-server did not start in 30 s");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string ServerProcess::Output() const { return ReadWholeFile(out_path_); }

std::string ServerProcess::Log() const { return ReadWholeFile(err_path_); }

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return ExitCode(status);
}

}  // namespace mfh::testing
