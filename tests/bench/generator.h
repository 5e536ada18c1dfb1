// A synthetic history for the benchmarks: years of episodes with their
// returns and interviews closed as they are in practice, repeat children,
// links, meetings and actions (most done), and the last 120 days at a
// borough's pace, written through the storage layer in batches.
#ifndef MFH_TESTS_BENCH_GENERATOR_H_
#define MFH_TESTS_BENCH_GENERATOR_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/storage/store.h"

namespace mfh::bench {

// The version of the history Generate writes: bump it with any change to what
// is generated, so that `mfh-bench run` regenerates databases made before.
inline constexpr int kGeneratorVersion = 2;

struct GenerateOptions {
  int64_t episodes = 1000;
  int64_t children = 0;  // 0: one child for every eight episodes
  uint64_t seed = 1;
  absl::Time now;  // the history runs up to this instant
};

struct GenerateStats {
  int64_t children = 0;
  int64_t episodes = 0;
  int64_t open_episodes = 0;
  int64_t rhis = 0;
  int64_t meetings = 0;
  int64_t actions = 0;
  int64_t links = 0;
};

absl::StatusOr<GenerateStats> Generate(storage::Store& store,
                                       const GenerateOptions& options);

}  // namespace mfh::bench

#endif  // MFH_TESTS_BENCH_GENERATOR_H_
