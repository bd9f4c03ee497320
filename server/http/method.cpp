#include "method.h"

namespace ery::http {

QString methodName(Method m)
{
    switch (m) {
    case Method::Get: return QStringLiteral("GET");
    case Method::Head: return QStringLiteral("HEAD");
    case Method::Post: return QStringLiteral("POST");
    case Method::Put: return QStringLiteral("PUT");
    case Method::Patch: return QStringLiteral("PATCH");
    case Method::Delete: return QStringLiteral("DELETE");
    case Method::Options: return QStringLiteral("OPTIONS");
    case Method::Other: break;
    }
    return QStringLiteral("OTHER");
}

Method methodFrom(const QString &name)
{
    for (Method m : {Method::Get, Method::Head, Method::Post, Method::Put, Method::Patch, Method::Delete, Method::Options})
        if (name == methodName(m))
            return m;
    return Method::Other;
}

} // namespace ery::http
