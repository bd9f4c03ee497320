#include "stagingfile.h"

#include <QDir>
#include <QTemporaryFile>

#include <fcntl.h>

namespace ery::files {

namespace {
// How much is written before its writeback is started: large enough that the calls cost nothing,
// small enough that little is left for the final sync.
constexpr qint64 kWritebackBytes = 8 << 20;
} // namespace

Result<std::unique_ptr<StagingFile>> StagingFile::create(const QString &dir, const QString &prefix, int headBytes)
{
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return Error::internal(QStringLiteral("Cannot create the staging folder %1").arg(dir));
    // QTemporaryFile picks a unique name; the file is then opened unbuffered, so every write goes
    // straight to the kernel and the writeback below sees it.
    QTemporaryFile tmp(QDir(dir).filePath(prefix + QStringLiteral("-XXXXXX")));
    tmp.setAutoRemove(false);
    if (!tmp.open())
        return Error::internal(QStringLiteral("Cannot write a staging file in %1").arg(dir));
    const QString name = tmp.fileName();
    tmp.close();
    std::unique_ptr<StagingFile> f(new StagingFile);
    f->m_headBytes = headBytes;
    f->m_file.setFileName(name);
    if (!f->m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        QFile::remove(name);
        return Error::internal(QStringLiteral("Cannot write a staging file in %1").arg(dir));
    }
    return f;
}

StagingFile::~StagingFile()
{
    if (!m_done)
        m_file.remove();
}

Status StagingFile::write(const char *data, qint64 size)
{
    if (m_head.size() < m_headBytes)
        m_head.append(data, qsizetype(std::min<qint64>(size, m_headBytes - m_head.size())));
    m_hash.addData(QByteArrayView(data, qsizetype(size)));
    if (m_file.write(data, size) != size)
        return Error::internal(QStringLiteral("Cannot write a staging file (%1): %2").arg(m_file.fileName(), m_file.errorString()));
    m_size += size;
#ifdef SYNC_FILE_RANGE_WRITE
    if (m_size - m_handedToDisk >= kWritebackBytes) {
        // Starts the writeback and returns at once; a failure only means the final sync does it all.
        ::sync_file_range(m_file.handle(), m_handedToDisk, m_size - m_handedToDisk, SYNC_FILE_RANGE_WRITE);
        m_handedToDisk = m_size;
    }
#endif
    return {};
}

Result<Staged> StagingFile::finish()
{
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return Error::internal(QStringLiteral("Cannot write a staging file (%1): %2").arg(m_file.fileName(), m_file.errorString()));
    m_done = true;
    return Staged{m_file.fileName(), m_size, m_hash.hexResult(), m_head};
}

} // namespace ery::files
