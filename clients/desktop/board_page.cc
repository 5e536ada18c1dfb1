#include "clients/desktop/board_page.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

BoardPage::BoardPage(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* filter = FilterBox(tr("Filter: name, id, risk, flag, escalation..."));
  QTableView* view = MakeTable(&model_, true, filter);
  auto* hint = new QLabel(
      tr("Children missing now, highest risk first, then longest missing "
         "(click a heading to sort by it)."));
  layout->addWidget(hint);
  layout->addWidget(filter);
  layout->addWidget(view, 1);
}

}  // namespace mfh::desktop
