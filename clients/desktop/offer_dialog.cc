#include "clients/desktop/offer_dialog.h"

#include <QFormLayout>
#include <QLineEdit>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

OfferDialog::OfferDialog(const QString& episode_id, const QString& now,
                         QWidget* parent)
    : QDialog(parent), at_(new QLineEdit(now)), by_(new QLineEdit) {
  setWindowTitle(tr("Record offer for episode %1").arg(episode_id));
  auto* form = new QFormLayout(this);
  form->addRow(tr("Offered at (UK time)"), at_);
  form->addRow(tr("Offered by"), by_);
  AddOkCancel(this, form);
}

QString OfferDialog::at() const { return at_->text(); }
QString OfferDialog::by() const { return by_->text(); }

}  // namespace mfh::desktop
