// mfh report monthly|ssda903|exceptions|chronology: ReportService.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/cli/child_ref.h"
#include "clients/cli/chronology_pdf.h"
#include "clients/cli/monthly_pdf.h"
#include "clients/cli/output.h"
#include "clients/cli/partnership_pdf.h"
#include "clients/cli/report_pdf.h"
#include "clients/cli/session.h"
#include "clients/core/calls.h"
#include "clients/core/findings_calls.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

struct ReportFlags {
  std::string period;
  std::string child_id;
  std::string as_of;
  std::string pdf;
};

// "66.7%" of part in whole; "-" when whole is 0.
std::string Percent(int part, int whole) {
  if (whole == 0) return "-";
  return absl::StrFormat("%.1f%%", 100.0 * part / whole);
}

std::string Decimal(double value, int places) {
  return absl::StrFormat("%.*f", places, value);
}

// The figures of the monthly report in order: name, value.
Fields MonthlyFigures(const v1::MonthlyReport& r) {
  return {
      {"episodes", absl::StrCat(r.episodes())},
      {"missing_episodes", absl::StrCat(r.missing_episodes())},
      {"absent_episodes", absl::StrCat(r.absent_episodes())},
      {"looked_after_episodes", absl::StrCat(r.looked_after_episodes())},
      {"other_authority_episodes", absl::StrCat(r.other_authority_episodes())},
      {"children", absl::StrCat(r.children())},
      {"repeat_children", absl::StrCat(r.repeat_children())},
      {"returns", absl::StrCat(r.returns())},
      {"rhis_due", absl::StrCat(r.rhis_due())},
      {"rhis_offered_on_time", absl::StrCat(r.rhis_offered_on_time())},
      {"rhis_met", absl::StrCat(r.rhis_met())},
      {"rhis_met_share", Percent(r.rhis_met(), r.rhis_due())},
      {"rhis_completed_on_time", absl::StrCat(r.rhis_completed_on_time())},
      {"rhis_declined_on_time", absl::StrCat(r.rhis_declined_on_time())},
      {"rhis_due_from_return", absl::StrCat(r.rhis_due_from_return())},
      {"rhis_met_from_return", absl::StrCat(r.rhis_met_from_return())},
      {"rhis_met_from_return_share",
       Percent(r.rhis_met_from_return(), r.rhis_due_from_return())},
      {"rhis_completed", absl::StrCat(r.rhis_completed())},
      {"median_hours_to_rhi", Decimal(r.median_hours_to_rhi(), 1)},
      {"p90_hours_to_rhi", Decimal(r.p90_hours_to_rhi(), 1)},
      {"actions_agreed", absl::StrCat(r.actions_agreed())},
      {"actions_done", absl::StrCat(r.actions_done())},
      {"actions_overdue", absl::StrCat(r.actions_overdue())},
      {"cst_children", absl::StrCat(r.cst().children())},
      {"cst_child_months", Decimal(r.cst().child_months(), 2)},
      {"cst_episodes_while_open", absl::StrCat(r.cst().episodes_while_open())},
      {"cst_episodes_before", absl::StrCat(r.cst().episodes_before())},
      {"cst_rate_while_open", Decimal(r.cst().rate_while_open(), 2)},
      {"cst_rate_before", Decimal(r.cst().rate_before(), 2)},
      {"interviews_with_indicators",
       absl::StrCat(r.interviews_with_indicators())},
      {"referrals_cst", absl::StrCat(r.referrals_cst())},
      {"referrals_mash", absl::StrCat(r.referrals_mash())},
      {"referrals_wise", absl::StrCat(r.referrals_wise())},
      {"intelligence_shared", absl::StrCat(r.intelligence_shared())},
      {"intelligence_acknowledged",
       absl::StrCat(r.intelligence_acknowledged())},
      {"rhis_declined", absl::StrCat(r.rhis_declined())},
      {"declines_followed_up", absl::StrCat(r.declines_followed_up())},
  };
}

absl::Status Monthly(Session& s, const ReportFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::MonthlyReportResponse resp,
                   client::MonthlyReport(*conn, f.period, as_of));
  const v1::MonthlyReport& r = resp.report();
  const Fields figures = MonthlyFigures(r);
  if (!f.pdf.empty()) RETURN_IF_ERROR(WriteMonthlyPdf(*conn, resp, f.pdf));
  switch (s.format()) {
    case Format::kJson:
      s.out() << JsonLine(resp);
      break;
    case Format::kCsv: {
      Row header = {"month"};
      Row values = {r.month()};
      for (const auto& [name, value] : figures) {
        header.push_back(name);
        values.push_back(value);
      }
      s.out() << CsvLine(header) << CsvLine(values);
      break;
    }
    case Format::kTable: {
      std::vector<Row> rows;
      for (const auto& [name, value] : figures) rows.push_back({name, value});
      s.out() << "Monthly report " << r.month() << " as of "
              << client::FormatLocal(client::FromTimestamp(r.as_of())) << "\n\n"
              << Table({"figure", "value"}, rows) << "\n";
      std::vector<Row> trend;
      for (const v1::MonthEpisodes& m : r.trend()) {
        trend.push_back({m.month(), absl::StrCat(m.episodes())});
      }
      s.out() << Table({"month", "episodes"}, trend);
      break;
    }
  }
  return absl::OkStatus();
}

// A status as the report's rows write it, in lower case: "overdue", "done".
std::string RhiWord(v1::RhiStatus status) {
  return absl::AsciiStrToLower(client::RhiStatusLabel(status));
}

std::string ActionWord(v1::ActionStatus status) {
  return absl::AsciiStrToLower(client::ActionStatusLabel(status));
}

// The time from `from` to `to`, or to `as_of` when `to` is unset.
absl::Duration Span(const google::protobuf::Timestamp& from, bool has_to,
                    const google::protobuf::Timestamp& to, absl::Time as_of) {
  const absl::Time end = has_to ? client::FromTimestamp(to) : as_of;
  return end - client::FromTimestamp(from);
}

// Span as a report reads it: "37d 22h", "23h 0m".
std::string Between(const google::protobuf::Timestamp& from, bool has_to,
                    const google::protobuf::Timestamp& to, absl::Time as_of) {
  return client::FormatShortDuration(Span(from, has_to, to, as_of));
}

std::string TimeLate(const v1::LateInterview& l, absl::Time as_of) {
  return Between(l.due_at(), l.has_met_at(), l.met_at(), as_of);
}

std::string TimeMissing(const v1::LongEpisode& e, absl::Time as_of) {
  return Between(e.missing_since(), e.has_returned_at(), e.returned_at(),
                 as_of);
}

std::string TimeOver(const v1::LongEpisode& e, absl::Time as_of,
                     absl::Duration threshold) {
  return client::FormatShortDuration(
      Span(e.missing_since(), e.has_returned_at(), e.returned_at(), as_of) -
      threshold);
}

std::string ActionLate(const v1::OverdueAction& a, absl::Time as_of) {
  return Between(a.by_when(), a.has_closed_at(), a.closed_at(), as_of);
}

// How late an RHI is: "23h 0m late", "not held", or "not completed as of
// <as_of>" (with the time past due_at), with as_of as `as_of_text`.
std::string HowLate(const v1::LateInterview& l, absl::Time as_of,
                    const std::string& as_of_text) {
  if (l.has_met_at()) return absl::StrCat(TimeLate(l, as_of), " late");
  if (l.status() == v1::RHI_STATUS_NOT_HELD) return "not held";
  return absl::StrCat("not completed as of ", as_of_text, " (",
                      TimeLate(l, as_of), " past due)");
}

// The thresholds the server applied, in days: "7 days", "14 days".
std::string LongEpisodeAfter(const v1::ExceptionReportResponse& resp) {
  return client::FormatDays(client::FromDuration(resp.long_episode_after()));
}

std::string LateActionAfter(const v1::ExceptionReportResponse& resp) {
  return client::FormatDays(client::FromDuration(resp.late_action_after()));
}

std::string ExceptionTotals(const v1::ExceptionReportResponse& resp) {
  return absl::StrCat(resp.late_interviews_size(), " RHIs late or not held, ",
                      resp.long_episodes_size(), " episodes over ",
                      LongEpisodeAfter(resp), ", ", resp.overdue_actions_size(),
                      " actions over ", LateActionAfter(resp), " late");
}

// The exception report as a PDF, with the trend of the 12 months to the
// quarter's last month (from MonthlyReport, as of the same time).
absl::Status ExceptionsPdf(const client::Connection& conn,
                           std::optional<absl::Time> as_of,
                           const v1::ExceptionReportResponse& resp,
                           const std::string& path) {
  const absl::Time t = client::FromTimestamp(resp.as_of());
  // A quarter not yet over: the trend to the month of as_of, the last with
  // anything to count.
  const std::string trend_month =
      IsPartial(resp.last_month(), t)
          ? absl::FormatTime("%Y-%m", t, client::London())
          : resp.last_month();
  ASSIGN_OR_RETURN(v1::MonthlyReportResponse trend,
                   client::MonthlyReport(conn, trend_month, as_of));
  const absl::Duration long_after =
      client::FromDuration(resp.long_episode_after());
  auto local = [](const google::protobuf::Timestamp& ts) {
    return client::FormatLocal(client::FromTimestamp(ts));
  };
  PdfReport pdf{
      .authority = resp.authority(),
      .title = "Missing from home: exception report",
      .period = absl::StrCat(
          QuarterWords(resp.quarter(), resp.first_month(), resp.last_month()),
          PartialMark(resp.last_month(), t)),
      .as_of = AsOfWords(t),
      .summary = {absl::StrCat("Totals: ", ExceptionTotals(resp))}};
  PdfTable rhis{.heading = "RHIs due in the quarter completed late or never",
                .header = {"child", "episode", "due", "status", "how late"}};
  for (const v1::LateInterview& l : resp.late_interviews()) {
    rhis.rows.push_back({client::ChildText(l), l.episode_id(),
                         local(l.due_at()),
                         absl::StrReplaceAll(RhiWord(l.status()), {{"_", " "}}),
                         HowLate(l, t, client::FormatLocal(t))});
  }
  PdfTable episodes{
      .heading = absl::StrCat("Episodes longer than ", LongEpisodeAfter(resp)),
      .header = {"child", "episode", "missing since", "returned",
                 "time missing",
                 absl::StrCat("time over ", LongEpisodeAfter(resp))}};
  for (const v1::LongEpisode& e : resp.long_episodes()) {
    episodes.rows.push_back(
        {client::ChildText(e), e.episode_id(), local(e.missing_since()),
         e.has_returned_at() ? local(e.returned_at()) : "still missing",
         TimeMissing(e, t), TimeOver(e, t, long_after)});
  }
  PdfTable actions{.heading = absl::StrCat("Actions overdue by more than ",
                                           LateActionAfter(resp)),
                   .header = {"child", "action", "meeting", "what", "who",
                              "by when", "status", "time late"}};
  for (const v1::OverdueAction& a : resp.overdue_actions()) {
    actions.rows.push_back({client::ChildText(a), a.action_id(),
                            a.meeting_day(), a.what(), a.who(),
                            local(a.by_when()), ActionWord(a.status()),
                            ActionLate(a, t)});
  }
  for (PdfTable* table : {&rhis, &episodes, &actions}) {
    if (table->rows.empty()) table->rows.push_back({"none"});
    pdf.blocks.emplace_back(std::move(*table));
  }
  pdf.blocks.emplace_back(
      PdfChart{.title = "Episodes per month, the 12 months to " +
                        MonthName(trend.report().month()),
               .bars = Trend(trend.report()),
               .partial_note = PartialNote(trend_month, t)});
  return WritePdf(path, pdf);
}

absl::Status Exceptions(Session& s, const ReportFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ExceptionReportResponse resp,
                   client::ExceptionReport(*conn, f.period, as_of));
  if (!f.pdf.empty()) RETURN_IF_ERROR(ExceptionsPdf(*conn, as_of, resp, f.pdf));
  if (s.format() == Format::kJson) {
    s.out() << JsonLine(resp);
    return absl::OkStatus();
  }
  const bool table = s.format() == Format::kTable;
  std::string (*format)(absl::Time) =
      table ? &client::FormatLocal : &client::FormatUtc;
  const absl::Time t = client::FromTimestamp(resp.as_of());
  const absl::Duration long_after =
      client::FromDuration(resp.long_episode_after());
  // One list of rows: kind, ids, the time it concerns, how late; and the
  // child of each as people read it.
  std::vector<Row> rows;
  std::vector<std::string> labels;
  for (const v1::LateInterview& l : resp.late_interviews()) {
    labels.push_back(client::ChildText(l));
    rows.push_back({"rhi_late", l.child_id(), l.name(), l.episode_id(),
                    format(client::FromTimestamp(l.due_at())),
                    RhiWord(l.status()), Decimal(l.hours_late(), 1),
                    HowLate(l, t, format(t))});
  }
  for (const v1::LongEpisode& e : resp.long_episodes()) {
    labels.push_back(client::ChildText(e));
    rows.push_back({"long_episode", e.child_id(), e.name(), e.episode_id(),
                    format(client::FromTimestamp(e.missing_since())),
                    e.has_returned_at() ? "returned" : "missing",
                    Decimal(e.hours_over(), 1),
                    absl::StrCat(TimeMissing(e, t), " missing; ",
                                 TimeOver(e, t, long_after), " over ",
                                 LongEpisodeAfter(resp))});
  }
  for (const v1::OverdueAction& a : resp.overdue_actions()) {
    labels.push_back(client::ChildText(a));
    rows.push_back({"action_late", a.child_id(), a.name(), a.action_id(),
                    format(client::FromTimestamp(a.by_when())),
                    ActionWord(a.status()), Decimal(a.days_overdue(), 1),
                    absl::StrCat(ActionLate(a, t), " after by_when",
                                 a.has_closed_at() ? "" : " and still open")});
  }
  const Row header = {"kind", "child",  "name", "id",
                      "due",  "status", "late", "how_late"};
  if (!table) {
    s.out() << CsvLine(header);
    for (const Row& row : rows) s.out() << CsvLine(row);
    return absl::OkStatus();
  }
  s.out() << "Exception report "
          << QuarterWords(resp.quarter(), resp.first_month(), resp.last_month())
          << (IsPartial(resp.last_month(), t) ? ", partial," : "") << " as of "
          << client::FormatLocal(t) << "\n"
          << ExceptionTotals(resp) << "\n\n";
  if (rows.empty()) {
    s.out() << "No exceptions.\n";
  } else {
    // People read one column: "Amara Okafor, 14 (C1)".
    Row table_header = header;
    table_header.erase(table_header.begin() + 2);
    for (size_t i = 0; i < rows.size(); ++i) {
      rows[i][1] = labels[i];
      rows[i].erase(rows[i].begin() + 2);
    }
    s.out() << Table(table_header, rows);
  }
  return absl::OkStatus();
}

absl::Status ChronologyCommand(Session& s, const ReportFlags& f) {
  ASSIGN_OR_RETURN(const std::string child,
                   ResolveChild(s, "--child", f.child_id));
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ChronologyResponse resp,
                   client::Chronology(*conn, child, as_of));
  if (!f.pdf.empty()) RETURN_IF_ERROR(WriteChronologyPdf(resp, f.pdf));
  if (s.format() == Format::kJson) {
    s.out() << JsonLine(resp);
    return absl::OkStatus();
  }
  const bool table = s.format() == Format::kTable;
  std::vector<Row> rows;
  for (const v1::ChronologyEvent& e : resp.events()) {
    const absl::Time at = client::FromTimestamp(e.at());
    rows.push_back({table ? client::FormatLocal(at) : client::FormatUtc(at),
                    e.kind(), e.episode_id(), e.action_id(), e.meeting_id(),
                    e.detail(), e.by()});
  }
  const Row header = {"at",      "kind",   "episode", "action",
                      "meeting", "detail", "by"};
  if (!table) {
    s.out() << CsvLine(header);
    for (const Row& row : rows) s.out() << CsvLine(row);
    return absl::OkStatus();
  }
  s.out() << "Chronology of " << client::ChildText(resp) << "\n\n";
  if (rows.empty()) {
    s.out() << "No events.\n";
  } else {
    s.out() << Table(header, rows);
  }
  return absl::OkStatus();
}

absl::Status Partnership(Session& s, const ReportFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(const HalfYear h, LoadHalfYear(*conn, f.period, as_of));
  if (!f.pdf.empty()) RETURN_IF_ERROR(WritePartnershipPdf(*conn, h, f.pdf));
  PdfTable table = MonthByMonth(h);
  table.header.front() = "figure";
  switch (s.format()) {
    case Format::kJson:
      for (const v1::MonthlyReportResponse& m : h.months) {
        s.out() << JsonLine(m);
      }
      break;
    case Format::kCsv:
      s.out() << CsvLine(table.header);
      for (const Row& row : table.rows) s.out() << CsvLine(row);
      break;
    case Format::kTable:
      s.out() << "Report to the partnership, " << HalfWords(h) << ", as of "
              << client::FormatLocal(h.as_of) << "\n\n"
              << Table(table.header, table.rows);
      break;
  }
  return absl::OkStatus();
}

absl::Status Ssda903(Session& s, const ReportFlags& f) {
  ASSIGN_OR_RETURN(std::optional<absl::Time> as_of,
                   OptionalTimeFlag("--as-of", f.as_of));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::Ssda903MissingResponse resp,
                   client::Ssda903Missing(*conn, f.period, as_of));
  switch (s.format()) {
    case Format::kJson:
      s.out() << JsonLine(resp);
      break;
    case Format::kCsv:
      // Exactly the file the DfE expects; the violations are in the table
      // and the JSON.
      s.out() << resp.csv();
      break;
    case Format::kTable: {
      std::vector<Row> rows;
      for (const v1::Ssda903Row& r : resp.rows()) {
        rows.push_back({r.child(), r.dob(), r.missing(), r.mis_start(),
                        r.mis_end(), r.episode_id()});
      }
      s.out() << "SSDA903 Missing " << resp.year() << "\n\n"
              << Table({"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END",
                        "episode"},
                       rows);
      std::vector<Row> violations;
      for (const v1::Ssda903Violation& v : resp.violations()) {
        violations.push_back({v.rule(), absl::StrCat(v.row() + 1),
                              v.episode_id(), v.child(), v.message()});
      }
      s.out() << "\n";
      if (violations.empty()) {
        s.out() << "No DfE validation rule is broken.\n";
      } else {
        s.out() << Table({"rule", "row", "episode", "CHILD", "problem"},
                         violations);
      }
      break;
    }
  }
  return absl::OkStatus();
}

}  // namespace

void AddReportCommands(CLI::App& app, Dispatch& dispatch) {
  CLI::App* report =
      app.add_subcommand("report", "Reports (coordinator and manager)");
  report->require_subcommand(1);
  AddHotspotCommand(*report, dispatch);

  auto m = std::make_shared<ReportFlags>();
  CLI::App* monthly =
      AddLeaf(*report, "monthly", "The monthly performance figures",
              "mfh report monthly --month 2026-03 --as-of 2026-04-01T09:00",
              dispatch, [m](Session& s) { return Monthly(s, *m); });
  monthly->add_option("--month", m->period, "YYYY-MM (Europe/London)")
      ->required();
  monthly->add_option("--as-of", m->as_of, "Count what happened by then");
  monthly->add_option("--pdf", m->pdf,
                      "Also write the report, with the 12-month trend, as a "
                      "PDF to FILE");

  auto q = std::make_shared<ReportFlags>();
  CLI::App* exceptions = AddLeaf(
      *report, "exceptions",
      "RHIs due in the quarter met late or never, long episodes and late "
      "actions, past the thresholds the server states in the report",
      "mfh report exceptions --quarter 2025-Q4 --as-of 2026-04-01T09:00",
      dispatch, [q](Session& s) { return Exceptions(s, *q); });
  exceptions
      ->add_option("--quarter", q->period,
                   "YYYY-Qn of the financial year (Q1: April to June YYYY)")
      ->required();
  exceptions->add_option("--as-of", q->as_of, "Count what happened by then");
  exceptions->add_option("--pdf", q->pdf,
                         "Also write the report, with the 12-month trend, as "
                         "a PDF to FILE");

  auto c = std::make_shared<ReportFlags>();
  CLI::App* chronology = AddLeaf(
      *report, "chronology", "Every event of a child's record in time order",
      "mfh report chronology --child C1 --as-of 2026-04-01T09:00", dispatch,
      [c](Session& s) { return ChronologyCommand(s, *c); });
  chronology->add_option("--child", c->child_id, kChildHelp)->required();
  chronology->add_option("--as-of", c->as_of, "Events up to then");
  chronology->add_option("--pdf", c->pdf,
                         "Also write the chronology as a PDF to FILE");

  auto h = std::make_shared<ReportFlags>();
  CLI::App* partnership = AddLeaf(
      *report, "partnership",
      "The six-monthly report to the partnership: the half year month by "
      "month; with --pdf also its trends, the CST measure and hotspots",
      "mfh report partnership --half 2026-H1 --pdf partnership.pdf", dispatch,
      [h](Session& s) { return Partnership(s, *h); });
  partnership
      ->add_option("--half", h->period,
                   "YYYY-H1 (April to September YYYY) or YYYY-H2 (October "
                   "YYYY to March)")
      ->required();
  partnership->add_option("--as-of", h->as_of, "Count what happened by then");
  partnership->add_option("--pdf", h->pdf,
                          "Also write the report, with its trends and "
                          "hotspots, as a PDF to FILE");

  auto y = std::make_shared<ReportFlags>();
  CLI::App* ssda =
      AddLeaf(*report, "ssda903",
              "The DfE SSDA903 Missing table for the year from 1 April YYYY; "
              "--output csv prints the file",
              "mfh report ssda903 --year 2025 --output csv > missing.csv",
              dispatch, [y](Session& s) { return Ssda903(s, *y); });
  ssda->add_option("--year", y->period, "YYYY: 1 April YYYY to 31 March")
      ->required();
  ssda->add_option("--as-of", y->as_of, "Count what happened by then");
}

}  // namespace mfh::cli
