#pragma once

#include "database.h"
#include "domain/scope.h"

#include <QSet>

namespace ery::storage {

// Bookkeeping of event delivery (webhook deliveries and attempt logs, MQTT messages awaiting their
// acknowledgement). These rows describe the delivery of events, so writing them emits no events of
// their own: the outbox would otherwise feed itself.
//
// The `system*` reads span every tenant: they are for the delivery workers, which then act on
// each row with that row's own tenant scope.
class DeliveryRepository {
public:
    static Result<Rows> activeWebhooks(Database &db, const domain::Scope &scope);
    // Active publishers with their shop's UNS names (shop_enterprise, shop_site, shop_area), which
    // fill in the topic tokens a publisher leaves empty.
    static Result<Rows> activePublishers(Database &db, const domain::Scope &scope);
    static Result<Rows> systemActivePublishers(Database &db);

    // Webhooks. A delivery is unique per (webhook, event): a replayed outbox batch adds nothing.
    static Result<bool> insertDelivery(WriteTx &tx, const domain::Scope &scope, const Row &row);
    // Many at once (a dispatcher batch), each row with its own id and tenant_id; returns the ids of
    // the rows that were new.
    static Result<QSet<QString>> insertDeliveries(WriteTx &tx, const Rows &rows);
    static Result<Rows> systemDueDeliveries(Database &db, const QString &nowIso, int limit);
    // Takes a due delivery for `leaseUntil` if nobody else did (compare-and-set on next_attempt_at).
    static Result<bool> leaseDelivery(Database &db, const QString &id, const QString &dueAt, const QString &leaseUntil);
    static Status updateDelivery(WriteTx &tx, const domain::Scope &scope, const QString &id, const Row &patch);
    static Status insertWebhookLog(WriteTx &tx, const domain::Scope &scope, const Row &row);

    // MQTT.
    static Status insertMqttMessage(WriteTx &tx, const domain::Scope &scope, const Row &row);
    // Many at once, each row with its tenant_id, in the order given (the order they are published in).
    static Status insertMqttMessages(WriteTx &tx, const Rows &rows);
    static Result<Rows> systemPendingMqtt(Database &db, const QString &publisherId, qint64 afterId, int limit);
    static Result<qint64> systemPendingMqttCount(Database &db, const QString &publisherId);
    static Status deleteMqttMessage(WriteTx &tx, qint64 id);
    static Status insertMqttLog(WriteTx &tx, const domain::Scope &scope, const Row &row);
    static Status updatePublisherStatus(WriteTx &tx, const domain::Scope &scope, const QString &id, bool connected, const QString &error);
};

} // namespace ery::storage
