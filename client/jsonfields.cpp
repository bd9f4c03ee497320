#include "jsonfields.h"

namespace ery::client {

QString text(const Json &row, const char *key)
{
    if (!row.is_object())
        return {};
    auto it = row.find(key);
    if (it == row.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

qint64 number(const Json &row, const char *key, qint64 fallback)
{
    if (!row.is_object())
        return fallback;
    auto it = row.find(key);
    if (it == row.end() || !it->is_number())
        return fallback;
    return it->is_number_float() ? qint64(it->get<double>()) : it->get<qint64>();
}

double real(const Json &row, const char *key, double fallback)
{
    if (!row.is_object())
        return fallback;
    auto it = row.find(key);
    if (it == row.end() || !it->is_number())
        return fallback;
    return it->get<double>();
}

bool flag(const Json &row, const char *key)
{
    if (!row.is_object())
        return false;
    auto it = row.find(key);
    if (it == row.end())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    if (it->is_number())
        return it->get<double>() != 0;
    return false;
}

QDateTime when(const Json &row, const char *key)
{
    const QString s = text(row, key);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime(QDate::fromString(s.left(10), Qt::ISODate), QTime(0, 0));
    return t;
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace ery::client
