#include "clients/desktop/interviews_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

#include "clients/core/time_text.h"
#include "clients/desktop/child_page.h"
#include "clients/desktop/completion_dialog.h"
#include "clients/desktop/decline_dialog.h"
#include "clients/desktop/offer_dialog.h"
#include "clients/desktop/widgets.h"

namespace mfh::desktop {

InterviewsPage::InterviewsPage(std::function<absl::Time()> clock,
                               QWidget* parent)
    : QWidget(parent), clock_(std::move(clock)) {
  auto* layout = new QVBoxLayout(this);
  auto* legend = new QLabel(
      tr("Return home interviews not yet done, earliest due first. "
         "<span style='background:#ffcdd2;color:#a00000'><b>&nbsp;Red: "
         "OVERDUE&nbsp;</b></span> &nbsp; "
         "<span style='background:#ffe0a0'><b>&nbsp;Amber: due before the "
         "next meeting&nbsp;</b></span>"));
  auto* filter = FilterBox(tr("Filter: name, id, status..."));
  view_ = MakeTable(&model_, true, filter);
  auto* buttons = new QHBoxLayout;
  auto* offer = new QPushButton(tr("Record offer..."));
  auto* decline = new QPushButton(tr("Record decline..."));
  auto* complete = new QPushButton(tr("Record completion..."));
  connect(offer, &QPushButton::clicked, this, &InterviewsPage::Offer);
  connect(decline, &QPushButton::clicked, this, &InterviewsPage::Decline);
  connect(complete, &QPushButton::clicked, this, &InterviewsPage::Complete);
  // A double-click records the completion, except on the child, which
  // opens the child's story (MainWindow).
  connect(view_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& index) {
            if (ChildIdOf(index).isEmpty()) Complete();
          });
  buttons->addWidget(new QLabel(tr("For the selected row:")));
  buttons->addWidget(offer);
  buttons->addWidget(decline);
  buttons->addWidget(complete);
  buttons->addStretch();
  layout->addWidget(legend);
  layout->addWidget(filter);
  layout->addWidget(view_, 1);
  layout->addLayout(buttons);
}

QString InterviewsPage::Selected() {
  const QString episode = SelectedId(view_);
  if (episode.isEmpty()) emit UserError(tr("Select an interview first."));
  return episode;
}

QString InterviewsPage::NowText() const {
  return QString::fromStdString(
      absl::FormatTime("%E4Y-%m-%d %H:%M", clock_(), client::London()));
}

void InterviewsPage::Offer() {
  const QString episode = Selected();
  if (episode.isEmpty()) return;
  OfferDialog dialog(episode, NowText(), this);
  if (dialog.exec() == QDialog::Accepted) {
    emit OfferSubmitted(episode, dialog.at(), dialog.by());
  }
}

void InterviewsPage::Decline() {
  const QString episode = Selected();
  if (episode.isEmpty()) return;
  DeclineDialog dialog(episode, NowText(), this);
  if (dialog.exec() == QDialog::Accepted) {
    emit DeclineSubmitted(episode, dialog.at(), dialog.reason());
  }
}

void InterviewsPage::Complete() {
  const QString episode = Selected();
  if (episode.isEmpty()) return;
  CompletionDialog dialog(episode, NowText(), this);
  if (dialog.exec() == QDialog::Accepted) {
    emit CompletionSubmitted(dialog.form());
  }
}

}  // namespace mfh::desktop
