#include "clients/desktop/main_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "absl/time/time.h"
#include "clients/core/time_text.h"
#include "clients/desktop/pdf_export.h"

namespace mfh::desktop {
namespace {

// Ends a dialog's form with OK and Cancel and runs it; whether OK was pressed.
bool RunDialog(QDialog& dialog, QFormLayout* form) {
  auto* box =
      new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(box);
  QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  return dialog.exec() == QDialog::Accepted;
}

QTableView* MakeTable(QAbstractItemModel* model, bool sortable,
                      QLineEdit* filter = nullptr) {
  auto* view = new QTableView;
  QAbstractItemModel* shown = model;
  if (sortable) {
    auto* proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(kSortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    if (filter != nullptr) {
      QObject::connect(filter, &QLineEdit::textChanged, proxy,
                       &QSortFilterProxyModel::setFilterFixedString);
    }
    shown = proxy;
  }
  view->setModel(shown);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setAlternatingRowColors(false);
  view->verticalHeader()->hide();
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view->setWordWrap(false);
  if (sortable) {
    // No column sorted at first: the server's order (risk, then longest
    // missing; earliest due) until the user clicks a header.
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
  }
  // Tables laid out by FitTextColumns size themselves.
  QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
    if (view->horizontalHeader()->stretchLastSection()) {
      view->resizeColumnsToContents();
    }
  });
  return view;
}

// Long free text wraps in the columns that hold it; the short columns fit
// their contents, so that nothing is clipped at 1280 pixels wide.
void FitTextColumns(QTableView* view, std::initializer_list<int> text_columns) {
  QHeaderView* header = view->horizontalHeader();
  header->setStretchLastSection(false);
  header->setSectionResizeMode(QHeaderView::ResizeToContents);
  for (int c : text_columns)
    header->setSectionResizeMode(c, QHeaderView::Stretch);
  view->setWordWrap(true);
  view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

QLineEdit* FilterBox(const QString& hint) {
  auto* edit = new QLineEdit;
  edit->setPlaceholderText(hint);
  edit->setClearButtonEnabled(true);
  return edit;
}

// Keeps every action, or only the open ones, by the status value the server
// sent (kStatusRole), whatever words the status column shows.
class OpenActionsFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void SetOpenOnly(bool open_only) {
    open_only_ = open_only;
    invalidateFilter();
  }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    if (!open_only_) return true;
    return sourceModel()->index(row, 0, parent).data(kStatusRole).toInt() ==
           v1::ACTION_STATUS_OPEN;
  }

 private:
  bool open_only_ = false;
};

}  // namespace

MainWindow::MainWindow(std::function<absl::Time()> clock, QWidget* parent)
    : QMainWindow(parent), clock_(std::move(clock)) {
  qRegisterMetaType<v1::Agenda>();
  qRegisterMetaType<v1::Meeting>();
  qRegisterMetaType<v1::ChangeKind>();
  qRegisterMetaType<Interviews>();
  qRegisterMetaType<Actions>();
  qRegisterMetaType<Entries>();
  qRegisterMetaType<ChildNames>();
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
  tabs_->addTab(BuildBoardTab(), tr("Missing now"));
  tabs_->addTab(BuildInterviewsTab(), tr("Return interviews"));
  tabs_->addTab(BuildAgendaTab(), tr("Today's agenda"));
  tabs_->addTab(BuildMeetingTab(), tr("Meeting"));
  tabs_->addTab(BuildActionsTab(), tr("Action tracker"));
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
  Wire();
  Tick();
}

MainWindow::~MainWindow() {
  if (watcher_ != nullptr) watcher_->Stop();
  worker_thread_.quit();
  worker_thread_.wait();
}

void MainWindow::Wire() {
  connect(worker_, &HubWorker::ChildrenLoaded, this,
          [this](const ChildNames& names) {
            names_ = names;
            for (HubTableModel* m : std::initializer_list<HubTableModel*>{
                     &board_, &interviews_, &agenda_, &tracker_,
                     &meeting_actions_, &notes_}) {
              m->SetNames(names);
            }
            MarkLoaded(kChildren);
          });
  connect(worker_, &HubWorker::AgendaLoaded, this, &MainWindow::OnAgenda);
  connect(worker_, &HubWorker::InterviewsLoaded, this,
          &MainWindow::OnInterviews);
  connect(worker_, &HubWorker::ActionsLoaded, this, &MainWindow::OnActions);
  connect(worker_, &HubWorker::MeetingLoaded, this, &MainWindow::OnMeeting);
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
    board_.SetEntries(e);
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
    case v1::CHANGE_KIND_INTERVIEW:
      Ask([w = worker_] { w->LoadAgenda(); });
      Ask([w = worker_] { w->LoadInterviews(); });
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
  agenda_.SetAgenda(agenda);
  agenda_view_->clearSpans();
  for (int r = 0; r < agenda_.rowCount(); ++r) {
    if (agenda_.IsTitleRow(r)) {
      agenda_view_->setSpan(r, 0, 1, AgendaModel::kColumnCount);
    }
  }
  agenda_title_->setText(tr("Agenda for %1, as of %2")
                             .arg(QString::fromStdString(agenda.day()),
                                  LocalTime(agenda.as_of())));
  // The board is the agenda's first section.
  board_.SetEntries(
      Entries(agenda.missing_now().begin(), agenda.missing_now().end()));
  QSet<QString> due_soon;
  for (const v1::AgendaEntry& e : agenda.rhi_due_soon()) {
    due_soon.insert(QString::fromStdString(e.episode_id()));
  }
  interviews_.SetDueSoon(due_soon);
  // The children the meeting may talk about: those on the agenda.
  for (QComboBox* combo : {note_child_, action_child_}) {
    const QString keep = combo->currentData().toString();
    combo->clear();
    combo->addItem(tr("(general, no child)"), QString());
    QSet<QString> seen;
    auto add = [&](const std::string& child_id) {
      const QString id = QString::fromStdString(child_id);
      if (id.isEmpty() || seen.contains(id)) return;
      seen.insert(id);
      combo->addItem(ChildLabel(names_, child_id), id);
    };
    for (const auto* section :
         {&agenda.missing_now(), &agenda.returned(), &agenda.rhi_overdue(),
          &agenda.rhi_due_soon(), &agenda.repeat_missing(),
          &agenda.open_actions()}) {
      for (const v1::AgendaEntry& e : *section) add(e.child_id());
    }
    for (const v1::LinkedGroup& g : agenda.linked()) {
      for (const v1::AgendaEntry& e : g.entries()) add(e.child_id());
    }
    const int at = combo->findData(keep);
    if (at >= 0) combo->setCurrentIndex(at);
  }
  emit AgendaChanged();
  emit BoardChanged();
  MarkLoaded(kAgenda);
}

void MainWindow::OnInterviews(const Interviews& interviews) {
  interviews_.SetInterviews(interviews);
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
  for (const v1::Interview& rhi : interviews_.interviews()) {
    const absl::Time due = client::FromTimestamp(rhi.due_at());
    if (due > now) next = std::min(next, due);
  }
  if (next == absl::InfiniteFuture()) return;
  const int64_t ms = absl::ToInt64Milliseconds(next - now) + 1000;
  due_refresh_->start(
      static_cast<int>(std::min<int64_t>(ms, 6LL * 3600 * 1000)));
}

void MainWindow::OnActions(const Actions& actions) {
  tracker_.SetActions(actions);
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
  meeting_ = meeting;
  meeting_id_ = QString::fromStdString(meeting.meeting_id());
  notes_.SetNotes(
      std::vector<v1::Note>(meeting.notes().begin(), meeting.notes().end()));
  meeting_actions_.SetActions(
      Actions(meeting.actions().begin(), meeting.actions().end()));
  QStringList attendees;
  for (const std::string& a : meeting.attendees()) {
    attendees << QString::fromStdString(a);
  }
  const bool closed = meeting.state() == v1::MEETING_STATE_CLOSED;
  meeting_title_->setText(
      closed ? tr("Meeting for %1: CLOSED at %2. Attendees: %3. Anything added "
                  "now is an addendum.")
                   .arg(QString::fromStdString(meeting.day()),
                        LocalTime(meeting.closed_at()), attendees.join(", "))
             : tr("Meeting for %1: OPEN (agenda frozen as of %2)")
                   .arg(QString::fromStdString(meeting.day()),
                        LocalTime(meeting.as_of())));
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
           &board_, &interviews_, &agenda_, &tracker_}) {
    m->SetNow(now);
  }
}

QString MainWindow::NowText() const {
  return QString::fromStdString(
      absl::FormatTime("%Y-%m-%d %H:%M", clock_(), client::London()));
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
  static const QStringList kViews = {"board", "interviews", "agenda", "meeting",
                                     "actions"};
  const int at = kViews.indexOf(view);
  if (at < 0) return false;
  tabs_->setCurrentIndex(at);
  return true;
}

QString MainWindow::SelectedId(QTableView* view) const {
  const QModelIndexList rows = view->selectionModel()->selectedRows();
  if (rows.isEmpty()) return {};
  return rows.first().data(kIdRole).toString();
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

void MainWindow::ExportAgenda(const QString& path) {
  QString error;
  if (WritePdf(AgendaHtml(agenda_), tr("Agenda"), path, &error)) {
    ShowMessage(tr("Agenda saved to %1").arg(path), false);
  } else {
    ShowMessage(tr("Could not save the agenda to %1: %2").arg(path, error),
                true);
  }
}

void MainWindow::ExportMinutes(const QString& path) {
  QString error;
  if (WritePdf(MinutesHtml(meeting_, names_), tr("Minutes"), path, &error)) {
    ShowMessage(tr("Minutes saved to %1").arg(path), false);
  } else {
    ShowMessage(tr("Could not save the minutes to %1: %2").arg(path, error),
                true);
  }
}

// Tabs.

QWidget* MainWindow::BuildBoardTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* filter = FilterBox(tr("Filter: name, id, risk, flag, escalation..."));
  board_view_ = MakeTable(&board_, true, filter);
  auto* hint = new QLabel(
      tr("Children missing now, highest risk first, then longest missing "
         "(click a heading to sort by it)."));
  layout->addWidget(hint);
  layout->addWidget(filter);
  layout->addWidget(board_view_, 1);
  return page;
}

QWidget* MainWindow::BuildInterviewsTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* legend = new QLabel(
      tr("Return home interviews not yet done, earliest due first. "
         "<span style='background:#ffcdd2;color:#a00000'><b>&nbsp;Red: "
         "OVERDUE&nbsp;</b></span> &nbsp; "
         "<span style='background:#ffe0a0'><b>&nbsp;Amber: due before the "
         "next meeting&nbsp;</b></span>"));
  auto* filter = FilterBox(tr("Filter: name, id, status..."));
  interviews_view_ = MakeTable(&interviews_, true, filter);
  auto* buttons = new QHBoxLayout;
  auto* offer = new QPushButton(tr("Record offer..."));
  auto* decline = new QPushButton(tr("Record decline..."));
  auto* complete = new QPushButton(tr("Record completion..."));
  connect(offer, &QPushButton::clicked, this, &MainWindow::OfferDialog);
  connect(decline, &QPushButton::clicked, this, &MainWindow::DeclineDialog);
  connect(complete, &QPushButton::clicked, this, &MainWindow::CompletionDialog);
  connect(interviews_view_, &QTableView::doubleClicked, this,
          &MainWindow::CompletionDialog);
  buttons->addWidget(new QLabel(tr("For the selected row:")));
  buttons->addWidget(offer);
  buttons->addWidget(decline);
  buttons->addWidget(complete);
  buttons->addStretch();
  layout->addWidget(legend);
  layout->addWidget(filter);
  layout->addWidget(interviews_view_, 1);
  layout->addLayout(buttons);
  return page;
}

QWidget* MainWindow::BuildAgendaTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* top = new QHBoxLayout;
  agenda_title_ = new QLabel(tr("Agenda: loading..."));
  QFont f = agenda_title_->font();
  f.setBold(true);
  agenda_title_->setFont(f);
  auto* pdf = new QPushButton(tr("Export agenda to PDF..."));
  connect(pdf, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export agenda"), "agenda.pdf", tr("PDF (*.pdf)"));
    if (!path.isEmpty()) ExportAgenda(path);
  });
  top->addWidget(agenda_title_, 1);
  top->addWidget(pdf);
  agenda_view_ = MakeTable(&agenda_, false);
  FitTextColumns(agenda_view_, {AgendaModel::kDetail});
  layout->addLayout(top);
  layout->addWidget(agenda_view_, 1);
  return page;
}

QWidget* MainWindow::BuildMeetingTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* top = new QHBoxLayout;
  meeting_title_ =
      new QLabel(tr("No meeting loaded. Open today's meeting to "
                    "freeze the agenda and take notes."));
  meeting_title_->setWordWrap(true);
  QFont bold = meeting_title_->font();
  bold.setBold(true);
  meeting_title_->setFont(bold);
  auto* open = new QPushButton(tr("Open today's meeting"));
  connect(open, &QPushButton::clicked, this,
          [this] { Ask([w = worker_] { w->OpenTodaysMeeting(); }); });
  auto* pdf = new QPushButton(tr("Export minutes to PDF..."));
  connect(pdf, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export minutes"),
        QStringLiteral("minutes-%1.pdf")
            .arg(QString::fromStdString(meeting_.day())),
        tr("PDF (*.pdf)"));
    if (!path.isEmpty()) ExportMinutes(path);
  });
  top->addWidget(meeting_title_, 1);
  top->addWidget(open);
  top->addWidget(pdf);
  layout->addLayout(top);

  auto* split = new QSplitter(Qt::Horizontal);
  auto* forms = new QWidget;
  auto* form_layout = new QVBoxLayout(forms);
  form_layout->setContentsMargins(0, 0, 0, 0);

  auto* note_form = new QFormLayout;
  note_child_ = new QComboBox;
  auto* note_text = new QLineEdit;
  auto* decision = new QCheckBox(tr("This is a decision"));
  auto* add_note = new QPushButton(tr("Add note"));
  note_form->addRow(new QLabel(tr("<b>Note or decision</b>")));
  note_form->addRow(tr("Child"), note_child_);
  note_form->addRow(tr("Text"), note_text);
  note_form->addRow(decision, add_note);
  connect(add_note, &QPushButton::clicked, this, [=, this] {
    const bool addendum = meeting_.state() == v1::MEETING_STATE_CLOSED;
    Ask([w = worker_, id = meeting_id_,
         child = note_child_->currentData().toString(),
         text = note_text->text(), d = decision->isChecked(),
         addendum] { w->AddNote(id, child, text, d, addendum); });
    note_text->clear();
  });

  auto* action_form = new QFormLayout;
  action_child_ = new QComboBox;
  auto* what = new QLineEdit;
  auto* who = new QLineEdit;
  auto* by_when = new QLineEdit;
  by_when->setPlaceholderText(tr("YYYY-MM-DD HH:MM (UK time)"));
  auto* done_when = new QLineEdit;
  auto* worked_when = new QLineEdit;
  auto* assignee = new QLineEdit;
  assignee->setPlaceholderText(tr("user name, to let them update it"));
  auto* add_action = new QPushButton(tr("Add action"));
  action_form->addRow(new QLabel(tr("<b>Action</b>")));
  action_form->addRow(tr("Child"), action_child_);
  action_form->addRow(tr("What"), what);
  action_form->addRow(tr("Who"), who);
  action_form->addRow(tr("By when"), by_when);
  action_form->addRow(tr("How we know it is done"), done_when);
  action_form->addRow(tr("How we know it worked"), worked_when);
  action_form->addRow(tr("Assignee"), assignee);
  action_form->addRow(QString(), add_action);
  connect(add_action, &QPushButton::clicked, this, [=, this] {
    ActionForm form{.meeting_id = meeting_id_,
                    .child_id = action_child_->currentData().toString(),
                    .what = what->text(),
                    .who = who->text(),
                    .by_when = by_when->text(),
                    .done_when = done_when->text(),
                    .worked_when = worked_when->text(),
                    .assignee = assignee->text()};
    const bool addendum = meeting_.state() == v1::MEETING_STATE_CLOSED;
    Ask([w = worker_, form, addendum] { w->AddAction(form, addendum); });
  });

  auto* close_form = new QFormLayout;
  auto* attendees = new QLineEdit;
  attendees->setPlaceholderText(tr("names, separated by commas"));
  auto* close = new QPushButton(tr("Close meeting"));
  close_form->addRow(new QLabel(tr("<b>Close the meeting</b>")));
  close_form->addRow(tr("Attendees"), attendees);
  close_form->addRow(QString(), close);
  connect(close, &QPushButton::clicked, this, [=, this] {
    Ask([w = worker_, id = meeting_id_,
         list = attendees->text().split(',', Qt::SkipEmptyParts)] {
      w->CloseMeeting(id, list);
    });
  });
  form_layout->addLayout(note_form);
  form_layout->addSpacing(12);
  form_layout->addLayout(action_form);
  form_layout->addSpacing(12);
  form_layout->addLayout(close_form);
  form_layout->addStretch();

  auto* lists = new QWidget;
  auto* lists_layout = new QVBoxLayout(lists);
  lists_layout->setContentsMargins(0, 0, 0, 0);
  QTableView* actions_view = MakeTable(&meeting_actions_, false);
  FitTextColumns(actions_view, {ActionsModel::kWhat, ActionsModel::kDoneWhen,
                                ActionsModel::kWorkedWhen});
  actions_view->hideColumn(ActionsModel::kMeeting);
  QTableView* notes_view = MakeTable(&notes_, false);
  FitTextColumns(notes_view, {NotesModel::kText});
  lists_layout->addWidget(new QLabel(tr("<b>Notes and decisions</b>")));
  lists_layout->addWidget(notes_view, 1);
  lists_layout->addWidget(new QLabel(tr("<b>Actions agreed</b>")));
  lists_layout->addWidget(actions_view, 1);
  split->addWidget(forms);
  split->addWidget(lists);
  split->setStretchFactor(1, 1);
  split->setSizes({420, 820});
  layout->addWidget(split, 1);
  return page;
}

QWidget* MainWindow::BuildActionsTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* top = new QHBoxLayout;
  auto* filter = FilterBox(tr("Filter: child, what, who..."));
  auto* open_only = new QCheckBox(tr("Open actions only"));
  top->addWidget(filter, 1);
  top->addWidget(open_only);
  tracker_view_ = MakeTable(&tracker_, true, filter);
  FitTextColumns(tracker_view_, {ActionsModel::kWhat, ActionsModel::kDoneWhen,
                                 ActionsModel::kWorkedWhen});
  // Open only: a second filter over the text filter.
  auto* status_filter = new OpenActionsFilter(tracker_view_);
  status_filter->setSourceModel(tracker_view_->model());
  status_filter->setSortRole(kSortRole);
  tracker_view_->setModel(status_filter);
  connect(open_only, &QCheckBox::toggled, status_filter,
          [status_filter](bool on) { status_filter->SetOpenOnly(on); });
  auto* buttons = new QHBoxLayout;
  auto* done = new QPushButton(tr("Mark done..."));
  auto* drop = new QPushButton(tr("Drop..."));
  connect(done, &QPushButton::clicked, this,
          [this] { UpdateActionDialog(true); });
  connect(drop, &QPushButton::clicked, this,
          [this] { UpdateActionDialog(false); });
  buttons->addWidget(new QLabel(tr("For the selected action:")));
  buttons->addWidget(done);
  buttons->addWidget(drop);
  buttons->addStretch();
  layout->addLayout(top);
  layout->addWidget(tracker_view_, 1);
  layout->addLayout(buttons);
  return page;
}

// Dialogs.

void MainWindow::OfferDialog() {
  const QString episode = SelectedId(interviews_view_);
  if (episode.isEmpty())
    return ShowMessage(tr("Select an interview first."), true);
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Record offer for episode %1").arg(episode));
  auto* form = new QFormLayout(&dialog);
  auto* at = new QLineEdit(NowText());
  auto* by = new QLineEdit;
  form->addRow(tr("Offered at (UK time)"), at);
  form->addRow(tr("Offered by"), by);
  if (RunDialog(dialog, form)) RecordOffer(episode, at->text(), by->text());
}

void MainWindow::DeclineDialog() {
  const QString episode = SelectedId(interviews_view_);
  if (episode.isEmpty())
    return ShowMessage(tr("Select an interview first."), true);
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Record decline for episode %1").arg(episode));
  auto* form = new QFormLayout(&dialog);
  auto* at = new QLineEdit(NowText());
  auto* reason = new QLineEdit;
  form->addRow(tr("Declined at (UK time)"), at);
  form->addRow(tr("Reason"), reason);
  if (RunDialog(dialog, form)) {
    RecordDecline(episode, at->text(), reason->text());
  }
}

void MainWindow::CompletionDialog() {
  const QString episode = SelectedId(interviews_view_);
  if (episode.isEmpty())
    return ShowMessage(tr("Select an interview first."), true);
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Record completion for episode %1").arg(episode));
  auto* form = new QFormLayout(&dialog);
  auto* at = new QLineEdit(NowText());
  auto* by = new QLineEdit;
  auto* none = new QCheckBox(tr("No concerns"));
  auto* cse = new QCheckBox(tr("CSE concern"));
  auto* cce = new QCheckBox(tr("CCE concern"));
  auto* referral = new QCheckBox(tr("Referral made"));
  auto* notes = new QPlainTextEdit;
  form->addRow(tr("Completed at (UK time)"), at);
  form->addRow(tr("Completed by"), by);
  form->addRow(tr("Concerns"), none);
  form->addRow(QString(), cse);
  form->addRow(QString(), cce);
  form->addRow(QString(), referral);
  form->addRow(tr("Notes"), notes);
  if (!RunDialog(dialog, form)) return;
  RecordCompletion({.episode_id = episode,
                    .at = at->text(),
                    .by = by->text(),
                    .cse = cse->isChecked(),
                    .cce = cce->isChecked(),
                    .no_concerns = none->isChecked(),
                    .referral_made = referral->isChecked(),
                    .notes = notes->toPlainText()});
}

void MainWindow::UpdateActionDialog(bool done) {
  const QString action = SelectedId(tracker_view_);
  if (action.isEmpty()) return ShowMessage(tr("Select an action first."), true);
  QDialog dialog(this);
  dialog.setWindowTitle(done ? tr("Mark action done") : tr("Drop action"));
  auto* form = new QFormLayout(&dialog);
  auto* text = new QLineEdit;
  auto* impact = new QLineEdit;
  form->addRow(done ? tr("Evidence it is done") : tr("Why it is dropped"),
               text);
  if (done) form->addRow(tr("Evidence it worked (optional)"), impact);
  if (!RunDialog(dialog, form)) return;
  Ask([w = worker_, action, done, t = text->text(), i = impact->text()] {
    w->UpdateAction(action, done, t, i);
  });
}

}  // namespace mfh::desktop
