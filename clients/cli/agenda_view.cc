#include "clients/cli/agenda_view.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "clients/cli/views.h"
#include "clients/core/agenda.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {
namespace {

using google::protobuf::Timestamp;

// The flags as given by the server (open_to_cst first).
std::string Flags(const v1::AgendaEntry& e) {
  return Cell(absl::StrJoin(e.flags(), ", "));
}

// From missing_since to the return, or to as_of while still missing.
std::string MissingFor(const v1::AgendaEntry& e, absl::Time as_of) {
  if (!e.has_missing_since()) return "-";
  const absl::Time end =
      e.has_returned_at() ? client::FromTimestamp(e.returned_at()) : as_of;
  return client::FormatShortDuration(end -
                                     client::FromTimestamp(e.missing_since()));
}

std::string Countdown(bool has, const Timestamp& due, absl::Time as_of) {
  return has ? client::FormatCountdown(client::FromTimestamp(due), as_of) : "-";
}

// Ids such as C2 and C10 in their numeric order, as the server orders them.
bool IdLess(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

// "Monday 2026-03-02"; the text as it is if it is not a date.
std::string DayHeading(const std::string& day) {
  absl::CivilDay civil;
  if (!absl::ParseCivilTime(day, &civil)) return day;
  static constexpr const char* kWeekdays[] = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  return absl::StrCat(kWeekdays[static_cast<int>(absl::GetWeekday(civil))], " ",
                      day);
}

// A section: its title with the count, then "none" or an indented table in
// which a row with a note (`notes`, one per row, empty for none) is
// followed by the note on a line of its own, indented under the row.
void AppendSection(std::string& out, const std::string& title, int count,
                   const Row& header, const std::vector<Row>& rows,
                   const std::vector<std::string>& notes) {
  absl::StrAppend(&out, "\n", title, " (", count, ")\n");
  if (rows.empty()) {
    out += "  none\n";
    return;
  }
  const std::string table = Table(header, rows);
  const std::vector<absl::string_view> lines =
      absl::StrSplit(table, '\n', absl::SkipEmpty());
  for (size_t i = 0; i < lines.size(); ++i) {
    absl::StrAppend(&out, "  ", lines[i], "\n");
    if (i > 0 && i - 1 < notes.size() && !notes[i - 1].empty()) {
      absl::StrAppend(&out, "    ", notes[i - 1], "\n");
    }
  }
}

// An RHI's line: overdue, due soon, or (with the time missing) returned.
const Row kRhiHeader = {"CHILD",    "EPISODE", "RETURNED", "RHI DUE",
                        "DEADLINE", "RHI",     "FLAGS"};

Row RhiRow(const v1::AgendaEntry& e, absl::Time as_of) {
  return {client::ChildText(e),
          e.episode_id(),
          Local(e.has_returned_at(), e.returned_at()),
          Local(e.has_due_at(), e.due_at()),
          Countdown(e.has_due_at(), e.due_at(), as_of),
          client::RhiStatusLabel(e.rhi_status()),
          Flags(e)};
}

// "L1 (linked: siblings)", or "suggested: same place" for the rule's
// suggestions (DESIGN.md section 3: overlapping periods, same place found).
std::string GroupLabel(const client::AgendaItem& item) {
  if (item.suggested_link) return "suggested: same place";
  return absl::StrCat(item.link_id, " (linked: ", item.link_reason, ")");
}

using Kind = client::AgendaSection::Kind;

// The columns of a section's table.
Row SectionHeader(Kind kind) {
  switch (kind) {
    case Kind::kMissingNow:
      return {"CHILD",       "EPISODE",    "RISK", "CATEGORY",
              "MISSING FOR", "ESCALATION", "FLAGS"};
    case Kind::kReturned:
      return {"CHILD",   "EPISODE",  "MISSING FOR", "RETURNED",
              "RHI DUE", "DEADLINE", "RHI",         "FLAGS"};
    case Kind::kRhiOverdue:
    case Kind::kRhiDueSoon:
      return kRhiHeader;
    case Kind::kRepeatMissing:
      return {"CHILD", "EPISODES", "LATEST", "LATEST MISSING SINCE", "FLAGS"};
    case Kind::kLinked:
      return {"GROUP",         "CHILD",    "EPISODE", "RISK",
              "MISSING SINCE", "RETURNED", "FLAGS"};
    case Kind::kExploitationConcerns:
      return {"CHILD", "EPISODE", "INDICATORS", "INTERVIEW COMPLETED", "FLAGS"};
    case Kind::kOpenActions:
      return {"ACTION", "CHILD", "BY WHEN", "DEADLINE", "WHO", "WHAT", "FLAGS"};
  }
  return {};
}

// An entry's line in its section's table.
Row SectionRow(Kind kind, const client::AgendaItem& item, absl::Time as_of) {
  const v1::AgendaEntry& e = item.entry;
  switch (kind) {
    case Kind::kMissingNow:
      return {client::ChildText(e),
              e.episode_id(),
              client::RiskLabel(e.risk()),
              client::CategoryLabel(e.category()),
              MissingFor(e, as_of),
              Cell(e.escalation()),
              Flags(e)};
    case Kind::kReturned: {
      Row row = RhiRow(e, as_of);
      row.insert(row.begin() + 2, MissingFor(e, as_of));
      return row;
    }
    case Kind::kRhiOverdue:
    case Kind::kRhiDueSoon:
      return RhiRow(e, as_of);
    case Kind::kRepeatMissing:
      return {client::ChildText(e), client::RepeatText(e), e.episode_id(),
              Local(e.has_missing_since(), e.missing_since()), Flags(e)};
    case Kind::kLinked:
      return {item.first_of_group ? GroupLabel(item) : "",
              client::ChildText(e),
              e.episode_id(),
              client::RiskLabel(e.risk()),
              Local(e.has_missing_since(), e.missing_since()),
              Local(e.has_returned_at(), e.returned_at()),
              Flags(e)};
    case Kind::kExploitationConcerns:
      return {client::ChildText(e), e.episode_id(), client::IndicatorsText(e),
              Local(e.has_completed_at(), e.completed_at()), Flags(e)};
    case Kind::kOpenActions:
      return {e.action_id(),
              client::ChildText(e),
              Local(e.has_by_when(), e.by_when()),
              Countdown(e.has_by_when(), e.by_when(), as_of),
              e.who(),
              e.what(),
              Flags(e)};
  }
  return {};
}

// The line under an entry: for a returned child, where and with whom they
// were found and what the previous interview found.
std::string SectionNote(Kind kind, const v1::AgendaEntry& e) {
  if (kind != Kind::kReturned) return "";
  return absl::StrCat(client::FoundText(e), "; ", client::PreviousRhiText(e));
}

Row CsvRow(const std::string& section, const std::string& link_id,
           const std::string& link_reason, const v1::AgendaEntry& e) {
  const v1::PreviousRhi& p = e.previous_rhi();
  std::vector<std::string> indicators;
  for (int n : e.indicators()) {
    indicators.push_back(v1::ExploitationIndicator_Name(n));
  }
  std::vector<std::string> concerns;
  for (int c : p.outcome().concerns()) {
    concerns.push_back(v1::Concern_Name(static_cast<v1::Concern>(c)));
  }
  return {
      section,
      link_id,
      link_reason,
      e.child_id(),
      e.name(),
      e.episode_id(),
      e.action_id(),
      absl::StrJoin(e.flags(), ","),
      e.risk() == v1::RISK_UNSPECIFIED ? "" : v1::Risk_Name(e.risk()),
      e.category() == v1::CATEGORY_UNSPECIFIED
          ? ""
          : v1::Category_Name(e.category()),
      Utc(e.has_missing_since(), e.missing_since()),
      e.escalation(),
      Utc(e.has_returned_at(), e.returned_at()),
      Utc(e.has_return_notified_at(), e.return_notified_at()),
      Utc(e.has_due_at(), e.due_at()),
      e.rhi_status() == v1::RHI_STATUS_UNSPECIFIED
          ? ""
          : v1::RhiStatus_Name(e.rhi_status()),
      e.episode_count() == 0 ? "" : absl::StrCat(e.episode_count()),
      e.what(),
      e.who(),
      Utc(e.has_by_when(), e.by_when()),
      e.found_location(),
      e.found_with(),
      p.episode_id(),
      p.status() == v1::RHI_STATUS_UNSPECIFIED ? ""
                                               : v1::RhiStatus_Name(p.status()),
      Utc(p.has_closed_at(), p.closed_at()),
      absl::StrJoin(concerns, ","),
      !p.has_outcome() ? "" : (p.outcome().referral_made() ? "true" : "false"),
      e.has_repeat_window()
          ? absl::StrCat(absl::FDivDuration(
                client::FromDuration(e.repeat_window()), absl::Hours(24)))
          : "",
      absl::StrJoin(indicators, ","),
      Utc(e.has_completed_at(), e.completed_at())};
}

}  // namespace

std::string AgendaText(const v1::Agenda& agenda) {
  const absl::Time as_of = client::FromTimestamp(agenda.as_of());
  std::string out =
      absl::StrCat("Agenda for ", DayHeading(agenda.day()), ", as of ",
                   Local(agenda.has_as_of(), agenda.as_of()), "\n");
  if (agenda.intelligence_unacknowledged() > 0) {
    absl::StrAppend(&out,
                    "Intelligence shared with the police and not "
                    "acknowledged after 24 hours: ",
                    agenda.intelligence_unacknowledged(),
                    " (mfh intel list --unacknowledged)\n");
  }
  for (const client::AgendaSection& section : client::PresentAgenda(agenda)) {
    std::vector<Row> rows;
    std::vector<std::string> notes;
    for (const client::AgendaItem& item : section.items) {
      rows.push_back(SectionRow(section.kind, item, as_of));
      notes.push_back(SectionNote(section.kind, item.entry));
    }
    AppendSection(out, section.title, section.count,
                  SectionHeader(section.kind), rows, notes);
  }
  return out;
}

Row AgendaCsvHeader() {
  return {"section",
          "link_id",
          "link_reason",
          "child_id",
          "name",
          "episode_id",
          "action_id",
          "flags",
          "risk",
          "category",
          "missing_since",
          "escalation",
          "returned_at",
          "return_notified_at",
          "due_at",
          "rhi_status",
          "episode_count",
          "what",
          "who",
          "by_when",
          "found_location",
          "found_with",
          "previous_rhi_episode_id",
          "previous_rhi_status",
          "previous_rhi_closed_at",
          "previous_rhi_concerns",
          "previous_rhi_referral_made",
          "repeat_window_days",
          "indicators",
          "completed_at"};
}

std::vector<Row> AgendaCsvRows(const v1::Agenda& agenda) {
  std::vector<Row> rows;
  for (const client::AgendaSection& section : client::PresentAgenda(agenda)) {
    for (const client::AgendaItem& item : section.items) {
      if (section.kind == Kind::kLinked) {
        rows.push_back(CsvRow(section.name,
                              item.suggested_link ? "suggested" : item.link_id,
                              item.link_reason, item.entry));
      } else {
        rows.push_back(CsvRow(section.name, "", "", item.entry));
      }
    }
  }
  return rows;
}

Fields MeetingSummary(const v1::Meeting& m) {
  Fields fields = {{"meeting id", m.meeting_id()},
                   {"day", m.day()},
                   {"state", client::MeetingStateLabel(m.state())},
                   {"agenda as of", Local(m.has_as_of(), m.as_of())},
                   {"closed at", Local(m.has_closed_at(), m.closed_at())},
                   {"attendees", Cell(absl::StrJoin(m.attendees(), ", "))}};
  for (const client::AgendaSection& section :
       client::PresentAgenda(m.agenda())) {
    // A field label in lower case, but RHI stays an abbreviation.
    std::string label = section.title;
    if (!absl::StartsWith(label, "RHI")) {
      label[0] = absl::ascii_tolower(label[0]);
    }
    fields.emplace_back(std::move(label), absl::StrCat(section.count));
  }
  return fields;
}

Row MeetingCsvHeader() {
  Row header = {"meeting_id", "day",       "state",
                "as_of",      "closed_at", "attendees"};
  // The sections' names, which an empty agenda has as well as any.
  for (const client::AgendaSection& section :
       client::PresentAgenda(v1::Agenda())) {
    header.push_back(section.name);
  }
  header.insert(header.end(), {"notes", "actions"});
  return header;
}

Row MeetingCsvRow(const v1::Meeting& m) {
  Row row = {m.meeting_id(),
             m.day(),
             v1::MeetingState_Name(m.state()),
             Utc(m.has_as_of(), m.as_of()),
             Utc(m.has_closed_at(), m.closed_at()),
             absl::StrJoin(m.attendees(), ",")};
  for (const client::AgendaSection& section :
       client::PresentAgenda(m.agenda())) {
    row.push_back(absl::StrCat(section.count));
  }
  row.push_back(absl::StrCat(m.notes_size()));
  row.push_back(absl::StrCat(m.actions_size()));
  return row;
}

std::string MeetingMinutes(const v1::Meeting& m) {
  std::string out = FieldLines(MeetingSummary(m));

  absl::StrAppend(&out, "\nNotes and decisions (", m.notes_size(), ")\n");
  if (m.notes().empty()) out += "  none\n";
  std::map<std::string, std::vector<const v1::Note*>, decltype(&IdLess)>
      by_child(&IdLess);
  for (const v1::Note& n : m.notes()) by_child[n.child_id()].push_back(&n);
  for (const auto& [child_id, notes] : by_child) {
    absl::StrAppend(&out, "  ", client::ChildText(*notes.front()), "\n");
    Fields lines;
    for (const v1::Note* n : notes) {
      lines.emplace_back(NoteKind(*n),
                         absl::StrCat(n->text(), " (", n->author(), ", ",
                                      Local(n->has_at(), n->at()), ")"));
    }
    for (absl::string_view line :
         absl::StrSplit(FieldLines(lines), '\n', absl::SkipEmpty())) {
      absl::StrAppend(&out, "    ", line, "\n");
    }
  }

  absl::StrAppend(&out, "\nActions (", m.actions_size(), ")\n");
  if (m.actions().empty()) out += "  none\n";
  for (const v1::Action& a : m.actions()) {
    absl::StrAppend(&out, "  ", a.action_id(), " for ", client::ChildText(a),
                    ": ", client::ActionStatusLabel(a.status()),
                    a.addendum() ? " (addendum)" : "", "\n");
    Fields lines = {
        {"what", a.what()},
        {"who", a.who()},
        {"by when", Local(a.has_by_when(), a.by_when())},
        {"how we know it is done", a.done_when()},
        {"how we know it worked", Cell(a.worked_when())},
        {"assignee", Cell(a.assignee())},
        {"agreed by", absl::StrCat(a.created_by(), " at ",
                                   Local(a.has_created_at(), a.created_at()))}};
    if (!a.done_evidence().empty()) {
      lines.emplace_back("done evidence", a.done_evidence());
    }
    if (!a.impact_evidence().empty()) {
      lines.emplace_back("impact evidence", a.impact_evidence());
    }
    if (!a.drop_reason().empty()) {
      lines.emplace_back("drop reason", a.drop_reason());
    }
    for (absl::string_view line :
         absl::StrSplit(FieldLines(lines), '\n', absl::SkipEmpty())) {
      absl::StrAppend(&out, "    ", line, "\n");
    }
  }
  return out;
}

Row View<v1::Meeting>::TableHeader() {
  return {"MEETING", "DAY", "STATE", "AGENDA AS OF", "CLOSED AT", "ATTENDEES"};
}

Row View<v1::Meeting>::TableRow(const v1::Meeting& m, absl::Time) {
  return {m.meeting_id(),
          m.day(),
          client::MeetingStateLabel(m.state()),
          Local(m.has_as_of(), m.as_of()),
          Local(m.has_closed_at(), m.closed_at()),
          Cell(absl::StrJoin(m.attendees(), ", "))};
}

Row View<v1::Meeting>::CsvHeader() {
  return {"meeting_id", "day", "state", "as_of", "closed_at", "attendees"};
}

Row View<v1::Meeting>::CsvRow(const v1::Meeting& m) {
  return {m.meeting_id(),
          m.day(),
          v1::MeetingState_Name(m.state()),
          Utc(m.has_as_of(), m.as_of()),
          Utc(m.has_closed_at(), m.closed_at()),
          absl::StrJoin(m.attendees(), ",")};
}

}  // namespace mfh::cli
