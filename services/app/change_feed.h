// The change feed behind WatchBoard: every committed write is published, in
// commit order, to every watcher's own bounded queue. Publishing never waits
// for a watcher: a watcher that falls behind loses its queue and is told to
// take a fresh snapshot instead.
#ifndef MFH_SERVICES_APP_CHANGE_FEED_H_
#define MFH_SERVICES_APP_CHANGE_FEED_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace mfh::app {

// What a write changed: the records a watcher may need to read again.
enum class ChangeKind {
  kChild,      // a child or its flags
  kEpisode,    // a report, a regrade or correction, a link
  kReturn,     // a return, and the RHI it owes
  kInterview,  // an RHI's offer, decline, completion or closure
  kMeeting,    // a meeting, its notes, its closing
  kAction,     // an action agreed or updated
  kUser,       // a user added or revoked
};

struct ChangeEvent {
  int64_t sequence = 0;  // 1, 2, ... in commit order
  ChangeKind kind = ChangeKind::kEpisode;
  std::string rpc;  // the write: "LogReturn", "AddAction", ...
  std::string child_id;
  std::string episode_id;
};

class ChangeFeed;

// One watcher's queue.
class Subscription {
 public:
  // What the watcher is to do next.
  struct Batch {
    std::vector<ChangeEvent> events;
    bool resnapshot = false;  // events were dropped: read the board afresh
    bool closed = false;      // the feed is closed: end the stream
  };

  // Waits up to `timeout` for events, then takes what is queued.
  Batch Next(absl::Duration timeout);

 private:
  friend class ChangeFeed;
  bool Ready() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !queue_.empty() || overflowed_ || closed_;
  }

  explicit Subscription(std::string user) : user_(std::move(user)) {}

  const std::string user_;
  absl::Mutex mu_;
  std::vector<ChangeEvent> queue_ ABSL_GUARDED_BY(mu_);
  bool overflowed_ ABSL_GUARDED_BY(mu_) = false;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

class ChangeFeed {
 public:
  // Events a watcher may have queued before it must resnapshot.
  static constexpr size_t kQueueLimit = 1000;
  // Streams a user, and the server, may hold at once (DESIGN.md section 5).
  static constexpr int kStreamsPerUser = 4;
  static constexpr int kStreams = 256;

  // A new watcher of `user`'s; RESOURCE_EXHAUSTED beyond the limits.
  absl::StatusOr<std::shared_ptr<Subscription>> Subscribe(
      const std::string& user);
  void Unsubscribe(const std::shared_ptr<Subscription>& subscription);
  // Assigns the next sequence number; callers publish in commit order.
  void Publish(ChangeEvent event);
  // Wakes every watcher to end its stream; for a clean shutdown.
  void Close();

 private:
  absl::Mutex mu_;
  int64_t last_sequence_ ABSL_GUARDED_BY(mu_) = 0;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::shared_ptr<Subscription>> subscriptions_
      ABSL_GUARDED_BY(mu_);
  std::unordered_map<std::string, int> streams_of_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_CHANGE_FEED_H_
