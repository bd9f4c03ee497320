#include "mcptransport.h"

#include "mcp/mcphttpendpoint.h"
#include "mcp/mcpserver.h"
#include "method.h"

#include <QTcpSocket>

using namespace ery::mcp;
using namespace ery::services;

namespace ery::http {

McpTransport::McpTransport(Services &services, const HttpConfig &cfg, QObject *parent)
    : QObject(parent), m_server(std::make_unique<McpServer>(services)), m_endpoint(std::make_unique<McpHttpEndpoint>(*m_server, cfg))
{
    connect(m_server.get(), &McpServer::notify, this, &McpTransport::onNotify);
    connect(m_server.get(), &McpServer::sessionClosed, this, &McpTransport::onSessionClosed);
    m_keepAlive.setInterval(15000);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        for (auto it = m_streams.begin(); it != m_streams.end();) {
            if (!*it || (*it)->state() != QAbstractSocket::ConnectedState) {
                it = m_streams.erase(it);
                continue;
            }
            (*it)->write(": keep-alive\n\n");
            ++it;
        }
    });
    m_keepAlive.start();
}

McpTransport::~McpTransport()
{
    for (const QPointer<QTcpSocket> &s : std::as_const(m_streams))
        if (s)
            s->disconnectFromHost();
}

Response McpTransport::answer(const Request &r)
{
    McpHttpEndpoint::Exchange x;
    x.method = methodName(r.method).toLatin1();
    x.body = r.body;
    x.header = [&r](const QByteArray &name) { return r.header(name); };
    McpHttpEndpoint::Answer a = m_endpoint->handle(x);
    Response resp;
    resp.status = a.status;
    resp.body = std::move(a.body);
    resp.contentType = a.contentType.isEmpty() ? QByteArray("application/json") : a.contentType;
    for (auto &h : a.headers)
        resp.header(h.first, h.second);
    if (!a.streamSession.isEmpty()) {
        const QString session = a.streamSession;
        resp.stream = [this, session](QTcpSocket *socket) {
            if (auto old = m_streams.value(session); old && old != socket)
                old->disconnectFromHost();
            m_streams.insert(session, socket);
            connect(socket, &QObject::destroyed, this, [this, session, socket] {
                if (m_streams.value(session) == socket)
                    m_streams.remove(session);
            });
        };
    }
    return resp;
}

void McpTransport::onNotify(const QString &sessionId, const QByteArray &message)
{
    // Stored for a resumed stream (Last-Event-ID) whether or not one is open now.
    const QByteArray event = m_endpoint->event(sessionId, message);
    if (event.isEmpty())
        return;
    if (QTcpSocket *s = m_streams.value(sessionId); s && s->state() == QAbstractSocket::ConnectedState)
        s->write(event);
}

void McpTransport::onSessionClosed(const QString &sessionId)
{
    if (QPointer<QTcpSocket> s = m_streams.take(sessionId); s)
        s->disconnectFromHost();
}

} // namespace ery::http
