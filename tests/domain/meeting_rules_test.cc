#include "services/domain/meeting_rules.h"

#include <gtest/gtest.h>

#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

const absl::Time kNow = T("2026-03-04T10:00:00Z");

NewAction ValidAction() {
  return NewAction{.meeting_id = "M1",
                   .child_id = "C1",
                   .what = "Strategy discussion",
                   .who = "Team manager",
                   .by_when = T("2026-03-06T17:00:00Z"),
                   .done_when = "Minutes on file"};
}

Action OpenAction() {
  Action a;
  a.action_id = "A1";
  a.status = ActionStatus::kOpen;
  return a;
}

TEST(MeetingRulesTest, AnActionNeedsWhatWhoByWhenAndHowWeKnowItIsDone) {
  EXPECT_TRUE(ValidateAction(ValidAction()).ok());
  NewAction a = ValidAction();
  a.what.clear();
  EXPECT_EQ(ValidateAction(a).message(), "what: required");
  a = ValidAction();
  a.who.clear();
  EXPECT_EQ(ValidateAction(a).message(), "who: required");
  a = ValidAction();
  a.by_when.reset();
  EXPECT_EQ(ValidateAction(a).message(), "by_when: required");
  a = ValidAction();
  a.done_when.clear();
  EXPECT_EQ(ValidateAction(a).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateAction(a).message(),
            "done_when: required (how we will know it is done)");
}

TEST(MeetingRulesTest, ANoteNeedsText) {
  EXPECT_EQ(ValidateNote({.meeting_id = "M1", .child_id = "C1"}).message(),
            "text: required");
}

TEST(MeetingRulesTest, AnActionIsDueAfterTheMeetingThatAgreesIt) {
  Meeting m;
  m.meeting_id = "M3";
  m.as_of = T("2026-03-04T09:30:00Z");
  EXPECT_TRUE(CheckByWhen(m, T("2026-03-04T09:30:01Z")).ok());
  EXPECT_EQ(CheckByWhen(m, T("2026-03-04T09:30:00Z")),
            absl::InvalidArgumentError(
                "by_when: must be after the meeting that agrees the action "
                "(2026-03-04T09:30:00Z is not after M3 as of "
                "2026-03-04T09:30:00Z)"));
  EXPECT_EQ(CheckByWhen(m, T("2026-03-03T17:00:00Z")).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(MeetingRulesTest, AClosedMeetingTakesOnlyAddenda) {
  Meeting m;
  m.meeting_id = "M1";
  m.state = MeetingState::kClosed;
  absl::Status plain = CheckAddendum(m, false);
  EXPECT_EQ(plain.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(plain.message(),
            "addendum: meeting M1 is closed; mark the note or action as an "
            "addendum");
  EXPECT_TRUE(CheckAddendum(m, true).ok());
  m.state = MeetingState::kOpen;
  EXPECT_TRUE(CheckAddendum(m, false).ok());
  EXPECT_EQ(CheckAddendum(m, true).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(MeetingRulesTest, AttendeesAreRequiredToClose) {
  EXPECT_EQ(ValidateAttendees({}).message(),
            "attendees: at least one is required");
  EXPECT_TRUE(ValidateAttendees({"MFH coordinator"}).ok());
}

TEST(ActionUpdateTest, DoneNeedsEvidenceAndDroppedAReason) {
  EXPECT_EQ(
      ValidateActionUpdate({.action_id = "A1", .status = ActionStatus::kDone})
          .message(),
      "done_evidence: required to mark an action done");
  EXPECT_EQ(ValidateActionUpdate(
                {.action_id = "A1", .status = ActionStatus::kDropped})
                .message(),
            "drop_reason: required to drop an action");
}

TEST(ActionUpdateTest, MarkingDoneRecordsWhenAndAgainIsARetry) {
  Action a = OpenAction();
  ActionUpdate done{.action_id = "A1",
                    .status = ActionStatus::kDone,
                    .done_evidence = "Meeting held on 5 March"};
  EXPECT_EQ(*ApplyActionUpdate(done, kNow, a), false);
  EXPECT_EQ(a.status, ActionStatus::kDone);
  EXPECT_EQ(a.closed_at, kNow);
  EXPECT_EQ(*ApplyActionUpdate(done, kNow + absl::Hours(1), a), true);
  EXPECT_EQ(a.closed_at, kNow);
}

TEST(ActionUpdateTest, ADoneActionCannotBeDroppedOrDoneWithOtherEvidence) {
  Action a = OpenAction();
  ASSERT_TRUE(ApplyActionUpdate({.action_id = "A1",
                                 .status = ActionStatus::kDone,
                                 .done_evidence = "x"},
                                kNow, a)
                  .ok());
  absl::StatusOr<bool> drop = ApplyActionUpdate(
      {.action_id = "A1", .status = ActionStatus::kDropped, .drop_reason = "r"},
      kNow, a);
  EXPECT_EQ(drop.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(drop.status().message(), "status: action A1 is already DONE");
  absl::StatusOr<bool> other = ApplyActionUpdate(
      {.action_id = "A1", .status = ActionStatus::kDone, .done_evidence = "y"},
      kNow, a);
  EXPECT_EQ(other.status().message(),
            "status: action A1 is already DONE with other evidence");
}

TEST(ActionUpdateTest, ImpactEvidenceFollowsDone) {
  Action a = OpenAction();
  absl::StatusOr<bool> early = ApplyActionUpdate(
      {.action_id = "A1", .impact_evidence = "No further episodes"}, kNow, a);
  EXPECT_EQ(early.status().message(),
            "impact_evidence: action A1 is not done yet");
  ASSERT_TRUE(ApplyActionUpdate({.action_id = "A1",
                                 .status = ActionStatus::kDone,
                                 .done_evidence = "x"},
                                kNow, a)
                  .ok());
  EXPECT_EQ(*ApplyActionUpdate({.action_id = "A1",
                                .impact_evidence = "No further episodes",
                                .worked_when = "No episode for 4 weeks"},
                               kNow, a),
            false);
  EXPECT_EQ(a.impact_evidence, "No further episodes");
  EXPECT_EQ(a.worked_when, "No episode for 4 weeks");
}

}  // namespace
}  // namespace mfh::domain
