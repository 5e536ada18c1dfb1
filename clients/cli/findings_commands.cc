// mfh rhi findings|follow-up, mfh intel list|ack and mfh report hotspots:
// what interviews find, and who is told (DESIGN.md section 10).
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "clients/cli/findings_view.h"
#include "clients/cli/session.h"
#include "clients/cli/views.h"
#include "clients/core/findings_calls.h"
#include "services/domain/status_macros.h"

namespace mfh::cli {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;

struct FindingsFlags {
  std::string episode_id;
  std::vector<std::string> push;
  std::vector<std::string> pull;
  std::vector<std::string> places;
  std::vector<std::string> associates;
  std::vector<std::string> indicators;
  std::string voice;
  std::string referral;
  bool share = false;
  std::string basis;
  // follow-up
  std::string at;
  std::string by;
  std::string engaged;
  std::string notes;
  // intel, hotspots
  bool unacknowledged = false;
  int limit = 0;
  std::string from;
  std::string to;
  int min_children = 0;
};

// The words a flag takes for a value of `type`: its name without `prefix`,
// in lower case with dashes ("family-conflict").
std::string FlagWord(const EnumValueDescriptor& v, absl::string_view prefix) {
  std::string word = absl::AsciiStrToLower(v.name().substr(prefix.size()));
  absl::StrReplaceAll({{"_", "-"}}, &word);
  return word;
}

// Adds each value of a repeated flag ("family-conflict", or "other:TEXT")
// by `add`, and the other's text into `other`.
template <typename Add>
absl::Status ParseValues(absl::string_view flag, const EnumDescriptor* type,
                         absl::string_view prefix,
                         const std::vector<std::string>& values,
                         std::string& other, Add add) {
  for (const std::string& value : values) {
    std::string word(value);
    const size_t colon = word.find(':');
    if (colon != std::string::npos) {
      other = std::string(absl::StripAsciiWhitespace(word.substr(colon + 1)));
      word = word.substr(0, colon);
    }
    std::string name = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(word));
    absl::StrReplaceAll({{"-", "_"}, {" ", "_"}}, &name);
    if (!absl::StartsWith(name, prefix)) name = absl::StrCat(prefix, name);
    const EnumValueDescriptor* v = type->FindValueByName(name);
    if (v == nullptr || v->number() == 0) {
      std::vector<std::string> words;
      for (int i = 1; i < type->value_count(); ++i) {
        words.push_back(FlagWord(*type->value(i), prefix));
      }
      return absl::InvalidArgumentError(
          absl::StrCat(flag, ": \"", value, "\" is not one of ",
                       absl::StrJoin(words, ", "), " (other:TEXT names one)"));
    }
    if (colon != std::string::npos && !absl::EndsWith(name, "_OTHER")) {
      return absl::InvalidArgumentError(absl::StrCat(
          flag, ": only other takes a text (other:TEXT), not ", value));
    }
    add(v->number());
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Referral> ParseReferral(const std::string& text) {
  if (text.empty()) return v1::REFERRAL_NONE;
  v1::Referral referral = v1::REFERRAL_UNSPECIFIED;
  const std::string name =
      absl::StrCat("REFERRAL_", absl::AsciiStrToUpper(text));
  if (!v1::Referral_Parse(name, &referral) ||
      referral == v1::REFERRAL_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--referral: \"", text, "\" is not one of none, cst, mash, wise"));
  }
  return referral;
}

absl::Status RecordFindings(Session& s, const FindingsFlags& f) {
  v1::Findings findings;
  std::string other;
  RETURN_IF_ERROR(ParseValues("--push", v1::PushFactor_descriptor(), "PUSH_",
                              f.push, other, [&](int n) {
                                findings.add_push_factors(
                                    static_cast<v1::PushFactor>(n));
                              }));
  findings.set_push_other(other);
  other.clear();
  RETURN_IF_ERROR(ParseValues("--pull", v1::PullFactor_descriptor(), "PULL_",
                              f.pull, other, [&](int n) {
                                findings.add_pull_factors(
                                    static_cast<v1::PullFactor>(n));
                              }));
  findings.set_pull_other(other);
  other.clear();
  RETURN_IF_ERROR(ParseValues(
      "--indicator", v1::ExploitationIndicator_descriptor(), "INDICATOR_",
      f.indicators, other, [&](int n) {
        findings.add_indicators(static_cast<v1::ExploitationIndicator>(n));
      }));
  findings.set_indicator_other(other);
  for (const std::string& p : f.places) findings.add_places(p);
  for (const std::string& a : f.associates) findings.add_associates(a);
  findings.set_child_voice(f.voice);
  ASSIGN_OR_RETURN(v1::Referral referral, ParseReferral(f.referral));
  findings.set_referral(referral);
  findings.set_share_with_police(f.share);
  findings.set_share_basis(f.basis);
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RecordFindingsResponse resp,
                   client::RecordFindings(*conn, f.episode_id, findings));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status RecordFollowUp(Session& s, const FindingsFlags& f) {
  client::FollowUpRecord record{
      .episode_id = f.episode_id, .by = f.by, .notes = f.notes};
  ASSIGN_OR_RETURN(record.at, TimeFlag("--at", f.at));
  const std::string engaged = absl::AsciiStrToLower(f.engaged);
  if (engaged == "yes") {
    record.engaged = true;
  } else if (!engaged.empty() && engaged != "no") {
    return absl::InvalidArgumentError(
        absl::StrCat("--engaged: \"", f.engaged, "\" is not yes or no"));
  }
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::RecordFollowUpResponse resp,
                   client::RecordFollowUp(*conn, record));
  PrintRecord(s, resp, resp.interview());
  return absl::OkStatus();
}

absl::Status ListIntel(Session& s, const FindingsFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::ListIntelligenceResponse resp,
                   client::ListIntelligence(*conn, f.unacknowledged, f.limit));
  PrintList(s, resp.intelligence(), s.now());
  return absl::OkStatus();
}

absl::Status AckIntel(Session& s, const FindingsFlags& f) {
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::AcknowledgeIntelligenceResponse resp,
                   client::AcknowledgeIntelligence(*conn, f.episode_id));
  PrintRecord(s, resp, resp.intelligence());
  return absl::OkStatus();
}

absl::Status Hotspots(Session& s, const FindingsFlags& f) {
  ASSIGN_OR_RETURN(absl::Time from, TimeFlag("--from", f.from));
  ASSIGN_OR_RETURN(absl::Time to, TimeFlag("--to", f.to));
  ASSIGN_OR_RETURN(const client::Connection* conn, s.Connect());
  ASSIGN_OR_RETURN(v1::HotspotsResponse resp,
                   client::Hotspots(*conn, from, to, f.min_children));
  PrintList(s, resp.hotspots(), s.now());
  return absl::OkStatus();
}

}  // namespace

void AddFindingsCommands(CLI::App& rhi, Dispatch& dispatch) {
  auto r = std::make_shared<FindingsFlags>();
  CLI::App* findings = AddLeaf(
      rhi, "findings",
      "Record what a completed interview found (coordinator, rhi_worker); "
      "recording again keeps the earlier version",
      "mfh rhi findings E2 --push family-conflict --pull older-peers "
      "--place \"Wigan bus station\" --associate \"'Jay', about 20, drives a "
      "black Audi\" --indicator cce --referral none --share-with-police "
      "--basis \"Crime and Disorder Act 1998 s.115\"",
      dispatch, [r](Session& s) { return RecordFindings(s, *r); });
  findings->add_option("EPISODE_ID", r->episode_id, "The interview's episode")
      ->required();
  findings->add_option("--push", r->push,
                       "A push factor (family-conflict, placement-unhappy, "
                       "..., other:TEXT); repeat for more");
  findings->add_option("--pull", r->pull,
                       "A pull factor (older-peers, partner, drugs-alcohol, "
                       "..., other:TEXT); repeat for more");
  findings->add_option("--place", r->places,
                       "A place the child was or went; repeat for more");
  findings->add_option("--associate", r->associates,
                       "A name or nickname and what is known; repeat");
  findings->add_option("--indicator", r->indicators,
                       "An exploitation indicator (cse, cce, county-lines, "
                       "trafficking, online, gang, other:TEXT); repeat");
  findings->add_option("--voice", r->voice, "The child's own words");
  findings->add_option("--referral", r->referral,
                       "none (default), cst, mash or wise");
  CLI::Option* share = findings->add_flag(
      "--share-with-police", r->share,
      "Places, associates and indicators may go to the police");
  findings
      ->add_option("--basis", r->basis,
                   "The lawful basis, or the child's consent, for sharing")
      ->needs(share);

  auto u = std::make_shared<FindingsFlags>();
  CLI::App* follow_up = AddLeaf(
      rhi, "follow-up",
      "Record a follow-up after the child declined (coordinator, "
      "rhi_worker)",
      "mfh rhi follow-up E3 --at \"2026-11-30 16:00\" --by \"Worker A\" "
      "--engaged no --notes \"spoke to the carer\"",
      dispatch, [u](Session& s) { return RecordFollowUp(s, *u); });
  follow_up->add_option("EPISODE_ID", u->episode_id, "The declined RHI")
      ->required();
  follow_up->add_option("--at", u->at, "When")->required();
  follow_up->add_option("--by", u->by, "Who followed up")->required();
  follow_up->add_option("--engaged", u->engaged,
                        "yes or no (default): whether the child engaged");
  follow_up->add_option("--notes", u->notes, "What happened");
}

void AddIntelCommands(CLI::App& app, Dispatch& dispatch) {
  CLI::App* intel = app.add_subcommand(
      "intel",
      "Intelligence interviews shared with the police: places, associates "
      "and indicators (police, coordinator, manager)");
  intel->require_subcommand(1);
  auto l = std::make_shared<FindingsFlags>();
  CLI::App* list = AddLeaf(*intel, "list", "What was shared, earliest first",
                           "mfh intel list --unacknowledged", dispatch,
                           [l](Session& s) { return ListIntel(s, *l); });
  list->add_flag("--unacknowledged", l->unacknowledged,
                 "Only what no one has acknowledged yet");
  list->add_option("--limit", l->limit, "Stop after this many")
      ->check(CLI::NonNegativeNumber);
  auto a = std::make_shared<FindingsFlags>();
  CLI::App* ack =
      AddLeaf(*intel, "ack", "Acknowledge that you read it", "mfh intel ack E2",
              dispatch, [a](Session& s) { return AckIntel(s, *a); });
  ack->add_option("EPISODE_ID", a->episode_id, "The interview's episode")
      ->required();
}

void AddHotspotCommand(CLI::App& report, Dispatch& dispatch) {
  auto h = std::make_shared<FindingsFlags>();
  CLI::App* hotspots = AddLeaf(
      report, "hotspots",
      "Places and associates named in interviews of at least N children",
      "mfh report hotspots --from 2026-11-01T00:00 --to 2026-12-01T00:00",
      dispatch, [h](Session& s) { return Hotspots(s, *h); });
  hotspots->add_option("--from", h->from, "Interviews completed from")
      ->required();
  hotspots->add_option("--to", h->to, "... until (not including)")->required();
  hotspots
      ->add_option("--min-children", h->min_children,
                   "At least this many children (default 2)")
      ->check(CLI::PositiveNumber);
}

}  // namespace mfh::cli
