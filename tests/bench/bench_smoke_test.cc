// A small run of mfh-bench: it regenerates a database made otherwise, and
// its JSON line parses and has every figure.
#include <gtest/gtest.h>

#include <string>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

// The run finds a database of another size, as it would one of another
// generator or schema, and makes a new one rather than measure on it.
TEST(BenchSmokeTest, ASmallRunRegeneratesAnotherSizeAndPrintsEveryFigure) {
  testing::TempDir dir;
  testing::CommandResult made =
      testing::RunCommand({MFH_BENCH_BINARY, "generate", "--episodes", "500",
                           "--db", dir.File("bench.db")});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  testing::CommandResult r = testing::RunCommand(
      {MFH_BENCH_BINARY, "run", "--episodes", "1000", "--seconds", "1", "--db",
       dir.File("bench.db"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("generating " + dir.File("bench.db") +
                       ": it was made by generator"),
            std::string::npos)
      << r.out;
  const std::string body = r.out.substr(0, r.out.size() - 1);
  const std::string last = body.substr(body.rfind('\n') + 1);
  google::protobuf::Struct figures;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(last, &figures).ok())
      << last;
  for (const char* field : {"episodes",
                            "agenda_p50_ms",
                            "agenda_p99_ms",
                            "write_per_s",
                            "write_group_size_mean",
                            "write_sync_size_mean",
                            "sqlite_full_txn_per_s",
                            "write_ratio",
                            "sqlite_batch_rows",
                            "sqlite_full_batched_rows_per_s",
                            "write_ratio_batched",
                            "read_per_s",
                            "echo_per_s",
                            "read_ratio",
                            "echo_callback_per_s",
                            "read_ratio_callback",
                            "startup_ms",
                            "rss_mb",
                            "walk_episodes",
                            "walk_s",
                            "rss_peak_mb"}) {
    ASSERT_TRUE(figures.fields().contains(field)) << field;
    EXPECT_GT(figures.fields().at(field).number_value(), 0) << field;
  }
  EXPECT_EQ(figures.fields().at("episodes").number_value(), 1000);
}

}  // namespace
}  // namespace mfh
