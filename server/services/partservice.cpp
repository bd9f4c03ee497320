#include "partservice.h"

#include "activitylog.h"
#include "eventdata.h"
#include "operationservice.h"
#include "quotas.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
// How deep assemblies nest: far beyond any shop's, and a bound on the walk up the tree.
constexpr int kMaxPartDepth = 100;
} // namespace

const std::vector<Field> &PartService::fields()
{
    static const std::vector<Field> f{
        {"job_id", Field::Uuid, true},
        {"parent_part_id", Field::Uuid},
        {"part_number", Field::Text, true, {}, {}, limits::kName},
        {"material", Field::Text, true, {}, {}, limits::kName},
        {"quantity", Field::Int, false, {}, 0},
        {"file_paths", Field::TextList, false, {}, {}, limits::kPath},
        {"image_paths", Field::TextList, false, {}, {}, limits::kPath},
        {"material_lot", Field::Text, false, {}, {}, limits::kShort},
        {"material_supplier", Field::Text, false, {}, {}, limits::kName},
        {"material_cert_number", Field::Text, false, {}, {}, limits::kShort},
        {"weight_kg", Field::Number, false, {}, 0},
        {"length_mm", Field::Number, false, {}, 0},
        {"width_mm", Field::Number, false, {}, 0},
        {"height_mm", Field::Number, false, {}, 0},
        {"drawing_no", Field::Text, false, {}, {}, limits::kShort},
        {"cnc_program_name", Field::Text, false, {}, {}, limits::kName},
        {"is_bullet_card", Field::Bool},
        {"notes", Field::Text, false, {}, {}, limits::kText},
        {"metadata", Field::Json},
        {"external_id", Field::Text, false, {}, {}, limits::kName},
        {"external_source", Field::Text, false, {}, {}, limits::kShort},
    };
    return f;
}

Result<Row> PartService::createIn(WriteTx &tx, const Scope &scope, const Json &input, const Row &job, const std::string &prefix,
                                  const Row &syncStamp)
{
    Json in = input;
    in["job_id"] = job["id"];
    Validation v;
    Row row = acceptFields(in, fields(), true, v, prefix);
    const Json ops = input.is_object() ? input.value("operations", Json(nullptr)) : Json(nullptr);
    if (!ops.is_null() && !ops.is_array())
        v.add(prefix.empty() ? "operations" : prefix + ".operations", QStringLiteral("operations must be a list"), nullptr, "array");
    if (!v.ok())
        return v.error();
    if (row.contains("parent_part_id") && !row["parent_part_id"].is_null()) {
        auto parent = repo().parts.get(tx.db(), scope, str(row, "parent_part_id"), QStringLiteral("parent part"));
        if (!parent)
            return parent.error();
    }
    if (!syncStamp.empty())
        row.update(syncStamp);
    auto part = repo().parts.insert(tx, scope, row);
    if (!part)
        return nestedError(part.error(), prefix);
    if (ops.is_array()) {
        int i = 0;
        for (const auto &o : ops) {
            const std::string p = (prefix.empty() ? std::string("operations") : prefix + ".operations") + "[" + std::to_string(i++) + "]";
            Json oi = o;
            if (oi.is_object() && !oi.contains("sequence"))
                oi["sequence"] = i;
            ERY_TRY(m_operations.createIn(tx, scope, oi, &*part, p));
        }
    }
    auto t = m_eventData.tenant(scope.tenantId);
    tx.emitEvent(scope.tenantId, QStringLiteral("part.created"), str(*part, "id"), m_eventData.partData(*part, job),
                 OperationContext::topicContextFor(t ? *t : Row::object(), job, *part, nullptr, {}));
    return part;
}

Result<Row> PartService::create(const Scope &scope, const Json &input, const Row &syncStamp)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        if (!input.is_object() || !input.contains("job_id") || !input["job_id"].is_string()) {
            Validation v;
            acceptFields(input, fields(), true, v);
            if (!v.ok())
                return v.error();
        }
        auto job = repo().jobs.get(tx.db(), scope, fromStd(input["job_id"].get<std::string>()), QStringLiteral("job"));
        if (!job) {
            if (job.error().code != ErrorCode::NotFound)
                return job.error();
            Validation v;
            v.add("job_id", QStringLiteral("job not found"), input["job_id"], "exists");
            return v.error();
        }
        const qint64 qty = input.value("quantity", Json(1)).is_number_integer() ? input.value("quantity", Json(1)).get<qint64>() : 1;
        ERY_TRY(m_quotas.checkParts(tx, scope, qty));
        auto part = createIn(tx, scope, input, *job, {}, syncStamp);
        if (!part)
            return part.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("part"), str(*part, "id"), str(*part, "part_number"),
                                  QStringLiteral("Part %1 added to job %2").arg(str(*part, "part_number"), str(*job, "job_number"))));
        return part;
    });
}

Result<Row> PartService::update(const Scope &scope, const QString &id, const Json &patch, const Row &syncStamp)
{
    Validation v;
    Row accepted = acceptFields(patch, fields(), false, v);
    accepted.erase("job_id");
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto part = repo().parts.get(tx.db(), scope, id, QStringLiteral("part"));
        if (!part)
            return part.error();
        if (accepted.contains("parent_part_id") && !accepted["parent_part_id"].is_null()) {
            if (str(accepted, "parent_part_id") == id)
                return Error::validation(
                    Json::array({{{"field", "parent_part_id"}, {"message", "a part cannot contain itself"}, {"value", toStd(id)}}}));
            // The new parent's own parents, up to the top: meeting this part there would close a
            // cycle (an assembly inside its own sub-assembly), which every walk of the tree trips on.
            QString above = str(accepted, "parent_part_id");
            for (int depth = 0; !above.isEmpty(); ++depth) {
                auto parent = repo().parts.get(tx.db(), scope, above, QStringLiteral("parent part"));
                if (!parent)
                    return parent.error();
                above = str(*parent, "parent_part_id");
                if (above == id || depth >= kMaxPartDepth)
                    return Error::validation(Json::array(
                        {{{"field", "parent_part_id"},
                          {"message", toStd(above == id ? QStringLiteral("the parent part is inside this part already: that would be a cycle")
                                                        : QStringLiteral("parts nest at most %1 deep").arg(kMaxPartDepth))},
                          {"value", accepted["parent_part_id"]}}}));
            }
        }
        if (accepted.contains("quantity")) {
            const qint64 delta = num(accepted, "quantity") - num(*part, "quantity");
            if (delta > 0)
                ERY_TRY(m_quotas.checkParts(tx, scope, delta));
        }
        Row written = accepted;
        if (!syncStamp.empty())
            written.update(syncStamp);
        auto next = repo().parts.update(tx, scope, *part, written);
        if (!next)
            return next.error();
        auto job = repo().jobs.get(tx.db(), scope, str(*next, "job_id"));
        Row jobRow = job ? *job : Row::object();
        Json data = m_eventData.partData(*next, jobRow);
        data["changes"] = accepted;
        auto t = m_eventData.tenant(scope.tenantId);
        tx.emitEvent(scope.tenantId, QStringLiteral("part.updated"), id, data,
                     OperationContext::topicContextFor(t ? *t : Row::object(), jobRow, *next, nullptr, {}));
        return next;
    });
}

Status PartService::removeIn(WriteTx &tx, const Scope &scope, const Row &part)
{
    auto ops = repo().operationsOfPart(tx.db(), scope, str(part, "id"));
    if (!ops)
        return ops.error();
    for (const auto &o : *ops) {
        auto open = repo().openEntriesOfOperation(tx.db(), scope, str(o, "id"));
        if (!open)
            return open.error();
        if (!open->empty())
            return Error::conflict(
                QStringLiteral("Someone is still timing an operation of part %1; stop their time first").arg(str(part, "part_number")));
        ERY_TRY(repo().operations.remove(tx, scope, o));
    }
    return repo().parts.remove(tx, scope, part);
}

Status PartService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto part = repo().parts.get(tx.db(), scope, id, QStringLiteral("part"));
        if (!part)
            return part.error();
        ERY_TRY(removeIn(tx, scope, *part));
        return m_activity.record(tx, scope, QStringLiteral("delete"), QStringLiteral("part"), id, str(*part, "part_number"),
                                 QStringLiteral("Part %1 deleted").arg(str(*part, "part_number")));
    });
}

Result<Row> PartService::get(const Scope &scope, const QString &id)
{
    return repo().parts.get(db(), scope, id, QStringLiteral("part"));
}

Result<Page> PartService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty())
        lq.sort = QStringLiteral("part_number");
    return repo().parts.list(db(), scope, lq);
}

} // namespace ery::services
