#include "http/actionroute.h"
#include "domain/rules.h"
#include "http/apiserver.h"
#include "http/answers.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("Batches");
const Json kOperationIdsBody{{"type", "object"},
                             {"required", {"operation_ids"}},
                             {"properties", {{"operation_ids", {{"type", "array"}, {"items", {{"type", "string"}, {"format", "uuid"}}}}}}}};
} // namespace

// Nesting batches: CRUD, adding operations, and the lifecycle (start/stop) that moves every member
// operation and splits the batch's time over them.
void installBatchRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/batches");
    spec.itemPath = QStringLiteral("/api/v1/batches/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-batches");
    spec.plural = QStringLiteral("batches");
    spec.singular = QStringLiteral("batch");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("status"), Filter::Exact, {}, domain::choices::batchStatuses()},
                    {QStringLiteral("batch_type"), Filter::Exact, {}, domain::choices::batchTypes()},
                    {QStringLiteral("cell_id")},
                    {QStringLiteral("material"), Filter::Like},
                    {QStringLiteral("external_source")},
                    {QStringLiteral("external_id")}};
    spec.sorts = {"created_at", "batch_number", "status", "updated_at", "started_at", "completed_at"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = BatchService::fields();
    spec.createSchema = fieldsSchema(BatchService::fields(), true);
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

    installActions(api.router(),
                   {
                       {Method::Post,
                        "/api/v1/batches/{id}/start",
                        "/functions/v1/api-batch-lifecycle/start",
                        Access::Write,
                        byIdAndOperator([&s](Request &r, const QString &id, const QString &operatorId) {
                            return respond(s.batches.start(r.scope(), id, operatorId), [](const BatchOutcome &o) {
                                const Row &b = o.transition.row;
                                return Response::ok(Json{{"batch_id", b["id"]},
                                                         {"status", b["status"]},
                                                         {"operations_started", o.operationsStarted},
                                                         {"started_at", b["started_at"]},
                                                         {"monitoring_source", toStd(o.monitoringSource)},
                                                         {"previous_status", toStd(o.transition.previousStatus)},
                                                         {"new_status", toStd(o.transition.newStatus)},
                                                         {"batch", b}});
                            });
                        }),
                        {.summary = "Start a batch: every member operation starts", .tag = kTag, .requestSchema = operatorBodySchema()}},
                       {Method::Post,
                        "/api/v1/batches/{id}/stop",
                        "/functions/v1/api-batch-lifecycle/stop",
                        Access::Write,
                        byIdAndOperator([&s](Request &r, const QString &id, const QString &operatorId) {
                            return respond(s.batches.stop(r.scope(), id, operatorId), [](const BatchOutcome &o) {
                                const Row &b = o.transition.row;
                                return Response::ok(Json{{"batch_id", b["id"]},
                                                         {"status", b["status"]},
                                                         {"total_minutes", o.totalMinutes},
                                                         {"distribution_method", toStd(o.distributionMethod)},
                                                         {"operations", o.distribution},
                                                         {"monitoring_source", toStd(o.monitoringSource)},
                                                         {"previous_status", toStd(o.transition.previousStatus)},
                                                         {"new_status", toStd(o.transition.newStatus)},
                                                         {"batch", b}});
                            });
                        }),
                        {.summary = "Stop a batch: its time is split over the operations, which complete",
                         .tag = kTag,
                         .requestSchema = operatorBodySchema()}},
                       {Method::Post,
                        "/api/v1/batches/{id}/add-operations",
                        "/functions/v1/api-batch-lifecycle/add-operations",
                        Access::Write,
                        byIdAndBody([&s](Request &r, const QString &id, const Json &body) {
                            const Json ids = body.is_object() ? body.value("operation_ids", Json(nullptr)) : Json(nullptr);
                            return respond(s.batches.addOperations(r.scope(), id, ids), [&id](qint64 added) {
                                return Response::ok(Json{{"batch_id", toStd(id)}, {"operations_added", added}});
                            });
                        }),
                        {.summary = "Add operations to a draft or ready batch", .tag = kTag, .requestSchema = kOperationIdsBody}},
                   });
}

} // namespace ery::http
