#include "services/domain/limits.h"

#include "absl/strings/str_cat.h"

namespace mfh::domain {

size_t CharacterCount(absl::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    // Every byte but a UTF-8 continuation byte (10xxxxxx) starts a character.
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

absl::Status CheckLengths(std::initializer_list<TextField> fields,
                          size_t limit) {
  for (const auto& [field, text] : fields) {
    if (text.size() > limit && CharacterCount(text) > limit) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": at most ", limit, " characters (",
                       CharacterCount(text), " given)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace mfh::domain
