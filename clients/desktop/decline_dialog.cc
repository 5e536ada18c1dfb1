#include "clients/desktop/decline_dialog.h"

#include <QFormLayout>
#include <QLineEdit>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

DeclineDialog::DeclineDialog(const QString& episode_id, const QString& now,
                             QWidget* parent)
    : QDialog(parent), at_(new QLineEdit(now)), reason_(new QLineEdit) {
  setWindowTitle(tr("Record decline for episode %1").arg(episode_id));
  auto* form = new QFormLayout(this);
  form->addRow(tr("Declined at (UK time)"), at_);
  form->addRow(tr("Reason"), reason_);
  AddOkCancel(this, form);
}

QString DeclineDialog::at() const { return at_->text(); }
QString DeclineDialog::reason() const { return reason_->text(); }

}  // namespace mfh::desktop
