#pragma once

#include "domain/scope.h"
#include "servicebase.h"

#include <QSet>

#include <functional>

class QObject;

namespace ery::storage {
struct Repositories;
}

namespace ery::services {

// What the event sinks and delivery workers (webhooks, MQTT) read and write of their own
// bookkeeping: active subscribers, webhook deliveries and their leases, queued MQTT messages. These
// rows describe the delivery of events and emit none; every change of shop data still goes through
// the services. The sinks' writes join the transaction of the outbox cursor they are called in.
class DeliveryStore {
public:
    explicit DeliveryStore(const DataAccess &data);

    Result<Rows> activeWebhooks(const domain::Scope &scope) const;
    Result<Rows> activePublishers(const domain::Scope &scope) const;
    // Of every tenant: for the MQTT pool, which keeps one connection per publisher.
    Result<Rows> allActivePublishers() const;

    // Webhooks. A delivery is unique per (webhook, event); returns the ids of the rows that were new.
    Result<QSet<QString>> insertDeliveries(const Rows &rows);
    // Of every tenant; each row is then handled with its own tenant's scope.
    Result<Rows> dueDeliveries(const QString &nowIso, int limit) const;
    // Takes a due delivery until `leaseUntil` if nobody else did.
    Result<bool> leaseDelivery(const QString &id, const QString &dueAt, const QString &leaseUntil);
    Result<Row> delivery(const domain::Scope &scope, const QString &id) const;
    Result<Row> webhook(const domain::Scope &scope, const QString &id) const;

    // MQTT: messages in the order given (the order they are published in).
    Status insertMqttMessage(const domain::Scope &scope, const Row &row);
    Status insertMqttMessages(const Rows &rows);
    Result<Rows> pendingMqtt(const QString &publisherId, qint64 afterId, int limit) const;

    // A long write (an import) holds the write connection: bookkeeping that can wait is recorded
    // once it is over.
    bool writeHeld() const;
    void whenWritable(QObject *context, std::function<void()> f);

private:
    storage::Database &m_db;
    const storage::Repositories &m_repo;
};

} // namespace ery::services
