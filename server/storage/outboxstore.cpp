#include "outboxstore.h"

#include "core/ids.h"
#include "core/jsonutil.h"

using namespace ery::domain;

namespace ery::storage {

Result<std::vector<OutboxEntry>> OutboxStore::after(Database &db, qint64 afterId, int limit)
{
    auto rows =
        db.query(QStringLiteral("SELECT id, event_id, tenant_id, kind, topic, entity_id, payload AS payload_text, occurred_at FROM outbox "
                                "WHERE id > ? ORDER BY id LIMIT %1")
                     .arg(limit),
                 {afterId});
    if (!rows)
        return rows.error();
    std::vector<OutboxEntry> out;
    out.reserve(rows->size());
    for (auto &r : *rows) {
        OutboxEntry e;
        e.id = num(r, "id");
        e.eventId = str(r, "event_id");
        e.tenantId = str(r, "tenant_id");
        e.kind = str(r, "kind");
        e.topic = str(r, "topic");
        e.entityId = str(r, "entity_id");
        if (auto &t = r["payload_text"]; t.is_string())
            e.payloadText = std::move(t.get_ref<std::string &>());
        e.occurredAt = str(r, "occurred_at");
        out.push_back(std::move(e));
    }
    return out;
}

Result<qint64> OutboxStore::maxId(Database &db)
{
    return db.scalar(QStringLiteral("SELECT COALESCE(MAX(id),0) FROM outbox"));
}

Result<qint64> OutboxStore::count(Database &db)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox"));
}

Result<std::optional<qint64>> OutboxStore::lockCursor(WriteTx &tx, const QString &sink)
{
    if (tx.db().isPostgres()) {
        ERY_TRY(
            tx.exec(QStringLiteral("INSERT INTO outbox_cursors (sink, last_id, updated_at) VALUES (?, 0, ?) ON CONFLICT (sink) DO NOTHING"),
                    {sink, nowIso()}));
        auto rows = tx.query(QStringLiteral("SELECT last_id FROM outbox_cursors WHERE sink = ? FOR UPDATE SKIP LOCKED"), {sink});
        if (!rows)
            return rows.error();
        if (rows->empty())
            return std::optional<qint64>(); // another instance holds it
        return std::optional<qint64>(num(rows->front(), "last_id"));
    }
    ERY_TRY(tx.exec(QStringLiteral("INSERT OR IGNORE INTO outbox_cursors (sink, last_id, updated_at) VALUES (?, 0, ?)"), {sink, nowIso()}));
    auto v = tx.db().scalar(QStringLiteral("SELECT last_id FROM outbox_cursors WHERE sink = ?"), {sink});
    if (!v)
        return v.error();
    return std::optional<qint64>(*v);
}

Status OutboxStore::setCursor(WriteTx &tx, const QString &sink, qint64 lastId)
{
    return tx.exec(QStringLiteral("UPDATE outbox_cursors SET last_id = ?, updated_at = ? WHERE sink = ?"), {lastId, nowIso(), sink});
}

Result<qint64> OutboxStore::cursor(Database &db, const QString &sink)
{
    return db.scalar(QStringLiteral("SELECT COALESCE(MAX(last_id),0) FROM outbox_cursors WHERE sink = ?"), {sink});
}

} // namespace ery::storage
