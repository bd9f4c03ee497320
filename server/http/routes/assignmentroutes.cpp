#include "http/apiserver.h"
#include "domain/rules.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

// Who works on which job or part; after the assignment only its status moves.
void installAssignmentRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/assignments");
    spec.itemPath = QStringLiteral("/api/v1/assignments/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-assignments");
    spec.plural = QStringLiteral("assignments");
    spec.singular = QStringLiteral("assignment");
    spec.tag = QStringLiteral("Assignments");
    spec.filters = {{QStringLiteral("job_id")},
                    {QStringLiteral("part_id")},
                    {QStringLiteral("operator_id")},
                    {QStringLiteral("status"), Filter::Exact, {}, domain::choices::assignmentStatuses()}};
    spec.sorts = {"created_at", "updated_at", "status"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = AssignmentService::fields();
    spec.updateFields = {{"status", Field::Enum, true, {"assigned", "accepted", "in_progress", "completed"}}};
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.assignments.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return oneByListing(s.assignments, r.scope(), id, "assignment"); };
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
