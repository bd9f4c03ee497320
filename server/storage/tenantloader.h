#pragma once

#include "database.h"

namespace ery::storage {

// The storage side of a restore: rows written as they are, ids and timestamps kept, inside the
// caller's write transaction. No row changes reach the outbox: a restore is history, not news.
class TenantLoader {
public:
    static Result<bool> tenantExists(Database &db, const QString &tenantId);
    // Whether the tenant has rows in any of the tables.
    static Result<bool> holdsRows(Database &db, const QString &tenantId, const QStringList &tables);
    // The row's columns that the table has; unknown columns are an error (a file of a newer schema).
    static Status insert(WriteTx &tx, const QString &table, const Row &row);
    // A reference to a row of the same table, set once every row of it is in.
    static Status setColumn(WriteTx &tx, const QString &table, const QString &id, const QString &column, const Json &value);
    // The columns of a table as the database has them.
    static Result<QStringList> columns(Database &db, const QString &table);
};

} // namespace ery::storage
