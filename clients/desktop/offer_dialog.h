// Asks when an interview was offered and by whom.
#ifndef MFH_CLIENTS_DESKTOP_OFFER_DIALOG_H_
#define MFH_CLIENTS_DESKTOP_OFFER_DIALOG_H_

#include <QDialog>
#include <QString>

class QLineEdit;

namespace mfh::desktop {

class OfferDialog : public QDialog {
  Q_OBJECT

 public:
  // `now`: the time filled in at first, as typed (UK time).
  OfferDialog(const QString& episode_id, const QString& now,
              QWidget* parent = nullptr);

  QString at() const;
  QString by() const;

 private:
  QLineEdit* at_;
  QLineEdit* by_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_OFFER_DIALOG_H_
