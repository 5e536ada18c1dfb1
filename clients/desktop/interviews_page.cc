#include "clients/desktop/interviews_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
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
  show_completed_ = new QCheckBox(
      tr("Also show &completed interviews, to record what they found"));
  findings_ = new QPushButton(tr("Record &findings..."));
  findings_->setToolTip(
      tr("What a completed interview found (coordinators and RHI workers)"));
  connect(show_completed_, &QCheckBox::toggled, this,
          &InterviewsPage::ShowCompletedChanged);
  connect(findings_, &QPushButton::clicked, this, &InterviewsPage::Findings);
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &InterviewsPage::UpdateButtons);
  connect(&model_, &QAbstractItemModel::modelReset, this,
          &InterviewsPage::UpdateButtons);
  auto* buttons = new QHBoxLayout;
  auto* offer = new QPushButton(tr("Record offer..."));
  auto* decline = new QPushButton(tr("Record decline..."));
  auto* complete = new QPushButton(tr("Record completion..."));
  connect(offer, &QPushButton::clicked, this, &InterviewsPage::Offer);
  connect(decline, &QPushButton::clicked, this, &InterviewsPage::Decline);
  connect(complete, &QPushButton::clicked, this, &InterviewsPage::Complete);
  // A double-click records the completion (or a completed interview's
  // findings), except on the child, which opens the child's story
  // (MainWindow).
  connect(view_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& index) {
            if (!ChildIdOf(index).isEmpty()) return;
            if (FindingsEnabled()) {
              Findings();
            } else {
              Complete();
            }
          });
  buttons->addWidget(new QLabel(tr("For the selected row:")));
  buttons->addWidget(offer);
  buttons->addWidget(decline);
  buttons->addWidget(complete);
  buttons->addWidget(findings_);
  buttons->addStretch();
  layout->addWidget(legend);
  auto* top = new QHBoxLayout;
  top->addWidget(filter, 1);
  top->addWidget(show_completed_);
  layout->addLayout(top);
  layout->addWidget(view_, 1);
  layout->addLayout(buttons);
  UpdateButtons();
}

bool InterviewsPage::Select(const QString& episode_id) {
  for (int r = 0; r < view_->model()->rowCount(); ++r) {
    if (view_->model()->index(r, 0).data(kIdRole).toString() == episode_id) {
      view_->selectRow(r);
      return true;
    }
  }
  return false;
}

bool InterviewsPage::FindingsEnabled() const { return findings_->isEnabled(); }

void InterviewsPage::SetShowCompleted(bool on) {
  show_completed_->setChecked(on);
}

void InterviewsPage::UpdateButtons() {
  const QModelIndexList rows = view_->selectionModel()->selectedRows();
  findings_->setEnabled(!rows.isEmpty() &&
                        rows.first().data(kStatusRole).toInt() ==
                            v1::RHI_STATUS_COMPLETED);
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

void InterviewsPage::Findings() {
  const QString episode = Selected();
  if (episode.isEmpty()) return;
  if (!FindingsEnabled()) {
    emit UserError(
        tr("Findings are recorded once the interview is "
           "completed: record its completion first."));
    return;
  }
  emit FindingsRequested(episode);
}

}  // namespace mfh::desktop
