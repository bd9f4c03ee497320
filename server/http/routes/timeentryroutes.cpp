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
// A POST with start_time and end_time (the original's insert of a whole row) is a correction after
// the fact: an admin books time the worker forgot to clock, as one closed entry.
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
    // One body, two uses: with start_time and end_time it books time by hand (admin).
    spec.createSchema = fieldsSchema(TimeService::bookFields(), false);
    spec.createSchema["required"] = Json::array({"operator_id", "operation_id"});
    spec.createSchema["description"] = "operator_id and operation_id open a time entry (the worker starts now); with start_time and "
                                       "end_time as well an admin books time already worked, as one closed entry";
    spec.create = [&s, fields = spec.createFields](const Request &r, const Json &body) -> Result<Row> {
        if (body.is_object() && (body.contains("start_time") || body.contains("end_time"))) {
            if (r.key->access != QLatin1String("admin"))
                return Error::forbidden(QStringLiteral("Booking time by hand (start_time and end_time) needs an admin key or session"));
            return s.time.book(r.scope(), body);
        }
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
