#pragma once

#include "servicebase.h"

#include <QIODevice>
#include <QStringList>

#include <memory>
#include <vector>

namespace ery::services {

class TenantReader;
class FileService;

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
    // The file store: a reader holds it while it lives (FileService::holdCollection), so no blob
    // its rows name is removed meanwhile, and a ZIP export reads the blobs through it.
    void setFiles(FileService *files) { m_files = files; }
    // A reader of an attached file's bytes by their SHA-256 (NOT_FOUND when the store has none).
    // Safe from an export's worker thread.
    Result<std::unique_ptr<QIODevice>> openBlob(const QByteArray &sha256) const;

private:
    FileService *m_files = nullptr;
};

} // namespace ery::services
