#pragma once

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

struct mosquitto;

namespace ery::services {
class Services;
}

namespace ery::integrations {

class HubPresence;

// One publisher's connection to its broker (libmosquitto with its own network thread; every
// callback is handed to this object's thread as a queued call). Stored messages are published in
// order and deleted when the broker acknowledges them (PUBACK for QoS 1, PUBCOMP for QoS 2); after a
// lost connection the client is rebuilt and every message still stored is sent again — duplicates
// carry the same event id.
class MqttConnection : public QObject {
    Q_OBJECT
public:
    MqttConnection(services::Services &services, Json publisher, QObject *parent = nullptr);
    ~MqttConnection() override;

    void start();
    void pump();
    bool isConnected() const { return m_connected; }
    const Json &publisher() const { return m_pub; }

    static constexpr int kWindow = 200; // messages published and not yet acknowledged
    static constexpr int kMaxBackoffMs = 30000;
    static constexpr int kConnectTimeoutMs = 5000;

    // Connects, waits for the broker's answer, disconnects: the admin's "test connection".
    static Status testConnection(const Json &publisher, int timeoutMs = 5000);

signals:
    void connectedChanged(bool connected);

private:
    friend struct MqttCallbacks;
    void connectNow();
    void teardown(bool graceful);
    void onConnect(int rc);
    void onDisconnect(int rc);
    void onPublish(int mid);
    void forgetSilentHubs();
    void scheduleReconnect(const QString &why);

    services::Services &m_s;
    Json m_pub;
    QString m_hubId;  // this connection's name among the shop's hubs (HubPresence)
    QString m_target; // mqtt://host:port as connected to, for messages
    std::shared_ptr<HubPresence> m_presence;
    QTimer m_heartbeat; // renews the announcement
    struct mosquitto *m_mosq = nullptr;
    bool m_connected = false;
    int m_backoffMs = 1000;
    QTimer m_reconnect;
    QTimer m_connectTimeout; // a handshake that never answers (TLS refused, silent broker)
    void flushAcks();

    QHash<int, Json> m_inflight; // mid → stored message
    // Acknowledged messages are deleted in batches, one transaction per turn of the event loop; a
    // crash before that sends them again (same id), which at-least-once allows.
    std::vector<std::pair<Json, qint64>> m_acked;
    bool m_ackFlushScheduled = false;
    qint64 m_lastQueuedId = 0;
    quint64 m_generation = 0; // callbacks of a torn-down client are ignored
};

} // namespace ery::integrations
