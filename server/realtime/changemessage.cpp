#include "changemessage.h"

#include "core/jsonutil.h"

namespace ery::realtime {

namespace {

// The column types realtime-js reads the record with.
QString columnType(const Json &v)
{
    if (v.is_boolean())
        return QStringLiteral("bool");
    if (v.is_number_integer() || v.is_number_unsigned())
        return QStringLiteral("int8");
    if (v.is_number_float())
        return QStringLiteral("float8");
    if (v.is_object() || v.is_array())
        return QStringLiteral("jsonb");
    return QStringLiteral("text");
}

} // namespace

std::optional<ChangeMessage> ChangeMessage::fromCommitted(const QString &table, const QByteArray &payload)
{
    auto parsed = parseJson(payload);
    if (!parsed || !parsed->is_object())
        return std::nullopt;
    ChangeMessage out;
    out.m_change = std::move(*parsed);
    out.m_type = str(out.m_change, "eventType");
    // Both are present from here on (null when the change had none), so row() can read them.
    const Json &n = out.m_change["new"], &o = out.m_change["old"];
    const Json &row = out.row();
    Json columns = Json::array();
    for (auto it = row.begin(); row.is_object() && it != row.end(); ++it)
        columns.push_back({{"name", it.key()}, {"type", toStd(columnType(it.value()))}});
    Json d{{"schema", "public"},
           {"table", toStd(table)},
           {"commit_timestamp", out.m_change.value("commit_timestamp", Json(nullptr))},
           {"type", toStd(out.m_type)},
           {"columns", std::move(columns)},
           {"errors", nullptr}};
    if (out.m_type != QLatin1String("DELETE"))
        d["record"] = n;
    if (out.m_type != QLatin1String("INSERT"))
        d["old_record"] = o;
    out.m_data = jsonText(d);
    return out;
}

const Json &ChangeMessage::row() const
{
    return m_change[m_type == QLatin1String("DELETE") ? "old" : "new"];
}

} // namespace ery::realtime
