// RETURN_IF_ERROR and ASSIGN_OR_RETURN: Abseil does not ship them.
#ifndef MFH_SERVICES_DOMAIN_STATUS_MACROS_H_
#define MFH_SERVICES_DOMAIN_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define MFH_CONCAT_INNER_(a, b) a##b
#define MFH_CONCAT_(a, b) MFH_CONCAT_INNER_(a, b)

#define MFH_RETURN_IF_ERROR_IMPL_(status, expr) \
  do {                                          \
    ::absl::Status status = (expr);             \
    if (!status.ok()) return status;            \
  } while (false)

#define RETURN_IF_ERROR(expr) \
  MFH_RETURN_IF_ERROR_IMPL_(MFH_CONCAT_(mfh_status_, __LINE__), expr)

#define MFH_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                               \
  if (!statusor.ok()) return statusor.status();          \
  lhs = std::move(statusor).value()

#define ASSIGN_OR_RETURN(lhs, rexpr) \
  MFH_ASSIGN_OR_RETURN_IMPL_(MFH_CONCAT_(mfh_statusor_, __LINE__), lhs, rexpr)

#endif  // MFH_SERVICES_DOMAIN_STATUS_MACROS_H_
