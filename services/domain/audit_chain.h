// The audit's hash chain (DESIGN.md section 4): each entry holds the SHA-256
// of its own content and of the entry before it, so that an entry edited,
// deleted or inserted after it was written breaks the chain at that entry.
// The chain begins at an anchor: the first entry it covers and when it
// began (a database made before the chain was chained from its upgrade on).
#ifndef MFH_SERVICES_DOMAIN_AUDIT_CHAIN_H_
#define MFH_SERVICES_DOMAIN_AUDIT_CHAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/domain/types.h"

namespace mfh::domain {

// Where the chain begins and where its last entry is, as the writer left it.
struct AuditChainState {
  // The first entry the chain covers; entries before it predate the chain.
  int64_t first_id = 1;
  absl::Time started_at;
  // The last entry written to the chain (first_id - 1 when none yet) and its
  // hash (empty when none yet).
  int64_t head_id = 0;
  std::string head_hash;
};

// An entry's place in the chain: the hash it follows and its own; and the
// children the audit's index (what a search by child reads) files it under,
// which must be the children it names.
struct AuditLink {
  std::string previous_hash;
  std::string hash;
  std::vector<std::string> indexed_children;  // sorted
};

// The hash the chain's first entry follows: it fixes where the chain began,
// so that moving the start breaks the first entry.
std::string AuditChainAnchor(int64_t first_id, absl::Time started_at);

// The hash an entry continues the chain with, from `previous_hash`. Covers
// every field (the id and the time to the microsecond as stored).
std::string AuditEntryHash(const AuditRecord& record,
                           absl::string_view previous_hash);

// The link a new entry gets when written after `state`'s head; `record`
// carries its id.
AuditLink NextAuditLink(const AuditChainState& state,
                        const AuditRecord& record);

// The first entry found edited, deleted or inserted.
struct AuditChainBreak {
  enum class Kind { kEdited, kDeleted, kInserted };
  Kind kind;
  int64_t audit_id;
  std::string why;
};

// "audit entry 42 was edited: ..."
std::string Describe(const AuditChainBreak& broken);

// Checks the log entry by entry, in id order, from its first entry: those
// before the state's first_id must carry no hash (they predate the chain),
// and the rest must chain from the anchor to the recorded head.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(AuditChainState state);

  // Feeds the next entry; false once the chain is broken (see Finish).
  bool Add(const AuditRecord& record, const AuditLink& link);
  // The first break, including a tail cut off after the last entry fed.
  std::optional<AuditChainBreak> Finish();

  // Entries fed and found intact.
  int64_t intact() const { return intact_; }
  // The hash of the last intact entry.
  const std::string& last_hash() const { return previous_hash_; }

 private:
  const AuditChainState state_;
  std::string previous_hash_;
  int64_t previous_id_;
  int64_t intact_ = 0;
  std::optional<AuditChainBreak> broken_;
};

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_AUDIT_CHAIN_H_
