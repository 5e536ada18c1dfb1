// Every RPC of the server with no token, a bad token and each role: allowed
// or PERMISSION_DENIED exactly as DESIGN.md section 4's table says.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "mfh/v1/admin.grpc.pb.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"
#include "mfh/v1/meeting.grpc.pb.h"
#include "tests/e2e/harness.h"

namespace mfh {
namespace {

using grpc::StatusCode;

const std::vector<std::string> kRoles = {"coordinator", "police", "rhi_worker",
                                         "manager", "admin"};
const std::set<std::string> kReaders = {"coordinator", "police", "rhi_worker",
                                        "manager"};
const std::set<std::string> kEpisodeWriters = {"coordinator", "police"};
const std::set<std::string> kRhiWriters = {"coordinator", "rhi_worker"};
const std::set<std::string> kCoordinatorOnly = {"coordinator"};
const std::set<std::string> kAdminOnly = {"admin"};
// Anyone but the admin may try; police and RHI workers only on actions
// assigned to them (the empty request names none, so it is refused first).
const std::set<std::string> kActionUpdaters = kReaders;

struct Stubs {
  std::unique_ptr<v1::ChildService::Stub> children;
  std::unique_ptr<v1::EpisodeService::Stub> episodes;
  std::unique_ptr<v1::InterviewService::Stub> interviews;
  std::unique_ptr<v1::AdminService::Stub> admin;
  std::unique_ptr<v1::MeetingService::Stub> meetings;
};

// One RPC called with an empty request: who may call it, and the code an
// allowed caller gets (the empty request lacks required fields, or lists).
struct RpcCase {
  std::string name;
  std::set<std::string> allowed;
  StatusCode allowed_code;
  std::function<grpc::Status(Stubs&, grpc::ClientContext*)> call;
};

template <typename Req, typename Resp, typename Stub, typename Method>
std::function<grpc::Status(Stubs&, grpc::ClientContext*)> Call(
    std::unique_ptr<Stub> Stubs::*stub, Method method) {
  return [stub, method](Stubs& stubs, grpc::ClientContext* ctx) {
    Req req;
    Resp resp;
    return ((*(stubs.*stub)).*method)(ctx, req, &resp);
  };
}

std::vector<RpcCase> AllRpcs() {
  using v1::AdminService;
  using v1::ChildService;
  using v1::EpisodeService;
  using v1::InterviewService;
  using v1::MeetingService;
  const StatusCode kInvalid = StatusCode::INVALID_ARGUMENT;
  const StatusCode kOk = StatusCode::OK;
  return {
      {"CreateChild", kCoordinatorOnly, kInvalid,
       Call<v1::CreateChildRequest, v1::CreateChildResponse>(
           &Stubs::children, &ChildService::Stub::CreateChild)},
      {"GetChild", kReaders, kInvalid,
       Call<v1::GetChildRequest, v1::GetChildResponse>(
           &Stubs::children, &ChildService::Stub::GetChild)},
      {"ListChildren", kReaders, kOk,
       Call<v1::ListChildrenRequest, v1::ListChildrenResponse>(
           &Stubs::children, &ChildService::Stub::ListChildren)},
      {"SetFlag", kCoordinatorOnly, kInvalid,
       Call<v1::SetFlagRequest, v1::SetFlagResponse>(
           &Stubs::children, &ChildService::Stub::SetFlag)},
      {"ClearFlag", kCoordinatorOnly, kInvalid,
       Call<v1::ClearFlagRequest, v1::ClearFlagResponse>(
           &Stubs::children, &ChildService::Stub::ClearFlag)},
      {"ReportMissing", kEpisodeWriters, kInvalid,
       Call<v1::ReportMissingRequest, v1::ReportMissingResponse>(
           &Stubs::episodes, &EpisodeService::Stub::ReportMissing)},
      {"LogReturn", kEpisodeWriters, kInvalid,
       Call<v1::LogReturnRequest, v1::LogReturnResponse>(
           &Stubs::episodes, &EpisodeService::Stub::LogReturn)},
      {"CorrectReturn", kEpisodeWriters, kInvalid,
       Call<v1::CorrectReturnRequest, v1::CorrectReturnResponse>(
           &Stubs::episodes, &EpisodeService::Stub::CorrectReturn)},
      {"UpdateEpisode", kEpisodeWriters, kInvalid,
       Call<v1::UpdateEpisodeRequest, v1::UpdateEpisodeResponse>(
           &Stubs::episodes, &EpisodeService::Stub::UpdateEpisode)},
      {"GetEpisode", kReaders, kInvalid,
       Call<v1::GetEpisodeRequest, v1::GetEpisodeResponse>(
           &Stubs::episodes, &EpisodeService::Stub::GetEpisode)},
      {"ListEpisodes", kReaders, kOk,
       Call<v1::ListEpisodesRequest, v1::ListEpisodesResponse>(
           &Stubs::episodes, &EpisodeService::Stub::ListEpisodes)},
      {"ListInterviews", kReaders, kOk,
       Call<v1::ListInterviewsRequest, v1::ListInterviewsResponse>(
           &Stubs::interviews, &InterviewService::Stub::ListInterviews)},
      {"GetInterview", kReaders, kInvalid,
       Call<v1::GetInterviewRequest, v1::GetInterviewResponse>(
           &Stubs::interviews, &InterviewService::Stub::GetInterview)},
      {"RecordOffer", kRhiWriters, kInvalid,
       Call<v1::RecordOfferRequest, v1::RecordOfferResponse>(
           &Stubs::interviews, &InterviewService::Stub::RecordOffer)},
      {"RecordDecline", kRhiWriters, kInvalid,
       Call<v1::RecordDeclineRequest, v1::RecordDeclineResponse>(
           &Stubs::interviews, &InterviewService::Stub::RecordDecline)},
      {"RecordCompletion", kRhiWriters, kInvalid,
       Call<v1::RecordCompletionRequest, v1::RecordCompletionResponse>(
           &Stubs::interviews, &InterviewService::Stub::RecordCompletion)},
      {"MarkNotHeld", kRhiWriters, kInvalid,
       Call<v1::MarkNotHeldRequest, v1::MarkNotHeldResponse>(
           &Stubs::interviews, &InterviewService::Stub::MarkNotHeld)},
      {"MarkNotRequired", kRhiWriters, kInvalid,
       Call<v1::MarkNotRequiredRequest, v1::MarkNotRequiredResponse>(
           &Stubs::interviews, &InterviewService::Stub::MarkNotRequired)},
      {"LinkEpisodes", kCoordinatorOnly, kInvalid,
       Call<v1::LinkEpisodesRequest, v1::LinkEpisodesResponse>(
           &Stubs::episodes, &EpisodeService::Stub::LinkEpisodes)},
      {"GetAgenda", kReaders, kOk,
       Call<v1::GetAgendaRequest, v1::GetAgendaResponse>(
           &Stubs::meetings, &MeetingService::Stub::GetAgenda)},
      // The empty request opens today's meeting: the coordinator, asked
      // first, succeeds.
      {"OpenMeeting", kCoordinatorOnly, kOk,
       Call<v1::OpenMeetingRequest, v1::OpenMeetingResponse>(
           &Stubs::meetings, &MeetingService::Stub::OpenMeeting)},
      {"AddNote", kCoordinatorOnly, kInvalid,
       Call<v1::AddNoteRequest, v1::AddNoteResponse>(
           &Stubs::meetings, &MeetingService::Stub::AddNote)},
      {"AddAction", kCoordinatorOnly, kInvalid,
       Call<v1::AddActionRequest, v1::AddActionResponse>(
           &Stubs::meetings, &MeetingService::Stub::AddAction)},
      {"UpdateAction", kActionUpdaters, kInvalid,
       Call<v1::UpdateActionRequest, v1::UpdateActionResponse>(
           &Stubs::meetings, &MeetingService::Stub::UpdateAction)},
      {"CloseMeeting", kCoordinatorOnly, kInvalid,
       Call<v1::CloseMeetingRequest, v1::CloseMeetingResponse>(
           &Stubs::meetings, &MeetingService::Stub::CloseMeeting)},
      {"GetMeeting", kReaders, kInvalid,
       Call<v1::GetMeetingRequest, v1::GetMeetingResponse>(
           &Stubs::meetings, &MeetingService::Stub::GetMeeting)},
      {"ListActions", kReaders, kOk,
       Call<v1::ListActionsRequest, v1::ListActionsResponse>(
           &Stubs::meetings, &MeetingService::Stub::ListActions)},
      {"AddUser", kAdminOnly, kInvalid,
       Call<v1::AddUserRequest, v1::AddUserResponse>(
           &Stubs::admin, &AdminService::Stub::AddUser)},
      {"ListUsers", kAdminOnly, kOk,
       Call<v1::ListUsersRequest, v1::ListUsersResponse>(
           &Stubs::admin, &AdminService::Stub::ListUsers)},
      {"RevokeUser", kAdminOnly, kInvalid,
       Call<v1::RevokeUserRequest, v1::RevokeUserResponse>(
           &Stubs::admin, &AdminService::Stub::RevokeUser)},
      {"ListAudit", kAdminOnly, kOk,
       Call<v1::ListAuditRequest, v1::ListAuditResponse>(
           &Stubs::admin, &AdminService::Stub::ListAudit)},
  };
}

class RoleTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const std::string db = dir_->File("hub.db");
    tokens_ = new std::map<std::string, std::string>();
    for (const std::string& role : kRoles) {
      (*tokens_)[role] = testing::AddUser(db, role + "-user", role);
    }
    auto server = testing::ServerProcess::Start(db, dir_->path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = server->release();
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    stubs_ = new Stubs{v1::ChildService::NewStub(channel),
                       v1::EpisodeService::NewStub(channel),
                       v1::InterviewService::NewStub(channel),
                       v1::AdminService::NewStub(channel),
                       v1::MeetingService::NewStub(channel)};
  }

  static void TearDownTestSuite() {
    delete stubs_;
    delete server_;
    delete tokens_;
    delete dir_;
  }

  static grpc::Status CallWith(const RpcCase& rpc, const std::string& auth) {
    // Ten refused tokens from one host within a minute would slow it down
    // (tested in tests/app and boundary_e2e_test): these tests send many,
    // so the server's clock moves on 7 s a call.
    static absl::Time now = ParseNow();
    now += absl::Seconds(7);
    server_->SetNow(now);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(10));
    if (!auth.empty()) ctx.AddMetadata("authorization", auth);
    return rpc.call(*stubs_, &ctx);
  }

  static absl::Time ParseNow() {
    absl::Time t;
    std::string error;
    absl::ParseTime(absl::RFC3339_full, testing::kTestNow, &t, &error);
    return t;
  }

  static testing::TempDir* dir_;
  static std::map<std::string, std::string>* tokens_;
  static testing::ServerProcess* server_;
  static Stubs* stubs_;
};

testing::TempDir* RoleTableTest::dir_ = nullptr;
std::map<std::string, std::string>* RoleTableTest::tokens_ = nullptr;
testing::ServerProcess* RoleTableTest::server_ = nullptr;
Stubs* RoleTableTest::stubs_ = nullptr;

TEST_F(RoleTableTest, EveryRpcWithoutATokenIsUnauthenticated) {
  for (const RpcCase& rpc : AllRpcs()) {
    EXPECT_EQ(CallWith(rpc, "").error_code(), StatusCode::UNAUTHENTICATED)
        << rpc.name;
  }
}

TEST_F(RoleTableTest, EveryRpcWithABadTokenIsUnauthenticated) {
  for (const RpcCase& rpc : AllRpcs()) {
    for (const std::string& auth :
         {std::string("Bearer not-a-token"), std::string("Basic abc"),
          "Bearer " + tokens_->at("coordinator") + "x"}) {
      grpc::Status s = CallWith(rpc, auth);
      EXPECT_EQ(s.error_code(), StatusCode::UNAUTHENTICATED)
          << rpc.name << " " << auth;
    }
  }
}

TEST_F(RoleTableTest, EachRoleIsAllowedOrDeniedAsTheRoleTableSays) {
  for (const RpcCase& rpc : AllRpcs()) {
    for (const std::string& role : kRoles) {
      grpc::Status s = CallWith(rpc, "Bearer " + tokens_->at(role));
      if (rpc.allowed.count(role) > 0) {
        EXPECT_EQ(s.error_code(), rpc.allowed_code)
            << rpc.name << " as " << role << ": " << s.error_message();
      } else {
        EXPECT_EQ(s.error_code(), StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << role;
        EXPECT_EQ(s.error_message(),
                  "role: " + role + " may not call " + rpc.name);
      }
    }
  }
}

}  // namespace
}  // namespace mfh
