// Tests of what mfh-desktop records and shows of what interviews find
// (DESIGN.md section 10), against the real mfh-server: the findings form and
// its refusals, the police's intelligence page and its acknowledgement, and
// the agenda's exploitation concerns.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <string>
#include <vector>

#include "clients/core/calls.h"
#include "clients/core/connection.h"
#include "clients/core/findings_calls.h"
#include "tests/desktop/desktop_fixture.h"

namespace mfh::desktop {
namespace {

class DesktopFindingsTest : public DesktopTest {
 protected:
  std::unique_ptr<client::Connection> Connect(const std::string& token) {
    client::ConnectionOptions options;
    options.server = server_->address();
    options.token = token;
    auto conn = client::Connection::Open(std::move(options));
    EXPECT_TRUE(conn.ok()) << conn.status();
    return conn.ok() ? *std::move(conn) : nullptr;
  }

  // Ann (C1) missing on Saturday 31 October, back on Sunday; her interview
  // completed at 10:00 on Tuesday 3 November, with the server's clock then
  // at 12:00. Returns the episode.
  std::string CompletedInterview() {
    const std::string ann = AddChild("Ann");
    const std::string ep =
        Report(ann, "R1", "2026-10-31T10:00:00Z", v1::RISK_MEDIUM);
    Return(ep, "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z");
    server_->SetNow(T("2026-11-03T12:00:00Z"));
    auto conn = Connect(coordinator_);
    auto done =
        client::RecordCompletion(*conn, {.episode_id = ep,
                                         .at = T("2026-11-03T10:00:00Z"),
                                         .by = "RHI worker",
                                         .concerns = {v1::CONCERN_CCE}});
    EXPECT_TRUE(done.ok()) << done.status();
    return ep;
  }

  // Findings naming CCE and county lines, no referral, shared with the
  // police on the child's consent.
  static v1::Findings SharedFindings() {
    v1::Findings f;
    f.add_pull_factors(v1::PULL_OLDER_PEERS);
    f.add_indicators(v1::INDICATOR_CCE);
    f.add_indicators(v1::INDICATOR_COUNTY_LINES);
    f.add_places("Wigan bus station");
    f.add_associates("Jay, older boy with a car");
    f.set_referral(v1::REFERRAL_NONE);
    f.set_share_with_police(true);
    f.set_share_basis("The child's consent");
    return f;
  }

  std::unique_ptr<MainWindow> SignedIn(const std::string& token,
                                       const std::string& as_of = "") {
    std::function<absl::Time()> clock = [] { return absl::Now(); };
    qint64 as_of_unix = 0;
    if (!as_of.empty()) {
      const absl::Time fixed = T(as_of);
      clock = [fixed] { return fixed; };
      as_of_unix = absl::ToUnixSeconds(fixed);
    }
    auto window = std::make_unique<MainWindow>(clock);
    QSignalSpy loaded(window.get(), &MainWindow::AllLoaded);
    window->SignIn(QString::fromStdString(server_->address()),
                   QString::fromStdString(token), as_of_unix);
    EXPECT_TRUE(loaded.wait(kWaitMs));
    return window;
  }

  // Opens the findings form of `episode` as the interviews page's button
  // does.
  FindingsDialog* OpenForm(MainWindow& window, const std::string& episode) {
    QSignalSpy shown(&window, &MainWindow::FindingsShown);
    window.OpenFindings(QString::fromStdString(episode));
    EXPECT_TRUE(shown.wait(kWaitMs));
    return window.findings_dialog();
  }
};

template <typename W>
W* Field(QWidget* dialog, const char* name) {
  W* w = dialog->findChild<W*>(name);
  EXPECT_NE(w, nullptr) << name;
  return w;
}

void Tick(QWidget* dialog, const char* name) {
  Field<QCheckBox>(dialog, name)->setChecked(true);
}

QPushButton* RecordButton(QWidget* dialog) {
  return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

TEST_F(DesktopFindingsTest, DesktopFindingsFormRecordsWhatTheServerReturns) {
  const std::string ep = CompletedInterview();
  auto window = SignedIn(coordinator_);
  InterviewsPage& page = window->interviews_page();
  // Completed interviews are listed once asked for, with their findings'
  // state; the button is for a completed one.
  page.SetShowCompleted(true);
  InterviewsModel& rhis = window->interviews();
  QTRY_COMPARE_WITH_TIMEOUT(rhis.rowCount(), 1, kWaitMs);
  EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kStatus), "Completed");
  EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kCountdown),
            "completed 2026-11-03 10:00 GMT");
  EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kFindings), "none yet");
  EXPECT_FALSE(page.FindingsEnabled());
  ASSERT_TRUE(page.Select(QString::fromStdString(ep)));
  EXPECT_TRUE(page.FindingsEnabled());

  FindingsDialog* form = OpenForm(*window, ep);
  ASSERT_NE(form, nullptr);
  // Every value of each vocabulary but _UNSPECIFIED, in the proto's order.
  const std::vector<std::string> indicators = {
      "CSE", "CCE", "County lines", "Trafficking", "Online", "Gang", "Other"};
  std::vector<std::string> shown;
  for (const char* name :
       {"INDICATOR_CSE", "INDICATOR_CCE", "INDICATOR_COUNTY_LINES",
        "INDICATOR_TRAFFICKING", "INDICATOR_ONLINE", "INDICATOR_GANG",
        "INDICATOR_OTHER"}) {
    shown.push_back(Field<QCheckBox>(form, name)->text().toStdString());
  }
  EXPECT_EQ(shown, indicators);
  EXPECT_EQ(form->findChildren<QCheckBox*>(QRegularExpression("^PUSH_")).size(),
            13);
  EXPECT_EQ(form->findChildren<QCheckBox*>(QRegularExpression("^PULL_")).size(),
            10);
  // An _OTHER's text is for when it is ticked.
  EXPECT_FALSE(Field<QLineEdit>(form, "PUSH_OTHER_text")->isEnabled());
  Tick(form, "PUSH_FAMILY_CONFLICT");
  Tick(form, "PUSH_OTHER");
  EXPECT_TRUE(Field<QLineEdit>(form, "PUSH_OTHER_text")->isEnabled());
  Field<QLineEdit>(form, "PUSH_OTHER_text")->setText("Moved school");
  Tick(form, "PULL_OLDER_PEERS");
  Tick(form, "INDICATOR_CCE");
  Tick(form, "INDICATOR_COUNTY_LINES");
  Field<QPlainTextEdit>(form, "places")
      ->setPlainText("Wigan bus station\n\n  Market Street flats  \n");
  Field<QPlainTextEdit>(form, "associates")
      ->setPlainText("Jay, older boy with a car");
  Field<QPlainTextEdit>(form, "child_voice")
      ->setPlainText("They said I owed them for the trainers.");
  QComboBox* referral = Field<QComboBox>(form, "referral");
  referral->setCurrentIndex(referral->findData(v1::REFERRAL_WISE));
  Tick(form, "share_with_police");
  Field<QLineEdit>(form, "share_basis")->setText("The child's consent");

  QSignalSpy accepted(window.get(), &MainWindow::Accepted);
  RecordButton(form)->click();
  ASSERT_TRUE(accepted.wait(kWaitMs));
  EXPECT_EQ(accepted.first().at(0).toString().toStdString(),
            "Findings recorded for episode " + ep + " (version 1)");

  auto conn = Connect(coordinator_);
  auto got = client::GetInterview(*conn, ep, std::nullopt);
  ASSERT_TRUE(got.ok()) << got.status();
  const v1::Findings& f = got->interview().findings();
  EXPECT_EQ(std::vector<int>(f.push_factors().begin(), f.push_factors().end()),
            (std::vector<int>{v1::PUSH_FAMILY_CONFLICT, v1::PUSH_OTHER}));
  EXPECT_EQ(f.push_other(), "Moved school");
  EXPECT_EQ(std::vector<int>(f.pull_factors().begin(), f.pull_factors().end()),
            (std::vector<int>{v1::PULL_OLDER_PEERS}));
  EXPECT_EQ(f.pull_other(), "");
  EXPECT_EQ(std::vector<int>(f.indicators().begin(), f.indicators().end()),
            (std::vector<int>{v1::INDICATOR_CCE, v1::INDICATOR_COUNTY_LINES}));
  EXPECT_EQ(
      std::vector<std::string>(f.places().begin(), f.places().end()),
      (std::vector<std::string>{"Wigan bus station", "Market Street flats"}));
  EXPECT_EQ(
      std::vector<std::string>(f.associates().begin(), f.associates().end()),
      (std::vector<std::string>{"Jay, older boy with a car"}));
  EXPECT_EQ(f.child_voice(), "They said I owed them for the trainers.");
  EXPECT_EQ(f.referral(), v1::REFERRAL_WISE);
  EXPECT_TRUE(f.share_with_police());
  EXPECT_EQ(f.share_basis(), "The child's consent");
  EXPECT_EQ(f.version(), 1);
  EXPECT_EQ(f.recorded_by(), "coordinator-user");
  // The interviews page says so.
  QTRY_COMPARE_WITH_TIMEOUT(
      Cell(rhis, 0, InterviewsModel::kFindings),
      QStringLiteral("version 1, %1").arg(LocalTime(f.recorded_at())), kWaitMs);

  // Opened again, the form shows what is in force.
  form = OpenForm(*window, ep);
  ASSERT_NE(form, nullptr);
  std::vector<std::string> ticked;
  for (QCheckBox* box : form->findChildren<QCheckBox*>()) {
    if (box->isChecked()) ticked.push_back(box->objectName().toStdString());
  }
  EXPECT_EQ(ticked, (std::vector<std::string>{
                        "PUSH_FAMILY_CONFLICT", "PUSH_OTHER",
                        "PULL_OLDER_PEERS", "INDICATOR_CCE",
                        "INDICATOR_COUNTY_LINES", "share_with_police"}));
  EXPECT_EQ(Field<QLineEdit>(form, "PUSH_OTHER_text")->text(), "Moved school");
  EXPECT_EQ(Field<QPlainTextEdit>(form, "places")->toPlainText(),
            "Wigan bus station\nMarket Street flats");
  EXPECT_EQ(Field<QComboBox>(form, "referral")->currentData().toInt(),
            v1::REFERRAL_WISE);
  EXPECT_EQ(Field<QLineEdit>(form, "share_basis")->text(),
            "The child's consent");
  // Esc cancels.
  QSignalSpy rejected(form, &QDialog::rejected);
  QTest::keyClick(form, Qt::Key_Escape);
  EXPECT_EQ(rejected.count(), 1);
}

TEST_F(DesktopFindingsTest, DesktopFindingsFormRefusesSharingWithoutABasis) {
  const std::string ep = CompletedInterview();
  auto window = SignedIn(coordinator_);
  FindingsDialog* form = OpenForm(*window, ep);
  ASSERT_NE(form, nullptr);
  Tick(form, "INDICATOR_CSE");
  Tick(form, "share_with_police");
  QSignalSpy accepted(form, &QDialog::accepted);
  RecordButton(form)->click();
  EXPECT_EQ(accepted.count(), 0);
  EXPECT_TRUE(form->isVisible());
  EXPECT_EQ(form->ErrorText().toStdString(),
            "Say on what basis the police may have this: the lawful basis, or "
            "the child's consent. Or untick Share with the police.");
  EXPECT_EQ(QApplication::focusWidget(), Field<QLineEdit>(form, "share_basis"));
  // An other ticked with nothing said is refused the same way.
  Field<QLineEdit>(form, "share_basis")->setText("Section 47 enquiry");
  Tick(form, "PULL_OTHER");
  RecordButton(form)->click();
  EXPECT_EQ(accepted.count(), 0);
  EXPECT_EQ(form->ErrorText().toStdString(),
            "Say what the other pull factor is, or untick Other.");

  // What reaches the server without a basis anyway is refused in its words.
  QSignalSpy refused(window.get(), &MainWindow::Refused);
  v1::Findings f = SharedFindings();
  f.clear_share_basis();
  window->RecordFindings(QString::fromStdString(ep), f);
  ASSERT_TRUE(refused.wait(kWaitMs));
  const std::string words =
      "findings.share_basis: required when share_with_police is set (the "
      "lawful basis, or the child's consent)";
  EXPECT_EQ(refused.first().at(1).toString().toStdString(), words);
  EXPECT_EQ(window->MessageText().toStdString(),
            "Recording the findings: the server refused: " + words);
  auto got = client::GetInterview(*Connect(coordinator_), ep, std::nullopt);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_FALSE(got->interview().has_findings());
}

TEST_F(DesktopFindingsTest, DesktopIntelPageListsSharedIntelligenceAndAcks) {
  const std::string ep = CompletedInterview();
  const std::string police = testing::AddUser(db_, "police-user", "police");
  auto recorded =
      client::RecordFindings(*Connect(coordinator_), ep, SharedFindings());
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  auto window = SignedIn(police);
  EXPECT_TRUE(window->IntelligenceShown());
  EXPECT_TRUE(window->ShowView("intel"));
  IntelligenceModel& intel = window->intel();
  ASSERT_EQ(intel.rowCount(), 1);
  using M = IntelligenceModel;
  EXPECT_EQ(Cell(intel, 0, M::kEpisode).toStdString(), ep);
  EXPECT_EQ(Cell(intel, 0, M::kChild), "Ann, 14 (C1)");
  EXPECT_EQ(Cell(intel, 0, M::kRecorded), "2026-11-03 12:00 GMT");
  EXPECT_EQ(Cell(intel, 0, M::kIndicators), "CCE, county lines");
  EXPECT_EQ(Cell(intel, 0, M::kPlaces), "Wigan bus station");
  EXPECT_EQ(Cell(intel, 0, M::kAssociates), "Jay, older boy with a car");
  EXPECT_EQ(Cell(intel, 0, M::kAcknowledged), "NOT YET");
  for (int c = 0; c < M::kColumnCount; ++c) {
    if (c == M::kAcknowledged) continue;
    EXPECT_FALSE(intel.index(0, c).data(Qt::BackgroundRole).isValid()) << c;
    EXPECT_FALSE(intel.index(0, c).data(Qt::ForegroundRole).isValid()) << c;
  }
  EXPECT_EQ(intel.index(0, M::kAcknowledged)
                .data(Qt::BackgroundRole)
                .value<QBrush>()
                .color(),
            QColor(0xff, 0xcd, 0xd2));
  EXPECT_EQ(intel.index(0, M::kAcknowledged)
                .data(Qt::ForegroundRole)
                .value<QBrush>()
                .color(),
            QColor(0xa0, 0x00, 0x00));

  // Unacknowledged only: it is listed until acknowledged.
  window->intel_page().SetUnacknowledgedOnly(true);
  QSignalSpy accepted(window.get(), &MainWindow::Accepted);
  server_->SetNow(T("2026-11-04T08:15:00Z"));
  ASSERT_TRUE(window->intel_page().Select(QString::fromStdString(ep)));
  window->intel_page().Acknowledge();
  ASSERT_TRUE(accepted.wait(kWaitMs));
  EXPECT_EQ(accepted.first().at(0).toString().toStdString(),
            "Intelligence for episode " + ep + " acknowledged");
  QTRY_COMPARE_WITH_TIMEOUT(intel.rowCount(), 0, kWaitMs);
  window->intel_page().SetUnacknowledgedOnly(false);
  QTRY_COMPARE_WITH_TIMEOUT(intel.rowCount(), 1, kWaitMs);
  EXPECT_EQ(Cell(intel, 0, M::kAcknowledged),
            "2026-11-04 08:15 GMT by police-user");
  EXPECT_FALSE(
      intel.index(0, M::kAcknowledged).data(Qt::BackgroundRole).isValid());

  auto listed = client::ListIntelligence(*Connect(police), false);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->intelligence_size(), 1);
  EXPECT_EQ(listed->intelligence(0).acknowledged_by(), "police-user");
  EXPECT_EQ(client::FromTimestamp(listed->intelligence(0).acknowledged_at()),
            T("2026-11-04T08:15:00Z"));

  // An RHI worker may not read intelligence: the page is not offered.
  const std::string worker = testing::AddUser(db_, "rhi-user", "rhi_worker");
  auto rhi_window = SignedIn(worker);
  EXPECT_FALSE(rhi_window->IntelligenceShown());
}

TEST_F(DesktopFindingsTest, DesktopAgendaShowsExploitationConcernsInOrder) {
  const std::string ep = CompletedInterview();
  auto recorded =
      client::RecordFindings(*Connect(coordinator_), ep, SharedFindings());
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  // More than 24 hours after it was shared, and not acknowledged.
  auto window = SignedIn(coordinator_, "2026-11-04T13:00:00Z");
  AgendaModel& agenda = window->agenda();
  const int title = TitleRow(agenda, "7. Exploitation concerns (1)");
  ASSERT_GE(title, 0);
  EXPECT_EQ(TitleRow(agenda, "6. Linked episodes (0 groups)"), title - 1);
  EXPECT_EQ(TitleRow(agenda, "8. Open actions (0)"), title + 2);
  const int row = title + 1;
  EXPECT_EQ(Cell(agenda, row, AgendaModel::kChild), "Ann (C1)");
  EXPECT_EQ(Cell(agenda, row, AgendaModel::kState), "CCE, county lines");
  EXPECT_EQ(Cell(agenda, row, AgendaModel::kWhen), "completed Tue 3 Nov 10:00");
  EXPECT_EQ(Cell(agenda, row, AgendaModel::kDetail).toStdString(),
            "episode " + ep + ": indicators recorded, no referral yet");
  EXPECT_EQ(agenda.index(row, AgendaModel::kState)
                .data(Qt::ForegroundRole)
                .value<QBrush>()
                .color(),
            QColor(0xa0, 0x00, 0x00));
  EXPECT_EQ(
      agenda.index(row, AgendaModel::kState).data(Qt::BackgroundRole).isValid(),
      false);
  EXPECT_EQ(window->agenda_page().IntelligenceText(),
            "Intelligence shared with the police, not acknowledged after 24 h: "
            "1");
}

}  // namespace
}  // namespace mfh::desktop
