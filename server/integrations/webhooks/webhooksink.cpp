#include "webhooksink.h"

#include "events/eventcatalog.h"
#include "services/services.h"
#include "storage/deliveryrepository.h"

namespace ery {

WebhookSink::WebhookSink(Services &services, QObject *parent) : QObject(parent), m_s(services) {}

Json WebhookSink::body(const OutboxEntry &e)
{
    const Json &p = e.payload();
    return Json{{"id", js(e.eventId)}, {"event", js(e.topic)}, {"timestamp", p.value("occurred_at", js(e.occurredAt))},
                {"data", p.value("data", Json::object())}};
}

Status WebhookSink::deliver(const OutboxEntry &e)
{
    if (!e.isEvent())
        return {};
    const Scope scope = Scope::of(e.tenantId);
    auto hooks = DeliveryRepository::activeWebhooks(m_s.db, scope);
    if (!hooks)
        return hooks.error();
    bool queued = false;
    for (const Row &h : *hooks) {
        QStringList patterns;
        for (const auto &p : h["events"])
            if (p.is_string())
                patterns << qs(p.get<std::string>());
        if (!eventMatchesAny(patterns, e.topic))
            continue;
        auto r = m_s.db.write([&](WriteTx &tx) {
            return DeliveryRepository::insertDelivery(tx, scope,
                                                      Row{{"webhook_id", h["id"]}, {"event_id", js(e.eventId)}, {"event_type", js(e.topic)},
                                                          {"payload", body(e)}, {"status", "pending"}, {"next_attempt_at", js(nowIso())}});
        });
        if (!r)
            return r.error();
        queued = queued || *r;
    }
    if (queued)
        emit deliveriesQueued();
    return {};
}

} // namespace ery
