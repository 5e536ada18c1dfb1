#include "services/app/change_feed.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace mfh::app {
namespace {

TEST(ChangeFeedTest, AUserHoldsFourStreamsAndGetsAnotherWhenOneEnds) {
  ChangeFeed feed;
  std::vector<std::shared_ptr<Subscription>> held;
  for (int i = 0; i < 4; ++i) {
    auto s = feed.Subscribe("pc-smith");
    ASSERT_TRUE(s.ok()) << s.status();
    held.push_back(*s);
  }
  auto fifth = feed.Subscribe("pc-smith");
  EXPECT_EQ(fifth.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(fifth.status().message(),
            "WatchBoard: pc-smith already holds 4 streams, the most a user "
            "may; close one first");
  EXPECT_TRUE(feed.Subscribe("dc-jones").ok());
  feed.Unsubscribe(held.back());
  EXPECT_TRUE(feed.Subscribe("pc-smith").ok());
}

TEST(ChangeFeedTest, TheServerHolds256StreamsInAllAndAnotherWhenOneEnds) {
  ChangeFeed feed;
  std::vector<std::shared_ptr<Subscription>> held;
  for (int user = 0; user < 64; ++user) {
    for (int i = 0; i < 4; ++i) {
      auto s = feed.Subscribe(absl::StrCat("user", user));
      ASSERT_TRUE(s.ok()) << user << ": " << s.status();
      held.push_back(*s);
    }
  }
  ASSERT_EQ(held.size(), 256u);
  // A user with no stream at all is refused once the server is full.
  auto refused = feed.Subscribe("user-64");
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(refused.status().message(),
            "WatchBoard: the server already holds 256 streams, the most it "
            "serves; try again later");
  feed.Unsubscribe(held.front());
  EXPECT_TRUE(feed.Subscribe("user-64").ok());
  EXPECT_EQ(feed.Subscribe("user-65").status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace mfh::app
