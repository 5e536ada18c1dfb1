// How each record of the API is shown: its table columns, its CSV columns
// (the proto field names) and its field lines, and the printers that pick
// one by the --output format.
#ifndef MFH_CLIENTS_CLI_VIEWS_H_
#define MFH_CLIENTS_CLI_VIEWS_H_

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "clients/cli/output.h"
#include "clients/cli/session.h"
#include "mfh/v1/types.pb.h"

namespace mfh::cli {

// A cell's text, "-" when empty.
std::string Cell(const std::string& text);
// A time in Europe/London for a table, "-" when unset.
std::string Local(bool has, const google::protobuf::Timestamp& ts);
// A time in RFC 3339 UTC for CSV, "" when unset.
std::string Utc(bool has, const google::protobuf::Timestamp& ts);

// One specialisation per record type:
//   static Row TableHeader();
//   static Row TableRow(const T&, absl::Time as_of);  // as_of: for countdowns
//   static Row CsvHeader();
//   static Row CsvRow(const T&);
//   static Fields Record(const T&);
template <typename T>
struct View;

template <>
struct View<v1::Child> {
  static Row TableHeader();
  static Row TableRow(const v1::Child& child, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Child& child);
  static Fields Record(const v1::Child& child);
};

template <>
struct View<v1::Episode> {
  static Row TableHeader();
  static Row TableRow(const v1::Episode& episode, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Episode& episode);
  static Fields Record(const v1::Episode& episode);
};

template <>
struct View<v1::Interview> {
  static Row TableHeader();
  static Row TableRow(const v1::Interview& interview, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Interview& interview);
  static Fields Record(const v1::Interview& interview);
};

template <>
struct View<v1::User> {
  static Row TableHeader();
  static Row TableRow(const v1::User& user, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::User& user);
  static Fields Record(const v1::User& user);
};

template <>
struct View<v1::AuditEntry> {
  static Row TableHeader();
  static Row TableRow(const v1::AuditEntry& entry, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::AuditEntry& entry);
  static Fields Record(const v1::AuditEntry& entry);
};

template <>
struct View<v1::Action> {
  static Row TableHeader();
  // The deadline of an open action counts down to by_when from as_of.
  static Row TableRow(const v1::Action& action, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Action& action);
  // The five-part form (what, who, by when, how we know it is done, how we
  // know it worked), then the status and its evidence.
  static Fields Record(const v1::Action& action);
};

template <>
struct View<v1::Note> {
  static Row CsvHeader();
  static Row CsvRow(const v1::Note& note);
  static Fields Record(const v1::Note& note);
};

template <>
struct View<v1::LinkedGroup> {
  static Row CsvHeader();
  static Row CsvRow(const v1::LinkedGroup& link);
  static Fields Record(const v1::LinkedGroup& link);
};

// A meeting as `mfh meeting list` shows it: without its agenda, notes and
// actions (defined in agenda_view.cc).
template <>
struct View<v1::Meeting> {
  static Row TableHeader();
  static Row TableRow(const v1::Meeting& meeting, absl::Time as_of);
  static Row CsvHeader();
  static Row CsvRow(const v1::Meeting& meeting);
};

// "note" or "decision", with " (addendum)" after a closed meeting.
std::string NoteKind(const v1::Note& note);

// A list: a table, a JSON array of the items, or CSV rows.
template <typename T>
void PrintList(Session& session,
               const google::protobuf::RepeatedPtrField<T>& items,
               absl::Time as_of) {
  switch (session.format()) {
    case Format::kJson:
      session.out() << JsonArray(items);
      return;
    case Format::kCsv:
      session.out() << CsvLine(View<T>::CsvHeader());
      for (const T& item : items)
        session.out() << CsvLine(View<T>::CsvRow(item));
      return;
    case Format::kTable: {
      std::vector<Row> rows;
      for (const T& item : items)
        rows.push_back(View<T>::TableRow(item, as_of));
      session.out() << Table(View<T>::TableHeader(), rows);
      return;
    }
  }
}

// The result of a single-record command: field lines (records separated by a
// blank line), the proto JSON of the whole response, or CSV rows.
template <typename T>
void PrintRecords(Session& session, const google::protobuf::Message& response,
                  const std::vector<const T*>& records) {
  switch (session.format()) {
    case Format::kJson:
      session.out() << JsonLine(response);
      return;
    case Format::kCsv:
      session.out() << CsvLine(View<T>::CsvHeader());
      for (const T* r : records) session.out() << CsvLine(View<T>::CsvRow(*r));
      return;
    case Format::kTable:
      for (size_t i = 0; i < records.size(); ++i) {
        if (i > 0) session.out() << "\n";
        session.out() << FieldLines(View<T>::Record(*records[i]));
      }
      return;
  }
}

template <typename T>
void PrintRecord(Session& session, const google::protobuf::Message& response,
                 const T& record) {
  PrintRecords<T>(session, response, {&record});
}

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_VIEWS_H_
