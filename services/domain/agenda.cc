#include "services/domain/agenda.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "services/domain/episode_rules.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/windows.h"

namespace mfh::domain {
namespace {

bool InForce(const Flag& flag, absl::Time t) {
  return flag.set_at <= t && (!flag.cleared_at || *flag.cleared_at > t);
}

std::vector<std::string> FlagsAt(const Child* child, absl::Time t) {
  static constexpr std::array<absl::string_view, 3> kOrder = {
      kFlagOpenToCst, kFlagCseConcern, kFlagCceConcern};
  std::vector<std::string> flags;
  if (child == nullptr) return flags;
  for (absl::string_view name : kOrder) {
    for (const Flag& f : child->flags) {
      if (f.name == name && InForce(f, t)) {
        flags.emplace_back(name);
        break;
      }
    }
  }
  return flags;
}

// Where an episode's missing period ends, as far as is known at t.
absl::Time PeriodEnd(const Episode& e, absl::Time t) {
  return e.returned_at.has_value() && *e.returned_at <= t
             ? *e.returned_at
             : absl::InfiniteFuture();
}

class Assembler {
 public:
  Assembler(const Policy& policy, absl::Time as_of, const AgendaData& data)
      : policy_(policy), as_of_(as_of) {
    for (const Child& c : data.children) children_[c.child_id] = &c;
    for (const Rhi& r : data.rhis) rhis_[r.episode_id] = &r;
  }

  AgendaEntry ForChild(const std::string& child_id) const {
    AgendaEntry entry;
    entry.child_id = child_id;
    auto it = children_.find(child_id);
    entry.flags = FlagsAt(it == children_.end() ? nullptr : it->second, as_of_);
    return entry;
  }

  AgendaEntry ForEpisode(const Episode& e) const {
    AgendaEntry entry = ForChild(e.child_id);
    entry.episode_id = e.episode_id;
    entry.risk = RiskAt(e.risk_history, as_of_);
    entry.category = e.category;
    entry.missing_since = e.missing_since;
    if (e.returned_at.has_value() && *e.returned_at <= as_of_) {
      entry.returned_at = e.returned_at;
      entry.return_notified_at = e.return_notified_at;
      entry.found_location = e.found_location;
      entry.found_with = e.found_with;
    } else {
      entry.escalation = EscalationReached(policy_, e, as_of_);
    }
    if (const Rhi* rhi = FindRhi(e.episode_id)) {
      entry.due_at = rhi->due_at;
      entry.rhi_status = StatusAsOf(*rhi, as_of_);
    }
    return entry;
  }

  AgendaEntry ForRhi(const Rhi& rhi) const {
    AgendaEntry entry = ForChild(rhi.child_id);
    entry.episode_id = rhi.episode_id;
    entry.returned_at = rhi.returned_at;
    entry.return_notified_at = rhi.return_notified_at;
    entry.due_at = rhi.due_at;
    entry.rhi_status = StatusAsOf(rhi, as_of_);
    return entry;
  }

  PreviousRhi Previous(const Rhi& rhi) const {
    PreviousRhi previous;
    previous.episode_id = rhi.episode_id;
    previous.status = StatusAsOf(rhi, as_of_);
    if (!IsOwed(previous.status)) previous.closed_at = rhi.final_at();
    if (previous.status == RhiStatus::kCompleted) {
      previous.outcome = RhiOutcome{.concerns = rhi.outcome.concerns,
                                    .referral_made = rhi.outcome.referral_made,
                                    .notes = ""};
    }
    return previous;
  }

  const Rhi* FindRhi(const std::string& episode_id) const {
    auto it = rhis_.find(episode_id);
    return it == rhis_.end() ? nullptr : it->second;
  }

 private:
  const Policy& policy_;
  const absl::Time as_of_;
  std::map<std::string, const Child*> children_;
  std::map<std::string, const Rhi*> rhis_;
};

// Orders entries by `key`, then child id, then episode or action id.
template <typename Key>
void SortBy(std::vector<AgendaEntry>& entries, Key key) {
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const AgendaEntry& a, const AgendaEntry& b) {
                     const auto ka = key(a);
                     const auto kb = key(b);
                     if (ka != kb) return ka < kb;
                     if (a.child_id != b.child_id) {
                       return IdLess(a.child_id, b.child_id);
                     }
                     if (a.episode_id != b.episode_id) {
                       return IdLess(a.episode_id, b.episode_id);
                     }
                     return IdLess(a.action_id, b.action_id);
                   });
}

absl::Time Or(const std::optional<absl::Time>& t, absl::Time fallback) {
  return t.value_or(fallback);
}

}  // namespace

bool IdLess(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

absl::Time ReturnedSectionStart(std::optional<absl::Time> previous_as_of,
                                absl::Time as_of) {
  return previous_as_of.value_or(as_of - absl::Hours(24));
}

std::string EscalationReached(const Policy& policy, const Episode& episode,
                              absl::Time t) {
  const absl::Duration missing = t - episode.missing_since;
  std::string step;
  for (const EscalationStep& s : policy.escalation) {
    if (missing >= s.after) step = s.name;
  }
  if (step.empty() && !policy.escalation.empty() &&
      RiskAt(episode.risk_history, t) == Risk::kHigh) {
    step = policy.escalation.front().name;
  }
  return step;
}

absl::Time NextMeetingAfter(const Policy& policy, absl::CivilDay day) {
  absl::CivilDay next = day + 1;
  auto working = [&](absl::CivilDay d) {
    const absl::Weekday w = absl::GetWeekday(d);
    return w != absl::Weekday::saturday && w != absl::Weekday::sunday &&
           std::find(policy.non_working_days.begin(),
                     policy.non_working_days.end(),
                     d) == policy.non_working_days.end();
  };
  while (!working(next)) ++next;
  return absl::FromCivil(
      absl::CivilSecond(next) + absl::ToInt64Seconds(policy.meeting_time),
      policy.timezone);
}

absl::Time DueSoonUntil(const Policy& policy, absl::CivilDay day,
                        absl::Time as_of) {
  return std::max(as_of + policy.due_soon_window,
                  NextMeetingAfter(policy, day));
}

std::string NormalizeLocation(absl::string_view location) {
  std::string out;
  for (char c : absl::StripAsciiWhitespace(location)) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::vector<std::vector<std::string>> SuggestLinks(
    const std::vector<Episode>& candidates, absl::Time as_of) {
  const size_t n = candidates.size();
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::vector<std::string> places(n);
  for (size_t i = 0; i < n; ++i) {
    places[i] = NormalizeLocation(candidates[i].found_location);
  }
  std::vector<bool> linked(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const Episode& a = candidates[i];
      const Episode& b = candidates[j];
      if (places[i].empty() || places[i] != places[j] ||
          a.child_id == b.child_id) {
        continue;
      }
      if (a.missing_since < PeriodEnd(b, as_of) &&
          b.missing_since < PeriodEnd(a, as_of)) {
        parent[find(i)] = find(j);
        linked[i] = linked[j] = true;
      }
    }
  }
  std::map<size_t, std::vector<std::string>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (linked[i]) groups[find(i)].push_back(candidates[i].episode_id);
  }
  std::vector<std::vector<std::string>> out;
  for (auto& [root, ids] : groups) {
    std::sort(ids.begin(), ids.end(), IdLess);
    out.push_back(std::move(ids));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return IdLess(a[0], b[0]); });
  return out;
}

bool InRepeatWindow(const Policy& policy, absl::Time missing_since,
                    absl::Time as_of) {
  return InOpenClosed(missing_since, as_of - policy.repeat_window, as_of);
}

bool IsRepeatMissing(const Policy& policy, int episodes_in_window) {
  return episodes_in_window >= policy.repeat_count;
}

const Rhi* PreviousRhiOf(const Episode& returned,
                         const std::vector<Rhi>& rhis) {
  const Rhi* previous = nullptr;
  for (const Rhi& r : rhis) {
    if (r.child_id != returned.child_id ||
        r.episode_id == returned.episode_id ||
        r.returned_at > returned.missing_since) {
      continue;
    }
    if (previous == nullptr || previous->returned_at < r.returned_at ||
        (previous->returned_at == r.returned_at &&
         IdLess(previous->episode_id, r.episode_id))) {
      previous = &r;
    }
  }
  return previous;
}

bool InLinkWindow(const Policy& policy, absl::Time returned_at,
                  absl::Time as_of) {
  return InClosed(returned_at, as_of - policy.link_window, as_of);
}

Agenda AssembleAgenda(const Policy& policy, absl::CivilDay day,
                      absl::Time as_of, const AgendaData& data) {
  Assembler at(policy, as_of, data);
  Agenda agenda;
  agenda.day = day;
  agenda.as_of = as_of;

  // 1. Missing now: HIGH first down to NO_APPARENT_RISK, then longest missing.
  for (const Episode& e : data.open_at) {
    if (OpenAt(e, as_of)) agenda.missing_now.push_back(at.ForEpisode(e));
  }
  SortBy(agenda.missing_now, [](const AgendaEntry& e) {
    return std::make_tuple(-static_cast<int>(e.risk), *e.missing_since);
  });

  // 2. Returned since the last meeting: earliest due first, then returns
  // that owe no interview.
  for (const Episode& e : data.returned_recently) {
    AgendaEntry entry = at.ForEpisode(e);
    if (const Rhi* previous = PreviousRhiOf(e, data.previous_rhis)) {
      entry.previous_rhi = at.Previous(*previous);
    }
    agenda.returned.push_back(std::move(entry));
  }
  SortBy(agenda.returned, [](const AgendaEntry& e) {
    return Or(e.due_at, absl::InfiniteFuture());
  });

  // 3 and 4. Interviews overdue (most overdue first) and due before the next
  // meeting (earliest first).
  const absl::Time due_soon_until = DueSoonUntil(policy, day, as_of);
  for (const Rhi& rhi : data.rhis) {
    if (!OpenAsOf(rhi, as_of)) continue;
    const RhiStatus status = StatusAsOf(rhi, as_of);
    if (status == RhiStatus::kOverdue) {
      agenda.rhi_overdue.push_back(at.ForRhi(rhi));
    } else if ((status == RhiStatus::kDue || status == RhiStatus::kOffered) &&
               rhi.due_at <= due_soon_until) {
      agenda.rhi_due_soon.push_back(at.ForRhi(rhi));
    }
  }
  auto by_due = [](const AgendaEntry& e) { return *e.due_at; };
  SortBy(agenda.rhi_overdue, by_due);
  SortBy(agenda.rhi_due_soon, by_due);

  // 5. Repeat missing: episodes starting in (T - window, T].
  std::map<std::string, std::vector<const Episode*>> by_child;
  for (const Episode& e : data.repeat_window) {
    if (InRepeatWindow(policy, e.missing_since, as_of)) {
      by_child[e.child_id].push_back(&e);
    }
  }
  for (const auto& [child_id, episodes] : by_child) {
    if (!IsRepeatMissing(policy, static_cast<int>(episodes.size()))) continue;
    const Episode* latest =
        *std::max_element(episodes.begin(), episodes.end(),
                          [](const Episode* a, const Episode* b) {
                            return a->missing_since < b->missing_since;
                          });
    AgendaEntry entry = at.ForChild(child_id);
    entry.episode_id = latest->episode_id;
    entry.missing_since = latest->missing_since;
    entry.episode_count = static_cast<int>(episodes.size());
    entry.repeat_window = policy.repeat_window;
    agenda.repeat_missing.push_back(std::move(entry));
  }
  SortBy(agenda.repeat_missing,
         [](const AgendaEntry& e) { return -e.episode_count; });

  // 6. Linked: stored links among the candidates, then suggestions.
  std::vector<Episode> candidates = data.open_at;
  std::set<std::string> seen;
  for (const Episode& e : candidates) seen.insert(e.episode_id);
  for (const Episode& e : data.returned_in_link_window) {
    if (e.returned_at.has_value() &&
        InLinkWindow(policy, *e.returned_at, as_of) &&
        seen.insert(e.episode_id).second) {
      candidates.push_back(e);
    }
  }
  std::map<std::string, const Episode*> candidate_by_id;
  for (const Episode& e : candidates) candidate_by_id[e.episode_id] = &e;
  std::vector<std::set<std::string>> stored;
  for (const Link& link : data.links) {
    LinkedGroup group{.link_id = link.link_id,
                      .suggested = false,
                      .reason = link.reason,
                      .entries = {}};
    for (const std::string& id : link.episode_ids) {
      auto it = candidate_by_id.find(id);
      if (it != candidate_by_id.end()) {
        group.entries.push_back(at.ForEpisode(*it->second));
      }
    }
    if (group.entries.empty()) continue;
    SortBy(group.entries, [](const AgendaEntry&) { return 0; });
    stored.emplace_back(link.episode_ids.begin(), link.episode_ids.end());
    agenda.linked.push_back(std::move(group));
  }
  std::sort(agenda.linked.begin(), agenda.linked.end(),
            [](const LinkedGroup& a, const LinkedGroup& b) {
              return IdLess(a.link_id, b.link_id);
            });
  for (const std::vector<std::string>& ids : SuggestLinks(candidates, as_of)) {
    const bool known = std::any_of(
        stored.begin(), stored.end(), [&](const std::set<std::string>& s) {
          return std::all_of(
              ids.begin(), ids.end(),
              [&](const std::string& id) { return s.count(id) > 0; });
        });
    if (known) continue;
    LinkedGroup group{.link_id = "",
                      .suggested = true,
                      .reason =
                          "missing at the same time and found at the "
                          "same place",
                      .entries = {}};
    for (const std::string& id : ids) {
      group.entries.push_back(at.ForEpisode(*candidate_by_id.at(id)));
    }
    SortBy(group.entries, [](const AgendaEntry&) { return 0; });
    agenda.linked.push_back(std::move(group));
  }

  // 7. Exploitation concerns: an indicator and no referral yet; earliest
  // completed first.
  for (const FindingsOf& f : data.concerns) {
    if (!IsExploitationConcern(f.findings)) continue;
    AgendaEntry entry = at.ForChild(f.child_id);
    entry.episode_id = f.episode_id;
    entry.indicators = f.findings.indicators;
    entry.completed_at = f.completed_at;
    agenda.exploitation_concerns.push_back(std::move(entry));
  }
  SortBy(agenda.exploitation_concerns, [](const AgendaEntry& e) {
    return e.completed_at.value_or(absl::InfinitePast());
  });
  agenda.intelligence_unacknowledged = data.intelligence_unacknowledged;

  // 8. Open actions from earlier meetings: overdue first, then by by_when.
  for (const Action& a : data.open_actions) {
    AgendaEntry entry = at.ForChild(a.child_id);
    entry.action_id = a.action_id;
    entry.what = a.what;
    entry.who = a.who;
    entry.by_when = a.by_when;
    agenda.open_actions.push_back(std::move(entry));
  }
  SortBy(agenda.open_actions, [&](const AgendaEntry& e) {
    return std::make_tuple(*e.by_when > as_of, *e.by_when);
  });
  return agenda;
}

}  // namespace mfh::domain
