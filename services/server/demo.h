// The demo borough: a fictional hub's last 120 days, up to now.
#ifndef MFH_SERVICES_SERVER_DEMO_H_
#define MFH_SERVICES_SERVER_DEMO_H_

#include <string>

#include "absl/status/statusor.h"
#include "services/app/hub.h"
#include "services/storage/store.h"

namespace mfh::server {

// Fills a database that holds no children with the demo borough, through the
// hub's own use cases, and returns a new coordinator's token; returns an empty
// string, changing nothing, when children exist already.
absl::StatusOr<std::string> FillDemoBorough(storage::Store& store,
                                            app::Hub& hub);

}  // namespace mfh::server

#endif  // MFH_SERVICES_SERVER_DEMO_H_
