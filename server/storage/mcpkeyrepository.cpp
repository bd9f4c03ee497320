#include "mcpkeyrepository.h"

#include "core/ids.h"
#include "core/jsonutil.h"

using namespace ery::domain;

namespace ery::storage {

Result<Row> McpKeyRepository::byHash(Database &db, const QString &keyHash) const
{
    auto rows = db.query(QStringLiteral("SELECT k.id, k.tenant_id, k.name, k.environment, k.key_prefix, k.allowed_tools, k.rate_limit, "
                                        "k.enabled, s.id AS sandbox_id "
                                        "FROM mcp_keys k LEFT JOIN tenants s ON s.sandbox_of = k.tenant_id "
                                        "WHERE k.key_hash = ?"),
                         {keyHash});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("MCP key"));
    return std::move(rows->front());
}

Result<Row> McpKeyRepository::insertUsage(WriteTx &tx, const Scope &scope, Row row) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped write to mcp_key_usage"));
    const QString now = nowIso();
    row["id"] = toStd(newId());
    row["tenant_id"] = toStd(scope.tenantId);
    if (!row.contains("created_at") || !row["created_at"].is_string() || row["created_at"].get<std::string>().empty())
        row["created_at"] = toStd(now);
    row["updated_at"] = toStd(now);
    QVariantList params;
    const QString sql = Database::insertStatement(QStringLiteral("mcp_key_usage"), row, params);
    ERY_TRY(tx.exec(sql, params));
    tx.emitChange(scope.tenantId, QStringLiteral("mcp_key_usage"), "INSERT", row, nullptr);
    return row;
}

} // namespace ery::storage
