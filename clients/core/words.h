// The words people type for the API's enums (`--risk high`), and the labels
// and words shown for them, in one place for both clients. Parsing ignores
// case; errors start with "<field>: ".
#ifndef MFH_CLIENTS_CORE_WORDS_H_
#define MFH_CLIENTS_CORE_WORDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/repeated_field.h"
#include "mfh/v1/types.pb.h"

namespace mfh::client {

// no-apparent, low, medium, high.
absl::StatusOr<v1::Risk> ParseRisk(absl::string_view field,
                                   absl::string_view word);
// missing, absent.
absl::StatusOr<v1::Category> ParseCategory(absl::string_view field,
                                           absl::string_view word);
// home, placement, hospital, custody, other.
absl::StatusOr<v1::ReturnedTo> ParseReturnedTo(absl::string_view field,
                                               absl::string_view word);
// none, cse, cce, or cse,cce (in either order).
absl::StatusOr<std::vector<v1::Concern>> ParseConcerns(absl::string_view field,
                                                       absl::string_view text);
// coordinator, police, rhi_worker (or rhi-worker), manager, admin.
absl::StatusOr<v1::Role> ParseRole(absl::string_view field,
                                   absl::string_view word);

// Labels for tables: the enum's name without its prefix ("HIGH",
// "NO_APPARENT_RISK", "NOT_HELD"); the returned-to and role words in lower
// case as they are typed ("home", "rhi_worker"); "-" for UNSPECIFIED.
std::string RiskLabel(v1::Risk risk);
std::string CategoryLabel(v1::Category category);
std::string RhiStatusLabel(v1::RhiStatus status);
std::string ReturnedToLabel(v1::ReturnedTo returned_to);
std::string ConcernLabel(v1::Concern concern);
std::string RoleLabel(v1::Role role);
// "OPEN", "DONE", "DROPPED"; "OPEN", "CLOSED".
std::string ActionStatusLabel(v1::ActionStatus status);
std::string MeetingStateLabel(v1::MeetingState state);

// Words for screens that read as sentences: "High", "No apparent risk";
// "Due", "OVERDUE" (in capitals, as the red rows shout it), "Not held";
// "Missing", "Absent"; "Open", "Done", "Dropped". "-" for UNSPECIFIED.
std::string RiskWord(v1::Risk risk);
std::string RhiStatusWord(v1::RhiStatus status);
std::string CategoryWord(v1::Category category);
std::string ActionStatusWord(v1::ActionStatus status);

// A child as people know them: "Amara Okafor, 14 (C1)"; the id alone when
// the name is not known.
std::string ChildText(absl::string_view child_id, absl::string_view name,
                      int age);
// The same for any record that carries child_id, name and age.
template <typename Record>
std::string ChildText(const Record& record) {
  return ChildText(record.child_id(), record.name(), record.age());
}

// DUE, OFFERED and OVERDUE: an interview still owed, which the lists show
// unless asked for every one.
bool IsOpenRhiStatus(v1::RhiStatus status);

// What interviews find in words: an enum value's name without its prefix, in
// lower case with spaces ("family conflict" for PUSH_FAMILY_CONFLICT), an
// acronym kept ("CSE"), "drugs or alcohol" for PULL_DRUGS_ALCOHOL.
std::string EnumWords(const google::protobuf::EnumDescriptor* type, int number);
// The values in words joined by ", ", the _OTHER one as "other (TEXT)" when
// `other` is given; "-" for none.
std::string EnumList(const google::protobuf::EnumDescriptor* type,
                     const google::protobuf::RepeatedField<int>& values,
                     const std::string& other);

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_WORDS_H_
