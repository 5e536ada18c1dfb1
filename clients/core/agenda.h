// The daily meeting's agenda as both clients present it: its eight sections
// in the order of DESIGN.md section 3, each with its name, title, count and
// entries, so that the CLI's text and CSV and the desktop's table list the
// same sections under the same titles.
#ifndef MFH_CLIENTS_CORE_AGENDA_H_
#define MFH_CLIENTS_CORE_AGENDA_H_

#include <string>
#include <vector>

#include "mfh/v1/types.pb.h"

namespace mfh::client {

// One entry of a section. In the linked section an entry also carries its
// group, and the group's first entry says so (a table labels the group
// once).
struct AgendaItem {
  v1::AgendaEntry entry;
  std::string link_id;
  std::string link_reason;
  bool suggested_link = false;
  bool first_of_group = false;
};

struct AgendaSection {
  enum class Kind {
    kMissingNow,
    kReturned,
    kRhiOverdue,
    kRhiDueSoon,
    kRepeatMissing,
    kLinked,
    kExploitationConcerns,
    kOpenActions,
  };
  Kind kind;
  // The proto field name ("missing_now"), as CSV and JSON name it.
  std::string name;
  // As people read it ("Missing now", "RHI overdue").
  std::string title;
  // The entries, or in the linked section the groups.
  int count = 0;
  std::vector<AgendaItem> items;
};

// The eight sections of `agenda` in order, every one present even when
// empty; entries in the server's order.
std::vector<AgendaSection> PresentAgenda(const v1::Agenda& agenda);

// The exploitation indicators of an entry in words: "CCE, county lines".
std::string IndicatorsText(const v1::AgendaEntry& entry);

// Where and with whom a returned child was found: "found at Park with Jay",
// "found at Park", "found with Jay", or "where found not recorded".
std::string FoundText(const v1::AgendaEntry& entry);

// The child's interview before this return's, dated by its London day:
// "previous RHI completed 2026-02-22: CSE concerns, referral made" (the
// findings left out for a reader the server hides them from), "previous RHI
// declined 2026-02-22", "previous RHI not held, closed 2026-02-22",
// "previous RHI OVERDUE"; "no previous RHI" when there was none.
std::string PreviousRhiText(const v1::AgendaEntry& entry);

// A repeat missing child's count in its window: "3 episodes in 90 days";
// "in the window" for an agenda frozen before entries carried the window.
std::string RepeatText(const v1::AgendaEntry& entry);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_AGENDA_H_
