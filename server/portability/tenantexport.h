#pragma once

#include "core/result.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <string>

namespace ery::domain {
struct Scope;
}
namespace ery::services {
class ExportService;
}

namespace ery::portability {

// A tenant's data as one file (CONTRACTS.md §7, docs/data.md): a JSON document in the original's
// layout, {<table>: [rows…], _metadata, _tenant_info}, or a ZIP of one CSV per table beside
// _metadata.json and _tenant_info.json. Rows go from one database snapshot to the file a page at a
// time, so memory does not grow with the shop. _metadata records the format and schema versions and
// each table's row count and SHA-256, which a restore checks before it writes anything.
class TenantExport {
public:
    enum class Format { Json, CsvZip };
    struct Options {
        Format format = Format::Json;
        QStringList tables; // empty: every table
        // Rows written so far of all rows; called once per page.
        std::function<void(qint64 done, qint64 total)> progress;
        // Set from any thread to stop: the export ends with SERVICE_UNAVAILABLE and leaves no file.
        const std::atomic_bool *cancel = nullptr;
    };
    static constexpr int kFormatVersion = 1;
    static constexpr int kPageRows = 1000;
    static constexpr const char *kFormatName = "eryxon-export";

    // "all" (or empty), or a comma list of table names.
    static Result<QStringList> tablesFrom(const QString &entities);
    // json, csv or zip.
    static Result<Format> formatFrom(const QString &name);
    // tenant-export-<tenant>-<ms>.json or .zip
    static QString fileName(const QString &tenantId, Format format);

    // Writes the scope's tenant to path, which is replaced only once the file is complete. Call it in
    // the thread that is to own the snapshot's connection. Answers the _metadata written.
    static Result<Json> write(const services::ExportService &exports, const domain::Scope &scope, const QString &path, const Options &options);

    // A text cell a spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a
    // leading apostrophe, and so does one that starts with an apostrophe, so undefang is exact.
    static void defang(std::string &cell);
    static void undefang(std::string &cell);
};

} // namespace ery::portability
