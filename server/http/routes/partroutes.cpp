#include "http/apiserver.h"
#include "domain/rules.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

void installPartRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/parts");
    spec.itemPath = QStringLiteral("/api/v1/parts/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-parts");
    spec.plural = QStringLiteral("parts");
    spec.singular = QStringLiteral("part");
    spec.tag = QStringLiteral("Parts");
    spec.filters = {{QStringLiteral("job_id")},
                    {QStringLiteral("status"), Filter::Exact, {}, domain::choices::workStatuses()},
                    {QStringLiteral("material"), Filter::Like},
                    {QStringLiteral("part_number"), Filter::Like},
                    {QStringLiteral("external_source")},
                    {QStringLiteral("external_id")}};
    spec.sorts = {"part_number", "created_at", "updated_at", "status"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.createFields = PartService::fields();
    spec.createSchema = fieldsSchema(PartService::fields(), true);
    spec.createSchema["properties"]["operations"] = {{"type", "array"}, {"items", fieldsSchema(OperationService::fields(), false)}};
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.parts.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) -> Result<Row> {
        auto part = s.parts.get(r.scope(), id);
        if (!part)
            return part;
        ListQuery q;
        q.eq.emplace_back(QStringLiteral("part_id"), id);
        q.limit = kMaxListLimit;
        auto ops = s.operations.list(r.scope(), q);
        if (!ops)
            return ops.error();
        (*part)["operations"] = Json(ops->rows);
        return part;
    };
    spec.create = [&s, get = spec.get](const Request &r, const Json &body) -> Result<Row> {
        auto part = s.parts.create(r.scope(), body);
        if (!part)
            return part;
        return get(r, str(*part, "id"));
    };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.parts.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.parts.remove(r.scope(), id); };
    spec.sync = SyncRoutes{SyncService::Parts, "/api/v1/parts/sync", "/api/v1/parts/bulk-sync", "/functions/v1/api-parts/sync",
                           "/functions/v1/api-parts/bulk-sync"};
    installResource(api, spec);
}

} // namespace ery::http
