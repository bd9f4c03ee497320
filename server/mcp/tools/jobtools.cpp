#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("jobs");

Result<QString> jobIdOf(const ToolCall &c)
{
    ERY_TRY(ToolKit::exactlyOne(c, "id", "job_number"));
    if (c.has("id"))
        return c.text("id");
    auto job = c.services.jobs.byNumber(c.scope, c.text("job_number"));
    if (!job)
        return job.error();
    return str(*job, "id");
}

using JobStep = Result<Transition> (JobService::*)(const Scope &, const QString &);

Tool step(const char *name, const char *title, const char *description, JobStep fn)
{
    using namespace schema;
    return Tool{QLatin1String(name),
                kModule,
                QString::fromUtf8(title),
                QString::fromUtf8(description),
                object({{"id", uuid("The job's id")}, {"job_number", text("Or the job's number", 255)}}),
                ToolKit::transitionSchema("job"),
                {false, false, false, false},
                [fn](const ToolCall &c) -> Result<Json> {
                    auto id = jobIdOf(c);
                    if (!id)
                        return id.error();
                    return ToolKit::transition((c.services.jobs.*fn)(c.scope, *id), "job");
                }};
}
} // namespace

void addJobTools(ToolRegistry &r)
{
    using namespace schema;
    r.add({QStringLiteral("fetch_jobs"),
           kModule,
           QStringLiteral("Fetch jobs"),
           QStringLiteral("List jobs, newest first, filtered by status, customer, job number or due date."),
           object({{"status", oneOf(choices::workStatuses())},
                   {"customer", text("Customer name contains this (case-insensitive)", 255)},
                   {"job_number", text("Job number contains this", 255)},
                   {"due_before", dateTime("Due on or before this time")},
                   {"due_after", dateTime("Due on or after this time")},
                   {"sort", oneOf({"created_at", "due_date", "job_number", "customer", "status", "updated_at"}, "Sort column")},
                   {"descending", boolean("Sort descending (default true)")},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("jobs", anyObject("A job")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c);
               if (c.has("sort"))
                   q.sort = c.text("sort");
               q.descending = c.boolean("descending", true);
               if (c.has("status"))
                   q.eq.emplace_back(QStringLiteral("status"), c.text("status"));
               if (c.has("customer"))
                   q.conds.push_back({QStringLiteral("customer"), ListQuery::Op::Like, c.text("customer")});
               if (c.has("job_number"))
                   q.conds.push_back({QStringLiteral("job_number"), ListQuery::Op::Like, c.text("job_number")});
               if (c.has("due_before"))
                   q.conds.push_back({QStringLiteral("due_date"), ListQuery::Op::Lte, c.text("due_before")});
               if (c.has("due_after"))
                   q.conds.push_back({QStringLiteral("due_date"), ListQuery::Op::Gte, c.text("due_after")});
               return ToolKit::page(c.services.jobs.list(c.scope, q), "jobs", q);
           }});

    r.add({QStringLiteral("get_job"),
           kModule,
           QStringLiteral("Get a job"),
           QStringLiteral("One job by id or job number, with its parts and each part's operations."),
           object({{"id", uuid("The job's id")}, {"job_number", text("Or the job's number", 255)}}),
           ToolKit::oneSchema("job", "The job with parts[].operations[]"),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               auto id = jobIdOf(c);
               if (!id)
                   return id.error();
               auto tree = c.services.jobs.tree(c.scope, *id);
               if (!tree)
                   return tree.error();
               return Json{{"job", *tree}};
           }});

    Json create = closed(fieldsSchema(JobService::fields(), true));
    Json partSchema = closed(fieldsSchema(PartService::fields(), false));
    partSchema["properties"]["operations"] = arrayOf(closed(fieldsSchema(OperationService::fields(), false)), 500);
    create["properties"]["parts"] = described(arrayOf(partSchema, 500), "Parts to create with the job, each with its operations");
    r.add({QStringLiteral("create_job"),
           kModule,
           QStringLiteral("Create a job"),
           QStringLiteral("Create a job (job_number unique in the shop), optionally with its parts and their operations in one step."),
           create,
           ToolKit::oneSchema("job", "The stored job"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.jobs.create(c.scope, c.args), "job"); }});

    Json update = closed(fieldsSchema(JobService::fields(), false));
    update["properties"]["id"] = uuid("The job to change");
    update["required"] = Json::array({"id"});
    r.add({QStringLiteral("update_job"),
           kModule,
           QStringLiteral("Update a job"),
           QStringLiteral("Change a job's fields (customer, due date, notes, delivery, ...). Status changes go through start_job, "
                          "stop_job, resume_job and complete_job."),
           update,
           ToolKit::oneSchema("job", "The job after the change"),
           {false, false, true, false},
           [](const ToolCall &c) {
               Json patch = c.args;
               patch.erase("id");
               return ToolKit::one(c.services.jobs.update(c.scope, c.text("id"), patch), "job");
           }});

    r.add(step("start_job", "Start a job", "Start a job: not_started or on_hold → in_progress.", &JobService::start));
    r.add(step("stop_job", "Put a job on hold", "Put a running job on hold: in_progress → on_hold.", &JobService::stop));
    r.add(step("resume_job", "Resume a job", "Resume a job on hold: on_hold → in_progress.", &JobService::resume));
    r.add(step("complete_job", "Complete a job", "Complete a job: in_progress or on_hold → completed.", &JobService::complete));
}

} // namespace ery::mcp
