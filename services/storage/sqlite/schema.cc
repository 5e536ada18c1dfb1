#include "services/storage/sqlite/schema.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/storage/sqlite/connection.h"

namespace mfh::storage {
namespace {

using sql::kBeginImmediateSql;
using sql::kCommitSql;
using sql::kRollbackSql;

// Version 1: the whole first schema. Times are INTEGER microseconds since the
// Unix epoch (UTC); ids are INTEGER PRIMARY KEY (the wire id is a prefix and
// the number).
constexpr char kSchemaV1Sql[] = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE children(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  la_ref TEXT NOT NULL,
  looked_after INTEGER NOT NULL,
  placing_authority TEXT NOT NULL,
  created_at INTEGER NOT NULL);

CREATE TABLE flags(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  name TEXT NOT NULL,
  set_at INTEGER NOT NULL,
  cleared_at INTEGER);
CREATE INDEX flags_by_child ON flags(child_id, set_at);
CREATE INDEX flags_in_force ON flags(name, child_id) WHERE cleared_at IS NULL;

CREATE TABLE episodes(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  police_force TEXT NOT NULL,
  police_ref TEXT NOT NULL,
  category INTEGER NOT NULL,
  missing_since INTEGER NOT NULL,
  notified_at INTEGER NOT NULL,
  risk INTEGER NOT NULL,
  reporter TEXT NOT NULL,
  returned_at INTEGER,
  return_notified_at INTEGER,
  found_location TEXT NOT NULL,
  found_with TEXT NOT NULL,
  returned_to INTEGER NOT NULL,
  UNIQUE(police_force, police_ref));
CREATE INDEX episodes_by_child ON episodes(child_id, missing_since);
CREATE INDEX episodes_open ON episodes(child_id, missing_since)
  WHERE returned_at IS NULL;

CREATE TABLE risk_grades(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  risk INTEGER NOT NULL,
  from_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  reason TEXT NOT NULL);
CREATE INDEX risk_grades_by_episode ON risk_grades(episode_id, from_at);

CREATE TABLE corrections(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  rpc TEXT NOT NULL,
  reason TEXT NOT NULL,
  changes TEXT NOT NULL);
CREATE INDEX corrections_by_episode ON corrections(episode_id, at);

CREATE TABLE rhis(
  episode_id INTEGER PRIMARY KEY REFERENCES episodes(id),
  child_id INTEGER NOT NULL REFERENCES children(id),
  returned_at INTEGER NOT NULL,
  return_notified_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  due_at_from_return INTEGER NOT NULL,
  offered_at INTEGER,
  offered_by TEXT NOT NULL,
  declined_at INTEGER,
  decline_reason TEXT NOT NULL,
  completed_at INTEGER,
  completed_by TEXT NOT NULL,
  concerns TEXT NOT NULL,
  referral_made INTEGER NOT NULL,
  notes TEXT NOT NULL,
  also_episode_ids TEXT NOT NULL,
  closure INTEGER NOT NULL,
  closed_at INTEGER,
  closed_reason TEXT NOT NULL,
  final_at INTEGER);
CREATE INDEX rhis_open ON rhis(due_at) WHERE final_at IS NULL;
CREATE INDEX rhis_final ON rhis(final_at) WHERE final_at IS NOT NULL;
CREATE INDEX rhis_by_child ON rhis(child_id, due_at);

CREATE TABLE users(
  name TEXT PRIMARY KEY,
  role INTEGER NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER);

CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user TEXT NOT NULL,
  role INTEGER NOT NULL,
  rpc TEXT NOT NULL,
  child_ids TEXT NOT NULL,
  episode_ids TEXT NOT NULL,
  outcome TEXT NOT NULL);

CREATE TABLE audit_children(
  child_id TEXT NOT NULL,
  audit_id INTEGER NOT NULL REFERENCES audit(id),
  PRIMARY KEY(child_id, audit_id)) WITHOUT ROWID;
)sql";

// Version 2: meetings, their notes and actions, links between episodes, and
// the time indexes on episodes that the agenda's windows search.
constexpr char kSchemaV2Sql[] = R"sql(
CREATE INDEX episodes_by_missing_since ON episodes(missing_since);
CREATE INDEX episodes_returned ON episodes(returned_at)
  WHERE returned_at IS NOT NULL;
CREATE INDEX episodes_return_notified ON episodes(return_notified_at)
  WHERE return_notified_at IS NOT NULL;

CREATE TABLE links(
  id INTEGER PRIMARY KEY,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL);

CREATE TABLE link_episodes(
  link_id INTEGER NOT NULL REFERENCES links(id),
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  PRIMARY KEY(link_id, episode_id)) WITHOUT ROWID;
CREATE INDEX link_episodes_by_episode ON link_episodes(episode_id);

CREATE TABLE meetings(
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  state INTEGER NOT NULL,
  as_of INTEGER NOT NULL,
  frozen_agenda BLOB NOT NULL,
  attendees TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER);
CREATE UNIQUE INDEX meetings_by_day ON meetings(day);

CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  child_id INTEGER NOT NULL REFERENCES children(id),
  text TEXT NOT NULL,
  decision INTEGER NOT NULL,
  addendum INTEGER NOT NULL,
  author TEXT NOT NULL,
  at INTEGER NOT NULL);
CREATE INDEX notes_by_meeting ON notes(meeting_id, at);

CREATE TABLE actions(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  meeting_day TEXT NOT NULL,
  what TEXT NOT NULL,
  who TEXT NOT NULL,
  by_when INTEGER NOT NULL,
  done_when TEXT NOT NULL,
  worked_when TEXT NOT NULL,
  assignee TEXT NOT NULL,
  status INTEGER NOT NULL,
  done_evidence TEXT NOT NULL,
  impact_evidence TEXT NOT NULL,
  drop_reason TEXT NOT NULL,
  addendum INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER);
CREATE INDEX actions_open ON actions(by_when) WHERE status = 1;
CREATE INDEX actions_by_child ON actions(child_id, by_when);
CREATE INDEX actions_by_meeting ON actions(meeting_id, created_at);
)sql";

// Version 3: the time indexes that the reports count over.
constexpr char kSchemaV3Sql[] = R"sql(
CREATE INDEX rhis_by_due ON rhis(due_at);
CREATE INDEX rhis_by_due_from_return ON rhis(due_at_from_return);
CREATE INDEX rhis_completed ON rhis(completed_at)
  WHERE completed_at IS NOT NULL;
CREATE INDEX actions_by_day ON actions(meeting_day);
CREATE INDEX actions_by_when ON actions(by_when);
CREATE INDEX actions_closed ON actions(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX flags_by_name ON flags(name, set_at);
CREATE INDEX notes_by_child ON notes(child_id, at);
)sql";

// Version 4: what an audit row acted on (a user added, a meeting opened, a
// peer refused).
constexpr char kSchemaV4Sql[] = R"sql(
ALTER TABLE audit ADD COLUMN subject TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: the audit's hash chain (domain/audit_chain.h). Each row holds
// the hash it follows and its own; audit_chain holds where the chain began
// (at this upgrade: earlier rows are not covered) and its last entry.
constexpr char kSchemaV5Sql[] = R"sql(
ALTER TABLE audit ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_chain(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  first_id INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  head_id INTEGER NOT NULL,
  head_hash TEXT NOT NULL);
INSERT INTO audit_chain(one, first_id, started_at, head_id, head_hash)
  SELECT 1, COALESCE(MAX(id), 0) + 1, unixepoch() * 1000000,
         COALESCE(MAX(id), 0), '' FROM audit;
)sql";

// Version 6: voided episodes (reported in error), and their RHIs.
constexpr char kSchemaV6Sql[] = R"sql(
ALTER TABLE episodes ADD COLUMN voided_at INTEGER;
ALTER TABLE episodes ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE rhis ADD COLUMN voided_at INTEGER;
)sql";

// Version 7: the child's profile, and the history of changes to a child.
constexpr char kSchemaV7Sql[] = R"sql(
ALTER TABLE children ADD COLUMN sex TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN social_worker TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN placement TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN school TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN contacts TEXT NOT NULL DEFAULT '';
CREATE TABLE child_changes(
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES children(id),
  at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  changes TEXT NOT NULL);
CREATE INDEX child_changes_by_child ON child_changes(child_id, at);
)sql";

// Version 8: what interviews find (DESIGN.md section 10). Every version of an
// interview's findings is kept; `newest` marks the one in force. Factors and
// indicators are comma-separated names of the API's enum values; places and
// associates are rows of finding_names (kind 1 a place, 2 an associate).
constexpr char kSchemaV8Sql[] = R"sql(
CREATE TABLE findings(
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  version INTEGER NOT NULL,
  newest INTEGER NOT NULL,
  push_factors TEXT NOT NULL,
  push_other TEXT NOT NULL,
  pull_factors TEXT NOT NULL,
  pull_other TEXT NOT NULL,
  indicators TEXT NOT NULL,
  indicator_other TEXT NOT NULL,
  child_voice TEXT NOT NULL,
  referral TEXT NOT NULL,
  share_with_police INTEGER NOT NULL,
  share_basis TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT NOT NULL,
  PRIMARY KEY(episode_id, version)) WITHOUT ROWID;
CREATE INDEX findings_concerns ON findings(recorded_at, episode_id)
  WHERE newest = 1 AND indicators <> '' AND referral = 'none';
CREATE INDEX findings_shared ON findings(recorded_at, episode_id)
  WHERE newest = 1 AND share_with_police = 1;
CREATE INDEX findings_unacknowledged ON findings(recorded_at)
  WHERE newest = 1 AND share_with_police = 1 AND acknowledged_at IS NULL;
CREATE TABLE finding_names(
  episode_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY(episode_id, version, kind, position)) WITHOUT ROWID;
CREATE TABLE follow_ups(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  at INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  engaged INTEGER NOT NULL,
  notes TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL);
CREATE INDEX follow_ups_by_episode ON follow_ups(episode_id, at);
)sql";

// Version 9: a child's RHIs by the time of the return, so that the agenda
// finds the interview before each return (FindPreviousRhi) from the index's
// end rather than sorting all of the child's RHIs: a child with hundreds of
// returns made every agenda that listed one of them slow.
constexpr char kSchemaV9Sql[] = R"sql(
CREATE INDEX rhis_by_child_returned ON rhis(child_id, returned_at);
)sql";

constexpr char kSelectMetaTableSql[] =
    "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'";
constexpr char kSelectSchemaVersionSql[] =
    "SELECT value FROM meta WHERE key = 'schema_version'";
constexpr char kUpsertSchemaVersionSql[] =
    "INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value";

absl::Status Error(sqlite3* db, int rc, absl::string_view what) {
  std::string message = absl::StrCat(what, ": ", sqlite3_errstr(rc), " (",
                                     sqlite3_errmsg(db), ")");
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

absl::Status Exec(sqlite3* db, const char* sql, absl::string_view what) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(db, rc, what);
  return absl::OkStatus();
}

// Runs a one-row, one-column query; the value as text, or nullopt for no row.
absl::StatusOr<std::optional<std::string>> QueryText(sqlite3* db,
                                                     const char* sql,
                                                     absl::string_view what) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(db, rc, what);
  rc = sqlite3_step(stmt);
  std::optional<std::string> value;
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    value = text == nullptr ? "" : reinterpret_cast<const char*>(text);
  }
  absl::Status status = rc == SQLITE_ROW || rc == SQLITE_DONE
                            ? absl::OkStatus()
                            : Error(db, rc, what);
  sqlite3_finalize(stmt);
  if (!status.ok()) return status;
  return value;
}

absl::Status WriteVersion(sqlite3* db, int version) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, kUpsertSchemaVersionSql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(db, rc, "kUpsertSchemaVersionSql");
  std::string text = absl::StrCat(version);
  sqlite3_bind_text(stmt, 1, text.c_str(), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step(stmt);
  absl::Status status = rc == SQLITE_DONE
                            ? absl::OkStatus()
                            : Error(db, rc, "kUpsertSchemaVersionSql");
  sqlite3_finalize(stmt);
  return status;
}

// One step inside an open write transaction: applies the next migration, or
// reports that the schema is current (false).
absl::StatusOr<bool> MigrateOneStep(sqlite3* db) {
  absl::StatusOr<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kCurrentSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("database schema version ", *version,
                     " is newer than this server's schema version ",
                     kCurrentSchemaVersion, "; run a newer mfh-server"));
  }
  if (*version == kCurrentSchemaVersion) return false;
  const char* script = MigrationScripts()[*version];
  absl::Status status = Exec(
      db, script, absl::StrCat("migration to schema version ", *version + 1));
  if (!status.ok()) return status;
  status = WriteVersion(db, *version + 1);
  if (!status.ok()) return status;
  return true;
}

}  // namespace

const std::vector<const char*>& MigrationScripts() {
  static const std::vector<const char*> kScripts = {
      kSchemaV1Sql, kSchemaV2Sql, kSchemaV3Sql, kSchemaV4Sql, kSchemaV5Sql,
      kSchemaV6Sql, kSchemaV7Sql, kSchemaV8Sql, kSchemaV9Sql};
  return kScripts;
}

absl::StatusOr<int> ReadSchemaVersion(sqlite3* db) {
  absl::StatusOr<std::optional<std::string>> has_meta =
      QueryText(db, kSelectMetaTableSql, "kSelectMetaTableSql");
  if (!has_meta.ok()) return has_meta.status();
  if (!has_meta->has_value() || **has_meta == "0") return 0;
  absl::StatusOr<std::optional<std::string>> value =
      QueryText(db, kSelectSchemaVersionSql, "kSelectSchemaVersionSql");
  if (!value.ok()) return value.status();
  if (!value->has_value()) return 0;
  int version = 0;
  if (!absl::SimpleAtoi(**value, &version) || version < 0) {
    return absl::FailedPreconditionError(
        "meta.schema_version is not a schema version number");
  }
  return version;
}

absl::Status MigrateToCurrentVersion(sqlite3* db) {
  static_assert(kCurrentSchemaVersion > 0);
  if (MigrationScripts().size() != static_cast<size_t>(kCurrentSchemaVersion)) {
    return absl::InternalError(
        "the migration scripts do not match kCurrentSchemaVersion");
  }
  while (true) {
    absl::Status status = Exec(db, kBeginImmediateSql, "kBeginImmediateSql");
    if (!status.ok()) return status;
    absl::StatusOr<bool> migrated = MigrateOneStep(db);
    if (!migrated.ok()) {
      if (!sqlite3_get_autocommit(db)) {
        sqlite3_exec(db, kRollbackSql, nullptr, nullptr, nullptr);
      }
      return migrated.status();
    }
    status = Exec(db, kCommitSql, "kCommitSql");
    if (!status.ok()) {
      if (!sqlite3_get_autocommit(db)) {
        sqlite3_exec(db, kRollbackSql, nullptr, nullptr, nullptr);
      }
      return status;
    }
    if (!*migrated) return absl::OkStatus();
  }
}

}  // namespace mfh::storage
