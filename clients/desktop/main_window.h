// The coordinator's morning on one screen: it composes the pages (board,
// interviews, agenda, meeting, action tracker, child, intelligence for the
// police) and the findings form, feeds them from a
// HubWorker on its own thread, and keeps them live by routing each change a
// BoardWatcher reports to the reads it affects. It only displays and asks.
#ifndef MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_
#define MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_

#include <QMainWindow>
#include <QPointer>
#include <QThread>
#include <functional>
#include <utility>

#include "absl/time/time.h"
#include "clients/desktop/action_tracker_page.h"
#include "clients/desktop/agenda_page.h"
#include "clients/desktop/board_page.h"
#include "clients/desktop/board_watcher.h"
#include "clients/desktop/child_page.h"
#include "clients/desktop/findings_dialog.h"
#include "clients/desktop/hub_worker.h"
#include "clients/desktop/intel_page.h"
#include "clients/desktop/interviews_page.h"
#include "clients/desktop/meeting_page.h"
#include "clients/desktop/models.h"

class QLabel;
class QTabWidget;
class QTimer;

namespace mfh::desktop {

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `clock` gives the instant countdowns tick against.
  explicit MainWindow(std::function<absl::Time()> clock,
                      QWidget* parent = nullptr);
  ~MainWindow() override;

  // Connects (no call blocks) and loads every view. `as_of_unix` 0: live.
  void SignIn(const QString& server, const QString& token, qint64 as_of_unix);
  // board, interviews, agenda, meeting, actions, child or intel; false for
  // another name.
  bool ShowView(const QString& view);
  // Loads the child's whole story into the child view and shows it; what a
  // double-click on a child in any view does.
  void OpenChild(const QString& child_id);
  const ChildPage& child() const { return *child_page_; }

  BoardModel& board() { return board_page_->model(); }
  InterviewsModel& interviews() { return interviews_page_->model(); }
  AgendaModel& agenda() { return agenda_page_->model(); }
  ActionsModel& tracker() { return tracker_page_->model(); }
  IntelligenceModel& intel() { return intel_page_->model(); }
  InterviewsPage& interviews_page() { return *interviews_page_; }
  AgendaPage& agenda_page() { return *agenda_page_; }
  IntelPage& intel_page() { return *intel_page_; }
  // Whether the intelligence page is offered: false once the server said
  // this user may not read intelligence.
  bool IntelligenceShown() const;
  // The findings form OpenFindings opened, while it is open.
  FindingsDialog* findings_dialog() const { return findings_dialog_; }
  const v1::Meeting& meeting() const { return meeting_page_->meeting(); }
  // The meeting page's actions agreed.
  ActionsModel& meeting_actions() { return meeting_page_->actions(); }
  // The banner shown while the live feed is down; empty when connected.
  QString BannerText() const;
  // The last refusal or confirmation shown to the user.
  QString MessageText() const;
  bool live() const { return live_; }

  // What the dialogs do, for tests and the buttons alike.
  void RecordOffer(const QString& episode_id, const QString& at,
                   const QString& by);
  void RecordDecline(const QString& episode_id, const QString& at,
                     const QString& reason);
  void RecordCompletion(const CompletionForm& form);
  void RecordFindings(const QString& episode_id, const v1::Findings& findings);
  void AcknowledgeIntelligence(const QString& episode_id);
  // Reads the interview and opens its findings form, prefilled; what the
  // interviews page's findings button does.
  void OpenFindings(const QString& episode_id);
  void ExportAgenda(const QString& path);
  void ExportMinutes(const QString& path);

 signals:
  void BoardChanged();
  void InterviewsChanged();
  void AgendaChanged();
  void ActionsChanged();
  void MeetingChanged();
  void IntelligenceChanged();
  // The findings form OpenFindings asked for is open.
  void FindingsShown();
  void Accepted(const QString& what);
  void Refused(const QString& what, const QString& message);
  // Every view has its data (once, after SignIn).
  void AllLoaded();
  // The child view shows the story OpenChild asked for.
  void ChildShown();

 private:
  enum Loaded {
    kChildren = 1,
    kAgenda = 2,
    kInterviews = 4,
    kActions = 8,
    kMeeting = 16,
    kIntelligence = 32,
    kAll = 63
  };
  void WireWorker();
  void WirePages();
  void MarkLoaded(int what);
  void Tick();
  void OnEvent(v1::ChangeKind kind, const QString& event);
  void OnAgenda(const v1::Agenda& agenda);
  void OnInterviews(const Interviews& loaded);
  void OnActions(const Actions& actions);
  void OnMeeting(const v1::Meeting& meeting);
  void OnIntelligenceDenied();
  void ShowFindings(const v1::Interview& interview);
  void LoadIntelligence();
  void ShowMessage(const QString& text, bool error);
  void RefreshAll();
  void LoadMeeting();
  void ScheduleDueRefresh();
  template <typename Fn>
  void Ask(Fn&& fn) {
    QMetaObject::invokeMethod(worker_, std::forward<Fn>(fn),
                              Qt::QueuedConnection);
  }

  std::function<absl::Time()> clock_;
  QThread worker_thread_;
  HubWorker* worker_ = nullptr;  // lives on worker_thread_
  BoardWatcher* watcher_ = nullptr;
  QString server_;
  bool live_ = false;
  bool fixed_as_of_ = false;
  int loaded_ = 0;
  bool all_loaded_sent_ = false;
  // The server refused this user intelligence: it is not asked again.
  bool intelligence_denied_ = false;
  ChildNames names_;
  // The meeting the meeting page follows: today's once opened, else the
  // latest that agreed actions.
  QString meeting_id_;

  BoardPage* board_page_;
  InterviewsPage* interviews_page_;
  AgendaPage* agenda_page_;
  MeetingPage* meeting_page_;
  ActionTrackerPage* tracker_page_;
  ChildPage* child_page_;
  IntelPage* intel_page_;
  QPointer<FindingsDialog> findings_dialog_;
  QTabWidget* tabs_ = nullptr;
  QLabel* banner_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* live_label_ = nullptr;
  QTimer* tick_ = nullptr;
  QTimer* due_refresh_ = nullptr;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_
