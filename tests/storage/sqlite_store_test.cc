#include "services/storage/sqlite/sqlite_store.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "services/domain/status_macros.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using domain::Action;
using domain::ActionStatus;
using domain::AuditRecord;
using domain::Child;
using domain::Concern;
using domain::Correction;
using domain::Episode;
using domain::Flag;
using domain::Link;
using domain::Meeting;
using domain::MeetingState;
using domain::Note;
using domain::Rhi;
using domain::RiskGrade;
using domain::Role;
using testing::At;
using testing::kHour;
using testing::SampleChild;
using testing::SampleEpisode;
using testing::TempDir;

Flag MakeFlag(const std::string& name, absl::Time set_at,
              std::optional<absl::Time> cleared_at = std::nullopt) {
  Flag flag;
  flag.name = name;
  flag.set_at = set_at;
  flag.cleared_at = cleared_at;
  return flag;
}

void ExpectSameFlags(const std::vector<Flag>& a, const std::vector<Flag>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name) << i;
    EXPECT_EQ(a[i].set_at, b[i].set_at) << i;
    EXPECT_EQ(a[i].cleared_at, b[i].cleared_at) << i;
  }
}

void ExpectSameEpisode(const Episode& a, const Episode& b) {
  EXPECT_EQ(a.episode_id, b.episode_id);
  EXPECT_EQ(a.child_id, b.child_id);
  EXPECT_EQ(a.police_force, b.police_force);
  EXPECT_EQ(a.police_ref, b.police_ref);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.missing_since, b.missing_since);
  EXPECT_EQ(a.notified_at, b.notified_at);
  EXPECT_EQ(a.risk, b.risk);
  EXPECT_EQ(a.reporter, b.reporter);
  EXPECT_EQ(a.returned_at, b.returned_at);
  EXPECT_EQ(a.return_notified_at, b.return_notified_at);
  EXPECT_EQ(a.found_location, b.found_location);
  EXPECT_EQ(a.found_with, b.found_with);
  EXPECT_EQ(a.returned_to, b.returned_to);
  ASSERT_EQ(a.risk_history.size(), b.risk_history.size());
  for (size_t i = 0; i < a.risk_history.size(); ++i) {
    EXPECT_EQ(a.risk_history[i].risk, b.risk_history[i].risk) << i;
    EXPECT_EQ(a.risk_history[i].from, b.risk_history[i].from) << i;
    EXPECT_EQ(a.risk_history[i].recorded_at, b.risk_history[i].recorded_at);
    EXPECT_EQ(a.risk_history[i].recorded_by, b.risk_history[i].recorded_by);
    EXPECT_EQ(a.risk_history[i].reason, b.risk_history[i].reason) << i;
  }
  ASSERT_EQ(a.corrections.size(), b.corrections.size());
  for (size_t i = 0; i < a.corrections.size(); ++i) {
    EXPECT_EQ(a.corrections[i].at, b.corrections[i].at) << i;
    EXPECT_EQ(a.corrections[i].by, b.corrections[i].by) << i;
    EXPECT_EQ(a.corrections[i].rpc, b.corrections[i].rpc) << i;
    EXPECT_EQ(a.corrections[i].reason, b.corrections[i].reason) << i;
    EXPECT_EQ(a.corrections[i].changes, b.corrections[i].changes) << i;
  }
}

void ExpectSameRhi(const Rhi& a, const Rhi& b) {
  EXPECT_EQ(a.episode_id, b.episode_id);
  EXPECT_EQ(a.child_id, b.child_id);
  EXPECT_EQ(a.returned_at, b.returned_at);
  EXPECT_EQ(a.return_notified_at, b.return_notified_at);
  EXPECT_EQ(a.due_at, b.due_at);
  EXPECT_EQ(a.due_at_from_return, b.due_at_from_return);
  EXPECT_EQ(a.offered_at, b.offered_at);
  EXPECT_EQ(a.offered_by, b.offered_by);
  EXPECT_EQ(a.declined_at, b.declined_at);
  EXPECT_EQ(a.decline_reason, b.decline_reason);
  EXPECT_EQ(a.completed_at, b.completed_at);
  EXPECT_EQ(a.completed_by, b.completed_by);
  EXPECT_EQ(a.outcome.concerns, b.outcome.concerns);
  EXPECT_EQ(a.outcome.referral_made, b.outcome.referral_made);
  EXPECT_EQ(a.outcome.notes, b.outcome.notes);
  EXPECT_EQ(a.also_episode_ids, b.also_episode_ids);
  EXPECT_EQ(a.closure, b.closure);
  EXPECT_EQ(a.closed_at, b.closed_at);
  EXPECT_EQ(a.closed_reason, b.closed_reason);
}

std::vector<std::string> EpisodeIds(const std::vector<Rhi>& rhis) {
  std::vector<std::string> ids;
  for (const Rhi& rhi : rhis) ids.push_back(rhi.episode_id);
  return ids;
}

// A frozen agenda as the layer above serialises it: binary, NULs included.
const std::string& FrozenAgendaBytes() {
  static const std::string kBytes(
      "\x0a\x00\x12\x03"
      "E1\x00\xff\x80\x00",
      10);
  return kBytes;
}

Meeting SampleMeeting(absl::CivilDay day) {
  Meeting m;
  m.day = day;
  m.state = MeetingState::kOpen;
  m.as_of = At(5 * kHour);
  m.frozen_agenda = FrozenAgendaBytes();
  m.opened_by = "coord1";
  m.opened_at = At(5 * kHour + 1);
  return m;
}

// An open action of `child_id` at `meeting_id` with every field set.
Action SampleAction(const std::string& child_id, const std::string& meeting_id,
                    absl::Time by_when) {
  Action a;
  a.child_id = child_id;
  a.meeting_id = meeting_id;
  a.what = "Strategy meeting";
  a.who = "Social worker";
  a.by_when = by_when;
  a.done_when = "Minutes circulated";
  a.worked_when = "No episode for a month";
  a.assignee = "sw1";
  a.status = ActionStatus::kOpen;
  a.created_by = "coord1";
  a.created_at = At(6 * kHour);
  return a;
}

void ExpectSameAction(const Action& a, const Action& b) {
  EXPECT_EQ(a.action_id, b.action_id);
  EXPECT_EQ(a.child_id, b.child_id);
  EXPECT_EQ(a.meeting_id, b.meeting_id);
  EXPECT_EQ(a.meeting_day, b.meeting_day);
  EXPECT_EQ(a.what, b.what);
  EXPECT_EQ(a.who, b.who);
  EXPECT_EQ(a.by_when, b.by_when);
  EXPECT_EQ(a.done_when, b.done_when);
  EXPECT_EQ(a.worked_when, b.worked_when);
  EXPECT_EQ(a.assignee, b.assignee);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.done_evidence, b.done_evidence);
  EXPECT_EQ(a.impact_evidence, b.impact_evidence);
  EXPECT_EQ(a.drop_reason, b.drop_reason);
  EXPECT_EQ(a.addendum, b.addendum);
  EXPECT_EQ(a.created_by, b.created_by);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.closed_at, b.closed_at);
}

void ExpectSameNote(const Note& a, const Note& b) {
  EXPECT_EQ(a.note_id, b.note_id);
  EXPECT_EQ(a.meeting_id, b.meeting_id);
  EXPECT_EQ(a.child_id, b.child_id);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.decision, b.decision);
  EXPECT_EQ(a.addendum, b.addendum);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.at, b.at);
}

std::vector<std::string> EpisodeIds(const std::vector<Episode>& episodes) {
  std::vector<std::string> ids;
  for (const Episode& e : episodes) ids.push_back(e.episode_id);
  return ids;
}

std::vector<std::string> ActionIds(const std::vector<Action>& actions) {
  std::vector<std::string> ids;
  for (const Action& a : actions) ids.push_back(a.action_id);
  return ids;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("hub.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  // Inserts the sample child; its id.
  std::string AddChild() {
    std::string id;
    EXPECT_TRUE(store_
                    ->Write([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(Child child,
                                       txn.InsertChild(SampleChild()));
                      id = child.child_id;
                      return absl::OkStatus();
                    })
                    .ok());
    return id;
  }

  // Inserts an episode; the stored one.
  Episode AddEpisode(const Episode& e) {
    Episode stored;
    absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(stored, txn.InsertEpisode(e));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return stored;
  }

  // A returned episode of `child_id` with an RHI due at `due`, finalised at
  // `completed` when set.
  std::string AddRhi(const std::string& child_id, absl::Time due,
                     std::optional<absl::Time> completed) {
    Episode e = SampleEpisode(child_id, absl::StrCat("RHI-", next_ref_++));
    e.returned_at = At(100);
    e.return_notified_at = At(200);
    Episode stored = AddEpisode(e);
    Rhi rhi;
    rhi.episode_id = stored.episode_id;
    rhi.child_id = child_id;
    rhi.returned_at = At(100);
    rhi.return_notified_at = At(200);
    rhi.due_at = due;
    rhi.due_at_from_return = due;
    rhi.completed_at = completed;
    EXPECT_TRUE(
        store_->Write([&](Transaction& txn) { return txn.InsertRhi(rhi); })
            .ok());
    return stored.episode_id;
  }

  std::vector<Rhi> ListRhis(const RhiFilter& filter) {
    std::vector<Rhi> rhis;
    absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(rhis, txn.ListRhis(filter));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return rhis;
  }

  // Inserts an episode of `child_id` with these times; its id.
  std::string AddTimedEpisode(const std::string& child_id,
                              absl::Time missing_since,
                              std::optional<absl::Time> returned_at,
                              std::optional<absl::Time> return_notified_at) {
    Episode e = SampleEpisode(child_id, absl::StrCat("T-", next_ref_++));
    e.missing_since = missing_since;
    e.returned_at = returned_at;
    e.return_notified_at = return_notified_at;
    return AddEpisode(e).episode_id;
  }

  Meeting AddMeeting(const Meeting& m) {
    Meeting stored;
    absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(stored, txn.InsertMeeting(m));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return stored;
  }

  Action AddAction(const Action& a) {
    Action stored;
    absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(stored, txn.InsertAction(a));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return stored;
  }

  // Runs one list query of the store in a read.
  std::vector<Episode> ReadEpisodes(
      const std::function<absl::StatusOr<std::vector<Episode>>(Transaction&)>&
          list) {
    std::vector<Episode> episodes;
    absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(episodes, list(txn));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return episodes;
  }

  std::optional<Meeting> FindMeeting(const std::string& id) {
    std::optional<Meeting> meeting;
    absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(meeting, txn.FindMeeting(id));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return meeting;
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  int next_ref_ = 0;
};

TEST_F(SqliteStoreTest, AChildRoundTripsWithFlagsSetAndCleared) {
  Child child = SampleChild();
  child.flags.push_back(MakeFlag("cse_concern", At(5)));
  Child inserted;
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(inserted, txn.InsertChild(child));
                    RETURN_IF_ERROR(txn.InsertFlag(
                        inserted.child_id, MakeFlag("open_to_cst", At(3))));
                    RETURN_IF_ERROR(txn.InsertFlag(
                        inserted.child_id, MakeFlag("cce_concern", At(3))));
                    return txn.ClearFlag(inserted.child_id, "cse_concern",
                                         At(7));
                  })
                  .ok());
  EXPECT_EQ(inserted.child_id, "C1");

  std::optional<Child> found;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindChild("C1"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->child_id, "C1");
  EXPECT_EQ(found->name, "Sam Example");
  EXPECT_EQ(found->date_of_birth, absl::CivilDay(2011, 2, 28));
  EXPECT_EQ(found->la_ref, "LA-123");
  EXPECT_TRUE(found->looked_after);
  EXPECT_EQ(found->placing_authority, "Other Borough");
  EXPECT_EQ(found->created_at, At(1));
  // Oldest first by set_at, then by insertion.
  ExpectSameFlags(found->flags, {MakeFlag("open_to_cst", At(3)),
                                 MakeFlag("cce_concern", At(3)),
                                 MakeFlag("cse_concern", At(5), At(7))});
}

TEST_F(SqliteStoreTest, ClearingAFlagNotInForceIsNotFound) {
  std::string child = AddChild();
  absl::Status status = store_->Write([&](Transaction& txn) {
    return txn.ClearFlag(child, "cse_concern", At(7));
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  status = store_->Write([&](Transaction& txn) {
    return txn.InsertFlag("C99", MakeFlag("cse_concern", At(1)));
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
}

TEST_F(SqliteStoreTest,
       ListChildrenOrdersByIdNumericallyAndFiltersByFlagInForce) {
  std::vector<std::string> ids;
  for (int i = 0; i < 11; ++i) ids.push_back(AddChild());
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    RETURN_IF_ERROR(txn.InsertFlag(
                        ids[10], MakeFlag("open_to_cst", At(1))));
                    RETURN_IF_ERROR(
                        txn.InsertFlag(ids[1], MakeFlag("open_to_cst", At(1))));
                    RETURN_IF_ERROR(
                        txn.InsertFlag(ids[2], MakeFlag("open_to_cst", At(1))));
                    return txn.ClearFlag(ids[2], "open_to_cst", At(2));
                  })
                  .ok());
  std::vector<Child> all;
  std::vector<Child> flagged;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(all, txn.ListChildren(""));
                    ASSIGN_OR_RETURN(flagged, txn.ListChildren("open_to_cst"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(all.size(), 11u);
  EXPECT_EQ(all[1].child_id, "C2");
  EXPECT_EQ(all[10].child_id, "C11");
  ASSERT_EQ(flagged.size(), 2u);
  EXPECT_EQ(flagged[0].child_id, "C2");
  EXPECT_EQ(flagged[1].child_id, "C11");
  ASSERT_EQ(flagged[1].flags.size(), 1u);
}

TEST_F(SqliteStoreTest, AnEpisodeRoundTripsWithRiskHistoryAndCorrections) {
  std::string child = AddChild();
  Episode e = SampleEpisode(child, "REF-1");
  Episode inserted = AddEpisode(e);
  EXPECT_EQ(inserted.episode_id, "E1");

  RiskGrade regrade{.risk = domain::Risk::kHigh,
                    .from = At(15),
                    .recorded_at = At(30),
                    .recorded_by = "coord1",
                    .reason = "seen with adults"};
  // Older `from`, recorded later: sorts first.
  RiskGrade backdated{.risk = domain::Risk::kLow,
                      .from = At(5),
                      .recorded_at = At(40),
                      .recorded_by = "coord2",
                      .reason = "backdated"};
  Correction correction{
      .at = At(50),
      .by = "coord1",
      .rpc = "UpdateEpisode",
      .reason = "typo",
      .changes = {"missing_since: a -> b", "category: MISSING -> ABSENT"}};
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    RETURN_IF_ERROR(txn.InsertRiskGrade("E1", regrade));
                    RETURN_IF_ERROR(txn.InsertRiskGrade("E1", backdated));
                    return txn.InsertCorrection("E1", correction);
                  })
                  .ok());

  Episode expected = inserted;
  expected.risk_history = {backdated, e.risk_history[0], regrade};
  expected.corrections = {correction};
  std::optional<Episode> by_id;
  std::optional<Episode> by_ref;
  std::optional<Episode> open;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(by_id, txn.FindEpisode("E1"));
                    ASSIGN_OR_RETURN(by_ref, txn.FindEpisodeByPoliceRef(
                                                 "Metropolitan", "REF-1"));
                    ASSIGN_OR_RETURN(open, txn.FindOpenEpisode(child));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(by_id.has_value());
  ASSERT_TRUE(by_ref.has_value());
  ASSERT_TRUE(open.has_value());
  ExpectSameEpisode(*by_id, expected);
  ExpectSameEpisode(*by_ref, expected);
  ExpectSameEpisode(*open, expected);
}

TEST_F(SqliteStoreTest, AnUnknownCodeReadBackIsAnErrorNamingTheColumn) {
  std::string child = AddChild();
  AddEpisode(SampleEpisode(child, "REF-1"));
  AddRhi(child, At(3 * kHour), std::nullopt);
  {
    testing::RawDb raw(dir_.File("hub.db"));
    raw.Exec("UPDATE episodes SET returned_to = 9 WHERE id = 1");
    raw.Exec("UPDATE rhis SET concerns = '2,7' WHERE episode_id = 2");
  }
  absl::Status episode = store_->Read(
      [&](Transaction& txn) { return txn.FindEpisode("E1").status(); });
  EXPECT_EQ(episode.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(episode.message(), "episodes.returned_to: 9 is not a known code");
  absl::Status rhi = store_->Read(
      [&](Transaction& txn) { return txn.FindRhi("E2").status(); });
  EXPECT_EQ(rhi.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(rhi.message(), "rhis.concerns: 7 is not a known code");
}

TEST_F(SqliteStoreTest, UpdateEpisodeRewritesEveryColumn) {
  std::string child = AddChild();
  std::string other_child = AddChild();
  Episode stored = AddEpisode(SampleEpisode(child, "REF-1"));

  Episode changed = stored;
  changed.child_id = other_child;
  changed.police_force = "Kent";
  changed.police_ref = "REF-2";
  changed.category = domain::Category::kMissing;
  changed.missing_since = At(11);
  changed.notified_at = At(21);
  changed.risk = domain::Risk::kHigh;
  changed.reporter = "PC Other";
  changed.returned_at = At(1001);
  changed.return_notified_at = At(2002);
  changed.found_location = "Bus station";
  changed.found_with = "Two peers";
  changed.returned_to = domain::ReturnedTo::kPlacement;
  ASSERT_TRUE(
      store_
          ->Write([&](Transaction& txn) { return txn.UpdateEpisode(changed); })
          .ok());

  std::optional<Episode> found;
  std::optional<Episode> open;
  std::optional<Episode> last_returned;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindEpisode(stored.episode_id));
                    ASSIGN_OR_RETURN(open, txn.FindOpenEpisode(other_child));
                    ASSIGN_OR_RETURN(last_returned,
                                     txn.FindLastReturned(other_child));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  ExpectSameEpisode(*found, changed);
  EXPECT_FALSE(open.has_value());
  ASSERT_TRUE(last_returned.has_value());
  EXPECT_EQ(last_returned->episode_id, stored.episode_id);

  Episode unknown = changed;
  unknown.episode_id = "E42";
  absl::Status status = store_->Write(
      [&](Transaction& txn) { return txn.UpdateEpisode(unknown); });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
}

TEST_F(SqliteStoreTest, FindLastReturnedPicksTheLatestReturn) {
  std::string child = AddChild();
  Episode first = SampleEpisode(child, "A");
  first.returned_at = At(5 * kHour);
  first.return_notified_at = At(6 * kHour);
  Episode second = SampleEpisode(child, "B");
  second.missing_since = At(10 * kHour);
  second.notified_at = At(10 * kHour);
  second.returned_at = At(12 * kHour);
  second.return_notified_at = At(12 * kHour);
  AddEpisode(first);
  Episode later = AddEpisode(second);
  AddEpisode(SampleEpisode(child, "C"));  // open
  std::optional<Episode> last;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(last, txn.FindLastReturned(child));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->episode_id, later.episode_id);
}

TEST_F(SqliteStoreTest, ListEpisodesOrdersByMissingSinceThenIdAndFiltersOpen) {
  std::string c1 = AddChild();
  std::string c2 = AddChild();
  Episode a = SampleEpisode(c1, "A");
  a.missing_since = At(3 * kHour);
  a.returned_at = At(4 * kHour);
  a.return_notified_at = At(4 * kHour);
  Episode b = SampleEpisode(c2, "B");
  b.missing_since = At(1 * kHour);
  Episode c = SampleEpisode(c1, "C");
  c.missing_since = At(3 * kHour);
  std::string ea = AddEpisode(a).episode_id;
  std::string eb = AddEpisode(b).episode_id;
  std::string ec = AddEpisode(c).episode_id;

  std::vector<Episode> all, open, c1_all, c1_open, bad;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(all, txn.ListEpisodes("", false));
                    ASSIGN_OR_RETURN(open, txn.ListEpisodes("", true));
                    ASSIGN_OR_RETURN(c1_all, txn.ListEpisodes(c1, false));
                    ASSIGN_OR_RETURN(c1_open, txn.ListEpisodes(c1, true));
                    ASSIGN_OR_RETURN(bad, txn.ListEpisodes("C1x", false));
                    return absl::OkStatus();
                  })
                  .ok());
  auto ids = [](const std::vector<Episode>& episodes) {
    std::vector<std::string> out;
    for (const Episode& e : episodes) out.push_back(e.episode_id);
    return out;
  };
  EXPECT_EQ(ids(all), (std::vector<std::string>{eb, ea, ec}));
  EXPECT_EQ(ids(open), (std::vector<std::string>{eb, ec}));
  EXPECT_EQ(ids(c1_all), (std::vector<std::string>{ea, ec}));
  EXPECT_EQ(ids(c1_open), (std::vector<std::string>{ec}));
  EXPECT_TRUE(bad.empty());
  ASSERT_EQ(all[0].risk_history.size(), 1u);
}

TEST_F(SqliteStoreTest, ListEpisodesBesideReturnsOnlyWhatAPeriodCouldOverlap) {
  std::string child = AddChild();
  std::string other_child = AddChild();
  auto closed = [&](const std::string& c, const std::string& ref, int from,
                    int to) {
    Episode e = SampleEpisode(c, ref);
    e.missing_since = At(from * kHour);
    e.notified_at = e.missing_since;
    e.returned_at = At(to * kHour);
    e.return_notified_at = e.returned_at;
    return AddEpisode(e).episode_id;
  };
  closed(child, "OLD", 0, 2);
  std::string long_one = closed(child, "LONG", 10, 20);
  // A return logged at the moment of the report: an empty period at 10 h,
  // stored after the long one so that it has the higher id.
  std::string empty = closed(child, "EMPTY", 10, 10);
  std::string inside = closed(child, "IN", 24, 26);
  std::string after = closed(child, "AFTER", 40, 42);
  closed(other_child, "OTHER", 12, 30);
  Episode open = SampleEpisode(child, "OPEN");
  open.missing_since = At(50 * kHour);
  open.notified_at = open.missing_since;
  open = AddEpisode(open);
  const std::string open_id = open.episode_id;

  auto beside = [&](Episode candidate) {
    std::vector<std::string> ids;
    EXPECT_TRUE(store_
                    ->Read([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(std::vector<Episode> found,
                                       txn.ListEpisodesBeside(candidate));
                      for (const Episode& e : found) {
                        ids.push_back(e.episode_id);
                        EXPECT_TRUE(e.risk_history.empty());
                      }
                      return absl::OkStatus();
                    })
                    .ok());
    return ids;
  };
  // A new period [15 h, 30 h): both episodes that started at 10 h (the
  // latest start before 15 h), the one inside, and the open one.
  Episode fresh = SampleEpisode(child, "NEW");
  fresh.missing_since = At(15 * kHour);
  fresh.returned_at = At(30 * kHour);
  EXPECT_EQ(beside(fresh),
            (std::vector<std::string>{long_one, empty, inside, open_id}));
  // The open episode itself, as a correction would check it: everything
  // from the latest start before 50 h on, but not itself.
  EXPECT_EQ(beside(open), (std::vector<std::string>{after}));
  // A period before any: nothing starts before it, nothing inside it.
  Episode early = SampleEpisode(child, "EARLY");
  early.missing_since = At(-5 * kHour);
  early.returned_at = At(-1 * kHour);
  EXPECT_EQ(beside(early), (std::vector<std::string>{open_id}));
  EXPECT_TRUE(beside(SampleEpisode("C99x", "BAD")).empty());
}

TEST_F(SqliteStoreTest, ABulkLoadKeepsWhatItWroteAndRefusesAClosedStore) {
  ASSERT_TRUE(store_->UseForBulkLoad().ok());
  std::string child = AddChild();
  std::string episode = AddEpisode(SampleEpisode(child, "BULK")).episode_id;
  store_->Close();
  absl::Status closed = store_->UseForBulkLoad();
  EXPECT_EQ(closed.code(), absl::StatusCode::kFailedPrecondition);

  auto reopened = SqliteStore::Open(dir_.File("hub.db"));
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  std::optional<Episode> found;
  ASSERT_TRUE((*reopened)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindEpisode(episode));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->police_ref, "BULK");
  EXPECT_EQ(found->child_id, child);
}

TEST_F(SqliteStoreTest, AnRhiRoundTripsWithEveryFieldAndUpdates) {
  std::string child = AddChild();
  std::string episode_id = AddRhi(child, At(72 * kHour), std::nullopt);
  std::string also = AddRhi(child, At(73 * kHour), std::nullopt);

  Rhi rhi;
  rhi.episode_id = episode_id;
  rhi.child_id = child;
  rhi.returned_at = At(101);
  rhi.return_notified_at = At(202);
  rhi.due_at = At(72 * kHour + 202);
  rhi.due_at_from_return = At(72 * kHour + 101);
  rhi.offered_at = At(303);
  rhi.offered_by = "worker1";
  rhi.declined_at = At(404);
  rhi.decline_reason = "did not want to talk";
  rhi.completed_at = At(505);
  rhi.completed_by = "worker2";
  rhi.outcome.concerns = {Concern::kCse, Concern::kCce};
  rhi.outcome.referral_made = true;
  rhi.outcome.notes = "notes, with a comma\nand a line";
  rhi.also_episode_ids = {also, "E77"};
  rhi.closure = domain::RhiClosure::kNotHeld;
  rhi.closed_at = At(606);
  rhi.closed_reason = "no contact";
  ASSERT_TRUE(
      store_->Write([&](Transaction& txn) { return txn.UpdateRhi(rhi); }).ok());

  std::optional<Rhi> found;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindRhi(episode_id));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  ExpectSameRhi(*found, rhi);

  // final_at is kept for the index: the earliest of declined/completed/closed.
  testing::RawDb raw(dir_.File("hub.db"));
  EXPECT_EQ(
      raw.Column(absl::StrCat("SELECT final_at FROM rhis WHERE episode_id = ",
                              episode_id.substr(1))),
      std::vector<std::string>{std::to_string(absl::ToUnixMicros(At(404)))});

  // The same RHI twice is ALREADY_EXISTS; an unknown one cannot be updated.
  absl::Status status =
      store_->Write([&](Transaction& txn) { return txn.InsertRhi(rhi); });
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
  Rhi unknown = rhi;
  unknown.episode_id = "E999";
  status =
      store_->Write([&](Transaction& txn) { return txn.UpdateRhi(unknown); });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  status =
      store_->Write([&](Transaction& txn) { return txn.InsertRhi(unknown); });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
}

TEST_F(SqliteStoreTest, AnRhiWithoutOutcomeRoundTripsEmpty) {
  std::string child = AddChild();
  std::string id = AddRhi(child, At(72 * kHour), std::nullopt);
  std::optional<Rhi> found;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindRhi(id));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->outcome.concerns.empty());
  EXPECT_TRUE(found->also_episode_ids.empty());
  EXPECT_FALSE(found->offered_at.has_value());
  EXPECT_FALSE(found->final_at().has_value());
  EXPECT_EQ(found->closure, domain::RhiClosure::kNone);
}

TEST_F(SqliteStoreTest, ListRhisOpenAsOfExcludesRhisFinalisedAtOrBeforeIt) {
  std::string child = AddChild();
  absl::Time t = At(100 * kHour);
  std::string open = AddRhi(child, At(80 * kHour), std::nullopt);
  std::string before = AddRhi(child, At(70 * kHour), t - absl::Microseconds(1));
  std::string at = AddRhi(child, At(75 * kHour), t);
  std::string after = AddRhi(child, At(90 * kHour), t + absl::Microseconds(1));

  RhiFilter filter;
  filter.open_as_of = t;
  EXPECT_EQ(EpisodeIds(ListRhis(filter)),
            (std::vector<std::string>{open, after}));
  filter.child_id = child;
  EXPECT_EQ(EpisodeIds(ListRhis(filter)),
            (std::vector<std::string>{open, after}));
  EXPECT_EQ(EpisodeIds(ListRhis(RhiFilter{})),
            (std::vector<std::string>{before, at, open, after}));
}

// The RHIs not final and those final after the instant come from two
// statements; merged, they page in (due_at, episode_id) order.
TEST_F(SqliteStoreTest, ListRhisOpenAsOfPagesBothKindsInDueThenIdOrder) {
  std::string child = AddChild();
  const absl::Time t = At(100 * kHour);
  const absl::Time later = t + absl::Hours(1);
  std::string a = AddRhi(child, At(80 * kHour), std::nullopt);
  std::string b = AddRhi(child, At(70 * kHour), later);
  std::string c = AddRhi(child, At(90 * kHour), later);
  std::string d = AddRhi(child, At(85 * kHour), std::nullopt);
  std::string e = AddRhi(child, At(85 * kHour), later);
  AddRhi(child, At(60 * kHour), t);

  RhiFilter filter{.open_as_of = t};
  EXPECT_EQ(EpisodeIds(ListRhis(filter)),
            (std::vector<std::string>{b, a, d, e, c}));
  filter.page.limit = 2;
  EXPECT_EQ(EpisodeIds(ListRhis(filter)), (std::vector<std::string>{b, a}));
  filter.page.after_time = At(80 * kHour);
  filter.page.after_id = a;
  EXPECT_EQ(EpisodeIds(ListRhis(filter)), (std::vector<std::string>{d, e}));
  filter.page.after_time = At(85 * kHour);
  filter.page.after_id = d;
  EXPECT_EQ(EpisodeIds(ListRhis(filter)), (std::vector<std::string>{e, c}));
  filter.due_before = At(85 * kHour);
  EXPECT_EQ(EpisodeIds(ListRhis(filter)), (std::vector<std::string>{}));
  filter.page = {};
  EXPECT_EQ(EpisodeIds(ListRhis(filter)), (std::vector<std::string>{b, a}));
}

TEST_F(SqliteStoreTest,
       ListRhisFiltersByDueBeforeAndChildAndOrdersByDueThenId) {
  std::string c1 = AddChild();
  std::string c2 = AddChild();
  std::vector<std::string> ids;
  // Ids E1..E10 and more: equal due times order by the number, not the text.
  for (int i = 0; i < 10; ++i) {
    ids.push_back(AddRhi(i % 2 == 0 ? c1 : c2, At(50 * kHour), std::nullopt));
  }
  std::string early = AddRhi(c2, At(10 * kHour), std::nullopt);
  std::string late = AddRhi(c1, At(60 * kHour), std::nullopt);

  std::vector<std::string> expected = {early};
  expected.insert(expected.end(), ids.begin(), ids.end());
  expected.push_back(late);
  EXPECT_EQ(EpisodeIds(ListRhis(RhiFilter{})), expected);

  RhiFilter due;
  due.due_before = At(50 * kHour);  // strictly before
  EXPECT_EQ(EpisodeIds(ListRhis(due)), (std::vector<std::string>{early}));
  due.due_before = At(50 * kHour) + absl::Microseconds(1);
  EXPECT_EQ(ListRhis(due).size(), 11u);

  RhiFilter by_child;
  by_child.child_id = c1;
  std::vector<std::string> c1_expected = {ids[0], ids[2], ids[4],
                                          ids[6], ids[8], late};
  EXPECT_EQ(EpisodeIds(ListRhis(by_child)), c1_expected);
  by_child.due_before = At(55 * kHour);
  by_child.open_as_of = At(0);
  c1_expected.pop_back();
  EXPECT_EQ(EpisodeIds(ListRhis(by_child)), c1_expected);

  RhiFilter bad;
  bad.child_id = "E1";
  EXPECT_TRUE(ListRhis(bad).empty());
}

TEST_F(SqliteStoreTest, UsersRoundTripAndRevocationKeepsTheFirstTime) {
  StoredUser alice{.user = {.name = "alice",
                            .role = Role::kCoordinator,
                            .created_at = At(1),
                            .revoked_at = std::nullopt},
                   .token_sha256 = std::string(64, 'a')};
  StoredUser bob{.user = {.name = "bob",
                          .role = Role::kAdmin,
                          .created_at = At(2),
                          .revoked_at = At(3)},
                 .token_sha256 = std::string(64, 'b')};
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    RETURN_IF_ERROR(txn.InsertUser(bob));
                    return txn.InsertUser(alice);
                  })
                  .ok());
  absl::Status duplicate =
      store_->Write([&](Transaction& txn) { return txn.InsertUser(alice); });
  EXPECT_EQ(duplicate.code(), absl::StatusCode::kAlreadyExists) << duplicate;
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    RETURN_IF_ERROR(txn.RevokeUser("alice", At(10)));
                    return txn.RevokeUser("alice", At(20));
                  })
                  .ok());
  absl::Status unknown = store_->Write(
      [&](Transaction& txn) { return txn.RevokeUser("carol", At(10)); });
  EXPECT_EQ(unknown.code(), absl::StatusCode::kNotFound) << unknown;

  std::optional<StoredUser> by_name, by_token, missing;
  std::vector<domain::User> users;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(by_name, txn.FindUserByName("alice"));
                    ASSIGN_OR_RETURN(by_token, txn.FindUserByTokenSha256(
                                                   std::string(64, 'b')));
                    ASSIGN_OR_RETURN(missing, txn.FindUserByName("carol"));
                    ASSIGN_OR_RETURN(users, txn.ListUsers());
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(by_name.has_value());
  EXPECT_EQ(by_name->user.name, "alice");
  EXPECT_EQ(by_name->user.role, Role::kCoordinator);
  EXPECT_EQ(by_name->user.created_at, At(1));
  EXPECT_EQ(by_name->user.revoked_at, At(10));
  EXPECT_EQ(by_name->token_sha256, std::string(64, 'a'));
  ASSERT_TRUE(by_token.has_value());
  EXPECT_EQ(by_token->user.name, "bob");
  EXPECT_EQ(by_token->user.role, Role::kAdmin);
  EXPECT_EQ(by_token->user.revoked_at, At(3));
  EXPECT_FALSE(missing.has_value());
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].name, "alice");
  EXPECT_EQ(users[1].name, "bob");
}

TEST_F(SqliteStoreTest, ListAuditFiltersByChildSinceAndLimitOldestFirst) {
  auto record = [](int64_t at, std::vector<std::string> children,
                   std::string outcome) {
    return AuditRecord{.audit_id = 999,
                       .at = At(at),
                       .user = "alice",
                       .role = Role::kCoordinator,
                       .rpc = "GetChild",
                       .child_ids = std::move(children),
                       .episode_ids = {"E1", "E2"},
                       .outcome = std::move(outcome)};
  };
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    RETURN_IF_ERROR(txn.InsertAudit(record(1, {"C1"}, "OK")));
                    RETURN_IF_ERROR(
                        txn.InsertAudit(record(2, {"C2", "C11", "C1"}, "OK")));
                    RETURN_IF_ERROR(
                        txn.InsertAudit(record(3, {}, "NOT_FOUND")));
                    RETURN_IF_ERROR(txn.InsertAudit(record(4, {"C11"}, "OK")));
                    return txn.InsertAudit(record(5, {"C1", "C1"}, "OK"));
                  })
                  .ok());
  std::vector<AuditRecord> all, c1, c1_since, limited, c11;
  ASSERT_TRUE(
      store_
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(
                all, txn.ListAudit(std::nullopt, "", Page{.limit = 100}));
            ASSIGN_OR_RETURN(
                c1, txn.ListAudit(std::nullopt, "C1", Page{.limit = 100}));
            ASSIGN_OR_RETURN(c1_since,
                             txn.ListAudit(At(2), "C1", Page{.limit = 100}));
            ASSIGN_OR_RETURN(limited,
                             txn.ListAudit(At(2), "", Page{.limit = 2}));
            ASSIGN_OR_RETURN(
                c11, txn.ListAudit(std::nullopt, "C11", Page{.limit = 1}));
            return absl::OkStatus();
          })
          .ok());
  auto ids = [](const std::vector<AuditRecord>& records) {
    std::vector<int64_t> out;
    for (const AuditRecord& r : records) out.push_back(r.audit_id);
    return out;
  };
  EXPECT_EQ(ids(all), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids(c1), (std::vector<int64_t>{1, 2, 5}));
  EXPECT_EQ(ids(c1_since), (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(ids(limited), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(ids(c11), (std::vector<int64_t>{2}));

  const AuditRecord& second = all[1];
  EXPECT_EQ(second.at, At(2));
  EXPECT_EQ(second.user, "alice");
  EXPECT_EQ(second.role, Role::kCoordinator);
  EXPECT_EQ(second.rpc, "GetChild");
  EXPECT_EQ(second.child_ids, (std::vector<std::string>{"C2", "C11", "C1"}));
  EXPECT_EQ(second.episode_ids, (std::vector<std::string>{"E1", "E2"}));
  EXPECT_EQ(second.outcome, "OK");
  EXPECT_TRUE(all[2].child_ids.empty());
  EXPECT_EQ(all[2].outcome, "NOT_FOUND");
}

TEST_F(SqliteStoreTest, AFailedWriteLeavesNothingBehind) {
  absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
    ASSIGN_OR_RETURN(Child child, txn.InsertChild(SampleChild()));
    RETURN_IF_ERROR(
        txn.InsertEpisode(SampleEpisode(child.child_id, "R1")).status());
    AuditRecord audit;
    audit.at = At(1);
    audit.user = "u";
    audit.rpc = "ReportMissing";
    audit.child_ids = {"C1"};
    RETURN_IF_ERROR(txn.InsertAudit(audit));
    return absl::FailedPreconditionError("changed my mind");
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "changed my mind");

  std::vector<Child> children;
  std::vector<Episode> episodes;
  std::vector<AuditRecord> audit;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(children, txn.ListChildren(""));
                    ASSIGN_OR_RETURN(episodes, txn.ListEpisodes("", false));
                    ASSIGN_OR_RETURN(audit, txn.ListAudit(std::nullopt, "",
                                                          Page{.limit = 0}));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_TRUE(children.empty());
  EXPECT_TRUE(episodes.empty());
  EXPECT_TRUE(audit.empty());
  // The store is usable afterwards.
  EXPECT_EQ(AddChild(), "C1");
}

TEST_F(SqliteStoreTest,
       AReusedPoliceReferenceIsAlreadyExistsAndChangesNothing) {
  std::string child = AddChild();
  AddEpisode(SampleEpisode(child, "REF-1"));
  absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
    return txn.InsertEpisode(SampleEpisode(child, "REF-1")).status();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
  EXPECT_NE(status.message().find("kInsertEpisodeSql"), absl::string_view::npos)
      << status;
  EXPECT_EQ(status.message().find("REF-1"), absl::string_view::npos) << status;

  // The same ref in another force is another episode.
  Episode other = SampleEpisode(child, "REF-1");
  other.police_force = "Kent";
  EXPECT_EQ(AddEpisode(other).episode_id, "E2");
}

TEST_F(SqliteStoreTest, AnEpisodeOfAnUnknownChildIsNotFound) {
  absl::Status status = store_->Write([&](Transaction& txn) {
    return txn.InsertEpisode(SampleEpisode("C5", "R")).status();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  status = store_->Write([&](Transaction& txn) {
    return txn.InsertEpisode(SampleEpisode("E1", "R")).status();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
}

TEST_F(SqliteStoreTest, MalformedIdsFindNothing) {
  std::string child = AddChild();
  AddRhi(child, At(1), std::nullopt);
  for (const char* id : {"", "X1", "C1", "E1x", "E01", "E+1", "E 1", "E-1",
                         "E99999999999999999999", "e1"}) {
    std::optional<Episode> episode;
    std::optional<Rhi> rhi;
    ASSERT_TRUE(store_
                    ->Read([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(episode, txn.FindEpisode(id));
                      ASSIGN_OR_RETURN(rhi, txn.FindRhi(id));
                      return absl::OkStatus();
                    })
                    .ok());
    EXPECT_FALSE(episode.has_value()) << id;
    EXPECT_FALSE(rhi.has_value()) << id;
  }
  for (const char* id :
       {"", "X1", "E1", "C1x", "C01", "C99999999999999999999"}) {
    std::optional<Child> found;
    std::optional<Episode> open;
    std::optional<Episode> last;
    ASSERT_TRUE(store_
                    ->Read([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(found, txn.FindChild(id));
                      ASSIGN_OR_RETURN(open, txn.FindOpenEpisode(id));
                      ASSIGN_OR_RETURN(last, txn.FindLastReturned(id));
                      return absl::OkStatus();
                    })
                    .ok());
    EXPECT_FALSE(found.has_value()) << id;
    EXPECT_FALSE(open.has_value()) << id;
    EXPECT_FALSE(last.has_value()) << id;
  }
}

TEST_F(SqliteStoreTest, AReadCompletesWhileAWriteTransactionIsHeldOpen) {
  std::string child = AddChild();
  absl::Notification write_open;
  absl::Notification read_done;
  std::thread writer([&] {
    absl::Status status = store_->Write([&](Transaction& txn) -> absl::Status {
      RETURN_IF_ERROR(txn.InsertChild(SampleChild()).status());
      write_open.Notify();
      // Hold the write transaction until the read has finished.
      read_done.WaitForNotification();
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
  });
  write_open.WaitForNotification();
  std::vector<Child> seen;
  absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
    ASSIGN_OR_RETURN(seen, txn.ListChildren(""));
    return absl::OkStatus();
  });
  read_done.Notify();
  writer.join();
  ASSERT_TRUE(status.ok()) << status;
  // The snapshot does not include the uncommitted child.
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].child_id, child);

  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(seen, txn.ListChildren(""));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(SqliteStoreTest, ManyThreadsReadAndWriteSafely) {
  constexpr int kThreads = 6;
  constexpr int kWritesPerThread = 20;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        EXPECT_TRUE(store_
                        ->Write([](Transaction& txn) {
                          return txn.InsertChild(SampleChild()).status();
                        })
                        .ok());
        EXPECT_TRUE(store_
                        ->Read([](Transaction& txn) {
                          return txn.ListChildren("").status();
                        })
                        .ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<Child> children;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(children, txn.ListChildren(""));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(children.size(), static_cast<size_t>(kThreads * kWritesPerThread));
}

TEST_F(SqliteStoreTest, WritesFromManyThreadsAreAllThereAfterReopening) {
  // Groups commit while earlier groups sync: every acknowledged write is in
  // the file that a new store opens.
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 25;
  std::vector<std::vector<std::string>> acknowledged(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        std::string id;
        absl::Status status = store_->Write([&](Transaction& txn) {
          absl::StatusOr<Child> child = txn.InsertChild(SampleChild());
          if (child.ok()) id = child->child_id;
          return child.status();
        });
        EXPECT_TRUE(status.ok()) << status;
        if (status.ok()) acknowledged[t].push_back(id);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  store_->Close();

  auto reopened = SqliteStore::Open(dir_.File("hub.db"));
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  std::vector<Child> children;
  ASSERT_TRUE((*reopened)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(children, txn.ListChildren(""));
                    return absl::OkStatus();
                  })
                  .ok());
  std::vector<std::string> stored;
  for (const Child& child : children) stored.push_back(child.child_id);
  std::vector<std::string> expected;
  for (const std::vector<std::string>& ids : acknowledged) {
    expected.insert(expected.end(), ids.begin(), ids.end());
  }
  std::sort(stored.begin(), stored.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(expected.size(), static_cast<size_t>(kThreads * kWritesPerThread));
  EXPECT_EQ(stored, expected);
}

TEST_F(SqliteStoreTest, ANewFileGetsOneKibPagesAndAnOldFileKeepsItsOwn) {
  store_->Close();
  EXPECT_EQ(testing::RawDb(dir_.File("hub.db")).Column("PRAGMA page_size"),
            std::vector<std::string>{"1024"});

  const std::string old_file = dir_.File("old.db");
  {
    testing::RawDb old(old_file);
    old.Exec("PRAGMA page_size=4096; CREATE TABLE t(x);");
  }
  auto store = SqliteStore::Open(old_file);
  ASSERT_TRUE(store.ok()) << store.status();
  (*store)->Close();
  EXPECT_EQ(testing::RawDb(old_file).Column("PRAGMA page_size"),
            std::vector<std::string>{"4096"});
}

TEST_F(SqliteStoreTest, GroupedWritesFailAloneAndReportCommitsInOrder) {
  // The first write holds the writer while the others queue behind it, so
  // that they are committed together in the next group.
  absl::Notification holding;
  absl::Notification release;
  std::thread first([&] {
    EXPECT_TRUE(store_
                    ->Write([&](Transaction& txn) -> absl::Status {
                      holding.Notify();
                      release.WaitForNotification();
                      return txn.InsertChild(SampleChild()).status();
                    })
                    .ok());
  });
  holding.WaitForNotification();
  constexpr int kWriters = 6;
  std::vector<absl::Status> results(kWriters);
  std::vector<std::string> ids(kWriters);
  absl::Mutex order_mu;
  std::vector<std::string> committed_order;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      results[w] = store_->Write(
          [&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(Child child, txn.InsertChild(SampleChild()));
            ids[w] = child.child_id;
            // Every third write fails after writing: it must leave nothing.
            if (w % 3 == 2) return absl::FailedPreconditionError("refused");
            return absl::OkStatus();
          },
          [&] {
            absl::MutexLock lock(&order_mu);
            committed_order.push_back(ids[w]);
          });
    });
  }
  // Let the writers queue up; the assertions hold however they are grouped.
  absl::SleepFor(absl::Milliseconds(100));
  release.Notify();
  first.join();
  for (std::thread& t : writers) t.join();

  for (int w = 0; w < kWriters; ++w) {
    if (w % 3 == 2) {
      EXPECT_EQ(results[w].code(), absl::StatusCode::kFailedPrecondition);
    } else {
      EXPECT_TRUE(results[w].ok()) << results[w];
    }
  }
  std::vector<Child> children;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(children, txn.ListChildren(""));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(children.size(), 1u + kWriters - kWriters / 3);
  // The callbacks ran once per committed write, in commit (id) order.
  ASSERT_EQ(committed_order.size(),
            static_cast<size_t>(kWriters - kWriters / 3));
  for (size_t i = 1; i < committed_order.size(); ++i) {
    EXPECT_LT(std::stoi(committed_order[i - 1].substr(1)),
              std::stoi(committed_order[i].substr(1)));
  }
  // What is stored is the first write and the committed ones, nothing else.
  for (const Child& c : children) {
    const bool reported =
        std::find(committed_order.begin(), committed_order.end(), c.child_id) !=
        committed_order.end();
    EXPECT_TRUE(c.child_id == "C1" || reported) << c.child_id;
  }
}

TEST_F(SqliteStoreTest, ListEpisodesOpenAtIncludesAStartAtTAndAReturnAfterT) {
  std::string child = AddChild();
  const absl::Time t = At(10 * kHour);
  const absl::Duration us = absl::Microseconds(1);
  std::string started_at_t = AddTimedEpisode(child, t, std::nullopt, {});
  AddTimedEpisode(child, t + us, std::nullopt, {});  // not yet missing
  AddTimedEpisode(child, At(2 * kHour), t, t);       // back at T
  std::string back_after_t = AddTimedEpisode(child, At(2 * kHour), t + us, {});
  std::string long_missing = AddTimedEpisode(child, At(kHour), {}, {});
  std::string open_same_start = AddTimedEpisode(child, At(2 * kHour), {}, {});
  AddTimedEpisode(child, At(kHour), At(5 * kHour), At(5 * kHour));
  // A tie on missing_since where the open one has the lower id.
  std::string open_first = AddTimedEpisode(child, At(3 * kHour), {}, {});
  std::string back_later =
      AddTimedEpisode(child, At(3 * kHour), At(11 * kHour), At(11 * kHour));
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) {
                    return txn.InsertCorrection(
                        back_after_t, Correction{.at = At(12 * kHour),
                                                 .by = "coord1",
                                                 .rpc = "LogReturn",
                                                 .reason = "late",
                                                 .changes = {"a -> b"}});
                  })
                  .ok());

  std::vector<Episode> open =
      ReadEpisodes([&](Transaction& txn) { return txn.ListEpisodesOpenAt(t); });
  EXPECT_EQ(EpisodeIds(open), (std::vector<std::string>{
                                  long_missing, back_after_t, open_same_start,
                                  open_first, back_later, started_at_t}));
  // Complete, as FindEpisode gives them.
  for (const Episode& listed : open) {
    std::optional<Episode> found;
    ASSERT_TRUE(store_
                    ->Read([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(found,
                                       txn.FindEpisode(listed.episode_id));
                      return absl::OkStatus();
                    })
                    .ok());
    ASSERT_TRUE(found.has_value());
    ExpectSameEpisode(listed, *found);
  }
  ASSERT_EQ(open.size(), 6u);
  EXPECT_EQ(open[1].corrections.size(), 1u);
  EXPECT_EQ(open[1].risk_history.size(), 1u);

  EXPECT_TRUE(ReadEpisodes([&](Transaction& txn) {
                return txn.ListEpisodesOpenAt(At(0));
              }).empty());
}

TEST_F(SqliteStoreTest,
       ListEpisodesReturnNotifiedInExcludesTheStartAndIncludesTheEnd) {
  std::string child = AddChild();
  const absl::Time after = At(10 * kHour);
  const absl::Time until = At(20 * kHour);
  const absl::Duration us = absl::Microseconds(1);
  AddTimedEpisode(child, At(0), At(kHour), after);  // at the start: out
  std::string at_end = AddTimedEpisode(child, At(0), At(kHour), until);
  std::string just_after = AddTimedEpisode(child, At(0), At(kHour), after + us);
  AddTimedEpisode(child, At(0), At(kHour), until + us);       // after the end
  AddTimedEpisode(child, At(0), std::nullopt, std::nullopt);  // open
  std::string tie = AddTimedEpisode(child, At(0), At(kHour), after + us);
  // Returned in the window but notified after it: out.
  AddTimedEpisode(child, At(0), At(15 * kHour), until + us);

  std::vector<Episode> listed = ReadEpisodes([&](Transaction& txn) {
    return txn.ListEpisodesReturnNotifiedIn(after, until);
  });
  EXPECT_EQ(EpisodeIds(listed),
            (std::vector<std::string>{just_after, tie, at_end}));
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(listed[0].risk_history.size(), 1u);
}

TEST_F(SqliteStoreTest, ListEpisodesReturnedInIncludesBothEnds) {
  std::string child = AddChild();
  const absl::Time from = At(10 * kHour);
  const absl::Time until = At(20 * kHour);
  const absl::Duration us = absl::Microseconds(1);
  AddTimedEpisode(child, At(0), from - us, from);  // before the start
  std::string at_end = AddTimedEpisode(child, At(0), until, until);
  std::string at_start = AddTimedEpisode(child, At(0), from, from);
  AddTimedEpisode(child, At(0), until + us, until + us);  // after the end
  AddTimedEpisode(child, At(0), std::nullopt, std::nullopt);
  std::string tie = AddTimedEpisode(child, At(kHour), from, from);

  EXPECT_EQ(EpisodeIds(ReadEpisodes([&](Transaction& txn) {
              return txn.ListEpisodesReturnedIn(from, until);
            })),
            (std::vector<std::string>{at_start, tie, at_end}));
}

TEST_F(SqliteStoreTest,
       ListEpisodesStartedInExcludesTheStartAndIncludesTheEnd) {
  std::string child = AddChild();
  const absl::Time after = At(10 * kHour);
  const absl::Time until = At(20 * kHour);
  const absl::Duration us = absl::Microseconds(1);
  AddTimedEpisode(child, after, std::nullopt, std::nullopt);  // out
  std::string at_end = AddTimedEpisode(child, until, {}, {});
  std::string returned =
      AddTimedEpisode(child, after + us, At(30 * kHour), At(30 * kHour));
  AddTimedEpisode(child, until + us, std::nullopt, std::nullopt);  // out
  std::string tie = AddTimedEpisode(child, after + us, {}, {});

  EXPECT_EQ(EpisodeIds(ReadEpisodes([&](Transaction& txn) {
              return txn.ListEpisodesStartedIn(after, until);
            })),
            (std::vector<std::string>{returned, tie, at_end}));
}

TEST_F(SqliteStoreTest, AMeetingRoundTripsWithItsAgendaBytesNotesAndActions) {
  std::string c1 = AddChild();
  std::string c2 = AddChild();
  Meeting inserted = AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  EXPECT_EQ(inserted.meeting_id, "M1");
  ASSERT_EQ(inserted.frozen_agenda.size(), 10u);

  Note late{.meeting_id = "M1",
            .child_id = c1,
            .text = "Seen near the station",
            .decision = false,
            .addendum = false,
            .author = "coord1",
            .at = At(7 * kHour)};
  Note early = late;
  early.child_id = c2;
  early.text = "Refer to CSE panel";
  early.decision = true;
  early.addendum = true;
  early.author = "coord2";
  early.at = At(6 * kHour);
  Note same_time = early;
  same_time.text = "Second note, same minute";
  same_time.decision = false;
  Action second = SampleAction(c1, "M1", At(48 * kHour));
  second.created_at = At(8 * kHour);
  Action first = SampleAction(c2, "M1", At(72 * kHour));
  first.created_at = At(7 * kHour);
  std::vector<Note> notes;
  std::vector<Action> actions;
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    for (const Note& note : {late, early, same_time}) {
                      ASSIGN_OR_RETURN(Note stored, txn.InsertNote(note));
                      notes.push_back(stored);
                    }
                    for (const Action& action : {second, first}) {
                      ASSIGN_OR_RETURN(Action stored, txn.InsertAction(action));
                      actions.push_back(stored);
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0].note_id, "N1");
  EXPECT_EQ(notes[2].note_id, "N3");
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0].action_id, "A1");
  EXPECT_EQ(actions[0].meeting_day, absl::CivilDay(2026, 3, 27));

  std::optional<Meeting> by_id, by_day, other_day;
  ASSERT_TRUE(
      store_
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(by_id, txn.FindMeeting("M1"));
            ASSIGN_OR_RETURN(by_day,
                             txn.FindMeetingByDay(absl::CivilDay(2026, 3, 27)));
            ASSIGN_OR_RETURN(other_day,
                             txn.FindMeetingByDay(absl::CivilDay(2026, 3, 26)));
            return absl::OkStatus();
          })
          .ok());
  EXPECT_FALSE(other_day.has_value());
  for (const std::optional<Meeting>& found : {by_id, by_day}) {
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->meeting_id, "M1");
    EXPECT_EQ(found->day, absl::CivilDay(2026, 3, 27));
    EXPECT_EQ(found->state, MeetingState::kOpen);
    EXPECT_EQ(found->as_of, At(5 * kHour));
    EXPECT_EQ(found->frozen_agenda, FrozenAgendaBytes());
    EXPECT_TRUE(found->attendees.empty());
    EXPECT_EQ(found->opened_by, "coord1");
    EXPECT_EQ(found->opened_at, At(5 * kHour + 1));
    EXPECT_FALSE(found->closed_at.has_value());
    // Notes oldest first (at, then id); actions by created_at, then id.
    ASSERT_EQ(found->notes.size(), 3u);
    ExpectSameNote(found->notes[0], notes[1]);
    ExpectSameNote(found->notes[1], notes[2]);
    ExpectSameNote(found->notes[2], notes[0]);
    ASSERT_EQ(found->actions.size(), 2u);
    ExpectSameAction(found->actions[0], actions[1]);
    ExpectSameAction(found->actions[1], actions[0]);
  }

  Meeting closed = *by_id;
  closed.state = MeetingState::kClosed;
  closed.attendees = {"coord1", "Police: PC Example", "School nurse"};
  closed.closed_at = At(9 * kHour);
  // Not rewritten by UpdateMeeting.
  closed.frozen_agenda = "other";
  closed.as_of = At(1);
  ASSERT_TRUE(
      store_->Write([&](Transaction& txn) { return txn.UpdateMeeting(closed); })
          .ok());
  std::optional<Meeting> found = FindMeeting("M1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->state, MeetingState::kClosed);
  EXPECT_EQ(found->attendees, closed.attendees);
  EXPECT_EQ(found->closed_at, At(9 * kHour));
  EXPECT_EQ(found->frozen_agenda, FrozenAgendaBytes());
  EXPECT_EQ(found->as_of, At(5 * kHour));
  EXPECT_EQ(found->notes.size(), 3u);
}

TEST_F(SqliteStoreTest, AnEmptyFrozenAgendaIsKeptEmptyNotNull) {
  Meeting m = SampleMeeting(absl::CivilDay(2026, 3, 27));
  m.frozen_agenda.clear();
  Meeting stored = AddMeeting(m);
  std::optional<Meeting> found = FindMeeting(stored.meeting_id);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->frozen_agenda.empty());
}

TEST_F(SqliteStoreTest, ASecondMeetingForTheSameDayIsAlreadyExists) {
  AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  absl::Status status = store_->Write([&](Transaction& txn) {
    return txn.InsertMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)))
        .status();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
  EXPECT_NE(status.message().find("kInsertMeetingSql"), absl::string_view::npos)
      << status;
  EXPECT_EQ(status.message().find("2026-03-27"), absl::string_view::npos)
      << status;
  EXPECT_EQ(AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 28))).meeting_id,
            "M2");
}

TEST_F(SqliteStoreTest, FindMeetingBeforePicksTheLatestEarlierDay) {
  AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 25)));
  AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 20)));
  AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  AddMeeting(SampleMeeting(absl::CivilDay(2025, 12, 31)));
  auto before = [&](absl::CivilDay day) -> std::string {
    std::optional<Meeting> found;
    absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(found, txn.FindMeetingBefore(day));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return found.has_value() ? absl::FormatCivilTime(found->day) : "none";
  };
  EXPECT_EQ(before(absl::CivilDay(2026, 3, 27)), "2026-03-25");
  EXPECT_EQ(before(absl::CivilDay(2026, 3, 26)), "2026-03-25");
  EXPECT_EQ(before(absl::CivilDay(2026, 3, 25)), "2026-03-20");
  EXPECT_EQ(before(absl::CivilDay(2026, 3, 20)), "2025-12-31");
  EXPECT_EQ(before(absl::CivilDay(2025, 12, 31)), "none");
  EXPECT_EQ(before(absl::CivilDay(2027, 1, 1)), "2026-03-27");
}

TEST_F(SqliteStoreTest, AnActionRoundTripsAndUpdateRewritesEveryColumnButIds) {
  std::string child = AddChild();
  std::string other_child = AddChild();
  Meeting meeting = AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  Meeting other_meeting =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 28)));
  Action a = SampleAction(child, meeting.meeting_id, At(48 * kHour));
  a.done_evidence = "partly";
  a.impact_evidence = "none yet";
  a.drop_reason = "n/a";
  a.addendum = true;
  a.closed_at = At(3);
  // The day is the meeting's, whatever the caller says.
  a.meeting_day = absl::CivilDay(1999, 1, 1);
  Action stored = AddAction(a);
  EXPECT_EQ(stored.action_id, "A1");
  EXPECT_EQ(stored.meeting_day, absl::CivilDay(2026, 3, 27));
  Action expected = a;
  expected.action_id = "A1";
  expected.meeting_day = absl::CivilDay(2026, 3, 27);
  ExpectSameAction(stored, expected);

  Action changed = stored;
  changed.what = "Return home interview";
  changed.who = "Police";
  changed.by_when = At(96 * kHour);
  changed.done_when = "RHI recorded";
  changed.worked_when = "Concerns shared";
  changed.assignee = "pc1";
  changed.status = ActionStatus::kDone;
  changed.done_evidence = "RHI E1 completed";
  changed.impact_evidence = "No episode since";
  changed.drop_reason = "";
  changed.addendum = false;
  changed.created_by = "coord2";
  changed.created_at = At(7 * kHour);
  changed.closed_at = At(90 * kHour);
  Action moved = changed;
  moved.child_id = other_child;
  moved.meeting_id = other_meeting.meeting_id;
  moved.meeting_day = other_meeting.day;
  ASSERT_TRUE(
      store_->Write([&](Transaction& txn) { return txn.UpdateAction(moved); })
          .ok());
  std::optional<Action> found;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindAction("A1"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  ExpectSameAction(*found, changed);

  // Back to open, with no closing time.
  changed.status = ActionStatus::kOpen;
  changed.closed_at = std::nullopt;
  ASSERT_TRUE(
      store_->Write([&](Transaction& txn) { return txn.UpdateAction(changed); })
          .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(found, txn.FindAction("A1"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  ExpectSameAction(*found, changed);
}

TEST_F(SqliteStoreTest, WritesNamingNoMeetingActionOrChildAreNotFound) {
  std::string child = AddChild();
  Meeting meeting = AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  Note note{.meeting_id = meeting.meeting_id, .child_id = child, .at = At(1)};
  Action action = SampleAction(child, meeting.meeting_id, At(1));
  Meeting unknown_meeting = meeting;
  Action unknown_action = action;

  std::vector<std::function<absl::Status(Transaction&)>> writes;
  for (const char* id : {"M2", "M1x", "M01", "A1", ""}) {
    writes.push_back([=](Transaction& txn) mutable {
      unknown_meeting.meeting_id = id;
      return txn.UpdateMeeting(unknown_meeting);
    });
    writes.push_back([=](Transaction& txn) mutable {
      Note n = note;
      n.meeting_id = id;
      return txn.InsertNote(n).status();
    });
    writes.push_back([=](Transaction& txn) mutable {
      Action a = action;
      a.meeting_id = id;
      return txn.InsertAction(a).status();
    });
  }
  for (const char* id : {"C2", "C1x", "M1", ""}) {
    writes.push_back([=](Transaction& txn) {
      Note n = note;
      n.child_id = id;
      return txn.InsertNote(n).status();
    });
    writes.push_back([=](Transaction& txn) {
      Action a = action;
      a.child_id = id;
      return txn.InsertAction(a).status();
    });
  }
  for (const char* id : {"A1", "A1x", "M1", ""}) {
    writes.push_back([=](Transaction& txn) mutable {
      unknown_action.action_id = id;
      return txn.UpdateAction(unknown_action);
    });
  }
  for (size_t i = 0; i < writes.size(); ++i) {
    absl::Status status = store_->Write(writes[i]);
    EXPECT_EQ(status.code(), absl::StatusCode::kNotFound)
        << i << ": " << status;
  }
  std::optional<Meeting> found = FindMeeting(meeting.meeting_id);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->notes.empty());
  EXPECT_TRUE(found->actions.empty());
}

TEST_F(SqliteStoreTest, MalformedMeetingAndActionIdsFindNothing) {
  std::string child = AddChild();
  Meeting meeting = AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27)));
  AddAction(SampleAction(child, meeting.meeting_id, At(1)));
  for (const char* id : {"", "M1x", "M01", "A1", "m1", "M+1", "M 1",
                         "M99999999999999999999", "M2"}) {
    EXPECT_FALSE(FindMeeting(id).has_value()) << id;
  }
  for (const char* id :
       {"", "A1x", "A01", "M1", "a1", "A-1", "A99999999999999999999", "A2"}) {
    std::optional<Action> found;
    ASSERT_TRUE(store_
                    ->Read([&](Transaction& txn) -> absl::Status {
                      ASSIGN_OR_RETURN(found, txn.FindAction(id));
                      return absl::OkStatus();
                    })
                    .ok());
    EXPECT_FALSE(found.has_value()) << id;
  }
}

TEST_F(SqliteStoreTest,
       ListOpenActionsExcludesThatDayLaterDaysAndClosedOnesByByWhenThenId) {
  std::string child = AddChild();
  std::string m_before =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 25))).meeting_id;
  std::string m_eve =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 26))).meeting_id;
  std::string m_day =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27))).meeting_id;
  std::string m_after =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 30))).meeting_id;
  std::string late =
      AddAction(SampleAction(child, m_before, At(50 * kHour))).action_id;
  std::string early =
      AddAction(SampleAction(child, m_eve, At(10 * kHour))).action_id;
  std::string tie =
      AddAction(SampleAction(child, m_before, At(10 * kHour))).action_id;
  std::string that_day =
      AddAction(SampleAction(child, m_day, At(1 * kHour))).action_id;
  std::string later_day =
      AddAction(SampleAction(child, m_after, At(1 * kHour))).action_id;
  Action done = SampleAction(child, m_before, At(2 * kHour));
  done.status = ActionStatus::kDone;
  done.closed_at = At(3 * kHour);
  AddAction(done);
  Action dropped = SampleAction(child, m_eve, At(2 * kHour));
  dropped.status = ActionStatus::kDropped;
  dropped.drop_reason = "moved away";
  dropped.closed_at = At(3 * kHour);
  AddAction(dropped);

  std::vector<Action> before_day, all_open;
  ASSERT_TRUE(
      store_
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(before_day,
                             txn.ListOpenActions(absl::CivilDay(2026, 3, 27)));
            ASSIGN_OR_RETURN(all_open, txn.ListOpenActions(std::nullopt));
            return absl::OkStatus();
          })
          .ok());
  EXPECT_EQ(ActionIds(before_day),
            (std::vector<std::string>{early, tie, late}));
  EXPECT_EQ(ActionIds(all_open),
            (std::vector<std::string>{that_day, later_day, early, tie, late}));
  ASSERT_FALSE(before_day.empty());
  EXPECT_EQ(before_day[0].meeting_day, absl::CivilDay(2026, 3, 26));
}

TEST_F(SqliteStoreTest, ListActionsFiltersByChildAndOpenOrderedByByWhenThenId) {
  std::string c1 = AddChild();
  std::string c2 = AddChild();
  std::string m =
      AddMeeting(SampleMeeting(absl::CivilDay(2026, 3, 27))).meeting_id;
  std::string a1 = AddAction(SampleAction(c1, m, At(30 * kHour))).action_id;
  std::string a2 = AddAction(SampleAction(c2, m, At(10 * kHour))).action_id;
  Action closed = SampleAction(c1, m, At(20 * kHour));
  closed.status = ActionStatus::kDone;
  std::string a3 = AddAction(closed).action_id;
  std::string a4 = AddAction(SampleAction(c1, m, At(10 * kHour))).action_id;

  std::vector<Action> all, open, c1_all, c1_open, malformed;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(all, txn.ListActions("", false));
                    ASSIGN_OR_RETURN(open, txn.ListActions("", true));
                    ASSIGN_OR_RETURN(c1_all, txn.ListActions(c1, false));
                    ASSIGN_OR_RETURN(c1_open, txn.ListActions(c1, true));
                    ASSIGN_OR_RETURN(malformed, txn.ListActions("C1x", false));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(ActionIds(all), (std::vector<std::string>{a2, a4, a3, a1}));
  EXPECT_EQ(ActionIds(open), (std::vector<std::string>{a2, a4, a1}));
  EXPECT_EQ(ActionIds(c1_all), (std::vector<std::string>{a4, a3, a1}));
  EXPECT_EQ(ActionIds(c1_open), (std::vector<std::string>{a4, a1}));
  EXPECT_TRUE(malformed.empty());
}

TEST_F(SqliteStoreTest, ALinkRoundTripsAndIsFoundThroughAnyOfItsEpisodes) {
  std::string child = AddChild();
  std::vector<std::string> e;
  for (int i = 0; i < 4; ++i) {
    e.push_back(
        AddEpisode(SampleEpisode(child, absl::StrCat("L-", i))).episode_id);
  }
  std::vector<Link> inserted;
  ASSERT_TRUE(store_
                  ->Write([&](Transaction& txn) -> absl::Status {
                    for (std::vector<std::string> episodes :
                         {std::vector<std::string>{e[2], e[0]},
                          std::vector<std::string>{e[1], e[3]},
                          std::vector<std::string>{e[3]}}) {
                      Link link{.episode_ids = episodes,
                                .reason = "Found together",
                                .created_by = "coord1",
                                .created_at =
                                    At(static_cast<int64_t>(inserted.size()))};
                      ASSIGN_OR_RETURN(Link stored, txn.InsertLink(link));
                      inserted.push_back(stored);
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(inserted.size(), 3u);
  EXPECT_EQ(inserted[0].link_id, "L1");
  EXPECT_EQ(inserted[2].link_id, "L3");

  auto links_for = [&](std::vector<std::string> ids) {
    std::vector<Link> links;
    absl::Status status = store_->Read([&](Transaction& txn) -> absl::Status {
      ASSIGN_OR_RETURN(links, txn.ListLinksForEpisodes(ids));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return links;
  };
  std::vector<Link> first = links_for({e[0]});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].link_id, "L1");
  EXPECT_EQ(first[0].episode_ids, (std::vector<std::string>{e[0], e[2]}));
  EXPECT_EQ(first[0].reason, "Found together");
  EXPECT_EQ(first[0].created_by, "coord1");
  EXPECT_EQ(first[0].created_at, At(0));

  std::vector<Link> several = links_for({e[3], "E1x", e[2], "E99"});
  ASSERT_EQ(several.size(), 3u);
  EXPECT_EQ(several[0].link_id, "L1");
  EXPECT_EQ(several[1].link_id, "L2");
  EXPECT_EQ(several[1].episode_ids, (std::vector<std::string>{e[1], e[3]}));
  EXPECT_EQ(several[2].link_id, "L3");
  EXPECT_EQ(several[2].episode_ids, (std::vector<std::string>{e[3]}));
  EXPECT_EQ(several[2].created_at, At(2));

  EXPECT_TRUE(links_for({}).empty());
  EXPECT_TRUE(links_for({"E1x", "E01", "E99"}).empty());
}

TEST_F(SqliteStoreTest, ALinkNamingNoEpisodeIsNotFoundAndLeavesNothing) {
  std::string child = AddChild();
  std::string episode = AddEpisode(SampleEpisode(child, "R")).episode_id;
  for (const char* missing : {"E99", "E1x", "C1"}) {
    absl::Status status = store_->Write([&](Transaction& txn) {
      return txn
          .InsertLink(Link{.episode_ids = {episode, missing},
                           .reason = "r",
                           .created_by = "u",
                           .created_at = At(1)})
          .status();
    });
    EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  }
  std::vector<Link> links;
  ASSERT_TRUE(store_
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(links,
                                     txn.ListLinksForEpisodes({episode}));
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_TRUE(links.empty());
}

}  // namespace
}  // namespace mfh::storage
