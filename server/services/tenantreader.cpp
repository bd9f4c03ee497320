#include "tenantreader.h"

#include "storage/tenantsnapshot.h"

namespace ery::services {

TenantReader::TenantReader(std::unique_ptr<storage::TenantSnapshot> snapshot) : m_snapshot(std::move(snapshot)) { }

TenantReader::~TenantReader() = default;

QString TenantReader::tenantId() const
{
    return m_snapshot->tenantId();
}

Result<Row> TenantReader::tenant()
{
    return m_snapshot->tenant();
}

Result<qint64> TenantReader::count(const ExportService::TableSpec &table)
{
    return m_snapshot->count(table.name);
}

Result<Rows> TenantReader::page(const ExportService::TableSpec &table, const QString &afterId, int limit)
{
    auto rows = m_snapshot->page(table.name, afterId, limit);
    if (!rows)
        return rows.error();
    if (!table.withheld.isEmpty())
        for (Row &r : *rows)
            for (const QString &c : table.withheld)
                r.erase(c.toStdString());
    return rows;
}

int TenantReader::schemaVersion()
{
    return m_snapshot->schemaVersion();
}

} // namespace ery::services
