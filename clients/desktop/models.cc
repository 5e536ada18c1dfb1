#include "clients/desktop/models.h"

#include <QBrush>
#include <QFont>
#include <optional>
#include <utility>

#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::desktop {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

QString RiskWord(v1::Risk risk) { return Q(client::RiskWord(risk)); }
QString StatusWord(v1::RhiStatus status) {
  return Q(client::RhiStatusWord(status));
}

qint64 Seconds(const google::protobuf::Timestamp& ts) { return ts.seconds(); }

// The agenda is about the days around one meeting: "Tue 3 Nov 22:00".
QString ShortTime(const google::protobuf::Timestamp& ts) {
  return Q(client::FormatLocalShort(client::FromTimestamp(ts)));
}

}  // namespace

QColor OverdueColour() { return QColor(0xff, 0xcd, 0xd2); }
QColor OverdueTextColour() { return QColor(0xa0, 0x00, 0x00); }
QColor DueSoonColour() { return QColor(0xff, 0xe0, 0xa0); }

bool PastByWhen(const google::protobuf::Timestamp& by_when, absl::Time now) {
  if (by_when.seconds() == 0 && by_when.nanos() == 0) return false;
  return client::FromTimestamp(by_when) <= now;
}

QString OverdueText(const google::protobuf::Timestamp& by_when,
                    absl::Time now) {
  return QObject::tr("OVERDUE by %1")
      .arg(
          Q(client::FormatShortDuration(now - client::FromTimestamp(by_when))));
}

QColor RiskColour(v1::Risk risk) {
  switch (risk) {
    case v1::RISK_HIGH:
      return QColor(0xc6, 0x28, 0x28);
    case v1::RISK_MEDIUM:
      return QColor(0xff, 0xb3, 0x40);
    case v1::RISK_LOW:
      return QColor(0xff, 0xf5, 0x9d);
    default:
      return QColor(0xe8, 0xe8, 0xe8);
  }
}

QString LocalTime(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return QStringLiteral("-");
  return Q(client::FormatLocal(client::FromTimestamp(ts)));
}

QString ChildLabel(const ChildNames& names, const std::string& child_id) {
  const QString id = Q(child_id);
  const QString name = names.value(id);
  return name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(name, id);
}

QString FlagsText(
    const google::protobuf::RepeatedPtrField<std::string>& flags) {
  QStringList out;
  for (const std::string& f : flags) out << Q(f).replace('_', ' ');
  return out.join(QStringLiteral(", "));
}

void HubTableModel::SetNames(const ChildNames& names) {
  names_ = names;
  if (rowCount() > 0) {
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
  }
}

void HubTableModel::SetNow(absl::Time now) {
  now_ = now;
  if (rowCount() == 0) return;
  for (int column : TickingColumns()) {
    emit dataChanged(index(0, column), index(rowCount() - 1, column),
                     {Qt::DisplayRole});
  }
}

// The board.

void BoardModel::SetEntries(Entries entries) {
  beginResetModel();
  entries_ = std::move(entries);
  endResetModel();
}

int BoardModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}
int BoardModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant BoardModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const v1::AgendaEntry& e = entries_[index.row()];
  const int column = index.column();
  if (role == kIdRole) return Q(e.episode_id());
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (column) {
      case kChild:
        return ChildLabel(names_, e.child_id());
      case kRisk:
        return RiskWord(e.risk());
      case kTimeMissing:
        return Q(client::FormatShortDuration(
            now_ - client::FromTimestamp(e.missing_since())));
      case kMissingSince:
        return LocalTime(e.missing_since());
      case kEscalation:
        return e.escalation().empty() ? tr("not yet") : Q(e.escalation());
      case kCategory:
        return Q(client::CategoryWord(e.category()));
      case kFlags:
        return FlagsText(e.flags());
    }
  }
  if (role == kSortRole) {
    switch (column) {
      case kRisk:
        return static_cast<int>(e.risk());
      // Longer missing sorts higher, as the time missing column reads.
      case kTimeMissing:
        return -Seconds(e.missing_since());
      case kMissingSince:
        return Seconds(e.missing_since());
      default:
        return data(index, Qt::DisplayRole);
    }
  }
  if (column == kRisk) {
    if (role == Qt::BackgroundRole) return QBrush(RiskColour(e.risk()));
    if (role == Qt::ForegroundRole) {
      return QBrush(e.risk() == v1::RISK_HIGH ? Qt::white : Qt::black);
    }
    if (role == Qt::FontRole) {
      QFont f;
      f.setBold(true);
      return f;
    }
  }
  return {};
}

QVariant BoardModel::headerData(int section, Qt::Orientation orientation,
                                int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kChild:
      return tr("Child");
    case kRisk:
      return tr("Risk");
    case kTimeMissing:
      return tr("Missing for");
    case kMissingSince:
      return tr("Missing since");
    case kEscalation:
      return tr("Escalated to");
    case kCategory:
      return tr("Category");
    case kFlags:
      return tr("Flags");
  }
  return {};
}

// Interviews.

void InterviewsModel::SetInterviews(Interviews interviews) {
  beginResetModel();
  interviews_ = std::move(interviews);
  // The deadline is what the server put between a return and its due time
  // from the return; it is policy, so it is read here, never assumed.
  std::optional<absl::Duration> deadline;
  bool one_deadline = !interviews_.empty();
  for (const v1::Interview& rhi : interviews_) {
    if (!rhi.has_returned_at() || !rhi.has_due_at_from_return()) {
      one_deadline = false;
      break;
    }
    const absl::Duration d = client::FromTimestamp(rhi.due_at_from_return()) -
                             client::FromTimestamp(rhi.returned_at());
    if (deadline.has_value() && *deadline != d) {
      one_deadline = false;
      break;
    }
    deadline = d;
  }
  due_heading_ =
      one_deadline && *deadline % absl::Hours(1) == absl::ZeroDuration()
          ? tr("Due (%1h)").arg(absl::ToInt64Hours(*deadline))
          : tr("Due");
  endResetModel();
  emit headerDataChanged(Qt::Horizontal, kDue, kDue);
}

void InterviewsModel::SetDueSoon(QSet<QString> episode_ids) {
  due_soon_ = std::move(episode_ids);
  if (rowCount() > 0) {
    emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
  }
}

int InterviewsModel::RowOfEpisode(const QString& episode_id) const {
  for (size_t i = 0; i < interviews_.size(); ++i) {
    if (Q(interviews_[i].episode_id()) == episode_id)
      return static_cast<int>(i);
  }
  return -1;
}

int InterviewsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(interviews_.size());
}
int InterviewsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant InterviewsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const v1::Interview& rhi = interviews_[index.row()];
  const int column = index.column();
  const bool overdue = rhi.status() == v1::RHI_STATUS_OVERDUE;
  const bool due_soon = due_soon_.contains(Q(rhi.episode_id()));
  if (role == kIdRole) return Q(rhi.episode_id());
  if (role == kStatusRole) return static_cast<int>(rhi.status());
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (column) {
      case kChild:
        return ChildLabel(names_, rhi.child_id());
      case kCountdown:
        if (rhi.status() == v1::RHI_STATUS_COMPLETED) {
          return tr("completed %1").arg(LocalTime(rhi.completed_at()));
        }
        return Q(
            client::FormatCountdown(client::FromTimestamp(rhi.due_at()), now_));
      case kDue:
        return LocalTime(rhi.due_at());
      case kStatus:
        return StatusWord(rhi.status());
      case kBeforeMeeting:
        return due_soon ? tr("Due before next meeting") : QString();
      case kReturned:
        return LocalTime(rhi.returned_at());
      case kOffered:
        if (rhi.offered_at().seconds() == 0) return tr("not yet");
        return QStringLiteral("%1 by %2")
            .arg(LocalTime(rhi.offered_at()), Q(rhi.offered_by()));
      case kFindings:
        if (rhi.status() != v1::RHI_STATUS_COMPLETED) return QString();
        if (!rhi.has_findings()) return tr("none yet");
        return tr("version %1, %2")
            .arg(rhi.findings().version())
            .arg(LocalTime(rhi.findings().recorded_at()));
      case kEpisode:
        return Q(rhi.episode_id());
    }
  }
  if (role == kSortRole) {
    switch (column) {
      case kCountdown:
      case kDue:
        return Seconds(rhi.due_at());
      case kReturned:
        return Seconds(rhi.returned_at());
      case kStatus:
        return static_cast<int>(rhi.status());
      default:
        return data(index, Qt::DisplayRole);
    }
  }
  if (role == Qt::BackgroundRole) {
    if (overdue) return QBrush(OverdueColour());
    if (due_soon) return QBrush(DueSoonColour());
  }
  if (role == Qt::ForegroundRole && overdue &&
      (column == kCountdown || column == kStatus)) {
    return QBrush(OverdueTextColour());
  }
  if (role == Qt::FontRole && (column == kCountdown || column == kStatus) &&
      (overdue || due_soon)) {
    QFont f;
    f.setBold(true);
    return f;
  }
  return {};
}

QVariant InterviewsModel::headerData(int section, Qt::Orientation orientation,
                                     int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kChild:
      return tr("Child");
    case kCountdown:
      return tr("Countdown");
    case kDue:
      return due_heading_;
    case kStatus:
      return tr("Status");
    case kBeforeMeeting:
      return tr("Next meeting");
    case kReturned:
      return tr("Returned");
    case kOffered:
      return tr("Offered");
    case kFindings:
      return tr("Findings");
    case kEpisode:
      return tr("Episode");
  }
  return {};
}

// The agenda.

void AgendaModel::SetAgenda(const v1::Agenda& agenda) {
  beginResetModel();
  agenda_ = agenda;
  rows_.clear();
  int number = 0;
  for (client::AgendaSection& section : client::PresentAgenda(agenda)) {
    const QString count = section.kind == Section::kLinked
                              ? tr("%1 groups").arg(section.count)
                              : QString::number(section.count);
    rows_.push_back({.section = section.kind,
                     .title = true,
                     .title_text = QStringLiteral("%1. %2 (%3)")
                                       .arg(++number)
                                       .arg(Q(section.title), count)});
    for (client::AgendaItem& item : section.items) {
      rows_.push_back({.section = section.kind, .item = std::move(item)});
    }
  }
  endResetModel();
}

bool AgendaModel::IsTitleRow(int row) const {
  return row >= 0 && row < static_cast<int>(rows_.size()) && rows_[row].title;
}

int AgendaModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}
int AgendaModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QString AgendaModel::Text(const Row& row, int column) const {
  if (row.title) return column == kChild ? row.title_text : QString();
  const v1::AgendaEntry& e = row.item.entry;
  switch (column) {
    case kChild:
      return ChildLabel(names_, e.child_id());
    case kFlags:
      return FlagsText(e.flags());
    default:
      break;
  }
  const absl::Time due = client::FromTimestamp(e.due_at());
  switch (row.section) {
    case Section::kMissingNow:
      if (column == kState) return RiskWord(e.risk());
      if (column == kWhen)
        return tr("since %1").arg(ShortTime(e.missing_since()));
      return tr("missing %1; escalated to %2")
          .arg(Q(client::FormatShortDuration(
                   now_ - client::FromTimestamp(e.missing_since()))),
               e.escalation().empty() ? tr("no one yet") : Q(e.escalation()));
    case Section::kReturned:
      if (column == kState) return StatusWord(e.rhi_status());
      if (column == kWhen)
        return tr("returned %1").arg(ShortTime(e.returned_at()));
      return QStringLiteral("%1\n%2\n%3")
          .arg(e.has_due_at()
                   ? tr("interview due %1").arg(ShortTime(e.due_at()))
                   : tr("no interview owed"),
               Q(client::FoundText(e)), Q(client::PreviousRhiText(e)));
    case Section::kRhiOverdue:
    case Section::kRhiDueSoon:
      if (column == kState) return StatusWord(e.rhi_status());
      if (column == kWhen) return tr("due %1").arg(ShortTime(e.due_at()));
      return Q(client::FormatCountdown(due, now_));
    case Section::kRepeatMissing:
      if (column == kState) return Q(client::RepeatText(e));
      if (column == kWhen)
        return tr("last since %1").arg(ShortTime(e.missing_since()));
      return tr("at or over the repeat threshold");
    case Section::kLinked:
      if (column == kState) return RiskWord(e.risk());
      if (column == kWhen)
        return tr("since %1").arg(ShortTime(e.missing_since()));
      return (row.item.suggested_link ? tr("suggested link: %1")
                                      : tr("linked: %1"))
          .arg(Q(row.item.link_reason));
    case Section::kExploitationConcerns:
      if (column == kState) return Q(client::IndicatorsText(e));
      if (column == kWhen)
        return tr("completed %1").arg(ShortTime(e.completed_at()));
      return tr("episode %1: indicators recorded, no referral yet")
          .arg(Q(e.episode_id()));
    case Section::kOpenActions:
      if (column == kState) {
        return PastByWhen(e.by_when(), now_) ? OverdueText(e.by_when(), now_)
                                             : tr("Open");
      }
      if (column == kWhen) return tr("by %1").arg(ShortTime(e.by_when()));
      return tr("%1: %2").arg(Q(e.who()), Q(e.what()));
  }
  return {};
}

QVariant AgendaModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = rows_[index.row()];
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    return Text(row, index.column());
  }
  if (role == kIdRole) return Q(row.item.entry.episode_id());
  if (row.title) {
    if (role == Qt::FontRole) {
      QFont f;
      f.setBold(true);
      f.setPointSizeF(f.pointSizeF() * 1.1);
      return f;
    }
    if (role == Qt::BackgroundRole) return QBrush(QColor(0xdd, 0xe6, 0xf0));
    return {};
  }
  if (index.column() == kState) {
    if (row.section == Section::kMissingNow ||
        row.section == Section::kLinked) {
      if (role == Qt::BackgroundRole)
        return QBrush(RiskColour(row.item.entry.risk()));
      if (role == Qt::ForegroundRole) {
        return QBrush(row.item.entry.risk() == v1::RISK_HIGH ? Qt::white
                                                             : Qt::black);
      }
    }
    const bool overdue = row.section == Section::kRhiOverdue ||
                         (row.section == Section::kOpenActions &&
                          PastByWhen(row.item.entry.by_when(), now_));
    if (overdue && role == Qt::BackgroundRole) {
      return QBrush(OverdueColour());
    }
    if (overdue && role == Qt::ForegroundRole &&
        row.section == Section::kOpenActions) {
      return QBrush(OverdueTextColour());
    }
    // The indicators in dark red and bold: the meeting sees them at a glance.
    if (row.section == Section::kExploitationConcerns) {
      if (role == Qt::ForegroundRole) return QBrush(OverdueTextColour());
      if (role == Qt::FontRole) {
        QFont f;
        f.setBold(true);
        return f;
      }
    }
    if (row.section == Section::kRhiDueSoon && role == Qt::BackgroundRole) {
      return QBrush(DueSoonColour());
    }
  }
  return {};
}

QVariant AgendaModel::headerData(int section, Qt::Orientation orientation,
                                 int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kChild:
      return tr("Child");
    case kState:
      return tr("Risk / status");
    case kWhen:
      return tr("When");
    case kDetail:
      return tr("Detail");
    case kFlags:
      return tr("Flags");
  }
  return {};
}

}  // namespace mfh::desktop
