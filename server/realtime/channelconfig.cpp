#include "channelconfig.h"

#include "core/jsonutil.h"

namespace ery::realtime {

Result<ChannelConfig> ChannelConfig::fromJoinPayload(const Json &payload, const QStringList &tables, int maxBindings, int maxKeyLength)
{
    auto refuse = [](const QString &why) { return Error::badRequest(why); };
    const Json config = payload.value("config", Json::object());
    if (!config.is_object())
        return refuse(QStringLiteral("config must be an object"));

    ChannelConfig out;
    const Json changes = config.value("postgres_changes", Json::array());
    if (!changes.is_array())
        return refuse(QStringLiteral("config.postgres_changes must be a list"));
    if (int(changes.size()) > maxBindings)
        return refuse(QStringLiteral("at most %1 postgres_changes per channel").arg(maxBindings));
    for (const Json &want : changes) {
        if (!want.is_object())
            return refuse(QStringLiteral("each postgres_changes entry must be an object"));
        Binding b;
        const Json ev = want.value("event", Json("*"));
        b.event = ev.is_string() ? fromStd(ev.get<std::string>()).toUpper() : QString();
        if (b.event != QLatin1String("*") && b.event != QLatin1String("INSERT") && b.event != QLatin1String("UPDATE") &&
            b.event != QLatin1String("DELETE"))
            return refuse(QStringLiteral("postgres_changes event must be *, INSERT, UPDATE or DELETE"));
        const Json schema = want.value("schema", Json(nullptr));
        if (!schema.is_string() || (schema != "public" && schema != "*"))
            return refuse(QStringLiteral("postgres_changes schema must be public"));
        const Json table = want.value("table", Json(nullptr));
        if (!table.is_null() && !table.is_string())
            return refuse(QStringLiteral("postgres_changes table must be a string"));
        if (table.is_string() && table != "*") {
            b.table = fromStd(table.get<std::string>());
            if (!tables.contains(b.table))
                return refuse(
                    QStringLiteral("table '%1' is not in the realtime feed (%2)").arg(b.table, tables.join(QStringLiteral(", "))));
        }
        const Json filter = want.value("filter", Json(nullptr));
        if (!filter.is_null()) {
            if (!filter.is_string())
                return refuse(QStringLiteral("postgres_changes filter must be a string"));
            if (!filter.get_ref<const std::string &>().empty()) {
                auto f = RowFilter::parse(fromStd(filter.get<std::string>()));
                if (!f)
                    return refuse(f.error().message);
                b.filter = *f;
            }
        }
        b.request = want;
        out.bindings.push_back(std::move(b));
    }
    const Json broadcast = config.value("broadcast", Json::object());
    if (broadcast.is_object()) {
        out.broadcastSelf = broadcast.value("self", Json(false)) == Json(true);
        out.broadcastAck = broadcast.value("ack", Json(false)) == Json(true);
    }
    const Json presence = config.value("presence", Json::object());
    if (presence.is_object()) {
        out.presenceEnabled = presence.value("enabled", Json(false)) == Json(true);
        const Json key = presence.value("key", Json(""));
        out.presenceKey = key.is_string() ? fromStd(key.get<std::string>()) : QString();
        if (out.presenceKey.size() > maxKeyLength)
            return refuse(QStringLiteral("presence key longer than %1 characters").arg(maxKeyLength));
    }
    return out;
}

} // namespace ery::realtime
