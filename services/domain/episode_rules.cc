#include "services/domain/episode_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {
namespace {

std::string FormatOptionalTime(const std::optional<absl::Time>& t) {
  return t.has_value() ? FormatUtc(*t) : "none";
}

absl::Status Required(absl::string_view field) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
}

// INVALID_ARGUMENT unless earlier <= later.
absl::Status CheckOrder(absl::string_view earlier_field, absl::Time earlier,
                        absl::string_view later_field, absl::Time later) {
  if (earlier <= later) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(later_field, ": must not be before ", earlier_field, " (",
                   FormatUtc(later), " is before ", FormatUtc(earlier), ")"));
}

absl::Status CheckEventTimes(
    std::initializer_list<
        std::pair<absl::string_view, const std::optional<absl::Time>*>>
        fields,
    absl::Time now) {
  for (const auto& [name, t] : fields) {
    if (t->has_value()) RETURN_IF_ERROR(CheckEventTime(name, **t, now));
  }
  return absl::OkStatus();
}

// Where the episode's missing period ends; open episodes never end.
absl::Time PeriodEnd(const Episode& e) {
  return e.returned_at.value_or(absl::InfiniteFuture());
}

}  // namespace

absl::Status CheckEventTime(absl::string_view field, absl::Time t,
                            absl::Time now) {
  if (t <= now + kEventTimeSlack) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      field, ": must not be later than the server's clock plus 5 minutes (",
      FormatUtc(t), " is after ", FormatUtc(now), ")"));
}

absl::Status ValidateMissingReport(const MissingReport& report,
                                   absl::Time now) {
  if (report.child_id.empty()) return Required("child_id");
  if (report.police_force.empty()) return Required("police_force");
  if (report.police_ref.empty()) return Required("police_ref");
  RETURN_IF_ERROR(CheckShortTexts({{"police_force", report.police_force},
                                   {"police_ref", report.police_ref},
                                   {"reporter", report.reporter}}));
  if (!report.missing_since.has_value()) return Required("missing_since");
  if (report.risk == Risk::kUnspecified) {
    return absl::InvalidArgumentError(
        "risk: required (NO_APPARENT_RISK, LOW, MEDIUM or HIGH)");
  }
  RETURN_IF_ERROR(CheckEventTimes({{"missing_since", &report.missing_since},
                                   {"notified_at", &report.notified_at}},
                                  now));
  return CheckOrder("missing_since", *report.missing_since, "notified_at",
                    report.notified_at.value_or(now));
}

namespace {

// Collects "field stored (this report: given)" for each field that differs.
class Differences {
 public:
  template <typename T, typename Format>
  void Compare(absl::string_view field, const T& stored, const T& given,
               Format format) {
    if (stored == given) return;
    out_.push_back(absl::StrCat(field, " ", format(stored),
                                " (this report: ", format(given), ")"));
  }
  std::vector<std::string> Take() { return std::move(out_); }

 private:
  std::vector<std::string> out_;
};

std::string Text(const std::string& s) { return s.empty() ? "none" : s; }

}  // namespace

std::vector<std::string> ReportDifferences(const Episode& stored,
                                           const MissingReport& report) {
  const Risk reported = stored.risk_history.empty()
                            ? stored.risk
                            : stored.risk_history.front().risk;
  Differences d;
  d.Compare("child_id", stored.child_id, report.child_id, Text);
  if (report.category.has_value()) {
    d.Compare("category", stored.category, *report.category,
              [](Category c) { return std::string(CategoryName(c)); });
  }
  d.Compare("missing_since", stored.missing_since, *report.missing_since,
            FormatUtc);
  if (report.notified_at.has_value()) {
    d.Compare("notified_at", stored.notified_at, *report.notified_at,
              FormatUtc);
  }
  d.Compare("risk", reported, report.risk,
            [](Risk r) { return std::string(RiskName(r)); });
  if (!report.reporter.empty()) {
    d.Compare("reporter", stored.reporter, report.reporter, Text);
  }
  return d.Take();
}

bool IsSameReport(const Episode& stored, const MissingReport& report) {
  return ReportDifferences(stored, report).empty();
}

Episode NewEpisode(const MissingReport& report, absl::Time now,
                   absl::string_view recorded_by) {
  Episode e;
  e.child_id = report.child_id;
  e.police_force = report.police_force;
  e.police_ref = report.police_ref;
  e.category = report.category.value_or(Category::kMissing);
  e.missing_since = *report.missing_since;
  e.notified_at = report.notified_at.value_or(now);
  e.risk = report.risk;
  e.reporter = report.reporter;
  e.risk_history.push_back(RiskGrade{.risk = report.risk,
                                     .from = e.missing_since,
                                     .recorded_at = now,
                                     .recorded_by = std::string(recorded_by),
                                     .reason = "reported"});
  return e;
}

absl::Status CheckFitsBesideOthers(const Episode& candidate,
                                   const std::vector<Episode>& others,
                                   absl::string_view field) {
  for (const Episode& other : others) {
    if (other.episode_id == candidate.episode_id) continue;
    if (candidate.open() && other.open()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "child_id: child ", candidate.child_id,
          " is already missing in open episode ", other.episode_id));
    }
    // Missing periods are half-open: [missing_since, returned_at).
    if (candidate.missing_since < PeriodEnd(other) &&
        other.missing_since < PeriodEnd(candidate)) {
      return absl::FailedPreconditionError(
          absl::StrCat(field, ": the missing period would overlap episode ",
                       other.episode_id, " of child ", candidate.child_id, " (",
                       FormatUtc(other.missing_since), " to ",
                       FormatOptionalTime(other.returned_at), ")"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateReturnReport(const ReturnReport& report, absl::Time now) {
  if (report.episode_id.empty()) {
    if (report.police_force.empty()) {
      return absl::InvalidArgumentError(
          "police_force: required with police_ref (or give episode_id)");
    }
    if (report.police_ref.empty()) {
      return absl::InvalidArgumentError(
          "police_ref: required with police_force (or give episode_id)");
    }
  }
  RETURN_IF_ERROR(CheckShortTexts({{"police_force", report.police_force},
                                   {"police_ref", report.police_ref},
                                   {"found_location", report.found_location},
                                   {"found_with", report.found_with}}));
  if (!report.returned_at.has_value()) return Required("returned_at");
  RETURN_IF_ERROR(
      CheckEventTimes({{"returned_at", &report.returned_at},
                       {"return_notified_at", &report.return_notified_at}},
                      now));
  return CheckOrder("returned_at", *report.returned_at, "return_notified_at",
                    report.return_notified_at.value_or(now));
}

std::vector<std::string> ReturnDifferences(const Episode& stored,
                                           const ReturnReport& report) {
  Differences d;
  d.Compare("returned_at", *stored.returned_at, *report.returned_at, FormatUtc);
  if (report.return_notified_at.has_value()) {
    d.Compare("return_notified_at", *stored.return_notified_at,
              *report.return_notified_at, FormatUtc);
  }
  if (!report.found_location.empty()) {
    d.Compare("found_location", stored.found_location, report.found_location,
              Text);
  }
  if (!report.found_with.empty()) {
    d.Compare("found_with", stored.found_with, report.found_with, Text);
  }
  if (report.returned_to != ReturnedTo::kUnspecified) {
    d.Compare("returned_to", stored.returned_to, report.returned_to,
              [](ReturnedTo r) { return std::string(ReturnedToName(r)); });
  }
  return d.Take();
}

bool IsSameReturn(const Episode& stored, const ReturnReport& report) {
  return ReturnDifferences(stored, report).empty();
}

absl::Status ApplyReturn(const ReturnReport& report, absl::Time now,
                         Episode& episode) {
  RETURN_IF_ERROR(CheckOrder("missing_since", episode.missing_since,
                             "returned_at", *report.returned_at));
  episode.returned_at = report.returned_at;
  episode.return_notified_at = report.return_notified_at.value_or(now);
  episode.found_location = report.found_location;
  episode.found_with = report.found_with;
  episode.returned_to = report.returned_to;
  return absl::OkStatus();
}

absl::Status ValidateReturnCorrection(const ReturnCorrection& c,
                                      absl::Time now) {
  if (c.episode_id.empty() &&
      (c.police_force.empty() || c.police_ref.empty())) {
    return absl::InvalidArgumentError(
        "episode_id: required, or police_force and police_ref");
  }
  if (c.reason.empty()) return Required("reason");
  RETURN_IF_ERROR(
      CheckShortTexts({{"reason", c.reason},
                       {"found_location", c.found_location.value_or("")},
                       {"found_with", c.found_with.value_or("")}}));
  return CheckEventTimes({{"returned_at", &c.returned_at},
                          {"return_notified_at", &c.return_notified_at}},
                         now);
}

absl::StatusOr<std::optional<Correction>> ApplyReturnCorrection(
    const ReturnCorrection& c, absl::Time now, absl::string_view by,
    Episode& episode) {
  if (episode.open()) {
    return absl::FailedPreconditionError(
        absl::StrCat("episode_id: episode ", episode.episode_id,
                     " has no return to correct; log the return first"));
  }
  Correction record{.at = now,
                    .by = std::string(by),
                    .rpc = "CorrectReturn",
                    .reason = c.reason,
                    .changes = {}};
  Episode next = episode;
  if (c.returned_at.has_value() && *c.returned_at != *next.returned_at) {
    record.changes.push_back(
        absl::StrCat("returned_at: ", FormatUtc(*next.returned_at), " -> ",
                     FormatUtc(*c.returned_at)));
    next.returned_at = c.returned_at;
  }
  if (c.return_notified_at.has_value() &&
      *c.return_notified_at != *next.return_notified_at) {
    record.changes.push_back(absl::StrCat(
        "return_notified_at: ", FormatUtc(*next.return_notified_at), " -> ",
        FormatUtc(*c.return_notified_at)));
    next.return_notified_at = c.return_notified_at;
  }
  if (c.found_location.has_value() &&
      *c.found_location != next.found_location) {
    record.changes.push_back("found_location: changed");
    next.found_location = *c.found_location;
  }
  if (c.found_with.has_value() && *c.found_with != next.found_with) {
    record.changes.push_back("found_with: changed");
    next.found_with = *c.found_with;
  }
  if (c.returned_to != ReturnedTo::kUnspecified &&
      c.returned_to != next.returned_to) {
    record.changes.push_back(
        absl::StrCat("returned_to: ", ReturnedToName(next.returned_to), " -> ",
                     ReturnedToName(c.returned_to)));
    next.returned_to = c.returned_to;
  }
  if (record.changes.empty()) return std::nullopt;
  RETURN_IF_ERROR(CheckOrder("missing_since", next.missing_since, "returned_at",
                             *next.returned_at));
  RETURN_IF_ERROR(CheckOrder("returned_at", *next.returned_at,
                             "return_notified_at", *next.return_notified_at));
  next.corrections.push_back(record);
  episode = std::move(next);
  return record;
}

absl::Status ValidateEpisodeUpdate(const EpisodeUpdate& u, absl::Time now) {
  if (u.episode_id.empty()) return Required("episode_id");
  if (u.reason.empty()) return Required("reason");
  RETURN_IF_ERROR(CheckShortTexts({{"reason", u.reason}}));
  if (u.risk != Risk::kUnspecified && !u.risk_from.has_value()) {
    return absl::InvalidArgumentError(
        "risk_from: required with risk (the time the new grade applies "
        "from)");
  }
  if (u.risk == Risk::kUnspecified && u.risk_from.has_value()) {
    return absl::InvalidArgumentError("risk: required with risk_from");
  }
  if (u.risk == Risk::kUnspecified && !u.missing_since.has_value() &&
      u.category == Category::kUnspecified && !u.notified_at.has_value() &&
      u.child_id.empty()) {
    return absl::InvalidArgumentError(
        "episode_id: the update changes nothing (give risk and risk_from, "
        "missing_since, category, notified_at or child_id)");
  }
  return CheckEventTimes({{"risk_from", &u.risk_from},
                          {"missing_since", &u.missing_since},
                          {"notified_at", &u.notified_at}},
                         now);
}

absl::StatusOr<std::optional<Correction>> ApplyEpisodeUpdate(
    const EpisodeUpdate& u, absl::Time now, absl::string_view by,
    Episode& episode, std::optional<RiskGrade>& new_grade) {
  Correction record{.at = now,
                    .by = std::string(by),
                    .rpc = "UpdateEpisode",
                    .reason = u.reason,
                    .changes = {}};
  Episode next = episode;
  new_grade.reset();
  if (u.missing_since.has_value() && *u.missing_since != next.missing_since) {
    record.changes.push_back(
        absl::StrCat("missing_since: ", FormatUtc(next.missing_since), " -> ",
                     FormatUtc(*u.missing_since)));
    next.missing_since = *u.missing_since;
  }
  if (u.notified_at.has_value() && *u.notified_at != next.notified_at) {
    record.changes.push_back(
        absl::StrCat("notified_at: ", FormatUtc(next.notified_at), " -> ",
                     FormatUtc(*u.notified_at)));
    next.notified_at = *u.notified_at;
  }
  if (u.category != Category::kUnspecified && u.category != next.category) {
    record.changes.push_back(
        absl::StrCat("category: ", CategoryName(next.category), " -> ",
                     CategoryName(u.category)));
    next.category = u.category;
  }
  if (!u.child_id.empty() && u.child_id != next.child_id) {
    record.changes.push_back(
        absl::StrCat("child_id: ", next.child_id, " -> ", u.child_id));
    next.child_id = u.child_id;
  }
  RETURN_IF_ERROR(CheckOrder("missing_since", next.missing_since, "notified_at",
                             next.notified_at));
  if (next.returned_at.has_value()) {
    RETURN_IF_ERROR(CheckOrder("missing_since", next.missing_since,
                               "returned_at", *next.returned_at));
  }
  const bool already_graded =
      std::any_of(next.risk_history.begin(), next.risk_history.end(),
                  [&](const RiskGrade& g) {
                    return g.risk == u.risk && g.from == u.risk_from;
                  });
  if (u.risk != Risk::kUnspecified && !already_graded) {
    RETURN_IF_ERROR(CheckOrder("missing_since", next.missing_since, "risk_from",
                               *u.risk_from));
    new_grade = RiskGrade{.risk = u.risk,
                          .from = *u.risk_from,
                          .recorded_at = now,
                          .recorded_by = std::string(by),
                          .reason = u.reason};
    record.changes.push_back(absl::StrCat("risk: ", RiskName(next.risk), " -> ",
                                          RiskName(u.risk), " from ",
                                          FormatUtc(*u.risk_from)));
    next.risk_history.push_back(*new_grade);
    std::stable_sort(
        next.risk_history.begin(), next.risk_history.end(),
        [](const RiskGrade& a, const RiskGrade& b) { return a.from < b.from; });
    next.risk = CurrentRisk(next.risk_history);
  }
  if (record.changes.empty()) return std::nullopt;
  next.corrections.push_back(record);
  episode = std::move(next);
  return record;
}

bool OpenAt(const Episode& episode, absl::Time t) {
  return !episode.voided() && episode.missing_since <= t &&
         (!episode.returned_at.has_value() || *episode.returned_at > t);
}

Risk CurrentRisk(const std::vector<RiskGrade>& history) {
  const RiskGrade* latest = nullptr;
  for (const RiskGrade& g : history) {
    if (latest == nullptr || g.from >= latest->from) latest = &g;
  }
  return latest == nullptr ? Risk::kUnspecified : latest->risk;
}

Risk RiskAt(const std::vector<RiskGrade>& history, absl::Time t) {
  const RiskGrade* found = nullptr;
  for (const RiskGrade& g : history) {
    if (g.from <= t && (found == nullptr || g.from >= found->from)) found = &g;
  }
  if (found == nullptr && !history.empty()) found = &history.front();
  return found == nullptr ? Risk::kUnspecified : found->risk;
}

absl::string_view RiskName(Risk risk) {
  switch (risk) {
    case Risk::kNoApparentRisk:
      return "NO_APPARENT_RISK";
    case Risk::kLow:
      return "LOW";
    case Risk::kMedium:
      return "MEDIUM";
    case Risk::kHigh:
      return "HIGH";
    case Risk::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

absl::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kMissing:
      return "MISSING";
    case Category::kAbsent:
      return "ABSENT";
    case Category::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

absl::string_view ReturnedToName(ReturnedTo r) {
  switch (r) {
    case ReturnedTo::kHome:
      return "home";
    case ReturnedTo::kPlacement:
      return "placement";
    case ReturnedTo::kHospital:
      return "hospital";
    case ReturnedTo::kCustody:
      return "custody";
    case ReturnedTo::kOther:
      return "other";
    case ReturnedTo::kUnspecified:
      break;
  }
  return "unspecified";
}

}  // namespace mfh::domain
