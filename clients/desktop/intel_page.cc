#include "clients/desktop/intel_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "clients/desktop/models.h"
#include "clients/desktop/widgets.h"

namespace mfh::desktop {

IntelPage::IntelPage(QWidget* parent)
    : QWidget(parent),
      unacknowledged_only_(new QCheckBox(tr("&Unacknowledged only"))),
      acknowledge_(new QPushButton(tr("&Acknowledge: I have read it"))) {
  auto* layout = new QVBoxLayout(this);
  auto* legend = new QLabel(
      tr("What return home interviews shared with the police, waiting "
         "longest first. <span style='background:#ffcdd2;color:#a00000'>"
         "<b>&nbsp;NOT YET&nbsp;</b></span> no police officer has "
         "acknowledged it."));
  legend->setWordWrap(true);
  view_ = MakeTable(&model_, false);
  view_->setObjectName("intelligence");
  // Episode, child, recorded, indicators, places, associates, acknowledged.
  ShareColumns(view_, {7, 14, 13, 14, 19, 19, 14});
  connect(unacknowledged_only_, &QCheckBox::toggled, this,
          &IntelPage::ReloadRequested);
  connect(acknowledge_, &QPushButton::clicked, this, &IntelPage::Acknowledge);
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &IntelPage::UpdateButton);
  connect(&model_, &QAbstractItemModel::modelReset, this,
          &IntelPage::UpdateButton);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(new QLabel(tr("For the selected row:")));
  bottom->addWidget(acknowledge_);
  bottom->addStretch();
  layout->addWidget(legend);
  layout->addWidget(unacknowledged_only_);
  layout->addWidget(view_, 1);
  layout->addLayout(bottom);
  UpdateButton();
}

bool IntelPage::unacknowledged_only() const {
  return unacknowledged_only_->isChecked();
}

void IntelPage::SetUnacknowledgedOnly(bool on) {
  unacknowledged_only_->setChecked(on);
}

bool IntelPage::Select(const QString& episode_id) {
  const int row = model_.RowOfEpisode(episode_id);
  if (row < 0) return false;
  view_->selectRow(row);
  return true;
}

void IntelPage::UpdateButton() {
  const QModelIndexList rows = view_->selectionModel()->selectedRows();
  acknowledge_->setEnabled(!rows.isEmpty() &&
                           rows.first().data(kStatusRole).toInt() == 0);
}

void IntelPage::Acknowledge() {
  const QString episode = SelectedId(view_);
  if (episode.isEmpty()) {
    emit UserError(tr("Select the intelligence to acknowledge first."));
    return;
  }
  emit AcknowledgeSubmitted(episode);
}

}  // namespace mfh::desktop
