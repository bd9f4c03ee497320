#include "engineclient.h"

using namespace ery::events;
using namespace ery::http;

namespace ery {

EngineClient::EngineClient(EngineHost &host, QObject *parent) : QObject(parent), m_host(host) { }

QFuture<Json> EngineClient::status()
{
    auto promise = std::make_shared<QPromise<Json>>();
    QFuture<Json> future = promise->future();
    promise->start();
    m_host.post([promise](Engine &e) {
        promise->addResult(e.status());
        promise->finish();
    });
    return future;
}

QFuture<Result<Json>> EngineClient::resumeIntegrations()
{
    auto promise = std::make_shared<QPromise<Result<Json>>>();
    QFuture<Result<Json>> future = promise->future();
    promise->start();
    m_host.post([promise](Engine &e) {
        promise->addResult(e.resumeIntegrations());
        promise->finish();
    });
    return future;
}

void EngineClient::subscribe(const Filter &filter, QObject *context, std::function<void()> onChange, int debounceMs)
{
    if (!m_host.engine())
        return;
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    timer->setInterval(debounceMs);
    QObject::connect(timer, &QTimer::timeout, context, [onChange = std::move(onChange)] { onChange(); });
    // The hub emits in the engine thread; a context in another thread receives it queued.
    QObject::connect(&m_host.engine()->hub(), &SubscriptionHub::rowChanged, context,
                     [filter, timer](const QString &table, const QString &tenantId, const QString &entityId, const QString &) {
                         if (!filter.table.isEmpty() && filter.table != table)
                             return;
                         if (!filter.tenantId.isEmpty() && filter.tenantId != tenantId)
                             return;
                         if (!filter.entityId.isEmpty() && filter.entityId != entityId)
                             return;
                         if (!timer->isActive())
                             timer->start();
                     });
}

} // namespace ery
