#include "mcphttpendpoint.h"

#include "core/jsonutil.h"
#include "mcpserver.h"
#include "services/mcpkeyservice.h"

#include <QHostAddress>
#include <QUrl>

using namespace ery::services;

namespace ery::mcp {

namespace {
constexpr int kUnauthorized = -32001;
constexpr int kHeaderMismatch = -32020;
constexpr int kUnsupportedVersion = -32022;
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;

McpHttpEndpoint::Answer jsonAnswer(int status, const Json &body)
{
    McpHttpEndpoint::Answer a;
    a.status = status;
    a.body = QByteArray::fromStdString(jsonText(body));
    return a;
}

McpHttpEndpoint::Answer refusal(int status, int code, const QString &message)
{
    return jsonAnswer(status, McpServer::error(nullptr, code, message));
}

bool isLoopbackName(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

// "host", "host:port", "[::1]:port" → the host without brackets and port.
QString hostPart(const QByteArray &hostHeader)
{
    QString h = QString::fromLatin1(hostHeader).trimmed();
    if (h.startsWith(QLatin1Char('['))) {
        const int end = h.indexOf(QLatin1Char(']'));
        return end > 0 ? h.mid(1, end - 1) : h;
    }
    const int colon = h.lastIndexOf(QLatin1Char(':'));
    return colon > 0 && h.count(QLatin1Char(':')) == 1 ? h.left(colon) : h;
}

bool accepts(const QByteArray &accept, const char *type)
{
    return accept.isEmpty() || accept.contains(type) || accept.contains("*/*");
}

bool hasRequest(const Json &message)
{
    auto isRequest = [](const Json &m) { return m.is_object() && m.contains("method") && m.contains("id"); };
    if (message.is_array()) {
        for (const Json &m : message)
            if (isRequest(m) || !m.is_object() || !m.contains("method"))
                return true; // malformed entries are answered too
        return false;
    }
    return isRequest(message) || !message.is_object() || !message.contains("method");
}
} // namespace

QByteArray McpHttpEndpoint::sse(const QByteArray &json, qint64 id)
{
    QByteArray out;
    if (id > 0)
        out += "id: " + QByteArray::number(id) + '\n';
    out += "event: message\ndata: " + json + "\n\n";
    return out;
}

bool McpHttpEndpoint::originAllowed(const QByteArray &origin) const
{
    // No Origin: not a browser. A browser page may only reach the hub from this machine's own
    // pages or an origin the admin listed (http.cors_origins); anything else is DNS rebinding or a
    // foreign site.
    if (origin.isEmpty())
        return true;
    const QString o = QString::fromLatin1(origin);
    if (m_cfg.corsOrigins.contains(QStringLiteral("*")) || m_cfg.corsOrigins.contains(o))
        return true;
    const QUrl url(o);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) && isLoopbackName(url.host());
}

bool McpHttpEndpoint::hostAllowed(const QByteArray &host) const
{
    // A hub bound to loopback is reached by loopback names only: a rebound DNS name pointing at
    // 127.0.0.1 arrives with its own Host and is refused. A LAN hub is reached by any of its names.
    const QHostAddress bind(m_cfg.bind);
    if (bind.isNull() || !bind.isLoopback())
        return true;
    return !host.isEmpty() && isLoopbackName(hostPart(host));
}

McpHttpEndpoint::Answer McpHttpEndpoint::handle(const Exchange &x)
{
    if (!originAllowed(x.header("origin")))
        return refusal(403, kInvalidRequest, QStringLiteral("Origin not allowed"));
    if (!hostAllowed(x.header("host")))
        return refusal(403, kInvalidRequest, QStringLiteral("Host not allowed"));
    if (x.method != "POST" && x.method != "GET" && x.method != "DELETE") {
        Answer a = refusal(405, kInvalidRequest, QStringLiteral("/mcp takes POST, GET and DELETE"));
        a.headers.emplace_back("Allow", "GET, POST, DELETE");
        return a;
    }

    // The key, read anew on every request: a revoked key stops working in open sessions too.
    const QByteArray auth = x.header("authorization");
    const QString presented = auth.startsWith("Bearer ") ? QString::fromLatin1(auth.mid(7)).trimmed() : QString();
    auto who = presented.isEmpty()
                   ? Result<McpKeyIdentity>(Error::unauthorized(QStringLiteral("an MCP key is required: Authorization: Bearer mcp_live_…")))
                   : m_server.authenticate(presented);
    if (!who) {
        Answer a = refusal(401, kUnauthorized, who.error().message);
        a.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"eryxon-mcp\"");
        return a;
    }
    const QString keyHash = McpKeyService::hashOf(presented);
    const QString sessionId = QString::fromLatin1(x.header("mcp-session-id")).trimmed();
    const QString versionHeader = QString::fromLatin1(x.header("mcp-protocol-version")).trimmed();

    auto sessionFor = [&](Answer *refused) -> McpSession * {
        McpSession *s = sessionId.isEmpty() ? nullptr : m_server.session(sessionId);
        if (sessionId.isEmpty())
            *refused = refusal(400, kInvalidRequest, QStringLiteral("Mcp-Session-Id header required (initialize first)"));
        else if (!s || s->keyHash != keyHash)
            *refused = refusal(404, kInvalidRequest, QStringLiteral("unknown or expired session: initialize again"));
        else if (!versionHeader.isEmpty() && versionHeader != s->protocolVersion)
            *refused =
                refusal(400, kInvalidRequest,
                        QStringLiteral("MCP-Protocol-Version %1 does not match the session's %2").arg(versionHeader, s->protocolVersion));
        else
            return s;
        return nullptr;
    };

    if (x.method == "DELETE") {
        Answer refused;
        McpSession *s = sessionFor(&refused);
        if (!s)
            return refused;
        m_server.close(s->id);
        Answer a;
        a.status = 204;
        a.contentType.clear();
        return a;
    }
    if (x.method == "GET") {
        if (!x.header("accept").contains("text/event-stream"))
            return refusal(406, kInvalidRequest, QStringLiteral("the event stream needs Accept: text/event-stream"));
        Answer refused;
        McpSession *s = sessionFor(&refused);
        if (!s)
            return refused;
        Answer a;
        a.contentType = "text/event-stream";
        a.headers.emplace_back("Cache-Control", "no-cache");
        a.streamSession = s->id;
        bool ok = false;
        const qint64 last = x.header("last-event-id").trimmed().toLongLong(&ok);
        a.resumeAfter = ok ? last : s->nextEventId - 1;
        a.body = replay(s->id, a.resumeAfter);
        return a;
    }

    // POST
    const QByteArray type = x.header("content-type");
    if (!type.startsWith("application/json"))
        return refusal(415, kInvalidRequest, QStringLiteral("Content-Type must be application/json"));
    const QByteArray accept = x.header("accept");
    if (!accepts(accept, "application/json") && !accepts(accept, "text/event-stream"))
        return refusal(406, kInvalidRequest, QStringLiteral("Accept must include application/json or text/event-stream"));
    auto parsed = parseJson(x.body);
    if (!parsed)
        return refusal(400, kParseError, QStringLiteral("Parse error: %1").arg(parsed.error().message));
    const Json &message = *parsed;

    std::vector<Json> progress;
    auto collect = [&progress](const Json &n) { progress.push_back(n); };
    Json reply;
    Answer a;
    if (sessionId.isEmpty() && McpServer::isStateless(message)) {
        const QString version =
            QString::fromStdString(message["params"]["_meta"].value("io.modelcontextprotocol/protocolVersion", std::string()));
        if (version != QLatin1String(McpServer::kStateless))
            return jsonAnswer(400, McpServer::error(message.value("id", Json()), kUnsupportedVersion,
                                                    QStringLiteral("unsupported protocol version %1").arg(version),
                                                    Json{{"supported", Json::array({McpServer::kStateless, McpServer::kLatest})}}));
        if (!versionHeader.isEmpty() && versionHeader != version)
            return jsonAnswer(
                400,
                McpServer::error(message.value("id", Json()), kHeaderMismatch,
                                 QStringLiteral("MCP-Protocol-Version header %1 does not match _meta %2").arg(versionHeader, version)));
        reply = m_server.handle(nullptr, message, *who, collect);
    } else if (McpServer::isInitialize(message)) {
        auto opened = m_server.open(*who, keyHash);
        if (!opened)
            return jsonAnswer(503, McpServer::error(message.value("id", Json()), kInvalidRequest, opened.error().message));
        McpSession &s = **opened;
        reply = m_server.handle(&s, message, *who);
        if (reply.contains("error"))
            m_server.close(s.id);
        else
            a.headers.emplace_back("Mcp-Session-Id", s.id.toLatin1());
    } else {
        Answer refused;
        McpSession *s = sessionFor(&refused);
        if (!s)
            return refused;
        reply = m_server.handle(s, message, *who, collect);
    }
    if (!hasRequest(message) && reply.is_null()) {
        a.status = 202;
        a.contentType.clear();
        return a;
    }
    if (reply.is_null())
        reply = Json::array(); // a batch of notifications only: nothing to say
    const QByteArray body = QByteArray::fromStdString(jsonText(reply));
    if (!progress.empty() && accept.contains("text/event-stream")) {
        // The call reported progress and the client reads SSE: the notifications, then the answer.
        a.contentType = "text/event-stream";
        a.headers.emplace_back("Cache-Control", "no-cache");
        for (const Json &n : progress)
            a.body += sse(QByteArray::fromStdString(jsonText(n)));
        a.body += sse(body);
        return a;
    }
    a.body = body;
    return a;
}

QByteArray McpHttpEndpoint::replay(const QString &sessionId, qint64 after) const
{
    McpSession *s = m_server.session(sessionId);
    QByteArray out;
    if (!s)
        return out;
    for (const auto &[id, message] : s->outbox)
        if (id > after)
            out += sse(message, id);
    return out;
}

QByteArray McpHttpEndpoint::event(const QString &sessionId, const QByteArray &message)
{
    McpSession *s = m_server.session(sessionId);
    if (!s)
        return {};
    const qint64 id = s->nextEventId++;
    s->outbox.emplace_back(id, message);
    while (s->outbox.size() > McpSession::kOutboxKeep)
        s->outbox.pop_front();
    return sse(message, id);
}

} // namespace ery::mcp
