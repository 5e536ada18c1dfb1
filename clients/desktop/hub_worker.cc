#include "clients/desktop/hub_worker.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "clients/core/calls.h"
#include "clients/core/findings_calls.h"
#include "clients/core/time_text.h"

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
  auto resp = client::ListChildren(*connection_);
  if (!resp.ok()) return Fail(what, resp.status());
  ChildNames names;
  for (const v1::Child& c : resp->children()) {
    names.insert(QString::fromStdString(c.child_id()),
                 QString::fromStdString(c.name()));
  }
  emit ChildrenLoaded(names);
}

void HubWorker::LoadAgenda() {
  const QString what = tr("Loading the agenda");
  if (!Ready(what)) return;
  auto resp = client::GetAgenda(*connection_, "", as_of_);
  if (!resp.ok()) return Fail(what, resp.status());
  emit AgendaLoaded(resp->agenda());
}

void HubWorker::LoadInterviews() {
  const QString what = tr("Loading interviews");
  if (!Ready(what)) return;
  std::vector<v1::RhiStatus> statuses = client::OpenRhiStatuses();
  if (show_completed_) statuses.push_back(v1::RHI_STATUS_COMPLETED);
  auto resp = client::ListInterviews(*connection_,
                                     {.statuses = statuses, .as_of = as_of_});
  if (!resp.ok()) return Fail(what, resp.status());
  emit InterviewsLoaded(
      Interviews(resp->interviews().begin(), resp->interviews().end()));
}

void HubWorker::ShowCompleted(bool on) { show_completed_ = on; }

void HubWorker::LoadInterview(const QString& episode_id) {
  const QString what = tr("Loading the interview");
  if (!Ready(what)) return;
  auto resp = client::GetInterview(*connection_, Str(episode_id), as_of_);
  if (!resp.ok()) return Fail(what, resp.status());
  emit InterviewLoaded(resp->interview());
}

void HubWorker::LoadIntelligence(bool unacknowledged_only) {
  const QString what = tr("Loading intelligence");
  if (!Ready(what)) return;
  auto resp = client::ListIntelligence(*connection_, unacknowledged_only);
  if (resp.status().code() == absl::StatusCode::kPermissionDenied) {
    emit IntelligenceDenied();
    return;
  }
  if (!resp.ok()) return Fail(what, resp.status());
  emit IntelligenceLoaded(
      Intelligences(resp->intelligence().begin(), resp->intelligence().end()));
}

void HubWorker::LoadActions() {
  const QString what = tr("Loading actions");
  if (!Ready(what)) return;
  auto resp = client::ListActions(*connection_, /*open_only=*/false, "");
  if (!resp.ok()) return Fail(what, resp.status());
  emit ActionsLoaded(Actions(resp->actions().begin(), resp->actions().end()));
}

void HubWorker::LoadMeeting(const QString& meeting_id) {
  const QString what = tr("Loading the meeting");
  if (!Ready(what)) return;
  auto resp = client::GetMeeting(*connection_, Str(meeting_id));
  if (!resp.ok()) return Fail(what, resp.status());
  emit MeetingLoaded(resp->meeting());
}

void HubWorker::LoadChildStory(const QString& child_id) {
  const QString what = tr("Loading the child's story");
  if (!Ready(what)) return;
  absl::StatusOr<client::ChildStory> story =
      client::LoadChildStory(*connection_, Str(child_id));
  if (!story.ok()) return Fail(what, story.status());
  emit ChildStoryLoaded(*story);
}

void HubWorker::OpenTodaysMeeting() {
  const QString what = tr("Opening today's meeting");
  if (!Ready(what)) return;
  auto opened = client::OpenMeeting(*connection_, "", as_of_);
  if (opened.status().code() == absl::StatusCode::kAlreadyExists) {
    // Today's meeting is open already: show it.
    auto got = client::GetMeeting(
        *connection_, "",
        absl::FormatTime("%E4Y-%m-%d", as_of_.value_or(absl::Now()),
                         client::London()));
    if (!got.ok()) return Fail(what, got.status());
    emit MeetingLoaded(got->meeting());
    return;
  }
  if (!opened.ok()) return Fail(what, opened.status());
  emit WriteDone(tr("Meeting for %1 opened")
                     .arg(QString::fromStdString(opened->meeting().day())));
  emit MeetingLoaded(opened->meeting());
}

void HubWorker::RecordOffer(const QString& episode_id, const QString& at,
                            const QString& by) {
  const QString what = tr("Recording the offer");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(at));
  if (!t.ok()) return Fail(what, t.status());
  auto resp = client::RecordOffer(*connection_, Str(episode_id), *t, Str(by));
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Offer recorded for episode %1").arg(episode_id));
}

void HubWorker::RecordDecline(const QString& episode_id, const QString& at,
                              const QString& reason) {
  const QString what = tr("Recording the decline");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(at));
  if (!t.ok()) return Fail(what, t.status());
  auto resp =
      client::RecordDecline(*connection_, Str(episode_id), *t, Str(reason));
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Decline recorded for episode %1").arg(episode_id));
}

void HubWorker::RecordCompletion(const CompletionForm& form) {
  const QString what = tr("Recording the completion");
  if (!Ready(what)) return;
  auto t = client::ParseTime("at", Str(form.at));
  if (!t.ok()) return Fail(what, t.status());
  client::Completion completion{.episode_id = Str(form.episode_id),
                                .at = *t,
                                .by = Str(form.by),
                                .referral_made = form.referral_made,
                                .notes = Str(form.notes)};
  if (form.no_concerns) completion.concerns.push_back(v1::CONCERN_NONE);
  if (form.cse) completion.concerns.push_back(v1::CONCERN_CSE);
  if (form.cce) completion.concerns.push_back(v1::CONCERN_CCE);
  auto resp = client::RecordCompletion(*connection_, completion);
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Completion recorded for episode %1").arg(form.episode_id));
}

void HubWorker::RecordFindings(const QString& episode_id,
                               const v1::Findings& findings) {
  const QString what = tr("Recording the findings");
  if (!Ready(what)) return;
  auto resp = client::RecordFindings(*connection_, Str(episode_id), findings);
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Findings recorded for episode %1 (version %2)")
                     .arg(episode_id)
                     .arg(resp->interview().findings().version()));
}

void HubWorker::AcknowledgeIntelligence(const QString& episode_id) {
  const QString what = tr("Acknowledging the intelligence");
  if (!Ready(what)) return;
  auto resp = client::AcknowledgeIntelligence(*connection_, Str(episode_id));
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(
      tr("Intelligence for episode %1 acknowledged").arg(episode_id));
}

void HubWorker::AddNote(const QString& meeting_id, const QString& child_id,
                        const QString& text, bool decision, bool addendum) {
  const QString what =
      decision ? tr("Adding the decision") : tr("Adding the note");
  if (!Ready(what)) return;
  auto resp = client::AddNote(*connection_, {.meeting_id = Str(meeting_id),
                                             .child_id = Str(child_id),
                                             .text = Str(text),
                                             .decision = decision,
                                             .addendum = addendum});
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(decision ? tr("Decision added") : tr("Note added"));
}

void HubWorker::AddAction(const ActionForm& form, bool addendum) {
  const QString what = tr("Adding the action");
  if (!Ready(what)) return;
  client::NewAction action{.meeting_id = Str(form.meeting_id),
                           .child_id = Str(form.child_id),
                           .what = Str(form.what),
                           .who = Str(form.who),
                           .done_when = Str(form.done_when),
                           .worked_when = Str(form.worked_when),
                           .assignee = Str(form.assignee),
                           .addendum = addendum};
  if (!form.by_when.trimmed().isEmpty()) {
    auto t = client::ParseTime("by_when", Str(form.by_when));
    if (!t.ok()) return Fail(what, t.status());
    action.by_when = *t;
  }
  auto resp = client::AddAction(*connection_, action);
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Action added"));
}

void HubWorker::CloseMeeting(const QString& meeting_id,
                             const QStringList& attendees) {
  const QString what = tr("Closing the meeting");
  if (!Ready(what)) return;
  std::vector<std::string> names;
  for (const QString& a : attendees) {
    if (!a.trimmed().isEmpty()) names.push_back(Str(a));
  }
  auto resp = client::CloseMeeting(*connection_, Str(meeting_id), names);
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(tr("Meeting closed"));
  emit MeetingLoaded(resp->meeting());
}

void HubWorker::UpdateAction(const QString& action_id, bool done,
                             const QString& text, const QString& impact) {
  const QString what =
      done ? tr("Marking the action done") : tr("Dropping the action");
  if (!Ready(what)) return;
  client::ActionUpdate update{.action_id = Str(action_id)};
  if (done) {
    update.status = v1::ACTION_STATUS_DONE;
    update.done_evidence = Str(text);
    update.impact_evidence = Str(impact);
  } else {
    update.status = v1::ACTION_STATUS_DROPPED;
    update.drop_reason = Str(text);
  }
  auto resp = client::UpdateAction(*connection_, update);
  if (!resp.ok()) return Fail(what, resp.status());
  emit WriteDone(done ? tr("Action marked done") : tr("Action dropped"));
}

}  // namespace mfh::desktop
