// The runner's one door, on a real SQLite store in a temporary file: the
// order of the checks (authenticate, role, fields, NOT_FOUND, retry,
// precondition), what each refusal leaves in the audit, and the ids the
// audit rows name.
#include "services/app/runner.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/app/admin.h"
#include "services/app/audit_log.h"
#include "services/app/authenticator.h"
#include "services/app/change_feed.h"
#include "services/app/children.h"
#include "services/app/episodes.h"
#include "services/domain/clock.h"
#include "services/domain/policy.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh::app {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::Time kNow = absl::FromUnixSeconds(1774605600);  // 2026-03-27 10:00Z

// What the probing use case returns: it names no child of its own.
struct Answer {
  int value = 0;
};
void AddSubjects(const Answer&, AuditSubjects&) {}

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat(
               "runner_test_", ::getpid(), "_",
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    auto store = storage::SqliteStore::Open((dir_ / "hub.db").string());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    policy_.timezone = absl::UTCTimeZone();
    audit_ = std::make_unique<AuditLog>(*store_);
    authenticator_ = std::make_unique<Authenticator>(*store_);
    runner_ = std::make_unique<Runner>(*store_, *authenticator_, *audit_, feed_,
                                       clock_, policy_.timezone);
    children_ = std::make_unique<Children>(*runner_, policy_, pages_);
    episodes_ = std::make_unique<Episodes>(*runner_, policy_, pages_);
    coordinator_ = Token("coordinator-user", domain::Role::kCoordinator);
    police_ = Token("police-user", domain::Role::kPolice);
  }

  void TearDown() override {
    episodes_.reset();
    children_.reset();
    runner_.reset();
    audit_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Call Token(const std::string& name, domain::Role role) {
    absl::StatusOr<NewUser> user =
        CreateUser(*store_, name, role, kNow, "host:test");
    EXPECT_TRUE(user.ok()) << user.status();
    return Call{.token = user->token, .undecodable = absl::OkStatus()};
  }

  std::string AddChild() {
    absl::StatusOr<domain::Child> child = children_->CreateChild(
        coordinator_,
        domain::NewChild{.name = "A Child", .date_of_birth = "2012-05-14"});
    EXPECT_TRUE(child.ok()) << child.status();
    return child->child_id;
  }

  domain::MissingReport Report(const std::string& child_id,
                               const std::string& ref) {
    domain::MissingReport report;
    report.child_id = child_id;
    report.police_force = "MET";
    report.police_ref = ref;
    report.missing_since = kNow - absl::Hours(5);
    report.notified_at = kNow - absl::Hours(4);
    report.risk = domain::Risk::kMedium;
    return report;
  }

  // Every audit row, oldest first, as "user rpc outcome [children]
  // [episodes]", then the subject when there is one.
  std::vector<std::string> AuditRows() {
    audit_->Flush();
    std::vector<std::string> rows;
    absl::Status read = store_->Read([&](storage::Transaction& tx) {
      absl::StatusOr<std::vector<domain::AuditRecord>> records =
          tx.ListAudit(std::nullopt, "", storage::Page{.limit = 1000});
      if (!records.ok()) return records.status();
      for (const domain::AuditRecord& r : *records) {
        // The users the fixture added (CreateUserIsAuditedAsItsActor).
        if (r.user == "host:test") continue;
        rows.push_back(absl::StrCat(
            r.user, " ", r.rpc, " ", r.outcome, " [",
            absl::StrJoin(r.child_ids, ","), "] [",
            absl::StrJoin(r.episode_ids, ","), "]",
            r.subject.empty() ? "" : absl::StrCat(" ", r.subject)));
      }
      return absl::OkStatus();
    });
    EXPECT_TRUE(read.ok()) << read;
    return rows;
  }

  // A read through the runner that records which steps ran.
  absl::StatusOr<Answer> Probe(const Call& call, const ReadCall& spec,
                               absl::Status validation,
                               absl::StatusOr<Answer> result) {
    return runner_->Read<Answer>(
        call, spec, ProbeRequest{},
        [&](const Context&) {
          steps_.push_back("validate");
          return validation;
        },
        [&](storage::Transaction&, const Context& ctx) {
          steps_.push_back(absl::StrCat("body as ", ctx.principal.name));
          return result;
        });
  }

  struct ProbeRequest {
    std::string child_id = "C7";
  };

  std::filesystem::path dir_;
  std::unique_ptr<storage::SqliteStore> store_;
  domain::Policy policy_;
  domain::FixedClock clock_{kNow};
  ChangeFeed feed_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<Runner> runner_;
  PageTokens pages_;
  std::unique_ptr<Children> children_;
  std::unique_ptr<Episodes> episodes_;
  Call coordinator_;
  Call police_;
  std::vector<std::string> steps_;
};

TEST_F(RunnerTest, CreateUserIsAuditedAsItsActorWithTheUserAndRole) {
  absl::StatusOr<NewUser> added =
      CreateUser(*store_, "jo", domain::Role::kPolice, kNow, "host:ops");
  ASSERT_TRUE(added.ok()) << added.status();
  absl::StatusOr<domain::User> revoked =
      RevokeUser(*store_, "jo", kNow + absl::Seconds(1), "host:ops");
  ASSERT_TRUE(revoked.ok()) << revoked.status();
  EXPECT_EQ(AuditRows(), (std::vector<std::string>{
                             "host:ops AddUser OK [] [] user jo as police",
                             "host:ops RevokeUser OK [] [] user jo"}));
  // A refused change writes nothing.
  EXPECT_EQ(RevokeUser(*store_, "nobody", kNow, "host:ops").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(AuditRows().size(), 2u);
}

TEST_F(RunnerTest, AnUnknownTokenIsRefusedFirstAndAuditedWithItsPeer) {
  Call stranger{.token = "not-a-token",
                .peer = "ipv4:10.0.0.7:5000",
                .undecodable = absl::InvalidArgumentError("at: bad")};
  absl::StatusOr<Answer> answer =
      Probe(stranger, calls::kMonthlyReport,
            absl::InvalidArgumentError("month: bad"), Answer{});
  EXPECT_EQ(answer.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(answer.status().message(),
            "authorization: the token is unknown or revoked");
  Call none{.token = "", .peer = "ipv6:[::1]:6000"};
  EXPECT_EQ(Probe(none, calls::kGetChild, absl::OkStatus(), Answer{})
                .status()
                .message(),
            "authorization: a bearer token is required");
  EXPECT_THAT(steps_, IsEmpty());
  // Neither row names the child the request asked for: nothing was read.
  EXPECT_THAT(AuditRows(),
              ElementsAre(" MonthlyReport UNAUTHENTICATED [] [] peer "
                          "ipv4:10.0.0.7:5000",
                          " GetChild UNAUTHENTICATED [] [] peer "
                          "ipv6:[::1]:6000"));
}

TEST_F(RunnerTest, AHostThatKeepsGuessingIsRefusedWhileOthersAreNot) {
  const std::string child = AddChild();
  auto from = [](const std::string& host, int port, std::string token) {
    return Call{.token = std::move(token),
                .peer = absl::StrCat(host, ":", port)};
  };
  // The police token is cached before the guessing starts; the manager's
  // is not.
  police_.peer = "ipv4:10.0.0.7:1";
  ASSERT_TRUE(children_->GetChild(police_, ChildRef{child}).ok());
  const Call manager = Token("manager-user", domain::Role::kManager);
  for (int i = 0; i < Authenticator::kFailuresBeforeThrottle; ++i) {
    EXPECT_EQ(children_
                  ->GetChild(from("ipv4:10.0.0.7", 4000 + i, "guess"),
                             ChildRef{child})
                  .status()
                  .code(),
              absl::StatusCode::kUnauthenticated)
        << i;
  }
  // The host is refused without a look-up, whatever port it comes from,
  // for a token the server has not seen: a guess, or even a real one.
  absl::StatusOr<domain::Child> refused = children_->GetChild(
      from("ipv4:10.0.0.7", 4100, "guess"), ChildRef{child});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(refused.status().message(),
            "authorization: too many failed attempts from this address; "
            "wait 1m and try again");
  EXPECT_EQ(children_
                ->GetChild(from("ipv4:10.0.0.7", 4101, manager.token),
                           ChildRef{child})
                .status()
                .code(),
            absl::StatusCode::kResourceExhausted);
  // A token it already uses goes on working; another host is unaffected.
  EXPECT_TRUE(children_->GetChild(police_, ChildRef{child}).ok());
  EXPECT_EQ(
      children_->GetChild(from("ipv4:10.0.0.8", 4000, "guess"), ChildRef{child})
          .status()
          .code(),
      absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(children_
                  ->GetChild(from("ipv4:10.0.0.8", 4001, manager.token),
                             ChildRef{child})
                  .ok());
  // A minute after its tenth failure, the host may try again.
  clock_.Set(kNow + Authenticator::kThrottleWindow);
  EXPECT_EQ(
      children_->GetChild(from("ipv4:10.0.0.7", 4200, "guess"), ChildRef{child})
          .status()
          .code(),
      absl::StatusCode::kUnauthenticated);
  // Each failed attempt is audited with its peer; the throttled ones are
  // not, so that a guessing host cannot flood the audit.
  std::vector<std::string> rows = AuditRows();
  int refused_rows = 0;
  for (const std::string& row : rows) {
    if (absl::StrContains(row, "UNAUTHENTICATED")) ++refused_rows;
    EXPECT_FALSE(absl::StrContains(row, "RESOURCE_EXHAUSTED")) << row;
  }
  EXPECT_EQ(refused_rows, Authenticator::kFailuresBeforeThrottle + 2);
  EXPECT_EQ(rows.back(),
            " GetChild UNAUTHENTICATED [] [] peer ipv4:10.0.0.7:4200");
}

TEST_F(RunnerTest, AMissingRightComesBeforeFieldsAndIsAudited) {
  Call call = police_;
  call.undecodable = absl::InvalidArgumentError("as_of: not a valid timestamp");
  absl::StatusOr<Answer> answer =
      Probe(call, calls::kMonthlyReport, absl::InvalidArgumentError("month"),
            Answer{});
  EXPECT_EQ(answer.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(answer.status().message(),
            "role: police may not call MonthlyReport");
  EXPECT_THAT(steps_, IsEmpty());
  EXPECT_THAT(AuditRows(), ElementsAre("police-user MonthlyReport "
                                       "PERMISSION_DENIED [C7] []"));
}

TEST_F(RunnerTest, AFieldThatDidNotDecodeComesBeforeValidation) {
  Call call = coordinator_;
  call.undecodable = absl::InvalidArgumentError("as_of: not a valid timestamp");
  absl::StatusOr<Answer> answer = Probe(
      call, calls::kGetChild, absl::InvalidArgumentError("month"), Answer{});
  EXPECT_EQ(answer.status(), call.undecodable);
  EXPECT_THAT(steps_, IsEmpty());
  EXPECT_THAT(AuditRows(), ElementsAre("coordinator-user GetChild "
                                       "INVALID_ARGUMENT [C7] []"));
}

TEST_F(RunnerTest, ValidationComesBeforeTheTransaction) {
  absl::StatusOr<Answer> answer =
      Probe(coordinator_, calls::kGetChild,
            absl::InvalidArgumentError("child_id: required"), Answer{});
  EXPECT_EQ(answer.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(steps_, ElementsAre("validate"));
  EXPECT_EQ(Probe(coordinator_, calls::kGetChild, absl::OkStatus(), Answer{42})
                ->value,
            42);
  EXPECT_THAT(steps_,
              ElementsAre("validate", "validate", "body as coordinator-user"));
  EXPECT_THAT(AuditRows(),
              ElementsAre("coordinator-user GetChild INVALID_ARGUMENT [C7] []",
                          "coordinator-user GetChild OK [C7] []"));
}

TEST_F(RunnerTest, NotFoundComesBeforeTheRetryAndTheRetryBeforeAConflict) {
  const std::string child = AddChild();
  ASSERT_TRUE(episodes_->ReportMissing(police_, Report(child, "R-1")).ok());

  // An unknown child with a known police reference: NOT_FOUND, not a retry.
  absl::StatusOr<MissingResult> unknown =
      episodes_->ReportMissing(police_, Report("C99", "R-1"));
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "child_id: no child C99");

  // The same report again is a retry: the same episode, nothing new; a
  // retry is answered before the open-episode conflict it would otherwise
  // be.
  absl::StatusOr<MissingResult> retry =
      episodes_->ReportMissing(police_, Report(child, "R-1"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->episode.episode_id, "E1");
  EXPECT_TRUE(retry->already_recorded);

  // Other details under the same reference: ALREADY_EXISTS, saying which.
  domain::MissingReport changed = Report(child, "R-1");
  changed.risk = domain::Risk::kHigh;
  EXPECT_EQ(episodes_->ReportMissing(police_, changed).status(),
            absl::AlreadyExistsError(
                "police_ref: episode E1 already has police_force MET and "
                "police_ref R-1, reported with other details: risk MEDIUM (this "
                "report: HIGH); use UpdateEpisode to change it"));

  // A new reference while the child is missing: FAILED_PRECONDITION.
  absl::StatusOr<MissingResult> second =
      episodes_->ReportMissing(police_, Report(child, "R-2"));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);

  EXPECT_THAT(
      AuditRows(),
      ElementsAre("coordinator-user CreateChild OK [C1] []",
                  "police-user ReportMissing OK [C1] [E1]",
                  "police-user ReportMissing OK [C1] [E1]",
                  "police-user ReportMissing NOT_FOUND [C99] []",
                  "police-user ReportMissing ALREADY_EXISTS [C1] []",
                  "police-user ReportMissing FAILED_PRECONDITION [C1] []"));
}

TEST_F(RunnerTest, AReadNamesEveryChildAndEpisodeItReturns) {
  const std::string first = AddChild();
  const std::string second = AddChild();
  ASSERT_TRUE(episodes_->ReportMissing(police_, Report(second, "R-1")).ok());
  ASSERT_TRUE(children_->ListChildren(police_, ChildQuery{}).ok());
  ASSERT_TRUE(episodes_->ListEpisodes(police_, EpisodeQuery{}).ok());
  EXPECT_EQ(first, "C1");
  EXPECT_THAT(AuditRows(),
              ElementsAre("coordinator-user CreateChild OK [C1] []",
                          "coordinator-user CreateChild OK [C2] []",
                          "police-user ReportMissing OK [C2] [E1]",
                          "police-user ListChildren OK [C1,C2] []",
                          "police-user ListEpisodes OK [C2] [E1]"));
}

TEST_F(RunnerTest, ATokenRevokedSinceItWasCachedIsRefusedWhereverTheCallEnds) {
  const std::string child = AddChild();
  // The police token is now cached.
  ASSERT_TRUE(children_->GetChild(police_, ChildRef{child}).ok());
  ASSERT_TRUE(store_
                  ->Write([&](storage::Transaction& tx) {
                    return RevokeUserIn(tx, "police-user", kNow).status();
                  })
                  .ok());
  // Refused whether the call would end in its transaction, at its fields, or
  // at its role.
  EXPECT_EQ(children_->GetChild(police_, ChildRef{child}).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(children_->GetChild(police_, ChildRef{""}).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(children_
                ->CreateChild(police_,
                              domain::NewChild{.name = "X",
                                               .date_of_birth = "2012-01-01"})
                .status()
                .code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(
      episodes_->ReportMissing(police_, Report(child, "R-9")).status().code(),
      absl::StatusCode::kUnauthenticated);
  // Each refusal is audited under the revoked user, with no child: nothing
  // was read.
  EXPECT_THAT(
      AuditRows(),
      ElementsAre("coordinator-user CreateChild OK [C1] []",
                  "police-user GetChild OK [C1] []",
                  "police-user GetChild UNAUTHENTICATED [] [] peer ",
                  "police-user GetChild UNAUTHENTICATED [] [] peer ",
                  "police-user CreateChild UNAUTHENTICATED [] [] peer ",
                  "police-user ReportMissing UNAUTHENTICATED [] [] peer "));
}

TEST_F(RunnerTest, ACommittedWriteIsPublishedWithItsKindAndIds) {
  std::shared_ptr<Subscription> watcher = *feed_.Subscribe("watcher");
  const std::string child = AddChild();
  ASSERT_TRUE(episodes_->ReportMissing(police_, Report(child, "R-1")).ok());
  EXPECT_EQ(
      episodes_->ReportMissing(police_, Report("C99", "R-2")).status().code(),
      absl::StatusCode::kNotFound);
  Subscription::Batch batch = watcher->Next(absl::ZeroDuration());
  ASSERT_EQ(batch.events.size(), 2u);
  EXPECT_EQ(batch.events[0].kind, ChangeKind::kChild);
  EXPECT_EQ(batch.events[0].rpc, "CreateChild");
  EXPECT_EQ(batch.events[0].child_id, "C1");
  EXPECT_EQ(batch.events[1].kind, ChangeKind::kEpisode);
  EXPECT_EQ(batch.events[1].rpc, "ReportMissing");
  EXPECT_EQ(batch.events[1].child_id, "C1");
  EXPECT_EQ(batch.events[1].episode_id, "E1");
  feed_.Unsubscribe(watcher);
}

}  // namespace
}  // namespace mfh::app
