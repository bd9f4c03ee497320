#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

void installJobRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("jobs");
    spec.compat = QStringLiteral("api-jobs");
    spec.plural = QStringLiteral("jobs");
    spec.singular = QStringLiteral("job");
    spec.tag = QStringLiteral("Jobs");
    spec.filters = {{QStringLiteral("status")}, {QStringLiteral("customer"), Filter::Like}, {QStringLiteral("job_number"), Filter::Like},
                    {QStringLiteral("external_source")}, {QStringLiteral("external_id")}};
    spec.sorts = {"job_number", "customer", "due_date", "created_at", "updated_at", "status"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = JobService::fields();
    spec.createSchema = bodySchema(JobService::fields(), true);
    Json partSchema = bodySchema(PartService::fields(), false);
    partSchema["properties"]["operations"] = {{"type", "array"}, {"items", bodySchema(OperationService::fields(), false)}};
    spec.createSchema["properties"]["parts"] = {{"type", "array"}, {"items", partSchema}};
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.jobs.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) -> Result<Row> {
        // The job with a summary of its parts, as the original answered.
        auto job = s.jobs.get(r.scope(), id);
        if (!job)
            return job;
        ListQuery q;
        q.eq.emplace_back(QStringLiteral("job_id"), id);
        q.limit = 1000;
        auto parts = s.parts.list(r.scope(), q);
        if (!parts)
            return parts.error();
        Json summary = Json::array();
        for (const auto &p : parts->rows)
            summary.push_back({{"id", p["id"]}, {"part_number", p["part_number"]}, {"material", p["material"]},
                               {"quantity", p["quantity"]}, {"status", p["status"]}});
        (*job)["parts"] = summary;
        return job;
    };
    spec.create = [&s](const Request &r, const Json &body) -> Result<Row> {
        auto job = s.jobs.create(r.scope(), body);
        if (!job)
            return job;
        // Without nested parts the stored row is the whole answer; only a tree needs reading back.
        if (!body.is_object() || !body.contains("parts") || !body["parts"].is_array() || body["parts"].empty()) {
            (*job)["parts"] = Json::array();
            return job;
        }
        auto tree = s.jobs.tree(r.scope(), str(*job, "id"));
        if (!tree)
            return tree.error();
        return *tree;
    };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.jobs.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.jobs.remove(r.scope(), id); };
    spec.sync = SyncService::Jobs;
    installResource(api, spec);

    struct Action {
        const char *name;
        Result<Transition> (JobService::*fn)(const Scope &, const QString &);
    };
    static const Action actions[] = {{"start", &JobService::start}, {"stop", &JobService::stop}, {"pause", &JobService::stop},
                                     {"resume", &JobService::resume}, {"complete", &JobService::complete}};
    for (const Action &a : actions) {
        const QString name = QString::fromLatin1(a.name);
        Handler h = [&s, a, name](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            auto t = (s.jobs.*a.fn)(r.scope(), *id);
            if (!t)
                return Response::error(t.error());
            return Response::ok(Json{{"job", t->row}, {"operation", js(name)}, {"previous_status", js(t->previousStatus)},
                                     {"new_status", js(t->newStatus)}});
        };
        api.router().add(Method::Post, canonical(QStringLiteral("jobs/{id}/") + name), Access::Write, h,
                         {QStringLiteral("Job lifecycle: %1").arg(name), QStringLiteral("Jobs"), {}, false, nullptr, 200});
        api.router().compat(Method::Post, compatPath(QStringLiteral("api-job-lifecycle/") + name), Access::Write, h);
    }
}

} // namespace ery::http
