#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

// Time entries are booked by starting and stopping work, not written field by field: POST opens
// an entry for a worker on an operation (the terminal's Start), the actions stop, pause or resume it.
void installTimeEntryRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("time-entries");
    spec.compat = QStringLiteral("api-time-entries");
    spec.plural = QStringLiteral("time_entries");
    spec.singular = QStringLiteral("time_entry");
    spec.tag = QStringLiteral("Time tracking");
    spec.filters = {{QStringLiteral("operation_id")}, {QStringLiteral("operator_id")}, {QStringLiteral("time_type")},
                    {QStringLiteral("start_date"), Filter::Gte, QStringLiteral("start_time")},
                    {QStringLiteral("end_date"), Filter::Lte, QStringLiteral("start_time")}};
    spec.sorts = {"start_time", "end_time", "duration", "created_at"};
    spec.defaultSort = QStringLiteral("start_time");
    spec.defaultDescending = true;
    spec.createFields = {{"operator_id", Field::Uuid, true}, {"operation_id", Field::Uuid, true}};
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.time.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return s.time.get(r.scope(), id); };
    spec.create = [&s, fields = spec.createFields](const Request &r, const Json &body) -> Result<Row> {
        Validation v;
        Row in = acceptFields(body, fields, true, v);
        if (!v.ok())
            return v.error();
        return s.time.start(r.scope(), str(in, "operator_id"), str(in, "operation_id"));
    };
    installResource(api, spec);

    struct Action {
        const char *name;
        Result<Row> (TimeService::*fn)(const Scope &, const QString &);
    };
    static const Action actions[] = {{"stop", &TimeService::forceStop}, {"pause", &TimeService::pause}, {"resume", &TimeService::resume}};
    for (const Action &a : actions) {
        Handler h = [&s, a](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            return respond((s.time.*a.fn)(r.scope(), *id), [](const Row &row) { return itemResponse(QStringLiteral("time_entry"), row); });
        };
        api.router().add(Method::Post, canonical(QStringLiteral("time-entries/{id}/") + QLatin1String(a.name)), Access::Write, h,
                         {QStringLiteral("Time entry: %1").arg(QLatin1String(a.name)), QStringLiteral("Time tracking"), {}, false, nullptr, 200});
        api.router().compat(Method::Post, compatPath(QStringLiteral("api-time-entries/") + QLatin1String(a.name)), Access::Write, h);
    }
}

} // namespace ery::http
