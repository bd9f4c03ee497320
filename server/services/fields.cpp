#include "fields.h"

#include "core/ids.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace ery {

namespace {

bool blank(const Json &v)
{
    return v.is_null() || (v.is_string() && QString::fromStdString(v.get<std::string>()).trimmed().isEmpty());
}

// An integral JSON number that a qint64 holds: 1e300 or 2^64-1 would wrap round (past `min`) on
// the way in, and casting such a double is undefined behaviour.
bool fitsInt64(const Json &v)
{
    if (v.is_number_unsigned())
        return v.get<quint64>() <= quint64(std::numeric_limits<qint64>::max());
    if (v.is_number_float())
        return v.get<double>() >= -0x1p63 && v.get<double>() < 0x1p63;
    return true;
}

QString normaliseTimestamp(const QString &s, bool *ok)
{
    qint64 ms = 0;
    *ok = parseIso(s, &ms);
    return *ok ? isoOf(ms) : QString();
}

} // namespace

Json acceptFields(const Json &input, const std::vector<Field> &spec, bool creating, Validation &v, const std::string &prefix)
{
    Json out = Json::object();
    if (!input.is_object()) {
        v.add(prefix.empty() ? "body" : prefix, QStringLiteral("must be a JSON object"), nullptr, "object");
        return out;
    }
    for (const Field &f : spec) {
        const std::string path = prefix.empty() ? std::string(f.name) : prefix + "." + f.name;
        auto it = input.find(f.name);
        if (it == input.end() || (f.required && blank(*it))) {
            if (creating && f.required)
                v.add(path, QStringLiteral("%1 is required").arg(QLatin1String(f.name)), it == input.end() ? Json(nullptr) : *it, "required");
            else if (it != input.end() && f.required)
                v.add(path, QStringLiteral("%1 cannot be empty").arg(QLatin1String(f.name)), *it, "required");
            continue;
        }
        const Json &val = *it;
        if (val.is_null()) {
            out[f.name] = nullptr;
            continue;
        }
        switch (f.type) {
        case Field::Text:
            if (!val.is_string())
                v.add(path, QStringLiteral("%1 must be a string").arg(QLatin1String(f.name)), val, "string");
            else if (int(val.get<std::string>().size()) > f.maxLength)
                v.add(path, QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(f.name)).arg(f.maxLength), nullptr, "maxLength");
            else
                out[f.name] = QString::fromStdString(val.get<std::string>()).trimmed().toStdString();
            break;
        case Field::Int:
            if (!val.is_number_integer() && !(val.is_number_float() && std::floor(val.get<double>()) == val.get<double>()))
                v.add(path, QStringLiteral("%1 must be an integer").arg(QLatin1String(f.name)), val, "integer");
            else if (!fitsInt64(val))
                v.add(path, QStringLiteral("%1 is out of range").arg(QLatin1String(f.name)), val, "maximum");
            else if (f.min && val.get<double>() < *f.min)
                v.add(path, QStringLiteral("%1 must be at least %2").arg(QLatin1String(f.name)).arg(*f.min), val, "minimum");
            else
                out[f.name] = val.get<qint64>();
            break;
        case Field::Number:
            if (!val.is_number())
                v.add(path, QStringLiteral("%1 must be a number").arg(QLatin1String(f.name)), val, "number");
            else if (f.min && val.get<double>() < *f.min)
                v.add(path, QStringLiteral("%1 must be at least %2").arg(QLatin1String(f.name)).arg(*f.min), val, "minimum");
            else
                out[f.name] = val;
            break;
        case Field::Bool:
            if (!val.is_boolean())
                v.add(path, QStringLiteral("%1 must be true or false").arg(QLatin1String(f.name)), val, "boolean");
            else
                out[f.name] = val;
            break;
        case Field::Uuid:
            if (!val.is_string() || !isUuid(QString::fromStdString(val.get<std::string>())))
                v.add(path, QStringLiteral("%1 must be a UUID").arg(QLatin1String(f.name)), val, "uuid");
            else
                out[f.name] = QString::fromStdString(val.get<std::string>()).toLower().toStdString();
            break;
        case Field::Timestamp:
        case Field::Date: {
            bool ok = false;
            QString norm;
            if (val.is_string())
                norm = normaliseTimestamp(QString::fromStdString(val.get<std::string>()), &ok);
            if (!ok)
                v.add(path, QStringLiteral("%1 must be an ISO-8601 date or timestamp").arg(QLatin1String(f.name)), val, "date-time");
            else
                out[f.name] = norm.toStdString();
            break;
        }
        case Field::Json:
            out[f.name] = val;
            break;
        case Field::Enum:
            if (!val.is_string() || !f.choices.contains(QString::fromStdString(val.get<std::string>())))
                v.add(path, QStringLiteral("%1 must be one of: %2").arg(QLatin1String(f.name), f.choices.join(QStringLiteral(", "))), val, "enum");
            else
                out[f.name] = val;
            break;
        case Field::TextList: {
            bool ok = val.is_array();
            if (ok)
                for (const auto &e : val)
                    ok = ok && e.is_string();
            if (!ok)
                v.add(path, QStringLiteral("%1 must be a list of strings").arg(QLatin1String(f.name)), val, "array");
            else
                out[f.name] = val;
            break;
        }
        }
    }
    return out;
}

} // namespace ery
