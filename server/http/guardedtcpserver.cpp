#include "core/jsonutil.h"
#include "guardedtcpserver.h"

#include "connectionguard.h"
#include "core/ids.h"
#include "httpmetrics.h"
#include "response.h"

#include <QFile>
#include <QSslSocket>

namespace ery::http {

namespace {
// A refused client has this long to read its 503 before the socket is cut.
constexpr int kRefusedCloseGraceMs = 2000;
} // namespace

GuardedTcpServer::GuardedTcpServer(const HttpConfig &cfg, HttpMetrics &metrics, QObject *parent)
    : QTcpServer(parent), m_cfg(cfg), m_metrics(metrics)
{
    // Slow clients are found by one sweep over all connections rather than a timer per socket.
    m_sweep.setInterval(qBound(50, cfg.idleTimeoutMs / 4, 1000));
    connect(&m_sweep, &QTimer::timeout, this, [this] {
        const qint64 now = Clock::nowMs();
        const auto guards = m_guards; // a sweep may close (and so release) a connection
        for (ConnectionGuard *g : guards)
            if (m_guards.contains(g))
                g->sweep(now);
    });
    m_sweep.start();
}

GuardedTcpServer::~GuardedTcpServer()
{
    m_sweep.stop();
    // The sockets (and their guards) outlive this destructor's body as children of the QObject.
    for (ConnectionGuard *g : std::as_const(m_guards))
        g->detach();
    m_guards.clear();
}

QString GuardedTcpServer::setupTls()
{
    if (m_cfg.tlsCert.isEmpty() && m_cfg.tlsKey.isEmpty())
        return {};
    if (m_cfg.tlsCert.isEmpty() || m_cfg.tlsKey.isEmpty())
        return QStringLiteral("TLS needs both --tls-cert and --tls-key");
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("TLS is not available (no OpenSSL backend)");
    QFile cert(m_cfg.tlsCert), key(m_cfg.tlsKey);
    if (!cert.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read certificate %1").arg(m_cfg.tlsCert);
    if (!key.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read key %1").arg(m_cfg.tlsKey);
    const auto certs = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (certs.isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(m_cfg.tlsCert);
    const QByteArray keyPem = key.readAll();
    QSslKey k(keyPem, QSsl::Rsa, QSsl::Pem);
    if (k.isNull())
        k = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (k.isNull())
        return QStringLiteral("%1 holds no PEM RSA or EC private key").arg(m_cfg.tlsKey);
    m_cert = certs.first();
    m_key = k;
    return {};
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = tls() ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QString peer = socket->peerAddress().toString();
    const int peerCount = int(m_perPeer.value(peer).size());
    const bool room = peerCount < m_cfg.maxConnectionsPerPeer && (int(m_guards.size()) < m_cfg.maxConnections || makeRoom(peerCount));
    if (!room) {
        m_metrics.refused("connection_limit");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (!tls()) {
            Response r = Response::json(
                503, Json{{"success", false},
                          {"error", {{"code", "SERVICE_UNAVAILABLE"}, {"message", "Too many connections"}, {"statusCode", 503}}}});
            r.header("Retry-After", "1");
            socket->write(r.serialise(false, true));
        }
        socket->disconnectFromHost();
        QTimer::singleShot(kRefusedCloseGraceMs, socket, [socket] { socket->abort(); });
        return;
    }
    auto *guard = new ConnectionGuard(socket, m_cfg, this);
    guard->setHttpReceiver(m_httpReceiver);
    m_guards.insert(guard);
    m_perPeer[peer].insert(guard);
    m_metrics.connectionOpened();
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setLocalCertificate(m_cert);
        ssl->setPrivateKey(m_key);
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->startServerEncryption();
    }
    addPendingConnection(socket);
}

bool GuardedTcpServer::reserveBody(qint64 bytes)
{
    if (m_bodyBytes + bytes > m_cfg.maxBodyBytesInFlight)
        return false;
    m_bodyBytes += bytes;
    return true;
}

void GuardedTcpServer::release(ConnectionGuard *g, const QString &peer)
{
    if (!m_guards.remove(g))
        return;
    m_metrics.connectionClosed();
    auto it = m_perPeer.find(peer);
    if (it != m_perPeer.end()) {
        it->remove(g);
        if (it->isEmpty())
            m_perPeer.erase(it);
    }
}

bool GuardedTcpServer::makeRoom(int newcomerCount)
{
    const QSet<ConnectionGuard *> *busiest = nullptr;
    for (const auto &guards : std::as_const(m_perPeer))
        if (!busiest || guards.size() > busiest->size())
            busiest = &guards;
    if (!busiest || int(busiest->size()) <= newcomerCount + 1)
        return false;
    ConnectionGuard *victim = nullptr;
    auto worse = [](ConnectionGuard *a, ConnectionGuard *b) {
        return a->refused() != b->refused() ? a->refused() : a->lastProgressMs() < b->lastProgressMs();
    };
    for (ConnectionGuard *g : *busiest)
        if (g->sheddable() && (!victim || worse(g, victim)))
            victim = g;
    if (!victim)
        return false;
    release(victim, victim->peer()); // its slot is free now, not when the socket is deleted
    victim->shed();
    return true;
}

void GuardedTcpServer::markUpgraded(const QHostAddress &peer, quint16 peerPort)
{
    const auto it = m_perPeer.constFind(peer.toString());
    if (it == m_perPeer.constEnd())
        return;
    for (ConnectionGuard *g : *it)
        if (g->handedOver() && g->socket()->peerPort() == peerPort)
            return g->markUpgraded();
}

} // namespace ery::http
