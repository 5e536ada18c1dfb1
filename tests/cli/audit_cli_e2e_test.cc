// mfh audit list as an inspector's export: a child's whole history, every
// page of it, as CSV or JSON with who, role, when, call, subject, outcome.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "mfh/v1/child.grpc.pb.h"
#include "tests/cli/cli_fixture.h"

namespace mfh {
namespace {

// More reads of C1 than the server's default page of 100 rows.
constexpr int kReads = 130;

TEST_F(CliTest, AuditListExportsEveryPageOfAChildsHistory) {
  AddChild();
  AddChild("Second Child");
  auto channel = grpc::CreateChannel(server_->address(),
                                     grpc::InsecureChannelCredentials());
  auto children = v1::ChildService::NewStub(channel);
  for (int i = 0; i < kReads; ++i) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + tokens_.at("manager"));
    v1::GetChildRequest req;
    req.set_child_id(i % 2 == 0 ? "C1" : "C2");
    v1::GetChildResponse resp;
    ASSERT_TRUE(children->GetChild(&ctx, req, &resp).ok());
  }

  const std::string csv =
      Ok("admin", {"audit", "list", "--child", "C1", "--output", "csv"});
  std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u + 1u + kReads / 2);
  EXPECT_EQ(lines[0],
            "audit_id,at,user,role,rpc,child_ids,episode_ids,outcome,subject");
  EXPECT_TRUE(absl::StartsWith(lines[1], "6,2026-11-30T12:00:00Z,"))
      << lines[1];
  EXPECT_TRUE(absl::EndsWith(
      lines[1], ",coordinator-user,ROLE_COORDINATOR,CreateChild,C1,,OK,"))
      << lines[1];
  // The reads of C1, every other one from id 8, in order across the pages.
  for (int i = 0; i < kReads / 2; ++i) {
    EXPECT_EQ(lines[2 + i],
              absl::StrCat(8 + 2 * i,
                           ",2026-11-30T12:00:00Z,manager-user,ROLE_MANAGER,"
                           "GetChild,C1,,OK,"))
        << i;
  }

  const std::string json =
      Ok("admin", {"audit", "list", "--child", "C1", "--output", "json"});
  EXPECT_TRUE(absl::StartsWith(json, "[{\"audit_id\":\"6\"")) << json;
  std::vector<std::string> reads = absl::StrSplit(json, "\"rpc\":\"GetChild\"");
  EXPECT_EQ(reads.size(), 1u + kReads / 2);
}

TEST_F(CliTest, AuditListShowsWhatACallActedOn) {
  Ok("admin", {"user", "add", "jo.bloggs", "--role", "police"});
  Ok("admin", {"user", "revoke", "jo.bloggs"});
  const std::string csv = Ok("admin", {"audit", "list", "--output", "csv"});
  std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_TRUE(absl::StartsWith(lines[1], "1,")) << lines[1];
  EXPECT_TRUE(
      absl::EndsWith(lines[1],
                     ",ROLE_UNSPECIFIED,AddUser,,,OK,user coordinator-user as "
                     "coordinator"))
      << lines[1];
  EXPECT_TRUE(
      absl::StartsWith(lines[1].substr(lines[1].find(',', 2) + 1), "host:"))
      << lines[1];
  EXPECT_EQ(lines[6],
            "6,2026-11-30T12:00:00Z,admin-user,ROLE_ADMIN,AddUser,,,OK,"
            "user jo.bloggs as police");
  EXPECT_EQ(lines[7],
            "7,2026-11-30T12:00:00Z,admin-user,ROLE_ADMIN,RevokeUser,,,OK,"
            "user jo.bloggs");
  const std::string table = Ok("admin", {"audit", "list", "--limit", "7"});
  EXPECT_TRUE(absl::StrContains(table, "  OK       user jo.bloggs\n")) << table;
}

}  // namespace
}  // namespace mfh
