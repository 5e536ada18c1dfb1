// Holds every selection the SQL makes for speed to the domain's rule: on
// hundreds of generated histories of 2026 that crowd both clock changes
// (29 March, 25 October) and the month boundaries, and share instants so
// that windows end exactly on records, each store method must return exactly
// the records the domain's predicate keeps out of all of them, in the order
// its contract gives; and the monthly counts and the CST measure computed
// from the store's rows must equal those computed from every row.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "services/domain/agenda.h"
#include "services/domain/episode_rules.h"
#include "services/domain/monthly.h"
#include "services/domain/policy.h"
#include "services/domain/reports.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/status_macros.h"
#include "services/domain/windows.h"
#include "services/storage/sqlite/sqlite_store.h"
#include "tests/storage/test_db.h"

namespace mfh::storage {
namespace {

using domain::Action;
using domain::ActionStatus;
using domain::Child;
using domain::ChildFlag;
using domain::Episode;
using domain::Flag;
using domain::Rhi;
using domain::RhiClosure;
using testing::TempDir;

constexpr int kHistories = 200;
constexpr char kAuthority[] = "Barsetshire";

absl::Time Utc(int y, int m, int d, int hh, int mm) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0),
                         absl::UTCTimeZone());
}

absl::TimeZone London() {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &tz));
  return tz;
}

// 01:00 UTC: the clocks go forward, then back.
const absl::Time kSpringChange = Utc(2026, 3, 29, 1, 0);
const absl::Time kAutumnChange = Utc(2026, 10, 25, 1, 0);

// The number in an id ("E12" is 12): the stores order ids as numbers.
int64_t Number(const std::string& id) {
  int64_t n = 0;
  EXPECT_TRUE(absl::SimpleAtoi(id.substr(1), &n)) << id;
  return n;
}

// One generated history, as it was written (with the ids the store gave).
// Voided episodes and their RHIs are written but not kept here: no
// selection may return them.
struct History {
  std::vector<Child> children;
  std::vector<Episode> episodes;
  std::vector<Rhi> rhis;
  std::vector<Action> actions;
  std::vector<ChildFlag> flags;
  // Every instant a record holds, due times included: the edges the queries
  // are put at.
  std::vector<absl::Time> instants;
};

// Random instants and gaps of 2026. Instants are often ones already given,
// so that records share them; gaps are often zero, a microsecond, or
// exactly the 72 hours and 7 days of the rules.
class Maker {
 public:
  explicit Maker(uint64_t seed) : rng_(seed) {}

  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  int Int(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  template <typename T>
  const T& OneOf(const std::vector<T>& values) {
    return values[Int(0, static_cast<int>(values.size()) - 1)];
  }

  absl::Time Instant() {
    const int kind = Int(0, 9);
    if (kind < 3 && !used_.empty()) return Use(OneOf(used_));
    if (kind < 5) return Use(kSpringChange + absl::Minutes(Int(-180, 180)));
    if (kind < 7) return Use(kAutumnChange + absl::Minutes(Int(-180, 180)));
    if (kind < 8) {
      // A local midnight that starts a month.
      return Use(
          absl::FromCivil(absl::CivilSecond(2026, Int(2, 12), 1), London()));
    }
    return Use(Utc(2026, 2, 1, 0, 0) + absl::Minutes(Int(0, 60 * 24 * 300)));
  }

  absl::Time After(absl::Time t) {
    const int kind = Int(0, 19);
    absl::Duration gap;
    if (kind < 2) {
      gap = absl::ZeroDuration();
    } else if (kind < 3) {
      gap = absl::Microseconds(1);
    } else if (kind < 7) {
      gap = absl::Minutes(Int(1, 600));
    } else if (kind < 11) {
      gap = absl::Hours(Int(1, 72));
    } else if (kind < 13) {
      gap = absl::Hours(72);
    } else if (kind < 15) {
      gap = absl::Hours(7 * 24);
    } else {
      gap = absl::Hours(24 * Int(1, 20)) + absl::Minutes(Int(0, 1439));
    }
    return Use(t + gap);
  }

  const std::vector<absl::Time>& used() const { return used_; }

 private:
  absl::Time Use(absl::Time t) {
    used_.push_back(t);
    return t;
  }

  std::mt19937_64 rng_;
  std::vector<absl::Time> used_;
};

// Writes a history of a few children, each with episodes one after another
// (the last perhaps still open), the RHIs of most returns, flags, meetings
// and actions, as the hub's own rules would let them be.
absl::StatusOr<History> Generate(Maker& m, Store& store) {
  History h;
  RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> absl::Status {
    const std::vector<std::string> placings = {"", kAuthority, "Kent"};
    const int children = m.Int(2, 6);
    for (int c = 0; c < children; ++c) {
      Child child;
      child.name = absl::StrCat("Child ", c);
      child.date_of_birth = absl::CivilDay(2011, 5, 1);
      child.la_ref = m.Chance(0.7) ? absl::StrCat("LA-", c) : "";
      child.looked_after = m.Chance(0.6);
      child.placing_authority = m.OneOf(placings);
      child.created_at = Utc(2026, 1, 1, 0, 0);
      for (int f = m.Int(0, 2); f > 0; --f) {
        Flag flag{.name = m.Chance(0.8) ? domain::kFlagOpenToCst
                                        : domain::kFlagCseConcern,
                  .set_at = m.Instant()};
        if (m.Chance(0.5)) flag.cleared_at = m.After(flag.set_at);
        child.flags.push_back(flag);
      }
      ASSIGN_OR_RETURN(child, tx.InsertChild(child));
      for (const Flag& flag : child.flags) {
        h.flags.push_back({.child_id = child.child_id, .flag = flag});
      }
      h.children.push_back(child);

      std::optional<absl::Time> free_from;
      const int episodes = m.Int(0, 7);
      for (int e = 0; e < episodes; ++e) {
        Episode ep;
        ep.child_id = child.child_id;
        ep.police_force = "GMP";
        ep.police_ref = absl::StrCat(c, "-", e);
        ep.category = m.Chance(0.8) ? domain::Category::kMissing
                                    : domain::Category::kAbsent;
        ep.missing_since =
            free_from.has_value() ? m.After(*free_from) : m.Instant();
        ep.notified_at = m.After(ep.missing_since);
        ep.risk = domain::Risk::kMedium;
        ep.risk_history.push_back({.risk = ep.risk,
                                   .from = ep.missing_since,
                                   .recorded_at = ep.notified_at,
                                   .recorded_by = "police1",
                                   .reason = "reported"});
        const bool last = e == episodes - 1;
        if (!last || m.Chance(0.6)) {
          ep.returned_at = m.After(ep.missing_since);
          ep.return_notified_at = m.After(*ep.returned_at);
          free_from = ep.returned_at;
        }
        if (m.Chance(0.1)) {
          ep.voided_at = m.After(ep.notified_at);
          ep.void_reason = "reported in error";
        }
        ASSIGN_OR_RETURN(ep, tx.InsertEpisode(ep));
        if (!ep.voided()) h.episodes.push_back(ep);
        if (!ep.returned_at.has_value() || m.Chance(0.1)) continue;

        Rhi rhi;
        rhi.episode_id = ep.episode_id;
        rhi.child_id = ep.child_id;
        rhi.returned_at = *ep.returned_at;
        rhi.return_notified_at = *ep.return_notified_at;
        rhi.voided_at = ep.voided_at;
        domain::Policy policy;
        if (m.Chance(0.5)) {
          policy.rhi_clock_start = domain::RhiClockStart::kReturn;
        }
        domain::SetDueTimes(policy, rhi);
        absl::Time last_event = rhi.returned_at;
        if (m.Chance(0.5)) {
          rhi.offered_at = m.After(last_event);
          last_event = *rhi.offered_at;
        }
        switch (m.Int(0, 9)) {
          case 0:
          case 1:
          case 2:
            break;
          case 3:
          case 4:
          case 5:
            rhi.completed_at = m.After(last_event);
            break;
          case 6:
          case 7:
            rhi.declined_at = m.After(last_event);
            break;
          case 8:
            rhi.closure = RhiClosure::kNotHeld;
            rhi.closed_at = m.After(last_event);
            break;
          default:
            rhi.closure = RhiClosure::kNotRequired;
            rhi.closed_at = rhi.return_notified_at;
            break;
        }
        RETURN_IF_ERROR(tx.InsertRhi(rhi));
        if (!ep.voided()) h.rhis.push_back(rhi);
      }
    }

    std::set<absl::CivilDay> days;
    for (int i = m.Int(1, 4); i > 0; --i) {
      days.insert(absl::ToCivilDay(m.Instant(), London()));
    }
    for (absl::CivilDay day : days) {
      domain::Meeting meeting;
      meeting.day = day;
      meeting.as_of =
          absl::FromCivil(absl::CivilSecond(day), London()) + absl::Hours(9);
      meeting.opened_at = meeting.as_of;
      ASSIGN_OR_RETURN(meeting, tx.InsertMeeting(meeting));
      for (int i = m.Int(0, 4); i > 0; --i) {
        Action a;
        a.child_id = m.OneOf(h.children).child_id;
        a.meeting_id = meeting.meeting_id;
        a.what = "w";
        a.created_at = meeting.as_of;
        a.by_when = m.Chance(0.5) ? m.After(meeting.as_of) : m.Instant();
        const int status = m.Int(0, 4);
        if (status >= 2) {
          a.status = status == 4 ? ActionStatus::kDropped : ActionStatus::kDone;
          a.closed_at = m.After(m.Chance(0.5) ? a.by_when : a.created_at);
        }
        ASSIGN_OR_RETURN(a, tx.InsertAction(a));
        h.actions.push_back(a);
      }
    }
    return absl::OkStatus();
  }));
  h.instants = m.used();
  h.instants.push_back(kSpringChange);
  h.instants.push_back(kAutumnChange);
  for (const Rhi& rhi : h.rhis) {
    h.instants.push_back(rhi.due_at);
    h.instants.push_back(rhi.due_at_from_return);
  }
  return h;
}

// The ids of `records` that `keep` keeps, ordered by `key` then id number:
// what a store's selection must return.
template <typename T>
std::vector<std::string> Expected(
    const std::vector<T>& records, const std::function<bool(const T&)>& keep,
    const std::function<absl::Time(const T&)>& key,
    const std::function<std::string(const T&)>& id) {
  std::vector<const T*> kept;
  for (const T& r : records) {
    if (keep(r)) kept.push_back(&r);
  }
  std::sort(kept.begin(), kept.end(), [&](const T* a, const T* b) {
    return std::make_tuple(key(*a), Number(id(*a))) <
           std::make_tuple(key(*b), Number(id(*b)));
  });
  std::vector<std::string> ids;
  for (const T* r : kept) ids.push_back(id(*r));
  return ids;
}

std::string EpisodeId(const Episode& e) { return e.episode_id; }
std::string RhiId(const Rhi& r) { return r.episode_id; }
std::string ActionId(const Action& a) { return a.action_id; }

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& records,
                             std::string (*id)(const T&)) {
  std::vector<std::string> ids;
  for (const T& r : records) ids.push_back(id(r));
  return ids;
}

class Selections : public ::testing::Test {
 protected:
  // Runs `fn` in a read of the current history's store.
  template <typename T>
  T Read(const std::function<absl::StatusOr<T>(Transaction&)>& fn) {
    T out{};
    absl::Status status = store_->Read([&](Transaction& tx) -> absl::Status {
      ASSIGN_OR_RETURN(out, fn(tx));
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return out;
  }

  // Writes history `seed` to a new store; the instants to query at: a
  // sample of the history's own instants, exactly and a microsecond either
  // side, and the clock changes.
  bool NewHistory(uint64_t seed) {
    dir_ = std::make_unique<TempDir>();
    auto store = SqliteStore::Open(dir_->File("hub.db"));
    EXPECT_TRUE(store.ok()) << store.status();
    if (!store.ok()) return false;
    store_ = *std::move(store);
    EXPECT_TRUE(store_->UseForBulkLoad().ok());
    Maker m(seed);
    absl::StatusOr<History> h = Generate(m, *store_);
    EXPECT_TRUE(h.ok()) << h.status();
    if (!h.ok()) return false;
    history_ = *std::move(h);
    std::set<absl::Time> at = {kSpringChange, kAutumnChange};
    for (int i = 0; i < 24; ++i) {
      const absl::Time t = m.OneOf(history_.instants);
      at.insert(t);
      if (i % 3 == 0) {
        at.insert(t - absl::Microseconds(1));
        at.insert(t + absl::Microseconds(1));
      }
    }
    instants_.assign(at.begin(), at.end());
    rng_ = std::make_unique<Maker>(seed ^ 0x5eed);
    return true;
  }

  std::string Where(uint64_t seed, absl::Time t) const {
    return absl::StrCat("history ", seed, " at ", absl::FormatTime(t));
  }

  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<SqliteStore> store_;
  History history_;
  std::vector<absl::Time> instants_;
  std::unique_ptr<Maker> rng_;
};

TEST_F(Selections, TheAgendasSelectionsEqualTheDomainsFiltersAtEveryEdge) {
  for (uint64_t seed = 1; seed <= kHistories; ++seed) {
    ASSERT_TRUE(NewHistory(seed));
    const History& h = history_;
    for (const Episode& e : h.episodes) {
      const std::optional<Rhi> found = Read<std::optional<Rhi>>(
          [&](Transaction& tx) { return tx.FindPreviousRhi(e); });
      const Rhi* expected = domain::PreviousRhiOf(e, h.rhis);
      EXPECT_EQ(found.has_value() ? found->episode_id : "none",
                expected != nullptr ? expected->episode_id : "none")
          << "FindPreviousRhi against domain::PreviousRhiOf, history " << seed
          << " episode " << e.episode_id;
    }
    for (absl::Time t : instants_) {
      SCOPED_TRACE(Where(seed, t));
      auto missing_since = [](const Episode& e) { return e.missing_since; };

      EXPECT_EQ(Ids(Read<std::vector<Episode>>([&](Transaction& tx) {
                      return tx.ListEpisodesOpenAt(t);
                    }),
                    EpisodeId),
                Expected<Episode>(
                    h.episodes,
                    [&](const Episode& e) { return domain::OpenAt(e, t); },
                    missing_since, EpisodeId))
          << "ListEpisodesOpenAt against domain::OpenAt";

      domain::Policy policy;
      policy.repeat_window =
          rng_->Chance(0.5) ? absl::Hours(24 * 90) : absl::Hours(24 * 28);
      EXPECT_EQ(Ids(Read<std::vector<Episode>>([&](Transaction& tx) {
                      return tx.ListEpisodesStartedIn(t - policy.repeat_window,
                                                      t);
                    }),
                    EpisodeId),
                Expected<Episode>(
                    h.episodes,
                    [&](const Episode& e) {
                      return domain::InRepeatWindow(policy, e.missing_since, t);
                    },
                    missing_since, EpisodeId))
          << "ListEpisodesStartedIn against domain::InRepeatWindow";

      EXPECT_EQ(Ids(Read<std::vector<Episode>>([&](Transaction& tx) {
                      return tx.ListEpisodesReturnedIn(t - policy.link_window,
                                                       t);
                    }),
                    EpisodeId),
                Expected<Episode>(
                    h.episodes,
                    [&](const Episode& e) {
                      return e.returned_at.has_value() &&
                             domain::InLinkWindow(policy, *e.returned_at, t);
                    },
                    [](const Episode& e) { return *e.returned_at; }, EpisodeId))
          << "ListEpisodesReturnedIn against domain::InLinkWindow";

      // The returned section starts at a previous meeting's as_of (any
      // instant before t here) or 24 hours before t.
      const absl::Time after = domain::ReturnedSectionStart(
          rng_->Chance(0.5)
              ? std::optional<absl::Time>(std::min(t, rng_->OneOf(h.instants)))
              : std::nullopt,
          t);
      EXPECT_EQ(Ids(Read<std::vector<Episode>>([&](Transaction& tx) {
                      return tx.ListEpisodesReturnNotifiedIn(after, t);
                    }),
                    EpisodeId),
                Expected<Episode>(
                    h.episodes,
                    [&](const Episode& e) {
                      return e.return_notified_at.has_value() &&
                             domain::InOpenClosed(*e.return_notified_at, after,
                                                  t);
                    },
                    [](const Episode& e) { return *e.return_notified_at; },
                    EpisodeId))
          << "ListEpisodesReturnNotifiedIn against the returned section";

      auto due = [](const Rhi& r) { return r.due_at; };
      EXPECT_EQ(
          Ids(Read<std::vector<Rhi>>([&](Transaction& tx) {
                return tx.ListRhis(RhiFilter{.open_as_of = t});
              }),
              RhiId),
          Expected<Rhi>(
              h.rhis, [&](const Rhi& r) { return domain::OpenAsOf(r, t); }, due,
              RhiId))
          << "ListRhis(open_as_of) against domain::OpenAsOf";

      const absl::Time due_before = rng_->OneOf(h.instants);
      const std::string child =
          h.children.empty() ? "" : rng_->OneOf(h.children).child_id;
      EXPECT_EQ(Ids(Read<std::vector<Rhi>>([&](Transaction& tx) {
                      return tx.ListRhis(RhiFilter{.child_id = child,
                                                   .open_as_of = t,
                                                   .due_before = due_before});
                    }),
                    RhiId),
                Expected<Rhi>(
                    h.rhis,
                    [&](const Rhi& r) {
                      return (child.empty() || r.child_id == child) &&
                             r.due_at < due_before && domain::OpenAsOf(r, t);
                    },
                    due, RhiId))
          << "ListRhis(child, open_as_of, due_before) against "
             "domain::OpenAsOf";
    }
  }
}

// The periods the reports count: the months of 2026 in London, the
// financial quarters and the SSDA903 year across both clock changes, and
// periods between the history's own instants.
std::vector<domain::Period> Periods(Maker& m, const History& h) {
  std::vector<domain::Period> periods;
  for (int month = 2; month <= 11; ++month) {
    periods.push_back(*domain::ParseMonth(
        "month", absl::StrFormat("2026-%02d", month), London()));
  }
  for (const char* quarter : {"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"}) {
    periods.push_back(*domain::ParseQuarter("quarter", quarter, London()));
  }
  periods.push_back(*domain::ParseSsdaYear("year", "2025", London()));
  periods.push_back(*domain::ParseSsdaYear("year", "2026", London()));
  for (int i = 0; i < 6; ++i) {
    absl::Time a = m.OneOf(h.instants);
    absl::Time b = m.OneOf(h.instants);
    if (b < a) std::swap(a, b);
    periods.push_back(domain::Period{.label = "between instants",
                                     .first_day = absl::ToCivilDay(a, London()),
                                     .end_day = absl::ToCivilDay(b, London()),
                                     .start = a,
                                     .end = b});
  }
  return periods;
}

TEST_F(Selections, TheReportsSelectionsAndCountsEqualTheDomainsWindows) {
  for (uint64_t seed = 1; seed <= kHistories; ++seed) {
    ASSERT_TRUE(NewHistory(seed));
    const History& h = history_;
    std::map<std::string, const Child*> child_of;
    for (const Child& c : h.children) child_of[c.child_id] = &c;
    for (const domain::Period& p : Periods(*rng_, h)) {
      SCOPED_TRACE(absl::StrCat(Where(seed, p.start), " to ",
                                absl::FormatTime(p.end), " (", p.label, ")"));
      const absl::Time from = p.start;
      const absl::Time until = p.end;
      auto in_period = [&](absl::Time t) {
        return domain::InClosedOpen(t, from, until);
      };
      auto started = [&](const Episode& e) {
        return in_period(e.missing_since);
      };

      EXPECT_EQ(Read<int>([&](Transaction& tx) {
                  return tx.CountEpisodesStartedInPeriod(from, until);
                }),
                std::count_if(h.episodes.begin(), h.episodes.end(), started))
          << "CountEpisodesStartedInPeriod";
      EXPECT_EQ(Read<int>([&](Transaction& tx) {
                  return tx.CountEpisodesReturnedInPeriod(from, until);
                }),
                std::count_if(h.episodes.begin(), h.episodes.end(),
                              [&](const Episode& e) {
                                return e.returned_at.has_value() &&
                                       in_period(*e.returned_at);
                              }))
          << "CountEpisodesReturnedInPeriod";

      std::vector<domain::PlacedEpisode> placed =
          Read<std::vector<domain::PlacedEpisode>>([&](Transaction& tx) {
            return tx.ListEpisodesStartedInPeriod(from, until);
          });
      std::vector<Episode> placed_episodes;
      for (const domain::PlacedEpisode& pe : placed) {
        placed_episodes.push_back(pe.episode);
        const Child* c = child_of.at(pe.episode.child_id);
        EXPECT_EQ(pe.looked_after, c->looked_after);
        EXPECT_EQ(pe.placing_authority, c->placing_authority);
      }
      EXPECT_EQ(
          Ids(placed_episodes, EpisodeId),
          Expected<Episode>(
              h.episodes, started,
              [](const Episode& e) { return e.missing_since; }, EpisodeId))
          << "ListEpisodesStartedInPeriod";

      struct RhiWindow {
        const char* name;
        std::function<absl::StatusOr<std::vector<Rhi>>(Transaction&)> list;
        std::function<std::optional<absl::Time>(const Rhi&)> column;
      };
      for (const RhiWindow& w : std::vector<RhiWindow>{
               {"ListRhisDueInPeriod",
                [&](Transaction& tx) {
                  return tx.ListRhisDueInPeriod(from, until);
                },
                [](const Rhi& r) { return r.due_at; }},
               {"ListRhisDueFromReturnInPeriod",
                [&](Transaction& tx) {
                  return tx.ListRhisDueFromReturnInPeriod(from, until);
                },
                [](const Rhi& r) { return r.due_at_from_return; }},
               {"ListRhisCompletedInPeriod",
                [&](Transaction& tx) {
                  return tx.ListRhisCompletedInPeriod(from, until);
                },
                [](const Rhi& r) { return r.completed_at; }},
           }) {
        EXPECT_EQ(Ids(Read<std::vector<Rhi>>(w.list), RhiId),
                  Expected<Rhi>(
                      h.rhis,
                      [&](const Rhi& r) {
                        return w.column(r).has_value() &&
                               in_period(*w.column(r));
                      },
                      [&](const Rhi& r) { return *w.column(r); }, RhiId))
            << w.name;
      }

      EXPECT_EQ(Ids(Read<std::vector<Action>>([&](Transaction& tx) {
                      return tx.ListActionsClosedInPeriod(from, until);
                    }),
                    ActionId),
                Expected<Action>(
                    h.actions,
                    [&](const Action& a) {
                      return a.closed_at.has_value() && in_period(*a.closed_at);
                    },
                    [](const Action& a) { return *a.closed_at; }, ActionId))
          << "ListActionsClosedInPeriod";
      auto by_when = [](const Action& a) { return a.by_when; };
      EXPECT_EQ(
          Ids(Read<std::vector<Action>>([&](Transaction& tx) {
                return tx.ListActionsDueInPeriod(from, until);
              }),
              ActionId),
          Expected<Action>(
              h.actions, [&](const Action& a) { return in_period(a.by_when); },
              by_when, ActionId))
          << "ListActionsDueInPeriod";
      EXPECT_EQ(Ids(Read<std::vector<Action>>([&](Transaction& tx) {
                      return tx.ListActionsOpenAtEndOf(until);
                    }),
                    ActionId),
                Expected<Action>(
                    h.actions,
                    [&](const Action& a) {
                      return domain::ActionOpenAtEndOf(a, until);
                    },
                    by_when, ActionId))
          << "ListActionsOpenAtEndOf against domain::ActionOpenAtEndOf";
      std::vector<std::pair<absl::CivilDay, int64_t>> expected_agreed;
      for (const Action& a : h.actions) {
        if (a.meeting_day >= p.first_day && a.meeting_day < p.end_day) {
          expected_agreed.push_back({a.meeting_day, Number(a.action_id)});
        }
      }
      std::sort(expected_agreed.begin(), expected_agreed.end());
      std::vector<std::string> expected_agreed_ids;
      for (const auto& [day, n] : expected_agreed) {
        expected_agreed_ids.push_back(absl::StrCat("A", n));
      }
      EXPECT_EQ(Ids(Read<std::vector<Action>>([&](Transaction& tx) {
                      return tx.ListActionsAgreedOnDays(p.first_day, p.end_day);
                    }),
                    ActionId),
                expected_agreed_ids)
          << "ListActionsAgreedOnDays";

      std::vector<std::string> flags;
      for (const ChildFlag& f :
           Read<std::vector<ChildFlag>>([&](Transaction& tx) {
             return tx.ListFlagsSetBefore(domain::kFlagOpenToCst, until);
           })) {
        flags.push_back(
            absl::StrCat(f.child_id, "@", absl::FormatTime(f.flag.set_at)));
      }
      std::vector<std::string> expected_flags;
      for (const ChildFlag& f : h.flags) {
        if (f.flag.name == domain::kFlagOpenToCst && f.flag.set_at < until) {
          expected_flags.push_back(
              absl::StrCat(f.child_id, "@", absl::FormatTime(f.flag.set_at)));
        }
      }
      std::sort(flags.begin(), flags.end());
      std::sort(expected_flags.begin(), expected_flags.end());
      EXPECT_EQ(flags, expected_flags) << "ListFlagsSetBefore";

      for (const Child& c : h.children) {
        std::vector<absl::Time> expected;
        for (const Episode& e : h.episodes) {
          if (e.child_id == c.child_id && started(e)) {
            expected.push_back(e.missing_since);
          }
        }
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(Read<std::vector<absl::Time>>([&](Transaction& tx) {
                    return tx.ListEpisodeStartsOfChild(c.child_id, from, until);
                  }),
                  expected)
            << "ListEpisodeStartsOfChild " << c.child_id;
      }

      std::vector<std::string> ssda;
      std::vector<std::string> expected_ssda;
      for (const domain::SsdaEpisode& e :
           Read<std::vector<domain::SsdaEpisode>>([&](Transaction& tx) {
             return tx.ListSsdaEpisodes(from, until);
           })) {
        ssda.push_back(e.episode_id);
        const Child* c = child_of.at(e.child_id);
        EXPECT_EQ(e.looked_after, c->looked_after);
        EXPECT_EQ(e.placing_authority, c->placing_authority);
      }
      for (const Episode& e : h.episodes) {
        domain::SsdaEpisode s{.child_id = e.child_id,
                              .episode_id = e.episode_id,
                              .missing_since = e.missing_since,
                              .returned_at = e.returned_at};
        if (domain::InSsdaPeriod(s, from, until)) {
          expected_ssda.push_back(e.episode_id);
        }
      }
      std::sort(ssda.begin(), ssda.end());
      std::sort(expected_ssda.begin(), expected_ssda.end());
      EXPECT_EQ(ssda, expected_ssda) << "ListSsdaEpisodes against "
                                        "domain::InSsdaPeriod";
    }
  }
}

bool operator==(const domain::MonthlyCounts& a,
                const domain::MonthlyCounts& b) {
  return std::tie(a.episodes, a.missing_episodes, a.absent_episodes,
                  a.looked_after_episodes, a.other_authority_episodes,
                  a.children, a.repeat_children, a.returns, a.rhis_due,
                  a.rhis_offered_on_time, a.rhis_met, a.rhis_completed_on_time,
                  a.rhis_declined_on_time, a.rhis_due_from_return,
                  a.rhis_met_from_return, a.actions_agreed, a.actions_done,
                  a.actions_overdue) ==
         std::tie(b.episodes, b.missing_episodes, b.absent_episodes,
                  b.looked_after_episodes, b.other_authority_episodes,
                  b.children, b.repeat_children, b.returns, b.rhis_due,
                  b.rhis_offered_on_time, b.rhis_met, b.rhis_completed_on_time,
                  b.rhis_declined_on_time, b.rhis_due_from_return,
                  b.rhis_met_from_return, b.actions_agreed, b.actions_done,
                  b.actions_overdue);
}

std::string Show(const domain::MonthlyCounts& c) {
  return absl::StrJoin(
      {c.episodes, c.missing_episodes, c.absent_episodes,
       c.looked_after_episodes, c.other_authority_episodes, c.children,
       c.repeat_children, c.returns, c.rhis_due, c.rhis_offered_on_time,
       c.rhis_met, c.rhis_completed_on_time, c.rhis_declined_on_time,
       c.rhis_due_from_return, c.rhis_met_from_return, c.actions_agreed,
       c.actions_done, c.actions_overdue},
      ",");
}

TEST_F(Selections, TheMonthsCountsFromTheStoresRowsEqualThoseFromEveryRow) {
  domain::Policy policy;
  policy.authority = kAuthority;
  policy.timezone = London();
  for (uint64_t seed = 1; seed <= kHistories; ++seed) {
    ASSERT_TRUE(NewHistory(seed));
    const History& h = history_;
    std::map<std::string, const Child*> child_of;
    for (const Child& c : h.children) child_of[c.child_id] = &c;
    for (int month = 2; month <= 11; ++month) {
      const domain::Period p = *domain::ParseMonth(
          "month", absl::StrFormat("2026-%02d", month), London());
      SCOPED_TRACE(absl::StrCat("history ", seed, " month ", p.label));
      domain::MonthlyData every{.from = p.start,
                                .until = p.end,
                                .first_day = p.first_day,
                                .end_day = p.end_day};
      for (const Episode& e : h.episodes) {
        const Child* c = child_of.at(e.child_id);
        every.episodes.push_back({.episode = e,
                                  .looked_after = c->looked_after,
                                  .placing_authority = c->placing_authority});
        if (e.returned_at.has_value() &&
            domain::InClosedOpen(*e.returned_at, p.start, p.end)) {
          ++every.returns;
        }
      }
      every.rhis_due = h.rhis;
      every.rhis_due_from_return = h.rhis;
      every.actions_agreed = h.actions;
      every.actions_closed = h.actions;
      every.actions_open_at_end = h.actions;

      domain::MonthlyData stored = every;
      absl::Status read = store_->Read([&](Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(stored.episodes,
                         tx.ListEpisodesStartedInPeriod(
                             p.start - policy.repeat_window, p.end));
        ASSIGN_OR_RETURN(stored.returns,
                         tx.CountEpisodesReturnedInPeriod(p.start, p.end));
        ASSIGN_OR_RETURN(stored.rhis_due,
                         tx.ListRhisDueInPeriod(p.start, p.end));
        ASSIGN_OR_RETURN(stored.rhis_due_from_return,
                         tx.ListRhisDueFromReturnInPeriod(p.start, p.end));
        ASSIGN_OR_RETURN(stored.actions_agreed,
                         tx.ListActionsAgreedOnDays(p.first_day, p.end_day));
        ASSIGN_OR_RETURN(stored.actions_closed,
                         tx.ListActionsClosedInPeriod(p.start, p.end));
        ASSIGN_OR_RETURN(stored.actions_open_at_end,
                         tx.ListActionsOpenAtEndOf(p.end));
        return absl::OkStatus();
      });
      ASSERT_TRUE(read.ok()) << read;
      const domain::MonthlyCounts from_store =
          domain::CountMonth(policy, stored);
      const domain::MonthlyCounts from_every =
          domain::CountMonth(policy, every);
      EXPECT_TRUE(from_store == from_every)
          << "store " << Show(from_store) << "\nevery " << Show(from_every);

      // The CST measure: the cohort from every flag, and each window's
      // starts from every episode, against the store's.
      const std::vector<domain::CstWindow> cohort =
          domain::CstCohort(h.flags, p.start, p.end);
      std::vector<std::vector<absl::Time>> every_starts;
      std::vector<std::vector<absl::Time>> stored_starts;
      for (const domain::CstWindow& w : cohort) {
        every_starts.emplace_back();
        for (const Episode& e : h.episodes) {
          if (e.child_id == w.child_id) {
            every_starts.back().push_back(e.missing_since);
          }
        }
        stored_starts.push_back(
            Read<std::vector<absl::Time>>([&](Transaction& tx) {
              return tx.ListEpisodeStartsOfChild(w.child_id, w.before_from,
                                                 w.stop);
            }));
      }
      auto windows = [](const std::vector<domain::CstWindow>& c) {
        std::vector<std::tuple<std::string, absl::Time, absl::Time, absl::Time>>
            out;
        for (const domain::CstWindow& w : c) {
          out.emplace_back(w.child_id, w.before_from, w.set_at, w.stop);
        }
        std::sort(out.begin(), out.end());
        return out;
      };
      const std::vector<ChildFlag> stored_flags =
          Read<std::vector<ChildFlag>>([&](Transaction& tx) {
            return tx.ListFlagsSetBefore(domain::kFlagOpenToCst, p.end);
          });
      EXPECT_EQ(windows(domain::CstCohort(stored_flags, p.start, p.end)),
                windows(cohort));
      const domain::CstMeasure a = domain::MeasureCst(cohort, stored_starts);
      const domain::CstMeasure b = domain::MeasureCst(cohort, every_starts);
      EXPECT_EQ(std::tie(a.children, a.episodes_while_open, a.episodes_before),
                std::tie(b.children, b.episodes_while_open, b.episodes_before));
    }
  }
}

}  // namespace
}  // namespace mfh::storage
