#pragma once

#include "core/config.h"
#include "request.h"
#include "response.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace ery::services {
class Services;
}
namespace ery::mcp {
class McpServer;
class McpHttpEndpoint;
} // namespace ery::mcp

namespace ery::http {

// The MCP server on the API port (/mcp, routes/mcproutes.cpp): requests go to the transport-free
// McpHttpEndpoint; a session's GET event stream stays open here and gets the server's
// notifications (resource updates, log messages) as SSE events, with a keep-alive comment every
// 15 s. One stream per session: a new GET replaces the old one.
class McpTransport : public QObject {
    Q_OBJECT
public:
    McpTransport(services::Services &services, const HttpConfig &cfg, QObject *parent = nullptr);
    ~McpTransport() override;

    mcp::McpServer &server() { return *m_server; }
    Response answer(const Request &r);
    int openStreams() const { return int(m_streams.size()); }

private:
    void onNotify(const QString &sessionId, const QByteArray &message);
    void onSessionClosed(const QString &sessionId);

    std::unique_ptr<mcp::McpServer> m_server;
    std::unique_ptr<mcp::McpHttpEndpoint> m_endpoint;
    QHash<QString, QPointer<QTcpSocket>> m_streams;
    QTimer m_keepAlive;
};

} // namespace ery::http
