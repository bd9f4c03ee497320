#include "http/apiserver.h"
#include "http/openapi.h"
#include "routes.h"

namespace ery::http {

void installSystemRoutes(ApiServer &api)
{
    Router &router = api.router();
    router.add(
        Method::Get, QStringLiteral("/health"), Access::Public,
        [&api](Request &) {
            const Json st = api.engineStatus();
            Json db = st.value("database", Json::object());
            db.erase("location"); // the file path or host is nobody's business without a key
            return Response::json(200, Json{{"status", st.value("status", std::string("ok"))},
                                            {"version", toStd(versionString())},
                                            {"database", db},
                                            {"uptime_seconds", st.value("uptime_seconds", Json(0))}});
        },
        {QStringLiteral("Liveness, version, database and uptime (no key needed)"), QStringLiteral("System"), {}, false, nullptr, 200});
    router.add(Method::Get, QStringLiteral("/metrics"), Access::AdminOrLoopback,
               [&api](Request &) { return Response::text(200, api.metrics().render(api.engineStatus()), "text/plain; version=0.0.4"); },
               {.summary = QStringLiteral("Prometheus metrics (an admin key, or any caller on loopback)"),
                .tag = QStringLiteral("System"),
                .answerType = QStringLiteral("text/plain")});
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
