#pragma once

#include "eventdata.h"
#include "files/stagingfile.h"
#include "servicebase.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <atomic>
#include <memory>

class QIODevice;

namespace ery::files {
class BlobStore;
}

namespace ery::services {

// Files attached to parts, operations and issues (drawings, CAD, photos), and a tenant's loose
// files uploaded through a signed URL. The only writer of the `files` table and of the blob store:
// every adapter (REST, the original's routes, MCP, the desktop) attaches and removes through here.
//
// The bytes are stored once per SHA-256 (files::BlobStore); each row is one attachment with its
// tenant, owner, name, type and size. A blob goes when the last row naming it does, but never
// while an export or restore runs (holdCollection()); those removals wait and are done later.
// Storage counts against the tenant's max_storage_mb (402 with details), per attachment.
class FileService : public ServiceBase {
public:
    FileService(const DataAccess &data, EventData &eventData);
    ~FileService();

    // The store and the folder for staging files (on the store's filesystem); set by the engine.
    void configure(std::unique_ptr<files::BlobStore> store, QString stagingDir);
    bool configured() const { return m_store != nullptr; }
    const QString &stagingDir() const { return m_staging; }
    files::BlobStore &store() const { return *m_store; }

    // Who a file belongs to: kind part|operation|issue (or tenant: a loose upload) and its id.
    struct Owner {
        QString kind;
        QString id;
    };
    // A complete file in stagingDir() whose hash and size were counted while it was written, and
    // its first bytes (for the type check). attach() consumes it (the blob store takes it, or it is
    // deleted).
    using Staged = files::Staged;
    // Writes bytes held in memory to a staging file.
    Result<Staged> stage(const QByteArray &bytes) const;
    // A staging file written a chunk at a time (a blob read out of an export), its SHA-256 and size
    // counted as it goes; removed when it goes out of scope unless finish() handed it on.
    Result<std::unique_ptr<files::StagingFile>> beginStage() const;

    struct Incoming {
        QString name;
        QString contentType;
        Staged staged;
        QStringList allowedTypes; // empty: domain::filecontent::storedTypes()
        qint64 maxBytes = 0;      // 0: no limit of the route's own
    };
    // Checks name, type and content, the owner (NOT_FOUND for another tenant's), a name already
    // used on the owner (CONFLICT) and the quota (QUOTA_EXCEEDED); stores the blob, writes the row
    // and emits file.attached. The row as the API shows it.
    Result<Row> attach(const domain::Scope &scope, const Owner &owner, Incoming in);
    Result<Rows> list(const domain::Scope &scope, const Owner &owner) const;
    // NOT_FOUND unless the file belongs to this owner of this tenant.
    Result<Row> get(const domain::Scope &scope, const Owner &owner, const QString &fileId) const;
    Result<Row> byName(const domain::Scope &scope, const Owner &owner, const QString &name) const;
    Result<Row> byPath(const domain::Scope &scope, const QString &path) const;
    // Removes the row, emits file.removed and the blob once nothing else names it.
    Status remove(const domain::Scope &scope, const Row &file);
    // A reader of the file's bytes (seekable).
    Result<std::unique_ptr<QIODevice>> open(const Row &file) const;
    // Bytes the tenant's files take.
    Result<qint64> usage(const domain::Scope &scope) const;

    // For a restore, which writes the rows itself (RestoreService) and the blobs through here.
    // A reader of the blob stored under sha256 (NOT_FOUND when the store has none).
    Result<std::unique_ptr<QIODevice>> openBlob(const QByteArray &sha256) const;
    // Whether the store holds sha256 with this many bytes.
    bool holdsBlob(const QByteArray &sha256, qint64 size) const;
    // Stores a staged file (hash and size counted while it was written) without a row; the staging
    // file is consumed. Call forgetBlob() if the rows naming it are not written after all.
    Status putBlob(const Staged &staged);
    // The blob goes once no row names it (and no export or restore holds the store).
    void forgetBlob(const QByteArray &sha256) { pend(sha256); }

    // Signed URLs. create* answer the token (shown once; only its hash is kept) and the row.
    struct Link {
        QString token;
        QString expiresAt;
        Row row;
    };
    // A single-use upload URL for a loose file at `path`, with its declared type, valid ttlSeconds.
    Result<Link> createUploadLink(const domain::Scope &scope, const QString &path, const QString &contentType, int ttlSeconds);
    // Uses an upload link: FORBIDDEN when unknown, expired or used; the link is used up only by a
    // stored file, in the same transaction.
    Result<Row> redeemUploadLink(const QString &token, Staged staged);
    Result<Link> createDownloadLink(const domain::Scope &scope, const Row &file, int ttlSeconds);
    // The file a download link names (any tenant's: the token is the authority); FORBIDDEN when
    // unknown or expired.
    Result<Row> resolveDownloadLink(const QString &token) const;

    // While a token lives, no blob is removed (an export or restore reads or writes blobs by hash);
    // removals wait and are done by collect() once every token is gone.
    std::shared_ptr<void> holdCollection();
    // Removes the waiting blobs no row names; does nothing while a hold or a write is open.
    void collect();
    // Hashes waiting for collect() (tests).
    int pendingRemovals() const { return int(m_pending.size()); }

private:
    Status checkOwner(storage::Database &db, const domain::Scope &scope, const Owner &owner, Row *ownerRow) const;
    Status checkQuota(storage::Database &db, const domain::Scope &scope, qint64 adding) const;
    Result<Row> insertFile(storage::WriteTx &tx, const domain::Scope &scope, const Owner &owner, const Row &ownerRow,
                           const QString &name, const QString &path, const QString &type, const Staged &staged);
    Json eventContext(storage::Database &db, const domain::Scope &scope, const Row &file, Json *data) const;
    void pend(const QByteArray &sha256);
    // The blob of a row about to be written stays reachable even if another hub sharing the store
    // removes it before the commit: keepAside() gives the staged bytes a second name before put(),
    // settleBlob() puts them back if the committed row's blob is gone, else drops the name.
    QString keepAside(const Staged &staged) const;
    void settleBlob(const QByteArray &sha256, const QString &kept, bool rowWritten);

    EventData &m_eventData;
    std::unique_ptr<files::BlobStore> m_store;
    QString m_staging;
    QSet<QByteArray> m_pending;
    std::shared_ptr<std::atomic_int> m_holds = std::make_shared<std::atomic_int>(0);
};

// The path of an owner's file as the original's storage named it: <tenant>/<kind>s/<owner>/<name>.
QString ownerFilePath(const QString &tenantId, const FileService::Owner &owner, const QString &name);

} // namespace ery::services
