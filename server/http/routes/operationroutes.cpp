#include "domain/rules.h"
#include "http/actionroute.h"
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
const QString kTag = QStringLiteral("Operations");

// A lifecycle step; whether time entries opened or closed is reported as the original did.
Handler operationStep(Services &s, domain::Action action)
{
    return byIdAndOperator([&s, action](Request &r, const QString &id, const QString &worker) {
        // Pause takes no worker: a held operation closes everyone's time.
        const QString timing = action == domain::Action::Pause ? QString() : worker;
        return respond(s.operations.transition(r.scope(), id, action, timing), [action](const Transition &t) {
            return Response::ok(Json{{"operation", t.row},
                                     {"operation_type", toStd(domain::actionName(action))},
                                     {"previous_status", toStd(t.previousStatus)},
                                     {"new_status", toStd(t.newStatus)},
                                     {"time_entry_created", !t.openedTimeEntries.empty()},
                                     {"time_entry_ended", !t.closedTimeEntries.empty()}});
        });
    });
}

RouteDoc stepDoc(domain::Action action)
{
    return {.summary = QStringLiteral("Operation lifecycle: %1 (operator_id opens/closes time)").arg(domain::actionName(action)),
            .tag = kTag,
            .requestSchema = operatorBodySchema()};
}
} // namespace

void installOperationRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/operations");
    spec.itemPath = QStringLiteral("/api/v1/operations/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-operations");
    spec.plural = QStringLiteral("operations");
    spec.singular = QStringLiteral("operation");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("cell_id")},
                    {QStringLiteral("part_id")},
                    {QStringLiteral("status"), Filter::Exact, {}, domain::choices::workStatuses()},
                    {QStringLiteral("assigned_operator_id")},
                    {QStringLiteral("external_source")},
                    {QStringLiteral("external_id")}};
    spec.sorts = {"sequence", "operation_name", "created_at", "updated_at", "status", "planned_start"};
    spec.defaultSort = QStringLiteral("sequence");
    spec.createFields = OperationService::inputFields();
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.operations.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return s.operations.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.operations.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.operations.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.operations.remove(r.scope(), id); };
    spec.sync = SyncRoutes{SyncService::Operations, "/api/v1/operations/sync", "/api/v1/operations/bulk-sync",
                           "/functions/v1/api-operations/sync", "/functions/v1/api-operations/bulk-sync"};
    installResource(api, spec);

    using domain::Action;
    installActions(api.router(), {
                                     {Method::Post, "/api/v1/operations/{id}/start", "/functions/v1/api-operation-lifecycle/start",
                                      Access::Write, operationStep(s, Action::Start), stepDoc(Action::Start)},
                                     {Method::Post, "/api/v1/operations/{id}/pause", "/functions/v1/api-operation-lifecycle/pause",
                                      Access::Write, operationStep(s, Action::Pause), stepDoc(Action::Pause)},
                                     {Method::Post, "/api/v1/operations/{id}/resume", "/functions/v1/api-operation-lifecycle/resume",
                                      Access::Write, operationStep(s, Action::Resume), stepDoc(Action::Resume)},
                                     {Method::Post, "/api/v1/operations/{id}/complete", "/functions/v1/api-operation-lifecycle/complete",
                                      Access::Write, operationStep(s, Action::Complete), stepDoc(Action::Complete)},
                                 });
}

} // namespace ery::http
