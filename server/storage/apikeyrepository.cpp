#include "apikeyrepository.h"

namespace ery::storage {

Result<Row> ApiKeyRepository::byHash(Database &db, const QString &keyHash) const
{
    auto rows = db.query(
        QStringLiteral("SELECT k.id, k.tenant_id, k.name, k.scope, k.environment, k.key_prefix, k.last_used_at, k.active, k.revoked_at, "
                       "t.plan, t.rate_limit_per_minute, s.id AS sandbox_id "
                       "FROM api_keys k JOIN tenants t ON t.id = k.tenant_id "
                       "LEFT JOIN tenants s ON s.sandbox_of = k.tenant_id "
                       "WHERE k.key_hash = ?"),
        {keyHash});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("API key"));
    return std::move(rows->front());
}

} // namespace ery::storage
