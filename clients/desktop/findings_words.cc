#include "clients/desktop/findings_words.h"

#include "clients/core/words.h"

namespace mfh::desktop {

QString EnumWords(const google::protobuf::EnumDescriptor* type, int number) {
  return QString::fromStdString(client::EnumWords(type, number));
}

QString EnumLabel(const google::protobuf::EnumDescriptor* type, int number) {
  QString words = EnumWords(type, number);
  if (!words.isEmpty()) words[0] = words[0].toUpper();
  return words;
}

QString EnumList(const google::protobuf::EnumDescriptor* type,
                 const google::protobuf::RepeatedField<int>& values,
                 const std::string& other) {
  return QString::fromStdString(client::EnumList(type, values, other));
}

QString NameList(const google::protobuf::RepeatedPtrField<std::string>& names) {
  QStringList out;
  for (const std::string& n : names) out << QString::fromStdString(n);
  return out.isEmpty() ? QStringLiteral("-") : out.join(QStringLiteral("; "));
}

}  // namespace mfh::desktop
