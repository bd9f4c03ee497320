#include "tenantrepository.h"

#include "core/ids.h"
#include "core/jsonutil.h"

namespace ery::storage {

Result<Row> TenantRepository::get(Database &db, const QString &id) const
{
    if (!isUuid(id))
        return Error::notFound(QStringLiteral("tenant"));
    auto rows = db.query(QStringLiteral("SELECT * FROM tenants WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("tenant"));
    return std::move(rows->front());
}

Result<Rows> TenantRepository::all(Database &db) const
{
    return db.query(QStringLiteral("SELECT * FROM tenants ORDER BY is_sandbox, created_at, id"));
}

Result<Row> TenantRepository::sandboxOf(Database &db, const QString &liveId) const
{
    auto rows = db.query(QStringLiteral("SELECT * FROM tenants WHERE sandbox_of = ?"), {liveId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("sandbox tenant"));
    return std::move(rows->front());
}

Result<Row> TenantRepository::insert(WriteTx &tx, Row row) const
{
    const QString now = nowIso();
    if (!row.contains("id"))
        row["id"] = newId().toStdString();
    row["created_at"] = now.toStdString();
    row["updated_at"] = now.toStdString();
    QVariantList params;
    const QString sql = Database::insertStatement(QStringLiteral("tenants"), row, params);
    ERY_TRY(tx.exec(sql, params));
    auto stored = get(tx.db(), str(row, "id"));
    if (!stored)
        return stored.error();
    tx.emitChange(str(*stored, "id"), QStringLiteral("tenants"), "INSERT", *stored, nullptr);
    return stored;
}

Result<Row> TenantRepository::update(WriteTx &tx, const Row &current, const Row &patch) const
{
    static const QStringList editable{"name",
                                      "company_name",
                                      "abbreviation",
                                      "timezone",
                                      "plan",
                                      "status",
                                      "max_jobs",
                                      "max_parts_per_month",
                                      "max_storage_mb",
                                      "rate_limit_per_minute",
                                      "factory_opening_time",
                                      "factory_closing_time",
                                      "working_days_mask",
                                      "auto_stop_tracking",
                                      "enterprise",
                                      "site",
                                      "area",
                                      "feature_flags",
                                      "allow_loopback_webhooks",
                                      "enforce_wip_limits"};
    Row next = current;
    QStringList sets;
    QVariantList params;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString c = QString::fromStdString(it.key());
        if (!editable.contains(c))
            continue;
        sets << c + QStringLiteral(" = ?");
        params << Database::toVariant(it.value());
        next[it.key()] = it.value();
    }
    const QString now = nowIso();
    sets << QStringLiteral("updated_at = ?");
    params << now << str(current, "id");
    next["updated_at"] = now.toStdString();
    ERY_TRY(tx.exec(QStringLiteral("UPDATE tenants SET %1 WHERE id = ?").arg(sets.join(QLatin1Char(','))), params));
    tx.emitChange(str(current, "id"), QStringLiteral("tenants"), "UPDATE", next, current);
    return next;
}

Result<qint64> TenantRepository::takeOperatorNumber(WriteTx &tx, const QString &tenantId) const
{
    auto n = tx.db().scalar(QStringLiteral("SELECT next_operator_number FROM tenants WHERE id = ?"), {tenantId});
    if (!n)
        return n.error();
    ERY_TRY(tx.exec(QStringLiteral("UPDATE tenants SET next_operator_number = next_operator_number + 1 WHERE id = ?"), {tenantId}));
    return *n;
}

} // namespace ery::storage
