#include "console.h"

namespace ery::console {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << "eryxon-server: " << message.simplified() << Qt::endl;
    return 1;
}

} // namespace ery::console
