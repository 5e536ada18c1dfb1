#include "clients/desktop/board_watcher.h"

#include <grpcpp/grpcpp.h>

#include <QMutexLocker>
#include <algorithm>
#include <optional>
#include <utility>

#include "clients/core/calls.h"
#include "clients/core/connection.h"
#include "clients/core/status.h"

namespace mfh::desktop {
namespace {

constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 4000;

}  // namespace

BoardWatcher::BoardWatcher(QString server, QString token, qint64 as_of_unix,
                           QObject* parent)
    : QThread(parent),
      server_(std::move(server)),
      token_(std::move(token)),
      as_of_unix_(as_of_unix) {}

BoardWatcher::~BoardWatcher() { Stop(); }

void BoardWatcher::Stop() {
  stop_ = true;
  {
    QMutexLocker lock(&mutex_);
    if (active_ != nullptr) active_->TryCancel();
  }
  wait();
}

void BoardWatcher::run() {
  int retry_ms = kFirstRetryMs;
  while (!stop_) {
    // A fresh channel each time: a channel that saw the server go away waits
    // out its own reconnect backoff, which grows to minutes.
    client::ConnectionOptions options;
    options.server = server_.toStdString();
    options.token = token_.toStdString();
    auto conn = client::Connection::Open(std::move(options));
    if (!conn.ok()) {
      emit Disconnected(
          QString::fromStdString(std::string(conn.status().message())), -1);
      return;
    }
    grpc::ClientContext ctx;
    {
      QMutexLocker lock(&mutex_);
      if (stop_) break;
      active_ = &ctx;
    }
    std::optional<absl::Time> as_of;
    if (as_of_unix_ != 0) as_of = absl::FromUnixSeconds(as_of_unix_);
    auto reader = client::WatchBoard(**conn, ctx, as_of);
    v1::WatchBoardResponse msg;
    bool first = true;
    while (reader->Read(&msg)) {
      if (first) {
        emit Connected();
        retry_ms = kFirstRetryMs;
        first = false;
      }
      if (msg.is_snapshot()) {
        emit Snapshot(Entries(msg.snapshot().begin(), msg.snapshot().end()));
      } else {
        emit Event(msg.kind(), QString::fromStdString(msg.event()),
                   QString::fromStdString(msg.child_id()),
                   QString::fromStdString(msg.episode_id()));
      }
    }
    const grpc::Status status = reader->Finish();
    {
      QMutexLocker lock(&mutex_);
      active_ = nullptr;
    }
    if (stop_) break;
    absl::Status s = client::FromGrpcStatus(status, (*conn)->options().server);
    QString reason = s.ok() ? tr("the server ended the live feed")
                            : QString::fromStdString(std::string(s.message()));
    emit Disconnected(reason, retry_ms);
    // Sleep in small steps so that Stop() is prompt.
    for (int slept = 0; slept < retry_ms && !stop_; slept += 50) msleep(50);
    retry_ms = std::min(retry_ms * 2, kMaxRetryMs);
  }
}

}  // namespace mfh::desktop
