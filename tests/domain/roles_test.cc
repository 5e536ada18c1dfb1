#include "services/domain/roles.h"

#include <gtest/gtest.h>

namespace mfh::domain {
namespace {

TEST(RolesTest, PoliceMayWriteEpisodesButNotReadOutcomesOrRecordInterviews) {
  EXPECT_TRUE(HasRight(Role::kPolice, Right::kWriteEpisodes));
  EXPECT_TRUE(HasRight(Role::kPolice, Right::kReadRhi));
  EXPECT_FALSE(HasRight(Role::kPolice, Right::kReadRhiOutcome));
  EXPECT_FALSE(HasRight(Role::kPolice, Right::kWriteRhi));
  EXPECT_FALSE(HasRight(Role::kPolice, Right::kReports));
}

TEST(RolesTest, AdminManagesUsersAndReadsNoChildRecord) {
  EXPECT_TRUE(HasRight(Role::kAdmin, Right::kAdmin));
  for (Right r : {Right::kRead, Right::kReadRhi, Right::kWriteEpisodes,
                  Right::kReports, Right::kManageChildren}) {
    EXPECT_FALSE(HasRight(Role::kAdmin, r));
  }
}

TEST(RolesTest, OnlyCoordinatorsAddChildrenAndRunMeetings) {
  for (Role role : {Role::kPolice, Role::kRhiWorker, Role::kManager,
                    Role::kAdmin, Role::kUnspecified}) {
    EXPECT_FALSE(HasRight(role, Right::kManageChildren));
    EXPECT_FALSE(HasRight(role, Right::kRunMeetings));
  }
  EXPECT_TRUE(HasRight(Role::kCoordinator, Right::kManageChildren));
  EXPECT_TRUE(HasRight(Role::kCoordinator, Right::kRunMeetings));
}

TEST(RolesTest, RhiWorkersRecordInterviewsAndManagersReadReports) {
  EXPECT_TRUE(HasRight(Role::kRhiWorker, Right::kWriteRhi));
  EXPECT_TRUE(HasRight(Role::kRhiWorker, Right::kReadRhiOutcome));
  EXPECT_FALSE(HasRight(Role::kRhiWorker, Right::kWriteEpisodes));
  EXPECT_TRUE(HasRight(Role::kManager, Right::kReports));
  EXPECT_FALSE(HasRight(Role::kManager, Right::kWriteRhi));
}

TEST(RolesTest, RoleNamesRoundTrip) {
  for (Role role : {Role::kCoordinator, Role::kPolice, Role::kRhiWorker,
                    Role::kManager, Role::kAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_EQ(ParseRole("Coordinator"), Role::kUnspecified);
}

}  // namespace
}  // namespace mfh::domain
