#pragma once

#include "result.h"

#include <QString>
#include <QVariant>

namespace ery {

// UTF-8 std::string <-> QString at the boundary between nlohmann::json and Qt.
inline std::string toStd(const QString &s)
{
    return s.toStdString();
}
inline QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}
// Compact JSON text as the wire and the database carry it; invalid UTF-8 becomes U+FFFD instead
// of throwing (a value that reached us is never refused for its bytes).
inline std::string jsonText(const Json &j)
{
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}
// A string field of a row, or an empty QString when absent or null.
QString str(const Json &row, const char *key);
qint64 num(const Json &row, const char *key, qint64 fallback = 0);
bool flag(const Json &row, const char *key);

// Parses JSON text without throwing.
Result<Json> parseJson(const QByteArray &text);

} // namespace ery
