// Test harness for end-to-end tests: temporary folders, subprocesses, and the
// real mfh-server binary on a temporary SQLite file and a free loopback port.
#ifndef MFH_TESTS_E2E_HARNESS_H_
#define MFH_TESTS_E2E_HARNESS_H_

#include <sys/types.h>

#include <csignal>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace mfh::testing {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv[0] (a path) with the arguments, the environment of this process
// plus `env`, and no standard input; waits for it.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {});

// The path of the mfh-server binary of this build.
std::string ServerBinary();

// `mfh-server user add NAME --role ROLE --db DB`; the token (its last line).
std::string AddUser(const std::string& db, const std::string& name,
                    const std::string& role);

// The instant the end-to-end tests' servers take as "now" unless a test
// moves it: after every event the tests record, so that no test depends on
// today's date.
inline constexpr char kTestNow[] = "2026-11-30T12:00:00Z";

// Writes `now` (RFC 3339) to the clock file at `path`, whole, by rename.
void WriteClock(const std::string& path, absl::Time now);

// A running mfh-server. Stops it (SIGKILL) on destruction if still running.
class ServerProcess {
 public:
  // Starts `mfh-server serve --db DB --listen 127.0.0.1:0 --clock-file F
  // [extra...]` with F at kTestNow (unless extra has a --clock-file of its
  // own), and waits until it says which port it listens on.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::string& db, const std::string& log_dir,
      const std::vector<std::string>& extra_args = {});
  // Starts any server binary that prints "mfh-server: listening on
  // HOST:PORT" once it listens (argv[0] is a path).
  static absl::StatusOr<std::unique_ptr<ServerProcess>> StartCommand(
      const std::vector<std::string>& argv, const std::string& log_dir);
  ~ServerProcess();

  // HOST:PORT to dial.
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Moves the server's "now" (started by Start with its own clock file).
  void SetNow(absl::Time now) const;
  // The clock file Start gave the server; empty for StartCommand.
  const std::string& clock_file() const { return clock_path_; }
  // Everything the server printed so far on stdout.
  std::string Output() const;
  // Everything it printed so far on stderr (its log).
  std::string Log() const;
  // Sends `signal` (SIGTERM by default), then waits; the exit code (128 +
  // signal when killed by it).
  int Stop(int signal = SIGTERM);

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  std::string address_;
  int port_ = 0;
  std::string out_path_;
  std::string err_path_;
  std::string clock_path_;
};

}  // namespace mfh::testing

#endif  // MFH_TESTS_E2E_HARNESS_H_
