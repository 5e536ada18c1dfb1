#include "tests/bench/generator.h"

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/policy.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/status_macros.h"

namespace mfh::bench {
namespace {

using domain::Episode;
using domain::Rhi;

// Episodes written per transaction: large, with the bulk-load page cache.
constexpr size_t kBatch = 50000;
// The last 120 days (every window the agenda looks through, the 90-day
// repeat window included) run at a borough's pace; the rest is history.
constexpr int kRecentDays = 120;
constexpr absl::Duration kRecent = absl::Hours(24 * kRecentDays);
constexpr int kRecentPerDay = 5;

class History {
 public:
  History(storage::Store& store, const GenerateOptions& options)
      : store_(store), options_(options), rng_(options.seed) {
    policy_.timezone = absl::UTCTimeZone();
  }

  absl::StatusOr<GenerateStats> Run() {
    const int64_t recent =
        std::min<int64_t>(options_.episodes / 10, kRecentDays * kRecentPerDay);
    const int64_t historic = options_.episodes - recent;
    const int64_t children =
        options_.children > 0 ? options_.children
                              : std::max<int64_t>(100, options_.episodes / 8);
    // Years of history: a year holds at most 50,000 episodes.
    const absl::Duration span = absl::Hours(24 * 365) * (historic / 50000 + 1);
    const absl::Time recent_start = options_.now - kRecent;
    RETURN_IF_ERROR(AddChildren(children));
    RETURN_IF_ERROR(AddEpisodes(historic, recent_start - span, recent_start,
                                /*pool=*/children));
    RETURN_IF_ERROR(AddEpisodes(recent, recent_start, options_.now,
                                /*pool=*/std::min<int64_t>(children, 300)));
    RETURN_IF_ERROR(Flush());
    RETURN_IF_ERROR(AddMeetings());
    return stats_;
  }

 private:
  double Uniform() {
    return std::uniform_real_distribution<double>(0, 1)(rng_);
  }
  absl::Duration Hours(double lo, double hi) {
    return absl::Seconds(
        static_cast<int64_t>((lo + (hi - lo) * Uniform()) * 3600));
  }

  absl::Status AddChildren(int64_t count) {
    for (int64_t done = 0; done < count;) {
      const int64_t n = std::min<int64_t>(kBatch, count - done);
      RETURN_IF_ERROR(
          store_.Write([&](storage::Transaction& tx) -> absl::Status {
            for (int64_t i = done; i < done + n; ++i) {
              domain::Child child;
              child.name = absl::StrCat("Synthetic Child ", i + 1);
              child.date_of_birth =
                  absl::CivilDay(2010 + i % 8, 1 + i % 12, 1 + i % 28);
              child.la_ref = absl::StrCat("SYN-", i + 1);
              child.looked_after = i % 3 == 0;
              child.created_at = options_.now - absl::Hours(24 * 365 * 20);
              ASSIGN_OR_RETURN(child, tx.InsertChild(std::move(child)));
              child_ids_.push_back(child.child_id);
            }
            return absl::OkStatus();
          }));
      done += n;
      stats_.children += n;
    }
    next_free_.assign(child_ids_.size(), absl::InfinitePast());
    return absl::OkStatus();
  }

  // A child for an episode starting at `t`: skewed so that some children go
  // missing again and again, never one still missing at t; -1 if none found.
  int64_t PickChild(int64_t pool, absl::Time t) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      const double u = Uniform();
      const int64_t c = static_cast<int64_t>(static_cast<double>(pool) * u * u);
      if (next_free_[c] <= t) return c;
    }
    return -1;
  }

  absl::Status AddEpisodes(int64_t count, absl::Time from, absl::Time until,
                           int64_t pool) {
    if (count <= 0) return absl::OkStatus();
    const absl::Duration step = (until - from) / count;
    for (int64_t i = 0; i < count; ++i) {
      const absl::Time start = from + step * i;
      const int64_t c = PickChild(pool, start);
      if (c < 0) continue;
      Episode e;
      e.child_id = child_ids_[c];
      e.police_force = "SYN";
      e.police_ref = absl::StrCat("SYN-", ++refs_);
      e.category = Uniform() < 0.8 ? domain::Category::kMissing
                                   : domain::Category::kAbsent;
      e.missing_since = start;
      e.notified_at = start + Hours(0.5, 3);
      const double r = Uniform();
      e.risk = r < 0.1   ? domain::Risk::kHigh
               : r < 0.5 ? domain::Risk::kMedium
               : r < 0.9 ? domain::Risk::kLow
                         : domain::Risk::kNoApparentRisk;
      e.reporter = "synthetic";
      e.risk_history.push_back(
          {e.risk, start, e.notified_at, "synthetic", "reported"});
      const absl::Time back =
          start + (Uniform() < 0.9 ? Hours(2, 48) : Hours(72, 240));
      std::optional<Rhi> rhi;
      if (back + absl::Hours(3) <= options_.now) {
        e.returned_at = back;
        e.return_notified_at = back + Hours(0.2, 3);
        e.found_location = absl::StrCat("Place ", refs_ % 500);
        e.returned_to = domain::ReturnedTo::kHome;
        rhi = domain::NewRhi(policy_, e, absl::CivilDay(2012, 1, 1));
        Close(*rhi);
        next_free_[c] = back;
      } else {
        next_free_[c] = absl::InfiniteFuture();
        ++stats_.open_episodes;
      }
      pending_.emplace_back(std::move(e), std::move(rhi));
      if (pending_.size() >= kBatch) RETURN_IF_ERROR(Flush());
    }
    return absl::OkStatus();
  }

  // Closes the interview as practice does: about two in three on time, the
  // rest late, declined, not held or not required; what would happen after
  // `now` has not happened yet.
  void Close(Rhi& rhi) {
    const double r = Uniform();
    const absl::Time on_time = rhi.return_notified_at + Hours(4, 70);
    const absl::Time late = rhi.due_at + Hours(2, 200);
    auto by_now = [&](absl::Time t) -> std::optional<absl::Time> {
      if (t > options_.now) return std::nullopt;
      return t;
    };
    if (r < 0.62) {
      rhi.completed_at = by_now(on_time);
      rhi.completed_by = "synthetic";
    } else if (r < 0.72) {
      rhi.declined_at = by_now(on_time);
      rhi.decline_reason = "synthetic";
    } else if (r < 0.88) {
      rhi.completed_at = by_now(late);
      rhi.completed_by = "synthetic";
    } else if (late <= options_.now) {
      rhi.closure = r < 0.97 ? domain::RhiClosure::kNotHeld
                             : domain::RhiClosure::kNotRequired;
      rhi.closed_at = late;
      rhi.closed_reason = "synthetic";
    }
  }

  absl::Status Flush() {
    if (pending_.empty()) return absl::OkStatus();
    RETURN_IF_ERROR(store_.Write([&](storage::Transaction& tx) -> absl::Status {
      std::string previous;
      for (auto& [episode, rhi] : pending_) {
        ASSIGN_OR_RETURN(Episode stored, tx.InsertEpisode(std::move(episode)));
        ++stats_.episodes;
        if (rhi.has_value()) {
          rhi->episode_id = stored.episode_id;
          RETURN_IF_ERROR(tx.InsertRhi(*rhi));
          ++stats_.rhis;
        }
        // Every 250th episode is linked with the one before it.
        if (stats_.episodes % 250 == 0 && !previous.empty()) {
          RETURN_IF_ERROR(
              tx.InsertLink({.episode_ids = {previous, stored.episode_id},
                             .reason = "synthetic",
                             .created_by = "synthetic",
                             .created_at = stored.notified_at})
                  .status());
          ++stats_.links;
        }
        previous = stored.episode_id;
      }
      return absl::OkStatus();
    }));
    pending_.clear();
    return absl::OkStatus();
  }

  // A meeting every weekday of the last year, with two actions each: nearly
  // all done, a few dropped, the last fortnight's still open.
  absl::Status AddMeetings() {
    const absl::TimeZone utc = absl::UTCTimeZone();
    const absl::CivilDay today = absl::ToCivilDay(options_.now, utc);
    const size_t recent_children = std::min<size_t>(child_ids_.size(), 80);
    return store_.Write([&](storage::Transaction& tx) -> absl::Status {
      for (absl::CivilDay day = today - 365; day < today; ++day) {
        const absl::Weekday w = absl::GetWeekday(day);
        if (w == absl::Weekday::saturday || w == absl::Weekday::sunday) {
          continue;
        }
        const absl::Time at =
            absl::FromCivil(absl::CivilSecond(day) + (9 * 3600 + 1800), utc);
        domain::Meeting meeting;
        meeting.day = day;
        meeting.state = domain::MeetingState::kClosed;
        meeting.as_of = at;
        meeting.attendees = {"MFH coordinator"};
        meeting.opened_by = "synthetic";
        meeting.opened_at = at;
        meeting.closed_at = at + absl::Hours(1);
        ASSIGN_OR_RETURN(meeting, tx.InsertMeeting(std::move(meeting)));
        ++stats_.meetings;
        for (int k = 0; k < 2; ++k) {
          domain::Action action;
          action.child_id = child_ids_[static_cast<size_t>(
              Uniform() * static_cast<double>(recent_children))];
          action.meeting_id = meeting.meeting_id;
          action.meeting_day = day;
          action.what = "Synthetic action";
          action.who = "Synthetic agency";
          action.by_when = at + absl::Hours(24 * 7);
          action.done_when = "Recorded";
          action.created_by = "synthetic";
          action.created_at = at;
          if (day < today - 14) {
            const bool dropped = Uniform() < 0.05;
            action.status = dropped ? domain::ActionStatus::kDropped
                                    : domain::ActionStatus::kDone;
            action.done_evidence = dropped ? "" : "Recorded";
            action.drop_reason = dropped ? "Superseded" : "";
            action.closed_at = at + absl::Hours(24 * 5);
          }
          RETURN_IF_ERROR(tx.InsertAction(std::move(action)).status());
          ++stats_.actions;
        }
      }
      return absl::OkStatus();
    });
  }

  storage::Store& store_;
  const GenerateOptions options_;
  std::mt19937_64 rng_;
  domain::Policy policy_;
  std::vector<std::string> child_ids_;
  std::vector<absl::Time> next_free_;
  std::vector<std::pair<Episode, std::optional<Rhi>>> pending_;
  int64_t refs_ = 0;
  GenerateStats stats_;
};

}  // namespace

absl::StatusOr<GenerateStats> Generate(storage::Store& store,
                                       const GenerateOptions& options) {
  History history(store, options);
  return history.Run();
}

}  // namespace mfh::bench
