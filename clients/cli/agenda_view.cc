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
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {
namespace {

using google::protobuf::RepeatedPtrField;
using google::protobuf::Timestamp;

std::string Cell(const std::string& text) { return text.empty() ? "-" : text; }

std::string Local(bool has, const Timestamp& ts) {
  return has ? client::FormatLocal(client::FromTimestamp(ts)) : "-";
}

std::string Utc(bool has, const Timestamp& ts) {
  return has ? client::FormatUtc(client::FromTimestamp(ts)) : "";
}

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

// A section: its title with the count, then "none" or an indented table.
void AppendSection(std::string& out, const std::string& title, int count,
                   const Row& header, const std::vector<Row>& rows) {
  absl::StrAppend(&out, "\n", title, " (", count, ")\n");
  if (rows.empty()) {
    out += "  none\n";
    return;
  }
  for (absl::string_view line :
       absl::StrSplit(Table(header, rows), '\n', absl::SkipEmpty())) {
    absl::StrAppend(&out, "  ", line, "\n");
  }
}

template <typename RowFn>
std::vector<Row> Rows(const RepeatedPtrField<v1::AgendaEntry>& entries,
                      RowFn row) {
  std::vector<Row> rows;
  for (const v1::AgendaEntry& e : entries) rows.push_back(row(e));
  return rows;
}

// An RHI's line: overdue, due soon, or (with the time missing) returned.
const Row kRhiHeader = {"CHILD",    "EPISODE", "RETURNED", "RHI DUE",
                        "DEADLINE", "RHI",     "FLAGS"};

Row RhiRow(const v1::AgendaEntry& e, absl::Time as_of) {
  return {e.child_id(),
          e.episode_id(),
          Local(e.has_returned_at(), e.returned_at()),
          Local(e.has_due_at(), e.due_at()),
          Countdown(e.has_due_at(), e.due_at(), as_of),
          client::RhiStatusLabel(e.rhi_status()),
          Flags(e)};
}

// The proto field names of the sections, in the agenda's order.
constexpr const char* kSectionNames[] = {
    "missing_now",    "returned", "rhi_overdue", "rhi_due_soon",
    "repeat_missing", "linked",   "open_actions"};

// The titles the table and the meeting summary show for them.
constexpr const char* kSectionTitles[] = {
    "Missing now",    "Returned since the last meeting",
    "RHI overdue",    "RHI due before the next meeting",
    "Repeat missing", "Linked episodes",
    "Open actions"};

std::vector<int> SectionCounts(const v1::Agenda& a) {
  return {a.missing_now_size(),  a.returned_size(),       a.rhi_overdue_size(),
          a.rhi_due_soon_size(), a.repeat_missing_size(), a.linked_size(),
          a.open_actions_size()};
}

// "L1 (linked: siblings)", or "suggested: same place" for the rule's
// suggestions (DESIGN.md section 3: overlapping periods, same place found).
std::string GroupLabel(const v1::LinkedGroup& g) {
  if (g.suggested()) return "suggested: same place";
  return absl::StrCat(g.link_id(), " (linked: ", g.reason(), ")");
}

Row CsvRow(const std::string& section, const std::string& link_id,
           const std::string& link_reason, const v1::AgendaEntry& e) {
  return {section,
          link_id,
          link_reason,
          e.child_id(),
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
          Utc(e.has_by_when(), e.by_when())};
}

}  // namespace

std::string AgendaText(const v1::Agenda& agenda) {
  const absl::Time as_of = client::FromTimestamp(agenda.as_of());
  std::string out =
      absl::StrCat("Agenda for ", DayHeading(agenda.day()), ", as of ",
                   Local(agenda.has_as_of(), agenda.as_of()), "\n");

  AppendSection(out, kSectionTitles[0], agenda.missing_now_size(),
                {"CHILD", "EPISODE", "RISK", "CATEGORY", "MISSING FOR",
                 "ESCALATION", "FLAGS"},
                Rows(agenda.missing_now(), [&](const v1::AgendaEntry& e) {
                  return Row{e.child_id(),
                             e.episode_id(),
                             client::RiskLabel(e.risk()),
                             client::CategoryLabel(e.category()),
                             MissingFor(e, as_of),
                             Cell(e.escalation()),
                             Flags(e)};
                }));

  AppendSection(out, kSectionTitles[1], agenda.returned_size(),
                {"CHILD", "EPISODE", "MISSING FOR", "RETURNED", "RHI DUE",
                 "DEADLINE", "RHI", "FLAGS"},
                Rows(agenda.returned(), [&](const v1::AgendaEntry& e) {
                  Row row = RhiRow(e, as_of);
                  row.insert(row.begin() + 2, MissingFor(e, as_of));
                  return row;
                }));

  auto rhi_row = [&](const v1::AgendaEntry& e) { return RhiRow(e, as_of); };
  AppendSection(out, kSectionTitles[2], agenda.rhi_overdue_size(), kRhiHeader,
                Rows(agenda.rhi_overdue(), rhi_row));
  AppendSection(out, kSectionTitles[3], agenda.rhi_due_soon_size(), kRhiHeader,
                Rows(agenda.rhi_due_soon(), rhi_row));

  AppendSection(
      out, kSectionTitles[4], agenda.repeat_missing_size(),
      {"CHILD", "EPISODES", "LATEST", "LATEST MISSING SINCE", "FLAGS"},
      Rows(agenda.repeat_missing(), [&](const v1::AgendaEntry& e) {
        return Row{
            e.child_id(),
            absl::StrCat(e.episode_count(),
                         e.episode_count() == 1 ? " episode" : " episodes",
                         " in the window"),
            e.episode_id(), Local(e.has_missing_since(), e.missing_since()),
            Flags(e)};
      }));

  std::vector<Row> linked;
  for (const v1::LinkedGroup& g : agenda.linked()) {
    bool first = true;
    for (const v1::AgendaEntry& e : g.entries()) {
      linked.push_back({first ? GroupLabel(g) : "", e.child_id(),
                        e.episode_id(), client::RiskLabel(e.risk()),
                        Local(e.has_missing_since(), e.missing_since()),
                        Local(e.has_returned_at(), e.returned_at()), Flags(e)});
      first = false;
    }
  }
  AppendSection(out, kSectionTitles[5], agenda.linked_size(),
                {"GROUP", "CHILD", "EPISODE", "RISK", "MISSING SINCE",
                 "RETURNED", "FLAGS"},
                linked);

  AppendSection(
      out, kSectionTitles[6], agenda.open_actions_size(),
      {"ACTION", "CHILD", "BY WHEN", "DEADLINE", "WHO", "WHAT", "FLAGS"},
      Rows(agenda.open_actions(), [&](const v1::AgendaEntry& e) {
        return Row{e.action_id(),
                   e.child_id(),
                   Local(e.has_by_when(), e.by_when()),
                   Countdown(e.has_by_when(), e.by_when(), as_of),
                   e.who(),
                   e.what(),
                   Flags(e)};
      }));
  return out;
}

Row AgendaCsvHeader() {
  return {"section",
          "link_id",
          "link_reason",
          "child_id",
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
          "by_when"};
}

std::vector<Row> AgendaCsvRows(const v1::Agenda& agenda) {
  std::vector<Row> rows;
  const std::pair<const char*, const RepeatedPtrField<v1::AgendaEntry>*>
      before_linked[] = {{kSectionNames[0], &agenda.missing_now()},
                         {kSectionNames[1], &agenda.returned()},
                         {kSectionNames[2], &agenda.rhi_overdue()},
                         {kSectionNames[3], &agenda.rhi_due_soon()},
                         {kSectionNames[4], &agenda.repeat_missing()}};
  for (const auto& [section, entries] : before_linked) {
    for (const v1::AgendaEntry& e : *entries) {
      rows.push_back(CsvRow(section, "", "", e));
    }
  }
  for (const v1::LinkedGroup& g : agenda.linked()) {
    for (const v1::AgendaEntry& e : g.entries()) {
      rows.push_back(CsvRow(kSectionNames[5],
                            g.suggested() ? "suggested" : g.link_id(),
                            g.reason(), e));
    }
  }
  for (const v1::AgendaEntry& e : agenda.open_actions()) {
    rows.push_back(CsvRow(kSectionNames[6], "", "", e));
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
  const std::vector<int> counts = SectionCounts(m.agenda());
  for (size_t i = 0; i < counts.size(); ++i) {
    std::string label = kSectionTitles[i];
    if (!absl::StartsWith(label, "RHI"))
      label[0] = absl::ascii_tolower(label[0]);
    fields.emplace_back(std::move(label), absl::StrCat(counts[i]));
  }
  return fields;
}

Row MeetingCsvHeader() {
  Row header = {"meeting_id", "day",       "state",
                "as_of",      "closed_at", "attendees"};
  for (const char* name : kSectionNames) header.push_back(name);
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
  for (int count : SectionCounts(m.agenda())) {
    row.push_back(absl::StrCat(count));
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
    absl::StrAppend(&out, "  ", child_id, "\n");
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
    absl::StrAppend(&out, "  ", a.action_id(), " for ", a.child_id(), ": ",
                    client::ActionStatusLabel(a.status()),
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

}  // namespace mfh::cli
