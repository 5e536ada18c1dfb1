// Asks for a completed interview: when, by whom, the concerns it found,
// whether a referral was made, and notes.
#ifndef MFH_CLIENTS_DESKTOP_COMPLETION_DIALOG_H_
#define MFH_CLIENTS_DESKTOP_COMPLETION_DIALOG_H_

#include <QDialog>
#include <QString>

#include "clients/desktop/hub_worker.h"

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace mfh::desktop {

class CompletionDialog : public QDialog {
  Q_OBJECT

 public:
  // `now`: the time filled in at first, as typed (UK time).
  CompletionDialog(const QString& episode_id, const QString& now,
                   QWidget* parent = nullptr);

  // What was entered, for HubWorker::RecordCompletion.
  CompletionForm form() const;

 private:
  const QString episode_id_;
  QLineEdit* at_;
  QLineEdit* by_;
  QCheckBox* none_;
  QCheckBox* cse_;
  QCheckBox* cce_;
  QCheckBox* referral_;
  QPlainTextEdit* notes_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_COMPLETION_DIALOG_H_
