#include "services/domain/rhi_rules.h"

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "services/domain/episode_rules.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {
namespace {

bool AtOrBefore(const std::optional<absl::Time>& t, absl::Time limit) {
  return t.has_value() && *t <= limit;
}

absl::Status Required(absl::string_view field) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
}

absl::Status ValidateEpisodeAndTime(absl::string_view episode_id,
                                    const std::optional<absl::Time>& at,
                                    absl::Time now) {
  if (episode_id.empty()) return Required("episode_id");
  if (!at.has_value()) return Required("at");
  return CheckEventTime("at", *at, now);
}

absl::Status CheckOpen(const Rhi& rhi) {
  if (!rhi.final_at().has_value()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "episode_id: the RHI for episode ", rhi.episode_id, " is already ",
      RhiStatusName(StatusAsOf(rhi, absl::InfiniteFuture())),
      " and cannot change"));
}

absl::Status CheckNotBeforeReturn(const Rhi& rhi, absl::Time at) {
  if (at >= rhi.returned_at) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("at: must not be before the return of episode ",
                   rhi.episode_id, " (", FormatUtc(rhi.returned_at), ")"));
}

}  // namespace

std::optional<Rhi> NewRhi(const Policy& policy, const Episode& returned,
                          absl::CivilDay date_of_birth) {
  if (policy.skip_rhi_for_absent && returned.category == Category::kAbsent) {
    return std::nullopt;
  }
  Rhi rhi;
  rhi.episode_id = returned.episode_id;
  rhi.child_id = returned.child_id;
  rhi.returned_at = *returned.returned_at;
  rhi.return_notified_at = *returned.return_notified_at;
  SetDueTimes(policy, rhi);
  if (AgeOn(date_of_birth, LocalDay(rhi.returned_at, policy.timezone)) >= 18) {
    rhi.closure = RhiClosure::kNotRequired;
    rhi.closed_at = rhi.return_notified_at;
    rhi.closed_reason = std::string(kAdultReason);
  }
  return rhi;
}

Rhi MoveRhi(const Policy& policy, const Episode& moved,
            absl::CivilDay date_of_birth, Rhi rhi) {
  const bool untouched = !rhi.offered_at.has_value() &&
                         !rhi.declined_at.has_value() &&
                         !rhi.completed_at.has_value() &&
                         (rhi.closure == RhiClosure::kNone ||
                          (rhi.closure == RhiClosure::kNotRequired &&
                           rhi.closed_reason == kAdultReason));
  if (untouched) {
    std::optional<Rhi> fresh = NewRhi(policy, moved, date_of_birth);
    if (fresh.has_value()) return *std::move(fresh);
  }
  rhi.child_id = moved.child_id;
  return rhi;
}

void SetDueTimes(const Policy& policy, Rhi& rhi) {
  const absl::Time start = policy.rhi_clock_start == RhiClockStart::kReturn
                               ? rhi.returned_at
                               : rhi.return_notified_at;
  rhi.due_at = start + policy.rhi_deadline;
  rhi.due_at_from_return = rhi.returned_at + policy.rhi_deadline;
}

bool IsOwed(RhiStatus status) {
  return status == RhiStatus::kDue || status == RhiStatus::kOffered ||
         status == RhiStatus::kOverdue;
}

RhiStatus StatusAsOf(const Rhi& rhi, absl::Time t) {
  if (rhi.closure == RhiClosure::kNotRequired && AtOrBefore(rhi.closed_at, t)) {
    return RhiStatus::kNotRequired;
  }
  if (AtOrBefore(rhi.completed_at, t)) return RhiStatus::kCompleted;
  if (AtOrBefore(rhi.declined_at, t)) return RhiStatus::kDeclined;
  if (rhi.closure == RhiClosure::kNotHeld && AtOrBefore(rhi.closed_at, t)) {
    return RhiStatus::kNotHeld;
  }
  if (rhi.due_at <= t) return RhiStatus::kOverdue;
  if (AtOrBefore(rhi.offered_at, t)) return RhiStatus::kOffered;
  return RhiStatus::kDue;
}

bool OpenAsOf(const Rhi& rhi, absl::Time t) {
  switch (StatusAsOf(rhi, t)) {
    case RhiStatus::kDue:
    case RhiStatus::kOffered:
    case RhiStatus::kOverdue:
      return true;
    case RhiStatus::kCompleted:
    case RhiStatus::kDeclined:
    case RhiStatus::kNotHeld:
    case RhiStatus::kNotRequired:
    case RhiStatus::kUnspecified:
      return false;
  }
  return false;
}

bool OfferedOnTime(const Rhi& rhi) {
  return AtOrBefore(rhi.offered_at, rhi.due_at) ||
         AtOrBefore(rhi.declined_at, rhi.due_at) ||
         AtOrBefore(rhi.completed_at, rhi.due_at);
}

bool MetDeadline(const Rhi& rhi) {
  return CompletedOnTime(rhi) || AtOrBefore(rhi.declined_at, rhi.due_at);
}

bool CompletedOnTime(const Rhi& rhi) {
  return AtOrBefore(rhi.completed_at, rhi.due_at);
}

bool MetDeadlineFromReturn(const Rhi& rhi) {
  return AtOrBefore(rhi.completed_at, rhi.due_at_from_return) ||
         AtOrBefore(rhi.declined_at, rhi.due_at_from_return);
}

absl::string_view RhiStatusName(RhiStatus status) {
  switch (status) {
    case RhiStatus::kDue:
      return "DUE";
    case RhiStatus::kOffered:
      return "OFFERED";
    case RhiStatus::kOverdue:
      return "OVERDUE";
    case RhiStatus::kCompleted:
      return "COMPLETED";
    case RhiStatus::kDeclined:
      return "DECLINED";
    case RhiStatus::kNotHeld:
      return "NOT_HELD";
    case RhiStatus::kNotRequired:
      return "NOT_REQUIRED";
    case RhiStatus::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

absl::Status ValidateOffer(const RhiOffer& offer, absl::Time now) {
  RETURN_IF_ERROR(ValidateEpisodeAndTime(offer.episode_id, offer.at, now));
  return CheckShortTexts({{"by", offer.by}});
}

absl::Status ValidateDecline(const RhiDecline& decline, absl::Time now) {
  RETURN_IF_ERROR(ValidateEpisodeAndTime(decline.episode_id, decline.at, now));
  if (decline.reason.empty()) return Required("reason");
  return CheckShortTexts({{"reason", decline.reason}});
}

absl::Status ValidateCompletion(const RhiCompletion& completion,
                                absl::Time now) {
  RETURN_IF_ERROR(
      ValidateEpisodeAndTime(completion.episode_id, completion.at, now));
  if (completion.by.empty()) return Required("by");
  RETURN_IF_ERROR(CheckShortTexts({{"by", completion.by}}));
  RETURN_IF_ERROR(
      CheckLongTexts({{"outcome.notes", completion.outcome.notes}}));
  const std::vector<Concern>& concerns = completion.outcome.concerns;
  for (Concern c : concerns) {
    if (c == Concern::kUnspecified) {
      return absl::InvalidArgumentError(
          "outcome.concerns: each must be NONE, CSE or CCE");
    }
    if (c == Concern::kNone && concerns.size() > 1) {
      return absl::InvalidArgumentError(
          "outcome.concerns: NONE cannot be given with CSE or CCE");
    }
  }
  for (const std::string& also : completion.also_episode_ids) {
    if (also == completion.episode_id) {
      return absl::InvalidArgumentError(
          "also_episode_ids: must not repeat episode_id");
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateClosing(const RhiClosing& closing, absl::Time now) {
  if (closing.episode_id.empty()) return Required("episode_id");
  if (closing.reason.empty()) return Required("reason");
  RETURN_IF_ERROR(CheckShortTexts({{"reason", closing.reason}}));
  if (closing.at.has_value()) {
    return CheckEventTime("at", *closing.at, now);
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyOffer(const RhiOffer& offer, Rhi& rhi) {
  if (rhi.offered_at == offer.at &&
      (offer.by.empty() || offer.by == rhi.offered_by)) {
    return true;
  }
  RETURN_IF_ERROR(CheckOpen(rhi));
  if (rhi.offered_at.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "episode_id: the RHI for episode ", rhi.episode_id,
        " was already offered; record the decline or the completion"));
  }
  RETURN_IF_ERROR(CheckNotBeforeReturn(rhi, *offer.at));
  rhi.offered_at = offer.at;
  rhi.offered_by = offer.by;
  return false;
}

absl::StatusOr<bool> ApplyDecline(const RhiDecline& decline, Rhi& rhi) {
  if (rhi.declined_at == decline.at && rhi.decline_reason == decline.reason) {
    return true;
  }
  RETURN_IF_ERROR(CheckOpen(rhi));
  RETURN_IF_ERROR(CheckNotBeforeReturn(rhi, *decline.at));
  rhi.declined_at = decline.at;
  rhi.decline_reason = decline.reason;
  return false;
}

absl::StatusOr<bool> ApplyCompletion(const RhiCompletion& completion,
                                     Rhi& rhi) {
  if (rhi.completed_at == completion.at && rhi.completed_by == completion.by) {
    return true;
  }
  RETURN_IF_ERROR(CheckOpen(rhi));
  RETURN_IF_ERROR(CheckNotBeforeReturn(rhi, *completion.at));
  rhi.completed_at = completion.at;
  rhi.completed_by = completion.by;
  rhi.outcome = completion.outcome;
  rhi.also_episode_ids.clear();
  if (rhi.episode_id != completion.episode_id) {
    rhi.also_episode_ids.push_back(completion.episode_id);
  }
  for (const std::string& id : completion.also_episode_ids) {
    if (id != rhi.episode_id) rhi.also_episode_ids.push_back(id);
  }
  return false;
}

absl::StatusOr<bool> ApplyClosing(const RhiClosing& closing, absl::Time now,
                                  Rhi& rhi) {
  if (rhi.closure == closing.closure && rhi.closed_reason == closing.reason &&
      (!closing.at.has_value() || closing.at == rhi.closed_at)) {
    return true;
  }
  RETURN_IF_ERROR(CheckOpen(rhi));
  const absl::Time at = closing.at.value_or(now);
  RETURN_IF_ERROR(CheckNotBeforeReturn(rhi, at));
  rhi.closure = closing.closure;
  rhi.closed_at = at;
  rhi.closed_reason = closing.reason;
  return false;
}

}  // namespace mfh::domain
