#include "clients/desktop/pdf_export.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace mfh::desktop {
namespace {

QString E(const QString& s) { return s.toHtmlEscaped(); }
QString E(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}

constexpr char kStyle[] =
    "<style>body{font-family:sans-serif;font-size:10pt}"
    "table{border-collapse:collapse} td,th{border:1px solid #888;padding:3px}"
    "th{background:#dde6f0} .t{background:#dde6f0;font-weight:bold}</style>";

}  // namespace

QString AgendaHtml(const AgendaModel& model) {
  const v1::Agenda& a = model.agenda();
  QString html = QString::fromLatin1(kStyle);
  html +=
      QObject::tr("<h1>Missing From Home: agenda for %1</h1>").arg(E(a.day()));
  html += QObject::tr("<p>As of %1</p>").arg(E(LocalTime(a.as_of())));
  html += "<table width=\"100%\"><tr>";
  for (int c = 0; c < model.columnCount(); ++c) {
    html += "<th>" +
            E(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()) +
            "</th>";
  }
  html += "</tr>";
  for (int r = 0; r < model.rowCount(); ++r) {
    if (model.IsTitleRow(r)) {
      html += QStringLiteral("<tr><td class=\"t\" colspan=\"%1\">%2</td></tr>")
                  .arg(model.columnCount())
                  .arg(E(model.index(r, 0).data().toString()));
      continue;
    }
    html += "<tr>";
    for (int c = 0; c < model.columnCount(); ++c) {
      html += "<td>" + E(model.index(r, c).data().toString()) + "</td>";
    }
    html += "</tr>";
  }
  html += "</table>";
  return html;
}

QString MinutesHtml(const v1::Meeting& m, const ChildNames& names) {
  QString html = QString::fromLatin1(kStyle);
  html += QObject::tr("<h1>Missing From Home meeting: %1</h1>").arg(E(m.day()));
  const bool closed = m.state() == v1::MEETING_STATE_CLOSED;
  html +=
      QObject::tr("<p>%1. Agenda as of %2.</p>")
          .arg(closed
                   ? QObject::tr("Closed %1").arg(E(LocalTime(m.closed_at())))
                   : QObject::tr("Open (draft minutes)"),
               E(LocalTime(m.as_of())));
  QStringList attendees;
  for (const std::string& a : m.attendees()) attendees << E(a);
  html += QObject::tr("<p><b>Attendees:</b> %1</p>")
              .arg(attendees.isEmpty() ? QObject::tr("none recorded")
                                       : attendees.join(", "));
  html += QObject::tr("<h2>Notes and decisions</h2>");
  if (m.notes().empty()) html += QObject::tr("<p>None.</p>");
  for (const v1::Note& n : m.notes()) {
    html +=
        QStringLiteral("<p><b>%1%2</b> %3: %4 <i>(%5, %6)</i></p>")
            .arg(n.decision() ? QObject::tr("Decision") : QObject::tr("Note"),
                 n.addendum() ? QObject::tr(" (addendum)") : QString(),
                 E(n.child_id().empty() ? QObject::tr("general")
                                        : ChildLabel(names, n.child_id())),
                 E(n.text()), E(n.author()), E(LocalTime(n.at())));
  }
  html += QObject::tr("<h2>Actions</h2>");
  if (m.actions().empty()) {
    html += QObject::tr("<p>None.</p>");
  } else {
    html += QObject::tr(
        "<table width=\"100%\"><tr><th>Child</th><th>What</th><th>Who</th>"
        "<th>By when</th><th>How we know it is done</th>"
        "<th>How we know it worked</th></tr>");
    for (const v1::Action& a : m.actions()) {
      html += QStringLiteral(
                  "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                  "<td>%6</td></tr>")
                  .arg(E(ChildLabel(names, a.child_id())), E(a.what()),
                       E(a.who()), E(LocalTime(a.by_when())), E(a.done_when()),
                       E(a.worked_when()));
    }
    html += "</table>";
  }
  return html;
}

bool WritePdf(const QString& html, const QString& title, const QString& path,
              QString* error) {
  {
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
      if (error != nullptr) *error = probe.errorString();
      return false;
    }
  }
  QPdfWriter writer(path);
  writer.setTitle(title);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setResolution(150);
  QTextDocument doc;
  doc.setHtml(html);
  doc.print(&writer);
  return true;
}

}  // namespace mfh::desktop
