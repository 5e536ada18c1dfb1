// A WatchBoard stream as the use cases see it: a subscription held against
// the stream limits, a snapshot of the board first (audited like every read)
// and again whenever the watcher falls behind, then the changes in commit
// order; each sent only while the caller's token is in force.
#ifndef MFH_SERVICES_APP_BOARD_WATCH_H_
#define MFH_SERVICES_APP_BOARD_WATCH_H_

#include <memory>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/app/change_feed.h"
#include "services/app/episodes.h"
#include "services/app/runner.h"
#include "services/domain/agenda.h"

namespace mfh::app {

class BoardWatch {
 public:
  // While nothing happens, the token is confirmed every this many polls.
  static constexpr int kPollsBetweenConfirmations = 4;

  // What to send next: a snapshot, events, or nothing yet.
  struct Send {
    std::optional<std::vector<domain::AgendaEntry>> snapshot;
    std::vector<ChangeEvent> events;
  };

  // UNAUTHENTICATED for a token not in force; RESOURCE_EXHAUSTED beyond the
  // streams a user or the server may hold.
  static absl::StatusOr<std::unique_ptr<BoardWatch>> Open(Runner& runner,
                                                          Episodes& episodes,
                                                          ChangeFeed& feed,
                                                          Call call,
                                                          BoardQuery query);
  BoardWatch(const BoardWatch&) = delete;
  BoardWatch& operator=(const BoardWatch&) = delete;
  // Gives the stream back to the limits.
  ~BoardWatch();

  // Waits up to `poll` for changes. UNAUTHENTICATED once the token is
  // revoked (confirmed before anything is sent, and at least every
  // kPollsBetweenConfirmations polls), UNAVAILABLE once the server stops.
  absl::StatusOr<Send> Next(absl::Duration poll);

 private:
  BoardWatch(Runner& runner, Episodes& episodes, ChangeFeed& feed, Call call,
             BoardQuery query, std::shared_ptr<Subscription> subscription)
      : runner_(runner),
        episodes_(episodes),
        feed_(feed),
        call_(std::move(call)),
        query_(std::move(query)),
        subscription_(std::move(subscription)) {}

  Runner& runner_;
  Episodes& episodes_;
  ChangeFeed& feed_;
  const Call call_;
  const BoardQuery query_;
  const std::shared_ptr<Subscription> subscription_;
  bool snapshot_due_ = true;
  int quiet_polls_ = 0;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_BOARD_WATCH_H_
