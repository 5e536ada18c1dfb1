// The golden databases of every schema version (tests/storage/golden), each
// opened by the store as a file left by that release would be: migrated to
// the current version, with every table and index of the current schema, and
// its rows read back through the store with their values.
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/schema.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using testing::RawDb;
using testing::TempDir;

absl::Time Us(int64_t micros) { return absl::FromUnixMicros(micros); }

// golden/schema_vN.sql: the scripts of versions 1 to N as that release had
// them, then rows.
std::string GoldenSql(int version) {
  const std::string name = absl::StrCat("schema_v", version, ".sql");
  std::ifstream file(std::string(MFH_STORAGE_GOLDEN_DIR) + "/" + name);
  EXPECT_TRUE(file.good()) << "cannot read golden/" << name;
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Every table and index by name, so that a failure names what is missing.
std::vector<std::string> NamesOf(RawDb& raw) {
  return raw.Column(
      "SELECT type || ' ' || name FROM sqlite_schema ORDER BY type, name");
}

// Every table and index, with the SQL that made it.
std::vector<std::string> SchemaOf(RawDb& raw) {
  return raw.Column(
      "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') "
      "FROM sqlite_schema ORDER BY type, name");
}

std::string VersionName(const ::testing::TestParamInfo<int>& info) {
  return absl::StrCat("V", info.param);
}

class GoldenMigration : public ::testing::TestWithParam<int> {
 protected:
  int version() const { return GetParam(); }

  // The golden, written to a file and opened (so migrated) by the store.
  std::unique_ptr<SqliteStore> OpenGolden() {
    { RawDb(path_).Exec(GoldenSql(version())); }
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  TempDir dir_;
  std::string path_ = dir_.File("hub.db");
};

// Goldens of version 2 on hold meetings, notes, actions and links.
class GoldenMigrationSinceV2 : public GoldenMigration {};

INSTANTIATE_TEST_SUITE_P(EveryVersion, GoldenMigration,
                         ::testing::Range(1, kCurrentSchemaVersion + 1),
                         VersionName);
INSTANTIATE_TEST_SUITE_P(EveryVersionSinceTwo, GoldenMigrationSinceV2,
                         ::testing::Range(2, kCurrentSchemaVersion + 1),
                         VersionName);

TEST_P(GoldenMigration, ItsSchemaIsWhatTheScriptsUpToItsVersionBuild) {
  RawDb golden(dir_.File("golden.db"));
  golden.Exec(GoldenSql(version()));
  RawDb scripted(dir_.File("scripted.db"));
  for (int i = 0; i < version(); ++i) scripted.Exec(MigrationScripts()[i]);
  EXPECT_EQ(NamesOf(scripted), NamesOf(golden));
  EXPECT_EQ(SchemaOf(scripted), SchemaOf(golden));
  absl::StatusOr<int> recorded = ReadSchemaVersion(golden.db());
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(*recorded, version());
}

TEST_P(GoldenMigration, OpeningItMigratesToTheCurrentVersionAndSchema) {
  std::unique_ptr<SqliteStore> store = OpenGolden();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<int> migrated_version = store->SchemaVersion();
  ASSERT_TRUE(migrated_version.ok()) << migrated_version.status();
  EXPECT_EQ(*migrated_version, kCurrentSchemaVersion);
  store->Close();

  RawDb migrated(path_);
  EXPECT_EQ(migrated.Column("SELECT value FROM meta ORDER BY key"),
            std::vector<std::string>{absl::StrCat(kCurrentSchemaVersion)});
  // The same tables and indexes as a new file, made by the same SQL...
  const std::string fresh_path = dir_.File("fresh.db");
  { ASSERT_TRUE(SqliteStore::Open(fresh_path).ok()); }
  RawDb fresh(fresh_path);
  EXPECT_EQ(NamesOf(migrated), NamesOf(fresh));
  EXPECT_EQ(SchemaOf(migrated), SchemaOf(fresh));
  // ...and as the current version's golden, which no migration code builds.
  RawDb current(dir_.File("current.db"));
  current.Exec(GoldenSql(kCurrentSchemaVersion));
  EXPECT_EQ(NamesOf(migrated), NamesOf(current));
  EXPECT_EQ(SchemaOf(migrated), SchemaOf(current));
}

TEST_P(GoldenMigration, ItsVersionOneRowsReadBackWithTheirValues) {
  std::unique_ptr<SqliteStore> store = OpenGolden();
  ASSERT_NE(store, nullptr);
  std::optional<domain::Child> child;
  std::optional<domain::Episode> returned;
  std::optional<domain::Episode> open;
  std::optional<domain::Rhi> rhi;
  std::optional<StoredUser> user;
  std::vector<domain::Episode> open_at;
  std::vector<domain::Episode> returned_in;
  std::vector<domain::AuditRecord> audit_of_c1;
  ASSERT_TRUE(
      store
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(child, txn.FindChild("C1"));
            ASSIGN_OR_RETURN(returned, txn.FindEpisode("E1"));
            ASSIGN_OR_RETURN(open, txn.FindOpenEpisode("C1"));
            ASSIGN_OR_RETURN(rhi, txn.FindRhi("E1"));
            ASSIGN_OR_RETURN(user, txn.FindUserByName("alice"));
            // 2026-03-27T12:00Z: E1 is out, E2 and E3 not yet missing.
            ASSIGN_OR_RETURN(open_at, txn.ListEpisodesOpenAt(
                                          absl::FromUnixSeconds(1774612800)));
            ASSIGN_OR_RETURN(
                returned_in,
                txn.ListEpisodesReturnedIn(absl::FromUnixSeconds(1774605600),
                                           absl::FromUnixSeconds(1774692000)));
            ASSIGN_OR_RETURN(audit_of_c1, txn.ListAudit(std::nullopt, "C1",
                                                        Page{.limit = 1}));
            return absl::OkStatus();
          })
          .ok());

  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->name, "Golden Child");
  EXPECT_EQ(child->date_of_birth, absl::CivilDay(2011, 2, 28));
  EXPECT_EQ(child->la_ref, "LA-1");
  EXPECT_TRUE(child->looked_after);
  EXPECT_EQ(child->placing_authority, "Other Borough");
  EXPECT_EQ(child->created_at, Us(1774605600000000));
  ASSERT_EQ(child->flags.size(), 1u);
  EXPECT_EQ(child->flags[0].name, "cse_concern");
  EXPECT_EQ(child->flags[0].set_at, Us(1774605600000001));
  EXPECT_FALSE(child->flags[0].cleared_at.has_value());

  ASSERT_TRUE(returned.has_value());
  EXPECT_EQ(returned->child_id, "C1");
  EXPECT_EQ(returned->police_force, "Metropolitan");
  EXPECT_EQ(returned->police_ref, "REF-1");
  EXPECT_EQ(returned->category, domain::Category::kAbsent);
  EXPECT_EQ(returned->missing_since, Us(1774605600000000));
  EXPECT_EQ(returned->notified_at, Us(1774606500000000));
  EXPECT_EQ(returned->risk, domain::Risk::kMedium);
  EXPECT_EQ(returned->reporter, "PC Golden");
  EXPECT_EQ(returned->returned_at, Us(1774620000000000));
  EXPECT_EQ(returned->return_notified_at, Us(1774621800000000));
  EXPECT_EQ(returned->found_location, "Bus station");
  EXPECT_EQ(returned->found_with, "Alone");
  EXPECT_EQ(returned->returned_to, domain::ReturnedTo::kPlacement);
  ASSERT_EQ(returned->risk_history.size(), 1u);
  EXPECT_EQ(returned->risk_history[0].risk, domain::Risk::kMedium);
  EXPECT_EQ(returned->risk_history[0].from, Us(1774605600000000));
  EXPECT_EQ(returned->risk_history[0].recorded_by, "police1");
  EXPECT_EQ(returned->risk_history[0].reason, "initial");
  ASSERT_EQ(returned->corrections.size(), 1u);
  EXPECT_EQ(returned->corrections[0].at, Us(1774623600000000));
  EXPECT_EQ(returned->corrections[0].by, "coord1");
  EXPECT_EQ(returned->corrections[0].rpc, "UpdateEpisode");
  EXPECT_EQ(returned->corrections[0].reason, "typo");
  EXPECT_EQ(
      returned->corrections[0].changes,
      std::vector<std::string>{"found_location: Bus stop -> Bus station"});

  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->episode_id, "E2");
  EXPECT_EQ(open->police_ref, "REF-2");
  EXPECT_EQ(open->risk, domain::Risk::kHigh);
  EXPECT_FALSE(open->returned_at.has_value());

  ASSERT_TRUE(rhi.has_value());
  EXPECT_EQ(rhi->child_id, "C1");
  EXPECT_EQ(rhi->returned_at, Us(1774620000000000));
  EXPECT_EQ(rhi->return_notified_at, Us(1774621800000000));
  EXPECT_EQ(rhi->due_at, Us(1774881000000000));
  EXPECT_EQ(rhi->due_at_from_return, Us(1774879200000000));
  EXPECT_FALSE(rhi->offered_at.has_value());
  EXPECT_FALSE(rhi->completed_at.has_value());
  EXPECT_EQ(rhi->closure, domain::RhiClosure::kNone);
  EXPECT_FALSE(rhi->final_at().has_value());

  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->user.role, domain::Role::kCoordinator);
  EXPECT_EQ(user->user.created_at, Us(1774605600000000));
  EXPECT_FALSE(user->user.revoked_at.has_value());
  EXPECT_EQ(user->token_sha256, std::string(64, 'a'));

  // The indexes that later versions added cover the old rows.
  ASSERT_EQ(open_at.size(), 1u);
  EXPECT_EQ(open_at[0].episode_id, "E1");
  ASSERT_EQ(returned_in.size(), 1u);
  EXPECT_EQ(returned_in[0].episode_id, "E1");

  ASSERT_EQ(audit_of_c1.size(), 1u);
  EXPECT_EQ(audit_of_c1[0].audit_id, 1);
  EXPECT_EQ(audit_of_c1[0].at, Us(1774606500000000));
  EXPECT_EQ(audit_of_c1[0].user, "alice");
  EXPECT_EQ(audit_of_c1[0].role, domain::Role::kCoordinator);
  EXPECT_EQ(audit_of_c1[0].rpc, "ReportMissing");
  EXPECT_EQ(audit_of_c1[0].child_ids, std::vector<std::string>{"C1"});
  EXPECT_EQ(audit_of_c1[0].episode_ids, std::vector<std::string>{"E1"});
  EXPECT_EQ(audit_of_c1[0].outcome, "OK");
}

TEST_P(GoldenMigrationSinceV2, ItsVersionTwoRowsReadBackWithTheirValues) {
  std::unique_ptr<SqliteStore> store = OpenGolden();
  ASSERT_NE(store, nullptr);
  std::optional<domain::Child> second;
  std::optional<domain::Episode> with_second;
  std::optional<domain::Meeting> meeting;
  std::optional<domain::Meeting> by_day;
  std::vector<domain::Link> links;
  std::vector<domain::Action> open_actions;
  std::vector<domain::Action> actions_of_c2;
  std::vector<domain::Note> notes_of_c1;
  std::vector<domain::AuditRecord> audit;
  std::vector<domain::AuditRecord> audit_of_c2;
  ASSERT_TRUE(
      store
          ->Read([&](Transaction& txn) -> absl::Status {
            ASSIGN_OR_RETURN(second, txn.FindChild("C2"));
            ASSIGN_OR_RETURN(with_second, txn.FindOpenEpisode("C2"));
            ASSIGN_OR_RETURN(meeting, txn.FindMeeting("M1"));
            ASSIGN_OR_RETURN(by_day,
                             txn.FindMeetingByDay(absl::CivilDay(2026, 3, 30)));
            ASSIGN_OR_RETURN(links, txn.ListLinksForEpisodes({"E3"}));
            ASSIGN_OR_RETURN(open_actions, txn.ListOpenActions(std::nullopt));
            ASSIGN_OR_RETURN(actions_of_c2, txn.ListActions("C2", false));
            ASSIGN_OR_RETURN(notes_of_c1, txn.ListChildNotes("C1"));
            ASSIGN_OR_RETURN(audit,
                             txn.ListAudit(std::nullopt, "", Page{.limit = 0}));
            ASSIGN_OR_RETURN(audit_of_c2, txn.ListAudit(std::nullopt, "C2",
                                                        Page{.limit = 0}));
            return absl::OkStatus();
          })
          .ok());

  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->name, "Second Child");
  EXPECT_EQ(second->date_of_birth, absl::CivilDay(2010, 9, 15));
  EXPECT_FALSE(second->looked_after);
  EXPECT_EQ(second->placing_authority, "");
  ASSERT_EQ(second->flags.size(), 1u);
  EXPECT_EQ(second->flags[0].name, "cce_concern");
  EXPECT_EQ(second->flags[0].cleared_at, Us(1774860300000000));
  ASSERT_TRUE(with_second.has_value());
  EXPECT_EQ(with_second->episode_id, "E3");
  EXPECT_EQ(with_second->category, domain::Category::kMissing);
  EXPECT_EQ(with_second->notified_at, Us(1774642500000000));

  ASSERT_TRUE(meeting.has_value());
  EXPECT_EQ(meeting->meeting_id, "M1");
  EXPECT_EQ(meeting->day, absl::CivilDay(2026, 3, 30));
  EXPECT_EQ(meeting->state, domain::MeetingState::kClosed);
  EXPECT_EQ(meeting->as_of, Us(1774859400000000));
  // A serialised agenda of day "2026-03-30", as of 2026-03-30T08:30Z.
  EXPECT_EQ(meeting->frozen_agenda,
            std::string("\x0a\x0a"
                        "2026-03-30"
                        "\x12\x06\x08\x88\xe9\xa8\xce\x06",
                        20));
  EXPECT_EQ(meeting->attendees,
            (std::vector<std::string>{"alice", "PC Golden", "School nurse"}));
  EXPECT_EQ(meeting->opened_by, "alice");
  EXPECT_EQ(meeting->opened_at, Us(1774859400000000));
  EXPECT_EQ(meeting->closed_at, Us(1774862100000000));
  ASSERT_EQ(meeting->notes.size(), 3u);
  const domain::Note& decision = meeting->notes[1];
  EXPECT_EQ(decision.note_id, "N2");
  EXPECT_EQ(decision.meeting_id, "M1");
  EXPECT_EQ(decision.child_id, "C2");
  EXPECT_EQ(decision.text, "Refer both to the exploitation panel");
  EXPECT_TRUE(decision.decision);
  EXPECT_FALSE(decision.addendum);
  EXPECT_EQ(decision.author, "alice");
  EXPECT_EQ(decision.at, Us(1774860300000000));
  EXPECT_TRUE(meeting->notes[2].addendum);
  EXPECT_FALSE(meeting->notes[2].decision);
  ASSERT_EQ(meeting->actions.size(), 3u);
  const domain::Action& done = meeting->actions[0];
  EXPECT_EQ(done.action_id, "A1");
  EXPECT_EQ(done.child_id, "C1");
  EXPECT_EQ(done.meeting_id, "M1");
  EXPECT_EQ(done.meeting_day, absl::CivilDay(2026, 3, 30));
  EXPECT_EQ(done.what, "Home visit");
  EXPECT_EQ(done.who, "Social worker");
  EXPECT_EQ(done.by_when, Us(1774972800000000));
  EXPECT_EQ(done.done_when, "Visit recorded on file");
  EXPECT_EQ(done.worked_when, "No episode in 30 days");
  EXPECT_EQ(done.assignee, "alice");
  EXPECT_EQ(done.status, domain::ActionStatus::kDone);
  EXPECT_EQ(done.done_evidence, "Visit on 31 March");
  EXPECT_FALSE(done.addendum);
  EXPECT_EQ(done.created_by, "alice");
  EXPECT_EQ(done.created_at, Us(1774860600000000));
  EXPECT_EQ(done.closed_at, Us(1774969200000000));
  const domain::Action& dropped = meeting->actions[2];
  EXPECT_EQ(dropped.action_id, "A3");
  EXPECT_EQ(dropped.status, domain::ActionStatus::kDropped);
  EXPECT_EQ(dropped.drop_reason, "Held by the placing authority");
  EXPECT_TRUE(dropped.addendum);
  EXPECT_EQ(dropped.closed_at, Us(1774947600000000));
  ASSERT_TRUE(by_day.has_value());
  EXPECT_EQ(by_day->meeting_id, "M1");

  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].link_id, "L1");
  EXPECT_EQ(links[0].episode_ids, (std::vector<std::string>{"E2", "E3"}));
  EXPECT_EQ(links[0].reason, "missing together");
  EXPECT_EQ(links[0].created_by, "alice");
  EXPECT_EQ(links[0].created_at, Us(1774860000000000));

  ASSERT_EQ(open_actions.size(), 1u);
  EXPECT_EQ(open_actions[0].action_id, "A2");
  EXPECT_EQ(open_actions[0].status, domain::ActionStatus::kOpen);
  EXPECT_FALSE(open_actions[0].closed_at.has_value());
  // By by_when: the dropped strategy meeting (1 April) before the call.
  ASSERT_EQ(actions_of_c2.size(), 2u);
  EXPECT_EQ(actions_of_c2[0].action_id, "A3");
  EXPECT_EQ(actions_of_c2[1].action_id, "A2");

  ASSERT_EQ(notes_of_c1.size(), 2u);
  EXPECT_EQ(notes_of_c1[0].note_id, "N1");
  EXPECT_EQ(notes_of_c1[0].text, "Seen with older males at the bus station");
  EXPECT_EQ(notes_of_c1[1].note_id, "N3");
  EXPECT_EQ(notes_of_c1[1].at, Us(1774864800000000));

  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].audit_id, 2);
  EXPECT_EQ(audit[1].rpc, "OpenMeeting");
  EXPECT_EQ(audit[1].child_ids, (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(audit[1].episode_ids, (std::vector<std::string>{"E2", "E3"}));
  ASSERT_EQ(audit_of_c2.size(), 1u);
  EXPECT_EQ(audit_of_c2[0].audit_id, 2);
}

TEST_P(GoldenMigration, NewRecordsTakeTheNextIdsBesideTheOldOnes) {
  std::unique_ptr<SqliteStore> store = OpenGolden();
  ASSERT_NE(store, nullptr);
  domain::Episode episode;
  domain::Meeting meeting;
  ASSERT_TRUE(store
                  ->Write([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(std::optional<domain::Episode> open,
                                     txn.FindOpenEpisode("C1"));
                    if (!open.has_value()) {
                      return absl::NotFoundError("C1 has no open episode");
                    }
                    episode = *open;
                    episode.police_ref = "REF-NEW";
                    ASSIGN_OR_RETURN(episode, txn.InsertEpisode(episode));
                    meeting.day = absl::CivilDay(2026, 3, 31);
                    ASSIGN_OR_RETURN(meeting, txn.InsertMeeting(meeting));
                    return absl::OkStatus();
                  })
                  .ok());
  // Version 1 left two episodes and no meeting; version 2 on, three and one;
  // version 6, two more episodes (voided).
  EXPECT_EQ(episode.episode_id, version() == 1  ? "E3"
                                : version() < 6 ? "E4"
                                                : "E6");
  EXPECT_EQ(meeting.meeting_id, version() == 1 ? "M1" : "M2");
}

// The chain as verified through the store: the break, if any, and the
// entries found intact.
struct Verified {
  domain::AuditChainState state;
  std::optional<domain::AuditChainBreak> broken;
  int64_t intact = 0;
};

Verified VerifyChain(SqliteStore& store) {
  Verified verified;
  EXPECT_TRUE(store
                  .Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(verified.state, txn.ReadAuditChain());
                    domain::AuditChainVerifier verifier(verified.state);
                    RETURN_IF_ERROR(
                        txn.ScanAuditChain([&](const domain::AuditRecord& r,
                                               const domain::AuditLink& link) {
                          verifier.Add(r, link);
                          return absl::OkStatus();
                        }));
                    verified.broken = verifier.Finish();
                    verified.intact = verifier.intact();
                    return absl::OkStatus();
                  })
                  .ok());
  return verified;
}

// Versions 1 to 4 predate the chain: it starts after their rows, at the
// upgrade; version 5 chained its rows from the first.
TEST_P(GoldenMigration, TheAuditChainCoversEveryEntryFromWhereItBegan) {
  std::unique_ptr<SqliteStore> store = OpenGolden();
  ASSERT_NE(store, nullptr);
  const int64_t old_rows = version() == 1 ? 1 : 2;
  Verified before = VerifyChain(*store);
  EXPECT_EQ(before.broken, std::nullopt);
  EXPECT_EQ(before.state.first_id, version() < 5 ? old_rows + 1 : 1);
  EXPECT_EQ(before.state.head_id, old_rows);
  EXPECT_EQ(before.intact, version() < 5 ? 0 : old_rows);

  domain::AuditRecord record;
  record.at = Us(1774950000000000);
  record.user = "alice";
  record.role = domain::Role::kCoordinator;
  record.rpc = "GetChild";
  record.child_ids = {"C1"};
  record.outcome = "OK";
  ASSERT_TRUE(store
                  ->Write([&](Transaction& txn) -> absl::Status {
                    return txn.InsertAudit(record);
                  })
                  .ok());
  Verified after = VerifyChain(*store);
  EXPECT_EQ(after.broken, std::nullopt);
  EXPECT_EQ(after.state.head_id, old_rows + 1);
  EXPECT_EQ(after.intact, version() < 5 ? 1 : old_rows + 1);
}

// Version 6 voided two of C1's episodes (golden/schema_v6.sql): they read
// back voided, stay in the child's history, and leave every other selection
// (the version-one assertions above hold for the same file: E4 would be
// C1's open episode, E5 open at noon on the 27th and returned in the day).
TEST(GoldenMigrationV6, VoidedEpisodesStayInTheHistoryAndLeaveTheLists) {
  TempDir dir;
  const std::string path = dir.File("hub.db");
  { RawDb(path).Exec(GoldenSql(6)); }
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  std::optional<domain::Episode> e4;
  std::optional<domain::Rhi> rhi5;
  std::vector<domain::Episode> history;
  std::vector<domain::Episode> open;
  std::vector<domain::Rhi> owed;
  std::vector<domain::Rhi> due;
  ASSERT_TRUE((*store)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(e4, txn.FindEpisode("E4"));
                    ASSIGN_OR_RETURN(rhi5, txn.FindRhi("E5"));
                    ASSIGN_OR_RETURN(history, txn.ListEpisodes("C1", false));
                    ASSIGN_OR_RETURN(open, txn.ListEpisodes("", true));
                    ASSIGN_OR_RETURN(owed,
                                     txn.ListRhis(RhiFilter{
                                         .open_as_of = Us(1774702800000000)}));
                    ASSIGN_OR_RETURN(
                        due, txn.ListRhisDueInPeriod(Us(1774000000000000),
                                                     Us(1775000000000000)));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(e4.has_value());
  EXPECT_EQ(e4->voided_at, Us(1774702800000000));
  EXPECT_EQ(e4->void_reason, "Reported against the wrong child");
  ASSERT_TRUE(rhi5.has_value());
  EXPECT_EQ(rhi5->voided_at, Us(1774702800000000));
  std::vector<std::string> ids;
  for (const domain::Episode& e : history) ids.push_back(e.episode_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"E1", "E5", "E2", "E4"}));
  ids.clear();
  for (const domain::Episode& e : open) ids.push_back(e.episode_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"E2", "E3"}));
  ids.clear();
  for (const domain::Rhi& r : owed) ids.push_back(r.episode_id);
  EXPECT_EQ(ids, std::vector<std::string>{"E1"});
  ids.clear();
  for (const domain::Rhi& r : due) ids.push_back(r.episode_id);
  EXPECT_EQ(ids, std::vector<std::string>{"E1"});
}

// Version 7 added the child's profile and its history of changes
// (golden/schema_v7.sql): C2's read back with both; C1's are empty.
TEST(GoldenMigrationV7, AChildsProfileAndItsChangesReadBack) {
  TempDir dir;
  const std::string path = dir.File("hub.db");
  { RawDb(path).Exec(GoldenSql(7)); }
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  std::optional<domain::Child> c1;
  std::optional<domain::Child> c2;
  ASSERT_TRUE((*store)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(c1, txn.FindChild("C1"));
                    ASSIGN_OR_RETURN(c2, txn.FindChild("C2"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(c1.has_value());
  EXPECT_EQ(c1->profile, domain::ChildProfile{});
  EXPECT_TRUE(c1->history.empty());
  ASSERT_TRUE(c2.has_value());
  EXPECT_EQ(c2->profile,
            (domain::ChildProfile{
                .sex = "female",
                .ethnicity = "BAFR",
                .social_worker = "Jo Smith",
                .team = "North CIN",
                .placement = "Home",
                .school = "Elm High",
                .contacts = {"Mum: 07700 900123", "Aunt: 07700 900456"}}));
  ASSERT_EQ(c2->history.size(), 1u);
  EXPECT_EQ(c2->history[0].at, Us(1774950000000000));
  EXPECT_EQ(c2->history[0].by, "alice");
  EXPECT_EQ(c2->history[0].changes,
            (std::vector<std::string>{"school: Oak Academy -> Elm High",
                                      "team: - -> North CIN"}));
}

// Version 8 added what interviews find (golden/schema_v8.sql): E1's two
// versions of findings, oldest first, with their names, and its follow-up.
TEST(GoldenMigrationV8, FindingsAndFollowUpsReadBack) {
  TempDir dir;
  const std::string path = dir.File("hub.db");
  { RawDb(path).Exec(GoldenSql(8)); }
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  std::vector<domain::Findings> versions;
  std::vector<domain::FollowUp> follow_ups;
  ASSERT_TRUE((*store)
                  ->Read([&](Transaction& txn) -> absl::Status {
                    ASSIGN_OR_RETURN(versions, txn.ListFindings("E1"));
                    ASSIGN_OR_RETURN(follow_ups, txn.ListFollowUps("E1"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[0].push_factors,
            std::vector<std::string>{"PUSH_FAMILY_CONFLICT"});
  EXPECT_TRUE(versions[0].places.empty());
  EXPECT_EQ(versions[0].referral, domain::Referral::kNone);
  const domain::Findings& v2 = versions[1];
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.push_factors,
            (std::vector<std::string>{"PUSH_FAMILY_CONFLICT", "PUSH_OTHER"}));
  EXPECT_EQ(v2.push_other, "noise at home");
  EXPECT_EQ(v2.pull_factors, std::vector<std::string>{"PULL_OLDER_PEERS"});
  EXPECT_EQ(v2.indicators, std::vector<std::string>{"INDICATOR_CCE"});
  EXPECT_EQ(v2.places, std::vector<std::string>{"Wigan Bus Station"});
  EXPECT_EQ(v2.associates, std::vector<std::string>{"Jay"});
  EXPECT_EQ(v2.child_voice, "I wanted out");
  EXPECT_EQ(v2.referral, domain::Referral::kWise);
  EXPECT_TRUE(v2.share_with_police);
  EXPECT_EQ(v2.share_basis, "consent");
  EXPECT_EQ(v2.recorded_at, Us(1774952000000000));
  EXPECT_EQ(v2.acknowledged_at, Us(1774953000000000));
  EXPECT_EQ(v2.acknowledged_by, "pc1");
  ASSERT_EQ(follow_ups.size(), 1u);
  EXPECT_EQ(follow_ups[0].at, Us(1774954000000000));
  EXPECT_EQ(follow_ups[0].by, "Worker A");
  EXPECT_TRUE(follow_ups[0].engaged);
  EXPECT_EQ(follow_ups[0].notes, "met at school");
  EXPECT_EQ(follow_ups[0].recorded_by, "worker");
}

}  // namespace
}  // namespace mfh::storage
