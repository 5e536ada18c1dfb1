#include "services/domain/episode_void.h"

#include "absl/strings/str_cat.h"
#include "services/domain/calendar.h"
#include "services/domain/limits.h"
#include "services/domain/status_macros.h"

namespace mfh::domain {

absl::Status ValidateEpisodeVoid(const EpisodeVoid& v) {
  if (v.episode_id.empty()) {
    return absl::InvalidArgumentError("episode_id: required");
  }
  if (v.reason.empty()) {
    return absl::InvalidArgumentError(
        "reason: required (why the report was made in error)");
  }
  return CheckShortTexts({{"reason", v.reason}});
}

absl::string_view ReportedBy(const Episode& episode) {
  if (episode.risk_history.empty()) return "";
  return episode.risk_history.front().recorded_by;
}

absl::StatusOr<std::optional<Correction>> ApplyVoid(const EpisodeVoid& v,
                                                    absl::Time now,
                                                    absl::string_view by,
                                                    Episode& episode) {
  if (episode.voided()) {
    if (episode.void_reason == v.reason) return std::nullopt;
    return CheckNotVoided("episode_id", episode);
  }
  Correction record{.at = now,
                    .by = std::string(by),
                    .rpc = "VoidEpisode",
                    .reason = v.reason,
                    .changes = {"voided: made in error"}};
  episode.voided_at = now;
  episode.void_reason = v.reason;
  episode.corrections.push_back(record);
  return record;
}

absl::Status CheckNotVoided(absl::string_view field, const Episode& episode) {
  if (!episode.voided()) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat(field, ": episode ", episode.episode_id, " was voided at ",
                   FormatUtc(*episode.voided_at),
                   " as made in error; nothing about it can change now"));
}

}  // namespace mfh::domain
