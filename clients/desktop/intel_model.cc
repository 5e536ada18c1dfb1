#include "clients/desktop/intel_model.h"

#include <QBrush>
#include <QFont>
#include <utility>

#include "clients/core/words.h"
#include "clients/desktop/findings_words.h"
#include "clients/desktop/models.h"
#include "mfh/v1/findings.pb.h"

namespace mfh::desktop {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

void IntelligenceModel::SetIntelligence(Intelligences intelligence) {
  beginResetModel();
  intelligence_ = std::move(intelligence);
  endResetModel();
}

int IntelligenceModel::RowOfEpisode(const QString& episode_id) const {
  for (size_t i = 0; i < intelligence_.size(); ++i) {
    if (Q(intelligence_[i].episode_id()) == episode_id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int IntelligenceModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(intelligence_.size());
}
int IntelligenceModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant IntelligenceModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const v1::Intelligence& i = intelligence_[index.row()];
  const bool acknowledged = i.has_acknowledged_at();
  const int column = index.column();
  if (role == kIdRole) return Q(i.episode_id());
  if (role == kStatusRole) return acknowledged ? 1 : 0;
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (column) {
      case kEpisode:
        return Q(i.episode_id());
      case kChild:
        return Q(client::ChildText(i));
      case kRecorded:
        return LocalTime(i.recorded_at());
      case kIndicators:
        return EnumList(v1::ExploitationIndicator_descriptor(), i.indicators(),
                        i.indicator_other());
      case kPlaces:
        return NameList(i.places());
      case kAssociates:
        return NameList(i.associates());
      case kAcknowledged:
        return acknowledged ? tr("%1 by %2")
                                  .arg(LocalTime(i.acknowledged_at()),
                                       Q(i.acknowledged_by()))
                            : tr("NOT YET");
    }
  }
  if (column == kAcknowledged && !acknowledged) {
    if (role == Qt::BackgroundRole) return QBrush(OverdueColour());
    if (role == Qt::ForegroundRole) return QBrush(OverdueTextColour());
    if (role == Qt::FontRole) {
      QFont f;
      f.setBold(true);
      return f;
    }
  }
  return {};
}

QVariant IntelligenceModel::headerData(int section, Qt::Orientation orientation,
                                       int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kEpisode:
      return tr("Episode");
    case kChild:
      return tr("Child");
    case kRecorded:
      return tr("Recorded");
    case kIndicators:
      return tr("Indicators");
    case kPlaces:
      return tr("Places");
    case kAssociates:
      return tr("Associates");
    case kAcknowledged:
      return tr("Acknowledged");
  }
  return {};
}

}  // namespace mfh::desktop
