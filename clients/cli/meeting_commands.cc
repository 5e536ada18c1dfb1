// mfh agenda, mfh meeting open|note|action|close|show, mfh action
// list|done|impact|drop: MeetingService.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "clients/cli/agenda_view.h"
#include "clients/cli/child_ref.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/calls.h"
#include "clients/core/time_text.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct MeetingFlags {
  std::string meeting_id;
  std::string action_id;
  std::string day;
  std::string as_of;
  std::string child_id;
  std::string text;
  bool decision = false;
  bool addendum = false;
  std::string what;
  std::string who;
  std::string by_when;
  std::string done_when;
  std::string worked_when;
  std::string assignee;
  std::vector<std::string> attendees;
  bool open_only = false;
  std::string evidence;
  std::string impact;
  std::string reason;
  int limit = 0;
};

// A meeting as its summary (open) or its minutes (close, show); the whole
// response in JSON; its one CSV row.
void PrintMeeting(Session& s, const google::protobuf::Message& response,
                  const v1::Meeting& meeting, bool minutes) {
  switch (s.format()) {
    case Format::kJson:
      s.out() << JsonLine(response);
      return;
    case Format::kCsv:
      s.out() << CsvLine(MeetingCsvHeader()) << CsvLine(MeetingCsvRow(meeting));
      return;
    case Format::kTable:
      s.out() << (minutes ? MeetingMinutes(meeting)
                          : FieldLines(MeetingSummary(meeting)));
      return;
  }
}

absl::Status Agenda(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::GetAgendaResponse resp,
                   client::GetAgenda(*conn, f.day, as_of));
  switch (s.format()) {
    case Format::kJson:
      s.out() << JsonLine(resp);
      break;
    case Format::kCsv:
      s.out() << CsvLine(AgendaCsvHeader());
      for (const Row& row : AgendaCsvRows(resp.agenda())) {
        s.out() << CsvLine(row);
      }
      break;
    case Format::kTable:
      s.out() << AgendaText(resp.agenda());
      break;
  }
  return absl::OkStatus();
}

absl::Status Open(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::OpenMeetingResponse resp,
                   client::OpenMeeting(*conn, f.day, as_of));
  PrintMeeting(s, resp, resp.meeting(), /*minutes=*/false);
  return absl::OkStatus();
}

absl::Status Note(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::AddNoteResponse resp,
                   client::AddNote(*conn, {.meeting_id = f.meeting_id,
                                           .child_id = child,
                                           .text = f.text,
                                           .decision = f.decision,
                                           .addendum = f.addendum}));
  PrintRecord(s, resp, resp.note());
  return absl::OkStatus();
}

absl::Status AgreeAction(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  client::NewAction action{.meeting_id = f.meeting_id,
                           .child_id = child,
                           .what = f.what,
                           .who = f.who,
                           .done_when = f.done_when,
                           .worked_when = f.worked_when,
                           .assignee = f.assignee,
                           .addendum = f.addendum};
  ASSIGN_OR_RETURN(action.by_when, TimeFlag("--by-when", f.by_when));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::AddActionResponse resp,
                   client::AddAction(*conn, action));
  PrintRecord(s, resp, resp.action());
  return absl::OkStatus();
}

absl::Status Close(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::CloseMeetingResponse resp,
                   client::CloseMeeting(*conn, f.meeting_id, f.attendees));
  PrintMeeting(s, resp, resp.meeting(), /*minutes=*/true);
  return absl::OkStatus();
}

// A meeting by its id (M3), its day (2026-12-02) or "today" (in
// Europe/London, on the clock the command runs at).
absl::Status Show(Session& s, const MeetingFlags& f) {
  std::string id = f.meeting_id;
  std::string day;
  if (absl::EqualsIgnoreCase(id, "today")) {
    day = absl::FormatCivilTime(absl::ToCivilDay(s.now(), client::London()));
    id.clear();
  } else if (!id.empty() &&
             absl::ascii_isdigit(static_cast<unsigned char>(id[0]))) {
    day = id;
    id.clear();
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  absl::StatusOr<v1::GetMeetingResponse> found =
      client::GetMeeting(*conn, id, day);
  if (!day.empty() && absl::IsNotFound(found.status())) {
    return absl::NotFoundError(absl::StrCat(
        "ID: no meeting for ", day, " yet; open it with mfh meeting open",
        f.meeting_id == "today" ? "" : absl::StrCat(" --day ", day)));
  }
  ASSIGN_OR_RETURN(v1::GetMeetingResponse resp, std::move(found));
  PrintMeeting(s, resp, resp.meeting(), /*minutes=*/true);
  return absl::OkStatus();
}

absl::Status ListMeetings(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListMeetingsResponse resp,
                   client::ListMeetings(*conn, f.limit));
  PrintList(s, resp.meetings(), s.now());
  return absl::OkStatus();
}

absl::Status ListActions(Session& s, const MeetingFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListActionsResponse resp,
                   client::ListActions(*conn, f.open_only, child, f.limit));
  PrintList(s, resp.actions(), as_of.value_or(s.now()));
  return absl::OkStatus();
}

// UpdateAction with `status` (UNSPECIFIED: evidence of impact only).
absl::Status UpdateAction(Session& s, const MeetingFlags& f,
                          v1::ActionStatus status) {
  client::ActionUpdate update{.action_id = f.action_id,
                              .status = status,
                              .impact_evidence = f.impact,
                              .worked_when = f.worked_when};
  if (status == v1::ACTION_STATUS_DONE) update.done_evidence = f.evidence;
  if (status == v1::ACTION_STATUS_DROPPED) update.drop_reason = f.reason;
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::UpdateActionResponse resp,
                   client::UpdateAction(*conn, update));
  PrintRecord(s, resp, resp.action());
  return absl::OkStatus();
}

constexpr char kAsOfHelp[] =
    "Assemble the agenda as of this time (default: the server's clock)";
constexpr char kDayHelp[] =
    "The meeting's day, YYYY-MM-DD (default: the day of --as-of in "
    "Europe/London)";
constexpr char kAddendumHelp[] =
    "Add it after the meeting was closed (required then, refused before)";
constexpr char kWorkedWhenHelp[] = "How we will know it worked";

void AddAgenda(CLI::App& app, Dispatch& dispatch) {
  auto f = std::make_shared<MeetingFlags>();
  CLI::App* agenda = AddLeaf(
      app, "agenda",
      "The agenda of the daily missing meeting (any reading role): missing "
      "now, returned since the last meeting, RHIs overdue and due before the "
      "next meeting, repeat missing, linked episodes, open actions. It "
      "changes nothing; `meeting open` freezes it. CSV: one row per entry, "
      "its section first",
      "mfh agenda --day 2026-03-02 --as-of \"2026-03-02 09:30\"", dispatch,
      [f](Session& s) { return Agenda(s, *f); });
  agenda->add_option("--day", f->day, kDayHelp);
  agenda->add_option("--as-of", f->as_of, kAsOfHelp);
}

void AddMeeting(CLI::App& app, Dispatch& dispatch) {
  CLI::App* group = app.add_subcommand(
      "meeting", "The daily missing meeting: one per day (coordinator)");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n  mfh meeting open --as-of \"2026-03-02 09:30\"\n"
      "  mfh meeting note M1 --child C1 --text \"Refer to the CST\" "
      "--decision\n"
      "  mfh meeting close M1 --attendees \"A. Coordinator,P. Liaison\"");

  auto o = std::make_shared<MeetingFlags>();
  CLI::App* open = AddLeaf(
      *group, "open",
      "Open the day's meeting, freezing its agenda as of --as-of; prints the "
      "meeting id and the count of each section (a second meeting for the "
      "same day is refused, exit 6)",
      "mfh meeting open --day 2026-03-02 --as-of \"2026-03-02 09:30\"",
      dispatch, [o](Session& s) { return Open(s, *o); });
  open->add_option("--day", o->day, kDayHelp);
  open->add_option("--as-of", o->as_of, kAsOfHelp);

  auto n = std::make_shared<MeetingFlags>();
  CLI::App* note = AddLeaf(
      *group, "note",
      "Add a note or a decision about a child to a meeting; after the "
      "meeting is closed only an --addendum",
      "mfh meeting note M1 --child C1 --text \"Refer to the CST\" --decision",
      dispatch, [n](Session& s) { return Note(s, *n); });
  note->add_option("ID", n->meeting_id, "The meeting's id")->required();
  note->add_option("--child", n->child_id, kChildHelp)->required();
  note->add_option("--text", n->text, "The note")->required();
  note->add_flag("--decision", n->decision, "It is a decision");
  note->add_flag("--addendum", n->addendum, kAddendumHelp);

  auto a = std::make_shared<MeetingFlags>();
  CLI::App* action = AddLeaf(
      *group, "action",
      "Agree an action for a child: what, who, by when, how we will know it "
      "is done and (now or when done) how we will know it worked; after the "
      "meeting is closed only an --addendum",
      "mfh meeting action M1 --child C1 --what \"Home visit\" --who \"Social "
      "worker\" --by-when \"2026-03-04 17:00\" --done-when \"Visit recorded\" "
      "--worked-when \"No episode in 28 days\"",
      dispatch, [a](Session& s) { return AgreeAction(s, *a); });
  action->add_option("ID", a->meeting_id, "The meeting's id")->required();
  action->add_option("--child", a->child_id, kChildHelp)->required();
  action->add_option("--what", a->what, "What is to be done")->required();
  action->add_option("--who", a->who, "Who does it (a person or an agency)")
      ->required();
  action->add_option("--by-when", a->by_when, "By when")->required();
  action->add_option("--done-when", a->done_when, "How we will know it is done")
      ->required();
  action->add_option("--worked-when", a->worked_when, kWorkedWhenHelp);
  action->add_option("--assignee", a->assignee,
                     "The user who may update it (police, rhi_worker)");
  action->add_flag("--addendum", a->addendum, kAddendumHelp);

  auto c = std::make_shared<MeetingFlags>();
  CLI::App* close = AddLeaf(
      *group, "close",
      "Close a meeting with its attendees and lock it; prints its minutes",
      "mfh meeting close M1 --attendees \"A. Coordinator,P. Liaison\"",
      dispatch, [c](Session& s) { return Close(s, *c); });
  close->add_option("ID", c->meeting_id, "The meeting's id")->required();
  close
      ->add_option("--attendees", c->attendees,
                   "Who attended, separated by commas")
      ->delimiter(',')
      ->required();

  auto v = std::make_shared<MeetingFlags>();
  CLI::App* show = AddLeaf(
      *group, "show",
      "Show a meeting: its state, attendees, the count of each section of "
      "its frozen agenda, the notes and decisions per child and the actions",
      "mfh meeting show today", dispatch,
      [v](Session& s) { return Show(s, *v); });
  show->add_option("ID", v->meeting_id,
                   "The meeting's id (M3), its day (2026-12-02) or today")
      ->required();

  auto g = std::make_shared<MeetingFlags>();
  CLI::App* list =
      AddLeaf(*group, "list", "List the meetings in the order they were opened",
              "mfh meeting list", dispatch,
              [g](Session& s) { return ListMeetings(s, *g); });
  list->add_option("--limit", g->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);
}

void AddActionGroup(CLI::App& app, Dispatch& dispatch) {
  CLI::App* group = app.add_subcommand(
      "action",
      "Actions agreed at meetings, carried to every agenda until done or "
      "dropped (coordinator, manager; police and rhi_worker when assignee)");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n  mfh action list --open --child C1\n"
      "  mfh action done A1 --evidence \"Visit on file\"\n"
      "  mfh action impact A1 --impact \"No episode since\"");

  auto l = std::make_shared<MeetingFlags>();
  CLI::App* list = AddLeaf(
      *group, "list",
      "List actions; the table counts down to each open action's by-when",
      "mfh action list --open --as-of \"2026-03-04 09:30\"", dispatch,
      [l](Session& s) { return ListActions(s, *l); });
  list->add_flag("--open", l->open_only, "Only open actions");
  list->add_option("--child", l->child_id, kChildHelp);
  list->add_option("--limit", l->limit,
                   "Stop after this many (default: every page the server has)")
      ->check(CLI::NonNegativeNumber);
  list->add_option("--as-of", l->as_of,
                   "Count down to by-when from this time (default: now)");

  auto d = std::make_shared<MeetingFlags>();
  CLI::App* done = AddLeaf(
      *group, "done",
      "Mark an action done with evidence (status DONE); --impact adds how we "
      "know it worked. Giving the same evidence again is a retry, so this "
      "also adds --impact to an action already done (or use `action impact`)",
      "mfh action done A1 --evidence \"Visit recorded on 2026-03-04\" "
      "--impact \"No episode in 28 days\"",
      dispatch,
      [d](Session& s) { return UpdateAction(s, *d, v1::ACTION_STATUS_DONE); });
  done->add_option("ACTION_ID", d->action_id, "The action's id")->required();
  done->add_option("--evidence", d->evidence, "How we know it is done")
      ->required();
  done->add_option("--impact", d->impact, "Evidence that it worked");
  done->add_option("--worked-when", d->worked_when, kWorkedWhenHelp);

  auto i = std::make_shared<MeetingFlags>();
  CLI::App* impact = AddLeaf(
      *group, "impact",
      "Record evidence that an action worked, or how we will know it did, "
      "without changing its status (--impact only once it is done)",
      "mfh action impact A1 --impact \"No episode in 28 days\"", dispatch,
      [i](Session& s) {
        if (i->impact.empty() && i->worked_when.empty()) {
          return absl::InvalidArgumentError(
              "--impact: give --impact or --worked-when, or both");
        }
        return UpdateAction(s, *i, v1::ACTION_STATUS_UNSPECIFIED);
      });
  impact->add_option("ACTION_ID", i->action_id, "The action's id")->required();
  impact->add_option("--impact", i->impact, "Evidence that it worked");
  impact->add_option("--worked-when", i->worked_when, kWorkedWhenHelp);

  auto p = std::make_shared<MeetingFlags>();
  CLI::App* drop =
      AddLeaf(*group, "drop", "Drop an action, saying why (status DROPPED)",
              "mfh action drop A1 --reason \"Child moved out of area\"",
              dispatch, [p](Session& s) {
                return UpdateAction(s, *p, v1::ACTION_STATUS_DROPPED);
              });
  drop->add_option("ACTION_ID", p->action_id, "The action's id")->required();
  drop->add_option("--reason", p->reason, "Why it is dropped")->required();
}

}  // namespace

void AddMeetingCommands(CLI::App& app, Dispatch& dispatch) {
  AddAgenda(app, dispatch);
  AddMeeting(app, dispatch);
  AddActionGroup(app, dispatch);
}

}  // namespace mfh::cli
