#include "diskblobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>

#include <fcntl.h>
#include <unistd.h>

namespace ery::files {

namespace {

// fsync of a file or directory by path; directories need it for a rename to survive a power cut.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

DiskBlobStore::DiskBlobStore(QString root) : m_root(std::move(root)) { }

QString DiskBlobStore::stagingDir() const
{
    return m_root + QStringLiteral("/tmp");
}

bool DiskBlobStore::validHash(const QByteArray &sha256)
{
    if (sha256.size() != 64)
        return false;
    for (char c : sha256)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

QString DiskBlobStore::pathOf(const QByteArray &sha256) const
{
    const QString h = QString::fromLatin1(sha256);
    return QStringLiteral("%1/%2/%3/%4").arg(m_root, h.left(2), h.mid(2, 2), h);
}

Status DiskBlobStore::put(const QByteArray &sha256, const QString &source)
{
    if (!validHash(sha256)) {
        QFile::remove(source);
        return Error::internal(QStringLiteral("Not a SHA-256: %1").arg(QString::fromLatin1(sha256.left(80))));
    }
    const QString target = pathOf(sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(source);
        return {};
    }
    const QString dir = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(dir)) {
        QFile::remove(source);
        return Error::internal(QStringLiteral("Cannot create the file store folder %1").arg(dir));
    }
    if (!syncPath(source)) {
        QFile::remove(source);
        return Error::internal(QStringLiteral("Cannot write a file to disk (%1)").arg(source));
    }
    // rename(2) replaces atomically; a concurrent put of the same hash writes the same bytes.
    if (::rename(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(source);
        return Error::internal(QStringLiteral("Cannot move a file into the file store (%1)").arg(target));
    }
    if (!syncPath(dir))
        return Error::internal(QStringLiteral("Cannot sync the file store folder %1").arg(dir));
    return {};
}

bool DiskBlobStore::contains(const QByteArray &sha256) const
{
    return validHash(sha256) && QFileInfo::exists(pathOf(sha256));
}

Result<std::unique_ptr<QIODevice>> DiskBlobStore::open(const QByteArray &sha256) const
{
    if (!validHash(sha256))
        return Error::notFound(QStringLiteral("Stored file"));
    auto f = std::make_unique<QFile>(pathOf(sha256));
    if (!f->open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Stored file"));
    return std::unique_ptr<QIODevice>(std::move(f));
}

Status DiskBlobStore::remove(const QByteArray &sha256, const StillUnused &stillUnused)
{
    if (!validHash(sha256))
        return {};
    static std::atomic_int counter{0};
    const QString p = pathOf(sha256);
    // Set aside under a name of this process's own: readers and other hubs no longer find it.
    const QString aside = QStringLiteral("%1.removing-%2-%3").arg(p).arg(QCoreApplication::applicationPid()).arg(counter.fetch_add(1));
    if (::rename(QFile::encodeName(p).constData(), QFile::encodeName(aside).constData()) != 0)
        return {}; // absent: nothing to remove (another hub may have removed it first)
    const Result<bool> unused = stillUnused();
    if (!unused || !*unused) {
        // Named again meanwhile (or unknown): back into place. A copy another hub stored in the
        // meantime has the same bytes; rename(2) replaces it atomically.
        if (::rename(QFile::encodeName(aside).constData(), QFile::encodeName(p).constData()) != 0)
            return Error::internal(QStringLiteral("Cannot put %1 back into the file store").arg(p));
        return unused ? Status() : Status(unused.error());
    }
    if (!QFile::remove(aside))
        return Error::internal(QStringLiteral("Cannot remove %1 from the file store").arg(aside));
    return {};
}

} // namespace ery::files
