#include "duedate.h"

#include <QDate>

namespace ery::ui {

qint64 DueDate::daysLeft(const QString &isoDate)
{
    const QDate due = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return due.isValid() ? QDate::currentDate().daysTo(due) : 0;
}

DueDate::Urgency DueDate::urgency(const QString &isoDate)
{
    if (!QDate::fromString(isoDate.left(10), Qt::ISODate).isValid())
        return Urgency::None;
    const qint64 days = daysLeft(isoDate);
    return days < 0 ? Urgency::Overdue : days == 0 ? Urgency::Today : days <= 2 ? Urgency::Soon : Urgency::Later;
}

} // namespace ery::ui
