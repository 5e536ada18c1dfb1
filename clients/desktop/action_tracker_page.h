// The action tracker: every action agreed at a meeting, filtered by text and
// optionally to the open ones, with the dialogs that mark the selected one
// done or drop it. What is entered goes out as a signal.
#ifndef MFH_CLIENTS_DESKTOP_ACTION_TRACKER_PAGE_H_
#define MFH_CLIENTS_DESKTOP_ACTION_TRACKER_PAGE_H_

#include <QWidget>

#include "clients/desktop/meeting_models.h"

class QTableView;

namespace mfh::desktop {

class ActionTrackerPage : public QWidget {
  Q_OBJECT

 public:
  explicit ActionTrackerPage(QWidget* parent = nullptr);

  ActionsModel& model() { return model_; }

 signals:
  // `done`: mark it done with `text` as evidence and `impact` as evidence
  // it worked; else drop it with `text` as the reason.
  void UpdateSubmitted(const QString& action_id, bool done, const QString& text,
                       const QString& impact);
  // Something the user must do first, in words.
  void UserError(const QString& message);

 private:
  void Update(bool done);

  ActionsModel model_;
  QTableView* view_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_ACTION_TRACKER_PAGE_H_
