#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "services/storage/sqlite/children.h"
#include "services/storage/sqlite/episodes.h"
#include "services/storage/sqlite/findings.h"
#include "services/storage/sqlite/interviews.h"
#include "services/storage/sqlite/links.h"
#include "services/storage/sqlite/meetings_and_actions.h"
#include "services/storage/sqlite/report_queries.h"
#include "services/storage/sqlite/schema.h"
#include "services/storage/sqlite/sqlite_store.h"
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

TEST_F(QueryPlan, ListEpisodesBesideSearchesTheChildsIndexesWithoutSorting) {
  RawDb raw(path_);
  std::vector<std::string> plan = raw.QueryPlan(sql::kSelectEpisodesBesideSql);
  const std::string text = absl::StrJoin(plan, "\n");
  EXPECT_TRUE(UsesIndex(plan, "episodes_by_child")) << text;
  EXPECT_TRUE(UsesIndex(plan, kOpenEpisodesIndex)) << text;
  EXPECT_FALSE(ScansTable(plan, "episodes")) << text;
  EXPECT_FALSE(absl::StrContains(text, "TEMP B-TREE")) << text;
}

// Each uses its partial index, and neither builds a temporary b-tree: the
// RHIs not final come in order from rhis_open, and those final after the
// instant are sorted by the store.
void ExpectOpenRhisPlans(RawDb& raw) {
  for (const auto& [query, index] :
       {std::pair(sql::kSelectUnfinalRhisSql, kOpenRhisIndex),
        std::pair(sql::kSelectFinalAfterRhisSql, kFinalRhisIndex)}) {
    std::vector<std::string> plan = raw.QueryPlan(query);
    const std::string text = absl::StrJoin(plan, "\n");
    EXPECT_TRUE(UsesIndex(plan, index)) << text;
    EXPECT_FALSE(ScansTable(plan, "rhis")) << text;
    EXPECT_FALSE(absl::StrContains(text, "TEMP B-TREE")) << text;
    EXPECT_FALSE(absl::StrContains(text, "SKIP-SCAN")) << text;
  }
}

TEST_F(QueryPlan, ListOpenRhisUsesBothPartialRhiIndexes) {
  RawDb raw(path_);
  ExpectOpenRhisPlans(raw);
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

  ExpectOpenRhisPlans(raw);

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

// The queries the agenda runs, with the indexes each must use.
struct AgendaQuery {
  const char* name;
  const char* sql;
  std::vector<const char*> indexes;
};

std::vector<AgendaQuery> AgendaQueries() {
  return {
      {"kSelectEpisodesOpenAtSql",
       sql::kSelectEpisodesOpenAtSql,
       {kOpenEpisodesIndex, kReturnedEpisodesIndex}},
      {"kSelectEpisodesReturnNotifiedInSql",
       sql::kSelectEpisodesReturnNotifiedInSql,
       {kReturnNotifiedEpisodesIndex}},
      {"kSelectEpisodesReturnedInSql",
       sql::kSelectEpisodesReturnedInSql,
       {kReturnedEpisodesIndex}},
      {"kSelectEpisodesStartedInSql",
       sql::kSelectEpisodesStartedInSql,
       {kEpisodesByMissingSinceIndex}},
      {"kSelectPreviousRhiSql",
       sql::kSelectPreviousRhiSql,
       {"rhis_by_child_returned"}},
      {"kSelectRiskGradesOfEpisodesSql",
       sql::kSelectRiskGradesOfEpisodesSql,
       {"risk_grades_by_episode"}},
      {"kSelectCorrectionsOfEpisodesSql",
       sql::kSelectCorrectionsOfEpisodesSql,
       {"corrections_by_episode"}},
      {"kSelectLinksOfEpisodesSql",
       sql::kSelectLinksOfEpisodesSql,
       {kLinkEpisodesByEpisodeIndex}},
      {"kSelectMeetingBeforeSql",
       sql::kSelectMeetingBeforeSql,
       {kMeetingsByDayIndex}},
      {"kSelectMeetingNotesSql",
       sql::kSelectMeetingNotesSql,
       {kNotesByMeetingIndex}},
      {"kSelectMeetingActionsSql",
       sql::kSelectMeetingActionsSql,
       {kActionsByMeetingIndex}},
      {"kSelectOpenActionsSql",
       sql::kSelectOpenActionsSql,
       {kOpenActionsIndex}},
      {"kSelectOpenActionsBeforeDaySql",
       sql::kSelectOpenActionsBeforeDaySql,
       {kOpenActionsIndex}},
      // Exploitation concerns and unread intelligence (schema v8): by their
      // partial indexes, never a walk of every version of every finding.
      {"kSelectConcernFindingsSql",
       sql::kSelectConcernFindingsSql,
       {"findings_concerns"}},
      {"kCountUnacknowledgedFindingsSql",
       sql::kCountUnacknowledgedFindingsSql,
       {"findings_unacknowledged"}},
  };
}

// Every table whose rows grow with history.
constexpr const char* kHistoryTables[] = {
    "episodes",      "risk_grades", "corrections", "rhis",    "links",
    "link_episodes", "meetings",    "notes",       "actions", "findings"};

void ExpectAgendaQueriesUseTheirIndexes(RawDb& raw) {
  for (const AgendaQuery& query : AgendaQueries()) {
    std::vector<std::string> plan = raw.QueryPlan(query.sql);
    std::string shown =
        absl::StrCat(query.name, "\n", absl::StrJoin(plan, "\n"));
    for (const char* index : query.indexes) {
      EXPECT_TRUE(UsesIndex(plan, index)) << index << " in " << shown;
    }
    for (const char* table : kHistoryTables) {
      EXPECT_FALSE(ScansTable(plan, table)) << table << " in " << shown;
    }
    for (const std::string& line : plan) {
      EXPECT_FALSE(absl::StrContains(line, "SKIP-SCAN")) << shown;
    }
  }
  // The interview before a return comes from the end of the child's RHIs by
  // return, not from a sort of all of them.
  std::vector<std::string> previous = raw.QueryPlan(sql::kSelectPreviousRhiSql);
  EXPECT_FALSE(absl::StrContains(absl::StrJoin(previous, "\n"), "TEMP B-TREE"))
      << absl::StrJoin(previous, "\n");
  // The findings' queries name their tables by alias: no scan of any.
  for (const char* sql :
       {sql::kSelectConcernFindingsSql, sql::kCountUnacknowledgedFindingsSql}) {
    for (const std::string& line : raw.QueryPlan(sql)) {
      EXPECT_FALSE(absl::StartsWith(line, "SCAN ")) << line;
    }
  }
  // Neither arm of the open-at union may walk the index of every start.
  std::vector<std::string> open_at =
      raw.QueryPlan(sql::kSelectEpisodesOpenAtSql);
  EXPECT_FALSE(UsesIndex(open_at, kEpisodesByMissingSinceIndex))
      << absl::StrJoin(open_at, "\n");
  std::vector<std::string> open = raw.QueryPlan(sql::kSelectOpenEpisodesSql);
  EXPECT_TRUE(UsesIndex(open, kOpenEpisodesIndex)) << absl::StrJoin(open, "\n");
}

// A "SCAN <table or alias>" line without an index reads every row.
bool ScansAny(const std::vector<std::string>& plan,
              const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (ScansTable(plan, name)) return true;
  }
  return false;
}

// Any "SCAN" line walks a whole table or index: only the partial indexes of
// what is open now are small enough to walk.
bool WalksHistory(const std::vector<std::string>& plan) {
  for (const std::string& line : plan) {
    if (!absl::StartsWith(line, "SCAN ")) continue;
    if (!UsesIndex({line}, kOpenEpisodesIndex) &&
        !UsesIndex({line}, kOpenRhisIndex) &&
        !UsesIndex({line}, kOpenActionsIndex)) {
      return true;
    }
  }
  return false;
}

struct ReportQuery {
  const char* name;
  const char* sql;
  std::vector<const char*> indexes;
};

// The statements the reports read, with the indexes each must search.
std::vector<ReportQuery> ReportQueries() {
  return {
      {"kSelectEpisodesStartedInPeriodSql",
       sql::kSelectEpisodesStartedInPeriodSql,
       {kEpisodesByMissingSinceIndex}},
      {"kCountEpisodesStartedInPeriodSql",
       sql::kCountEpisodesStartedInPeriodSql,
       {kEpisodesByMissingSinceIndex}},
      {"kCountEpisodesReturnedInPeriodSql",
       sql::kCountEpisodesReturnedInPeriodSql,
       {kReturnedEpisodesIndex}},
      {"kSelectRhisDueInPeriodSql",
       sql::kSelectRhisDueInPeriodSql,
       {kRhisByDueIndex}},
      {"kSelectRhisDueFromReturnInPeriodSql",
       sql::kSelectRhisDueFromReturnInPeriodSql,
       {kRhisByDueFromReturnIndex}},
      {"kSelectRhisCompletedInPeriodSql",
       sql::kSelectRhisCompletedInPeriodSql,
       {kCompletedRhisIndex}},
      {"kSelectActionsAgreedOnDaysSql",
       sql::kSelectActionsAgreedOnDaysSql,
       {kActionsByDayIndex}},
      {"kSelectActionsClosedInPeriodSql",
       sql::kSelectActionsClosedInPeriodSql,
       {kClosedActionsIndex}},
      {"kSelectActionsOpenAtEndOfSql",
       sql::kSelectActionsOpenAtEndOfSql,
       {kOpenActionsIndex, kClosedActionsIndex}},
      {"kSelectActionsDueInPeriodSql",
       sql::kSelectActionsDueInPeriodSql,
       {kActionsByWhenIndex}},
      {"kSelectFlagsSetBeforeSql",
       sql::kSelectFlagsSetBeforeSql,
       {kFlagsByNameIndex}},
      {"kSelectEpisodeStartsOfChildSql",
       sql::kSelectEpisodeStartsOfChildSql,
       {"episodes_by_child"}},
      {"kSelectSsdaEpisodesSql",
       sql::kSelectSsdaEpisodesSql,
       {kEpisodesByMissingSinceIndex, kOpenEpisodesIndex,
        kReturnedEpisodesIndex}},
      {"kSelectChildNotesSql", sql::kSelectChildNotesSql, {kNotesByChildIndex}},
  };
}

void ExpectReportQueriesUseTheirIndexes(RawDb& raw) {
  for (const ReportQuery& q : ReportQueries()) {
    std::vector<std::string> plan = raw.QueryPlan(q.sql);
    for (const char* index : q.indexes) {
      EXPECT_TRUE(UsesIndex(plan, index))
          << q.name << " should use " << index << "\n"
          << absl::StrJoin(plan, "\n");
    }
    EXPECT_FALSE(ScansAny(plan, {"episodes", "e", "p", "c", "children", "rhis",
                                 "actions", "flags", "notes"}))
        << q.name << "\n"
        << absl::StrJoin(plan, "\n");
    EXPECT_FALSE(WalksHistory(plan)) << q.name << "\n"
                                     << absl::StrJoin(plan, "\n");
  }
}

TEST_F(QueryPlan, EveryAgendaQueryUsesItsIndexAndScansNoHistory) {
  RawDb raw(path_);
  ExpectAgendaQueriesUseTheirIndexes(raw);
}

TEST_F(
    QueryPlan,
    AgendaAndReportQueriesKeepTheirIndexesAfterAnalyzeOfAMostlyClosedHistory) {
  constexpr int kEpisodes = 3000;
  constexpr int kDays = 300;
  const absl::CivilDay first_day(2025, 6, 1);
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    std::vector<std::string> children;
                    for (int c = 0; c < 100; ++c) {
                      auto child = txn.InsertChild(SampleChild());
                      if (!child.ok()) return child.status();
                      children.push_back(child->child_id);
                    }
                    std::vector<std::string> episodes;
                    for (int i = 0; i < kEpisodes; ++i) {
                      domain::Episode e = SampleEpisode(
                          children[i % children.size()], absl::StrCat("R", i));
                      e.missing_since = At(i * kHour);
                      e.notified_at = e.missing_since;
                      // A few are still missing; all others returned.
                      if (i % 500 != 0) {
                        e.returned_at = e.missing_since + absl::Hours(2);
                        e.return_notified_at = e.returned_at;
                      }
                      auto episode = txn.InsertEpisode(e);
                      if (!episode.ok()) return episode.status();
                      episodes.push_back(episode->episode_id);
                      if (i % 10 == 1) {
                        auto link = txn.InsertLink(domain::Link{
                            .episode_ids = {episodes[i - 1], episodes[i]},
                            .reason = "together",
                            .created_by = "coord1",
                            .created_at = e.missing_since});
                        if (!link.ok()) return link.status();
                      }
                    }
                    for (int d = 0; d < kDays; ++d) {
                      domain::Meeting m;
                      m.day = first_day + d;
                      m.as_of = At(d * 24 * kHour);
                      m.opened_at = m.as_of;
                      m.frozen_agenda = std::string(100, '\0');
                      auto meeting = txn.InsertMeeting(m);
                      if (!meeting.ok()) return meeting.status();
                      for (int k = 0; k < 10; ++k) {
                        int n = d * 10 + k;
                        domain::Action a;
                        a.child_id = children[n % children.size()];
                        a.meeting_id = meeting->meeting_id;
                        a.what = "w";
                        a.by_when = m.as_of + absl::Hours(24 * 7);
                        a.created_at = m.as_of;
                        // Almost all are done; one in a hundred is open.
                        if (n % 100 != 7) {
                          a.status = domain::ActionStatus::kDone;
                          a.closed_at = a.by_when;
                        }
                        auto action = txn.InsertAction(a);
                        if (!action.ok()) return action.status();
                        domain::Note note{.meeting_id = meeting->meeting_id,
                                          .child_id = a.child_id,
                                          .text = "t",
                                          .at = m.as_of};
                        auto stored = txn.InsertNote(note);
                        if (!stored.ok()) return stored.status();
                      }
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  RawDb raw(path_);
  raw.Exec("ANALYZE");
  for (const char* index :
       {kOpenActionsIndex, kReturnedEpisodesIndex, kEpisodesByMissingSinceIndex,
        kLinkEpisodesByEpisodeIndex, kMeetingsByDayIndex}) {
    EXPECT_FALSE(
        raw.Column(absl::StrCat("SELECT stat FROM sqlite_stat1 WHERE idx = '",
                                index, "'"))
            .empty())
        << index;
  }
  ExpectAgendaQueriesUseTheirIndexes(raw);
  ExpectReportQueriesUseTheirIndexes(raw);

  // The store still answers correctly on the analysed file.
  const absl::Time t = At((kEpisodes - 1) * kHour + 1);
  std::vector<domain::Episode> open;
  std::vector<domain::Action> actions;
  std::vector<domain::Link> links;
  std::optional<domain::Meeting> previous;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    auto episodes = txn.ListEpisodesOpenAt(t);
                    if (!episodes.ok()) return episodes.status();
                    open = *episodes;
                    auto open_actions =
                        txn.ListOpenActions(first_day + kDays - 1);
                    if (!open_actions.ok()) return open_actions.status();
                    actions = *open_actions;
                    auto found = txn.ListLinksForEpisodes({"E2", "E3"});
                    if (!found.ok()) return found.status();
                    links = *found;
                    auto meeting = txn.FindMeetingBefore(first_day + kDays);
                    if (!meeting.ok()) return meeting.status();
                    previous = *meeting;
                    return absl::OkStatus();
                  })
                  .ok());
  // The six never returned, and the last two (back after t).
  EXPECT_EQ(open.size(), static_cast<size_t>(kEpisodes / 500 + 2));
  // One action in a hundred is open, none of them on the last day.
  EXPECT_EQ(actions.size(), static_cast<size_t>(kDays * 10 / 100));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].episode_ids, (std::vector<std::string>{"E1", "E2"}));
  ASSERT_TRUE(previous.has_value());
  EXPECT_EQ(previous->day, first_day + kDays - 1);
  EXPECT_EQ(previous->actions.size(), 10u);
  EXPECT_EQ(previous->notes.size(), 10u);
}

TEST_F(QueryPlan, EveryReportQuerySearchesTheIndexOnItsTimeColumn) {
  RawDb raw(path_);
  ExpectReportQueriesUseTheirIndexes(raw);
}

}  // namespace
}  // namespace mfh::storage
