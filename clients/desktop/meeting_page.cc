#include "clients/desktop/meeting_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "clients/core/agenda.h"
#include "clients/desktop/widgets.h"

namespace mfh::desktop {

MeetingPage::MeetingPage(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(tr("No meeting loaded. Open today's meeting to "
                           "freeze the agenda and take notes."))) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  auto* open = new QPushButton(tr("Open today's meeting"));
  connect(open, &QPushButton::clicked, this, &MeetingPage::OpenRequested);
  auto* pdf = new QPushButton(tr("Export minutes to PDF..."));
  connect(pdf, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export minutes"),
        QStringLiteral("minutes-%1.pdf")
            .arg(QString::fromStdString(meeting_.day())),
        tr("PDF (*.pdf)"));
    if (!path.isEmpty()) emit ExportRequested(path);
  });
  top->addWidget(title_, 1);
  top->addWidget(open);
  top->addWidget(pdf);
  layout->addLayout(top);

  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(BuildForms());
  split->addWidget(BuildLists());
  split->setStretchFactor(1, 1);
  split->setSizes({420, 820});
  layout->addWidget(split, 1);
}

QWidget* MeetingPage::BuildForms() {
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
    emit NoteSubmitted(MeetingId(), note_child_->currentData().toString(),
                       note_text->text(), decision->isChecked(), Closed());
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
    emit ActionSubmitted({.meeting_id = MeetingId(),
                          .child_id = action_child_->currentData().toString(),
                          .what = what->text(),
                          .who = who->text(),
                          .by_when = by_when->text(),
                          .done_when = done_when->text(),
                          .worked_when = worked_when->text(),
                          .assignee = assignee->text()},
                         Closed());
  });

  auto* close_form = new QFormLayout;
  auto* attendees = new QLineEdit;
  attendees->setPlaceholderText(tr("names, separated by commas"));
  auto* close = new QPushButton(tr("Close meeting"));
  close_form->addRow(new QLabel(tr("<b>Close the meeting</b>")));
  close_form->addRow(tr("Attendees"), attendees);
  close_form->addRow(QString(), close);
  connect(close, &QPushButton::clicked, this, [=, this] {
    emit CloseSubmitted(MeetingId(),
                        attendees->text().split(',', Qt::SkipEmptyParts));
  });
  form_layout->addLayout(note_form);
  form_layout->addSpacing(12);
  form_layout->addLayout(action_form);
  form_layout->addSpacing(12);
  form_layout->addLayout(close_form);
  form_layout->addStretch();
  return forms;
}

QWidget* MeetingPage::BuildLists() {
  auto* lists = new QWidget;
  auto* lists_layout = new QVBoxLayout(lists);
  lists_layout->setContentsMargins(0, 0, 0, 0);
  QTableView* actions_view = MakeTable(&actions_, false);
  ShareColumns(actions_view, ActionColumnShares());
  actions_view->hideColumn(ActionsModel::kMeeting);
  QTableView* notes_view = MakeTable(&notes_, false);
  // Child, kind, text, author, time.
  ShareColumns(notes_view, {14, 9, 51, 11, 15});
  lists_layout->addWidget(new QLabel(tr("<b>Notes and decisions</b>")));
  lists_layout->addWidget(notes_view, 1);
  lists_layout->addWidget(new QLabel(tr("<b>Actions agreed</b>")));
  lists_layout->addWidget(actions_view, 1);
  return lists;
}

bool MeetingPage::Closed() const {
  return meeting_.state() == v1::MEETING_STATE_CLOSED;
}

QString MeetingPage::MeetingId() const {
  return QString::fromStdString(meeting_.meeting_id());
}

void MeetingPage::SetMeeting(const v1::Meeting& meeting) {
  meeting_ = meeting;
  notes_.SetNotes(
      std::vector<v1::Note>(meeting.notes().begin(), meeting.notes().end()));
  actions_.SetActions(
      Actions(meeting.actions().begin(), meeting.actions().end()));
  QStringList attendees;
  for (const std::string& a : meeting.attendees()) {
    attendees << QString::fromStdString(a);
  }
  title_->setText(
      Closed() ? tr("Meeting for %1: CLOSED at %2. Attendees: %3. Anything "
                    "added now is an addendum.")
                     .arg(QString::fromStdString(meeting.day()),
                          LocalTime(meeting.closed_at()), attendees.join(", "))
               : tr("Meeting for %1: OPEN (agenda frozen as of %2)")
                     .arg(QString::fromStdString(meeting.day()),
                          LocalTime(meeting.as_of())));
}

void MeetingPage::SetNames(const ChildNames& names) {
  names_ = names;
  actions_.SetNames(names);
  notes_.SetNames(names);
}

void MeetingPage::SetNow(absl::Time now) { actions_.SetNow(now); }

void MeetingPage::SetAgendaChildren(const v1::Agenda& agenda) {
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
    for (const client::AgendaSection& section : client::PresentAgenda(agenda)) {
      for (const client::AgendaItem& item : section.items) {
        add(item.entry.child_id());
      }
    }
    const int at = combo->findData(keep);
    if (at >= 0) combo->setCurrentIndex(at);
  }
}

}  // namespace mfh::desktop
