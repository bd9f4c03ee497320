#pragma once

#include "core/result.h"

namespace ery::storage {

class WriteTx;

// The record keys a file import has met so far, so that a key the file names twice is found
// whatever the file's size: kept in the database beside the import's write rather than in memory.
// The table lives and dies inside that write's transaction: on PostgreSQL a temporary table dropped
// at its commit, on SQLite (whose temporary tables are kept in memory here) a table of the main
// schema created in the transaction and dropped before it commits, so no other connection ever
// sees it; a rollback takes it away on both.
class ImportKeys {
public:
    static Status create(WriteTx &tx);
    // 0 when the file names (source, externalId) for the first time (remembered with its line);
    // otherwise the line that named it first.
    static Result<int> claim(WriteTx &tx, const QString &source, const QString &externalId, int line);
    static Status drop(WriteTx &tx);
};

} // namespace ery::storage
