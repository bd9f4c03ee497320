#include "inprocessclient.h"

#include "engine.h"
#include "http/apiserver.h"
#include "http/request.h"
#include "domain/filecontent.h"
#include "files/stagingfile.h"

#include "client/transfer.h"

#include <QFile>
#include <QSaveFile>
#include <QThreadPool>
#include <QPromise>
#include <QUrl>
#include <QUrlQuery>

using namespace ery::client;

namespace ery {

namespace {

// "id=eq.<value>" → the value; other filters are not followed in-process (the screens need none).
QString entityOf(const QString &filter)
{
    static const QLatin1String prefix("id=eq.");
    return filter.startsWith(prefix) ? filter.mid(prefix.size()) : QString();
}

} // namespace

InProcessClient::InProcessClient(EngineHost &host, QObject *parent) : EngineClient(parent), m_host(host) { }

QString InProcessClient::hubLabel() const
{
    return tr("this workstation");
}

namespace {

using Promise = std::shared_ptr<QPromise<ApiReply>>;

void settle(const Promise &promise, const ApiReply &reply)
{
    promise->addResult(reply);
    promise->finish();
}

ApiReply localError(int status, const char *code, const QString &message)
{
    const Json body{{"success", false}, {"error", {{"code", code}, {"message", message.toStdString()}}}};
    return ApiReply::from(status, "application/json", QByteArray::fromStdString(body.dump()));
}

// Copies a file to the file store's staging folder as an upload over a socket arrives there: hash,
// size and first bytes counted on the way, progress reported, Cancel honoured.
Result<std::shared_ptr<http::UploadedBody>> stageFile(const QString &from, const QString &stagingDir, const std::shared_ptr<Transfer> &t)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Error::badRequest(InProcessClient::tr("%1 cannot be read: %2").arg(from, in.errorString()));
    auto out = files::StagingFile::create(stagingDir, QStringLiteral("desktop"), domain::filecontent::kSniffBytes);
    if (!out)
        return out.error();
    const qint64 total = in.size();
    QByteArray chunk;
    while (!(chunk = in.read(1 << 20)).isEmpty()) {
        if (t && t->isCancelled())
            return Error{ErrorCode::BadRequest, InProcessClient::tr("Cancelled."), nullptr};
        ERY_TRY((*out)->write(chunk.constData(), chunk.size()));
        if (t)
            t->report((*out)->size(), total);
    }
    if (in.error() != QFileDevice::NoError)
        return Error::badRequest(InProcessClient::tr("%1 cannot be read: %2").arg(from, in.errorString()));
    auto staged = (*out)->finish();
    if (!staged)
        return staged.error();
    auto body = std::make_shared<http::UploadedBody>(std::move(*staged));
    return body;
}

// A download's bytes to the file the screen asked for, replaced only once all are written: from the
// answer's body, or read from its source (a stored file) a chunk at a time.
ApiReply saveAnswer(const http::Response &resp, const QString &to, const std::shared_ptr<Transfer> &t)
{
    QSaveFile out(to);
    if (!out.open(QIODevice::WriteOnly))
        return localError(500, "WRITE_FAILED", InProcessClient::tr("%1 cannot be written: %2").arg(to, out.errorString()));
    QIODevice *in = resp.source ? resp.source->device.get() : nullptr;
    const qint64 total = resp.source ? resp.source->length : resp.body.size();
    if (in && !in->seek(resp.source->from))
        return localError(500, "READ_FAILED", InProcessClient::tr("The stored file cannot be read."));
    QByteArray chunk;
    for (qint64 at = 0; at < total;) {
        if (t && t->isCancelled()) {
            out.cancelWriting();
            return localError(499, "CANCELLED", InProcessClient::tr("Cancelled."));
        }
        const qint64 n = qMin<qint64>(1 << 20, total - at);
        if (in) {
            chunk = in->read(n);
            if (chunk.size() != n)
                return localError(500, "READ_FAILED", InProcessClient::tr("The stored file cannot be read."));
        }
        if (out.write(in ? chunk.constData() : resp.body.constData() + at, n) != n)
            break;
        at += n;
        if (t)
            t->report(at, total);
    }
    if (!out.commit())
        return localError(500, "WRITE_FAILED", InProcessClient::tr("%1 cannot be written: %2").arg(to, out.errorString()));
    return ApiReply::from(resp.status, resp.contentType, {});
}

void dispatch(Engine &e, ApiRequest request, std::shared_ptr<http::UploadedBody> staged, const Promise &promise)
{
    if (!e.isOpen()) {
        settle(promise, ApiReply::unreachable(InProcessClient::tr("The engine is closed")));
        return;
    }
    http::Request r;
    r.method = http::methodFrom(request.method.toUpper());
    const QUrl url(request.path);
    r.path = url.path();
    for (const auto &[k, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        r.query.insert(k, v);
    if (!request.authorization.isEmpty())
        r.headers.append(qMakePair(QByteArray("authorization"), request.authorization));
    if (!request.body.isEmpty() || staged)
        r.headers.append(qMakePair(QByteArray("content-type"), request.contentType));
    if (!request.idempotencyKey.isEmpty())
        r.headers.append(qMakePair(QByteArray("idempotency-key"), request.idempotencyKey));
    r.body = request.body;
    r.upload = std::move(staged);
    // This machine, as a local HTTP client would be.
    r.peer = QHostAddress(QHostAddress::LocalHost);
    const std::shared_ptr<Transfer> t = request.transfer;
    if (t && request.bodyFile.isEmpty() && request.saveTo.isEmpty()) {
        // The work reports straight into the screen's Transfer and polls its Cancel (the
        // flag shares the Transfer's lifetime).
        r.progress = [t](qint64 done, qint64 total) { t->report(done, total); };
        r.cancel = std::shared_ptr<std::atomic_bool>(t, t->cancelFlag());
    }
    e.door().dispatch(std::move(r), [promise, saveTo = request.saveTo, t](http::Response resp) {
        // Parsed here, on the engine thread, so the GUI thread only reads.
        if (!resp.file.isEmpty()) { // a download: no socket to stream it to, so read it whole
            QFile file(resp.file);
            if (file.open(QIODevice::ReadOnly))
                resp.body = file.readAll();
            file.remove();
        }
        if (resp.source && saveTo.isEmpty()) { // a stored file asked for in memory
            if (resp.source->device->seek(resp.source->from))
                resp.body = resp.source->device->read(resp.source->length);
            resp.source.reset();
        }
        if (!saveTo.isEmpty() && resp.status >= 200 && resp.status < 300) {
            // Written off the engine thread: a large drawing must not hold up the hub.
            QThreadPool::globalInstance()->start([promise, saveTo, t, resp = std::move(resp)] { settle(promise, saveAnswer(resp, saveTo, t)); });
            return;
        }
        settle(promise, ApiReply::from(resp.status, resp.contentType, resp.body));
    });
}

} // namespace

QFuture<ApiReply> InProcessClient::send(ApiRequest request)
{
    auto promise = std::make_shared<QPromise<ApiReply>>();
    QFuture<ApiReply> future = promise->future();
    promise->start();
    if (!m_host.engine()) {
        settle(promise, ApiReply::unreachable(tr("The engine is not running")));
        return future;
    }
    if (request.bodyFile.isEmpty()) {
        m_host.post([promise, request = std::move(request)](Engine &e) mutable { dispatch(e, std::move(request), {}, promise); });
        return future;
    }
    // A file sent as the body goes to the store's staging folder as a socket's upload would, off the
    // engine thread, and then to the route like one: never whole in memory.
    EngineHost *host = &m_host;
    m_host.post([promise, host, request = std::move(request)](Engine &e) mutable {
        if (!e.isOpen() || !e.services().files.configured()) {
            settle(promise, ApiReply::unreachable(tr("The engine is closed")));
            return;
        }
        const QString staging = e.services().files.stagingDir();
        QThreadPool::globalInstance()->start([promise, host, staging, request = std::move(request)]() mutable {
            auto staged = stageFile(request.bodyFile, staging, request.transfer);
            if (!staged) {
                const bool cancelled = request.transfer && request.transfer->isCancelled();
                settle(promise, cancelled ? localError(499, "CANCELLED", tr("Cancelled."))
                                          : localError(staged.error().httpStatus(), "BAD_REQUEST", staged.error().message));
                return;
            }
            host->post([promise, request = std::move(request), body = *staged](Engine &e) mutable {
                dispatch(e, std::move(request), std::move(body), promise);
            });
        });
    });
    return future;
}

void InProcessClient::watch(const Binding &binding, QObject *context, std::function<bool(const QString &)> accepts,
                            std::function<void()> notify)
{
    if (!m_host.engine())
        return;
    const QString entity = entityOf(binding.filter);
    const QString event = binding.event.toUpper();
    // The hub emits in the engine thread; the context (a screen) receives it queued.
    QObject::connect(&m_host.engine()->hub(), &events::SubscriptionHub::rowChanged, context,
                     [table = binding.table, entity, event, accepts = std::move(accepts), notify = std::move(notify)](
                         const QString &t, const QString &tenantId, const QString &entityId, const QString &eventType) {
                         if (!table.isEmpty() && table != t)
                             return;
                         if (!entity.isEmpty() && entity != entityId)
                             return;
                         if (event != QLatin1String("*") && !event.isEmpty() && event != eventType)
                             return;
                         if (accepts(tenantId))
                             notify();
                     });
}

} // namespace ery
