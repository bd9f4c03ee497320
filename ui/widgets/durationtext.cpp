#include "durationtext.h"

#include <QCoreApplication>
#include <QLocale>

namespace ery::ui {

QString durationText(qint64 minutes)
{
    const QLocale locale;
    minutes = std::max<qint64>(0, minutes);
    const qint64 hours = minutes / 60, rest = minutes % 60;
    if (hours == 0)
        return QCoreApplication::translate("ery::ui::DurationText", "%1 m").arg(locale.toString(rest));
    if (rest == 0)
        return QCoreApplication::translate("ery::ui::DurationText", "%1 h").arg(locale.toString(hours));
    return QCoreApplication::translate("ery::ui::DurationText", "%1 h %2 m").arg(locale.toString(hours), locale.toString(rest));
}

} // namespace ery::ui
