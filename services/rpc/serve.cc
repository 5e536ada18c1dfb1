#include "services/rpc/serve.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace mfh::rpc {

absl::StatusOr<app::Call> CallOf(const grpc::ServerContext& ctx,
                                 const Decoder& decoder) {
  app::Call call{
      .token = "", .peer = ctx.peer(), .undecodable = decoder.status()};
  const auto& metadata = ctx.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return call;
  absl::string_view value(it->second.data(), it->second.size());
  constexpr absl::string_view kBearer = "Bearer ";
  if (!absl::StartsWith(value, kBearer)) {
    return absl::UnauthenticatedError(
        "authorization: must be \"Bearer <token>\"");
  }
  value.remove_prefix(kBearer.size());
  call.token = std::string(value);
  return call;
}

void LabelChildren(const app::ChildLabels& labels,
                   google::protobuf::Message& message) {
  if (labels.empty()) return;
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  const google::protobuf::Reflection* reflection = message.GetReflection();
  const FieldDescriptor* child_id = type->FindFieldByName("child_id");
  const FieldDescriptor* name = type->FindFieldByName("name");
  const FieldDescriptor* age = type->FindFieldByName("age");
  if (child_id != nullptr && name != nullptr && age != nullptr &&
      child_id->type() == FieldDescriptor::TYPE_STRING &&
      !child_id->is_repeated()) {
    auto it = labels.find(reflection->GetString(message, child_id));
    if (it != labels.end()) {
      reflection->SetString(&message, name, it->second.name);
      reflection->SetInt32(&message, age, it->second.age);
    }
  }
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      const int n = reflection->FieldSize(message, field);
      for (int j = 0; j < n; ++j) {
        LabelChildren(labels,
                      *reflection->MutableRepeatedMessage(&message, field, j));
      }
    } else if (reflection->HasField(message, field)) {
      LabelChildren(labels, *reflection->MutableMessage(&message, field));
    }
  }
}

}  // namespace mfh::rpc
