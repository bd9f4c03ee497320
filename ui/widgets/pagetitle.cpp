#include "pagetitle.h"

namespace ery::ui {

PageTitle::PageTitle(const QString &text, QWidget *parent) : QLabel(text, parent)
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    setFont(f);
}

} // namespace ery::ui
