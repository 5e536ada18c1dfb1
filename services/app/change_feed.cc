#include "services/app/change_feed.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace mfh::app {

Subscription::Batch Subscription::Next(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithTimeout(absl::Condition(this, &Subscription::Ready), timeout);
  Batch batch;
  batch.events.swap(queue_);
  batch.resnapshot = overflowed_;
  batch.closed = closed_;
  overflowed_ = false;
  return batch;
}

absl::StatusOr<std::shared_ptr<Subscription>> ChangeFeed::Subscribe(
    const std::string& user) {
  std::shared_ptr<Subscription> subscription(new Subscription(user));
  absl::MutexLock lock(&mu_);
  if (static_cast<int>(subscriptions_.size()) >= kStreams) {
    return absl::ResourceExhaustedError(
        absl::StrCat("WatchBoard: the server already holds ", kStreams,
                     " streams, the most it serves; try again later"));
  }
  int& mine = streams_of_[user];
  if (mine >= kStreamsPerUser) {
    return absl::ResourceExhaustedError(
        absl::StrCat("WatchBoard: ", user, " already holds ", kStreamsPerUser,
                     " streams, the most a user may; close one first"));
  }
  ++mine;
  if (closed_) {
    absl::MutexLock inner(&subscription->mu_);
    subscription->closed_ = true;
  }
  subscriptions_.push_back(subscription);
  return subscription;
}

void ChangeFeed::Unsubscribe(
    const std::shared_ptr<Subscription>& subscription) {
  absl::MutexLock lock(&mu_);
  auto it =
      std::find(subscriptions_.begin(), subscriptions_.end(), subscription);
  if (it == subscriptions_.end()) return;
  subscriptions_.erase(it);
  if (--streams_of_[subscription->user_] == 0) {
    streams_of_.erase(subscription->user_);
  }
}

void ChangeFeed::Publish(ChangeEvent event) {
  absl::MutexLock lock(&mu_);
  event.sequence = ++last_sequence_;
  for (const std::shared_ptr<Subscription>& s : subscriptions_) {
    absl::MutexLock inner(&s->mu_);
    if (s->queue_.size() >= kQueueLimit) {
      s->queue_.clear();
      s->overflowed_ = true;
    } else if (!s->overflowed_) {
      s->queue_.push_back(event);
    }
  }
}

void ChangeFeed::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
  for (const std::shared_ptr<Subscription>& s : subscriptions_) {
    absl::MutexLock inner(&s->mu_);
    s->closed_ = true;
  }
}

}  // namespace mfh::app
