#include "clients/cli/chronology_pdf.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/monthly_pdf.h"
#include "clients/cli/report_pdf.h"
#include "clients/core/time_text.h"
#include "clients/core/words.h"

namespace mfh::cli {

std::string EventWords(absl::string_view kind) {
  static const auto* const kWords =
      new std::map<absl::string_view, absl::string_view>{
          {"episode_reported", "Reported missing"},
          {"regraded", "Risk regraded"},
          {"returned", "Returned"},
          {"corrected", "Corrected"},
          {"rhi_offered", "Interview offered"},
          {"rhi_declined", "Interview declined"},
          {"rhi_follow_up", "Decline followed up"},
          {"rhi_completed", "Interview completed"},
          {"rhi_findings", "What the interview found"},
          {"rhi_not_held", "Interview not held"},
          {"rhi_not_required", "Interview not required"},
          {"flag_set", "Flag set"},
          {"flag_cleared", "Flag cleared"},
          {"note", "Meeting note"},
          {"decision", "Meeting decision"},
          {"action_agreed", "Action agreed"},
          {"action_done", "Action done"},
          {"action_dropped", "Action dropped"},
      };
  auto it = kWords->find(kind);
  return std::string(it == kWords->end() ? kind : it->second);
}

namespace {

// "1 return", "3 returns".
std::string Count(int n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

}  // namespace

absl::Status WriteChronologyPdf(const v1::ChronologyResponse& resp,
                                const std::string& path) {
  const absl::Time as_of = client::FromTimestamp(resp.as_of());
  std::map<std::string, int> counts;
  PdfText events{.heading = "Every event, oldest first"};
  for (const v1::ChronologyEvent& e : resp.events()) {
    ++counts[e.kind()];
    std::string about;
    for (const std::string& id : {e.episode_id(), e.action_id()}) {
      if (!id.empty()) absl::StrAppend(&about, about.empty() ? "" : ", ", id);
    }
    events.paragraphs.push_back(
        absl::StrCat(client::FormatLocal(client::FromTimestamp(e.at())), "  ",
                     EventWords(e.kind()),
                     about.empty() ? "" : absl::StrCat(" (", about, ")"),
                     e.detail().empty() ? "" : absl::StrCat(": ", e.detail()),
                     e.by().empty() ? "" : absl::StrCat(" - by ", e.by())));
  }
  if (events.paragraphs.empty()) events.paragraphs.emplace_back("No events.");
  PdfReport pdf{
      .authority = resp.authority(),
      .title = absl::StrCat("Chronology: ", client::ChildText(resp)),
      .period = absl::StrCat("Everything recorded up to ", AsOfWords(as_of)),
      .as_of = AsOfWords(as_of),
      .summary = {absl::StrCat(
          Count(counts["episode_reported"], "episode reported",
                "episodes reported"),
          ", ", Count(counts["returned"], "return", "returns"), ", ",
          Count(counts["rhi_completed"], "interview completed",
                "interviews completed"),
          ", ",
          Count(counts["rhi_findings"], "record of what an interview found",
                "records of what interviews found"),
          ", ",
          Count(counts["decision"], "meeting decision", "meeting decisions"),
          " and ",
          Count(counts["action_agreed"], "action agreed", "actions agreed"),
          ".")}};
  pdf.blocks.emplace_back(std::move(events));
  return WritePdf(path, pdf);
}

}  // namespace mfh::cli
