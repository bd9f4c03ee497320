#include "issueservice.h"

#include "domain/rules.h"
#include "activitylog.h"
#include "eventdata.h"
#include "notificationservice.h"
#include "operationservice.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

namespace {
const std::vector<Field> &issueFields()
{
    static const std::vector<Field> f{
        {"operation_id", Field::Uuid, true},
        {"created_by", Field::Uuid},
        {"reported_by_id", Field::Uuid},
        {"title", Field::Text, false, {}, {}, 300},
        {"description", Field::Text, true, {}, {}, 20000},
        {"severity", Field::Enum, true, {"low", "medium", "high", "critical"}},
        {"issue_type", Field::Enum, false, {"general", "ncr"}},
        {"image_paths", Field::TextList, false, {}, {}, limits::kPath},
        {"ncr_category", Field::Enum, false, {"material_defect", "dimensional", "surface_finish", "process_error", "other"}},
        {"disposition", Field::Enum, false, {"scrap", "rework", "use_as_is", "return_to_supplier"}},
        {"root_cause", Field::Text, false, {}, {}, limits::kText},
        {"corrective_action", Field::Text, false, {}, {}, limits::kText},
        {"preventive_action", Field::Text, false, {}, {}, limits::kText},
        {"affected_quantity", Field::Int, false, {}, 0},
        {"verification_required", Field::Bool},
        {"causes_standstill", Field::Bool},
    };
    return f;
}

Json issueData(const Row &issue, const OperationContext &ctx)
{
    Json d = ctx.eventData();
    for (const char *k : {"id", "title", "description", "severity", "status", "issue_type", "ncr_number", "ncr_category", "disposition",
                          "causes_standstill", "created_by", "reviewed_by", "resolution_notes", "affected_quantity"})
        if (issue.contains(k))
            d[k] = issue[k];
    d["issue_id"] = issue["id"];
    d["status"] = issue["status"];
    return d;
}
} // namespace

const std::vector<Field> &IssueService::fields()
{
    return issueFields();
}

Result<Row> IssueService::create(const Scope &scope, const Json &input)
{
    auto r = report(scope, input);
    if (!r)
        return r.error();
    return std::move(r->issue);
}

Result<IssueService::Reported> IssueService::report(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, issueFields(), true, v);
    if (!row.contains("created_by") && scope.actorId.isEmpty())
        v.add("created_by", QStringLiteral("created_by is required (the worker reporting the issue)"), nullptr, "required");
    const bool ncr = str(row, "issue_type") == QLatin1String("ncr");
    if (!ncr)
        for (const char *k : {"ncr_category", "disposition"})
            if (row.contains(k) && !row[k].is_null())
                v.add(k, QStringLiteral("%1 applies to NCRs only (issue_type \"ncr\")").arg(QLatin1String(k)), row[k], "ncr");
    if (!v.ok())
        return v.error();
    if (!row.contains("created_by"))
        row["created_by"] = toStd(scope.actorId);
    return db().write([&](WriteTx &tx) -> Result<Reported> {
        auto op = repo().operations.get(tx.db(), scope, str(row, "operation_id"), QStringLiteral("operation"));
        if (!op) {
            if (op.error().code != ErrorCode::NotFound)
                return op.error();
            Validation rv;
            rv.add("operation_id", QStringLiteral("operation not found"), row["operation_id"], "exists");
            return rv.error();
        }
        auto reporter = repo().users.get(tx.db(), scope, str(row, "created_by"), QStringLiteral("user"));
        if (!reporter) {
            Validation rv;
            rv.add("created_by", QStringLiteral("worker not found"), row["created_by"], "exists");
            return rv.error();
        }
        auto ctx = m_eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        // Where the part stands and where it should go next, recorded with the report.
        const QString here = str(ctx->part, "current_cell_id").isEmpty() ? str(*op, "cell_id") : str(ctx->part, "current_cell_id");
        row["current_cell_id"] = here.isEmpty() ? Json(nullptr) : Json(toStd(here)); // an operation may have no cell yet
        auto ops = repo().operationsOfPart(tx.db(), scope, str(ctx->part, "id"));
        if (!ops)
            return ops.error();
        for (const auto &o : *ops)
            if (num(o, "sequence") > num(*op, "sequence") && str(o, "status") != status::Completed) {
                row["intended_next_cell_id"] = o["cell_id"];
                break;
            }
        if (ncr) {
            auto n = repo().issues.count(tx.db(), scope, Match().eq(QStringLiteral("issue_type"), QStringLiteral("ncr")));
            if (!n)
                return n.error();
            row["ncr_number"] = toStd(QStringLiteral("NCR-%1").arg(*n + 1, 5, 10, QLatin1Char('0')));
        }
        auto issue = repo().issues.insert(tx, scope, row);
        if (!issue)
            return issue.error();
        const QString issueId = str(*issue, "id");
        Json data = issueData(*issue, *ctx);
        data["reported_by_name"] = (*reporter)["full_name"];
        tx.emitEvent(scope.tenantId, QStringLiteral("issue.created"), issueId, data, ctx->topicContext());
        if (ncr)
            tx.emitEvent(scope.tenantId, QStringLiteral("ncr.created"), issueId, data, ctx->topicContext());
        Reported reported{*issue, std::nullopt};
        if (flag(*issue, "causes_standstill")) {
            auto parked = m_operations.park(tx, scope, str(*op, "id"), issueId);
            if (!parked)
                return parked.error();
            reported.parkedOperation = std::move(*parked);
        }
        const QString sev = str(*issue, "severity");
        ERY_TRY(m_notifications.notifyAdmins(
            tx, scope, QStringLiteral("issue"), sev,
            QStringLiteral("%1 issue on %2").arg(sev.left(1).toUpper() + sev.mid(1), str(ctx->job, "job_number")),
            QStringLiteral("%1 / %2: %3")
                .arg(str(ctx->part, "part_number"), str(*op, "operation_name"), str(*issue, "description").left(200)),
            QStringLiteral("issue"), issueId));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), ncr ? QStringLiteral("ncr") : QStringLiteral("issue"), issueId,
                                  str(*issue, "title"), QStringLiteral("Issue reported on %1").arg(str(*op, "operation_name"))));
        return reported;
    });
}

Result<Row> IssueService::update(const Scope &scope, const QString &id, const Json &patch)
{
    // What a review may still change: the report's own fields, not where or by whom it was made.
    static const std::vector<Field> editable = [] {
        static const QStringList fixed{"operation_id", "created_by", "reported_by_id", "issue_type", "causes_standstill"};
        std::vector<Field> f;
        for (Field x : fields())
            if (!fixed.contains(QLatin1String(x.name))) {
                x.required = false;
                f.push_back(x);
            }
        return f;
    }();
    Validation v;
    Row accepted = acceptFields(patch, editable, false, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto issue = repo().issues.get(tx.db(), scope, id, QStringLiteral("issue"));
        if (!issue)
            return issue.error();
        return repo().issues.update(tx, scope, *issue, accepted);
    });
}

Result<Transition> IssueService::review(const Scope &scope, const QString &id, int action, const QString &notes)
{
    const auto a = IssueAction(action);
    if (a != IssueAction::Close && notes.trimmed().isEmpty()) {
        Validation v;
        v.add("resolution_notes", QStringLiteral("resolution notes are required to %1 an issue").arg(issueActionName(a)), nullptr,
              "required");
        return v.error();
    }
    return db().write([&](WriteTx &tx) -> Result<Transition> {
        auto issue = repo().issues.get(tx.db(), scope, id, QStringLiteral("issue"));
        if (!issue)
            return issue.error();
        const QString from = str(*issue, "status");
        auto to = issueAfter(from, a);
        if (!to)
            return Error::invalidTransition(QStringLiteral("issue"), from, issueActionName(a));
        Row patch{{"status", toStd(*to)}};
        if (a == IssueAction::Close) {
            patch["closed_at"] = toStd(nowIso());
            if (!notes.trimmed().isEmpty())
                patch["resolution_notes"] = toStd(notes.trimmed());
        } else {
            patch["resolution_notes"] = toStd(notes.trimmed());
            patch["reviewed_at"] = toStd(nowIso());
            patch["reviewed_by"] = scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId));
        }
        auto next = repo().issues.update(tx, scope, *issue, patch, {QStringLiteral("status")});
        if (!next)
            return next.error();
        auto op = repo().operations.get(tx.db(), scope, str(*issue, "operation_id"), QStringLiteral("operation"));
        if (!op)
            return op.error();
        auto ctx = m_eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        static const char *names[] = {"issue.approved", "issue.rejected", "issue.closed"};
        Json data = issueData(*next, *ctx);
        data["previous_status"] = toStd(from);
        data["new_status"] = toStd(*to);
        tx.emitEvent(scope.tenantId, QString::fromLatin1(names[action]), id, data, ctx->topicContext());
        Transition t{from, *to, *next};
        if (from == issue::Pending && flag(*issue, "causes_standstill")) {
            auto released = m_operations.unpark(tx, scope, str(*op, "id"), id);
            if (!released)
                return released.error();
            t.releasedOperation = std::move(*released);
        }
        ERY_TRY(m_activity.record(tx, scope, issueActionName(a), QStringLiteral("issue"), id, str(*issue, "title"),
                                  QStringLiteral("Issue %1: %2 → %3").arg(str(*issue, "title"), from, *to)));
        return t;
    });
}

Result<Transition> IssueService::approve(const Scope &scope, const QString &id, const QString &notes)
{
    return review(scope, id, int(IssueAction::Approve), notes);
}

Result<Transition> IssueService::reject(const Scope &scope, const QString &id, const QString &notes)
{
    return review(scope, id, int(IssueAction::Reject), notes);
}

Result<Transition> IssueService::close(const Scope &scope, const QString &id, const QString &notes)
{
    return review(scope, id, int(IssueAction::Close), notes);
}

Result<Row> IssueService::verifyNcr(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto issue = repo().issues.get(tx.db(), scope, id, QStringLiteral("issue"));
        if (!issue)
            return issue.error();
        if (str(*issue, "issue_type") != QLatin1String("ncr"))
            return Error::badRequest(QStringLiteral("only an NCR can be verified"));
        if (!str(*issue, "verified_at").isEmpty())
            return Error::invalidTransition(QStringLiteral("NCR"), QStringLiteral("verified"), QStringLiteral("verify"));
        auto next = repo().issues.update(
            tx, scope, *issue,
            {{"verified_at", toStd(nowIso())}, {"verified_by", scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId))}});
        if (!next)
            return next.error();
        auto op = repo().operations.get(tx.db(), scope, str(*issue, "operation_id"));
        if (!op)
            return op.error();
        auto ctx = m_eventData.forOperation(scope, *op);
        if (!ctx)
            return ctx.error();
        tx.emitEvent(scope.tenantId, QStringLiteral("ncr.verified"), id, issueData(*next, *ctx), ctx->topicContext());
        return next;
    });
}

Result<Row> IssueService::get(const Scope &scope, const QString &id)
{
    return repo().issues.get(db(), scope, id, QStringLiteral("issue"));
}

Result<Page> IssueService::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().issues.list(db(), scope, lq);
}

} // namespace ery::services
