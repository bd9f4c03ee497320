#include "assignmentservice.h"

#include "notificationservice.h"
#include "domain/rules.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

const std::vector<Field> &AssignmentService::fields()
{
    static const std::vector<Field> f{
        {"part_id", Field::Uuid, true}, {"operator_id", Field::Uuid, true}, {"notes", Field::Text, false, {}, {}, limits::kText}};
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
            row["assigned_by"] = toStd(scope.actorId);
        auto a = repo().assignments.insert(tx, scope, row);
        if (!a)
            return a.error();
        auto ops = repo().operationsOfPart(tx.db(), scope, str(*part, "id"));
        if (!ops)
            return ops.error();
        for (const auto &o : *ops)
            if (str(o, "status") != domain::status::Completed && str(o, "assigned_operator_id") != str(row, "operator_id"))
                ERY_TRY(repo().operations.update(tx, scope, o, {{"assigned_operator_id", row["operator_id"]}}));
        ERY_TRY(m_notifications.notify(tx, scope, str(row, "operator_id"), QStringLiteral("assignment"), QStringLiteral("medium"),
                                       QStringLiteral("New work: part %1").arg(str(*part, "part_number")), str(row, "notes"),
                                       QStringLiteral("assignment"), str(*a, "id")));
        return a;
    });
}

Result<Row> AssignmentService::setStatus(const Scope &scope, const QString &id, const QString &status)
{
    static const QStringList allowed{"assigned", "accepted", "in_progress", "completed"};
    if (!allowed.contains(status))
        return Error::validation(Json::array({{{"field", "status"},
                                               {"message", "status must be one of assigned, accepted, in_progress, completed"},
                                               {"value", toStd(status)}}}));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto a = repo().assignments.get(tx.db(), scope, id, QStringLiteral("assignment"));
        if (!a)
            return a.error();
        if (allowed.indexOf(status) < allowed.indexOf(str(*a, "status")))
            return Error::invalidTransition(QStringLiteral("assignment"), str(*a, "status"), status);
        return repo().assignments.update(tx, scope, *a, {{"status", toStd(status)}}, {QStringLiteral("status")});
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

} // namespace ery::services
