// Table models of the desktop client, one per list (Qt's address book
// pattern). They hold the server's records as given, in the server's order,
// and only format them: times in Europe/London, durations and countdowns
// against the instant set by SetNow(). Colour always comes with a word.
#ifndef MFH_CLIENTS_DESKTOP_MODELS_H_
#define MFH_CLIENTS_DESKTOP_MODELS_H_

#include <QAbstractTableModel>
#include <QColor>
#include <QSet>
#include <QString>
#include <vector>

#include "absl/time/time.h"
#include "clients/core/agenda.h"
#include "clients/desktop/hub_worker.h"

namespace mfh::desktop {

// The raw value to sort by (Qt::UserRole): times as seconds, risks by grade.
inline constexpr int kSortRole = Qt::UserRole;
// The record's id (episode, action or note) for the row.
inline constexpr int kIdRole = Qt::UserRole + 1;
// The row's status as its enum value (v1::RhiStatus or v1::ActionStatus), for
// filters that must not depend on the words shown.
inline constexpr int kStatusRole = Qt::UserRole + 2;

QColor RiskColour(v1::Risk risk);
// What is overdue (an interview, an action) is painted red, its words dark
// red; what is due before the next meeting amber.
QColor OverdueColour();
QColor OverdueTextColour();
QColor DueSoonColour();
// Whether an action's `by_when` has passed at `now` (by_when <= now, as an
// RHI's due time; DESIGN.md section 3), and "OVERDUE by 2d 4h" if so. An
// unset by_when never passes.
bool PastByWhen(const google::protobuf::Timestamp& by_when, absl::Time now);
QString OverdueText(const google::protobuf::Timestamp& by_when, absl::Time now);
QString LocalTime(const google::protobuf::Timestamp& ts);
QString ChildLabel(const ChildNames& names, const std::string& child_id);
QString FlagsText(const google::protobuf::RepeatedPtrField<std::string>& flags);

// Shared by the models: names of children and the instant of countdowns.
class HubTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  using QAbstractTableModel::QAbstractTableModel;
  void SetNames(const ChildNames& names);
  // Re-renders the ticking columns.
  void SetNow(absl::Time now);
  absl::Time now() const { return now_; }

 protected:
  virtual QList<int> TickingColumns() const { return {}; }
  ChildNames names_;
  absl::Time now_ = absl::UnixEpoch();
};

// The board: children missing now, in the server's order.
class BoardModel : public HubTableModel {
  Q_OBJECT

 public:
  enum Column {
    kChild,
    kRisk,
    kTimeMissing,
    kMissingSince,
    kEscalation,
    kCategory,
    kFlags,
    kColumnCount
  };
  using HubTableModel::HubTableModel;
  void SetEntries(Entries entries);
  const Entries& entries() const { return entries_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 protected:
  QList<int> TickingColumns() const override { return {kTimeMissing}; }

 private:
  Entries entries_;
};

// Return home interviews not yet done, with a countdown to each due time,
// and completed ones when they are loaded too (with their findings' state).
// Red: the server says OVERDUE. Amber: in the agenda's rhi_due_soon. The due
// column's heading names the deadline the interviews shown were given.
class InterviewsModel : public HubTableModel {
  Q_OBJECT

 public:
  enum Column {
    kChild,
    kCountdown,
    kDue,
    kStatus,
    kBeforeMeeting,
    kReturned,
    kOffered,
    kFindings,
    kEpisode,
    kColumnCount
  };
  using HubTableModel::HubTableModel;
  void SetInterviews(Interviews interviews);
  // Episode ids of the agenda's rhi_due_soon section.
  void SetDueSoon(QSet<QString> episode_ids);
  const Interviews& interviews() const { return interviews_; }
  int RowOfEpisode(const QString& episode_id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 protected:
  QList<int> TickingColumns() const override { return {kCountdown}; }

 private:
  Interviews interviews_;
  QSet<QString> due_soon_;
  // "Due (72h)" when every interview shown has the same deadline, else "Due".
  QString due_heading_ = tr("Due");
};

// The agenda, one row per entry under a title row per section, in the
// sections and titles of clients/core's agenda presenter.
class AgendaModel : public HubTableModel {
  Q_OBJECT

 public:
  enum Column { kChild, kState, kWhen, kDetail, kFlags, kColumnCount };
  using HubTableModel::HubTableModel;
  void SetAgenda(const v1::Agenda& agenda);
  const v1::Agenda& agenda() const { return agenda_; }
  bool IsTitleRow(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 protected:
  QList<int> TickingColumns() const override { return {kState, kDetail}; }

 private:
  using Section = client::AgendaSection::Kind;
  struct Row {
    Section section;
    bool title = false;
    QString title_text;
    client::AgendaItem item;
  };
  QString Text(const Row& row, int column) const;
  v1::Agenda agenda_;
  std::vector<Row> rows_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_MODELS_H_
