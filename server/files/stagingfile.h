#pragma once

#include "core/result.h"
#include "core/sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace ery::files {

// A complete file in the staging folder whose SHA-256 and size were counted while it was written,
// with its first bytes (for the type check); what BlobStore::put() takes.
struct Staged {
    QString path;
    qint64 size = 0;
    QByteArray sha256; // lower-case hex
    QByteArray head;   // the first headBytes written
};

// A file being written into the file store's staging folder, a chunk at a time: an upload read
// off a socket, a file the desktop attaches, a blob read out of an export. Hash, size and first
// bytes are counted on the way, and every few MiB the written pages are handed to the disk
// (sync_file_range), so the sync before the blob is stored has little left to wait for: the disk
// writes while the network delivers instead of after it. Removed when it goes out of scope unless
// finish() handed it on.
class StagingFile {
public:
    // A new empty file named <prefix>-XXXXXX in `dir` (made if missing).
    static Result<std::unique_ptr<StagingFile>> create(const QString &dir, const QString &prefix, int headBytes);
    ~StagingFile();
    StagingFile(const StagingFile &) = delete;
    StagingFile &operator=(const StagingFile &) = delete;

    Status write(const char *data, qint64 size);
    qint64 size() const { return m_size; }
    // Closes the file: it is the caller's now (BlobStore::put() consumes it).
    Result<Staged> finish();

private:
    StagingFile() = default;
    QFile m_file;
    Sha256 m_hash;
    qint64 m_size = 0;
    qint64 m_handedToDisk = 0; // bytes whose writeback has been started
    int m_headBytes = 0;
    QByteArray m_head;
    bool m_done = false;
};

} // namespace ery::files
