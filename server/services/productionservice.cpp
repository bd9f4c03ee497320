#include "productionservice.h"

#include "fields.h"
#include "eventdata.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

const std::vector<Field> &ProductionService::scrapLineFields()
{
    static const std::vector<Field> f{{"scrap_reason_id", Field::Uuid, true},
                                      {"quantity", Field::Int, true, {}, 1},
                                      {"notes", Field::Text, false, {}, {}, limits::kText}};
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
            v.add("scrap_lines", QStringLiteral("scrap lines add up to %1 but quantity_scrap is %2").arg(lineSum).arg(scrap), nullptr,
                  "sum");
        for (size_t i = 0; i < lines.size(); ++i)
            for (size_t j = i + 1; j < lines.size(); ++j)
                if (lines[i].reason == lines[j].reason)
                    v.add("scrap_lines", QStringLiteral("each scrap reason may appear once per report"), toStd(lines[j].reason), "unique");
    }
    if (!v.ok())
        return v.error();
    if (lines.empty() && scrap > 0 && row.contains("scrap_reason_id") && !row["scrap_reason_id"].is_null())
        lines.push_back({str(row, "scrap_reason_id"), scrap, {}});
    if (!lines.empty())
        row["scrap_reason_id"] = toStd(lines.front().reason);
    row["quantity_produced"] = good + scrap + rework;
    row["quantity_good"] = good;
    row["quantity_scrap"] = scrap;
    row["quantity_rework"] = rework;
    row["recorded_at"] = toStd(nowIso());
    if (!row.contains("recorded_by") && !scope.actorId.isEmpty())
        row["recorded_by"] = toStd(scope.actorId);

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
                rv.add("scrap_reason_id", QStringLiteral("scrap reason not found"), toStd(l.reason), "exists");
                return rv.error();
            }
            if (!flag(*r, "active"))
                return Error::validation(
                    Json::array({{{"field", "scrap_reason_id"}, {"message", "scrap reason is inactive"}, {"value", toStd(l.reason)}}}));
            reasons.push_back({{"scrap_reason_id", toStd(l.reason)},
                               {"code", (*r)["code"]},
                               {"description", (*r)["description"]},
                               {"category", (*r)["category"]},
                               {"quantity", l.qty}});
        }
        auto q = repo().quantities.insert(tx, scope, row);
        if (!q)
            return q.error();
        for (const auto &l : lines) {
            Row lr{{"operation_quantity_id", (*q)["id"]}, {"scrap_reason_id", toStd(l.reason)}, {"quantity", l.qty}};
            if (!l.notes.isEmpty())
                lr["notes"] = toStd(l.notes);
            ERY_TRY(repo().quantityScrapReasons.insert(tx, scope, lr));
        }
        auto ctx = m_eventData.forOperation(scope, *op);
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
    Json in{{"operation_id", toStd(operationId)}, {"quantity_scrap", quantity}, {"quantity_good", 0}, {"quantity_rework", 0}};
    if (!reasonId.isEmpty())
        in["scrap_lines"] = Json::array({{{"scrap_reason_id", toStd(reasonId)}, {"quantity", quantity}}});
    if (!notes.isEmpty())
        in["notes"] = toStd(notes);
    if (!recordedBy.isEmpty())
        in["recorded_by"] = toStd(recordedBy);
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
    return Json{{"operation_id", toStd(operationId)},
                {"produced", produced},
                {"good", good},
                {"scrap", scrap},
                {"rework", rework},
                {"yield_percent", produced ? 100.0 * double(good) / double(produced) : 0.0}};
}

} // namespace ery::services
