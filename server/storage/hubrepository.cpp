#include "hubrepository.h"

#include "core/ids.h"
#include "core/jsonutil.h"

namespace ery::storage {

Result<Rows> HubRepository::hubs(Database &db) const
{
    return db.query(QStringLiteral("SELECT * FROM hubs ORDER BY started_at, id"));
}

Status HubRepository::insertHub(WriteTx &tx, const Row &hub) const
{
    QVariantList params;
    return tx.exec(Database::insertStatement(QStringLiteral("hubs"), hub, params), params);
}

Status HubRepository::beat(WriteTx &tx, const QString &hubId, const QString &at) const
{
    return tx.exec(QStringLiteral("UPDATE hubs SET heartbeat_at = ? WHERE id = ?"), {at, hubId});
}

Status HubRepository::removeHub(WriteTx &tx, const QString &hubId) const
{
    return tx.exec(QStringLiteral("DELETE FROM hubs WHERE id = ?"), {hubId});
}

Status HubRepository::removeStale(WriteTx &tx, const QString &before) const
{
    return tx.exec(QStringLiteral("DELETE FROM hubs WHERE heartbeat_at < ?"), {before});
}

Result<Row> HubRepository::installation(Database &db) const
{
    auto rows = db.query(QStringLiteral("SELECT * FROM installation WHERE id = 1"));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Row(nullptr);
    return std::move(rows->front());
}

Status HubRepository::saveInstallation(WriteTx &tx, const Row &row) const
{
    ERY_TRY(tx.exec(QStringLiteral("DELETE FROM installation WHERE id = 1")));
    Row r = row;
    r["id"] = 1;
    r["updated_at"] = toStd(nowIso());
    QVariantList params;
    return tx.exec(Database::insertStatement(QStringLiteral("installation"), r, params), params);
}

} // namespace ery::storage
