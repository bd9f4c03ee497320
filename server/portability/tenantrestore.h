#pragma once

#include "core/result.h"

#include <QString>

#include <atomic>
#include <functional>

namespace ery::services {
class RestoreService;
}

namespace ery::portability {

// Reads an export made by TenantExport back (CONTRACTS.md §7, docs/data.md): a JSON document or a
// CSV ZIP, told apart by its first bytes. It is checked whole before anything is written — the
// format and schema versions, and every table's row count and SHA-256 against _metadata — then its
// rows go to RestoreService in one transaction. Both passes stream: a large file needs no more
// memory than one row. A file that is damaged, of another program, nested deeper than an export
// ever is, or a ZIP with unsafe names or sizes that would expand without bound is refused with a
// clear message, and nothing is written.
class TenantRestore {
public:
    struct Options {
        QString intoTenant; // empty: the export's own tenant, which must not exist yet
        // Rows written of all rows.
        std::function<void(qint64 done, qint64 total)> progress;
        const std::atomic_bool *cancel = nullptr;
        // A user of the export (username) who gets this password, so someone can sign in after a
        // restore (passwords are never exported).
        QString adminUsername;
        QString adminPassword;
    };
    // Limits of a ZIP: its entries together, and how much one entry may expand.
    static constexpr qint64 kMaxUnzippedBytes = qint64(16) << 30;
    static constexpr qint64 kMaxRatio = 200;
    static constexpr int kMaxDepth = 64;
    // Entries of a ZIP: the tables and one per attached file's contents.
    static constexpr int kMaxEntries = 1 << 18;

    // Checks the file only (against a database of this schema version): answers its _metadata.
    static Result<Json> check(const QString &path, int schemaVersion);
    // Checks, then restores: answers {tenant_id, tables: {name: rows}, metadata}.
    static Result<Json> restore(services::RestoreService &restore, int schemaVersion, const QString &path, const Options &options);
};

} // namespace ery::portability
