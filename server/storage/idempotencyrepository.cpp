#include "idempotencyrepository.h"

namespace ery::storage {

Result<std::optional<Row>> IdempotencyRepository::find(Database &db, const domain::Scope &scope, const QString &key)
{
    auto rows = db.query(QStringLiteral("SELECT request_hash, status, content_type, body, created_at FROM idempotency_keys "
                                        "WHERE tenant_id = ? AND idempotency_key = ?"),
                         {scope.tenantId, key});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<Row>();
    return std::optional<Row>(rows->front());
}

Status IdempotencyRepository::insert(WriteTx &tx, const domain::Scope &scope, const QString &key, const QString &requestHash, int status,
                                     const QByteArray &contentType, const QByteArray &body, const QString &createdAt)
{
    // A key older than a day is found no more (IdempotencyStore::find), and may be used again.
    return tx.exec(QStringLiteral("INSERT INTO idempotency_keys (tenant_id, idempotency_key, request_hash, status, content_type, body, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, idempotency_key) DO UPDATE SET "
                                  "request_hash = excluded.request_hash, status = excluded.status, content_type = excluded.content_type, "
                                  "body = excluded.body, created_at = excluded.created_at"),
                   {scope.tenantId, key, requestHash, status, QString::fromUtf8(contentType), QString::fromUtf8(body), createdAt});
}

Status IdempotencyRepository::systemPurge(WriteTx &tx, const QString &beforeIso)
{
    return tx.exec(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {beforeIso});
}

} // namespace ery::storage
