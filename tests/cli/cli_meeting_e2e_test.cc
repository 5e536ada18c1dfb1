// End-to-end tests of mfh's daily-governance commands (agenda, meeting,
// action, episode link): the real binary against the real mfh-server, with
// fixed past instants and --as-of. Outputs are compared whole; the times the
// server stamps with its own clock are masked first.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/cli/cli_fixture.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

constexpr char kLocalTime[] = R"(\d{4}-\d\d-\d\d \d\d:\d\d (GMT|BST))";
constexpr char kUtcTime[] = R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)";

// The server's clock at a note, an action or a close, as tables show it.
std::string MaskServerTimes(const std::string& text) {
  std::string out = Mask(
      text, absl::StrCat("(coordinator-user(, | at ))", kLocalTime), "$1NOW");
  return Mask(out, absl::StrCat("((^|\n) *(at|closed at): +)", kLocalTime),
              "$1NOW");
}

class CliMeetingTest : public CliTest {
 protected:
  void Missing(const std::string& child, const std::string& ref,
               const std::string& since, const std::string& notified,
               const std::string& risk) {
    Ok("police", {"missing", "report", "--child", child, "--police-force",
                  "MET", "--police-ref", ref, "--missing-since", since,
                  "--notified-at", notified, "--risk", risk});
  }

  void Returned(const std::string& ref, const std::string& returned,
                const std::string& notified,
                const std::string& found_location = "") {
    std::vector<std::string> args = {
        "return",        "log",   "--police-force", "MET",
        "--police-ref",  ref,     "--returned-at",  returned,
        "--notified-at", notified};
    if (!found_location.empty()) {
      args.insert(args.end(), {"--found-location", found_location});
    }
    Ok("police", args);
  }

  void CompleteRhi(const std::string& episode, const std::string& at) {
    Ok("rhi_worker", {"rhi", "complete", episode, "--at", at, "--by",
                      "Worker A", "--concerns", "none"});
  }

  // The agenda of `day` as of 09:30 that morning, as the coordinator reads it.
  std::string Agenda(const std::string& day) {
    return Ok("coordinator",
              {"agenda", "--day", day, "--as-of", day + " 09:30"});
  }

  void OpenMeeting(const std::string& day) {
    Ok("coordinator",
       {"meeting", "open", "--day", day, "--as-of", day + " 09:30"});
  }
};

// Monday 2 to Monday 9 March 2026 (GMT): the agenda each morning at 09:30,
// read before that morning's meeting is opened.
TEST_F(CliMeetingTest, AgendaFollowsAScriptedWeekMorningByMorning) {
  for (const char* name : {"Amy", "Ben", "Cal", "Dee", "Eve"}) AddChild(name);
  // Flags are given open_to_cst first whatever the order they were set in.
  Ok("coordinator", {"child", "flag", "C1", "--set", "cce_concern", "--at",
                     "2026-02-01T10:00"});
  Ok("coordinator", {"child", "flag", "C1", "--set", "open_to_cst", "--at",
                     "2026-02-01T10:00"});
  // C4 went missing twice in February; those interviews were held.
  Missing("C4", "R-41", "2026-02-10T18:00", "2026-02-10T19:00", "medium");
  Returned("R-41", "2026-02-11T08:00", "2026-02-11T09:00");
  CompleteRhi("E1", "2026-02-12T10:00");
  Missing("C4", "R-42", "2026-02-20T18:00", "2026-02-20T19:00", "medium");
  Returned("R-42", "2026-02-21T08:00", "2026-02-21T09:00");
  CompleteRhi("E2", "2026-02-22T10:00");
  // Sunday: C1 (high risk) goes missing and stays missing all week; C2 and
  // C3 are found early on Monday at the same station, spelt differently.
  Missing("C1", "R-1", "2026-03-01T18:00", "2026-03-01T18:30", "high");
  Missing("C2", "R-2", "2026-03-01T20:00", "2026-03-01T20:30", "low");
  Missing("C3", "R-3", "2026-03-01T19:00", "2026-03-01T19:30", "medium");
  Returned("R-2", "2026-03-02T06:00", "2026-03-02T07:00", "Central Station");
  Returned("R-3", "2026-03-02T05:00", "2026-03-02T07:30", "central  station");

  // Monday: no earlier meeting, so the returns of the last 24 hours.
  EXPECT_EQ(Agenda("2026-03-02"),
            R"--(Agenda for Monday 2026-03-02, as of 2026-03-02 09:30 GMT

Missing now (1)
  CHILD         EPISODE  RISK  CATEGORY  MISSING FOR  ESCALATION    FLAGS
  Amy, 15 (C1)  E3       HIGH  MISSING   15h 30m      team manager  open_to_cst, cce_concern

Returned since the last meeting (2)
  CHILD         EPISODE  MISSING FOR  RETURNED              RHI DUE               DEADLINE       RHI  FLAGS
  Ben, 15 (C2)  E4       10h 0m       2026-03-02 06:00 GMT  2026-03-05 07:00 GMT  due in 2d 21h  DUE  -
    found at Central Station; no previous RHI
  Cal, 15 (C3)  E5       10h 0m       2026-03-02 05:00 GMT  2026-03-05 07:30 GMT  due in 2d 22h  DUE  -
    found at central  station; no previous RHI

RHI overdue (0)
  none

RHI due before the next meeting (0)
  none

Repeat missing (0)
  none

Linked episodes (1)
  GROUP                  CHILD         EPISODE  RISK    MISSING SINCE         RETURNED              FLAGS
  suggested: same place  Ben, 15 (C2)  E4       LOW     2026-03-01 20:00 GMT  2026-03-02 06:00 GMT  -
                         Cal, 15 (C3)  E5       MEDIUM  2026-03-01 19:00 GMT  2026-03-02 05:00 GMT  -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  OpenMeeting("2026-03-02");

  // Tuesday: C4's third episode in 90 days makes C4 repeat missing.
  Missing("C4", "R-43", "2026-03-03T01:00", "2026-03-03T01:30", "medium");
  EXPECT_EQ(Agenda("2026-03-03"),
            R"--(Agenda for Tuesday 2026-03-03, as of 2026-03-03 09:30 GMT

Missing now (2)
  CHILD         EPISODE  RISK    CATEGORY  MISSING FOR  ESCALATION    FLAGS
  Amy, 15 (C1)  E3       HIGH    MISSING   1d 15h       team manager  open_to_cst, cce_concern
  Dee, 15 (C4)  E6       MEDIUM  MISSING   8h 30m       -             -

Returned since the last meeting (0)
  none

RHI overdue (0)
  none

RHI due before the next meeting (0)
  none

Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Dee, 15 (C4)  3 episodes in 90 days  E6      2026-03-03 01:00 GMT  -

Linked episodes (1)
  GROUP                  CHILD         EPISODE  RISK    MISSING SINCE         RETURNED              FLAGS
  suggested: same place  Ben, 15 (C2)  E4       LOW     2026-03-01 20:00 GMT  2026-03-02 06:00 GMT  -
                         Cal, 15 (C3)  E5       MEDIUM  2026-03-01 19:00 GMT  2026-03-02 05:00 GMT  -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  OpenMeeting("2026-03-03");

  // Wednesday: C4's return, notified after Tuesday's meeting, is discussed
  // now; the Monday returns are due before Thursday's meeting.
  Returned("R-43", "2026-03-03T10:00", "2026-03-03T10:15", "Park");
  EXPECT_EQ(Agenda("2026-03-04"),
            R"--(Agenda for Wednesday 2026-03-04, as of 2026-03-04 09:30 GMT

Missing now (1)
  CHILD         EPISODE  RISK  CATEGORY  MISSING FOR  ESCALATION    FLAGS
  Amy, 15 (C1)  E3       HIGH  MISSING   2d 15h       team manager  open_to_cst, cce_concern

Returned since the last meeting (1)
  CHILD         EPISODE  MISSING FOR  RETURNED              RHI DUE               DEADLINE      RHI  FLAGS
  Dee, 15 (C4)  E6       9h 0m        2026-03-03 10:00 GMT  2026-03-06 10:15 GMT  due in 2d 0h  DUE  -
    found at Park; previous RHI completed 2026-02-22: no concerns, no referral

RHI overdue (0)
  none

RHI due before the next meeting (2)
  CHILD         EPISODE  RETURNED              RHI DUE               DEADLINE        RHI  FLAGS
  Ben, 15 (C2)  E4       2026-03-02 06:00 GMT  2026-03-05 07:00 GMT  due in 21h 30m  DUE  -
  Cal, 15 (C3)  E5       2026-03-02 05:00 GMT  2026-03-05 07:30 GMT  due in 22h 0m   DUE  -

Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Dee, 15 (C4)  3 episodes in 90 days  E6      2026-03-03 01:00 GMT  -

Linked episodes (1)
  GROUP                  CHILD         EPISODE  RISK    MISSING SINCE         RETURNED              FLAGS
  suggested: same place  Ben, 15 (C2)  E4       LOW     2026-03-01 20:00 GMT  2026-03-02 06:00 GMT  -
                         Cal, 15 (C3)  E5       MEDIUM  2026-03-01 19:00 GMT  2026-03-02 05:00 GMT  -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  OpenMeeting("2026-03-04");
  CompleteRhi("E4", "2026-03-04T15:00");
  Ok("rhi_worker",
     {"rhi", "offer", "E5", "--at", "2026-03-04T16:00", "--by", "Worker A"});

  // Thursday: C3's interview, offered but not held, became overdue at 07:30;
  // C4's return is no longer "returned"; C1 reaches the second step.
  EXPECT_EQ(Agenda("2026-03-05"),
            R"--(Agenda for Thursday 2026-03-05, as of 2026-03-05 09:30 GMT

Missing now (1)
  CHILD         EPISODE  RISK  CATEGORY  MISSING FOR  ESCALATION       FLAGS
  Amy, 15 (C1)  E3       HIGH  MISSING   3d 15h       head of service  open_to_cst, cce_concern

Returned since the last meeting (0)
  none

RHI overdue (1)
  CHILD         EPISODE  RETURNED              RHI DUE               DEADLINE          RHI      FLAGS
  Cal, 15 (C3)  E5       2026-03-02 05:00 GMT  2026-03-05 07:30 GMT  overdue by 2h 0m  OVERDUE  -

RHI due before the next meeting (0)
  none

Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Dee, 15 (C4)  3 episodes in 90 days  E6      2026-03-03 01:00 GMT  -

Linked episodes (1)
  GROUP                  CHILD         EPISODE  RISK    MISSING SINCE         RETURNED              FLAGS
  suggested: same place  Ben, 15 (C2)  E4       LOW     2026-03-01 20:00 GMT  2026-03-02 06:00 GMT  -
                         Cal, 15 (C3)  E5       MEDIUM  2026-03-01 19:00 GMT  2026-03-02 05:00 GMT  -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  OpenMeeting("2026-03-05");

  // Friday: the next meeting is on Monday, so an interview due on Monday
  // at 08:00 is due before it.
  Missing("C5", "R-5", "2026-03-05T20:00", "2026-03-05T20:30", "low");
  Returned("R-5", "2026-03-06T06:00", "2026-03-06T08:00");
  EXPECT_EQ(Agenda("2026-03-06"),
            R"--(Agenda for Friday 2026-03-06, as of 2026-03-06 09:30 GMT

Missing now (1)
  CHILD         EPISODE  RISK  CATEGORY  MISSING FOR  ESCALATION       FLAGS
  Amy, 15 (C1)  E3       HIGH  MISSING   4d 15h       head of service  open_to_cst, cce_concern

Returned since the last meeting (1)
  CHILD         EPISODE  MISSING FOR  RETURNED              RHI DUE               DEADLINE       RHI  FLAGS
  Eve, 15 (C5)  E7       10h 0m       2026-03-06 06:00 GMT  2026-03-09 08:00 GMT  due in 2d 22h  DUE  -
    where found not recorded; no previous RHI

RHI overdue (1)
  CHILD         EPISODE  RETURNED              RHI DUE               DEADLINE          RHI      FLAGS
  Cal, 15 (C3)  E5       2026-03-02 05:00 GMT  2026-03-05 07:30 GMT  overdue by 1d 2h  OVERDUE  -

RHI due before the next meeting (2)
  CHILD         EPISODE  RETURNED              RHI DUE               DEADLINE       RHI  FLAGS
  Dee, 15 (C4)  E6       2026-03-03 10:00 GMT  2026-03-06 10:15 GMT  due in 45m     DUE  -
  Eve, 15 (C5)  E7       2026-03-06 06:00 GMT  2026-03-09 08:00 GMT  due in 2d 22h  DUE  -

Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Dee, 15 (C4)  3 episodes in 90 days  E6      2026-03-03 01:00 GMT  -

Linked episodes (1)
  GROUP                  CHILD         EPISODE  RISK    MISSING SINCE         RETURNED              FLAGS
  suggested: same place  Ben, 15 (C2)  E4       LOW     2026-03-01 20:00 GMT  2026-03-02 06:00 GMT  -
                         Cal, 15 (C3)  E5       MEDIUM  2026-03-01 19:00 GMT  2026-03-02 05:00 GMT  -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  OpenMeeting("2026-03-06");
  CompleteRhi("E5", "2026-03-06T14:00");

  // Monday: the Friday interviews not held are overdue, most overdue first;
  // C1 reaches the last step; the Monday-before returns left the link window.
  EXPECT_EQ(Agenda("2026-03-09"),
            R"--(Agenda for Monday 2026-03-09, as of 2026-03-09 09:30 GMT

Missing now (1)
  CHILD         EPISODE  RISK  CATEGORY  MISSING FOR  ESCALATION                       FLAGS
  Amy, 15 (C1)  E3       HIGH  MISSING   7d 15h       director of children's services  open_to_cst, cce_concern

Returned since the last meeting (0)
  none

RHI overdue (2)
  CHILD         EPISODE  RETURNED              RHI DUE               DEADLINE           RHI      FLAGS
  Dee, 15 (C4)  E6       2026-03-03 10:00 GMT  2026-03-06 10:15 GMT  overdue by 2d 23h  OVERDUE  -
  Eve, 15 (C5)  E7       2026-03-06 06:00 GMT  2026-03-09 08:00 GMT  overdue by 1h 30m  OVERDUE  -

RHI due before the next meeting (0)
  none

Repeat missing (1)
  CHILD         EPISODES               LATEST  LATEST MISSING SINCE  FLAGS
  Dee, 15 (C4)  3 episodes in 90 days  E6      2026-03-03 01:00 GMT  -

Linked episodes (0)
  none

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  // The week's meetings froze what was discussed: Wednesday's C4 return.
  EXPECT_EQ(Ok("manager", {"meeting", "show", "M3"}),
            R"--(meeting id:                       M3
day:                              2026-03-04
state:                            OPEN
agenda as of:                     2026-03-04 09:30 GMT
closed at:                        -
attendees:                        -
missing now:                      1
returned since the last meeting:  1
RHI overdue:                      0
RHI due before the next meeting:  2
repeat missing:                   1
linked episodes:                  1
exploitation concerns:            0
open actions:                     0

Notes and decisions (0)
  none

Actions (0)
  none
)--");
}

TEST_F(CliMeetingTest, MeetingIsOpenedAnnotatedClosedAndTakesOnlyAddenda) {
  AddChild("Amy");
  AddChild("Ben");
  Missing("C1", "R-1", "2026-03-01T18:00", "2026-03-01T18:30", "high");
  EXPECT_EQ(Ok("coordinator", {"meeting", "open", "--day", "2026-03-02",
                               "--as-of", "2026-03-02 09:30"}),
            R"--(meeting id:                       M1
day:                              2026-03-02
state:                            OPEN
agenda as of:                     2026-03-02 09:30 GMT
closed at:                        -
attendees:                        -
missing now:                      1
returned since the last meeting:  0
RHI overdue:                      0
RHI due before the next meeting:  0
repeat missing:                   0
linked episodes:                  0
exploitation concerns:            0
open actions:                     0
)--");
  EXPECT_EQ(MaskServerTimes(Ok("coordinator",
                               {"meeting", "note", "M1", "--child", "C1",
                                "--text", "Seen near the station on Sunday"})),
            R"--(note id:  N1
child:    Amy, 15 (C1)
kind:     note
text:     Seen near the station on Sunday
author:   coordinator-user
at:       NOW
)--");
  Ok("coordinator", {"meeting", "note", "M1", "--child", "C1", "--text",
                     "Refer to the CST", "--decision"});
  Ok("coordinator", {"meeting", "note", "M1", "--child", "C2", "--text",
                     "No concerns raised"});
  EXPECT_EQ(
      MaskServerTimes(
          Ok("coordinator",
             {"meeting", "action", "M1", "--child", "C1", "--what",
              "Home visit", "--who", "Social worker", "--by-when",
              "2026-03-04 17:00", "--done-when", "Visit recorded on the file",
              "--worked-when", "No episode in 28 days"})),
      R"--(action id:               A1
child:                   Amy, 15 (C1)
meeting:                 M1 (2026-03-02)
what:                    Home visit
who:                     Social worker
by when:                 2026-03-04 17:00 GMT
how we know it is done:  Visit recorded on the file
how we know it worked:   No episode in 28 days
assignee:                -
status:                  OPEN
done evidence:           -
impact evidence:         -
drop reason:             -
agreed by:               coordinator-user at NOW
closed at:               -
)--");
  // An addendum follows a closed meeting only.
  ExpectError("coordinator",
              {"meeting", "note", "M1", "--child", "C1", "--text", "Early",
               "--addendum"},
              6,
              "mfh: --addendum: meeting M1 is still open; an addendum follows "
              "a closed meeting\n");
  // Only a coordinator runs the meeting.
  ExpectError("police", {"meeting", "close", "M1", "--attendees", "P. Liaison"},
              4, "mfh: role: police may not use mfh meeting close\n");
  const std::string closed = Ok(
      "coordinator",
      {"meeting", "close", "M1", "--attendees", "A. Coordinator,P. Liaison"});

  ExpectError("coordinator",
              {"meeting", "note", "M1", "--child", "C1", "--text", "Late"}, 6,
              "mfh: --addendum: meeting M1 is closed; mark the note or action "
              "as an addendum\n");
  ExpectError(
      "coordinator",
      {"meeting", "action", "M1", "--child", "C2", "--what", "Call", "--who",
       "School", "--by-when", "2026-03-03 12:00", "--done-when", "Call logged"},
      6,
      "mfh: --addendum: meeting M1 is closed; mark the note or action as an "
      "addendum\n");
  Ok("coordinator", {"meeting", "note", "M1", "--child", "C1", "--text",
                     "Police confirm the sighting", "--addendum"});
  Ok("coordinator",
     {"meeting", "action", "M1", "--child", "C2", "--what", "Call the school",
      "--who", "Police liaison", "--by-when", "2026-03-03 12:00", "--done-when",
      "Call logged", "--assignee", "police-user", "--addendum"});

  const std::string kHeader = R"--(meeting id:                       M1
day:                              2026-03-02
state:                            CLOSED
agenda as of:                     2026-03-02 09:30 GMT
closed at:                        NOW
attendees:                        A. Coordinator, P. Liaison
missing now:                      1
returned since the last meeting:  0
RHI overdue:                      0
RHI due before the next meeting:  0
repeat missing:                   0
linked episodes:                  0
exploitation concerns:            0
open actions:                     0
)--";
  EXPECT_EQ(MaskServerTimes(closed), kHeader + R"--(
Notes and decisions (3)
  Amy, 15 (C1)
    note:      Seen near the station on Sunday (coordinator-user, NOW)
    decision:  Refer to the CST (coordinator-user, NOW)
  Ben, 15 (C2)
    note:  No concerns raised (coordinator-user, NOW)

Actions (1)
  A1 for Amy, 15 (C1): OPEN
    what:                    Home visit
    who:                     Social worker
    by when:                 2026-03-04 17:00 GMT
    how we know it is done:  Visit recorded on the file
    how we know it worked:   No episode in 28 days
    assignee:                -
    agreed by:               coordinator-user at NOW
)--");
  EXPECT_EQ(MaskServerTimes(Ok("manager", {"meeting", "show", "M1"})),
            kHeader + R"--(
Notes and decisions (4)
  Amy, 15 (C1)
    note:             Seen near the station on Sunday (coordinator-user, NOW)
    decision:         Refer to the CST (coordinator-user, NOW)
    note (addendum):  Police confirm the sighting (coordinator-user, NOW)
  Ben, 15 (C2)
    note:  No concerns raised (coordinator-user, NOW)

Actions (2)
  A1 for Amy, 15 (C1): OPEN
    what:                    Home visit
    who:                     Social worker
    by when:                 2026-03-04 17:00 GMT
    how we know it is done:  Visit recorded on the file
    how we know it worked:   No episode in 28 days
    assignee:                -
    agreed by:               coordinator-user at NOW
  A2 for Ben, 15 (C2): OPEN (addendum)
    what:                    Call the school
    who:                     Police liaison
    by when:                 2026-03-03 12:00 GMT
    how we know it is done:  Call logged
    how we know it worked:   -
    assignee:                police-user
    agreed by:               coordinator-user at NOW
)--");
  // Closing again with the same attendees is a retry; with others, refused.
  EXPECT_EQ(
      Mask(Ok("coordinator", {"meeting", "close", "M1", "--attendees",
                              "A. Coordinator,P. Liaison", "--output", "csv"}),
           absl::StrCat("(CLOSED,[^,]*,)", kUtcTime), "$1NOW"),
      "meeting_id,day,state,as_of,closed_at,attendees,missing_now,returned,"
      "rhi_overdue,rhi_due_soon,repeat_missing,linked,exploitation_concerns,"
      "open_actions,notes,"
      "actions\n"
      "M1,2026-03-02,MEETING_STATE_CLOSED,2026-03-02T09:30:00Z,NOW,\"A. "
      "Coordinator,P. Liaison\",1,0,0,0,0,0,0,0,4,2\n");
  ExpectError("coordinator", {"meeting", "close", "M1", "--attendees", "A"}, 6,
              "mfh: meeting_id: meeting M1 is already closed\n");
}

// The agenda of `day` with nothing on it but these open actions.
std::string OnlyActions(const std::string& heading,
                        const std::string& actions) {
  return heading + R"--(

Missing now (0)
  none

Returned since the last meeting (0)
  none

RHI overdue (0)
  none

RHI due before the next meeting (0)
  none

Repeat missing (0)
  none

Linked episodes (0)
  none

Exploitation concerns (0)
  none

)--" + actions;
}

TEST_F(CliMeetingTest, ActionIsCarriedToEveryAgendaUntilDone) {
  AddChild("Amy");
  Ok("coordinator", {"child", "flag", "C1", "--set", "open_to_cst", "--at",
                     "2026-02-01T10:00"});
  OpenMeeting("2026-03-02");
  Ok("coordinator",
     {"meeting", "action", "M1", "--child", "C1", "--what", "Home visit",
      "--who", "Social worker", "--by-when", "2026-03-03 17:00", "--done-when",
      "Visit recorded on the file"});
  Ok("coordinator",
     {"meeting", "close", "M1", "--attendees", "A. Coordinator"});

  EXPECT_EQ(
      Agenda("2026-03-03"),
      OnlyActions("Agenda for Tuesday 2026-03-03, as of 2026-03-03 09:30 GMT",
                  R"--(Open actions (1)
  ACTION  CHILD         BY WHEN               DEADLINE       WHO            WHAT        FLAGS
  A1      Amy, 15 (C1)  2026-03-03 17:00 GMT  due in 7h 30m  Social worker  Home visit  open_to_cst
)--"));
  OpenMeeting("2026-03-03");
  Ok("coordinator", {"meeting", "action", "M2", "--child", "C1", "--what",
                     "Report attendance", "--who", "School", "--by-when",
                     "2026-03-06 12:00", "--done-when", "Attendance sent"});

  // Overdue first, then by by-when.
  EXPECT_EQ(
      Agenda("2026-03-04"),
      OnlyActions("Agenda for Wednesday 2026-03-04, as of 2026-03-04 09:30 GMT",
                  R"--(Open actions (2)
  ACTION  CHILD         BY WHEN               DEADLINE            WHO            WHAT               FLAGS
  A1      Amy, 15 (C1)  2026-03-03 17:00 GMT  overdue by 16h 30m  Social worker  Home visit         open_to_cst
  A2      Amy, 15 (C1)  2026-03-06 12:00 GMT  due in 2d 2h        School         Report attendance  open_to_cst
)--"));
  OpenMeeting("2026-03-04");
  EXPECT_EQ(
      Ok("manager",
         {"action", "list", "--open", "--as-of", "2026-03-04 09:30"}),
      R"--(ACTION  CHILD         MEETING DAY  STATUS  BY WHEN               DEADLINE            ASSIGNEE  WHO            WHAT
A1      Amy, 15 (C1)  2026-03-02   OPEN    2026-03-03 17:00 GMT  overdue by 16h 30m  -         Social worker  Home visit
A2      Amy, 15 (C1)  2026-03-03   OPEN    2026-03-06 12:00 GMT  due in 2d 2h        -         School         Report attendance
)--");
  EXPECT_EQ(
      MaskServerTimes(Ok("coordinator", {"action", "done", "A1", "--evidence",
                                         "Visit on file 2026-03-04"})),
      R"--(action id:               A1
child:                   Amy, 15 (C1)
meeting:                 M1 (2026-03-02)
what:                    Home visit
who:                     Social worker
by when:                 2026-03-03 17:00 GMT
how we know it is done:  Visit recorded on the file
how we know it worked:   -
assignee:                -
status:                  DONE
done evidence:           Visit on file 2026-03-04
impact evidence:         -
drop reason:             -
agreed by:               coordinator-user at NOW
closed at:               NOW
)--");

  EXPECT_EQ(
      Agenda("2026-03-05"),
      OnlyActions("Agenda for Thursday 2026-03-05, as of 2026-03-05 09:30 GMT",
                  R"--(Open actions (1)
  ACTION  CHILD         BY WHEN               DEADLINE      WHO     WHAT               FLAGS
  A2      Amy, 15 (C1)  2026-03-06 12:00 GMT  due in 1d 2h  School  Report attendance  open_to_cst
)--"));
  // How we know it worked, added once it is done, by either command.
  Ok("coordinator",
     {"action", "impact", "A1", "--worked-when", "No episode in 28 days"});
  EXPECT_EQ(
      Mask(Ok("manager",
              {"action", "done", "A1", "--evidence", "Visit on file 2026-03-04",
               "--impact", "No episode since", "--output", "csv"}),
           kUtcTime, "T"),
      R"--(action_id,child_id,name,meeting_id,meeting_day,what,who,by_when,done_when,worked_when,assignee,status,done_evidence,impact_evidence,drop_reason,addendum,created_by,created_at,closed_at
A1,C1,Amy,M1,2026-03-02,Home visit,Social worker,T,Visit recorded on the file,No episode in 28 days,,ACTION_STATUS_DONE,Visit on file 2026-03-04,No episode since,,false,coordinator-user,T,T
)--");
  ExpectError("coordinator", {"action", "impact", "A2", "--impact", "Better"},
              6, "mfh: impact_evidence: action A2 is not done yet\n");
  ExpectError("coordinator", {"action", "impact", "A2"}, 5,
              "mfh: --impact: give --impact or --worked-when, or both\n");
  ExpectError("coordinator", {"action", "drop", "A1", "--reason", "Moved"}, 6,
              "mfh: status: action A1 is already DONE\n");
  Ok("coordinator", {"action", "drop", "A2", "--reason", "Child moved away"});
  EXPECT_EQ(Ok("manager", {"action", "list", "--open", "--child", "C1"}),
            "ACTION  CHILD  MEETING DAY  STATUS  BY WHEN  DEADLINE  ASSIGNEE  "
            "WHO  WHAT\n");
  EXPECT_EQ(
      Ok("manager", {"action", "list", "--as-of", "2026-03-05 09:30"}),
      R"--(ACTION  CHILD         MEETING DAY  STATUS   BY WHEN               DEADLINE  ASSIGNEE  WHO            WHAT
A1      Amy, 15 (C1)  2026-03-02   DONE     2026-03-03 17:00 GMT  -         -         Social worker  Home visit
A2      Amy, 15 (C1)  2026-03-03   DROPPED  2026-03-06 12:00 GMT  -         -         School         Report attendance
)--");
  ExpectError("coordinator", {"action", "done", "A9", "--evidence", "x"}, 3,
              "mfh: action_id: no action A9\n");
}

TEST_F(CliMeetingTest, SecondMeetingForADayExits6) {
  OpenMeeting("2026-03-02");
  ExpectError(
      "coordinator",
      {"meeting", "open", "--day", "2026-03-02", "--as-of", "2026-03-02 10:00"},
      6, "mfh: --day: the meeting for 2026-03-02 already exists as M1\n");
  // Without --day, the day of --as-of in Europe/London.
  ExpectError("coordinator", {"meeting", "open", "--as-of", "2026-03-02 23:30"},
              6,
              "mfh: --day: the meeting for 2026-03-02 already exists as M1\n");
  ExpectError("coordinator", {"meeting", "open", "--day", "2026-3-2"}, 5,
              "mfh: --day: must be a date YYYY-MM-DD\n");
  ExpectError("police", {"meeting", "open", "--day", "2026-03-03"}, 4,
              "mfh: role: police may not use mfh meeting open\n");
  ExpectError("manager", {"meeting", "show", "M9"}, 3,
              "mfh: meeting_id: no meeting M9\n");
  ExpectError("coordinator",
              {"meeting", "note", "M1", "--child", "C9", "--text", "x"}, 3,
              "mfh: --child: no child C9\n");
}

TEST_F(CliMeetingTest, LinkedEpisodesShowUnderLinkedInEachFormat) {
  AddChild("Amy");
  AddChild("Ben");
  Missing("C1", "R-1", "2026-03-01T18:00", "2026-03-01T18:30", "high");
  Missing("C2", "R-2", "2026-03-01T18:15", "2026-03-01T18:45", "medium");
  ExpectError("coordinator", {"episode", "link", "E1"}, 2,
              "mfh: ID: At least 2 required but received 1 (see --help)\n");
  ExpectError("police", {"episode", "link", "E1", "E2"}, 4,
              "mfh: role: police may not use mfh episode link\n");
  ExpectError("coordinator", {"episode", "link", "E1", "E9"}, 3,
              "mfh: episode_ids: no episode E9\n");
  EXPECT_EQ(Ok("coordinator", {"episode", "link", "E1", "E2", "--reason",
                               "missing together from school"}),
            R"--(link id:   L1
reason:    missing together from school
episodes:  E1, E2
)--");
  EXPECT_EQ(Agenda("2026-03-02"),
            R"--(Agenda for Monday 2026-03-02, as of 2026-03-02 09:30 GMT

Missing now (2)
  CHILD         EPISODE  RISK    CATEGORY  MISSING FOR  ESCALATION    FLAGS
  Amy, 15 (C1)  E1       HIGH    MISSING   15h 30m      team manager  -
  Ben, 15 (C2)  E2       MEDIUM  MISSING   15h 15m      -             -

Returned since the last meeting (0)
  none

RHI overdue (0)
  none

RHI due before the next meeting (0)
  none

Repeat missing (0)
  none

Linked episodes (1)
  GROUP                                      CHILD         EPISODE  RISK    MISSING SINCE         RETURNED  FLAGS
  L1 (linked: missing together from school)  Amy, 15 (C1)  E1       HIGH    2026-03-01 18:00 GMT  -         -
                                             Ben, 15 (C2)  E2       MEDIUM  2026-03-01 18:15 GMT  -         -

Exploitation concerns (0)
  none

Open actions (0)
  none
)--");
  EXPECT_EQ(
      Ok("manager", {"agenda", "--day", "2026-03-02", "--as-of",
                     "2026-03-02T09:30:00Z", "--output", "csv"}),
      R"--(section,link_id,link_reason,child_id,name,episode_id,action_id,flags,risk,category,missing_since,escalation,returned_at,return_notified_at,due_at,rhi_status,episode_count,what,who,by_when,found_location,found_with,previous_rhi_episode_id,previous_rhi_status,previous_rhi_closed_at,previous_rhi_concerns,previous_rhi_referral_made,repeat_window_days,indicators,completed_at
missing_now,,,C1,Amy,E1,,,RISK_HIGH,CATEGORY_MISSING,2026-03-01T18:00:00Z,team manager,,,,,,,,,,,,,,,,,,
missing_now,,,C2,Ben,E2,,,RISK_MEDIUM,CATEGORY_MISSING,2026-03-01T18:15:00Z,,,,,,,,,,,,,,,,,,,
linked,L1,missing together from school,C1,Amy,E1,,,RISK_HIGH,CATEGORY_MISSING,2026-03-01T18:00:00Z,team manager,,,,,,,,,,,,,,,,,,
linked,L1,missing together from school,C2,Ben,E2,,,RISK_MEDIUM,CATEGORY_MISSING,2026-03-01T18:15:00Z,,,,,,,,,,,,,,,,,,,
)--");
  EXPECT_EQ(
      Ok("police", {"agenda", "--day", "2026-03-02", "--as-of",
                    "2026-03-02 09:30", "--output", "json"}),
      R"--({"agenda":{"day":"2026-03-02","missing_now":[{"child_id":"C1","episode_id":"E1","action_id":"","flags":[],"risk":"RISK_HIGH","escalation":"team manager","rhi_status":"RHI_STATUS_UNSPECIFIED","episode_count":0,"what":"","who":"","category":"CATEGORY_MISSING","name":"Amy","age":15,"found_location":"","found_with":"","indicators":[],"missing_since":"2026-03-01T18:00:00Z"},{"child_id":"C2","episode_id":"E2","action_id":"","flags":[],"risk":"RISK_MEDIUM","escalation":"","rhi_status":"RHI_STATUS_UNSPECIFIED","episode_count":0,"what":"","who":"","category":"CATEGORY_MISSING","name":"Ben","age":15,"found_location":"","found_with":"","indicators":[],"missing_since":"2026-03-01T18:15:00Z"}],"returned":[],"rhi_overdue":[],"rhi_due_soon":[],"repeat_missing":[],"linked":[{"link_id":"L1","suggested":false,"reason":"missing together from school","entries":[{"child_id":"C1","episode_id":"E1","action_id":"","flags":[],"risk":"RISK_HIGH","escalation":"team manager","rhi_status":"RHI_STATUS_UNSPECIFIED","episode_count":0,"what":"","who":"","category":"CATEGORY_MISSING","name":"Amy","age":15,"found_location":"","found_with":"","indicators":[],"missing_since":"2026-03-01T18:00:00Z"},{"child_id":"C2","episode_id":"E2","action_id":"","flags":[],"risk":"RISK_MEDIUM","escalation":"","rhi_status":"RHI_STATUS_UNSPECIFIED","episode_count":0,"what":"","who":"","category":"CATEGORY_MISSING","name":"Ben","age":15,"found_location":"","found_with":"","indicators":[],"missing_since":"2026-03-01T18:15:00Z"}]}],"exploitation_concerns":[],"open_actions":[],"intelligence_unacknowledged":0,"as_of":"2026-03-02T09:30:00Z"}}
)--");
  // The same episodes linked again is a retry: the link they already have.
  EXPECT_EQ(
      Ok("coordinator", {"episode", "link", "E2", "E1", "--output", "csv"}),
      "link_id,suggested,reason,episode_ids\n"
      "L1,false,missing together from school,\"E1,E2\"\n");
}

// Every new command in every format: the table starts with its header or
// first label, the JSON is one line of the response, the CSV starts with its
// header. (The whole outputs are pinned above.)
TEST_F(CliMeetingTest, EveryGovernanceCommandPrintsEachFormat) {
  AddChild("Amy");
  AddChild("Ben");
  Missing("C1", "R-1", "2026-03-01T18:00", "2026-03-01T18:30", "high");
  Missing("C2", "R-2", "2026-03-01T18:15", "2026-03-01T18:45", "medium");
  const std::string kMeetingCsv =
      "meeting_id,day,state,as_of,closed_at,attendees,missing_now,returned,"
      "rhi_overdue,rhi_due_soon,repeat_missing,linked,exploitation_concerns,"
      "open_actions,notes,"
      "actions\n";
  const std::string kActionCsv =
      "action_id,child_id,name,meeting_id,meeting_day,what,who,by_when,"
      "done_when,"
      "worked_when,assignee,status,done_evidence,impact_evidence,drop_reason,"
      "addendum,created_by,created_at,closed_at\n";
  struct Case {
    std::vector<std::string> args;  // {N}: 0, 1, 2 for the three formats
    std::string table_start;
    std::string json_start;
    std::string csv_start;
  };
  const std::vector<Case> cases = {
      {{"agenda", "--as-of", "2026-03-02 09:30"},
       "Agenda for Monday 2026-03-02, as of 2026-03-02 09:30 GMT\n",
       "{\"agenda\":{",
       "section,link_id,"},
      {{"meeting", "open", "--day", "2026-03-1{N}", "--as-of",
        "2026-03-1{N} 09:30"},
       "meeting id:",
       "{\"meeting\":{",
       kMeetingCsv},
      {{"meeting", "note", "M1", "--child", "C1", "--text", "Note {N}"},
       "note id:",
       "{\"note\":{",
       "note_id,child_id,name,text,decision,addendum,author,at\n"},
      {{"meeting", "action", "M1", "--child", "C1", "--what", "Visit", "--who",
        "SW", "--by-when", "2026-03-11 17:00", "--done-when", "Recorded"},
       "action id:",
       "{\"action\":{",
       kActionCsv},
      {{"action", "list"}, "ACTION  CHILD", "[{", kActionCsv},
      {{"action", "done", "A1", "--evidence", "Recorded"},
       "action id:",
       "{\"action\":{",
       kActionCsv},
      {{"action", "impact", "A1", "--impact", "Worked"},
       "action id:",
       "{\"action\":{",
       kActionCsv},
      {{"action", "drop", "A2", "--reason", "Moved"},
       "action id:",
       "{\"action\":{",
       kActionCsv},
      {{"meeting", "close", "M1", "--attendees", "A,B"},
       "meeting id:",
       "{\"meeting\":{",
       kMeetingCsv},
      {{"meeting", "show", "M1"}, "meeting id:", "{\"meeting\":{", kMeetingCsv},
      {{"episode", "link", "E1", "E2"},
       "link id:",
       "{\"link\":{",
       "link_id,suggested,reason,episode_ids\n"}};
  for (const Case& c : cases) {
    int n = 0;
    for (const std::string format : {"table", "json", "csv"}) {
      std::vector<std::string> args;
      for (const std::string& a : c.args) {
        args.push_back(
            std::regex_replace(a, std::regex("\\{N\\}"), absl::StrCat(n)));
      }
      ++n;
      args.insert(args.end(), {"--output", format});
      const std::string name = absl::StrJoin(args, " ");
      const std::string out = Ok("coordinator", args);
      const std::string& start = format == "table"  ? c.table_start
                                 : format == "json" ? c.json_start
                                                    : c.csv_start;
      EXPECT_EQ(out.substr(0, start.size()), start) << name << "\n" << out;
      ASSERT_FALSE(out.empty()) << name;
      EXPECT_EQ(out.back(), '\n') << name;
      if (format == "json") {
        EXPECT_EQ(out.find('\n'), out.size() - 1) << name;
      }
    }
  }
}

TEST_F(CliMeetingTest, HelpDescribesEveryGovernanceCommandWithAnExample) {
  testing::CommandResult top = testing::RunCommand({MFH_CLI_BINARY, "--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* word : {"agenda", "meeting", "action"}) {
    EXPECT_NE(top.out.find(word), std::string::npos) << word;
  }
  const std::vector<std::vector<std::string>> leaves = {
      {"agenda"},           {"meeting", "open"},
      {"meeting", "note"},  {"meeting", "action"},
      {"meeting", "close"}, {"meeting", "show"},
      {"action", "list"},   {"action", "done"},
      {"action", "impact"}, {"action", "drop"},
      {"episode", "link"}};
  for (const std::vector<std::string>& leaf : leaves) {
    std::vector<std::string> argv = {MFH_CLI_BINARY};
    argv.insert(argv.end(), leaf.begin(), leaf.end());
    argv.push_back("--help");
    testing::CommandResult r = testing::RunCommand(argv);
    const std::string name = absl::StrJoin(leaf, " ");
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_NE(r.out.find(absl::StrCat("Usage: mfh ", name)), std::string::npos)
        << name << "\n"
        << r.out;
    EXPECT_NE(r.out.find(absl::StrCat("Example:\n  mfh ", name)),
              std::string::npos)
        << name << "\n"
        << r.out;
  }
  testing::CommandResult action =
      testing::RunCommand({MFH_CLI_BINARY, "meeting", "action", "--help"});
  for (const char* flag :
       {"--child", "--what", "--who", "--by-when", "--done-when",
        "--worked-when", "--assignee", "--addendum"}) {
    EXPECT_NE(action.out.find(flag), std::string::npos) << flag;
  }
  testing::CommandResult done =
      testing::RunCommand({MFH_CLI_BINARY, "action", "done", "--help"});
  EXPECT_NE(done.out.find("action impact"), std::string::npos) << done.out;
}

}  // namespace
}  // namespace mfh
