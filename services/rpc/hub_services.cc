#include "services/rpc/hub_services.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "services/domain/status_macros.h"
#include "services/rpc/convert.h"
#include "services/rpc/status.h"

namespace mfh::rpc {
namespace {

using app::Caller;
using app::Hub;

absl::StatusOr<Caller> Authenticate(Hub& hub, grpc::ServerContext* ctx) {
  const auto& metadata = ctx->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return absl::UnauthenticatedError(
        "authorization: a bearer token is required");
  }
  absl::string_view value(it->second.data(), it->second.size());
  constexpr absl::string_view kBearer = "Bearer ";
  if (!absl::StartsWith(value, kBearer)) {
    return absl::UnauthenticatedError(
        "authorization: must be \"Bearer <token>\"");
  }
  value.remove_prefix(kBearer.size());
  return hub.Authenticate(value);
}

// Authenticates, then runs the adapter body with the caller. A call that
// ended before its transaction checked a token seen before (an error first,
// an administration call) checks it now: a revoked token is UNAUTHENTICATED,
// whatever the call said.
template <typename Fn>
grpc::Status Handle(Hub& hub, grpc::ServerContext* ctx, Fn&& fn) {
  absl::StatusOr<Caller> caller = Authenticate(hub, ctx);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  const absl::Status status = fn(*caller);
  if (absl::Status verified = hub.Verify(*caller); !verified.ok()) {
    return ToGrpcStatus(verified);
  }
  return ToGrpcStatus(status);
}

#define MFH_TIME(lhs, msg, field) \
  ASSIGN_OR_RETURN(lhs, FromProto(#field, (msg).has_##field(), (msg).field()))

}  // namespace

grpc::Status ChildServiceImpl::CreateChild(grpc::ServerContext* ctx,
                                           const v1::CreateChildRequest* req,
                                           v1::CreateChildResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        domain::Child child,
        hub_.CreateChild(
            caller,
            app::NewChild{.name = req->name(),
                          .date_of_birth = req->date_of_birth(),
                          .la_ref = req->la_ref(),
                          .looked_after = req->looked_after(),
                          .placing_authority = req->placing_authority()}));
    *resp->mutable_child() = ToProto(child);
    return absl::OkStatus();
  });
}

grpc::Status ChildServiceImpl::GetChild(grpc::ServerContext* ctx,
                                        const v1::GetChildRequest* req,
                                        v1::GetChildResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(domain::Child child,
                     hub_.GetChild(caller, req->child_id()));
    *resp->mutable_child() = ToProto(child);
    return absl::OkStatus();
  });
}

grpc::Status ChildServiceImpl::ListChildren(grpc::ServerContext* ctx,
                                            const v1::ListChildrenRequest* req,
                                            v1::ListChildrenResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<domain::Child> children,
                     hub_.ListChildren(caller, req->flag()));
    for (const domain::Child& c : children) {
      *resp->add_children() = ToProto(c);
    }
    return absl::OkStatus();
  });
}

grpc::Status ChildServiceImpl::SetFlag(grpc::ServerContext* ctx,
                                       const v1::SetFlagRequest* req,
                                       v1::SetFlagResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> at, *req, at);
    ASSIGN_OR_RETURN(domain::Child child,
                     hub_.SetFlag(caller, req->child_id(), req->flag(), at));
    *resp->mutable_child() = ToProto(child);
    return absl::OkStatus();
  });
}

grpc::Status ChildServiceImpl::ClearFlag(grpc::ServerContext* ctx,
                                         const v1::ClearFlagRequest* req,
                                         v1::ClearFlagResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> at, *req, at);
    ASSIGN_OR_RETURN(domain::Child child,
                     hub_.ClearFlag(caller, req->child_id(), req->flag(), at));
    *resp->mutable_child() = ToProto(child);
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::ReportMissing(
    grpc::ServerContext* ctx, const v1::ReportMissingRequest* req,
    v1::ReportMissingResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::MissingReport report;
    report.child_id = req->child_id();
    report.police_force = req->police_force();
    report.police_ref = req->police_ref();
    if (req->category() != v1::CATEGORY_UNSPECIFIED) {
      report.category = static_cast<domain::Category>(req->category());
    }
    MFH_TIME(report.missing_since, *req, missing_since);
    MFH_TIME(report.notified_at, *req, notified_at);
    report.risk = static_cast<domain::Risk>(req->risk());
    report.reporter = req->reporter();
    ASSIGN_OR_RETURN(domain::Episode episode,
                     hub_.ReportMissing(caller, report));
    *resp->mutable_episode() = ToProto(episode);
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::LogReturn(grpc::ServerContext* ctx,
                                           const v1::LogReturnRequest* req,
                                           v1::LogReturnResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::ReturnReport report;
    report.police_force = req->police_force();
    report.police_ref = req->police_ref();
    report.episode_id = req->episode_id();
    MFH_TIME(report.returned_at, *req, returned_at);
    MFH_TIME(report.return_notified_at, *req, return_notified_at);
    report.found_location = req->found_location();
    report.found_with = req->found_with();
    report.returned_to = static_cast<domain::ReturnedTo>(req->returned_to());
    ASSIGN_OR_RETURN(app::ReturnResult result, hub_.LogReturn(caller, report));
    *resp->mutable_episode() = ToProto(result.episode);
    if (result.interview.has_value()) {
      *resp->mutable_interview() = ToProto(*result.interview);
    }
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::CorrectReturn(
    grpc::ServerContext* ctx, const v1::CorrectReturnRequest* req,
    v1::CorrectReturnResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::ReturnCorrection correction;
    correction.episode_id = req->episode_id();
    correction.reason = req->reason();
    MFH_TIME(correction.returned_at, *req, returned_at);
    MFH_TIME(correction.return_notified_at, *req, return_notified_at);
    if (req->has_found_location()) {
      correction.found_location = req->found_location();
    }
    if (req->has_found_with()) correction.found_with = req->found_with();
    correction.returned_to =
        static_cast<domain::ReturnedTo>(req->returned_to());
    ASSIGN_OR_RETURN(app::ReturnResult result,
                     hub_.CorrectReturn(caller, correction));
    *resp->mutable_episode() = ToProto(result.episode);
    if (result.interview.has_value()) {
      *resp->mutable_interview() = ToProto(*result.interview);
    }
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::UpdateEpisode(
    grpc::ServerContext* ctx, const v1::UpdateEpisodeRequest* req,
    v1::UpdateEpisodeResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::EpisodeUpdate update;
    update.episode_id = req->episode_id();
    update.reason = req->reason();
    update.risk = static_cast<domain::Risk>(req->risk());
    MFH_TIME(update.risk_from, *req, risk_from);
    MFH_TIME(update.missing_since, *req, missing_since);
    update.category = static_cast<domain::Category>(req->category());
    MFH_TIME(update.notified_at, *req, notified_at);
    ASSIGN_OR_RETURN(domain::Episode episode,
                     hub_.UpdateEpisode(caller, update));
    *resp->mutable_episode() = ToProto(episode);
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::GetEpisode(grpc::ServerContext* ctx,
                                            const v1::GetEpisodeRequest* req,
                                            v1::GetEpisodeResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(domain::Episode episode,
                     hub_.GetEpisode(caller, req->episode_id()));
    *resp->mutable_episode() = ToProto(episode);
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::ListEpisodes(
    grpc::ServerContext* ctx, const v1::ListEpisodesRequest* req,
    v1::ListEpisodesResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        std::vector<domain::Episode> episodes,
        hub_.ListEpisodes(caller, req->child_id(), req->open_only()));
    for (const domain::Episode& e : episodes) {
      *resp->add_episodes() = ToProto(e);
    }
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::LinkEpisodes(
    grpc::ServerContext* ctx, const v1::LinkEpisodesRequest* req,
    v1::LinkEpisodesResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        domain::Link link,
        hub_.LinkEpisodes(caller,
                          std::vector<std::string>(req->episode_ids().begin(),
                                                   req->episode_ids().end()),
                          req->reason()));
    *resp->mutable_link() = ToProto(link);
    return absl::OkStatus();
  });
}

grpc::Status EpisodeServiceImpl::WatchBoard(
    grpc::ServerContext* ctx, const v1::WatchBoardRequest* req,
    grpc::ServerWriter<v1::WatchBoardResponse>* writer) {
  // How often a quiet stream checks whether its client has gone.
  constexpr absl::Duration kPoll = absl::Milliseconds(250);
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    // Subscribe before the snapshot, so that no change falls between them.
    std::shared_ptr<app::Subscription> subscription = hub_.feed().Subscribe();
    struct Unsubscribe {
      app::ChangeFeed& feed;
      std::shared_ptr<app::Subscription>& subscription;
      ~Unsubscribe() { feed.Unsubscribe(subscription); }
    } unsubscribe{hub_.feed(), subscription};
    auto send_snapshot = [&]() -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<domain::AgendaEntry> board,
                       hub_.Board(caller, as_of));
      v1::WatchBoardResponse snapshot;
      snapshot.set_is_snapshot(true);
      for (const domain::AgendaEntry& e : board) {
        *snapshot.add_snapshot() = ToProto(e);
      }
      writer->Write(snapshot);
      return absl::OkStatus();
    };
    RETURN_IF_ERROR(send_snapshot());
    while (!ctx->IsCancelled()) {
      app::Subscription::Batch batch = subscription->Next(kPoll);
      if (batch.closed) break;
      if (batch.resnapshot) RETURN_IF_ERROR(send_snapshot());
      for (const app::ChangeEvent& event : batch.events) {
        v1::WatchBoardResponse message;
        message.set_sequence(event.sequence);
        message.set_event(event.rpc);
        message.set_child_id(event.child_id);
        message.set_episode_id(event.episode_id);
        message.set_kind(ToProto(event.kind));
        if (!writer->Write(message)) return absl::OkStatus();
      }
    }
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::ListInterviews(
    grpc::ServerContext* ctx, const v1::ListInterviewsRequest* req,
    v1::ListInterviewsResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    app::InterviewQuery query;
    for (int s : req->statuses()) {
      query.statuses.push_back(static_cast<domain::RhiStatus>(s));
    }
    MFH_TIME(query.due_before, *req, due_before);
    query.child_id = req->child_id();
    MFH_TIME(query.as_of, *req, as_of);
    ASSIGN_OR_RETURN(std::vector<app::InterviewView> views,
                     hub_.ListInterviews(caller, query));
    for (const app::InterviewView& v : views) {
      *resp->add_interviews() = ToProto(v);
    }
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::GetInterview(
    grpc::ServerContext* ctx, const v1::GetInterviewRequest* req,
    v1::GetInterviewResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(app::InterviewView view,
                     hub_.GetInterview(caller, req->episode_id(), as_of));
    *resp->mutable_interview() = ToProto(view);
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::RecordOffer(
    grpc::ServerContext* ctx, const v1::RecordOfferRequest* req,
    v1::RecordOfferResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::RhiOffer offer{
        .episode_id = req->episode_id(), .at = std::nullopt, .by = req->by()};
    MFH_TIME(offer.at, *req, at);
    ASSIGN_OR_RETURN(app::InterviewView view, hub_.RecordOffer(caller, offer));
    *resp->mutable_interview() = ToProto(view);
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::RecordDecline(
    grpc::ServerContext* ctx, const v1::RecordDeclineRequest* req,
    v1::RecordDeclineResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::RhiDecline decline{.episode_id = req->episode_id(),
                               .at = std::nullopt,
                               .reason = req->reason()};
    MFH_TIME(decline.at, *req, at);
    ASSIGN_OR_RETURN(app::InterviewView view,
                     hub_.RecordDecline(caller, decline));
    *resp->mutable_interview() = ToProto(view);
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::RecordCompletion(
    grpc::ServerContext* ctx, const v1::RecordCompletionRequest* req,
    v1::RecordCompletionResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::RhiCompletion completion;
    completion.episode_id = req->episode_id();
    MFH_TIME(completion.at, *req, at);
    completion.by = req->by();
    for (int c : req->outcome().concerns()) {
      completion.outcome.concerns.push_back(static_cast<domain::Concern>(c));
    }
    completion.outcome.referral_made = req->outcome().referral_made();
    completion.outcome.notes = req->outcome().notes();
    completion.also_episode_ids.assign(req->also_episode_ids().begin(),
                                       req->also_episode_ids().end());
    ASSIGN_OR_RETURN(std::vector<app::InterviewView> views,
                     hub_.RecordCompletion(caller, completion));
    *resp->mutable_interview() = ToProto(views.front());
    for (size_t i = 1; i < views.size(); ++i) {
      *resp->add_also() = ToProto(views[i]);
    }
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::MarkNotHeld(
    grpc::ServerContext* ctx, const v1::MarkNotHeldRequest* req,
    v1::MarkNotHeldResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::RhiClosing closing{.episode_id = req->episode_id(),
                               .closure = domain::RhiClosure::kNotHeld,
                               .reason = req->reason()};
    MFH_TIME(closing.at, *req, at);
    ASSIGN_OR_RETURN(app::InterviewView view,
                     hub_.CloseInterview(caller, closing));
    *resp->mutable_interview() = ToProto(view);
    return absl::OkStatus();
  });
}

grpc::Status InterviewServiceImpl::MarkNotRequired(
    grpc::ServerContext* ctx, const v1::MarkNotRequiredRequest* req,
    v1::MarkNotRequiredResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::RhiClosing closing{.episode_id = req->episode_id(),
                               .closure = domain::RhiClosure::kNotRequired,
                               .reason = req->reason()};
    MFH_TIME(closing.at, *req, at);
    ASSIGN_OR_RETURN(app::InterviewView view,
                     hub_.CloseInterview(caller, closing));
    *resp->mutable_interview() = ToProto(view);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::GetAgenda(grpc::ServerContext* ctx,
                                           const v1::GetAgendaRequest* req,
                                           v1::GetAgendaResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(domain::Agenda agenda,
                     hub_.GetAgenda(caller, req->day(), as_of));
    *resp->mutable_agenda() = ToProto(agenda);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::OpenMeeting(grpc::ServerContext* ctx,
                                             const v1::OpenMeetingRequest* req,
                                             v1::OpenMeetingResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(domain::Meeting meeting,
                     hub_.OpenMeeting(caller, req->day(), as_of));
    *resp->mutable_meeting() = ToProto(meeting);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::AddNote(grpc::ServerContext* ctx,
                                         const v1::AddNoteRequest* req,
                                         v1::AddNoteResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        domain::Note note,
        hub_.AddNote(caller, domain::NewNote{.meeting_id = req->meeting_id(),
                                             .child_id = req->child_id(),
                                             .text = req->text(),
                                             .decision = req->decision(),
                                             .addendum = req->addendum()}));
    *resp->mutable_note() = ToProto(note);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::AddAction(grpc::ServerContext* ctx,
                                           const v1::AddActionRequest* req,
                                           v1::AddActionResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    domain::NewAction in{.meeting_id = req->meeting_id(),
                         .child_id = req->child_id(),
                         .what = req->what(),
                         .who = req->who(),
                         .done_when = req->done_when(),
                         .worked_when = req->worked_when(),
                         .assignee = req->assignee(),
                         .addendum = req->addendum()};
    MFH_TIME(in.by_when, *req, by_when);
    ASSIGN_OR_RETURN(domain::Action action, hub_.AddAction(caller, in));
    *resp->mutable_action() = ToProto(action);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::UpdateAction(
    grpc::ServerContext* ctx, const v1::UpdateActionRequest* req,
    v1::UpdateActionResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        domain::Action action,
        hub_.UpdateAction(
            caller,
            domain::ActionUpdate{
                .action_id = req->action_id(),
                .status = static_cast<domain::ActionStatus>(req->status()),
                .done_evidence = req->done_evidence(),
                .impact_evidence = req->impact_evidence(),
                .drop_reason = req->drop_reason(),
                .worked_when = req->worked_when()}));
    *resp->mutable_action() = ToProto(action);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::CloseMeeting(
    grpc::ServerContext* ctx, const v1::CloseMeetingRequest* req,
    v1::CloseMeetingResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        domain::Meeting meeting,
        hub_.CloseMeeting(caller, req->meeting_id(),
                          std::vector<std::string>(req->attendees().begin(),
                                                   req->attendees().end())));
    *resp->mutable_meeting() = ToProto(meeting);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::GetMeeting(grpc::ServerContext* ctx,
                                            const v1::GetMeetingRequest* req,
                                            v1::GetMeetingResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(domain::Meeting meeting,
                     hub_.GetMeeting(caller, req->meeting_id(), req->day()));
    *resp->mutable_meeting() = ToProto(meeting);
    return absl::OkStatus();
  });
}

grpc::Status MeetingServiceImpl::ListActions(grpc::ServerContext* ctx,
                                             const v1::ListActionsRequest* req,
                                             v1::ListActionsResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(
        std::vector<domain::Action> actions,
        hub_.ListActions(caller, req->child_id(), req->open_only()));
    for (const domain::Action& a : actions) *resp->add_actions() = ToProto(a);
    return absl::OkStatus();
  });
}

grpc::Status AdminServiceImpl::AddUser(grpc::ServerContext* ctx,
                                       const v1::AddUserRequest* req,
                                       v1::AddUserResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(app::NewUser created,
                     hub_.AddUser(caller, req->name(),
                                  static_cast<domain::Role>(req->role())));
    *resp->mutable_user() = ToProto(created.user);
    resp->set_token(created.token);
    return absl::OkStatus();
  });
}

grpc::Status AdminServiceImpl::ListUsers(grpc::ServerContext* ctx,
                                         const v1::ListUsersRequest*,
                                         v1::ListUsersResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<domain::User> users, hub_.ListUsers(caller));
    for (const domain::User& u : users) *resp->add_users() = ToProto(u);
    return absl::OkStatus();
  });
}

grpc::Status AdminServiceImpl::RevokeUser(grpc::ServerContext* ctx,
                                          const v1::RevokeUserRequest* req,
                                          v1::RevokeUserResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(domain::User user, hub_.RevokeUser(caller, req->name()));
    *resp->mutable_user() = ToProto(user);
    return absl::OkStatus();
  });
}

grpc::Status AdminServiceImpl::ListAudit(grpc::ServerContext* ctx,
                                         const v1::ListAuditRequest* req,
                                         v1::ListAuditResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> since, *req, since);
    ASSIGN_OR_RETURN(
        std::vector<domain::AuditRecord> records,
        hub_.ListAudit(caller, since, req->child_id(), req->limit()));
    for (const domain::AuditRecord& r : records) {
      *resp->add_entries() = ToProto(r);
    }
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::MonthlyReport(
    grpc::ServerContext* ctx, const v1::MonthlyReportRequest* req,
    v1::MonthlyReportResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(app::MonthlyReport report,
                     hub_.GetMonthlyReport(caller, req->month(), as_of));
    *resp->mutable_report() = ToProto(report);
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::ExceptionReport(
    grpc::ServerContext* ctx, const v1::ExceptionReportRequest* req,
    v1::ExceptionReportResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(app::ExceptionReport report,
                     hub_.GetExceptionReport(caller, req->quarter(), as_of));
    *resp = ToProto(report);
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::Chronology(grpc::ServerContext* ctx,
                                           const v1::ChronologyRequest* req,
                                           v1::ChronologyResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(app::Chronology chronology,
                     hub_.GetChronology(caller, req->child_id(), as_of));
    *resp = ToProto(chronology);
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::Ssda903Missing(
    grpc::ServerContext* ctx, const v1::Ssda903MissingRequest* req,
    v1::Ssda903MissingResponse* resp) {
  return Handle(hub_, ctx, [&](const Caller& caller) -> absl::Status {
    MFH_TIME(std::optional<absl::Time> as_of, *req, as_of);
    ASSIGN_OR_RETURN(app::Ssda903Report report,
                     hub_.GetSsda903Missing(caller, req->year(), as_of));
    *resp = ToProto(report);
    return absl::OkStatus();
  });
}

}  // namespace mfh::rpc
