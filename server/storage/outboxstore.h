#pragma once

#include "database.h"
#include "domain/outboxentry.h"

namespace ery::storage {

// Reads the outbox and keeps the durable sinks' cursors.
class OutboxStore {
public:
    static Result<std::vector<domain::OutboxEntry>> after(Database &db, qint64 afterId, int limit);
    static Result<qint64> maxId(Database &db);
    static Result<qint64> count(Database &db);
    // Inside a write transaction; on PostgreSQL the row is locked so two instances never deliver
    // the same batch (the second skips it and tries again later).
    static Result<std::optional<qint64>> lockCursor(WriteTx &tx, const QString &sink);
    static Status setCursor(WriteTx &tx, const QString &sink, qint64 lastId);
    static Result<qint64> cursor(Database &db, const QString &sink);
};

} // namespace ery::storage
