#include "clients/cli/findings_view.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {
namespace {

using google::protobuf::Timestamp;

template <typename Names>
std::string NameList(const Names& names, absl::string_view sep) {
  return names.empty() ? "-" : absl::StrJoin(names, sep);
}

std::string IndicatorWords(const v1::Intelligence& i) {
  return client::EnumList(v1::ExploitationIndicator_descriptor(),
                          i.indicators(), i.indicator_other());
}

std::string Referral(v1::Referral r) {
  if (r == v1::REFERRAL_UNSPECIFIED || r == v1::REFERRAL_NONE) return "none";
  return absl::AsciiStrToUpper(client::EnumWords(v1::Referral_descriptor(), r));
}

}  // namespace

void AppendFindings(const v1::Interview& i, Fields& fields) {
  if (i.has_findings()) {
    const v1::Findings& f = i.findings();
    std::string version = absl::StrCat(
        "version ", f.version(), ", recorded ",
        Local(f.has_recorded_at(), f.recorded_at()), " by ", f.recorded_by());
    if (i.findings_history_size() > 0) {
      absl::StrAppend(&version, " (", i.findings_history_size(),
                      " earlier version",
                      i.findings_history_size() == 1 ? "" : "s", ")");
    }
    fields.push_back({"findings", version});
    fields.push_back(
        {"push factors", client::EnumList(v1::PushFactor_descriptor(),
                                          f.push_factors(), f.push_other())});
    fields.push_back(
        {"pull factors", client::EnumList(v1::PullFactor_descriptor(),
                                          f.pull_factors(), f.pull_other())});
    fields.push_back(
        {"indicators", client::EnumList(v1::ExploitationIndicator_descriptor(),
                                        f.indicators(), f.indicator_other())});
    fields.push_back({"places", NameList(f.places(), "; ")});
    fields.push_back({"associates", NameList(f.associates(), "; ")});
    fields.push_back({"child's words", Cell(f.child_voice())});
    fields.push_back({"referral", Referral(f.referral())});
    fields.push_back(
        {"shared with police", f.share_with_police()
                                   ? absl::StrCat("yes (", f.share_basis(), ")")
                                   : "no"});
  }
  std::vector<std::string> follow_ups;
  for (const v1::FollowUp& u : i.follow_ups()) {
    std::string line =
        absl::StrCat(Local(u.has_at(), u.at()), " by ", u.by(),
                     u.engaged() ? ", engaged" : ", not engaged");
    if (!u.notes().empty()) absl::StrAppend(&line, ": ", u.notes());
    follow_ups.push_back(std::move(line));
  }
  if (!follow_ups.empty()) {
    fields.push_back({"follow-ups", absl::StrJoin(follow_ups, "; ")});
  }
}

Row View<v1::Intelligence>::TableHeader() {
  return {"EPISODE", "CHILD",      "RECORDED",    "INDICATORS",
          "PLACES",  "ASSOCIATES", "ACKNOWLEDGED"};
}

Row View<v1::Intelligence>::TableRow(const v1::Intelligence& i, absl::Time) {
  return {i.episode_id(),
          client::ChildText(i),
          Local(i.has_recorded_at(), i.recorded_at()),
          IndicatorWords(i),
          NameList(i.places(), "; "),
          NameList(i.associates(), "; "),
          i.has_acknowledged_at()
              ? absl::StrCat(Local(true, i.acknowledged_at()), " by ",
                             i.acknowledged_by())
              : "NOT YET"};
}

Row View<v1::Intelligence>::CsvHeader() {
  return {"episode_id",  "child_id",        "name",           "age",
          "recorded_at", "indicators",      "places",         "associates",
          "share_basis", "acknowledged_at", "acknowledged_by"};
}

Row View<v1::Intelligence>::CsvRow(const v1::Intelligence& i) {
  std::vector<std::string> indicators;
  for (int n : i.indicators()) {
    indicators.push_back(v1::ExploitationIndicator_Name(n));
  }
  return {i.episode_id(),
          i.child_id(),
          i.name(),
          absl::StrCat(i.age()),
          Utc(i.has_recorded_at(), i.recorded_at()),
          absl::StrJoin(indicators, ";"),
          absl::StrJoin(i.places(), ";"),
          absl::StrJoin(i.associates(), ";"),
          i.share_basis(),
          Utc(i.has_acknowledged_at(), i.acknowledged_at()),
          i.acknowledged_by()};
}

Fields View<v1::Intelligence>::Record(const v1::Intelligence& i) {
  return {
      {"episode id", i.episode_id()},
      {"child", client::ChildText(i)},
      {"recorded at", Local(i.has_recorded_at(), i.recorded_at())},
      {"indicators", IndicatorWords(i)},
      {"places", NameList(i.places(), "; ")},
      {"associates", NameList(i.associates(), "; ")},
      {"basis", Cell(i.share_basis())},
      {"acknowledged at", Local(i.has_acknowledged_at(), i.acknowledged_at())},
      {"acknowledged by", Cell(i.acknowledged_by())}};
}

namespace {

std::string Kind(const v1::Hotspot& h) {
  return h.kind() == v1::Hotspot::KIND_ASSOCIATE ? "associate" : "place";
}

std::string Mentions(const v1::Hotspot& h, bool utc) {
  std::vector<std::string> out;
  for (const v1::Hotspot::Mention& m : h.mentions()) {
    out.push_back(absl::StrCat(
        utc ? m.child_id() : client::ChildText(m), ": ", m.episode_id(), " ",
        utc ? Utc(m.has_completed_at(), m.completed_at())
            : Local(m.has_completed_at(), m.completed_at())));
  }
  return absl::StrJoin(out, "; ");
}

}  // namespace

Row View<v1::Hotspot>::TableHeader() {
  return {"KIND", "NAME", "CHILDREN", "NAMED IN"};
}

Row View<v1::Hotspot>::TableRow(const v1::Hotspot& h, absl::Time) {
  return {Kind(h), h.name(), absl::StrCat(h.children()), Mentions(h, false)};
}

Row View<v1::Hotspot>::CsvHeader() {
  return {"kind", "name", "children", "mentions"};
}

Row View<v1::Hotspot>::CsvRow(const v1::Hotspot& h) {
  return {Kind(h), h.name(), absl::StrCat(h.children()), Mentions(h, true)};
}

Fields View<v1::Hotspot>::Record(const v1::Hotspot& h) {
  return {{"kind", Kind(h)},
          {"name", h.name()},
          {"children", absl::StrCat(h.children())},
          {"named in", Mentions(h, false)}};
}

}  // namespace mfh::cli
