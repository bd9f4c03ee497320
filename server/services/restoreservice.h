#pragma once

#include "servicebase.h"

#include <functional>
#include <memory>

namespace ery::services {

// Loads an export back (CONTRACTS.md §7): every row with its id kept, in one write transaction, so
// a damaged file leaves nothing behind. The target is a database that does not hold the exported
// tenant (it is created from the export's tenant row) or an existing tenant that holds no shop data
// yet (the rows are re-homed into it). Restored rows raise no events: they are history, not news.
// Withheld secrets come back unusable: API and MCP keys revoked, webhooks with a new secret and
// paused, users without a password or PIN (set them afresh).
class FileService;

class RestoreService : public ServiceBase {
public:
    explicit RestoreService(const DataAccess &data) : ServiceBase(data) { }

    // A feed hands every row of the file to put, tables in the export's order (parents first), and
    // stops at put's first error, which it returns.
    using Put = std::function<Status(const QString &table, Row &row)>;
    using Feed = std::function<Status(const Put &put)>;

    // tenantInfo: the export's tenant row. intoTenant empty: restore as that tenant, which must not
    // exist yet. Answers {tenant_id, tables: {name: rows}}.
    Result<Json> restore(const Json &tenantInfo, const Feed &feed, const QString &intoTenant = {});
    // Whether a tenant holds no shop data: what restoring into it requires.
    Result<bool> isEmpty(const QString &tenantId) const;
    // The file store: held while a restore runs, so no blob is removed meanwhile; a restore puts
    // the blobs of an export back through it.
    void setFiles(FileService *files) { m_files = files; }
    FileService *files() const { return m_files; }

private:
    FileService *m_files = nullptr;
};

} // namespace ery::services
