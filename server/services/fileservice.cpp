#include "fileservice.h"

#include "auth/randomtoken.h"
#include "core/ids.h"
#include "core/jsonutil.h"
#include "domain/filecontent.h"
#include "files/blobstore.h"
#include "storage/repositories.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <unistd.h>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {

const QStringList &ownerKinds()
{
    static const QStringList k{"part", "operation", "issue", "tenant"};
    return k;
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// A file row as the API shows it: the row itself; the blob's hash is its ETag.
Row shown(Row file)
{
    file.erase("tenant_id");
    return file;
}

} // namespace

QString ownerFilePath(const QString &tenantId, const FileService::Owner &owner, const QString &name)
{
    return QStringLiteral("%1/%2s/%3/%4").arg(tenantId, owner.kind, owner.id, name);
}

FileService::FileService(const DataAccess &data, EventData &eventData) : ServiceBase(data), m_eventData(eventData) { }

FileService::~FileService() = default;

void FileService::configure(std::unique_ptr<files::BlobStore> store, QString stagingDir)
{
    m_store = std::move(store);
    m_staging = std::move(stagingDir);
    QDir().mkpath(m_staging);
}

Result<FileService::Staged> FileService::stage(const QByteArray &bytes) const
{
    auto file = beginStage();
    if (!file)
        return file.error();
    ERY_TRY((*file)->write(bytes.constData(), bytes.size()));
    return (*file)->finish();
}

Result<std::unique_ptr<files::StagingFile>> FileService::beginStage() const
{
    return files::StagingFile::create(m_staging, QStringLiteral("upload"), filecontent::kSniffBytes);
}

Result<std::unique_ptr<QIODevice>> FileService::openBlob(const QByteArray &sha256) const
{
    if (!m_store)
        return Error::internal(QStringLiteral("The file store is not configured"));
    return m_store->open(sha256);
}

bool FileService::holdsBlob(const QByteArray &sha256, qint64 size) const
{
    if (!m_store || !m_store->contains(sha256))
        return false;
    auto dev = m_store->open(sha256);
    return dev && (*dev)->size() == size;
}

Status FileService::putBlob(const Staged &staged)
{
    if (!m_store) {
        QFile::remove(staged.path);
        return Error::internal(QStringLiteral("The file store is not configured"));
    }
    return m_store->put(staged.sha256, staged.path);
}

Status FileService::checkOwner(Database &db, const Scope &scope, const Owner &owner, Row *ownerRow) const
{
    const Table *t = owner.kind == QLatin1String("part")        ? &repo().parts
                     : owner.kind == QLatin1String("operation") ? &repo().operations
                     : owner.kind == QLatin1String("issue")     ? &repo().issues
                                                                : nullptr;
    if (owner.kind == QLatin1String("tenant")) {
        if (owner.id != scope.tenantId)
            return Error::notFound(QStringLiteral("tenant"));
        *ownerRow = Row::object();
        return {};
    }
    if (!t)
        return Error::badRequest(QStringLiteral("Files belong to a part, an operation or an issue"));
    auto r = t->get(db, scope, owner.id, owner.kind);
    if (!r)
        return r.error();
    *ownerRow = std::move(*r);
    return {};
}

Result<qint64> FileService::usage(const Scope &scope) const
{
    return db().scalar(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE tenant_id = ?"), {scope.tenantId});
}

Status FileService::checkQuota(Database &db, const Scope &scope, qint64 adding) const
{
    auto t = repo().tenants.get(db, scope.tenantId);
    if (!t)
        return t.error();
    if ((*t)["max_storage_mb"].is_null())
        return {};
    const qint64 limitMb = num(*t, "max_storage_mb");
    auto used = db.scalar(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE tenant_id = ?"), {scope.tenantId});
    if (!used)
        return used.error();
    const qint64 limitBytes = limitMb * 1024 * 1024;
    if (*used + adding <= limitBytes)
        return {};
    const double usedMb = double(*used) / (1024.0 * 1024.0);
    return Error{ErrorCode::QuotaExceeded,
                 QStringLiteral("Plan limit reached for storage_mb (%1 MB of %2 MB used; this file needs %3 MB)")
                     .arg(usedMb, 0, 'f', 2)
                     .arg(limitMb)
                     .arg(double(adding) / (1024.0 * 1024.0), 0, 'f', 2),
                 Json{{"limitType", "storage_mb"},
                      {"currentUsage", std::round(usedMb * 100.0) / 100.0},
                      {"limit", limitMb},
                      {"currentBytes", *used},
                      {"limitBytes", limitBytes},
                      {"requestedBytes", adding}}};
}

Json FileService::eventContext(Database &db, const Scope &scope, const Row &file, Json *data) const
{
    const QString kind = str(file, "owner_kind");
    const QString ownerId = str(file, "owner_id");
    auto tenant = m_eventData.tenant(scope.tenantId);
    const Row t = tenant ? *tenant : Row::object();
    Row op = nullptr, part = nullptr, job = nullptr;
    if (kind == QLatin1String("issue")) {
        if (auto issue = repo().issues.get(db, scope, ownerId); issue) {
            (*data)["issue_id"] = toStd(ownerId);
            if (auto o = repo().operations.get(db, scope, str(*issue, "operation_id")); o)
                op = *o;
        }
    } else if (kind == QLatin1String("operation")) {
        if (auto o = repo().operations.get(db, scope, ownerId); o)
            op = *o;
    } else if (kind == QLatin1String("part")) {
        if (auto p = repo().parts.get(db, scope, ownerId); p)
            part = *p;
    }
    if (op.is_object()) {
        if (auto ctx = m_eventData.forOperation(scope, op); ctx) {
            (*data)["operation_id"] = op["id"];
            (*data)["operation_name"] = op["operation_name"];
            (*data)["part_id"] = ctx->part["id"];
            (*data)["part_number"] = ctx->part["part_number"];
            (*data)["job_id"] = ctx->job["id"];
            (*data)["job_number"] = ctx->job["job_number"];
            return ctx->topicContext();
        }
    }
    if (part.is_object()) {
        if (auto j = repo().jobs.get(db, scope, str(part, "job_id")); j)
            job = *j;
        (*data)["part_id"] = part["id"];
        (*data)["part_number"] = part["part_number"];
        if (job.is_object()) {
            (*data)["job_id"] = job["id"];
            (*data)["job_number"] = job["job_number"];
        }
    }
    return OperationContext::topicContextFor(t, job.is_object() ? job : Row::object(), part.is_object() ? part : Row::object(), nullptr,
                                             {});
}

Result<Row> FileService::insertFile(WriteTx &tx, const Scope &scope, const Owner &owner, const Row &, const QString &name,
                                    const QString &path, const QString &type, const Staged &staged)
{
    ERY_TRY(checkQuota(tx.db(), scope, staged.size));
    auto clash = tx.db().scalar(QStringLiteral("SELECT COUNT(*) FROM files WHERE tenant_id = ? AND path = ?"), {scope.tenantId, path});
    if (!clash)
        return clash.error();
    if (*clash > 0)
        return Error{ErrorCode::Conflict, QStringLiteral("A file named \"%1\" is already attached here; delete it first").arg(name),
                     Json{{"name", toStd(name)}, {"path", toStd(path)}}};
    Row row{{"owner_kind", toStd(owner.kind)},
            {"owner_id", toStd(owner.id)},
            {"name", toStd(name)},
            {"path", toStd(path)},
            {"content_type", toStd(type)},
            {"size_bytes", staged.size},
            {"sha256", staged.sha256.toStdString()},
            {"created_by", scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId))}};
    auto file = repo().files.insert(tx, scope, row);
    if (!file)
        return file.error();
    Json data = shown(*file);
    const Json ctx = eventContext(tx.db(), scope, *file, &data);
    tx.emitEvent(scope.tenantId, QStringLiteral("file.attached"), str(*file, "id"), data, ctx);
    return shown(*file);
}

Result<Row> FileService::attach(const Scope &scope, const Owner &owner, Incoming in)
{
    // The staging file goes whatever happens below, unless the blob store took it.
    struct Cleanup {
        QString path;
        ~Cleanup()
        {
            if (!path.isEmpty())
                QFile::remove(path);
        }
    } cleanup{in.staged.path};
    if (!m_store)
        return Error::internal(QStringLiteral("The file store is not configured"));
    collect();
    const QString type = filecontent::normalise(in.contentType);
    ERY_TRY(filecontent::checkName(in.name));
    ERY_TRY(filecontent::checkType(type, in.allowedTypes.isEmpty() ? filecontent::storedTypes() : in.allowedTypes));
    if (in.maxBytes > 0 && in.staged.size > in.maxBytes)
        return Error{ErrorCode::PayloadTooLarge, QStringLiteral("This file is larger than %1 MB").arg(in.maxBytes >> 20),
                     Json{{"size", in.staged.size}, {"limit", in.maxBytes}}};
    ERY_TRY(filecontent::checkContent(type, in.staged.head));
    if (!ownerKinds().contains(owner.kind))
        return Error::badRequest(QStringLiteral("Files belong to a part, an operation or an issue"));
    Row ownerRow;
    ERY_TRY(checkOwner(db(), scope, owner, &ownerRow));
    const QString path = ownerFilePath(scope.tenantId, owner, in.name);
    // Refused before the bytes go into the store; checked again in the transaction.
    ERY_TRY(checkQuota(db(), scope, in.staged.size));
    const QString kept = keepAside(in.staged);
    ERY_TRY(m_store->put(in.staged.sha256, in.staged.path));
    cleanup.path.clear();
    auto r = db().write([&](WriteTx &tx) -> Result<Row> {
        ERY_TRY(checkOwner(tx.db(), scope, owner, &ownerRow));
        return insertFile(tx, scope, owner, ownerRow, in.name, path, type, in.staged);
    });
    settleBlob(in.staged.sha256, kept, r.ok());
    if (!r)
        pend(in.staged.sha256); // the blob stays only if another row names it
    return r;
}

Result<Rows> FileService::list(const Scope &scope, const Owner &owner) const
{
    Row ownerRow;
    ERY_TRY(checkOwner(db(), scope, owner, &ownerRow));
    auto rows = repo().files.where(db(), scope, Match().eq(QStringLiteral("owner_kind"), owner.kind).eq(QStringLiteral("owner_id"), owner.id),
                                   {QStringLiteral("created_at"), QStringLiteral("id")});
    if (!rows)
        return rows.error();
    Rows out;
    for (auto &r : *rows)
        out.push_back(shown(std::move(r)));
    return out;
}

Result<Row> FileService::get(const Scope &scope, const Owner &owner, const QString &fileId) const
{
    Row ownerRow;
    ERY_TRY(checkOwner(db(), scope, owner, &ownerRow));
    auto f = repo().files.get(db(), scope, fileId, QStringLiteral("file"));
    if (!f)
        return f.error();
    if (str(*f, "owner_kind") != owner.kind || str(*f, "owner_id") != owner.id)
        return Error::notFound(QStringLiteral("file"));
    return shown(*f);
}

Result<Row> FileService::byName(const Scope &scope, const Owner &owner, const QString &name) const
{
    Row ownerRow;
    ERY_TRY(checkOwner(db(), scope, owner, &ownerRow));
    return byPath(scope, ownerFilePath(scope.tenantId, owner, name));
}

Result<Row> FileService::byPath(const Scope &scope, const QString &path) const
{
    auto f = repo().files.findBy(db(), scope, QStringLiteral("path"), path);
    if (!f)
        return f.error().code == ErrorCode::NotFound ? Error::notFound(QStringLiteral("file")) : f.error();
    return shown(*f);
}

Status FileService::remove(const Scope &scope, const Row &file)
{
    collect();
    auto r = db().write([&](WriteTx &tx) -> Status {
        auto current = repo().files.get(tx.db(), scope, str(file, "id"), QStringLiteral("file"));
        if (!current)
            return current.error();
        Json data = shown(*current);
        const Json ctx = eventContext(tx.db(), scope, *current, &data);
        ERY_TRY(repo().files.remove(tx, scope, *current));
        tx.emitEvent(scope.tenantId, QStringLiteral("file.removed"), str(*current, "id"), data, ctx);
        return {};
    });
    if (!r)
        return r;
    pend(str(file, "sha256").toLatin1());
    if (db().groupOpen())
        db().onGroupEnd([this](bool) { collect(); });
    else
        collect();
    return {};
}

Result<std::unique_ptr<QIODevice>> FileService::open(const Row &file) const
{
    if (!m_store)
        return Error::internal(QStringLiteral("The file store is not configured"));
    return m_store->open(str(file, "sha256").toLatin1());
}

QString FileService::keepAside(const Staged &staged) const
{
    // A second name for the staged bytes (a hard link: no copy), for settleBlob().
    const QString kept = staged.path + QStringLiteral(".kept");
    if (::link(QFile::encodeName(staged.path).constData(), QFile::encodeName(kept).constData()) != 0)
        return {};
    return kept;
}

void FileService::settleBlob(const QByteArray &sha256, const QString &kept, bool rowWritten)
{
    if (kept.isEmpty())
        return;
    // Another hub sharing the store may have removed the blob between put() and the commit (no
    // committed row named it then); the row written, its bytes go back in from the kept name.
    if (rowWritten && !m_store->contains(sha256)) {
        if (!m_store->put(sha256, kept))
            qWarning("file store: the blob %s could not be stored again", sha256.constData());
        return;
    }
    QFile::remove(kept);
}

void FileService::pend(const QByteArray &sha256)
{
    m_pending.insert(sha256);
}

std::shared_ptr<void> FileService::holdCollection()
{
    m_holds->fetch_add(1);
    return std::shared_ptr<void>(nullptr, [holds = m_holds](void *) { holds->fetch_sub(1); });
}

void FileService::collect()
{
    // A write or group still open may roll back the removal of a row; an export or restore may be
    // reading or writing the blob.
    if (m_pending.isEmpty() || !m_store || m_holds->load() > 0 || db().inTransaction() || db().groupOpen() || db().writeHeld())
        return;
    const auto pending = m_pending;
    for (const QByteArray &sha : pending) {
        auto unused = [&]() -> Result<bool> {
            auto n = db().scalar(QStringLiteral("SELECT COUNT(*) FROM files WHERE sha256 = ?"), {QString::fromLatin1(sha)});
            if (!n)
                return n.error();
            return *n == 0;
        };
        auto first = unused();
        if (!first)
            return;
        // Asked again by the store once the blob is set aside: another hub sharing the store may
        // have committed a row naming the same bytes in between.
        if (*first && !m_store->remove(sha, unused))
            continue;
        m_pending.remove(sha);
    }
}

Result<FileService::Link> FileService::createUploadLink(const Scope &scope, const QString &path, const QString &contentType,
                                                        int ttlSeconds)
{
    Link link;
    link.token = QString::fromLatin1(auth::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    link.expiresAt = isoOf(Clock::nowMs() + qint64(ttlSeconds) * 1000);
    auto r = db().write([&](WriteTx &tx) -> Result<Row> {
        return repo().fileLinks.insert(tx, scope,
                                       Row{{"token_hash", toStd(tokenHash(link.token))},
                                           {"purpose", "upload"},
                                           {"path", toStd(path)},
                                           {"content_type", toStd(filecontent::normalise(contentType))},
                                           {"expires_at", toStd(link.expiresAt)},
                                           {"created_by", scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId))}});
    });
    if (!r)
        return r.error();
    link.row = *r;
    return link;
}

Result<FileService::Link> FileService::createDownloadLink(const Scope &scope, const Row &file, int ttlSeconds)
{
    Link link;
    link.token = QString::fromLatin1(auth::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    link.expiresAt = isoOf(Clock::nowMs() + qint64(ttlSeconds) * 1000);
    auto r = db().write([&](WriteTx &tx) -> Result<Row> {
        return repo().fileLinks.insert(tx, scope,
                                       Row{{"token_hash", toStd(tokenHash(link.token))},
                                           {"purpose", "download"},
                                           {"path", file["path"]},
                                           {"file_id", file["id"]},
                                           {"expires_at", toStd(link.expiresAt)},
                                           {"created_by", scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId))}});
    });
    if (!r)
        return r.error();
    link.row = *r;
    return link;
}

namespace {
Error linkRefused(const char *what)
{
    return Error::forbidden(QStringLiteral("This %1 URL is unknown, expired or already used; ask for a new one").arg(QLatin1String(what)));
}
} // namespace

Result<Row> FileService::redeemUploadLink(const QString &token, Staged staged)
{
    struct Cleanup {
        QString path;
        ~Cleanup()
        {
            if (!path.isEmpty())
                QFile::remove(path);
        }
    } cleanup{staged.path};
    auto links = db().query(QStringLiteral("SELECT * FROM file_links WHERE token_hash = ? AND purpose = 'upload'"), {tokenHash(token)});
    if (!links)
        return links.error();
    if (links->empty())
        return linkRefused("upload");
    const Row link = links->front();
    if (!str(link, "used_at").isEmpty() || str(link, "expires_at") <= nowIso())
        return linkRefused("upload");
    const Scope scope = Scope::of(str(link, "tenant_id"));
    const QString path = str(link, "path");
    const QString name = path.section(QLatin1Char('/'), -1);
    const QString type = str(link, "content_type");
    ERY_TRY(filecontent::checkContent(type, staged.head));
    ERY_TRY(checkQuota(db(), scope, staged.size));
    if (!m_store)
        return Error::internal(QStringLiteral("The file store is not configured"));
    const QString kept = keepAside(staged);
    ERY_TRY(m_store->put(staged.sha256, staged.path));
    cleanup.path.clear();
    const Owner owner{QStringLiteral("tenant"), scope.tenantId};
    auto r = db().write([&](WriteTx &tx) -> Result<Row> {
        int used = 0;
        ERY_TRY(tx.exec(QStringLiteral("UPDATE file_links SET used_at = ?, updated_at = ? WHERE id = ? AND used_at IS NULL"),
                        {nowIso(), nowIso(), str(link, "id")}, &used));
        if (used != 1)
            return linkRefused("upload");
        return insertFile(tx, scope, owner, Row::object(), name, path, type, staged);
    });
    settleBlob(staged.sha256, kept, r.ok());
    if (!r)
        pend(staged.sha256);
    return r;
}

Result<Row> FileService::resolveDownloadLink(const QString &token) const
{
    auto links = db().query(QStringLiteral("SELECT * FROM file_links WHERE token_hash = ? AND purpose = 'download'"), {tokenHash(token)});
    if (!links)
        return links.error();
    if (links->empty() || str(links->front(), "expires_at") <= nowIso())
        return linkRefused("download");
    const Row &link = links->front();
    auto f = repo().files.get(db(), Scope::of(str(link, "tenant_id")), str(link, "file_id"), QStringLiteral("file"));
    if (!f)
        return linkRefused("download");
    return *f; // with tenant_id: the caller streams it, nothing else
}

} // namespace ery::services
