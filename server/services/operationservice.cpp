#include "operationservice.h"

#include "activitylog.h"
#include "catalogservice.h"
#include "eventdata.h"
#include "rollup.h"
#include "timeservice.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

const std::vector<Field> &OperationService::fields()
{
    static const std::vector<Field> f{
        {"part_id", Field::Uuid, true},
        {"cell_id", Field::Uuid}, // none yet: a routing step not assigned to a cell (it cannot start)
        {"operation_name", Field::Text, true, {}, {}, limits::kName},
        {"sequence", Field::Int, false, {}, 0},
        {"estimated_time", Field::Int, false, {}, 0},
        {"assigned_operator_id", Field::Uuid},
        {"notes", Field::Text, false, {}, {}, limits::kText},
        {"metadata", Field::Json},
        {"icon_name", Field::Text, false, {}, {}, limits::kShort},
        {"setup_time", Field::Number, false, {}, 0},
        {"run_time_per_unit", Field::Number, false, {}, 0},
        {"wait_time", Field::Number, false, {}, 0},
        {"changeover_time", Field::Number, false, {}, 0},
        {"planned_start", Field::Timestamp},
        {"planned_end", Field::Timestamp},
        {"external_id", Field::Text, false, {}, {}, limits::kName},
        {"external_source", Field::Text, false, {}, {}, limits::kShort},
    };
    return f;
}

const std::vector<Field> &OperationService::inputFields()
{
    static const std::vector<Field> f = [] {
        auto all = fields();
        all.push_back({"estimated_time_minutes", Field::Int, false, {}, 0});
        return all;
    }();
    return f;
}

Json OperationService::foldEstimateAlias(const Json &input, Validation &v, const std::string &prefix)
{
    if (!input.is_object() || !input.contains("estimated_time_minutes"))
        return input;
    Json in = input;
    const Json alias = in["estimated_time_minutes"];
    in.erase("estimated_time_minutes");
    static const std::vector<Field> aliasField{{"estimated_time_minutes", Field::Int, false, {}, 0}};
    const std::string path = prefix.empty() ? "estimated_time_minutes" : prefix + ".estimated_time_minutes";
    if (alias.is_null()) {
        v.add(path, QStringLiteral("estimated_time_minutes cannot be null"), nullptr, "not_null");
        return in;
    }
    Row checked = acceptFields(Json{{"estimated_time_minutes", alias}}, aliasField, false, v, prefix);
    if (!checked.contains("estimated_time_minutes"))
        return in; // its error is reported
    if (!in.contains("estimated_time")) {
        in["estimated_time"] = checked["estimated_time_minutes"];
        return in;
    }
    const Json &given = in["estimated_time"];
    if (!given.is_number() || given.get<double>() != checked["estimated_time_minutes"].get<double>())
        v.add(path,
              QStringLiteral("estimated_time_minutes is another name for estimated_time, and the two differ (%1 and %2): give one of them")
                  .arg(QString::fromStdString(alias.dump()), QString::fromStdString(given.dump()).left(40)),
              alias, "equals estimated_time");
    return in;
}

Result<Row> OperationService::createIn(WriteTx &tx, const Scope &scope, const Json &input, const Row *part, const std::string &prefix,
                                       const Row &syncStamp, const Row *cell)
{
    Validation v;
    Json in = foldEstimateAlias(input, v, prefix);
    if (part && in.is_object())
        in["part_id"] = (*part)["id"];
    if (cell && in.is_object())
        in["cell_id"] = (*cell)["id"];
    // A cell may be named instead of referenced (nested job creation, CSV, ERP).
    if (in.is_object() && !in.contains("cell_id") && in.contains("cell_name") && in["cell_name"].is_string()) {
        Validation nv;
        acceptFields(in, {{"cell_name", Field::Text, false, {}, {}, limits::kName}}, false, nv, prefix);
        if (!nv.ok())
            return nv.error();
        auto named = m_catalog.cellByName(scope, fromStd(in["cell_name"].get<std::string>()));
        if (!named) {
            Validation nf;
            nf.add(prefix.empty() ? "cell_name" : prefix + ".cell_name", named.error().message, in["cell_name"], "exists");
            return nf.error();
        }
        in["cell_id"] = (*named)["id"];
    }
    Row row = acceptFields(in, fields(), true, v, prefix);
    if (!v.ok())
        return v.error();
    if (!part)
        ERY_TRY(repo().parts.get(tx.db(), scope, str(row, "part_id"), QStringLiteral("part")));
    if (!cell && !str(row, "cell_id").isEmpty()) {
        auto found = repo().cells.get(tx.db(), scope, str(row, "cell_id"), QStringLiteral("cell"));
        if (!found) {
            Validation cv;
            cv.add(prefix.empty() ? "cell_id" : prefix + ".cell_id", QStringLiteral("cell not found"), row["cell_id"], "exists");
            return cv.error();
        }
    }
    if (row.contains("assigned_operator_id") && !row["assigned_operator_id"].is_null())
        ERY_TRY(repo().users.get(tx.db(), scope, str(row, "assigned_operator_id"), QStringLiteral("operator")));
    if (!row.contains("sequence")) {
        auto n = repo().operations.count(tx.db(), scope, Match().eq(QStringLiteral("part_id"), str(row, "part_id")));
        if (!n)
            return n.error();
        row["sequence"] = *n + 1;
    }
    if (!syncStamp.empty())
        row.update(syncStamp);
    auto op = repo().operations.insert(tx, scope, row);
    if (!op)
        return nestedError(op.error(), prefix);
    return op;
}

Result<Row> OperationService::create(const Scope &scope, const Json &input, const Row &syncStamp, const Row *part, const Row *cell)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto op = createIn(tx, scope, input, part, {}, syncStamp, cell);
        if (!op)
            return op.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("operation"), str(*op, "id"),
                                  str(*op, "operation_name"), QStringLiteral("Operation %1 added").arg(str(*op, "operation_name"))));
        return op;
    });
}

Result<Row> OperationService::update(const Scope &scope, const QString &id, const Json &patch, const Row &syncStamp)
{
    Validation v;
    Row accepted = acceptFields(foldEstimateAlias(patch, v), fields(), false, v);
    accepted.erase("part_id"); // an operation does not move between parts
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto op = repo().operations.get(tx.db(), scope, id, QStringLiteral("operation"));
        if (!op)
            return op.error();
        const bool unassigns = accepted.contains("cell_id") && accepted["cell_id"].is_null();
        if (accepted.contains("cell_id") && !unassigns)
            ERY_TRY(repo().cells.get(tx.db(), scope, str(accepted, "cell_id"), QStringLiteral("cell")));
        // Work that has begun stays where it is counted (WIP, the part's current cell); only an
        // operation nobody has started may give its cell back.
        if (unassigns && !str(*op, "cell_id").isEmpty() && str(*op, "status") != status::NotStarted)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("Operation %1 is %2: only a not started operation can be left without a cell")
                             .arg(str(*op, "operation_name"), str(*op, "status")),
                         Json{{"operation_id", toStd(id)}, {"status", (*op)["status"]}}};
        // Moving open work to another cell brings its job into that cell's WIP: a cell at its
        // enforced limit refuses it, as it refuses a part arriving from the cell before.
        const bool moves = accepted.contains("cell_id") && str(accepted, "cell_id") != str(*op, "cell_id");
        if (moves && !unassigns && str(*op, "status") != status::Completed) {
            auto part = repo().parts.get(tx.db(), scope, str(*op, "part_id"), QStringLiteral("part"));
            if (!part)
                return part.error();
            ERY_TRY(checkCellHasRoom(tx, scope, str(accepted, "cell_id"), str(*part, "job_id")));
        }
        if (accepted.contains("assigned_operator_id") && !accepted["assigned_operator_id"].is_null())
            ERY_TRY(repo().users.get(tx.db(), scope, str(accepted, "assigned_operator_id"), QStringLiteral("operator")));
        Row written = accepted;
        if (!syncStamp.empty())
            written.update(syncStamp);
        auto next = repo().operations.update(tx, scope, *op, written);
        if (!next)
            return next.error();
        auto ctx = m_eventData.forOperation(scope, *next);
        if (!ctx)
            return ctx.error();
        Json data = ctx->eventData();
        data["changes"] = accepted;
        tx.emitEvent(scope.tenantId, QStringLiteral("operation.updated"), id, data, ctx->topicContext());
        const QString name = str(*next, "operation_name");
        const QString what = !moves      ? QStringLiteral("Operation %1 updated").arg(name)
                             : unassigns ? QStringLiteral("Operation %1 left without a cell").arg(name)
                                         : QStringLiteral("Operation %1 moved to %2").arg(name, str(ctx->cell, "name"));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("update"), QStringLiteral("operation"), id, name, what,
                                  Json{{"old", *op}, {"new", *next}}));
        return next;
    });
}

Status OperationService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto op = repo().operations.get(tx.db(), scope, id, QStringLiteral("operation"));
        if (!op)
            return op.error();
        auto open = repo().openEntriesOfOperation(tx.db(), scope, id);
        if (!open)
            return open.error();
        if (!open->empty())
            return Error::conflict(QStringLiteral("Someone is still timing this operation; stop their time first"));
        ERY_TRY(repo().operations.remove(tx, scope, *op));
        return m_activity.record(tx, scope, QStringLiteral("delete"), QStringLiteral("operation"), id, str(*op, "operation_name"),
                                 QStringLiteral("Operation %1 deleted").arg(str(*op, "operation_name")));
    });
}

Result<Row> OperationService::get(const Scope &scope, const QString &id)
{
    return repo().operations.get(db(), scope, id, QStringLiteral("operation"));
}

Result<Page> OperationService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty())
        lq.sort = QStringLiteral("sequence");
    return repo().operations.list(db(), scope, lq);
}

Status OperationService::checkNextCellCapacity(WriteTx &tx, const Scope &scope, OperationContext &ctx)
{
    // Completing moves the part on to the cell of its next unfinished operation; a cell at its
    // enforced WIP limit refuses new work. WIP has one definition (DOMAIN.md): distinct jobs with a
    // not_started or in_progress operation there; the moving job itself is not counted.
    auto ops = repo().operationsOfPart(tx.db(), scope, str(ctx.part, "id"));
    if (!ops)
        return ops.error();
    ctx.partOperations = *ops;
    const qint64 seq = num(ctx.operation, "sequence");
    const QString opId = str(ctx.operation, "id");
    const Row *next = nullptr;
    for (const auto &o : *ops)
        if (str(o, "id") != opId && str(o, "status") != status::Completed && num(o, "sequence") >= seq &&
            str(o, "cell_id") != str(ctx.operation, "cell_id") && (!next || num(o, "sequence") < num(*next, "sequence")))
            next = &o;
    if (!next)
        return {};
    return checkCellHasRoom(tx, scope, str(*next, "cell_id"), str(ctx.job, "id"));
}

Status OperationService::checkCellHasRoom(WriteTx &tx, const Scope &scope, const QString &cellId, const QString &jobId)
{
    auto cell = repo().cells.get(tx.db(), scope, cellId);
    if (!cell || !flag(*cell, "enforce_wip_limit") || !(*cell)["wip_limit"].is_number())
        return {};
    // The shop-wide switch (settings: enforce_wip_limits) turns every cell's limit into a warning.
    if (auto tenant = repo().tenants.get(tx.db(), scope.tenantId); tenant && !flag(*tenant, "enforce_wip_limits"))
        return {};
    auto wip = repo().cellWip(tx.db(), scope, cellId, jobId);
    if (!wip)
        return wip.error();
    const qint64 limit = num(*cell, "wip_limit");
    if (*wip >= limit)
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("%1 is at its WIP limit (%2 of %3): finish work there first").arg(str(*cell, "name")).arg(*wip).arg(limit),
            Json{{"cell_id", (*cell)["id"]}, {"cell_name", (*cell)["name"]}, {"wip", *wip}, {"wip_limit", limit}}};
    return {};
}

Result<Transition> OperationService::transitionIn(WriteTx &tx, const Scope &scope, const Row &op, Action a, const QString &workerId)
{
    const QString from = str(op, "status");
    auto to = statusAfter(from, a);
    if (!to)
        return Error::invalidTransition(QStringLiteral("operation"), from, actionName(a));
    // A routing step without a cell is in no queue and no cell's WIP: it is worked once it has one.
    if (*to != status::OnHold && str(op, "cell_id").isEmpty())
        return Error{ErrorCode::Conflict,
                     QStringLiteral("Operation %1 has no cell yet: assign one (PATCH cell_id) before you %2 it")
                         .arg(str(op, "operation_name"), actionName(a)),
                     Json{{"operation_id", op["id"]}, {"cell_id", nullptr}}};
    auto ctxr = m_eventData.forOperation(scope, op);
    if (!ctxr)
        return ctxr.error();
    OperationContext ctx = std::move(*ctxr);
    const QString opId = str(op, "id");

    Transition t;
    if (a == Action::Complete) {
        auto open = repo().openEntriesOfOperation(tx.db(), scope, opId);
        if (!open)
            return open.error();
        for (const auto &e : *open) {
            if (!workerId.isEmpty() && str(e, "operator_id") == workerId)
                continue;
            return Error{ErrorCode::Conflict,
                         QStringLiteral("%1 is still timing this operation; they must stop first")
                             .arg(m_eventData.workerName(scope, str(e, "operator_id"))),
                         Json{{"open_time_entry_id", e["id"]}, {"operator_id", e["operator_id"]}}};
        }
        ERY_TRY(checkNextCellCapacity(tx, scope, ctx));
        // "Stop & complete": the caller's own entry closes first.
        for (const auto &e : *open) {
            auto closed = m_time.closeIn(tx, scope, e, QStringLiteral("completed"));
            if (!closed)
                return closed.error();
            t.closedTimeEntries.push_back(std::move(*closed));
        }
        if (!t.closedTimeEntries.empty())
            ctx.partOperations.reset(); // actual_time changed under it
    }
    if (a == Action::Pause) {
        // A held operation books no time: running entries on it are closed.
        auto open = repo().openEntriesOfOperation(tx.db(), scope, opId);
        if (!open)
            return open.error();
        for (const auto &e : *open) {
            auto closed = m_time.closeIn(tx, scope, e, QStringLiteral("operation_paused"));
            if (!closed)
                return closed.error();
            t.closedTimeEntries.push_back(std::move(*closed));
        }
    }

    // Closing entries rewrote actual_time; otherwise the row read above is current.
    Result<Row> fresh = op;
    if (!t.closedTimeEntries.empty()) {
        fresh = repo().operations.get(tx.db(), scope, opId, QStringLiteral("operation"));
        if (!fresh)
            return fresh.error();
        if (str(*fresh, "status") != from)
            return Error::conflict(QStringLiteral("operation changed meanwhile"));
    }
    Row patch{{"status", toStd(*to)}};
    if (a == Action::Start && (*fresh)["started_at"].is_null())
        patch["started_at"] = toStd(nowIso());
    if (a == Action::Complete) {
        patch["completed_at"] = toStd(nowIso());
        patch["completion_percentage"] = 100;
    }
    if (a == Action::Resume || a == Action::Start || a == Action::Complete)
        patch["status_before_hold"] = nullptr;
    auto next = repo().operations.update(tx, scope, *fresh, patch, {QStringLiteral("status")});
    if (!next)
        return next.error();
    ctx.operation = *next;

    static const char *names[] = {"operation.started", "operation.paused", "operation.resumed", "operation.completed"};
    Json data = ctx.eventData();
    data["previous_status"] = toStd(from);
    data["new_status"] = toStd(*to);
    if (!workerId.isEmpty()) {
        data["operator_id"] = toStd(workerId);
        data["operator_name"] = toStd(m_eventData.workerName(scope, workerId));
    }
    tx.emitEvent(scope.tenantId, QString::fromLatin1(names[int(a)]), opId, data, ctx.topicContext());

    if ((a == Action::Start || a == Action::Resume) && !workerId.isEmpty()) {
        auto opened = m_time.openIn(tx, scope, workerId, ctx);
        if (!opened)
            return opened.error();
        t.openedTimeEntries.push_back(std::move(*opened));
    }
    ERY_TRY(m_rollup.afterOperationChange(tx, scope, ctx));
    ERY_TRY(m_activity.record(tx, scope, actionName(a), QStringLiteral("operation"), opId, str(op, "operation_name"),
                              QStringLiteral("%1: %2 → %3").arg(str(op, "operation_name"), from, *to)));
    t.previousStatus = from;
    t.newStatus = *to;
    t.row = ctx.operation;
    return t;
}

Result<Transition> OperationService::transition(const Scope &scope, const QString &id, Action a, const QString &workerId)
{
    return db().write([&](WriteTx &tx) -> Result<Transition> {
        auto op = repo().operations.get(tx.db(), scope, id, QStringLiteral("operation"));
        if (!op)
            return op.error();
        return transitionIn(tx, scope, *op, a, workerId);
    });
}

Result<Transition> OperationService::start(const Scope &scope, const QString &id, const QString &workerId)
{
    return transition(scope, id, Action::Start, workerId);
}

Result<Transition> OperationService::pause(const Scope &scope, const QString &id)
{
    return transition(scope, id, Action::Pause, {});
}

Result<Transition> OperationService::resume(const Scope &scope, const QString &id, const QString &workerId)
{
    return transition(scope, id, Action::Resume, workerId);
}

Result<Transition> OperationService::complete(const Scope &scope, const QString &id, const QString &workerId)
{
    return transition(scope, id, Action::Complete, workerId);
}

Result<std::optional<Row>> OperationService::park(WriteTx &tx, const Scope &scope, const QString &operationId, const QString &issueId)
{
    auto op = repo().operations.get(tx.db(), scope, operationId, QStringLiteral("operation"));
    if (!op)
        return op.error();
    const QString st = str(*op, "status");
    if (st == status::Completed || st == status::OnHold)
        return std::optional<Row>(); // completed work is never parked; a held one stays held with its saved status
    auto open = repo().openEntriesOfOperation(tx.db(), scope, operationId);
    if (!open)
        return open.error();
    for (const auto &e : *open)
        ERY_TRY(m_time.closeIn(tx, scope, e, QStringLiteral("standstill")));
    auto fresh = repo().operations.get(tx.db(), scope, operationId);
    if (!fresh)
        return fresh.error();
    auto next = repo().operations.update(tx, scope, *fresh, {{"status", toStd(status::OnHold)}, {"status_before_hold", toStd(st)}},
                                         {QStringLiteral("status")});
    if (!next)
        return next.error();
    auto ctx = m_eventData.forOperation(scope, *next);
    if (!ctx)
        return ctx.error();
    Json data = ctx->eventData();
    data["previous_status"] = toStd(st);
    data["new_status"] = toStd(status::OnHold);
    data["reason"] = "standstill";
    data["issue_id"] = toStd(issueId);
    tx.emitEvent(scope.tenantId, QStringLiteral("operation.paused"), operationId, data, ctx->topicContext());
    ERY_TRY(m_rollup.afterOperationChange(tx, scope, *ctx));
    return std::optional<Row>(std::move(*next));
}

Result<std::optional<Row>> OperationService::unpark(WriteTx &tx, const Scope &scope, const QString &operationId, const QString &issueId)
{
    auto others = repo().pendingStandstills(tx.db(), scope, operationId, issueId);
    if (!others)
        return others.error();
    if (*others > 0)
        return std::optional<Row>();
    auto op = repo().operations.get(tx.db(), scope, operationId, QStringLiteral("operation"));
    if (!op)
        return op.error();
    if (str(*op, "status") != status::OnHold || (*op)["status_before_hold"].is_null())
        return std::optional<Row>(); // not parked by a standstill (or already released by hand)
    const QString restore = str(*op, "status_before_hold");
    auto next =
        repo().operations.update(tx, scope, *op, {{"status", toStd(restore)}, {"status_before_hold", nullptr}}, {QStringLiteral("status")});
    if (!next)
        return next.error();
    auto ctx = m_eventData.forOperation(scope, *next);
    if (!ctx)
        return ctx.error();
    Json data = ctx->eventData();
    data["previous_status"] = toStd(status::OnHold);
    data["new_status"] = toStd(restore);
    data["reason"] = "standstill_released";
    data["issue_id"] = toStd(issueId);
    tx.emitEvent(scope.tenantId, QStringLiteral("operation.resumed"), operationId, data, ctx->topicContext());
    ERY_TRY(m_rollup.afterOperationChange(tx, scope, *ctx));
    return std::optional<Row>(std::move(*next));
}

} // namespace ery::services
