// The agenda and a meeting's minutes as PDF documents (QPdfWriter, A4
// landscape), written from what the server returned.
#ifndef MFH_CLIENTS_DESKTOP_PDF_EXPORT_H_
#define MFH_CLIENTS_DESKTOP_PDF_EXPORT_H_

#include <QString>

#include "absl/time/time.h"
#include "clients/desktop/hub_worker.h"
#include "clients/desktop/models.h"

namespace mfh::desktop {

// HTML of the agenda as the model shows it (sections, then entries), in its
// colours: risk, overdue and due soon.
QString AgendaHtml(const AgendaModel& model);
// HTML of the minutes: day, state, attendees, notes and decisions, actions
// with their status as of `now` (overdue in red).
QString MinutesHtml(const v1::Meeting& meeting, const ChildNames& names,
                    absl::Time now);

// Writes `html` to a landscape A4 PDF at `path`; false (with `error` set) when
// the file cannot be written.
bool WritePdf(const QString& html, const QString& title, const QString& path,
              QString* error);

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_PDF_EXPORT_H_
