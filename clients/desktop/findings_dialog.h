// Asks what a completed interview found (DESIGN.md section 10): push and
// pull factors, exploitation indicators, places, associates, the child's own
// words, the referral, and whether the police may have the intelligence and
// on what basis. Prefilled with the findings in force; usable from the
// keyboard alone (Ctrl+Enter records, Esc cancels).
#ifndef MFH_CLIENTS_DESKTOP_FINDINGS_DIALOG_H_
#define MFH_CLIENTS_DESKTOP_FINDINGS_DIALOG_H_

#include <QDialog>
#include <QString>
#include <utility>
#include <vector>

#include "mfh/v1/types.pb.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

namespace google::protobuf {
class EnumDescriptor;
}

namespace mfh::desktop {

class FindingsDialog : public QDialog {
  Q_OBJECT

 public:
  // `child`: the child as the pages name them ("Ann (C1)").
  FindingsDialog(const v1::Interview& interview, const QString& child,
                 QWidget* parent = nullptr);

  const QString& episode_id() const { return episode_id_; }
  // What was entered, for HubWorker::RecordFindings.
  v1::Findings findings() const;
  // Why the form cannot be recorded as it is, in words, and the field to
  // put right (when `field` is given); empty when it can be recorded.
  QString Problem(QWidget** field = nullptr) const;
  // The problem shown when OK was refused; empty when none is.
  QString ErrorText() const;

  // Refuses, saying why, while Problem() is not empty.
  void accept() override;

 private:
  // The check boxes of one vocabulary, and the text of its _OTHER value.
  struct Choices {
    const google::protobuf::EnumDescriptor* type = nullptr;
    int other = 0;
    std::vector<std::pair<int, QCheckBox*>> boxes;
    QLineEdit* other_text = nullptr;
  };
  QGroupBox* Group(const QString& title,
                   const google::protobuf::EnumDescriptor* type,
                   const QString& other_hint, Choices* choices);
  void Prefill(const v1::Findings& f);
  static std::vector<int> Checked(const Choices& choices);
  static QString OtherText(const Choices& choices);

  const QString episode_id_;
  std::vector<QWidget*> tab_order_;
  Choices push_;
  Choices pull_;
  Choices indicators_;
  QPlainTextEdit* places_;
  QPlainTextEdit* associates_;
  QPlainTextEdit* voice_;
  QComboBox* referral_;
  QCheckBox* share_;
  QLineEdit* basis_;
  QLabel* error_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_FINDINGS_DIALOG_H_
