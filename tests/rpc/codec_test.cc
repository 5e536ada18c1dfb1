// The codecs at the edge: every enum value the API defines goes through and
// back unchanged, every value it does not define is refused naming the
// field, and a frozen agenda is read back exactly or refused.
#include "services/rpc/codec.h"

#include <gtest/gtest.h>

#include "services/rpc/convert.h"

namespace mfh::rpc {
namespace {

// Every defined value of the wire enum E decodes to a domain value that
// encodes back to it; 99 and -1 are refused, naming the field.
template <typename Wire, typename Domain>
void ExpectRoundTrips(absl::StatusOr<Domain> (*decode)(absl::string_view, Wire),
                      const google::protobuf::EnumDescriptor* descriptor) {
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const Wire wire = static_cast<Wire>(descriptor->value(i)->number());
    absl::StatusOr<Domain> decoded = decode("field", wire);
    ASSERT_TRUE(decoded.ok()) << descriptor->value(i)->name();
    EXPECT_EQ(ToProto(*decoded), wire) << descriptor->value(i)->name();
  }
  for (int undefined : {99, -1}) {
    absl::StatusOr<Domain> decoded =
        decode("some.field", static_cast<Wire>(undefined));
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(decoded.status().message(),
              absl::StrCat("some.field: ", undefined,
                           " is not a value of mfh.v1.", descriptor->name()));
  }
}

TEST(CodecTest, EveryEnumRoundTripsAndRefusesWhatItDoesNotDefine) {
  ExpectRoundTrips(DecodeRisk, v1::Risk_descriptor());
  ExpectRoundTrips(DecodeCategory, v1::Category_descriptor());
  ExpectRoundTrips(DecodeReturnedTo, v1::ReturnedTo_descriptor());
  ExpectRoundTrips(DecodeRhiStatus, v1::RhiStatus_descriptor());
  ExpectRoundTrips(DecodeRole, v1::Role_descriptor());
  ExpectRoundTrips(DecodeConcern, v1::Concern_descriptor());
  ExpectRoundTrips(DecodeActionStatus, v1::ActionStatus_descriptor());
  ExpectRoundTrips(DecodeMeetingState, v1::MeetingState_descriptor());
}

TEST(CodecTest, ATimeIsReadToTheMicrosecondAndOutOfRangeIsRefused) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(1796004224);
  ts.set_nanos(2097152);
  absl::StatusOr<std::optional<absl::Time>> t = DecodeTime("at", true, ts);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(**t, absl::FromUnixMicros(1796004224002097));
  EXPECT_EQ(ToProto(**t).nanos(), 2097000);
  EXPECT_EQ(DecodeTime("at", true, ToProto(**t)).value(), *t);
  EXPECT_EQ(DecodeTime("at", false, ts).value(), std::nullopt);
  ts.set_nanos(1000000000);
  EXPECT_EQ(DecodeTime("at", true, ts).status(),
            absl::InvalidArgumentError("at: not a valid timestamp"));
  ts.set_nanos(0);
  ts.set_seconds(253402300800);  // 10000-01-01T00:00:00Z
  EXPECT_EQ(DecodeTime("at", true, ts).status(),
            absl::InvalidArgumentError("at: not a valid timestamp"));
}

TEST(CodecTest, TheDecoderKeepsTheFirstFieldThatDidNotDecode) {
  Decoder d;
  google::protobuf::Timestamp bad;
  bad.set_nanos(-1);
  EXPECT_EQ(d.Enum(DecodeRisk, "risk", v1::RISK_HIGH), domain::Risk::kHigh);
  EXPECT_TRUE(d.status().ok());
  EXPECT_EQ(d.Time("missing_since", true, bad), std::nullopt);
  EXPECT_EQ(d.Enum(DecodeCategory, "category", static_cast<v1::Category>(9)),
            domain::Category::kUnspecified);
  EXPECT_EQ(d.status().message(), "missing_since: not a valid timestamp");
}

domain::Agenda SampleAgenda() {
  domain::Agenda agenda;
  agenda.day = absl::CivilDay(2026, 3, 27);
  agenda.as_of = absl::FromUnixMicros(1774605600123456);
  agenda.missing_now.push_back(
      domain::AgendaEntry{.child_id = "C1",
                          .episode_id = "E1",
                          .flags = {"open_to_cst", "cse_concern"},
                          .risk = domain::Risk::kHigh,
                          .category = domain::Category::kAbsent,
                          .missing_since = agenda.as_of - absl::Hours(30),
                          .escalation = "team manager"});
  agenda.rhi_overdue.push_back(
      domain::AgendaEntry{.child_id = "C2",
                          .episode_id = "E2",
                          .returned_at = agenda.as_of - absl::Hours(90),
                          .return_notified_at = agenda.as_of - absl::Hours(80),
                          .due_at = agenda.as_of - absl::Hours(8),
                          .rhi_status = domain::RhiStatus::kOverdue});
  agenda.returned.push_back(domain::AgendaEntry{
      .child_id = "C7",
      .episode_id = "E9",
      .returned_at = agenda.as_of - absl::Hours(5),
      .return_notified_at = agenda.as_of - absl::Hours(4),
      .found_location = "Wigan bus station",
      .found_with = "two older males",
      .due_at = agenda.as_of + absl::Hours(68),
      .rhi_status = domain::RhiStatus::kDue,
      .previous_rhi = domain::PreviousRhi{
          .episode_id = "E7",
          .status = domain::RhiStatus::kCompleted,
          .closed_at = agenda.as_of - absl::Hours(400),
          .outcome = domain::RhiOutcome{
              .concerns = {domain::Concern::kCse, domain::Concern::kCce},
              .referral_made = true,
              .notes = ""}}});
  agenda.returned.push_back(domain::AgendaEntry{
      .child_id = "C8",
      .episode_id = "E10",
      .previous_rhi = domain::PreviousRhi{
          .episode_id = "E8", .status = domain::RhiStatus::kOverdue}});
  agenda.repeat_missing.push_back(
      domain::AgendaEntry{.child_id = "C3",
                          .episode_count = 4,
                          .repeat_window = absl::Hours(24 * 90)});
  agenda.linked.push_back(domain::LinkedGroup{
      .link_id = "",
      .suggested = true,
      .reason = "found at the same place",
      .entries = {domain::AgendaEntry{.child_id = "C4", .episode_id = "E4"},
                  domain::AgendaEntry{.child_id = "C5", .episode_id = "E5"}}});
  agenda.open_actions.push_back(
      domain::AgendaEntry{.child_id = "C6",
                          .action_id = "A1",
                          .what = "Strategy meeting",
                          .who = "CST",
                          .by_when = agenda.as_of + absl::Hours(24)});
  return agenda;
}

TEST(CodecTest, AFrozenAgendaIsReadBackExactly) {
  ProtoAgendaCodec codec;
  const domain::Agenda agenda = SampleAgenda();
  absl::StatusOr<domain::Agenda> back = codec.Decode(codec.Encode(agenda));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToProto(*back).SerializeAsString(),
            ToProto(agenda).SerializeAsString());
  EXPECT_EQ(back->as_of, agenda.as_of);
  EXPECT_EQ(back->missing_now[0].risk, domain::Risk::kHigh);
  EXPECT_EQ(back->linked[0].entries[1].episode_id, "E5");
  const domain::AgendaEntry& returned = back->returned[0];
  EXPECT_EQ(returned.found_location, "Wigan bus station");
  EXPECT_EQ(returned.found_with, "two older males");
  ASSERT_TRUE(returned.previous_rhi.has_value());
  EXPECT_EQ(returned.previous_rhi->episode_id, "E7");
  EXPECT_EQ(returned.previous_rhi->status, domain::RhiStatus::kCompleted);
  EXPECT_EQ(returned.previous_rhi->closed_at, agenda.as_of - absl::Hours(400));
  ASSERT_TRUE(returned.previous_rhi->outcome.has_value());
  EXPECT_EQ(returned.previous_rhi->outcome->concerns,
            (std::vector<domain::Concern>{domain::Concern::kCse,
                                          domain::Concern::kCce}));
  EXPECT_TRUE(returned.previous_rhi->outcome->referral_made);
  // An interview still owed has neither a closing time nor findings.
  ASSERT_TRUE(back->returned[1].previous_rhi.has_value());
  EXPECT_EQ(back->returned[1].previous_rhi->status,
            domain::RhiStatus::kOverdue);
  EXPECT_FALSE(back->returned[1].previous_rhi->closed_at.has_value());
  EXPECT_FALSE(back->returned[1].previous_rhi->outcome.has_value());
  EXPECT_EQ(back->repeat_missing[0].repeat_window, absl::Hours(24 * 90));
}

TEST(CodecTest, AFrozenAgendaThatDoesNotParseIsAnErrorNotAnEmptyAgenda) {
  ProtoAgendaCodec codec;
  EXPECT_EQ(codec.Decode("\xff\xff\xff").status().code(),
            absl::StatusCode::kDataLoss);
  v1::Agenda bad = ToProto(SampleAgenda());
  bad.mutable_missing_now(0)->set_risk(static_cast<v1::Risk>(42));
  EXPECT_EQ(codec.Decode(bad.SerializeAsString()).status().message(),
            "risk: 42 is not a value of mfh.v1.Risk");
  v1::Agenda bad_previous = ToProto(SampleAgenda());
  bad_previous.mutable_returned(0)->mutable_previous_rhi()->set_status(
      static_cast<v1::RhiStatus>(42));
  EXPECT_EQ(codec.Decode(bad_previous.SerializeAsString()).status().message(),
            "previous_rhi.status: 42 is not a value of mfh.v1.RhiStatus");
}

}  // namespace
}  // namespace mfh::rpc
