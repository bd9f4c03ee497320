#include "http/actionroute.h"
#include "domain/rules.h"
#include "http/apiserver.h"
#include "http/answers.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("Time tracking");

using TimeEntryStep = Result<Row> (TimeService::*)(const Scope &, const QString &);

Handler timeEntryStep(Services &s, TimeEntryStep step)
{
    return byId([&s, step](Request &r, const QString &id) {
        return respond((s.time.*step)(r.scope(), id), [](const Row &row) { return itemResponse(QStringLiteral("time_entry"), row); });
    });
}
} // namespace

// Time entries are booked by starting and stopping work, not written field by field: POST opens
// an entry for a worker on an operation (the terminal's Start), the actions stop, pause or resume it.
void installTimeEntryRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/time-entries");
    spec.itemPath = QStringLiteral("/api/v1/time-entries/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-time-entries");
    spec.plural = QStringLiteral("time_entries");
    spec.singular = QStringLiteral("time_entry");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("operation_id")},
                    {QStringLiteral("operator_id")},
                    {QStringLiteral("time_type"), Filter::Exact, {}, domain::choices::timeTypes()},
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

    installActions(api.router(), {
                                     {Method::Post,
                                      "/api/v1/time-entries/{id}/stop",
                                      "/functions/v1/api-time-entries/stop",
                                      Access::Write,
                                      timeEntryStep(s, &TimeService::forceStop),
                                      {"Time entry: stop", kTag}},
                                     {Method::Post,
                                      "/api/v1/time-entries/{id}/pause",
                                      "/functions/v1/api-time-entries/pause",
                                      Access::Write,
                                      timeEntryStep(s, &TimeService::pause),
                                      {"Time entry: pause", kTag}},
                                     {Method::Post,
                                      "/api/v1/time-entries/{id}/resume",
                                      "/functions/v1/api-time-entries/resume",
                                      Access::Write,
                                      timeEntryStep(s, &TimeService::resume),
                                      {"Time entry: resume", kTag}},
                                 });
}

} // namespace ery::http
