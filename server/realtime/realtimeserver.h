#pragma once

#include "channelpresence.h"
#include "core/config.h"
#include "core/result.h"
#include "messagerate.h"
#include "realtimefilter.h"
#include "services/apikeyservice.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;
class QWebSocket;

namespace ery::events {
class SubscriptionHub;
}
namespace ery::services {
class Services;
}

namespace ery::realtime {
} // namespace ery::realtime

namespace ery::realtime {

class FrameInspector;

// The realtime feed (CONTRACTS.md §5): the Supabase Realtime dialect of the Phoenix channel
// protocol on `/realtime/v1/websocket` of the API port, so supabase-js / realtime-js clients work
// unchanged. vsn 1.0.0 (JSON objects) and 2.0.0 (JSON arrays, binary broadcast frames).
//
// A socket belongs to the tenant of the API key it connected with (a test key: the sandbox), and
// everything it sees is that tenant's: row changes, broadcasts and presence of a channel name are
// kept apart per tenant. Not durable: a client that reconnects refetches. The key is checked again
// with every heartbeat, so a revoked key loses its sockets within one heartbeat interval.
//
// Sockets are capped per key, per tenant and for the whole hub (RealtimeConfig), checked before the
// handshake; each socket's frames are checked by a FrameInspector before QWebSocket reads them.
class RealtimeServer : public QObject {
    Q_OBJECT
public:
    RealtimeServer(services::Services &services, events::SubscriptionHub &hub, RealtimeConfig cfg = {}, QObject *parent = nullptr);
    ~RealtimeServer() override;

    static constexpr const char *kPath = "/realtime/v1/websocket";
    static constexpr int kMaxChannelsPerClient = 100;
    static constexpr int kMaxBindingsPerChannel = 100;
    // Presence is held in memory and sent whole to every joiner: a socket tracks in a few
    // channels, not in all of its hundred.
    static constexpr int kMaxTrackedPerClient = 10;
    static constexpr qint64 kMaxMessageBytes = 1 << 20;
    static constexpr qint64 kMaxUnsentBytes = 8 << 20; // a client this far behind is dropped
    static constexpr int kIdleMs = 60000;              // clients send a heartbeat every 25 s
    static constexpr double kMessagesPerSecond = 100;  // per socket (pings too), with a burst of twice that
    // Tables whose row changes can be subscribed to ("production" quantities are operation_quantities).
    static const QStringList &tables();

    // The key an upgrade request presents (`apikey` query item): checked before the handshake.
    Result<services::ApiKeyIdentity> authenticate(const QString &apikey);
    // authenticate(), then room for one more socket of the key, its tenant and the hub (429 for the
    // key's or the tenant's cap, 503 when the hub is full).
    Status admit(const QString &apikey);
    // The TCP socket of an admitted upgrade, before the handshake: its frames are inspected.
    void watch(QTcpSocket *socket);
    // Takes an upgraded socket (ownership too). Its request URL carries apikey and vsn.
    void accept(QWebSocket *socket);
    int clientCount() const { return int(m_clients.size()); }
    void closeAll();

private:
    struct Binding {
        qint64 id = 0;
        QString event; // *, INSERT, UPDATE, DELETE
        QString table; // empty: every table of tables()
        std::optional<RowFilter> filter;
    };
    struct Channel {
        Json joinRef;
        std::vector<Binding> bindings;
        bool broadcastSelf = false;
        bool broadcastAck = false;
        ChannelPresence presence;
    };
    struct Client {
        QWebSocket *socket = nullptr;
        QString apikey;
        services::ApiKeyIdentity key;
        bool v2 = false;
        std::map<QString, Channel> channels; // by topic
        qint64 lastSeenMs = 0;
        MessageRate rate{kMessagesPerSecond, 0};
        QPointer<FrameInspector> inspector; // of the TCP socket under the WebSocket
        bool closing = false;               // dropped: nothing more is sent
        bool gone = false;                  // disconnected: removed by removeDisconnected()
    };

    void onText(Client *c, const QString &text);
    void onBinary(Client *c, const QByteArray &data);
    // One message more of the socket's rate; false (and the socket dropped) when it sent too many.
    bool withinRate(Client *c);
    void handleMessage(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const QString &event, const Json &payload);
    void join(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const Json &payload);
    void leave(Client *c, const QString &topic, bool announce);
    void broadcast(Client *c, const QString &topic, const QString &event, bool jsonEncoded, const QByteArray &payload);
    void handlePresence(Client *c, const Json &ref, const QString &topic, const Json &payload);
    // A join's or an access_token message's access_token: true when absent or a key of the socket's
    // tenant; else false, and an open channel of that topic is closed.
    bool checkAccessToken(Client *c, const QString &topic, const Json &payload);
    void reply(Client *c, const Json &joinRef, const Json &ref, const QString &topic, bool ok, const Json &response);
    void pushText(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const QString &event, const std::string &payload);
    void send(Client *c, const QByteArray &frame, bool binary);
    void drop(Client *c, int code, const QString &reason);
    // Sends the diff to the sockets of the origin's tenant that hear presence on the topic.
    void announcePresence(const Client *origin, const QString &topic, const ChannelPresence::Diff &diff);
    Json presenceState(const QString &tenantId, const QString &topic) const;
    void onChange(const QString &table, const QString &tenantId, const QByteArray &payload);
    void dropIdleClients();
    void removeDisconnected();
    // Room for one more socket of this key, its tenant and the hub.
    Status checkCapacity(const services::ApiKeyIdentity &key) const;

    services::Services &m_s;
    RealtimeConfig m_cfg;
    QHash<QString, QPointer<FrameInspector>> m_watched; // by peer address and port, until accepted
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer m_idleCheck;
    qint64 m_nextBindingId = 1;
    qint64 m_nextPresenceRef = 1;
    bool m_reapScheduled = false;
};

} // namespace ery::realtime
