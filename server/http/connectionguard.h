#pragma once

#include "core/config.h"
#include "requestframer.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

class QTcpSocket;

namespace ery::http {

class GuardedTcpServer;
struct Request;

// Watches one connection's bytes before QtHttpServer 6.4 parses them (its own readyRead handler is
// connected first) and cuts the connection off at the limits 6.4 lacks: request line (414), header
// block and field count (431), a body's declared or chunked size (413), malformed chunked framing
// or both framings at once (400), a deadline for a request head, a minimum rate for a
// body, pipelined backlog, a client that stops reading its answers, and idle time.
//
// Its RequestFramer frames the stream exactly as QtHttpServer does, so it knows where every request
// ends and therefore how far QtHttpServer will have read after each readyRead (it reads up to the
// end of the first complete request, or everything when none is complete). That position is what
// lets it count each byte once without consuming anything.
//
// A request to an upload route (GuardedTcpServer::Uploads) is taken from QtHttpServer once its head
// is in: the guard reads its body off the socket itself into a file in the uploads folder, counting
// its SHA-256 on the way, and hands the complete request to the server, whose answer closes the
// connection. Memory stays at a read buffer's worth whatever the size; every limit above still holds.
//
// Guarding ends only when a WebSocket handshake has really happened: a request that asks for a
// WebSocket is handed over (nothing after it is HTTP), and the connection must then be upgraded
// within the handshake time or it is dropped; any other request is HTTP under every limit.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpConfig &cfg, GuardedTcpServer *server);
    ~ConnectionGuard() override;
    void detach() { m_server = nullptr; } // the server goes away first

    // QtHttpServer's own readyRead connection, cut before a refusal so it never parses the rest.
    void setHttpReceiver(QObject *receiver) { m_httpReceiver = receiver; }
    // Deadlines, rates and idle time, from the server's sweep timer.
    void sweep(qint64 nowMs);
    // The WebSocket handshake of the handed-over request completed (101 sent).
    void markUpgraded() { m_phase = Phase::Upgraded; }
    // The last answer opened an event stream (SSE): nothing more is read as HTTP, the idle timer
    // stops, and only a client that stops reading its events is cut off.
    void markStreaming();
    bool streaming() const { return m_phase == Phase::Streaming; }
    // The last complete request asked for a WebSocket and nothing after it was framed as HTTP.
    bool handedOver() const { return m_phase == Phase::HandedOver; }
    bool upgraded() const { return m_phase == Phase::Upgraded; }
    // Whether the next answered request asked to close the connection after its answer
    // (Connection: close, or HTTP/1.0 without keep-alive); requests are answered in order.
    bool takeCloseFlag();
    // The server is working on an answer for this connection: the idle timer does not run.
    void setAnswering(bool answering);

    QTcpSocket *socket() const { return m_socket; }
    const QString &peer() const { return m_peer; }
    // For shedding under pressure: when this connection last did something useful (a request
    // completed or an answer was read); a request head trickling in does not count.
    qint64 lastProgressMs() const { return m_lastProgressMs; }
    // Not a WebSocket (those have limits of their own); a refused connection waiting out its grace
    // goes first.
    bool sheddable() const { return m_phase == Phase::Http || m_phase == Phase::Refused; }
    bool refused() const { return m_phase == Phase::Refused; }
    // Closes the connection to make room for another client.
    void shed();

private:
    enum class Phase { Http, HandedOver, Upgraded, Streaming, Refused, Uploading };
    void onReadyRead();
    // The upload whose head was just framed: taken from QtHttpServer, its body read from here on.
    void startUpload();
    // Reads what the socket has of the upload's body into its file; hands the request over at its end.
    void pumpUpload();
    void finishUpload();
    // The upload's request line and headers as a Request (no body yet).
    Request headOfUpload() const;
    struct Upload;
    std::unique_ptr<Upload> m_upload;
    bool m_uploadHead = false; // scan() stopped at the head of an upload
    // Frames new bytes; false once the connection was refused.
    bool scan(const char *data, qint64 n);
    void refuse(int status, const char *code, const QString &message, const char *reason);
    void cutOff(const char *reason);
    // Takes `bytes` of the server's body budget for the body being received; refuses (503) if full.
    bool reserveBody(qint64 bytes);
    void releaseBody();
    static qint64 nowMs();

    QTcpSocket *m_socket;
    const HttpConfig &m_cfg;
    GuardedTcpServer *m_server;
    QString m_peer;
    QPointer<QObject> m_httpReceiver;
    RequestFramer m_framer;

    Phase m_phase = Phase::Http;
    qint64 m_scanned = 0;          // absolute stream offset scanned so far
    qint64 m_serverPos = 0;        // absolute offset QtHttpServer has read up to
    std::deque<qint64> m_ends;     // absolute ends of complete requests QtHttpServer has not reached
    std::deque<bool> m_closeFlags; // of the scanned requests not yet answered

    qint64 m_reserved = 0;       // of the server's body budget, for the body being received
    qint64 m_lastActivityMs = 0; // any byte in or out
    qint64 m_lastProgressMs = 0;
    qint64 m_headStartMs = 0; // when the request head being received began
    qint64 m_bodyStartMs = 0; // when the body being received began
    qint64 m_handedOverMs = 0;
    bool m_answering = false;
    qint64 m_unsent = 0;        // bytesToWrite at the last sweep
    qint64 m_unsentSinceMs = 0; // since when the answers waiting have not moved
};

} // namespace ery::http
