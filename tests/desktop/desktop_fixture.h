// The fixture of the tests of mfh-desktop: the real mfh-server on a
// temporary database with a coordinator, the calls that seed it, a signed-in
// window as of a fixed instant, and what the tests read from models and PDFs.
#ifndef MFH_TESTS_DESKTOP_DESKTOP_FIXTURE_H_
#define MFH_TESTS_DESKTOP_DESKTOP_FIXTURE_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <QBrush>
#include <QSignalSpy>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "clients/core/time_text.h"
#include "clients/desktop/main_window.h"
#include "mfh/v1/child.grpc.pb.h"
#include "mfh/v1/episode.grpc.pb.h"
#include "tests/e2e/harness.h"

namespace mfh::desktop {

inline constexpr int kWaitMs = 5000;

inline absl::Time T(const std::string& rfc3339) {
  auto t = client::ParseTime("t", rfc3339);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? *t : absl::UnixEpoch();
}

class DesktopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("hub.db");
    coordinator_ = testing::AddUser(db_, "coordinator-user", "coordinator");
    auto server = testing::ServerProcess::Start(db_, dir_.path());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    children_ = v1::ChildService::NewStub(channel);
    episodes_ = v1::EpisodeService::NewStub(channel);
  }

  std::unique_ptr<grpc::ClientContext> Ctx() {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(std::chrono::system_clock::now() +
                      std::chrono::seconds(10));
    ctx->AddMetadata("authorization", "Bearer " + coordinator_);
    return ctx;
  }

  std::string AddChild(const std::string& name) {
    v1::CreateChildRequest req;
    req.set_name(name);
    req.set_date_of_birth("2012-01-01");
    v1::CreateChildResponse resp;
    grpc::Status s = children_->CreateChild(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.child().child_id();
  }

  std::string Report(const std::string& child, const std::string& ref,
                     const std::string& since, v1::Risk risk) {
    v1::ReportMissingRequest req;
    req.set_child_id(child);
    req.set_police_force("MET");
    req.set_police_ref(ref);
    *req.mutable_missing_since() = client::ToTimestamp(T(since));
    *req.mutable_notified_at() = client::ToTimestamp(T(since));
    req.set_risk(risk);
    v1::ReportMissingResponse resp;
    grpc::Status s = episodes_->ReportMissing(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.episode().episode_id();
  }

  void Return(const std::string& episode, const std::string& at,
              const std::string& notified) {
    v1::LogReturnRequest req;
    req.set_episode_id(episode);
    *req.mutable_returned_at() = client::ToTimestamp(T(at));
    *req.mutable_return_notified_at() = client::ToTimestamp(T(notified));
    req.set_returned_to(v1::RETURNED_TO_HOME);
    v1::LogReturnResponse resp;
    grpc::Status s = episodes_->LogReturn(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
  }

  // Runs the mfh CLI as the coordinator, on the server's clock; it must
  // succeed.
  void Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {MFH_CLI_BINARY, "--server", server_->address(),
                               "--token", coordinator_});
    testing::CommandResult r =
        testing::RunCommand(args, {{"MFH_CLOCK_FILE", server_->clock_file()}});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  // The morning of Wednesday 2026-11-04 (meetings at 09:30 London): Dan
  // missing since the night before at high risk; Ann's interview due at 09:00
  // today, Ben's at 09:00 tomorrow (before tomorrow's meeting), Cat's at 09:00
  // on Friday; a home visit for Ann agreed at Tuesday's meeting, still open.
  void SeedMorning() {
    ann_ = AddChild("Ann");
    ben_ = AddChild("Ben");
    const std::string cat = AddChild("Cat");
    const std::string dan = AddChild("Dan");
    ann_episode_ = Report(ann_, "R1", "2026-10-31T10:00:00Z", v1::RISK_LOW);
    Return(ann_episode_, "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z");
    ben_episode_ = Report(ben_, "R2", "2026-11-01T10:00:00Z", v1::RISK_MEDIUM);
    Return(ben_episode_, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
    cat_episode_ = Report(cat, "R3", "2026-11-02T10:00:00Z", v1::RISK_LOW);
    Return(cat_episode_, "2026-11-03T08:00:00Z", "2026-11-03T09:00:00Z");
    server_->SetNow(T("2026-11-03T09:30:00Z"));
    Cli({"meeting", "open", "--day", "2026-11-03", "--as-of",
         "2026-11-03 09:30"});
    Cli({"meeting", "action", "M1", "--child", ann_, "--what", "Home visit",
         "--who", "Social worker", "--by-when", "2026-11-06 17:00",
         "--done-when", "Visit recorded"});
    server_->SetNow(T("2026-11-04T12:00:00Z"));
    Report(dan, "R4", "2026-11-03T22:00:00Z", v1::RISK_HIGH);
  }

  // A window as of `as_of` (a fixed instant), or live when empty.
  std::unique_ptr<MainWindow> Window(const std::string& as_of = "") {
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
                   QString::fromStdString(coordinator_), as_of_unix);
    EXPECT_TRUE(loaded.wait(kWaitMs));
    return window;
  }

  testing::TempDir dir_;
  std::string db_;
  std::string coordinator_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<v1::ChildService::Stub> children_;
  std::unique_ptr<v1::EpisodeService::Stub> episodes_;
  // Set by SeedMorning.
  std::string ann_, ben_;
  std::string ann_episode_, ben_episode_, cat_episode_;
};

inline QString Cell(const QAbstractItemModel& m, int row, int column) {
  return m.index(row, column).data().toString();
}

// The row of the agenda's title `title`; -1 when there is none.
inline int TitleRow(const AgendaModel& agenda, const QString& title) {
  for (int r = 0; r < agenda.rowCount(); ++r) {
    if (agenda.IsTitleRow(r) && Cell(agenda, r, AgendaModel::kChild) == title) {
      return r;
    }
  }
  return -1;
}

// The colour `role` paints a cell with, as #rrggbb; "none" when it paints
// none.
inline std::string Colour(const QAbstractItemModel& m, int row, int column,
                          Qt::ItemDataRole role) {
  const QVariant value = m.index(row, column).data(role);
  if (!value.isValid()) return "none";
  return value.value<QBrush>().color().name().toStdString();
}

// The words of a PDF in the order it draws them (pdftotext -raw), one space
// apart: a table cell whose text wraps reads as it does on one line, and the
// text does not depend on where the fonts make lines break.
inline std::string PdfText(const std::string& path) {
  testing::CommandResult r =
      testing::RunCommand({"/usr/bin/pdftotext", "-raw", path, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return absl::StrJoin(
      absl::StrSplit(r.out, absl::ByAnyChar(" \n\f"), absl::SkipEmpty()), " ");
}

}  // namespace mfh::desktop

#endif  // MFH_TESTS_DESKTOP_DESKTOP_FIXTURE_H_
