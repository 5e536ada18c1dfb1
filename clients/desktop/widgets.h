// Building blocks the pages and dialogs share: read-only tables over a model,
// filter boxes, and the OK and Cancel row that ends a dialog's form.
#ifndef MFH_CLIENTS_DESKTOP_WIDGETS_H_
#define MFH_CLIENTS_DESKTOP_WIDGETS_H_

#include <QString>
#include <vector>

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

// Each column of `view` takes its share of the table's width (`shares`, one
// per column, in any unit; a hidden column's share is left out) whenever the
// table is resized, and only then: never from the contents, so that the
// widths stay as they are when the rows are loaded again. Text wraps within
// its column and rows grow to fit it; nothing is clipped at 1280 pixels.
void ShareColumns(QTableView* view, std::vector<int> shares);

// A line edit for a table's filter, with `hint` shown while it is empty.
QLineEdit* FilterBox(const QString& hint);

// The id (kIdRole) of the row selected in `view`; empty when none is.
QString SelectedId(const QTableView* view);

// Ends `form` with OK and Cancel wired to `dialog`.
void AddOkCancel(QDialog* dialog, QFormLayout* form);

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_WIDGETS_H_
