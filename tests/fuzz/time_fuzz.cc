// libFuzzer harness: every parser of time that people or files feed the hub.
// The first byte (a digit, 0 to 6) picks the parser, the rest is the text. A
// parser may refuse the text, but it must not crash, and what it accepts must
// read back as the same instant or day.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "clients/core/time_text.h"
#include "services/domain/calendar.h"
#include "services/domain/reports.h"
#include "services/rpc/codec.h"

namespace {

void Check(bool holds) {
  if (!holds) std::abort();
}

// A Timestamp from 12 bytes of the input: seconds, then nanos.
google::protobuf::Timestamp TimestampOf(absl::string_view bytes) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  for (size_t i = 0; i < 8 && i < bytes.size(); ++i) {
    seconds |= static_cast<int64_t>(static_cast<uint8_t>(bytes[i])) << (8 * i);
  }
  for (size_t i = 8; i < 12 && i < bytes.size(); ++i) {
    nanos |= static_cast<int32_t>(static_cast<uint8_t>(bytes[i]))
             << (8 * (i - 8));
  }
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  ts.set_nanos(nanos);
  return ts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view text(reinterpret_cast<const char*>(data) + 1,
                               size - 1);
  static const absl::TimeZone london = mfh::client::London();
  // The selector is a digit, so that the seeds are text.
  switch (static_cast<uint8_t>(data[0] - '0') % 7) {
    case 0: {
      absl::StatusOr<absl::Time> t = mfh::client::ParseTime("at", text);
      if (t.ok()) {
        // What the CLI shows in UTC reads back as the same second.
        const absl::Time second =
            absl::FromUnixSeconds(absl::ToUnixSeconds(*t));
        absl::StatusOr<absl::Time> again =
            mfh::client::ParseTime("at", mfh::client::FormatUtc(*t));
        Check(again.ok() && *again == second);
      }
      break;
    }
    case 1:
      (void)mfh::client::ParseDuration("within", text);
      break;
    case 2: {
      absl::StatusOr<absl::CivilDay> day = mfh::domain::ParseDay("dob", text);
      if (day.ok()) Check(mfh::domain::FormatDay(*day) == text);
      break;
    }
    case 3:
      (void)mfh::domain::ParseMonth("month", text, london);
      break;
    case 4:
      (void)mfh::domain::ParseQuarter("quarter", text, london);
      break;
    case 5:
      (void)mfh::domain::ParseSsdaYear("year", text, london);
      break;
    case 6: {
      absl::StatusOr<std::optional<absl::Time>> t =
          mfh::rpc::DecodeTime("at", true, TimestampOf(text));
      if (t.ok()) {
        Check(t->has_value());
        Check(
            mfh::rpc::DecodeTime("at", true, mfh::rpc::ToProto(**t)).value() ==
            *t);
      }
      break;
    }
  }
  return 0;
}
