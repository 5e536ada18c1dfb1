// libFuzzer harness: page tokens, which any caller can send back altered.
// Input: a page size (4 bytes), then the token. A token this server did not
// sign for the query is refused; one it signed opens on the key it holds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/paging.h"

namespace {

void Check(bool holds) {
  if (!holds) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const mfh::app::PageTokens tokens;
  if (size < 4) return 0;
  int32_t page_size = 0;
  for (size_t i = 0; i < 4; ++i) {
    page_size |= static_cast<int32_t>(data[i]) << (8 * i);
  }
  const absl::string_view rest(reinterpret_cast<const char*>(data) + 4,
                               size - 4);
  mfh::app::PageRequest request{.page_size = page_size,
                                .page_token = std::string(rest)};
  absl::StatusOr<mfh::storage::Page> page =
      tokens.Open(request, "episodes:child=C1");
  if (page.ok()) {
    Check(page->limit >= 2 && page->limit <= 1001);
    // Only the server's own tokens open, and forging one by chance from
    // fuzzed bytes is a broken MAC.
    Check(request.page_token.empty());
  }
  // A token the server signs opens on the same key, and on no other query.
  const mfh::app::SortKey key{
      .time = rest.size() % 2 == 0
                  ? std::optional<absl::Time>(absl::FromUnixMicros(
                        static_cast<int64_t>(rest.size()) * 1000003))
                  : std::nullopt,
      .id = std::string(rest)};
  const std::string token = tokens.Token("episodes:child=C1", key);
  absl::StatusOr<mfh::storage::Page> opened =
      tokens.Open({.page_size = 10, .page_token = token}, "episodes:child=C1");
  Check(opened.ok() && opened->after_id == key.id &&
        opened->after_time == key.time && opened->limit == 11);
  Check(
      !tokens.Open({.page_size = 10, .page_token = token}, "episodes:child=C2")
           .ok());
  return 0;
}
