// The audit's subjects and hash chain against the real mfh-server (DESIGN.md
// section 4): user changes on the host are audited as the unix user who made
// them; user administration, meetings, reports and audit reads name what
// they acted on; `mfh-server audit verify` finds a log the server wrote
// intact and names the first entry edited, deleted or inserted with plain
// SQL, changes nothing, and covers a database made before the chain from
// its upgrade on.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"
#include "services/storage/sqlite/schema.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using google::protobuf::util::TimeUtil;
using testing::CommandResult;
using testing::RunCommand;
using testing::ServerBinary;
using v1::AdminService;
using v1::ChildService;
using v1::MeetingService;
using v1::ReportService;

// One audit row as "user | role | rpc | subject | outcome"; rows oldest
// first.
using Rows = std::vector<std::string>;

constexpr char kSqlite[] = "/usr/bin/sqlite3";
constexpr char kSchemaV4[] =
    MFH_SOURCE_DIR "/tests/storage/golden/schema_v4.sql";
// What verify says of the last entry.
std::string LastEntryLine(int id, const std::string& hash) {
  return absl::StrCat("last entry ", id, ", hash ", hash, " (keep ", id, ":",
                      hash,
                      " off this host; audit verify --expect-head with it "
                      "shows later that nothing up to it was rewritten)");
}
// The day of testing::kTestNow in Europe/London.
constexpr char kTestDay[] = "2026-11-30";

// The audit's user for a change made on the host by whoever runs the test.
std::string HostActor() {
  const passwd* pw = getpwuid(geteuid());
  EXPECT_NE(pw, nullptr);
  return absl::StrCat("host:", pw != nullptr ? pw->pw_name : "");
}

// Plain SQL on the file through the sqlite3 shell; what it prints, without
// the last newline.
std::string Sql(const std::string& db, const std::string& sql) {
  CommandResult r = RunCommand({kSqlite, db, sql});
  EXPECT_EQ(r.exit_code, 0) << sql << ": " << r.err;
  return std::string(absl::StripTrailingAsciiWhitespace(r.out));
}

CommandResult Verify(const std::string& db) {
  return RunCommand({ServerBinary(), "audit", "verify", "--db", db});
}

// Verify's verdict on `db`: exit 1, the first break, and how many entries
// before it are intact.
void ExpectBroken(const std::string& db, const std::string& verdict,
                  int intact) {
  CommandResult r = Verify(db);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, absl::StrCat("audit chain broken: ", verdict, "\nthe ",
                                intact, " entries before it are intact\n"));
  EXPECT_EQ(r.err, "");
}

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Row(const v1::AuditEntry& e) {
  return absl::StrCat(e.user(), " | ", v1::Role_Name(e.role()), " | ", e.rpc(),
                      " | ", e.subject(), " | ", e.outcome());
}

// The rows of `rpc`, or every row when it is empty.
Rows RowsOf(const std::vector<v1::AuditEntry>& entries,
            const std::string& rpc) {
  Rows rows;
  for (const v1::AuditEntry& e : entries) {
    if (rpc.empty() || e.rpc() == rpc) rows.push_back(Row(e));
  }
  return rows;
}

absl::Time TimeOf(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(ts));
}

class AuditChainE2eTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = dir_.File("hub.db"); }

  // `mfh-server user add ROLE-user --role ROLE` for each role: one host row
  // each.
  void AddUsers(const std::vector<std::string>& roles) {
    for (const std::string& role : roles) {
      tokens_[role] = testing::AddUser(db_, role + "-user", role);
    }
  }

  void StartServer() {
    auto server = testing::ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    children_ = ChildService::NewStub(channel);
    meetings_ = MeetingService::NewStub(channel);
    reports_ = ReportService::NewStub(channel);
    admin_ = AdminService::NewStub(channel);
  }

  // A clean stop commits the batched read audit and checkpoints the WAL
  // into the file, so that the file alone holds the whole log. The stubs
  // close this client's connection first, so that the drain need not wait.
  void StopServer() {
    children_.reset();
    meetings_.reset();
    reports_.reset();
    admin_.reset();
    EXPECT_EQ(server_->Stop(), 0) << server_->Log();
  }

  // Calls `method` as `role`; the status, the response in `resp`.
  template <typename Stub, typename Request, typename Response>
  grpc::Status Call(Stub& stub,
                    grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                 const Request&, Response*),
                    const std::string& role, const Request& req,
                    Response* resp) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(10));
    ctx.AddMetadata("authorization", "Bearer " + tokens_.at(role));
    return (stub.*method)(&ctx, req, resp);
  }

  // Calls `method` as `role`, expecting OK; the response.
  template <typename Stub, typename Request, typename Response>
  Response Ok(Stub& stub,
              grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                           Response*),
              const std::string& role, const Request& req) {
    Response resp;
    grpc::Status s = Call(stub, method, role, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  std::string CreateChild(const std::string& name) {
    v1::CreateChildRequest req;
    req.set_name(name);
    req.set_date_of_birth("2012-05-14");
    return Ok(*children_, &ChildService::Stub::CreateChild, "coordinator", req)
        .child()
        .child_id();
  }

  void GetChild(const std::string& child_id) {
    v1::GetChildRequest req;
    req.set_child_id(child_id);
    EXPECT_EQ(Ok(*children_, &ChildService::Stub::GetChild, "manager", req)
                  .child()
                  .child_id(),
              child_id);
  }

  v1::CloseMeetingRequest Closing(const std::string& meeting_id) {
    v1::CloseMeetingRequest req;
    req.set_meeting_id(meeting_id);
    req.add_attendees("coordinator-user");
    return req;
  }

  // Every audit row, oldest first, read by the admin in one call (the read
  // audit is flushed before it; its own row comes after it).
  std::vector<v1::AuditEntry> AllAudit() {
    v1::ListAuditRequest req;
    req.set_page_size(1000);
    v1::ListAuditResponse page =
        Ok(*admin_, &AdminService::Stub::ListAudit, "admin", req);
    EXPECT_EQ(page.next_page_token(), "");
    return {page.entries().begin(), page.entries().end()};
  }

  // A hub the server wrote and read, then stopped: 9 entries.
  void WriteAndReadHub() {
    AddUsers({"coordinator", "manager", "admin"});
    StartServer();
    EXPECT_EQ(CreateChild("Child One"), "C1");
    EXPECT_EQ(CreateChild("Child Two"), "C2");
    const v1::Meeting meeting =
        Ok(*meetings_, &MeetingService::Stub::OpenMeeting, "coordinator",
           v1::OpenMeetingRequest())
            .meeting();
    EXPECT_EQ(meeting.meeting_id(), "M1");
    Ok(*meetings_, &MeetingService::Stub::CloseMeeting, "coordinator",
       Closing("M1"));
    GetChild("C1");
    GetChild("C2");
    StopServer();
    ASSERT_EQ(Sql(db_,
                  "SELECT group_concat(id || ':' || rpc || ':' || child_ids, "
                  "' ') FROM (SELECT id, rpc, child_ids FROM audit ORDER BY "
                  "id)"),
              "1:AddUser: 2:AddUser: 3:AddUser: 4:CreateChild:C1 "
              "5:CreateChild:C2 6:OpenMeeting: 7:CloseMeeting: 8:GetChild:C1 "
              "9:GetChild:C2");
  }

  // A fresh copy of the database, for one tampering.
  std::string CopyOf(const std::string& name) {
    const std::string copy = dir_.File(name);
    std::filesystem::copy_file(db_, copy);
    return copy;
  }

  // The golden database of schema version 4, as the release before the
  // chain left it: two audit entries.
  void LoadSchemaV4() {
    CommandResult r =
        RunCommand({kSqlite, db_, absl::StrCat(".read ", kSchemaV4)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The server opens only a file that no other user can read.
    std::filesystem::permissions(db_, std::filesystem::perms::owner_read |
                                          std::filesystem::perms::owner_write);
    ASSERT_EQ(Sql(db_, "SELECT value FROM meta WHERE key = 'schema_version'"),
              "4");
  }

  testing::TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<ChildService::Stub> children_;
  std::unique_ptr<MeetingService::Stub> meetings_;
  std::unique_ptr<ReportService::Stub> reports_;
  std::unique_ptr<AdminService::Stub> admin_;
};

TEST_F(AuditChainE2eTest, HostUserAddAndRevokeAreAuditedAsTheUnixUser) {
  const absl::Time before = absl::Now();
  AddUsers({"admin"});
  CommandResult added = RunCommand(
      {ServerBinary(), "user", "add", "sam", "--role", "police", "--db", db_});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  CommandResult revoked =
      RunCommand({ServerBinary(), "user", "revoke", "sam", "--db", db_});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_EQ(revoked.out, "user sam revoked\n");
  const absl::Time after = absl::Now();

  StartServer();
  const std::vector<v1::AuditEntry> entries = AllAudit();
  const std::string host = HostActor();
  EXPECT_EQ(
      RowsOf(entries, ""),
      (Rows{host + " | ROLE_UNSPECIFIED | AddUser | user admin-user as admin "
                   "| OK",
            host + " | ROLE_UNSPECIFIED | AddUser | user sam as police | OK",
            host + " | ROLE_UNSPECIFIED | RevokeUser | user sam | OK"}));
  for (const v1::AuditEntry& e : entries) {
    EXPECT_EQ(e.child_ids_size(), 0) << e.audit_id();
    EXPECT_EQ(e.episode_ids_size(), 0) << e.audit_id();
    // The host's own clock, not the server's test clock.
    EXPECT_GE(TimeOf(e.at()), absl::FromUnixMicros(absl::ToUnixMicros(before)))
        << e.audit_id();
    EXPECT_LE(TimeOf(e.at()), after) << e.audit_id();
  }
}

TEST_F(AuditChainE2eTest, AFailedHostCommandLeavesNoAuditRow) {
  AddUsers({"admin"});
  CommandResult unknown =
      RunCommand({ServerBinary(), "user", "revoke", "nobody", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "mfh-server: name: no user nobody\n");
  CommandResult twice = RunCommand({ServerBinary(), "user", "add", "admin-user",
                                    "--role", "police", "--db", db_});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_EQ(twice.err,
            "mfh-server: name: a user named admin-user already exists\n");

  EXPECT_EQ(Sql(db_, "SELECT id || ' ' || rpc || ' ' || subject FROM audit"),
            "1 AddUser user admin-user as admin");
  CommandResult verified = Verify(db_);
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_TRUE(absl::StartsWith(verified.out, "audit chain intact: 1 entries\n"))
      << verified.out;
}

TEST_F(AuditChainE2eTest, UserAdministrationOverTheApiNamesTheUserAndTheRole) {
  AddUsers({"coordinator", "admin"});
  StartServer();
  v1::AddUserRequest pat;
  pat.set_name("pat");
  pat.set_role(v1::ROLE_POLICE);
  EXPECT_EQ(
      Ok(*admin_, &AdminService::Stub::AddUser, "admin", pat).user().name(),
      "pat");
  v1::RevokeUserRequest revoke;
  revoke.set_name("pat");
  Ok(*admin_, &AdminService::Stub::RevokeUser, "admin", revoke);
  v1::AddUserRequest eve;
  eve.set_name("eve");
  eve.set_role(v1::ROLE_RHI_WORKER);
  v1::AddUserResponse refused;
  EXPECT_EQ(
      Call(*admin_, &AdminService::Stub::AddUser, "coordinator", eve, &refused)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);

  const std::vector<v1::AuditEntry> entries = AllAudit();
  const std::string host = HostActor();
  EXPECT_EQ(
      RowsOf(entries, "AddUser"),
      (Rows{host + " | ROLE_UNSPECIFIED | AddUser | user coordinator-user as "
                   "coordinator | OK",
            host + " | ROLE_UNSPECIFIED | AddUser | user admin-user as admin "
                   "| OK",
            "admin-user | ROLE_ADMIN | AddUser | user pat as police | OK",
            "coordinator-user | ROLE_COORDINATOR | AddUser | user eve as "
            "rhi_worker | PERMISSION_DENIED"}));
  EXPECT_EQ(RowsOf(entries, "RevokeUser"),
            (Rows{"admin-user | ROLE_ADMIN | RevokeUser | user pat | OK"}));
}

TEST_F(AuditChainE2eTest, MeetingsReportsAndAuditReadsNameWhatTheyActedOn) {
  AddUsers({"coordinator", "manager", "admin"});
  StartServer();
  EXPECT_EQ(CreateChild("Child One"), "C1");
  // The day from the server's clock: the test clock's.
  const v1::Meeting opened = Ok(*meetings_, &MeetingService::Stub::OpenMeeting,
                                "coordinator", v1::OpenMeetingRequest())
                                 .meeting();
  EXPECT_EQ(opened.meeting_id(), "M1");
  EXPECT_EQ(opened.day(), kTestDay);
  v1::CloseMeetingResponse closed;
  EXPECT_EQ(Call(*meetings_, &MeetingService::Stub::CloseMeeting, "manager",
                 Closing("M1"), &closed)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  Ok(*meetings_, &MeetingService::Stub::CloseMeeting, "coordinator",
     Closing("M1"));
  v1::GetMeetingRequest by_day;
  by_day.set_day(kTestDay);
  Ok(*meetings_, &MeetingService::Stub::GetMeeting, "manager", by_day);
  v1::MonthlyReportRequest month;
  month.set_month("2026-11");
  Ok(*reports_, &ReportService::Stub::MonthlyReport, "manager", month);
  v1::ListAuditRequest of_child;
  of_child.set_child_id("C1");
  Ok(*admin_, &AdminService::Stub::ListAudit, "admin", of_child);

  const std::vector<v1::AuditEntry> entries = AllAudit();
  const std::string meeting = absl::StrCat("meeting M1 of ", kTestDay);
  EXPECT_EQ(RowsOf(entries, "OpenMeeting"),
            (Rows{"coordinator-user | ROLE_COORDINATOR | OpenMeeting | " +
                  meeting + " | OK"}));
  // A refusal is audited through the batched writer, a write in its own
  // transaction: their order in the log is not the order of the calls.
  Rows closings = RowsOf(entries, "CloseMeeting");
  std::sort(closings.begin(), closings.end());
  EXPECT_EQ(closings,
            (Rows{"coordinator-user | ROLE_COORDINATOR | CloseMeeting | " +
                      meeting + " | OK",
                  "manager-user | ROLE_MANAGER | CloseMeeting | meeting M1 | "
                  "PERMISSION_DENIED"}));
  EXPECT_EQ(RowsOf(entries, "GetMeeting"),
            (Rows{"manager-user | ROLE_MANAGER | GetMeeting | " + meeting +
                  " | OK"}));
  EXPECT_EQ(RowsOf(entries, "MonthlyReport"),
            (Rows{"manager-user | ROLE_MANAGER | MonthlyReport | period "
                  "2026-11 | OK"}));
  EXPECT_EQ(RowsOf(entries, "ListAudit"),
            (Rows{"admin-user | ROLE_ADMIN | ListAudit | audit of child C1 | "
                  "OK"}));
}

TEST_F(AuditChainE2eTest, VerifyFindsTheServersLogIntactAndChangesNothing) {
  WriteAndReadHub();
  const std::string before = Contents(db_);
  CommandResult r = Verify(db_);
  const std::string after = Contents(db_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> lines = absl::StrSplit(r.out, '\n');
  EXPECT_EQ(lines.front(),
            absl::StrCat("audit chain intact: ",
                         Sql(db_, "SELECT COUNT(*) FROM audit"), " entries"));
  const std::string last_hash = Sql(db_, "SELECT hash FROM audit WHERE id = 9");
  EXPECT_EQ(last_hash.size(), 64u);
  EXPECT_EQ(Sql(db_, "SELECT head_id || ' ' || head_hash FROM audit_chain"),
            "9 " + last_hash);
  EXPECT_EQ(r.out, absl::StrCat("audit chain intact: 9 entries\n",
                                LastEntryLine(9, last_hash), "\n"));
  EXPECT_EQ(after.size(), before.size());
  EXPECT_TRUE(after == before) << "audit verify changed the database file";
}

// A tail cut off with the recorded head moved back to match, or a start
// moved past everything: the chain alone cannot see the first, the kept
// head can; the second it sees itself.
TEST_F(AuditChainE2eTest, AKeptHeadCatchesATailCutWithTheHeadMovedBack) {
  WriteAndReadHub();
  const std::string kept =
      absl::StrCat("9:", Sql(db_, "SELECT hash FROM audit WHERE id = 9"));
  CommandResult before = RunCommand(
      {ServerBinary(), "audit", "verify", "--db", db_, "--expect-head", kept});
  EXPECT_EQ(before.exit_code, 0) << before.out << before.err;

  const std::string cut = CopyOf("cut.db");
  Sql(cut,
      "DELETE FROM audit_children WHERE audit_id > 7; "
      "DELETE FROM audit WHERE id > 7; "
      "UPDATE audit_chain SET head_id = 7, "
      "head_hash = (SELECT hash FROM audit WHERE id = 7)");
  EXPECT_EQ(Verify(cut).exit_code, 0);
  CommandResult caught = RunCommand(
      {ServerBinary(), "audit", "verify", "--db", cut, "--expect-head", kept});
  EXPECT_EQ(caught.exit_code, 1);
  EXPECT_EQ(caught.out,
            "audit chain broken: audit entry 9 is gone: the log was rewritten "
            "since that hash was kept\n");

  const std::string moved = CopyOf("moved.db");
  Sql(moved, "UPDATE audit_chain SET first_id = 10");
  ExpectBroken(moved,
               "audit entry 10 was edited: the chain's start was moved past "
               "entry 1, which the server chained",
               0);
}

TEST_F(AuditChainE2eTest, VerifyNamesAnEntryWhoseOutcomeOrUserWasEdited) {
  WriteAndReadHub();
  const std::string outcome = CopyOf("outcome.db");
  Sql(outcome, "UPDATE audit SET outcome = 'PERMISSION_DENIED' WHERE id = 5");
  ExpectBroken(outcome,
               "audit entry 5 was edited: its content no longer matches its "
               "hash",
               4);
  const std::string user = CopyOf("user.db");
  Sql(user, "UPDATE audit SET user = 'coordinator-user' WHERE id = 8");
  ExpectBroken(user,
               "audit entry 8 was edited: its content no longer matches its "
               "hash",
               7);
}

TEST_F(AuditChainE2eTest, VerifyNamesAnEntryDeletedFromTheMiddle) {
  WriteAndReadHub();
  const std::string copy = CopyOf("deleted.db");
  Sql(copy, "DELETE FROM audit WHERE id = 5");
  ExpectBroken(copy, "audit entry 5 was deleted: entry 6 follows entry 4", 4);
}

// The rows stay as written; the index that `mfh audit list --child` reads is
// changed, so that a search for C1 would miss a read of C1.
TEST_F(AuditChainE2eTest, VerifyNamesAnEntryHiddenFromASearchByChild) {
  WriteAndReadHub();
  const std::string hidden = CopyOf("hidden.db");
  Sql(hidden, "DELETE FROM audit_children WHERE audit_id = 8");
  ExpectBroken(hidden,
               "audit entry 8 was edited: a search by child finds it under [] "
               "but it names [C1]",
               7);
  const std::string moved = CopyOf("moved.db");
  Sql(moved, "UPDATE audit_children SET child_id = 'C2' WHERE audit_id = 4");
  ExpectBroken(moved,
               "audit entry 4 was edited: a search by child finds it under "
               "[C2] but it names [C1]",
               3);
}

TEST_F(AuditChainE2eTest, VerifyNamesTheFirstOfTheEntriesCutFromTheEnd) {
  WriteAndReadHub();
  const std::string copy = CopyOf("cut.db");
  Sql(copy, "DELETE FROM audit WHERE id >= 8");
  ExpectBroken(copy,
               "audit entry 8 was deleted: the log ends at entry 7 but the "
               "server's last entry is 9",
               7);
}

TEST_F(AuditChainE2eTest, VerifyNamesAnEntryInsertedAtTheEnd) {
  WriteAndReadHub();
  const std::string copy = CopyOf("inserted.db");
  // A row that even follows the last entry's hash.
  Sql(copy,
      "INSERT INTO audit(at, user, role, rpc, child_ids, episode_ids, "
      "outcome, subject, previous_hash, hash) SELECT at + 1, 'manager-user', "
      "role, 'GetChild', 'C1', '', 'OK', '', hash, hash FROM audit WHERE id "
      "= 9");
  ASSERT_EQ(Sql(copy, "SELECT MAX(id) FROM audit"), "10");
  ExpectBroken(copy,
               "audit entry 10 was inserted: the server's last entry is 9", 9);
}

TEST_F(AuditChainE2eTest, VerifyNamesTheFirstOfTwoEntriesWhoseChildrenSwapped) {
  WriteAndReadHub();
  const std::string copy = CopyOf("swapped.db");
  Sql(copy,
      "UPDATE audit SET child_ids = CASE id WHEN 4 THEN 'C2' ELSE 'C1' END "
      "WHERE id IN (4, 5)");
  ASSERT_EQ(Sql(copy,
                "SELECT group_concat(child_ids, ' ') FROM (SELECT child_ids "
                "FROM audit WHERE id IN (4, 5) ORDER BY id)"),
            "C2 C1");
  ExpectBroken(copy,
               "audit entry 4 was edited: its content no longer matches its "
               "hash",
               3);
}

TEST_F(AuditChainE2eTest, VerifyOfAMissingFileExitsTwoAndCreatesNothing) {
  const std::string missing = dir_.File("missing.db");
  CommandResult r = Verify(missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, absl::StrCat("mfh-server: audit verify --db ", missing,
                                ": no such file\n"));
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(AuditChainE2eTest, VerifyRefusesAVersionFourFileAndLeavesItUnmigrated) {
  LoadSchemaV4();
  const std::string before = Contents(db_);
  CommandResult r = Verify(db_);
  const std::string after = Contents(db_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            absl::StrCat("mfh-server: audit verify --db ", db_, ": ", db_,
                         " is at schema version 4, this mfh-server's is ",
                         storage::kCurrentSchemaVersion,
                         "; start the server on it once to upgrade it\n"));
  EXPECT_TRUE(after == before) << "audit verify changed the database file";
  EXPECT_EQ(Sql(db_, "SELECT value FROM meta WHERE key = 'schema_version'"),
            "4");
  EXPECT_EQ(Sql(db_,
                "SELECT COUNT(*) FROM sqlite_schema WHERE name = "
                "'audit_chain'"),
            "0");
}

TEST_F(AuditChainE2eTest,
       AnUpgradedFileIsVerifiedFromTheFirstEntryAfterTheUpgrade) {
  LoadSchemaV4();
  const absl::Time before = absl::Now();
  AddUsers({"manager"});  // upgrades the file; its row is the chain's first
  const absl::Time after = absl::Now();
  StartServer();
  GetChild("C1");
  StopServer();
  ASSERT_EQ(Sql(db_, "SELECT value FROM meta WHERE key = 'schema_version'"),
            absl::StrCat(storage::kCurrentSchemaVersion));
  ASSERT_EQ(Sql(db_,
                "SELECT group_concat(id || ':' || rpc, ' ') FROM (SELECT id, "
                "rpc FROM audit ORDER BY id)"),
            "1:ReportMissing 2:OpenMeeting 3:AddUser 4:GetChild");

  CommandResult r = Verify(db_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n');
  ASSERT_EQ(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[3], "");
  // Only the entries written since the upgrade are counted.
  EXPECT_EQ(lines[0],
            absl::StrCat("audit chain intact: ",
                         Sql(db_,
                             "SELECT COUNT(*) FROM audit WHERE id >= (SELECT "
                             "first_id FROM audit_chain)"),
                         " entries"));
  EXPECT_EQ(lines[0], "audit chain intact: 2 entries");
  constexpr absl::string_view kBegins =
      "the chain begins at entry 3, when this database was upgraded to a "
      "chained audit on ";
  constexpr absl::string_view kNotCovered =
      "; entries 1 to 2 were written before it and are not covered";
  ASSERT_TRUE(absl::StartsWith(lines[1], kBegins)) << lines[1];
  ASSERT_TRUE(absl::EndsWith(lines[1], kNotCovered)) << lines[1];
  const std::string upgraded = lines[1].substr(
      kBegins.size(), lines[1].size() - kBegins.size() - kNotCovered.size());
  absl::Time upgraded_at;
  std::string error;
  ASSERT_TRUE(absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", upgraded,
                              absl::UTCTimeZone(), &upgraded_at, &error))
      << upgraded << ": " << error;
  // The upgrade's time is the host's, to the second.
  EXPECT_GE(upgraded_at, absl::FromUnixSeconds(absl::ToUnixSeconds(before)));
  EXPECT_LE(upgraded_at, after);
  EXPECT_EQ(lines[2],
            LastEntryLine(4, Sql(db_, "SELECT hash FROM audit WHERE id = 4")));
}

}  // namespace
}  // namespace mfh
