// How the daily meeting's agenda and minutes are shown: the agenda as the
// coordinator reads it aloud (seven sections, one line per child), its CSV
// (one row per entry), and a meeting's header, notes and actions.
#ifndef MFH_CLIENTS_CLI_AGENDA_VIEW_H_
#define MFH_CLIENTS_CLI_AGENDA_VIEW_H_

#include <string>
#include <vector>

#include "clients/cli/output.h"
#include "mfh/v1/types.pb.h"

namespace mfh::cli {

// A heading with the day and the as-of time, then each section in the order
// of DESIGN.md section 3 with its count, "none" or one aligned line per
// entry; countdowns and times missing are relative to the agenda's as_of.
std::string AgendaText(const v1::Agenda& agenda);

// The CSV header and one row per entry, the section's proto field name
// first; linked entries carry their group's link_id, or "suggested".
Row AgendaCsvHeader();
std::vector<Row> AgendaCsvRows(const v1::Agenda& agenda);

// The meeting's id, day, state, agenda time, attendees and the count of
// each section of its frozen agenda.
Fields MeetingSummary(const v1::Meeting& meeting);
Row MeetingCsvHeader();
Row MeetingCsvRow(const v1::Meeting& meeting);

// The summary, then the notes and decisions per child and the actions in
// their five-part form.
std::string MeetingMinutes(const v1::Meeting& meeting);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_AGENDA_VIEW_H_
