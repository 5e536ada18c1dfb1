#include "clients/desktop/hub_worker.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "clients/core/time_text.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/interview.grpc.pb.h"

namespace mfh::desktop {
namespace {

std::string Str(const QString& s) { return s.trimmed().toStdString(); }

}  // namespace

HubWorker::HubWorker(QObject* parent) : QObject(parent) {}
HubWorker::~HubWorker() = default;

void HubWorker::Configure(const QString& server, const QString& token,
                          qint64 as_of_unix) {
  client::ConnectionOptions options;
  options.server = Str(server);
  options.token = Str(token);
  auto conn = client::Connection::Open(std::move(options));
  if (!conn.ok()) {
    connection_.reset();
    Fail(tr("Signing in"), conn.status());
    return;
  }
  connection_ = *std::move(conn);
  meetings_ = v1::MeetingService::NewStub(connection_->channel());
  if (as_of_unix != 0) {
    as_of_ = absl::FromUnixSeconds(as_of_unix);
  } else {
    as_of_.reset();
  }
}

bool HubWorker::Ready(const QString& what) {
  if (connection_ != nullptr) return true;
  emit Failed(what, tr("not signed in"));
  return false;
}

void HubWorker::Fail(const QString& what, const absl::Status& status) {
  emit Failed(what, QString::fromStdString(std::string(status.message())));
}

void HubWorker::LoadChildren() {
  const QString what = tr("Loading children");
  if (!Ready(what)) return;
  v1::ListChildrenRequest req;
  v1::ListChildrenResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return connection_->children().ListChildren(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  ChildNames names;
  for (const v1::Child& c : resp.children()) {
    names.insert(QString::fromStdString(c.child_id()),
                 QString::fromStdString(c.name()));
  }
  emit ChildrenLoaded(names);
}

void HubWorker::LoadAgenda() {
  const QString what = tr("Loading the agenda");
  if (!Ready(what)) return;
  v1::GetAgendaRequest req;
  if (as_of_) *req.mutable_as_of() = client::ToTimestamp(*as_of_);
  v1::GetAgendaResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->GetAgenda(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit AgendaLoaded(resp.agenda());
}

void HubWorker::LoadInterviews() {
  const QString what = tr("Loading interviews");
  if (!Ready(what)) return;
  v1::ListInterviewsRequest req;
  req.add_statuses(v1::RHI_STATUS_DUE);
  req.add_statuses(v1::RHI_STATUS_OFFERED);
  req.add_statuses(v1::RHI_STATUS_OVERDUE);
  if (as_of_) *req.mutable_as_of() = client::ToTimestamp(*as_of_);
  v1::ListInterviewsResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return connection_->interviews().ListInterviews(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit InterviewsLoaded(
      Interviews(resp.interviews().begin(), resp.interviews().end()));
}

void HubWorker::LoadActions() {
  const QString what = tr("Loading actions");
  if (!Ready(what)) return;
  v1::ListActionsRequest req;
  v1::ListActionsResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->ListActions(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit ActionsLoaded(Actions(resp.actions().begin(), resp.actions().end()));
}

void HubWorker::LoadMeeting(const QString& meeting_id) {
  const QString what = tr("Loading the meeting");
  if (!Ready(what)) return;
  v1::GetMeetingRequest req;
  req.set_meeting_id(Str(meeting_id));
  v1::GetMeetingResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->GetMeeting(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit MeetingLoaded(resp.meeting());
}

void HubWorker::OpenTodaysMeeting() {
  const QString what = tr("Opening today's meeting");
  if (!Ready(what)) return;
  v1::OpenMeetingRequest req;
  if (as_of_) *req.mutable_as_of() = client::ToTimestamp(*as_of_);
  v1::OpenMeetingResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->OpenMeeting(ctx, req, &resp);
  });
  if (s.code() == absl::StatusCode::kAlreadyExists) {
    // Today's meeting is open already: show it.
    v1::GetMeetingRequest get;
    get.set_day(absl::FormatTime("%Y-%m-%d", as_of_.value_or(absl::Now()),
                                 client::London()));
    v1::GetMeetingResponse got;
    s = connection_->Call([&](grpc::ClientContext* ctx) {
      return meetings_->GetMeeting(ctx, get, &got);
    });
    if (!s.ok()) return Fail(what, s);
    emit MeetingLoaded(got.meeting());
    return;
  }
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Meeting for %1 opened")
                     .arg(QString::fromStdString(resp.meeting().day())));
  emit MeetingLoaded(resp.meeting());
}

void HubWorker::RecordOffer(const QString& episode_id, const QString& at,
                            const QString& by) {
  const QString what = tr("Recording the offer");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(at));
  if (!t.ok()) return Fail(what, t.status());
  v1::RecordOfferRequest req;
  req.set_episode_id(Str(episode_id));
  *req.mutable_at() = client::ToTimestamp(*t);
  req.set_by(Str(by));
  v1::RecordOfferResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return connection_->interviews().RecordOffer(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Offer recorded for episode %1").arg(episode_id));
}

void HubWorker::RecordDecline(const QString& episode_id, const QString& at,
                              const QString& reason) {
  const QString what = tr("Recording the decline");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(at));
  if (!t.ok()) return Fail(what, t.status());
  v1::RecordDeclineRequest req;
  req.set_episode_id(Str(episode_id));
  *req.mutable_at() = client::ToTimestamp(*t);
  req.set_reason(Str(reason));
  v1::RecordDeclineResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return connection_->interviews().RecordDecline(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Decline recorded for episode %1").arg(episode_id));
}

void HubWorker::RecordCompletion(const CompletionForm& form) {
  const QString what = tr("Recording the completion");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(form.at));
  if (!t.ok()) return Fail(what, t.status());
  v1::RecordCompletionRequest req;
  req.set_episode_id(Str(form.episode_id));
  *req.mutable_at() = client::ToTimestamp(*t);
  req.set_by(Str(form.by));
  v1::RhiOutcome& outcome = *req.mutable_outcome();
  if (form.no_concerns) outcome.add_concerns(v1::CONCERN_NONE);
  if (form.cse) outcome.add_concerns(v1::CONCERN_CSE);
  if (form.cce) outcome.add_concerns(v1::CONCERN_CCE);
  outcome.set_referral_made(form.referral_made);
  outcome.set_notes(Str(form.notes));
  v1::RecordCompletionResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return connection_->interviews().RecordCompletion(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Completion recorded for episode %1").arg(form.episode_id));
}

void HubWorker::AddNote(const QString& meeting_id, const QString& child_id,
                        const QString& text, bool decision, bool addendum) {
  const QString what =
      decision ? tr("Adding the decision") : tr("Adding the note");
  if (!Ready(what)) return;
  v1::AddNoteRequest req;
  req.set_meeting_id(Str(meeting_id));
  req.set_child_id(Str(child_id));
  req.set_text(Str(text));
  req.set_decision(decision);
  req.set_addendum(addendum);
  v1::AddNoteResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->AddNote(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(decision ? tr("Decision added") : tr("Note added"));
}

void HubWorker::AddAction(const ActionForm& form, bool addendum) {
  const QString what = tr("Adding the action");
  if (!Ready(what)) return;
  v1::AddActionRequest req;
  if (!form.by_when.trimmed().isEmpty()) {
    auto t = client::ParseTime("by_when", Str(form.by_when));
    if (!t.ok()) return Fail(what, t.status());
    *req.mutable_by_when() = client::ToTimestamp(*t);
  }
  req.set_meeting_id(Str(form.meeting_id));
  req.set_child_id(Str(form.child_id));
  req.set_what(Str(form.what));
  req.set_who(Str(form.who));
  req.set_done_when(Str(form.done_when));
  req.set_worked_when(Str(form.worked_when));
  req.set_assignee(Str(form.assignee));
  req.set_addendum(addendum);
  v1::AddActionResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->AddAction(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Action added"));
}

void HubWorker::CloseMeeting(const QString& meeting_id,
                             const QStringList& attendees) {
  const QString what = tr("Closing the meeting");
  if (!Ready(what)) return;
  v1::CloseMeetingRequest req;
  req.set_meeting_id(Str(meeting_id));
  for (const QString& a : attendees) {
    if (!a.trimmed().isEmpty()) req.add_attendees(Str(a));
  }
  v1::CloseMeetingResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->CloseMeeting(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(tr("Meeting closed"));
  emit MeetingLoaded(resp.meeting());
}

void HubWorker::UpdateAction(const QString& action_id, bool done,
                             const QString& text, const QString& impact) {
  const QString what =
      done ? tr("Marking the action done") : tr("Dropping the action");
  if (!Ready(what)) return;
  v1::UpdateActionRequest req;
  req.set_action_id(Str(action_id));
  if (done) {
    req.set_status(v1::ACTION_STATUS_DONE);
    req.set_done_evidence(Str(text));
    req.set_impact_evidence(Str(impact));
  } else {
    req.set_status(v1::ACTION_STATUS_DROPPED);
    req.set_drop_reason(Str(text));
  }
  v1::UpdateActionResponse resp;
  absl::Status s = connection_->Call([&](grpc::ClientContext* ctx) {
    return meetings_->UpdateAction(ctx, req, &resp);
  });
  if (!s.ok()) return Fail(what, s);
  emit WriteDone(done ? tr("Action marked done") : tr("Action dropped"));
}

}  // namespace mfh::desktop
