// The live feed: EpisodeService.WatchBoard read on its own thread. It emits
// the snapshot and each event with what the write changed, and when the
// stream ends (server stopped, network gone) it says so and dials again with
// a growing backoff.
#ifndef MFH_CLIENTS_DESKTOP_BOARD_WATCHER_H_
#define MFH_CLIENTS_DESKTOP_BOARD_WATCHER_H_

#include <QMutex>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "clients/desktop/hub_worker.h"
#include "mfh/v1/episode.pb.h"

namespace grpc {
class ClientContext;
}

namespace mfh::desktop {

class BoardWatcher : public QThread {
  Q_OBJECT

 public:
  // `as_of_unix` 0: the board as of the server's clock at each snapshot.
  BoardWatcher(QString server, QString token, qint64 as_of_unix,
               QObject* parent = nullptr);
  ~BoardWatcher() override;

  // Ends the stream and the thread; returns once the thread has finished.
  void Stop();

 signals:
  void Connected();
  // The stream ended or could not start; `reason` in words; a new attempt
  // follows after `retry_ms`.
  void Disconnected(const QString& reason, int retry_ms);
  void Snapshot(const mfh::desktop::Entries& missing_now);
  // A committed write: what it changed (`kind`, UNSPECIFIED from a server
  // that does not say), its RPC's name (`event`) and whom it concerns.
  void Event(mfh::v1::ChangeKind kind, const QString& event,
             const QString& child_id, const QString& episode_id);

 protected:
  void run() override;

 private:
  const QString server_;
  const QString token_;
  const qint64 as_of_unix_;
  std::atomic<bool> stop_{false};
  QMutex mutex_;
  grpc::ClientContext* active_ = nullptr;  // guarded by mutex_
};

}  // namespace mfh::desktop

Q_DECLARE_METATYPE(mfh::v1::ChangeKind)

#endif  // MFH_CLIENTS_DESKTOP_BOARD_WATCHER_H_
