#pragma once

#include "services/syncservice.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QIODevice;
class QObject;

namespace ery::services {
class Services;
}

namespace ery::portability {

// CSV import (CONTRACTS.md §7) for cells, resources, jobs, parts and operations: the original's
// templates, upserts on (tenant, external_source, external_id) through SyncService — so references
// by external key or cell name, validation, quotas and events are those of every other caller.
//
// A run is one transaction for the whole file: with any bad row nothing is imported, unless
// skipBadRows, where the bad rows are left out (each row is a savepoint). A dry run does the same
// work and rolls it back, so it reports exactly what a real run would do. A committed run records a
// sync_imports row and emits import.completed. A key (external_source, external_id) the file names
// twice is an error on every row after the first that named it.
//
// The file is read as it is written (CsvSheet), in a transaction held across steps
// (ImportWriter::holdBegin) whose outbox rows are written as it goes, and the report counts every
// row but lists only a bounded number: memory does not grow with the file.
//
// run() does it all at once (the command line). start() is for the engine thread while it serves
// others: the rows are written in steps of a few milliseconds, so the thread answers requests
// between the steps and the file still goes in whole or not at all.
class CsvImport {
public:
    struct Progress {
        qint64 rows = 0;        // read so far
        qint64 bytesRead = 0;   // of the file
        qint64 bytesTotal = -1; // the file's size, when known
    };
    struct Options {
        bool dryRun = false;
        bool skipBadRows = false;
        QString source;   // external_source for rows that have none
        QString fileName; // for the history and the event
        // Told every kProgressRows rows and at the end of the file.
        std::function<void(const Progress &)> progress;
        // Asked before every row; once true the import stops and writes nothing (its transaction is
        // rolled back) and ends with a report whose cancelled is set.
        std::function<bool()> cancelled;
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
        bool cancelled = false;
        qint64 total = 0, created = 0, updated = 0, unchanged = 0, failed = 0;
        QStringList ignoredColumns;
        QString separator = QStringLiteral(","); // the file's, as found in its header line
        QString encoding;                        // as the file was read
        // The rows listed, in file order: up to kListedErrors bad rows, kListedChanges created or
        // updated ones and kListedUnchanged unchanged ones; the rest are only counted.
        std::vector<RowResult> rows;
        qint64 notListed = 0;
        QString importId;
        void add(RowResult row);
        Json toJson(bool onlyErrors = false) const;
    };

    static constexpr int kListedErrors = 1000;
    static constexpr int kListedChanges = 1000;
    static constexpr int kListedUnchanged = 100;
    static constexpr int kProgressRows = 1000;
    // How long one step of start() writes before the thread serves others again.
    static constexpr int kStepMs = 10;

    explicit CsvImport(services::Services &services) : m_s(services) { }
    // A file that cannot be read as CSV text (or has no usable header) is an error, also when that
    // shows only further on (nothing is written then); rows that fail are reported in the Report.
    // `in` (a file or a buffer) is read from where it stands.
    Result<Report> run(const domain::Scope &scope, services::SyncService::Entity entity, QIODevice &in, const Options &options);
    Result<Report> run(const domain::Scope &scope, services::SyncService::Entity entity, const QByteArray &csv, const Options &options);

    using Done = std::function<void(Result<Report>)>;
    // The same import, in steps; done is called in context's thread (which must be the thread of
    // services' database) once it ended. Destroying context first abandons the import: its held
    // transaction is rolled back and done is never called.
    static void start(services::Services &services, QObject *context, const domain::Scope &scope, services::SyncService::Entity entity,
                      std::unique_ptr<QIODevice> in, Options options, Done done);
    static void start(services::Services &services, QObject *context, const domain::Scope &scope, services::SyncService::Entity entity,
                      QByteArray csv, Options options, Done done);

private:
    services::Services &m_s;
};

} // namespace ery::portability
