// A page of a list in SQL: keyset paging ("after the last row's sort key"),
// so that a page costs the same wherever it starts and no call reads more
// rows than it answers with.
#ifndef MFH_SERVICES_STORAGE_SQLITE_PAGE_H_
#define MFH_SERVICES_STORAGE_SQLITE_PAGE_H_

#include "absl/status/status.h"
#include "services/storage/sqlite/connection.h"
#include "services/storage/store.h"

// Rows after (time, id) in a list ordered by a time column then an id: by a
// range on the time column's index, whatever the id. Three parameters: the
// time twice, then the id's number.
#define MFH_AFTER_TIME_AND_ID(time, id) \
  time " >= ? AND (" time " > ? OR " id " > ?)"

namespace mfh::storage {

// Binds the three parameters of MFH_AFTER_TIME_AND_ID from `first`: the
// page's start (before the first row when unset), with ids of `prefix`.
// INTERNAL for an after_id that is not such an id (a page is made from a
// row the store returned).
absl::Status BindAfterTimeAndId(Statement& s, int first, const Page& page,
                                char prefix);
// Binds the id after which a list ordered by id alone starts.
absl::Status BindAfterId(Statement& s, int index, const Page& page,
                         char prefix);
// Binds the page's length as a LIMIT (-1, none, for limit 0).
void BindLimit(Statement& s, int index, const Page& page);

// BindAfterTimeAndId from `first`, then BindLimit: a whole page clause.
absl::Status BindTimeKeyedPage(Statement& s, int first, const Page& page,
                               char prefix);
// BindAfterId at `first`, then BindLimit.
absl::Status BindIdKeyedPage(Statement& s, int first, const Page& page,
                             char prefix);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_PAGE_H_
