// A disk that fills up on command, for the tests of what the server does
// when it cannot write (the audit failing closed): a SQLite VFS over the
// default one whose writes fail with SQLITE_FULL while a switch file exists.
// Only a test build's server installs it (--fault-file).
#ifndef MFH_SERVICES_STORAGE_SQLITE_FAULT_VFS_H_
#define MFH_SERVICES_STORAGE_SQLITE_FAULT_VFS_H_

#include <string>

#include "absl/status/status.h"

namespace mfh::storage {

// Makes the fault VFS SQLite's default for every connection opened after
// it: while `switch_path` exists, every write and truncation of a database,
// WAL or journal file fails as a full disk does. Once per process.
absl::Status InstallFaultVfs(const std::string& switch_path);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_FAULT_VFS_H_
