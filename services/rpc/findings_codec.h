// What interviews find, on the wire (DESIGN.md section 10): findings,
// follow-ups, intelligence for the police and hotspots. Factors and
// indicators travel as enums and live in the domain as the names of their
// values, which the API defines.
#ifndef MFH_SERVICES_RPC_FINDINGS_CODEC_H_
#define MFH_SERVICES_RPC_FINDINGS_CODEC_H_

#include <string>
#include <vector>

#include "mfh/v1/findings.pb.h"
#include "services/domain/findings.h"
#include "services/rpc/codec.h"

namespace mfh::rpc {

// Decodes the findings of a request, keeping in `d` the first field
// ("findings.push_factors[1]") whose value the API does not define.
domain::Findings DecodeFindings(Decoder& d, const v1::Findings& in);

// The indicators of an agenda entry, names to numbers and back (a frozen
// agenda is stored as its proto).
void AddIndicators(const std::vector<std::string>& names,
                   google::protobuf::RepeatedField<int>& out);
std::vector<std::string> IndicatorNames(
    const google::protobuf::RepeatedField<int>& values);

// Everything the findings hold, for callers who may read them.
v1::Findings ToProto(const domain::Findings& in);
v1::FollowUp ToProto(const domain::FollowUp& in);
// Only what may be shared with the police: never the child's words, the
// factors or the referral.
v1::Intelligence ToIntelligence(const domain::FindingsOf& in);
v1::Hotspot ToProto(const domain::Hotspot& in);

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_FINDINGS_CODEC_H_
