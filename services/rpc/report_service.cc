#include "services/rpc/report_service.h"

#include "services/rpc/convert.h"
#include "services/rpc/findings_codec.h"
#include "services/rpc/serve.h"

namespace mfh::rpc {

using app::Call;

grpc::Status ReportServiceImpl::MonthlyReport(
    grpc::ServerContext* ctx, const v1::MonthlyReportRequest* req,
    v1::MonthlyReportResponse* resp) {
  Decoder d;
  const app::PeriodQuery query{
      .period = req->month(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return reports_.GetMonthlyReport(call, query); },
      [&](const app::MonthlyReport& r) {
        *resp->mutable_report() = ToProto(r);
        resp->set_authority(reports_.authority());
      });
}

grpc::Status ReportServiceImpl::ExceptionReport(
    grpc::ServerContext* ctx, const v1::ExceptionReportRequest* req,
    v1::ExceptionReportResponse* resp) {
  Decoder d;
  const app::PeriodQuery query{
      .period = req->quarter(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) {
        return reports_.GetExceptionReport(call, query);
      },
      [&](const app::ExceptionReport& r) {
        *resp = ToProto(r);
        resp->set_authority(reports_.authority());
      });
}

grpc::Status ReportServiceImpl::Chronology(grpc::ServerContext* ctx,
                                           const v1::ChronologyRequest* req,
                                           v1::ChronologyResponse* resp) {
  Decoder d;
  const app::ChronologyQuery query{
      .child_id = req->child_id(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return reports_.GetChronology(call, query); },
      [&](const app::Chronology& c) {
        *resp = ToProto(c);
        resp->set_authority(reports_.authority());
      });
}

grpc::Status ReportServiceImpl::Ssda903Missing(
    grpc::ServerContext* ctx, const v1::Ssda903MissingRequest* req,
    v1::Ssda903MissingResponse* resp) {
  Decoder d;
  const app::PeriodQuery query{
      .period = req->year(),
      .as_of = d.Time("as_of", req->has_as_of(), req->as_of())};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return reports_.GetSsda903Missing(call, query); },
      [&](const app::Ssda903Report& r) { *resp = ToProto(r); });
}

grpc::Status ReportServiceImpl::Hotspots(grpc::ServerContext* ctx,
                                         const v1::HotspotsRequest* req,
                                         v1::HotspotsResponse* resp) {
  Decoder d;
  const app::HotspotsQuery query{
      .from = d.Time("from", req->has_from(), req->from()),
      .to = d.Time("to", req->has_to(), req->to()),
      .min_children = req->min_children()};
  return Serve(
      ctx, *resp, d,
      [&](const Call& call) { return reports_.GetHotspots(call, query); },
      [&](const app::HotspotReport& r) {
        for (const domain::Hotspot& h : r.hotspots) {
          *resp->add_hotspots() = ToProto(h);
        }
      });
}

}  // namespace mfh::rpc
