#include "clients/cli/views.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/findings_view.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {
namespace {

using google::protobuf::Timestamp;

std::string YesNo(bool b) { return b ? "yes" : "no"; }
std::string TrueFalse(bool b) { return b ? "true" : "false"; }

template <typename Ids>
std::string Joined(const Ids& ids, absl::string_view sep) {
  return absl::StrJoin(ids.begin(), ids.end(), sep);
}

// Time missing: to the return, or to as_of while still missing.
std::string TimeMissing(const v1::Episode& e, absl::Time as_of) {
  const absl::Time since = client::FromTimestamp(e.missing_since());
  const absl::Time end =
      e.has_returned_at() ? client::FromTimestamp(e.returned_at()) : as_of;
  if (end < since) return "-";
  return client::FormatShortDuration(end - since);
}

std::string Concerns(const v1::Interview& i) {
  if (!i.has_outcome() || i.outcome().concerns().empty()) return "-";
  std::vector<std::string> labels;
  for (int c : i.outcome().concerns()) {
    labels.push_back(client::ConcernLabel(static_cast<v1::Concern>(c)));
  }
  return absl::StrJoin(labels, ", ");
}

std::string ConcernNames(const v1::Interview& i) {
  std::vector<std::string> names;
  for (int c : i.outcome().concerns()) {
    names.push_back(v1::Concern_Name(static_cast<v1::Concern>(c)));
  }
  return absl::StrJoin(names, ",");
}

}  // namespace

std::string Cell(const std::string& text) { return text.empty() ? "-" : text; }

std::string Local(bool has, const google::protobuf::Timestamp& ts) {
  return has ? client::FormatLocal(client::FromTimestamp(ts)) : "-";
}

std::string Utc(bool has, const google::protobuf::Timestamp& ts) {
  return has ? client::FormatUtc(client::FromTimestamp(ts)) : "";
}

Row View<v1::Child>::TableHeader() {
  return {"CHILD",  "NAME",         "DATE OF BIRTH",     "AGE",
          "LA REF", "LOOKED AFTER", "PLACING AUTHORITY", "FLAGS"};
}

Row View<v1::Child>::TableRow(const v1::Child& c, absl::Time) {
  std::vector<std::string> flags;
  for (const v1::Flag& f : c.flags()) flags.push_back(f.name());
  return {c.child_id(),
          c.name(),
          c.date_of_birth(),
          absl::StrCat(c.age()),
          Cell(c.la_ref()),
          YesNo(c.looked_after()),
          Cell(c.placing_authority()),
          Cell(absl::StrJoin(flags, ", "))};
}

Row View<v1::Child>::CsvHeader() {
  return {"child_id",      "name",         "date_of_birth",
          "la_ref",        "looked_after", "placing_authority",
          "flags",         "sex",          "ethnicity",
          "social_worker", "team",         "placement",
          "school",        "contacts"};
}

Row View<v1::Child>::CsvRow(const v1::Child& c) {
  std::vector<std::string> flags;
  for (const v1::Flag& f : c.flags()) flags.push_back(f.name());
  return {c.child_id(),
          c.name(),
          c.date_of_birth(),
          c.la_ref(),
          TrueFalse(c.looked_after()),
          c.placing_authority(),
          absl::StrJoin(flags, ","),
          c.profile().sex(),
          c.profile().ethnicity(),
          c.profile().social_worker(),
          c.profile().team(),
          c.profile().placement(),
          c.profile().school(),
          Joined(c.profile().contacts(), "; ")};
}

Fields View<v1::Child>::Record(const v1::Child& c) {
  std::vector<std::string> changes;
  for (const v1::ChildChange& change : c.history()) {
    changes.push_back(absl::StrCat(Local(change.has_at(), change.at()), " by ",
                                   change.by(), ": ",
                                   Joined(change.changes(), ", ")));
  }
  std::vector<std::string> flags;
  for (const v1::Flag& f : c.flags()) {
    flags.push_back(
        absl::StrCat(f.name(), " since ", Local(f.has_set_at(), f.set_at())));
  }
  return {{"child id", c.child_id()},
          {"name", c.name()},
          {"date of birth", c.date_of_birth()},
          {"age", absl::StrCat(c.age())},
          {"la ref", Cell(c.la_ref())},
          {"looked after", YesNo(c.looked_after())},
          {"placing authority", Cell(c.placing_authority())},
          {"flags", Cell(absl::StrJoin(flags, ", "))},
          {"sex", Cell(c.profile().sex())},
          {"ethnicity", Cell(c.profile().ethnicity())},
          {"social worker", Cell(c.profile().social_worker())},
          {"team", Cell(c.profile().team())},
          {"placement", Cell(c.profile().placement())},
          {"school", Cell(c.profile().school())},
          {"contacts", Cell(Joined(c.profile().contacts(), "; "))},
          {"changes", Cell(absl::StrJoin(changes, "; "))}};
}

Row View<v1::Episode>::TableHeader() {
  return {"EPISODE", "CHILD",         "FORCE",       "POLICE REF",  "CATEGORY",
          "RISK",    "MISSING SINCE", "RETURNED AT", "TIME MISSING"};
}

Row View<v1::Episode>::TableRow(const v1::Episode& e, absl::Time as_of) {
  return {e.episode_id(),
          client::ChildText(e),
          e.police_force(),
          e.police_ref(),
          client::CategoryLabel(e.category()),
          client::RiskLabel(e.risk()),
          Local(e.has_missing_since(), e.missing_since()),
          Local(e.has_returned_at(), e.returned_at()),
          e.has_voided_at() ? "voided" : TimeMissing(e, as_of)};
}

Row View<v1::Episode>::CsvHeader() {
  return {"episode_id",   "child_id",           "name",
          "police_force", "police_ref",         "category",
          "risk",         "missing_since",      "notified_at",
          "returned_at",  "return_notified_at", "found_location",
          "found_with",   "returned_to",        "reporter",
          "voided_at",    "void_reason"};
}

Row View<v1::Episode>::CsvRow(const v1::Episode& e) {
  return {e.episode_id(),
          e.child_id(),
          e.name(),
          e.police_force(),
          e.police_ref(),
          v1::Category_Name(e.category()),
          v1::Risk_Name(e.risk()),
          Utc(e.has_missing_since(), e.missing_since()),
          Utc(e.has_notified_at(), e.notified_at()),
          Utc(e.has_returned_at(), e.returned_at()),
          Utc(e.has_return_notified_at(), e.return_notified_at()),
          e.found_location(),
          e.found_with(),
          v1::ReturnedTo_Name(e.returned_to()),
          e.reporter(),
          Utc(e.has_voided_at(), e.voided_at()),
          e.void_reason()};
}

Fields View<v1::Episode>::Record(const v1::Episode& e) {
  std::vector<std::string> grades;
  for (const v1::RiskGrade& g : e.risk_history()) {
    grades.push_back(absl::StrCat(client::RiskLabel(g.risk()), " from ",
                                  Local(g.has_from(), g.from()), " (",
                                  g.reason(), ")"));
  }
  std::vector<std::string> corrections;
  for (const v1::Correction& c : e.corrections()) {
    corrections.push_back(client::LocalizeInstants(
        absl::StrCat(Local(c.has_at(), c.at()), " by ", c.by(), ": ",
                     c.reason(), " (", Joined(c.changes(), ", "), ")")));
  }
  Fields fields = {
      {"episode id", e.episode_id()},
      {"child", client::ChildText(e)},
      {"police force", e.police_force()},
      {"police ref", e.police_ref()},
      {"category", client::CategoryLabel(e.category())},
      {"risk", client::RiskLabel(e.risk())},
      {"missing since", Local(e.has_missing_since(), e.missing_since())},
      {"notified at", Local(e.has_notified_at(), e.notified_at())},
      {"returned at", Local(e.has_returned_at(), e.returned_at())},
      {"return notified at",
       Local(e.has_return_notified_at(), e.return_notified_at())},
      {"found location", Cell(e.found_location())},
      {"found with", Cell(e.found_with())},
      {"returned to", client::ReturnedToLabel(e.returned_to())},
      {"time missing",
       e.has_returned_at() ? TimeMissing(e, absl::InfinitePast()) : "-"},
      {"reporter", Cell(e.reporter())},
      {"risk history", Cell(absl::StrJoin(grades, "; "))},
      {"corrections", Cell(absl::StrJoin(corrections, "; "))}};
  if (e.has_voided_at()) {
    fields.insert(fields.begin() + 1,
                  {"VOIDED", absl::StrCat(Local(true, e.voided_at()),
                                          ", made in error: ", e.void_reason(),
                                          " (not counted anywhere)")});
  }
  return fields;
}

Row View<v1::Interview>::TableHeader() {
  return {"EPISODE",  "CHILD",   "STATUS",   "DUE",
          "DEADLINE", "OFFERED", "COMPLETED"};
}

Row View<v1::Interview>::TableRow(const v1::Interview& i, absl::Time as_of) {
  return {
      i.episode_id(),
      client::ChildText(i),
      client::RhiStatusLabel(i.status()),
      Local(i.has_due_at(), i.due_at()),
      client::IsOpenRhiStatus(i.status())
          ? client::FormatCountdown(client::FromTimestamp(i.due_at()), as_of)
          : "-",
      Local(i.has_offered_at(), i.offered_at()),
      Local(i.has_completed_at(), i.completed_at())};
}

Row View<v1::Interview>::CsvHeader() {
  return {"episode_id",
          "child_id",
          "name",
          "status",
          "due_at",
          "due_at_from_return",
          "returned_at",
          "return_notified_at",
          "offered_at",
          "offered_by",
          "declined_at",
          "decline_reason",
          "completed_at",
          "completed_by",
          "offered_on_time",
          "met_deadline",
          "concerns",
          "referral_made",
          "notes",
          "also_episode_ids",
          "closed_at",
          "closed_reason"};
}

Row View<v1::Interview>::CsvRow(const v1::Interview& i) {
  return {i.episode_id(),
          i.child_id(),
          i.name(),
          v1::RhiStatus_Name(i.status()),
          Utc(i.has_due_at(), i.due_at()),
          Utc(i.has_due_at_from_return(), i.due_at_from_return()),
          Utc(i.has_returned_at(), i.returned_at()),
          Utc(i.has_return_notified_at(), i.return_notified_at()),
          Utc(i.has_offered_at(), i.offered_at()),
          i.offered_by(),
          Utc(i.has_declined_at(), i.declined_at()),
          i.decline_reason(),
          Utc(i.has_completed_at(), i.completed_at()),
          i.completed_by(),
          TrueFalse(i.offered_on_time()),
          TrueFalse(i.met_deadline()),
          ConcernNames(i),
          TrueFalse(i.outcome().referral_made()),
          i.outcome().notes(),
          Joined(i.also_episode_ids(), ","),
          Utc(i.has_closed_at(), i.closed_at()),
          i.closed_reason()};
}

Fields View<v1::Interview>::Record(const v1::Interview& i) {
  Fields fields = {
      {"episode id", i.episode_id()},
      {"child", client::ChildText(i)},
      {"status", client::RhiStatusLabel(i.status())},
      {"due at", Local(i.has_due_at(), i.due_at())},
      {"due from return",
       Local(i.has_due_at_from_return(), i.due_at_from_return())},
      {"returned at", Local(i.has_returned_at(), i.returned_at())},
      {"return notified at",
       Local(i.has_return_notified_at(), i.return_notified_at())},
      {"offered at", Local(i.has_offered_at(), i.offered_at())},
      {"offered by", Cell(i.offered_by())},
      {"declined at", Local(i.has_declined_at(), i.declined_at())},
      {"decline reason", Cell(i.decline_reason())},
      {"completed at", Local(i.has_completed_at(), i.completed_at())},
      {"completed by", Cell(i.completed_by())},
      {"concerns", Concerns(i)},
      {"referral made",
       i.has_outcome() ? YesNo(i.outcome().referral_made()) : "-"},
      {"notes", Cell(i.outcome().notes())},
      {"also covers", Cell(Joined(i.also_episode_ids(), ", "))},
      {"closed at", Local(i.has_closed_at(), i.closed_at())},
      {"closed reason", Cell(i.closed_reason())},
      {"offered on time", YesNo(i.offered_on_time())},
      {"met deadline", YesNo(i.met_deadline())}};
  AppendFindings(i, fields);
  return fields;
}

Row View<v1::User>::TableHeader() {
  return {"NAME", "ROLE", "CREATED", "REVOKED"};
}

Row View<v1::User>::TableRow(const v1::User& u, absl::Time) {
  return {u.name(), client::RoleLabel(u.role()),
          Local(u.has_created_at(), u.created_at()),
          Local(u.has_revoked_at(), u.revoked_at())};
}

Row View<v1::User>::CsvHeader() {
  return {"name", "role", "created_at", "revoked_at"};
}

Row View<v1::User>::CsvRow(const v1::User& u) {
  return {u.name(), v1::Role_Name(u.role()),
          Utc(u.has_created_at(), u.created_at()),
          Utc(u.has_revoked_at(), u.revoked_at())};
}

Fields View<v1::User>::Record(const v1::User& u) {
  return {{"name", u.name()},
          {"role", client::RoleLabel(u.role())},
          {"created at", Local(u.has_created_at(), u.created_at())},
          {"revoked at", Local(u.has_revoked_at(), u.revoked_at())}};
}

Row View<v1::AuditEntry>::TableHeader() {
  return {"ID",       "AT",       "USER",    "ROLE",   "RPC",
          "CHILDREN", "EPISODES", "OUTCOME", "SUBJECT"};
}

Row View<v1::AuditEntry>::TableRow(const v1::AuditEntry& a, absl::Time) {
  return {absl::StrCat(a.audit_id()),
          Local(a.has_at(), a.at()),
          a.user(),
          client::RoleLabel(a.role()),
          a.rpc(),
          Cell(Joined(a.child_ids(), ",")),
          Cell(Joined(a.episode_ids(), ",")),
          a.outcome(),
          Cell(a.subject())};
}

Row View<v1::AuditEntry>::CsvHeader() {
  return {"audit_id",  "at",          "user",    "role",   "rpc",
          "child_ids", "episode_ids", "outcome", "subject"};
}

Row View<v1::AuditEntry>::CsvRow(const v1::AuditEntry& a) {
  return {absl::StrCat(a.audit_id()),
          Utc(a.has_at(), a.at()),
          a.user(),
          v1::Role_Name(a.role()),
          a.rpc(),
          Joined(a.child_ids(), ","),
          Joined(a.episode_ids(), ","),
          a.outcome(),
          a.subject()};
}

Fields View<v1::AuditEntry>::Record(const v1::AuditEntry& a) {
  return {{"audit id", absl::StrCat(a.audit_id())},
          {"at", Local(a.has_at(), a.at())},
          {"user", a.user()},
          {"role", client::RoleLabel(a.role())},
          {"rpc", a.rpc()},
          {"children", Cell(Joined(a.child_ids(), ", "))},
          {"episodes", Cell(Joined(a.episode_ids(), ", "))},
          {"outcome", a.outcome()},
          {"subject", Cell(a.subject())}};
}

Row View<v1::Action>::TableHeader() {
  return {"ACTION",   "CHILD",    "MEETING DAY", "STATUS", "BY WHEN",
          "DEADLINE", "ASSIGNEE", "WHO",         "WHAT"};
}

Row View<v1::Action>::TableRow(const v1::Action& a, absl::Time as_of) {
  return {
      a.action_id(),
      client::ChildText(a),
      a.meeting_day(),
      client::ActionStatusLabel(a.status()),
      Local(a.has_by_when(), a.by_when()),
      a.status() == v1::ACTION_STATUS_OPEN && a.has_by_when()
          ? client::FormatCountdown(client::FromTimestamp(a.by_when()), as_of)
          : "-",
      Cell(a.assignee()),
      a.who(),
      a.what()};
}

Row View<v1::Action>::CsvHeader() {
  return {"action_id",     "child_id",        "name",
          "meeting_id",    "meeting_day",     "what",
          "who",           "by_when",         "done_when",
          "worked_when",   "assignee",        "status",
          "done_evidence", "impact_evidence", "drop_reason",
          "addendum",      "created_by",      "created_at",
          "closed_at"};
}

Row View<v1::Action>::CsvRow(const v1::Action& a) {
  return {a.action_id(),
          a.child_id(),
          a.name(),
          a.meeting_id(),
          a.meeting_day(),
          a.what(),
          a.who(),
          Utc(a.has_by_when(), a.by_when()),
          a.done_when(),
          a.worked_when(),
          a.assignee(),
          v1::ActionStatus_Name(a.status()),
          a.done_evidence(),
          a.impact_evidence(),
          a.drop_reason(),
          TrueFalse(a.addendum()),
          a.created_by(),
          Utc(a.has_created_at(), a.created_at()),
          Utc(a.has_closed_at(), a.closed_at())};
}

Fields View<v1::Action>::Record(const v1::Action& a) {
  return {
      {"action id", a.action_id()},
      {"child", client::ChildText(a)},
      {"meeting", absl::StrCat(a.meeting_id(), " (", a.meeting_day(),
                               a.addendum() ? ", addendum)" : ")")},
      {"what", a.what()},
      {"who", a.who()},
      {"by when", Local(a.has_by_when(), a.by_when())},
      {"how we know it is done", a.done_when()},
      {"how we know it worked", Cell(a.worked_when())},
      {"assignee", Cell(a.assignee())},
      {"status", client::ActionStatusLabel(a.status())},
      {"done evidence", Cell(a.done_evidence())},
      {"impact evidence", Cell(a.impact_evidence())},
      {"drop reason", Cell(a.drop_reason())},
      {"agreed by", absl::StrCat(a.created_by(), " at ",
                                 Local(a.has_created_at(), a.created_at()))},
      {"closed at", Local(a.has_closed_at(), a.closed_at())}};
}

Row View<v1::Note>::CsvHeader() {
  return {"note_id",  "child_id", "name",   "text",
          "decision", "addendum", "author", "at"};
}

Row View<v1::Note>::CsvRow(const v1::Note& n) {
  return {n.note_id(),
          n.child_id(),
          n.name(),
          n.text(),
          TrueFalse(n.decision()),
          TrueFalse(n.addendum()),
          n.author(),
          Utc(n.has_at(), n.at())};
}

Fields View<v1::Note>::Record(const v1::Note& n) {
  return {{"note id", n.note_id()}, {"child", client::ChildText(n)},
          {"kind", NoteKind(n)},    {"text", n.text()},
          {"author", n.author()},   {"at", Local(n.has_at(), n.at())}};
}

Row View<v1::LinkedGroup>::CsvHeader() {
  return {"link_id", "suggested", "reason", "episode_ids"};
}

Row View<v1::LinkedGroup>::CsvRow(const v1::LinkedGroup& l) {
  std::vector<std::string> ids;
  for (const v1::AgendaEntry& e : l.entries()) ids.push_back(e.episode_id());
  return {l.link_id(), TrueFalse(l.suggested()), l.reason(),
          absl::StrJoin(ids, ",")};
}

Fields View<v1::LinkedGroup>::Record(const v1::LinkedGroup& l) {
  std::vector<std::string> ids;
  for (const v1::AgendaEntry& e : l.entries()) ids.push_back(e.episode_id());
  return {{"link id", Cell(l.link_id())},
          {"reason", l.reason()},
          {"episodes", absl::StrJoin(ids, ", ")}};
}

std::string NoteKind(const v1::Note& note) {
  return absl::StrCat(note.decision() ? "decision" : "note",
                      note.addendum() ? " (addendum)" : "");
}

}  // namespace mfh::cli
