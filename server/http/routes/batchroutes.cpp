#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

namespace {
// The operator of a start or stop: {"operator_id": "…"} in the body (optional for machine batches).
Result<QString> operatorFrom(const Request &r)
{
    auto body = r.json();
    if (!body)
        return body.error();
    Validation v;
    Row in = acceptFields(*body, {{"operator_id", Field::Uuid}}, false, v);
    if (!v.ok())
        return v.error();
    return str(in, "operator_id");
}
} // namespace

// Nesting batches: CRUD, adding operations, and the lifecycle (start/stop) that moves every member
// operation and splits the batch's time over them.
void installBatchRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("batches");
    spec.compat = QStringLiteral("api-batches");
    spec.plural = QStringLiteral("batches");
    spec.singular = QStringLiteral("batch");
    spec.tag = QStringLiteral("Batches");
    spec.filters = {{QStringLiteral("status")},          {QStringLiteral("batch_type")},     {QStringLiteral("cell_id")},
                    {QStringLiteral("material"), Filter::Like}, {QStringLiteral("external_source")}, {QStringLiteral("external_id")}};
    spec.sorts = {"created_at", "batch_number", "status", "updated_at", "started_at", "completed_at"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = BatchService::fields();
    spec.createSchema = bodySchema(BatchService::fields(), true);
    spec.createSchema["properties"]["operation_ids"] = {{"type", "array"}, {"items", {{"type", "string"}, {"format", "uuid"}}}};
    spec.updateFields = BatchService::fields();
    spec.updateFields.push_back({"status", Field::Enum, false, {"draft", "ready", "blocked", "cancelled"}});
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.batches.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return s.batches.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.batches.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.batches.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.batches.remove(r.scope(), id); };
    installResource(api, spec);

    const Json operatorBody{{"type", "object"}, {"properties", {{"operator_id", {{"type", "string"}, {"format", "uuid"}}}}}};
    Handler start = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto op = operatorFrom(r);
        if (!op)
            return Response::error(op.error());
        auto o = s.batches.start(r.scope(), *id, *op);
        if (!o)
            return Response::error(o.error());
        const Row &b = o->transition.row;
        return Response::ok(Json{{"batch_id", b["id"]}, {"status", b["status"]}, {"operations_started", o->operationsStarted},
                                 {"started_at", b["started_at"]}, {"monitoring_source", js(o->monitoringSource)},
                                 {"previous_status", js(o->transition.previousStatus)}, {"new_status", js(o->transition.newStatus)},
                                 {"batch", b}});
    };
    Handler stop = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto op = operatorFrom(r);
        if (!op)
            return Response::error(op.error());
        auto o = s.batches.stop(r.scope(), *id, *op);
        if (!o)
            return Response::error(o.error());
        const Row &b = o->transition.row;
        return Response::ok(Json{{"batch_id", b["id"]}, {"status", b["status"]}, {"total_minutes", o->totalMinutes},
                                 {"distribution_method", js(o->distributionMethod)}, {"operations", o->distribution},
                                 {"monitoring_source", js(o->monitoringSource)}, {"previous_status", js(o->transition.previousStatus)},
                                 {"new_status", js(o->transition.newStatus)}, {"batch", b}});
    };
    Handler add = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        auto n = s.batches.addOperations(r.scope(), *id, body->is_object() ? body->value("operation_ids", Json(nullptr)) : Json(nullptr));
        if (!n)
            return Response::error(n.error());
        return Response::ok(Json{{"batch_id", js(*id)}, {"operations_added", *n}});
    };
    const struct {
        const char *name;
        Handler *handler;
        const char *summary;
        Json body;
    } actions[] = {
        {"start", &start, "Start a batch: every member operation starts", operatorBody},
        {"stop", &stop, "Stop a batch: its time is split over the operations, which complete", operatorBody},
        {"add-operations", &add, "Add operations to a draft or ready batch",
         Json{{"type", "object"},
              {"required", {"operation_ids"}},
              {"properties", {{"operation_ids", {{"type", "array"}, {"items", {{"type", "string"}, {"format", "uuid"}}}}}}}}},
    };
    for (const auto &a : actions) {
        const QString name = QString::fromLatin1(a.name);
        api.router().add(Method::Post, canonical(QStringLiteral("batches/{id}/") + name), Access::Write, *a.handler,
                         {QString::fromLatin1(a.summary), spec.tag, {}, false, a.body, 200});
        api.router().compat(Method::Post, compatPath(QStringLiteral("api-batch-lifecycle/") + name), Access::Write, *a.handler);
    }
}

} // namespace ery::http
