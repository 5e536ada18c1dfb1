// The board: children missing now, highest risk first, with a filter.
#ifndef MFH_CLIENTS_DESKTOP_BOARD_PAGE_H_
#define MFH_CLIENTS_DESKTOP_BOARD_PAGE_H_

#include <QWidget>

#include "clients/desktop/models.h"

namespace mfh::desktop {

class BoardPage : public QWidget {
  Q_OBJECT

 public:
  explicit BoardPage(QWidget* parent = nullptr);

  BoardModel& model() { return model_; }

 private:
  BoardModel model_;
};

}  // namespace mfh::desktop

#endif  // MFH_CLIENTS_DESKTOP_BOARD_PAGE_H_
