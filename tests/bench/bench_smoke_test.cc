// A small run of mfh-bench: its JSON line parses and has every figure.
#include <gtest/gtest.h>

#include <string>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

TEST(BenchSmokeTest, ASmallRunPrintsEveryFigureOnItsLastLine) {
  testing::TempDir dir;
  testing::CommandResult r = testing::RunCommand(
      {MFH_BENCH_BINARY, "run", "--episodes", "1000", "--seconds", "1", "--db",
       dir.File("bench.db"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string body = r.out.substr(0, r.out.size() - 1);
  const std::string last = body.substr(body.rfind('\n') + 1);
  google::protobuf::Struct figures;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(last, &figures).ok())
      << last;
  for (const char* field :
       {"episodes", "agenda_p50_ms", "agenda_p99_ms", "write_per_s",
        "sqlite_full_txn_per_s", "write_ratio", "read_per_s", "echo_per_s",
        "read_ratio", "startup_ms", "rss_mb"}) {
    ASSERT_TRUE(figures.fields().contains(field)) << field;
    EXPECT_GT(figures.fields().at(field).number_value(), 0) << field;
  }
  EXPECT_EQ(figures.fields().at("episodes").number_value(), 1000);
}

}  // namespace
}  // namespace mfh
