#include "eventdata.h"

#include "storage/repositories.h"

using namespace ery::domain;

namespace ery::services {

Json OperationContext::topicContextFor(const Row &tenant, const Row &job, const Row &part, const Row &cell, const QString &operation)
{
    Json c = Json::object();
    c["enterprise"] = tenant.value("enterprise", "eryxon");
    c["site"] = tenant.value("site", "main");
    c["area"] = tenant.value("area", "production");
    if (cell.is_object() && cell.contains("name"))
        c["cell"] = cell["name"];
    if (job.is_object() && job.contains("job_number"))
        c["job_number"] = job["job_number"];
    if (part.is_object() && part.contains("part_number"))
        c["part_number"] = part["part_number"];
    if (!operation.isEmpty())
        c["operation"] = operation.toStdString();
    return c;
}

Json OperationContext::eventData() const
{
    Json d = Json::object();
    for (const char *k : {"id", "status", "sequence", "estimated_time", "actual_time", "completion_percentage", "completed_at",
                          "started_at", "assigned_operator_id", "status_before_hold"})
        if (operation.contains(k))
            d[k] = operation[k];
    d["operation_id"] = operation["id"];
    d["operation_name"] = operation["operation_name"];
    d["part_id"] = part.value("id", Json(nullptr));
    d["part_number"] = part.value("part_number", Json(nullptr));
    d["job_id"] = job.value("id", Json(nullptr));
    d["job_number"] = job.value("job_number", Json(nullptr));
    d["cell_id"] = operation.value("cell_id", Json(nullptr));
    d["cell_name"] = cell.value("name", Json(nullptr));
    return d;
}

Json OperationContext::topicContext() const
{
    return topicContextFor(tenant, job, part, cell, str(operation, "operation_name"));
}

Result<Row> EventData::tenant(const QString &tenantId) const
{
    auto it = m_tenants.constFind(tenantId);
    if (it != m_tenants.constEnd())
        return *it;
    auto t = repo().tenants.get(db(), tenantId);
    if (!t)
        return t.error();
    m_tenants.insert(tenantId, *t);
    return t;
}

void EventData::forgetTenant(const QString &tenantId)
{
    m_tenants.remove(tenantId);
}

Result<OperationContext> EventData::forOperation(const Scope &scope, const Row &operation) const
{
    OperationContext c;
    c.operation = operation;
    auto part = repo().parts.get(db(), scope, str(operation, "part_id"), QStringLiteral("part"));
    if (!part)
        return part.error();
    c.part = std::move(*part);
    auto job = repo().jobs.get(db(), scope, str(c.part, "job_id"), QStringLiteral("job"));
    if (!job)
        return job.error();
    c.job = std::move(*job);
    auto cell = repo().cells.get(db(), scope, str(operation, "cell_id"), QStringLiteral("cell"));
    c.cell = cell ? std::move(*cell) : Row::object();
    auto t = tenant(scope.tenantId);
    c.tenant = t ? *t : Row::object();
    return c;
}

Json EventData::jobData(const Row &job) const
{
    Json d = Json::object();
    for (const char *k : {"id", "job_number", "customer", "due_date", "status", "current_cell_id", "external_id", "external_source"})
        if (job.contains(k))
            d[k] = job[k];
    d["job_id"] = job["id"];
    return d;
}

Json EventData::jobContext(const Scope &scope, const Row &job) const
{
    auto t = tenant(scope.tenantId);
    Row cell = Row::object();
    if (!str(job, "current_cell_id").isEmpty()) {
        auto c = repo().cells.get(db(), scope, str(job, "current_cell_id"));
        if (c)
            cell = *c;
    }
    return OperationContext::topicContextFor(t ? *t : Row::object(), job, Row::object(), cell, {});
}

Json EventData::partData(const Row &part, const Row &job) const
{
    Json d = Json::object();
    for (const char *k : {"id", "part_number", "material", "quantity", "status", "current_cell_id", "is_bullet_card", "parent_part_id"})
        if (part.contains(k))
            d[k] = part[k];
    d["part_id"] = part["id"];
    d["job_id"] = job.value("id", Json(nullptr));
    d["job_number"] = job.value("job_number", Json(nullptr));
    return d;
}

QString EventData::workerName(const Scope &scope, const QString &workerId) const
{
    if (workerId.isEmpty())
        return {};
    auto u = repo().users.get(db(), scope, workerId);
    return u ? str(*u, "full_name") : QString();
}

} // namespace ery::services
