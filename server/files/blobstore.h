#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>

namespace ery::files {

// Where the bytes of attached files live, addressed by their SHA-256 (lower-case hex). The only seam
// between the file service and the medium: DiskBlobStore writes under the data directory; an
// S3-compatible object store can implement the same five calls (put = PUT object with the key
// `sha256`, open = a device over ranged GETs, remove = DELETE) without any caller changing.
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
    // Removes the blob; removing an absent one is not an error.
    virtual Status remove(const QByteArray &sha256) = 0;
};

} // namespace ery::files
