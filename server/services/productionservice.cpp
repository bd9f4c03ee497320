#include "productionservice.h"

#include "fields.h"
#include "services.h"

namespace ery {

const std::vector<Field> &ProductionService::scrapLineFields()
{
    static const std::vector<Field> f{{"scrap_reason_id", Field::Uuid, true}, {"quantity", Field::Int, true, {}, 1}, {"notes", Field::Text, false, {}, {}, limits::kText}};
    return f;
}

const std::vector<Field> &ProductionService::fields()
{
    static const std::vector<Field> spec{
        {"operation_id", Field::Uuid, true},
        {"quantity_good", Field::Int, false, {}, 0},
        {"quantity_scrap", Field::Int, false, {}, 0},
        {"quantity_rework", Field::Int, false, {}, 0},
        {"scrap_reason_id", Field::Uuid},
        {"recorded_by", Field::Uuid},
        {"notes", Field::Text, false, {}, {}, limits::kText},
        {"material_lot", Field::Text, false, {}, {}, limits::kShort},
        {"material_supplier", Field::Text, false, {}, {}, limits::kName},
        {"material_cert_number", Field::Text, false, {}, {}, limits::kShort},
        {"metadata", Field::Json},
    };
    return spec;
}

Result<Row> ProductionService::report(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    const qint64 good = num(row, "quantity_good"), scrap = num(row, "quantity_scrap"), rework = num(row, "quantity_rework");
    struct Line {
        QString reason;
        qint64 qty;
        QString notes;
    };
    std::vector<Line> lines;
    const Json rawLines = input.is_object() ? input.value("scrap_lines", Json(nullptr)) : Json(nullptr);
    if (!rawLines.is_null() && !rawLines.is_array())
        v.add("scrap_lines", QStringLiteral("scrap_lines must be a list"), nullptr, "array");
    if (rawLines.is_array()) {
        int i = 0;
        for (const auto &l : rawLines) {
            const std::string p = "scrap_lines[" + std::to_string(i++) + "]";
            Row lr = acceptFields(l, scrapLineFields(), true, v, p);
            if (lr.contains("scrap_reason_id") && lr.contains("quantity"))
                lines.push_back({str(lr, "scrap_reason_id"), num(lr, "quantity"), str(lr, "notes")});
        }
    }
    if (v.ok()) {
        if (good + scrap + rework <= 0)
            v.add("quantity_good", QStringLiteral("report at least one good, scrap or rework piece"), nullptr, "minimum");
        qint64 lineSum = 0;
        for (const auto &l : lines)
            lineSum += l.qty;
        if (!lines.empty() && lineSum != scrap)
            v.add("scrap_lines", QStringLiteral("scrap lines add up to %1 but quantity_scrap is %2").arg(lineSum).arg(scrap), nullptr, "sum");
        for (size_t i = 0; i < lines.size(); ++i)
            for (size_t j = i + 1; j < lines.size(); ++j)
                if (lines[i].reason == lines[j].reason)
                    v.add("scrap_lines", QStringLiteral("each scrap reason may appear once per report"), js(lines[j].reason), "unique");
    }
    if (!v.ok())
        return v.error();
    if (lines.empty() && scrap > 0 && row.contains("scrap_reason_id") && !row["scrap_reason_id"].is_null())
        lines.push_back({str(row, "scrap_reason_id"), scrap, {}});
    if (!lines.empty())
        row["scrap_reason_id"] = js(lines.front().reason);
    row["quantity_produced"] = good + scrap + rework;
    row["quantity_good"] = good;
    row["quantity_scrap"] = scrap;
    row["quantity_rework"] = rework;
    row["recorded_at"] = js(nowIso());
    if (!row.contains("recorded_by") && !scope.actorId.isEmpty())
        row["recorded_by"] = js(scope.actorId);

    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto op = repo().operations.get(tx.db(), scope, str(row, "operation_id"), QStringLiteral("operation"));
        if (!op)
            return op.error();
        if (row.contains("recorded_by") && !row["recorded_by"].is_null())
            ERY_TRY(repo().users.get(tx.db(), scope, str(row, "recorded_by"), QStringLiteral("worker")));
        Json reasons = Json::array();
        for (const auto &l : lines) {
            auto r = repo().scrapReasons.get(tx.db(), scope, l.reason, QStringLiteral("scrap reason"));
            if (!r) {
                Validation rv;
                rv.add("scrap_reason_id", QStringLiteral("scrap reason not found"), js(l.reason), "exists");
                return rv.error();
            }
            if (!flag(*r, "active"))
                return Error::validation(Json::array({{{"field", "scrap_reason_id"}, {"message", "scrap reason is inactive"}, {"value", js(l.reason)}}}));
            reasons.push_back({{"scrap_reason_id", js(l.reason)}, {"code", (*r)["code"]}, {"description", (*r)["description"]},
                               {"category", (*r)["category"]}, {"quantity", l.qty}});
        }
        auto q = repo().quantities.insert(tx, scope, row);
        if (!q)
            return q.error();
        for (const auto &l : lines) {
            Row lr{{"operation_quantity_id", (*q)["id"]}, {"scrap_reason_id", js(l.reason)}, {"quantity", l.qty}};
            if (!l.notes.isEmpty())
                lr["notes"] = js(l.notes);
            ERY_TRY(repo().quantityScrapReasons.insert(tx, scope, lr));
        }
        auto ctx = m_s.eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        Json data = ctx->eventData();
        for (const char *k : {"quantity_produced", "quantity_good", "quantity_scrap", "quantity_rework", "recorded_by", "recorded_at"})
            data[k] = (*q)[k];
        data["quantity_id"] = (*q)["id"];
        data["scrap_reasons"] = reasons;
        data["planned_quantity"] = ctx->part["quantity"];
        tx.emitEvent(scope.tenantId, QStringLiteral("production.quantity_reported"), str(*q, "id"), data, ctx->topicContext());
        if (scrap > 0)
            tx.emitEvent(scope.tenantId, QStringLiteral("production.scrap_recorded"), str(*q, "id"), data, ctx->topicContext());
        Row out = *q;
        out["scrap_lines"] = reasons;
        return out;
    });
}

Result<Row> ProductionService::reportScrap(const Scope &scope, const QString &operationId, qint64 quantity, const QString &reasonId,
                                           const QString &notes, const QString &recordedBy)
{
    Json in{{"operation_id", js(operationId)}, {"quantity_scrap", quantity}, {"quantity_good", 0}, {"quantity_rework", 0}};
    if (!reasonId.isEmpty())
        in["scrap_lines"] = Json::array({{{"scrap_reason_id", js(reasonId)}, {"quantity", quantity}}});
    if (!notes.isEmpty())
        in["notes"] = js(notes);
    if (!recordedBy.isEmpty())
        in["recorded_by"] = js(recordedBy);
    return report(scope, in);
}

Result<Row> ProductionService::get(const Scope &scope, const QString &id)
{
    auto q = repo().quantities.get(db(), scope, id, QStringLiteral("production report"));
    if (!q)
        return q.error();
    auto lines = repo().quantityScrapReasons.where(db(), scope, Match().eq(QStringLiteral("operation_quantity_id"), id));
    if (!lines)
        return lines.error();
    (*q)["scrap_lines"] = Json(*lines);
    return q;
}

Result<Page> ProductionService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("recorded_at");
        lq.descending = true;
    }
    return repo().quantities.list(db(), scope, lq);
}

Result<Json> ProductionService::totals(const Scope &scope, const QString &operationId)
{
    ERY_TRY(repo().operations.get(db(), scope, operationId, QStringLiteral("operation")));
    auto rows = repo().quantities.where(db(), scope, Match().eq(QStringLiteral("operation_id"), operationId));
    if (!rows)
        return rows.error();
    qint64 produced = 0, good = 0, scrap = 0, rework = 0;
    for (const auto &r : *rows) {
        produced += num(r, "quantity_produced");
        good += num(r, "quantity_good");
        scrap += num(r, "quantity_scrap");
        rework += num(r, "quantity_rework");
    }
    return Json{{"operation_id", js(operationId)}, {"produced", produced}, {"good", good}, {"scrap", scrap}, {"rework", rework},
                {"yield_percent", produced ? 100.0 * double(good) / double(produced) : 0.0}};
}

// --- substeps -------------------------------------------------------------------------------------

const std::vector<Field> &SubstepService::fields()
{
    static const std::vector<Field> f{{"operation_id", Field::Uuid, true},
                                      {"name", Field::Text, true, {}, {}, 300},
                                      {"sequence", Field::Int, false, {}, 0},
                                      {"notes", Field::Text, false, {}, {}, limits::kText},
                                      {"icon_name", Field::Text, false, {}, {}, limits::kShort}};
    return f;
}

const std::vector<Field> &SubstepService::updateFields()
{
    static const std::vector<Field> f{{"name", Field::Text, false, {}, {}, 300},
                                      {"sequence", Field::Int, false, {}, 0},
                                      {"notes", Field::Text, false, {}, {}, limits::kText},
                                      {"icon_name", Field::Text, false, {}, {}, limits::kShort}};
    return f;
}

Result<Row> SubstepService::add(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto op = repo().operations.get(tx.db(), scope, str(row, "operation_id"), QStringLiteral("operation"));
        if (!op)
            return op.error();
        if (!row.contains("sequence")) {
            auto n = repo().substeps.count(tx.db(), scope, Match().eq(QStringLiteral("operation_id"), str(row, "operation_id")));
            if (!n)
                return n.error();
            row["sequence"] = *n + 1;
        }
        auto s = repo().substeps.insert(tx, scope, row);
        if (!s)
            return s.error();
        auto ctx = m_s.eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        Json data = ctx->eventData();
        data["substep_id"] = (*s)["id"];
        data["substep_name"] = (*s)["name"];
        data["sequence"] = (*s)["sequence"];
        tx.emitEvent(scope.tenantId, QStringLiteral("step.added"), str(*s, "id"), data, ctx->topicContext());
        return s;
    });
}

Result<Row> SubstepService::update(const Scope &scope, const QString &id, const Json &patch)
{
    Validation v;
    Row accepted = acceptFields(patch, updateFields(), false, v);
    if (!v.ok())
        return v.error();
    Result<Row> r = Error::internal({});
    if (patch.is_object() && patch.contains("status")) {
        if (!patch["status"].is_string())
            return Error::validation(Json::array({{{"field", "status"}, {"message", "status must be a string"}, {"value", patch["status"]}}}));
        r = setStatus(scope, id, qs(patch["status"].get<std::string>()));
        if (!r)
            return r;
        if (accepted.empty())
            return r;
    }
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto s = repo().substeps.get(tx.db(), scope, id, QStringLiteral("substep"));
        if (!s)
            return s.error();
        return repo().substeps.update(tx, scope, *s, accepted);
    });
}

Result<Row> SubstepService::setStatus(const Scope &scope, const QString &id, const QString &status)
{
    if (!domain::isSubstepStatus(status))
        return Error::validation(Json::array({{{"field", "status"}, {"message", "status must be one of not_started, in_progress, completed, blocked"},
                                              {"value", js(status)}, {"constraint", "enum"}}}));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto s = repo().substeps.get(tx.db(), scope, id, QStringLiteral("substep"));
        if (!s)
            return s.error();
        Row patch{{"status", js(status)}};
        const bool completing = status == QLatin1String("completed") && str(*s, "status") != QLatin1String("completed");
        if (completing) {
            patch["completed_at"] = js(nowIso());
            patch["completed_by"] = scope.actorId.isEmpty() ? Json(nullptr) : Json(js(scope.actorId));
        } else if (status != QLatin1String("completed")) {
            patch["completed_at"] = nullptr;
            patch["completed_by"] = nullptr;
        }
        auto next = repo().substeps.update(tx, scope, *s, patch, {QStringLiteral("status")});
        if (!next)
            return next.error();
        if (completing) {
            auto op = repo().operations.get(tx.db(), scope, str(*s, "operation_id"));
            if (op) {
                auto ctx = m_s.eventData.forOperation(scope, *op);
                if (ctx) {
                    Json data = ctx->eventData();
                    data["substep_id"] = js(id);
                    data["substep_name"] = (*next)["name"];
                    data["completed_by"] = (*next)["completed_by"];
                    tx.emitEvent(scope.tenantId, QStringLiteral("step.completed"), id, data, ctx->topicContext());
                }
            }
        }
        return next;
    });
}

Status SubstepService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto s = repo().substeps.get(tx.db(), scope, id, QStringLiteral("substep"));
        if (!s)
            return s.error();
        return repo().substeps.remove(tx, scope, *s);
    });
}

Result<Page> SubstepService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty())
        lq.sort = QStringLiteral("sequence");
    return repo().substeps.list(db(), scope, lq);
}

Result<Rows> SubstepService::applyTemplate(const Scope &scope, const QString &templateId, const QString &operationId)
{
    auto items = m_s.catalog.templateItems(scope, templateId);
    if (!items)
        return items.error();
    return db().write([&](WriteTx &tx) -> Result<Rows> {
        Rows out;
        for (const auto &it : *items) {
            Json in{{"operation_id", js(operationId)}, {"name", it["name"]}, {"sequence", it["sequence"]}};
            if (!it["notes"].is_null())
                in["notes"] = it["notes"];
            auto s = add(scope, in);
            if (!s)
                return s.error();
            out.push_back(*s);
        }
        return out;
    });
}

// --- assignments ----------------------------------------------------------------------------------

const std::vector<Field> &AssignmentService::fields()
{
    static const std::vector<Field> f{{"part_id", Field::Uuid, true}, {"operator_id", Field::Uuid, true}, {"notes", Field::Text, false, {}, {}, limits::kText}};
    return f;
}

Result<Row> AssignmentService::assign(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto part = repo().parts.get(tx.db(), scope, str(row, "part_id"), QStringLiteral("part"));
        if (!part)
            return part.error();
        auto worker = repo().users.get(tx.db(), scope, str(row, "operator_id"), QStringLiteral("operator"));
        if (!worker)
            return worker.error();
        row["job_id"] = (*part)["job_id"];
        if (!scope.actorId.isEmpty())
            row["assigned_by"] = js(scope.actorId);
        auto a = repo().assignments.insert(tx, scope, row);
        if (!a)
            return a.error();
        auto ops = repo().operationsOfPart(tx.db(), scope, str(*part, "id"));
        if (!ops)
            return ops.error();
        for (const auto &o : *ops)
            if (str(o, "status") != domain::status::Completed && str(o, "assigned_operator_id") != str(row, "operator_id"))
                ERY_TRY(repo().operations.update(tx, scope, o, {{"assigned_operator_id", row["operator_id"]}}));
        ERY_TRY(m_s.notifications.notify(tx, scope, str(row, "operator_id"), QStringLiteral("assignment"), QStringLiteral("medium"),
                                         QStringLiteral("New work: part %1").arg(str(*part, "part_number")), str(row, "notes"),
                                         QStringLiteral("assignment"), str(*a, "id")));
        return a;
    });
}

Result<Row> AssignmentService::setStatus(const Scope &scope, const QString &id, const QString &status)
{
    static const QStringList allowed{"assigned", "accepted", "in_progress", "completed"};
    if (!allowed.contains(status))
        return Error::validation(Json::array({{{"field", "status"}, {"message", "status must be one of assigned, accepted, in_progress, completed"}, {"value", js(status)}}}));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto a = repo().assignments.get(tx.db(), scope, id, QStringLiteral("assignment"));
        if (!a)
            return a.error();
        if (allowed.indexOf(status) < allowed.indexOf(str(*a, "status")))
            return Error::invalidTransition(QStringLiteral("assignment"), str(*a, "status"), status);
        return repo().assignments.update(tx, scope, *a, {{"status", js(status)}}, {QStringLiteral("status")});
    });
}

Status AssignmentService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto a = repo().assignments.get(tx.db(), scope, id, QStringLiteral("assignment"));
        if (!a)
            return a.error();
        return repo().assignments.remove(tx, scope, *a);
    });
}

Result<Page> AssignmentService::list(const Scope &scope, const ListQuery &q)
{
    return repo().assignments.list(db(), scope, q);
}

} // namespace ery
