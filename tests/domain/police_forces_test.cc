#include "services/domain/police_forces.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace mfh::domain {
namespace {

TEST(PoliceForcesTest, TheDefaultIsTheFortyThreeTerritorialForcesAndBtp) {
  const std::vector<PoliceForce>& forces = DefaultPoliceForces();
  EXPECT_EQ(forces.size(), 44u);
  std::set<std::string> codes;
  for (const PoliceForce& f : forces) codes.insert(f.code);
  EXPECT_EQ(codes.size(), 44u);
  for (const char* code : {"GMP", "MET", "BTP", "WMP", "DPP", "CITY"}) {
    EXPECT_TRUE(codes.contains(code)) << code;
  }
}

TEST(PoliceForcesTest, ACodeMatchesInAnyCaseAndIsStoredAsThePolicySpellsIt) {
  for (const char* typed : {"MET", "met", " Met ", "mEt"}) {
    EXPECT_EQ(PoliceForceCode("police_force", typed, DefaultPoliceForces())
                  .value_or("?"),
              "MET")
        << typed;
  }
  const std::vector<PoliceForce> custom = {{"Gmp", "Greater Manchester"}};
  EXPECT_EQ(PoliceForceCode("f", "GMP", custom).value_or("?"), "Gmp");
}

TEST(PoliceForcesTest, AnUnknownForceIsRefusedNamingTheNearestCodes) {
  EXPECT_EQ(PoliceForceCode("police_force", "Met Police", DefaultPoliceForces())
                .status()
                .ToString(),
            "INVALID_ARGUMENT: police_force: \"Met Police\" is not a police "
            "force code; nearest: MET (Metropolitan Police Service)");
  EXPECT_EQ(PoliceForceCode("police_force", "Greater Manchester",
                            DefaultPoliceForces())
                .status()
                .ToString(),
            "INVALID_ARGUMENT: police_force: \"Greater Manchester\" is not a "
            "police force code; "
            "nearest: GMP (Greater Manchester Police)");
  // Words of codes and names: the first three forces of the north.
  EXPECT_EQ(
      PoliceForceCode("police_force", "north", DefaultPoliceForces())
          .status()
          .ToString(),
      "INVALID_ARGUMENT: police_force: \"north\" is not a police force code; "
      "nearest: NWP (North Wales Police), NYP (North Yorkshire Police), "
      "NORTHANTS (Northamptonshire Police)");
  // No word matches: the codes fewest edits away.
  EXPECT_EQ(
      PoliceForceCode("police_force", "GPM", DefaultPoliceForces())
          .status()
          .ToString(),
      "INVALID_ARGUMENT: police_force: \"GPM\" is not a police force code; "
      "nearest: GMP (Greater Manchester Police), DPP (Dyfed-Powys "
      "Police), WMP (West Midlands Police)");
}

}  // namespace
}  // namespace mfh::domain
