#include "services/domain/calendar.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

TEST(CalendarTest, ParseDayAcceptsARealDate) {
  absl::StatusOr<absl::CivilDay> day = ParseDay("date_of_birth", "2012-02-29");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(*day, absl::CivilDay(2012, 2, 29));
}

TEST(CalendarTest, ParseDayRefusesImpossibleAndMalformedDatesNamingTheField) {
  for (const char* text :
       {"2013-02-29", "2026-13-01", "2026-1-01", "", "x", "2026-01-01T00:00"}) {
    absl::StatusOr<absl::CivilDay> day = ParseDay("date_of_birth", text);
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(day.status().message(),
              "date_of_birth: must be a date YYYY-MM-DD");
  }
}

TEST(CalendarTest, AgeCountsTheBirthdayOnItsDate) {
  EXPECT_EQ(AgeOn(absl::CivilDay(2008, 6, 1), absl::CivilDay(2026, 5, 31)), 17);
  EXPECT_EQ(AgeOn(absl::CivilDay(2008, 6, 1), absl::CivilDay(2026, 6, 1)), 18);
}

TEST(CalendarTest, LeapDayBirthdayCountsOnFirstMarchInOtherYears) {
  EXPECT_EQ(AgeOn(absl::CivilDay(2008, 2, 29), absl::CivilDay(2026, 2, 28)),
            17);
  EXPECT_EQ(AgeOn(absl::CivilDay(2008, 2, 29), absl::CivilDay(2026, 3, 1)), 18);
}

TEST(CalendarTest, LocalDayIsTheLondonCalendarDay) {
  // 23:30 UTC on 30 June is 00:30 BST on 1 July.
  EXPECT_EQ(LocalDay(T("2026-06-30T23:30:00Z"), London()),
            absl::CivilDay(2026, 7, 1));
  EXPECT_EQ(LocalDay(T("2026-12-31T23:30:00Z"), London()),
            absl::CivilDay(2026, 12, 31));
}

TEST(CalendarTest, FormatUtcIsRfc3339ToTheSecond) {
  EXPECT_EQ(FormatUtc(T("2026-03-30T10:00:00Z")), "2026-03-30T10:00:00Z");
  EXPECT_EQ(FormatUtc(T("0506-03-27T09:00:00Z")), "0506-03-27T09:00:00Z");
}

}  // namespace
}  // namespace mfh::domain
