#include "http/apiserver.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

// Production reports (the original's operation quantities): produced = good + scrap + rework, with
// scrap split over reasons (scrap_lines).
void installProductionRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/production");
    spec.itemPath = QStringLiteral("/api/v1/production/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-operation-quantities");
    spec.plural = QStringLiteral("operation_quantities");
    spec.singular = QStringLiteral("operation_quantity");
    spec.tag = QStringLiteral("Production");
    spec.filters = {{QStringLiteral("operation_id")},
                    {QStringLiteral("material_lot")},
                    {QStringLiteral("scrap_reason_id")},
                    {QStringLiteral("recorded_by")},
                    {QStringLiteral("from_date"), Filter::Gte, QStringLiteral("recorded_at")},
                    {QStringLiteral("to_date"), Filter::Lte, QStringLiteral("recorded_at")},
                    {QStringLiteral("has_scrap"), Filter::NonZero, QStringLiteral("quantity_scrap")},
                    {QStringLiteral("has_rework"), Filter::NonZero, QStringLiteral("quantity_rework")}};
    spec.listParams = {QStringLiteral("part_id"), QStringLiteral("job_id")}; // read by the list below
    spec.sorts = {"recorded_at", "quantity_good", "quantity_scrap", "quantity_rework"};
    spec.defaultSort = QStringLiteral("recorded_at");
    spec.defaultDescending = true;
    spec.createSchema = fieldsSchema(ProductionService::fields(), true);
    spec.createSchema["properties"]["scrap_lines"] = {{"type", "array"}, {"items", fieldsSchema(ProductionService::scrapLineFields(), true)}};
    spec.list = [&s](const Request &r, const ListQuery &q) -> Result<Page> {
        ListQuery lq = q;
        // part_id / job_id narrow to the operations of that part or job.
        if (r.has(QStringLiteral("part_id")) || r.has(QStringLiteral("job_id"))) {
            QStringList partIds;
            if (r.has(QStringLiteral("part_id")))
                partIds << r.q(QStringLiteral("part_id"));
            if (r.has(QStringLiteral("job_id"))) {
                ListQuery pq;
                pq.eq.emplace_back(QStringLiteral("job_id"), r.q(QStringLiteral("job_id")));
                pq.limit = kMaxListLimit;
                auto parts = s.parts.list(r.scope(), pq);
                if (!parts)
                    return parts.error();
                QStringList ofJob;
                for (const auto &p : parts->rows)
                    ofJob << str(p, "id");
                partIds = r.has(QStringLiteral("part_id")) ? (ofJob.contains(partIds.first()) ? partIds : QStringList()) : ofJob;
            }
            QVariantList opIds;
            for (const QString &pid : partIds) {
                ListQuery oq;
                oq.eq.emplace_back(QStringLiteral("part_id"), pid);
                oq.limit = kMaxListLimit;
                auto ops = s.operations.list(r.scope(), oq);
                if (!ops)
                    return ops.error();
                for (const auto &o : ops->rows)
                    opIds << str(o, "id");
            }
            lq.conds.push_back({QStringLiteral("operation_id"), ListQuery::Op::In, opIds});
        }
        return s.production.list(r.scope(), lq);
    };
    spec.get = [&s](const Request &r, const QString &id) { return s.production.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.production.report(r.scope(), body); };
    installResource(api, spec);
}

} // namespace ery::http
