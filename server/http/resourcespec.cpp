#include "resourcespec.h"

#include "actionroute.h"
#include "answers.h"
#include "apiserver.h"
#include "core/jsonutil.h"
#include "openapi.h"
#include "services/services.h"

#include <algorithm>

using namespace ery::services;

namespace ery::http {

namespace {

// PUT …/sync and POST …/bulk-sync of one resource: an upsert by (external_source, external_id) each.
void installSync(Router &router, SyncService &sync, const ResourceSpec &spec, const SyncRoutes &routes)
{
    const SyncService::Entity entity = routes.entity;
    Handler one = byBody([&sync, spec, entity](Request &r, const Json &body) {
        return respond(sync.upsert(r.scope(), entity, body), [&](const SyncService::Outcome &out) {
            Json data = Json::object();
            data[toStd(spec.singular)] = out.row;
            data["action"] = out.created ? "created" : "updated";
            return Response::json(out.created ? 201 : 200, Json{{"success", true}, {"data", data}});
        });
    });
    Handler bulk = byBody([&sync, spec, entity](Request &r, const Json &body) {
        // {"items": [...]} or the original's legacy {"<table>": [...]}.
        Json items = nullptr;
        if (body.is_object())
            items = body.contains("items") ? body["items"] : body.value(toStd(spec.plural), Json(nullptr));
        if (!items.is_array())
            return Response::error(
                Error::badRequest(QStringLiteral("Send {\"items\": [...]} (at most %1)").arg(SyncService::kMaxBulkItems)));
        return respond(sync.bulk(r.scope(), entity, items), [&](const SyncService::BulkOutcome &out) {
            return Response::ok(Json{{"results",
                                      {{"created", out.created},
                                       {"updated", out.updated},
                                       {"failed", out.failed},
                                       {"errors", out.errors},
                                       {"items", out.results}}},
                                     {"total", items.size()}});
        });
    });
    Json itemSchema = fieldsSchema(spec.createFields, false);
    itemSchema["required"] = Json::array({"external_id", "external_source"});
    itemSchema["properties"]["external_id"] = {{"type", "string"}, {"maxLength", limits::kName}};
    itemSchema["properties"]["external_source"] = {{"type", "string"}, {"maxLength", limits::kShort}};
    router.add(Method::Put, QString::fromLatin1(routes.path), Access::Write, one,
               {QStringLiteral("Create or update a %1 by external_source + external_id").arg(spec.singular),
                spec.tag,
                {},
                false,
                itemSchema,
                200});
    router.add(Method::Post, QString::fromLatin1(routes.bulkPath), Access::Write, bulk,
               {QStringLiteral("Create or update up to %1 %2 by external keys").arg(SyncService::kMaxBulkItems).arg(spec.plural),
                spec.tag,
                {},
                false,
                Json{{"type", "object"},
                     {"required", Json::array({"items"})},
                     {"properties", {{"items", {{"type", "array"}, {"maxItems", SyncService::kMaxBulkItems}, {"items", itemSchema}}}}}},
                200});
    if (routes.compatPath) {
        router.compat(Method::Put, QString::fromLatin1(routes.compatPath), Access::Write, one);
        router.compat(Method::Post, QString::fromLatin1(routes.compatBulkPath), Access::Write, bulk);
    }
}

} // namespace

void installResource(ApiServer &api, const ResourceSpec &spec)
{
    Router &router = api.router();
    Services &s = api.services();
    Q_ASSERT(spec.itemPath.isEmpty() == !(spec.get || spec.update || spec.remove));

    Handler list = [spec](Request &r) {
        auto q = listQueryFrom(r, spec);
        if (!q)
            return Response::error(q.error());
        q->render = spec.renderRows;
        auto page = spec.list(r, *q);
        if (!page)
            return Response::error(page.error());
        return listResponse(spec.plural, std::move(*page), *q);
    };
    Handler get = byId([spec](Request &r, const QString &id) {
        return respond(spec.get(r, id), [&](const Row &row) { return itemResponse(spec.singular, row); });
    });
    QStringList filterNames, textFilters;
    for (const Filter &f : spec.filters) {
        filterNames << f.param;
        if (f.kind == Filter::Like)
            textFilters << f.param;
    }
    filterNames << spec.listParams;
    if (spec.list) {
        RouteDoc doc{QStringLiteral("List %1").arg(spec.plural), spec.tag, filterNames, true, nullptr, 200};
        doc.textParams = textFilters;
        router.add(Method::Get, spec.path, spec.readAccess, list, doc);
    }
    if (spec.get)
        router.add(Method::Get, spec.itemPath, spec.readAccess, get,
                   {QStringLiteral("Get one %1").arg(spec.singular), spec.tag, {}, false, nullptr, 200});
    if (!spec.compatPath.isEmpty() && (spec.list || spec.get)) {
        const bool canList = bool(spec.list), canGet = bool(spec.get);
        router.compat(
            Method::Get, spec.compatPath, spec.readAccess,
            [list, get, canList, canGet](Request &r) {
                const bool one = r.has(QStringLiteral("id"));
                if (one ? !canGet : !canList)
                    return Response::error(Error::badRequest(one ? QStringLiteral("This resource is listed, not read by id")
                                                                 : QStringLiteral("Missing id (use ?id=<uuid>)")));
                return one ? get(r) : list(r);
            },
            textFilters);
    }

    if (spec.create) {
        Handler create = byBody([spec](Request &r, const Json &body) {
            return respond(spec.create(r, body), [&](const Row &row) { return itemResponse(spec.singular, row, 201); });
        });
        router.add(Method::Post, spec.path, spec.writeAccess, create,
                   {QStringLiteral("Create a %1").arg(spec.singular),
                    spec.tag,
                    {},
                    false,
                    spec.createSchema.is_null() ? fieldsSchema(spec.createFields, true) : spec.createSchema,
                    201});
        if (!spec.compatPath.isEmpty())
            router.compat(Method::Post, spec.compatPath, spec.writeAccess, create);
    }
    if (spec.update) {
        Handler update = byIdAndBody([spec](Request &r, const QString &id, const Json &body) {
            return respond(spec.update(r, id, body), [&](const Row &row) { return itemResponse(spec.singular, row); });
        });
        const RouteDoc doc{QStringLiteral("Update a %1").arg(spec.singular),
                           spec.tag,
                           {},
                           false,
                           fieldsSchema(spec.updateFields.empty() ? spec.createFields : spec.updateFields, false),
                           200};
        router.add(Method::Patch, spec.itemPath, spec.writeAccess, update, doc);
        router.add(Method::Put, spec.itemPath, spec.writeAccess, update, doc);
        if (!spec.compatPath.isEmpty()) {
            router.compat(Method::Patch, spec.compatPath, spec.writeAccess, update);
            router.compat(Method::Put, spec.compatPath, spec.writeAccess, update);
        }
    }
    if (spec.remove) {
        Handler remove = byId([spec](Request &r, const QString &id) {
            if (auto done = spec.remove(r, id); !done)
                return Response::error(done.error());
            return Response::ok(Json{{"message", "Deleted successfully"}, {"id", toStd(id)}});
        });
        router.add(Method::Delete, spec.itemPath, spec.writeAccess, remove,
                   {QStringLiteral("Delete a %1").arg(spec.singular), spec.tag, {}, false, nullptr, 200});
        if (!spec.compatPath.isEmpty())
            router.compat(Method::Delete, spec.compatPath, spec.writeAccess, remove);
    }
    if (spec.sync)
        installSync(router, s.sync, spec, *spec.sync);
}

} // namespace ery::http
