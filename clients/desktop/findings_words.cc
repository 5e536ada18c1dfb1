#include "clients/desktop/findings_words.h"

namespace mfh::desktop {

QString EnumWords(const google::protobuf::EnumDescriptor* type, int number) {
  const google::protobuf::EnumValueDescriptor* v =
      type->FindValueByNumber(number);
  if (v == nullptr) return QString::number(number);
  const QString name = QString::fromStdString(v->name());
  QString words = name.mid(name.indexOf('_') + 1);
  if (words.size() > 3) words = words.toLower();
  return words.replace('_', ' ');
}

QString EnumLabel(const google::protobuf::EnumDescriptor* type, int number) {
  QString words = EnumWords(type, number);
  if (!words.isEmpty()) words[0] = words[0].toUpper();
  return words;
}

QString EnumList(const google::protobuf::EnumDescriptor* type,
                 const google::protobuf::RepeatedField<int>& values,
                 const std::string& other) {
  QStringList words;
  for (int n : values) {
    QString w = EnumWords(type, n);
    if (w == QLatin1String("other") && !other.empty()) {
      w = QStringLiteral("other (%1)").arg(QString::fromStdString(other));
    }
    words << w;
  }
  return words.isEmpty() ? QStringLiteral("-")
                         : words.join(QStringLiteral(", "));
}

QString NameList(const google::protobuf::RepeatedPtrField<std::string>& names) {
  QStringList out;
  for (const std::string& n : names) out << QString::fromStdString(n);
  return out.isEmpty() ? QStringLiteral("-") : out.join(QStringLiteral("; "));
}

}  // namespace mfh::desktop
