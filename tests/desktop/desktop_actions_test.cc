// Tests of mfh-desktop's actions and agenda words against the real
// mfh-server: overdue actions in red in every view that lists them, the
// meeting's table keeping its column widths when it is loaded again, the
// minutes and agenda PDFs, and what the agenda says about a returned or
// repeat missing child.
#include <QAbstractProxyModel>
#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <string>
#include <vector>

#include "clients/desktop/action_tracker_page.h"
#include "clients/desktop/pdf_export.h"
#include "tests/desktop/desktop_fixture.h"

namespace mfh::desktop {
namespace {

// The row of the action `action_id` in `model`; -1 when it is not there.
int RowOf(const QAbstractItemModel& model, const std::string& action_id) {
  for (int r = 0; r < model.rowCount(); ++r) {
    if (model.index(r, 0).data(kIdRole).toString().toStdString() == action_id) {
      return r;
    }
  }
  return -1;
}

QTableView* ViewOf(QWidget* root, const QAbstractItemModel* model) {
  for (QTableView* view : root->findChildren<QTableView*>()) {
    const QAbstractItemModel* shown = view->model();
    // The tracker shows its model behind a filter and a sort.
    while (const auto* proxy =
               qobject_cast<const QAbstractProxyModel*>(shown)) {
      shown = proxy->sourceModel();
    }
    if (shown == model) return view;
  }
  return nullptr;
}

class DesktopActionsTest : public DesktopTest {
 protected:
  // Tuesday 3 November's meeting agreed four actions, each due by 09:00 on
  // Wednesday but Ben's (Friday 17:00). Cat's was done late, at 10:00 on
  // Thursday, and Dan's dropped at 11:00.
  void SeedActions() {
    for (const char* name : {"Ann", "Ben", "Cat", "Dan"}) AddChild(name);
    server_->SetNow(T("2026-11-03T09:30:00Z"));
    Cli({"meeting", "open", "--day", "2026-11-03", "--as-of",
         "2026-11-03 09:30"});
    auto action = [&](const char* child, const char* what, const char* who,
                      const char* by_when) {
      Cli({"meeting", "action", "M1", "--child", child, "--what", what, "--who",
           who, "--by-when", by_when, "--done-when", "Recorded"});
    };
    action("C1", "Home visit", "Social worker", "2026-11-04 09:00");
    action("C2", "Call the school", "School nurse", "2026-11-06 17:00");
    action("C3", "Strategy meeting", "CST", "2026-11-04 09:00");
    action("C4", "Refer to the panel", "Police", "2026-11-04 09:00");
    server_->SetNow(T("2026-11-05T10:00:00Z"));
    Cli({"action", "done", "A3", "--evidence", "Minutes kept"});
    server_->SetNow(T("2026-11-05T11:00:00Z"));
    Cli({"action", "drop", "A4", "--reason", "Moved out of the area"});
  }
};

// Ann's action, open past its by_when, is red with its status and by-when
// in dark red; Ben's, open and not yet due, and the closed ones are not.
void ExpectActionRows(const ActionsModel& m) {
  ASSERT_EQ(m.rowCount(), 4);
  const int overdue = RowOf(m, "A1");
  const int open = RowOf(m, "A2");
  const int done = RowOf(m, "A3");
  const int dropped = RowOf(m, "A4");
  EXPECT_EQ(Cell(m, overdue, ActionsModel::kStatus), "OVERDUE by 1d 3h");
  EXPECT_EQ(Cell(m, open, ActionsModel::kStatus), "Open");
  EXPECT_EQ(Cell(m, done, ActionsModel::kStatus), "Done 2026-11-05 10:00 GMT");
  EXPECT_EQ(Cell(m, dropped, ActionsModel::kStatus),
            "Dropped 2026-11-05 11:00 GMT: Moved out of the area");
  for (int c = 0; c < ActionsModel::kColumnCount; ++c) {
    const bool says_it =
        c == ActionsModel::kStatus || c == ActionsModel::kByWhen;
    EXPECT_EQ(Colour(m, overdue, c, Qt::BackgroundRole), "#ffcdd2") << c;
    EXPECT_EQ(Colour(m, overdue, c, Qt::ForegroundRole),
              says_it ? "#a00000" : "none")
        << c;
    EXPECT_EQ(m.index(overdue, c).data(Qt::FontRole).isValid(),
              c == ActionsModel::kStatus)
        << c;
    EXPECT_EQ(Colour(m, open, c, Qt::BackgroundRole), "none") << c;
    EXPECT_EQ(Colour(m, open, c, Qt::ForegroundRole), "none") << c;
    for (int closed : {done, dropped}) {
      EXPECT_EQ(Colour(m, closed, c, Qt::BackgroundRole), "none") << c;
      EXPECT_EQ(Colour(m, closed, c, Qt::ForegroundRole), "#606060") << c;
    }
  }
}

TEST_F(DesktopActionsTest, DesktopOverdueActionsAreRedInEveryViewOfActions) {
  SeedActions();
  auto window = Window("2026-11-05T12:00:00Z");
  QTRY_COMPARE_WITH_TIMEOUT(window->tracker().rowCount(), 4, kWaitMs);
  QTRY_COMPARE_WITH_TIMEOUT(window->meeting_actions().rowCount(), 4, kWaitMs);
  ExpectActionRows(window->tracker());
  ExpectActionRows(window->meeting_actions());

  // The agenda's open actions: overdue first, in the same red.
  AgendaModel& agenda = window->agenda();
  const int title = TitleRow(agenda, "8. Open actions (2)");
  ASSERT_GE(title, 0);
  EXPECT_EQ(Cell(agenda, title + 1, AgendaModel::kChild), "Ann (C1)");
  EXPECT_EQ(Cell(agenda, title + 1, AgendaModel::kState), "OVERDUE by 1d 3h");
  EXPECT_EQ(Cell(agenda, title + 1, AgendaModel::kWhen), "by Wed 4 Nov 09:00");
  EXPECT_EQ(Cell(agenda, title + 1, AgendaModel::kDetail),
            "Social worker: Home visit");
  EXPECT_EQ(Colour(agenda, title + 1, AgendaModel::kState, Qt::BackgroundRole),
            "#ffcdd2");
  EXPECT_EQ(Colour(agenda, title + 1, AgendaModel::kState, Qt::ForegroundRole),
            "#a00000");
  EXPECT_EQ(Colour(agenda, title + 1, AgendaModel::kWhen, Qt::BackgroundRole),
            "none");
  EXPECT_EQ(Cell(agenda, title + 2, AgendaModel::kChild), "Ben (C2)");
  EXPECT_EQ(Cell(agenda, title + 2, AgendaModel::kState), "Open");
  EXPECT_EQ(Colour(agenda, title + 2, AgendaModel::kState, Qt::BackgroundRole),
            "none");
  EXPECT_EQ(Colour(agenda, title + 2, AgendaModel::kState, Qt::ForegroundRole),
            "none");
}

TEST(DesktopActionModelTest, DesktopAnActionTurnsRedTheMomentItsByWhenPasses) {
  const absl::Time by_when = T("2026-11-04T09:00:00Z");
  v1::Action a;
  a.set_action_id("A1");
  a.set_status(v1::ACTION_STATUS_OPEN);
  *a.mutable_by_when() = client::ToTimestamp(by_when);
  ActionsModel model;
  model.SetActions({a});
  model.SetNow(by_when - absl::Seconds(1));
  EXPECT_EQ(Cell(model, 0, ActionsModel::kStatus), "Open");
  EXPECT_EQ(Colour(model, 0, ActionsModel::kChild, Qt::BackgroundRole), "none");
  // Each tick repaints every cell, so the whole row turns red.
  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
  model.SetNow(by_when);
  EXPECT_EQ(changed.count(), ActionsModel::kColumnCount);
  EXPECT_EQ(Cell(model, 0, ActionsModel::kStatus), "OVERDUE by 0m");
  EXPECT_EQ(Colour(model, 0, ActionsModel::kChild, Qt::BackgroundRole),
            "#ffcdd2");
  model.SetNow(by_when + absl::Hours(26) + absl::Minutes(5));
  EXPECT_EQ(Cell(model, 0, ActionsModel::kStatus), "OVERDUE by 1d 2h");
}

TEST_F(DesktopActionsTest, DesktopActionTablesKeepTheirColumnWidthsOnReload) {
  SeedActions();
  auto window = Window("2026-11-05T12:00:00Z");
  window->resize(1600, 1000);
  window->show();
  QTRY_COMPARE_WITH_TIMEOUT(window->meeting_actions().rowCount(), 4, kWaitMs);
  for (const char* page : {"meeting", "actions"}) {
    SCOPED_TRACE(page);
    ASSERT_TRUE(window->ShowView(page));
    const ActionsModel& model = std::string(page) == "meeting"
                                    ? window->meeting_actions()
                                    : window->tracker();
    QTableView* view = ViewOf(window.get(), &model);
    ASSERT_NE(view, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(view->viewport()->width() > 0, kWaitMs);
    std::vector<int> before;
    for (int c = 0; c < ActionsModel::kColumnCount; ++c) {
      before.push_back(view->columnWidth(c));
    }
    // Each column has its share of the width: what to do a fifth of it.
    const std::vector<int> shares = ActionColumnShares();
    int total = 0;
    for (int c = 0; c < ActionsModel::kColumnCount; ++c) {
      if (!view->isColumnHidden(c)) total += shares[c];
    }
    EXPECT_EQ(before[ActionsModel::kWhat],
              view->viewport()->width() * shares[ActionsModel::kWhat] / total);

    // Long words in the status column, then a reload of every row.
    QSignalSpy meeting(window.get(), &MainWindow::MeetingChanged);
    QSignalSpy actions(window.get(), &MainWindow::ActionsChanged);
    Cli({"action", "drop", std::string(page) == "meeting" ? "A2" : "A1",
         "--reason",
         "Ben has moved to a school in another authority, which now leads "
         "on the plan agreed with the family and the police"});
    ASSERT_TRUE(meeting.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(actions.count() > 0, kWaitMs);
    QApplication::processEvents();
    for (int c = 0; c < ActionsModel::kColumnCount; ++c) {
      EXPECT_EQ(view->columnWidth(c), before[c]) << c;
    }
  }
}

TEST_F(DesktopActionsTest, DesktopMinutesShowEachActionsStatusAndWhenItClosed) {
  SeedActions();
  auto window = Window("2026-11-05T12:00:00Z");
  QTRY_COMPARE_WITH_TIMEOUT(window->meeting_actions().rowCount(), 4, kWaitMs);
  const std::string path = dir_.File("minutes.pdf");
  window->ExportMinutes(QString::fromStdString(path));
  EXPECT_EQ(window->MessageText().toStdString(), "Minutes saved to " + path);
  EXPECT_EQ(PdfText(path),
            "Missing From Home meeting of Tuesday 3 November 2026 "
            "Open (draft minutes). Agenda as of 2026-11-03 09:30 GMT. "
            "Attendees: none recorded "
            "Notes and decisions None. "
            "Actions Status as of 2026-11-05 12:00 GMT. "
            "Child What Who By when How we know it is done "
            "How we know it worked Status "
            "Ann (C1) Home visit Social worker 2026-11-04 09:00 GMT Recorded "
            "OVERDUE by 1d 3h "
            "Ben (C2) Call the school School nurse 2026-11-06 17:00 GMT "
            "Recorded Open "
            "Cat (C3) Strategy meeting CST 2026-11-04 09:00 GMT Recorded "
            "(done: Minutes kept) Done 2026-11-05 10:00 GMT "
            "Dan (C4) Refer to the panel Police 2026-11-04 09:00 GMT Recorded "
            "Dropped 2026-11-05 11:00 GMT: Moved out of the area "
            "1");
  // The overdue one in the red of the screen.
  const QString html =
      MinutesHtml(window->meeting(), {}, T("2026-11-05T12:00:00Z"));
  EXPECT_TRUE(html.contains(
      "<td bgcolor=\"#ffcdd2\"><b><span style=\"color:#a00000\">OVERDUE by "
      "1d 3h</span></b></td>"))
      << html.toStdString();
}

// Ann went missing three times in November: her second interview found
// signs of sexual exploitation and she was referred; the third time she was
// found at the bus station with two older males.
TEST_F(DesktopTest, DesktopAgendaSaysWhereAReturnedChildWasFoundAndTheWindow) {
  const std::string ann = AddChild("Ann");
  auto episode = [&](const char* ref, const char* since, const char* returned) {
    Cli({"missing", "report", "--child", ann, "--police-force", "MET",
         "--police-ref", ref, "--missing-since", since, "--notified-at", since,
         "--risk", "medium"});
    Cli({"return", "log", "--police-force", "MET", "--police-ref", ref,
         "--returned-at", returned, "--notified-at", returned,
         "--found-location", "Wigan bus station", "--found-with",
         "two older males"});
  };
  episode("R1", "2026-11-02 18:00", "2026-11-03 08:00");
  Cli({"rhi", "complete", "E1", "--at", "2026-11-04 10:00", "--by", "Worker",
       "--concerns", "none"});
  episode("R2", "2026-11-10 18:00", "2026-11-11 08:00");
  Cli({"rhi", "complete", "E2", "--at", "2026-11-12 10:00", "--by", "Worker",
       "--concerns", "cse", "--referral"});
  episode("R3", "2026-11-20 18:00", "2026-11-21 08:00");
  auto window = Window("2026-11-21T09:30:00Z");
  AgendaModel& agenda = window->agenda();
  QTRY_COMPARE_WITH_TIMEOUT(agenda.agenda().returned_size(), 1, kWaitMs);
  const int returned =
      TitleRow(agenda, "2. Returned since the last meeting (1)");
  ASSERT_GE(returned, 0);
  EXPECT_EQ(Cell(agenda, returned + 1, AgendaModel::kWhen),
            "returned Sat 21 Nov 08:00");
  EXPECT_EQ(Cell(agenda, returned + 1, AgendaModel::kDetail),
            "interview due Tue 24 Nov 08:00\n"
            "found at Wigan bus station with two older males\n"
            "previous RHI completed 2026-11-12: CSE concerns, referral made");
  const int repeat = TitleRow(agenda, "5. Repeat missing (1)");
  ASSERT_GE(repeat, 0);
  EXPECT_EQ(Cell(agenda, repeat + 1, AgendaModel::kState),
            "3 episodes in 90 days");
  EXPECT_EQ(Cell(agenda, repeat + 1, AgendaModel::kWhen),
            "last since Fri 20 Nov 18:00");
  // The PDF keeps the lines of the detail.
  EXPECT_TRUE(AgendaHtml(agenda).contains(
      "<td>interview due Tue 24 Nov 08:00<br>found at Wigan bus station with "
      "two older males<br>previous RHI completed 2026-11-12: CSE concerns, "
      "referral made</td>"));
}

}  // namespace
}  // namespace mfh::desktop
