// The SQLite schema of the hub and its migrations: version N of the schema is
// reached by applying the first N scripts, each in its own transaction, and is
// recorded in meta.schema_version.
#ifndef MFH_SERVICES_STORAGE_SQLITE_SCHEMA_H_
#define MFH_SERVICES_STORAGE_SQLITE_SCHEMA_H_

#include <sqlite3.h>

#include <vector>

#include "absl/status/statusor.h"

namespace mfh::storage {

inline constexpr int kCurrentSchemaVersion = 9;

// Index names that the query-plan tests look for.
inline constexpr char kOpenEpisodesIndex[] = "episodes_open";
inline constexpr char kOpenRhisIndex[] = "rhis_open";
inline constexpr char kFinalRhisIndex[] = "rhis_final";
inline constexpr char kEpisodesByMissingSinceIndex[] =
    "episodes_by_missing_since";
inline constexpr char kReturnedEpisodesIndex[] = "episodes_returned";
inline constexpr char kReturnNotifiedEpisodesIndex[] =
    "episodes_return_notified";
inline constexpr char kLinkEpisodesByEpisodeIndex[] =
    "link_episodes_by_episode";
inline constexpr char kMeetingsByDayIndex[] = "meetings_by_day";
inline constexpr char kNotesByMeetingIndex[] = "notes_by_meeting";
inline constexpr char kOpenActionsIndex[] = "actions_open";
inline constexpr char kActionsByChildIndex[] = "actions_by_child";
inline constexpr char kActionsByMeetingIndex[] = "actions_by_meeting";
inline constexpr char kRhisByDueIndex[] = "rhis_by_due";
inline constexpr char kRhisByDueFromReturnIndex[] = "rhis_by_due_from_return";
inline constexpr char kCompletedRhisIndex[] = "rhis_completed";
inline constexpr char kActionsByDayIndex[] = "actions_by_day";
inline constexpr char kActionsByWhenIndex[] = "actions_by_when";
inline constexpr char kClosedActionsIndex[] = "actions_closed";
inline constexpr char kFlagsByNameIndex[] = "flags_by_name";
inline constexpr char kNotesByChildIndex[] = "notes_by_child";

// The migration scripts: element i takes the schema from version i to i + 1.
const std::vector<const char*>& MigrationScripts();

// The schema version recorded in `db`; 0 for a database without a meta table.
absl::StatusOr<int> ReadSchemaVersion(sqlite3* db);

// Brings `db` to kCurrentSchemaVersion. A database whose version is newer
// than this code's is FAILED_PRECONDITION and is left unchanged.
absl::Status MigrateToCurrentVersion(sqlite3* db);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_SCHEMA_H_
