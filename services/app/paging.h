// Lists come in pages (DESIGN.md section 5): page_size 100 by default, at
// most 1,000, and a page_token that is opaque to clients. A token holds the
// last row's sort key, so that no page costs more than its rows whatever its
// depth, and an HMAC over that key and the query it pages through, so that a
// token altered, or used on another query, is INVALID_ARGUMENT.
#ifndef MFH_SERVICES_APP_PAGING_H_
#define MFH_SERVICES_APP_PAGING_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/app/audit_subjects.h"
#include "services/storage/store.h"

namespace mfh::app {

inline constexpr int kDefaultPageSize = 100;
inline constexpr int kMaxPageSize = 1000;

// A page as the caller asks for it.
struct PageRequest {
  int page_size = 0;  // 0: kDefaultPageSize
  std::string page_token;
};

// One page of a list, and the token of the next (empty on the last).
template <typename T>
struct Paged {
  std::vector<T> items;
  std::string next_page_token;
};

template <typename T>
void AddSubjects(const Paged<T>& page, AuditSubjects& subjects) {
  AddSubjects(page.items, subjects);
}

// A row's place in its list's order: a time column and an id, or an id.
struct SortKey {
  std::optional<absl::Time> time;
  std::string id;
};

class PageTokens {
 public:
  // Tokens are signed with a key made at random here: a server's tokens are
  // good until it restarts.
  PageTokens();

  // The storage page that `request` asks for on `query` (a description of
  // the list and its filters, the same for every page of it): one row more
  // than the page holds, to tell whether another page follows.
  // INVALID_ARGUMENT for a page_size below 0 or over 1,000, or a token that
  // this server did not make for this query.
  absl::StatusOr<storage::Page> Open(const PageRequest& request,
                                     absl::string_view query) const;

  // The page of `rows` (as read for `page`): the rows it holds, and a token
  // for the rest when there are more.
  template <typename T, typename KeyOf>
  Paged<T> Finish(std::vector<T> rows, const storage::Page& page,
                  absl::string_view query, KeyOf key_of) const {
    Paged<T> out;
    if (page.limit > 0 && static_cast<int>(rows.size()) >= page.limit) {
      rows.resize(page.limit - 1);
      out.next_page_token = Token(query, key_of(rows.back()));
    }
    out.items = std::move(rows);
    return out;
  }

  // The token of the page after `last`, on `query`.
  std::string Token(absl::string_view query, const SortKey& last) const;

 private:
  std::string Mac(absl::string_view query, absl::string_view key) const;

  std::string secret_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_PAGING_H_
