// mfh-desktop: the coordinator's desktop client (DESIGN.md section 8).
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFont>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "absl/time/clock.h"
#include "clients/core/time_text.h"
#include "clients/desktop/main_window.h"

namespace {

// Asks for the server and token, offering the ones remembered last time.
bool AskSignIn(QString* server, QString* token) {
  QSettings settings;
  QDialog dialog;
  dialog.setWindowTitle(QObject::tr("Sign in to the Missing From Home hub"));
  auto* form = new QFormLayout(&dialog);
  auto* server_edit =
      new QLineEdit(settings.value("server", *server).toString());
  auto* token_edit = new QLineEdit(settings.value("token", *token).toString());
  token_edit->setEchoMode(QLineEdit::Password);
  form->addRow(QObject::tr("Server (host:port)"), server_edit);
  form->addRow(QObject::tr("Token"), token_edit);
  auto* box =
      new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(box);
  QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return false;
  *server = server_edit->text().trimmed();
  *token = token_edit->text().trimmed();
  settings.setValue("server", *server);
  settings.setValue("token", *token);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName("mfh-hub");
  QApplication::setApplicationName("mfh-desktop");
  // Read across a desk at a glance: larger than the platform's 9 pt.
  QFont font = QApplication::font();
  font.setPointSizeF(std::max<qreal>(font.pointSizeF(), 11.0));
  QApplication::setFont(font);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      "The Missing From Home hub's desktop client for coordinators.");
  parser.addHelpOption();
  QCommandLineOption server_opt("server", "HOST:PORT of mfh-server.", "ADDR");
  QCommandLineOption token_opt("token", "Your bearer token.", "T");
  QCommandLineOption shot_opt(
      "screenshot", "Save a PNG of the view once loaded, then exit.", "FILE");
  QCommandLineOption view_opt(
      "view", "board, interviews, agenda, meeting, actions, child or intel.",
      "VIEW", "board");
  QCommandLineOption child_opt(
      "child", "Open this child's story (the child's id, e.g. C1).", "ID");
  QCommandLineOption findings_opt(
      "findings",
      "Open the findings form of this completed interview (its episode's id, "
      "e.g. E3); with --screenshot, save the form.",
      "EPISODE");
  QCommandLineOption as_of_opt(
      "as-of", "Show everything as of this time (UK time or RFC 3339).", "T");
  parser.addOptions({server_opt, token_opt, shot_opt, view_opt, child_opt,
                     findings_opt, as_of_opt});
  parser.process(app);

  QString server = parser.value(server_opt);
  QString token = parser.value(token_opt);
  if (token.isEmpty()) token = qEnvironmentVariable("MFH_TOKEN");
  if (server.isEmpty()) server = qEnvironmentVariable("MFH_SERVER");
  const bool screenshot = parser.isSet(shot_opt);
  if (server.isEmpty() || token.isEmpty()) {
    if (screenshot) {
      std::cerr << "mfh-desktop: --screenshot needs --server and --token\n";
      return 2;
    }
    if (server.isEmpty()) server = "127.0.0.1:7443";
    if (!AskSignIn(&server, &token)) return 0;
  }

  qint64 as_of_unix = 0;
  if (parser.isSet(as_of_opt)) {
    auto t =
        mfh::client::ParseTime("as-of", parser.value(as_of_opt).toStdString());
    if (!t.ok()) {
      std::cerr << "mfh-desktop: " << t.status().message() << "\n";
      return 2;
    }
    as_of_unix = absl::ToUnixSeconds(*t);
  }
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  if (as_of_unix != 0) {
    const absl::Time fixed = absl::FromUnixSeconds(as_of_unix);
    clock = [fixed] { return fixed; };
  }

  mfh::desktop::MainWindow window(clock);
  window.resize(1400, 860);
  if (!window.ShowView(parser.value(view_opt))) {
    std::cerr << "mfh-desktop: unknown view "
              << parser.value(view_opt).toStdString() << "\n";
    return 2;
  }
  window.show();
  window.SignIn(server, token, as_of_unix);
  const QString child = parser.value(child_opt);
  if (!child.isEmpty()) {
    QObject::connect(&window, &mfh::desktop::MainWindow::AllLoaded,
                     [&window, child] { window.OpenChild(child); });
  }
  const QString findings = parser.value(findings_opt);
  if (!findings.isEmpty()) {
    QObject::connect(&window, &mfh::desktop::MainWindow::AllLoaded,
                     [&window, findings] { window.OpenFindings(findings); });
  }

  if (screenshot) {
    const QString path = parser.value(shot_opt);
    const QString view = parser.value(view_opt);
    QObject::connect(&window, &mfh::desktop::MainWindow::Refused,
                     [](const QString& what, const QString& message) {
                       std::cerr << "mfh-desktop: " << what.toStdString()
                                 << ": " << message.toStdString() << "\n";
                     });
    // `path` and `view` end with this block, before the loop runs: the
    // handlers keep copies.
    // With --child, the grab waits for the child's story; with --findings,
    // it waits for the form and grabs the form.
    auto loaded = &mfh::desktop::MainWindow::AllLoaded;
    if (!child.isEmpty()) loaded = &mfh::desktop::MainWindow::ChildShown;
    if (!findings.isEmpty()) loaded = &mfh::desktop::MainWindow::FindingsShown;
    QObject::connect(&window, loaded, [&window, path, view] {
      window.ShowView(view);
      // Let the layout settle before grabbing.
      QTimer::singleShot(500, &window, [&window, path] {
        QWidget* shown = window.findings_dialog();
        if (shown == nullptr) shown = &window;
        const bool ok = shown->grab().save(path, "PNG");
        if (!ok)
          std::cerr << "mfh-desktop: could not write " << path.toStdString()
                    << "\n";
        QApplication::exit(ok ? 0 : 1);
      });
    });
    QTimer::singleShot(30000, &window, [] {
      std::cerr << "mfh-desktop: the data did not load within 30 s\n";
      QApplication::exit(1);
    });
  }
  return app.exec();
}
