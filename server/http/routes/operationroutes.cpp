#include "domain/rules.h"
#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

namespace {
// The worker who times the work: operator_id (or the original's user_id) in the body or the query.
Result<QString> workerOf(const Request &r, const Json &body)
{
    for (const char *k : {"operator_id", "user_id"}) {
        QString v = r.q(QLatin1String(k));
        if (v.isEmpty() && body.is_object() && body.contains(k)) {
            if (!body[k].is_string() && !body[k].is_null())
                return Error::validation(Json::array({{{"field", k}, {"message", "must be a UUID string"}, {"value", body[k]}, {"constraint", "uuid"}}}));
            v = str(body, k);
        }
        if (!v.isEmpty()) {
            if (!isUuid(v))
                return Error::validation(Json::array({{{"field", k}, {"message", "must be a UUID"}, {"value", js(v)}, {"constraint", "uuid"}}}));
            return v.toLower();
        }
    }
    return QString();
}
} // namespace

void installOperationRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("operations");
    spec.compat = QStringLiteral("api-operations");
    spec.plural = QStringLiteral("operations");
    spec.singular = QStringLiteral("operation");
    spec.tag = QStringLiteral("Operations");
    spec.filters = {{QStringLiteral("cell_id")}, {QStringLiteral("part_id")}, {QStringLiteral("status")},
                    {QStringLiteral("assigned_operator_id")}, {QStringLiteral("external_source")}, {QStringLiteral("external_id")}};
    spec.sorts = {"sequence", "operation_name", "created_at", "updated_at", "status", "planned_start"};
    spec.defaultSort = QStringLiteral("sequence");
    spec.createFields = OperationService::fields();
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.operations.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return s.operations.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.operations.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.operations.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.operations.remove(r.scope(), id); };
    spec.sync = SyncService::Operations;
    installResource(api, spec);

    for (const char *action : {"start", "pause", "resume", "complete"}) {
        const QString name = QString::fromLatin1(action);
        Handler h = [&s, name](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            auto worker = workerOf(r, *body);
            if (!worker)
                return Response::error(worker.error());
            const domain::Action action = name == QLatin1String("start")    ? domain::Action::Start
                                          : name == QLatin1String("pause")  ? domain::Action::Pause
                                          : name == QLatin1String("resume") ? domain::Action::Resume
                                                                            : domain::Action::Complete;
            // Pause takes no worker: a held operation closes everyone's time.
            auto t = s.operations.transition(r.scope(), *id, action, action == domain::Action::Pause ? QString() : *worker);
            if (!t)
                return Response::error(t.error());
            return Response::ok(Json{{"operation", t->row}, {"operation_type", js(name)}, {"previous_status", js(t->previousStatus)},
                                     {"new_status", js(t->newStatus)}, {"time_entry_created", !t->openedTimeEntries.empty()},
                                     {"time_entry_ended", !t->closedTimeEntries.empty()}});
        };
        api.router().add(Method::Post, canonical(QStringLiteral("operations/{id}/") + name), Access::Write, h,
                         {QStringLiteral("Operation lifecycle: %1 (operator_id opens/closes time)").arg(name), QStringLiteral("Operations"), {}, false,
                          Json{{"type", "object"}, {"properties", {{"operator_id", {{"type", "string"}, {"format", "uuid"}}}}}}, 200});
        api.router().compat(Method::Post, compatPath(QStringLiteral("api-operation-lifecycle/") + name), Access::Write, h);
    }
}

} // namespace ery::http
