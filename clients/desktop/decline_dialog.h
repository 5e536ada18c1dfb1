// Asks when a child declined an interview and why.
#ifndef MFH_CLIENTS_DESKTOP_DECLINE_DIALOG_H_
#define MFH_CLIENTS_DESKTOP_DECLINE_DIALOG_H_

#include <QDialog>
#include <QString>

class QLineEdit;

namespace mfh::desktop {

class DeclineDialog : public QDialog {
  Q_OBJECT

 public:
  // `now`: the time filled in at first, as typed (UK time).
  DeclineDialog(const QString& episode_id, const QString& now,
                QWidget* parent = nullptr);

  QString at() const;
  QString reason() const;

 private:
  QLineEdit* at_;
  QLineEdit* reason_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_DECLINE_DIALOG_H_
