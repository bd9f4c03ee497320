#include "config.h"

#include <QStandardPaths>

#ifndef ERYXON_VERSION
#define ERYXON_VERSION "0.0.0"
#endif

namespace ery {

QString Config::defaultDbPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QStringLiteral(".");
    return dir + QStringLiteral("/eryxon/shop.db");
}

QString versionString()
{
    return QStringLiteral(ERYXON_VERSION);
}

} // namespace ery
