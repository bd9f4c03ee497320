#pragma once

#include "exportservice.h"

#include <memory>

namespace ery::storage {
class TenantSnapshot;
}

namespace ery::services {

// One export's view of a tenant (ExportService::open): its rows as of one moment, page by page,
// without the withheld columns. Use it from one thread at a time; the snapshot ends with it.
class TenantReader {
public:
    explicit TenantReader(std::unique_ptr<storage::TenantSnapshot> snapshot);
    ~TenantReader();

    QString tenantId() const;
    // The tenant's own row (name, plan, settings): nothing in it is secret.
    Result<Row> tenant();
    Result<qint64> count(const ExportService::TableSpec &table);
    // Up to `limit` rows after afterId (empty: the first), in id order.
    Result<Rows> page(const ExportService::TableSpec &table, const QString &afterId, int limit);
    int schemaVersion();
    // Kept for the reader's life (FileService::holdCollection: no blob goes while it reads).
    void keep(std::shared_ptr<void> hold) { m_hold = std::move(hold); }

private:
    std::unique_ptr<storage::TenantSnapshot> m_snapshot;
    std::shared_ptr<void> m_hold;
};

} // namespace ery::services
