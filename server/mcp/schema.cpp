#include "schema.h"

#include "core/jsonutil.h"

#include <QDate>
#include <QDateTime>
#include <QUuid>

namespace ery::mcp::schema {

namespace {
Json withDescription(Json s, const char *description)
{
    if (description)
        s["description"] = description;
    return s;
}

QString utf8(const Json &v)
{
    return QString::fromStdString(v.get<std::string>());
}

bool isType(const Json &v, const std::string &t)
{
    if (t == "string")
        return v.is_string();
    if (t == "integer")
        return v.is_number_integer() || (v.is_number_float() && v.get<double>() == double(qint64(v.get<double>())));
    if (t == "number")
        return v.is_number();
    if (t == "boolean")
        return v.is_boolean();
    if (t == "object")
        return v.is_object();
    if (t == "array")
        return v.is_array();
    if (t == "null")
        return v.is_null();
    return false;
}

bool formatHolds(const std::string &format, const QString &s)
{
    if (format == "uuid")
        return s.size() == 36 && !QUuid::fromString(s).isNull();
    if (format == "date")
        return s.size() == 10 && QDate::fromString(s, Qt::ISODate).isValid();
    if (format == "date-time")
        return s.size() >= 20 && QDateTime::fromString(s, Qt::ISODateWithMs).isValid();
    return true;
}
} // namespace

Json string(int maxLength, int minLength)
{
    Json s{{"type", "string"}, {"maxLength", maxLength}};
    if (minLength > 0)
        s["minLength"] = minLength;
    return s;
}

Json text(const char *description, int maxLength)
{
    return withDescription(string(maxLength), description);
}

Json uuid(const char *description)
{
    return withDescription(Json{{"type", "string"}, {"format", "uuid"}}, description);
}

Json date(const char *description)
{
    return withDescription(Json{{"type", "string"}, {"format", "date"}}, description);
}

Json dateTime(const char *description)
{
    return withDescription(Json{{"type", "string"}, {"format", "date-time"}}, description);
}

Json integer(std::optional<qint64> min, std::optional<qint64> max, const char *description)
{
    Json s{{"type", "integer"}};
    if (min)
        s["minimum"] = *min;
    if (max)
        s["maximum"] = *max;
    return withDescription(s, description);
}

Json number(std::optional<double> min, std::optional<double> max, const char *description)
{
    Json s{{"type", "number"}};
    if (min)
        s["minimum"] = *min;
    if (max)
        s["maximum"] = *max;
    return withDescription(s, description);
}

Json boolean(const char *description)
{
    return withDescription(Json{{"type", "boolean"}}, description);
}

Json oneOf(const QStringList &choices, const char *description)
{
    Json e = Json::array();
    for (const QString &c : choices)
        e.push_back(toStd(c));
    return withDescription(Json{{"type", "string"}, {"enum", e}}, description);
}

Json arrayOf(Json items, int maxItems, int minItems)
{
    Json s{{"type", "array"}, {"items", std::move(items)}, {"maxItems", maxItems}};
    if (minItems > 0)
        s["minItems"] = minItems;
    return s;
}

Json anyObject(const char *description)
{
    return withDescription(Json{{"type", "object"}}, description);
}

Json object(std::initializer_list<std::pair<const char *, Json>> properties, std::initializer_list<const char *> required)
{
    Json props = Json::object();
    for (const auto &[name, s] : properties)
        props[name] = s;
    QStringList req;
    for (const char *r : required)
        req << QLatin1String(r);
    return object(std::move(props), req);
}

Json object(Json properties, const QStringList &required)
{
    Json s{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
    if (!required.isEmpty()) {
        Json r = Json::array();
        for (const QString &n : required)
            r.push_back(toStd(n));
        s["required"] = r;
    }
    return s;
}

Json closed(Json s)
{
    if (!s.is_object())
        return s;
    for (auto it = s.begin(); it != s.end();) {
        if (it.key().rfind("x-", 0) == 0)
            it = s.erase(it);
        else
            ++it;
    }
    // Any JSON value (a metadata field): its size bounds are the service's to check; a bound
    // without a type is not valid strict JSON Schema.
    if (!s.contains("type"))
        s.erase("maxProperties");
    if (s.value("type", Json()) == "object" && s.contains("properties")) {
        s["additionalProperties"] = false;
        for (auto &p : s["properties"])
            p = closed(p);
    }
    if (s.contains("items"))
        s["items"] = closed(s["items"]);
    return s;
}

Json described(Json s, const char *description)
{
    return withDescription(std::move(s), description);
}

Json page(const char *plural, Json item)
{
    return object({{plural, arrayOf(std::move(item), 1000)},
                   {"total", integer(0)},
                   {"limit", integer(1, 1000)},
                   {"offset", integer(0)},
                   {"has_more", boolean()}},
                  {plural, "total", "limit", "offset", "has_more"});
}

Json limitArg(int defaultLimit)
{
    Json s = integer(1, 1000, "Rows per page (1–1000)");
    s["default"] = defaultLimit;
    return s;
}

Json offsetArg()
{
    Json s = integer(0, {}, "Rows to skip");
    s["default"] = 0;
    return s;
}

std::optional<QString> violation(const Json &s, const Json &value, const QString &at)
{
    if (!s.is_object())
        return std::nullopt;
    if (auto t = s.find("type"); t != s.end()) {
        bool ok = false;
        if (t->is_string())
            ok = isType(value, t->get<std::string>());
        else if (t->is_array())
            for (const Json &one : *t)
                ok = ok || isType(value, one.get<std::string>());
        if (!ok)
            return QStringLiteral("%1: must be %2").arg(at, QString::fromStdString(t->is_string() ? t->get<std::string>() : t->dump()));
    }
    if (auto e = s.find("enum"); e != s.end()) {
        bool found = false;
        for (const Json &c : *e)
            found = found || c == value;
        if (!found) {
            QStringList names;
            for (const Json &c : *e)
                names << (c.is_string() ? utf8(c) : QString::fromStdString(c.dump()));
            return QStringLiteral("%1: must be one of %2").arg(at, names.join(QStringLiteral(", ")));
        }
    }
    if (value.is_number()) {
        const double v = value.get<double>();
        if (auto m = s.find("minimum"); m != s.end() && v < m->get<double>())
            return QStringLiteral("%1: must be at least %2").arg(at, QString::fromStdString(m->dump()));
        if (auto m = s.find("maximum"); m != s.end() && v > m->get<double>())
            return QStringLiteral("%1: must be at most %2").arg(at, QString::fromStdString(m->dump()));
    }
    if (value.is_string()) {
        const QString text = utf8(value);
        const qsizetype length = text.toUcs4().size();
        if (auto m = s.find("maxLength"); m != s.end() && length > m->get<qint64>())
            return QStringLiteral("%1: longer than %2 characters").arg(at).arg(m->get<qint64>());
        if (auto m = s.find("minLength"); m != s.end() && length < m->get<qint64>())
            return m->get<qint64>() == 1 ? QStringLiteral("%1: must not be empty").arg(at)
                                         : QStringLiteral("%1: shorter than %2 characters").arg(at).arg(m->get<qint64>());
        if (auto f = s.find("format"); f != s.end() && !formatHolds(f->get<std::string>(), text))
            return QStringLiteral("%1: not a valid %2").arg(at, QString::fromStdString(f->get<std::string>()));
    }
    if (value.is_array()) {
        if (auto m = s.find("maxItems"); m != s.end() && qint64(value.size()) > m->get<qint64>())
            return QStringLiteral("%1: more than %2 items").arg(at).arg(m->get<qint64>());
        if (auto m = s.find("minItems"); m != s.end() && qint64(value.size()) < m->get<qint64>())
            return QStringLiteral("%1: fewer than %2 items").arg(at).arg(m->get<qint64>());
        if (auto items = s.find("items"); items != s.end())
            for (size_t i = 0; i < value.size(); ++i)
                if (auto v = violation(*items, value[i], QStringLiteral("%1[%2]").arg(at).arg(i)))
                    return v;
    }
    if (value.is_object()) {
        const Json props = s.value("properties", Json::object());
        if (auto r = s.find("required"); r != s.end())
            for (const Json &name : *r)
                if (!value.contains(name.get<std::string>()))
                    return QStringLiteral("%1.%2: required").arg(at, utf8(name));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString where = QStringLiteral("%1.%2").arg(at, QString::fromStdString(it.key()));
            if (auto p = props.find(it.key()); p != props.end()) {
                if (auto v = violation(*p, it.value(), where))
                    return v;
            } else if (auto extra = s.find("additionalProperties"); extra != s.end()) {
                if (extra->is_boolean() && !extra->get<bool>())
                    return QStringLiteral("%1: unknown argument").arg(where);
                if (extra->is_object())
                    if (auto v = violation(*extra, it.value(), where))
                        return v;
            }
        }
    }
    return std::nullopt;
}

} // namespace ery::mcp::schema
