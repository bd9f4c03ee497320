#pragma once

#include "engine.h"

#include <QFuture>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace ery {

// The UI's only door to the engine: asynchronous calls answered through futures, and debounced
// subscriptions (table / tenant / entity — the counterparts of the original's useTableSubscription,
// useTenantSubscription and useEntitySubscription). Callbacks run in the caller's thread.
class EngineClient : public QObject {
    Q_OBJECT
public:
    explicit EngineClient(EngineHost &host, QObject *parent = nullptr);

    template <class R> QFuture<R> call(std::function<R(services::Services &)> f)
    {
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        m_host.post([promise, f = std::move(f)](Engine &e) {
            promise->addResult(f(e.services()));
            promise->finish();
        });
        return future;
    }

    QFuture<Json> status();
    // Resumes outgoing webhooks and MQTT paused on this database (a copy opened here, or
    // --integrations off): {paused: false, …} or why not.
    QFuture<Result<Json>> resumeIntegrations();

    struct Filter {
        QString table;    // empty = any table
        QString tenantId; // empty = any tenant
        QString entityId; // empty = any row
    };
    // Calls `onChange` (in `context`'s thread, at most once per `debounceMs`) after matching rows
    // changed — by this process or any other writing to the same database.
    void subscribe(const Filter &filter, QObject *context, std::function<void()> onChange, int debounceMs = 150);
    void subscribeTable(const QString &table, const QString &tenantId, QObject *context, std::function<void()> onChange,
                        int debounceMs = 150)
    {
        subscribe(Filter{table, tenantId, {}}, context, std::move(onChange), debounceMs);
    }

private:
    EngineHost &m_host;
};

} // namespace ery
