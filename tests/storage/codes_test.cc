#include "services/storage/sqlite/codes.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace mfh::storage {
namespace {

// Every value with the code the database has always held for it: these are
// the schema's data, not the domain's numbering.
template <typename Enum>
using Codes = std::vector<std::pair<Enum, int64_t>>;

const Codes<domain::Risk>& RiskCodes() {
  static const Codes<domain::Risk> kCodes = {
      {domain::Risk::kUnspecified, 0}, {domain::Risk::kNoApparentRisk, 1},
      {domain::Risk::kLow, 2},         {domain::Risk::kMedium, 3},
      {domain::Risk::kHigh, 4},
  };
  return kCodes;
}

const Codes<domain::Category>& CategoryCodes() {
  static const Codes<domain::Category> kCodes = {
      {domain::Category::kUnspecified, 0},
      {domain::Category::kMissing, 1},
      {domain::Category::kAbsent, 2},
  };
  return kCodes;
}

const Codes<domain::ReturnedTo>& ReturnedToCodes() {
  static const Codes<domain::ReturnedTo> kCodes = {
      {domain::ReturnedTo::kUnspecified, 0}, {domain::ReturnedTo::kHome, 1},
      {domain::ReturnedTo::kPlacement, 2},   {domain::ReturnedTo::kHospital, 3},
      {domain::ReturnedTo::kCustody, 4},     {domain::ReturnedTo::kOther, 5},
  };
  return kCodes;
}

const Codes<domain::Concern>& ConcernCodes() {
  static const Codes<domain::Concern> kCodes = {
      {domain::Concern::kUnspecified, 0},
      {domain::Concern::kNone, 1},
      {domain::Concern::kCse, 2},
      {domain::Concern::kCce, 3},
  };
  return kCodes;
}

const Codes<domain::RhiClosure>& RhiClosureCodes() {
  static const Codes<domain::RhiClosure> kCodes = {
      {domain::RhiClosure::kNone, 0},
      {domain::RhiClosure::kNotHeld, 1},
      {domain::RhiClosure::kNotRequired, 2},
  };
  return kCodes;
}

const Codes<domain::MeetingState>& MeetingStateCodes() {
  static const Codes<domain::MeetingState> kCodes = {
      {domain::MeetingState::kUnspecified, 0},
      {domain::MeetingState::kOpen, 1},
      {domain::MeetingState::kClosed, 2},
  };
  return kCodes;
}

const Codes<domain::ActionStatus>& ActionStatusCodes() {
  static const Codes<domain::ActionStatus> kCodes = {
      {domain::ActionStatus::kUnspecified, 0},
      {domain::ActionStatus::kOpen, 1},
      {domain::ActionStatus::kDone, 2},
      {domain::ActionStatus::kDropped, 3},
  };
  return kCodes;
}

const Codes<domain::Role>& RoleCodes() {
  static const Codes<domain::Role> kCodes = {
      {domain::Role::kUnspecified, 0}, {domain::Role::kCoordinator, 1},
      {domain::Role::kPolice, 2},      {domain::Role::kRhiWorker, 3},
      {domain::Role::kManager, 4},     {domain::Role::kAdmin, 5},
  };
  return kCodes;
}

// Every value encodes to its code and decodes back to itself; every other
// code in a wide range is an error naming the column and the code.
template <typename Enum, typename Decode>
void ExpectRoundTrip(const Codes<Enum>& codes, Decode decode,
                     absl::string_view column) {
  for (const auto& [value, code] : codes) {
    EXPECT_EQ(CodeOf(value), code) << column;
    absl::StatusOr<Enum> back = decode(code, column);
    ASSERT_TRUE(back.ok()) << column << " " << code << ": " << back.status();
    EXPECT_EQ(*back, value) << column << " " << code;
  }
  for (int64_t code = -3; code < 300; ++code) {
    bool known = false;
    for (const auto& [value, known_code] : codes) known |= code == known_code;
    if (known) continue;
    absl::StatusOr<Enum> back = decode(code, column);
    ASSERT_FALSE(back.ok()) << column << " " << code;
    EXPECT_EQ(back.status().code(), absl::StatusCode::kInternal);
    EXPECT_TRUE(absl::StrContains(back.status().message(), column))
        << back.status();
    EXPECT_TRUE(absl::StrContains(back.status().message(), absl::StrCat(code)))
        << back.status();
  }
}

TEST(DatabaseCodes, RiskRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(RiskCodes(), RiskFromCode, "episodes.risk");
}

TEST(DatabaseCodes, CategoryRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(CategoryCodes(), CategoryFromCode, "episodes.category");
}

TEST(DatabaseCodes, ReturnedToRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(ReturnedToCodes(), ReturnedToFromCode,
                  "episodes.returned_to");
}

TEST(DatabaseCodes, ConcernRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(ConcernCodes(), ConcernFromCode, "rhis.concerns");
}

TEST(DatabaseCodes, RhiClosureRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(RhiClosureCodes(), RhiClosureFromCode, "rhis.closure");
}

TEST(DatabaseCodes, MeetingStateRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(MeetingStateCodes(), MeetingStateFromCode, "meetings.state");
}

TEST(DatabaseCodes, ActionStatusRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(ActionStatusCodes(), ActionStatusFromCode, "actions.status");
}

TEST(DatabaseCodes, RoleRoundTripsAndRefusesUnknownCodes) {
  ExpectRoundTrip(RoleCodes(), RoleFromCode, "users.role");
}

}  // namespace
}  // namespace mfh::storage
