#include "services/app/interviews.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace mfh::app {

using domain::Rhi;
using storage::Transaction;

namespace {

// The query a page of ListInterviews belongs to: its filters, with as_of as
// given (unset stays "now" from page to page).
std::string Listed(const InterviewQuery& query) {
  std::string listed = "ListInterviews statuses=";
  for (domain::RhiStatus s : query.statuses) {
    absl::StrAppend(&listed, domain::RhiStatusName(s), ",");
  }
  auto micros = [](const std::optional<absl::Time>& t) {
    return t.has_value() ? absl::StrCat(absl::ToUnixMicros(*t)) : "-";
  };
  absl::StrAppend(&listed, " due_before=", micros(query.due_before),
                  " child=", query.child_id, " as_of=", micros(query.as_of));
  return listed;
}

bool Wanted(const InterviewQuery& query, domain::RhiStatus status) {
  return query.statuses.empty() ||
         std::find(query.statuses.begin(), query.statuses.end(), status) !=
             query.statuses.end();
}

}  // namespace

absl::StatusOr<Paged<InterviewView>> Interviews::ListInterviews(
    const Call& call, const InterviewQuery& query) {
  const std::string listed = Listed(query);
  storage::Page page;
  return runner_.Read<Paged<InterviewView>>(
      call, calls::kListInterviews, query,
      [&](const Context&) -> absl::Status {
        for (domain::RhiStatus s : query.statuses) {
          if (s == domain::RhiStatus::kUnspecified) {
            return absl::InvalidArgumentError(
                "statuses: RHI_STATUS_UNSPECIFIED is not a status");
          }
        }
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<Paged<InterviewView>> {
        if (!query.child_id.empty()) {
          RETURN_IF_ERROR(LoadChild(tx, "child_id", query.child_id).status());
        }
        const absl::Time as_of = query.as_of.value_or(ctx.now);
        // Only owed statuses asked for: read only the RHIs open as of then.
        const bool owed_only =
            !query.statuses.empty() &&
            std::all_of(query.statuses.begin(), query.statuses.end(),
                        domain::IsOwed);
        storage::RhiFilter filter{.child_id = query.child_id,
                                  .open_as_of = std::nullopt,
                                  .due_before = query.due_before,
                                  .page = page};
        if (owed_only) filter.open_as_of = as_of;
        // The status is derived, so the store's rows are read in chunks of
        // a page until a page of wanted ones (and one more) is found.
        std::vector<InterviewView> views;
        while (static_cast<int>(views.size()) < page.limit) {
          ASSIGN_OR_RETURN(std::vector<Rhi> rhis, tx.ListRhis(filter));
          const bool last_chunk =
              static_cast<int>(rhis.size()) < filter.page.limit;
          if (!rhis.empty()) {
            filter.page.after_time = rhis.back().due_at;
            filter.page.after_id = rhis.back().episode_id;
          }
          for (Rhi& rhi : rhis) {
            InterviewView view =
                ViewInterview(ctx.principal, std::move(rhi), as_of);
            if (!Wanted(query, view.status)) continue;
            views.push_back(std::move(view));
            if (static_cast<int>(views.size()) == page.limit) break;
          }
          if (last_chunk) break;
        }
        return pages_.Finish(
            std::move(views), page, listed, [](const InterviewView& v) {
              return SortKey{.time = v.rhi.due_at, .id = v.rhi.episode_id};
            });
      });
}

absl::StatusOr<InterviewView> Interviews::GetInterview(
    const Call& call, const InterviewRef& ref) {
  return runner_.Read<InterviewView>(
      call, calls::kGetInterview, ref,
      [&](const Context&) -> absl::Status {
        if (ref.episode_id.empty()) {
          return absl::InvalidArgumentError("episode_id: required");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<InterviewView> {
        ASSIGN_OR_RETURN(std::optional<Rhi> found, tx.FindRhi(ref.episode_id));
        if (!found.has_value()) {
          return absl::NotFoundError(absl::StrCat(
              "episode_id: no RHI for episode ", ref.episode_id,
              " (unknown episode, not returned yet, or none owed)"));
        }
        InterviewView view = ViewInterview(ctx.principal, *std::move(found),
                                           ref.as_of.value_or(ctx.now));
        RETURN_IF_ERROR(LoadFindings(tx, view));
        return view;
      });
}

template <typename Request>
absl::StatusOr<InterviewView> Interviews::ChangeRhi(
    const Call& call, const WriteCall& spec, const Request& request,
    absl::FunctionRef<absl::Status(const Context&)> validate,
    absl::FunctionRef<absl::StatusOr<bool>(const Context&, Rhi&)> apply) {
  return runner_.Write<InterviewView>(
      call, spec, request, validate,
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<InterviewView> {
        ASSIGN_OR_RETURN(Rhi rhi,
                         LoadRhiForWrite(tx, "episode_id", request.episode_id));
        ASSIGN_OR_RETURN(bool retry, apply(ctx, rhi));
        if (!retry) RETURN_IF_ERROR(tx.UpdateRhi(rhi));
        return ViewInterview(ctx.principal, std::move(rhi), ctx.now);
      });
}

absl::StatusOr<InterviewView> Interviews::RecordOffer(
    const Call& call, const domain::RhiOffer& offer) {
  return ChangeRhi(
      call, calls::kRecordOffer, offer,
      [&](const Context& ctx) { return domain::ValidateOffer(offer, ctx.now); },
      [&](const Context&, Rhi& rhi) { return domain::ApplyOffer(offer, rhi); });
}

absl::StatusOr<InterviewView> Interviews::RecordDecline(
    const Call& call, const domain::RhiDecline& decline) {
  return ChangeRhi(
      call, calls::kRecordDecline, decline,
      [&](const Context& ctx) {
        return domain::ValidateDecline(decline, ctx.now);
      },
      [&](const Context&, Rhi& rhi) {
        return domain::ApplyDecline(decline, rhi);
      });
}

absl::StatusOr<InterviewView> Interviews::CloseInterview(
    const Call& call, const domain::RhiClosing& closing) {
  return ChangeRhi(
      call,
      closing.closure == domain::RhiClosure::kNotHeld ? calls::kMarkNotHeld
                                                      : calls::kMarkNotRequired,
      closing,
      [&](const Context& ctx) {
        return domain::ValidateClosing(closing, ctx.now);
      },
      [&](const Context& ctx, Rhi& rhi) {
        return domain::ApplyClosing(closing, ctx.now, rhi);
      });
}

absl::StatusOr<std::vector<InterviewView>> Interviews::RecordCompletion(
    const Call& call, const domain::RhiCompletion& completion) {
  return runner_.Write<std::vector<InterviewView>>(
      call, calls::kRecordCompletion, completion,
      [&](const Context& ctx) {
        return domain::ValidateCompletion(completion, ctx.now);
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<std::vector<InterviewView>> {
        std::vector<Rhi> rhis;
        ASSIGN_OR_RETURN(Rhi first, LoadRhiForWrite(tx, "episode_id",
                                                    completion.episode_id));
        rhis.push_back(std::move(first));
        for (const std::string& id : completion.also_episode_ids) {
          ASSIGN_OR_RETURN(Rhi also,
                           LoadRhiForWrite(tx, "also_episode_ids", id));
          if (also.child_id != rhis.front().child_id) {
            return absl::FailedPreconditionError(absl::StrCat(
                "also_episode_ids: episode ", id, " belongs to child ",
                also.child_id, ", not to child ", rhis.front().child_id));
          }
          rhis.push_back(std::move(also));
        }
        std::vector<InterviewView> views;
        for (Rhi& rhi : rhis) {
          ASSIGN_OR_RETURN(bool retry,
                           domain::ApplyCompletion(completion, rhi));
          if (!retry) RETURN_IF_ERROR(tx.UpdateRhi(rhi));
          views.push_back(
              ViewInterview(ctx.principal, std::move(rhi), ctx.now));
        }
        return views;
      });
}

absl::StatusOr<InterviewView> Interviews::RecordFindings(
    const Call& call, const domain::FindingsRecord& record) {
  return runner_.Write<InterviewView>(
      call, calls::kRecordFindings, record,
      [&](const Context&) { return domain::ValidateFindings(record); },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<InterviewView> {
        ASSIGN_OR_RETURN(Rhi rhi,
                         LoadRhiForWrite(tx, "episode_id", record.episode_id));
        RETURN_IF_ERROR(domain::CheckFindingsAllowed("episode_id", rhi));
        ASSIGN_OR_RETURN(std::vector<domain::Findings> versions,
                         tx.ListFindings(record.episode_id));
        domain::Findings findings = domain::CanonicalFindings(record.findings);
        if (versions.empty() ||
            !domain::SameFindings(versions.back(), findings)) {
          findings.version = static_cast<int>(versions.size()) + 1;
          findings.recorded_at = ctx.now;
          findings.recorded_by = ctx.principal.name;
          findings.acknowledged_at.reset();
          findings.acknowledged_by.clear();
          RETURN_IF_ERROR(tx.InsertFindings(record.episode_id, findings));
        }
        InterviewView view =
            ViewInterview(ctx.principal, std::move(rhi), ctx.now);
        RETURN_IF_ERROR(LoadFindings(tx, view));
        return view;
      });
}

absl::StatusOr<InterviewView> Interviews::RecordFollowUp(
    const Call& call, const domain::FollowUpRecord& record) {
  return runner_.Write<InterviewView>(
      call, calls::kRecordFollowUp, record,
      [&](const Context& ctx) {
        return domain::ValidateFollowUp(record, ctx.now);
      },
      [&](Transaction& tx,
          const Context& ctx) -> absl::StatusOr<InterviewView> {
        ASSIGN_OR_RETURN(Rhi rhi,
                         LoadRhiForWrite(tx, "episode_id", record.episode_id));
        ASSIGN_OR_RETURN(std::vector<domain::FollowUp> earlier,
                         tx.ListFollowUps(record.episode_id));
        ASSIGN_OR_RETURN(std::optional<domain::FollowUp> follow_up,
                         domain::ApplyFollowUp(record, rhi, earlier, ctx.now,
                                               ctx.principal.name));
        if (follow_up.has_value()) {
          RETURN_IF_ERROR(tx.InsertFollowUp(record.episode_id, *follow_up));
        }
        InterviewView view =
            ViewInterview(ctx.principal, std::move(rhi), ctx.now);
        RETURN_IF_ERROR(LoadFindings(tx, view));
        return view;
      });
}

}  // namespace mfh::app
