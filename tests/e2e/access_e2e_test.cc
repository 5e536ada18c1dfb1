// Every RPC of the API as every role, generated from the role table
// (services/app/calls.h and domain::HasRight): with a valid request, with
// ids that match no record, and with a malformed field (and unknown ids);
// and without a token. Each answers exactly as DESIGN.md sections 3 and 4
// say, in their order (authentication, role, fields, NOT_FOUND), and a
// refused call changes nothing.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/time_util.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/intelligence.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "mfh/v1/report.grpc.pb.h"
#include "services/app/calls.h"
#include "services/domain/roles.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using google::protobuf::util::TimeUtil;
using grpc::StatusCode;

const std::vector<std::string> kRoles = {"coordinator", "police", "rhi_worker",
                                         "manager", "admin"};

google::protobuf::Timestamp Ts(const std::string& rfc3339) {
  google::protobuf::Timestamp ts;
  EXPECT_TRUE(TimeUtil::FromString(rfc3339, &ts)) << rfc3339;
  return ts;
}

// A timestamp no protobuf Timestamp may hold: the transport cannot decode it.
google::protobuf::Timestamp Bad() {
  google::protobuf::Timestamp ts;
  ts.set_nanos(-1);
  return ts;
}

enum class Variant { kValid, kUnknownIds, kMalformed };

struct Stubs {
  std::unique_ptr<v1::ChildService::Stub> children;
  std::unique_ptr<v1::EpisodeService::Stub> episodes;
  std::unique_ptr<v1::InterviewService::Stub> interviews;
  std::unique_ptr<v1::IntelligenceService::Stub> intelligence;
  std::unique_ptr<v1::MeetingService::Stub> meetings;
  std::unique_ptr<v1::ReportService::Stub> reports;
  std::unique_ptr<v1::AdminService::Stub> admin;
};

// One RPC: its right (from the role table) and how to call it in each
// variant. has_ids: whether it names records (unknown ones are NOT_FOUND);
// has_malformed: whether it has a field that can be malformed.
struct Rpc {
  std::string name;
  domain::Right right;
  bool has_ids;
  bool has_malformed;
  std::function<grpc::Status(Stubs&, grpc::ClientContext*, Variant)> call;
};

template <typename Request, typename Response, typename Stub>
grpc::Status Unary(Stub& stub,
                   grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                const Request&, Response*),
                   grpc::ClientContext* ctx, const Request& req) {
  Response resp;
  return (stub.*method)(ctx, req, &resp);
}

int users_added = 0;

std::vector<Rpc> AllRpcs() {
  namespace c = app::calls;
  using V = Variant;
  using v1::AdminService;
  using v1::ChildService;
  using v1::EpisodeService;
  using v1::InterviewService;
  using v1::MeetingService;
  using v1::ReportService;
  return {
      {"CreateChild", c::kCreateChild.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::CreateChildRequest r;
         r.set_name("New Child");
         r.set_date_of_birth(v == V::kMalformed ? "14/05/2012" : "2012-05-14");
         return Unary(*s.children, &ChildService::Stub::CreateChild, ctx, r);
       }},
      {"UpdateChild", c::kUpdateChild.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::UpdateChildRequest r;
         r.set_child_id(v == V::kUnknownIds ? "C999" : "C1");
         r.set_school("Elm High");
         if (v == V::kMalformed) r.set_sex("bogus");
         return Unary(*s.children, &ChildService::Stub::UpdateChild, ctx, r);
       }},
      {"GetChild", c::kGetChild.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::GetChildRequest r;
         r.set_child_id(v == V::kValid        ? "C1"
                        : v == V::kUnknownIds ? "C999"
                                              : "");
         return Unary(*s.children, &ChildService::Stub::GetChild, ctx, r);
       }},
      {"ListChildren", c::kListChildren.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListChildrenRequest r;
         if (v == V::kMalformed) r.set_flag("bogus");
         return Unary(*s.children, &ChildService::Stub::ListChildren, ctx, r);
       }},
      {"SetFlag", c::kSetFlag.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::SetFlagRequest r;
         r.set_child_id(v == V::kValid ? "C1" : "C999");
         r.set_flag("cse_concern");
         *r.mutable_at() =
             v == V::kMalformed ? Bad() : Ts("2026-11-02T09:00:00Z");
         return Unary(*s.children, &ChildService::Stub::SetFlag, ctx, r);
       }},
      {"ClearFlag", c::kClearFlag.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ClearFlagRequest r;
         r.set_child_id(v == V::kValid ? "C2" : "C999");
         r.set_flag(v == V::kMalformed ? "bogus" : "cce_concern");
         return Unary(*s.children, &ChildService::Stub::ClearFlag, ctx, r);
       }},
      {"ReportMissing", c::kReportMissing.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ReportMissingRequest r;
         r.set_child_id(v == V::kValid ? "C3" : "C999");
         r.set_police_force("MET");
         r.set_police_ref(v == V::kValid ? "R-2" : "R-NEW");
         *r.mutable_missing_since() = Ts("2026-11-20T10:00:00Z");
         *r.mutable_notified_at() = Ts("2026-11-20T10:00:00Z");
         r.set_risk(v == V::kMalformed ? static_cast<v1::Risk>(99)
                                       : v1::RISK_LOW);
         return Unary(*s.episodes, &EpisodeService::Stub::ReportMissing, ctx,
                      r);
       }},
      {"LogReturn", c::kLogReturn.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::LogReturnRequest r;
         r.set_episode_id(v == V::kValid ? "E1" : "E999");
         *r.mutable_returned_at() = Ts("2026-11-02T08:00:00Z");
         *r.mutable_return_notified_at() = Ts("2026-11-02T08:00:00Z");
         if (v == V::kMalformed) {
           r.set_returned_to(static_cast<v1::ReturnedTo>(99));
         }
         return Unary(*s.episodes, &EpisodeService::Stub::LogReturn, ctx, r);
       }},
      {"CorrectReturn", c::kCorrectReturn.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::CorrectReturnRequest r;
         r.set_episode_id(v == V::kValid ? "E1" : "E999");
         r.set_reason("checked");
         *r.mutable_returned_at() = Ts("2026-11-02T08:00:00Z");
         if (v == V::kMalformed) {
           r.set_returned_to(static_cast<v1::ReturnedTo>(99));
         }
         return Unary(*s.episodes, &EpisodeService::Stub::CorrectReturn, ctx,
                      r);
       }},
      {"UpdateEpisode", c::kUpdateEpisode.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::UpdateEpisodeRequest r;
         r.set_episode_id(v == V::kValid ? "E2" : "E999");
         r.set_reason("regrade");
         if (v == V::kMalformed) {
           r.set_category(static_cast<v1::Category>(9));
         } else {
           r.set_risk(v1::RISK_LOW);
           *r.mutable_risk_from() = Ts("2026-11-20T10:00:00Z");
         }
         return Unary(*s.episodes, &EpisodeService::Stub::UpdateEpisode, ctx,
                      r);
       }},
      {"VoidEpisode", c::kVoidEpisode.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::VoidEpisodeRequest r;
         r.set_episode_id(v == V::kValid ? "E3" : "E999");
         if (v != V::kMalformed) r.set_reason("reported in error");
         return Unary(*s.episodes, &EpisodeService::Stub::VoidEpisode, ctx, r);
       }},
      {"GetEpisode", c::kGetEpisode.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::GetEpisodeRequest r;
         r.set_episode_id(v == V::kValid        ? "E1"
                          : v == V::kUnknownIds ? "E999"
                                                : "");
         return Unary(*s.episodes, &EpisodeService::Stub::GetEpisode, ctx, r);
       }},
      {"ListEpisodes", c::kListEpisodes.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListEpisodesRequest r;
         r.set_child_id(v == V::kValid ? "C1" : "C999");
         if (v == V::kMalformed) r.set_page_size(2000);
         return Unary(*s.episodes, &EpisodeService::Stub::ListEpisodes, ctx, r);
       }},
      {"LinkEpisodes", c::kLinkEpisodes.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::LinkEpisodesRequest r;
         r.add_episode_ids(v == V::kValid ? "E1" : "E999");
         if (v != V::kMalformed) r.add_episode_ids("E2");
         r.set_reason("seen together");
         return Unary(*s.episodes, &EpisodeService::Stub::LinkEpisodes, ctx, r);
       }},
      {"WatchBoard", c::kWatchBoard.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::WatchBoardRequest r;
         if (v == V::kMalformed) *r.mutable_as_of() = Bad();
         auto stream = s.episodes->WatchBoard(ctx, r);
         v1::WatchBoardResponse first;
         if (stream->Read(&first)) {
           ctx->TryCancel();
           stream->Finish().IgnoreError();
           return grpc::Status::OK;
         }
         return stream->Finish();
       }},
      {"ListInterviews", c::kListInterviews.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListInterviewsRequest r;
         r.set_child_id(v == V::kValid ? "C1" : "C999");
         if (v == V::kMalformed) r.add_statuses(static_cast<v1::RhiStatus>(99));
         return Unary(*s.interviews, &InterviewService::Stub::ListInterviews,
                      ctx, r);
       }},
      {"GetInterview", c::kGetInterview.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::GetInterviewRequest r;
         r.set_episode_id(v == V::kValid        ? "E1"
                          : v == V::kUnknownIds ? "E999"
                                                : "");
         return Unary(*s.interviews, &InterviewService::Stub::GetInterview, ctx,
                      r);
       }},
      {"RecordOffer", c::kRecordOffer.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RecordOfferRequest r;
         r.set_episode_id(v == V::kValid ? "E1" : "E999");
         *r.mutable_at() =
             v == V::kMalformed ? Bad() : Ts("2026-11-03T10:00:00Z");
         r.set_by("Worker");
         return Unary(*s.interviews, &InterviewService::Stub::RecordOffer, ctx,
                      r);
       }},
      {"RecordDecline", c::kRecordDecline.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RecordDeclineRequest r;
         r.set_episode_id(v == V::kValid ? "E4" : "E999");
         *r.mutable_at() = Ts("2026-11-03T10:00:00Z");
         if (v != V::kMalformed) r.set_reason("did not want to talk");
         return Unary(*s.interviews, &InterviewService::Stub::RecordDecline,
                      ctx, r);
       }},
      {"RecordFollowUp", c::kRecordFollowUp.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RecordFollowUpRequest r;
         r.set_episode_id(v == V::kValid ? "E4" : "E999");
         *r.mutable_at() =
             v == V::kMalformed ? Bad() : Ts("2026-11-04T10:00:00Z");
         r.set_by("Worker");
         return Unary(*s.interviews, &InterviewService::Stub::RecordFollowUp,
                      ctx, r);
       }},
      {"RecordCompletion", c::kRecordCompletion.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RecordCompletionRequest r;
         r.set_episode_id(v == V::kValid ? "E5" : "E999");
         *r.mutable_at() = Ts("2026-11-03T10:00:00Z");
         r.set_by("Worker");
         r.mutable_outcome()->add_concerns(v == V::kMalformed
                                               ? static_cast<v1::Concern>(99)
                                               : v1::CONCERN_NONE);
         return Unary(*s.interviews, &InterviewService::Stub::RecordCompletion,
                      ctx, r);
       }},
      {"RecordFindings", c::kRecordFindings.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RecordFindingsRequest r;
         r.set_episode_id(v == V::kValid ? "E5" : "E999");
         v1::Findings* f = r.mutable_findings();
         f->add_places("Wigan bus station");
         f->add_indicators(v == V::kMalformed
                               ? static_cast<v1::ExploitationIndicator>(99)
                               : v1::INDICATOR_CCE);
         f->set_share_with_police(true);
         f->set_share_basis("consent");
         return Unary(*s.interviews, &InterviewService::Stub::RecordFindings,
                      ctx, r);
       }},
      {"MarkNotHeld", c::kMarkNotHeld.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::MarkNotHeldRequest r;
         r.set_episode_id(v == V::kValid ? "E6" : "E999");
         if (v != V::kMalformed) r.set_reason("three attempts");
         *r.mutable_at() = Ts("2026-11-03T10:00:00Z");
         return Unary(*s.interviews, &InterviewService::Stub::MarkNotHeld, ctx,
                      r);
       }},
      {"MarkNotRequired", c::kMarkNotRequired.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::MarkNotRequiredRequest r;
         r.set_episode_id(v == V::kValid ? "E7" : "E999");
         r.set_reason("moved away");
         *r.mutable_at() =
             v == V::kMalformed ? Bad() : Ts("2026-11-03T10:00:00Z");
         return Unary(*s.interviews, &InterviewService::Stub::MarkNotRequired,
                      ctx, r);
       }},
      {"GetAgenda", c::kGetAgenda.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::GetAgendaRequest r;
         r.set_day(v == V::kMalformed ? "2026-13-01" : "2026-11-30");
         return Unary(*s.meetings, &MeetingService::Stub::GetAgenda, ctx, r);
       }},
      {"OpenMeeting", c::kOpenMeeting.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::OpenMeetingRequest r;
         r.set_day(v == V::kMalformed ? "2026-13-01" : "2026-11-29");
         return Unary(*s.meetings, &MeetingService::Stub::OpenMeeting, ctx, r);
       }},
      {"AddNote", c::kAddNote.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::AddNoteRequest r;
         r.set_meeting_id(v == V::kValid ? "M1" : "M999");
         r.set_child_id("C1");
         if (v != V::kMalformed) r.set_text("Seen at school");
         return Unary(*s.meetings, &MeetingService::Stub::AddNote, ctx, r);
       }},
      {"AddAction", c::kAddAction.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::AddActionRequest r;
         r.set_meeting_id(v == V::kValid ? "M1" : "M999");
         r.set_child_id("C1");
         r.set_what("Strategy meeting");
         r.set_who("CST");
         *r.mutable_by_when() =
             v == V::kMalformed ? Bad() : Ts("2026-12-04T17:00:00Z");
         r.set_done_when("Minutes on file");
         return Unary(*s.meetings, &MeetingService::Stub::AddAction, ctx, r);
       }},
      {"UpdateAction", c::kUpdateAction.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::UpdateActionRequest r;
         r.set_action_id(v == V::kValid ? "A1" : "A999");
         r.set_status(v == V::kMalformed ? static_cast<v1::ActionStatus>(99)
                                         : v1::ACTION_STATUS_DONE);
         r.set_done_evidence("Log 4471");
         return Unary(*s.meetings, &MeetingService::Stub::UpdateAction, ctx, r);
       }},
      {"CloseMeeting", c::kCloseMeeting.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::CloseMeetingRequest r;
         r.set_meeting_id(v == V::kValid ? "M1" : "M999");
         if (v != V::kMalformed) r.add_attendees("MFH coordinator");
         return Unary(*s.meetings, &MeetingService::Stub::CloseMeeting, ctx, r);
       }},
      {"GetMeeting", c::kGetMeeting.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::GetMeetingRequest r;
         r.set_meeting_id(v == V::kValid        ? "M1"
                          : v == V::kUnknownIds ? "M999"
                                                : "");
         return Unary(*s.meetings, &MeetingService::Stub::GetMeeting, ctx, r);
       }},
      {"ListActions", c::kListActions.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListActionsRequest r;
         r.set_child_id(v == V::kValid ? "C1" : "C999");
         if (v == V::kMalformed) r.set_page_size(-5);
         return Unary(*s.meetings, &MeetingService::Stub::ListActions, ctx, r);
       }},
      {"ListMeetings", c::kListMeetings.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListMeetingsRequest r;
         if (v == V::kMalformed) r.set_page_size(-5);
         return Unary(*s.meetings, &MeetingService::Stub::ListMeetings, ctx, r);
       }},
      {"MonthlyReport", c::kMonthlyReport.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::MonthlyReportRequest r;
         r.set_month(v == V::kMalformed ? "2026-13" : "2026-11");
         return Unary(*s.reports, &ReportService::Stub::MonthlyReport, ctx, r);
       }},
      {"ExceptionReport", c::kExceptionReport.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ExceptionReportRequest r;
         r.set_quarter(v == V::kMalformed ? "2026-Q5" : "2026-Q3");
         return Unary(*s.reports, &ReportService::Stub::ExceptionReport, ctx,
                      r);
       }},
      {"Chronology", c::kChronology.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ChronologyRequest r;
         r.set_child_id(v == V::kValid        ? "C1"
                        : v == V::kUnknownIds ? "C999"
                                              : "");
         return Unary(*s.reports, &ReportService::Stub::Chronology, ctx, r);
       }},
      {"Ssda903Missing", c::kSsda903Missing.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::Ssda903MissingRequest r;
         r.set_year(v == V::kMalformed ? "twenty" : "2026");
         return Unary(*s.reports, &ReportService::Stub::Ssda903Missing, ctx, r);
       }},
      {"Hotspots", c::kHotspots.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::HotspotsRequest r;
         *r.mutable_from() =
             v == V::kMalformed ? Bad() : Ts("2026-11-01T00:00:00Z");
         *r.mutable_to() = Ts("2026-12-01T00:00:00Z");
         return Unary(*s.reports, &ReportService::Stub::Hotspots, ctx, r);
       }},
      {"ListIntelligence", c::kListIntelligence.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListIntelligenceRequest r;
         if (v == V::kMalformed) r.set_page_token("forged");
         return Unary(*s.intelligence,
                      &v1::IntelligenceService::Stub::ListIntelligence, ctx, r);
       }},
      {"AcknowledgeIntelligence", c::kAcknowledgeIntelligence.right, true,
       false,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::AcknowledgeIntelligenceRequest r;
         r.set_episode_id(v == V::kValid ? "E5" : "E999");
         return Unary(*s.intelligence,
                      &v1::IntelligenceService::Stub::AcknowledgeIntelligence,
                      ctx, r);
       }},
      {"AddUser", c::kAddUser.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::AddUserRequest r;
         r.set_name(absl::StrCat("added-", ++users_added));
         r.set_role(v == V::kMalformed ? static_cast<v1::Role>(99)
                                       : v1::ROLE_POLICE);
         return Unary(*s.admin, &AdminService::Stub::AddUser, ctx, r);
       }},
      {"ListUsers", c::kListUsers.right, false, false,
       [](Stubs& s, grpc::ClientContext* ctx, V) {
         return Unary(*s.admin, &AdminService::Stub::ListUsers, ctx,
                      v1::ListUsersRequest());
       }},
      {"RevokeUser", c::kRevokeUser.right, true, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::RevokeUserRequest r;
         r.set_name(v == V::kValid        ? "spare-user"
                    : v == V::kUnknownIds ? "nobody"
                                          : "");
         return Unary(*s.admin, &AdminService::Stub::RevokeUser, ctx, r);
       }},
      {"ListAudit", c::kListAudit.right, false, true,
       [](Stubs& s, grpc::ClientContext* ctx, V v) {
         v1::ListAuditRequest r;
         if (v == V::kMalformed) *r.mutable_since() = Bad();
         return Unary(*s.admin, &AdminService::Stub::ListAudit, ctx, r);
       }},
  };
}

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    for (const std::string& role : kRoles) {
      tokens_[role] = testing::AddUser(db_, role + "-user", role);
    }
    testing::AddUser(db_, "spare-user", "police");
    auto server = testing::ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    stubs_ = Stubs{v1::ChildService::NewStub(channel),
                   v1::EpisodeService::NewStub(channel),
                   v1::InterviewService::NewStub(channel),
                   v1::IntelligenceService::NewStub(channel),
                   v1::MeetingService::NewStub(channel),
                   v1::ReportService::NewStub(channel),
                   v1::AdminService::NewStub(channel)};
    absl::ParseTime(absl::RFC3339_full, testing::kTestNow, &now_, nullptr);
    Seed();
  }

  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& role) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(std::chrono::system_clock::now() +
                      std::chrono::seconds(30));
    if (!role.empty()) {
      ctx->AddMetadata("authorization", "Bearer " + tokens_.at(role));
    }
    return ctx;
  }

  // C1..C7 and episodes E1..E7 (of C1, C3, C2, C4..C7): E1 and E4..E7
  // returned (each owes an RHI), E2 and E3 missing; C2 with a CCE concern;
  // meeting M1 for 2026-11-28 with A1 assigned to the police user.
  void Seed() {
    auto ok = [](const grpc::Status& s) {
      ASSERT_TRUE(s.ok()) << s.error_message();
    };
    for (int i = 1; i <= 7; ++i) {
      v1::CreateChildRequest r;
      r.set_name(absl::StrCat("Child ", i));
      r.set_date_of_birth("2012-05-14");
      v1::CreateChildResponse resp;
      ok(stubs_.children->CreateChild(Ctx("coordinator").get(), r, &resp));
    }
    v1::SetFlagRequest flag;
    flag.set_child_id("C2");
    flag.set_flag("cce_concern");
    v1::SetFlagResponse flagged;
    ok(stubs_.children->SetFlag(Ctx("coordinator").get(), flag, &flagged));
    const std::vector<std::string> episode_child = {"C1", "C3", "C2", "C4",
                                                    "C5", "C6", "C7"};
    for (int i = 1; i <= 7; ++i) {
      v1::ReportMissingRequest r;
      r.set_child_id(episode_child[i - 1]);
      r.set_police_force("MET");
      r.set_police_ref(absl::StrCat("R-", i));
      const std::string since =
          i == 2 || i == 3 ? "2026-11-20T10:00:00Z" : "2026-11-01T10:00:00Z";
      *r.mutable_missing_since() = Ts(since);
      *r.mutable_notified_at() = Ts(since);
      r.set_risk(v1::RISK_LOW);
      v1::ReportMissingResponse resp;
      ok(stubs_.episodes->ReportMissing(Ctx("police").get(), r, &resp));
      ASSERT_EQ(resp.episode().episode_id(), absl::StrCat("E", i));
      if (i == 2 || i == 3) continue;
      v1::LogReturnRequest back;
      back.set_episode_id(resp.episode().episode_id());
      *back.mutable_returned_at() = Ts("2026-11-02T08:00:00Z");
      *back.mutable_return_notified_at() = Ts("2026-11-02T08:00:00Z");
      v1::LogReturnResponse returned;
      ok(stubs_.episodes->LogReturn(Ctx("police").get(), back, &returned));
    }
    v1::OpenMeetingRequest open;
    open.set_day("2026-11-28");
    v1::OpenMeetingResponse opened;
    ok(stubs_.meetings->OpenMeeting(Ctx("coordinator").get(), open, &opened));
    v1::AddActionRequest action;
    action.set_meeting_id("M1");
    action.set_child_id("C1");
    action.set_what("Share the address");
    action.set_who("Police");
    *action.mutable_by_when() = Ts("2026-12-01T17:00:00Z");
    action.set_done_when("Log reference");
    action.set_assignee("police-user");
    v1::AddActionResponse added;
    ok(stubs_.meetings->AddAction(Ctx("coordinator").get(), action, &added));
  }

  // A call without a token moves the server's clock on 7 s, so that ten of
  // them never fall within one minute (the guessing host's limit).
  grpc::Status Call(const Rpc& rpc, const std::string& role, Variant v) {
    if (role.empty()) {
      now_ += absl::Seconds(7);
      server_->SetNow(now_);
    }
    return rpc.call(stubs_, Ctx(role).get(), v);
  }

  std::string Records() {
    testing::CommandResult dump =
        testing::RunCommand({"/usr/bin/sqlite3", db_, ".dump"});
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    std::string rows;
    for (absl::string_view line : absl::StrSplit(dump.out, '\n')) {
      if (!absl::StartsWith(line, "INSERT INTO audit")) {
        absl::StrAppend(&rows, line, "\n");
      }
    }
    return rows;
  }

  testing::TempDir dir_;
  std::string db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<testing::ServerProcess> server_;
  Stubs stubs_;
  absl::Time now_;
};

TEST_F(AccessTest, TheTableCoversEveryMethodOfEveryService) {
  std::set<std::string> methods;
  for (const char* name :
       {"mfh.v1.ChildService", "mfh.v1.EpisodeService",
        "mfh.v1.InterviewService", "mfh.v1.IntelligenceService",
        "mfh.v1.MeetingService", "mfh.v1.ReportService",
        "mfh.v1.AdminService"}) {
    const google::protobuf::ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name);
    ASSERT_NE(service, nullptr) << name;
    for (int i = 0; i < service->method_count(); ++i) {
      methods.insert(service->method(i)->name());
    }
  }
  std::set<std::string> covered;
  for (const Rpc& rpc : AllRpcs()) covered.insert(rpc.name);
  EXPECT_EQ(covered, methods);
}

TEST_F(AccessTest, EveryRpcAnswersEveryRoleInTheOrderOfTheChecks) {
  const std::string before = Records();
  for (const Rpc& rpc : AllRpcs()) {
    for (Variant v :
         {Variant::kValid, Variant::kUnknownIds, Variant::kMalformed}) {
      grpc::Status anonymous = Call(rpc, "", v);
      EXPECT_EQ(anonymous.error_code(), StatusCode::UNAUTHENTICATED)
          << rpc.name;
    }
    for (const std::string& role : kRoles) {
      const domain::Role r = domain::ParseRole(role);
      if (domain::HasRight(r, rpc.right)) continue;
      for (Variant v :
           {Variant::kValid, Variant::kUnknownIds, Variant::kMalformed}) {
        grpc::Status denied = Call(rpc, role, v);
        EXPECT_EQ(denied.error_code(), StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << role;
        EXPECT_EQ(denied.error_message(),
                  absl::StrCat("role: ", role, " may not call ", rpc.name));
      }
    }
    for (const std::string& role : kRoles) {
      if (!domain::HasRight(domain::ParseRole(role), rpc.right)) continue;
      if (rpc.has_malformed) {
        EXPECT_EQ(Call(rpc, role, Variant::kMalformed).error_code(),
                  StatusCode::INVALID_ARGUMENT)
            << rpc.name << " as " << role;
      }
      if (rpc.has_ids) {
        grpc::Status unknown = Call(rpc, role, Variant::kUnknownIds);
        EXPECT_EQ(unknown.error_code(), StatusCode::NOT_FOUND)
            << rpc.name << " as " << role << ": " << unknown.error_message();
      }
    }
  }
  // Every refusal left the records as they were.
  EXPECT_EQ(Records(), before);
}

TEST_F(AccessTest, EveryRoleWithTheRightIsAnsweredAndEveryOtherRefused) {
  for (const Rpc& rpc : AllRpcs()) {
    for (const std::string& role : kRoles) {
      const bool allowed = domain::HasRight(domain::ParseRole(role), rpc.right);
      grpc::Status s = Call(rpc, role, Variant::kValid);
      if (!allowed) {
        EXPECT_EQ(s.error_code(), StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << role;
      } else if (rpc.name == "UpdateAction" &&
                 !domain::HasRight(domain::ParseRole(role),
                                   domain::Right::kUpdateAnyAction) &&
                 role != "police") {
        // Only the assignee of A1 (the police user) among those who may
        // update their own actions.
        EXPECT_EQ(s.error_code(), StatusCode::PERMISSION_DENIED) << role;
        EXPECT_EQ(s.error_message(),
                  absl::StrCat("role: ", role,
                               " may update only actions assigned to them"));
      } else {
        EXPECT_EQ(s.error_code(), StatusCode::OK)
            << rpc.name << " as " << role << ": " << s.error_message();
      }
    }
  }
}

}  // namespace
}  // namespace mfh
