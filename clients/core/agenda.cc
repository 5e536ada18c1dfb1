#include "clients/core/agenda.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::client {
namespace {

using Entries = google::protobuf::RepeatedPtrField<v1::AgendaEntry>;

AgendaSection Section(AgendaSection::Kind kind, std::string name,
                      std::string title, const Entries& entries) {
  AgendaSection section{.kind = kind,
                        .name = std::move(name),
                        .title = std::move(title),
                        .count = entries.size()};
  for (const v1::AgendaEntry& e : entries)
    section.items.push_back({.entry = e});
  return section;
}

// "no concerns", "CSE concerns", "CSE and CCE concerns"; "concerns not
// recorded" for an outcome without them.
std::string ConcernsText(const v1::RhiOutcome& outcome) {
  std::vector<std::string> named;
  for (int c : outcome.concerns()) {
    if (c != v1::CONCERN_NONE) {
      named.push_back(ConcernLabel(static_cast<v1::Concern>(c)));
    }
  }
  if (!named.empty())
    return absl::StrCat(absl::StrJoin(named, " and "), " concerns");
  return outcome.concerns().empty() ? "concerns not recorded" : "no concerns";
}

AgendaSection Linked(const v1::Agenda& agenda) {
  AgendaSection section{.kind = AgendaSection::Kind::kLinked,
                        .name = "linked",
                        .title = "Linked episodes",
                        .count = agenda.linked_size()};
  for (const v1::LinkedGroup& g : agenda.linked()) {
    bool first = true;
    for (const v1::AgendaEntry& e : g.entries()) {
      section.items.push_back({.entry = e,
                               .link_id = g.link_id(),
                               .link_reason = g.reason(),
                               .suggested_link = g.suggested(),
                               .first_of_group = first});
      first = false;
    }
  }
  return section;
}

}  // namespace

std::vector<AgendaSection> PresentAgenda(const v1::Agenda& agenda) {
  using Kind = AgendaSection::Kind;
  std::vector<AgendaSection> sections;
  sections.push_back(Section(Kind::kMissingNow, "missing_now", "Missing now",
                             agenda.missing_now()));
  sections.push_back(Section(Kind::kReturned, "returned",
                             "Returned since the last meeting",
                             agenda.returned()));
  sections.push_back(Section(Kind::kRhiOverdue, "rhi_overdue", "RHI overdue",
                             agenda.rhi_overdue()));
  sections.push_back(Section(Kind::kRhiDueSoon, "rhi_due_soon",
                             "RHI due before the next meeting",
                             agenda.rhi_due_soon()));
  sections.push_back(Section(Kind::kRepeatMissing, "repeat_missing",
                             "Repeat missing", agenda.repeat_missing()));
  sections.push_back(Linked(agenda));
  sections.push_back(Section(Kind::kExploitationConcerns,
                             "exploitation_concerns", "Exploitation concerns",
                             agenda.exploitation_concerns()));
  sections.push_back(Section(Kind::kOpenActions, "open_actions", "Open actions",
                             agenda.open_actions()));
  return sections;
}

std::string IndicatorsText(const v1::AgendaEntry& e) {
  return EnumList(v1::ExploitationIndicator_descriptor(), e.indicators(), "");
}

std::string FoundText(const v1::AgendaEntry& e) {
  if (e.found_location().empty() && e.found_with().empty()) {
    return "where found not recorded";
  }
  std::string out = "found";
  if (!e.found_location().empty())
    absl::StrAppend(&out, " at ", e.found_location());
  if (!e.found_with().empty()) absl::StrAppend(&out, " with ", e.found_with());
  return out;
}

std::string PreviousRhiText(const v1::AgendaEntry& e) {
  if (!e.has_previous_rhi()) return "no previous RHI";
  const v1::PreviousRhi& p = e.previous_rhi();
  const std::string day =
      p.has_closed_at()
          ? absl::FormatTime("%Y-%m-%d", FromTimestamp(p.closed_at()), London())
          : "";
  switch (p.status()) {
    case v1::RHI_STATUS_COMPLETED: {
      std::string out = absl::StrCat("previous RHI completed ", day);
      if (p.has_outcome()) {
        absl::StrAppend(
            &out, ": ", ConcernsText(p.outcome()), ", ",
            p.outcome().referral_made() ? "referral made" : "no referral");
      }
      return out;
    }
    case v1::RHI_STATUS_DECLINED:
      return absl::StrCat("previous RHI declined ", day);
    case v1::RHI_STATUS_NOT_HELD:
      return absl::StrCat("previous RHI not held, closed ", day);
    case v1::RHI_STATUS_NOT_REQUIRED:
      return "previous RHI not required";
    case v1::RHI_STATUS_OVERDUE:
      return "previous RHI OVERDUE";
    case v1::RHI_STATUS_OFFERED:
      return "previous RHI offered, not yet held";
    default:
      return "previous RHI due, not yet held";
  }
}

std::string RepeatText(const v1::AgendaEntry& e) {
  const std::string episodes = absl::StrCat(
      e.episode_count(), e.episode_count() == 1 ? " episode" : " episodes");
  if (!e.has_repeat_window()) return absl::StrCat(episodes, " in the window");
  return absl::StrCat(episodes, " in ",
                      FormatDays(FromDuration(e.repeat_window())));
}

}  // namespace mfh::client
