// libFuzzer harness: every unary RPC of the API, served by the real adapters,
// use cases and SQLite store in process, called with hostile request bytes
// as each role (or with no token). Input: the method's name ("ReportMissing"),
// a newline, a byte that picks the caller, then the request as sent on the
// wire. Whatever the bytes, the server answers with a status the API
// defines for bad input; INTERNAL or UNKNOWN for a request that parses means
// an input the boundary let through, and stops the run.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/stubs/logging.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "services/app/audit_log.h"
#include "services/app/change_feed.h"
#include "services/app/hub.h"
#include "services/domain/clock.h"
#include "services/rpc/admin_service.h"
#include "services/rpc/child_service.h"
#include "services/rpc/convert.h"
#include "services/rpc/episode_service.h"
#include "services/rpc/interview_service.h"
#include "services/rpc/limits.h"
#include "services/rpc/meeting_service.h"
#include "services/rpc/report_service.h"
#include "services/storage/sqlite/sqlite_store.h"

namespace mfh {
namespace {

constexpr const char* kServices[] = {
    "mfh.v1.ChildService",   "mfh.v1.EpisodeService", "mfh.v1.InterviewService",
    "mfh.v1.MeetingService", "mfh.v1.ReportService",  "mfh.v1.AdminService"};

struct Method {
  std::string name;  // "ReportMissing"
  std::string path;  // "/mfh.v1.EpisodeService/ReportMissing"
  const google::protobuf::Message* request;  // the request's prototype
};

void Die(const std::string& what) {
  std::fprintf(stderr, "request_fuzz: %s\n", what.c_str());
  std::abort();
}

// The hub in process, on a database of its own, with a user of each role,
// a child C1 and an open episode E1 so that ids can name something real.
class World {
 public:
  World()
      : store_(OpenStore()),
        audit_(*store_),
        clock_(absl::FromUnixSeconds(1796040000)),  // 2026-11-30T12:00:00Z
        hub_(*store_, clock_, domain::Policy(), audit_, feed_, codec_),
        children_(hub_.children()),
        episodes_(hub_.episodes(), hub_.runner(), feed_),
        interviews_(hub_.interviews()),
        meetings_(hub_.meetings()),
        reports_(hub_.reports()),
        admin_(hub_.admin()) {
    // Hostile bytes make protobuf log every string that is not UTF-8; the
    // answers are what the harness checks.
    google::protobuf::SetLogHandler(nullptr);
    grpc::ServerBuilder builder;
    rpc::UseHubMessageLimits(builder);
    builder.RegisterService(&children_);
    builder.RegisterService(&episodes_);
    builder.RegisterService(&interviews_);
    builder.RegisterService(&meetings_);
    builder.RegisterService(&reports_);
    builder.RegisterService(&admin_);
    server_ = builder.BuildAndStart();
    if (server_ == nullptr) Die("the server did not start");
    channel_ = server_->InProcessChannel(grpc::ChannelArguments());
    stub_ = std::make_unique<grpc::GenericStub>(channel_);
    for (domain::Role role : {domain::Role::kCoordinator, domain::Role::kPolice,
                              domain::Role::kRhiWorker, domain::Role::kManager,
                              domain::Role::kAdmin}) {
      auto user = app::CreateUser(*store_, absl::StrCat("user", tokens_.size()),
                                  role, clock_.Now(), "host:fuzz");
      if (!user.ok()) Die(std::string(user.status().message()));
      tokens_.push_back(user->token);
    }
    tokens_.push_back("");
    tokens_.push_back("not-a-token");
    Seed();
    FindMethods();
  }

  void Call(const uint8_t* data, size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    if (newline == std::string::npos || newline + 1 >= input.size()) return;
    const std::string name = input.substr(0, newline);
    const Method* method =
        &methods_[std::hash<std::string>()(name) % methods_.size()];
    for (const Method& m : methods_) {
      if (m.name == name) method = &m;
    }
    const std::string& token =
        tokens_[static_cast<uint8_t>(input[newline + 1]) % tokens_.size()];
    const std::string body = input.substr(newline + 2);

    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(30));
    if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
    grpc::Slice slice(body);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    absl::Notification done;
    grpc::Status status;
    stub_->UnaryCall(&ctx, method->path, grpc::StubOptions(), &request,
                     &response, [&](grpc::Status s) {
                       status = std::move(s);
                       done.Notify();
                     });
    done.WaitForNotification();

    std::unique_ptr<google::protobuf::Message> parsed(method->request->New());
    if (!parsed->ParseFromString(body)) return;  // gRPC's own refusal
    switch (status.error_code()) {
      case grpc::StatusCode::INTERNAL:
      case grpc::StatusCode::UNKNOWN:
      case grpc::StatusCode::DATA_LOSS:
      case grpc::StatusCode::UNIMPLEMENTED:
      case grpc::StatusCode::DEADLINE_EXCEEDED:
        Die(absl::StrCat(method->name, " answered ", status.error_code(), " ",
                         status.error_message(), " to ",
                         parsed->ShortDebugString()));
      default:
        break;
    }
  }

 private:
  std::unique_ptr<storage::SqliteStore> OpenStore() {
    // Under $TMPDIR, which run.sh makes for the run and removes after it:
    // the world lives until the process ends.
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/mfh-fuzz-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) Die("no temporary directory");
    auto store = storage::SqliteStore::Open(pattern + "/hub.db");
    if (!store.ok()) Die(std::string(store.status().message()));
    return std::move(*store);
  }

  void Seed() {
    grpc::ClientContext child_ctx;
    child_ctx.AddMetadata("authorization", "Bearer " + tokens_[0]);
    v1::CreateChildRequest child;
    child.set_name("Seed Child");
    child.set_date_of_birth("2012-05-14");
    child.set_la_ref("LA-1");
    child.set_looked_after(true);
    v1::CreateChildResponse created;
    grpc::Status s = v1::ChildService::NewStub(channel_)->CreateChild(
        &child_ctx, child, &created);
    if (!s.ok()) Die(s.error_message());
    grpc::ClientContext episode_ctx;
    episode_ctx.AddMetadata("authorization", "Bearer " + tokens_[1]);
    v1::ReportMissingRequest missing;
    missing.set_child_id(created.child().child_id());
    missing.set_police_force("Met");
    missing.set_police_ref("R-1");
    missing.mutable_missing_since()->set_seconds(1796000000);
    missing.mutable_notified_at()->set_seconds(1796001000);
    missing.set_risk(v1::RISK_HIGH);
    v1::ReportMissingResponse reported;
    s = v1::EpisodeService::NewStub(channel_)->ReportMissing(
        &episode_ctx, missing, &reported);
    if (!s.ok()) Die(s.error_message());
  }

  void FindMethods() {
    const auto* pool = google::protobuf::DescriptorPool::generated_pool();
    auto* factory = google::protobuf::MessageFactory::generated_factory();
    for (const char* service_name : kServices) {
      const google::protobuf::ServiceDescriptor* service =
          pool->FindServiceByName(service_name);
      if (service == nullptr) Die(absl::StrCat("no service ", service_name));
      for (int i = 0; i < service->method_count(); ++i) {
        const google::protobuf::MethodDescriptor* m = service->method(i);
        if (m->client_streaming() || m->server_streaming()) continue;
        methods_.push_back({m->name(),
                            absl::StrCat("/", service_name, "/", m->name()),
                            factory->GetPrototype(m->input_type())});
      }
    }
  }

  std::unique_ptr<storage::SqliteStore> store_;
  app::AuditLog audit_;
  app::ChangeFeed feed_;
  rpc::ProtoAgendaCodec codec_;
  domain::FixedClock clock_;
  app::Hub hub_;
  rpc::ChildServiceImpl children_;
  rpc::EpisodeServiceImpl episodes_;
  rpc::InterviewServiceImpl interviews_;
  rpc::MeetingServiceImpl meetings_;
  rpc::ReportServiceImpl reports_;
  rpc::AdminServiceImpl admin_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
  std::vector<std::string> tokens_;
  std::vector<Method> methods_;
};

}  // namespace
}  // namespace mfh

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mfh::World* world = new mfh::World();
  world->Call(data, size);
  return 0;
}
