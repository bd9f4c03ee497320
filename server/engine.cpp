#include "engine.h"

#include "realtime/realtimeserver.h"

#include "integrations/mqtt/mqttconnection.h"
#include "integrations/mqtt/mqttpool.h"
#include "integrations/mqtt/mqttsink.h"
#include "integrations/webhooks/webhookdeliverer.h"
#include "integrations/webhooks/webhooksink.h"
#include "files/diskblobstore.h"
#include "http/apiserver.h"
#include "http/mcptransport.h"
#include "mcp/mcpserver.h"
#include "storage/migrations.h"
#include "storage/outboxstore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QSemaphore>

using namespace ery::storage;
using namespace ery::events;
using namespace ery::services;
using namespace ery::integrations;

namespace ery {

namespace {

http::ApiServer::EngineHooks hooksOf(Engine &e)
{
    return {[&e] { return e.health(); }, [&e] { return e.status(); }, [&e] { return e.resumeIntegrations(); }};
}

} // namespace

Q_LOGGING_CATEGORY(lcEngine, "eryxon.engine")

Engine::Engine(Config cfg, QObject *parent) : QObject(parent), m_cfg(std::move(cfg)), m_hub(this), m_hubTimer(this) { }

Engine::~Engine()
{
    close();
}

Status Engine::open(bool startDispatcher)
{
    auto db = Database::open(m_cfg.resolvedDbUrl());
    if (!db)
        return db.error();
    m_db = std::move(*db);
    if (auto m = m_db->migrate(); !m) {
        m_db.reset();
        return m.error();
    }
    m_schemaVersion = m_db->schemaVersion();
    m_services = std::make_unique<Services>(*m_db);
    {
        QString dir = m_cfg.filesDir;
        const auto &loc = m_db->location();
        if (dir.isEmpty() && !loc.postgres && !loc.path.isEmpty() && !loc.path.startsWith(QLatin1Char(':')))
            dir = QFileInfo(loc.path).absoluteDir().filePath(QStringLiteral("files"));
        if (dir.isEmpty())
            dir = QFileInfo(Config::defaultDbPath()).absoluteDir().filePath(QStringLiteral("files"));
        auto store = std::make_unique<files::DiskBlobStore>(dir);
        const QString staging = store->stagingDir();
        m_services->files.configure(std::move(store), staging);
    }
    m_services->mqttPublishers.setProbe([](const Json &publisher) { return MqttConnection::testConnection(publisher, 3000); });
    m_dispatcher = std::make_unique<Dispatcher>(*m_db);
    m_dispatcher->addSink(&m_hub);
    m_db->setCommitHook([d = m_dispatcher.get()] { d->wake(); });
    if (startDispatcher && !m_cfg.deliver) {
        m_dispatcher->start(m_cfg.pollMs);
    } else if (startDispatcher) {
        m_running = true;
        // A copy opened elsewhere, or --integrations off, keeps webhooks and MQTT quiet until an
        // admin resumes them.
        auto claimed = m_services->hubs.claim(m_cfg.integrationsOff);
        if (!claimed) {
            close();
            return claimed.error();
        }
        m_integrationsPaused = claimed->paused;
        m_pauseReason = claimed->reason;
        if (m_integrationsPaused)
            qCWarning(lcEngine).noquote() << "outgoing webhooks and MQTT are paused:" << m_pauseReason
                                          << "- resume with `eryxon-server integrations resume` or in the desktop";
        else
            startIntegrations();
        m_dispatcher->start(m_cfg.pollMs);
        m_hubTimer.setInterval(1000);
        connect(&m_hubTimer, &QTimer::timeout, this, &Engine::hubTick, Qt::UniqueConnection);
        m_hubTimer.start();
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_httpError.reset();
    if (m_cfg.http.enabled) {
        if (auto h = startHttp(m_cfg.http); !h) {
            // The desktop works without its API (another hub may hold the port); the status says why.
            if (!m_cfg.http.optional) {
                close();
                return h.error();
            }
        }
    }
    if (m_running && m_http) {
        const Json api = apiStatus();
        auto hub = m_services->hubs.registerHub(m_cfg.hubKind, str(api, "url"));
        if (hub) {
            m_hubId = *hub;
            m_lastBeatMs = Clock::nowMs();
        } else {
            qCWarning(lcEngine).noquote() << "could not register as a hub:" << hub.error().message;
        }
    }
    return {};
}

void Engine::startIntegrations()
{
    if (m_webhookSink)
        return;
    // Event delivery: durable sinks turn events into stored deliveries and messages, the workers
    // send them.
    m_webhookSink = std::make_unique<WebhookSink>(*m_services);
    m_mqttSink = std::make_unique<MqttSink>(*m_services);
    m_webhookDeliverer = std::make_unique<WebhookDeliverer>(*m_services);
    m_mqttPool = std::make_unique<MqttPool>(*m_services);
    m_webhookDeliverer->listenTo(m_webhookSink.get());
    connect(m_mqttSink.get(), &MqttSink::messagesQueued, m_mqttPool.get(), &MqttPool::wake);
    m_dispatcher->addSink(m_webhookSink.get());
    m_dispatcher->addSink(m_mqttSink.get());
    m_webhookDeliverer->start();
    m_mqttPool->start();
    m_dispatcher->wake();
}

void Engine::stopIntegrations()
{
    if (!m_webhookSink)
        return;
    // What was not sent yet stays stored (deliveries, messages, the outbox after the sinks'
    // cursors) and goes out after a resume.
    m_webhookDeliverer->stop();
    m_mqttPool->stop();
    m_dispatcher->removeSink(m_webhookSink.get());
    m_dispatcher->removeSink(m_mqttSink.get());
    m_webhookDeliverer.reset();
    m_mqttPool.reset();
    m_webhookSink.reset();
    m_mqttSink.reset();
}

void Engine::applyIntegrationState(bool paused, const QString &reason)
{
    if (paused == m_integrationsPaused && reason == m_pauseReason)
        return;
    const bool changed = paused != m_integrationsPaused;
    m_integrationsPaused = paused;
    m_pauseReason = reason;
    if (!changed)
        return;
    if (paused) {
        stopIntegrations();
        qCWarning(lcEngine).noquote() << "outgoing webhooks and MQTT paused:" << reason;
    } else {
        startIntegrations();
        qCInfo(lcEngine).noquote() << "outgoing webhooks and MQTT resumed";
    }
    emit integrationsPausedChanged(paused, reason);
}

Result<Json> Engine::resumeIntegrations()
{
    auto r = m_services->hubs.resume();
    if (!r)
        return r.error();
    if (m_running)
        applyIntegrationState(false, {});
    return r->toJson();
}

Result<Json> Engine::pauseIntegrations(const QString &reason)
{
    auto r = m_services->hubs.pause(reason);
    if (!r)
        return r.error();
    if (m_running)
        applyIntegrationState(true, r->reason);
    return r->toJson();
}

void Engine::hubTick()
{
    if (!m_db)
        return;
    // Blobs whose last file went while an export or restore ran.
    m_services->files.collect();
    // Another process (the CLI, a desktop) may have paused or resumed the integrations.
    if (auto state = m_services->hubs.integrations())
        applyIntegrationState(state->paused, state->reason);
    const qint64 now = Clock::nowMs();
    if (!m_hubId.isEmpty() && now - m_lastBeatMs >= HubService::kBeatMs && !m_db->writeHeld()) {
        if (auto b = m_services->hubs.beat(m_hubId); b)
            m_lastBeatMs = now;
    }
}

Status Engine::startHttp(const HttpConfig &cfg)
{
    m_realtime.reset();
    m_http.reset();
    auto server = std::make_unique<http::ApiServer>(*m_services, cfg, hooksOf(*this));
    auto feed = std::make_unique<realtime::RealtimeServer>(*m_services, m_hub, cfg.realtime);
    realtime::RealtimeServer *f = feed.get();
    server->setUpgrade({QString::fromLatin1(realtime::RealtimeServer::kPath), [f](const QString &apikey) { return f->admit(apikey); },
                        [f](QWebSocket *socket) { f->accept(socket); }, [f](QTcpSocket *socket) { f->watch(socket); }});
    if (auto listening = server->listen(); !listening) {
        m_httpError = listening.error();
        return listening.error();
    }
    m_httpError.reset();
    m_realtime = std::move(feed);
    m_http = std::move(server);
    m_door.reset();
    m_http->mcp().server().watch(m_hub);
    return {};
}

void Engine::close()
{
    if (!m_db)
        return;
    m_hubTimer.stop();
    m_realtime.reset(); // no request or message may reach services that are going away
    m_http.reset();
    m_door.reset();
    if (!m_hubId.isEmpty() && m_services)
        (void)m_services->hubs.unregisterHub(m_hubId);
    m_hubId.clear();
    if (m_dispatcher) {
        m_dispatcher->stop();
        m_dispatcher->drain();
    }
    // What was not sent yet stays stored and goes out after the next start.
    if (m_webhookDeliverer)
        m_webhookDeliverer->stop();
    if (m_mqttPool)
        m_mqttPool->stop();
    m_db->setCommitHook({});
    m_dispatcher.reset();
    m_webhookDeliverer.reset();
    m_mqttPool.reset();
    m_webhookSink.reset();
    m_mqttSink.reset();
    m_services.reset();
    m_db.reset();
    m_running = false;
}

Json Engine::health() const
{
    if (!m_db)
        return Json{{"status", "closed"}};
    return Json{{"status", "ok"},
                {"version", toStd(versionString())},
                {"database", {{"engine", m_db->isPostgres() ? "postgresql" : "sqlite"}, {"schema_version", m_schemaVersion}}},
                {"uptime_seconds", m_startedAt.secsTo(QDateTime::currentDateTimeUtc())}};
}

Json Engine::status()
{
    if (!m_db)
        return Json{{"status", "closed"}};
    auto max = OutboxStore::maxId(*m_db);
    auto backlog = m_dispatcher->backlog();
    // The hubs serving this database (this process among them when it serves), alive by heartbeat.
    Json hubs = Json::array();
    if (auto live = m_services->hubs.liveHubs())
        for (auto &h : *live)
            hubs.push_back(std::move(h));
    Json integrations =
        Json{{"paused", m_integrationsPaused}, {"reason", m_pauseReason.isEmpty() ? Json(nullptr) : Json(toStd(m_pauseReason))}};
    if (!m_running)
        if (auto stored = m_services->hubs.integrations())
            integrations = stored->toJson();
    return Json{{"status", "ok"},
                {"version", toStd(versionString())},
                {"database",
                 {{"engine", m_db->isPostgres() ? "postgresql" : "sqlite"},
                  {"location", toStd(m_db->location().display())},
                  {"schema_version", m_db->schemaVersion()}}},
                {"outbox", {{"last_id", max ? *max : -1}, {"backlog", backlog ? *backlog : -1}}},
                {"api", apiStatus()},
                {"realtime_connections", m_realtime ? m_realtime->clientCount() : 0},
                // Since this process started; none when it does not deliver (a one-shot command).
                {"webhooks",
                 {{"delivered", m_webhookDeliverer ? m_webhookDeliverer->delivered() : 0},
                  {"failed", m_webhookDeliverer ? m_webhookDeliverer->failed() : 0},
                  {"in_flight", m_webhookDeliverer ? m_webhookDeliverer->inFlight() : 0}}},
                {"mqtt",
                 {{"publishers", m_mqttPool ? m_mqttPool->publisherCount() : 0},
                  {"connected", m_mqttPool ? m_mqttPool->connectedCount() : 0}}},
                {"integrations", integrations},
                {"hubs", hubs},
                {"events_dispatched", m_dispatcher->dispatched()},
                {"dispatch_failures", m_dispatcher->failures()},
                {"uptime_seconds", m_startedAt.secsTo(QDateTime::currentDateTimeUtc())}};
}

http::ApiServer &Engine::door()
{
    if (m_http)
        return *m_http;
    if (!m_door) {
        HttpConfig cfg = m_cfg.http;
        cfg.enabled = false;
        m_door = std::make_unique<http::ApiServer>(*m_services, cfg, hooksOf(*this));
    }
    return *m_door;
}

Json Engine::apiStatus() const
{
    if (m_http)
        return Json{{"listening", true},
                    {"url", toStd(QStringLiteral("%1://%2:%3/api/v1")
                                      .arg(m_http->tls() ? QStringLiteral("https") : QStringLiteral("http"), m_http->config().bind)
                                      .arg(m_http->port()))}};
    if (!m_httpError)
        return Json{{"listening", false}, {"reason", "disabled"}, {"error", nullptr}};
    Json out = m_httpError->details.is_object() ? m_httpError->details : Json::object();
    if (!out.contains("reason"))
        out["reason"] = "listen_failed";
    out["listening"] = false;
    out["error"] = toStd(m_httpError->message);
    return out;
}

EngineHost::EngineHost(Config cfg, QObject *parent) : QObject(parent), m_cfg(std::move(cfg))
{
    m_thread.setObjectName(QStringLiteral("eryxon-engine"));
}

EngineHost::~EngineHost()
{
    stop();
}

Status EngineHost::start()
{
    m_thread.start();
    Status result;
    QSemaphore done;
    m_engine = new Engine(m_cfg);
    m_engine->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_engine, [&] {
        result = m_engine->open();
        done.release();
    });
    done.acquire();
    if (!result) {
        stop();
        return result;
    }
    return {};
}

void EngineHost::stop()
{
    if (!m_engine)
        return;
    QSemaphore done;
    Engine *e = m_engine;
    m_engine = nullptr;
    QMetaObject::invokeMethod(e, [&, e] {
        e->close();
        delete e;
        done.release();
    });
    done.acquire();
    m_thread.quit();
    m_thread.wait();
}

void EngineHost::post(std::function<void(Engine &)> f)
{
    if (!m_engine)
        return;
    Engine *e = m_engine;
    QMetaObject::invokeMethod(e, [e, f = std::move(f)] { f(*e); });
}

} // namespace ery
