// Voiding an episode reported in error (DESIGN.md section 11): it leaves the
// agenda, the board, the interviews owed and every report, and stays in the
// child's history (as a correction) and in the audit.
#ifndef MFH_SERVICES_DOMAIN_EPISODE_VOID_H_
#define MFH_SERVICES_DOMAIN_EPISODE_VOID_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

struct EpisodeVoid {
  std::string episode_id;
  std::string reason;
};

absl::Status ValidateEpisodeVoid(const EpisodeVoid& v);

// The user who reported the episode (who recorded its first grade).
absl::string_view ReportedBy(const Episode& episode);

// Voids `episode` and returns the history record, or none when it was
// already voided for the same reason (a retry); FAILED_PRECONDITION when it
// was voided for another.
absl::StatusOr<std::optional<Correction>> ApplyVoid(const EpisodeVoid& v,
                                                    absl::Time now,
                                                    absl::string_view by,
                                                    Episode& episode);

// FAILED_PRECONDITION naming `field` when the episode was voided: nothing
// about it changes after that.
absl::Status CheckNotVoided(absl::string_view field, const Episode& episode);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_EPISODE_VOID_H_
