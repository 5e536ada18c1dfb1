#include "services/rpc/findings_codec.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace mfh::rpc {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::RepeatedField;

// The names of `values`, each a value `type` defines other than its
// unspecified zero; the first that is not is kept in `d`.
std::vector<std::string> DecodeNames(Decoder& d, absl::string_view field,
                                     const EnumDescriptor* type,
                                     const RepeatedField<int>& values) {
  std::vector<std::string> names;
  for (int i = 0; i < values.size(); ++i) {
    const EnumValueDescriptor* v = type->FindValueByNumber(values.Get(i));
    if (v == nullptr || v->number() == 0) {
      d.Keep(absl::InvalidArgumentError(absl::StrCat(
          field, "[", i, "]: ", values.Get(i), " is not a ", type->name(), " (",
          type->value(0)->name(), " and undefined numbers are refused)")));
      continue;
    }
    names.push_back(v->name());
  }
  return names;
}

// The numbers of `names`, values of `type` (the domain holds only such).
template <typename Add>
void EncodeNames(const EnumDescriptor* type,
                 const std::vector<std::string>& names, Add add) {
  for (const std::string& name : names) {
    const EnumValueDescriptor* v = type->FindValueByName(name);
    if (v != nullptr) add(v->number());
  }
}

absl::StatusOr<domain::Referral> DecodeReferral(absl::string_view field,
                                                v1::Referral value) {
  switch (value) {
    case v1::REFERRAL_UNSPECIFIED:
      return domain::Referral::kUnspecified;
    case v1::REFERRAL_NONE:
      return domain::Referral::kNone;
    case v1::REFERRAL_CST:
      return domain::Referral::kCst;
    case v1::REFERRAL_MASH:
      return domain::Referral::kMash;
    case v1::REFERRAL_WISE:
      return domain::Referral::kWise;
    case v1::Referral_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::Referral_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": ", static_cast<int>(value), " is not a Referral"));
}

v1::Referral ToProto(domain::Referral value) {
  switch (value) {
    case domain::Referral::kNone:
      return v1::REFERRAL_NONE;
    case domain::Referral::kCst:
      return v1::REFERRAL_CST;
    case domain::Referral::kMash:
      return v1::REFERRAL_MASH;
    case domain::Referral::kWise:
      return v1::REFERRAL_WISE;
    case domain::Referral::kUnspecified:
      break;
  }
  return v1::REFERRAL_UNSPECIFIED;
}

}  // namespace

void AddIndicators(const std::vector<std::string>& names,
                   RepeatedField<int>& out) {
  EncodeNames(v1::ExploitationIndicator_descriptor(), names,
              [&](int n) { out.Add(n); });
}

std::vector<std::string> IndicatorNames(const RepeatedField<int>& values) {
  std::vector<std::string> names;
  for (int n : values) {
    const EnumValueDescriptor* v =
        v1::ExploitationIndicator_descriptor()->FindValueByNumber(n);
    if (v != nullptr && n != 0) names.push_back(v->name());
  }
  return names;
}

domain::Findings DecodeFindings(Decoder& d, const v1::Findings& in) {
  domain::Findings out;
  out.push_factors =
      DecodeNames(d, "findings.push_factors", v1::PushFactor_descriptor(),
                  in.push_factors());
  out.push_other = in.push_other();
  out.pull_factors =
      DecodeNames(d, "findings.pull_factors", v1::PullFactor_descriptor(),
                  in.pull_factors());
  out.pull_other = in.pull_other();
  out.places.assign(in.places().begin(), in.places().end());
  out.associates.assign(in.associates().begin(), in.associates().end());
  out.indicators =
      DecodeNames(d, "findings.indicators",
                  v1::ExploitationIndicator_descriptor(), in.indicators());
  out.indicator_other = in.indicator_other();
  out.child_voice = in.child_voice();
  out.referral = d.Enum(DecodeReferral, "findings.referral", in.referral());
  out.share_with_police = in.share_with_police();
  out.share_basis = in.share_basis();
  return out;
}

v1::Findings ToProto(const domain::Findings& in) {
  v1::Findings out;
  EncodeNames(v1::PushFactor_descriptor(), in.push_factors, [&](int n) {
    out.add_push_factors(static_cast<v1::PushFactor>(n));
  });
  out.set_push_other(in.push_other);
  EncodeNames(v1::PullFactor_descriptor(), in.pull_factors, [&](int n) {
    out.add_pull_factors(static_cast<v1::PullFactor>(n));
  });
  out.set_pull_other(in.pull_other);
  for (const std::string& p : in.places) out.add_places(p);
  for (const std::string& a : in.associates) out.add_associates(a);
  EncodeNames(v1::ExploitationIndicator_descriptor(), in.indicators,
              [&](int n) {
                out.add_indicators(static_cast<v1::ExploitationIndicator>(n));
              });
  out.set_indicator_other(in.indicator_other);
  out.set_child_voice(in.child_voice);
  out.set_referral(ToProto(in.referral));
  out.set_share_with_police(in.share_with_police);
  out.set_share_basis(in.share_basis);
  out.set_version(in.version);
  *out.mutable_recorded_at() = ToProto(in.recorded_at);
  out.set_recorded_by(in.recorded_by);
  return out;
}

v1::FollowUp ToProto(const domain::FollowUp& in) {
  v1::FollowUp out;
  *out.mutable_at() = ToProto(in.at);
  out.set_by(in.by);
  out.set_engaged(in.engaged);
  out.set_notes(in.notes);
  *out.mutable_recorded_at() = ToProto(in.recorded_at);
  out.set_recorded_by(in.recorded_by);
  return out;
}

v1::Intelligence ToIntelligence(const domain::FindingsOf& in) {
  const domain::Findings& f = in.findings;
  v1::Intelligence out;
  out.set_episode_id(in.episode_id);
  out.set_child_id(in.child_id);
  for (const std::string& p : f.places) out.add_places(p);
  for (const std::string& a : f.associates) out.add_associates(a);
  EncodeNames(v1::ExploitationIndicator_descriptor(), f.indicators, [&](int n) {
    out.add_indicators(static_cast<v1::ExploitationIndicator>(n));
  });
  out.set_indicator_other(f.indicator_other);
  out.set_version(f.version);
  *out.mutable_recorded_at() = ToProto(f.recorded_at);
  out.set_share_basis(f.share_basis);
  if (f.acknowledged_at.has_value()) {
    *out.mutable_acknowledged_at() = ToProto(*f.acknowledged_at);
  }
  out.set_acknowledged_by(f.acknowledged_by);
  return out;
}

v1::Hotspot ToProto(const domain::Hotspot& in) {
  v1::Hotspot out;
  out.set_kind(in.kind == domain::HotspotKind::kPlace
                   ? v1::Hotspot::KIND_PLACE
                   : v1::Hotspot::KIND_ASSOCIATE);
  out.set_name(in.name);
  for (const domain::Mention& m : in.mentions) {
    v1::Hotspot::Mention* mention = out.add_mentions();
    mention->set_child_id(m.child_id);
    mention->set_episode_id(m.episode_id);
    *mention->mutable_completed_at() = ToProto(m.completed_at);
  }
  out.set_children(in.children);
  return out;
}

}  // namespace mfh::rpc
