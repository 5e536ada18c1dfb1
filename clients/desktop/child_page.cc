#include "clients/desktop/child_page.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>
#include <string>

#include "absl/strings/str_join.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"
#include "clients/desktop/models.h"

namespace mfh::desktop {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

QString Local(bool has, const google::protobuf::Timestamp& ts) {
  if (!has) return "-";
  return Q(client::FormatLocal(client::FromTimestamp(ts)));
}

QString OrDash(const std::string& s) { return s.empty() ? "-" : Q(s); }

// What the interview found, as far as the reader may see it.
QString Findings(const v1::Interview& i) {
  if (!i.has_completed_at()) return "-";
  QStringList found;
  for (int c : i.outcome().concerns()) {
    found << Q(client::ConcernLabel(static_cast<v1::Concern>(c)));
  }
  if (i.outcome().referral_made()) found << "referral made";
  return found.isEmpty() ? "-" : found.join(", ");
}

QTableWidget* MakeTable(const QStringList& headings) {
  auto* table = new QTableWidget(0, headings.size());
  table->setHorizontalHeaderLabels(headings);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setStretchLastSection(true);
  table->setWordWrap(true);
  return table;
}

void SetRow(QTableWidget* table, int row, const QStringList& cells) {
  for (int c = 0; c < cells.size(); ++c) {
    table->setItem(row, c, new QTableWidgetItem(cells[c]));
  }
}

QLabel* Title(const QString& text) {
  auto* label = new QLabel(QString("<b>%1</b>").arg(text));
  return label;
}

}  // namespace

QString ChildIdOf(const QModelIndex& index) {
  static const QRegularExpression kChild(R"(^(C\d+)$|\((C\d+)\)$)");
  const QRegularExpressionMatch match =
      kChild.match(index.data(Qt::DisplayRole).toString().trimmed());
  if (!match.hasMatch()) return "";
  return match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
}

ChildPage::ChildPage(QWidget* parent)
    : QWidget(parent),
      heading_(new QLabel),
      profile_(new QLabel),
      episodes_(MakeTable({tr("Episode"), tr("Missing since"),
                           tr("Returned at"), tr("Risk"), tr("Found at"),
                           tr("Found with"), tr("Interview"), tr("Findings")})),
      actions_(MakeTable(
          {tr("Action"), tr("What"), tr("Who"), tr("By when"), tr("Status")})),
      changes_(MakeTable({tr("When"), tr("By"), tr("What changed")})) {
  QFont big = heading_->font();
  big.setPointSizeF(big.pointSizeF() * 1.5);
  big.setBold(true);
  heading_->setFont(big);
  heading_->setText(tr("Double-click a child in any view to see their story"));
  profile_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading_);
  layout->addWidget(profile_);
  layout->addWidget(Title(tr("Episodes")));
  layout->addWidget(episodes_, 3);
  layout->addWidget(Title(tr("Open actions")));
  layout->addWidget(actions_, 2);
  layout->addWidget(Title(tr("Changes to the record")));
  layout->addWidget(changes_, 1);
}

QString ChildPage::Heading() const { return heading_->text(); }
QString ChildPage::ProfileText() const { return profile_->text(); }

void ChildPage::Show(const client::ChildStory& story, absl::Time now) {
  const v1::Child& c = story.child;
  child_id_ = Q(c.child_id());
  heading_->setText(Q(client::ChildText(c)));
  QStringList flags;
  for (const v1::Flag& f : c.flags()) flags << Q(f.name());
  const v1::Profile& p = c.profile();
  QStringList contacts;
  for (const std::string& contact : p.contacts()) contacts << Q(contact);
  profile_->setText(QStringList{
      tr("Born: %1    LA ref: %2    Looked after: %3    Placing "
         "authority: %4")
          .arg(Q(c.date_of_birth()), OrDash(c.la_ref()),
               c.looked_after() ? tr("yes") : tr("no"),
               OrDash(c.placing_authority())),
      tr("Flags: %1").arg(flags.isEmpty() ? "-" : flags.join(", ")),
      tr("Sex: %1    Ethnicity: %2    Social worker: %3    Team: %4")
          .arg(OrDash(p.sex()), OrDash(p.ethnicity()),
               OrDash(p.social_worker()), OrDash(p.team())),
      tr("Placement: %1    School: %2")
          .arg(OrDash(p.placement()), OrDash(p.school())),
      tr("Contacts: %1").arg(contacts.isEmpty() ? "-" : contacts.join("; "))}
                        .join("\n"));

  std::map<std::string, const v1::Interview*> interview_of;
  for (const v1::Interview& i : story.interviews) {
    interview_of[i.episode_id()] = &i;
  }
  episodes_->setRowCount(story.episodes.size());
  for (int row = 0; row < story.episodes.size(); ++row) {
    const v1::Episode& e = story.episodes.Get(row);
    const auto found = interview_of.find(e.episode_id());
    const v1::Interview* i =
        found == interview_of.end() ? nullptr : found->second;
    QString interview = "-";
    if (e.has_voided_at()) {
      interview = tr("voided: %1").arg(Q(e.void_reason()));
    } else if (i != nullptr) {
      interview = Q(client::RhiStatusLabel(i->status()));
    }
    SetRow(
        episodes_, row,
        {Q(e.episode_id()), Local(e.has_missing_since(), e.missing_since()),
         Local(e.has_returned_at(), e.returned_at()),
         Q(client::RiskLabel(e.risk())), OrDash(e.found_location()),
         OrDash(e.found_with()), interview, i == nullptr ? "-" : Findings(*i)});
    episodes_->item(row, 3)->setBackground(RiskColour(e.risk()));
    if (e.risk() == v1::RISK_HIGH) {
      episodes_->item(row, 3)->setForeground(QColor(Qt::white));
    }
  }
  actions_->setRowCount(story.actions.size());
  for (int row = 0; row < story.actions.size(); ++row) {
    const v1::Action& a = story.actions.Get(row);
    const bool overdue =
        a.status() == v1::ACTION_STATUS_OPEN && PastByWhen(a.by_when(), now);
    SetRow(actions_, row,
           {Q(a.action_id()), Q(a.what()), Q(a.who()),
            Local(a.has_by_when(), a.by_when()),
            overdue ? OverdueText(a.by_when(), now) : tr("Open")});
    if (overdue) {
      for (int col = 0; col < actions_->columnCount(); ++col) {
        actions_->item(row, col)->setBackground(OverdueColour());
        actions_->item(row, col)->setForeground(OverdueTextColour());
      }
    }
  }
  changes_->setRowCount(c.history_size());
  for (int row = 0; row < c.history_size(); ++row) {
    const v1::ChildChange& change = c.history(row);
    SetRow(changes_, row,
           {Local(change.has_at(), change.at()), Q(change.by()),
            Q(absl::StrJoin(change.changes(), "; "))});
  }
  // The short columns fit their contents; the last takes the rest and
  // wraps, so that nothing is cut off.
  for (QTableWidget* table : {episodes_, actions_, changes_}) {
    table->resizeColumnsToContents();
    table->horizontalHeader()->setSectionResizeMode(table->columnCount() - 1,
                                                    QHeaderView::Stretch);
    table->resizeRowsToContents();
  }
}

}  // namespace mfh::desktop
