#include "clients/desktop/action_update_dialog.h"

#include <QFormLayout>
#include <QLineEdit>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

ActionUpdateDialog::ActionUpdateDialog(bool done, QWidget* parent)
    : QDialog(parent), text_(new QLineEdit), impact_(new QLineEdit(this)) {
  setWindowTitle(done ? tr("Mark action done") : tr("Drop action"));
  auto* form = new QFormLayout(this);
  form->addRow(done ? tr("Evidence it is done") : tr("Why it is dropped"),
               text_);
  if (done) {
    form->addRow(tr("Evidence it worked (optional)"), impact_);
  } else {
    impact_->hide();
  }
  AddOkCancel(this, form);
}

QString ActionUpdateDialog::text() const { return text_->text(); }
QString ActionUpdateDialog::impact() const { return impact_->text(); }

}  // namespace mfh::desktop
