// What interviews shared with the police (IntelligenceService), one row per
// interview in the server's order (what has waited longest first). What no
// police user has acknowledged says NOT YET, in red.
#ifndef MFH_CLIENTS_DESKTOP_INTEL_MODEL_H_
#define MFH_CLIENTS_DESKTOP_INTEL_MODEL_H_

#include <QAbstractTableModel>
#include <QColor>

#include "clients/desktop/hub_worker.h"

namespace mfh::desktop {

class IntelligenceModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kEpisode,
    kChild,
    kRecorded,
    kIndicators,
    kPlaces,
    kAssociates,
    kAcknowledged,
    kColumnCount
  };
  using QAbstractTableModel::QAbstractTableModel;
  void SetIntelligence(Intelligences intelligence);
  const Intelligences& intelligence() const { return intelligence_; }
  int RowOfEpisode(const QString& episode_id) const;

  // kStatusRole: 1 once acknowledged, else 0.
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 private:
  Intelligences intelligence_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_INTEL_MODEL_H_
