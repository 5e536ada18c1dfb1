// Building blocks the pages and dialogs share: read-only tables over a model,
// filter boxes, and the OK and Cancel row that ends a dialog's form.
#ifndef MFH_CLIENTS_DESKTOP_WIDGETS_H_
#define MFH_CLIENTS_DESKTOP_WIDGETS_H_

#include <QString>
#include <initializer_list>

class QAbstractItemModel;
class QDialog;
class QFormLayout;
class QLineEdit;
class QTableView;

namespace mfh::desktop {

// A read-only table of `model`, one row selected at a time. `sortable`: behind
// a proxy that sorts by kSortRole when a heading is clicked (the server's order
// until then) and, given `filter`, keeps the rows containing its text.
QTableView* MakeTable(QAbstractItemModel* model, bool sortable,
                      QLineEdit* filter = nullptr);

// Long free text wraps in `text_columns`; the short columns fit their
// contents, so that nothing is clipped at 1280 pixels wide.
void FitTextColumns(QTableView* view, std::initializer_list<int> text_columns);

// A line edit for a table's filter, with `hint` shown while it is empty.
QLineEdit* FilterBox(const QString& hint);

// The id (kIdRole) of the row selected in `view`; empty when none is.
QString SelectedId(const QTableView* view);

// Ends `form` with OK and Cancel wired to `dialog`.
void AddOkCancel(QDialog* dialog, QFormLayout* form);

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_WIDGETS_H_
