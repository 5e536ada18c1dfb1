#include "clients/desktop/widgets.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>

#include "clients/desktop/models.h"

namespace mfh::desktop {

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
  // Tables laid out by FitTextColumns size themselves.
  QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
    if (view->horizontalHeader()->stretchLastSection()) {
      view->resizeColumnsToContents();
    }
  });
  return view;
}

void FitTextColumns(QTableView* view, std::initializer_list<int> text_columns) {
  QHeaderView* header = view->horizontalHeader();
  header->setStretchLastSection(false);
  header->setSectionResizeMode(QHeaderView::ResizeToContents);
  for (int c : text_columns) {
    header->setSectionResizeMode(c, QHeaderView::Stretch);
  }
  view->setWordWrap(true);
  view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
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
