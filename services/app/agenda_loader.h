// Loads what the agenda is assembled from (domain::AgendaData), each set by
// an index, and assembles it: for GetAgenda, OpenMeeting and the board.
#ifndef MFH_SERVICES_APP_AGENDA_LOADER_H_
#define MFH_SERVICES_APP_AGENDA_LOADER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/agenda.h"
#include "services/domain/policy.h"
#include "services/storage/store.h"

namespace mfh::app {

// The agenda for `day` as of `as_of`.
absl::StatusOr<domain::Agenda> LoadAgenda(storage::Transaction& tx,
                                          const domain::Policy& policy,
                                          absl::CivilDay day, absl::Time as_of);

// The board: the children missing now, as the agenda's first section.
absl::StatusOr<std::vector<domain::AgendaEntry>> LoadBoard(
    storage::Transaction& tx, const domain::Policy& policy, absl::Time as_of);

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_AGENDA_LOADER_H_
