#pragma once

#include "core/config.h"
#include "events/dispatcher.h"
#include "events/subscriptionhub.h"
#include "services/services.h"

#include <QDateTime>
#include <QFuture>
#include <QPromise>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace ery::integrations {
class MqttPool;
class MqttSink;
class WebhookDeliverer;
class WebhookSink;
} // namespace ery::integrations
namespace ery::realtime {
class RealtimeServer;
}
namespace ery::http {
class ApiServer;
}

namespace ery {

// The composition root: builds the database, the services, the dispatcher and its sinks from a
// Config. Lives in one thread (the engine thread in the apps); everything it owns is used there.
class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(Config cfg, QObject *parent = nullptr);
    ~Engine() override;

    Status open(bool startDispatcher = true);
    // Drains the dispatcher (every committed event reaches the sinks) and closes the database.
    void close();
    bool isOpen() const { return m_db != nullptr; }

    storage::Database &db() { return *m_db; }
    services::Services &services() { return *m_services; }
    events::Dispatcher &dispatcher() { return *m_dispatcher; }
    events::SubscriptionHub &hub() { return m_hub; }
    // Present when the engine was opened with its dispatcher running.
    integrations::WebhookDeliverer *webhookDeliverer() { return m_webhookDeliverer.get(); }
    integrations::MqttPool *mqttPool() { return m_mqttPool.get(); }
    const Config &config() const { return m_cfg; }
    // The REST API on this thread; open() starts it when cfg.http.enabled. Null when not serving.
    Status startHttp(const HttpConfig &cfg);
    http::ApiServer *api() const { return m_http.get(); }
    // The API for requests from inside this process (InProcessClient): the served one, or, when
    // this engine does not serve, one with the same routes that never listens.
    http::ApiServer &door();
    // The realtime feed on the API's port; null when not serving.
    realtime::RealtimeServer *realtime() const { return m_realtime.get(); }
    // {listening, url} or {listening: false, reason, error, bind, port}: reason is disabled (not
    // asked to serve), stopped, or why listening failed (port_in_use, permission_denied,
    // address_unavailable, bad_bind, tls, listen_failed).
    Json apiStatus() const;

    // What /health shows: liveness without a database read.
    Json health() const;
    // What the status bar and /metrics show.
    Json status();

    // Outgoing integrations (webhooks, MQTT). Paused when the database was last run at another path
    // or on another machine, or with --integrations off; the pause is stored, so every process on the
    // database honours it, and each notices a pause or resume by another within a second or so.
    // While paused the webhook and MQTT sinks are not fed (events stay in the outbox) and nothing is
    // sent; a resume delivers what waited.
    bool integrationsPaused() const { return m_integrationsPaused; }
    QString integrationsPauseReason() const { return m_pauseReason; }
    Result<Json> resumeIntegrations();
    Result<Json> pauseIntegrations(const QString &reason);

signals:
    void integrationsPausedChanged(bool paused, const QString &reason);

private:
    void startIntegrations();
    void stopIntegrations();
    void applyIntegrationState(bool paused, const QString &reason);
    void hubTick();

    Config m_cfg;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<services::Services> m_services;
    std::unique_ptr<events::Dispatcher> m_dispatcher;
    events::SubscriptionHub m_hub;
    std::unique_ptr<integrations::WebhookSink> m_webhookSink;
    std::unique_ptr<integrations::MqttSink> m_mqttSink;
    std::unique_ptr<integrations::WebhookDeliverer> m_webhookDeliverer;
    std::unique_ptr<integrations::MqttPool> m_mqttPool;
    std::unique_ptr<http::ApiServer> m_http;
    std::unique_ptr<http::ApiServer> m_door; // only while m_http is absent
    std::unique_ptr<realtime::RealtimeServer> m_realtime; // after m_http: its sockets go first
    std::optional<Error> m_httpError;                     // why an optional API is not serving
    QDateTime m_startedAt;
    int m_schemaVersion = 0; // read once after the migration (health reads no table)
    bool m_running = false; // opened with its dispatcher: a hub, not a one-shot command
    bool m_integrationsPaused = false;
    QString m_pauseReason;
    QString m_hubId; // our row in `hubs` while the API is served
    QTimer m_hubTimer;
    qint64 m_lastBeatMs = 0;
};

// Runs an Engine in its own thread; the GUI thread never waits on a socket or a write.
class EngineHost : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(Config cfg, QObject *parent = nullptr);
    ~EngineHost() override;

    // Opens the engine in its thread and waits for the outcome (a few ms; migrations on first run).
    Status start();
    void stop();
    Engine *engine() const { return m_engine; }

    // Runs f on the engine thread.
    void post(std::function<void(Engine &)> f);
    // Runs f on the engine thread and answers its result (the CLI and tests; screens use the API).
    template <class R> QFuture<R> call(std::function<R(Engine &)> f)
    {
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post([promise, f = std::move(f)](Engine &e) {
            promise->addResult(f(e));
            promise->finish();
        });
        return future;
    }

private:
    Config m_cfg;
    QThread m_thread;
    Engine *m_engine = nullptr;
};

} // namespace ery
