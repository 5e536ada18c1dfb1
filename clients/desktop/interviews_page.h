// Return home interviews not yet done, with their countdowns, and the
// dialogs that record an offer, a decline or a completion for the selected
// one; with completed ones shown too, the findings of the selected one. The
// page only asks: what is entered goes out as a signal.
#ifndef MFH_CLIENTS_DESKTOP_INTERVIEWS_PAGE_H_
#define MFH_CLIENTS_DESKTOP_INTERVIEWS_PAGE_H_

#include <QWidget>
#include <functional>

#include "absl/time/time.h"
#include "clients/desktop/hub_worker.h"
#include "clients/desktop/models.h"

class QCheckBox;
class QPushButton;
class QTableView;

namespace mfh::desktop {

class InterviewsPage : public QWidget {
  Q_OBJECT

 public:
  // `clock`: the time the dialogs offer first.
  explicit InterviewsPage(std::function<absl::Time()> clock,
                          QWidget* parent = nullptr);

  InterviewsModel& model() { return model_; }
  // Selects the row of `episode_id`; false when it is not listed.
  bool Select(const QString& episode_id);
  // Whether the findings button is enabled: a completed interview is
  // selected.
  bool FindingsEnabled() const;
  void SetShowCompleted(bool on);

 signals:
  void OfferSubmitted(const QString& episode_id, const QString& at,
                      const QString& by);
  void DeclineSubmitted(const QString& episode_id, const QString& at,
                        const QString& reason);
  void CompletionSubmitted(const mfh::desktop::CompletionForm& form);
  // The findings form of a completed interview is wanted.
  void FindingsRequested(const QString& episode_id);
  // Completed interviews are to be listed too, or no longer.
  void ShowCompletedChanged(bool on);
  // Something the user must do first, in words.
  void UserError(const QString& message);

 private:
  void Offer();
  void Decline();
  void Complete();
  void Findings();
  void UpdateButtons();
  // The selected interview's episode; empty (and UserError) when none is.
  QString Selected();
  // The clock's time as a person types it, in UK time.
  QString NowText() const;

  std::function<absl::Time()> clock_;
  InterviewsModel model_;
  QTableView* view_;
  QCheckBox* show_completed_;
  QPushButton* findings_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_INTERVIEWS_PAGE_H_
