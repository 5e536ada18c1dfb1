#include "services/domain/findings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/domain/test_time.h"

namespace mfh::domain {
namespace {

Mention Place(const std::string& name, const std::string& child,
              const std::string& episode, const std::string& at) {
  return Mention{.kind = HotspotKind::kPlace,
                 .name = name,
                 .child_id = child,
                 .episode_id = episode,
                 .completed_at = T(at)};
}

Mention Associate(const std::string& name, const std::string& child,
                  const std::string& episode, const std::string& at) {
  Mention m = Place(name, child, episode, at);
  m.kind = HotspotKind::kAssociate;
  return m;
}

TEST(HotspotKeyTest, IgnoresCasePunctuationAndRepeatedSpaces) {
  EXPECT_EQ(HotspotKey("Wigan Bus Station"), "wigan bus station");
  EXPECT_EQ(HotspotKey("  wigan  bus   station. "), "wigan bus station");
  EXPECT_EQ(HotspotKey("St. Helens"), HotspotKey("St Helens"));
  EXPECT_EQ(HotspotKey("'Jay', about 20"), "jay about 20");
  EXPECT_EQ(HotspotKey("..."), "");
  EXPECT_NE(HotspotKey("Wigan bus station"), HotspotKey("Wigan station"));
}

TEST(FindHotspotsTest, MatchesSpellingsAndCountsDifferentChildren) {
  const std::vector<Hotspot> hotspots = FindHotspots(
      {Place("wigan  bus station.", "C2", "E5", "2026-11-10T10:00:00Z"),
       Place("Wigan Bus Station", "C1", "E3", "2026-11-03T10:00:00Z"),
       Place("WIGAN BUS STATION", "C1", "E4", "2026-11-05T10:00:00Z"),
       Place("Park", "C1", "E3", "2026-11-03T10:00:00Z"),
       Place("Park", "C1", "E4", "2026-11-05T10:00:00Z")},
      2);
  // The park was named twice, but for one child: not a hotspot.
  ASSERT_EQ(hotspots.size(), 1u);
  const Hotspot& h = hotspots[0];
  EXPECT_EQ(h.kind, HotspotKind::kPlace);
  EXPECT_EQ(h.name, "Wigan Bus Station");  // as the earliest interview wrote it
  EXPECT_EQ(h.children, 2);
  ASSERT_EQ(h.mentions.size(), 3u);
  EXPECT_EQ(h.mentions[0].episode_id, "E3");
  EXPECT_EQ(h.mentions[1].episode_id, "E4");
  EXPECT_EQ(h.mentions[2].episode_id, "E5");
  EXPECT_EQ(h.mentions[2].completed_at, T("2026-11-10T10:00:00Z"));
}

TEST(FindHotspotsTest, MostChildrenFirstThenPlacesThenByName) {
  const std::vector<Hotspot> hotspots =
      FindHotspots({Associate("Jay", "C1", "E1", "2026-11-01T10:00:00Z"),
                    Associate("jay", "C2", "E2", "2026-11-02T10:00:00Z"),
                    Associate("Jay", "C3", "E3", "2026-11-03T10:00:00Z"),
                    Place("Park", "C1", "E1", "2026-11-01T10:00:00Z"),
                    Place("Park", "C2", "E2", "2026-11-02T10:00:00Z"),
                    Place("Arcade", "C1", "E1", "2026-11-01T10:00:00Z"),
                    Place("Arcade", "C3", "E3", "2026-11-03T10:00:00Z"),
                    Associate("Kev", "C1", "E1", "2026-11-01T10:00:00Z"),
                    Associate("Kev", "C2", "E2", "2026-11-02T10:00:00Z"),
                    // The same place twice in one interview counts once.
                    Place("Jay's flat", "C1", "E1", "2026-11-01T10:00:00Z"),
                    Place("Jays flat", "C1", "E1", "2026-11-01T10:00:00Z")},
                   2);
  std::vector<std::string> order;
  for (const Hotspot& h : hotspots) {
    order.push_back(absl::StrCat(h.name, " ", h.children));
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{"Jay 3", "Arcade 2", "Park 2", "Kev 2"}));
  EXPECT_EQ(FindHotspots({Place("Park", "C1", "E1", "2026-11-01T10:00:00Z"),
                          Place("Park", "C2", "E2", "2026-11-02T10:00:00Z")},
                         3)
                .size(),
            0u);
}

FindingsRecord Shared(const std::string& basis) {
  FindingsRecord r{.episode_id = "E1"};
  r.findings.places = {"Wigan bus station"};
  r.findings.share_with_police = true;
  r.findings.share_basis = basis;
  return r;
}

TEST(ValidateFindingsTest, NamesTheFieldAndTheRule) {
  EXPECT_TRUE(ValidateFindings(Shared("consent")).ok());
  EXPECT_EQ(ValidateFindings(Shared("  ")).message(),
            "findings.share_basis: required when share_with_police is set "
            "(the lawful basis, or the child's consent)");
  FindingsRecord basis_alone = Shared("consent");
  basis_alone.findings.share_with_police = false;
  EXPECT_EQ(ValidateFindings(basis_alone).message(),
            "findings.share_basis: only when share_with_police is set");
  FindingsRecord other = Shared("consent");
  other.findings.push_factors = {"PUSH_OTHER"};
  EXPECT_EQ(ValidateFindings(other).message(),
            "findings.push_other: required with PUSH_OTHER in "
            "findings.push_factors (what the other one is)");
  other.findings.push_factors = {"PUSH_BULLYING"};
  other.findings.push_other = "noise";
  EXPECT_EQ(ValidateFindings(other).message(),
            "findings.push_other: only with PUSH_OTHER in "
            "findings.push_factors");
  FindingsRecord empty_place = Shared("consent");
  empty_place.findings.places.push_back(" ");
  EXPECT_EQ(ValidateFindings(empty_place).message(),
            "findings.places[1]: empty (name the place or person, or leave "
            "it out)");
  FindingsRecord long_place = Shared("consent");
  long_place.findings.associates = {std::string(201, 'x')};
  EXPECT_EQ(ValidateFindings(long_place).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(ValidateFindings(long_place).message(),
                               "findings.associates[0]:"));
}

TEST(FindingsTest, RecordingTheSameAgainIsARetry) {
  Findings a = CanonicalFindings(Shared("consent").findings);
  Findings b = a;
  b.version = 2;
  b.recorded_by = "someone else";
  EXPECT_TRUE(SameFindings(a, b));
  b.places = {"Wigan bus station", "Park"};
  EXPECT_FALSE(SameFindings(a, b));
  Findings twice;
  twice.indicators = {"INDICATOR_CCE", "INDICATOR_CCE"};
  twice.places = {"  Park "};
  const Findings canonical = CanonicalFindings(twice);
  EXPECT_EQ(canonical.indicators, std::vector<std::string>{"INDICATOR_CCE"});
  EXPECT_EQ(canonical.places, std::vector<std::string>{"Park"});
  EXPECT_EQ(canonical.referral, Referral::kNone);
  EXPECT_TRUE(IsExploitationConcern(canonical));
  Findings referred = canonical;
  referred.referral = Referral::kWise;
  EXPECT_FALSE(IsExploitationConcern(referred));
}

TEST(FollowUpTest, OnlyAfterADeclineAndNotBeforeIt) {
  Rhi rhi;
  rhi.episode_id = "E1";
  rhi.returned_at = T("2026-11-01T08:00:00Z");
  rhi.due_at = T("2026-11-04T08:00:00Z");
  const FollowUpRecord record{
      .episode_id = "E1", .at = T("2026-11-03T10:00:00Z"), .by = "Worker A"};
  const absl::Time now = T("2026-11-30T12:00:00Z");
  EXPECT_EQ(ApplyFollowUp(record, rhi, {}, now, "w").status().code(),
            absl::StatusCode::kFailedPrecondition);
  rhi.declined_at = T("2026-11-03T10:00:01Z");
  EXPECT_EQ(ApplyFollowUp(record, rhi, {}, now, "w").status().message(),
            "at: must not be before the decline (2026-11-03T10:00:01Z)");
  rhi.declined_at = T("2026-11-03T10:00:00Z");
  absl::StatusOr<std::optional<FollowUp>> made =
      ApplyFollowUp(record, rhi, {}, now, "w");
  ASSERT_TRUE(made.ok() && made->has_value());
  EXPECT_EQ((*made)->recorded_by, "w");
  made = ApplyFollowUp(record, rhi, {**made}, now, "w");
  ASSERT_TRUE(made.ok());
  EXPECT_FALSE(made->has_value());  // a retry
}

}  // namespace
}  // namespace mfh::domain
