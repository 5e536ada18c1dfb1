#include "clients/desktop/pdf_export.h"

#include <QBrush>
#include <QDate>
#include <QFile>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <vector>

#include "clients/core/time_text.h"
#include "clients/desktop/meeting_models.h"

namespace mfh::desktop {
namespace {

QString E(const QString& s) { return s.toHtmlEscaped(); }
QString E(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}

constexpr char kStyle[] =
    "<style>body{font-family:sans-serif;font-size:10pt}"
    "table{border-collapse:collapse} td,th{border:1px solid #888;padding:3px}"
    "th{background:#dde6f0} .t{background:#dde6f0;font-weight:bold}"
    ".n{white-space:nowrap}</style>";

// "Monday 30 November 2026"; the text as it is if it is not a day.
QString DayInWords(const std::string& day) {
  const QDate date =
      QDate::fromString(QString::fromStdString(day), Qt::ISODate);
  if (!date.isValid()) return QString::fromStdString(day);
  return QLocale(QLocale::English, QLocale::UnitedKingdom)
      .toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

// A table's heading row, repeated at the top of every page it runs onto.
QString Headings(const QStringList& headings, const std::vector<int>& widths) {
  QString html = QStringLiteral("<thead><tr>");
  for (int c = 0; c < headings.size(); ++c) {
    html += QStringLiteral("<th width=\"%1%\">%2</th>")
                .arg(widths[c])
                .arg(E(headings[c]));
  }
  return html + QStringLiteral("</tr></thead>");
}

// A table cell with the model's text (lines kept) in the model's colours and
// weight.
QString Cell(const QModelIndex& index, bool nowrap) {
  QString attributes = nowrap ? QStringLiteral(" class=\"n\"") : QString();
  const QVariant background = index.data(Qt::BackgroundRole);
  if (background.isValid()) {
    attributes += QStringLiteral(" bgcolor=\"%1\"")
                      .arg(background.value<QBrush>().color().name());
  }
  QString text = E(index.data().toString()).replace('\n', "<br>");
  const QVariant foreground = index.data(Qt::ForegroundRole);
  if (foreground.isValid()) {
    text = QStringLiteral("<span style=\"color:%1\">%2</span>")
               .arg(foreground.value<QBrush>().color().name(), text);
  }
  const QVariant font = index.data(Qt::FontRole);
  if (font.isValid() && font.value<QFont>().bold()) {
    text = QStringLiteral("<b>%1</b>").arg(text);
  }
  return QStringLiteral("<td%1>%2</td>").arg(attributes, text);
}

}  // namespace

QString AgendaHtml(const AgendaModel& model) {
  const v1::Agenda& a = model.agenda();
  QString html = QString::fromLatin1(kStyle);
  html += QObject::tr("<h1>Missing From Home: agenda for %1</h1>")
              .arg(E(DayInWords(a.day())));
  html += QObject::tr(
              "<p>As of %1. Times are UK time. Red: overdue; amber: due "
              "before the next meeting.</p>")
              .arg(E(LocalTime(a.as_of())));
  QStringList headings;
  for (int c = 0; c < model.columnCount(); ++c) {
    headings << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
  }
  // The times and states on one line, the detail wrapping.
  html += QStringLiteral("<table width=\"100%\">") +
          Headings(headings, {19, 15, 17, 33, 16});
  for (int r = 0; r < model.rowCount(); ++r) {
    if (model.IsTitleRow(r)) {
      html += QStringLiteral("<tr><td class=\"t\" colspan=\"%1\">%2</td></tr>")
                  .arg(model.columnCount())
                  .arg(E(model.index(r, 0).data().toString()));
      continue;
    }
    html += "<tr>";
    for (int c = 0; c < model.columnCount(); ++c) {
      html += Cell(model.index(r, c),
                   c == AgendaModel::kState || c == AgendaModel::kWhen);
    }
    html += "</tr>";
  }
  html += "</table>";
  return html;
}

QString MinutesHtml(const v1::Meeting& m, const ChildNames& names,
                    absl::Time now) {
  QString html = QString::fromLatin1(kStyle);
  html += QObject::tr("<h1>Missing From Home meeting of %1</h1>")
              .arg(E(DayInWords(m.day())));
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
    return html;
  }
  html += QObject::tr("<p>Status as of %1.</p>")
              .arg(E(LocalTime(client::ToTimestamp(now))));
  html +=
      QStringLiteral("<table width=\"100%\">") +
      Headings({QObject::tr("Child"), QObject::tr("What"), QObject::tr("Who"),
                QObject::tr("By when"), QObject::tr("How we know it is done"),
                QObject::tr("How we know it worked"), QObject::tr("Status")},
               {13, 19, 11, 14, 15, 12, 16});
  ActionsModel actions;
  actions.SetNames(names);
  actions.SetNow(now);
  actions.SetActions(Actions(m.actions().begin(), m.actions().end()));
  for (int r = 0; r < actions.rowCount(); ++r) {
    html += "<tr>";
    for (int c : {ActionsModel::kChild, ActionsModel::kWhat, ActionsModel::kWho,
                  ActionsModel::kByWhen, ActionsModel::kDoneWhen,
                  ActionsModel::kWorkedWhen, ActionsModel::kStatus}) {
      html += Cell(actions.index(r, c), c == ActionsModel::kByWhen);
    }
    html += "</tr>";
  }
  html += "</table>";
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
  // No margins of the writer's: print() lays the text out within 2 cm
  // margins of its own, and numbers the pages in the bottom one.
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                   QPageLayout::Landscape, QMarginsF(),
                                   QPageLayout::Millimeter));
  writer.setResolution(150);
  QTextDocument doc;
  doc.setHtml(html);
  doc.print(&writer);
  return true;
}

}  // namespace mfh::desktop
