// Police forces as the hub knows them (DESIGN.md section 11): codes from the
// policy (by default the 43 territorial forces of England and Wales and the
// British Transport Police), matched ignoring case, so that "met", "MET" and
// " Met " are one force and a police reference is found whichever was typed.
#ifndef MFH_SERVICES_DOMAIN_POLICE_FORCES_H_
#define MFH_SERVICES_DOMAIN_POLICE_FORCES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mfh::domain {

struct PoliceForce {
  std::string code;  // "GMP"
  std::string name;  // "Greater Manchester Police"
};

// The 44 forces, by code.
const std::vector<PoliceForce>& DefaultPoliceForces();

// The code of the force `text` names, as the policy spells it; ignoring case
// and surrounding spaces. INVALID_ARGUMENT naming `field` and up to three
// nearest codes otherwise.
absl::StatusOr<std::string> PoliceForceCode(
    absl::string_view field, absl::string_view text,
    const std::vector<PoliceForce>& forces);

}  // namespace mfh::domain

#endif  // MFH_SERVICES_DOMAIN_POLICE_FORCES_H_
