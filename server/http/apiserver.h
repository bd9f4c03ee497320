#pragma once

#include "core/config.h"
#include "failedauthtracker.h"
#include "httpmetrics.h"
#include "idempotentposts.h"
#include "domain/ratelimiter.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>

#include <deque>
#include <functional>
#include <memory>

namespace ery::services {
class Services;
}

namespace ery::http {

class GuardedTcpServer;
class McpTransport;

// The REST API front end (ARCHITECTURE.md §6): QtHttpServer 6.4 parses, our GuardedTcpServer
// limits, and every request goes through one place for routing (404 vs 405 + Allow), key
// authentication with the failed-auth slow-down, scopes, per-key rate limits, request ids,
// security headers and CORS. Handlers are synchronous and run on the engine thread.
class ApiServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    // WebSocket upgrades on one path: `check` sees the `apikey` query item before the handshake
    // (a refusal is answered as HTTP, 401 and the like); `watch` gets the TCP socket of an accepted
    // upgrade before the handshake is answered; `take` gets the socket once upgraded.
    struct Upgrade {
        QString path;
        std::function<Status(const QString &apikey)> check;
        std::function<void(QWebSocket *)> take;
        std::function<void(QTcpSocket *)> watch;
    };

    // What the engine around the API answers for it: its liveness (/health, which any caller may ask
    // as often as it likes, so it reads nothing from the database), its status (/metrics, the
    // desktop's status bar) and the resume of paused outgoing integrations.
    struct EngineHooks {
        std::function<Json()> health;
        std::function<Json()> status;
        std::function<Result<Json>()> resumeIntegrations;
    };

    ApiServer(services::Services &services, HttpConfig cfg, EngineHooks engine, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on cfg.bind:cfg.port (port 0 = a free one).
    Status listen();
    quint16 port() const;
    bool tls() const;
    int openConnections() const;

    void setUpgrade(Upgrade u) { m_upgrade = std::move(u); }
    Router &router() { return m_router; }
    HttpMetrics &metrics() { return m_metrics; }
    const HttpConfig &config() const { return m_cfg; }
    services::Services &services() { return m_s; }
    // The MCP server at /mcp (routes/mcproutes.cpp).
    McpTransport &mcp() { return *m_mcp; }
    Json engineHealth() const { return m_engine.health ? m_engine.health() : Json::object(); }
    Json engineStatus() const { return m_engine.status ? m_engine.status() : Json::object(); }
    Result<Json> resumeIntegrations() const
    {
        return m_engine.resumeIntegrations ? m_engine.resumeIntegrations() : Result<Json>(Error::internal(QStringLiteral("No engine")));
    }
    // The MCP tool registry's names, which an MCP key's allowed_tools may name.
    const QStringList &mcpToolNames() const { return m_mcpToolNames; }
    // A wrong password counts like a wrong key (routes/authroutes.cpp): an address that keeps
    // failing is held off (429, then 403) before its attempt is even looked at.
    std::optional<Response> heldOff(const Request &r);
    void authFailed(const Request &r);
    // An upload's head, before its body is read: the refusal when its key cannot upload there.
    std::optional<Response> precheckUpload(Request &head);
    // A request from inside this process (the desktop's InProcessClient): routed, authorised and
    // answered exactly as one from a socket, including the wait for its group commit; `done` is
    // called on this thread with the answer.
    void dispatch(Request r, Response::Done done);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool handleUpgrade(const QHttpServerRequest &request, QTcpSocket *socket);
    // Routes, runs and queues the answer of one request.
    void answer(Request &r, QTcpSocket *socket, bool close, const QElapsedTimer &timer);
    // Back-pressure: while a client has more than kBackPressureBytes of answers unread, its next
    // requests wait (in order, at most maxPipelined) instead of piling up more answers; a large
    // answer itself is always sent whole.
    struct Waiting {
        Request request;
        bool close = false;
        QElapsedTimer timer;
    };
    void answerWaiting(QTcpSocket *socket);
    Response process(Request &r, QString *routeLabel);
    // process() with write grouping on and a handler's exception answered as a 500.
    Response processGrouped(Request &r, QString *routeLabel);
    Response authorize(Request &r, const Route &route, domain::RateLimiter::Decision *rate, bool *limited);
    void decorate(const Request &r, Response &resp, const domain::RateLimiter::Decision *rate) const;
    void addCors(const Request &r, Response &resp, bool preflight) const;
    // Answers leave in request order per connection. Most are sent at once; two kinds wait: those
    // computed while a group commit is open wait for it (Database::setGrouping) — a client is never
    // told "created" before the row is committed, nor shown rows that may still roll back — and
    // deferred ones (Response::later) wait for their result. Answers behind a waiting one on the
    // same connection wait with it.
    struct Slot {
        Response response;
        Response::Done local; // set for a request from this process: called instead of a socket write
        QString requestId;
        bool headOnly = false;
        bool close = false;
        bool ready = false;
    };
    void queue(QTcpSocket *socket, std::shared_ptr<Slot> slot);
    void flush(QTcpSocket *socket);
    void releaseGroup(bool committed);
    // The answer waits for the open group's commit (or its failure).
    void holdForCommit(QTcpSocket *socket, std::shared_ptr<Slot> slot);
    static void send(QTcpSocket *socket, const Response &resp, bool headOnly, bool close);

    services::Services &m_s;
    HttpConfig m_cfg;
    EngineHooks m_engine;
    Router m_router;
    HttpMetrics m_metrics;
    domain::RateLimiter m_limiter;
    FailedAuthTracker m_failedAuth;
    IdempotentPosts m_idempotent;
    GuardedTcpServer *m_tcp = nullptr;
    Upgrade m_upgrade;
    std::unique_ptr<McpTransport> m_mcp;
    QStringList m_mcpToolNames;
    QHash<QTcpSocket *, std::deque<std::shared_ptr<Slot>>> m_out; // connections with waiting answers
    std::vector<std::pair<QPointer<QTcpSocket>, std::shared_ptr<Slot>>> m_groupHeld;
    QHash<QTcpSocket *, std::deque<Waiting>> m_waiting;
    bool m_flushScheduled = false;
    static constexpr qint64 kBackPressureBytes = 8 * 1024 * 1024;
    static constexpr size_t kMaxHeld = 256; // a larger batch is committed at once
};

} // namespace ery::http
