#pragma once

#include "core/config.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace ery::mcp {

class McpServer;

// Streamable HTTP (MCP 2025-11-25 transports) over plain values, so the HTTP layer only carries
// bytes: key authentication (Authorization: Bearer mcp_live_… / mcp_test_…), Origin and Host checks
// against DNS rebinding, content types, the MCP-Protocol-Version header, sessions
// (Mcp-Session-Id issued on initialize; unknown or expired → 404; DELETE ends one) and the stateless
// 2026-07-28 requests, told apart by their _meta. A POST is answered with JSON, or with an SSE body
// when the client accepts one and the call sent progress notifications. GET asks for the session's
// event stream, which the HTTP layer keeps open (stream()).
class McpHttpEndpoint {
public:
    struct Exchange {
        QByteArray method; // POST, GET, DELETE, ...
        QByteArray body;
        std::function<QByteArray(const QByteArray &lowerName)> header;
    };
    struct Answer {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        std::vector<std::pair<QByteArray, QByteArray>> headers;
        // GET: the session whose notifications to stream from now on, after event `resumeAfter`.
        QString streamSession;
        qint64 resumeAfter = 0;
    };

    McpHttpEndpoint(McpServer &server, const HttpConfig &cfg) : m_server(server), m_cfg(cfg) { }

    Answer handle(const Exchange &x);
    // The stored events of a session after `after`, as SSE text (for a resumed GET stream).
    QByteArray replay(const QString &sessionId, qint64 after) const;
    // One notification as an SSE event with its id, stored for resumption.
    QByteArray event(const QString &sessionId, const QByteArray &message);

    static QByteArray sse(const QByteArray &json, qint64 id = 0);

private:
    bool originAllowed(const QByteArray &origin) const;
    bool hostAllowed(const QByteArray &host) const;
    McpServer &m_server;
    const HttpConfig &m_cfg;
};

} // namespace ery::mcp
