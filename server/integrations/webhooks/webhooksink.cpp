#include "webhooksink.h"

#include "services/services.h"

using namespace ery::domain;
using namespace ery::events;
using namespace ery::services;

namespace ery::integrations {

WebhookSink::WebhookSink(Services &services, QObject *parent)
    : QObject(parent), m_s(services),
      m_hooks(QStringLiteral("webhooks"), [&services](const Scope &scope) { return services.deliveries.activeWebhooks(scope); })
{
}

Json WebhookSink::body(const OutboxEntry &e)
{
    const Json &p = e.payload();
    return Json{{"id", toStd(e.eventId)},
                {"event", toStd(e.topic)},
                {"timestamp", p.value("occurred_at", toStd(e.occurredAt))},
                {"data", p.value("data", Json::object())}};
}

Status WebhookSink::deliver(const OutboxEntry &e)
{
    auto hooks = m_hooks.subscribersOf(e);
    if (!e.isEvent()) {
        if (e.topic == QLatin1String("webhooks"))
            emit webhooksChanged(e.tenantId);
        else if (e.topic == QLatin1String("tenants"))
            emit tenantChanged(e.entityId);
        return {};
    }
    if (!hooks)
        return hooks.error();
    if (hooks->empty())
        return {};
    const Scope scope = Scope::of(e.tenantId);
    const std::string text = jsonText(body(e));
    for (const SubscriberCache::Subscriber *h : *hooks) {
        const QString hookId = str(h->row, "id");
        const bool handoff = m_accepts && m_accepts(hookId);
        const qint64 leaseUntil = Clock::nowMs() + kHandoffLeaseMs;
        // The payload column holds the body as text, exactly the bytes that are signed and sent.
        OutgoingDelivery d{newId(), e.tenantId, hookId, e.eventId, e.topic, QByteArray::fromStdString(text), 0, leaseUntil};
        m_rows.push_back(Row{{"id", toStd(d.id)},
                             {"tenant_id", toStd(scope.tenantId)},
                             {"webhook_id", toStd(hookId)},
                             {"event_id", toStd(e.eventId)},
                             {"event_type", toStd(e.topic)},
                             {"payload", text},
                             {"status", "pending"},
                             {"next_attempt_at", toStd(handoff ? isoOf(leaseUntil) : nowIso())}});
        m_pending.emplace_back(std::move(d), handoff);
    }
    return {};
}

Status WebhookSink::flush()
{
    Rows rows;
    rows.swap(m_rows);
    auto pending = std::move(m_pending);
    m_pending.clear();
    if (rows.empty())
        return {};
    auto inserted = m_s.deliveries.insertDeliveries(rows);
    if (!inserted)
        return inserted.error();
    for (auto &[d, handoff] : pending) {
        if (!inserted->contains(d.id))
            continue; // delivered before (the batch is seen again): the row is already there
        if (handoff)
            m_handoff << std::move(d);
        else
            m_queued = true;
    }
    return {};
}

void WebhookSink::batchEnded(bool committed)
{
    m_rows.clear();
    m_pending.clear();
    QList<OutgoingDelivery> ready;
    ready.swap(m_handoff);
    const bool queued = m_queued;
    m_queued = false;
    if (!committed)
        return; // rolled back: those rows do not exist, the batch comes again
    if (!ready.isEmpty())
        emit deliveriesReady(ready);
    if (queued)
        emit deliveriesQueued();
}

} // namespace ery::integrations
