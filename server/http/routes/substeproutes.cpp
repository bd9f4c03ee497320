#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

namespace {
// Substeps and assignments have no single-row read in their services; a one-row list by id is it.
template<class S>
Result<Row> oneById(S &service, const Scope &scope, const QString &id, const char *what)
{
    ListQuery q;
    q.eq.emplace_back(QStringLiteral("id"), id);
    q.limit = 1;
    auto p = service.list(scope, q);
    if (!p)
        return p.error();
    if (p->rows.empty())
        return Error::notFound(QString::fromLatin1(what));
    return p->rows.front();
}
} // namespace

void installSubstepRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("substeps");
    spec.compat = QStringLiteral("api-substeps");
    spec.plural = QStringLiteral("substeps");
    spec.singular = QStringLiteral("substep");
    spec.tag = QStringLiteral("Substeps");
    spec.filters = {{QStringLiteral("operation_id")}, {QStringLiteral("status")}};
    spec.sorts = {"sequence", "created_at", "status"};
    spec.defaultSort = QStringLiteral("sequence");
    spec.createFields = SubstepService::fields();
    spec.updateFields = SubstepService::updateFields();
    spec.updateFields.push_back({"status", Field::Enum, false, {"not_started", "in_progress", "completed", "blocked"}});
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.substeps.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return oneById(s.substeps, r.scope(), id, "substep"); };
    spec.create = [&s](const Request &r, const Json &body) { return s.substeps.add(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.substeps.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.substeps.remove(r.scope(), id); };
    installResource(api, spec);

    Handler apply = [&s](Request &r) {
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        Validation v;
        Row in = acceptFields(*body, {{"template_id", Field::Uuid, true}, {"operation_id", Field::Uuid, true}}, true, v);
        if (!v.ok())
            return Response::error(v.error());
        return respond(s.substeps.applyTemplate(r.scope(), str(in, "template_id"), str(in, "operation_id")),
                       [](const Rows &rows) { return Response::json(201, Json{{"success", true}, {"data", {{"substeps", Json(rows)}}}}); });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("substeps/apply-template")), Access::Write, apply,
                     {QStringLiteral("Add a template's steps to an operation"), QStringLiteral("Substeps"), {}, false,
                      bodySchema({{"template_id", Field::Uuid, true}, {"operation_id", Field::Uuid, true}}, true), 201});
}

void installAssignmentRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("assignments");
    spec.compat = QStringLiteral("api-assignments");
    spec.plural = QStringLiteral("assignments");
    spec.singular = QStringLiteral("assignment");
    spec.tag = QStringLiteral("Assignments");
    spec.filters = {{QStringLiteral("job_id")}, {QStringLiteral("part_id")}, {QStringLiteral("operator_id")}, {QStringLiteral("status")}};
    spec.sorts = {"created_at", "updated_at", "status"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = AssignmentService::fields();
    spec.updateFields = {{"status", Field::Enum, true, {"assigned", "accepted", "in_progress", "completed"}}};
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.assignments.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return oneById(s.assignments, r.scope(), id, "assignment"); };
    spec.create = [&s](const Request &r, const Json &body) { return s.assignments.assign(r.scope(), body); };
    spec.update = [&s, fields = spec.updateFields](const Request &r, const QString &id, const Json &body) -> Result<Row> {
        // Only the status moves (assigned → accepted → in_progress → completed).
        Validation v;
        Row in = acceptFields(body, fields, true, v);
        if (!v.ok())
            return v.error();
        return s.assignments.setStatus(r.scope(), id, str(in, "status"));
    };
    spec.remove = [&s](const Request &r, const QString &id) { return s.assignments.remove(r.scope(), id); };
    installResource(api, spec);
}

} // namespace ery::http
