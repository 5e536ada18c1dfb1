#include "clients/desktop/agenda_page.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "clients/desktop/widgets.h"

namespace mfh::desktop {

AgendaPage::AgendaPage(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(tr("Agenda: loading..."))),
      intelligence_(new QLabel) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  QFont f = title_->font();
  f.setBold(true);
  title_->setFont(f);
  auto* pdf = new QPushButton(tr("Export agenda to PDF..."));
  connect(pdf, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export agenda"), "agenda.pdf", tr("PDF (*.pdf)"));
    if (!path.isEmpty()) emit ExportRequested(path);
  });
  top->addWidget(title_, 1);
  top->addWidget(pdf);
  view_ = MakeTable(&model_, false);
  // Child, risk or status, when, detail, flags.
  ShareColumns(view_, {18, 14, 17, 35, 16});
  intelligence_->setObjectName("intelligence_unacknowledged");
  intelligence_->hide();
  layout->addLayout(top);
  layout->addWidget(intelligence_);
  layout->addWidget(view_, 1);
}

void AgendaPage::SetAgenda(const v1::Agenda& agenda) {
  model_.SetAgenda(agenda);
  view_->clearSpans();
  for (int r = 0; r < model_.rowCount(); ++r) {
    if (model_.IsTitleRow(r))
      view_->setSpan(r, 0, 1, AgendaModel::kColumnCount);
  }
  title_->setText(tr("Agenda for %1, as of %2")
                      .arg(QString::fromStdString(agenda.day()),
                           LocalTime(agenda.as_of())));
  const int waiting = agenda.intelligence_unacknowledged();
  intelligence_->setText(
      tr("Intelligence shared with the police, not acknowledged after 24 h: "
         "%1")
          .arg(waiting));
  intelligence_->setStyleSheet(waiting > 0
                                   ? "QLabel{background:#ffcdd2;color:#a00000;"
                                     "font-weight:bold;padding:4px;}"
                                   : "QLabel{padding:4px;}");
  intelligence_->show();
}

QString AgendaPage::IntelligenceText() const { return intelligence_->text(); }

}  // namespace mfh::desktop
