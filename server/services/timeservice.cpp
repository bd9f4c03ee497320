#include "timeservice.h"

#include "core/ids.h"
#include "domain/rules.h"
#include "activitylog.h"
#include "eventdata.h"
#include "operationservice.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

Result<Row> TimeService::openIn(WriteTx &tx, const Scope &scope, const QString &workerId, const OperationContext &ctx)
{
    auto worker = repo().users.get(tx.db(), scope, workerId, QStringLiteral("operator"));
    if (!worker)
        return worker.error();
    if (!flag(*worker, "active"))
        return Error::forbidden(QStringLiteral("%1 is inactive").arg(str(*worker, "full_name")));
    const QString opId = str(ctx.operation, "id");
    auto open = repo().openEntriesOfWorker(tx.db(), scope, workerId);
    if (!open)
        return open.error();
    for (const auto &e : *open) {
        if (str(e, "operation_id") == opId)
            return e; // already timing this operation: starting again changes nothing
    }
    if (!open->empty()) {
        const Row &other = open->front();
        QString what = QStringLiteral("another operation");
        if (auto op = repo().operations.get(tx.db(), scope, str(other, "operation_id"))) {
            auto oc = m_eventData.forOperation(scope, *op);
            if (oc)
                what = QStringLiteral("%1 (%2 / %3)")
                           .arg(str(oc->operation, "operation_name"), str(oc->job, "job_number"), str(oc->part, "part_number"));
        }
        return Error{ErrorCode::Conflict, QStringLiteral("Please stop timing on %1 before starting a new operation").arg(what),
                     Json{{"open_time_entry_id", other["id"]}, {"operation_id", other["operation_id"]}}};
    }
    auto entry = repo().timeEntries.insert(
        tx, scope, Row{{"operator_id", toStd(workerId)}, {"operation_id", toStd(opId)}, {"start_time", toStd(nowIso())}});
    if (!entry)
        return entry.error();
    Json data = ctx.eventData();
    data["time_entry_id"] = (*entry)["id"];
    data["operator_id"] = toStd(workerId);
    data["operator_name"] = (*worker)["full_name"];
    data["start_time"] = (*entry)["start_time"];
    tx.emitEvent(scope.tenantId, QStringLiteral("time_entry.started"), str(*entry, "id"), data, ctx.topicContext());
    return entry;
}

Status TimeService::recomputeActualTime(WriteTx &tx, const Scope &scope, const QString &operationId)
{
    auto op = repo().operations.get(tx.db(), scope, operationId, QStringLiteral("operation"));
    if (!op)
        return op.error();
    auto minutes = repo().closedMinutesOfOperation(tx.db(), scope, operationId);
    if (!minutes)
        return minutes.error();
    if (num(*op, "actual_time") != *minutes)
        ERY_TRY(repo().operations.update(tx, scope, *op, {{"actual_time", *minutes}}));
    return {};
}

Result<Row> TimeService::closeIn(WriteTx &tx, const Scope &scope, const Row &entry, const QString &reason)
{
    const QString entryId = str(entry, "id");
    const QString now = nowIso();
    auto pauses = repo().openPausesOfEntry(tx.db(), scope, entryId);
    if (!pauses)
        return pauses.error();
    for (const auto &p : *pauses) {
        const qint64 secs = qMax<qint64>(0, (isoMs(now) - isoMs(str(p, "paused_at"))) / 1000);
        ERY_TRY(repo().timeEntryPauses.update(tx, scope, p, {{"resumed_at", toStd(now)}, {"duration", secs}}));
    }
    auto paused = repo().pausedSecondsOfEntry(tx.db(), scope, entryId);
    if (!paused)
        return paused.error();
    const qint64 minutes = entryMinutes(isoMs(str(entry, "start_time")), isoMs(now), *paused);
    auto closed = repo().timeEntries.update(tx, scope, entry, {{"end_time", toStd(now)}, {"duration", minutes}, {"is_paused", false}},
                                            {QStringLiteral("end_time")});
    if (!closed)
        return closed.error();
    ERY_TRY(recomputeActualTime(tx, scope, str(entry, "operation_id")));
    auto op = repo().operations.get(tx.db(), scope, str(entry, "operation_id"));
    if (op) {
        auto ctx = m_eventData.forOperation(scope, *op);
        if (ctx) {
            Json data = ctx->eventData();
            data["time_entry_id"] = toStd(entryId);
            data["operator_id"] = entry["operator_id"];
            data["operator_name"] = toStd(m_eventData.workerName(scope, str(entry, "operator_id")));
            data["start_time"] = entry["start_time"];
            data["end_time"] = toStd(now);
            data["duration"] = minutes;
            data["reason"] = toStd(reason);
            tx.emitEvent(scope.tenantId, QStringLiteral("time_entry.stopped"), entryId, data, ctx->topicContext());
        }
    }
    return closed;
}

Result<Row> TimeService::start(const Scope &scope, const QString &workerId, const QString &operationId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto op = repo().operations.get(tx.db(), scope, operationId, QStringLiteral("operation"));
        if (!op)
            return op.error();
        const QString st = str(*op, "status");
        if (st == status::Completed || st == status::OnHold)
            return Error::invalidTransition(QStringLiteral("operation"), st, QStringLiteral("start timing on"));
        if (st == status::NotStarted) {
            auto t = m_operations.transitionIn(tx, scope, *op, Action::Start, workerId);
            if (!t)
                return t.error();
            if (t->openedTimeEntries.empty())
                return Error::internal(QStringLiteral("time entry missing"));
            return std::move(t->openedTimeEntries.front());
        }
        auto ctx = m_eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        return openIn(tx, scope, workerId, *ctx);
    });
}

Result<Row> TimeService::stop(const Scope &scope, const QString &workerId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto open = repo().openEntriesOfWorker(tx.db(), scope, workerId);
        if (!open)
            return open.error();
        if (open->empty())
            return Error::notFound(QStringLiteral("open time entry"));
        Result<Row> last = open->front();
        for (const auto &e : *open) {
            last = closeIn(tx, scope, e, QStringLiteral("stopped"));
            if (!last)
                return last.error();
        }
        return last;
    });
}

Result<Row> TimeService::pause(const Scope &scope, const QString &entryId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto e = repo().timeEntries.get(tx.db(), scope, entryId, QStringLiteral("time entry"));
        if (!e)
            return e.error();
        if (!str(*e, "end_time").isEmpty() || flag(*e, "is_paused"))
            return Error::invalidTransition(QStringLiteral("time entry"),
                                            flag(*e, "is_paused") ? QStringLiteral("paused") : QStringLiteral("stopped"),
                                            QStringLiteral("pause"));
        ERY_TRY(repo().timeEntryPauses.insert(tx, scope, Row{{"time_entry_id", toStd(entryId)}, {"paused_at", toStd(nowIso())}}));
        return repo().timeEntries.update(tx, scope, *e, {{"is_paused", true}}, {QStringLiteral("is_paused")});
    });
}

Result<Row> TimeService::resume(const Scope &scope, const QString &entryId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto e = repo().timeEntries.get(tx.db(), scope, entryId, QStringLiteral("time entry"));
        if (!e)
            return e.error();
        if (!str(*e, "end_time").isEmpty() || !flag(*e, "is_paused"))
            return Error::invalidTransition(QStringLiteral("time entry"),
                                            str(*e, "end_time").isEmpty() ? QStringLiteral("running") : QStringLiteral("stopped"),
                                            QStringLiteral("resume"));
        auto pauses = repo().openPausesOfEntry(tx.db(), scope, entryId);
        if (!pauses)
            return pauses.error();
        const QString now = nowIso();
        for (const auto &p : *pauses) {
            const qint64 secs = qMax<qint64>(0, (isoMs(now) - isoMs(str(p, "paused_at"))) / 1000);
            ERY_TRY(repo().timeEntryPauses.update(tx, scope, p, {{"resumed_at", toStd(now)}, {"duration", secs}}));
        }
        return repo().timeEntries.update(tx, scope, *e, {{"is_paused", false}}, {QStringLiteral("is_paused")});
    });
}

Result<Row> TimeService::forceStop(const Scope &scope, const QString &entryId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto e = repo().timeEntries.get(tx.db(), scope, entryId, QStringLiteral("time entry"));
        if (!e)
            return e.error();
        if (!str(*e, "end_time").isEmpty())
            return Error::invalidTransition(QStringLiteral("time entry"), QStringLiteral("stopped"), QStringLiteral("stop"));
        auto closed = closeIn(tx, scope, *e, QStringLiteral("force_stopped"));
        if (!closed)
            return closed.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("force_stop"), QStringLiteral("time_entry"), entryId, {},
                                  QStringLiteral("Time entry stopped by an admin")));
        return closed;
    });
}

Result<qint64> TimeService::stopAll(const Scope &scope)
{
    return db().write([&](WriteTx &tx) -> Result<qint64> {
        auto open = repo().allOpenEntries(tx.db(), scope);
        if (!open)
            return open.error();
        for (const auto &e : *open)
            ERY_TRY(closeIn(tx, scope, e, QStringLiteral("force_stopped")));
        if (!open->empty())
            ERY_TRY(m_activity.record(tx, scope, QStringLiteral("force_stop_all"), QStringLiteral("time_entry"), {}, {},
                                      QStringLiteral("%1 open time entries stopped by an admin").arg(open->size())));
        return qint64(open->size());
    });
}

const std::vector<Field> &TimeService::bookFields()
{
    static const std::vector<Field> f{
        {"operator_id", Field::Uuid, true},
        {"operation_id", Field::Uuid, true},
        {"start_time", Field::Timestamp, true},
        {"end_time", Field::Timestamp, true},
        {"time_type", Field::Enum, false, choices::timeTypes()},
        {"notes", Field::Text, false, {}, {}, limits::kText},
    };
    return f;
}

Result<Row> TimeService::book(const Scope &scope, const Json &input)
{
    // Operators' own sessions clock by starting and stopping; a booking by hand is an admin's.
    if (!scope.admin)
        return Error::forbidden(QStringLiteral("Only an admin books time by hand"));
    Validation v;
    Row in = acceptFields(input, bookFields(), true, v);
    if (!v.ok())
        return v.error();
    const QString start = str(in, "start_time"), end = str(in, "end_time");
    const qint64 startMs = isoMs(start), endMs = isoMs(end), nowMs = isoMs(nowIso());
    if (endMs <= startMs)
        v.add("end_time", QStringLiteral("end_time must be after start_time"), in["end_time"], "after start_time");
    else if (endMs - startMs > kMaxBookedMs)
        v.add("end_time", QStringLiteral("a booked entry spans at most 24 hours; book longer work as several entries"), in["end_time"],
              "at most 24 hours after start_time");
    if (endMs > nowMs)
        v.add("end_time", QStringLiteral("end_time is in the future: only time already worked is booked"), in["end_time"], "not after now");
    if (!v.ok())
        return v.error();
    const QString workerId = str(in, "operator_id");
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto worker = repo().users.get(tx.db(), scope, workerId, QStringLiteral("operator"));
        if (!worker)
            return worker.error();
        auto op = repo().operations.get(tx.db(), scope, str(in, "operation_id"), QStringLiteral("operation"));
        if (!op)
            return op.error();
        auto ctx = m_eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        ERY_TRY(repo().lockWorker(tx, scope, workerId));
        auto overlapping = repo().entriesOfWorkerOverlapping(tx.db(), scope, workerId, start, end);
        if (!overlapping)
            return overlapping.error();
        if (!overlapping->empty()) {
            const Row &other = overlapping->front();
            QString what = QStringLiteral("another operation");
            Json where = Json::object();
            if (auto otherOp = repo().operations.get(tx.db(), scope, str(other, "operation_id"))) {
                if (auto oc = m_eventData.forOperation(scope, *otherOp)) {
                    what = QStringLiteral("%1 (%2 / %3)").arg(str(oc->operation, "operation_name"), str(oc->job, "job_number"),
                                                              str(oc->part, "part_number"));
                    where = Json{{"operation_name", oc->operation["operation_name"]},
                                 {"job_number", oc->job["job_number"]},
                                 {"part_number", oc->part["part_number"]}};
                }
            }
            const QString until = str(other, "end_time").isEmpty() ? QStringLiteral("still running") : str(other, "end_time");
            Json details{{"time_entry_id", other["id"]},
                         {"operation_id", other["operation_id"]},
                         {"start_time", other["start_time"]},
                         {"end_time", other["end_time"]},
                         {"overlapping", overlapping->size()}};
            details.update(where);
            return Error{ErrorCode::Conflict,
                         QStringLiteral("%1 already has time on %2 from %3 to %4, which overlaps this booking")
                             .arg(str(*worker, "full_name"), what, str(other, "start_time"), until),
                         details};
        }
        const qint64 minutes = entryMinutes(startMs, endMs, 0);
        Row row{{"operator_id", toStd(workerId)},
                {"operation_id", (*op)["id"]},
                {"start_time", toStd(start)},
                {"end_time", toStd(end)},
                {"duration", minutes}};
        for (const char *k : {"time_type", "notes"})
            if (in.contains(k) && !in[k].is_null())
                row[k] = in[k];
        auto entry = repo().timeEntries.insert(tx, scope, row);
        if (!entry)
            return entry.error();
        ERY_TRY(recomputeActualTime(tx, scope, str(*op, "id")));

        // The same events as an entry clocked on the floor: it started, and it stopped.
        const QString entryId = str(*entry, "id");
        Json data = ctx->eventData();
        data["time_entry_id"] = toStd(entryId);
        data["operator_id"] = toStd(workerId);
        data["operator_name"] = (*worker)["full_name"];
        data["start_time"] = toStd(start);
        data["manual"] = true;
        tx.emitEvent(scope.tenantId, QStringLiteral("time_entry.started"), entryId, data, ctx->topicContext());
        data["end_time"] = toStd(end);
        data["duration"] = minutes;
        data["reason"] = "booked";
        tx.emitEvent(scope.tenantId, QStringLiteral("time_entry.stopped"), entryId, data, ctx->topicContext());
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("book_time"), QStringLiteral("time_entry"), entryId,
                                  str(*worker, "full_name"),
                                  QStringLiteral("%1 min booked by hand for %2 on %3 (%4 / %5), %6 to %7")
                                      .arg(minutes)
                                      .arg(str(*worker, "full_name"), str(ctx->operation, "operation_name"), str(ctx->job, "job_number"),
                                           str(ctx->part, "part_number"), start, end),
                                  Json{{"new", *entry}}));
        return entry;
    });
}

Result<Page> TimeService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("start_time");
        lq.descending = true;
    }
    return repo().timeEntries.list(db(), scope, lq);
}

Result<Row> TimeService::get(const Scope &scope, const QString &id)
{
    return repo().timeEntries.get(db(), scope, id, QStringLiteral("time entry"));
}

} // namespace ery::services
