#include "clients/desktop/completion_dialog.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

CompletionDialog::CompletionDialog(const QString& episode_id,
                                   const QString& now, QWidget* parent)
    : QDialog(parent),
      episode_id_(episode_id),
      at_(new QLineEdit(now)),
      by_(new QLineEdit),
      none_(new QCheckBox(tr("No concerns"))),
      cse_(new QCheckBox(tr("CSE concern"))),
      cce_(new QCheckBox(tr("CCE concern"))),
      referral_(new QCheckBox(tr("Referral made"))),
      notes_(new QPlainTextEdit) {
  setWindowTitle(tr("Record completion for episode %1").arg(episode_id));
  auto* form = new QFormLayout(this);
  form->addRow(tr("Completed at (UK time)"), at_);
  form->addRow(tr("Completed by"), by_);
  form->addRow(tr("Concerns"), none_);
  form->addRow(QString(), cse_);
  form->addRow(QString(), cce_);
  form->addRow(QString(), referral_);
  form->addRow(tr("Notes"), notes_);
  AddOkCancel(this, form);
}

CompletionForm CompletionDialog::form() const {
  return {.episode_id = episode_id_,
          .at = at_->text(),
          .by = by_->text(),
          .cse = cse_->isChecked(),
          .cce = cce_->isChecked(),
          .no_concerns = none_->isChecked(),
          .referral_made = referral_->isChecked(),
          .notes = notes_->toPlainText()};
}

}  // namespace mfh::desktop
