#include "connectionguard.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "guardedtcpserver.h"
#include "httpmetrics.h"
#include "response.h"

#include <QTcpSocket>

namespace ery::http {

namespace {
// Complete requests QtHttpServer has not reached yet, in bytes; past this a client is flooding.
constexpr qint64 kMaxBacklogBytes = 1024 * 1024;
// Responses the client has not read; past this it is not reading at all.
constexpr qint64 kMaxUnreadBytes = 8 * 1024 * 1024;
// How long a refused client gets to read its error before the socket is dropped.
constexpr qint64 kRefusedGraceMs = 5000;

bool isSpace(char c)
{
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

// The request-line checks QtHttpServer 6.4 makes (parseRequestLine): a request it would reject
// is refused here, because on its parse error 6.4 only disconnects its signals and leaves the
// socket open.
bool validRequestLine(const QByteArray &line, qsizetype *targetSize)
{
    qsizetype i = line.indexOf(' ');
    if (i <= 0)
        return false;
    ++i;
    while (i < line.size() && line[i] == ' ')
        ++i;
    const qsizetype j = line.indexOf(' ', i);
    if (j == -1)
        return false;
    *targetSize = j - i;
    qsizetype k = j + 1;
    while (k < line.size() && line[k] == ' ')
        ++k;
    if (k >= line.size())
        return false;
    const qsizetype e = line.indexOf(' ', k);
    const QByteArray protocol = e == -1 ? line.mid(k) : line.mid(k, e - k);
    return protocol.size() == 8 && protocol.startsWith("HTTP/1.") && (protocol[7] == '0' || protocol[7] == '1');
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpConfig &cfg, GuardedTcpServer *server)
    : QObject(socket), m_socket(socket), m_cfg(cfg), m_server(server), m_peer(socket->peerAddress().toString())
{
    m_lastActivityMs = nowMs();
    // First connection on readyRead: runs before QtHttpServer's, which is connected later.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_lastActivityMs = nowMs(); });
}

ConnectionGuard::~ConnectionGuard()
{
    releaseBody();
    // Goes with its socket (a child of it). Told from here rather than by the socket's destroyed
    // signal: QtHttpServer disconnects every signal of a socket it upgrades to a WebSocket.
    if (m_server)
        m_server->release(this, m_peer);
}

void ConnectionGuard::releaseBody()
{
    if (m_reserved && m_server)
        m_server->releaseBody(m_reserved);
    m_reserved = 0;
}

qint64 ConnectionGuard::nowMs()
{
    return Clock::nowMs();
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Refused || m_phase == Phase::Upgraded)
        return;
    const qint64 avail = m_socket->bytesAvailable();
    const qint64 absEnd = m_serverPos + avail;
    const qint64 fresh = absEnd - m_scanned;
    if (fresh > 0) {
        m_lastActivityMs = nowMs();
        const QByteArray buf = m_socket->peek(avail);
        if (buf.size() != avail)
            return cutOff("short_peek");
        if (!scan(buf.constData() + (avail - fresh), fresh))
            return;
    }
    if (m_phase == Phase::Upgraded) {
        // The rest of the stream is WebSocket frames, which QWebSocket limits itself.
        disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        return;
    }
    // QtHttpServer runs next and reads up to the end of the first complete request.
    while (!m_ends.empty() && m_ends.front() <= m_serverPos)
        m_ends.pop_front();
    if (!m_ends.empty()) {
        m_serverPos = m_ends.front();
        m_ends.pop_front();
    } else {
        m_serverPos = absEnd;
    }
    if (int(m_ends.size()) > m_cfg.maxPipelined)
        return cutOff("pipelined_backlog");
    if (absEnd - m_serverPos > kMaxBacklogBytes + m_cfg.maxHeaderBytes)
        return cutOff("input_backlog");
    if (m_socket->bytesToWrite() > kMaxUnreadBytes)
        return cutOff("unread_responses");
}

bool ConnectionGuard::scan(const char *data, qint64 n)
{
    qint64 i = 0;
    while (i < n) {
        switch (m_phase) {
        case Phase::RequestLine: {
            const char c = data[i++];
            ++m_scanned;
            if (m_line.isEmpty() && isSpace(c))
                continue; // QtHttpServer skips whitespace between requests too
            if (c != '\n') {
                if (++m_lineBytes > m_cfg.maxUrlBytes + 64) {
                    refuse(414, "URI_TOO_LONG", QStringLiteral("The request line is longer than %1 bytes").arg(m_cfg.maxUrlBytes), "uri_too_long");
                    return false;
                }
                m_line.append(c);
                continue;
            }
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            qsizetype target = 0;
            if (!validRequestLine(m_line, &target)) {
                refuse(400, "BAD_REQUEST", QStringLiteral("Malformed request line"), "bad_request_line");
                return false;
            }
            if (target > m_cfg.maxUrlBytes) {
                refuse(414, "URI_TOO_LONG", QStringLiteral("The URL is longer than %1 bytes").arg(m_cfg.maxUrlBytes), "uri_too_long");
                return false;
            }
            m_close = m_line.endsWith("HTTP/1.0");
            m_line.clear();
            m_lineBytes = 0;
            m_headerBytes = 0;
            m_headerFields = 0;
            m_contentLength = -1;
            m_chunked = false;
            m_upgrade = false;
            m_phase = Phase::Headers;
            break;
        }
        case Phase::Headers: {
            const char c = data[i++];
            ++m_scanned;
            if (++m_headerBytes > m_cfg.maxHeaderBytes) {
                refuse(431, "HEADERS_TOO_LARGE", QStringLiteral("The headers are larger than %1 bytes").arg(m_cfg.maxHeaderBytes), "headers_too_large");
                return false;
            }
            if (c != '\n') {
                m_line.append(c);
                continue;
            }
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            if (m_line.isEmpty()) {
                if (!endHeaders())
                    return false;
                break;
            }
            if (++m_headerFields > m_cfg.maxHeaderFields) {
                refuse(431, "HEADERS_TOO_LARGE", QStringLiteral("More than %1 header fields").arg(m_cfg.maxHeaderFields), "too_many_headers");
                return false;
            }
            const qsizetype colon = m_line.indexOf(':');
            if (colon <= 0) {
                refuse(400, "BAD_REQUEST", QStringLiteral("Malformed header line"), "bad_header");
                return false;
            }
            const QByteArray name = m_line.left(colon).trimmed().toLower();
            const QByteArray value = m_line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = !value.isEmpty();
                for (char d : value)
                    ok = ok && d >= '0' && d <= '9';
                const qint64 len = ok && value.size() <= 18 ? value.toLongLong(&ok) : -1;
                if (!ok || len < 0 || (m_contentLength >= 0 && m_contentLength != len)) {
                    refuse(400, "BAD_REQUEST", QStringLiteral("Invalid Content-Length"), "bad_content_length");
                    return false;
                }
                if (len > m_cfg.maxBodyBytes) {
                    refuse(413, "PAYLOAD_TOO_LARGE", QStringLiteral("The body is larger than %1 bytes").arg(m_cfg.maxBodyBytes), "payload_too_large");
                    return false;
                }
                m_contentLength = len;
            } else if (name == "transfer-encoding") {
                m_chunked = true;
            } else if (name == "connection") {
                const QByteArray v = value.toLower();
                m_upgrade = m_upgrade || v.contains("upgrade");
                if (v.contains("close"))
                    m_close = true;
                else if (v.contains("keep-alive"))
                    m_close = false;
            }
            m_line.clear();
            break;
        }
        case Phase::Body: {
            const qint64 take = qMin(m_bodyLeft, n - i);
            i += take;
            m_scanned += take;
            m_bodyLeft -= take;
            if (m_bodyLeft == 0) {
                releaseBody();
                m_ends.push_back(m_scanned);
                m_phase = Phase::RequestLine;
            }
            break;
        }
        case Phase::Upgraded:
        case Phase::Refused:
            return m_phase == Phase::Upgraded;
        }
    }
    return true;
}

bool ConnectionGuard::takeCloseFlag()
{
    if (m_closeFlags.empty())
        return false;
    const bool close = m_closeFlags.front();
    m_closeFlags.pop_front();
    return close;
}

bool ConnectionGuard::endHeaders()
{
    m_line.clear();
    m_closeFlags.push_back(m_close);
    if (m_chunked) {
        refuse(411, "BAD_REQUEST", QStringLiteral("Send the body with a Content-Length (chunked request bodies are not accepted)"), "chunked_body");
        return false;
    }
    if (m_upgrade) {
        m_ends.push_back(m_scanned);
        m_phase = Phase::Upgraded;
        return true;
    }
    if (m_contentLength > 0) {
        if (!m_server || !m_server->reserveBody(m_contentLength)) {
            refuse(503, "SERVICE_UNAVAILABLE", QStringLiteral("Too many large request bodies are arriving at once; retry shortly"), "body_budget");
            return false;
        }
        m_reserved = m_contentLength;
        m_bodyLeft = m_contentLength;
        m_phase = Phase::Body;
        return true;
    }
    m_ends.push_back(m_scanned);
    m_phase = Phase::RequestLine;
    return true;
}

void ConnectionGuard::refuse(int status, const char *code, const QString &message, const char *reason)
{
    m_phase = Phase::Refused;
    releaseBody();
    m_lastActivityMs = nowMs();
    if (m_server)
        m_server->metrics().refused(reason);
    // QtHttpServer must not parse what follows: cut its readyRead connection before it runs.
    if (m_httpReceiver)
        disconnect(m_socket, &QTcpSocket::readyRead, m_httpReceiver, nullptr);
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    Response r = Response::json(status, Json{{"success", false},
                                             {"error", {{"code", code}, {"message", js(message)}, {"statusCode", status}}}});
    r.header("x-request-id", newId().toLatin1());
    r.header("X-Content-Type-Options", "nosniff");
    if (status == 503)
        r.header("Retry-After", "1");
    m_socket->write(r.serialise(false, true));
    m_socket->disconnectFromHost();
}

void ConnectionGuard::cutOff(const char *reason)
{
    m_phase = Phase::Refused;
    releaseBody();
    if (m_server)
        m_server->metrics().refused(reason);
    if (m_httpReceiver)
        disconnect(m_socket, &QTcpSocket::readyRead, m_httpReceiver, nullptr);
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    // Unread output would keep a graceful close waiting forever.
    if (m_socket->bytesToWrite() > 0)
        m_socket->abort();
    else
        m_socket->disconnectFromHost();
}

void ConnectionGuard::sweep(qint64 now)
{
    if (m_phase == Phase::Upgraded || m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    if (m_phase == Phase::Refused) {
        if (now - m_lastActivityMs > kRefusedGraceMs)
            m_socket->abort();
        return;
    }
    if (m_socket->bytesToWrite() > kMaxUnreadBytes)
        return cutOff("unread_responses");
    if (now - m_lastActivityMs < m_cfg.idleTimeoutMs)
        return;
    const bool midRequest = m_phase != Phase::RequestLine || !m_line.isEmpty();
    if (midRequest)
        refuse(408, "BAD_REQUEST", QStringLiteral("The request was not completed in time"), "request_timeout");
    else
        cutOff("idle");
}

} // namespace ery::http
