#include "services/domain/audit_chain.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/roles.h"
#include "services/domain/sha256.h"

namespace mfh::domain {
namespace {

// Each field as its length, a colon and its bytes, so that no two different
// entries read the same.
void Field(std::string& out, absl::string_view value) {
  absl::StrAppend(&out, value.size(), ":", value, ";");
}

}  // namespace

std::string AuditChainAnchor(int64_t first_id, absl::Time started_at) {
  std::string content;
  Field(content, "mfh audit chain v1");
  Field(content, absl::StrCat(first_id));
  Field(content, absl::StrCat(absl::ToUnixMicros(started_at)));
  return Sha256Hex(content);
}

std::string AuditEntryHash(const AuditRecord& record,
                           absl::string_view previous_hash) {
  std::string content;
  Field(content, previous_hash);
  Field(content, absl::StrCat(record.audit_id));
  Field(content, absl::StrCat(absl::ToUnixMicros(record.at)));
  Field(content, record.user);
  Field(content, RoleName(record.role));
  Field(content, record.rpc);
  Field(content, absl::StrJoin(record.child_ids, ","));
  Field(content, absl::StrJoin(record.episode_ids, ","));
  Field(content, record.outcome);
  Field(content, record.subject);
  return Sha256Hex(content);
}

AuditLink NextAuditLink(const AuditChainState& state,
                        const AuditRecord& record) {
  AuditLink link;
  link.previous_hash = state.head_id < state.first_id
                           ? AuditChainAnchor(state.first_id, state.started_at)
                           : state.head_hash;
  link.hash = AuditEntryHash(record, link.previous_hash);
  return link;
}

std::string Describe(const AuditChainBreak& broken) {
  absl::string_view what = "edited";
  switch (broken.kind) {
    case AuditChainBreak::Kind::kEdited:
      what = "edited";
      break;
    case AuditChainBreak::Kind::kDeleted:
      what = "deleted";
      break;
    case AuditChainBreak::Kind::kInserted:
      what = "inserted";
      break;
  }
  return absl::StrCat("audit entry ", broken.audit_id, " was ", what, ": ",
                      broken.why);
}

AuditChainVerifier::AuditChainVerifier(AuditChainState state)
    : state_(std::move(state)),
      previous_hash_(AuditChainAnchor(state_.first_id, state_.started_at)),
      previous_id_(state_.first_id - 1) {}

bool AuditChainVerifier::Add(const AuditRecord& record, const AuditLink& link) {
  using Kind = AuditChainBreak::Kind;
  if (broken_.has_value()) return false;
  const int64_t id = record.audit_id;
  if (id < state_.first_id) {
    // Rows from before the chain carry no hash; one that does was chained,
    // so the recorded start was moved past it.
    if (link.hash.empty()) return true;
    broken_ =
        AuditChainBreak{Kind::kEdited, state_.first_id,
                        absl::StrCat("the chain's start was moved past entry ",
                                     id, ", which the server chained")};
    return false;
  }
  const bool sealed = link.hash == AuditEntryHash(record, link.previous_hash);
  const bool linked = link.previous_hash == previous_hash_;
  if (id > state_.head_id) {
    broken_ = AuditChainBreak{
        Kind::kInserted, id,
        absl::StrCat("the server's last entry is ", state_.head_id)};
  } else if (id != previous_id_ + 1) {
    broken_ = AuditChainBreak{
        Kind::kDeleted, previous_id_ + 1,
        absl::StrCat("entry ", id, " follows entry ", previous_id_)};
  } else if (sealed && linked) {
    std::vector<std::string> named = record.child_ids;
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    if (named != link.indexed_children) {
      broken_ = AuditChainBreak{
          Kind::kEdited, id,
          absl::StrCat("a search by child finds it under [",
                       absl::StrJoin(link.indexed_children, ","),
                       "] but it names [", absl::StrJoin(named, ","), "]")};
      return false;
    }
    previous_hash_ = link.hash;
    previous_id_ = id;
    ++intact_;
    return true;
  } else if (linked) {
    broken_ = AuditChainBreak{Kind::kEdited, id,
                              "its content no longer matches its hash"};
  } else if (sealed && previous_id_ < state_.first_id) {
    broken_ =
        AuditChainBreak{Kind::kEdited, id,
                        "the chain's start is not the one it was written from"};
  } else if (sealed) {
    // Entry k + 1 was written after another entry k than the one there now:
    // k was rewritten with a new hash.
    broken_ = AuditChainBreak{
        Kind::kEdited, previous_id_,
        absl::StrCat("it was rewritten with a new hash: entry ", id,
                     " was written after another entry ", previous_id_)};
  } else {
    broken_ =
        AuditChainBreak{Kind::kInserted, id,
                        absl::StrCat("neither its hash nor its link to entry ",
                                     previous_id_, " matches")};
  }
  return false;
}

std::optional<AuditChainBreak> AuditChainVerifier::Finish() {
  using Kind = AuditChainBreak::Kind;
  if (broken_.has_value()) return broken_;
  if (previous_id_ < state_.head_id) {
    return AuditChainBreak{
        Kind::kDeleted, previous_id_ + 1,
        absl::StrCat("the log ends at entry ", previous_id_,
                     " but the server's last entry is ", state_.head_id)};
  }
  if (state_.head_id >= state_.first_id && previous_hash_ != state_.head_hash) {
    return AuditChainBreak{
        Kind::kEdited, previous_id_,
        "its hash is not the one the server recorded for its last entry"};
  }
  return std::nullopt;
}

}  // namespace mfh::domain
