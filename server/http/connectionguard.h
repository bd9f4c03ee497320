#pragma once

#include "core/config.h"

#include <QObject>
#include <QPointer>

#include <deque>

class QTcpSocket;

namespace ery::http {

class GuardedTcpServer;

// Watches one connection's bytes before QtHttpServer 6.4 parses them (its own readyRead handler is
// connected first) and cuts the connection off at the limits 6.4 lacks: request line (414), header
// block and field count (431), Content-Length and the bytes actually received (413), chunked
// bodies (411: a Content-Length is required), pipelined backlog, unread responses and idle time.
//
// It frames the stream exactly as QtHttpServer does, so it knows where every request ends and
// therefore how far QtHttpServer will have read after each readyRead (it reads up to the end of
// the first complete request, or everything when none is complete). That position is what lets it
// count each byte once without consuming anything.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpConfig &cfg, GuardedTcpServer *server);
    ~ConnectionGuard() override;
    void detach() { m_server = nullptr; } // the server goes away first

    // QtHttpServer's own readyRead connection, cut before a refusal so it never parses the rest.
    void setHttpReceiver(QObject *receiver) { m_httpReceiver = receiver; }
    // Idle and backlog check, from the server's sweep timer.
    void sweep(qint64 nowMs);
    void noteWritten() { m_lastActivityMs = nowMs(); }
    bool upgraded() const { return m_phase == Phase::Upgraded; }
    // Whether the next answered request asked to close the connection after its answer
    // (Connection: close, or HTTP/1.0 without keep-alive); requests are answered in order.
    bool takeCloseFlag();

private:
    enum class Phase { RequestLine, Headers, Body, Upgraded, Refused };
    void onReadyRead();
    // Scans new bytes; false once the connection was refused.
    bool scan(const char *data, qint64 n);
    bool endHeaders();
    void refuse(int status, const char *code, const QString &message, const char *reason);
    void cutOff(const char *reason);
    void releaseBody();
    static qint64 nowMs();

    QTcpSocket *m_socket;
    const HttpConfig &m_cfg;
    GuardedTcpServer *m_server;
    QString m_peer;
    QPointer<QObject> m_httpReceiver;

    Phase m_phase = Phase::RequestLine;
    qint64 m_scanned = 0;   // absolute stream offset scanned so far
    qint64 m_serverPos = 0; // absolute offset QtHttpServer has read up to
    std::deque<qint64> m_ends; // absolute ends of complete requests QtHttpServer has not reached

    QByteArray m_line;      // the current request line or header line (bounded by the limits)
    qint64 m_lineBytes = 0;
    qint64 m_headerBytes = 0;
    int m_headerFields = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_upgrade = false;
    bool m_close = false;          // of the request being scanned
    std::deque<bool> m_closeFlags; // of the scanned requests not yet answered
    qint64 m_bodyLeft = 0;
    qint64 m_reserved = 0; // of the server's body budget, for the body being received
    qint64 m_lastActivityMs = 0;
};

} // namespace ery::http
