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

void installSubstepRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/substeps");
    spec.itemPath = QStringLiteral("/api/v1/substeps/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-substeps");
    spec.plural = QStringLiteral("substeps");
    spec.singular = QStringLiteral("substep");
    spec.tag = QStringLiteral("Substeps");
    spec.filters = {{QStringLiteral("operation_id")}, {QStringLiteral("status"), Filter::Exact, {}, domain::choices::substepStatuses()}};
    spec.sorts = {"sequence", "created_at", "status"};
    spec.defaultSort = QStringLiteral("sequence");
    spec.createFields = SubstepService::fields();
    spec.updateFields = SubstepService::updateFields();
    spec.updateFields.push_back({"status", Field::Enum, false, {"not_started", "in_progress", "completed", "blocked"}});
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.substeps.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return oneByListing(s.substeps, r.scope(), id, "substep"); };
    spec.create = [&s](const Request &r, const Json &body) { return s.substeps.add(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.substeps.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.substeps.remove(r.scope(), id); };
    installResource(api, spec);

    static const std::vector<Field> applyFields{{"template_id", Field::Uuid, true}, {"operation_id", Field::Uuid, true}};
    installActions(api.router(),
                   {
                       {Method::Post,
                        "/api/v1/substeps/apply-template",
                        nullptr,
                        Access::Write,
                        byBody([&s](Request &r, const Json &body) {
                            Validation v;
                            Row in = acceptFields(body, applyFields, true, v);
                            if (!v.ok())
                                return Response::error(v.error());
                            return respond(s.substeps.applyTemplate(r.scope(), str(in, "template_id"), str(in, "operation_id")),
                                           [](const Rows &rows) {
                                               return Response::json(201, Json{{"success", true}, {"data", {{"substeps", Json(rows)}}}});
                                           });
                        }),
                        {.summary = "Add a template's steps to an operation",
                         .tag = "Substeps",
                         .requestSchema = fieldsSchema(applyFields, true),
                         .successStatus = 201}},
                   });
}

} // namespace ery::http
