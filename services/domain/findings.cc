#include "services/domain/findings.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/calendar.h"
#include "services/domain/episode_rules.h"
#include "services/domain/limits.h"
#include "services/domain/rhi_rules.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

bool Contains(const std::vector<std::string>& values, absl::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// An `_OTHER` value and its text go together.
absl::Status CheckOther(absl::string_view list_field,
                        const std::vector<std::string>& values,
                        absl::string_view other_value,
                        absl::string_view text_field, absl::string_view text) {
  const bool has_other = Contains(values, other_value);
  if (has_other && absl::StripAsciiWhitespace(text).empty()) {
    return Invalid(text_field,
                   absl::StrCat("required with ", other_value, " in ",
                                list_field, " (what the other one is)"));
  }
  if (!has_other && !text.empty()) {
    return Invalid(text_field,
                   absl::StrCat("only with ", other_value, " in ", list_field));
  }
  return CheckShortTexts({{text_field, text}});
}

absl::Status CheckNames(absl::string_view field,
                        const std::vector<std::string>& names) {
  if (names.size() > static_cast<size_t>(kMaxNamesPerList)) {
    return Invalid(field, absl::StrCat("at most ", kMaxNamesPerList, " (",
                                       names.size(), " given)"));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string item = absl::StrCat(field, "[", i, "]");
    if (absl::StripAsciiWhitespace(names[i]).empty()) {
      return Invalid(item, "empty (name the place or person, or leave it out)");
    }
    RETURN_IF_ERROR(CheckShortTexts({{item, names[i]}}));
  }
  return absl::OkStatus();
}

std::vector<std::string> Once(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    if (!Contains(out, v)) out.push_back(v);
  }
  return out;
}

std::vector<std::string> Trimmed(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const std::string& n : names) {
    out.emplace_back(absl::StripAsciiWhitespace(n));
  }
  return out;
}

auto Content(const Findings& f) {
  return std::tie(f.push_factors, f.push_other, f.pull_factors, f.pull_other,
                  f.places, f.associates, f.indicators, f.indicator_other,
                  f.child_voice, f.referral, f.share_with_police,
                  f.share_basis);
}

}  // namespace

absl::string_view ReferralName(Referral referral) {
  switch (referral) {
    case Referral::kNone:
      return "none";
    case Referral::kCst:
      return "cst";
    case Referral::kMash:
      return "mash";
    case Referral::kWise:
      return "wise";
    case Referral::kUnspecified:
      break;
  }
  return "";
}

Referral ParseReferral(absl::string_view name) {
  for (Referral r :
       {Referral::kNone, Referral::kCst, Referral::kMash, Referral::kWise}) {
    if (ReferralName(r) == name) return r;
  }
  return Referral::kUnspecified;
}

std::optional<Findings> FindingsAsOf(const std::vector<Findings>& versions,
                                     absl::Time t) {
  std::optional<Findings> found;
  for (const Findings& f : versions) {
    if (f.recorded_at <= t) found = f;
  }
  if (found.has_value() && found->acknowledged_at.has_value() &&
      *found->acknowledged_at > t) {
    found->acknowledged_at.reset();
    found->acknowledged_by.clear();
  }
  return found;
}

absl::Status ValidateFindings(const FindingsRecord& record) {
  if (record.episode_id.empty()) return Invalid("episode_id", "required");
  const Findings& f = record.findings;
  RETURN_IF_ERROR(CheckOther("findings.push_factors", f.push_factors,
                             "PUSH_OTHER", "findings.push_other",
                             f.push_other));
  RETURN_IF_ERROR(CheckOther("findings.pull_factors", f.pull_factors,
                             "PULL_OTHER", "findings.pull_other",
                             f.pull_other));
  RETURN_IF_ERROR(CheckOther("findings.indicators", f.indicators,
                             "INDICATOR_OTHER", "findings.indicator_other",
                             f.indicator_other));
  RETURN_IF_ERROR(CheckNames("findings.places", f.places));
  RETURN_IF_ERROR(CheckNames("findings.associates", f.associates));
  RETURN_IF_ERROR(CheckLongTexts({{"findings.child_voice", f.child_voice}}));
  if (f.share_with_police &&
      absl::StripAsciiWhitespace(f.share_basis).empty()) {
    return Invalid("findings.share_basis",
                   "required when share_with_police is set (the lawful basis, "
                   "or the child's consent)");
  }
  if (!f.share_with_police && !f.share_basis.empty()) {
    return Invalid("findings.share_basis",
                   "only when share_with_police is set");
  }
  return CheckShortTexts({{"findings.share_basis", f.share_basis}});
}

Findings CanonicalFindings(Findings f) {
  f.push_factors = Once(f.push_factors);
  f.pull_factors = Once(f.pull_factors);
  f.indicators = Once(f.indicators);
  f.places = Trimmed(f.places);
  f.associates = Trimmed(f.associates);
  if (f.referral == Referral::kUnspecified) f.referral = Referral::kNone;
  return f;
}

bool SameFindings(const Findings& a, const Findings& b) {
  return Content(a) == Content(b);
}

absl::Status CheckFindingsAllowed(absl::string_view field, const Rhi& rhi) {
  if (rhi.completed_at.has_value()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      field, ": the RHI for episode ", rhi.episode_id, " is ",
      RhiStatusName(StatusAsOf(rhi, absl::InfiniteFuture())),
      ", not completed; findings are recorded on a completed interview"));
}

bool IsExploitationConcern(const Findings& findings) {
  return !findings.indicators.empty() &&
         (findings.referral == Referral::kNone ||
          findings.referral == Referral::kUnspecified);
}

absl::Status ValidateFollowUp(const FollowUpRecord& record, absl::Time now) {
  if (record.episode_id.empty()) return Invalid("episode_id", "required");
  if (!record.at.has_value()) return Invalid("at", "required");
  RETURN_IF_ERROR(CheckEventTime("at", *record.at, now));
  if (absl::StripAsciiWhitespace(record.by).empty()) {
    return Invalid("by", "required (who followed up)");
  }
  RETURN_IF_ERROR(CheckShortTexts({{"by", record.by}}));
  return CheckLongTexts({{"notes", record.notes}});
}

absl::StatusOr<std::optional<FollowUp>> ApplyFollowUp(
    const FollowUpRecord& record, const Rhi& rhi,
    const std::vector<FollowUp>& earlier, absl::Time now,
    absl::string_view recorded_by) {
  for (const FollowUp& e : earlier) {
    if (e.at == *record.at && e.by == record.by &&
        e.engaged == record.engaged && e.notes == record.notes) {
      return std::nullopt;
    }
  }
  if (!rhi.declined_at.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "episode_id: the RHI for episode ", rhi.episode_id, " is ",
        RhiStatusName(StatusAsOf(rhi, absl::InfiniteFuture())),
        ", not declined; a follow-up is recorded after a decline"));
  }
  if (*record.at < *rhi.declined_at) {
    return Invalid("at", absl::StrCat("must not be before the decline (",
                                      FormatUtc(*rhi.declined_at), ")"));
  }
  return FollowUp{.at = *record.at,
                  .by = record.by,
                  .engaged = record.engaged,
                  .notes = record.notes,
                  .recorded_at = now,
                  .recorded_by = std::string(recorded_by)};
}

std::string ValueWords(absl::string_view value_name) {
  if (value_name == "PULL_DRUGS_ALCOHOL") return "drugs or alcohol";
  const size_t cut = value_name.find('_');
  absl::string_view rest =
      cut == absl::string_view::npos ? value_name : value_name.substr(cut + 1);
  std::string words(rest);
  if (words.size() > 3) absl::AsciiStrToLower(&words);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

namespace {

std::string Words(const std::vector<std::string>& names,
                  absl::string_view other) {
  std::vector<std::string> words;
  for (const std::string& n : names) {
    words.push_back(absl::EndsWith(n, "_OTHER") && !other.empty()
                        ? absl::StrCat("other (", other, ")")
                        : ValueWords(n));
  }
  return absl::StrJoin(words, ", ");
}

}  // namespace

std::string DescribeFindings(const Findings& f) {
  std::vector<std::string> parts;
  auto part = [&](absl::string_view label, const std::string& text) {
    if (!text.empty()) parts.push_back(absl::StrCat(label, " ", text));
  };
  part("push:", Words(f.push_factors, f.push_other));
  part("pull:", Words(f.pull_factors, f.pull_other));
  part("indicators:", Words(f.indicators, f.indicator_other));
  part("places:", absl::StrJoin(f.places, "; "));
  part("associates:", absl::StrJoin(f.associates, "; "));
  parts.push_back(absl::StrCat(
      "referral: ",
      f.referral == Referral::kUnspecified || f.referral == Referral::kNone
          ? "none"
          : absl::AsciiStrToUpper(ReferralName(f.referral))));
  if (f.share_with_police) {
    parts.push_back(absl::StrCat("shared with police (", f.share_basis, ")"));
  }
  return absl::StrCat("findings v", f.version, ": ",
                      absl::StrJoin(parts, "; "));
}

std::string DescribeFollowUp(const FollowUp& f) {
  std::string line = absl::StrCat("follow-up after decline, ",
                                  f.engaged ? "engaged" : "did not engage");
  if (!f.notes.empty()) absl::StrAppend(&line, ": ", f.notes);
  return line;
}

FindingsCounts CountFindings(const std::vector<InterviewRecord>& completed,
                             const std::vector<InterviewRecord>& due,
                             absl::Time as_of) {
  FindingsCounts counts;
  for (const InterviewRecord& record : completed) {
    std::optional<Findings> f = FindingsAsOf(record.findings, as_of);
    if (!f.has_value()) continue;
    if (!f->indicators.empty()) ++counts.interviews_with_indicators;
    if (f->referral == Referral::kCst) ++counts.referrals_cst;
    if (f->referral == Referral::kMash) ++counts.referrals_mash;
    if (f->referral == Referral::kWise) ++counts.referrals_wise;
    if (f->share_with_police) {
      ++counts.intelligence_shared;
      if (f->acknowledged_at.has_value()) ++counts.intelligence_acknowledged;
    }
  }
  for (const InterviewRecord& record : due) {
    const std::optional<absl::Time>& declined = record.rhi.declined_at;
    if (!declined.has_value() || *declined > as_of) continue;
    ++counts.rhis_declined;
    const std::vector<FollowUp>& follow_ups = record.follow_ups;
    if (std::any_of(
            follow_ups.begin(), follow_ups.end(),
            [&](const FollowUp& f) { return f.recorded_at <= as_of; })) {
      ++counts.declines_followed_up;
    }
  }
  return counts;
}

std::string HotspotKey(absl::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isspace(u)) {
      space = !key.empty();
    } else if (absl::ascii_ispunct(u)) {
      // Dropped: "St. Helens" and "St Helens" are one place.
    } else {
      if (space) key.push_back(' ');
      space = false;
      key.push_back(static_cast<char>(absl::ascii_tolower(u)));
    }
  }
  return key;
}

std::vector<Hotspot> FindHotspots(std::vector<Mention> mentions,
                                  int min_children) {
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) {
              return std::tie(a.completed_at, a.episode_id) <
                     std::tie(b.completed_at, b.episode_id);
            });
  struct Group {
    Hotspot hotspot;
    std::string key;
    absl::flat_hash_set<std::string> children;
  };
  std::vector<Group> groups;
  absl::flat_hash_map<std::pair<int, std::string>, size_t> index;
  for (Mention& m : mentions) {
    std::string key = HotspotKey(m.name);
    if (key.empty()) continue;
    auto [it, added] = index.try_emplace(
        std::make_pair(static_cast<int>(m.kind), key), groups.size());
    if (added) {
      groups.push_back(Group{.hotspot = {.kind = m.kind, .name = m.name},
                             .key = std::move(key)});
    }
    Group& g = groups[it->second];
    // One mention per episode: an interview naming a place twice counts once.
    const bool seen = std::any_of(
        g.hotspot.mentions.begin(), g.hotspot.mentions.end(),
        [&](const Mention& e) { return e.episode_id == m.episode_id; });
    if (seen) continue;
    g.children.insert(m.child_id);
    g.hotspot.mentions.push_back(std::move(m));
  }
  std::vector<Group*> kept;
  for (Group& g : groups) {
    g.hotspot.children = static_cast<int>(g.children.size());
    if (g.hotspot.children >= min_children) kept.push_back(&g);
  }
  std::sort(kept.begin(), kept.end(), [](const Group* a, const Group* b) {
    return std::make_tuple(-a->hotspot.children,
                           static_cast<int>(a->hotspot.kind), a->key) <
           std::make_tuple(-b->hotspot.children,
                           static_cast<int>(b->hotspot.kind), b->key);
  });
  std::vector<Hotspot> out;
  out.reserve(kept.size());
  for (Group* g : kept) out.push_back(std::move(g->hotspot));
  return out;
}

}  // namespace mfh::domain
