// Record ids as the store writes and reads them: the wire id is a prefix and
// the row's INTEGER PRIMARY KEY ("E12" is row 12 of episodes). Also the other
// small text formats of the columns: comma and line lists, days, JSON id
// arrays.
#ifndef MFH_SERVICES_STORAGE_SQLITE_IDS_H_
#define MFH_SERVICES_STORAGE_SQLITE_IDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace mfh::storage {

inline constexpr char kChildPrefix = 'C';
inline constexpr char kEpisodePrefix = 'E';
inline constexpr char kLinkPrefix = 'L';
inline constexpr char kMeetingPrefix = 'M';
inline constexpr char kNotePrefix = 'N';
inline constexpr char kActionPrefix = 'A';

std::string FormatId(char prefix, int64_t id);

// The number in a wire id: the prefix then a positive decimal number without
// sign, spaces or leading zeros. Anything else names no record.
std::optional<int64_t> ParseId(absl::string_view id, char prefix);

// NOT_FOUND for a write that names no record, naming the statement.
absl::Status NoChild(absl::string_view statement);
absl::Status NoEpisode(absl::string_view statement);
absl::Status NoMeeting(absl::string_view statement);
absl::Status NoAction(absl::string_view statement);

// The parts of a list column ("a,b" or one per line); empty parts dropped.
std::vector<std::string> SplitList(absl::string_view text, char separator);

// Row ids as the JSON array that the *OfEpisodes queries read with json_each.
std::string JsonIds(const std::vector<int64_t>& ids);

// A calendar day as stored: 'YYYY-MM-DD'.
std::string FormatStoredDay(absl::CivilDay day);
// INTERNAL naming `column` and the record when the text is not a day.
absl::StatusOr<absl::CivilDay> ParseStoredDay(absl::string_view text,
                                              absl::string_view column,
                                              absl::string_view record_id);

}  // namespace mfh::storage

#endif  // MFH_SERVICES_STORAGE_SQLITE_IDS_H_
