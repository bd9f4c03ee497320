#pragma once

#include "fields.h"
#include "servicebase.h"

#include <QHash>

namespace ery::services {

class CatalogService;
class JobService;
class OperationService;
class PartService;

// Upserts keyed on (tenant, external_source, external_id) for the entities an ERP or a CSV file
// feeds: jobs, parts, operations, cells and resources. References are resolved by their external
// keys (job_external_id, part_external_id) or by name (cell_name), so a feed never needs our ids.
// Every write goes through the entity's own service, so validation, quotas and domain events are
// the same as for any other caller. REST sync/bulk-sync use it; CSV import, ERP sync and MCP reuse it.
// A part may name the assembly it belongs to by parent_part_external_id; a parent that would make
// the parts contain each other is refused.
class SyncService : public ServiceBase {
public:
    SyncService(const DataAccess &data, CatalogService &catalog, JobService &jobs, OperationService &operations, PartService &parts)
        : ServiceBase(data), m_catalog(catalog), m_jobs(jobs), m_operations(operations), m_parts(parts)
    {
    }

    enum Entity { Jobs, Parts, Operations, Cells, Resources };
    static constexpr int kMaxBulkItems = 1000;

    struct Outcome {
        bool created = false;
        Row row;
        bool unchanged = false; // the record's content hash matched: nothing was written
        Row before;             // the stored row before this record was written; null when created
    };
    struct BulkOutcome {
        int created = 0, updated = 0, failed = 0;
        Json results = Json::array(); // per item: {index, external_id, action, id?, error?}
        Json errors = Json::array();  // the original's shape: [{item, error}]
    };

    // The records a file's rows name over and over (the cell of every operation, the part of every
    // tenth), kept by ImportWriter for one held write. Only records of other tables than the one the
    // file writes, which its rows cannot change; what was not found is asked again. Bounded: a table's
    // entries start over when they reach a limit.
    struct Lookups {
        QHash<QString, Row> cells;       // by the name as matched (trimmed, lower case)
        QHash<QString, Row> jobs, parts; // by external_source and external_id
    };

    static QString entityName(Entity e); // "jobs"

    // One record in one transaction (or in the caller's).
    Result<Outcome> upsert(const domain::Scope &scope, Entity e, const Json &item);
    // Inside the caller's transaction. With skipUnchanged a record whose content hash equals the
    // stored one is left alone (no write, no events). lookups: a file import's (see Lookups).
    Result<Outcome> upsertIn(storage::WriteTx &tx, const domain::Scope &scope, Entity e, const Json &item, bool skipUnchanged = false,
                             Lookups *lookups = nullptr);
    // Inside the caller's open write, as a savepoint: a record that fails takes back its own
    // writes and events only, the ones before it stay.
    Result<Outcome> attempt(const domain::Scope &scope, Entity e, const Json &item, bool skipUnchanged);
    // The fields a record of this entity may carry, beyond external_id/external_source.
    std::vector<Field> fieldsOf(Entity e) const;
    static Result<Entity> entityNamed(const QString &name);
    // Up to kMaxBulkItems records, one transaction each: a bad record fails alone. Ends with a
    // sync.<entity>.completed event (sync.batch.completed for operations and cells).
    Result<BulkOutcome> bulk(const domain::Scope &scope, Entity e, const Json &items);

    // The feeds' history (sync_imports: ERP sync runs, CSV imports), newest first, optionally of one
    // entity type and source, and totals over every matching row (not only the rows returned).
    struct History {
        Rows rows;
        qint64 total = 0, successful = 0, failed = 0, created = 0, updated = 0, errors = 0;
    };
    Result<History> history(const domain::Scope &scope, const QString &entityType, const QString &source, int limit);
    // Inside the caller's write (or a write of its own): a history row, whose id is returned, and a
    // sync.* event that reports a run.
    Result<QString> recordRun(const domain::Scope &scope, const Row &history);
    Status announce(const domain::Scope &scope, const QString &event, Json data);

private:
    // The services this one calls.
    CatalogService &m_catalog;
    JobService &m_jobs;
    OperationService &m_operations;
    PartService &m_parts;
};

} // namespace ery::services
