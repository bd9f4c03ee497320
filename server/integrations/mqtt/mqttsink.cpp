#include "mqttsink.h"

#include "domain/mqtttopic.h"
#include "domain/rules.h"
#include "events/eventcatalog.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::events;
using namespace ery::services;

namespace ery::integrations {

MqttSink::MqttSink(Services &services, QObject *parent)
    : QObject(parent), m_s(services), m_publishers(QStringLiteral("mqtt_publishers"),
                                                   [&services](const Scope &scope) { return services.deliveries.activePublishers(scope); })
{
    // The rows carry the shop's names: a renamed shop's next event uses the new ones.
    m_publishers.alsoWatch(QStringLiteral("tenants"));
}

Json MqttSink::payload(const OutboxEntry &e)
{
    const Json &p = e.payload();
    return Json{{"id", toStd(e.eventId)},
                {"event", toStd(e.topic)},
                {"timestamp", p.value("occurred_at", toStd(e.occurredAt))},
                {"tenant_id", toStd(e.tenantId)},
                {"data", p.value("data", Json::object())}};
}

QHash<QString, QString> MqttSink::topicValues(const Json &pub, const Json &context)
{
    // The admin's UNS (the publisher's settings), else the shop's names; the rest from the event.
    QHash<QString, QString> values{
        {"enterprise", domain::unsName(str(pub, "default_enterprise"), str(pub, "shop_enterprise"), QStringLiteral("eryxon"))},
        {"site", domain::unsName(str(pub, "default_site"), str(pub, "shop_site"), QStringLiteral("main"))},
        {"area", domain::unsName(str(pub, "default_area"), str(pub, "shop_area"), QStringLiteral("production"))},
    };
    if (context.is_object()) {
        const QString cell = str(context, "cell");
        values.insert(QStringLiteral("cell"), cell.isEmpty() ? QStringLiteral("default") : cell);
        for (const char *k : {"line", "operation", "job_number", "part_number"})
            values.insert(QLatin1String(k), str(context, k));
    }
    return values;
}

QString MqttSink::topicFor(const Json &pub, const OutboxEntry &e)
{
    QHash<QString, QString> values = topicValues(pub, e.payload().value("context", Json::object()));
    values.insert(QStringLiteral("tenant_id"), e.tenantId);
    QString pattern = str(pub, "topic_pattern");
    if (pattern.isEmpty())
        pattern = QStringLiteral("{enterprise}/{site}/{area}/{cell}/{event}");
    return domain::renderTopic(pattern, values, e.topic);
}

QString MqttSink::statusTopic(const Json &pub)
{
    return domain::renderTopic(QStringLiteral("{enterprise}/{site}/eryxon/status"), topicValues(pub, nullptr), {});
}

QString MqttSink::cellStateTopic(const Json &pub, const Json &context)
{
    return domain::renderTopic(QStringLiteral("{enterprise}/{site}/{area}/{cell}/state"), topicValues(pub, context), {});
}

Status MqttSink::deliver(const OutboxEntry &e)
{
    auto matching = m_publishers.subscribersOf(e);
    if (!matching)
        return matching.error();
    if (matching->empty())
        return {};
    const Scope scope = Scope::of(e.tenantId);
    const std::string body = jsonText(payload(e));
    for (const SubscriberCache::Subscriber *sub : *matching) {
        const Json &pub = sub->row;
        m_queued = true;
        m_rows.push_back(Row{{"tenant_id", toStd(e.tenantId)},
                             {"publisher_id", pub["id"]},
                             {"event_id", toStd(e.eventId)},
                             {"event_type", toStd(e.topic)},
                             {"topic", toStd(topicFor(pub, e))},
                             {"payload", body},
                             {"qos", pub.value("qos", Json(1))},
                             {"retain", false}});
        // Optional retained "current value" per cell: late subscribers see the cell's state at once.
        const QString cellId = str(e.payload().value("data", Json::object()), "cell_id");
        if (!flag(pub, "cell_state_topics") || cellId.isEmpty() || !e.topic.startsWith(QLatin1String("operation.")))
            continue;
        // The state is read now, so what is kept so far is written first (the messages keep their order).
        ERY_TRY(flush());
        auto cell = m_s.catalog.cellState(scope, cellId);
        if (!cell)
            continue;
        const Json ctx = e.payload().value("context", Json::object());
        Json state{{"cell_id", toStd(cellId)},
                   {"cell_name", ctx.value("cell", Json(nullptr))},
                   {"wip", (*cell)["wip"]},
                   {"wip_limit", (*cell)["wip_limit"]},
                   {"wip_status", (*cell)["status"]},
                   {"running_operations", (*cell)["running_operations"]},
                   {"updated_at", toStd(e.occurredAt)}};
        ERY_TRY(m_s.deliveries.insertMqttMessage(scope, Row{{"publisher_id", pub["id"]},
                                                            {"event_id", toStd(e.eventId)},
                                                            {"event_type", "cell.state"},
                                                            {"topic", toStd(cellStateTopic(pub, ctx))},
                                                            {"payload", toStd(QString::fromStdString(state.dump()))},
                                                            {"qos", pub.value("qos", Json(1))},
                                                            {"retain", true}}));
    }
    return {};
}

Status MqttSink::flush()
{
    Rows rows;
    rows.swap(m_rows);
    if (rows.empty())
        return {};
    return m_s.deliveries.insertMqttMessages(rows);
}

void MqttSink::batchEnded(bool committed)
{
    m_rows.clear();
    const bool queued = m_queued;
    m_queued = false;
    if (committed && queued)
        emit messagesQueued();
}

} // namespace ery::integrations
