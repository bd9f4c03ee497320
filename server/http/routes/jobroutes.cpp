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

namespace {
const QString kTag = QStringLiteral("Jobs");

using JobStep = Result<Transition> (JobService::*)(const Scope &, const QString &);

Handler jobStep(Services &s, JobStep step, const char *name)
{
    return byId([&s, step, name](Request &r, const QString &id) {
        return respond((s.jobs.*step)(r.scope(), id),
                       [name](const Transition &t) { return transitionResponse("job", t, QLatin1String(name)); });
    });
}
// What the overview takes: the list parameters, with its own sorts and filters (a job's progress
// and bullet parts are counted, not columns, so it is not a Table list).
const ResourceSpec &overviewSpec()
{
    static const ResourceSpec spec = [] {
        ResourceSpec o;
        o.plural = QStringLiteral("jobs overview");
        o.filters = {{QStringLiteral("status"), Filter::Exact, {}, domain::choices::workStatuses()},
                     {QStringLiteral("open"), Filter::Bool},
                     {QStringLiteral("bullet"), Filter::Bool}};
        o.sorts = JobService::overviewSorts();
        o.defaultSort = o.sorts.first();
        return o;
    }();
    return spec;
}
} // namespace

void installJobRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/jobs");
    spec.itemPath = QStringLiteral("/api/v1/jobs/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-jobs");
    spec.plural = QStringLiteral("jobs");
    spec.singular = QStringLiteral("job");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("status"), Filter::Exact, {}, domain::choices::workStatuses()},
                    {QStringLiteral("customer"), Filter::Like},
                    {QStringLiteral("job_number"), Filter::Like},
                    {QStringLiteral("external_source")},
                    {QStringLiteral("external_id")}};
    spec.sorts = {"job_number", "customer", "due_date", "created_at", "updated_at", "status"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = JobService::fields();
    spec.createSchema = fieldsSchema(JobService::fields(), true);
    Json partSchema = fieldsSchema(PartService::fields(), false);
    partSchema["properties"]["operations"] = {{"type", "array"}, {"items", fieldsSchema(OperationService::inputFields(), false)}};
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
        q.limit = kMaxListLimit;
        auto parts = s.parts.list(r.scope(), q);
        if (!parts)
            return parts.error();
        Json summary = Json::array();
        for (const auto &p : parts->rows)
            summary.push_back({{"id", p["id"]},
                               {"part_number", p["part_number"]},
                               {"material", p["material"]},
                               {"quantity", p["quantity"]},
                               {"status", p["status"]}});
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
    spec.sync = SyncRoutes{SyncService::Jobs, "/api/v1/jobs/sync", "/api/v1/jobs/bulk-sync", "/functions/v1/api-jobs/sync",
                           "/functions/v1/api-jobs/bulk-sync"};
    installResource(api, spec);

    // The original's stop is a pause; each answers with the name it was called by. The overview
    // and the tree are what the desktop's jobs screen shows (the original read them from its views).
    installActions(api.router(), {
                                     {Method::Get,
                                      "/api/v1/jobs/overview",
                                      nullptr,
                                      Access::Read,
                                      [&s](Request &r) {
                                          auto q = listQueryFrom(r, overviewSpec());
                                          if (!q)
                                              return Response::error(q.error());
                                          return respond(s.jobs.overview(r.scope(), *q),
                                                         [&q](const Page &page) { return listResponse(QStringLiteral("jobs"), page, *q); });
                                      },
                                      {"Jobs with their progress (operations done of all, current cell, bullet parts), a page at a time",
                                       kTag,
                                       {"status", "open", "bullet"},
                                       true}},
                                     {Method::Get,
                                      "/api/v1/jobs/{id}/tree",
                                      nullptr,
                                      Access::Read,
                                      byId([&s](Request &r, const QString &id) {
                                          return respond(s.jobs.tree(r.scope(), id), [](const Json &tree) { return Response::ok(tree); });
                                      }),
                                      {"The job with its parts and each part's operations", kTag}},
                                     {Method::Post,
                                      "/api/v1/jobs/{id}/start",
                                      "/functions/v1/api-job-lifecycle/start",
                                      Access::Write,
                                      jobStep(s, &JobService::start, "start"),
                                      {"Job lifecycle: start", kTag}},
                                     {Method::Post,
                                      "/api/v1/jobs/{id}/stop",
                                      "/functions/v1/api-job-lifecycle/stop",
                                      Access::Write,
                                      jobStep(s, &JobService::stop, "stop"),
                                      {"Job lifecycle: stop", kTag}},
                                     {Method::Post,
                                      "/api/v1/jobs/{id}/pause",
                                      "/functions/v1/api-job-lifecycle/pause",
                                      Access::Write,
                                      jobStep(s, &JobService::stop, "pause"),
                                      {"Job lifecycle: pause", kTag}},
                                     {Method::Post,
                                      "/api/v1/jobs/{id}/resume",
                                      "/functions/v1/api-job-lifecycle/resume",
                                      Access::Write,
                                      jobStep(s, &JobService::resume, "resume"),
                                      {"Job lifecycle: resume", kTag}},
                                     {Method::Post,
                                      "/api/v1/jobs/{id}/complete",
                                      "/functions/v1/api-job-lifecycle/complete",
                                      Access::Write,
                                      jobStep(s, &JobService::complete, "complete"),
                                      {"Job lifecycle: complete", kTag}},
                                 });
}

} // namespace ery::http
