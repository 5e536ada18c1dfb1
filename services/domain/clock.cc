#include "services/domain/clock.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace mfh::domain {
namespace {

absl::StatusOr<absl::Time> ReadInstant(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  absl::Time t;
  std::string error;
  if (!in ||
      !absl::ParseTime(absl::RFC3339_full,
                       absl::StripAsciiWhitespace(text.str()), &t, &error)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     " must hold an RFC 3339 instant such as "
                     "2026-11-30T12:00:00Z"));
  }
  return t;
}

}  // namespace

absl::StatusOr<std::unique_ptr<FileClock>> FileClock::Open(std::string path) {
  absl::StatusOr<absl::Time> first = ReadInstant(path);
  if (!first.ok()) return first.status();
  return std::unique_ptr<FileClock>(new FileClock(std::move(path), *first));
}

absl::Time FileClock::Now() const {
  absl::StatusOr<absl::Time> now = ReadInstant(path_);
  absl::MutexLock lock(&mu_);
  if (now.ok()) last_ = *now;
  return last_;
}

}  // namespace mfh::domain
