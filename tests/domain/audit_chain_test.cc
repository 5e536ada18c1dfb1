#include "services/domain/audit_chain.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/sha256.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

using Kind = AuditChainBreak::Kind;

struct Entry {
  AuditRecord record;
  AuditLink link;
};

// Five entries written one after another, as the server writes them.
class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    state_.first_id = 1;
    state_.started_at = T("2026-12-02T05:30:00Z");
    state_.head_id = 0;
    for (int64_t id = 1; id <= 5; ++id) {
      AuditRecord r;
      r.audit_id = id;
      r.at = T("2026-12-02T06:00:00Z") + absl::Seconds(id);
      r.user = "sam";
      r.role = Role::kCoordinator;
      r.rpc = "GetChild";
      r.child_ids = {absl::StrCat("C", id)};
      r.outcome = "OK";
      AuditLink link = NextAuditLink(state_, r);
      link.indexed_children = r.child_ids;
      state_.head_id = id;
      state_.head_hash = link.hash;
      entries_.push_back({std::move(r), std::move(link)});
    }
  }

  std::optional<AuditChainBreak> Verify(const std::vector<Entry>& entries,
                                        const AuditChainState& state) {
    AuditChainVerifier verifier(state);
    for (const Entry& e : entries) {
      if (!verifier.Add(e.record, e.link)) break;
    }
    return verifier.Finish();
  }

  AuditChainState state_;
  std::vector<Entry> entries_;
};

TEST(Sha256Test, IsTheKnownDigestInLowercaseHex) {
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(AuditChainTest, AChainAsWrittenIsIntact) {
  AuditChainVerifier verifier(state_);
  for (const Entry& e : entries_) EXPECT_TRUE(verifier.Add(e.record, e.link));
  EXPECT_EQ(verifier.Finish(), std::nullopt);
  EXPECT_EQ(verifier.intact(), 5);
  EXPECT_EQ(verifier.last_hash(), state_.head_hash);
  EXPECT_EQ(entries_[1].link.previous_hash, entries_[0].link.hash);
  EXPECT_EQ(entries_[0].link.previous_hash,
            AuditChainAnchor(1, T("2026-12-02T05:30:00Z")));
}

TEST_F(AuditChainTest, EveryFieldIsCovered) {
  std::vector<void (*)(AuditRecord&)> edits = {
      [](AuditRecord& r) { r.at += absl::Microseconds(1); },
      [](AuditRecord& r) { r.user = "sam2"; },
      [](AuditRecord& r) { r.role = Role::kManager; },
      [](AuditRecord& r) { r.rpc = "ListChildren"; },
      [](AuditRecord& r) {
        r.child_ids = {"C3", "C9"};
      },
      [](AuditRecord& r) { r.episode_ids = {"E1"}; },
      [](AuditRecord& r) { r.outcome = "PERMISSION_DENIED"; },
      [](AuditRecord& r) { r.subject = "user x"; },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    std::vector<Entry> entries = entries_;
    edits[i](entries[2].record);
    std::optional<AuditChainBreak> broken = Verify(entries, state_);
    ASSERT_TRUE(broken.has_value()) << "edit " << i;
    EXPECT_EQ(broken->kind, Kind::kEdited) << "edit " << i;
    EXPECT_EQ(broken->audit_id, 3) << "edit " << i;
  }
}

TEST_F(AuditChainTest, FieldsCannotBeShiftedIntoOneAnother) {
  AuditRecord a = entries_[0].record;
  AuditRecord b = a;
  a.user = "sa";
  a.rpc = "mGetChild";
  b.user = "sam";
  b.rpc = "GetChild";
  EXPECT_NE(AuditEntryHash(a, "x"), AuditEntryHash(b, "x"));
}

TEST_F(AuditChainTest, AnEntryHiddenFromASearchByChildIsNamed) {
  // The entry is as written, but the index no longer files it under C3.
  entries_[2].link.indexed_children = {};
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 3 was edited: a search by child finds it under [] but "
            "it names [C3]");
}

TEST_F(AuditChainTest, AnEntryNamingAChildTwiceIsIndexedOnce) {
  AuditChainState state = state_;
  AuditRecord r = entries_[4].record;
  r.audit_id = 6;
  r.child_ids = {"C9", "C2", "C9"};
  AuditLink link = NextAuditLink(state, r);
  link.indexed_children = {"C2", "C9"};
  state.head_id = 6;
  state.head_hash = link.hash;
  entries_.push_back({r, link});
  EXPECT_EQ(Verify(entries_, state), std::nullopt);
}

TEST_F(AuditChainTest, AnEditedEntryIsNamed) {
  entries_[2].record.outcome = "NOT_FOUND";
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 3 was edited: its content no longer matches its hash");
}

TEST_F(AuditChainTest, ADeletedEntryIsNamedByTheGapItLeaves) {
  entries_.erase(entries_.begin() + 1);
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 2 was deleted: entry 3 follows entry 1");
}

TEST_F(AuditChainTest, ADeletedTailIsCaughtAgainstTheRecordedHead) {
  entries_.resize(3);
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 4 was deleted: the log ends at entry 3 but the "
            "server's last entry is 5");
}

TEST_F(AuditChainTest, AnEntryAppendedBehindTheServersBackIsInserted) {
  Entry forged = entries_[4];
  forged.record.audit_id = 6;
  forged.link = NextAuditLink(state_, forged.record);
  forged.link.indexed_children = forged.record.child_ids;
  entries_.push_back(forged);
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 6 was inserted: the server's last entry is 5");
}

TEST_F(AuditChainTest, AnEntryPutInTheGapOfADeletedOneIsInserted) {
  entries_[1].record.user = "mallory";
  entries_[1].link = {.previous_hash = "", .hash = "0"};
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 2 was inserted: neither its hash nor its link to "
            "entry 1 matches");
}

TEST_F(AuditChainTest, AnEntryWrittenAfterOneThatWasReplacedIsCaught) {
  // Entry 2 rewritten and re-hashed: entry 3 no longer follows it.
  entries_[1].record.user = "mallory";
  entries_[1].link.hash =
      AuditEntryHash(entries_[1].record, entries_[1].link.previous_hash);
  std::optional<AuditChainBreak> broken = Verify(entries_, state_);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 2 was edited: it was rewritten with a new hash: entry "
            "3 was written after another entry 2");
}

TEST_F(AuditChainTest, MovingTheStartPastChainedEntriesIsCaught) {
  // Everything declared to predate the chain: nothing would be checked.
  AuditChainState moved = state_;
  moved.first_id = 6;
  std::optional<AuditChainBreak> broken = Verify(entries_, moved);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 6 was edited: the chain's start was moved past entry "
            "1, which the server chained");
}

TEST_F(AuditChainTest, EntriesFromBeforeTheChainAreSkippedNotCounted) {
  // Entry 1 predates the chain, which began at entry 2.
  AuditChainState writing{.first_id = 2,
                          .started_at = T("2026-12-02T05:30:00Z"),
                          .head_id = 1,
                          .head_hash = ""};
  std::vector<Entry> chain = {
      {entries_[0].record, {.previous_hash = "", .hash = ""}}};
  for (int64_t id = 2; id <= 4; ++id) {
    Entry e{entries_[0].record, {}};
    e.record.audit_id = id;
    e.link = NextAuditLink(writing, e.record);
    e.link.indexed_children = e.record.child_ids;
    writing.head_id = id;
    writing.head_hash = e.link.hash;
    chain.push_back(e);
  }
  AuditChainVerifier verifier(writing);
  for (const Entry& e : chain) EXPECT_TRUE(verifier.Add(e.record, e.link));
  EXPECT_EQ(verifier.Finish(), std::nullopt);
  EXPECT_EQ(verifier.intact(), 3);
}

TEST_F(AuditChainTest, MovingTheStartOfTheChainBreaksIt) {
  AuditChainState moved = state_;
  moved.first_id = 2;
  std::vector<Entry> entries(entries_.begin() + 1, entries_.end());
  std::optional<AuditChainBreak> broken = Verify(entries, moved);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(Describe(*broken),
            "audit entry 2 was edited: the chain's start is not the one it was "
            "written from");
}

TEST_F(AuditChainTest, AChangedHeadIsCaught) {
  AuditChainState changed = state_;
  changed.head_hash = entries_[3].link.hash;
  std::optional<AuditChainBreak> broken = Verify(entries_, changed);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->kind, Kind::kEdited);
  EXPECT_EQ(broken->audit_id, 5);
}

TEST_F(AuditChainTest, AnEmptyChainIsIntact) {
  AuditChainState empty{.first_id = 7,
                        .started_at = T("2026-12-02T05:30:00Z"),
                        .head_id = 6,
                        .head_hash = ""};
  AuditChainVerifier verifier(empty);
  EXPECT_EQ(verifier.Finish(), std::nullopt);
  EXPECT_EQ(verifier.intact(), 0);
}

}  // namespace
}  // namespace mfh::domain
