#pragma once

#include "services/syncservice.h"

#include <QStringList>

#include <functional>
#include <vector>

class QObject;

namespace ery::services {
class Services;
}

namespace ery::portability {

// ERP sync (CONTRACTS.md §7; the original's api-erp-sync): jobs, parts, resources and operations
// from an ERP, upserted on (tenant, external_source, external_id) through SyncService, so references
// by external key or cell name, validation, quotas and events are those of every other caller.
//
// A request is processed jobs → parts → resources → operations (parts below their parent part), so a
// record may name another of the same request: a part its job (job_external_id), an operation its
// part (part_external_id). A record that names one that failed in this request, a reference that is
// neither in the request nor stored, parts whose parents form a cycle, and an external key that
// appears twice in one entity are errors of those records.
//
// A run is one transaction: `diff` does all of a sync's work and rolls it back, so it reports exactly
// what `sync` would do (create / update / unchanged / error per record, the fields an update
// changes). `sync` commits it:
// - continue_on_error (default true): a bad record is left out (a savepoint of its own), the others
//   go in; false: the first bad record ends the run and nothing is written — the answer is a 422
//   naming that record, and only its entity's history row (status failed) is kept;
// - skip_unchanged (default true): a record whose content hash equals the stored one is not written
//   (`skipped`); false: it is written again (`updated`);
// - record_history (default true): a sync_imports row per entity with records, source = the body's
//   `source` or "api_erp_sync", status `failed` when it had errors and nothing was created or
//   updated, else `completed`;
// - batch_size (1–1000, default 100): records written per step. start() writes a step, then lets the
//   engine thread serve other requests (reads answer from the last commit; writes wait for the end).
// A committed run emits sync.<entity>.completed per entity that created or updated records and, for
// a request with records of more than one entity, sync.batch.completed.
class ErpSync {
public:
    enum class Mode { Diff, Sync };
    struct Options {
        bool skipUnchanged = true;
        int batchSize = 100;
        bool continueOnError = true;
        bool recordHistory = true;
        QString source = QStringLiteral("api_erp_sync");
    };
    // One entity's records as given, in the order they are processed.
    struct Section {
        services::SyncService::Entity entity;
        Json records = Json::array();
        QStringList ignoredFields; // record fields the entity does not take
    };
    struct Request {
        std::vector<Section> sections; // jobs, parts, resources, operations: those the body has
        Options options;
    };

    static constexpr int kMaxRecords = 1000; // per entity and request
    static constexpr int kMaxBatchSize = 1000;
    static constexpr int kMaxListedProblems = 100;
    static constexpr int kDefaultStatusLimit = 20;
    static constexpr int kMaxStatusLimit = 100;

    // The body checked as a whole before any record is looked at in the database: 400 for a body
    // that is not an object or names an unknown key, 413 for more than kMaxRecords records of one
    // entity, 422 naming every option and record field of a wrong type or size (and records that are
    // not objects or lack external_id / external_source). Nothing is written for any of them.
    static Result<Request> parse(const services::SyncService &sync, const Json &body);

    explicit ErpSync(services::Services &services) : m_s(services) { }
    // The whole run in one write (a diff is rolled back); the answer as the API gives it.
    Result<Json> run(const domain::Scope &scope, Mode mode, const Request &request);

    using Done = std::function<void(Result<Json>)>;
    // The same run in steps of batch_size records inside one held write; done is called in context's
    // thread (the thread of services' database) once it ended. Destroying context first abandons
    // the run: its held write is rolled back and done is never called.
    static void start(services::Services &services, QObject *context, const domain::Scope &scope, Mode mode, Request request, Done done);

    // GET status: {stats, history, pagination}; history newest first, at most limit rows.
    Result<Json> status(const domain::Scope &scope, const QString &entityType, const QString &source, int limit);

private:
    services::Services &m_s;
};

} // namespace ery::portability
