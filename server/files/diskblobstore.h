#pragma once

#include "blobstore.h"

namespace ery::files {

// Blobs as files under a root directory: <root>/ab/cd/<sha256>. put() syncs the source to disk,
// renames it into place (atomic on one filesystem, so a reader never sees half a blob) and syncs
// the directory, so a blob is there after a power cut once put() returned. Staging files are
// written under <root>/tmp (stagingDir()), on the same filesystem, so the rename never copies.
class DiskBlobStore : public BlobStore {
public:
    explicit DiskBlobStore(QString root);

    QString kind() const override { return QStringLiteral("disk"); }
    Status put(const QByteArray &sha256, const QString &source) override;
    bool contains(const QByteArray &sha256) const override;
    Result<std::unique_ptr<QIODevice>> open(const QByteArray &sha256) const override;
    Status remove(const QByteArray &sha256, const StillUnused &stillUnused) override;

    const QString &root() const { return m_root; }
    QString stagingDir() const;
    QString pathOf(const QByteArray &sha256) const;
    // Whether a string is a well-formed SHA-256 in lower-case hex (the only names this store takes).
    static bool validHash(const QByteArray &sha256);

private:
    QString m_root;
};

} // namespace ery::files
