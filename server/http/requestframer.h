#pragma once

#include <QByteArray>
#include <QString>

namespace ery::http {

// Frames a stream of HTTP/1.x requests exactly as QtHttpServer 6.4 will parse it, without consuming
// anything: where each request head ends, how long its body is, whether it asks to close or to
// become a WebSocket, and whether it breaks a limit. Pure (no socket, no clock), so the connection
// guard and the fuzz harness drive the same code.
class RequestFramer {
public:
    struct Limits {
        int maxUrlBytes = 64 * 1024;
        int maxHeaderBytes = 64 * 1024;
        int maxHeaderFields = 128;
        qint64 maxBodyBytes = 32ll * 1024 * 1024;
    };
    struct Refusal {
        int status = 0;
        const char *code = "";
        QString message;
        const char *reason = ""; // the metrics label
    };
    enum class Step {
        NeedMore, // every byte given was taken; the request goes on
        Head,     // a request head ended; see contentLength(), websocketUpgrade(), closeAfter()
        Complete, // a request ended (its head, or its body); the next one may follow
        Upgrade,  // the stream after a WebSocket upgrade request is not HTTP: nothing more is taken
        Refused,  // a limit or the syntax was broken; see refusal()
    };

    explicit RequestFramer(const Limits &limits) : m_limits(limits) {}

    // Takes bytes from data[0..n) until a step worth telling; *used says how many it took.
    Step feed(const char *data, qint64 n, qint64 *used);

    // Of the request whose head ended last.
    qint64 contentLength() const { return m_contentLength; }
    bool closeAfter() const { return m_close; }
    bool websocketUpgrade() const { return m_websocket; }

    // A request line or header has begun and the head has not ended: a slow sender's deadline runs.
    bool inHead() const { return m_state == State::Headers || (m_state == State::RequestLine && m_lineBytes > 0); }
    bool inBody() const { return m_state == State::Body; }
    qint64 bodyReceived() const { return m_contentLength - m_bodyLeft; }
    const Refusal &refusal() const { return m_refusal; }

private:
    enum class State { RequestLine, Headers, Body, HeadEnded, Upgraded, Refused };
    Step refuse(int status, const char *code, QString message, const char *reason);
    Step requestLineEnded();
    Step headerLineEnded();
    Step headEnded();

    Limits m_limits;
    State m_state = State::RequestLine;
    QByteArray m_line; // the current request or header line (bounded by the limits)
    qint64 m_lineBytes = 0;
    qint64 m_headerBytes = 0;
    int m_headerFields = 0;
    qint64 m_contentLength = -1;
    qint64 m_bodyLeft = 0;
    bool m_chunked = false;
    bool m_close = false;
    bool m_http10 = false;
    bool m_connectionUpgrade = false; // a `Connection: ..., upgrade, ...` token
    int m_upgradeHeaders = 0;
    bool m_upgradeWebsocket = false;  // `Upgrade: websocket`, compared as QtHttpServer does
    bool m_websocket = false;
    Refusal m_refusal;
};

} // namespace ery::http
