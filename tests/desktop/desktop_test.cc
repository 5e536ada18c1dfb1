// Tests of mfh-desktop against the real mfh-server: the board and its order,
// countdowns, the live feed, interview writes and refusals, PDF export and
// screenshots of every view.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "clients/core/time_text.h"
#include "clients/desktop/main_window.h"
#include "clients/desktop/pdf_export.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/e2e/harness.h"

namespace mfh::desktop {
namespace {

using testing::ServerProcess;
using testing::TempDir;

TEST_F(DesktopTest, DesktopBoardListsHighestRiskThenLongestMissing) {
  const std::string ann = AddChild("Ann");
  const std::string ben = AddChild("Ben");
  const std::string cat = AddChild("Cat");
  Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_LOW);
  Report(ben, "R2", "2026-11-03T10:00:00Z", v1::RISK_HIGH);
  Report(cat, "R3", "2026-10-28T10:00:00Z", v1::RISK_LOW);
  auto window = Window("2026-11-04T12:30:00Z");
  BoardModel& board = window->board();
  QTRY_COMPARE_WITH_TIMEOUT(board.rowCount(), 3, kWaitMs);
  EXPECT_EQ(Cell(board, 0, BoardModel::kChild),
            QStringLiteral("Ben (%1)").arg(QString::fromStdString(ben)));
  EXPECT_EQ(Cell(board, 1, BoardModel::kChild).left(3), "Cat");
  EXPECT_EQ(Cell(board, 2, BoardModel::kChild).left(3), "Ann");
  EXPECT_EQ(Cell(board, 0, BoardModel::kRisk), "High");
  EXPECT_EQ(Cell(board, 1, BoardModel::kRisk), "Low");
  EXPECT_EQ(Cell(board, 0, BoardModel::kTimeMissing), "1d 2h");
  EXPECT_EQ(Cell(board, 1, BoardModel::kTimeMissing), "7d 2h");
  EXPECT_EQ(Cell(board, 0, BoardModel::kMissingSince), "2026-11-03 10:00 GMT");
  // A high-risk episode starts at the ladder's first step; the word comes
  // from the server.
  EXPECT_NE(Cell(board, 0, BoardModel::kEscalation), "not yet");
  // The risk cell says it in colour too, and no other cell is coloured.
  EXPECT_EQ(Colour(board, 0, BoardModel::kRisk, Qt::BackgroundRole), "#c62828");
  EXPECT_EQ(Colour(board, 0, BoardModel::kRisk, Qt::ForegroundRole), "#ffffff");
  EXPECT_EQ(Colour(board, 1, BoardModel::kRisk, Qt::BackgroundRole), "#fff59d");
  EXPECT_EQ(Colour(board, 1, BoardModel::kRisk, Qt::ForegroundRole), "#000000");
  EXPECT_EQ(Colour(board, 0, BoardModel::kChild, Qt::BackgroundRole), "none");
  EXPECT_EQ(Colour(board, 0, BoardModel::kTimeMissing, Qt::BackgroundRole),
            "none");
}

TEST_F(DesktopTest, DesktopCountdownSaysDueInOrOverdueBy) {
  const std::string ann = AddChild("Ann");
  const std::string ep =
      Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_LOW);
  // Notified of the return at 09:00 on the 2nd: due 09:00 on the 5th.
  Return(ep, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
  {
    auto window = Window("2026-11-04T07:00:00Z");
    InterviewsModel& rhis = window->interviews();
    QTRY_COMPARE_WITH_TIMEOUT(rhis.rowCount(), 1, kWaitMs);
    EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kCountdown), "due in 1d 2h");
    EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kStatus), "Due");
    EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kDue), "2026-11-05 09:00 GMT");
  }
  {
    auto window = Window("2026-11-05T12:05:00Z");
    InterviewsModel& rhis = window->interviews();
    QTRY_COMPARE_WITH_TIMEOUT(rhis.rowCount(), 1, kWaitMs);
    EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kCountdown), "overdue by 3h 5m");
    EXPECT_EQ(Cell(rhis, 0, InterviewsModel::kStatus), "OVERDUE");
    EXPECT_EQ(Colour(rhis, 0, InterviewsModel::kCountdown, Qt::BackgroundRole),
              "#ffcdd2");
  }
}

TEST_F(DesktopTest, DesktopDueBeforeTheNextMeetingComesFromTheAgenda) {
  const std::string ann = AddChild("Ann");
  const std::string ep =
      Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_LOW);
  Return(ep, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
  // Due 09:00 on Thursday the 5th; as of Wednesday 12:00 it is due before
  // Thursday's 09:30 meeting.
  auto window = Window("2026-11-04T12:00:00Z");
  InterviewsModel& rhis = window->interviews();
  QTRY_COMPARE_WITH_TIMEOUT(
      Cell(rhis, 0, InterviewsModel::kBeforeMeeting).isEmpty(), false, kWaitMs);
  EXPECT_EQ(window->agenda().agenda().rhi_due_soon_size(), 1);
}

// The colours of the interviews page's legend (interviews_page.cc): red
// #ffcdd2 with dark red #a00000 words for OVERDUE, amber #ffe0a0 for due
// before the next meeting.
TEST_F(DesktopTest, DesktopOverdueIsRedDueSoonIsAmberAndTheRestUncoloured) {
  SeedMorning();
  auto window = Window("2026-11-04T12:00:00Z");
  InterviewsModel& rhis = window->interviews();
  QTRY_COMPARE_WITH_TIMEOUT(rhis.rowCount(), 3, kWaitMs);
  const int overdue = rhis.RowOfEpisode(QString::fromStdString(ann_episode_));
  const int due_soon = rhis.RowOfEpisode(QString::fromStdString(ben_episode_));
  const int later = rhis.RowOfEpisode(QString::fromStdString(cat_episode_));
  ASSERT_GE(overdue, 0);
  ASSERT_GE(due_soon, 0);
  ASSERT_GE(later, 0);
  EXPECT_EQ(Cell(rhis, overdue, InterviewsModel::kStatus), "OVERDUE");
  EXPECT_EQ(Cell(rhis, due_soon, InterviewsModel::kBeforeMeeting),
            "Due before next meeting");
  EXPECT_EQ(Cell(rhis, later, InterviewsModel::kStatus), "Due");
  EXPECT_EQ(Cell(rhis, later, InterviewsModel::kBeforeMeeting), "");
  for (int c = 0; c < InterviewsModel::kColumnCount; ++c) {
    const bool says_status =
        c == InterviewsModel::kCountdown || c == InterviewsModel::kStatus;
    EXPECT_EQ(Colour(rhis, overdue, c, Qt::BackgroundRole), "#ffcdd2") << c;
    EXPECT_EQ(Colour(rhis, overdue, c, Qt::ForegroundRole),
              says_status ? "#a00000" : "none")
        << c;
    EXPECT_EQ(Colour(rhis, due_soon, c, Qt::BackgroundRole), "#ffe0a0") << c;
    EXPECT_EQ(Colour(rhis, due_soon, c, Qt::ForegroundRole), "none") << c;
    EXPECT_EQ(Colour(rhis, later, c, Qt::BackgroundRole), "none") << c;
    EXPECT_EQ(Colour(rhis, later, c, Qt::ForegroundRole), "none") << c;
  }

  // The agenda colours the state of its two RHI sections' entries alike.
  AgendaModel& agenda = window->agenda();
  QTRY_COMPARE_WITH_TIMEOUT(agenda.agenda().rhi_overdue_size(), 1, kWaitMs);
  const int overdue_title = TitleRow(agenda, "3. RHI overdue (1)");
  const int due_soon_title =
      TitleRow(agenda, "4. RHI due before the next meeting (1)");
  ASSERT_GE(overdue_title, 0);
  ASSERT_GE(due_soon_title, 0);
  EXPECT_EQ(Cell(agenda, overdue_title + 1, AgendaModel::kChild),
            QStringLiteral("Ann (%1)").arg(QString::fromStdString(ann_)));
  EXPECT_EQ(Colour(agenda, overdue_title + 1, AgendaModel::kState,
                   Qt::BackgroundRole),
            "#ffcdd2");
  EXPECT_EQ(Cell(agenda, due_soon_title + 1, AgendaModel::kChild),
            QStringLiteral("Ben (%1)").arg(QString::fromStdString(ben_)));
  EXPECT_EQ(Colour(agenda, due_soon_title + 1, AgendaModel::kState,
                   Qt::BackgroundRole),
            "#ffe0a0");
  EXPECT_EQ(Colour(agenda, due_soon_title + 1, AgendaModel::kWhen,
                   Qt::BackgroundRole),
            "none");
}

TEST_F(DesktopTest, DesktopReturnLoggedByTheCliLeavesTheBoardLive) {
  const std::string ann = AddChild("Ann");
  Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_MEDIUM);
  auto window = Window();
  QTRY_VERIFY_WITH_TIMEOUT(window->live(), kWaitMs);
  QTRY_COMPARE_WITH_TIMEOUT(window->board().rowCount(), 1, kWaitMs);
  testing::CommandResult r = testing::RunCommand(
      {MFH_CLI_BINARY, "--server", server_->address(), "--token", coordinator_,
       "return", "log", "--police-force", "MET", "--police-ref", "R1",
       "--returned-at", "2026-11-02T08:00"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  QTRY_COMPARE_WITH_TIMEOUT(window->board().rowCount(), 0, kWaitMs);
  // And the interview it started appears.
  QTRY_COMPARE_WITH_TIMEOUT(window->interviews().rowCount(), 1, kWaitMs);
}

TEST_F(DesktopTest, DesktopRecordingACompletionTakesTheRowOut) {
  const std::string ann = AddChild("Ann");
  const std::string ep =
      Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_LOW);
  Return(ep, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
  auto window = Window();
  QTRY_COMPARE_WITH_TIMEOUT(window->interviews().rowCount(), 1, kWaitMs);
  QSignalSpy accepted(window.get(), &MainWindow::Accepted);
  window->RecordCompletion({.episode_id = QString::fromStdString(ep),
                            .at = "2026-11-03 10:00",
                            .by = "RHI worker",
                            .no_concerns = true});
  ASSERT_TRUE(accepted.wait(kWaitMs));
  QTRY_COMPARE_WITH_TIMEOUT(window->interviews().rowCount(), 0, kWaitMs);
}

TEST_F(DesktopTest, DesktopRefusalShowsTheServersWords) {
  const std::string ann = AddChild("Ann");
  const std::string ep =
      Report(ann, "R1", "2026-11-01T10:00:00Z", v1::RISK_LOW);
  Return(ep, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
  auto window = Window();
  QSignalSpy refused(window.get(), &MainWindow::Refused);
  // Before the child returned.
  window->RecordCompletion({.episode_id = QString::fromStdString(ep),
                            .at = "2026-11-01T12:00:00Z",
                            .by = "RHI worker"});
  ASSERT_TRUE(refused.wait(kWaitMs));
  // mfh-server's INVALID_ARGUMENT message (services/domain/rhi_rules.cc),
  // word for word.
  const QString server_words =
      QStringLiteral(
          "at: must not be before the return of episode %1 "
          "(2026-11-02T08:00:00Z)")
          .arg(QString::fromStdString(ep));
  EXPECT_EQ(refused.first().at(0).toString().toStdString(),
            "Recording the completion");
  EXPECT_EQ(refused.first().at(1).toString().toStdString(),
            server_words.toStdString());
  EXPECT_EQ(window->MessageText().toStdString(),
            "Recording the completion: the server refused: " +
                server_words.toStdString());
  EXPECT_EQ(window->interviews().rowCount(), 1);
}

TEST_F(DesktopTest, DesktopSaysSoWhenTheServerGoesAway) {
  auto window = Window();
  QTRY_VERIFY_WITH_TIMEOUT(window->live(), kWaitMs);
  EXPECT_TRUE(window->BannerText().isEmpty());
  server_->Stop();
  QTRY_VERIFY_WITH_TIMEOUT(!window->live(), kWaitMs);
  EXPECT_TRUE(window->BannerText().contains("Reconnecting"))
      << window->BannerText().toStdString();
}

TEST_F(DesktopTest, DesktopReconnectsByItselfAfterTheServerRestarts) {
  const std::string child = AddChild("Ann");
  auto window = Window();
  QTRY_VERIFY_WITH_TIMEOUT(window->live(), kWaitMs);
  const std::string address = server_->address();
  EXPECT_EQ(server_->Stop(), 0);
  QTRY_VERIFY_WITH_TIMEOUT(!window->live(), kWaitMs);

  // The same database on the same address, as after a restart.
  auto restarted = ServerProcess::StartCommand(
      {testing::ServerBinary(), "serve", "--db", db_, "--listen", address},
      dir_.path());
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  server_ = *std::move(restarted);
  QTRY_VERIFY_WITH_TIMEOUT(window->live(), 3 * kWaitMs);
  EXPECT_TRUE(window->BannerText().isEmpty())
      << window->BannerText().toStdString();

  // And the live feed works again: a new report reaches the board.
  auto channel =
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  episodes_ = v1::EpisodeService::NewStub(channel);
  Report(child, "R-9", "2026-03-02T18:00", v1::RISK_HIGH);
  QTRY_COMPARE_WITH_TIMEOUT(window->board().rowCount(), 1, kWaitMs);
}

TEST_F(DesktopTest, DesktopOpenActionsOnlyKeepsTheActionsStillOpen) {
  AddChild("Ann");
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {MFH_CLI_BINARY, "--server", server_->address(),
                               "--token", coordinator_});
    testing::CommandResult r = testing::RunCommand(args);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  };
  cli({"meeting", "open"});
  for (const char* what : {"Home visit", "Call the school"}) {
    cli({"meeting", "action", "M1", "--child", "C1", "--what", what, "--who",
         "Social worker", "--by-when", "2099-01-05 17:00", "--done-when",
         "Recorded"});
  }
  cli({"action", "done", "A1", "--evidence", "Visit on file"});
  auto window = Window();
  QTRY_COMPARE_WITH_TIMEOUT(window->tracker().rowCount(), 2, kWaitMs);
  auto* page = window->findChild<ActionTrackerPage*>();
  ASSERT_NE(page, nullptr);
  auto* view = page->findChild<QTableView*>();
  auto* open_only = page->findChild<QCheckBox*>();
  ASSERT_NE(view, nullptr);
  ASSERT_NE(open_only, nullptr);
  EXPECT_EQ(view->model()->rowCount(), 2);
  open_only->setChecked(true);
  ASSERT_EQ(view->model()->rowCount(), 1);
  EXPECT_EQ(view->model()->index(0, ActionsModel::kWhat).data().toString(),
            "Call the school");
  open_only->setChecked(false);
  EXPECT_EQ(view->model()->rowCount(), 2);
}

TEST_F(DesktopTest, DesktopExportsTheAgendaToPdf) {
  SeedMorning();
  auto window = Window("2026-11-04T12:00:00Z");
  QTRY_COMPARE_WITH_TIMEOUT(window->agenda().agenda().missing_now_size(), 1,
                            kWaitMs);
  const std::string path = dir_.File("agenda.pdf");
  window->ExportAgenda(QString::fromStdString(path));
  EXPECT_EQ(window->MessageText().toStdString(), "Agenda saved to " + path);
  // Sections in order under their titles and counts, each entry with the
  // child's name and id, its state and its times in London time, each on one
  // line; the last "1" is the page number.
  EXPECT_EQ(PdfText(path),
            "Missing From Home: agenda for Wednesday 4 November 2026 "
            "As of 2026-11-04 12:00 GMT. Times are UK time. Red: overdue; "
            "amber: due before the next meeting. "
            "Child Risk / status When Detail Flags "
            "1. Missing now (1) "
            "Dan (C4) High since Tue 3 Nov 22:00 "
            "missing 14h 0m; escalated to team manager "
            "2. Returned since the last meeting (0) "
            "3. RHI overdue (1) "
            "Ann (C1) OVERDUE due Wed 4 Nov 09:00 overdue by 3h 0m "
            "4. RHI due before the next meeting (1) "
            "Ben (C2) Due due Thu 5 Nov 09:00 due in 21h 0m "
            "5. Repeat missing (0) "
            "6. Linked episodes (0 groups) "
            "7. Exploitation concerns (0) "
            "8. Open actions (1) "
            "Ann (C1) Open by Fri 6 Nov 17:00 Social worker: Home visit "
            "1");
  // A4 landscape.
  testing::CommandResult info = testing::RunCommand({"/usr/bin/pdfinfo", path});
  EXPECT_NE(info.out.find("Page size:       842 x 595 pts (A4)\n"),
            std::string::npos)
      << info.out;
  // The colours of the screen: the risk, overdue and due soon; the times
  // kept on one line.
  const QString html = AgendaHtml(window->agenda());
  for (const char* cell : {"<td class=\"n\" bgcolor=\"#c62828\"><span "
                           "style=\"color:#ffffff\">High</span></td>",
                           "<td class=\"n\" bgcolor=\"#ffcdd2\">OVERDUE</td>",
                           "<td class=\"n\" bgcolor=\"#ffe0a0\">Due</td>",
                           "<td class=\"n\">since Tue 3 Nov 22:00</td>"}) {
    EXPECT_TRUE(html.contains(QString::fromUtf8(cell))) << cell << "\n"
                                                        << html.toStdString();
  }
}

TEST_F(DesktopTest, DesktopExportsTheMinutesToPdf) {
  const std::string ann = AddChild("Ann");
  const std::string ben = AddChild("Ben");
  Report(ann, "R1", "2026-11-03T22:00:00Z", v1::RISK_HIGH);
  server_->SetNow(T("2026-11-04T09:30:00Z"));
  Cli({"meeting", "open", "--day", "2026-11-04", "--as-of",
       "2026-11-04 09:30"});
  server_->SetNow(T("2026-11-04T09:40:00Z"));
  Cli({"meeting", "note", "M1", "--child", ann, "--text",
       "Seen near the station with older males"});
  server_->SetNow(T("2026-11-04T09:45:00Z"));
  Cli({"meeting", "note", "M1", "--child", ann, "--text",
       "Refer to the exploitation panel", "--decision"});
  server_->SetNow(T("2026-11-04T09:50:00Z"));
  Cli({"meeting", "action", "M1", "--child", ann, "--what", "Home visit",
       "--who", "Social worker", "--by-when", "2026-11-06 17:00", "--done-when",
       "Visit recorded", "--worked-when", "No episode in 28 days"});
  Cli({"meeting", "action", "M1", "--child", ben, "--what", "Call the school",
       "--who", "School nurse", "--by-when", "2026-11-05 12:00", "--done-when",
       "Call logged"});
  server_->SetNow(T("2026-11-04T10:15:00Z"));
  Cli({"meeting", "close", "M1", "--attendees",
       "A. Coordinator,P. Liaison,School nurse"});
  auto window = Window("2026-11-04T12:00:00Z");
  QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(window->meeting().state()),
                            static_cast<int>(v1::MEETING_STATE_CLOSED),
                            kWaitMs);
  const std::string path = dir_.File("minutes.pdf");
  window->ExportMinutes(QString::fromStdString(path));
  EXPECT_EQ(window->MessageText().toStdString(), "Minutes saved to " + path);
  // The meeting's day and state, who came, each note and decision with its
  // child, author and time, and each action in its five parts.
  EXPECT_EQ(PdfText(path),
            "Missing From Home meeting of Wednesday 4 November 2026 "
            "Closed 2026-11-04 10:15 GMT. Agenda as of 2026-11-04 09:30 GMT. "
            "Attendees: A. Coordinator, P. Liaison, School nurse "
            "Notes and decisions "
            "Note Ann (C1): Seen near the station with older males "
            "(coordinator-user, 2026-11-04 09:40 GMT) "
            "Decision Ann (C1): Refer to the exploitation panel "
            "(coordinator-user, 2026-11-04 09:45 GMT) "
            "Actions Status as of 2026-11-04 12:00 GMT. "
            "Child What Who By when How we know it is done "
            "How we know it worked Status "
            "Ann (C1) Home visit Social worker 2026-11-06 17:00 GMT "
            "Visit recorded No episode in 28 days Open "
            "Ben (C2) Call the school School nurse 2026-11-05 12:00 GMT "
            "Call logged Open "
            "1");
}

v1::Interview ReturnedRhi(const std::string& returned,
                          absl::Duration deadline) {
  v1::Interview rhi;
  *rhi.mutable_returned_at() = client::ToTimestamp(T(returned));
  *rhi.mutable_due_at_from_return() =
      client::ToTimestamp(T(returned) + deadline);
  return rhi;
}

TEST(DesktopModelTest,
     DesktopDueHeadingNamesTheDeadlineTheInterviewsWereGiven) {
  InterviewsModel model;
  auto heading = [&] {
    return model
        .headerData(InterviewsModel::kDue, Qt::Horizontal, Qt::DisplayRole)
        .toString();
  };
  EXPECT_EQ(heading(), "Due");
  model.SetInterviews({ReturnedRhi("2026-11-02T08:00:00Z", absl::Hours(72)),
                       ReturnedRhi("2026-11-03T09:30:00Z", absl::Hours(72))});
  EXPECT_EQ(heading(), "Due (72h)");
  model.SetInterviews({ReturnedRhi("2026-11-02T08:00:00Z", absl::Hours(48))});
  EXPECT_EQ(heading(), "Due (48h)");
  // Deadlines that differ (a policy changed between returns): no figure.
  model.SetInterviews({ReturnedRhi("2026-11-02T08:00:00Z", absl::Hours(72)),
                       ReturnedRhi("2026-11-03T09:30:00Z", absl::Hours(48))});
  EXPECT_EQ(heading(), "Due");
  model.SetInterviews({});
  EXPECT_EQ(heading(), "Due");
}

TEST(DesktopModelTest, DesktopActionRowsCarryTheirStatusValue) {
  v1::Action open;
  open.set_status(v1::ACTION_STATUS_OPEN);
  v1::Action dropped;
  dropped.set_status(v1::ACTION_STATUS_DROPPED);
  dropped.set_drop_reason("moved away");
  ActionsModel model;
  model.SetActions({open, dropped});
  EXPECT_EQ(model.index(0, ActionsModel::kChild).data(kStatusRole).toInt(),
            v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(model.index(1, ActionsModel::kWhat).data(kStatusRole).toInt(),
            v1::ACTION_STATUS_DROPPED);
  EXPECT_EQ(Cell(model, 0, ActionsModel::kStatus), "Open");
  EXPECT_EQ(Cell(model, 1, ActionsModel::kStatus), "Dropped: moved away");
}

// A double-click on a child in any view opens the child's whole story: the
// profile, every episode with where and with whom found and its interview,
// the open actions with the overdue in red and saying so.
TEST_F(DesktopTest, DesktopDoubleClickingAChildOpensTheirWholeStory) {
  SeedMorning();
  Cli({"child", "update", ann_, "--social-worker", "Jo Smith", "--school",
       "Oak Academy"});
  server_->SetNow(T("2026-11-07T10:00:00Z"));
  auto window = Window("2026-11-07T10:00:00Z");
  // Ann's row, in the first table that names her.
  QTableView* view = nullptr;
  QModelIndex ann;
  for (QTableView* v : window->findChildren<QTableView*>()) {
    for (int r = 0; v->model() != nullptr && r < v->model()->rowCount(); ++r) {
      for (int c = 0; c < v->model()->columnCount(); ++c) {
        const QModelIndex at = v->model()->index(r, c);
        if (view == nullptr && ChildIdOf(at) == QString::fromStdString(ann_)) {
          view = v;
          ann = at;
        }
      }
    }
  }
  ASSERT_NE(view, nullptr);
  QSignalSpy shown(window.get(), &MainWindow::ChildShown);
  emit view->doubleClicked(ann);
  ASSERT_TRUE(shown.wait(kWaitMs));
  const ChildPage& page = window->child();
  EXPECT_EQ(page.Heading(), "Ann, 14 (C1)");
  EXPECT_TRUE(page.ProfileText().contains(
      "Social worker: Jo Smith    Team: -\nPlacement: -    School: Oak "
      "Academy"))
      << page.ProfileText().toStdString();
  ASSERT_EQ(page.episodes().rowCount(), 1);
  QStringList episode;
  for (int c = 0; c < page.episodes().columnCount(); ++c) {
    episode << page.episodes().item(0, c)->text();
  }
  EXPECT_EQ(episode.join(" | "),
            "E1 | 2026-10-31 10:00 GMT | 2026-11-01 08:00 GMT | LOW | - | - | "
            "OVERDUE | -");
  ASSERT_EQ(page.actions().rowCount(), 1);
  EXPECT_EQ(page.actions().item(0, 4)->text(), "OVERDUE by 17h 0m");
  for (int c = 0; c < page.actions().columnCount(); ++c) {
    EXPECT_EQ(page.actions().item(0, c)->background().color().name(), "#ffcdd2")
        << c;
  }
  ASSERT_EQ(page.changes().rowCount(), 1);
  EXPECT_EQ(page.changes().item(0, 2)->text(),
            "social_worker: - -> Jo Smith; school: - -> Oak Academy");
}

// Against the demo borough: mfh-desktop --screenshot for every view, run
// under Xvfb (xvfb-run -a) with the xcb platform.
TEST(DesktopScreenshotTest, DesktopEveryViewSavesAPngOfAtLeast1280x800) {
  TempDir dir;
  const std::string db = dir.File("demo.db");
  auto server = ServerProcess::Start(db, dir.path(), {"--demo"});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string out = (*server)->Output();
  const std::string marker = "coordinator token:\n";
  const size_t at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  const std::string token = out.substr(at + marker.size(), 64);
  for (const char* view :
       {"board", "interviews", "agenda", "meeting", "actions", "child"}) {
    const std::string png = dir.File(std::string(view) + ".png");
    std::vector<std::string> args = {"/usr/bin/xvfb-run",
                                     "-a",
                                     "-s",
                                     "-screen 0 1600x1000x24",
                                     MFH_DESKTOP_BINARY,
                                     "--server",
                                     (*server)->address(),
                                     "--token",
                                     token,
                                     "--screenshot",
                                     png,
                                     "--view",
                                     view};
    // The child view waits for the story of the child given.
    if (std::string(view) == "child")
      args.insert(args.end(), {"--child", "C1"});
    testing::CommandResult r =
        testing::RunCommand(args, {{"QT_QPA_PLATFORM", "xcb"}});
    ASSERT_EQ(r.exit_code, 0) << view << "\n" << r.out << r.err;
    QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull()) << view;
    EXPECT_GE(image.width(), 1280) << view;
    EXPECT_GE(image.height(), 800) << view;
  }
}

}  // namespace
}  // namespace mfh::desktop

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
