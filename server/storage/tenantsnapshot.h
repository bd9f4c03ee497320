#pragma once

#include "database.h"

#include <QStringList>

#include <memory>

namespace ery::storage {

// One tenant's rows as of one moment, for an export: a read transaction (SQLite: a deferred BEGIN
// whose first read fixes the snapshot, writers going on in the WAL meanwhile; PostgreSQL:
// REPEATABLE READ, READ ONLY) held until the object goes, read page by page in id order so memory
// does not grow with the shop.
class TenantSnapshot {
public:
    // On a connection of its own for a file database or PostgreSQL, so the caller may read from
    // another thread while the engine writes; on `shared` for an in-memory database.
    static Result<std::unique_ptr<TenantSnapshot>> open(Database &shared, const QString &tenantId);
    ~TenantSnapshot();
    TenantSnapshot(const TenantSnapshot &) = delete;
    TenantSnapshot &operator=(const TenantSnapshot &) = delete;

    const QString &tenantId() const { return m_tenant; }
    // The tenants row; NOT_FOUND when there is none.
    Result<Row> tenant();
    Result<qint64> count(const QString &table);
    // Up to `limit` rows of the tenant with id above afterId (empty: from the start), ordered by id
    // byte-wise on both engines, so two databases holding the same rows give them in the same order.
    Result<Rows> page(const QString &table, const QString &afterId, int limit);
    int schemaVersion();

private:
    TenantSnapshot(Database &db, std::unique_ptr<Database> own, QString tenant);
    Database &m_db;
    std::unique_ptr<Database> m_own;
    QString m_tenant;
};

} // namespace ery::storage
