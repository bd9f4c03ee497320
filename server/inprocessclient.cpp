#include "inprocessclient.h"

#include "engine.h"
#include "http/apiserver.h"
#include "http/request.h"

#include "client/transfer.h"

#include <QFile>
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

QFuture<ApiReply> InProcessClient::send(ApiRequest request)
{
    auto promise = std::make_shared<QPromise<ApiReply>>();
    QFuture<ApiReply> future = promise->future();
    promise->start();
    if (!m_host.engine()) {
        promise->addResult(ApiReply::unreachable(tr("The engine is not running")));
        promise->finish();
        return future;
    }
    m_host.post([promise, request = std::move(request)](Engine &e) {
        if (!e.isOpen()) {
            promise->addResult(ApiReply::unreachable(tr("The engine is closed")));
            promise->finish();
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
        if (!request.body.isEmpty())
            r.headers.append(qMakePair(QByteArray("content-type"), request.contentType));
        if (!request.idempotencyKey.isEmpty())
            r.headers.append(qMakePair(QByteArray("idempotency-key"), request.idempotencyKey));
        r.body = request.body;
        // This machine, as a local HTTP client would be.
        r.peer = QHostAddress(QHostAddress::LocalHost);
        if (const std::shared_ptr<Transfer> t = request.transfer) {
            // The work reports straight into the screen's Transfer and polls its Cancel (the
            // flag shares the Transfer's lifetime).
            r.progress = [t](qint64 done, qint64 total) { t->report(done, total); };
            r.cancel = std::shared_ptr<std::atomic_bool>(t, t->cancelFlag());
        }
        e.door().dispatch(std::move(r), [promise](http::Response resp) {
            // Parsed here, on the engine thread, so the GUI thread only reads.
            if (!resp.file.isEmpty()) { // a download: no socket to stream it to, so read it whole
                QFile file(resp.file);
                if (file.open(QIODevice::ReadOnly))
                    resp.body = file.readAll();
                file.remove();
            }
            promise->addResult(ApiReply::from(resp.status, resp.contentType, resp.body));
            promise->finish();
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
