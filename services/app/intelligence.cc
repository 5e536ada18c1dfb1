#include "services/app/intelligence.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/app/records.h"

namespace mfh::app {
namespace {

// What the police may read of findings.
domain::FindingsOf Shareable(domain::FindingsOf f) {
  domain::Findings& x = f.findings;
  x.push_factors.clear();
  x.push_other.clear();
  x.pull_factors.clear();
  x.pull_other.clear();
  x.child_voice.clear();
  x.referral = domain::Referral::kUnspecified;
  return f;
}

}  // namespace

absl::StatusOr<Paged<domain::FindingsOf>> Intelligence::ListIntelligence(
    const Call& call, const IntelligenceQuery& query) {
  const std::string listed =
      absl::StrCat("ListIntelligence unacknowledged=",
                   query.unacknowledged_only ? "yes" : "no");
  storage::Page page;
  return runner_.Read<Paged<domain::FindingsOf>>(
      call, calls::kListIntelligence, query,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        return absl::OkStatus();
      },
      [&](storage::Transaction& tx,
          const Context&) -> absl::StatusOr<Paged<domain::FindingsOf>> {
        ASSIGN_OR_RETURN(
            std::vector<domain::FindingsOf> rows,
            tx.ListSharedFindings(query.unacknowledged_only, page));
        for (domain::FindingsOf& f : rows) f = Shareable(std::move(f));
        return pages_.Finish(std::move(rows), page, listed,
                             [](const domain::FindingsOf& f) {
                               return SortKey{.time = f.findings.recorded_at,
                                              .id = f.episode_id};
                             });
      });
}

absl::StatusOr<domain::FindingsOf> Intelligence::AcknowledgeIntelligence(
    const Call& call, const IntelligenceRef& ref) {
  return runner_.Write<domain::FindingsOf>(
      call, calls::kAcknowledgeIntelligence, ref,
      [&](const Context&) -> absl::Status {
        if (ref.episode_id.empty()) {
          return absl::InvalidArgumentError("episode_id: required");
        }
        return absl::OkStatus();
      },
      [&](storage::Transaction& tx,
          const Context& ctx) -> absl::StatusOr<domain::FindingsOf> {
        ASSIGN_OR_RETURN(domain::Episode episode,
                         LoadEpisode(tx, "episode_id", ref.episode_id));
        ASSIGN_OR_RETURN(std::vector<domain::Findings> versions,
                         tx.ListFindings(ref.episode_id));
        if (episode.voided_at.has_value() || versions.empty() ||
            !versions.back().share_with_police) {
          return absl::NotFoundError(absl::StrCat(
              "episode_id: nothing from the interview for episode ",
              ref.episode_id, " was shared with the police"));
        }
        domain::Findings newest = std::move(versions.back());
        if (!newest.acknowledged_at.has_value()) {
          newest.acknowledged_at = ctx.now;
          newest.acknowledged_by = ctx.principal.name;
          RETURN_IF_ERROR(tx.AcknowledgeFindings(ref.episode_id, newest.version,
                                                 ctx.now, ctx.principal.name));
        }
        ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi,
                         tx.FindRhi(ref.episode_id));
        return Shareable(domain::FindingsOf{
            .episode_id = ref.episode_id,
            .child_id = episode.child_id,
            .completed_at = rhi.has_value() ? rhi->completed_at : std::nullopt,
            .findings = std::move(newest)});
      });
}

}  // namespace mfh::app
