// Conversions between the wire types of mfh.v1 and the domain types.
#ifndef MFH_SERVICES_RPC_CONVERT_H_
#define MFH_SERVICES_RPC_CONVERT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "mfh/v1/episode.pb.h"
#include "mfh/v1/report.pb.h"
#include "mfh/v1/types.pb.h"
#include "services/app/hub.h"
#include "services/domain/agenda.h"
#include "services/domain/types.h"

namespace mfh::rpc {

google::protobuf::Timestamp ToProto(absl::Time t);
// Unset when the message has no such field set; INVALID_ARGUMENT naming
// `field` when it is out of the Timestamp range.
absl::StatusOr<std::optional<absl::Time>> FromProto(
    absl::string_view field, bool has, const google::protobuf::Timestamp& ts);

v1::Child ToProto(const domain::Child& child);
v1::Episode ToProto(const domain::Episode& episode);
v1::Interview ToProto(const app::InterviewView& view);
v1::User ToProto(const domain::User& user);
v1::AgendaEntry ToProto(const domain::AgendaEntry& entry);
v1::Agenda ToProto(const domain::Agenda& agenda);
v1::LinkedGroup ToProto(const domain::Link& link);
v1::Action ToProto(const domain::Action& action);
v1::Note ToProto(const domain::Note& note);
// The meeting with its frozen agenda (stored as a serialised v1::Agenda).
v1::Meeting ToProto(const domain::Meeting& meeting);
// The bytes a meeting freezes its agenda as.
std::string SerializeAgenda(const domain::Agenda& agenda);
v1::AuditEntry ToProto(const domain::AuditRecord& record);
v1::MonthlyReport ToProto(const app::MonthlyReport& report);
v1::Ssda903MissingResponse ToProto(const app::Ssda903Report& report);
v1::ExceptionReportResponse ToProto(const app::ExceptionReport& report);
v1::ChronologyResponse ToProto(const app::Chronology& chronology);
v1::ChangeKind ToProto(app::ChangeKind kind);

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_CONVERT_H_
