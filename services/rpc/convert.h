// The records of the app layer as the wire types of mfh.v1, and the frozen
// agenda's bytes (a serialised mfh.v1.Agenda).
#ifndef MFH_SERVICES_RPC_CONVERT_H_
#define MFH_SERVICES_RPC_CONVERT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mfh/v1/report.pb.h"
#include "mfh/v1/types.pb.h"
#include "services/app/episodes.h"
#include "services/app/meetings.h"
#include "services/app/records.h"
#include "services/app/reports.h"
#include "services/domain/agenda.h"
#include "services/domain/types.h"
#include "services/rpc/codec.h"

namespace mfh::rpc {

v1::Child ToProto(const domain::Child& child);
v1::Episode ToProto(const domain::Episode& episode);
v1::Interview ToProto(const app::InterviewView& view);
v1::User ToProto(const domain::User& user);
v1::AgendaEntry ToProto(const domain::AgendaEntry& entry);
v1::Agenda ToProto(const domain::Agenda& agenda);
v1::LinkedGroup ToProto(const domain::Link& link);
v1::Action ToProto(const domain::Action& action);
v1::Note ToProto(const domain::Note& note);
v1::Meeting ToProto(const app::MeetingRecord& record);
v1::AuditEntry ToProto(const domain::AuditRecord& record);
v1::MonthlyReport ToProto(const app::MonthlyReport& report);
v1::Ssda903MissingResponse ToProto(const app::Ssda903Report& report);
v1::ExceptionReportResponse ToProto(const app::ExceptionReport& report);
v1::ChronologyResponse ToProto(const app::Chronology& chronology);

// The agenda a meeting froze, back from the wire type; INVALID_ARGUMENT for
// a day or an enum value it cannot hold.
absl::StatusOr<domain::Agenda> FromProto(const v1::Agenda& agenda);

// A meeting's frozen agenda as the bytes of a serialised mfh.v1.Agenda.
class ProtoAgendaCodec : public app::AgendaCodec {
 public:
  std::string Encode(const domain::Agenda& agenda) const override;
  absl::StatusOr<domain::Agenda> Decode(absl::string_view bytes) const override;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_CONVERT_H_
