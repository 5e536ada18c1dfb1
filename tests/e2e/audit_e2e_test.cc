// The read audit against the real mfh-server (DESIGN.md section 4): every
// response that carries a child's record leaves an audit row naming exactly
// the children it carries, in the order first named. One test per read RPC,
// on one seeded hub where each agenda section, list and report holds
// different children; and OpenMeeting's row names every child it freezes.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/intelligence.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"
#include "tests/e2e/harness.h"
#include "tests/e2e/rpc.h"

namespace mfh {
namespace {

using v1::ChildService;
using v1::EpisodeService;
using v1::InterviewService;
using v1::MeetingService;
using v1::ReportService;

// The ids of one audit row; the rows of one RPC, oldest first.
using Ids = std::vector<std::string>;
using Rows = std::vector<Ids>;

// The server's "now" in these tests: Tuesday 1 December 2026 at noon (GMT,
// so that London time is UTC), and the agenda's day and instant.
constexpr char kNow[] = "2026-12-01T12:00:00Z";
constexpr char kAgendaDay[] = "2026-12-01";
constexpr char kAgendaAsOf[] = "2026-12-01T09:30:00Z";

// The children of the agenda of kAgendaDay as of kAgendaAsOf, section by
// section: missing now (HIGH first), returned since the last meeting, RHI
// overdue, RHI due soon, repeat missing, linked, open actions.
const Ids kAgendaChildren = {"C9", "C8", "C7", "C6", "C5",
                             "C4", "C2", "C3", "C1"};

using testing::Ts;

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const char* role : {"coordinator", "manager", "admin"}) {
      tokens_[role] = testing::AddUser(db_, std::string(role) + "-user", role);
    }
    auto server = testing::ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    absl::Time now;
    ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full, kNow, &now, nullptr));
    server_->SetNow(now);
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    children_ = ChildService::NewStub(channel);
    episodes_ = EpisodeService::NewStub(channel);
    interviews_ = InterviewService::NewStub(channel);
    intelligence_ = v1::IntelligenceService::NewStub(channel);
    meetings_ = MeetingService::NewStub(channel);
    reports_ = ReportService::NewStub(channel);
    admin_ = v1::AdminService::NewStub(channel);
    Seed();
    ASSERT_FALSE(HasFailure()) << "the hub could not be seeded";
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& role) {
    return testing::BearerContext(tokens_.at(role));
  }

  // Calls `method` as `role`, expecting OK; the response.
  template <typename Stub, typename Request, typename Response>
  Response Unary(Stub& stub,
                 grpc::Status (Stub::*method)(grpc::ClientContext*,
                                              const Request&, Response*),
                 const std::string& role, const Request& req) {
    Response resp;
    grpc::Status s = (stub.*method)(As(role).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  // A read as the manager, who may make every read these tests audit.
  template <typename Stub, typename Request, typename Response>
  Response Read(Stub& stub,
                grpc::Status (Stub::*method)(grpc::ClientContext*,
                                             const Request&, Response*),
                const Request& req) {
    return Unary(stub, method, "manager", req);
  }

  // The hub these tests read, as of kNow (each child's place in it):
  //   C1  action A1 agreed at M1 (2 November), due 6 November and still open
  //   C2  E1, missing 15 to 26 November (a long episode), linked with E2;
  //       looked after
  //   C3  E2, missing 25 to 26 November, linked with E1; a CSE concern
  //   C4  E3 to E5, missing three times in October (repeat missing); E3's
  //       RHI completed late; looked after
  //   C5  E7, back on 29 November, RHI due 08:00 on 2 December (due soon);
  //       action A2
  //   C6  E6, back on 27 November, RHI due on 30 November (overdue); looked
  //       after, placed by Kent
  //   C7  E8, back at 01:00 on 1 December (since M2); a note at M2
  //   C8  E9, missing since 20:00 on 30 November, LOW; looked after; a CSE
  //       concern
  //   C9  E10, missing since 06:00 on 1 December, HIGH; action A3
  // M1 is the meeting of 2 November, M2 that of 30 November (as of 09:30,
  // with the note and A2, A3). The other RHIs are not required.
  void Seed() {
    for (int i = 1; i <= 9; ++i) {
      v1::CreateChildRequest req;
      req.set_name(absl::StrCat("Child ", i));
      req.set_date_of_birth("2012-05-14");
      req.set_looked_after(i == 2 || i == 4 || i == 6 || i == 8);
      if (i == 6) req.set_placing_authority("Kent");
      EXPECT_EQ(Unary(*children_, &ChildService::Stub::CreateChild,
                      "coordinator", req)
                    .child()
                    .child_id(),
                absl::StrCat("C", i));
    }
    for (const char* child : {"C3", "C8"}) {
      v1::SetFlagRequest flag;
      flag.set_child_id(child);
      flag.set_flag("cse_concern");
      Unary(*children_, &ChildService::Stub::SetFlag, "coordinator", flag);
    }
    struct Spell {
      const char* child;
      const char* since;
      const char* back;  // empty while missing
      v1::Risk risk;
    };
    const std::vector<Spell> spells = {
        {"C2", "2026-11-15T10:00:00Z", "2026-11-26T09:00:00Z", v1::RISK_LOW},
        {"C3", "2026-11-25T11:00:00Z", "2026-11-26T09:00:00Z", v1::RISK_LOW},
        {"C4", "2026-10-01T10:00:00Z", "2026-10-02T10:00:00Z", v1::RISK_LOW},
        {"C4", "2026-10-10T10:00:00Z", "2026-10-11T10:00:00Z", v1::RISK_LOW},
        {"C4", "2026-10-20T10:00:00Z", "2026-10-21T10:00:00Z", v1::RISK_LOW},
        {"C6", "2026-11-26T10:00:00Z", "2026-11-27T08:00:00Z", v1::RISK_LOW},
        {"C5", "2026-11-28T20:00:00Z", "2026-11-29T08:00:00Z", v1::RISK_LOW},
        {"C7", "2026-11-30T18:00:00Z", "2026-12-01T01:00:00Z", v1::RISK_LOW},
        {"C8", "2026-11-30T20:00:00Z", "", v1::RISK_LOW},
        {"C9", "2026-12-01T06:00:00Z", "", v1::RISK_HIGH},
    };
    for (size_t i = 0; i < spells.size(); ++i) {
      const Spell& s = spells[i];
      const std::string episode = absl::StrCat("E", i + 1);
      v1::ReportMissingRequest report;
      report.set_child_id(s.child);
      report.set_police_force("MET");
      report.set_police_ref(absl::StrCat("R-", i + 1));
      *report.mutable_missing_since() = Ts(s.since);
      *report.mutable_notified_at() = Ts(s.since);
      report.set_risk(s.risk);
      EXPECT_EQ(Unary(*episodes_, &EpisodeService::Stub::ReportMissing,
                      "coordinator", report)
                    .episode()
                    .episode_id(),
                episode);
      if (std::string(s.back).empty()) continue;
      v1::LogReturnRequest back;
      back.set_episode_id(episode);
      *back.mutable_returned_at() = Ts(s.back);
      *back.mutable_return_notified_at() = Ts(s.back);
      Unary(*episodes_, &EpisodeService::Stub::LogReturn, "coordinator", back);
    }
    v1::RecordCompletionRequest late;
    late.set_episode_id("E3");
    *late.mutable_at() = Ts("2026-10-06T10:00:00Z");
    late.set_by("RHI worker");
    late.mutable_outcome()->add_concerns(v1::CONCERN_NONE);
    Unary(*interviews_, &InterviewService::Stub::RecordCompletion,
          "coordinator", late);
    const std::vector<std::pair<std::string, std::string>> not_required = {
        {"E1", "2026-11-26T10:00:00Z"},
        {"E2", "2026-11-26T10:00:00Z"},
        {"E4", "2026-10-11T12:00:00Z"},
        {"E5", "2026-10-21T12:00:00Z"}};
    for (const auto& [episode, at] : not_required) {
      v1::MarkNotRequiredRequest req;
      req.set_episode_id(episode);
      req.set_reason("seen by the allocated social worker");
      *req.mutable_at() = Ts(at);
      Unary(*interviews_, &InterviewService::Stub::MarkNotRequired,
            "coordinator", req);
    }
    v1::LinkEpisodesRequest link;
    link.add_episode_ids("E1");
    link.add_episode_ids("E2");
    link.set_reason("missing together");
    Unary(*episodes_, &EpisodeService::Stub::LinkEpisodes, "coordinator", link);

    EXPECT_EQ(OpenMeeting("2026-11-02", "2026-11-02T09:30:00Z"), "M1");
    AddAction("M1", "C1", "2026-11-06T17:00:00Z");
    EXPECT_EQ(OpenMeeting("2026-11-30", "2026-11-30T09:30:00Z"), "M2");
    v1::AddNoteRequest note;
    note.set_meeting_id("M2");
    note.set_child_id("C7");
    note.set_text("Known to the youth offending team");
    Unary(*meetings_, &MeetingService::Stub::AddNote, "coordinator", note);
    AddAction("M2", "C5", "2026-12-02T17:00:00Z");
    AddAction("M2", "C9", "2026-12-03T17:00:00Z");
  }

  std::string OpenMeeting(const std::string& day, const std::string& as_of) {
    v1::OpenMeetingRequest req;
    req.set_day(day);
    *req.mutable_as_of() = Ts(as_of);
    return Unary(*meetings_, &MeetingService::Stub::OpenMeeting, "coordinator",
                 req)
        .meeting()
        .meeting_id();
  }

  void AddAction(const std::string& meeting, const std::string& child,
                 const std::string& by_when) {
    v1::AddActionRequest req;
    req.set_meeting_id(meeting);
    req.set_child_id(child);
    req.set_what("Home visit");
    req.set_who("Social worker");
    *req.mutable_by_when() = Ts(by_when);
    req.set_done_when("Visit recorded");
    Unary(*meetings_, &MeetingService::Stub::AddAction, "coordinator", req);
  }

  // The audit rows of `rpc`, oldest first, once there are at least `rows`
  // of them (reads are audited through a batched writer), or after 5 s.
  std::vector<v1::AuditEntry> AuditOf(const std::string& rpc, size_t rows) {
    const absl::Time deadline = absl::Now() + absl::Seconds(5);
    std::vector<v1::AuditEntry> found;
    while (true) {
      found.clear();
      v1::ListAuditRequest req;
      req.set_page_size(1000);
      do {
        v1::ListAuditResponse page =
            Unary(*admin_, &v1::AdminService::Stub::ListAudit, "admin", req);
        for (const v1::AuditEntry& entry : page.entries()) {
          if (entry.rpc() == rpc) found.push_back(entry);
        }
        req.set_page_token(page.next_page_token());
      } while (!req.page_token().empty());
      if (found.size() >= rows || absl::Now() > deadline) return found;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  Rows ChildIdsOf(const std::string& rpc, size_t rows) {
    Rows out;
    for (const v1::AuditEntry& entry : AuditOf(rpc, rows)) {
      EXPECT_EQ(entry.outcome(), "OK") << rpc;
      out.emplace_back(entry.child_ids().begin(), entry.child_ids().end());
    }
    return out;
  }

  Rows EpisodeIdsOf(const std::string& rpc, size_t rows) {
    Rows out;
    for (const v1::AuditEntry& entry : AuditOf(rpc, rows)) {
      out.emplace_back(entry.episode_ids().begin(), entry.episode_ids().end());
    }
    return out;
  }

  // Children named by a response, in order, each once.
  template <typename Items>
  static void Collect(const Items& items, Ids& into) {
    for (const auto& item : items) {
      if (std::find(into.begin(), into.end(), item.child_id()) == into.end()) {
        into.push_back(item.child_id());
      }
    }
  }

  static Ids ChildrenOf(const v1::Agenda& agenda) {
    Ids ids;
    for (const auto* section :
         {&agenda.missing_now(), &agenda.returned(), &agenda.rhi_overdue(),
          &agenda.rhi_due_soon(), &agenda.repeat_missing()}) {
      Collect(*section, ids);
    }
    for (const v1::LinkedGroup& group : agenda.linked()) {
      Collect(group.entries(), ids);
    }
    Collect(agenda.open_actions(), ids);
    return ids;
  }

  testing::TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<ChildService::Stub> children_;
  std::unique_ptr<EpisodeService::Stub> episodes_;
  std::unique_ptr<InterviewService::Stub> interviews_;
  std::unique_ptr<v1::IntelligenceService::Stub> intelligence_;
  std::unique_ptr<MeetingService::Stub> meetings_;
  std::unique_ptr<ReportService::Stub> reports_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(AuditTest, GetChildNamesTheChildReturned) {
  for (const char* child : {"C4", "C7"}) {
    v1::GetChildRequest req;
    req.set_child_id(child);
    EXPECT_EQ(
        Read(*children_, &ChildService::Stub::GetChild, req).child().child_id(),
        child);
  }
  EXPECT_EQ(ChildIdsOf("GetChild", 2), (Rows{{"C4"}, {"C7"}}));
}

TEST_F(AuditTest, ListChildrenNamesEveryChildOfEachPage) {
  v1::ListChildrenRequest req;
  req.set_page_size(4);
  do {
    v1::ListChildrenResponse page =
        Read(*children_, &ChildService::Stub::ListChildren, req);
    req.set_page_token(page.next_page_token());
  } while (!req.page_token().empty());
  v1::ListChildrenRequest flagged;
  flagged.set_flag("cse_concern");
  EXPECT_EQ(Read(*children_, &ChildService::Stub::ListChildren, flagged)
                .children_size(),
            2);
  EXPECT_EQ(ChildIdsOf("ListChildren", 4), (Rows{{"C1", "C2", "C3", "C4"},
                                                 {"C5", "C6", "C7", "C8"},
                                                 {"C9"},
                                                 {"C3", "C8"}}));
}

TEST_F(AuditTest, GetEpisodeNamesTheEpisodesChild) {
  for (const char* episode : {"E7", "E1"}) {
    v1::GetEpisodeRequest req;
    req.set_episode_id(episode);
    Read(*episodes_, &EpisodeService::Stub::GetEpisode, req);
  }
  EXPECT_EQ(ChildIdsOf("GetEpisode", 2), (Rows{{"C5"}, {"C2"}}));
  EXPECT_EQ(EpisodeIdsOf("GetEpisode", 2), (Rows{{"E7"}, {"E1"}}));
}

TEST_F(AuditTest, ListEpisodesNamesTheChildOfEveryEpisodeListed) {
  v1::ListEpisodesRequest all;
  all.set_page_size(4);
  do {
    v1::ListEpisodesResponse page =
        Read(*episodes_, &EpisodeService::Stub::ListEpisodes, all);
    all.set_page_token(page.next_page_token());
  } while (!all.page_token().empty());
  v1::ListEpisodesRequest of_child;
  of_child.set_child_id("C4");
  EXPECT_EQ(Read(*episodes_, &EpisodeService::Stub::ListEpisodes, of_child)
                .episodes_size(),
            3);
  v1::ListEpisodesRequest open;
  open.set_open_only(true);
  EXPECT_EQ(Read(*episodes_, &EpisodeService::Stub::ListEpisodes, open)
                .episodes_size(),
            2);
  // Oldest first: C4's three in October, then November's in order.
  EXPECT_EQ(ChildIdsOf("ListEpisodes", 5), (Rows{{"C4", "C2"},
                                                 {"C3", "C6", "C5", "C7"},
                                                 {"C8", "C9"},
                                                 {"C4"},
                                                 {"C8", "C9"}}));
  EXPECT_EQ(EpisodeIdsOf("ListEpisodes", 5), (Rows{{"E3", "E4", "E5", "E1"},
                                                   {"E2", "E6", "E7", "E8"},
                                                   {"E9", "E10"},
                                                   {"E3", "E4", "E5"},
                                                   {"E9", "E10"}}));
}

TEST_F(AuditTest, WatchBoardNamesEveryChildOfTheSnapshot) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + tokens_.at("manager"));
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto stream = episodes_->WatchBoard(&ctx, v1::WatchBoardRequest());
  v1::WatchBoardResponse snapshot;
  ASSERT_TRUE(stream->Read(&snapshot));
  ASSERT_TRUE(snapshot.is_snapshot());
  ctx.TryCancel();
  stream->Finish().IgnoreError();
  Ids shown;
  Collect(snapshot.snapshot(), shown);
  EXPECT_EQ(shown, (Ids{"C9", "C8"}));
  EXPECT_EQ(ChildIdsOf("WatchBoard", 1), (Rows{{"C9", "C8"}}));
  EXPECT_EQ(EpisodeIdsOf("WatchBoard", 1), (Rows{{"E10", "E9"}}));
}

TEST_F(AuditTest, ListInterviewsNamesTheChildOfEveryInterview) {
  v1::ListInterviewsResponse all =
      Read(*interviews_, &InterviewService::Stub::ListInterviews,
           v1::ListInterviewsRequest());
  EXPECT_EQ(all.interviews_size(), 8);
  // Earliest due first: C4's in October, then C2's and C3's (due together).
  EXPECT_EQ(ChildIdsOf("ListInterviews", 1),
            (Rows{{"C4", "C2", "C3", "C6", "C5", "C7"}}));
}

TEST_F(AuditTest, GetInterviewNamesTheInterviewsChild) {
  for (const char* episode : {"E6", "E8"}) {
    v1::GetInterviewRequest req;
    req.set_episode_id(episode);
    Read(*interviews_, &InterviewService::Stub::GetInterview, req);
  }
  EXPECT_EQ(ChildIdsOf("GetInterview", 2), (Rows{{"C6"}, {"C7"}}));
}

TEST_F(AuditTest, GetAgendaNamesTheChildrenOfEverySection) {
  v1::GetAgendaRequest req;
  req.set_day(kAgendaDay);
  *req.mutable_as_of() = Ts(kAgendaAsOf);
  const v1::Agenda agenda =
      Read(*meetings_, &MeetingService::Stub::GetAgenda, req).agenda();
  // Each section holds a child of its own.
  Ids sections;
  for (const auto* section :
       {&agenda.missing_now(), &agenda.returned(), &agenda.rhi_overdue(),
        &agenda.rhi_due_soon(), &agenda.repeat_missing(),
        &agenda.open_actions()}) {
    Ids ids;
    Collect(*section, ids);
    sections.push_back(absl::StrJoin(ids, " "));
  }
  ASSERT_EQ(agenda.linked_size(), 1);
  Ids linked;
  Collect(agenda.linked(0).entries(), linked);
  sections.push_back(absl::StrJoin(linked, " "));
  EXPECT_EQ(sections,
            (Ids{"C9 C8", "C7", "C6", "C5", "C4", "C1 C5 C9", "C2 C3"}));
  EXPECT_EQ(ChildrenOf(agenda), kAgendaChildren);
  EXPECT_EQ(ChildIdsOf("GetAgenda", 1), (Rows{kAgendaChildren}));
}

TEST_F(AuditTest, OpenMeetingNamesEveryChildOfTheAgendaItFreezes) {
  EXPECT_EQ(OpenMeeting(kAgendaDay, kAgendaAsOf), "M3");
  // M1 froze C4 (repeat missing); M2 the returns since M1 (C2, C3, C6, C5),
  // C4 and the open action of C1.
  EXPECT_EQ(
      ChildIdsOf("OpenMeeting", 3),
      (Rows{{"C4"}, {"C2", "C3", "C6", "C5", "C4", "C1"}, kAgendaChildren}));
}

TEST_F(AuditTest, GetMeetingNamesTheChildrenOfItsAgendaNotesAndActions) {
  v1::GetMeetingRequest req;
  req.set_meeting_id("M2");
  const v1::Meeting meeting =
      Read(*meetings_, &MeetingService::Stub::GetMeeting, req).meeting();
  // The frozen agenda, then the note's child and the actions' children.
  Ids shown = ChildrenOf(meeting.agenda());
  EXPECT_EQ(shown, (Ids{"C2", "C3", "C6", "C5", "C4", "C1"}));
  Collect(meeting.notes(), shown);
  Collect(meeting.actions(), shown);
  const Ids expected = {"C2", "C3", "C6", "C5", "C4", "C1", "C7", "C9"};
  EXPECT_EQ(shown, expected);
  EXPECT_EQ(ChildIdsOf("GetMeeting", 1), (Rows{expected}));
}

TEST_F(AuditTest, ListActionsNamesTheChildOfEveryActionOfEachPage) {
  v1::ListActionsRequest req;
  req.set_page_size(2);
  do {
    v1::ListActionsResponse page =
        Read(*meetings_, &MeetingService::Stub::ListActions, req);
    req.set_page_token(page.next_page_token());
  } while (!req.page_token().empty());
  // By by_when: A1 (6 November), A2, A3.
  EXPECT_EQ(ChildIdsOf("ListActions", 2), (Rows{{"C1", "C5"}, {"C9"}}));
}

TEST_F(AuditTest, ChronologyNamesItsChild) {
  for (const char* child : {"C4", "C7"}) {
    v1::ChronologyRequest req;
    req.set_child_id(child);
    EXPECT_EQ(Read(*reports_, &ReportService::Stub::Chronology, req).child_id(),
              child);
  }
  EXPECT_EQ(ChildIdsOf("Chronology", 2), (Rows{{"C4"}, {"C7"}}));
}

TEST_F(AuditTest, ExceptionReportNamesTheChildOfEveryException) {
  v1::ExceptionReportRequest req;
  req.set_quarter("2026-Q3");
  v1::ExceptionReportResponse report =
      Read(*reports_, &ReportService::Stub::ExceptionReport, req);
  Ids shown;
  Collect(report.late_interviews(), shown);
  Collect(report.long_episodes(), shown);
  Collect(report.overdue_actions(), shown);
  // Late RHIs (C4's done late, C6's never), C2's long episode, C1's action.
  EXPECT_EQ(shown, (Ids{"C4", "C6", "C2", "C1"}));
  EXPECT_EQ(ChildIdsOf("ExceptionReport", 1), (Rows{{"C4", "C6", "C2", "C1"}}));
}

TEST_F(AuditTest, Ssda903MissingNamesTheChildOfEveryRow) {
  v1::Ssda903MissingRequest req;
  req.set_year("2026");
  v1::Ssda903MissingResponse table =
      Read(*reports_, &ReportService::Stub::Ssda903Missing, req);
  // The children looked after here (not C6, placed by Kent): C4 three times.
  ASSERT_EQ(table.rows_size(), 5);
  EXPECT_EQ(table.rows(0).child(), "C2");
  EXPECT_EQ(table.rows(4).child(), "C8");
  EXPECT_EQ(ChildIdsOf("Ssda903Missing", 1), (Rows{{"C2", "C4", "C8"}}));
}

// C4's interview (E3) and C6's (E6, completed here) name the same arcade;
// only C4's is shared with the police.
TEST_F(AuditTest, IntelligenceAndHotspotsNameTheChildrenTheyShow) {
  v1::RecordCompletionRequest done;
  done.set_episode_id("E6");
  *done.mutable_at() = Ts("2026-12-01T10:00:00Z");
  done.set_by("Worker");
  done.mutable_outcome()->add_concerns(v1::CONCERN_CCE);
  Unary(*interviews_, &InterviewService::Stub::RecordCompletion, "coordinator",
        done);
  for (const char* episode : {"E3", "E6"}) {
    v1::RecordFindingsRequest req;
    req.set_episode_id(episode);
    req.mutable_findings()->add_places("Amusement arcade, High Street");
    req.mutable_findings()->add_indicators(v1::INDICATOR_CCE);
    req.mutable_findings()->set_referral(v1::REFERRAL_MASH);
    if (std::string(episode) == "E3") {
      req.mutable_findings()->set_share_with_police(true);
      req.mutable_findings()->set_share_basis("consent");
    }
    Unary(*interviews_, &InterviewService::Stub::RecordFindings, "coordinator",
          req);
  }
  EXPECT_EQ(
      Read(*intelligence_, &v1::IntelligenceService::Stub::ListIntelligence,
           v1::ListIntelligenceRequest())
          .intelligence_size(),
      1);
  EXPECT_EQ(ChildIdsOf("ListIntelligence", 1), (Rows{{"C4"}}));
  EXPECT_EQ(EpisodeIdsOf("ListIntelligence", 1), (Rows{{"E3"}}));
  v1::HotspotsRequest hotspots;
  *hotspots.mutable_from() = Ts("2026-10-01T00:00:00Z");
  *hotspots.mutable_to() = Ts("2026-12-01T12:00:00Z");
  EXPECT_EQ(
      Read(*reports_, &ReportService::Stub::Hotspots, hotspots).hotspots_size(),
      1);
  EXPECT_EQ(ChildIdsOf("Hotspots", 1), (Rows{{"C4", "C6"}}));
}

TEST_F(AuditTest, ListMeetingsNamesNoChild) {
  // The seeded meetings, without agendas, notes or actions.
  v1::ListMeetingsResponse listed =
      Read(*meetings_, &MeetingService::Stub::ListMeetings,
           v1::ListMeetingsRequest());
  ASSERT_EQ(listed.meetings_size(), 2);
  EXPECT_FALSE(listed.meetings(1).has_agenda());
  EXPECT_EQ(listed.meetings(1).notes_size(), 0);
  EXPECT_EQ(ChildIdsOf("ListMeetings", 1), (Rows{{}}));
}

TEST_F(AuditTest, MonthlyReportNamesNoChild) {
  v1::MonthlyReportRequest req;
  req.set_month("2026-11");
  EXPECT_EQ(Read(*reports_, &ReportService::Stub::MonthlyReport, req)
                .report()
                .episodes(),
            6);
  EXPECT_EQ(ChildIdsOf("MonthlyReport", 1), (Rows{{}}));
}

// "C4 Child 4 14" for each message in `message` (itself included) that
// carries a child_id, in the order of its fields: what a person reads beside
// each id.
void CollectLabels(const google::protobuf::Message& message, Ids& out) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  const google::protobuf::Reflection* reflection = message.GetReflection();
  const FieldDescriptor* child_id = type->FindFieldByName("child_id");
  if (child_id != nullptr && !child_id->is_repeated() &&
      type->FindFieldByName("age") != nullptr) {
    out.push_back(absl::StrCat(
        reflection->GetString(message, child_id), " ",
        reflection->GetString(message, type->FindFieldByName("name")), " ",
        reflection->GetInt32(message, type->FindFieldByName("age"))));
  }
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int j = 0; j < reflection->FieldSize(message, field); ++j) {
        CollectLabels(reflection->GetRepeatedMessage(message, field, j), out);
      }
    } else if (reflection->HasField(message, field)) {
      CollectLabels(reflection->GetMessage(message, field), out);
    }
  }
}

// Every child in an answer a person reads carries its name and its age on
// the server's day (born 14 May 2012; today 1 December 2026: 14).
TEST_F(AuditTest, EveryChildInAnAnswerCarriesItsNameAndAge) {
  auto label = [](const char* id) {
    return absl::StrCat(id, " Child ", id + 1, " 14");
  };
  v1::GetMeetingRequest meeting;
  meeting.set_meeting_id("M2");
  Ids labels;
  CollectLabels(Read(*meetings_, &MeetingService::Stub::GetMeeting, meeting),
                labels);
  // The frozen agenda's entries section by section (returned, RHI overdue,
  // repeat missing, linked, open actions), then the note and the actions.
  Ids expected;
  for (const char* id : {"C2", "C3", "C6", "C5", "C6", "C4", "C2", "C3", "C1",
                         "C7", "C5", "C9"}) {
    expected.push_back(label(id));
  }
  EXPECT_EQ(labels, expected);

  labels.clear();
  v1::GetEpisodeRequest episode;
  episode.set_episode_id("E4");
  CollectLabels(Read(*episodes_, &EpisodeService::Stub::GetEpisode, episode),
                labels);
  v1::ExceptionReportRequest exceptions;
  exceptions.set_quarter("2026-Q3");
  CollectLabels(
      Read(*reports_, &ReportService::Stub::ExceptionReport, exceptions),
      labels);
  v1::ChronologyRequest chronology;
  chronology.set_child_id("C7");
  CollectLabels(Read(*reports_, &ReportService::Stub::Chronology, chronology),
                labels);
  EXPECT_EQ(labels, (Ids{label("C4"), label("C4"), label("C6"), label("C2"),
                         label("C1"), label("C7")}));
}

TEST_F(AuditTest, TheBoardsSnapshotCarriesEachChildsNameAndAge) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + tokens_.at("manager"));
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto stream = episodes_->WatchBoard(&ctx, v1::WatchBoardRequest());
  v1::WatchBoardResponse snapshot;
  ASSERT_TRUE(stream->Read(&snapshot));
  ctx.TryCancel();
  stream->Finish().IgnoreError();
  Ids labels;
  CollectLabels(snapshot, labels);
  EXPECT_EQ(labels, (Ids{"C9 Child 9 14", "C8 Child 8 14"}));
}

}  // namespace
}  // namespace mfh
