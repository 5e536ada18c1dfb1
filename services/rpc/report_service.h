// ReportService on gRPC: decode, call app::Reports, encode.
#ifndef MFH_SERVICES_RPC_REPORT_SERVICE_H_
#define MFH_SERVICES_RPC_REPORT_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "mfh/v1/report.grpc.pb.h"
#include "services/app/reports.h"

namespace mfh::rpc {

class ReportServiceImpl final : public v1::ReportService::Service {
 public:
  explicit ReportServiceImpl(app::Reports& reports) : reports_(reports) {}

  grpc::Status MonthlyReport(grpc::ServerContext* ctx,
                             const v1::MonthlyReportRequest* req,
                             v1::MonthlyReportResponse* resp) override;
  grpc::Status ExceptionReport(grpc::ServerContext* ctx,
                               const v1::ExceptionReportRequest* req,
                               v1::ExceptionReportResponse* resp) override;
  grpc::Status Chronology(grpc::ServerContext* ctx,
                          const v1::ChronologyRequest* req,
                          v1::ChronologyResponse* resp) override;
  grpc::Status Ssda903Missing(grpc::ServerContext* ctx,
                              const v1::Ssda903MissingRequest* req,
                              v1::Ssda903MissingResponse* resp) override;
  grpc::Status Hotspots(grpc::ServerContext* ctx,
                        const v1::HotspotsRequest* req,
                        v1::HotspotsResponse* resp) override;

 private:
  app::Reports& reports_;
};

}  // namespace mfh::rpc

#endif  // MFH_SERVICES_RPC_REPORT_SERVICE_H_
