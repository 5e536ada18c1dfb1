#include "services/domain/child_rules.h"

#include <gtest/gtest.h>

#include "services/domain/link_rules.h"
#include "services/domain/roles.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kNow = T("2026-03-04T10:00:00Z");

NewChild ValidChild() {
  return NewChild{.name = "A Child",
                  .date_of_birth = "2012-05-14",
                  .la_ref = "LA-1",
                  .looked_after = true,
                  .placing_authority = "Northshire"};
}

TEST(ChildRulesTest, ANewChildKeepsWhatWasGivenAndIsCreatedNow) {
  absl::StatusOr<Child> child = NewChildRecord(ValidChild(), kNow, London());
  ASSERT_TRUE(child.ok()) << child.status();
  EXPECT_EQ(child->child_id, "");
  EXPECT_EQ(child->name, "A Child");
  EXPECT_EQ(child->date_of_birth, absl::CivilDay(2012, 5, 14));
  EXPECT_EQ(child->la_ref, "LA-1");
  EXPECT_TRUE(child->looked_after);
  EXPECT_EQ(child->placing_authority, "Northshire");
  EXPECT_EQ(child->created_at, kNow);
  EXPECT_TRUE(child->flags.empty());
}

TEST(ChildRulesTest, ANewChildNeedsANameAndADateOfBirthUnder18) {
  NewChild c = ValidChild();
  c.name.clear();
  EXPECT_EQ(NewChildRecord(c, kNow, London()).status().message(),
            "name: required");
  c = ValidChild();
  c.date_of_birth = "14/05/2012";
  EXPECT_EQ(NewChildRecord(c, kNow, London()).status().code(),
            absl::StatusCode::kInvalidArgument);
  c.date_of_birth = "2026-03-05";
  EXPECT_EQ(NewChildRecord(c, kNow, London()).status().message(),
            "date_of_birth: must not be in the future");
  c.date_of_birth = "2026-03-04";
  EXPECT_TRUE(NewChildRecord(c, kNow, London()).ok());
  // 18 on the day: refused; 18 tomorrow: still a child today.
  c.date_of_birth = "2008-03-04";
  EXPECT_EQ(NewChildRecord(c, kNow, London()).status().message(),
            "date_of_birth: the hub records children under 18");
  c.date_of_birth = "2008-03-05";
  EXPECT_TRUE(NewChildRecord(c, kNow, London()).ok());
}

TEST(ChildRulesTest, NamesAreSearchedIgnoringCaseAndSpaces) {
  EXPECT_EQ(SearchableName(" Amara  Okafor\t"), "amaraokafor");
  EXPECT_TRUE(NameContains("Amara Okafor", "okafor"));
  EXPECT_TRUE(NameContains("Amara Okafor", "A MARAOK"));
  EXPECT_TRUE(NameContains("Amara Okafor", ""));
  EXPECT_FALSE(NameContains("Amara Okafor", "Okafur"));
  EXPECT_FALSE(NameContains("Amara", "Amara Okafor"));
}

TEST(ChildRulesTest, LaRefsMatchIgnoringCaseAndSurroundingSpaces) {
  EXPECT_TRUE(SameLaRef("LA-77", " la-77 "));
  EXPECT_FALSE(SameLaRef("LA-77", "LA-7"));
  EXPECT_FALSE(SameLaRef("LA 77", "LA77"));
}

TEST(ChildRulesTest, OnlyTheThreeFlagsExist) {
  EXPECT_TRUE(IsFlagName("open_to_cst"));
  EXPECT_TRUE(IsFlagName("cse_concern"));
  EXPECT_TRUE(IsFlagName("cce_concern"));
  EXPECT_FALSE(IsFlagName("Open_To_CST"));
  EXPECT_EQ(CheckFlagName("flag", "missing").message(),
            "flag: must be open_to_cst, cse_concern or cce_concern");
}

TEST(ChildRulesTest, SettingAFlagInForceIsARetryOnlyAtTheSameTime) {
  Child child{.child_id = "C1"};
  FlagChange set{.child_id = "C1",
                 .flag = "cse_concern",
                 .at = T("2026-03-01T09:00:00Z"),
                 .set = true};
  ASSERT_TRUE(ValidateFlagChange(set, kNow).ok());
  EXPECT_EQ(*ApplyFlagChange(set, kNow, child), false);
  ASSERT_EQ(child.flags.size(), 1u);
  EXPECT_EQ(child.flags[0].set_at, T("2026-03-01T09:00:00Z"));
  EXPECT_EQ(*ApplyFlagChange(set, kNow, child), true);
  set.at.reset();
  EXPECT_EQ(*ApplyFlagChange(set, kNow, child), true);
  set.at = T("2026-03-02T09:00:00Z");
  EXPECT_EQ(ApplyFlagChange(set, kNow, child).status().message(),
            "flag: cse_concern is already set on child C1");
  EXPECT_EQ(child.flags.size(), 1u);
}

TEST(ChildRulesTest, ClearingNeedsAFlagInForceAndATimeNotBeforeIt) {
  Child child{.child_id = "C1"};
  child.flags.push_back(Flag{.name = "open_to_cst",
                             .set_at = T("2026-03-01T09:00:00Z"),
                             .cleared_at = std::nullopt});
  FlagChange clear{.child_id = "C1",
                   .flag = "open_to_cst",
                   .at = T("2026-03-01T08:59:59Z"),
                   .set = false};
  EXPECT_EQ(ApplyFlagChange(clear, kNow, child).status().message(),
            "at: must not be before the flag was set (2026-03-01T09:00:00Z)");
  clear.at.reset();
  EXPECT_EQ(*ApplyFlagChange(clear, kNow, child), false);
  EXPECT_EQ(child.flags[0].cleared_at, kNow);
  EXPECT_EQ(ApplyFlagChange(clear, kNow, child).status().message(),
            "flag: open_to_cst is not set on child C1");
}

TEST(ChildRulesTest, AFlagChangeNeedsAChildAFlagAndATimeNotAhead) {
  FlagChange change{.child_id = "", .flag = "cse_concern", .set = true};
  EXPECT_EQ(ValidateFlagChange(change, kNow).message(), "child_id: required");
  change.child_id = "C1";
  change.flag = "concern";
  EXPECT_EQ(ValidateFlagChange(change, kNow).code(),
            absl::StatusCode::kInvalidArgument);
  change.flag = "cse_concern";
  change.at = kNow + absl::Minutes(5);
  EXPECT_TRUE(ValidateFlagChange(change, kNow).ok());
  change.at = kNow + absl::Minutes(5) + absl::Seconds(1);
  EXPECT_EQ(ValidateFlagChange(change, kNow).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(LinkRulesTest, ALinkNeedsTwoDifferentEpisodesAndAReason) {
  EXPECT_TRUE(ValidateLink({.episode_ids = {"E1", "E2"}, .reason = "r"}).ok());
  EXPECT_EQ(ValidateLink({.episode_ids = {"E1"}, .reason = "r"}).message(),
            "episode_ids: two or more different episodes are required");
  EXPECT_EQ(
      ValidateLink({.episode_ids = {"E1", "E2", "E1"}, .reason = "r"}).code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateLink({.episode_ids = {"E1", "E2"}, .reason = ""}).message(),
            "reason: required");
}

TEST(LinkRulesTest, TheSameEpisodesInAnyOrderAreTheSameLink) {
  const Link existing{.link_id = "L1", .episode_ids = {"E2", "E1"}};
  EXPECT_TRUE(LinksSameEpisodes(existing, {.episode_ids = {"E1", "E2"}}));
  EXPECT_FALSE(
      LinksSameEpisodes(existing, {.episode_ids = {"E1", "E2", "E3"}}));
  EXPECT_FALSE(LinksSameEpisodes(existing, {.episode_ids = {"E1", "E3"}}));
}

TEST(UserRulesTest, AUserNeedsAPlainNameAndARole) {
  EXPECT_TRUE(ValidateNewUser("jo.bloggs-2_b", Role::kPolice).ok());
  for (const char* bad : {"", "jo bloggs", "jo/bloggs", "jö"}) {
    EXPECT_EQ(ValidateNewUser(bad, Role::kPolice).message(),
              "name: required, at most 64 letters, digits, '.', '_' or '-'")
        << bad;
  }
  EXPECT_TRUE(ValidateNewUser(std::string(64, 'a'), Role::kAdmin).ok());
  EXPECT_FALSE(ValidateNewUser(std::string(65, 'a'), Role::kAdmin).ok());
  EXPECT_EQ(ValidateNewUser("jo", Role::kUnspecified).message(),
            "role: must be coordinator, police, rhi_worker, manager or admin");
}

}  // namespace
}  // namespace mfh::domain
