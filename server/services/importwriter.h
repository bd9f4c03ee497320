#pragma once

#include "syncservice.h"

#include <functional>

class QObject;

namespace ery::services {

class ActivityLog;

// The write side of a file import: one transaction for the whole file, each row a savepoint of its
// own, and the history row with import.completed at the end. For a file too long to write in one
// pass the transaction is held across passes of the event loop (Database::holdBegin), written in
// steps; meanwhile other writers wait (writeHeld, whenWritable). The rows themselves go through
// SyncService like every other feed's, with the records they refer to looked up once per held write
// (SyncService::Lookups). The activity log gets one entry for the file, not one per row.
class ImportWriter {
public:
    ImportWriter(const DataAccess &data, SyncService &sync, ActivityLog &activity);

    // Runs f inside one write transaction in one pass (an ERP sync run), committed unless f fails
    // or discard() was called.
    Status write(const std::function<Status()> &f);

    bool writeHeld() const;
    void whenWritable(QObject *context, std::function<void()> f);
    Status holdBegin();
    Status holdStep(const std::function<Status()> &f);
    // Writes up to max of the held write's pending outbox rows; how many are still pending.
    Result<size_t> holdFlushOutbox(size_t max, bool closing);
    Status holdEnd(bool commit);

    // Inside holdStep(): one record in a savepoint. With takeBack the record's writes are
    // undone even when it went in (a row with cells that did not convert: its answer lists every
    // problem, the service's too) and BAD_REQUEST is returned.
    Result<SyncService::Outcome> upsertRow(const domain::Scope &scope, SyncService::Entity entity, const Json &item, bool takeBack);
    // Inside holdStep(): the keys the file named so far. claimKey answers 0 for a key met
    // the first time, else the line that named it first; forgetKeys ends that before a commit.
    Result<int> claimKey(const QString &source, const QString &externalId, int line);
    Status forgetKeys();
    // The enclosing write rolls back at its end (a rehearsal, or a file refused as a whole).
    Status discard();
    // The import's history row (sync_imports), import.completed and its activity log entry (entity
    // type "import", the event's data as its changes): eventData with the row's id as import_id.
    // Returns that id.
    Result<QString> record(const domain::Scope &scope, const Row &history, Json eventData);

private:
    storage::Database &m_db;
    const storage::Repositories &m_repo;
    SyncService &m_sync;
    ActivityLog &m_activity;
    SyncService::Lookups m_lookups; // of the current held write
    bool m_keys = false;            // the key table exists in the current write
};

} // namespace ery::services
