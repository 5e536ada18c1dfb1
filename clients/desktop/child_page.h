// A child's whole story at a glance (DESIGN.md section 11): who the child is
// (profile, flags), every episode with its return, where and with whom
// found, its interview's status and findings, the open actions (overdue in
// red, with the word), and each change to the record. It only displays.
#ifndef MFH_CLIENTS_DESKTOP_CHILD_PAGE_H_
#define MFH_CLIENTS_DESKTOP_CHILD_PAGE_H_

#include <QModelIndex>
#include <QWidget>

#include "absl/time/time.h"
#include "clients/core/calls.h"

class QLabel;
class QTableWidget;

namespace mfh::desktop {

// The child a cell names: its text is a child id ("C12") or ends with one
// in brackets ("Amara Okafor, 14 (C12)"); empty otherwise.
QString ChildIdOf(const QModelIndex& index);

class ChildPage : public QWidget {
  Q_OBJECT

 public:
  explicit ChildPage(QWidget* parent = nullptr);

  // Shows `story`; overdue actions against `now`.
  void Show(const client::ChildStory& story, absl::Time now);

  const QString& child_id() const { return child_id_; }
  // "Amara Okafor, 14 (C1)": the page's heading.
  QString Heading() const;
  // The profile as "label: value" lines.
  QString ProfileText() const;
  const QTableWidget& episodes() const { return *episodes_; }
  const QTableWidget& actions() const { return *actions_; }
  const QTableWidget& changes() const { return *changes_; }

 private:
  QString child_id_;
  QLabel* heading_;
  QLabel* profile_;
  QTableWidget* episodes_;
  QTableWidget* actions_;
  QTableWidget* changes_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_CHILD_PAGE_H_
