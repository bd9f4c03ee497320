#include "mqttconnection.h"

#include "core/ids.h"
#include "domain/brokeraddress.h"
#include "hubpresence.h"
#include "mqttsink.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QScopeGuard>
#include <QThread>

#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <unistd.h>

using namespace ery::domain;
using namespace ery::services;

Q_LOGGING_CATEGORY(lcMqtt, "eryxon.mqtt")

namespace ery::integrations {

namespace {

struct LibInit {
    LibInit() { mosquitto_lib_init(); }
    ~LibInit() { mosquitto_lib_cleanup(); }
};

void ensureLib()
{
    static LibInit init;
}

// What the network thread hands over: the connection and the client generation it belongs to.
struct Context {
    QPointer<MqttConnection> conn;
    quint64 generation;
    std::shared_ptr<HubPresence> presence; // read and fed on the network thread too
};

// The broker as the publisher names it: broker_url (a host, host:port, mqtt:// or mqtts:// URL)
// with `port` and `use_tls` for what the URL leaves out.
struct Target {
    QByteArray host;
    int port = 1883;
    bool tls = false;
};

Result<Target> targetOf(const Json &pub)
{
    const domain::BrokerAddress a = domain::BrokerAddress::parse(str(pub, "broker_url"));
    if (!a.ok())
        return Error::badRequest(a.error);
    return Target{a.host.toUtf8(), a.portOr(int(num(pub, "port", a.tls ? 8883 : 1883))), a.tls || flag(pub, "use_tls")};
}

bool isV5(const Json &pub)
{
    return str(pub, "protocol_version") == QLatin1String("5");
}

QString refusal(const Json &pub, int rc)
{
    // MQTT 5 answers with reason codes, 3.1.1 with CONNACK return codes.
    return QString::fromUtf8(isV5(pub) ? mosquitto_reason_string(rc) : mosquitto_connack_string(rc));
}

Status configure(struct mosquitto *m, const Json &pub, bool tls, bool withWill)
{
    if (isV5(pub))
        mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    const QByteArray user = str(pub, "username").toUtf8(), pass = str(pub, "password").toUtf8();
    if (!user.isEmpty() && mosquitto_username_pw_set(m, user.constData(), pass.isEmpty() ? nullptr : pass.constData()) != MOSQ_ERR_SUCCESS)
        return Error::badRequest(QStringLiteral("invalid MQTT credentials"));
    if (tls) {
        const QByteArray ca = str(pub, "ca_file").toUtf8();
        const QByteArray cert = str(pub, "client_cert_file").toUtf8(), key = str(pub, "client_key_file").toUtf8();
        const int rc = mosquitto_tls_set(m, ca.isEmpty() ? nullptr : ca.constData(), ca.isEmpty() ? "/etc/ssl/certs" : nullptr,
                                         cert.isEmpty() ? nullptr : cert.constData(), key.isEmpty() ? nullptr : key.constData(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return Error::badRequest(QStringLiteral("TLS setup failed: %1").arg(QString::fromUtf8(mosquitto_strerror(rc))));
    }
    if (withWill) {
        const QByteArray topic = MqttSink::statusTopic(pub).toUtf8();
        mosquitto_will_set(m, topic.constData(), 7, "offline", 1, true);
    }
    return {};
}

QByteArray clientId(const Json &pub, const QString &hubId)
{
    const QString configured = str(pub, "client_id");
    if (!configured.isEmpty())
        return configured.toUtf8();
    // One id per publisher and connection: the broker drops the older of two connections with the
    // same id, and two hubs of one process (or a rebuilt connection) must not. A UUIDv7 starts with
    // its timestamp, so its random tail tells publishers apart.
    return QStringLiteral("eryxon-%1-%2-%3").arg(str(pub, "id").right(12)).arg(::getpid()).arg(hubId.right(6)).toUtf8();
}

} // namespace

constexpr int kSilentAfterWillMs = 3000;

// libmosquitto's callbacks run on its network thread; they only post to the connection's thread.
struct MqttCallbacks {
    static void onConnect(struct mosquitto *, void *obj, int rc)
    {
        auto *c = static_cast<Context *>(obj);
        QMetaObject::invokeMethod(
            c->conn.data(),
            [conn = c->conn, g = c->generation, rc] {
                if (conn && conn->m_generation == g)
                    conn->onConnect(rc);
            },
            Qt::QueuedConnection);
    }
    static void onDisconnect(struct mosquitto *, void *obj, int rc)
    {
        auto *c = static_cast<Context *>(obj);
        QMetaObject::invokeMethod(
            c->conn.data(),
            [conn = c->conn, g = c->generation, rc] {
                if (conn && conn->m_generation == g)
                    conn->onDisconnect(rc);
            },
            Qt::QueuedConnection);
    }
    // On the network thread: the status topic and the other hubs' announcements (HubPresence).
    static void onMessage(struct mosquitto *m, void *obj, const struct mosquitto_message *msg)
    {
        auto *c = static_cast<Context *>(obj);
        if (!c->presence || !msg || !msg->topic)
            return;
        const QByteArray payload(static_cast<const char *>(msg->payload), msg->payloadlen);
        const QString topic = QString::fromUtf8(msg->topic);
        switch (c->presence->onMessage(topic, payload, Clock::nowMs())) {
        case HubPresence::Reaction::None: break;
        case HubPresence::Reaction::Reannounce: {
            const QByteArray status = c->presence->statusTopic().toUtf8(), mine = c->presence->presenceTopic().toUtf8();
            const QByteArray hello = c->presence->announcement(Clock::nowMs());
            mosquitto_publish(m, nullptr, status.constData(), 6, "online", 1, true);
            mosquitto_publish(m, nullptr, mine.constData(), int(hello.size()), hello.constData(), 1, true);
            // The hubs still alive renew theirs at once; whoever is silent a while later is gone.
            QMetaObject::invokeMethod(
                c->conn.data(),
                [conn = c->conn, g = c->generation] {
                    QTimer::singleShot(kSilentAfterWillMs, conn.data(), [conn, g] {
                        if (conn && conn->m_generation == g)
                            conn->forgetSilentHubs();
                    });
                },
                Qt::QueuedConnection);
            break;
        }
        case HubPresence::Reaction::ClearStale: mosquitto_publish(m, nullptr, msg->topic, 0, nullptr, 1, true); break;
        }
    }
    static void onPublish(struct mosquitto *, void *obj, int mid)
    {
        auto *c = static_cast<Context *>(obj);
        QMetaObject::invokeMethod(
            c->conn.data(),
            [conn = c->conn, g = c->generation, mid] {
                if (conn && conn->m_generation == g)
                    conn->onPublish(mid);
            },
            Qt::QueuedConnection);
    }
};

MqttConnection::MqttConnection(Services &services, Json publisher, QObject *parent)
    : QObject(parent), m_s(services), m_pub(std::move(publisher)), m_hubId(newId().right(12))
{
    ensureLib();
    m_heartbeat.setInterval(HubPresence::kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_connected && m_mosq && m_presence) {
            const QByteArray mine = m_presence->presenceTopic().toUtf8(), hello = m_presence->announcement(Clock::nowMs());
            mosquitto_publish(m_mosq, nullptr, mine.constData(), int(hello.size()), hello.constData(), 1, true);
        }
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &MqttConnection::connectNow);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        if (m_connected)
            return;
        scheduleReconnect(QStringLiteral("no answer from %1 within %2 s").arg(m_target).arg(kConnectTimeoutMs / 1000));
        teardown(false);
    });
}

MqttConnection::~MqttConnection()
{
    teardown(true);
}

void MqttConnection::start()
{
    connectNow();
}

void MqttConnection::teardown(bool graceful)
{
    flushAcks(); // what the broker acknowledged is not sent again
    if (!m_mosq)
        return;
    ++m_generation;
    m_heartbeat.stop();
    if (graceful && m_connected) {
        // A clean disconnect sends no will: this hub clears its announcement, and says "offline"
        // itself only when no other hub of the shop is connected (waiting a moment for hubs that
        // stop at the same time to clear theirs).
        m_presence->setClosing(true);
        const QByteArray mine = m_presence->presenceTopic().toUtf8();
        mosquitto_publish(m_mosq, nullptr, mine.constData(), 0, nullptr, 1, true);
        QElapsedTimer t;
        t.start();
        while (m_presence->othersAlive(Clock::nowMs()) && t.elapsed() < 400)
            QThread::msleep(10);
        const int others = m_presence->othersAliveCount(Clock::nowMs());
        if (others == 0) {
            const QByteArray topic = m_presence->statusTopic().toUtf8();
            mosquitto_publish(m_mosq, nullptr, topic.constData(), 7, "offline", 1, true);
        }
        qCInfo(lcMqtt).noquote() << QStringLiteral("%1: disconnecting from the broker (%2)")
                                        .arg(str(m_pub, "name"),
                                             others ? QStringLiteral("%1 other hub(s) still connected: the status stays online").arg(others)
                                                    : QStringLiteral("the last hub: status offline"));
        t.restart();
        while (mosquitto_want_write(m_mosq) && t.elapsed() < 500)
            QThread::msleep(5);
        mosquitto_disconnect(m_mosq);
    }
    mosquitto_loop_stop(m_mosq, true);
    auto *ctx = static_cast<Context *>(mosquitto_userdata(m_mosq));
    mosquitto_destroy(m_mosq);
    delete ctx;
    m_mosq = nullptr;
    if (m_connected) {
        m_connected = false;
        emit connectedChanged(false);
    }
    m_inflight.clear();
    m_lastQueuedId = 0; // everything still stored goes out again after the next connect
}

void MqttConnection::scheduleReconnect(const QString &why)
{
    qCWarning(lcMqtt).noquote() << QStringLiteral("%1: %2; trying again in %3 s").arg(str(m_pub, "name"), why).arg(m_backoffMs / 1000.0);
    if (auto r = m_s.mqttPublishers.markError(Scope::of(str(m_pub, "tenant_id")), str(m_pub, "id"), why); !r)
        qCWarning(lcMqtt) << "recording the error failed:" << r.error().message;
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void MqttConnection::connectNow()
{
    teardown(false);
    auto target = targetOf(m_pub);
    if (!target) {
        scheduleReconnect(target.error().message);
        return;
    }
    m_target = QStringLiteral("%1%2:%3")
                   .arg(target->tls ? QStringLiteral("mqtts://") : QStringLiteral("mqtt://"), QString::fromUtf8(target->host))
                   .arg(target->port);
    m_presence = std::make_shared<HubPresence>(MqttSink::statusTopic(m_pub), m_hubId);
    auto *ctx = new Context{this, m_generation, m_presence};
    m_mosq = mosquitto_new(clientId(m_pub, m_hubId).constData(), true, ctx);
    if (!m_mosq) {
        delete ctx;
        scheduleReconnect(QStringLiteral("cannot create an MQTT client"));
        return;
    }
    mosquitto_connect_callback_set(m_mosq, &MqttCallbacks::onConnect);
    mosquitto_disconnect_callback_set(m_mosq, &MqttCallbacks::onDisconnect);
    mosquitto_publish_callback_set(m_mosq, &MqttCallbacks::onPublish);
    mosquitto_message_callback_set(m_mosq, &MqttCallbacks::onMessage);
    mosquitto_int_option(m_mosq, MOSQ_OPT_SEND_MAXIMUM, kWindow);
    if (auto s = configure(m_mosq, m_pub, target->tls, true); !s) {
        scheduleReconnect(s.error().message);
        return;
    }
    const int rc = mosquitto_connect_async(m_mosq, target->host.constData(), target->port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
        scheduleReconnect(QStringLiteral("cannot connect to %1: %2").arg(m_target, QString::fromUtf8(mosquitto_strerror(rc))));
        return;
    }
    mosquitto_loop_start(m_mosq);
    m_connectTimeout.start(kConnectTimeoutMs);
}

void MqttConnection::onConnect(int rc)
{
    if (rc != 0) {
        scheduleReconnect(QStringLiteral("the broker refused the connection: %1").arg(refusal(m_pub, rc)));
        return;
    }
    m_connected = true;
    m_connectTimeout.stop();
    m_backoffMs = 1000;
    // Announced first, then "online", then listening: the retained status this hub then receives
    // is its own "online", and a later will of another hub makes it say so again.
    const QByteArray topic = m_presence->statusTopic().toUtf8(), mine = m_presence->presenceTopic().toUtf8();
    const QByteArray hello = m_presence->announcement(Clock::nowMs()), peers = m_presence->peersFilter().toUtf8();
    mosquitto_publish(m_mosq, nullptr, mine.constData(), int(hello.size()), hello.constData(), 1, true);
    mosquitto_publish(m_mosq, nullptr, topic.constData(), 6, "online", 1, true);
    mosquitto_subscribe(m_mosq, nullptr, topic.constData(), 1);
    mosquitto_subscribe(m_mosq, nullptr, peers.constData(), 1);
    m_heartbeat.start();
    qCInfo(lcMqtt).noquote()
        << QStringLiteral("%1: connected to %2 (status on %3)").arg(str(m_pub, "name"), m_target, m_presence->statusTopic());
    if (auto r = m_s.mqttPublishers.markConnected(Scope::of(str(m_pub, "tenant_id")), str(m_pub, "id")); !r)
        qCWarning(lcMqtt) << "recording the connection failed:" << r.error().message;
    emit connectedChanged(true);
    pump();
}

void MqttConnection::forgetSilentHubs()
{
    if (!m_connected || !m_mosq || !m_presence)
        return;
    for (const QString &topic : m_presence->takeSilentSinceWill()) {
        const QByteArray t = topic.toUtf8();
        mosquitto_publish(m_mosq, nullptr, t.constData(), 0, nullptr, 1, true);
        qCInfo(lcMqtt).noquote()
            << QStringLiteral("%1: a hub that stopped without saying so is forgotten (%2)").arg(str(m_pub, "name"), topic);
    }
}

void MqttConnection::onDisconnect(int rc)
{
    if (!m_connected && rc == 0)
        return;
    scheduleReconnect(QStringLiteral("connection lost: %1").arg(QString::fromUtf8(mosquitto_strerror(rc))));
    teardown(false);
}

void MqttConnection::pump()
{
    if (!m_connected || !m_mosq)
        return;
    while (m_inflight.size() < kWindow) {
        auto rows = m_s.deliveries.pendingMqtt(str(m_pub, "id"), m_lastQueuedId, kWindow - int(m_inflight.size()));
        if (!rows || rows->empty())
            return;
        for (const Json &msg : *rows) {
            const QByteArray topic = str(msg, "topic").toUtf8();
            const QByteArray payload = QByteArray::fromStdString(msg.value("payload_text", std::string()));
            int mid = 0;
            // MQTT 5 says what the payload is: UTF-8 JSON.
            mosquitto_property *props = nullptr;
            if (isV5(m_pub)) {
                mosquitto_property_add_byte(&props, MQTT_PROP_PAYLOAD_FORMAT_INDICATOR, 1);
                mosquitto_property_add_string(&props, MQTT_PROP_CONTENT_TYPE, "application/json");
            }
            const int rc = mosquitto_publish_v5(m_mosq, &mid, topic.constData(), int(payload.size()), payload.constData(),
                                                int(num(msg, "qos", 1)), flag(msg, "retain"), props);
            mosquitto_property_free_all(&props);
            if (rc != MOSQ_ERR_SUCCESS) {
                scheduleReconnect(QStringLiteral("publish failed: %1").arg(QString::fromUtf8(mosquitto_strerror(rc))));
                teardown(false);
                return;
            }
            m_inflight.insert(mid, msg);
            m_lastQueuedId = num(msg, "id");
        }
    }
}

void MqttConnection::onPublish(int mid)
{
    auto it = m_inflight.find(mid);
    if (it == m_inflight.end())
        return; // the "online" status message
    Json msg = std::move(*it);
    m_inflight.erase(it);
    const qint64 latency = Clock::nowMs() - isoMs(str(msg, "created_at"), Clock::nowMs());
    m_acked.emplace_back(std::move(msg), latency);
    if (!m_ackFlushScheduled) {
        m_ackFlushScheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { flushAcks(); }, Qt::QueuedConnection);
    }
    // The window is refilled in halves: one read of the table per kWindow / 2 messages, not one per
    // acknowledgement.
    if (m_inflight.size() <= kWindow / 2)
        pump();
}

void MqttConnection::flushAcks()
{
    m_ackFlushScheduled = false;
    if (m_acked.empty())
        return;
    if (m_s.deliveries.writeHeld()) {
        // Kept, and recorded once the long write (an import) is over.
        m_ackFlushScheduled = true;
        m_s.deliveries.whenWritable(this, [this] { flushAcks(); });
        return;
    }
    std::vector<std::pair<Json, qint64>> acks;
    acks.swap(m_acked);
    if (auto r = m_s.mqttPublishers.acknowledgeMany(acks); !r)
        qCWarning(lcMqtt) << "recording" << acks.size() << "acknowledgements failed:" << r.error().message;
}

Status MqttConnection::testConnection(const Json &pub, int timeoutMs)
{
    ensureLib();
    int answer = -1;
    struct mosquitto *m = mosquitto_new(nullptr, true, &answer);
    if (!m)
        return Error::internal(QStringLiteral("cannot create an MQTT client"));
    auto cleanup = qScopeGuard([m] { mosquitto_destroy(m); });
    auto target = targetOf(pub);
    if (!target)
        return target.error();
    ERY_TRY(configure(m, pub, target->tls, false));
    mosquitto_connect_callback_set(m, [](struct mosquitto *, void *obj, int rc) { *static_cast<int *>(obj) = rc; });
    const QByteArray host = target->host;
    const int port = target->port;
    // Non-blocking connect: an address that never answers runs into the timeout below, not into
    // the system's two-minute TCP timeout.
    int rc = mosquitto_connect_async(m, host.constData(), port, 10);
    if (rc != MOSQ_ERR_SUCCESS)
        return Error::badRequest(
            QStringLiteral("cannot reach %1:%2: %3").arg(QString::fromUtf8(host)).arg(port).arg(QString::fromUtf8(mosquitto_strerror(rc))));
    QElapsedTimer t;
    t.start();
    while (answer < 0 && t.elapsed() < timeoutMs) {
        rc = mosquitto_loop(m, 100, 1);
        if (rc != MOSQ_ERR_SUCCESS)
            break;
    }
    mosquitto_disconnect(m);
    if (answer < 0)
        return Error::badRequest(
            QStringLiteral("no answer from %1:%2 within %3 s").arg(QString::fromUtf8(host)).arg(port).arg(timeoutMs / 1000));
    if (answer != 0)
        return Error::badRequest(QStringLiteral("the broker refused the connection: %1").arg(refusal(pub, answer)));
    return {};
}

} // namespace ery::integrations
