#include "services/rpc/meeting_service.h"

#include <string>
#include <vector>

#include "services/rpc/convert.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;
using app::MeetingRecord;

grpc::Status MeetingServiceImpl::GetAgenda(grpc::ServerContext* ctx,
                                           const v1::GetAgendaRequest* req,
                                           v1::GetAgendaResponse* resp) {
  Decoder d;
  const app::AgendaQuery query{
      .day = req->day(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.GetAgenda(call, query); },
      [&](const domain::Agenda& a) { *resp->mutable_agenda() = ToProto(a); });
}

grpc::Status MeetingServiceImpl::OpenMeeting(grpc::ServerContext* ctx,
                                             const v1::OpenMeetingRequest* req,
                                             v1::OpenMeetingResponse* resp) {
  Decoder d;
  const app::AgendaQuery query{
      .day = req->day(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.OpenMeeting(call, query); },
      [&](const MeetingRecord& m) { *resp->mutable_meeting() = ToProto(m); });
}

grpc::Status MeetingServiceImpl::AddNote(grpc::ServerContext* ctx,
                                         const v1::AddNoteRequest* req,
                                         v1::AddNoteResponse* resp) {
  Decoder d;
  const domain::NewNote note{.meeting_id = req->meeting_id(),
                             .child_id = req->child_id(),
                             .text = req->text(),
                             .decision = req->decision(),
                             .addendum = req->addendum()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.AddNote(call, note); },
      [&](const domain::Note& n) { *resp->mutable_note() = ToProto(n); });
}

grpc::Status MeetingServiceImpl::AddAction(grpc::ServerContext* ctx,
                                           const v1::AddActionRequest* req,
                                           v1::AddActionResponse* resp) {
  Decoder d;
  const domain::NewAction action{
      .meeting_id = req->meeting_id(),
      .child_id = req->child_id(),
      .what = req->what(),
      .who = req->who(),
      .by_when = d.Time("by_when", req->has_by_when(), req->by_when()),
      .done_when = req->done_when(),
      .worked_when = req->worked_when(),
      .assignee = req->assignee(),
      .addendum = req->addendum()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.AddAction(call, action); },
      [&](const domain::Action& a) { *resp->mutable_action() = ToProto(a); });
}

grpc::Status MeetingServiceImpl::UpdateAction(
    grpc::ServerContext* ctx, const v1::UpdateActionRequest* req,
    v1::UpdateActionResponse* resp) {
  Decoder d;
  const domain::ActionUpdate update{
      .action_id = req->action_id(),
      .status = d.Enum(DecodeActionStatus, "status", req->status()),
      .done_evidence = req->done_evidence(),
      .impact_evidence = req->impact_evidence(),
      .drop_reason = req->drop_reason(),
      .worked_when = req->worked_when()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.UpdateAction(call, update); },
      [&](const domain::Action& a) { *resp->mutable_action() = ToProto(a); });
}

grpc::Status MeetingServiceImpl::CloseMeeting(
    grpc::ServerContext* ctx, const v1::CloseMeetingRequest* req,
    v1::CloseMeetingResponse* resp) {
  Decoder d;
  const app::MeetingClosing closing{
      .meeting_id = req->meeting_id(),
      .attendees = std::vector<std::string>(req->attendees().begin(),
                                            req->attendees().end())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.CloseMeeting(call, closing); },
      [&](const MeetingRecord& m) { *resp->mutable_meeting() = ToProto(m); });
}

grpc::Status MeetingServiceImpl::GetMeeting(grpc::ServerContext* ctx,
                                            const v1::GetMeetingRequest* req,
                                            v1::GetMeetingResponse* resp) {
  Decoder d;
  const app::MeetingRef ref{.meeting_id = req->meeting_id(), .day = req->day()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.GetMeeting(call, ref); },
      [&](const MeetingRecord& m) { *resp->mutable_meeting() = ToProto(m); });
}

grpc::Status MeetingServiceImpl::ListMeetings(
    grpc::ServerContext* ctx, const v1::ListMeetingsRequest* req,
    v1::ListMeetingsResponse* resp) {
  Decoder d;
  const app::PageRequest page{.page_size = req->page_size(),
                              .page_token = req->page_token()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.ListMeetings(call, page); },
      [&](const app::Paged<domain::Meeting>& listed) {
        for (const domain::Meeting& m : listed.items) {
          v1::Meeting* listed_meeting = resp->add_meetings();
          *listed_meeting = ToProto(MeetingRecord{.meeting = m});
          listed_meeting->clear_agenda();
        }
        resp->set_next_page_token(listed.next_page_token);
      });
}

grpc::Status MeetingServiceImpl::ListActions(grpc::ServerContext* ctx,
                                             const v1::ListActionsRequest* req,
                                             v1::ListActionsResponse* resp) {
  Decoder d;
  const app::ActionQuery query{
      .child_id = req->child_id(),
      .open_only = req->open_only(),
      .page = {.page_size = req->page_size(), .page_token = req->page_token()}};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return meetings_.ListActions(call, query); },
      [&](const app::Paged<domain::Action>& page) {
        for (const domain::Action& a : page.items) {
          *resp->add_actions() = ToProto(a);
        }
        resp->set_next_page_token(page.next_page_token);
      });
}

}  // namespace mfh::rpc
