// Today's agenda: its sections under their titles, how much intelligence
// shared with the police waits unacknowledged, and its export to PDF.
#ifndef MFH_CLIENTS_DESKTOP_AGENDA_PAGE_H_
#define MFH_CLIENTS_DESKTOP_AGENDA_PAGE_H_

#include <QWidget>

#include "clients/desktop/models.h"

class QLabel;
class QTableView;

namespace mfh::desktop {

class AgendaPage : public QWidget {
  Q_OBJECT

 public:
  explicit AgendaPage(QWidget* parent = nullptr);

  AgendaModel& model() { return model_; }
  void SetAgenda(const v1::Agenda& agenda);
  // "Intelligence shared with the police, not acknowledged after 24 h: 2".
  QString IntelligenceText() const;

 signals:
  // The user chose a file to export the agenda to.
  void ExportRequested(const QString& path);

 private:
  AgendaModel model_;
  QLabel* title_;
  QLabel* intelligence_;
  QTableView* view_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_AGENDA_PAGE_H_
