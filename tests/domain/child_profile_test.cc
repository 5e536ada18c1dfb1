#include "services/domain/child_profile.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kNow = T("2026-11-30T12:00:00Z");

Child Amara() {
  Child c;
  c.child_id = "C1";
  c.name = "Amara Okafor";
  c.date_of_birth = absl::CivilDay(2012, 3, 1);
  c.profile.school = "Oak Academy";
  return c;
}

TEST(ChildProfileTest, ValuesAreStoredInTheirOneSpelling) {
  absl::StatusOr<ChildProfile> p = CanonicalProfile(
      {.sex = "Female", .ethnicity = "mwbc", .contacts = {"Mum: 1"}});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->sex, "female");
  EXPECT_EQ(p->ethnicity, "MWBC");
  EXPECT_EQ(CanonicalProfile({.sex = "f"}).status(),
            absl::InvalidArgumentError(
                "sex: must be male, female, other or unknown"));
  EXPECT_EQ(CanonicalProfile({.contacts = {""}}).status(),
            absl::InvalidArgumentError("contacts: must not be empty"));
  EXPECT_EQ(EthnicityCodes().size(), 20u);
}

TEST(ChildProfileTest, AnUpdateRecordsEachFieldItChangesAndNothingElse) {
  Child c = Amara();
  ChildUpdate u{.child_id = "C1"};
  u.school = "Elm High";
  u.social_worker = "Jo Smith";
  u.name = "Amara Okafor";
  u.looked_after = true;
  absl::StatusOr<std::optional<ChildChange>> change =
      ApplyChildUpdate(u, kNow, London(), "coord", c);
  ASSERT_TRUE(change.ok()) << change.status();
  ASSERT_TRUE(change->has_value());
  EXPECT_EQ((*change)->at, kNow);
  EXPECT_EQ((*change)->by, "coord");
  EXPECT_EQ((*change)->changes,
            (std::vector<std::string>{"looked_after: no -> yes",
                                      "social_worker: - -> Jo Smith",
                                      "school: Oak Academy -> Elm High"}));
  EXPECT_EQ(c.profile.school, "Elm High");
  ASSERT_EQ(c.history.size(), 1u);
  // The same again is a retry: nothing recorded.
  change = ApplyChildUpdate(u, kNow, London(), "coord", c);
  ASSERT_TRUE(change.ok());
  EXPECT_FALSE(change->has_value());
  EXPECT_EQ(c.history.size(), 1u);
}

TEST(ChildProfileTest, AnUpdateIsRefusedWholeAndChangesNothing) {
  Child c = Amara();
  ChildUpdate u{.child_id = "C1"};
  u.school = "Elm High";
  u.date_of_birth = "2007-01-01";
  EXPECT_EQ(ApplyChildUpdate(u, kNow, London(), "coord", c).status(),
            absl::InvalidArgumentError(
                "date_of_birth: the hub records children under 18"));
  EXPECT_EQ(c.profile.school, "Oak Academy");
  EXPECT_EQ(
      ApplyChildUpdate({.child_id = "C1"}, kNow, London(), "coord", c).status(),
      absl::InvalidArgumentError(
          "child_id: the update changes nothing (give a field to change)"));
}

}  // namespace
}  // namespace mfh::domain
