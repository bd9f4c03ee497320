#pragma once

#include "services/syncservice.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QObject;

namespace ery::services {
class Services;
}

namespace ery::portability {

// CSV import (CONTRACTS.md §7) for cells, resources, jobs, parts and operations: the original's
// templates, upserts on (tenant, external_source, external_id) through SyncService — so references
// by external key or cell name, validation, quotas and events are those of every other caller.
//
// A real run is one transaction for the whole file: with any bad row nothing is imported, unless
// skipBadRows, where the bad rows are left out (each row is a savepoint). A dry run does the same
// work and rolls it back, so it reports exactly what a real run would do. A committed run records a
// sync_imports row and emits import.completed.
//
// run() does it all at once. start() is for the engine thread while it serves others: the file is
// read on a worker thread, then its rows are written in steps of a few milliseconds inside one held
// transaction (ImportWriter::holdBegin), so the thread answers requests between the steps and the file
// still goes in whole or not at all.
class CsvImport {
public:
    struct Options {
        bool dryRun = false;
        bool skipBadRows = false;
        QString source;   // external_source for rows that have none
        QString fileName; // for the history and the event
        std::function<void(int done, int total)> progress;
    };
    struct RowResult {
        int line = 0;   // where the row starts in the file (the header is line 1)
        QString action; // create | update | unchanged | error
        QString externalId;
        QString id;
        Json errors = Json::array(); // [{column, message, value}]
    };
    struct Report {
        QString entity;
        bool dryRun = false;
        bool committed = false;
        int total = 0, created = 0, updated = 0, unchanged = 0, failed = 0;
        QStringList ignoredColumns;
        QString separator = QStringLiteral(","); // the file's, as found in its header line
        std::vector<RowResult> rows;
        QString importId;
        // Every bad, created and updated row; unchanged rows up to kListedUnchanged, the rest only
        // counted (unchanged_not_listed), so re-importing a large file gives a small answer.
        Json toJson(bool onlyErrors = false) const;
    };

    static constexpr int kMaxRows = 100000;
    static constexpr int kListedUnchanged = 1000;
    // How long one step of start() writes before the thread serves others again.
    static constexpr int kStepMs = 10;

    explicit CsvImport(services::Services &services) : m_s(services) { }
    // A file that cannot be read as CSV (or has no usable header) is an error; rows that fail are
    // reported in the Report.
    Result<Report> run(const domain::Scope &scope, services::SyncService::Entity entity, const QByteArray &csv, const Options &options);

    using Done = std::function<void(Result<Report>)>;
    // The same import, in steps; done is called in context's thread (which must be the thread of
    // services' database) once it ended. Destroying context first abandons the import: its held
    // transaction is rolled back and done is never called.
    static void start(services::Services &services, QObject *context, const domain::Scope &scope, services::SyncService::Entity entity,
                      QByteArray csv, Options options, Done done);

private:
    services::Services &m_s;
};

} // namespace ery::portability
