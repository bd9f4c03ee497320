#include "fields.h"

#include "core/jsonutil.h"

#include "core/ids.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace ery::services {

namespace {

bool blank(const Json &v)
{
    return v.is_null() || (v.is_string() && QString::fromStdString(v.get<std::string>()).trimmed().isEmpty());
}

QString normaliseTimestamp(const QString &s, bool *ok)
{
    qint64 ms = 0;
    *ok = parseIso(s, &ms);
    return *ok ? isoOf(ms) : QString();
}

// Text a column can hold: at most maxLength characters and no NUL (PostgreSQL cannot store one,
// and it is never part of a name or a note).
bool checkText(const std::string &s, int maxLength, const std::string &path, const char *name, Validation &v)
{
    if (utf8Length(s) > maxLength) {
        v.add(path, QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(name)).arg(maxLength), nullptr, "maxLength");
        return false;
    }
    if (s.find('\0') != std::string::npos) {
        v.add(path, QStringLiteral("%1 must not contain NUL characters").arg(QLatin1String(name)), nullptr, "pattern");
        return false;
    }
    return true;
}

} // namespace

Error nestedError(Error e, const std::string &prefix)
{
    if (prefix.empty() || e.code != ErrorCode::ValidationError || !e.details.is_array())
        return e;
    for (auto &d : e.details)
        if (d.is_object() && d.contains("field") && d["field"].is_string())
            d["field"] = prefix + "." + d["field"].get<std::string>();
    return e;
}

qsizetype utf8Length(const std::string &s)
{
    qsizetype n = 0;
    for (const unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

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
                v.add(path, QStringLiteral("%1 is required").arg(QLatin1String(f.name)), it == input.end() ? Json(nullptr) : *it,
                      "required");
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
            else if (checkText(val.get<std::string>(), f.maxLength, path, f.name, v))
                out[f.name] = QString::fromStdString(val.get<std::string>()).trimmed().toStdString();
            break;
        case Field::Int: {
            // Integral and inside the column's range: a JSON number has no bounds, a column does
            // (and a cast of an out-of-range double is undefined).
            const bool integral = val.is_number_integer() || (val.is_number_float() && std::isfinite(val.get<double>()) &&
                                                              std::floor(val.get<double>()) == val.get<double>());
            const double d = integral ? val.get<double>() : 0;
            const double lo = f.min ? *f.min : limits::kIntMin, hi = f.max ? *f.max : limits::kIntMax;
            if (!integral)
                v.add(path, QStringLiteral("%1 must be an integer").arg(QLatin1String(f.name)), val, "integer");
            else if (d < lo)
                v.add(path, QStringLiteral("%1 must be at least %2").arg(QLatin1String(f.name)).arg(lo, 0, 'f', 0), val, "minimum");
            else if (d > hi)
                v.add(path, QStringLiteral("%1 must be at most %2").arg(QLatin1String(f.name)).arg(hi, 0, 'f', 0), val, "maximum");
            else
                out[f.name] = qint64(d);
            break;
        }
        case Field::Number:
            if (!val.is_number() || !std::isfinite(val.get<double>()))
                v.add(path, QStringLiteral("%1 must be a number").arg(QLatin1String(f.name)), val, "number");
            else if (f.min && val.get<double>() < *f.min)
                v.add(path, QStringLiteral("%1 must be at least %2").arg(QLatin1String(f.name)).arg(*f.min), val, "minimum");
            else if (f.max && val.get<double>() > *f.max)
                v.add(path, QStringLiteral("%1 must be at most %2").arg(QLatin1String(f.name)).arg(*f.max), val, "maximum");
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
        case Field::Json: {
            // Bounded before it is stored: a megabyte of metadata would otherwise ride along in
            // every read of the record, every list page holding it and every event about it.
            // A bare string is stored as it is (nested ones are escaped), so it is held to text's rules.
            if (val.is_string() && val.get_ref<const std::string &>().find('\0') != std::string::npos) {
                v.add(path, QStringLiteral("%1 must not contain NUL characters").arg(QLatin1String(f.name)), nullptr, "pattern");
                break;
            }
            if (val.is_object() && val.size() > size_t(f.maxProperties)) {
                v.add(path, QStringLiteral("%1 has more than %2 properties").arg(QLatin1String(f.name)).arg(f.maxProperties), nullptr,
                      "maxProperties");
                break;
            }
            const size_t bytes = jsonText(val).size();
            if (bytes > size_t(f.maxBytes))
                v.add(path, QStringLiteral("%1 is larger than %2 bytes as JSON").arg(QLatin1String(f.name)).arg(f.maxBytes), nullptr,
                      "maxBytes");
            else
                out[f.name] = val;
            break;
        }
        case Field::Enum:
            if (!val.is_string() || !f.choices.contains(QString::fromStdString(val.get<std::string>())))
                v.add(path, QStringLiteral("%1 must be one of: %2").arg(QLatin1String(f.name), f.choices.join(QStringLiteral(", "))), val,
                      "enum");
            else
                out[f.name] = val;
            break;
        case Field::TextList: {
            bool ok = val.is_array();
            if (ok)
                for (const auto &e : val)
                    ok = ok && e.is_string();
            if (!ok) {
                v.add(path, QStringLiteral("%1 must be a list of strings").arg(QLatin1String(f.name)), val, "array");
            } else if (val.size() > size_t(f.maxItems)) {
                v.add(path, QStringLiteral("%1 has more than %2 items").arg(QLatin1String(f.name)).arg(f.maxItems), nullptr, "maxItems");
            } else {
                bool itemsOk = true;
                for (size_t i = 0; i < val.size(); ++i)
                    itemsOk = checkText(val[i].get<std::string>(), f.maxLength, path + "[" + std::to_string(i) + "]", f.name, v) && itemsOk;
                if (itemsOk)
                    out[f.name] = val;
            }
            break;
        }
        }
    }
    return out;
}

Json fieldsSchema(const std::vector<Field> &fields, bool creating)
{
    Json props = Json::object();
    Json required = Json::array();
    for (const Field &f : fields) {
        Json p;
        switch (f.type) {
        case Field::Text: p = {{"type", "string"}, {"maxLength", f.maxLength}}; break;
        case Field::Int:
            p = {{"type", "integer"},
                 {"minimum", qint64(f.min ? *f.min : limits::kIntMin)},
                 {"maximum", qint64(f.max ? *f.max : limits::kIntMax)}};
            break;
        case Field::Number: p = {{"type", "number"}}; break;
        case Field::Bool: p = {{"type", "boolean"}}; break;
        case Field::Uuid: p = {{"type", "string"}, {"format", "uuid"}}; break;
        case Field::Timestamp: p = {{"type", "string"}, {"format", "date-time"}}; break;
        case Field::Date: p = {{"type", "string"}, {"format", "date"}}; break;
        case Field::Json:
            p = {{"description", QStringLiteral("Any JSON value; at most %1 bytes serialised and %2 properties")
                                     .arg(f.maxBytes)
                                     .arg(f.maxProperties)
                                     .toStdString()},
                 {"maxProperties", f.maxProperties},
                 {"x-max-bytes", f.maxBytes}};
            break;
        case Field::Enum: {
            Json e = Json::array();
            for (const QString &c : f.choices)
                e.push_back(toStd(c));
            p = {{"type", "string"}, {"enum", e}};
            break;
        }
        case Field::TextList:
            p = {{"type", "array"}, {"maxItems", f.maxItems}, {"items", {{"type", "string"}, {"maxLength", f.maxLength}}}};
            break;
        }
        if (f.type == Field::Number) {
            if (f.min)
                p["minimum"] = *f.min;
            if (f.max)
                p["maximum"] = *f.max;
        }
        props[f.name] = p;
        if (creating && f.required)
            required.push_back(f.name);
    }
    Json s{{"type", "object"}, {"properties", props}};
    if (!required.empty())
        s["required"] = required;
    return s;
}

} // namespace ery::services
