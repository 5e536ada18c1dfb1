// The fixture of the end-to-end tests of mfh: the real mfh-server on a
// temporary database and a free loopback port, a user of each role, and the
// real mfh binary run as one of them.
#ifndef MFH_TESTS_CLI_CLI_FIXTURE_H_
#define MFH_TESTS_CLI_CLI_FIXTURE_H_

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "tests/e2e/harness.h"

namespace mfh {

// Replaces every match of `pattern` in `text`.
inline std::string Mask(const std::string& text, const std::string& pattern,
                        const std::string& with) {
  return std::regex_replace(text, std::regex(pattern), with);
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role :
         {"coordinator", "police", "rhi_worker", "manager", "admin"}) {
      tokens_[role] = testing::AddUser(db_, std::string(role) + "-user", role);
    }
    auto server = testing::ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // `mfh ARGS...` as `role` ("" for no token), through MFH_SERVER/MFH_TOKEN.
  testing::CommandResult Mfh(const std::string& role,
                             std::vector<std::string> args) {
    args.insert(args.begin(), MFH_CLI_BINARY);
    return testing::RunCommand(
        args, {{"MFH_SERVER", server_->address()},
               {"MFH_TOKEN", role.empty() ? "" : tokens_.at(role)},
               {"MFH_CLOCK_FILE", server_->clock_file()}});
  }

  // Expects success with nothing on stderr; stdout.
  std::string Ok(const std::string& role, std::vector<std::string> args) {
    testing::CommandResult r = Mfh(role, args);
    EXPECT_EQ(r.exit_code, 0) << absl::StrJoin(args, " ") << ": " << r.err;
    EXPECT_EQ(r.err, "") << absl::StrJoin(args, " ");
    return r.out;
  }

  // Expects `code`, nothing on stdout and exactly `err` on stderr.
  void ExpectError(const std::string& role, std::vector<std::string> args,
                   int code, const std::string& err) {
    testing::CommandResult r = Mfh(role, args);
    EXPECT_EQ(r.exit_code, code) << absl::StrJoin(args, " ");
    EXPECT_EQ(r.out, "") << absl::StrJoin(args, " ");
    EXPECT_EQ(r.err, err) << absl::StrJoin(args, " ");
  }

  void AddChild(const std::string& name = "Test Child") {
    Ok("coordinator", {"child", "add", "--name", name, "--dob", "2011-05-14",
                       "--la-ref", "LA-1", "--looked-after"});
  }

  void Report(const std::string& child, const std::string& ref,
              const std::string& since, const std::string& notified,
              const std::string& risk = "high") {
    Ok("police", {"missing", "report", "--child", child, "--police-force",
                  "MET", "--police-ref", ref, "--missing-since", since,
                  "--notified-at", notified, "--risk", risk});
  }

  void Return(const std::string& ref, const std::string& returned,
              const std::string& notified) {
    Ok("police", {"return", "log", "--police-force", "MET", "--police-ref", ref,
                  "--returned-at", returned, "--notified-at", notified});
  }

  // C1's E1, returned: due 2026-03-30T10:00Z; C2's E2, returned: due
  // 2026-04-01T12:30Z.
  void TwoReturnedEpisodes() {
    AddChild();
    AddChild("Second Child");
    Report("C1", "R-1", "2026-03-26T18:00:00Z", "2026-03-26T19:30:00Z");
    Ok("police",
       {"return", "log", "--police-force", "MET", "--police-ref", "R-1",
        "--returned-at", "2026-03-27T08:00:00Z", "--notified-at",
        "2026-03-27T10:00:00Z", "--found-location", "Central Station",
        "--found-with", "Alone", "--returned-to", "home"});
    Report("C2", "R-2", "2026-03-28T18:00:00Z", "2026-03-28T18:30:00Z");
    Return("R-2", "2026-03-29T12:00:00Z", "2026-03-29T12:30:00Z");
  }

  testing::TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<testing::ServerProcess> server_;
};

}  // namespace mfh

#endif  // MFH_TESTS_CLI_CLI_FIXTURE_H_
