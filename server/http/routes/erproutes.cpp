#include "http/actionroute.h"
#include "http/answers.h"
#include "http/apiserver.h"
#include "portability/erpsync.h"
#include "routes.h"
#include "services/services.h"

#include <algorithm>

using namespace ery::portability;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("Data");

// The body of diff and sync, as the OpenAPI document gives it.
Json syncBodySchema(const SyncService &sync)
{
    Json properties = Json::object();
    for (SyncService::Entity e : {SyncService::Jobs, SyncService::Parts, SyncService::Resources, SyncService::Operations}) {
        Json record = fieldsSchema(sync.fieldsOf(e), false);
        record["required"] = {"external_id", "external_source"};
        properties[toStd(SyncService::entityName(e))] = {{"type", "array"}, {"maxItems", ErpSync::kMaxRecords}, {"items", record}};
    }
    properties["options"] = {{"type", "object"},
                             {"properties",
                              {{"skip_unchanged", {{"type", "boolean"}, {"default", true}}},
                               {"batch_size", {{"type", "integer"}, {"minimum", 1}, {"maximum", ErpSync::kMaxBatchSize}, {"default", 100}}},
                               {"continue_on_error", {{"type", "boolean"}, {"default", true}}},
                               {"record_history", {{"type", "boolean"}, {"default", true}}}}},
                             {"additionalProperties", false}};
    properties["source"] = {{"type", "string"}, {"minLength", 1}, {"maxLength", limits::kShort}};
    return Json{{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
}
} // namespace

// ERP sync (CONTRACTS.md §7, the original's api-erp-sync): diff and sync take the same body; the run
// is written in steps between which the hub serves others (ErpSync::start), and answered when done.
// status lists the sync history. On the original's table the action is the last path segment: an
// unknown one is 400, a known one with the wrong method 405.
void installErpRoutes(ApiServer &api)
{
    Services &s = api.services();
    auto runner = [&s, &api](ErpSync::Mode mode) {
        return byBody([&s, &api, mode](Request &r, const Json &body) {
            auto parsed = ErpSync::parse(s.sync, body);
            if (!parsed)
                return Response::error(parsed.error());
            return Response::deferred([&s, &api, mode, scope = r.scope(), request = std::move(*parsed)](Response::Done done) mutable {
                ErpSync::start(s, &api, scope, mode, std::move(request), [done](Result<Json> answer) {
                    done(answer ? Response::ok(std::move(*answer)) : Response::error(answer.error()));
                });
            });
        });
    };
    Handler status = [&s](Request &r) {
        const QString entity = r.q(QStringLiteral("entity_type"));
        if (!entity.isEmpty())
            if (auto known = SyncService::entityNamed(entity); !known)
                return Response::error(Error::badRequest(
                    QStringLiteral("entity_type must be jobs, parts, resources, operations or cells, not \"%1\"").arg(entity.left(50))));
        int limit = ErpSync::kDefaultStatusLimit;
        if (r.has(QStringLiteral("limit"))) {
            bool ok = false;
            const qint64 given = r.q(QStringLiteral("limit")).toLongLong(&ok);
            if (!ok)
                return Response::error(
                    Error::badRequest(QStringLiteral("limit must be an integer (at most %1)").arg(ErpSync::kMaxStatusLimit)));
            limit = int(std::clamp<qint64>(given, 1, ErpSync::kMaxStatusLimit));
        }
        return respond(ErpSync(s).status(r.scope(), entity, r.q(QStringLiteral("source")), limit),
                       [](const Json &answer) { return Response::ok(answer); });
    };
    const Json body = syncBodySchema(s.sync);
    installActions(
        api.router(),
        {
            {Method::Post,
             "/api/v1/erp/diff",
             "/functions/v1/api-erp-sync/diff",
             Access::Write,
             runner(ErpSync::Mode::Diff),
             {.summary = "ERP sync dry run: what a sync of these records would create, update or leave unchanged",
              .tag = kTag,
              .requestSchema = body}},
            {Method::Post,
             "/api/v1/erp/sync",
             "/functions/v1/api-erp-sync/sync",
             Access::Write,
             runner(ErpSync::Mode::Sync),
             {.summary = "ERP sync: upsert jobs, parts, resources and operations by external key", .tag = kTag, .requestSchema = body}},
            {Method::Get,
             "/api/v1/erp/status",
             "/functions/v1/api-erp-sync/status",
             Access::Read,
             status,
             {.summary = "ERP sync history (sync_imports), newest first, with totals",
              .tag = kTag,
              .queryParams = {"entity_type", "source", "limit"}}},
        });

    // The original's table routes by the last path segment.
    Handler unknownAction = [](Request &r) {
        const QString action = r.params.value(QStringLiteral("action"));
        const char *allowed = action == QLatin1String("diff") || action == QLatin1String("sync") ? "POST"
                              : action == QLatin1String("status")                                ? "GET, HEAD"
                                                                                                 : nullptr;
        if (!allowed)
            return Response::error(Error::badRequest(QStringLiteral("Invalid endpoint. Use /diff, /sync, or /status")));
        Response resp =
            Response::error({ErrorCode::MethodNotAllowed, QStringLiteral("%1 is not allowed on %2").arg(methodName(r.method), r.path),
                             Json{{"allowed", allowed}}});
        resp.header("Allow", QByteArray(allowed) + ", OPTIONS");
        return resp;
    };
    for (Method m : {Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete}) {
        api.router().compat(m, QStringLiteral("/functions/v1/api-erp-sync/{action}"), Access::Read, unknownAction);
        api.router().compat(m, QStringLiteral("/functions/v1/api-erp-sync"), Access::Read, unknownAction);
    }
}

} // namespace ery::http
