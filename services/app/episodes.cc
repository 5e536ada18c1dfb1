#include "services/app/episodes.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/app/agenda_loader.h"
#include "services/domain/rhi_rules.h"

namespace mfh::app {

using domain::Episode;
using storage::Transaction;

void AddSubjects(const ReturnResult& result, AuditSubjects& subjects) {
  AddSubjects(result.episode, subjects);
  if (result.interview.has_value()) AddSubjects(*result.interview, subjects);
}

namespace {

// The episode by its id, or else by its police reference; NOT_FOUND naming
// the field otherwise.
absl::StatusOr<Episode> FindEpisode(Transaction& tx,
                                    const std::string& episode_id,
                                    const std::string& police_force,
                                    const std::string& police_ref) {
  if (!episode_id.empty()) return LoadEpisode(tx, "episode_id", episode_id);
  ASSIGN_OR_RETURN(std::optional<Episode> found,
                   tx.FindEpisodeByPoliceRef(police_force, police_ref));
  if (!found.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("police_ref: no episode with police_force ", police_force,
                     " and police_ref ", police_ref));
  }
  return *std::move(found);
}

}  // namespace

void AddSubjects(const MissingResult& result, AuditSubjects& subjects) {
  AddSubjects(result.episode, subjects);
}

void AddSubjects(const EpisodeChange& change, AuditSubjects& subjects) {
  AddSubjects(change.episode, subjects);
  if (!change.moved_from.empty()) subjects.AddChild(change.moved_from);
}

void AddSubjects(const LinkResult& result, AuditSubjects& subjects) {
  AddSubjects(result.episodes, subjects);
}

absl::StatusOr<MissingResult> Episodes::ReportMissing(
    const Call& call, const domain::MissingReport& request) {
  domain::MissingReport report = request;
  return runner_.Write<MissingResult>(
      call, calls::kReportMissing, report,
      [&](const Context& ctx) -> absl::Status {
        RETURN_IF_ERROR(domain::ValidateMissingReport(report, ctx.now));
        ASSIGN_OR_RETURN(
            report.police_force,
            domain::PoliceForceCode("police_force", report.police_force,
                                    policy_.police_forces));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<MissingResult> {
        RETURN_IF_ERROR(LoadChild(tx, "child_id", report.child_id).status());
        ASSIGN_OR_RETURN(
            std::optional<Episode> known,
            tx.FindEpisodeByPoliceRef(report.police_force, report.police_ref));
        if (known.has_value()) {
          RETURN_IF_ERROR(domain::CheckNotVoided("police_ref", *known));
          const std::vector<std::string> differ =
              domain::ReportDifferences(*known, report);
          if (!differ.empty()) {
            return absl::AlreadyExistsError(absl::StrCat(
                "police_ref: episode ", known->episode_id,
                " already has police_force ", report.police_force,
                " and police_ref ", report.police_ref,
                ", reported with other details: ", absl::StrJoin(differ, "; "),
                "; use UpdateEpisode to change it"));
          }
          return MissingResult{.episode = *std::move(known),
                               .already_recorded = true};
        }
        Episode fresh = domain::NewEpisode(report, ctx.now, ctx.principal.name);
        ASSIGN_OR_RETURN(std::vector<Episode> others,
                         tx.ListEpisodesBeside(fresh));
        RETURN_IF_ERROR(domain::CheckFitsBesideOthers(fresh, others));
        ASSIGN_OR_RETURN(Episode stored, tx.InsertEpisode(std::move(fresh)));
        return MissingResult{.episode = std::move(stored)};
      });
}

absl::StatusOr<ReturnResult> Episodes::LogReturn(
    const Call& call, const domain::ReturnReport& request) {
  domain::ReturnReport report = request;
  return runner_.Write<ReturnResult>(
      call, calls::kLogReturn, report,
      [&](const Context& ctx) -> absl::Status {
        RETURN_IF_ERROR(domain::ValidateReturnReport(report, ctx.now));
        if (!report.police_force.empty()) {
          ASSIGN_OR_RETURN(
              report.police_force,
              domain::PoliceForceCode("police_force", report.police_force,
                                      policy_.police_forces));
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<ReturnResult> {
        ASSIGN_OR_RETURN(Episode found,
                         FindEpisode(tx, report.episode_id, report.police_force,
                                     report.police_ref));
        RETURN_IF_ERROR(domain::CheckNotVoided("episode_id", found));
        ReturnResult result{.episode = std::move(found)};
        Episode& episode = result.episode;
        std::optional<domain::Rhi> rhi;
        if (!episode.open()) {
          const std::vector<std::string> differ =
              domain::ReturnDifferences(episode, report);
          if (!differ.empty()) {
            return absl::FailedPreconditionError(
                absl::StrCat("returned_at: episode ", episode.episode_id,
                             " already has a return with other details: ",
                             absl::StrJoin(differ, "; "),
                             "; use CorrectReturn to change it"));
          }
          result.already_recorded = true;
          ASSIGN_OR_RETURN(rhi, tx.FindRhi(episode.episode_id));
        } else {
          RETURN_IF_ERROR(domain::ApplyReturn(report, ctx.now, episode));
          RETURN_IF_ERROR(tx.UpdateEpisode(episode));
          ASSIGN_OR_RETURN(domain::Child child,
                           LoadChild(tx, "child_id", episode.child_id));
          rhi = domain::NewRhi(policy_, episode, child.date_of_birth);
          if (rhi.has_value()) RETURN_IF_ERROR(tx.InsertRhi(*rhi));
        }
        if (rhi.has_value()) {
          result.interview =
              ViewInterview(ctx.principal, *std::move(rhi), ctx.now);
        }
        return result;
      });
}

absl::StatusOr<ReturnResult> Episodes::CorrectReturn(
    const Call& call, const domain::ReturnCorrection& request) {
  domain::ReturnCorrection correction = request;
  return runner_.Write<ReturnResult>(
      call, calls::kCorrectReturn, correction,
      [&](const Context& ctx) -> absl::Status {
        RETURN_IF_ERROR(domain::ValidateReturnCorrection(correction, ctx.now));
        if (correction.episode_id.empty()) {
          ASSIGN_OR_RETURN(
              correction.police_force,
              domain::PoliceForceCode("police_force", correction.police_force,
                                      policy_.police_forces));
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<ReturnResult> {
        ASSIGN_OR_RETURN(Episode episode, FindEpisode(tx, correction.episode_id,
                                                      correction.police_force,
                                                      correction.police_ref));
        RETURN_IF_ERROR(domain::CheckNotVoided("episode_id", episode));
        ASSIGN_OR_RETURN(std::optional<domain::Correction> record,
                         domain::ApplyReturnCorrection(
                             correction, ctx.now, ctx.principal.name, episode));
        ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi,
                         tx.FindRhi(episode.episode_id));
        if (record.has_value()) {
          ASSIGN_OR_RETURN(std::vector<Episode> others,
                           tx.ListEpisodesBeside(episode));
          RETURN_IF_ERROR(domain::CheckFitsBesideOthers(episode, others));
          RETURN_IF_ERROR(tx.UpdateEpisode(episode));
          RETURN_IF_ERROR(tx.InsertCorrection(episode.episode_id, *record));
          if (rhi.has_value()) {
            rhi->returned_at = *episode.returned_at;
            rhi->return_notified_at = *episode.return_notified_at;
            domain::SetDueTimes(policy_, *rhi);
            RETURN_IF_ERROR(tx.UpdateRhi(*rhi));
          }
        }
        ReturnResult result{.episode = std::move(episode)};
        if (rhi.has_value()) {
          result.interview =
              ViewInterview(ctx.principal, *std::move(rhi), ctx.now);
        }
        return result;
      });
}

absl::StatusOr<EpisodeChange> Episodes::UpdateEpisode(
    const Call& call, const domain::EpisodeUpdate& update) {
  return runner_.Write<EpisodeChange>(
      call, calls::kUpdateEpisode, update,
      [&](const Context& ctx) {
        return domain::ValidateEpisodeUpdate(update, ctx.now);
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<EpisodeChange> {
        EpisodeChange change;
        ASSIGN_OR_RETURN(change.episode,
                         LoadEpisode(tx, "episode_id", update.episode_id));
        Episode& episode = change.episode;
        RETURN_IF_ERROR(domain::CheckNotVoided("episode_id", episode));
        const std::string was_child = episode.child_id;
        std::optional<domain::RiskGrade> grade;
        ASSIGN_OR_RETURN(
            std::optional<domain::Correction> record,
            domain::ApplyEpisodeUpdate(update, ctx.now, ctx.principal.name,
                                       episode, grade));
        if (!record.has_value()) return change;  // a retry
        const bool moved = episode.child_id != was_child;
        ASSIGN_OR_RETURN(std::vector<Episode> others,
                         tx.ListEpisodesBeside(episode));
        RETURN_IF_ERROR(domain::CheckFitsBesideOthers(
            episode, others, moved ? "child_id" : "missing_since"));
        RETURN_IF_ERROR(tx.UpdateEpisode(episode));
        if (grade.has_value()) {
          RETURN_IF_ERROR(tx.InsertRiskGrade(episode.episode_id, *grade));
        }
        RETURN_IF_ERROR(tx.InsertCorrection(episode.episode_id, *record));
        if (moved) {
          change.moved_from = was_child;
          RETURN_IF_ERROR(MoveInterview(tx, episode));
        }
        return change;
      });
}

absl::Status Episodes::MoveInterview(Transaction& tx, const Episode& moved) {
  ASSIGN_OR_RETURN(domain::Child child,
                   LoadChild(tx, "child_id", moved.child_id));
  ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi,
                   tx.FindRhi(moved.episode_id));
  if (!rhi.has_value()) return absl::OkStatus();
  return tx.UpdateRhi(
      domain::MoveRhi(policy_, moved, child.date_of_birth, *std::move(rhi)));
}

absl::StatusOr<EpisodeChange> Episodes::VoidEpisode(
    const Call& call, const domain::EpisodeVoid& v) {
  return runner_.Write<EpisodeChange>(
      call, calls::kVoidEpisode, v,
      [&](const Context&) { return domain::ValidateEpisodeVoid(v); },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<EpisodeChange> {
        EpisodeChange change;
        ASSIGN_OR_RETURN(change.episode,
                         LoadEpisode(tx, "episode_id", v.episode_id));
        Episode& episode = change.episode;
        if (!domain::HasRight(ctx.principal.role,
                              domain::Right::kVoidAnyEpisode) &&
            domain::ReportedBy(episode) != ctx.principal.name) {
          return absl::PermissionDeniedError(
              absl::StrCat("role: ", domain::RoleName(ctx.principal.role),
                           " may void only episodes they reported; episode ",
                           episode.episode_id,
                           " was reported by another user: ask a "
                           "coordinator"));
        }
        ASSIGN_OR_RETURN(
            std::optional<domain::Correction> record,
            domain::ApplyVoid(v, ctx.now, ctx.principal.name, episode));
        if (!record.has_value()) return change;  // a retry
        RETURN_IF_ERROR(tx.UpdateEpisode(episode));
        RETURN_IF_ERROR(tx.InsertCorrection(episode.episode_id, *record));
        ASSIGN_OR_RETURN(std::optional<domain::Rhi> rhi,
                         tx.FindRhi(episode.episode_id));
        if (rhi.has_value()) {
          rhi->voided_at = episode.voided_at;
          RETURN_IF_ERROR(tx.UpdateRhi(*rhi));
        }
        return change;
      });
}

absl::StatusOr<Episode> Episodes::GetEpisode(const Call& call,
                                             const EpisodeRef& ref) {
  return runner_.Read<Episode>(
      call, calls::kGetEpisode, ref,
      [&](const Context&) -> absl::Status {
        if (ref.episode_id.empty()) {
          return absl::InvalidArgumentError("episode_id: required");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) {
        return LoadEpisode(tx, "episode_id", ref.episode_id);
      });
}

absl::StatusOr<Paged<Episode>> Episodes::ListEpisodes(
    const Call& call, const EpisodeQuery& query) {
  const std::string listed = absl::StrCat("ListEpisodes child=", query.child_id,
                                          " open_only=", query.open_only);
  storage::Page page;
  return runner_.Read<Paged<Episode>>(
      call, calls::kListEpisodes, query,
      [&](const Context&) -> absl::Status {
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<Paged<Episode>> {
        if (!query.child_id.empty()) {
          RETURN_IF_ERROR(LoadChild(tx, "child_id", query.child_id).status());
        }
        ASSIGN_OR_RETURN(
            std::vector<Episode> rows,
            tx.ListEpisodes(query.child_id, query.open_only, page));
        return pages_.Finish(
            std::move(rows), page, listed, [](const Episode& e) {
              return SortKey{.time = e.missing_since, .id = e.episode_id};
            });
      });
}

absl::StatusOr<LinkResult> Episodes::LinkEpisodes(const Call& call,
                                                  const domain::NewLink& link) {
  return runner_.Write<LinkResult>(
      call, calls::kLinkEpisodes, link,
      [&](const Context&) { return domain::ValidateLink(link); },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<LinkResult> {
        LinkResult result;
        for (const std::string& id : link.episode_ids) {
          ASSIGN_OR_RETURN(Episode episode, LoadEpisode(tx, "episode_ids", id));
          RETURN_IF_ERROR(domain::CheckNotVoided("episode_ids", episode));
          result.episodes.push_back(std::move(episode));
        }
        // The same episodes linked again is a retry: the link they have.
        ASSIGN_OR_RETURN(std::vector<domain::Link> existing,
                         tx.ListLinksForEpisodes(link.episode_ids));
        for (const domain::Link& l : existing) {
          if (domain::LinksSameEpisodes(l, link)) {
            result.link = l;
            return result;
          }
        }
        ASSIGN_OR_RETURN(result.link, tx.InsertLink(domain::Link{
                                          .link_id = "",
                                          .episode_ids = link.episode_ids,
                                          .reason = link.reason,
                                          .created_by = ctx.principal.name,
                                          .created_at = ctx.now}));
        return result;
      });
}

absl::StatusOr<std::vector<domain::AgendaEntry>> Episodes::Board(
    const Call& call, const BoardQuery& query) {
  return runner_.Read<std::vector<domain::AgendaEntry>>(
      call, calls::kWatchBoard, query,
      [](const Context&) { return absl::OkStatus(); },
      [&](Transaction& tx, const Context& ctx) {
        return LoadBoard(tx, policy_, query.as_of.value_or(ctx.now));
      });
}

}  // namespace mfh::app
