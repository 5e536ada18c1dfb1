// The desktop client's calls to mfh-server. A HubWorker lives on its own
// thread: its slots run the unary RPCs there through clients/core's typed
// calls (the window never waits on the network) and results come back by
// queued signals. It computes no rule of the domain: it passes the server's
// answers on as they are.
#ifndef MFH_CLIENTS_DESKTOP_HUB_WORKER_H_
#define MFH_CLIENTS_DESKTOP_HUB_WORKER_H_

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "clients/core/calls.h"
#include "clients/core/connection.h"
#include "mfh/v1/findings.pb.h"
#include "mfh/v1/types.pb.h"

namespace mfh::desktop {

using Interviews = std::vector<v1::Interview>;
using Actions = std::vector<v1::Action>;
using Entries = std::vector<v1::AgendaEntry>;
using ChildNames = QHash<QString, QString>;
using Intelligences = std::vector<v1::Intelligence>;

// What a completion dialog collects; times are typed text, parsed by
// clients/core (Europe/London unless an offset is given).
struct CompletionForm {
  QString episode_id;
  QString at;
  QString by;
  bool cse = false;
  bool cce = false;
  bool no_concerns = false;
  bool referral_made = false;
  QString notes;
};

struct ActionForm {
  QString meeting_id;
  QString child_id;
  QString what;
  QString who;
  QString by_when;
  QString done_when;
  QString worked_when;
  QString assignee;
};

class HubWorker : public QObject {
  Q_OBJECT

 public:
  explicit HubWorker(QObject* parent = nullptr);
  ~HubWorker() override;

 public slots:
  // `as_of_unix` 0: every read is as of the server's clock.
  void Configure(const QString& server, const QString& token,
                 qint64 as_of_unix);
  void LoadChildren();
  void LoadAgenda();
  // The interviews still owed, and the completed ones too while
  // ShowCompleted(true) (to record their findings).
  void LoadInterviews();
  void ShowCompleted(bool on);
  // One interview, for its findings form.
  void LoadInterview(const QString& episode_id);
  void LoadIntelligence(bool unacknowledged_only);
  void LoadActions();
  void LoadMeeting(const QString& meeting_id);
  // The child's whole story (clients/core LoadChildStory).
  void LoadChildStory(const QString& child_id);
  void OpenTodaysMeeting();
  void RecordOffer(const QString& episode_id, const QString& at,
                   const QString& by);
  void RecordDecline(const QString& episode_id, const QString& at,
                     const QString& reason);
  void RecordCompletion(const mfh::desktop::CompletionForm& form);
  void RecordFindings(const QString& episode_id,
                      const mfh::v1::Findings& findings);
  void AcknowledgeIntelligence(const QString& episode_id);
  void AddNote(const QString& meeting_id, const QString& child_id,
               const QString& text, bool decision, bool addendum);
  void AddAction(const mfh::desktop::ActionForm& form, bool addendum);
  void CloseMeeting(const QString& meeting_id, const QStringList& attendees);
  // `done`: mark done with evidence; else drop with `text` as the reason.
  void UpdateAction(const QString& action_id, bool done, const QString& text,
                    const QString& impact);

 signals:
  void ChildrenLoaded(const mfh::desktop::ChildNames& names);
  void AgendaLoaded(const mfh::v1::Agenda& agenda);
  void InterviewsLoaded(const mfh::desktop::Interviews& interviews);
  void InterviewLoaded(const mfh::v1::Interview& interview);
  void IntelligenceLoaded(const mfh::desktop::Intelligences& intelligence);
  // The server said this user may not read intelligence (PERMISSION_DENIED).
  void IntelligenceDenied();
  void ActionsLoaded(const mfh::desktop::Actions& actions);
  void MeetingLoaded(const mfh::v1::Meeting& meeting);
  void ChildStoryLoaded(const mfh::client::ChildStory& story);
  // A write the server accepted, in words.
  void WriteDone(const QString& what);
  // `what` failed; `message` is the server's (or the connection's) words.
  void Failed(const QString& what, const QString& message);

 private:
  bool Ready(const QString& what);
  void Fail(const QString& what, const absl::Status& status);

  std::unique_ptr<client::Connection> connection_;
  std::optional<absl::Time> as_of_;
  bool show_completed_ = false;
};

}  // namespace mfh::desktop

Q_DECLARE_METATYPE(mfh::v1::Agenda)
Q_DECLARE_METATYPE(mfh::v1::Meeting)
Q_DECLARE_METATYPE(mfh::v1::Interview)
Q_DECLARE_METATYPE(mfh::desktop::Intelligences)
Q_DECLARE_METATYPE(mfh::client::ChildStory)
Q_DECLARE_METATYPE(mfh::desktop::Interviews)
Q_DECLARE_METATYPE(mfh::desktop::Actions)
Q_DECLARE_METATYPE(mfh::desktop::Entries)
Q_DECLARE_METATYPE(mfh::desktop::CompletionForm)
Q_DECLARE_METATYPE(mfh::desktop::ActionForm)

#endif  // MFH_CLIENTS_DESKTOP_HUB_WORKER_H_
