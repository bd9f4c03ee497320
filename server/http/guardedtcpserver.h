#pragma once

#include "core/config.h"
#include "response.h"

#include <QHash>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <optional>

namespace ery::http {

class ConnectionGuard;
class HttpMetrics;
struct Request;
struct Response;

// The QTcpServer handed to QAbstractHttpServer::bind(): every accepted socket gets a
// ConnectionGuard (connected to readyRead before QtHttpServer is), connection caps per peer and in
// total, and, with a certificate and key, TLS. When every slot is taken, a newcomer still gets in
// if some address holds more connections than it would: that address's connection that has made
// progress least recently (idle the longest, or trickling a request head) is shed for it, so a
// handful of addresses cannot lock everyone else out.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(const HttpConfig &cfg, HttpMetrics &metrics, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // Requests whose bodies go to a file as they arrive (the upload routes): which ones (by method
    // and raw target), the folder for their files, and who answers them once complete. Set before
    // listening.
    struct Uploads {
        std::function<bool(QByteArrayView method, QByteArrayView target)> streamed;
        QString dir;
        std::function<void(QTcpSocket *socket, Request &&request)> deliver;
        // Looks at the head before the body is read: an answer (401, 403, 404 …) refuses the
        // upload at once and closes the connection; nothing lets it go on.
        std::function<std::optional<Response>(Request &head)> precheck;
    };
    void setUploads(Uploads u) { m_uploads = std::move(u); }
    const Uploads &uploads() const { return m_uploads; }

    // Loads the PEM certificate and key when configured; an error names the file.
    QString setupTls();
    bool tls() const { return !m_cert.isNull(); }
    void setHttpReceiver(QObject *receiver) { m_httpReceiver = receiver; }
    HttpMetrics &metrics() { return m_metrics; }
    int openConnections() const { return int(m_guards.size()); }
    // Request bodies announced and not yet complete, across every connection: QtHttpServer 6.4
    // keeps a body in memory (more than once) while it arrives, so their sum has a budget.
    bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes) { m_bodyBytes -= bytes; }
    qint64 bodyBytesReserved() const { return m_bodyBytes; }
    // A connection's guard going away (with its socket, or shed); idempotent.
    void release(ConnectionGuard *g, const QString &peer);
    // The WebSocket handshake of the connection from this peer address and port completed.
    void markUpgraded(const QHostAddress &peer, quint16 peerPort);

protected:
    void incomingConnection(qintptr handle) override;

private:
    // Sheds one connection of an address holding more than `newcomerCount + 1`; false if none.
    bool makeRoom(int newcomerCount);

    const HttpConfig &m_cfg;
    HttpMetrics &m_metrics;
    QObject *m_httpReceiver = nullptr;
    QSslCertificate m_cert;
    QSslKey m_key;
    QSet<ConnectionGuard *> m_guards;
    QHash<QString, QSet<ConnectionGuard *>> m_perPeer;
    QTimer m_sweep;
    qint64 m_bodyBytes = 0;
    Uploads m_uploads;
};

} // namespace ery::http
