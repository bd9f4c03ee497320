#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>
#include <memory>

namespace ery::files {

// Where the bytes of attached files live, addressed by their SHA-256 (lower-case hex). The only seam
// between the file service and the medium: DiskBlobStore writes under the data directory; an
// S3-compatible object store can implement the same five calls (put = PUT object with the key
// `sha256`, open = a device over ranged GETs, remove = set aside, check, DELETE) without any caller
// changing.
// The store knows nothing of tenants, names or owners — the database does — and never decides
// when a blob is unused: FileService removes a blob once no row refers to it.
class BlobStore {
public:
    virtual ~BlobStore() = default;

    // A short word for logs and /metrics ("disk", "s3").
    virtual QString kind() const = 0;
    // Stores the complete local file `source`, whose SHA-256 the caller computed while writing it,
    // under `sha256`; durable when it returns. The source is consumed (moved or deleted) either
    // way. Storing a hash that is already present keeps the present copy.
    virtual Status put(const QByteArray &sha256, const QString &source) = 0;
    virtual bool contains(const QByteArray &sha256) const = 0;
    // A seekable reader of the blob, or NOT_FOUND.
    virtual Result<std::unique_ptr<QIODevice>> open(const QByteArray &sha256) const = 0;
    // Asked by remove() once the blob is set aside: whether nothing names it still (true) or a row
    // naming it was committed meanwhile (false); an error keeps the blob.
    using StillUnused = std::function<Result<bool>()>;
    // Removes the blob unless `stillUnused` says otherwise once the blob is out of reach: set aside
    // first, asked, then deleted or put back. Hubs sharing a store (several on one PostgreSQL
    // database) stay consistent that way: one storing the same bytes meanwhile either finds the
    // blob absent and stores its copy, or committed its row before the question and gets the blob
    // back. Removing an absent blob is not an error. An object store does the same with a copy
    // aside (or a versioned DELETE and a restore).
    virtual Status remove(const QByteArray &sha256, const StillUnused &stillUnused) = 0;
};

} // namespace ery::files
