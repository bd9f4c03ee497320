#include "substepservice.h"

#include "catalogservice.h"
#include "eventdata.h"
#include "domain/rules.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

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
        auto ctx = m_eventData.forOperation(scope, *op);
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
            return Error::validation(
                Json::array({{{"field", "status"}, {"message", "status must be a string"}, {"value", patch["status"]}}}));
        r = setStatus(scope, id, fromStd(patch["status"].get<std::string>()));
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
        return Error::validation(Json::array({{{"field", "status"},
                                               {"message", "status must be one of not_started, in_progress, completed, blocked"},
                                               {"value", toStd(status)},
                                               {"constraint", "enum"}}}));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto s = repo().substeps.get(tx.db(), scope, id, QStringLiteral("substep"));
        if (!s)
            return s.error();
        Row patch{{"status", toStd(status)}};
        const bool completing = status == QLatin1String("completed") && str(*s, "status") != QLatin1String("completed");
        if (completing) {
            patch["completed_at"] = toStd(nowIso());
            patch["completed_by"] = scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId));
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
                auto ctx = m_eventData.forOperation(scope, *op);
                if (ctx) {
                    Json data = ctx->eventData();
                    data["substep_id"] = toStd(id);
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
    auto items = m_catalog.templateItems(scope, templateId);
    if (!items)
        return items.error();
    return db().write([&](WriteTx &tx) -> Result<Rows> {
        Rows out;
        for (const auto &it : *items) {
            Json in{{"operation_id", toStd(operationId)}, {"name", it["name"]}, {"sequence", it["sequence"]}};
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

} // namespace ery::services
