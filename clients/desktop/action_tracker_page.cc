#include "clients/desktop/action_tracker_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "clients/desktop/action_update_dialog.h"
#include "clients/desktop/widgets.h"

namespace mfh::desktop {
namespace {

// Keeps every action, or only the open ones, by the status value the server
// sent (kStatusRole), whatever words the status column shows.
class OpenActionsFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void SetOpenOnly(bool open_only) {
    open_only_ = open_only;
    invalidateFilter();
  }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    if (!open_only_) return true;
    return sourceModel()->index(row, 0, parent).data(kStatusRole).toInt() ==
           v1::ACTION_STATUS_OPEN;
  }

 private:
  bool open_only_ = false;
};

}  // namespace

ActionTrackerPage::ActionTrackerPage(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  auto* filter = FilterBox(tr("Filter: child, what, who..."));
  auto* open_only = new QCheckBox(tr("Open actions only"));
  top->addWidget(filter, 1);
  top->addWidget(open_only);
  view_ = MakeTable(&model_, true, filter);
  ShareColumns(view_, ActionColumnShares());
  // Open only: a second filter over the text filter.
  auto* status_filter = new OpenActionsFilter(view_);
  status_filter->setSourceModel(view_->model());
  status_filter->setSortRole(kSortRole);
  view_->setModel(status_filter);
  connect(open_only, &QCheckBox::toggled, status_filter,
          [status_filter](bool on) { status_filter->SetOpenOnly(on); });
  auto* buttons = new QHBoxLayout;
  auto* done = new QPushButton(tr("Mark done..."));
  auto* drop = new QPushButton(tr("Drop..."));
  connect(done, &QPushButton::clicked, this, [this] { Update(true); });
  connect(drop, &QPushButton::clicked, this, [this] { Update(false); });
  buttons->addWidget(new QLabel(tr("For the selected action:")));
  buttons->addWidget(done);
  buttons->addWidget(drop);
  buttons->addStretch();
  layout->addLayout(top);
  layout->addWidget(view_, 1);
  layout->addLayout(buttons);
}

void ActionTrackerPage::Update(bool done) {
  const QString action = SelectedId(view_);
  if (action.isEmpty()) {
    emit UserError(tr("Select an action first."));
    return;
  }
  ActionUpdateDialog dialog(done, this);
  if (dialog.exec() == QDialog::Accepted) {
    emit UpdateSubmitted(action, done, dialog.text(), dialog.impact());
  }
}

}  // namespace mfh::desktop
