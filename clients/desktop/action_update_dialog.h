// Asks for the evidence that an action is done (and, optionally, that it
// worked), or for the reason it is dropped.
#ifndef MFH_CLIENTS_DESKTOP_ACTION_UPDATE_DIALOG_H_
#define MFH_CLIENTS_DESKTOP_ACTION_UPDATE_DIALOG_H_

#include <QDialog>
#include <QString>

class QLineEdit;

namespace mfh::desktop {

class ActionUpdateDialog : public QDialog {
  Q_OBJECT

 public:
  // `done`: mark it done; else drop it.
  explicit ActionUpdateDialog(bool done, QWidget* parent = nullptr);

  // The evidence it is done, or the reason it is dropped.
  QString text() const;
  // The evidence it worked; empty when dropping.
  QString impact() const;

 private:
  QLineEdit* text_;
  QLineEdit* impact_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_ACTION_UPDATE_DIALOG_H_
