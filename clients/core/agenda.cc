#include "clients/core/agenda.h"

#include <utility>

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
  sections.push_back(Section(Kind::kOpenActions, "open_actions", "Open actions",
                             agenda.open_actions()));
  return sections;
}

}  // namespace mfh::client
