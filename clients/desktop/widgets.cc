#include "clients/desktop/widgets.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <algorithm>
#include <utility>
#include <vector>

#include "clients/desktop/models.h"

namespace mfh::desktop {
namespace {

// Sets the columns' widths from their shares when the table's viewport is
// resized.
class ColumnShares : public QObject {
 public:
  ColumnShares(QTableView* view, std::vector<int> shares)
      : QObject(view), view_(view), shares_(std::move(shares)) {}

  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Resize) Apply();
    return QObject::eventFilter(watched, event);
  }

 private:
  void Apply() {
    const int columns = std::min(static_cast<int>(shares_.size()),
                                 view_->model()->columnCount());
    int total = 0;
    for (int c = 0; c < columns; ++c) {
      if (!view_->isColumnHidden(c)) total += shares_[c];
    }
    if (total <= 0) return;
    const int width = view_->viewport()->width();
    for (int c = 0; c < columns; ++c) {
      if (!view_->isColumnHidden(c)) {
        view_->setColumnWidth(c, width * shares_[c] / total);
      }
    }
  }

  QTableView* view_;
  std::vector<int> shares_;
};

}  // namespace

QTableView* MakeTable(QAbstractItemModel* model, bool sortable,
                      QLineEdit* filter) {
  auto* view = new QTableView;
  QAbstractItemModel* shown = model;
  if (sortable) {
    auto* proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(kSortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    if (filter != nullptr) {
      QObject::connect(filter, &QLineEdit::textChanged, proxy,
                       &QSortFilterProxyModel::setFilterFixedString);
    }
    shown = proxy;
  }
  view->setModel(shown);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setAlternatingRowColors(false);
  view->verticalHeader()->hide();
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view->setWordWrap(false);
  if (sortable) {
    // No column sorted at first: the server's order (risk, then longest
    // missing; earliest due) until the user clicks a header.
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
  }
  // Tables laid out by ShareColumns size themselves.
  QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
    if (view->horizontalHeader()->stretchLastSection()) {
      view->resizeColumnsToContents();
    }
  });
  return view;
}

void ShareColumns(QTableView* view, std::vector<int> shares) {
  QHeaderView* header = view->horizontalHeader();
  header->setStretchLastSection(false);
  header->setSectionResizeMode(QHeaderView::Interactive);
  view->setWordWrap(true);
  view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view->viewport()->installEventFilter(
      new ColumnShares(view, std::move(shares)));
}

QLineEdit* FilterBox(const QString& hint) {
  auto* edit = new QLineEdit;
  edit->setPlaceholderText(hint);
  edit->setClearButtonEnabled(true);
  return edit;
}

QString SelectedId(const QTableView* view) {
  const QModelIndexList rows = view->selectionModel()->selectedRows();
  if (rows.isEmpty()) return {};
  return rows.first().data(kIdRole).toString();
}

void AddOkCancel(QDialog* dialog, QFormLayout* form) {
  auto* box =
      new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(box);
  QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
  QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
}

}  // namespace mfh::desktop
