// What `mfh-server` does on the server host besides serving: users and
// their tokens, and the audit chain's check. Each returns the exit code and
// writes what the operator reads to `out`, errors to `err`.
#ifndef MFH_SERVICES_SERVER_HOST_COMMANDS_H_
#define MFH_SERVICES_SERVER_HOST_COMMANDS_H_

#include <ostream>
#include <string>

#include "absl/time/time.h"

namespace mfh::server {

// `mfh-server user add NAME --role ROLE --db DB`: prints the token once.
// `now` is when the user is added, and the audit says so.
int UserAdd(const std::string& db, const std::string& name,
            const std::string& role_name, absl::Time now, std::ostream& out,
            std::ostream& err);
// `mfh-server user list --db DB`.
int UserList(const std::string& db, std::ostream& out, std::ostream& err);
// `mfh-server user revoke NAME --db DB`.
int UserRevoke(const std::string& db, const std::string& name, absl::Time now,
               std::ostream& out, std::ostream& err);
// `mfh-server audit verify --db DB`: 0 with "audit chain intact: N entries",
// 1 naming the first entry edited, deleted or inserted, 2 when the file
// cannot be checked. Opens the file read-only: the database is left as it
// was (SQLite may leave its -wal and -shm files beside it). `expect_head`,
// when not empty, is "ID:HASH" as an earlier verify printed it and someone
// kept off the host: the chain must still hold that entry with that hash.
int AuditVerify(const std::string& db, const std::string& expect_head,
                std::ostream& out, std::ostream& err);

}  // namespace mfh::server

#endif  // MFH_SERVICES_SERVER_HOST_COMMANDS_H_
