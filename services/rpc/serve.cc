#include "services/rpc/serve.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/node_hash_map.h"
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

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// What labelling needs of a message type: its child_id, name and age fields
// (all three, or none), and the message fields whose types may hold one.
struct LabelPlan {
  const FieldDescriptor* child_id = nullptr;
  const FieldDescriptor* name = nullptr;
  const FieldDescriptor* age = nullptr;
  std::vector<const FieldDescriptor*> nested;
  bool labels_anything = false;
};

// Plans per type, built once per thread (a type's plan never changes); a
// node map, so that a plan stays where it is while others are added.
const LabelPlan& PlanOf(const Descriptor* type) {
  thread_local absl::node_hash_map<const Descriptor*, LabelPlan> plans;
  if (auto it = plans.find(type); it != plans.end()) return it->second;
  // Inserted before its fields are planned, so that a recursive type ends.
  LabelPlan& plan = plans[type];
  const FieldDescriptor* child_id = type->FindFieldByName("child_id");
  const FieldDescriptor* name = type->FindFieldByName("name");
  const FieldDescriptor* age = type->FindFieldByName("age");
  if (child_id != nullptr && name != nullptr && age != nullptr &&
      child_id->type() == FieldDescriptor::TYPE_STRING &&
      !child_id->is_repeated()) {
    plan.child_id = child_id;
    plan.name = name;
    plan.age = age;
  }
  std::vector<const FieldDescriptor*> nested;
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->message_type() == type ||
        PlanOf(field->message_type()).labels_anything) {
      nested.push_back(field);
    }
  }
  plan.nested = std::move(nested);
  plan.labels_anything = plan.child_id != nullptr || !plan.nested.empty();
  return plan;
}

void Label(const app::ChildLabels& labels, const LabelPlan& plan,
           google::protobuf::Message& message) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  if (plan.child_id != nullptr) {
    auto it = labels.find(reflection->GetString(message, plan.child_id));
    if (it != labels.end()) {
      reflection->SetString(&message, plan.name, it->second.name);
      reflection->SetInt32(&message, plan.age, it->second.age);
    }
  }
  for (const FieldDescriptor* field : plan.nested) {
    const LabelPlan& inner = PlanOf(field->message_type());
    if (field->is_repeated()) {
      const int n = reflection->FieldSize(message, field);
      for (int j = 0; j < n; ++j) {
        Label(labels, inner,
              *reflection->MutableRepeatedMessage(&message, field, j));
      }
    } else if (reflection->HasField(message, field)) {
      Label(labels, inner, *reflection->MutableMessage(&message, field));
    }
  }
}

}  // namespace

void LabelChildren(const app::ChildLabels& labels,
                   google::protobuf::Message& message) {
  if (labels.empty()) return;
  const LabelPlan& plan = PlanOf(message.GetDescriptor());
  if (plan.labels_anything) Label(labels, plan, message);
}

}  // namespace mfh::rpc
