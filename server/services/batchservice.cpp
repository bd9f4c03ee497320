#include "batchservice.h"

#include "activitylog.h"
#include "eventdata.h"
#include "operationservice.h"
#include "timeservice.h"

#include <numeric>
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

namespace {
const QStringList kTypes{"laser_nesting", "tube_batch", "saw_batch", "finishing_batch", "general"};
const QStringList kStatuses{"draft", "ready", "in_progress", "completed", "cancelled", "blocked"};

bool machineMonitored(const Row &batch)
{
    return str(batch, "production_mode") == QLatin1String("automated") && str(batch, "batch_type") == QLatin1String("laser_nesting");
}
} // namespace

const std::vector<Field> &BatchService::fields()
{
    static const std::vector<Field> f{
        {"batch_number", Field::Text, true, {}, {}, limits::kShort},
        {"batch_type", Field::Enum, false, kTypes},
        {"cell_id", Field::Uuid, true},
        {"material", Field::Text, false, {}, {}, limits::kName},
        {"thickness_mm", Field::Number, false, {}, 0},
        {"notes", Field::Text, false, {}, {}, limits::kText},
        {"production_mode", Field::Enum, false, {"manual", "automated"}},
        {"nesting_metadata", Field::Json},
        {"nesting_image_url", Field::Text, false, {}, {}, limits::kUrl},
        {"layout_image_url", Field::Text, false, {}, {}, limits::kUrl},
        {"parent_batch_id", Field::Uuid},
        {"estimated_time", Field::Int, false, {}, 0},
        {"external_id", Field::Text, false, {}, {}, limits::kName},
        {"external_source", Field::Text, false, {}, {}, limits::kShort},
    };
    return f;
}

std::vector<qint64> BatchService::distribute(qint64 minutes, const std::vector<qint64> &weights, bool *weighted)
{
    const size_t n = weights.size();
    std::vector<qint64> out(n, 0);
    if (n == 0)
        return out;
    const bool allWeighted = std::all_of(weights.begin(), weights.end(), [](qint64 w) { return w > 0; });
    if (weighted)
        *weighted = allWeighted;
    const qint64 total = allWeighted ? std::accumulate(weights.begin(), weights.end(), qint64(0)) : qint64(n);
    qint64 given = 0;
    for (size_t i = 0; i < n; ++i) {
        out[i] = minutes * (allWeighted ? weights[i] : 1) / total;
        given += out[i];
    }
    for (size_t i = 0; given < minutes; i = (i + 1) % n, ++given)
        ++out[i];
    return out;
}

Json BatchService::batchContext(const Scope &scope, const Row &batch) const
{
    auto t = m_eventData.tenant(scope.tenantId);
    auto cell = repo().cells.get(db(), scope, str(batch, "cell_id"));
    return OperationContext::topicContextFor(t ? *t : Row::object(), Row::object(), Row::object(), cell ? *cell : Row::object(), {});
}

Json BatchService::batchData(const Scope &scope, const Row &batch) const
{
    Json d{{"batch_id", batch["id"]},
           {"batch_number", batch["batch_number"]},
           {"batch_type", batch["batch_type"]},
           {"production_mode", batch["production_mode"]},
           {"monitoring_source", machineMonitored(batch) ? "machine" : "operator"},
           {"status", batch["status"]},
           {"cell_id", batch["cell_id"]},
           {"material", batch.value("material", Json(nullptr))},
           {"operations", batch.value("operations_count", Json(0))}};
    auto cell = repo().cells.get(db(), scope, str(batch, "cell_id"));
    d["cell_name"] = cell ? (*cell)["name"] : Json(nullptr);
    return d;
}

Result<qint64> BatchService::attach(WriteTx &tx, const Scope &scope, const Row &batch, const Json &operationIds, const char *field)
{
    Validation v;
    if (!operationIds.is_array()) {
        v.add(field, QStringLiteral("%1 must be a list of operation ids").arg(QLatin1String(field)), operationIds, "array");
        return v.error();
    }
    auto existing = repo().batchOperations.count(tx.db(), scope, Match().eq(QStringLiteral("batch_id"), str(batch, "id")));
    if (!existing)
        return existing.error();
    qint64 sequence = *existing;
    QSet<QString> seen;
    std::vector<QString> ids;
    int i = 0;
    for (const auto &idJson : operationIds) {
        const std::string path = std::string(field) + "[" + std::to_string(i++) + "]";
        const QString id = idJson.is_string() ? fromStd(idJson.get<std::string>()).toLower() : QString();
        if (!isUuid(id)) {
            v.add(path, QStringLiteral("must be an operation id"), idJson, "uuid");
            continue;
        }
        if (seen.contains(id)) {
            v.add(path, QStringLiteral("is listed twice"), idJson, "unique");
            continue;
        }
        seen.insert(id);
        // Another tenant's operation does not exist for this one.
        auto op = repo().operations.get(tx.db(), scope, id, QStringLiteral("operation"));
        if (!op) {
            v.add(path, QStringLiteral("operation not found"), idJson, "exists");
            continue;
        }
        if (str(*op, "status") == status::Completed) {
            v.add(path, QStringLiteral("operation %1 is completed already").arg(str(*op, "operation_name")), idJson, "not_completed");
            continue;
        }
        auto member = repo().batchOperations.findBy(tx.db(), scope, QStringLiteral("operation_id"), id);
        if (member) {
            v.add(path, QStringLiteral("operation %1 is in a batch already").arg(str(*op, "operation_name")), idJson, "one_batch");
            continue;
        }
        ids.push_back(id);
    }
    if (!v.ok())
        return v.error();
    for (const QString &id : ids)
        ERY_TRY(repo().batchOperations.insert(
            tx, scope, Row{{"batch_id", batch["id"]}, {"operation_id", toStd(id)}, {"sequence_in_batch", ++sequence}}, false));
    auto current = repo().batches.get(tx.db(), scope, str(batch, "id"));
    if (!current)
        return current.error();
    ERY_TRY(repo().batches.update(tx, scope, *current, {{"operations_count", sequence}}));
    return qint64(ids.size());
}

Result<Row> BatchService::create(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    const Json ops = input.is_object() ? input.value("operation_ids", Json::array()) : Json::array();
    if (row.value("production_mode", Json("manual")) == Json("automated") &&
        row.value("batch_type", Json("general")) != Json("laser_nesting"))
        v.add("production_mode", QStringLiteral("automated production is for laser_nesting batches only"), row["production_mode"],
              "laser_nesting");
    if (!v.ok())
        return v.error();
    if (!scope.actorId.isEmpty())
        row["created_by"] = toStd(scope.actorId);
    return db().write([&](WriteTx &tx) -> Result<Row> {
        Validation refs;
        if (!repo().cells.get(tx.db(), scope, str(row, "cell_id")))
            refs.add("cell_id", QStringLiteral("cell not found"), row["cell_id"], "exists");
        if (!str(row, "parent_batch_id").isEmpty() && !repo().batches.get(tx.db(), scope, str(row, "parent_batch_id")))
            refs.add("parent_batch_id", QStringLiteral("batch not found"), row["parent_batch_id"], "exists");
        if (!refs.ok())
            return refs.error();
        auto batch = repo().batches.insert(tx, scope, row);
        if (!batch)
            return batch.error();
        auto added = attach(tx, scope, *batch, ops, "operation_ids");
        if (!added)
            return added.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("batch"), str(*batch, "id"),
                                  str(*batch, "batch_number"),
                                  QStringLiteral("Batch %1 created with %2 operations").arg(str(*batch, "batch_number")).arg(*added)));
        auto stored = repo().batches.get(tx.db(), scope, str(*batch, "id"));
        if (!stored)
            return stored.error();
        (*stored)["operations_assigned"] = *added;
        return stored;
    });
}

Result<Row> BatchService::update(const Scope &scope, const QString &id, const Json &patch)
{
    Validation v;
    std::vector<Field> editable = fields();
    editable.push_back({"status", Field::Enum, false, {"draft", "ready", "blocked", "cancelled"}});
    Row accepted = acceptFields(patch, editable, false, v);
    if (patch.is_object() && patch.contains("operation_ids"))
        v.add("operation_ids", QStringLiteral("add operations with POST /batches/{id}/add-operations"), patch["operation_ids"],
              "read_only");
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto batch = repo().batches.get(tx.db(), scope, id, QStringLiteral("batch"));
        if (!batch)
            return batch.error();
        const QString st = str(*batch, "status");
        if (accepted.contains("status") && (st == QLatin1String("in_progress") || st == QLatin1String("completed")))
            return Error::invalidTransition(QStringLiteral("batch"), st, QStringLiteral("set to %1").arg(str(accepted, "status")));
        Row merged = *batch;
        for (auto it = accepted.begin(); it != accepted.end(); ++it)
            merged[it.key()] = it.value();
        if (str(merged, "production_mode") == QLatin1String("automated") && str(merged, "batch_type") != QLatin1String("laser_nesting")) {
            Validation mv;
            mv.add("production_mode", QStringLiteral("automated production is for laser_nesting batches only"), merged["production_mode"],
                   "laser_nesting");
            return mv.error();
        }
        if (accepted.contains("cell_id"))
            ERY_TRY(repo().cells.get(tx.db(), scope, str(accepted, "cell_id"), QStringLiteral("cell")));
        if (!str(accepted, "parent_batch_id").isEmpty()) {
            if (str(accepted, "parent_batch_id") == id)
                return Error::validation(Json::array({{{"field", "parent_batch_id"}, {"message", "a batch is not its own parent"}}}));
            ERY_TRY(repo().batches.get(tx.db(), scope, str(accepted, "parent_batch_id"), QStringLiteral("parent batch")));
        }
        return repo().batches.update(tx, scope, *batch, accepted);
    });
}

Status BatchService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto batch = repo().batches.get(tx.db(), scope, id, QStringLiteral("batch"));
        if (!batch)
            return batch.error();
        if (str(*batch, "status") == QLatin1String("in_progress"))
            return Error::conflict(QStringLiteral("Batch %1 is running; stop it first").arg(str(*batch, "batch_number")));
        auto members = repo().batchOperations.where(tx.db(), scope, Match().eq(QStringLiteral("batch_id"), id));
        if (!members)
            return members.error();
        for (const Row &m : *members)
            ERY_TRY(repo().batchOperations.remove(tx, scope, m));
        ERY_TRY(repo().batches.remove(tx, scope, *batch));
        return m_activity.record(tx, scope, QStringLiteral("delete"), QStringLiteral("batch"), id, str(*batch, "batch_number"),
                                 QStringLiteral("Batch %1 deleted").arg(str(*batch, "batch_number")));
    });
}

Result<Row> BatchService::get(const Scope &scope, const QString &id)
{
    auto batch = repo().batches.get(db(), scope, id, QStringLiteral("batch"));
    if (!batch)
        return batch;
    auto ops = repo().operationsOfBatch(db(), scope, id);
    if (!ops)
        return ops.error();
    Json list = Json::array();
    for (const Row &o : *ops)
        list.push_back({{"id", o["id"]},
                        {"operation_name", o["operation_name"]},
                        {"part_id", o["part_id"]},
                        {"status", o["status"]},
                        {"estimated_time", o["estimated_time"]},
                        {"actual_time", o["actual_time"]},
                        {"sequence_in_batch", o["sequence_in_batch"]},
                        {"quantity_in_batch", o["quantity_in_batch"]}});
    (*batch)["operations"] = std::move(list);
    return batch;
}

Result<Page> BatchService::list(const Scope &scope, const ListQuery &q)
{
    return repo().batches.list(db(), scope, q);
}

Result<qint64> BatchService::addOperations(const Scope &scope, const QString &id, const Json &operationIds)
{
    return db().write([&](WriteTx &tx) -> Result<qint64> {
        auto batch = repo().batches.get(tx.db(), scope, id, QStringLiteral("batch"));
        if (!batch)
            return batch.error();
        const QString st = str(*batch, "status");
        if (st != QLatin1String("draft") && st != QLatin1String("ready"))
            return Error::invalidTransition(QStringLiteral("batch"), st, QStringLiteral("add operations to"));
        return attach(tx, scope, *batch, operationIds, "operation_ids");
    });
}

Result<BatchOutcome> BatchService::start(const Scope &scope, const QString &id, const QString &operatorId)
{
    return db().write([&](WriteTx &tx) -> Result<BatchOutcome> {
        auto batch = repo().batches.get(tx.db(), scope, id, QStringLiteral("batch"));
        if (!batch)
            return batch.error();
        const QString st = str(*batch, "status");
        if (st != QLatin1String("draft") && st != QLatin1String("ready"))
            return Error::invalidTransition(QStringLiteral("batch"), st, QStringLiteral("start"));
        const bool machine = machineMonitored(*batch);
        if (operatorId.isEmpty() && !machine)
            return Error::validation(Json::array({{{"field", "operator_id"},
                                                   {"message", "operator_id is required to start a manual batch"},
                                                   {"value", nullptr},
                                                   {"constraint", "required"}}}));
        if (!operatorId.isEmpty()) {
            ERY_TRY(repo().users.get(tx.db(), scope, operatorId, QStringLiteral("operator")));
            auto open = repo().openEntriesOfWorker(tx.db(), scope, operatorId);
            if (!open)
                return open.error();
            if (!open->empty())
                return Error::conflict(QStringLiteral("The operator is timing another operation; stop that first"));
        }
        auto ops = repo().operationsOfBatch(tx.db(), scope, id);
        if (!ops)
            return ops.error();
        if (ops->empty())
            return Error::badRequest(QStringLiteral("Batch %1 has no operations").arg(str(*batch, "batch_number")));
        BatchOutcome out;
        for (const Row &o : *ops) {
            if (str(o, "status") != status::NotStarted)
                continue;
            auto current = repo().operations.get(tx.db(), scope, str(o, "id"));
            if (!current)
                return current.error();
            auto t = m_operations.transitionIn(tx, scope, *current, Action::Start, {});
            if (!t)
                return t.error();
            ++out.operationsStarted;
        }
        const QString now = nowIso();
        Row patch{{"status", "in_progress"}, {"started_at", toStd(now)}};
        patch["started_by"] = operatorId.isEmpty() ? Json(nullptr) : Json(toStd(operatorId));
        auto next = repo().batches.update(tx, scope, *batch, patch, {QStringLiteral("status")});
        if (!next)
            return next.error();
        Json data = batchData(scope, *next);
        data["started_at"] = toStd(now);
        data["operator_id"] = operatorId.isEmpty() ? Json(nullptr) : Json(toStd(operatorId));
        data["operator_name"] = operatorId.isEmpty() ? Json(nullptr) : Json(toStd(m_eventData.workerName(scope, operatorId)));
        data["operation_ids"] = Json::array();
        for (const Row &o : *ops)
            data["operation_ids"].push_back(o["id"]);
        tx.emitEvent(scope.tenantId, QStringLiteral("batch.started"), id, data, batchContext(scope, *next));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("start"), QStringLiteral("batch"), id, str(*next, "batch_number"),
                                  QStringLiteral("Batch %1 started").arg(str(*next, "batch_number"))));
        out.transition = {st, QStringLiteral("in_progress"), *next};
        out.monitoringSource = machine ? QStringLiteral("machine") : QStringLiteral("operator");
        return out;
    });
}

Result<BatchOutcome> BatchService::stop(const Scope &scope, const QString &id, const QString &operatorId)
{
    return db().write([&](WriteTx &tx) -> Result<BatchOutcome> {
        auto batch = repo().batches.get(tx.db(), scope, id, QStringLiteral("batch"));
        if (!batch)
            return batch.error();
        const QString st = str(*batch, "status");
        if (st != QLatin1String("in_progress"))
            return Error::invalidTransition(QStringLiteral("batch"), st, QStringLiteral("stop"));
        const QString worker = operatorId.isEmpty() ? str(*batch, "started_by") : operatorId;
        if (!worker.isEmpty())
            ERY_TRY(repo().users.get(tx.db(), scope, worker, QStringLiteral("operator")));
        auto ops = repo().operationsOfBatch(tx.db(), scope, id);
        if (!ops)
            return ops.error();
        const QString startedAt = str(*batch, "started_at");
        const QString now = nowIso();
        const qint64 total = std::max<qint64>(0, (isoMs(now) - isoMs(startedAt, isoMs(now))) / 60000);
        std::vector<qint64> weights;
        for (const Row &o : *ops)
            weights.push_back(num(o, "estimated_time"));
        bool weighted = false;
        const std::vector<qint64> shares = distribute(total, weights, &weighted);
        BatchOutcome out;
        out.totalMinutes = total;
        out.distributionMethod = ops->empty() ? QStringLiteral("none") : weighted ? QStringLiteral("weighted") : QStringLiteral("equal");
        out.distribution = Json::array();
        out.monitoringSource = machineMonitored(*batch) ? QStringLiteral("machine") : QStringLiteral("operator");
        for (size_t i = 0; i < ops->size(); ++i) {
            const Row &o = (*ops)[i];
            const QString opId = str(o, "id");
            out.distribution.push_back({{"id", toStd(opId)}, {"minutes", shares[i]}});
            // The operator's share of the batch, booked as a closed entry on each operation.
            if (!worker.isEmpty()) {
                ERY_TRY(repo().timeEntries.insert(tx, scope,
                                                  Row{{"operator_id", toStd(worker)},
                                                      {"operation_id", toStd(opId)},
                                                      {"start_time", toStd(startedAt)},
                                                      {"end_time", toStd(now)},
                                                      {"duration", shares[i]},
                                                      {"time_type", "run"},
                                                      {"notes", toStd(QStringLiteral("batch %1").arg(str(*batch, "batch_number")))}},
                                                  false));
                ERY_TRY(m_time.recomputeActualTime(tx, scope, opId));
            }
            auto current = repo().operations.get(tx.db(), scope, opId);
            if (!current)
                return current.error();
            const QString opStatus = str(*current, "status");
            if (opStatus == status::Completed)
                continue;
            if (opStatus == status::NotStarted) { // added after the start: started now
                auto s = m_operations.transitionIn(tx, scope, *current, Action::Start, {});
                if (!s)
                    return s.error();
                current = std::move(s->row);
            }
            auto t = m_operations.transitionIn(tx, scope, *current, Action::Complete, {});
            if (!t)
                return t.error();
        }
        Row patch{{"status", "completed"}, {"completed_at", toStd(now)}, {"actual_time", total}};
        patch["completed_by"] = worker.isEmpty() ? Json(nullptr) : Json(toStd(worker));
        auto next = repo().batches.update(tx, scope, *batch, patch, {QStringLiteral("status")});
        if (!next)
            return next.error();
        Json data = batchData(scope, *next);
        data["total_minutes"] = total;
        data["distribution_method"] = toStd(out.distributionMethod);
        data["distribution"] = out.distribution;
        data["started_at"] = toStd(startedAt);
        data["completed_at"] = toStd(now);
        data["operator_id"] = worker.isEmpty() ? Json(nullptr) : Json(toStd(worker));
        data["operator_name"] = worker.isEmpty() ? Json(nullptr) : Json(toStd(m_eventData.workerName(scope, worker)));
        tx.emitEvent(scope.tenantId, QStringLiteral("batch.completed"), id, data, batchContext(scope, *next));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("complete"), QStringLiteral("batch"), id, str(*next, "batch_number"),
                                  QStringLiteral("Batch %1 completed in %2 min").arg(str(*next, "batch_number")).arg(total)));
        out.transition = {st, QStringLiteral("completed"), *next};
        return out;
    });
}

} // namespace ery::services
