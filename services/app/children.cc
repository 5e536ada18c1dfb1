#include "services/app/children.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/app/records.h"

namespace mfh::app {

using domain::Child;
using storage::Transaction;

absl::StatusOr<Child> Children::CreateChild(const Call& call,
                                            const domain::NewChild& in) {
  Child child;
  return runner_.Write<Child>(
      call, calls::kCreateChild, in,
      [&](const Context& ctx) -> absl::Status {
        ASSIGN_OR_RETURN(child,
                         domain::NewChildRecord(in, ctx.now, policy_.timezone));
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) {
        return tx.InsertChild(std::move(child));
      });
}

absl::StatusOr<Child> Children::UpdateChild(const Call& call,
                                            const domain::ChildUpdate& update) {
  return runner_.Write<Child>(
      call, calls::kUpdateChild, update,
      [](const Context&) { return absl::OkStatus(); },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<Child> {
        ASSIGN_OR_RETURN(Child child,
                         LoadChild(tx, "child_id", update.child_id));
        ASSIGN_OR_RETURN(
            std::optional<domain::ChildChange> change,
            domain::ApplyChildUpdate(update, ctx.now, policy_.timezone,
                                     ctx.principal.name, child));
        if (!change.has_value()) return child;  // a retry
        RETURN_IF_ERROR(tx.UpdateChild(child));
        RETURN_IF_ERROR(tx.InsertChildChange(child.child_id, *change));
        return child;
      });
}

absl::StatusOr<Child> Children::GetChild(const Call& call,
                                         const ChildRef& ref) {
  return runner_.Read<Child>(
      call, calls::kGetChild, ref,
      [&](const Context&) -> absl::Status {
        if (ref.child_id.empty()) {
          return absl::InvalidArgumentError("child_id: required");
        }
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) {
        return LoadChild(tx, "child_id", ref.child_id);
      });
}

absl::StatusOr<Paged<Child>> Children::ListChildren(const Call& call,
                                                    const ChildQuery& query) {
  const std::string listed =
      absl::StrCat("ListChildren flag=", query.flag, " name=", query.name,
                   " la_ref=", query.la_ref);
  storage::Page page;
  auto wanted = [&](const Child& c) {
    return (query.name.empty() || domain::NameContains(c.name, query.name)) &&
           (query.la_ref.empty() || domain::SameLaRef(c.la_ref, query.la_ref));
  };
  return runner_.Read<Paged<Child>>(
      call, calls::kListChildren, query,
      [&](const Context&) -> absl::Status {
        if (!query.flag.empty()) {
          RETURN_IF_ERROR(domain::CheckFlagName("flag", query.flag));
        }
        ASSIGN_OR_RETURN(page, pages_.Open(query.page, listed));
        return absl::OkStatus();
      },
      [&](Transaction& tx, const Context&) -> absl::StatusOr<Paged<Child>> {
        // A search reads the store in chunks of a page until a page of
        // matches (and one more) is found.
        std::vector<Child> found;
        storage::Page chunk = page;
        while (static_cast<int>(found.size()) < page.limit) {
          ASSIGN_OR_RETURN(std::vector<Child> rows,
                           tx.ListChildren(query.flag, chunk));
          const bool last_chunk = static_cast<int>(rows.size()) < chunk.limit;
          if (!rows.empty()) chunk.after_id = rows.back().child_id;
          for (Child& c : rows) {
            if (!wanted(c)) continue;
            found.push_back(std::move(c));
            if (static_cast<int>(found.size()) == page.limit) break;
          }
          if (last_chunk) break;
        }
        return pages_.Finish(
            std::move(found), page, listed, [](const Child& c) {
              return SortKey{.time = std::nullopt, .id = c.child_id};
            });
      });
}

absl::StatusOr<Child> Children::ChangeFlag(const Call& call,
                                           const domain::FlagChange& change) {
  return runner_.Write<Child>(
      call, change.set ? calls::kSetFlag : calls::kClearFlag, change,
      [&](const Context& ctx) {
        return domain::ValidateFlagChange(change, ctx.now);
      },
      [&](Transaction& tx, const Context& ctx) -> absl::StatusOr<Child> {
        ASSIGN_OR_RETURN(Child child,
                         LoadChild(tx, "child_id", change.child_id));
        ASSIGN_OR_RETURN(bool retry,
                         domain::ApplyFlagChange(change, ctx.now, child));
        if (retry) return child;
        if (change.set) {
          RETURN_IF_ERROR(tx.InsertFlag(child.child_id, child.flags.back()));
        } else {
          RETURN_IF_ERROR(tx.ClearFlag(child.child_id, change.flag,
                                       change.at.value_or(ctx.now)));
        }
        return LoadChild(tx, "child_id", change.child_id);
      });
}

}  // namespace mfh::app
