// The coordinator's morning on one screen: board, interviews, agenda,
// meeting and action tracker, fed by a HubWorker on its own thread and kept
// live by a BoardWatcher. The window only displays and asks.
#ifndef MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_
#define MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_

#include <QMainWindow>
#include <QThread>
#include <functional>

#include "absl/time/time.h"
#include "clients/desktop/board_watcher.h"
#include "clients/desktop/hub_worker.h"
#include "clients/desktop/models.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
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
  // board, interviews, agenda, meeting or actions; false for another name.
  bool ShowView(const QString& view);

  BoardModel& board() { return board_; }
  InterviewsModel& interviews() { return interviews_; }
  AgendaModel& agenda() { return agenda_; }
  ActionsModel& tracker() { return tracker_; }
  const v1::Meeting& meeting() const { return meeting_; }
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
  void ExportAgenda(const QString& path);
  void ExportMinutes(const QString& path);

 signals:
  void BoardChanged();
  void InterviewsChanged();
  void AgendaChanged();
  void ActionsChanged();
  void MeetingChanged();
  void Accepted(const QString& what);
  void Refused(const QString& what, const QString& message);
  // Every view has its data (once, after SignIn).
  void AllLoaded();

 private:
  enum Loaded {
    kChildren = 1,
    kAgenda = 2,
    kInterviews = 4,
    kActions = 8,
    kMeeting = 16,
    kAll = 31
  };
  QWidget* BuildBoardTab();
  QWidget* BuildInterviewsTab();
  QWidget* BuildAgendaTab();
  QWidget* BuildMeetingTab();
  QWidget* BuildActionsTab();
  void Wire();
  void MarkLoaded(int what);
  void Tick();
  void OnEvent(v1::ChangeKind kind, const QString& event);
  void OnAgenda(const v1::Agenda& agenda);
  void OnInterviews(const Interviews& interviews);
  void OnActions(const Actions& actions);
  void OnMeeting(const v1::Meeting& meeting);
  void ShowMessage(const QString& text, bool error);
  void RefreshAll();
  void LoadMeeting();
  void ScheduleDueRefresh();
  template <typename Fn>
  void Ask(Fn&& fn) {
    QMetaObject::invokeMethod(worker_, std::forward<Fn>(fn),
                              Qt::QueuedConnection);
  }
  QString SelectedId(QTableView* view) const;
  void OfferDialog();
  void DeclineDialog();
  void CompletionDialog();
  void UpdateActionDialog(bool done);
  QString NowText() const;

  std::function<absl::Time()> clock_;
  QThread worker_thread_;
  HubWorker* worker_ = nullptr;  // lives on worker_thread_
  BoardWatcher* watcher_ = nullptr;
  QString server_;
  bool live_ = false;
  bool fixed_as_of_ = false;
  int loaded_ = 0;
  bool all_loaded_sent_ = false;
  ChildNames names_;
  v1::Meeting meeting_;
  QString meeting_id_;

  BoardModel board_;
  InterviewsModel interviews_;
  AgendaModel agenda_;
  ActionsModel tracker_;
  ActionsModel meeting_actions_;
  NotesModel notes_;

  QTabWidget* tabs_ = nullptr;
  QLabel* banner_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* live_label_ = nullptr;
  QTableView* board_view_ = nullptr;
  QTableView* interviews_view_ = nullptr;
  QTableView* agenda_view_ = nullptr;
  QTableView* tracker_view_ = nullptr;
  QLabel* agenda_title_ = nullptr;
  QLabel* meeting_title_ = nullptr;
  QComboBox* note_child_ = nullptr;
  QComboBox* action_child_ = nullptr;
  QTimer* tick_ = nullptr;
  QTimer* due_refresh_ = nullptr;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_MAIN_WINDOW_H_
