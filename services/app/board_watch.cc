#include "services/app/board_watch.h"

#include <utility>

namespace mfh::app {

absl::StatusOr<std::unique_ptr<BoardWatch>> BoardWatch::Open(Runner& runner,
                                                             Episodes& episodes,
                                                             ChangeFeed& feed,
                                                             Call call,
                                                             BoardQuery query) {
  ASSIGN_OR_RETURN(Principal principal,
                   runner.Admit(call, calls::kWatchBoard.name));
  // Subscribed before the first snapshot, so that no change falls between.
  ASSIGN_OR_RETURN(std::shared_ptr<Subscription> subscription,
                   feed.Subscribe(principal.name));
  return std::unique_ptr<BoardWatch>(
      new BoardWatch(runner, episodes, feed, std::move(call), std::move(query),
                     std::move(subscription)));
}

BoardWatch::~BoardWatch() { feed_.Unsubscribe(subscription_); }

absl::StatusOr<BoardWatch::Send> BoardWatch::Next(absl::Duration poll) {
  Send send;
  if (!snapshot_due_) {
    Subscription::Batch batch = subscription_->Next(poll);
    if (batch.closed) {
      return absl::UnavailableError("WatchBoard: the server is stopping");
    }
    snapshot_due_ = batch.resnapshot;
    send.events = std::move(batch.events);
  }
  if (snapshot_due_) {
    // The board is a read through the runner: audited, and refused for a
    // token no longer in force.
    ASSIGN_OR_RETURN(send.snapshot, episodes_.Board(call_, query_));
    snapshot_due_ = false;
    quiet_polls_ = 0;
  } else if (!send.events.empty() ||
             ++quiet_polls_ >= kPollsBetweenConfirmations) {
    RETURN_IF_ERROR(runner_.Admit(call_, calls::kWatchBoard.name).status());
    quiet_polls_ = 0;
  }
  return send;
}

}  // namespace mfh::app
