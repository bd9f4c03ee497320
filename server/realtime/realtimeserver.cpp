#include "realtimeserver.h"
#include "closecode.h"

#include "changemessage.h"
#include "channelconfig.h"
#include "channeltopic.h"
#include "core/ids.h"
#include "core/jsonutil.h"
#include "events/subscriptionhub.h"
#include "frameinspector.h"
#include "phoenixmessage.h"
#include "services/services.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

using namespace ery::events;
using namespace ery::services;

Q_LOGGING_CATEGORY(lcRealtime, "eryxon.realtime")

namespace ery::realtime {

namespace {

constexpr int kSweepIntervalMs = 5000;
constexpr int kCloseHandshakeMs = 5000;    // a peer that never answers the close is cut off after this
constexpr qsizetype kMaxCloseReason = 120; // a close frame's reason fits in 123 bytes

Json errorReason(const QString &reason)
{
    return Json{{"reason", toStd(reason)}};
}

// The key of an upgrade between watch() and accept(): both see the same TCP peer.
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

} // namespace

const QStringList &RealtimeServer::tables()
{
    static const QStringList t{QStringLiteral("jobs"),
                               QStringLiteral("parts"),
                               QStringLiteral("operations"),
                               QStringLiteral("cells"),
                               QStringLiteral("time_entries"),
                               QStringLiteral("issues"),
                               QStringLiteral("substeps"),
                               QStringLiteral("notifications"),
                               QStringLiteral("assignments"),
                               QStringLiteral("activity_log"),
                               QStringLiteral("operation_quantities"),
                               QStringLiteral("files")};
    return t;
}

RealtimeServer::RealtimeServer(Services &services, SubscriptionHub &hub, RealtimeConfig cfg, QObject *parent)
    : QObject(parent), m_s(services), m_cfg(cfg)
{
    connect(&hub, &SubscriptionHub::changeCommitted, this, &RealtimeServer::onChange);
    connect(&m_idleCheck, &QTimer::timeout, this, &RealtimeServer::dropIdleClients);
    m_idleCheck.start(kSweepIntervalMs);
}

RealtimeServer::~RealtimeServer()
{
    closeAll();
}

void RealtimeServer::closeAll()
{
    for (auto &c : m_clients) {
        if (c->inspector)
            c->inspector->detach();
        c->socket->disconnect(this);
        c->socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        c->socket->deleteLater();
    }
    m_clients.clear();
}

Result<ApiKeyIdentity> RealtimeServer::authenticate(const QString &apikey)
{
    if (apikey.isEmpty())
        return Error::unauthorized(QStringLiteral("Missing apikey (connect to /realtime/v1/websocket?apikey=ery_live_...&vsn=1.0.0)"));
    auto key = m_s.sessions.resolve(apikey);
    // A terminal key only signs operators in; the operator's session follows the feed.
    if (key && key->access == QLatin1String("terminal"))
        return Error::forbidden(QStringLiteral("A terminal key only signs operators in (POST /api/v1/auth/pin); connect with the operator's session"));
    return key;
}

Status RealtimeServer::checkCapacity(const ApiKeyIdentity &key) const
{
    int total = 0, tenant = 0, sameKey = 0;
    for (const auto &c : m_clients) {
        if (c->gone)
            continue;
        ++total;
        tenant += c->key.liveTenantId == key.liveTenantId;
        sameKey += c->key.keyId == key.keyId;
    }
    if (sameKey >= m_cfg.maxConnectionsPerKey)
        return Error{
            ErrorCode::RateLimitExceeded,
            QStringLiteral("This API key has %1 realtime connections open, the most one key may have; close one first").arg(sameKey),
            Json{{"limit", m_cfg.maxConnectionsPerKey}, {"scope", "key"}}};
    if (tenant >= m_cfg.maxConnectionsPerTenant)
        return Error{
            ErrorCode::RateLimitExceeded,
            QStringLiteral("This tenant has %1 realtime connections open, the most one tenant may have; close one first").arg(tenant),
            Json{{"limit", m_cfg.maxConnectionsPerTenant}, {"scope", "tenant"}}};
    if (total >= m_cfg.maxConnections)
        return Error{ErrorCode::ServiceUnavailable, QStringLiteral("The realtime feed is at its %1 connections; retry shortly").arg(total),
                     Json{{"limit", m_cfg.maxConnections}, {"scope", "hub"}}};
    return {};
}

Status RealtimeServer::admit(const QString &apikey)
{
    auto key = authenticate(apikey);
    if (!key)
        return key.error();
    return checkCapacity(*key);
}

void RealtimeServer::watch(QTcpSocket *socket)
{
    for (auto it = m_watched.begin(); it != m_watched.end();)
        it = it->isNull() ? m_watched.erase(it) : std::next(it);
    m_watched.insert(peerKey(socket->peerAddress(), socket->peerPort()), new FrameInspector(socket, kMaxMessageBytes));
}

void RealtimeServer::accept(QWebSocket *socket)
{
    const QUrlQuery query(socket->requestUrl());
    const QString vsn = query.queryItemValue(QStringLiteral("vsn"));
    const QPointer<FrameInspector> inspector = m_watched.take(peerKey(socket->peerAddress(), socket->peerPort()));
    auto refuse = [socket, inspector](int code, const QString &why) {
        if (inspector)
            inspector->detach();
        socket->close(QWebSocketProtocol::CloseCode(code), why);
        socket->deleteLater();
    };
    if (!vsn.isEmpty() && vsn != QLatin1String("1.0.0") && vsn != QLatin1String("2.0.0"))
        return refuse(kClosePolicy, QStringLiteral("unsupported vsn (1.0.0 or 2.0.0)"));
    const QString apikey = query.queryItemValue(QStringLiteral("apikey"), QUrl::FullyDecoded);
    auto key = authenticate(apikey);
    if (!key)
        return refuse(kClosePolicy, key.error().message);
    // Checked again: upgrades admitted at the same time may all have passed admit().
    if (auto r = checkCapacity(*key); !r)
        return refuse(r.error().code == ErrorCode::ServiceUnavailable ? kCloseTryLater : kClosePolicy, r.error().message);

    auto client = std::make_unique<Client>();
    Client *c = client.get();
    c->socket = socket;
    c->apikey = apikey;
    c->key = *key;
    c->v2 = vsn == QLatin1String("2.0.0");
    c->lastSeenMs = Clock::nowMs();
    c->rate = MessageRate(kMessagesPerSecond, c->lastSeenMs);
    // Frames the inspector cannot vouch for (sent before the handshake was answered) are refused:
    // QWebSocket would take an unmasked frame, and pings are counted there.
    if (!inspector || !inspector->start({[this, c] { return !c->closing && withinRate(c); },
                                         [this, c](int code, const QString &reason) { drop(c, code, reason); }}))
        return refuse(kCloseProtocolError, QStringLiteral("data sent before the handshake was answered"));
    c->inspector = inspector;
    m_clients.push_back(std::move(client));
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    connect(socket, &QWebSocket::textMessageReceived, this, [this, c](const QString &m) { onText(c, m); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, c](const QByteArray &m) { onBinary(c, m); });
    // Removed on the next turn of the event loop, never from inside the signal: a socket can
    // disconnect while the feed is iterating its clients (a send that fails, a drop).
    connect(socket, &QWebSocket::disconnected, this, [this, c] {
        c->closing = true;
        c->gone = true;
        if (!m_reapScheduled) {
            m_reapScheduled = true;
            QMetaObject::invokeMethod(
                this, [this] { removeDisconnected(); }, Qt::QueuedConnection);
        }
    });
}

void RealtimeServer::removeDisconnected()
{
    m_reapScheduled = false;
    std::vector<std::unique_ptr<Client>> gone;
    for (auto it = m_clients.begin(); it != m_clients.end();) {
        if ((*it)->gone) {
            gone.push_back(std::move(*it));
            it = m_clients.erase(it);
        } else {
            ++it;
        }
    }
    for (auto &g : gone) {
        while (!g->channels.empty()) {
            const QString topic = g->channels.begin()->first; // a copy: leave() erases the entry
            leave(g.get(), topic, true);
        }
        if (g->inspector)
            g->inspector->detach();
        g->socket->disconnect(this);
        g->socket->deleteLater();
    }
}

bool RealtimeServer::withinRate(Client *c)
{
    if (c->rate.take(Clock::nowMs()))
        return true;
    drop(c, kClosePolicy, QStringLiteral("more than %1 messages per second").arg(kMessagesPerSecond));
    return false;
}

void RealtimeServer::onText(Client *c, const QString &text)
{
    if (c->closing || !withinRate(c))
        return;
    auto m = PhoenixMessage::fromText(text.toUtf8(), c->v2);
    if (!m)
        return drop(c, kCloseBadData, m.error().message);
    if (!m->payload.is_object()) {
        reply(c, m->joinRef, m->ref, m->topic, false, errorReason(QStringLiteral("payload must be an object")));
        return;
    }
    handleMessage(c, m->joinRef, m->ref, m->topic, m->event, m->payload);
}

void RealtimeServer::onBinary(Client *c, const QByteArray &data)
{
    if (c->closing)
        return;
    if (!c->v2)
        return drop(c, kCloseUnsupported, QStringLiteral("binary frames need vsn 2.0.0"));
    if (!withinRate(c))
        return;
    auto m = PhoenixMessage::fromBinary(data);
    if (!m)
        return drop(c, kCloseBadData, m.error().message);
    const Json &joinRef = m->joinRef, &ref = m->ref;
    const QString &topic = m->topic;
    auto ch = c->channels.find(topic);
    if (ch == c->channels.end())
        return reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("unmatched topic")));
    if (m->jsonEncoded && !parseJson(m->binaryPayload))
        return reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("broadcast payload is not JSON")));
    broadcast(c, topic, m->event, m->jsonEncoded, m->binaryPayload);
    if (ch->second.broadcastAck)
        reply(c, joinRef, ref, topic, true, Json::object());
}

void RealtimeServer::handleMessage(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const QString &event,
                                   const Json &payload)
{
    if (topic == QLatin1String("phoenix")) {
        if (event != QLatin1String("heartbeat"))
            return reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("unknown event '%1' on phoenix").arg(event)));
        // The key is read again: a revoked key (or a disabled tenant) loses its sockets here.
        auto key = m_s.sessions.resolve(c->apikey);
        if (!key || key->scope.tenantId != c->key.scope.tenantId)
            return drop(c, kClosePolicy, QStringLiteral("API key no longer valid"));
        c->lastSeenMs = Clock::nowMs();
        return reply(c, joinRef, ref, topic, true, Json::object());
    }
    c->lastSeenMs = Clock::nowMs();
    if (event == QLatin1String("phx_join"))
        return join(c, joinRef, ref, topic, payload);
    auto ch = c->channels.find(topic);
    if (ch == c->channels.end())
        return reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("unmatched topic")));
    if (event == QLatin1String("phx_leave")) {
        reply(c, joinRef, ref, topic, true, Json::object());
        const Json jr = ch->second.joinRef;
        leave(c, topic, true);
        return pushText(c, jr, jr, topic, QStringLiteral("phx_close"), "{}");
    }
    if (event == QLatin1String("access_token")) {
        if (!checkAccessToken(c, topic, payload))
            return;
        return reply(c, joinRef, ref, topic, true, Json::object());
    }
    if (event == QLatin1String("broadcast")) {
        const Json ev = payload.value("event", Json(nullptr));
        if (!ev.is_string() || ev.get_ref<const std::string &>().empty() ||
            ev.get_ref<const std::string &>().size() > size_t(PhoenixMessage::kMaxNameBytes))
            return reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("broadcast needs an event name of 1 to 255 bytes")));
        const Json body = payload.value("payload", Json::object());
        broadcast(c, topic, fromStd(ev.get<std::string>()), true, QByteArray::fromStdString(jsonText(body)));
        if (ch->second.broadcastAck)
            reply(c, joinRef, ref, topic, true, Json::object());
        return;
    }
    if (event == QLatin1String("presence"))
        return handlePresence(c, ref, topic, payload);
    reply(c, joinRef, ref, topic, false, errorReason(QStringLiteral("unknown event '%1'").arg(event)));
}

void RealtimeServer::join(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const Json &payload)
{
    auto refuse = [&](const QString &why) { reply(c, joinRef, ref, topic, false, errorReason(why)); };
    if (!ChannelTopic::isValid(topic))
        return refuse(QStringLiteral("topic must be realtime:<name>, at most 255 bytes"));
    if (c->channels.count(topic))
        leave(c, topic, true); // a rejoin replaces the channel
    if (int(c->channels.size()) >= kMaxChannelsPerClient)
        return refuse(QStringLiteral("at most %1 channels per connection").arg(kMaxChannelsPerClient));
    if (!checkAccessToken(c, QString(), payload))
        return refuse(QStringLiteral("access_token is not a valid key of this tenant"));
    auto config = ChannelConfig::fromJoinPayload(payload, tables(), kMaxBindingsPerChannel, int(PhoenixMessage::kMaxNameBytes));
    if (!config)
        return refuse(config.error().message);

    Channel ch;
    ch.joinRef = joinRef;
    Json echo = Json::array();
    for (ChannelConfig::Binding &want : config->bindings) {
        Binding b;
        b.id = m_nextBindingId++;
        b.event = want.event;
        b.table = want.table;
        b.filter = std::move(want.filter);
        // The client matches the answer to its bindings by event, schema, table and filter as
        // it sent them, so they are echoed verbatim with the id added.
        Json answer = std::move(want.request);
        answer["id"] = b.id;
        echo.push_back(std::move(answer));
        ch.bindings.push_back(std::move(b));
    }
    ch.broadcastSelf = config->broadcastSelf;
    ch.broadcastAck = config->broadcastAck;
    ch.presence = ChannelPresence(config->presenceEnabled, config->presenceKey.isEmpty() ? newId() : config->presenceKey);
    const bool hasChanges = !ch.bindings.empty();
    const bool presenceOn = ch.presence.enabled();
    c->channels.emplace(topic, std::move(ch));
    reply(c, joinRef, ref, topic, true, hasChanges ? Json{{"postgres_changes", echo}} : Json::object());
    if (hasChanges)
        pushText(c, nullptr, nullptr, topic, QStringLiteral("system"),
                 Json{{"channel", toStd(ChannelTopic::channelName(topic))},
                      {"extension", "postgres_changes"},
                      {"message", "Subscribed to PostgreSQL"},
                      {"status", "ok"}}
                     .dump());
    if (presenceOn)
        pushText(c, joinRef, nullptr, topic, QStringLiteral("presence_state"), presenceState(c->key.scope.tenantId, topic).dump());
}

void RealtimeServer::leave(Client *c, const QString &topic, bool announce)
{
    auto it = c->channels.find(topic);
    if (it == c->channels.end())
        return;
    Channel ch = std::move(it->second);
    c->channels.erase(it);
    if (!announce)
        return;
    if (auto diff = ch.presence.untrack())
        announcePresence(c, topic, *diff);
}

bool RealtimeServer::checkAccessToken(Client *c, const QString &topic, const Json &payload)
{
    // supabase-js sends its user's JWT here; the hub's clients send an API key of the same tenant
    // (or nothing). Another tenant's key never moves a socket over.
    const Json token = payload.value("access_token", Json(nullptr));
    if (token.is_null())
        return true;
    bool ok = false;
    if (token.is_string()) {
        auto key = m_s.sessions.resolve(fromStd(token.get<std::string>()));
        ok = key && key->scope.tenantId == c->key.scope.tenantId && key->access != QLatin1String("terminal");
    }
    if (!ok && !topic.isEmpty()) {
        const Json jr = c->channels.count(topic) ? c->channels[topic].joinRef : Json(nullptr);
        pushText(c, jr, nullptr, topic, QStringLiteral("system"),
                 Json{{"extension", "system"},
                      {"message", "access_token is not a valid key of this tenant: channel closed"},
                      {"status", "error"}}
                     .dump());
        leave(c, topic, true);
        pushText(c, jr, jr, topic, QStringLiteral("phx_close"), "{}");
    }
    return ok;
}

void RealtimeServer::broadcast(Client *c, const QString &topic, const QString &event, bool jsonEncoded, const QByteArray &payload)
{
    if (event.toUtf8().size() > PhoenixMessage::kMaxNameBytes)
        return;
    QByteArray binary, text1; // written for the first socket of each vsn
    for (auto &other : m_clients) {
        Client *o = other.get();
        if (o->closing || o->key.scope.tenantId != c->key.scope.tenantId || (o == c && !c->channels[topic].broadcastSelf))
            continue;
        if (!o->channels.count(topic))
            continue;
        if (o->v2) {
            if (binary.isEmpty())
                binary = PhoenixMessage::toBinaryBroadcast(topic, event, jsonEncoded, payload);
            send(o, binary, true);
        } else if (jsonEncoded) { // a binary payload has no vsn 1.0.0 form
            if (text1.isEmpty())
                text1 = PhoenixMessage::toTextBroadcast(topic, event, payload);
            send(o, text1, false);
        }
    }
}

void RealtimeServer::handlePresence(Client *c, const Json &ref, const QString &topic, const Json &payload)
{
    Channel &ch = c->channels[topic];
    const Json ev = payload.value("event", Json(nullptr));
    if (ev == "track") {
        Json meta = payload.value("payload", Json::object());
        if (auto ok = ChannelPresence::checkMeta(meta); !ok)
            return reply(c, ch.joinRef, ref, topic, false, errorReason(ok.error().message));
        const auto tracked =
            std::count_if(c->channels.begin(), c->channels.end(), [](const auto &kv) { return kv.second.presence.isTracked(); });
        if (!ch.presence.isTracked() && tracked >= kMaxTrackedPerClient)
            return reply(c, ch.joinRef, ref, topic, false,
                         errorReason(QStringLiteral("presence tracked in at most %1 channels per connection").arg(kMaxTrackedPerClient)));
        const ChannelPresence::Diff diff = ch.presence.track(std::move(meta), m_nextPresenceRef++);
        reply(c, ch.joinRef, ref, topic, true, Json::object());
        announcePresence(c, topic, diff);
    } else if (ev == "untrack") {
        reply(c, ch.joinRef, ref, topic, true, Json::object());
        if (auto diff = ch.presence.untrack())
            announcePresence(c, topic, *diff);
    } else {
        reply(c, ch.joinRef, ref, topic, false, errorReason(QStringLiteral("presence event must be track or untrack")));
    }
}

void RealtimeServer::announcePresence(const Client *origin, const QString &topic, const ChannelPresence::Diff &diff)
{
    const std::string text = Json{{"joins", diff.joins}, {"leaves", diff.leaves}}.dump();
    for (auto &other : m_clients) {
        Client *o = other.get();
        if (o->closing || o->key.scope.tenantId != origin->key.scope.tenantId)
            continue;
        auto it = o->channels.find(topic);
        if (it != o->channels.end() && it->second.presence.enabled())
            pushText(o, it->second.joinRef, nullptr, topic, QStringLiteral("presence_diff"), text);
    }
}

Json RealtimeServer::presenceState(const QString &tenantId, const QString &topic) const
{
    Json state = Json::object();
    for (const auto &other : m_clients) {
        if (other->closing || other->key.scope.tenantId != tenantId)
            continue;
        auto it = other->channels.find(topic);
        if (it != other->channels.end() && it->second.presence.isTracked())
            state[toStd(it->second.presence.key())]["metas"].push_back(it->second.presence.meta());
    }
    return state;
}

void RealtimeServer::reply(Client *c, const Json &joinRef, const Json &ref, const QString &topic, bool ok, const Json &response)
{
    pushText(c, joinRef, ref, topic, QStringLiteral("phx_reply"), jsonText(Json{{"status", ok ? "ok" : "error"}, {"response", response}}));
}

void RealtimeServer::pushText(Client *c, const Json &joinRef, const Json &ref, const QString &topic, const QString &event,
                              const std::string &payload)
{
    send(c, QByteArray::fromStdString(PhoenixMessage::toText(c->v2, joinRef, ref, topic, event, payload)), false);
}

void RealtimeServer::send(Client *c, const QByteArray &frame, bool binary)
{
    if (c->closing)
        return;
    if (c->socket->bytesToWrite() + frame.size() > kMaxUnsentBytes)
        return drop(c, kClosePolicy, QStringLiteral("client too slow: more than %1 MiB unsent").arg(kMaxUnsentBytes >> 20));
    if (binary)
        c->socket->sendBinaryMessage(frame);
    else
        c->socket->sendTextMessage(QString::fromUtf8(frame));
    // Written now rather than when the event loop gets round to the socket: under load the engine
    // thread's queue is long, and a healthy client would look like one that stopped reading.
    c->socket->flush();
}

void RealtimeServer::drop(Client *c, int code, const QString &reason)
{
    if (c->closing)
        return;
    c->closing = true;
    qCInfo(lcRealtime) << "closing realtime connection of key" << c->key.keyId << ":" << reason;
    QWebSocket *s = c->socket;
    s->close(QWebSocketProtocol::CloseCode(code), reason.left(kMaxCloseReason));
    QTimer::singleShot(kCloseHandshakeMs, s, [s] { s->abort(); });
}

void RealtimeServer::onChange(const QString &table, const QString &tenantId, const QByteArray &payload)
{
    if (m_clients.empty() || !tables().contains(table))
        return;
    std::optional<ChangeMessage> change; // written for the first binding that wants this table
    for (auto &holder : m_clients) {
        Client *c = holder.get();
        if (c->closing || c->key.scope.tenantId != tenantId)
            continue;
        for (auto &[topic, ch] : c->channels) {
            Json ids = Json::array();
            for (const Binding &b : ch.bindings) {
                if (!b.table.isEmpty() && b.table != table)
                    continue;
                if (!change) {
                    change = ChangeMessage::fromCommitted(table, payload);
                    if (!change)
                        return;
                }
                if (b.event != QLatin1String("*") && b.event != change->type())
                    continue;
                if (b.filter && !b.filter->matches(change->row()))
                    continue;
                ids.push_back(b.id);
            }
            if (!ids.empty())
                pushText(c, ch.joinRef, nullptr, topic, QStringLiteral("postgres_changes"),
                         R"({"ids":)" + ids.dump() + R"(,"data":)" + change->data() + "}");
        }
    }
}

void RealtimeServer::dropIdleClients()
{
    const qint64 now = Clock::nowMs();
    std::vector<Client *> idle;
    for (auto &c : m_clients)
        if (!c->closing && now - c->lastSeenMs > kIdleMs)
            idle.push_back(c.get());
    for (Client *c : idle)
        drop(c, kCloseNormal, QStringLiteral("no heartbeat for %1 s").arg(kIdleMs / 1000));
}

} // namespace ery::realtime
