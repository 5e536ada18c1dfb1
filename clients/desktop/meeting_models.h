// The table models of meetings: the actions agreed (across meetings in the
// tracker, or of one meeting) and the notes and decisions of a meeting.
#ifndef MFH_CLIENTS_DESKTOP_MEETING_MODELS_H_
#define MFH_CLIENTS_DESKTOP_MEETING_MODELS_H_

#include <QString>
#include <vector>

#include "absl/time/time.h"
#include "clients/desktop/models.h"

namespace mfh::desktop {

// An action's status in words as of `now`: "Open", "OVERDUE by 2d 4h" (open
// and past its by_when), "Done 2026-11-05 10:00 GMT", "Dropped 2026-11-05
// 10:00 GMT: moved away" (the date it was closed, where there is one).
QString ActionStatusText(const v1::Action& action, absl::Time now);

// The share of a table's width each column of an ActionsModel takes
// (ShareColumns): the free text the most, the by-when time on one line.
std::vector<int> ActionColumnShares();

// Actions, across meetings (the tracker) or of one meeting. An open action
// past its by_when (at SetNow's instant) is red, its by-when in dark red and
// its status in bold dark red; closed ones are grey.
class ActionsModel : public HubTableModel {
  Q_OBJECT

 public:
  enum Column {
    kChild,
    kWhat,
    kWho,
    kByWhen,
    kDoneWhen,
    kWorkedWhen,
    kStatus,
    kMeeting,
    kColumnCount
  };
  using HubTableModel::HubTableModel;
  void SetActions(Actions actions);
  const Actions& actions() const { return actions_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 protected:
  // Whether an action is overdue changes with the time: every cell.
  QList<int> TickingColumns() const override;

 private:
  Actions actions_;
};

// The notes and decisions of a meeting.
class NotesModel : public HubTableModel {
  Q_OBJECT

 public:
  enum Column { kChild, kKind, kText, kAuthor, kAt, kColumnCount };
  using HubTableModel::HubTableModel;
  void SetNotes(std::vector<v1::Note> notes);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role) const override;

 private:
  std::vector<v1::Note> notes_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_MEETING_MODELS_H_
