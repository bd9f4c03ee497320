#include "http/apiserver.h"
#include "core/ids.h"
#include "http/routedoc.h"
#include "portability/tenantexport.h"
#include "portability/tenantrestore.h"
#include "routes.h"
#include "services/services.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QTcpSocket>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace ery::services;
using namespace ery::portability;

namespace ery::http {

namespace {

// Exports run on worker threads, each with a database connection of its own; a few at a time is
// plenty for a hub and keeps a burst of them from taking every connection and core.
constexpr int kMaxExports = 2;
std::atomic<int> g_exports{0};

QString tempPath(const QString &suffix)
{
    return QDir(QDir::tempPath()).filePath(QStringLiteral("eryxon-%1%2").arg(newId(), suffix));
}

// Hands the finished file to the socket as fast as the client reads it, a few hundred KiB at a
// time, and closes the connection at its end. The file is unlinked once open: nothing is left behind
// whichever way the download ends.
void sendFile(QTcpSocket *socket, const QString &path)
{
    auto *file = new QFile(path, socket);
    if (!file->open(QIODevice::ReadOnly)) {
        socket->disconnectFromHost();
        return;
    }
    QFile::remove(path);
    auto pump = [socket, file] {
        if (!file->isOpen())
            return;
        while (socket->bytesToWrite() < (1 << 20)) {
            const QByteArray chunk = file->read(256 << 10);
            if (chunk.isEmpty()) {
                file->close();
                socket->disconnectFromHost();
                return;
            }
            socket->write(chunk);
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, file, pump);
    pump();
}

Response exportAnswer(QObject *context, Services &s, Request &r)
{
    for (auto it = r.query.cbegin(); it != r.query.cend(); ++it)
        if (it.key() != QLatin1String("format") && it.key() != QLatin1String("entities"))
            return Response::error(Error::badRequest(
                QStringLiteral("Unknown query parameter \"%1\". This route takes: format, entities").arg(it.key().left(64))));
    auto format = TenantExport::formatFrom(r.q(QStringLiteral("format")));
    if (!format)
        return Response::error(format.error());
    auto tables = TenantExport::tablesFrom(r.q(QStringLiteral("entities")));
    if (!tables)
        return Response::error(tables.error());
    if (g_exports.fetch_add(1) >= kMaxExports) {
        g_exports.fetch_sub(1);
        return Response::error({ErrorCode::ServiceUnavailable,
                                QStringLiteral("%1 exports are running; try again when one has finished").arg(kMaxExports), nullptr});
    }
    TenantExport::Options o;
    o.format = *format;
    o.tables = *tables;
    o.progress = r.progress; // called in the worker thread
    o.cancel = r.cancel.get();
    const domain::Scope scope = r.scope();
    const QString path = tempPath(*format == TenantExport::Format::Json ? QStringLiteral(".json") : QStringLiteral(".zip"));
    const QString name = TenantExport::fileName(scope.tenantId, *format);
    const QByteArray type = *format == TenantExport::Format::Json ? "application/json" : "application/zip";
    // The cancel flag lives as long as the request's copy (o points into it).
    return Response::deferred([context, &s, scope, path, name, type, o, cancel = r.cancel](Response::Done done) {
        auto *watcher = new QFutureWatcher<Result<Json>>(context);
        QObject::connect(watcher, &QFutureWatcher<Result<Json>>::finished, context, [watcher, path, name, type, done] {
            watcher->deleteLater();
            g_exports.fetch_sub(1);
            const Result<Json> meta = watcher->result();
            if (!meta) {
                QFile::remove(path);
                return done(Response::error(meta.error()));
            }
            Response resp;
            resp.contentType = type;
            resp.header("Content-Length", QByteArray::number(QFile(path).size()));
            resp.header("Content-Disposition", "attachment; filename=\"" + name.toUtf8() + "\"");
            resp.header("X-Content-Type-Options", "nosniff");
            resp.header("Cache-Control", "no-store");
            resp.stream = [path](QTcpSocket *socket) { sendFile(socket, path); };
            resp.file = path;
            done(std::move(resp));
        });
        // The snapshot's connection is opened, used and closed in the worker thread.
        watcher->setFuture(
            QtConcurrent::run([&s, scope, path, o, cancel] { return TenantExport::write(s.exports, scope, path, o); }));
    });
}

} // namespace

// Export (CONTRACTS.md §7, docs/data.md): the caller's tenant as one JSON document or a ZIP of CSV
// files, written from one snapshot on a worker thread to a temporary file, then sent as a download.
// Restore: an export sent as the body goes into the caller's tenant when it holds no shop data yet;
// ?dry_run=true only checks the file. Both need an admin key.
void installExportRoutes(ApiServer &api)
{
    Services &s = api.services();
    Handler exportHandler = [&api, &s](Request &r) { return exportAnswer(&api, s, r); };
    RouteDoc exportDoc{QStringLiteral("Export the tenant's data as JSON or as a ZIP of CSV files"),
                       QStringLiteral("Data"),
                       {"format", "entities"},
                       false,
                       nullptr,
                       200};
    api.router().add(Method::Get, QStringLiteral("/api/v1/export"), Access::Admin, exportHandler, exportDoc);
    api.router().add(Method::Get, QStringLiteral("/functions/v1/api-export"), Access::Admin, exportHandler, exportDoc);

    Handler restore = [&s](Request &r) {
        for (auto it = r.query.cbegin(); it != r.query.cend(); ++it)
            if (it.key() != QLatin1String("dry_run"))
                return Response::error(
                    Error::badRequest(QStringLiteral("Unknown query parameter \"%1\". This route takes: dry_run").arg(it.key().left(64))));
        const QString dry = r.q(QStringLiteral("dry_run")).toLower();
        if (!dry.isEmpty() && dry != QLatin1String("true") && dry != QLatin1String("false"))
            return Response::error(Error::badRequest(QStringLiteral("dry_run must be true or false")));
        if (r.body.isEmpty())
            return Response::error(Error::badRequest(QStringLiteral("Send the export file (JSON or ZIP) as the body")));
        const QString path = tempPath(QStringLiteral(".restore"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(r.body) != r.body.size())
            return Response::error(Error::internal(QStringLiteral("cannot store the upload: %1").arg(f.errorString())));
        f.close();
        Result<Json> out = dry == QLatin1String("true") ? TenantRestore::check(path, s.exports.schemaVersion()) : [&] {
            TenantRestore::Options o;
            o.intoTenant = r.scope().tenantId;
            o.progress = r.progress;
            o.cancel = r.cancel.get();
            return TenantRestore::restore(s.restores, s.exports.schemaVersion(), path, o);
        }();
        QFile::remove(path);
        if (!out)
            return Response::error(out.error());
        return Response::ok(dry == QLatin1String("true") ? Json{{"checked", true}, {"metadata", *out}} : Json{{"restore", *out}});
    };
    RouteDoc restoreDoc{QStringLiteral("Restore an export into this tenant (which must hold no shop data yet)"),
                        QStringLiteral("Data"),
                        {"dry_run"},
                        false,
                        Json{{"type", "string"}, {"format", "binary"}, {"description", "The export file: its JSON document or its ZIP"}},
                        200};
    restoreDoc.bodyType = QStringLiteral("application/zip");
    api.router().add(Method::Post, QStringLiteral("/api/v1/restore"), Access::Admin, restore, restoreDoc);
}

} // namespace ery::http
