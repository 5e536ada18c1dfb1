// The words the desktop shows for what interviews find, as the CLI writes
// them: an enum value's name without its prefix, in lower case with spaces
// ("family conflict"), acronyms kept ("CSE").
#ifndef MFH_CLIENTS_DESKTOP_FINDINGS_WORDS_H_
#define MFH_CLIENTS_DESKTOP_FINDINGS_WORDS_H_

#include <QString>
#include <QStringList>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/repeated_field.h"

namespace mfh::desktop {

// "family conflict" for PUSH_FAMILY_CONFLICT, "CSE" for INDICATOR_CSE.
QString EnumWords(const google::protobuf::EnumDescriptor* type, int number);

// The same with a capital first letter, for a check box: "Family conflict".
QString EnumLabel(const google::protobuf::EnumDescriptor* type, int number);

// "CSE, county lines, other (cuckooing)": the values in words, the _OTHER
// one with `other` when it is given; "-" for none.
QString EnumList(const google::protobuf::EnumDescriptor* type,
                 const google::protobuf::RepeatedField<int>& values,
                 const std::string& other);

// "Wigan bus station; Market Street", "-" for none.
QString NameList(const google::protobuf::RepeatedPtrField<std::string>& names);

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_FINDINGS_WORDS_H_
