#include "deliveryrepository.h"

#include "core/ids.h"
#include "core/jsonutil.h"

#include <algorithm>

using namespace ery::domain;

namespace ery::storage {

namespace {

Status insertRow(WriteTx &tx, const QString &table, Row row, bool ignoreConflicts, bool *inserted = nullptr)
{
    const QString now = nowIso();
    row["created_at"] = toStd(now);
    row["updated_at"] = toStd(now);
    QVariantList params;
    QString sql = Database::insertStatement(table, row, params);
    if (ignoreConflicts)
        sql += QStringLiteral(" ON CONFLICT DO NOTHING");
    int affected = 0;
    ERY_TRY(tx.exec(sql, params, &affected));
    if (inserted)
        *inserted = affected > 0;
    return {};
}

// Rows with the given columns (a missing one is NULL), in multi-row INSERTs of kChunk rows: one
// statement per chunk instead of one per row. Returns what a RETURNING suffix yields.
Result<Rows> insertRows(WriteTx &tx, const QString &table, const std::vector<const char *> &columns, const Rows &rows,
                        const QString &suffix)
{
    constexpr size_t kChunk = 32;
    const QString now = nowIso();
    QString cols;
    for (const char *c : columns) {
        cols += QLatin1String(c);
        cols += QLatin1Char(',');
    }
    cols += QStringLiteral("created_at,updated_at");
    QString marks = QStringLiteral("(");
    for (size_t i = 0; i < columns.size() + 2; ++i)
        marks += i ? QStringLiteral(",?") : QStringLiteral("?");
    marks += QLatin1Char(')');
    Rows out;
    for (size_t start = 0; start < rows.size(); start += kChunk) {
        const size_t n = std::min(kChunk, rows.size() - start);
        QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, cols);
        QVariantList params;
        params.reserve(int(n * (columns.size() + 2)));
        for (size_t i = 0; i < n; ++i) {
            if (i)
                sql += QLatin1Char(',');
            sql += marks;
            const Row &row = rows[start + i];
            for (const char *c : columns) {
                auto it = row.find(c);
                params << (it == row.end() ? QVariant() : Database::toVariant(*it));
            }
            params << now << now;
        }
        auto r = tx.query(sql + suffix, params);
        if (!r)
            return r.error();
        for (Row &row : *r)
            out.push_back(std::move(row));
    }
    return out;
}

} // namespace

Result<Rows> DeliveryRepository::activeWebhooks(Database &db, const Scope &scope)
{
    return db.query(QStringLiteral("SELECT * FROM webhooks WHERE tenant_id = ? AND active = 1 ORDER BY created_at"), {scope.tenantId});
}

Result<Rows> DeliveryRepository::activePublishers(Database &db, const Scope &scope)
{
    return db.query(QStringLiteral("SELECT p.*, t.enterprise AS shop_enterprise, t.site AS shop_site, t.area AS shop_area "
                                   "FROM mqtt_publishers p JOIN tenants t ON t.id = p.tenant_id "
                                   "WHERE p.tenant_id = ? AND p.active = 1 ORDER BY p.created_at"),
                    {scope.tenantId});
}

Result<Rows> DeliveryRepository::systemActivePublishers(Database &db)
{
    return db.query(QStringLiteral("SELECT p.*, t.enterprise AS shop_enterprise, t.site AS shop_site, t.area AS shop_area "
                                   "FROM mqtt_publishers p JOIN tenants t ON t.id = p.tenant_id "
                                   "WHERE p.active = 1 ORDER BY p.created_at"));
}

Result<bool> DeliveryRepository::insertDelivery(WriteTx &tx, const Scope &scope, const Row &row)
{
    Row r = row;
    if (!r.contains("id"))
        r["id"] = toStd(newId());
    r["tenant_id"] = toStd(scope.tenantId);
    bool inserted = false;
    ERY_TRY(insertRow(tx, QStringLiteral("webhook_deliveries"), r, true, &inserted));
    return inserted;
}

Result<QSet<QString>> DeliveryRepository::insertDeliveries(WriteTx &tx, const Rows &rows)
{
    auto inserted = insertRows(tx, QStringLiteral("webhook_deliveries"),
                               {"id", "tenant_id", "webhook_id", "event_id", "event_type", "payload", "status", "next_attempt_at"}, rows,
                               QStringLiteral(" ON CONFLICT DO NOTHING RETURNING id"));
    if (!inserted)
        return inserted.error();
    QSet<QString> ids;
    ids.reserve(qsizetype(inserted->size()));
    for (const Row &r : *inserted)
        ids.insert(str(r, "id"));
    return ids;
}

Result<Rows> DeliveryRepository::systemDueDeliveries(Database &db, const QString &nowIso, int limit)
{
    // In the order of the (status, next_attempt_at) index: no sort of the whole backlog per call.
    // Only what the scheduler needs: the payload is read for the deliveries actually sent.
    return db.query(QStringLiteral("SELECT id, tenant_id, webhook_id, next_attempt_at FROM webhook_deliveries WHERE status = 'pending' "
                                   "AND next_attempt_at <= ? ORDER BY status, next_attempt_at LIMIT %1")
                        .arg(limit),
                    {nowIso});
}

Result<bool> DeliveryRepository::leaseDelivery(Database &db, const QString &id, const QString &dueAt, const QString &leaseUntil)
{
    return db.write([&](WriteTx &tx) -> Result<bool> {
        int affected = 0;
        ERY_TRY(
            tx.exec(QStringLiteral("UPDATE webhook_deliveries SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' "
                                   "AND next_attempt_at = ?"),
                    {leaseUntil, nowIso(), id, dueAt}, &affected));
        return affected > 0;
    });
}

Status DeliveryRepository::updateDelivery(WriteTx &tx, const Scope &scope, const QString &id, const Row &patch)
{
    QStringList sets;
    QVariantList params;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        sets << QString::fromStdString(it.key()) + QStringLiteral(" = ?");
        params << Database::toVariant(it.value());
    }
    sets << QStringLiteral("updated_at = ?");
    params << nowIso() << id << scope.tenantId;
    int affected = 0;
    ERY_TRY(tx.exec(QStringLiteral("UPDATE webhook_deliveries SET %1 WHERE id = ? AND tenant_id = ?").arg(sets.join(QLatin1Char(','))),
                    params, &affected));
    if (!affected)
        return Error::notFound(QStringLiteral("delivery"));
    return {};
}

Status DeliveryRepository::insertWebhookLog(WriteTx &tx, const Scope &scope, const Row &row)
{
    Row r = row;
    r["id"] = toStd(newId());
    r["tenant_id"] = toStd(scope.tenantId);
    return insertRow(tx, QStringLiteral("webhook_logs"), r, false);
}

Status DeliveryRepository::insertMqttMessage(WriteTx &tx, const Scope &scope, const Row &row)
{
    Row r = row;
    r["tenant_id"] = toStd(scope.tenantId);
    return insertRow(tx, QStringLiteral("mqtt_messages"), r, false);
}

Status DeliveryRepository::insertMqttMessages(WriteTx &tx, const Rows &rows)
{
    auto r = insertRows(tx, QStringLiteral("mqtt_messages"),
                        {"tenant_id", "publisher_id", "event_id", "event_type", "topic", "payload", "qos", "retain"}, rows, QString());
    if (!r)
        return r.error();
    return {};
}

Result<Rows> DeliveryRepository::systemPendingMqtt(Database &db, const QString &publisherId, qint64 afterId, int limit)
{
    // The payload as stored text: it is published byte for byte, never parsed here.
    return db.query(QStringLiteral("SELECT id, tenant_id, publisher_id, event_id, event_type, topic, payload AS payload_text, qos, retain, "
                                   "created_at FROM mqtt_messages WHERE publisher_id = ? AND id > ? ORDER BY id LIMIT %1")
                        .arg(limit),
                    {publisherId, afterId});
}

Result<qint64> DeliveryRepository::systemPendingMqttCount(Database &db, const QString &publisherId)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM mqtt_messages WHERE publisher_id = ?"), {publisherId});
}

Status DeliveryRepository::deleteMqttMessage(WriteTx &tx, qint64 id)
{
    return tx.exec(QStringLiteral("DELETE FROM mqtt_messages WHERE id = ?"), {id});
}

Status DeliveryRepository::insertMqttLog(WriteTx &tx, const Scope &scope, const Row &row)
{
    Row r = row;
    r["id"] = toStd(newId());
    r["tenant_id"] = toStd(scope.tenantId);
    return insertRow(tx, QStringLiteral("mqtt_logs"), r, false);
}

Status DeliveryRepository::updatePublisherStatus(WriteTx &tx, const Scope &scope, const QString &id, bool connected, const QString &error)
{
    if (connected)
        return tx.exec(QStringLiteral("UPDATE mqtt_publishers SET last_connected_at = ?, last_error = NULL WHERE id = ? AND tenant_id = ?"),
                       {nowIso(), id, scope.tenantId});
    return tx.exec(QStringLiteral("UPDATE mqtt_publishers SET last_error = ? WHERE id = ? AND tenant_id = ?"), {error, id, scope.tenantId});
}

} // namespace ery::storage
