#pragma once

#include "database.h"

namespace ery::storage {

// The tenants table is the one table without tenant_id: a tenant is its own scope.
class TenantRepository {
public:
    Result<Row> get(Database &db, const QString &id) const;
    Result<Rows> all(Database &db) const;
    Result<Row> sandboxOf(Database &db, const QString &liveId) const;
    Result<Row> insert(WriteTx &tx, Row row) const;
    Result<Row> update(WriteTx &tx, const Row &current, const Row &patch) const;
    // Hands out the next operator number (abbreviation + 4 digits) inside the caller's transaction.
    Result<qint64> takeOperatorNumber(WriteTx &tx, const QString &tenantId) const;
};

} // namespace ery::storage
