#pragma once

#include <QString>
#include <QStringList>

namespace ery {

// Sockets of the realtime feed (docs/realtime.md). The hub's cap protects the process; the tenant
// and key caps, below it, keep one client (or one runaway reconnect loop) from taking every socket.
struct RealtimeConfig {
    int maxConnections = 1000;
    int maxConnectionsPerTenant = 250;
    int maxConnectionsPerKey = 100;
};

// The embedded HTTP front end (ARCHITECTURE.md §6). The limits are the ones later Qt versions made
// default; QtHttpServer 6.4 has none of them, so our guard enforces them.
struct HttpConfig {
    bool enabled = false;                              // the desktop and `serve` turn it on
    bool optional = false;                             // the desktop: a port in use is reported, not fatal
    QString bind = QStringLiteral("127.0.0.1");        // LAN access is an explicit choice of the admin
    int port = 8787;                                   // 0 = any free port (tests)
    QString tlsCert, tlsKey;                           // PEM files; both set = HTTPS only
    qint64 maxBodyBytes = 32ll * 1024 * 1024;          // 413
    qint64 maxBodyBytesInFlight = 256ll * 1024 * 1024; // all connections' bodies being received: 503 beyond
    int maxUrlBytes = 64 * 1024;                       // 414
    int maxHeaderBytes = 64 * 1024;                    // 431
    int maxHeaderFields = 128;                         // 431
    int idleTimeoutMs = 15000;                         // keep-alive idle, no byte mid-request, answers not read: cut off
    int headTimeoutMs = 10000;                         // a request line + headers must arrive within this from their first byte (408)
    qint64 minBodyBytesPerSecond = 1024;               // a body slower than this on average (after the grace) → 408
    int bodyRateGraceMs = 5000;
    int handshakeTimeoutMs = 10000;  // a WebSocket upgrade request → 101 within this, else dropped
    int maxConnections = 1024;       // when full, the busiest address's idlest connection makes room
    int maxConnectionsPerPeer = 256; // loopback benchmarks open 50+ from one address
    int maxPipelined = 100;          // complete requests waiting on one connection
    QStringList corsOrigins;         // exact origins allowed to call from a browser; "*" = any
    RealtimeConfig realtime;         // the WebSocket feed on the same port
    // The file upload routes write their bodies to disk as they arrive instead of memory: their
    // own limit (413 beyond).
    qint64 maxUploadBytes = 1024ll * 1024 * 1024;
};

struct Config {
    QString dbUrl;    // SQLite path or postgresql:// URL; empty = the platform data directory
    int pollMs = 250; // how often the dispatcher looks for rows other processes committed
    HttpConfig http;
    QString hubKind = QStringLiteral("serve"); // how a serving process names itself in `status` ("serve", "desktop")
    bool integrationsOff = false;              // --integrations off: outgoing webhooks and MQTT paused on purpose
    // false: this process changes data and tells its own subscribers, but leaves webhooks and MQTT
    // to the hub serving the database (mcp-stdio); the outbox keeps every event for that hub.
    bool deliver = true;
    // Where attached files are stored; empty = a "files" folder beside the SQLite file, or in the
    // platform data directory for PostgreSQL.
    QString filesDir;

    static QString defaultDbPath();
    QString resolvedDbUrl() const { return dbUrl.isEmpty() ? defaultDbPath() : dbUrl; }
};

QString versionString();

} // namespace ery
