#include "services/app/change_feed.h"

#include <algorithm>
#include <utility>

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

std::shared_ptr<Subscription> ChangeFeed::Subscribe() {
  auto subscription = std::make_shared<Subscription>();
  absl::MutexLock lock(&mu_);
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
  subscriptions_.erase(
      std::remove(subscriptions_.begin(), subscriptions_.end(), subscription),
      subscriptions_.end());
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
