#include "services/storage/sqlite/fault_vfs.h"

#include <sqlite3.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"

namespace mfh::storage {
namespace {

// Set once by InstallFaultVfs, before any connection uses them.
sqlite3_vfs* real_vfs = nullptr;
const std::string* fault_switch = nullptr;

bool Full() { return access(fault_switch->c_str(), F_OK) == 0; }

// Our file: the real VFS's file follows it in the same allocation.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* Real(sqlite3_file* file) {
  return reinterpret_cast<FaultFile*>(file)->real;
}

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 offset) {
  return Real(f)->pMethods->xRead(Real(f), buf, n, offset);
}
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 offset) {
  if (Full()) return SQLITE_FULL;
  return Real(f)->pMethods->xWrite(Real(f), buf, n, offset);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (Full()) return SQLITE_FULL;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) {
  return Real(f)->pMethods->xLock(Real(f), level);
}
int Unlock(sqlite3_file* f, int level) {
  return Real(f)->pMethods->xUnlock(Real(f), level);
}
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) {
  return Real(f)->pMethods->xSectorSize(Real(f));
}
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend,
           void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int delete_flag) {
  return Real(f)->pMethods->xShmUnmap(Real(f), delete_flag);
}
int Fetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), offset, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  return Real(f)->pMethods->xUnfetch(Real(f), offset, p);
}

// Version 3, as the unix VFS's own files: WAL needs the shared-memory calls.
const sqlite3_io_methods kMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FileSize,
    Lock,
    Unlock,
    CheckReservedLock,
    FileControl,
    SectorSize,
    DeviceCharacteristics,
    ShmMap,
    ShmLock,
    ShmBarrier,
    ShmUnmap,
    Fetch,
    Unfetch,
};

int Open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags,
         int* out_flags) {
  auto* ours = reinterpret_cast<FaultFile*>(file);
  ours->real = reinterpret_cast<sqlite3_file*>(ours + 1);
  const int rc = real_vfs->xOpen(real_vfs, name, ours->real, flags, out_flags);
  // SQLite closes a file that has methods even when its open failed: ours
  // then forward the close to the real file's.
  file->pMethods = ours->real->pMethods != nullptr ? &kMethods : nullptr;
  return rc;
}

}  // namespace

absl::Status InstallFaultVfs(const std::string& switch_path) {
  if (real_vfs != nullptr) {
    return absl::FailedPreconditionError("the fault VFS is installed already");
  }
  real_vfs = sqlite3_vfs_find(nullptr);
  if (real_vfs == nullptr) {
    return absl::InternalError("SQLite has no default VFS");
  }
  if (real_vfs->iVersion < 2) {
    return absl::InternalError(
        absl::StrCat("the default VFS ", real_vfs->zName, " is too old"));
  }
  fault_switch = new std::string(switch_path);
  // The real VFS's calls, ours for opening files; its pAppData comes along.
  static sqlite3_vfs vfs = *real_vfs;
  vfs.zName = "mfh-fault";
  vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
  vfs.xOpen = Open;
  vfs.pNext = nullptr;
  const int rc = sqlite3_vfs_register(&vfs, /*makeDflt=*/1);
  if (rc != SQLITE_OK) {
    return absl::InternalError(
        absl::StrCat("sqlite3_vfs_register: ", sqlite3_errstr(rc)));
  }
  return absl::OkStatus();
}

}  // namespace mfh::storage
