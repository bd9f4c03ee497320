#pragma once

#include "services/syncservice.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <vector>

namespace ery {

class Services;

// CSV import (CONTRACTS.md §7) for cells, resources, jobs, parts and operations: the original's
// templates, upserts on (tenant, external_source, external_id) through SyncService — so references
// by external key or cell name, validation, quotas and events are those of every other caller.
//
// A real run is one transaction for the whole file: with any bad row nothing is imported, unless
// skipBadRows, where the bad rows are left out (each row is a savepoint). A dry run does the same
// work and rolls it back, so it reports exactly what a real run would do. A committed run records a
// sync_imports row and emits import.completed.
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
        int line = 0;           // where the row starts in the file (the header is line 1)
        QString action;         // create | update | unchanged | error
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
        std::vector<RowResult> rows;
        QString importId;
        Json toJson(bool onlyErrors = false) const;
    };

    static constexpr int kMaxRows = 100000;

    explicit CsvImport(Services &services) : m_s(services) {}
    // A file that cannot be read as CSV (or has no usable header) is an error; rows that fail are
    // reported in the Report.
    Result<Report> run(const Scope &scope, SyncService::Entity entity, const QByteArray &csv, const Options &options);

private:
    Services &m_s;
};

} // namespace ery
