#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "services/storage/queries.h"
#include "services/storage/schema.h"
#include "services/storage/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using testing::At;
using testing::kHour;
using testing::RawDb;
using testing::SampleChild;
using testing::SampleEpisode;
using testing::TempDir;

bool UsesIndex(const std::vector<std::string>& plan, const std::string& index) {
  for (const std::string& line : plan) {
    if (absl::StrContains(line, absl::StrCat("USING INDEX ", index)) ||
        absl::StrContains(line, absl::StrCat("USING COVERING INDEX ", index))) {
      return true;
    }
  }
  return false;
}

// A line "SCAN table" without an index is a full table scan.
bool ScansTable(const std::vector<std::string>& plan,
                const std::string& table) {
  for (const std::string& line : plan) {
    if (absl::StartsWith(line, absl::StrCat("SCAN ", table)) &&
        !absl::StrContains(line, "INDEX")) {
      return true;
    }
  }
  return false;
}

class QueryPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("hub.db");
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(QueryPlan, FindOpenEpisodeSearchesThePartialOpenEpisodesIndex) {
  RawDb raw(path_);
  std::vector<std::string> plan = raw.QueryPlan(sql::kSelectOpenEpisodeSql);
  EXPECT_TRUE(UsesIndex(plan, kOpenEpisodesIndex)) << absl::StrJoin(plan, "\n");
  EXPECT_FALSE(ScansTable(plan, "episodes")) << absl::StrJoin(plan, "\n");
}

TEST_F(QueryPlan, ListOpenEpisodesReadsOnlyThePartialOpenEpisodesIndex) {
  RawDb raw(path_);
  for (const char* query :
       {sql::kSelectOpenEpisodesSql, sql::kSelectOpenEpisodesByChildSql}) {
    std::vector<std::string> plan = raw.QueryPlan(query);
    EXPECT_TRUE(UsesIndex(plan, kOpenEpisodesIndex))
        << query << "\n"
        << absl::StrJoin(plan, "\n");
    EXPECT_FALSE(ScansTable(plan, "episodes")) << query << "\n"
                                               << absl::StrJoin(plan, "\n");
  }
}

TEST_F(QueryPlan, ListOpenRhisUsesBothPartialRhiIndexes) {
  RawDb raw(path_);
  std::vector<std::string> plan = raw.QueryPlan(sql::kSelectOpenRhisSql);
  EXPECT_TRUE(UsesIndex(plan, kOpenRhisIndex)) << absl::StrJoin(plan, "\n");
  EXPECT_TRUE(UsesIndex(plan, kFinalRhisIndex)) << absl::StrJoin(plan, "\n");
  EXPECT_FALSE(ScansTable(plan, "rhis")) << absl::StrJoin(plan, "\n");
}

TEST_F(QueryPlan,
       ListOpenRhisKeepsThePartialIndexAfterAnalyzeOfMostlyFinalRhis) {
  constexpr int kEpisodes = 3000;
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    std::vector<std::string> children;
                    for (int c = 0; c < 100; ++c) {
                      auto child = txn.InsertChild(SampleChild());
                      if (!child.ok()) return child.status();
                      children.push_back(child->child_id);
                    }
                    for (int i = 0; i < kEpisodes; ++i) {
                      domain::Episode e = SampleEpisode(
                          children[i % children.size()], absl::StrCat("R", i));
                      e.missing_since = At(i * kHour);
                      e.notified_at = e.missing_since;
                      // A few are still missing; all others returned.
                      bool open = i % 500 == 0;
                      if (!open) {
                        e.returned_at = e.missing_since + absl::Hours(2);
                        e.return_notified_at = e.returned_at;
                      }
                      auto episode = txn.InsertEpisode(e);
                      if (!episode.ok()) return episode.status();
                      if (open) continue;
                      domain::Rhi rhi;
                      rhi.episode_id = episode->episode_id;
                      rhi.child_id = episode->child_id;
                      rhi.returned_at = *e.returned_at;
                      rhi.return_notified_at = *e.return_notified_at;
                      rhi.due_at = rhi.return_notified_at + absl::Hours(72);
                      rhi.due_at_from_return = rhi.due_at;
                      // Almost all are completed; one in a hundred is open.
                      if (i % 100 != 1) {
                        rhi.completed_at = rhi.returned_at + absl::Hours(30);
                      }
                      absl::Status status = txn.InsertRhi(rhi);
                      if (!status.ok()) return status;
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  RawDb raw(path_);
  raw.Exec("ANALYZE");
  ASSERT_FALSE(
      raw.Column("SELECT stat FROM sqlite_stat1 WHERE idx = 'rhis_open'")
          .empty());

  std::vector<std::string> plan = raw.QueryPlan(sql::kSelectOpenRhisSql);
  EXPECT_TRUE(UsesIndex(plan, kOpenRhisIndex)) << absl::StrJoin(plan, "\n");
  EXPECT_TRUE(UsesIndex(plan, kFinalRhisIndex)) << absl::StrJoin(plan, "\n");
  EXPECT_FALSE(ScansTable(plan, "rhis")) << absl::StrJoin(plan, "\n");
  for (const std::string& line : plan) {
    EXPECT_FALSE(absl::StrContains(line, "SKIP-SCAN")) << line;
  }

  for (const char* query :
       {sql::kSelectOpenEpisodeSql, sql::kSelectOpenEpisodesSql}) {
    std::vector<std::string> episode_plan = raw.QueryPlan(query);
    EXPECT_TRUE(UsesIndex(episode_plan, kOpenEpisodesIndex))
        << query << "\n"
        << absl::StrJoin(episode_plan, "\n");
    EXPECT_FALSE(ScansTable(episode_plan, "episodes"))
        << query << "\n"
        << absl::StrJoin(episode_plan, "\n");
  }

  // The store still answers correctly on the analysed file.
  std::vector<domain::Rhi> open;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    RhiFilter filter;
                    filter.open_as_of = At((kEpisodes + 100) * kHour);
                    auto rhis = txn.ListRhis(filter);
                    if (!rhis.ok()) return rhis.status();
                    open = *rhis;
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(open.size(), static_cast<size_t>(kEpisodes / 100));
}

}  // namespace
}  // namespace mfh::storage
