#include "clients/desktop/meeting_models.h"

#include <QBrush>
#include <QFont>
#include <utility>

#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::desktop {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

qint64 Seconds(const google::protobuf::Timestamp& ts) { return ts.seconds(); }

}  // namespace

QString ActionStatusText(const v1::Action& a, absl::Time now) {
  if (a.status() == v1::ACTION_STATUS_OPEN) {
    return PastByWhen(a.by_when(), now)
               ? OverdueText(a.by_when(), now)
               : Q(client::ActionStatusWord(a.status()));
  }
  QString text = Q(client::ActionStatusWord(a.status()));
  if (a.has_closed_at()) text += QStringLiteral(" ") + LocalTime(a.closed_at());
  if (a.status() == v1::ACTION_STATUS_DROPPED) {
    text += QStringLiteral(": ") + Q(a.drop_reason());
  }
  return text;
}

// Actions.

std::vector<int> ActionColumnShares() {
  // Child, what, who, by when, how we know it is done, how we know it
  // worked, status, meeting.
  return {12, 20, 11, 14, 16, 15, 12, 9};
}

void ActionsModel::SetActions(Actions actions) {
  beginResetModel();
  actions_ = std::move(actions);
  endResetModel();
}

int ActionsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(actions_.size());
}
int ActionsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant ActionsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const v1::Action& a = actions_[index.row()];
  if (role == kIdRole) return Q(a.action_id());
  if (role == kStatusRole) return static_cast<int>(a.status());
  if (role == kSortRole && index.column() == kByWhen)
    return Seconds(a.by_when());
  if (role == kSortRole && index.column() == kStatus) {
    return static_cast<int>(a.status());
  }
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == kSortRole) {
    switch (index.column()) {
      case kChild:
        return ChildLabel(names_, a.child_id());
      case kWhat:
        return Q(a.what());
      case kWho:
        return Q(a.who());
      case kByWhen:
        return LocalTime(a.by_when());
      case kDoneWhen:
        return a.done_evidence().empty()
                   ? Q(a.done_when())
                   : tr("%1 (done: %2)")
                         .arg(Q(a.done_when()), Q(a.done_evidence()));
      case kWorkedWhen:
        return Q(a.worked_when());
      case kStatus:
        return ActionStatusText(a, now_);
      case kMeeting:
        return a.addendum() ? tr("%1 (addendum)").arg(Q(a.meeting_day()))
                            : Q(a.meeting_day());
    }
  }
  if (role == Qt::ForegroundRole && a.status() != v1::ACTION_STATUS_OPEN) {
    return QBrush(QColor(0x60, 0x60, 0x60));
  }
  if (a.status() != v1::ACTION_STATUS_OPEN || !PastByWhen(a.by_when(), now_)) {
    return {};
  }
  const bool says_it = index.column() == kStatus || index.column() == kByWhen;
  if (role == Qt::BackgroundRole) return QBrush(OverdueColour());
  if (role == Qt::ForegroundRole && says_it) {
    return QBrush(OverdueTextColour());
  }
  if (role == Qt::FontRole && index.column() == kStatus) {
    QFont f;
    f.setBold(true);
    return f;
  }
  return {};
}

QList<int> ActionsModel::TickingColumns() const {
  QList<int> columns;
  for (int c = 0; c < kColumnCount; ++c) columns << c;
  return columns;
}

QVariant ActionsModel::headerData(int section, Qt::Orientation orientation,
                                  int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kChild:
      return tr("Child");
    case kWhat:
      return tr("What");
    case kWho:
      return tr("Who");
    case kByWhen:
      return tr("By when");
    case kDoneWhen:
      return tr("How we know\nit is done");
    case kWorkedWhen:
      return tr("How we know\nit worked");
    case kStatus:
      return tr("Status");
    case kMeeting:
      return tr("Meeting");
  }
  return {};
}

// Notes.

void NotesModel::SetNotes(std::vector<v1::Note> notes) {
  beginResetModel();
  notes_ = std::move(notes);
  endResetModel();
}

int NotesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(notes_.size());
}
int NotesModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant NotesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const v1::Note& n = notes_[index.row()];
  if (role == kIdRole) return Q(n.note_id());
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == kSortRole) {
    switch (index.column()) {
      case kChild:
        return n.child_id().empty() ? tr("(general)")
                                    : ChildLabel(names_, n.child_id());
      case kKind: {
        QString kind = n.decision() ? tr("Decision") : tr("Note");
        return n.addendum() ? tr("%1 (addendum)").arg(kind) : kind;
      }
      case kText:
        return Q(n.text());
      case kAuthor:
        return Q(n.author());
      case kAt:
        return LocalTime(n.at());
    }
  }
  if (role == Qt::FontRole && n.decision() && index.column() == kKind) {
    QFont f;
    f.setBold(true);
    return f;
  }
  return {};
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation,
                                int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kChild:
      return tr("Child");
    case kKind:
      return tr("Kind");
    case kText:
      return tr("Text");
    case kAuthor:
      return tr("By");
    case kAt:
      return tr("At");
  }
  return {};
}

}  // namespace mfh::desktop
