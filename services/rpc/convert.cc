#include "services/rpc/convert.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"
#include "services/rpc/findings_codec.h"

namespace mfh::rpc {
namespace {

// Flags in force, open_to_cst first, then in the order of the domain's names.
std::vector<const domain::Flag*> FlagsInForce(const domain::Child& child) {
  static constexpr std::array<absl::string_view, 3> kOrder = {
      domain::kFlagOpenToCst, domain::kFlagCseConcern, domain::kFlagCceConcern};
  std::vector<const domain::Flag*> flags;
  for (absl::string_view name : kOrder) {
    for (const domain::Flag& f : child.flags) {
      if (f.name == name && !f.cleared_at.has_value()) flags.push_back(&f);
    }
  }
  return flags;
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

absl::Duration FromDuration(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

std::optional<absl::Time> TimeIf(bool has,
                                 const google::protobuf::Timestamp& ts) {
  return has ? std::optional<absl::Time>(FromTimestamp(ts)) : std::nullopt;
}

v1::PreviousRhi PreviousRhiToProto(const domain::PreviousRhi& p) {
  v1::PreviousRhi out;
  out.set_episode_id(p.episode_id);
  out.set_status(ToProto(p.status));
  if (p.closed_at.has_value()) *out.mutable_closed_at() = ToProto(*p.closed_at);
  if (p.outcome.has_value()) {
    v1::RhiOutcome* outcome = out.mutable_outcome();
    for (domain::Concern c : p.outcome->concerns) {
      outcome->add_concerns(ToProto(c));
    }
    outcome->set_referral_made(p.outcome->referral_made);
  }
  return out;
}

absl::StatusOr<domain::PreviousRhi> PreviousRhiFromProto(
    const v1::PreviousRhi& in) {
  domain::PreviousRhi p;
  p.episode_id = in.episode_id();
  ASSIGN_OR_RETURN(p.status,
                   DecodeRhiStatus("previous_rhi.status", in.status()));
  p.closed_at = TimeIf(in.has_closed_at(), in.closed_at());
  if (in.has_outcome()) {
    p.outcome.emplace();
    for (int i = 0; i < in.outcome().concerns_size(); ++i) {
      ASSIGN_OR_RETURN(domain::Concern concern,
                       DecodeConcern("previous_rhi.outcome.concerns",
                                     in.outcome().concerns(i)));
      p.outcome->concerns.push_back(concern);
    }
    p.outcome->referral_made = in.outcome().referral_made();
  }
  return p;
}

// What a stored agenda holds: its times are never unset but where the proto
// leaves them out, and its enums are checked like any request's.
absl::StatusOr<domain::AgendaEntry> FromProto(const v1::AgendaEntry& in) {
  domain::AgendaEntry e;
  e.child_id = in.child_id();
  e.episode_id = in.episode_id();
  e.action_id = in.action_id();
  e.flags.assign(in.flags().begin(), in.flags().end());
  ASSIGN_OR_RETURN(e.risk, DecodeRisk("risk", in.risk()));
  ASSIGN_OR_RETURN(e.category, DecodeCategory("category", in.category()));
  e.missing_since = TimeIf(in.has_missing_since(), in.missing_since());
  e.escalation = in.escalation();
  e.returned_at = TimeIf(in.has_returned_at(), in.returned_at());
  e.return_notified_at =
      TimeIf(in.has_return_notified_at(), in.return_notified_at());
  e.found_location = in.found_location();
  e.found_with = in.found_with();
  e.due_at = TimeIf(in.has_due_at(), in.due_at());
  ASSIGN_OR_RETURN(e.rhi_status,
                   DecodeRhiStatus("rhi_status", in.rhi_status()));
  if (in.has_previous_rhi()) {
    ASSIGN_OR_RETURN(e.previous_rhi, PreviousRhiFromProto(in.previous_rhi()));
  }
  e.episode_count = in.episode_count();
  e.repeat_window = FromDuration(in.repeat_window());
  e.what = in.what();
  e.who = in.who();
  e.by_when = TimeIf(in.has_by_when(), in.by_when());
  e.indicators = IndicatorNames(in.indicators());
  e.completed_at = TimeIf(in.has_completed_at(), in.completed_at());
  return e;
}

}  // namespace

v1::Child ToProto(const domain::Child& child) {
  v1::Child out;
  out.set_child_id(child.child_id);
  out.set_name(child.name);
  out.set_date_of_birth(domain::FormatDay(child.date_of_birth));
  out.set_la_ref(child.la_ref);
  out.set_looked_after(child.looked_after);
  out.set_placing_authority(child.placing_authority);
  for (const domain::Flag* f : FlagsInForce(child)) {
    v1::Flag* flag = out.add_flags();
    flag->set_name(f->name);
    *flag->mutable_set_at() = ToProto(f->set_at);
  }
  v1::Profile* profile = out.mutable_profile();
  profile->set_sex(child.profile.sex);
  profile->set_ethnicity(child.profile.ethnicity);
  profile->set_social_worker(child.profile.social_worker);
  profile->set_team(child.profile.team);
  profile->set_placement(child.profile.placement);
  profile->set_school(child.profile.school);
  for (const std::string& contact : child.profile.contacts) {
    profile->add_contacts(contact);
  }
  for (const domain::ChildChange& c : child.history) {
    v1::ChildChange* change = out.add_history();
    *change->mutable_at() = ToProto(c.at);
    change->set_by(c.by);
    for (const std::string& text : c.changes) change->add_changes(text);
  }
  return out;
}

v1::Episode ToProto(const domain::Episode& e) {
  v1::Episode out;
  out.set_episode_id(e.episode_id);
  out.set_child_id(e.child_id);
  out.set_police_force(e.police_force);
  out.set_police_ref(e.police_ref);
  out.set_category(ToProto(e.category));
  *out.mutable_missing_since() = ToProto(e.missing_since);
  *out.mutable_notified_at() = ToProto(e.notified_at);
  out.set_risk(ToProto(e.risk));
  if (e.returned_at.has_value()) {
    *out.mutable_returned_at() = ToProto(*e.returned_at);
  }
  if (e.return_notified_at.has_value()) {
    *out.mutable_return_notified_at() = ToProto(*e.return_notified_at);
  }
  out.set_found_location(e.found_location);
  out.set_found_with(e.found_with);
  out.set_returned_to(ToProto(e.returned_to));
  out.set_reporter(e.reporter);
  if (e.voided_at.has_value()) {
    *out.mutable_voided_at() = ToProto(*e.voided_at);
    out.set_void_reason(e.void_reason);
  }
  for (const domain::RiskGrade& g : e.risk_history) {
    v1::RiskGrade* grade = out.add_risk_history();
    grade->set_risk(ToProto(g.risk));
    *grade->mutable_from() = ToProto(g.from);
    *grade->mutable_recorded_at() = ToProto(g.recorded_at);
    grade->set_recorded_by(g.recorded_by);
    grade->set_reason(g.reason);
  }
  for (const domain::Correction& c : e.corrections) {
    v1::Correction* correction = out.add_corrections();
    *correction->mutable_at() = ToProto(c.at);
    correction->set_by(c.by);
    correction->set_rpc(c.rpc);
    correction->set_reason(c.reason);
    for (const std::string& change : c.changes) correction->add_changes(change);
  }
  return out;
}

v1::Interview ToProto(const app::InterviewView& view) {
  const domain::Rhi& rhi = view.rhi;
  v1::Interview out;
  out.set_episode_id(rhi.episode_id);
  out.set_child_id(rhi.child_id);
  *out.mutable_due_at() = ToProto(rhi.due_at);
  *out.mutable_due_at_from_return() = ToProto(rhi.due_at_from_return);
  out.set_status(ToProto(view.status));
  if (rhi.offered_at.has_value()) {
    *out.mutable_offered_at() = ToProto(*rhi.offered_at);
  }
  if (rhi.declined_at.has_value()) {
    *out.mutable_declined_at() = ToProto(*rhi.declined_at);
  }
  if (rhi.completed_at.has_value()) {
    *out.mutable_completed_at() = ToProto(*rhi.completed_at);
  }
  out.set_offered_on_time(view.offered_on_time);
  out.set_met_deadline(view.met_deadline);
  if (view.outcome_visible && rhi.completed_at.has_value()) {
    v1::RhiOutcome* outcome = out.mutable_outcome();
    for (domain::Concern c : rhi.outcome.concerns) {
      outcome->add_concerns(ToProto(c));
    }
    outcome->set_referral_made(rhi.outcome.referral_made);
    outcome->set_notes(rhi.outcome.notes);
  }
  out.set_offered_by(rhi.offered_by);
  out.set_decline_reason(rhi.decline_reason);
  out.set_completed_by(rhi.completed_by);
  for (const std::string& id : rhi.also_episode_ids) {
    out.add_also_episode_ids(id);
  }
  if (rhi.closed_at.has_value()) {
    *out.mutable_closed_at() = ToProto(*rhi.closed_at);
  }
  out.set_closed_reason(rhi.closed_reason);
  *out.mutable_returned_at() = ToProto(rhi.returned_at);
  *out.mutable_return_notified_at() = ToProto(rhi.return_notified_at);
  for (size_t i = 0; i < view.findings.size(); ++i) {
    *(i + 1 == view.findings.size() ? out.mutable_findings()
                                    : out.add_findings_history()) =
        ToProto(view.findings[i]);
  }
  for (const domain::FollowUp& f : view.follow_ups) {
    *out.add_follow_ups() = ToProto(f);
  }
  return out;
}

v1::User ToProto(const domain::User& user) {
  v1::User out;
  out.set_name(user.name);
  out.set_role(ToProto(user.role));
  *out.mutable_created_at() = ToProto(user.created_at);
  if (user.revoked_at.has_value()) {
    *out.mutable_revoked_at() = ToProto(*user.revoked_at);
  }
  return out;
}

v1::AuditEntry ToProto(const domain::AuditRecord& record) {
  v1::AuditEntry out;
  out.set_audit_id(record.audit_id);
  *out.mutable_at() = ToProto(record.at);
  out.set_user(record.user);
  out.set_role(ToProto(record.role));
  out.set_rpc(record.rpc);
  for (const std::string& id : record.child_ids) out.add_child_ids(id);
  for (const std::string& id : record.episode_ids) out.add_episode_ids(id);
  out.set_outcome(record.outcome);
  out.set_subject(record.subject);
  return out;
}

v1::AgendaEntry ToProto(const domain::AgendaEntry& e) {
  v1::AgendaEntry out;
  out.set_child_id(e.child_id);
  out.set_episode_id(e.episode_id);
  out.set_action_id(e.action_id);
  for (const std::string& f : e.flags) out.add_flags(f);
  out.set_risk(ToProto(e.risk));
  out.set_category(ToProto(e.category));
  if (e.missing_since.has_value()) {
    *out.mutable_missing_since() = ToProto(*e.missing_since);
  }
  out.set_escalation(e.escalation);
  if (e.returned_at.has_value()) {
    *out.mutable_returned_at() = ToProto(*e.returned_at);
  }
  if (e.return_notified_at.has_value()) {
    *out.mutable_return_notified_at() = ToProto(*e.return_notified_at);
  }
  out.set_found_location(e.found_location);
  out.set_found_with(e.found_with);
  if (e.due_at.has_value()) *out.mutable_due_at() = ToProto(*e.due_at);
  out.set_rhi_status(ToProto(e.rhi_status));
  if (e.previous_rhi.has_value()) {
    *out.mutable_previous_rhi() = PreviousRhiToProto(*e.previous_rhi);
  }
  out.set_episode_count(e.episode_count);
  if (e.repeat_window != absl::ZeroDuration()) {
    *out.mutable_repeat_window() = ToProto(e.repeat_window);
  }
  out.set_what(e.what);
  out.set_who(e.who);
  if (e.by_when.has_value()) *out.mutable_by_when() = ToProto(*e.by_when);
  AddIndicators(e.indicators, *out.mutable_indicators());
  if (e.completed_at.has_value()) {
    *out.mutable_completed_at() = ToProto(*e.completed_at);
  }
  return out;
}

v1::Agenda ToProto(const domain::Agenda& agenda) {
  v1::Agenda out;
  out.set_day(domain::FormatDay(agenda.day));
  *out.mutable_as_of() = ToProto(agenda.as_of);
  out.set_intelligence_unacknowledged(agenda.intelligence_unacknowledged);
  const std::pair<const std::vector<domain::AgendaEntry>*,
                  google::protobuf::RepeatedPtrField<v1::AgendaEntry>*>
      sections[] = {
          {&agenda.missing_now, out.mutable_missing_now()},
          {&agenda.returned, out.mutable_returned()},
          {&agenda.rhi_overdue, out.mutable_rhi_overdue()},
          {&agenda.rhi_due_soon, out.mutable_rhi_due_soon()},
          {&agenda.repeat_missing, out.mutable_repeat_missing()},
          {&agenda.exploitation_concerns, out.mutable_exploitation_concerns()},
          {&agenda.open_actions, out.mutable_open_actions()},
      };
  for (const auto& [from, to] : sections) {
    for (const domain::AgendaEntry& e : *from) *to->Add() = ToProto(e);
  }
  for (const domain::LinkedGroup& g : agenda.linked) {
    v1::LinkedGroup* group = out.add_linked();
    group->set_link_id(g.link_id);
    group->set_suggested(g.suggested);
    group->set_reason(g.reason);
    for (const domain::AgendaEntry& e : g.entries) {
      *group->add_entries() = ToProto(e);
    }
  }
  return out;
}

v1::LinkedGroup ToProto(const domain::Link& link) {
  v1::LinkedGroup out;
  out.set_link_id(link.link_id);
  out.set_reason(link.reason);
  for (const std::string& id : link.episode_ids) {
    out.add_entries()->set_episode_id(id);
  }
  return out;
}

v1::Action ToProto(const domain::Action& a) {
  v1::Action out;
  out.set_action_id(a.action_id);
  out.set_child_id(a.child_id);
  out.set_meeting_day(domain::FormatDay(a.meeting_day));
  out.set_what(a.what);
  out.set_who(a.who);
  *out.mutable_by_when() = ToProto(a.by_when);
  out.set_done_when(a.done_when);
  out.set_worked_when(a.worked_when);
  out.set_assignee(a.assignee);
  out.set_done_evidence(a.done_evidence);
  out.set_impact_evidence(a.impact_evidence);
  out.set_status(ToProto(a.status));
  out.set_drop_reason(a.drop_reason);
  out.set_meeting_id(a.meeting_id);
  out.set_addendum(a.addendum);
  out.set_created_by(a.created_by);
  *out.mutable_created_at() = ToProto(a.created_at);
  if (a.closed_at.has_value()) *out.mutable_closed_at() = ToProto(*a.closed_at);
  return out;
}

v1::Note ToProto(const domain::Note& n) {
  v1::Note out;
  out.set_note_id(n.note_id);
  out.set_child_id(n.child_id);
  out.set_text(n.text);
  out.set_decision(n.decision);
  out.set_addendum(n.addendum);
  out.set_author(n.author);
  *out.mutable_at() = ToProto(n.at);
  return out;
}

v1::Meeting ToProto(const app::MeetingRecord& record) {
  const domain::Meeting& m = record.meeting;
  v1::Meeting out;
  out.set_meeting_id(m.meeting_id);
  out.set_day(domain::FormatDay(m.day));
  out.set_state(ToProto(m.state));
  *out.mutable_as_of() = ToProto(m.as_of);
  *out.mutable_agenda() = ToProto(record.agenda);
  for (const std::string& a : m.attendees) out.add_attendees(a);
  for (const domain::Note& n : m.notes) *out.add_notes() = ToProto(n);
  for (const domain::Action& a : m.actions) *out.add_actions() = ToProto(a);
  if (m.closed_at.has_value()) *out.mutable_closed_at() = ToProto(*m.closed_at);
  return out;
}

absl::StatusOr<domain::Agenda> FromProto(const v1::Agenda& in) {
  domain::Agenda agenda;
  ASSIGN_OR_RETURN(agenda.day, domain::ParseDay("day", in.day()));
  agenda.as_of = FromTimestamp(in.as_of());
  const std::pair<const google::protobuf::RepeatedPtrField<v1::AgendaEntry>*,
                  std::vector<domain::AgendaEntry>*>
      sections[] = {
          {&in.missing_now(), &agenda.missing_now},
          {&in.returned(), &agenda.returned},
          {&in.rhi_overdue(), &agenda.rhi_overdue},
          {&in.rhi_due_soon(), &agenda.rhi_due_soon},
          {&in.repeat_missing(), &agenda.repeat_missing},
          {&in.exploitation_concerns(), &agenda.exploitation_concerns},
          {&in.open_actions(), &agenda.open_actions},
      };
  for (const auto& [from, to] : sections) {
    for (const v1::AgendaEntry& e : *from) {
      ASSIGN_OR_RETURN(domain::AgendaEntry entry, FromProto(e));
      to->push_back(std::move(entry));
    }
  }
  for (const v1::LinkedGroup& g : in.linked()) {
    domain::LinkedGroup group{.link_id = g.link_id(),
                              .suggested = g.suggested(),
                              .reason = g.reason(),
                              .entries = {}};
    for (const v1::AgendaEntry& e : g.entries()) {
      ASSIGN_OR_RETURN(domain::AgendaEntry entry, FromProto(e));
      group.entries.push_back(std::move(entry));
    }
    agenda.linked.push_back(std::move(group));
  }
  agenda.intelligence_unacknowledged = in.intelligence_unacknowledged();
  return agenda;
}

std::string ProtoAgendaCodec::Encode(const domain::Agenda& agenda) const {
  return ToProto(agenda).SerializeAsString();
}

absl::StatusOr<domain::Agenda> ProtoAgendaCodec::Decode(
    absl::string_view bytes) const {
  v1::Agenda agenda;
  if (!agenda.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError("not a serialised mfh.v1.Agenda");
  }
  return FromProto(agenda);
}

v1::MonthlyReport ToProto(const app::MonthlyReport& r) {
  v1::MonthlyReport out;
  const domain::MonthlyCounts& c = r.counts;
  out.set_month(r.month.label);
  out.set_episodes(c.episodes);
  out.set_missing_episodes(c.missing_episodes);
  out.set_absent_episodes(c.absent_episodes);
  out.set_looked_after_episodes(c.looked_after_episodes);
  out.set_other_authority_episodes(c.other_authority_episodes);
  out.set_children(c.children);
  out.set_repeat_children(c.repeat_children);
  out.set_returns(c.returns);
  out.set_rhis_due(c.rhis_due);
  out.set_rhis_offered_on_time(c.rhis_offered_on_time);
  out.set_rhis_met(c.rhis_met);
  out.set_rhis_completed_on_time(c.rhis_completed_on_time);
  out.set_rhis_declined_on_time(c.rhis_declined_on_time);
  out.set_rhis_due_from_return(c.rhis_due_from_return);
  out.set_rhis_met_from_return(c.rhis_met_from_return);
  out.set_median_hours_to_rhi(r.median_hours_to_rhi);
  out.set_p90_hours_to_rhi(r.p90_hours_to_rhi);
  out.set_actions_agreed(c.actions_agreed);
  out.set_actions_done(c.actions_done);
  out.set_actions_overdue(c.actions_overdue);
  v1::CstMeasure* cst = out.mutable_cst();
  cst->set_children(r.cst.children);
  cst->set_child_months(r.cst.child_months);
  cst->set_episodes_while_open(r.cst.episodes_while_open);
  cst->set_episodes_before(r.cst.episodes_before);
  cst->set_rate_while_open(r.cst.rate_while_open);
  cst->set_rate_before(r.cst.rate_before);
  for (const auto& [month, episodes] : r.trend) {
    v1::MonthEpisodes* m = out.add_trend();
    m->set_month(month);
    m->set_episodes(episodes);
  }
  *out.mutable_as_of() = ToProto(r.as_of);
  out.set_rhis_completed(r.rhis_completed);
  const domain::FindingsCounts& f = r.findings;
  out.set_interviews_with_indicators(f.interviews_with_indicators);
  out.set_referrals_cst(f.referrals_cst);
  out.set_referrals_mash(f.referrals_mash);
  out.set_referrals_wise(f.referrals_wise);
  out.set_intelligence_shared(f.intelligence_shared);
  out.set_intelligence_acknowledged(f.intelligence_acknowledged);
  out.set_rhis_declined(f.rhis_declined);
  out.set_declines_followed_up(f.declines_followed_up);
  return out;
}

v1::Ssda903MissingResponse ToProto(const app::Ssda903Report& r) {
  v1::Ssda903MissingResponse out;
  out.set_year(r.year.label);
  for (const domain::SsdaRow& row : r.rows) {
    v1::Ssda903Row* p = out.add_rows();
    p->set_child(row.child);
    p->set_dob(row.dob);
    p->set_missing(row.missing);
    p->set_mis_start(row.mis_start);
    p->set_mis_end(row.mis_end);
    p->set_episode_id(row.episode_id);
  }
  for (const domain::SsdaViolation& v : r.violations) {
    v1::Ssda903Violation* p = out.add_violations();
    p->set_rule(v.rule);
    p->set_row(v.row);
    p->set_episode_id(v.episode_id);
    p->set_child(v.child);
    p->set_message(v.message);
  }
  out.set_csv(r.csv);
  return out;
}

v1::ExceptionReportResponse ToProto(const app::ExceptionReport& r) {
  v1::ExceptionReportResponse out;
  out.set_quarter(r.quarter.label);
  *out.mutable_as_of() = ToProto(r.as_of);
  out.set_first_month(
      absl::FormatCivilTime(absl::CivilMonth(r.quarter.first_day)));
  out.set_last_month(
      absl::FormatCivilTime(absl::CivilMonth(r.quarter.end_day - 1)));
  *out.mutable_long_episode_after() = ToProto(r.long_episode_after);
  *out.mutable_late_action_after() = ToProto(r.late_action_after);
  for (const app::LateInterview& late : r.late_interviews) {
    v1::LateInterview* p = out.add_late_interviews();
    p->set_episode_id(late.rhi.episode_id);
    p->set_child_id(late.rhi.child_id);
    *p->mutable_due_at() = ToProto(late.rhi.due_at);
    p->set_status(ToProto(late.status));
    if (late.met_at.has_value()) *p->mutable_met_at() = ToProto(*late.met_at);
    p->set_hours_late(late.hours_late);
  }
  for (const app::LongEpisode& e : r.long_episodes) {
    v1::LongEpisode* p = out.add_long_episodes();
    p->set_episode_id(e.episode.episode_id);
    p->set_child_id(e.episode.child_id);
    *p->mutable_missing_since() = ToProto(e.episode.missing_since);
    if (e.returned_at.has_value()) {
      *p->mutable_returned_at() = ToProto(*e.returned_at);
    }
    p->set_hours_missing(e.hours_missing);
    p->set_hours_over(e.hours_over);
  }
  for (const app::OverdueAction& a : r.overdue_actions) {
    v1::OverdueAction* p = out.add_overdue_actions();
    p->set_action_id(a.action.action_id);
    p->set_child_id(a.action.child_id);
    p->set_meeting_day(domain::FormatDay(a.action.meeting_day));
    p->set_what(a.action.what);
    p->set_who(a.action.who);
    *p->mutable_by_when() = ToProto(a.action.by_when);
    p->set_status(ToProto(a.status));
    if (a.closed_at.has_value())
      *p->mutable_closed_at() = ToProto(*a.closed_at);
    p->set_days_overdue(a.days_overdue);
  }
  return out;
}

v1::ChronologyResponse ToProto(const app::Chronology& c) {
  v1::ChronologyResponse out;
  out.set_child_id(c.child_id);
  *out.mutable_as_of() = ToProto(c.as_of);
  for (const domain::ChronologyEvent& e : c.events) {
    v1::ChronologyEvent* p = out.add_events();
    *p->mutable_at() = ToProto(e.at);
    p->set_kind(std::string(domain::EventKindName(e.kind)));
    p->set_episode_id(e.episode_id);
    p->set_action_id(e.action_id);
    p->set_meeting_id(e.meeting_id);
    p->set_detail(e.detail);
    p->set_by(e.by);
  }
  return out;
}

}  // namespace mfh::rpc
