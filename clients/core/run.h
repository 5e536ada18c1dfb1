// How every typed call runs (calls.h, findings_calls.h): one unary call, a
// list followed page by page, and a Timestamp field left unset for the
// server's default.
#ifndef MFH_CLIENTS_CORE_RUN_H_
#define MFH_CLIENTS_CORE_RUN_H_

#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/core/connection.h"
#include "clients/core/time_text.h"

namespace mfh::client {

// Runs `method` of `stub` with `req` on `conn`: the response, or the status
// the server (or the network) answered.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> Run(const Connection& conn, Stub& stub,
                             grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                          const Request&,
                                                          Response*),
                             const Request& req) {
  Response resp;
  absl::Status status = conn.Call([&](grpc::ClientContext* ctx) {
    return (stub.*method)(ctx, req, &resp);
  });
  if (!status.ok()) return status;
  return resp;
}

// Follows the pages of a list: runs `method` with `req` from the first page
// until the last (or until `limit` items, when it is not 0), and answers one
// response holding the items of every page, in order.
template <typename Stub, typename Request, typename Response, typename Items>
absl::StatusOr<Response> RunPages(
    const Connection& conn, Stub& stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                 Response*),
    Request req, Items* (Response::*items)(), int limit) {
  Response all;
  Items& kept = *(all.*items)();
  while (true) {
    absl::StatusOr<Response> page = Run(conn, stub, method, req);
    if (!page.ok()) return page.status();
    for (auto& item : *((*page).*items)()) {
      if (limit > 0 && kept.size() >= limit) return all;
      *kept.Add() = std::move(item);
    }
    if (page->next_page_token().empty()) return all;
    req.set_page_token(page->next_page_token());
  }
}

// Sets a request's Timestamp field when `t` is set, and only then: an unset
// field asks for the server's default.
template <typename Request>
void SetTime(const std::optional<absl::Time>& t, Request& req,
             google::protobuf::Timestamp* (Request::*field)()) {
  if (t.has_value()) *(req.*field)() = ToTimestamp(*t);
}

}  // namespace mfh::client

#endif  // MFH_CLIENTS_CORE_RUN_H_
