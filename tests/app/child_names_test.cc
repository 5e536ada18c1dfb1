#include "services/app/child_names.h"

#include <gtest/gtest.h>

#include <optional>

namespace mfh::app {
namespace {

const ChildName kAmara{.name = "Amara Okafor",
                       .date_of_birth = absl::CivilDay(2012, 3, 1)};

std::optional<std::string> NameOf(const ChildNames& names,
                                  absl::string_view child_id) {
  std::optional<ChildName> found = names.Find(child_id);
  if (!found.has_value()) return std::nullopt;
  return found->name;
}

TEST(ChildNamesTest, WhatAReadLookedUpIsFoundByTheNext) {
  ChildNames names;
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
  names.Remember(names.Take(), "C1", kAmara);
  EXPECT_EQ(NameOf(names, "C1"), "Amara Okafor");
  EXPECT_EQ(names.Find("C1")->date_of_birth, absl::CivilDay(2012, 3, 1));
  EXPECT_EQ(NameOf(names, "C2"), std::nullopt);
}

TEST(ChildNamesTest, NothingIsFoundOrRememberedWhileAChildChanges) {
  ChildNames names;
  names.Remember(names.Take(), "C1", kAmara);
  names.BeginChange();
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
  names.Remember(names.Take(), "C2", kAmara);
  names.EndChange();
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
  EXPECT_EQ(NameOf(names, "C2"), std::nullopt);
  EXPECT_EQ(names.size(), 0u);
}

// A read whose transaction began before a change may have read the old name:
// it is not remembered, even after the change has ended.
TEST(ChildNamesTest, AReadThatBeganBeforeAChangeRemembersNothing) {
  ChildNames names;
  const ChildNames::Ticket before = names.Take();
  names.BeginChange();
  names.EndChange();
  names.Remember(before, "C1", kAmara);
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
  names.Remember(names.Take(), "C1", kAmara);
  EXPECT_EQ(NameOf(names, "C1"), "Amara Okafor");
}

// Two changes overlap: the names stay out of reach until both have ended.
TEST(ChildNamesTest, OverlappingChangesKeepTheNamesOutOfReachUntilBothEnd) {
  ChildNames names;
  names.BeginChange();
  names.BeginChange();
  names.EndChange();
  const ChildNames::Ticket during = names.Take();
  names.Remember(during, "C1", kAmara);
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
  names.EndChange();
  names.Remember(during, "C1", kAmara);
  EXPECT_EQ(NameOf(names, "C1"), std::nullopt);
}

}  // namespace
}  // namespace mfh::app
