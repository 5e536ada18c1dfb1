// Intelligence for the police: what interviews shared (places, associates,
// indicators; never the child's words), with a filter for what no police
// user has acknowledged and a button that acknowledges the selected row.
// For the police, coordinators and managers; the page only asks.
#ifndef MFH_CLIENTS_DESKTOP_INTEL_PAGE_H_
#define MFH_CLIENTS_DESKTOP_INTEL_PAGE_H_

#include <QWidget>

#include "clients/desktop/intel_model.h"

class QCheckBox;
class QPushButton;
class QTableView;

namespace mfh::desktop {

class IntelPage : public QWidget {
  Q_OBJECT

 public:
  explicit IntelPage(QWidget* parent = nullptr);

  IntelligenceModel& model() { return model_; }
  bool unacknowledged_only() const;
  void SetUnacknowledgedOnly(bool on);
  // Selects the row of `episode_id`; false when it is not listed.
  bool Select(const QString& episode_id);
  // Acknowledges the selected row, as the button does.
  void Acknowledge();

 signals:
  // The list is to be read again, with the filter as it now is.
  void ReloadRequested();
  void AcknowledgeSubmitted(const QString& episode_id);
  // Something the user must do first, in words.
  void UserError(const QString& message);

 private:
  void UpdateButton();

  IntelligenceModel model_;
  QCheckBox* unacknowledged_only_;
  QTableView* view_;
  QPushButton* acknowledge_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_INTEL_PAGE_H_
