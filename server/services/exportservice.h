#pragma once

#include "servicebase.h"

#include <QStringList>

#include <functional>

#include <memory>
#include <vector>

namespace ery::services {

class TenantReader;

// What an export holds of a tenant (CONTRACTS.md §7): every table that carries its rows, in the
// order a restore writes them (parents first), each without the columns that must never leave the
// database — secrets, key hashes, PIN and password hashes. The rows are read through a TenantReader:
// one consistent snapshot, page by page. The files themselves are written by
// portability/TenantExport; the rows go back in through RestoreService.
class ExportService : public ServiceBase {
public:
    explicit ExportService(const DataAccess &data) : ServiceBase(data) { }

    struct TableSpec {
        QString name;
        QStringList withheld; // never exported
    };
    // Every tenant table, parents before children.
    static const std::vector<TableSpec> &tables();
    // nullptr for a name that is not an exported table.
    static const TableSpec *table(const QString &name);

    // A snapshot of the scope's tenant on a connection of its own, so it may be read from another
    // thread (one at a time) while the engine goes on writing. An in-memory database has only one
    // connection: its reader must stay in the database's thread.
    Result<std::unique_ptr<TenantReader>> open(const domain::Scope &scope) const;
    // The database's schema version, which an export records.
    int schemaVersion() const;
    // What a reader holds while it lives, so no blob of the file store is removed meanwhile.
    void setCollectionHold(std::function<std::shared_ptr<void>()> hold) { m_hold = std::move(hold); }

private:
    std::function<std::shared_ptr<void>()> m_hold;
};

} // namespace ery::services
