#include "connectionguard.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "guardedtcpserver.h"
#include "httpmetrics.h"
#include "response.h"

#include "request.h"

#include "domain/filecontent.h"
#include "files/stagingfile.h"

#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace ery::http {

namespace {
// Complete requests QtHttpServer has not reached yet, in bytes; past this a client is flooding.
constexpr qint64 kMaxBacklogBytes = 1024 * 1024;
// How long a refused client gets to read its error before the socket is dropped.
constexpr qint64 kRefusedGraceMs = 5000;

RequestFramer::Limits framerLimits(const HttpConfig &cfg, GuardedTcpServer *server)
{
    // The CSV import holds its body in memory, so it stays under the hub's one limit; the command
    // line reads a file of any size as it goes.
    return {cfg.maxUrlBytes,
            cfg.maxHeaderBytes,
            cfg.maxHeaderFields,
            cfg.maxBodyBytes,
            {{"/api/v1/import/", QStringLiteral("import a file this large on the server with the command line, "
                                                "eryxon-server import ENTITY FILE, which reads a CSV file of any size as it goes")}},
            server ? server->uploads().streamed : nullptr,
            cfg.maxUploadBytes};
}
// How much of an upload is read off the socket at a time.
constexpr qint64 kUploadReadBytes = 256 * 1024;
} // namespace

struct ConnectionGuard::Upload {
    std::unique_ptr<files::StagingFile> file;
    bool failed = false;
};

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpConfig &cfg, GuardedTcpServer *server)
    : QObject(socket), m_socket(socket), m_cfg(cfg), m_server(server), m_peer(socket->peerAddress().toString()), m_framer(framerLimits(cfg, server))
{
    m_lastActivityMs = m_lastProgressMs = nowMs();
    // First connection on readyRead: runs before QtHttpServer's, which is connected later.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_lastActivityMs = m_lastProgressMs = nowMs(); });
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
    if (m_phase == Phase::Uploading)
        return pumpUpload();
    if (m_phase != Phase::Http)
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
        if (m_uploadHead)
            return startUpload();
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
    if (m_phase == Phase::HandedOver) {
        // What follows is WebSocket frames (QWebSocket limits those) or nothing: the handshake
        // answer, or a refusal that closes the connection, comes next.
        disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        return;
    }
    if (int(m_ends.size()) > m_cfg.maxPipelined)
        return cutOff("pipelined_backlog");
    if (absEnd - m_serverPos > kMaxBacklogBytes + m_cfg.maxHeaderBytes)
        return cutOff("input_backlog");
}

bool ConnectionGuard::scan(const char *data, qint64 n)
{
    const qint64 now = nowMs();
    qint64 off = 0;
    while (true) {
        const bool wasInHead = m_framer.inHead();
        qint64 used = 0;
        const RequestFramer::Step step = m_framer.feed(data + off, n - off, &used);
        off += used;
        m_scanned += used;
        if (!wasInHead && m_framer.inHead())
            m_headStartMs = now;
        switch (step) {
        case RequestFramer::Step::NeedMore: return true;
        case RequestFramer::Step::Refused: {
            const auto &r = m_framer.refusal();
            refuse(r.status, r.code, r.message, r.reason);
            return false;
        }
        case RequestFramer::Step::Head:
            if (m_framer.streamed() && !m_framer.websocketUpgrade()) {
                // The rest is this upload's body: read by startUpload(), not scanned here.
                m_bodyStartMs = now;
                m_uploadHead = true;
                return true;
            }
            m_closeFlags.push_back(m_framer.closeAfter());
            m_bodyStartMs = now;
            if (m_framer.contentLength() > 0 && !reserveBody(m_framer.contentLength()))
                return false;
            break;
        case RequestFramer::Step::Chunk:
            // A chunked body's size is known a chunk at a time; so is its share of the budget.
            if (!reserveBody(m_framer.chunkSize()))
                return false;
            break;
        case RequestFramer::Step::Complete:
            // QtHttpServer 6.4 does not reliably read a request pipelined after trailer fields:
            // such a request's answer closes the connection, so the client sends the next anew.
            if (m_framer.trailers() && !m_closeFlags.empty())
                m_closeFlags.back() = true;
            releaseBody();
            m_ends.push_back(m_scanned);
            m_lastProgressMs = now;
            break;
        case RequestFramer::Step::Upgrade:
            m_phase = Phase::HandedOver;
            m_handedOverMs = now;
            return true;
        }
    }
}

bool ConnectionGuard::reserveBody(qint64 bytes)
{
    if (!m_server || !m_server->reserveBody(bytes)) {
        refuse(503, "SERVICE_UNAVAILABLE", QStringLiteral("Too many large request bodies are arriving at once; retry shortly"),
               "body_budget");
        return false;
    }
    m_reserved += bytes;
    return true;
}

void ConnectionGuard::setAnswering(bool answering)
{
    m_answering = answering;
    m_lastActivityMs = nowMs(); // the idle time starts again once the answer is out
}

bool ConnectionGuard::takeCloseFlag()
{
    if (m_closeFlags.empty())
        return false;
    const bool close = m_closeFlags.front();
    m_closeFlags.pop_front();
    return close;
}

void ConnectionGuard::startUpload()
{
    m_uploadHead = false;
    // What QtHttpServer has not read yet must be this request alone: an upload pipelined behind
    // requests still unanswered would be answered before them.
    while (!m_ends.empty() && m_ends.front() <= m_serverPos)
        m_ends.pop_front();
    if (!m_ends.empty())
        return refuse(400, "BAD_REQUEST", QStringLiteral("An upload cannot be pipelined behind other requests; send it on its own"),
                      "pipelined_upload");
    // A caller without a key (or whose key may not upload there) is answered before a byte of
    // the body is read, not after a gigabyte of it.
    if (m_server && m_server->uploads().precheck) {
        Request head = headOfUpload();
        if (std::optional<Response> refusal = m_server->uploads().precheck(head)) {
            m_phase = Phase::Refused;
            m_lastActivityMs = nowMs();
            m_server->metrics().refused("upload_refused");
            if (m_httpReceiver)
                disconnect(m_socket, &QTcpSocket::readyRead, m_httpReceiver, nullptr);
            disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
            m_socket->write(refusal->serialise(false, true));
            m_socket->disconnectFromHost();
            return;
        }
    }
    const QString dir = m_server ? m_server->uploads().dir : QString();
    auto file = files::StagingFile::create(dir, QStringLiteral("upload"), domain::filecontent::kSniffBytes);
    if (!file)
        return refuse(503, "SERVICE_UNAVAILABLE", QStringLiteral("The file store cannot take uploads right now"), "upload_unavailable");
    m_upload = std::make_unique<Upload>();
    m_upload->file = std::move(*file);
    // From here QtHttpServer sees nothing of this connection; its answer closes it.
    if (m_httpReceiver)
        disconnect(m_socket, &QTcpSocket::readyRead, m_httpReceiver, nullptr);
    m_phase = Phase::Uploading;
    // The head (or what QtHttpServer did not take of it) is dropped; the body follows.
    if (m_scanned > m_serverPos)
        m_socket->skip(m_scanned - m_serverPos);
    m_serverPos = m_scanned;
    Upload *u = m_upload.get();
    m_framer.setBodySink([u](const char *data, qint64 n) {
        if (!u->failed)
            u->failed = !u->file->write(data, n).ok();
    });
    for (const auto &[name, value] : m_framer.headers())
        if (name == "expect" && value.compare("100-continue", Qt::CaseInsensitive) == 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    // A body of none at all is complete with its head.
    if (m_framer.contentLength() <= 0 && !m_framer.chunked()) {
        qint64 used = 0;
        if (m_framer.feed(nullptr, 0, &used) == RequestFramer::Step::Complete)
            return finishUpload();
    }
    pumpUpload();
}

void ConnectionGuard::pumpUpload()
{
    while (m_phase == Phase::Uploading && m_socket->bytesAvailable() > 0) {
        const QByteArray buf = m_socket->read(qMin(m_socket->bytesAvailable(), kUploadReadBytes));
        m_lastActivityMs = nowMs();
        qint64 off = 0;
        while (off < buf.size()) {
            qint64 used = 0;
            const RequestFramer::Step step = m_framer.feed(buf.constData() + off, buf.size() - off, &used);
            off += used;
            m_scanned += used;
            m_serverPos = m_scanned;
            if (m_upload && m_upload->failed) {
                m_upload.reset();
                return refuse(500, "INTERNAL_ERROR", QStringLiteral("The upload could not be written to disk"), "upload_write");
            }
            if (step == RequestFramer::Step::Refused) {
                const auto &r = m_framer.refusal();
                return refuse(r.status, r.code, r.message, r.reason);
            }
            if (step == RequestFramer::Step::Complete)
                return finishUpload(); // anything after it is not read: the answer closes the connection
            if (step == RequestFramer::Step::NeedMore)
                break;
        }
    }
}

Request ConnectionGuard::headOfUpload() const
{
    Request r;
    r.method = methodFrom(QString::fromLatin1(m_framer.requestMethod()));
    const QUrl url(QString::fromLatin1(m_framer.requestTarget()));
    r.path = url.path();
    if (url.hasQuery()) {
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[k, v] : items)
            r.query.insert(k, v);
    }
    for (const auto &[name, value] : m_framer.headers())
        r.headers.append(qMakePair(name, value));
    r.peer = m_socket->peerAddress();
    return r;
}

void ConnectionGuard::finishUpload()
{
    m_framer.setBodySink(nullptr);
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_phase = Phase::Http;
    m_lastProgressMs = nowMs();
    std::unique_ptr<Upload> u = std::move(m_upload);
    auto staged = u ? u->file->finish() : Result<files::Staged>(Error::internal(QString()));
    if (!staged) {
        m_phase = Phase::Refused;
        return cutOff("upload_write");
    }
    Request r = headOfUpload();
    auto body = std::make_shared<UploadedBody>(std::move(*staged));
    r.upload = std::move(body);
    if (m_server && m_server->uploads().deliver)
        m_server->uploads().deliver(m_socket, std::move(r));
    else
        cutOff("upload_unanswered");
}

void ConnectionGuard::refuse(int status, const char *code, const QString &message, const char *reason)
{
    m_phase = Phase::Refused;
    m_framer.setBodySink(nullptr);
    m_upload.reset();
    releaseBody();
    m_lastActivityMs = nowMs();
    if (m_server)
        m_server->metrics().refused(reason);
    // QtHttpServer must not parse what follows: cut its readyRead connection before it runs.
    if (m_httpReceiver)
        disconnect(m_socket, &QTcpSocket::readyRead, m_httpReceiver, nullptr);
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    Response r =
        Response::json(status, Json{{"success", false}, {"error", {{"code", code}, {"message", toStd(message)}, {"statusCode", status}}}});
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
    m_framer.setBodySink(nullptr);
    m_upload.reset();
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

void ConnectionGuard::shed()
{
    cutOff("shed");
    // No grace: the slot is wanted now.
    m_socket->abort();
}

void ConnectionGuard::markStreaming()
{
    m_phase = Phase::Streaming;
    m_unsentSinceMs = nowMs();
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
}

void ConnectionGuard::sweep(qint64 now)
{
    if (m_phase == Phase::Upgraded || m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    if (m_phase == Phase::Streaming) {
        const qint64 unsent = m_socket->bytesToWrite();
        if (unsent == 0 || unsent != m_unsent)
            m_unsentSinceMs = now;
        m_unsent = unsent;
        if (unsent > 0 && now - m_unsentSinceMs > m_cfg.idleTimeoutMs)
            cutOff("unread_events");
        return;
    }
    if (m_phase == Phase::Refused) {
        if (now - m_lastActivityMs > kRefusedGraceMs)
            m_socket->abort();
        return;
    }
    if (m_phase == Phase::HandedOver) {
        // Handed to QWebSocketServer, which has a handshake timeout of its own; this one also
        // covers a socket it never finished with.
        if (now - m_handedOverMs > m_cfg.handshakeTimeoutMs) {
            if (m_server)
                m_server->metrics().refused("handshake_timeout");
            m_socket->abort();
        }
        return;
    }
    // Answers the client does not read: they may be large (they are sent with back-pressure), but
    // they must move.
    const qint64 unsent = m_socket->bytesToWrite();
    if (unsent == 0 || unsent != m_unsent)
        m_unsentSinceMs = now;
    m_unsent = unsent;
    if (unsent > 0 && now - m_unsentSinceMs > m_cfg.idleTimeoutMs)
        return cutOff("unread_responses");
    if (m_framer.inHead() && now - m_headStartMs > m_cfg.headTimeoutMs)
        return refuse(408, "REQUEST_TIMEOUT",
                      QStringLiteral("The request head was not completed within %1 s").arg(m_cfg.headTimeoutMs / 1000), "head_timeout");
    if (m_framer.inBody()) {
        const qint64 elapsed = now - m_bodyStartMs;
        if (elapsed > m_cfg.bodyRateGraceMs && m_framer.bodyReceived() * 1000 < m_cfg.minBodyBytesPerSecond * elapsed)
            return refuse(408, "REQUEST_TIMEOUT",
                          QStringLiteral("The request body arrived slower than %1 bytes/s").arg(m_cfg.minBodyBytesPerSecond),
                          "body_too_slow");
    }
    if (m_answering || now - m_lastActivityMs < m_cfg.idleTimeoutMs)
        return;
    if (m_framer.inHead() || m_framer.inBody())
        refuse(408, "REQUEST_TIMEOUT", QStringLiteral("The request was not completed in time"), "request_timeout");
    else if (unsent == 0)
        cutOff("idle");
}

} // namespace ery::http
