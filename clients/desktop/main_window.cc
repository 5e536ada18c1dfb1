#include "clients/desktop/main_window.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QSet>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <initializer_list>
#include <utility>

#include "clients/core/time_text.h"
#include "clients/desktop/pdf_export.h"

namespace mfh::desktop {

MainWindow::MainWindow(std::function<absl::Time()> clock, QWidget* parent)
    : QMainWindow(parent),
      clock_(std::move(clock)),
      board_page_(new BoardPage),
      interviews_page_(new InterviewsPage(clock_)),
      agenda_page_(new AgendaPage),
      meeting_page_(new MeetingPage),
      tracker_page_(new ActionTrackerPage),
      child_page_(new ChildPage),
      intel_page_(new IntelPage) {
  qRegisterMetaType<v1::Agenda>();
  qRegisterMetaType<v1::Meeting>();
  qRegisterMetaType<v1::ChangeKind>();
  qRegisterMetaType<Interviews>();
  qRegisterMetaType<Actions>();
  qRegisterMetaType<Entries>();
  qRegisterMetaType<ChildNames>();
  qRegisterMetaType<client::ChildStory>();
  qRegisterMetaType<v1::Interview>();
  qRegisterMetaType<Intelligences>();
  setWindowTitle(tr("Missing From Home hub"));

  worker_ = new HubWorker;
  worker_->moveToThread(&worker_thread_);
  connect(&worker_thread_, &QThread::finished, worker_, &QObject::deleteLater);
  worker_thread_.start();

  auto* central = new QWidget;
  auto* layout = new QVBoxLayout(central);
  banner_ = new QLabel;
  banner_->setStyleSheet(
      "QLabel{background:#b71c1c;color:white;font-weight:bold;padding:6px;}");
  banner_->setWordWrap(true);
  banner_->hide();
  message_ = new QLabel;
  message_->setWordWrap(true);
  message_->hide();
  tabs_ = new QTabWidget;
  layout->addWidget(banner_);
  layout->addWidget(message_);
  layout->addWidget(tabs_, 1);
  tabs_->addTab(board_page_, tr("Missing now"));
  tabs_->addTab(interviews_page_, tr("Return interviews"));
  tabs_->addTab(agenda_page_, tr("Today's agenda"));
  tabs_->addTab(meeting_page_, tr("Meeting"));
  tabs_->addTab(tracker_page_, tr("Action tracker"));
  tabs_->addTab(child_page_, tr("Child"));
  tabs_->addTab(intel_page_, tr("Police intelligence"));
  // A double-click on a child, in any view, opens the child's story.
  for (QAbstractItemView* view : central->findChildren<QAbstractItemView*>()) {
    connect(view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex& index) {
              const QString child_id = ChildIdOf(index);
              if (!child_id.isEmpty()) OpenChild(child_id);
            });
  }
  connect(worker_, &HubWorker::ChildStoryLoaded, this,
          [this](const client::ChildStory& story) {
            child_page_->Show(story, clock_());
            tabs_->setCurrentWidget(child_page_);
            emit ChildShown();
          });
  setCentralWidget(central);
  live_label_ = new QLabel(tr("Not signed in"));
  statusBar()->addPermanentWidget(live_label_);

  tick_ = new QTimer(this);
  connect(tick_, &QTimer::timeout, this, &MainWindow::Tick);
  tick_->start(1000);
  due_refresh_ = new QTimer(this);
  due_refresh_->setSingleShot(true);
  connect(due_refresh_, &QTimer::timeout, this, [this] {
    Ask([w = worker_] { w->LoadInterviews(); });
    Ask([w = worker_] { w->LoadAgenda(); });
  });
  WireWorker();
  WirePages();
  Tick();
}

MainWindow::~MainWindow() {
  if (watcher_ != nullptr) watcher_->Stop();
  worker_thread_.quit();
  worker_thread_.wait();
}

void MainWindow::WireWorker() {
  connect(worker_, &HubWorker::ChildrenLoaded, this,
          [this](const ChildNames& names) {
            names_ = names;
            for (HubTableModel* m : std::initializer_list<HubTableModel*>{
                     &board(), &interviews(), &agenda(), &tracker()}) {
              m->SetNames(names);
            }
            meeting_page_->SetNames(names);
            MarkLoaded(kChildren);
          });
  connect(worker_, &HubWorker::AgendaLoaded, this, &MainWindow::OnAgenda);
  connect(worker_, &HubWorker::InterviewsLoaded, this,
          &MainWindow::OnInterviews);
  connect(worker_, &HubWorker::ActionsLoaded, this, &MainWindow::OnActions);
  connect(worker_, &HubWorker::MeetingLoaded, this, &MainWindow::OnMeeting);
  connect(worker_, &HubWorker::InterviewLoaded, this,
          &MainWindow::ShowFindings);
  connect(worker_, &HubWorker::IntelligenceLoaded, this,
          [this](const Intelligences& loaded) {
            intel().SetIntelligence(loaded);
            emit IntelligenceChanged();
            MarkLoaded(kIntelligence);
          });
  connect(worker_, &HubWorker::IntelligenceDenied, this,
          &MainWindow::OnIntelligenceDenied);
  connect(worker_, &HubWorker::WriteDone, this, [this](const QString& what) {
    ShowMessage(what, false);
    emit Accepted(what);
    // The live feed brings the change too; this covers a feed that is down.
    RefreshAll();
  });
  connect(worker_, &HubWorker::Failed, this,
          [this](const QString& what, const QString& message) {
            ShowMessage(tr("%1: the server refused: %2").arg(what, message),
                        true);
            emit Refused(what, message);
          });
}

void MainWindow::WirePages() {
  auto complain = [this](const QString& message) {
    ShowMessage(message, true);
  };
  connect(interviews_page_, &InterviewsPage::OfferSubmitted, this,
          &MainWindow::RecordOffer);
  connect(interviews_page_, &InterviewsPage::DeclineSubmitted, this,
          &MainWindow::RecordDecline);
  connect(interviews_page_, &InterviewsPage::CompletionSubmitted, this,
          &MainWindow::RecordCompletion);
  connect(interviews_page_, &InterviewsPage::FindingsRequested, this,
          &MainWindow::OpenFindings);
  connect(interviews_page_, &InterviewsPage::ShowCompletedChanged, this,
          [this](bool on) {
            Ask([w = worker_, on] {
              w->ShowCompleted(on);
              w->LoadInterviews();
            });
          });
  connect(interviews_page_, &InterviewsPage::UserError, this, complain);
  connect(intel_page_, &IntelPage::ReloadRequested, this,
          &MainWindow::LoadIntelligence);
  connect(intel_page_, &IntelPage::AcknowledgeSubmitted, this,
          &MainWindow::AcknowledgeIntelligence);
  connect(intel_page_, &IntelPage::UserError, this, complain);
  connect(agenda_page_, &AgendaPage::ExportRequested, this,
          &MainWindow::ExportAgenda);
  connect(meeting_page_, &MeetingPage::OpenRequested, this,
          [this] { Ask([w = worker_] { w->OpenTodaysMeeting(); }); });
  connect(meeting_page_, &MeetingPage::NoteSubmitted, this,
          [this](const QString& meeting_id, const QString& child_id,
                 const QString& text, bool decision, bool addendum) {
            Ask([=, w = worker_] {
              w->AddNote(meeting_id, child_id, text, decision, addendum);
            });
          });
  connect(meeting_page_, &MeetingPage::ActionSubmitted, this,
          [this](const ActionForm& form, bool addendum) {
            Ask([=, w = worker_] { w->AddAction(form, addendum); });
          });
  connect(meeting_page_, &MeetingPage::CloseSubmitted, this,
          [this](const QString& meeting_id, const QStringList& attendees) {
            Ask([=, w = worker_] { w->CloseMeeting(meeting_id, attendees); });
          });
  connect(meeting_page_, &MeetingPage::ExportRequested, this,
          &MainWindow::ExportMinutes);
  connect(tracker_page_, &ActionTrackerPage::UpdateSubmitted, this,
          [this](const QString& action_id, bool done, const QString& text,
                 const QString& impact) {
            Ask([=, w = worker_] {
              w->UpdateAction(action_id, done, text, impact);
            });
          });
  connect(tracker_page_, &ActionTrackerPage::UserError, this, complain);
}

void MainWindow::SignIn(const QString& server, const QString& token,
                        qint64 as_of_unix) {
  server_ = server;
  fixed_as_of_ = as_of_unix != 0;
  Ask([w = worker_, server, token, as_of_unix] {
    w->Configure(server, token, as_of_unix);
  });
  RefreshAll();
  if (watcher_ != nullptr) {
    watcher_->Stop();
    delete watcher_;
  }
  watcher_ = new BoardWatcher(server, token, as_of_unix, this);
  connect(watcher_, &BoardWatcher::Connected, this, [this] {
    live_ = true;
    banner_->hide();
    banner_->clear();
    live_label_->setText(tr("Live: connected to %1").arg(server_));
    // Whatever changed while the feed was down.
    RefreshAll();
  });
  connect(watcher_, &BoardWatcher::Disconnected, this,
          [this](const QString& reason, int retry_ms) {
            live_ = false;
            banner_->setText(
                retry_ms < 0
                    ? tr("Not connected to %1: %2").arg(server_, reason)
                    : tr("Disconnected from %1: %2. Reconnecting (next try in "
                         "%3 s); the screen is not up to date.")
                          .arg(server_, reason)
                          .arg(std::max(1, retry_ms / 1000)));
            banner_->show();
            live_label_->setText(tr("Disconnected"));
          });
  connect(watcher_, &BoardWatcher::Snapshot, this, [this](const Entries& e) {
    board().SetEntries(e);
    emit BoardChanged();
  });
  connect(watcher_, &BoardWatcher::Event, this,
          [this](v1::ChangeKind kind, const QString& event) {
            OnEvent(kind, event);
          });
  watcher_->start();
}

void MainWindow::RefreshAll() {
  Ask([w = worker_] { w->LoadChildren(); });
  Ask([w = worker_] { w->LoadAgenda(); });
  Ask([w = worker_] { w->LoadInterviews(); });
  Ask([w = worker_] { w->LoadActions(); });
  LoadMeeting();
  LoadIntelligence();
}

void MainWindow::LoadIntelligence() {
  if (intelligence_denied_) return;
  Ask([w = worker_, only = intel_page_->unacknowledged_only()] {
    w->LoadIntelligence(only);
  });
}

void MainWindow::OnIntelligenceDenied() {
  intelligence_denied_ = true;
  tabs_->setTabVisible(tabs_->indexOf(intel_page_), false);
  MarkLoaded(kIntelligence);
}

bool MainWindow::IntelligenceShown() const {
  return tabs_->isTabVisible(tabs_->indexOf(intel_page_));
}

void MainWindow::LoadMeeting() {
  if (meeting_id_.isEmpty()) return;
  Ask([w = worker_, id = meeting_id_] { w->LoadMeeting(id); });
}

void MainWindow::OnEvent(v1::ChangeKind kind, const QString& event) {
  live_label_->setText(
      tr("Live: connected to %1; last change %2 at %3")
          .arg(server_, event, QTime::currentTime().toString("HH:mm:ss")));
  // Each change reads again what it can have changed. The board is the
  // agenda's first section, so what changes the board reloads the agenda.
  switch (kind) {
    case v1::CHANGE_KIND_CHILD:
      Ask([w = worker_] { w->LoadChildren(); });
      Ask([w = worker_] { w->LoadAgenda(); });
      return;
    case v1::CHANGE_KIND_EPISODE:
    case v1::CHANGE_KIND_RETURN:
      Ask([w = worker_] { w->LoadAgenda(); });
      Ask([w = worker_] { w->LoadInterviews(); });
      return;
    case v1::CHANGE_KIND_INTERVIEW:
      // Findings change the agenda's concerns and what the police may read.
      Ask([w = worker_] { w->LoadAgenda(); });
      Ask([w = worker_] { w->LoadInterviews(); });
      LoadIntelligence();
      return;
    case v1::CHANGE_KIND_MEETING:
      Ask([w = worker_] { w->LoadAgenda(); });
      LoadMeeting();
      return;
    case v1::CHANGE_KIND_ACTION:
      Ask([w = worker_] { w->LoadAgenda(); });
      Ask([w = worker_] { w->LoadActions(); });
      LoadMeeting();
      return;
    case v1::CHANGE_KIND_USER:
      // No page shows users.
      return;
    default:
      // A server that does not say what changed, or a kind newer than this
      // client: read everything again.
      RefreshAll();
      return;
  }
}

void MainWindow::OnAgenda(const v1::Agenda& agenda) {
  agenda_page_->SetAgenda(agenda);
  // The board is the agenda's first section.
  board().SetEntries(
      Entries(agenda.missing_now().begin(), agenda.missing_now().end()));
  QSet<QString> due_soon;
  for (const v1::AgendaEntry& e : agenda.rhi_due_soon()) {
    due_soon.insert(QString::fromStdString(e.episode_id()));
  }
  interviews().SetDueSoon(due_soon);
  // The children the meeting may talk about: those on the agenda.
  meeting_page_->SetAgendaChildren(agenda);
  emit AgendaChanged();
  emit BoardChanged();
  MarkLoaded(kAgenda);
}

void MainWindow::OnInterviews(const Interviews& loaded) {
  interviews().SetInterviews(loaded);
  ScheduleDueRefresh();
  emit InterviewsChanged();
  MarkLoaded(kInterviews);
}

void MainWindow::ScheduleDueRefresh() {
  // When a due time passes the server's status changes (DUE to OVERDUE):
  // ask it again then, rather than deciding it here.
  if (fixed_as_of_) return;
  const absl::Time now = clock_();
  absl::Time next = absl::InfiniteFuture();
  for (const v1::Interview& rhi : interviews().interviews()) {
    const absl::Time due = client::FromTimestamp(rhi.due_at());
    if (due > now) next = std::min(next, due);
  }
  if (next == absl::InfiniteFuture()) return;
  const int64_t ms = absl::ToInt64Milliseconds(next - now) + 1000;
  due_refresh_->start(
      static_cast<int>(std::min<int64_t>(ms, 6LL * 3600 * 1000)));
}

void MainWindow::OnActions(const Actions& actions) {
  tracker().SetActions(actions);
  emit ActionsChanged();
  MarkLoaded(kActions);
  if (meeting_id_.isEmpty() && (loaded_ & kMeeting) == 0) {
    // Show the latest meeting that agreed actions until one is opened today.
    const v1::Action* latest = nullptr;
    for (const v1::Action& a : actions) {
      if (latest == nullptr || a.meeting_day() > latest->meeting_day()) {
        latest = &a;
      }
    }
    if (latest == nullptr) {
      MarkLoaded(kMeeting);
    } else {
      meeting_id_ = QString::fromStdString(latest->meeting_id());
      LoadMeeting();
    }
  }
}

void MainWindow::OnMeeting(const v1::Meeting& meeting) {
  meeting_id_ = QString::fromStdString(meeting.meeting_id());
  meeting_page_->SetMeeting(meeting);
  emit MeetingChanged();
  MarkLoaded(kMeeting);
}

void MainWindow::MarkLoaded(int what) {
  loaded_ |= what;
  if (loaded_ == kAll && !all_loaded_sent_) {
    all_loaded_sent_ = true;
    emit AllLoaded();
  }
}

void MainWindow::Tick() {
  const absl::Time now = clock_();
  for (HubTableModel* m : std::initializer_list<HubTableModel*>{
           &board(), &interviews(), &agenda(), &tracker()}) {
    m->SetNow(now);
  }
  meeting_page_->SetNow(now);
}

void MainWindow::ShowMessage(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(
      error ? "QLabel{background:#ffebee;color:#8b0000;border:1px solid "
              "#c62828;padding:6px;font-weight:bold;}"
            : "QLabel{background:#e8f5e9;color:#1b5e20;border:1px solid "
              "#2e7d32;padding:6px;}");
  message_->show();
  statusBar()->showMessage(text, 15000);
}

QString MainWindow::BannerText() const {
  return banner_->isVisible() || !live_ ? banner_->text() : QString();
}
QString MainWindow::MessageText() const { return message_->text(); }

bool MainWindow::ShowView(const QString& view) {
  const std::pair<const char*, QWidget*> views[] = {
      {"board", board_page_},     {"interviews", interviews_page_},
      {"agenda", agenda_page_},   {"meeting", meeting_page_},
      {"actions", tracker_page_}, {"child", child_page_},
      {"intel", intel_page_}};
  for (const auto& [name, page] : views) {
    if (view == QLatin1String(name)) {
      tabs_->setCurrentWidget(page);
      return true;
    }
  }
  return false;
}

void MainWindow::OpenChild(const QString& child_id) {
  Ask([w = worker_, child_id] { w->LoadChildStory(child_id); });
}

void MainWindow::RecordOffer(const QString& episode_id, const QString& at,
                             const QString& by) {
  Ask([w = worker_, episode_id, at, by] {
    w->RecordOffer(episode_id, at, by);
  });
}

void MainWindow::RecordDecline(const QString& episode_id, const QString& at,
                               const QString& reason) {
  Ask([w = worker_, episode_id, at, reason] {
    w->RecordDecline(episode_id, at, reason);
  });
}

void MainWindow::RecordCompletion(const CompletionForm& form) {
  Ask([w = worker_, form] { w->RecordCompletion(form); });
}

void MainWindow::RecordFindings(const QString& episode_id,
                                const v1::Findings& findings) {
  Ask([w = worker_, episode_id, findings] {
    w->RecordFindings(episode_id, findings);
  });
}

void MainWindow::AcknowledgeIntelligence(const QString& episode_id) {
  Ask([w = worker_, episode_id] { w->AcknowledgeIntelligence(episode_id); });
}

void MainWindow::OpenFindings(const QString& episode_id) {
  Ask([w = worker_, episode_id] { w->LoadInterview(episode_id); });
}

void MainWindow::ShowFindings(const v1::Interview& interview) {
  if (interview.status() != v1::RHI_STATUS_COMPLETED) {
    ShowMessage(tr("Findings are recorded once the interview is completed: "
                   "episode %1's is not.")
                    .arg(QString::fromStdString(interview.episode_id())),
                true);
    return;
  }
  if (findings_dialog_ != nullptr) findings_dialog_->close();
  auto* dialog = new FindingsDialog(
      interview, ChildLabel(names_, interview.child_id()), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    RecordFindings(dialog->episode_id(), dialog->findings());
  });
  findings_dialog_ = dialog;
  dialog->open();
  emit FindingsShown();
}

void MainWindow::ExportAgenda(const QString& path) {
  QString error;
  if (WritePdf(AgendaHtml(agenda()), tr("Agenda"), path, &error)) {
    ShowMessage(tr("Agenda saved to %1").arg(path), false);
  } else {
    ShowMessage(tr("Could not save the agenda to %1: %2").arg(path, error),
                true);
  }
}

void MainWindow::ExportMinutes(const QString& path) {
  QString error;
  if (WritePdf(MinutesHtml(meeting(), names_, clock_()), tr("Minutes"), path,
               &error)) {
    ShowMessage(tr("Minutes saved to %1").arg(path), false);
  } else {
    ShowMessage(tr("Could not save the minutes to %1: %2").arg(path, error),
                true);
  }
}

}  // namespace mfh::desktop
