// The daily meeting: open today's, take notes and decisions, agree actions
// in the five-part form, close it, and export the minutes. What is entered
// goes out as a signal; the meeting shown is the one last loaded.
#ifndef MFH_CLIENTS_DESKTOP_MEETING_PAGE_H_
#define MFH_CLIENTS_DESKTOP_MEETING_PAGE_H_

#include <QStringList>
#include <QWidget>

#include "clients/desktop/hub_worker.h"
#include "clients/desktop/meeting_models.h"

class QComboBox;
class QLabel;

namespace mfh::desktop {

class MeetingPage : public QWidget {
  Q_OBJECT

 public:
  explicit MeetingPage(QWidget* parent = nullptr);

  const v1::Meeting& meeting() const { return meeting_; }
  ActionsModel& actions() { return actions_; }
  void SetMeeting(const v1::Meeting& meeting);
  void SetNames(const ChildNames& names);
  // The instant the actions' overdue state is shown at.
  void SetNow(absl::Time now);
  // The children the forms offer: those on `agenda`, the general case first.
  void SetAgendaChildren(const v1::Agenda& agenda);

 signals:
  void OpenRequested();
  void NoteSubmitted(const QString& meeting_id, const QString& child_id,
                     const QString& text, bool decision, bool addendum);
  void ActionSubmitted(const mfh::desktop::ActionForm& form, bool addendum);
  void CloseSubmitted(const QString& meeting_id, const QStringList& attendees);
  // The user chose a file to export the minutes to.
  void ExportRequested(const QString& path);

 private:
  QWidget* BuildForms();
  QWidget* BuildLists();
  // After the meeting is closed, anything added is an addendum.
  bool Closed() const;
  QString MeetingId() const;

  v1::Meeting meeting_;
  ChildNames names_;
  ActionsModel actions_;
  NotesModel notes_;
  QLabel* title_;
  QComboBox* note_child_ = nullptr;
  QComboBox* action_child_ = nullptr;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_MEETING_PAGE_H_
