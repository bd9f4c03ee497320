#include "core/jsonutil.h"
#include "apiserver.h"
#include "mcptransport.h"
#include "mcp/toolregistry.h"

#include "core/ids.h"
#include "connectionguard.h"
#include "guardedtcpserver.h"
#include "routes/routes.h"
#include "services/services.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUrlQuery>
#include <QWebSocket>

#include <sys/resource.h>

using namespace ery::domain;
using namespace ery::services;

Q_LOGGING_CATEGORY(lcApi, "eryxon.http")
// One line per answered request (docs/api.md, "Server log"); its own category so an admin can turn
// it off alone; quiet (warnings only: 5xx) unless a log is installed, as `serve` does.
Q_LOGGING_CATEGORY(lcAccess, "eryxon.access", QtWarningMsg)

namespace ery::http {

namespace {

Method fromQt(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return Method::Get;
    case QHttpServerRequest::Method::Head: return Method::Head;
    case QHttpServerRequest::Method::Post: return Method::Post;
    case QHttpServerRequest::Method::Put: return Method::Put;
    case QHttpServerRequest::Method::Patch: return Method::Patch;
    case QHttpServerRequest::Method::Delete: return Method::Delete;
    case QHttpServerRequest::Method::Options: return Method::Options;
    default: return Method::Other;
    }
}

// An inbound x-request-id is reused when it is short and plain (the original's rule), so a caller
// can correlate; anything else is replaced.
QString requestIdFrom(const QByteArray &inbound)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._:-]{1,200}$"));
    const QString v = QString::fromLatin1(inbound);
    if (!v.isEmpty() && sane.match(v).hasMatch())
        return v;
    return newId();
}

// What the log says of a request before its answer: method, path and query (values of parameters
// that carry secrets masked), who asked (the key's display prefix, never the key) and from where.
QString accessHead(const Request &r)
{
    static const QStringList secret{"apikey", "api_key", "key", "token", "access_token", "secret", "password", "signature"};
    QString target = r.path;
    if (!r.query.isEmpty()) {
        QStringList parts;
        for (auto it = r.query.begin(); it != r.query.end(); ++it)
            parts << it.key().left(100) + QLatin1Char('=') +
                         (secret.contains(it.key().toLower()) ? QStringLiteral("***") : it.value().left(100));
        parts.sort();
        target += QLatin1Char('?') + parts.join(QLatin1Char('&'));
    }
    if (target.size() > 300)
        target = target.left(300) + QStringLiteral("…");
    return QStringLiteral("%1 %2").arg(methodName(r.method), target);
}

QString accessTail(const Request &r)
{
    return QStringLiteral("key=%1 from %2 id=%3")
        .arg(r.key ? r.key->prefix + QStringLiteral("…") : QStringLiteral("-"), r.peer.toString(), r.requestId);
}

void logAccess(const QString &head, const QString &tail, int status, const QElapsedTimer &timer)
{
    const QString line =
        QStringLiteral("%1 %2 %3 ms %4").arg(head).arg(status).arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1).arg(tail);
    if (status >= 500)
        qCWarning(lcAccess).noquote() << line;
    else
        qCInfo(lcAccess).noquote() << line;
}

bool allows(const QString &keyScope, Access need)
{
    switch (need) {
    case Access::Public: return true;
    case Access::Read: return keyScope != QLatin1String("terminal");
    case Access::Terminal: return keyScope == QLatin1String("terminal") || keyScope == QLatin1String("admin");
    case Access::Write: return keyScope == QLatin1String("read_write") || keyScope == QLatin1String("admin");
    case Access::Admin:
    case Access::AdminOrLoopback: return keyScope == QLatin1String("admin");
    }
    return false;
}

// The answer to an address in the failed-auth slow-down (429 while it must wait, 403 while banned),
// the same for REST requests and WebSocket upgrades.
Response failedAuthAnswer(const FailedAuthTracker::Verdict &verdict)
{
    Response resp =
        verdict.kind == FailedAuthTracker::Verdict::Banned
            ? Response::error(
                  Error::forbidden(QStringLiteral("This address is banned for %1 s after too many failed authentication attempts")
                                       .arg(verdict.retryAfterSeconds)))
            : Response::error({ErrorCode::RateLimitExceeded,
                               QStringLiteral("Too many failed authentication attempts; retry in %1 s").arg(verdict.retryAfterSeconds),
                               nullptr});
    resp.header("Retry-After", QByteArray::number(verdict.retryAfterSeconds));
    return resp;
}

// Every connection is a file descriptor, and the usual soft limit (1,024) is the hub's whole
// connection cap: without headroom the accept loop would fail before the guard could shed anyone.
void raiseOpenFileLimit(int want)
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= rlim_t(want))
        return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? rlim_t(want) : std::min(rl.rlim_max, rlim_t(want));
    setrlimit(RLIMIT_NOFILE, &rl);
}

} // namespace

ApiServer::ApiServer(Services &services, HttpConfig cfg, EngineHooks engine, QObject *parent)
    : QAbstractHttpServer(parent), m_s(services), m_cfg(std::move(cfg)), m_engine(std::move(engine)), m_idempotent(services.idempotency),
      m_mcp(std::make_unique<McpTransport>(services, m_cfg)), m_mcpToolNames(mcp::ToolRegistry::standard().names())
{
    installRoutes(*this);
    // Connected before any request arrives: QtHttpServer only offers upgrades when it is.
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
            if (ws && m_tcp) // the 101 is out: from here QWebSocket and the realtime limits guard it
                m_tcp->markUpgraded(ws->peerAddress(), ws->peerPort());
            if (ws && m_upgrade.take)
                m_upgrade.take(ws.release());
        }
    });
}

ApiServer::~ApiServer()
{
    // Answers still waiting for their commit go out (or fail) before the sockets go away.
    (void)m_s.writes.flush();
    m_mcp.reset(); // its usage log is written before the services go
}

Status ApiServer::listen()
{
    raiseOpenFileLimit(4 * m_cfg.maxConnections + 1024);
    m_tcp = new GuardedTcpServer(m_cfg, m_metrics, this);
    // Uploads go to the file store's staging folder as they arrive, so the store renames them in.
    m_tcp->setUploads({[this](QByteArrayView method, QByteArrayView target) { return m_router.streamsBody(method, target); },
                       m_s.files.stagingDir(), [this](QTcpSocket *socket, Request &&r) {
                           QElapsedTimer timer;
                           timer.start();
                           r.requestId = requestIdFrom(r.header("x-request-id"));
                           answer(r, socket, true, timer);
                       },
                       [this](Request &head) { return precheckUpload(head); }});
    // details.reason says why in a word a caller can act on (the desktop's status bar words it):
    // tls, bad_bind, port_in_use, permission_denied, address_unavailable or listen_failed.
    auto failure = [this](ErrorCode code, const QString &message, const char *reason) {
        return Error{code, message, Json{{"reason", reason}, {"bind", toStd(m_cfg.bind)}, {"port", m_cfg.port}}};
    };
    if (const QString e = m_tcp->setupTls(); !e.isEmpty())
        return failure(ErrorCode::BadRequest, e, "tls");
    QHostAddress addr;
    if (m_cfg.bind == QLatin1String("localhost"))
        addr = QHostAddress::LocalHost;
    else if (!addr.setAddress(m_cfg.bind))
        return failure(ErrorCode::BadRequest, QStringLiteral("--bind needs an IP address, got \"%1\"").arg(m_cfg.bind), "bad_bind");
    // A burst of connects (clients reconnecting after a network blip, or a flood) must not overflow
    // the kernel's accept queue: a dropped SYN costs the client a one-second retransmit.
    m_tcp->setListenBacklogSize(qMax(m_cfg.maxConnections, 128));
    if (!m_tcp->listen(addr, quint16(m_cfg.port))) {
        const char *reason = "listen_failed";
        switch (m_tcp->serverError()) {
        case QAbstractSocket::AddressInUseError: reason = "port_in_use"; break;
        case QAbstractSocket::SocketAccessError: reason = "permission_denied"; break;
        case QAbstractSocket::SocketAddressNotAvailableError: reason = "address_unavailable"; break;
        default: break;
        }
        return failure(ErrorCode::Internal,
                       QStringLiteral("cannot listen on %1:%2: %3").arg(m_cfg.bind).arg(m_cfg.port).arg(m_tcp->errorString()), reason);
    }
    m_tcp->setHttpReceiver(this);
    bind(m_tcp);
    return {};
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

int ApiServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

bool ApiServer::tls() const
{
    return m_tcp && m_tcp->tls();
}

bool ApiServer::handleUpgrade(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // QtHttpServer 6.4 hands the socket to its WebSocket server when this returns true, and calls
    // missingHandler when it returns false; a refusal is written here, so missingHandler is told
    // to stay quiet.
    const QUrl url = request.url();
    auto refuse = [&](const Response &resp) {
        socket->setProperty("eryAnswered", true);
        send(socket, resp, false, true);
        return false;
    };
    if (!m_upgrade.take || url.path() != m_upgrade.path)
        return refuse(Response::error(Error::notFound(QStringLiteral("WebSocket endpoint %1").arg(url.path()))));
    const qint64 now = Clock::nowMs();
    const QString addr = request.remoteAddress().toString();
    if (const auto verdict = m_failedAuth.check(addr, now); verdict.kind != FailedAuthTracker::Verdict::Allow)
        return refuse(failedAuthAnswer(verdict));
    const QString apikey = QUrlQuery(url).queryItemValue(QStringLiteral("apikey"), QUrl::FullyDecoded);
    if (auto ok = m_upgrade.check(apikey); !ok) {
        if (ok.error().code == ErrorCode::Unauthorized)
            m_failedAuth.failed(addr, now);
        Response resp = Response::error(ok.error());
        if (resp.status == 429 || resp.status == 503) // a socket cap: one may close soon
            resp.header("Retry-After", "5");
        return refuse(resp);
    }
    // Watched from now on, before QWebSocket reads a frame.
    if (m_upgrade.watch)
        m_upgrade.watch(socket);
    // Small frames go out at once (no Nagle delay waiting for the peer's delayed ACK).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return true;
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The guard read the request head, so it knows whether this is the WebSocket upgrade that
    // QtHttpServer hands over, and HTTP/1.0's default of closing too.
    auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (guard && guard->handedOver())
        return handleUpgrade(request, socket);
    QElapsedTimer timer;
    timer.start();
    Request r;
    r.method = fromQt(request.method());
    const QUrl url = request.url();
    r.path = url.path();
    if (url.hasQuery()) {
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[k, v] : items)
            r.query.insert(k, v);
    }
    r.headers = request.headers();
    r.body = request.body();
    r.peer = request.remoteAddress();
    r.requestId = requestIdFrom(r.header("x-request-id"));
    const bool close = guard ? guard->takeCloseFlag() : r.header("connection").toLower().contains("close");
    auto w = m_waiting.find(socket);
    if (w == m_waiting.end() && socket->bytesToWrite() <= kBackPressureBytes) {
        answer(r, socket, close, timer);
        return true;
    }
    // The client has not read the answers already sent: the next one waits until it does.
    if (w == m_waiting.end()) {
        w = m_waiting.insert(socket, {});
        if (!socket->property("eryWaitWatched").toBool()) { // once per socket, as in queue()
            socket->setProperty("eryWaitWatched", true);
            connect(socket, &QIODevice::bytesWritten, this, [this, socket] { answerWaiting(socket); });
            connect(socket, &QObject::destroyed, this, [this, socket] { m_waiting.remove(socket); });
        }
    }
    w->push_back({std::move(r), close, timer});
    if (int(w->size()) > m_cfg.maxPipelined) {
        m_metrics.refused("unread_responses");
        socket->abort();
    }
    return true;
}

void ApiServer::answerWaiting(QTcpSocket *socket)
{
    auto w = m_waiting.find(socket);
    while (w != m_waiting.end() && !w->empty() && socket->bytesToWrite() <= kBackPressureBytes) {
        Waiting next = std::move(w->front());
        w->pop_front();
        answer(next.request, socket, next.close, next.timer);
        w = m_waiting.find(socket);
    }
    if (w != m_waiting.end() && w->empty())
        m_waiting.erase(w);
}

Response ApiServer::processGrouped(Request &r, QString *routeLabel)
{
    // Writes of the requests handled in one turn share a commit (holdForCommit).
    WriteGroup &group = m_s.writes;
    group.setGrouping(true);
    Response resp;
    try {
        resp = process(r, routeLabel);
    } catch (const std::exception &e) {
        // A handler bug: never a crash, never a leak of the detail; the id ties it to the log.
        qCWarning(lcApi) << "request" << r.requestId << methodName(r.method) << r.path << "failed:" << e.what();
        resp = Response::error(Error::internal(QStringLiteral("Internal error (request %1)").arg(r.requestId)));
    }
    group.setGrouping(false);
    return resp;
}

void ApiServer::answer(Request &r, QTcpSocket *socket, bool close, const QElapsedTimer &timer)
{
    QString label = QStringLiteral("unmatched");
    Response resp = processGrouped(r, &label);
    WriteGroup &group = m_s.writes;
    auto slot = std::make_shared<Slot>();
    slot->requestId = r.requestId;
    slot->headOnly = r.method == Method::Head;
    slot->close = close;
    if (resp.later) {
        // The headers the placeholder was decorated with (request id, security, rate limit, CORS)
        // go onto the answer when it arrives.
        auto start = std::move(resp.later);
        QPointer<ApiServer> self(this);
        QPointer<QTcpSocket> sock(socket);
        queue(socket, slot);
        // A client that hangs up while its answer is worked on (an export, an import) has given
        // up: the work stops and writes nothing.
        auto hangUp = std::make_shared<QMetaObject::Connection>(
            connect(socket, &QTcpSocket::disconnected, this, [cancel = r.cancel] { cancel->store(true); }));
        start([self, sock, slot, hangUp, headers = std::move(resp.headers), label, timer, method = r.method, head = accessHead(r),
               tail = accessTail(r)](Response done) {
            QObject::disconnect(*hangUp);
            if (!self)
                return;
            for (const auto &h : headers)
                if (done.headerValue(h.first).isEmpty())
                    done.header(h.first, h.second);
            self->m_metrics.request(label, methodName(method), done.status, double(timer.nsecsElapsed()) / 1e9);
            if (lcAccess().isInfoEnabled() || done.status >= 500)
                logAccess(head, tail, done.status, timer);
            slot->response = std::move(done);
            slot->ready = true;
            if (sock)
                self->flush(sock);
        });
        return;
    }
    m_metrics.request(label, methodName(r.method), resp.status, double(timer.nsecsElapsed()) / 1e9);
    if (lcAccess().isInfoEnabled() || resp.status >= 500)
        logAccess(accessHead(r), accessTail(r), resp.status, timer);
    slot->response = std::move(resp);
    if (group.open()) {
        queue(socket, slot);
        holdForCommit(socket, slot);
        return;
    }
    slot->ready = true;
    queue(socket, slot);
}

void ApiServer::holdForCommit(QTcpSocket *socket, std::shared_ptr<Slot> slot)
{
    WriteGroup &group = m_s.writes;
    if (m_groupHeld.empty())
        group.onEnd([this](bool committed) { releaseGroup(committed); });
    m_groupHeld.emplace_back(socket, std::move(slot));
    if (m_groupHeld.size() >= kMaxHeld) {
        (void)group.flush();
    } else if (!m_flushScheduled) {
        // The requests that are ready now share the commit; it happens once the event loop has
        // handed them all over (or earlier, when another writer needs the database).
        m_flushScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_flushScheduled = false;
                if (auto s = m_s.writes.flush(); !s)
                    qCWarning(lcApi) << "committing a batch of requests failed:" << s.error().message;
            },
            Qt::QueuedConnection);
    }
}

void ApiServer::dispatch(Request r, Response::Done done)
{
    QElapsedTimer timer;
    timer.start();
    if (r.requestId.isEmpty())
        r.requestId = requestIdFrom(r.header("x-request-id"));
    r.inProcess = true;
    QString label = QStringLiteral("unmatched");
    Response resp = processGrouped(r, &label);
    WriteGroup &group = m_s.writes;
    if (resp.later) {
        auto start = std::move(resp.later);
        QPointer<ApiServer> self(this);
        start([self, done = std::move(done), headers = std::move(resp.headers), label, timer, method = r.method](Response answer) {
            if (!self)
                return;
            for (const auto &h : headers)
                if (answer.headerValue(h.first).isEmpty())
                    answer.header(h.first, h.second);
            self->m_metrics.request(label, methodName(method), answer.status, double(timer.nsecsElapsed()) / 1e9);
            done(std::move(answer));
        });
        return;
    }
    m_metrics.request(label, methodName(r.method), resp.status, double(timer.nsecsElapsed()) / 1e9);
    if (!group.open()) {
        done(std::move(resp));
        return;
    }
    auto slot = std::make_shared<Slot>();
    slot->requestId = r.requestId;
    slot->response = std::move(resp);
    slot->local = std::move(done);
    holdForCommit(nullptr, std::move(slot));
}

void ApiServer::send(QTcpSocket *socket, const Response &resp, bool headOnly, bool close)
{
    resp.writeTo(socket, headOnly, close);
    if (resp.stream && !headOnly) {
        if (auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
            guard->markStreaming();
        resp.stream(socket);
        return;
    }
    if (close)
        socket->disconnectFromHost();
}

void ApiServer::queue(QTcpSocket *socket, std::shared_ptr<Slot> slot)
{
    auto it = m_out.find(socket);
    if (it == m_out.end()) {
        if (slot->ready) { // the usual case: nothing waits on this connection
            send(socket, slot->response, slot->headOnly, slot->close);
            return;
        }
        it = m_out.insert(socket, {});
        // The client waits for an answer being worked on (an import, a probe, a commit): it is
        // not idle, however long that takes.
        if (auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
            guard->setAnswering(true);
        // Once per socket (Qt::UniqueConnection does not work with a lambda): a socket that goes
        // away with answers waiting takes them along, so a later socket at the same address
        // never inherits them.
        if (!socket->property("eryOutWatched").toBool()) {
            socket->setProperty("eryOutWatched", true);
            connect(socket, &QObject::destroyed, this, [this, socket] { m_out.remove(socket); });
        }
    }
    it->push_back(std::move(slot));
    flush(socket);
}

void ApiServer::flush(QTcpSocket *socket)
{
    auto it = m_out.find(socket);
    if (it == m_out.end())
        return;
    while (!it->empty() && it->front()->ready) {
        const std::shared_ptr<Slot> s = it->front();
        it->pop_front();
        send(socket, s->response, s->headOnly, s->close);
    }
    if (it->empty()) {
        m_out.erase(it);
        if (auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
            guard->setAnswering(false);
    }
}

void ApiServer::releaseGroup(bool committed)
{
    auto held = std::move(m_groupHeld);
    m_groupHeld.clear();
    for (auto &[socket, slot] : held) {
        if (!committed) {
            Response failed =
                Response::error(Error::internal(QStringLiteral("The change could not be stored (request %1)").arg(slot->requestId)));
            failed.header("x-request-id", slot->requestId.toLatin1());
            slot->response = std::move(failed);
        }
        slot->ready = true;
    }
    for (auto &[socket, slot] : held) {
        if (slot->local)
            slot->local(std::move(slot->response));
        else if (socket)
            flush(socket);
    }
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached for a refused WebSocket upgrade,
    // which was answered already.
    if (socket->property("eryAnswered").toBool())
        return;
    Response resp = Response::error(Error::notFound(QStringLiteral("Route %1").arg(request.url().path())));
    socket->write(resp.serialise(false, false));
}

Response ApiServer::process(Request &r, QString *routeLabel)
{
    const Router::Match m = m_router.match(r.method == Method::Options ? Method::Get : r.method, r.path);
    if (r.method == Method::Options) {
        // CORS preflight (and a plain OPTIONS): which methods the path takes. 200 "ok" as the
        // original answered (some browser-side clients treat any other success as a failure);
        // the CORS headers only for a configured origin.
        const QStringList allowed = m_router.methodsFor(r.path);
        if (allowed.isEmpty()) {
            Response resp = Response::error(Error::notFound(QStringLiteral("Route %1").arg(r.path)));
            decorate(r, resp, nullptr);
            return resp;
        }
        Response resp = Response::text(200, "ok", "text/plain");
        resp.header("Allow", allowed.join(QStringLiteral(", ")).toLatin1());
        addCors(r, resp, true);
        decorate(r, resp, nullptr);
        return resp;
    }
    if (!m.route) {
        Response resp;
        if (m.allowed.isEmpty()) {
            resp = Response::error(Error::notFound(QStringLiteral("Route %1").arg(r.path)));
        } else {
            resp =
                Response::error({ErrorCode::MethodNotAllowed, QStringLiteral("%1 is not allowed on %2").arg(methodName(r.method), r.path),
                                 Json{{"allowed", toStd(m.allowed.join(QStringLiteral(", ")))}}});
            resp.header("Allow", m.allowed.join(QStringLiteral(", ")).toLatin1());
        }
        decorate(r, resp, nullptr);
        return resp;
    }
    const Route &route = *m.route;
    *routeLabel = route.pattern;
    r.params = m.params;
    RateLimiter::Decision rate;
    bool limited = false;
    Response resp = authorize(r, route, &rate, &limited);
    if (resp.status == 0)
        resp = r.method == Method::Post ? m_idempotent.handle(r, route.handler) : route.handler(r);
    decorate(r, resp, limited ? &rate : nullptr);
    return resp;
}

std::optional<Response> ApiServer::precheckUpload(Request &r)
{
    r.requestId = requestIdFrom(r.header("x-request-id"));
    const Router::Match m = m_router.match(r.method, r.path);
    if (!m.route || m.route->access == Access::Public)
        return std::nullopt;
    std::optional<Response> refusal;
    const QString authz = QString::fromLatin1(r.header("authorization"));
    if (auto held = heldOff(r)) {
        refusal = std::move(held);
    } else if (!authz.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) || authz.size() <= 7) {
        refusal = Response::error(Error::unauthorized(QStringLiteral("Missing or invalid authorization header (use Authorization: Bearer ery_live_... or a session token)")));
    } else if (auto key = m_s.sessions.resolve(authz.mid(7).trimmed()); !key) {
        if (key.error().code == ErrorCode::Unauthorized)
            authFailed(r);
        refusal = Response::error(key.error());
    } else if (!allows(key->access, m.route->access)) {
        refusal = Response::error(Error::forbidden(QStringLiteral("This API key has the %1 scope; this route needs read_write").arg(key->access)));
    }
    if (refusal)
        decorate(r, *refusal, nullptr);
    return refusal;
}

std::optional<Response> ApiServer::heldOff(const Request &r)
{
    if (const auto verdict = m_failedAuth.check(r.peer.toString(), Clock::nowMs()); verdict.kind != FailedAuthTracker::Verdict::Allow)
        return failedAuthAnswer(verdict);
    return std::nullopt;
}

void ApiServer::authFailed(const Request &r)
{
    m_failedAuth.failed(r.peer.toString(), Clock::nowMs());
}

Response ApiServer::authorize(Request &r, const Route &route, RateLimiter::Decision *rate, bool *limited)
{
    Response pass;
    pass.status = 0;
    if (route.access == Access::Public)
        return pass;
    const QString authz = QString::fromLatin1(r.header("authorization"));
    if (route.access == Access::AdminOrLoopback && authz.isEmpty() && r.peer.isLoopback())
        return pass;
    const qint64 now = Clock::nowMs();
    const QString addr = r.peer.toString();
    if (const auto verdict = m_failedAuth.check(addr, now); verdict.kind != FailedAuthTracker::Verdict::Allow)
        return failedAuthAnswer(verdict);
    if (!authz.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) || authz.size() <= 7)
        return Response::error(
            Error::unauthorized(QStringLiteral("Missing or invalid authorization header (use Authorization: Bearer ery_live_... or a session token)")));
    auto key = m_s.sessions.resolve(authz.mid(7).trimmed());
    if (!key) {
        if (key.error().code == ErrorCode::Unauthorized)
            m_failedAuth.failed(addr, now);
        return Response::error(key.error());
    }
    r.key = *key;

    if (const auto limit = RateLimiter::limitFor(key->plan, key->perMinuteOverride)) {
        *rate = m_limiter.take(key->keyId, *limit, now);
        *limited = true;
        if (!rate->allowed) {
            const QString resetAt = QDateTime::fromMSecsSinceEpoch(now + rate->resetSeconds * 1000, Qt::UTC).toString(Qt::ISODateWithMs);
            Response resp = Response::json(
                429, Json{{"success", false},
                          {"error",
                           {{"code", "RATE_LIMIT_EXCEEDED"},
                            {"message",
                             toStd(QStringLiteral("Rate limit exceeded. Your %1 plan allows %2 requests per minute. Please upgrade your "
                                                  "plan or wait until the limit resets.")
                                       .arg(key->plan.isEmpty() ? QStringLiteral("free") : key->plan)
                                       .arg(rate->limit))},
                            {"statusCode", 429},
                            {"rateLimitInfo", {{"remaining", 0}, {"resetAt", toStd(resetAt)}, {"retryAfter", rate->retryAfterSeconds}}}}}});
            resp.header("Retry-After", QByteArray::number(rate->retryAfterSeconds));
            return resp;
        }
    }
    if (!allows(key->access, route.access)) {
        const char *need = route.access == Access::Write      ? "read_write"
                           : route.access == Access::Read     ? "read"
                           : route.access == Access::Terminal ? "terminal (or admin)"
                                                              : "admin";
        return Response::error(
            Error::forbidden(QStringLiteral("This API key has the %1 scope; this route needs %2").arg(key->access, QLatin1String(need))));
    }
    if (auto t = key->session ? Status() : m_s.apiKeys.touch(*key); !t)
        qCWarning(lcApi) << "recording key use failed:" << t.error().message;
    return pass;
}

void ApiServer::decorate(const Request &r, Response &resp, const RateLimiter::Decision *rate) const
{
    resp.header("x-request-id", r.requestId.toLatin1());
    resp.header("X-Content-Type-Options", "nosniff");
    resp.header("X-Frame-Options", "DENY");
    resp.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    resp.header("Referrer-Policy", "no-referrer");
    resp.header("Cache-Control", "no-store");
    if (tls())
        resp.header("Strict-Transport-Security", "max-age=31536000");
    if (rate) {
        const QByteArray limit = QByteArray::number(rate->limit);
        resp.header("RateLimit-Policy", "\"default\";q=" + limit + ";w=" + QByteArray::number(RateLimiter::kWindowSeconds));
        resp.header("RateLimit", "\"default\";r=" + QByteArray::number(rate->remaining) + ";t=" + QByteArray::number(rate->resetSeconds));
        resp.header("X-RateLimit-Limit", limit);
        resp.header("X-RateLimit-Remaining", QByteArray::number(rate->remaining));
        resp.header("X-RateLimit-Reset", QByteArray::number(Clock::nowMs() / 1000 + rate->resetSeconds));
    }
    addCors(r, resp, false);
}

void ApiServer::addCors(const Request &r, Response &resp, bool preflight) const
{
    const QByteArray origin = r.header("origin");
    if (origin.isEmpty() || m_cfg.corsOrigins.isEmpty())
        return;
    if (!m_cfg.corsOrigins.contains(QStringLiteral("*")) && !m_cfg.corsOrigins.contains(QString::fromLatin1(origin)))
        return;
    if (!resp.headerValue("Access-Control-Allow-Origin").isEmpty())
        return;
    resp.header("Access-Control-Allow-Origin", origin);
    resp.header("Vary", "Origin");
    resp.header("Access-Control-Expose-Headers",
                "x-request-id, RateLimit, RateLimit-Policy, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After");
    if (preflight) {
        resp.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        resp.header("Access-Control-Allow-Headers", "authorization, x-client-info, apikey, content-type, x-request-id, idempotency-key");
        resp.header("Access-Control-Max-Age", "600");
    }
}

} // namespace ery::http
