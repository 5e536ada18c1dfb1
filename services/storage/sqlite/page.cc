#include "services/storage/sqlite/page.h"

#include <cstdint>
#include <limits>
#include <optional>

#include "absl/strings/str_cat.h"
#include "services/domain/status_macros.h"
#include "services/storage/sqlite/ids.h"

namespace mfh::storage {
namespace {

// The id number a page starts after: 0 (before every row) when unset.
absl::StatusOr<int64_t> AfterId(const Statement& s, const Page& page,
                                char prefix) {
  if (page.after_id.empty()) return 0;
  std::optional<int64_t> id = ParseId(page.after_id, prefix);
  if (!id.has_value()) {
    return absl::InternalError(
        absl::StrCat(s.name(), ": a page cannot start after ", page.after_id));
  }
  return *id;
}

}  // namespace

absl::Status BindAfterTimeAndId(Statement& s, int first, const Page& page,
                                char prefix) {
  absl::StatusOr<int64_t> id = AfterId(s, page, prefix);
  if (!id.ok()) return id.status();
  const int64_t after = page.after_time.has_value()
                            ? absl::ToUnixMicros(*page.after_time)
                            : std::numeric_limits<int64_t>::min();
  s.BindInt64(first, after);
  s.BindInt64(first + 1, after);
  s.BindInt64(first + 2, *id);
  return absl::OkStatus();
}

absl::Status BindAfterId(Statement& s, int index, const Page& page,
                         char prefix) {
  absl::StatusOr<int64_t> id = AfterId(s, page, prefix);
  if (!id.ok()) return id.status();
  s.BindInt64(index, *id);
  return absl::OkStatus();
}

void BindLimit(Statement& s, int index, const Page& page) {
  // SQLite's LIMIT -1 is no limit.
  s.BindInt64(index, page.limit > 0 ? page.limit : -1);
}

absl::Status BindTimeKeyedPage(Statement& s, int first, const Page& page,
                               char prefix) {
  RETURN_IF_ERROR(BindAfterTimeAndId(s, first, page, prefix));
  BindLimit(s, first + 3, page);
  return absl::OkStatus();
}

absl::Status BindIdKeyedPage(Statement& s, int first, const Page& page,
                             char prefix) {
  RETURN_IF_ERROR(BindAfterId(s, first, page, prefix));
  BindLimit(s, first + 1, page);
  return absl::OkStatus();
}

}  // namespace mfh::storage
