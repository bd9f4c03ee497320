#include "deliverystore.h"

#include "storage/deliveryrepository.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

DeliveryStore::DeliveryStore(const DataAccess &data) : m_db(data.db), m_repo(data.repo) { }

Result<Rows> DeliveryStore::activeWebhooks(const Scope &scope) const
{
    return DeliveryRepository::activeWebhooks(m_db, scope);
}

Result<Rows> DeliveryStore::activePublishers(const Scope &scope) const
{
    return DeliveryRepository::activePublishers(m_db, scope);
}

Result<Rows> DeliveryStore::allActivePublishers() const
{
    return DeliveryRepository::systemActivePublishers(m_db);
}

Result<QSet<QString>> DeliveryStore::insertDeliveries(const Rows &rows)
{
    return m_db.write([&](WriteTx &tx) { return DeliveryRepository::insertDeliveries(tx, rows); });
}

Result<Rows> DeliveryStore::dueDeliveries(const QString &nowIso, int limit) const
{
    return DeliveryRepository::systemDueDeliveries(m_db, nowIso, limit);
}

Result<bool> DeliveryStore::leaseDelivery(const QString &id, const QString &dueAt, const QString &leaseUntil)
{
    return DeliveryRepository::leaseDelivery(m_db, id, dueAt, leaseUntil);
}

Result<Row> DeliveryStore::delivery(const Scope &scope, const QString &id) const
{
    return m_repo.webhookDeliveries.get(m_db, scope, id, QStringLiteral("delivery"));
}

Result<Row> DeliveryStore::webhook(const Scope &scope, const QString &id) const
{
    return m_repo.webhooks.get(m_db, scope, id, QStringLiteral("webhook"));
}

Status DeliveryStore::insertMqttMessage(const Scope &scope, const Row &row)
{
    return m_db.write([&](WriteTx &tx) { return DeliveryRepository::insertMqttMessage(tx, scope, row); });
}

Status DeliveryStore::insertMqttMessages(const Rows &rows)
{
    return m_db.write([&](WriteTx &tx) { return DeliveryRepository::insertMqttMessages(tx, rows); });
}

Result<Rows> DeliveryStore::pendingMqtt(const QString &publisherId, qint64 afterId, int limit) const
{
    return DeliveryRepository::systemPendingMqtt(m_db, publisherId, afterId, limit);
}

bool DeliveryStore::writeHeld() const
{
    return m_db.writeHeld();
}

void DeliveryStore::whenWritable(QObject *context, std::function<void()> f)
{
    m_db.whenWritable(context, std::move(f));
}

} // namespace ery::services
