#pragma once

#include "core/result.h"
#include "domain/scope.h"

#include <QSet>
#include <QStringList>

namespace ery::services {
class Services;
}

namespace ery::mcp {

// The MCP resources (CONTRACTS.md §6), read as JSON through the services:
//   eryxon://jobs/{job_number}        the job with its parts and their operations
//   eryxon://operations/{id}          an operation with its substeps and time entries
//   eryxon://cells/{name}/queue       the cell's open operations in the order they are planned
//   eryxon://dashboard                counts by status of jobs, parts, operations and issues
//   eryxon://issues/open              pending and approved issues, most severe first
//   eryxon://parts/{id}/files/{name}  a file of a part: images, PDFs and other binaries as a blob
//                                     (base64), text formats (STEP, DXF, CSV, JSON, text) as text
class ResourceCatalog {
public:
    explicit ResourceCatalog(services::Services &services) : m_s(services) { }

    Json list(const domain::Scope &scope) const; // the fixed resources (the rest through templates)
    Json templates() const;
    // One resources/read content item {uri, mimeType, text}; NOT_FOUND for an unknown URI or record.
    Result<Json> read(const domain::Scope &scope, const QString &uri) const;
    // Values for a template variable (job numbers, cell names) starting with `prefix`.
    QStringList complete(const domain::Scope &scope, const QString &uriTemplate, const QString &argument, const QString &prefix) const;

    static QByteArray digest(const Json &contents);
    // Whether a change to `table` can change any resource, and one at `uri`.
    static bool watched(const QString &table);
    static bool dependsOn(const QString &uri, const QSet<QString> &changedTables);

    // The largest file read as a resource; larger ones are fetched through a download URL.
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

private:
    Result<Json> render(const domain::Scope &scope, const QString &uri) const;
    Result<Json> readFile(const domain::Scope &scope, const QString &uri, const QString &partId, const QString &name) const;
    services::Services &m_s;
};

} // namespace ery::mcp
