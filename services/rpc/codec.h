// Codecs at the edge: every wire enum becomes a domain enum through an
// exhaustive switch that refuses a value the API does not define (a plain
// gRPC client can send any number), and back; times and durations likewise.
// A Decoder keeps the first field of a request that does not decode, for the
// runner to answer after authentication and authorization.
#ifndef MFH_SERVICES_RPC_CODEC_H_
#define MFH_SERVICES_RPC_CODEC_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "mfh/v1/episode.pb.h"
#include "mfh/v1/types.pb.h"
#include "services/app/change_feed.h"
#include "services/domain/types.h"

namespace mfh::rpc {

// INVALID_ARGUMENT naming `field` for a value the proto does not define.
absl::StatusOr<domain::Risk> DecodeRisk(absl::string_view field,
                                        v1::Risk value);
v1::Risk ToProto(domain::Risk value);
absl::StatusOr<domain::Category> DecodeCategory(absl::string_view field,
                                                v1::Category value);
v1::Category ToProto(domain::Category value);
absl::StatusOr<domain::ReturnedTo> DecodeReturnedTo(absl::string_view field,
                                                    v1::ReturnedTo value);
v1::ReturnedTo ToProto(domain::ReturnedTo value);
absl::StatusOr<domain::RhiStatus> DecodeRhiStatus(absl::string_view field,
                                                  v1::RhiStatus value);
v1::RhiStatus ToProto(domain::RhiStatus value);
absl::StatusOr<domain::Role> DecodeRole(absl::string_view field,
                                        v1::Role value);
v1::Role ToProto(domain::Role value);
absl::StatusOr<domain::Concern> DecodeConcern(absl::string_view field,
                                              v1::Concern value);
v1::Concern ToProto(domain::Concern value);
absl::StatusOr<domain::ActionStatus> DecodeActionStatus(absl::string_view field,
                                                        v1::ActionStatus value);
v1::ActionStatus ToProto(domain::ActionStatus value);
absl::StatusOr<domain::MeetingState> DecodeMeetingState(absl::string_view field,
                                                        v1::MeetingState value);
v1::MeetingState ToProto(domain::MeetingState value);
v1::ChangeKind ToProto(app::ChangeKind kind);

google::protobuf::Timestamp ToProto(absl::Time t);
google::protobuf::Duration ToProto(absl::Duration d);
// Unset when the message has no such field set; INVALID_ARGUMENT naming
// `field` when it is out of the Timestamp range. Read to the microsecond,
// the hub's precision: finer nanoseconds are dropped.
absl::StatusOr<std::optional<absl::Time>> DecodeTime(
    absl::string_view field, bool has, const google::protobuf::Timestamp& ts);

// Decodes a request's fields one by one. A field that does not decode gives
// its type's unspecified value, and the first such error is kept.
class Decoder {
 public:
  std::optional<absl::Time> Time(absl::string_view field, bool has,
                                 const google::protobuf::Timestamp& ts);
  // Applies `decode` (one of the Decode functions above) to `value`.
  template <typename Domain, typename Wire>
  Domain Enum(absl::StatusOr<Domain> (*decode)(absl::string_view, Wire),
              absl::string_view field, Wire value) {
    absl::StatusOr<Domain> decoded = decode(field, value);
    if (decoded.ok()) return *decoded;
    Keep(decoded.status());
    return Domain::kUnspecified;
  }

  // OK, or the first field that did not decode.
  const absl::Status& status() const { return first_error_; }
  // Keeps `error` if it is the first.
  void Keep(const absl::Status& error);

 private:
  absl::Status first_error_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_CODEC_H_
