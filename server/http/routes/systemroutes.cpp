#include "http/apiserver.h"
#include "http/mcptransport.h"
#include "mcp/mcpserver.h"
#include "http/openapi.h"
#include "http/answers.h"
#include "routes.h"

namespace ery::http {

void installSystemRoutes(ApiServer &api)
{
    Router &router = api.router();
    router.add(
        Method::Get, QStringLiteral("/health"), Access::Public,
        [&api](Request &) {
            // No location: the file path or host is nobody's business without a key.
            return Response::json(200, api.engineHealth());
        },
        {QStringLiteral("Liveness, version, database and uptime (no key needed)"), QStringLiteral("System"), {}, false, nullptr, 200});
    router.add(Method::Get, QStringLiteral("/metrics"), Access::AdminOrLoopback,
               [&api](Request &) { return Response::text(200, api.metrics().render(api.engineStatus()), "text/plain; version=0.0.4"); },
               {.summary = QStringLiteral("Prometheus metrics (an admin key, or any caller on loopback)"),
                .tag = QStringLiteral("System"),
                .answerType = QStringLiteral("text/plain")});
    // What the desktop's status bar shows of the hub it talks to; the counters are since start.
    router.add(
        Method::Get, QStringLiteral("/api/v1/system/status"), Access::Admin,
        [&api](Request &) {
            Json st = api.engineStatus();
            st["requests_total"] = api.metrics().requestsTotal();
            st["http_connections"] = api.metrics().openConnections();
            st["mcp_sessions"] = api.mcp().server().sessionCount();
            return Response::ok(std::move(st));
        },
        {.summary = QStringLiteral("The hub's live state: database, API, realtime sockets, MCP sessions, outbox backlog, integrations"),
         .tag = QStringLiteral("System")});
    router.add(
        Method::Post, QStringLiteral("/api/v1/system/integrations/resume"), Access::Admin,
        [&api](Request &) { return respond(api.resumeIntegrations(), [](const Json &state) { return Response::ok(state); }); },
        {.summary = QStringLiteral("Resume outgoing webhooks and MQTT paused on this database (a copy, or --integrations off)"),
         .tag = QStringLiteral("System")});
    router.add(Method::Get, QStringLiteral("/api/v1/openapi.json"), Access::Public,
               [&api](Request &r) {
                   const QByteArray host = r.header("host");
                   const QString scheme = api.tls() ? QStringLiteral("https") : QStringLiteral("http");
                   const QString server = host.isEmpty() ? QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(api.port())
                                                         : scheme + QStringLiteral("://") + QString::fromLatin1(host);
                   return Response::json(200, openApiDocument(api.router(), server));
               },
               {QStringLiteral("This API's OpenAPI 3.1 document"), QStringLiteral("System"), {}, false, nullptr, 200});
}

} // namespace ery::http
