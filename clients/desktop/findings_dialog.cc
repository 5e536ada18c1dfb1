#include "clients/desktop/findings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include "clients/desktop/findings_words.h"
#include "clients/desktop/models.h"
#include "mfh/v1/findings.pb.h"

namespace mfh::desktop {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

QStringList Lines(const QPlainTextEdit* edit) {
  QStringList out;
  for (const QString& line : edit->toPlainText().split('\n')) {
    if (!line.trimmed().isEmpty()) out << line.trimmed();
  }
  return out;
}

QPlainTextEdit* TextBox(const QString& hint, int lines) {
  auto* edit = new QPlainTextEdit;
  edit->setPlaceholderText(hint);
  // Tab moves on, as in every other field: the form is kept by keyboard.
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
  return edit;
}

}  // namespace

FindingsDialog::FindingsDialog(const v1::Interview& interview,
                               const QString& child, QWidget* parent)
    : QDialog(parent),
      episode_id_(Q(interview.episode_id())),
      places_(TextBox(tr("One place per line, e.g. Wigan bus station"), 3)),
      associates_(TextBox(
          tr("One per line: a name or nickname, and what is known"), 3)),
      voice_(TextBox(tr("What the child said, in their words"), 4)),
      referral_(new QComboBox),
      share_(new QCheckBox(
          tr("&Share places, associates and indicators with the police"))),
      basis_(new QLineEdit),
      error_(new QLabel) {
  places_->setObjectName("places");
  associates_->setObjectName("associates");
  voice_->setObjectName("child_voice");
  referral_->setObjectName("referral");
  share_->setObjectName("share_with_police");
  basis_->setObjectName("share_basis");
  setWindowTitle(tr("Findings of the interview for episode %1: %2")
                     .arg(episode_id_, child));
  auto* layout = new QVBoxLayout(this);
  QString intro =
      tr("<b>What the return home interview with %1 found</b> (episode %2, "
         "completed %3).")
          .arg(child.toHtmlEscaped(), episode_id_,
               LocalTime(interview.completed_at()));
  if (interview.has_findings()) {
    const v1::Findings& f = interview.findings();
    intro += tr(" Shown: version %1, recorded %2 by %3. Recording again keeps "
                "it in the history.")
                 .arg(f.version())
                 .arg(LocalTime(f.recorded_at()),
                      Q(f.recorded_by()).toHtmlEscaped());
  }
  auto* header = new QLabel(intro);
  header->setWordWrap(true);
  layout->addWidget(header);

  auto* groups = new QHBoxLayout;
  groups->addWidget(Group(tr("&Push factors (away from home)"),
                          v1::PushFactor_descriptor(), tr("Other push factor"),
                          &push_));
  groups->addWidget(Group(tr("P&ull factors (towards someone or somewhere)"),
                          v1::PullFactor_descriptor(), tr("Other pull factor"),
                          &pull_));
  groups->addWidget(Group(tr("&Exploitation indicators"),
                          v1::ExploitationIndicator_descriptor(),
                          tr("Other indicator"), &indicators_));
  layout->addLayout(groups);

  auto* names = new QGridLayout;
  auto* places_label = new QLabel(tr("Pl&aces (one per line)"));
  places_label->setBuddy(places_);
  auto* associates_label =
      new QLabel(tr("Ass&ociates (one per line: name or nickname, and what "
                    "is known)"));
  associates_label->setBuddy(associates_);
  names->addWidget(places_label, 0, 0);
  names->addWidget(associates_label, 0, 1);
  names->addWidget(places_, 1, 0);
  names->addWidget(associates_, 1, 1);
  layout->addLayout(names);
  tab_order_.insert(tab_order_.end(), {places_, associates_});

  auto* voice_label = new QLabel(tr("The child's own &words"));
  voice_label->setBuddy(voice_);
  layout->addWidget(voice_label);
  layout->addWidget(voice_);
  tab_order_.push_back(voice_);

  referral_->addItem(tr("None"), v1::REFERRAL_NONE);
  referral_->addItem(tr("CST: the child's social worker"), v1::REFERRAL_CST);
  referral_->addItem(tr("MASH: the multi-agency safeguarding hub"),
                     v1::REFERRAL_MASH);
  referral_->addItem(tr("WISE: an exploitation assessment"), v1::REFERRAL_WISE);
  basis_->setPlaceholderText(
      tr("The lawful basis, or the child's consent (required when shared)"));
  basis_->setEnabled(false);
  connect(share_, &QCheckBox::toggled, basis_, &QLineEdit::setEnabled);
  auto* form = new QFormLayout;
  form->addRow(tr("Re&ferral made"), referral_);
  form->addRow(QString(), share_);
  form->addRow(tr("&Basis for sharing"), basis_);
  layout->addLayout(form);
  tab_order_.insert(tab_order_.end(), {referral_, share_, basis_});

  error_->setWordWrap(true);
  error_->setStyleSheet(
      "QLabel{background:#ffebee;color:#8b0000;border:1px solid "
      "#c62828;padding:6px;font-weight:bold;}");
  error_->hide();
  layout->addWidget(error_);

  auto* box =
      new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  QPushButton* ok = box->button(QDialogButtonBox::Ok);
  ok->setText(tr("&Record findings"));
  ok->setDefault(true);
  auto* keys = new QLabel(
      tr("Tab moves between fields; Space ticks a box; Ctrl+Enter records; "
         "Esc cancels."));
  keys->setStyleSheet("QLabel{color:#505050;}");
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(keys, 1);
  bottom->addWidget(box);
  layout->addLayout(bottom);
  tab_order_.push_back(ok);
  tab_order_.push_back(box->button(QDialogButtonBox::Cancel));
  connect(box, &QDialogButtonBox::accepted, this, &FindingsDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &FindingsDialog::reject);
  for (const QKeySequence& keyseq : {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
    connect(new QShortcut(keyseq, this), &QShortcut::activated, this,
            &FindingsDialog::accept);
  }
  for (size_t i = 1; i < tab_order_.size(); ++i) {
    setTabOrder(tab_order_[i - 1], tab_order_[i]);
  }

  referral_->setCurrentIndex(0);
  if (interview.has_findings()) Prefill(interview.findings());
  if (!push_.boxes.empty()) push_.boxes.front().second->setFocus();
}

QGroupBox* FindingsDialog::Group(const QString& title,
                                 const google::protobuf::EnumDescriptor* type,
                                 const QString& other_hint, Choices* choices) {
  auto* group = new QGroupBox(title);
  auto* column = new QVBoxLayout(group);
  choices->type = type;
  for (int i = 0; i < type->value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor* v = type->value(i);
    if (v->number() == 0) continue;
    auto* box = new QCheckBox(EnumLabel(type, v->number()));
    box->setObjectName(Q(v->name()));
    column->addWidget(box);
    choices->boxes.emplace_back(v->number(), box);
    tab_order_.push_back(box);
    if (Q(v->name()).endsWith(QLatin1String("_OTHER"))) {
      choices->other = v->number();
      auto* text = new QLineEdit;
      text->setObjectName(Q(v->name()) + QStringLiteral("_text"));
      text->setPlaceholderText(other_hint);
      text->setEnabled(false);
      connect(box, &QCheckBox::toggled, text, [text](bool on) {
        text->setEnabled(on);
        if (on) text->setFocus();
      });
      column->addWidget(text);
      choices->other_text = text;
      tab_order_.push_back(text);
    }
  }
  column->addStretch();
  return group;
}

void FindingsDialog::Prefill(const v1::Findings& f) {
  auto check = [](Choices& choices, const auto& values,
                  const std::string& other) {
    for (auto& [number, box] : choices.boxes) {
      for (int v : values) {
        if (v == number) box->setChecked(true);
      }
    }
    if (choices.other_text != nullptr) choices.other_text->setText(Q(other));
  };
  check(push_, f.push_factors(), f.push_other());
  check(pull_, f.pull_factors(), f.pull_other());
  check(indicators_, f.indicators(), f.indicator_other());
  QStringList places;
  for (const std::string& p : f.places()) places << Q(p);
  places_->setPlainText(places.join('\n'));
  QStringList associates;
  for (const std::string& a : f.associates()) associates << Q(a);
  associates_->setPlainText(associates.join('\n'));
  voice_->setPlainText(Q(f.child_voice()));
  const int referral = referral_->findData(static_cast<int>(f.referral()));
  if (referral >= 0) referral_->setCurrentIndex(referral);
  share_->setChecked(f.share_with_police());
  basis_->setText(Q(f.share_basis()));
}

std::vector<int> FindingsDialog::Checked(const Choices& choices) {
  std::vector<int> out;
  for (const auto& [number, box] : choices.boxes) {
    if (box->isChecked()) out.push_back(number);
  }
  return out;
}

QString FindingsDialog::OtherText(const Choices& choices) {
  for (const auto& [number, box] : choices.boxes) {
    if (number == choices.other && box->isChecked()) {
      return choices.other_text->text().trimmed();
    }
  }
  return {};
}

v1::Findings FindingsDialog::findings() const {
  v1::Findings f;
  for (int n : Checked(push_)) f.add_push_factors(v1::PushFactor(n));
  f.set_push_other(OtherText(push_).toStdString());
  for (int n : Checked(pull_)) f.add_pull_factors(v1::PullFactor(n));
  f.set_pull_other(OtherText(pull_).toStdString());
  for (int n : Checked(indicators_)) {
    f.add_indicators(v1::ExploitationIndicator(n));
  }
  f.set_indicator_other(OtherText(indicators_).toStdString());
  for (const QString& p : Lines(places_)) f.add_places(p.toStdString());
  for (const QString& a : Lines(associates_)) {
    f.add_associates(a.toStdString());
  }
  f.set_child_voice(voice_->toPlainText().trimmed().toStdString());
  f.set_referral(v1::Referral(referral_->currentData().toInt()));
  f.set_share_with_police(share_->isChecked());
  if (share_->isChecked()) {
    f.set_share_basis(basis_->text().trimmed().toStdString());
  }
  return f;
}

QString FindingsDialog::Problem(QWidget** field) const {
  const std::pair<const Choices*, QString> others[] = {
      {&push_, tr("the other push factor")},
      {&pull_, tr("the other pull factor")},
      {&indicators_, tr("the other exploitation indicator")}};
  for (const auto& [choices, what] : others) {
    for (const auto& [number, box] : choices->boxes) {
      if (number == choices->other && box->isChecked() &&
          choices->other_text->text().trimmed().isEmpty()) {
        if (field != nullptr) *field = choices->other_text;
        return tr("Say what %1 is, or untick Other.").arg(what);
      }
    }
  }
  if (share_->isChecked() && basis_->text().trimmed().isEmpty()) {
    if (field != nullptr) *field = basis_;
    return tr(
        "Say on what basis the police may have this: the lawful basis, "
        "or the child's consent. Or untick Share with the police.");
  }
  return {};
}

QString FindingsDialog::ErrorText() const {
  return error_->isHidden() ? QString() : error_->text();
}

void FindingsDialog::accept() {
  QWidget* field = nullptr;
  const QString problem = Problem(&field);
  if (problem.isEmpty()) {
    QDialog::accept();
    return;
  }
  error_->setText(problem);
  error_->show();
  if (field != nullptr) field->setFocus();
}

}  // namespace mfh::desktop
