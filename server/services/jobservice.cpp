#include "jobservice.h"

#include "activitylog.h"
#include "eventdata.h"
#include "partservice.h"
#include "quotas.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

const std::vector<Field> &JobService::fields()
{
    static const std::vector<Field> f{
        {"job_number", Field::Text, true, {}, {}, limits::kShort},
        {"customer", Field::Text, false, {}, {}, limits::kName},
        {"due_date", Field::Timestamp},
        {"due_date_override", Field::Timestamp},
        {"notes", Field::Text, false, {}, {}, limits::kText},
        {"metadata", Field::Json},
        {"delivery_address", Field::Text, false, {}, {}, limits::kName},
        {"delivery_city", Field::Text, false, {}, {}, limits::kShort},
        {"delivery_postal_code", Field::Text, false, {}, {}, 20},
        {"delivery_country", Field::Text, false, {}, {}, limits::kShort},
        {"delivery_lat", Field::Number, false, {}, -90, limits::kText, 90},
        {"delivery_lng", Field::Number, false, {}, -180, limits::kText, 180},
        {"total_weight_kg", Field::Number, false, {}, 0},
        {"total_volume_m3", Field::Number, false, {}, 0},
        {"package_count", Field::Int, false, {}, 0},
        {"external_id", Field::Text, false, {}, {}, limits::kName},
        {"external_source", Field::Text, false, {}, {}, limits::kShort},
    };
    return f;
}

Result<Row> JobService::createIn(WriteTx &tx, const Scope &scope, const Json &input, const Row &syncStamp)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    if (!syncStamp.empty())
        row.update(syncStamp);
    const Json parts = input.is_object() ? input.value("parts", Json(nullptr)) : Json(nullptr);
    qint64 quantity = 0;
    if (!parts.is_null() && !parts.is_array())
        v.add("parts", QStringLiteral("parts must be a list"), nullptr, "array");
    if (parts.is_array()) {
        int i = 0;
        for (const auto &p : parts) {
            // Validate every part up front so one answer lists every bad field of the tree.
            Json pi = p;
            if (pi.is_object())
                pi["job_id"] = "00000000-0000-7000-8000-000000000000";
            acceptFields(pi, PartService::fields(), true, v, "parts[" + std::to_string(i++) + "]");
            if (p.is_object() && p.value("quantity", Json(1)).is_number_integer())
                quantity += p.value("quantity", Json(1)).get<qint64>();
        }
    }
    if (!v.ok())
        return v.error();
    ERY_TRY(m_quotas.checkJobs(tx, scope, 1));
    if (quantity > 0)
        ERY_TRY(m_quotas.checkParts(tx, scope, quantity));
    auto job = repo().jobs.insert(tx, scope, row);
    if (!job)
        return job.error();
    if (parts.is_array()) {
        int i = 0;
        for (const auto &p : parts) {
            auto part = m_parts.createIn(tx, scope, p, *job, "parts[" + std::to_string(i++) + "]");
            if (!part)
                return part.error();
        }
    }
    Json data = m_eventData.jobData(*job);
    data["part_count"] = parts.is_array() ? parts.size() : 0;
    tx.emitEvent(scope.tenantId, QStringLiteral("job.created"), str(*job, "id"), data, m_eventData.jobContext(scope, *job));
    ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("job"), str(*job, "id"), str(*job, "job_number"),
                              QStringLiteral("Job %1 created").arg(str(*job, "job_number"))));
    return job;
}

Result<Row> JobService::create(const Scope &scope, const Json &input, const Row &syncStamp)
{
    return db().write([&](WriteTx &tx) { return createIn(tx, scope, input, syncStamp); });
}

Result<Row> JobService::update(const Scope &scope, const QString &id, const Json &patch, const Row &syncStamp)
{
    Validation v;
    Row accepted = acceptFields(patch, fields(), false, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto job = repo().jobs.get(tx.db(), scope, id, QStringLiteral("job"));
        if (!job)
            return job.error();
        Row written = accepted;
        if (!syncStamp.empty())
            written.update(syncStamp);
        auto next = repo().jobs.update(tx, scope, *job, written);
        if (!next)
            return next.error();
        Json data = m_eventData.jobData(*next);
        data["changes"] = accepted;
        tx.emitEvent(scope.tenantId, QStringLiteral("job.updated"), id, data, m_eventData.jobContext(scope, *next));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("update"), QStringLiteral("job"), id, str(*next, "job_number"),
                                  QStringLiteral("Job %1 updated").arg(str(*next, "job_number")), Json{{"old", *job}, {"new", *next}}));
        return next;
    });
}

Status JobService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto job = repo().jobs.get(tx.db(), scope, id, QStringLiteral("job"));
        if (!job)
            return job.error();
        auto parts = repo().partsOfJob(tx.db(), scope, id);
        if (!parts)
            return parts.error();
        for (const auto &p : *parts)
            ERY_TRY(m_parts.removeIn(tx, scope, p));
        ERY_TRY(repo().jobs.remove(tx, scope, *job));
        tx.emitEvent(scope.tenantId, QStringLiteral("job.deleted"), id, m_eventData.jobData(*job), m_eventData.jobContext(scope, *job));
        return m_activity.record(tx, scope, QStringLiteral("delete"), QStringLiteral("job"), id, str(*job, "job_number"),
                                 QStringLiteral("Job %1 deleted").arg(str(*job, "job_number")));
    });
}

Result<Row> JobService::get(const Scope &scope, const QString &id)
{
    return repo().jobs.get(db(), scope, id, QStringLiteral("job"));
}

Result<Row> JobService::byNumber(const Scope &scope, const QString &jobNumber)
{
    auto rows = repo().jobs.where(db(), scope, Match().eq(QStringLiteral("job_number"), jobNumber));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("job %1").arg(jobNumber));
    return std::move(rows->front());
}

Result<Page> JobService::list(const Scope &scope, const ListQuery &q)
{
    return repo().jobs.list(db(), scope, q);
}

Result<Rows> JobService::overview(const Scope &scope)
{
    ListQuery all;
    all.limit = 0;
    auto page = overview(scope, all);
    if (!page)
        return page.error();
    return std::move(page->rows);
}

const QStringList &JobService::overviewSorts()
{
    return storage::Repositories::overviewSorts();
}

Result<Page> JobService::overview(const Scope &scope, const ListQuery &q)
{
    return repo().jobsOverview(db(), scope, q);
}

Result<Json> JobService::tree(const Scope &scope, const QString &id)
{
    auto job = get(scope, id);
    if (!job)
        return job.error();
    auto parts = repo().partsOfJob(db(), scope, id);
    if (!parts)
        return parts.error();
    Json out = *job;
    out["parts"] = Json::array();
    for (auto &p : *parts) {
        auto ops = repo().operationsOfPart(db(), scope, str(p, "id"));
        if (!ops)
            return ops.error();
        p["operations"] = Json(*ops);
        out["parts"].push_back(p);
    }
    return out;
}

Result<Transition> JobService::transition(const Scope &scope, const QString &id, Action a)
{
    return db().write([&](WriteTx &tx) -> Result<Transition> {
        auto job = repo().jobs.get(tx.db(), scope, id, QStringLiteral("job"));
        if (!job)
            return job.error();
        const QString from = str(*job, "status");
        auto to = statusAfter(from, a);
        if (!to)
            return Error::invalidTransition(QStringLiteral("job"), from, a == Action::Pause ? QStringLiteral("stop") : actionName(a));
        Row patch{{"status", toStd(*to)}};
        if (a == Action::Start && (*job)["started_at"].is_null())
            patch["started_at"] = toStd(nowIso());
        if (a == Action::Complete) {
            patch["completed_at"] = toStd(nowIso());
            patch["current_cell_id"] = nullptr;
        }
        auto next = repo().jobs.update(tx, scope, *job, patch, {QStringLiteral("status")});
        if (!next)
            return next.error();
        static const char *names[] = {"job.started", "job.stopped", "job.resumed", "job.completed"};
        Json data = m_eventData.jobData(*next);
        data["previous_status"] = toStd(from);
        data["new_status"] = toStd(*to);
        tx.emitEvent(scope.tenantId, QString::fromLatin1(names[int(a)]), id, data, m_eventData.jobContext(scope, *next));
        ERY_TRY(m_activity.record(tx, scope, a == Action::Pause ? QStringLiteral("stop") : actionName(a), QStringLiteral("job"), id,
                                  str(*job, "job_number"), QStringLiteral("Job %1: %2 → %3").arg(str(*job, "job_number"), from, *to)));
        return Transition{from, *to, *next};
    });
}

Result<Transition> JobService::start(const Scope &scope, const QString &id)
{
    return transition(scope, id, Action::Start);
}
Result<Transition> JobService::stop(const Scope &scope, const QString &id)
{
    return transition(scope, id, Action::Pause);
}
Result<Transition> JobService::resume(const Scope &scope, const QString &id)
{
    return transition(scope, id, Action::Resume);
}
Result<Transition> JobService::complete(const Scope &scope, const QString &id)
{
    return transition(scope, id, Action::Complete);
}

} // namespace ery::services
