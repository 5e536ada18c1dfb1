#include "services/app/child_names.h"

#include <utility>

namespace mfh::app {

ChildNames::Ticket ChildNames::Take() const {
  absl::ReaderMutexLock lock(&mu_);
  return Ticket{.generation = generation_};
}

std::optional<ChildName> ChildNames::Find(absl::string_view child_id) const {
  absl::ReaderMutexLock lock(&mu_);
  if (changes_in_flight_ > 0) return std::nullopt;
  auto it = names_.find(child_id);
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

void ChildNames::Remember(const Ticket& ticket, absl::string_view child_id,
                          ChildName name) {
  absl::MutexLock lock(&mu_);
  if (changes_in_flight_ > 0 || ticket.generation != generation_) return;
  names_.insert_or_assign(child_id, std::move(name));
}

void ChildNames::BeginChange() {
  absl::MutexLock lock(&mu_);
  ++changes_in_flight_;
  ++generation_;
}

void ChildNames::EndChange() {
  absl::MutexLock lock(&mu_);
  names_.clear();
  ++generation_;
  --changes_in_flight_;
}

size_t ChildNames::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return names_.size();
}

}  // namespace mfh::app
