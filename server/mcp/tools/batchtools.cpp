#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

#include <cmath>

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("agent batch");
constexpr int kMax = BulkService::kMaxItems;
// The widest page a list reads at once (the repositories' cap).
constexpr int kPage = 1000;

QVariantList variants(const QStringList &ids)
{
    QVariantList v;
    for (const QString &id : ids)
        v << id;
    return v;
}

QStringList idsOf(const Rows &rows)
{
    QStringList ids;
    for (const Row &r : rows)
        ids << str(r, "id");
    return ids;
}

QStringList textList(const Json &a)
{
    QStringList out;
    if (a.is_array())
        for (const Json &v : a)
            if (v.is_string())
                out << fromStd(v.get<std::string>());
    return out;
}

Error tooMany(const char *what, qint64 n)
{
    return ToolKit::invalid(QStringLiteral("scope"), QStringLiteral("the scope matches %1 %2; at most %3 in one call: narrow it (status, "
                                                                    "a smaller scope) or give the ids")
                                                          .arg(n)
                                                          .arg(QLatin1String(what))
                                                          .arg(kMax));
}

// Every row of a list with at most `cap` rows: an error naming the count when there are more.
Result<Rows> rowsUpTo(const Result<Page> &p, const char *what, qint64 cap)
{
    if (!p)
        return p.error();
    if (p->total > cap)
        return tooMany(what, p->total);
    return p->rows;
}

// The job named by job_id or job_number (exactly one); NOT_FOUND for another shop's.
Result<Row> jobOf(const ToolCall &c)
{
    ERY_TRY(ToolKit::exactlyOne(c, "job_id", "job_number"));
    if (c.has("job_id"))
        return c.services.jobs.get(c.scope, c.text("job_id"));
    return c.services.jobs.byNumber(c.scope, c.text("job_number"));
}

// How many of the selector arguments are given; exactly one is required.
Status exactlyOneOf(const ToolCall &c, std::initializer_list<const char *> names)
{
    int given = 0;
    QStringList all;
    for (const char *n : names) {
        all << QLatin1String(n);
        given += c.has(n) ? 1 : 0;
    }
    if (given != 1)
        return ToolKit::invalid(all.first(), QStringLiteral("give exactly one of %1").arg(all.join(QStringLiteral(", "))));
    return {};
}

// The parts of some jobs, filtered: status, or without the completed ones.
Result<Rows> partsOfJobs(const ToolCall &c, const QStringList &jobIds, const QString &status, bool excludeCompleted, qint64 cap)
{
    ListQuery q;
    q.limit = kPage;
    q.sort = QStringLiteral("created_at");
    q.conds.push_back({QStringLiteral("job_id"), ListQuery::Op::In, variants(jobIds)});
    if (!status.isEmpty())
        q.eq.emplace_back(QStringLiteral("status"), status);
    else if (excludeCompleted)
        q.conds.push_back({QStringLiteral("status"), ListQuery::Op::In, variants({status::NotStarted, status::InProgress, status::OnHold})});
    return rowsUpTo(c.services.parts.list(c.scope, q), "parts", cap);
}

// The jobs whose customer contains `customer` (at most kPage of them).
Result<Rows> jobsOfCustomer(const ToolCall &c, const QString &customer)
{
    ListQuery q;
    q.limit = kPage;
    q.sort = QStringLiteral("due_date");
    q.conds.push_back({QStringLiteral("customer"), ListQuery::Op::Like, customer});
    return rowsUpTo(c.services.jobs.list(c.scope, q), "jobs", kPage);
}

// The operations a scope names: operation_ids as given (each answered, another shop's as
// NOT_FOUND), or those of a job, part or cell in `statuses` (the tool's default), narrowed by the
// filter's status / exclude_completed / exclude_in_progress.
Result<QStringList> operationIds(const ToolCall &c, QStringList statuses, bool inProgressDefault)
{
    const Json sc = c.args.value("scope", Json::object());
    const Json filter = c.args.value("filter", Json::object());
    int given = 0;
    for (const char *k : {"operation_ids", "job_id", "job_number", "part_id", "cell_id"})
        given += sc.contains(k) ? 1 : 0;
    if (given != 1)
        return ToolKit::invalid(QStringLiteral("scope"),
                                QStringLiteral("give exactly one of operation_ids, job_id, job_number, part_id, cell_id"));
    if (sc.contains("operation_ids"))
        return textList(sc["operation_ids"]);
    ListQuery q;
    q.limit = kPage;
    q.sort = QStringLiteral("sequence");
    if (sc.contains("job_id") || sc.contains("job_number")) {
        auto job = sc.contains("job_id") ? c.services.jobs.get(c.scope, str(sc, "job_id")) : c.services.jobs.byNumber(c.scope, str(sc, "job_number"));
        if (!job)
            return job.error();
        auto parts = partsOfJobs(c, {str(*job, "id")}, {}, false, kPage);
        if (!parts)
            return parts.error();
        q.conds.push_back({QStringLiteral("part_id"), ListQuery::Op::In, variants(idsOf(*parts))});
    } else if (sc.contains("part_id")) {
        ERY_TRY(c.services.parts.get(c.scope, str(sc, "part_id")));
        q.eq.emplace_back(QStringLiteral("part_id"), str(sc, "part_id"));
    } else {
        ERY_TRY(c.services.catalog.get(CatalogService::Cells, c.scope, str(sc, "cell_id")));
        q.eq.emplace_back(QStringLiteral("cell_id"), str(sc, "cell_id"));
    }
    if (filter.contains("status"))
        statuses = statuses.contains(str(filter, "status")) ? QStringList{str(filter, "status")} : QStringList{};
    if (filter.value("exclude_completed", true))
        statuses.removeAll(status::Completed);
    if (filter.value("exclude_in_progress", inProgressDefault))
        statuses.removeAll(status::InProgress);
    q.conds.push_back({QStringLiteral("status"), ListQuery::Op::In, variants(statuses)});
    auto ops = rowsUpTo(c.services.operations.list(c.scope, q), "operations", kMax);
    if (!ops)
        return ops.error();
    return idsOf(*ops);
}

// A per-item answer: {id, ok, entity, ...} or {id, ok: false, error{code, message, details?}}.
Json itemOf(const QString &id, const char *entity, const Result<Json> &r)
{
    Json item{{"id", toStd(id)}, {"ok", r.ok()}, {"entity", entity}};
    if (r) {
        for (auto it = r->begin(); it != r->end(); ++it)
            item[it.key()] = it.value();
    } else {
        Json e{{"code", r.error().codeName()}, {"message", toStd(r.error().message)}};
        if (!r.error().details.is_null())
            e["details"] = r.error().details;
        item["error"] = e;
    }
    return item;
}

Json itemSchema()
{
    using namespace schema;
    return object({{"id", string(64)},
                   {"ok", boolean("Whether this item's change went in")},
                   {"entity", oneOf({"job", "part", "operation"})},
                   {"record", anyObject("The record after the change")},
                   {"previous_status", string(40)},
                   {"new_status", string(40)},
                   {"time_entries_opened", integer(0)},
                   {"time_entries_closed", integer(0)},
                   {"error",
                    object({{"code", string(40)}, {"message", Json{{"type", "string"}}}, {"details", Json::object()}}, {"code", "message"})}},
                  {"id", "ok", "entity"});
}

Json bulkSchema(std::initializer_list<std::pair<const char *, Json>> extra = {})
{
    using namespace schema;
    Json props{{"results", described(arrayOf(itemSchema(), kMax), "One entry per item, in order")},
               {"succeeded", integer(0)},
               {"failed", integer(0)}};
    for (const auto &[k, v] : extra)
        props[k] = v;
    return object(props, {"results", "succeeded", "failed"});
}

struct BulkItem {
    QString id;
    const char *entity;
    std::function<Result<Json>()> step;
};

// Runs the items in one transaction (BulkService), each in its own savepoint, reporting progress;
// answers {results, succeeded, failed}.
Result<Json> runBulk(const ToolCall &c, const std::vector<BulkItem> &items, const QString &verb)
{
    const qsizetype total = qsizetype(items.size());
    c.report(0, total, QStringLiteral("%1 %2 items").arg(verb).arg(total));
    auto outcomes = c.services.bulk.run(
        total, [&](qsizetype i) { return items[size_t(i)].step(); },
        [&](qsizetype done, qsizetype n) { c.report(done, n, QStringLiteral("%1 %2 of %3").arg(verb).arg(done).arg(n)); });
    if (!outcomes)
        return outcomes.error();
    Json results = Json::array();
    qint64 ok = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const Result<Json> &r = (*outcomes)[i];
        ok += r.ok() ? 1 : 0;
        results.push_back(itemOf(items[i].id, items[i].entity, r));
    }
    return Json{{"results", results}, {"succeeded", ok}, {"failed", qint64(items.size()) - ok}};
}

Result<Json> recordOf(const Result<Row> &r)
{
    if (!r)
        return r.error();
    return Json{{"record", *r}};
}

Result<Json> transitionOf(const Result<Transition> &t)
{
    if (!t)
        return t.error();
    return Json{{"record", t->row},
                {"previous_status", toStd(t->previousStatus)},
                {"new_status", toStd(t->newStatus)},
                {"time_entries_opened", qint64(t->openedTimeEntries.size())},
                {"time_entries_closed", qint64(t->closedTimeEntries.size())}};
}

Json operationScopeSchema()
{
    using namespace schema;
    return described(object({{"operation_ids", arrayOf(uuid(), kMax, 1)},
                             {"job_id", uuid("Every operation of this job")},
                             {"job_number", text("Or the job's number", 255)},
                             {"part_id", uuid("Every operation of this part")},
                             {"cell_id", uuid("Every operation in this cell")}}),
                     "Which operations: exactly one of operation_ids, job_id, job_number, part_id, cell_id");
}

Json operationFilterSchema(bool inProgressDefault)
{
    using namespace schema;
    Json completed = boolean("Leave completed operations out (default true); ignored for operation_ids");
    completed["default"] = true;
    Json inProgress = boolean("Leave running operations out; ignored for operation_ids");
    inProgress["default"] = inProgressDefault;
    return described(object({{"status", oneOf(choices::workStatuses(), "Only operations in this status")},
                             {"exclude_completed", completed},
                             {"exclude_in_progress", inProgress}}),
                     "Narrows a job, part or cell scope");
}

// The lifecycle step batch tools run on each operation, as the REST lifecycle routes do.
// `statuses`: the operations of a job, part or cell the step applies to (others would only fail).
Tool operationSteps(const char *name, const char *title, const char *description, Action action, bool takesOperator,
                    QStringList statuses)
{
    using namespace schema;
    Json props{{"scope", operationScopeSchema()}, {"filter", operationFilterSchema(false)}};
    if (takesOperator)
        props["operator_id"] = uuid("The worker completing them: each one's open time entry of this worker is closed");
    if (action == Action::Complete)
        props["start_first"] = boolean("Start a not_started operation first, so it can be completed (default false)");
    return Tool{QLatin1String(name),
                kModule,
                QString::fromUtf8(title),
                QString::fromUtf8(description),
                object(props, {"scope"}),
                bulkSchema(),
                {false, false, false, false},
                [action, statuses](const ToolCall &c) -> Result<Json> {
                    const bool startFirst = c.boolean("start_first", false);
                    QStringList eligible = statuses;
                    if (startFirst)
                        eligible << status::NotStarted;
                    auto ids = operationIds(c, eligible, false);
                    if (!ids)
                        return ids.error();
                    if (ids->size() > kMax)
                        return tooMany("operations", ids->size());
                    const QString worker = c.operatorId();
                    std::vector<BulkItem> items;
                    for (const QString &id : *ids)
                        items.push_back({id, "operation", [&c, id, action, worker, startFirst]() -> Result<Json> {
                                             OperationService &ops = c.services.operations;
                                             if (action == Action::Complete && startFirst) {
                                                 auto op = ops.get(c.scope, id);
                                                 if (!op)
                                                     return op.error();
                                                 if (str(*op, "status") == status::NotStarted)
                                                     ERY_TRY(ops.start(c.scope, id, {}));
                                             }
                                             return transitionOf(ops.transition(c.scope, id, action, worker));
                                         }});
                    return runBulk(c, items, actionName(action));
                }};
}

// Shifts an ISO time by seconds; empty when the time is not set.
QString shifted(const Json &row, const char *column, qint64 seconds)
{
    const QString t = str(row, column);
    if (t.isEmpty())
        return {};
    qint64 ms = 0;
    if (!parseIso(t, &ms))
        return {};
    return isoOf(ms + seconds * 1000);
}

// Job progress from its tree: counts, percentage and minutes.
Json progressOf(const Json &tree)
{
    qint64 parts = 0, partsDone = 0, bullets = 0, ops = 0, opsDone = 0, opsRunning = 0, opsHeld = 0, estimated = 0, actual = 0;
    for (const Json &p : tree.value("parts", Json::array())) {
        ++parts;
        partsDone += str(p, "status") == status::Completed ? 1 : 0;
        bullets += flag(p, "is_bullet_card") ? 1 : 0;
        for (const Json &o : p.value("operations", Json::array())) {
            ++ops;
            const QString st = str(o, "status");
            opsDone += st == status::Completed ? 1 : 0;
            opsRunning += st == status::InProgress ? 1 : 0;
            opsHeld += st == status::OnHold ? 1 : 0;
            estimated += num(o, "estimated_time");
            actual += num(o, "actual_time");
        }
    }
    return Json{{"parts_total", parts},
                {"parts_completed", partsDone},
                {"bullet_card_parts", bullets},
                {"operations_total", ops},
                {"operations_completed", opsDone},
                {"operations_in_progress", opsRunning},
                {"operations_on_hold", opsHeld},
                {"percent_complete", ops == 0 ? 0.0 : std::round(1000.0 * double(opsDone) / double(ops)) / 10.0},
                {"estimated_minutes", estimated},
                {"actual_minutes", actual}};
}
} // namespace

void addBatchTools(ToolRegistry &r)
{
    using namespace schema;

    // What a bulk part change may set: the shop-floor fields, not which job or number a part has.
    Json partUpdates = closed(fieldsSchema(PartService::fields(), false));
    for (const char *fixed : {"job_id", "part_number", "parent_part_id", "external_id", "external_source"})
        partUpdates["properties"].erase(fixed);
    partUpdates = described(partUpdates, "The fields to set on every part (at least one)");
    Json excludeCompleted = boolean("Leave completed parts out (default true); ignored for part_ids");
    excludeCompleted["default"] = true;
    r.add({QStringLiteral("batch_update_parts"),
           kModule,
           QStringLiteral("Update many parts"),
           QStringLiteral("Set the same fields (bullet card, notes, drawing, CNC program, material lot, ...) on many parts in one "
                          "transaction: the parts of a job or a customer, or a list of ids. Answers per part."),
           object({{"scope", described(object({{"part_ids", arrayOf(uuid(), kMax, 1)},
                                               {"job_id", uuid("Every part of this job")},
                                               {"job_number", text("Or the job's number", 255)},
                                               {"customer", text("Every part of the jobs whose customer contains this", 255)}}),
                                       "Which parts: exactly one of part_ids, job_id, job_number, customer")},
                   {"updates", partUpdates},
                   {"filter", described(object({{"status", oneOf(choices::workStatuses(), "Only parts in this status")},
                                                {"exclude_completed", excludeCompleted}}),
                                        "Narrows a job or customer scope")}},
                  {"scope", "updates"}),
           bulkSchema(),
           {false, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               const Json sc = c.args.value("scope", Json::object());
               const Json filter = c.args.value("filter", Json::object());
               const Json updates = c.args.value("updates", Json::object());
               if (updates.empty())
                   return ToolKit::invalid(QStringLiteral("updates"), QStringLiteral("name at least one field to set"));
               int given = 0;
               for (const char *k : {"part_ids", "job_id", "job_number", "customer"})
                   given += sc.contains(k) ? 1 : 0;
               if (given != 1)
                   return ToolKit::invalid(QStringLiteral("scope"), QStringLiteral("give exactly one of part_ids, job_id, job_number, customer"));
               QStringList ids;
               if (sc.contains("part_ids")) {
                   ids = textList(sc["part_ids"]);
               } else {
                   QStringList jobIds;
                   if (sc.contains("customer")) {
                       auto jobs = jobsOfCustomer(c, str(sc, "customer"));
                       if (!jobs)
                           return jobs.error();
                       jobIds = idsOf(*jobs);
                   } else {
                       auto job = sc.contains("job_id") ? c.services.jobs.get(c.scope, str(sc, "job_id"))
                                                        : c.services.jobs.byNumber(c.scope, str(sc, "job_number"));
                       if (!job)
                           return job.error();
                       jobIds << str(*job, "id");
                   }
                   auto parts = partsOfJobs(c, jobIds, str(filter, "status"), filter.value("exclude_completed", true), kMax);
                   if (!parts)
                       return parts.error();
                   ids = idsOf(*parts);
               }
               std::vector<BulkItem> items;
               for (const QString &id : ids)
                   items.push_back({id, "part", [&c, id, &updates] { return recordOf(c.services.parts.update(c.scope, id, updates)); }});
               return runBulk(c, items, QStringLiteral("updating parts"));
           }});

    r.add({QStringLiteral("batch_reschedule_operations"),
           kModule,
           QStringLiteral("Reschedule many operations"),
           QStringLiteral("Set planned_start/planned_end, or shift them by days and hours, on many operations in one transaction: "
                          "those of a job, part or cell, or a list of ids. Running operations are left out unless asked."),
           object({{"scope", operationScopeSchema()},
                   {"schedule", described(object({{"planned_start", dateTime("Set the planned start")},
                                                  {"planned_end", dateTime("Set the planned end")},
                                                  {"shift_days", integer(-3650, 3650, "Move both planned times by whole days")},
                                                  {"shift_hours", integer(-87600, 87600, "Move both planned times by hours")}}),
                                          "Either planned_start/planned_end, or shift_days/shift_hours")},
                   {"filter", operationFilterSchema(true)}},
                  {"scope", "schedule"}),
           bulkSchema(),
           {false, false, false, false},
           [](const ToolCall &c) -> Result<Json> {
               const Json sched = c.args.value("schedule", Json::object());
               const bool setting = sched.contains("planned_start") || sched.contains("planned_end");
               const bool shifting = sched.contains("shift_days") || sched.contains("shift_hours");
               if (setting == shifting)
                   return ToolKit::invalid(QStringLiteral("schedule"),
                                           QStringLiteral("give planned_start/planned_end or shift_days/shift_hours (not both)"));
               if (setting && sched.contains("planned_start") && sched.contains("planned_end")
                   && isoMs(str(sched, "planned_end")) < isoMs(str(sched, "planned_start")))
                   return ToolKit::invalid(QStringLiteral("schedule.planned_end"), QStringLiteral("before planned_start"));
               const qint64 seconds = sched.value("shift_days", qint64(0)) * 86400 + sched.value("shift_hours", qint64(0)) * 3600;
               // Reschedule leaves running work alone unless told otherwise.
               auto ids = operationIds(c, {status::NotStarted, status::InProgress, status::OnHold, status::Completed}, true);
               if (!ids)
                   return ids.error();
               std::vector<BulkItem> items;
               for (const QString &id : *ids)
                   items.push_back({id, "operation", [&c, id, &sched, setting, seconds]() -> Result<Json> {
                                        Json patch = Json::object();
                                        if (setting) {
                                            for (const char *k : {"planned_start", "planned_end"})
                                                if (sched.contains(k))
                                                    patch[k] = sched[k];
                                        } else {
                                            auto op = c.services.operations.get(c.scope, id);
                                            if (!op)
                                                return op.error();
                                            for (const char *k : {"planned_start", "planned_end"}) {
                                                const QString moved = shifted(*op, k, seconds);
                                                if (!moved.isEmpty())
                                                    patch[k] = toStd(moved);
                                            }
                                            if (patch.empty())
                                                return Error::badRequest(QStringLiteral("the operation has no planned times to shift"));
                                        }
                                        return recordOf(c.services.operations.update(c.scope, id, patch));
                                    }});
               return runBulk(c, items, QStringLiteral("rescheduling operations"));
           }});

    Json setBullet = boolean("Mark every unfinished part of the job as a Bullet Card (default true)");
    setBullet["default"] = true;
    r.add({QStringLiteral("prioritize_job"),
           kModule,
           QStringLiteral("Prioritise a job"),
           QStringLiteral("Make a job a rush job in one transaction: every unfinished part becomes a Bullet Card, and the reason is "
                          "appended to the job's notes as [PRIORITY] ...; answers per record."),
           object({{"job_id", uuid("The job")},
                   {"job_number", text("Or the job's number", 255)},
                   {"set_bullet_card", setBullet},
                   {"notes", text("Why it is urgent: appended to the job's notes as [PRIORITY] <notes>", 2000)}}),
           bulkSchema({{"job", anyObject("The job as it is afterwards")}}),
           {false, false, false, false},
           [](const ToolCall &c) -> Result<Json> {
               auto job = jobOf(c);
               if (!job)
                   return job.error();
               const QString jobId = str(*job, "id");
               const bool bullet = c.boolean("set_bullet_card", true);
               const QString notes = c.text("notes").trimmed();
               if (!bullet && notes.isEmpty())
                   return ToolKit::invalid(QStringLiteral("notes"), QStringLiteral("nothing to do: give notes or set_bullet_card"));
               std::vector<BulkItem> items;
               if (!notes.isEmpty()) {
                   const QString before = str(*job, "notes");
                   const QString after = (before.isEmpty() ? QString() : before + QLatin1Char('\n')) + QStringLiteral("[PRIORITY] ") + notes;
                   items.push_back({jobId, "job", [&c, jobId, after] {
                                        return recordOf(c.services.jobs.update(c.scope, jobId, Json{{"notes", toStd(after)}}));
                                    }});
               }
               if (bullet) {
                   auto parts = partsOfJobs(c, {jobId}, {}, true, kMax);
                   if (!parts)
                       return parts.error();
                   for (const Row &p : *parts) {
                       if (flag(p, "is_bullet_card"))
                           continue;
                       const QString id = str(p, "id");
                       items.push_back({id, "part", [&c, id] {
                                            return recordOf(c.services.parts.update(c.scope, id, Json{{"is_bullet_card", true}}));
                                        }});
                   }
               }
               auto out = runBulk(c, items, QStringLiteral("prioritising"));
               if (!out)
                   return out;
               auto now = c.services.jobs.get(c.scope, jobId);
               if (!now)
                   return now.error();
               (*out)["job"] = *now;
               return out;
           }});

    Json includeOps = boolean("Each part with its operations (default true)");
    includeOps["default"] = true;
    Json partLimit = integer(1, kMax, "At most this many parts (default 100)");
    partLimit["default"] = 100;
    r.add({QStringLiteral("fetch_parts_by_customer"),
           kModule,
           QStringLiteral("Fetch a customer's parts"),
           QStringLiteral("The parts of every job whose customer contains the given text, grouped by job (earliest due first), each "
                          "with its operations; completed parts left out unless asked."),
           object({{"customer", string(255, 1)},
                   {"status", oneOf(choices::workStatuses(), "Only parts in this status")},
                   {"include_completed", boolean("Also completed parts (default false)")},
                   {"include_operations", includeOps},
                   {"limit", partLimit}},
                  {"customer"}),
           object({{"jobs", described(arrayOf(anyObject("A job with parts[] (and their operations[])"), kPage), "Jobs with matching parts")},
                   {"parts_count", integer(0, {}, "Parts in the answer")},
                   {"total_parts", integer(0, {}, "Parts that match")},
                   {"truncated", boolean("More parts match than limit")}},
                  {"jobs", "parts_count", "total_parts", "truncated"}),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               auto jobs = jobsOfCustomer(c, c.text("customer"));
               if (!jobs)
                   return jobs.error();
               ListQuery q;
               q.limit = int(c.integer("limit", 100));
               q.sort = QStringLiteral("created_at");
               q.conds.push_back({QStringLiteral("job_id"), ListQuery::Op::In, variants(idsOf(*jobs))});
               if (c.has("status"))
                   q.eq.emplace_back(QStringLiteral("status"), c.text("status"));
               else if (!c.boolean("include_completed", false))
                   q.conds.push_back(
                       {QStringLiteral("status"), ListQuery::Op::In, variants({status::NotStarted, status::InProgress, status::OnHold})});
               auto parts = c.services.parts.list(c.scope, q);
               if (!parts)
                   return parts.error();
               QHash<QString, Json> opsOf;
               if (c.boolean("include_operations", true) && !parts->rows.empty()) {
                   ListQuery oq;
                   oq.sort = QStringLiteral("sequence");
                   oq.limit = kPage;
                   oq.conds.push_back({QStringLiteral("part_id"), ListQuery::Op::In, variants(idsOf(parts->rows))});
                   for (oq.offset = 0;; oq.offset += kPage) {
                       auto ops = c.services.operations.list(c.scope, oq);
                       if (!ops)
                           return ops.error();
                       for (const Row &o : ops->rows) {
                           Json &list = opsOf[str(o, "part_id")];
                           if (list.is_null())
                               list = Json::array();
                           list.push_back(o);
                       }
                       if (oq.offset + kPage >= ops->total)
                           break;
                   }
               }
               QHash<QString, Json> partsOf;
               for (Row p : parts->rows) {
                   if (c.boolean("include_operations", true))
                       p["operations"] = opsOf.value(str(p, "id"), Json::array());
                   Json &list = partsOf[str(p, "job_id")];
                   if (list.is_null())
                       list = Json::array();
                   list.push_back(p);
               }
               Json out = Json::array();
               for (Row j : *jobs) {
                   auto it = partsOf.constFind(str(j, "id"));
                   if (it == partsOf.constEnd())
                       continue;
                   j["parts"] = *it;
                   out.push_back(j);
               }
               return Json{{"jobs", out},
                           {"parts_count", qint64(parts->rows.size())},
                           {"total_parts", parts->total},
                           {"truncated", qint64(parts->rows.size()) < parts->total}};
           }});

    r.add(operationSteps("batch_complete_operations", "Complete many operations",
                         "Complete many operations in one transaction through the operation lifecycle (so roll-up to part and job, "
                         "time entries and events happen as for one): those of a job, part or cell, or a list of ids. Answers per "
                         "operation; one that cannot be completed fails alone.",
                         Action::Complete, true, {status::InProgress, status::OnHold}));
    r.add(operationSteps("batch_pause_operations", "Pause many operations",
                         "Put running operations on hold in one transaction (end of shift, a machine down): those of a job, part "
                         "or cell, or a list of ids; their open time entries are closed. Answers per operation.",
                         Action::Pause, false, {status::InProgress}));

    Json yes = boolean();
    yes["default"] = true;
    r.add({QStringLiteral("get_job_overview"),
           kModule,
           QStringLiteral("Job overview"),
           QStringLiteral("One job at a glance: progress (parts and operations done, percent, estimated vs actual minutes, Bullet "
                          "Cards), its parts with their operations, and an issue summary by status (pending, approved, rejected, "
                          "closed) with the pending ones listed."),
           object({{"job_id", uuid("The job")},
                   {"job_number", text("Or the job's number", 255)},
                   {"include_parts", described(yes, "Parts in the answer (default true)")},
                   {"include_operations", described(yes, "Each part's operations (default true)")},
                   {"include_issues", described(yes, "The issue summary (default true)")}}),
           object({{"job", anyObject("The job")},
                   {"progress", object({{"parts_total", integer(0)},
                                        {"parts_completed", integer(0)},
                                        {"bullet_card_parts", integer(0)},
                                        {"operations_total", integer(0)},
                                        {"operations_completed", integer(0)},
                                        {"operations_in_progress", integer(0)},
                                        {"operations_on_hold", integer(0)},
                                        {"percent_complete", number(0, 100)},
                                        {"estimated_minutes", integer()},
                                        {"actual_minutes", integer()}},
                                       {"parts_total", "parts_completed", "bullet_card_parts", "operations_total", "operations_completed",
                                        "operations_in_progress", "operations_on_hold", "percent_complete", "estimated_minutes",
                                        "actual_minutes"})},
                   {"parts", arrayOf(anyObject("A part (with operations[] when asked)"), kPage * 10)},
                   {"issues", object({{"total", integer(0)},
                                      {"pending", integer(0)},
                                      {"approved", integer(0)},
                                      {"rejected", integer(0)},
                                      {"closed", integer(0)},
                                      {"ncrs", integer(0)},
                                      {"critical_pending", integer(0)},
                                      {"pending_issues", arrayOf(anyObject("A pending issue"), 100)}},
                                     {"total", "pending", "approved", "rejected", "closed", "ncrs", "critical_pending", "pending_issues"})}},
                  {"job", "progress"}),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               auto job = jobOf(c);
               if (!job)
                   return job.error();
               auto tree = c.services.jobs.tree(c.scope, str(*job, "id"));
               if (!tree)
                   return tree.error();
               Json out{{"job", *job}, {"progress", progressOf(*tree)}};
               if (c.boolean("include_parts", true)) {
                   Json parts = (*tree)["parts"];
                   if (!c.boolean("include_operations", true))
                       for (Json &p : parts)
                           p.erase("operations");
                   out["parts"] = parts;
               }
               if (c.boolean("include_issues", true)) {
                   QStringList opIds;
                   for (const Json &p : (*tree)["parts"])
                       for (const Json &o : p["operations"])
                           opIds << str(o, "id");
                   auto count = [&](std::vector<std::pair<QString, QVariant>> eq, int limit) -> Result<Page> {
                       ListQuery q;
                       q.limit = limit;
                       q.sort = QStringLiteral("created_at");
                       q.descending = true;
                       q.eq = std::move(eq);
                       q.conds.push_back({QStringLiteral("operation_id"), ListQuery::Op::In, variants(opIds)});
                       return c.services.issues.list(c.scope, q);
                   };
                   Json summary = Json::object();
                   qint64 total = 0;
                   for (const QString &st : choices::issueStatuses()) {
                       auto p = count({{QStringLiteral("status"), st}}, st == issue::Pending ? 100 : 1);
                       if (!p)
                           return p.error();
                       summary[toStd(st)] = p->total;
                       total += p->total;
                       if (st == issue::Pending)
                           summary["pending_issues"] = Json(p->rows);
                   }
                   summary["total"] = total;
                   auto ncrs = count({{QStringLiteral("issue_type"), QStringLiteral("ncr")}}, 1);
                   if (!ncrs)
                       return ncrs.error();
                   summary["ncrs"] = ncrs->total;
                   auto critical = count({{QStringLiteral("status"), issue::Pending}, {QStringLiteral("severity"), QStringLiteral("critical")}}, 1);
                   if (!critical)
                       return critical.error();
                   summary["critical_pending"] = critical->total;
                   out["issues"] = summary;
               }
               return out;
           }});
}

} // namespace ery::mcp
