#include "repositories.h"

#include "core/jsonutil.h"

using namespace ery::domain;

namespace ery::storage {

void Repositories::loadColumns(Database &db) const
{
    for (const Table *t : {&users,
                           &cells,
                           &resources,
                           &operationResources,
                           &materials,
                           &jobs,
                           &parts,
                           &operations,
                           &timeEntries,
                           &timeEntryPauses,
                           &substeps,
                           &substepTemplates,
                           &substepTemplateItems,
                           &scrapReasons,
                           &quantities,
                           &quantityScrapReasons,
                           &issueCategories,
                           &issues,
                           &assignments,
                           &notifications,
                           &activity,
                           &apiKeys,
                           &mcpKeys,
                           &mcpKeyUsage,
                           &webhooks,
                           &webhookDeliveries,
                           &webhookLogs,
                           &mqttLogs,
                           &mqttPublishers,
                           &syncImports,
                           &batches,
                           &batchOperations,
                           &files,
                           &fileLinks})
        t->loadColumns(db);
}

Result<Rows> Repositories::operationsOfPart(Database &db, const Scope &s, const QString &partId) const
{
    return operations.where(db, s, Match().eq(QStringLiteral("part_id"), partId),
                            {QStringLiteral("sequence"), QStringLiteral("created_at")});
}

Result<Rows> Repositories::partsOfJob(Database &db, const Scope &s, const QString &jobId) const
{
    return parts.where(db, s, Match().eq(QStringLiteral("job_id"), jobId), {QStringLiteral("created_at"), QStringLiteral("id")});
}

Result<QString> Repositories::currentCellOfPart(Database &db, const Scope &s, const QString &partId) const
{
    auto rows = db.query(QStringLiteral("SELECT o.cell_id FROM operations o JOIN cells c ON c.id = o.cell_id "
                                        "WHERE o.tenant_id = ? AND o.part_id = ? AND o.deleted_at IS NULL AND o.status = 'in_progress' "
                                        "ORDER BY c.sequence, o.sequence LIMIT 1"),
                         {s.tenantId, partId});
    if (!rows)
        return rows.error();
    return rows->empty() ? QString() : str(rows->front(), "cell_id");
}

Result<QString> Repositories::currentCellOfJob(Database &db, const Scope &s, const QString &jobId) const
{
    // Driven from the job's parts (the tenant is checked there): a planner that started from the
    // tenant's operations would scan the whole shop on every transition.
    auto rows =
        db.query(QStringLiteral("SELECT o.cell_id FROM operations o JOIN cells c ON c.id = o.cell_id "
                                "WHERE o.part_id IN (SELECT id FROM parts WHERE tenant_id = ? AND job_id = ? AND deleted_at IS NULL) "
                                "AND o.deleted_at IS NULL AND o.status = 'in_progress' ORDER BY c.sequence, o.sequence LIMIT 1"),
                 {s.tenantId, jobId});
    if (!rows)
        return rows.error();
    return rows->empty() ? QString() : str(rows->front(), "cell_id");
}

Result<Rows> Repositories::openEntriesOfWorker(Database &db, const Scope &s, const QString &workerId) const
{
    return timeEntries.where(db, s, Match().eq(QStringLiteral("operator_id"), workerId).isNull(QStringLiteral("end_time")),
                             {QStringLiteral("start_time")});
}

Result<Rows> Repositories::openEntriesOfOperation(Database &db, const Scope &s, const QString &operationId) const
{
    return timeEntries.where(db, s, Match().eq(QStringLiteral("operation_id"), operationId).isNull(QStringLiteral("end_time")),
                             {QStringLiteral("start_time")});
}

Result<Rows> Repositories::allOpenEntries(Database &db, const Scope &s) const
{
    return timeEntries.where(db, s, Match().isNull(QStringLiteral("end_time")), {QStringLiteral("start_time")});
}

Result<Rows> Repositories::entriesOfWorkerOverlapping(Database &db, const Scope &s, const QString &workerId, const QString &startIso,
                                                      const QString &endIso) const
{
    auto closed = timeEntries.where(
        db, s, Match().eq(QStringLiteral("operator_id"), workerId).lt(QStringLiteral("start_time"), endIso).gt(QStringLiteral("end_time"), startIso),
        {QStringLiteral("start_time")});
    if (!closed)
        return closed;
    auto open = timeEntries.where(
        db, s, Match().eq(QStringLiteral("operator_id"), workerId).isNull(QStringLiteral("end_time")).lt(QStringLiteral("start_time"), endIso));
    if (!open)
        return open;
    closed->insert(closed->end(), open->begin(), open->end());
    return closed;
}

Status Repositories::lockWorker(WriteTx &tx, const Scope &s, const QString &workerId) const
{
    if (!tx.db().isPostgres())
        return {};
    auto held = tx.query(QStringLiteral("SELECT id FROM users WHERE tenant_id = ? AND id = ? FOR UPDATE"), {s.tenantId, workerId});
    if (!held)
        return held.error();
    return {};
}

Result<Rows> Repositories::openPausesOfEntry(Database &db, const Scope &s, const QString &entryId) const
{
    return timeEntryPauses.where(db, s, Match().eq(QStringLiteral("time_entry_id"), entryId).isNull(QStringLiteral("resumed_at")));
}

Result<qint64> Repositories::pausedSecondsOfEntry(Database &db, const Scope &s, const QString &entryId) const
{
    return db.scalar(QStringLiteral("SELECT COALESCE(SUM(duration),0) FROM time_entry_pauses WHERE tenant_id = ? AND time_entry_id = ? "
                                    "AND resumed_at IS NOT NULL"),
                     {s.tenantId, entryId});
}

Result<qint64> Repositories::closedMinutesOfOperation(Database &db, const Scope &s, const QString &operationId) const
{
    return db.scalar(QStringLiteral("SELECT COALESCE(SUM(duration),0) FROM time_entries WHERE tenant_id = ? AND operation_id = ? "
                                    "AND end_time IS NOT NULL"),
                     {s.tenantId, operationId});
}

Result<qint64> Repositories::pendingStandstills(Database &db, const Scope &s, const QString &operationId,
                                                const QString &exceptIssueId) const
{
    return issues.count(db, s,
                        Match()
                            .eq(QStringLiteral("operation_id"), operationId)
                            .eq(QStringLiteral("status"), QStringLiteral("pending"))
                            .eq(QStringLiteral("causes_standstill"), 1)
                            .notEq(QStringLiteral("id"), exceptIssueId));
}

Result<qint64> Repositories::runningOperationsInCell(Database &db, const Scope &s, const QString &cellId) const
{
    return operations.count(db, s,
                            Match().eq(QStringLiteral("cell_id"), cellId).eq(QStringLiteral("status"), QStringLiteral("in_progress")));
}

Result<qint64> Repositories::openJobCount(Database &db, const Scope &s) const
{
    return jobs.count(db, s, Match().notEq(QStringLiteral("status"), QStringLiteral("completed")));
}

Result<qint64> Repositories::partQuantityThisMonth(Database &db, const Scope &s, const QString &monthStartIso) const
{
    // Deleted parts still count: the quota is on what was created this month.
    return db.scalar(QStringLiteral("SELECT COALESCE(SUM(quantity),0) FROM parts WHERE tenant_id = ? AND created_at >= ?"),
                     {s.tenantId, monthStartIso});
}

namespace {
// The one definition of WIP (cellWip, wipByCell): distinct jobs with a not_started or in_progress
// operation in the cell, its part not deleted. The operations are read from operations_cell
// (tenant_id, cell_id, status, deleted_at, part_id) alone, grouped by status and part in that
// index's order, so a part is looked up once per status rather than once per operation.
QString wipOfCell(const QString &tenant, const QString &cell, const QString &exceptJob)
{
    return QStringLiteral("(SELECT COUNT(DISTINCT p.job_id) FROM (SELECT o.part_id FROM operations o "
                          "WHERE o.tenant_id = %1 AND o.cell_id = %2 AND o.deleted_at IS NULL "
                          "AND o.status IN ('not_started','in_progress') GROUP BY o.status, o.part_id) x "
                          "JOIN parts p ON p.id = x.part_id WHERE p.deleted_at IS NULL%3)")
        .arg(tenant, cell, exceptJob.isEmpty() ? QString() : QStringLiteral(" AND p.job_id <> ") + exceptJob);
}
} // namespace

Result<qint64> Repositories::cellWip(Database &db, const Scope &s, const QString &cellId, const QString &exceptJobId) const
{
    if (exceptJobId.isEmpty())
        return db.scalar(QStringLiteral("SELECT ") + wipOfCell(QStringLiteral("?"), QStringLiteral("?"), {}), {s.tenantId, cellId});
    return db.scalar(QStringLiteral("SELECT ") + wipOfCell(QStringLiteral("?"), QStringLiteral("?"), QStringLiteral("?")),
                     {s.tenantId, cellId, exceptJobId});
}

Result<Rows> Repositories::wipByCell(Database &db, const Scope &s) const
{
    return db.query(QStringLiteral("SELECT c.id AS cell_id, %1 AS wip FROM cells c "
                                   "WHERE c.tenant_id = ? AND c.deleted_at IS NULL AND c.active = 1")
                        .arg(wipOfCell(QStringLiteral("c.tenant_id"), QStringLiteral("c.id"), {})),
                    {s.tenantId});
}

Result<Rows> Repositories::admins(Database &db, const Scope &s) const
{
    return users.where(
        db, s,
        Match().eq(QStringLiteral("role"), QStringLiteral("admin")).eq(QStringLiteral("active"), 1).isNull(QStringLiteral("deleted_at")));
}

Result<Row> Repositories::byExternal(Database &db, const Table &t, const Scope &s, const QString &source, const QString &externalId) const
{
    auto rows = t.where(db, s, Match().eq(QStringLiteral("external_source"), source).eq(QStringLiteral("external_id"), externalId));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(t.name());
    return std::move(rows->front());
}

const QStringList &Repositories::overviewSorts()
{
    static const QStringList sorts{QStringLiteral("due_date"), QStringLiteral("job_number"),        QStringLiteral("customer"),
                                   QStringLiteral("status"),   QStringLiteral("current_cell_name"), QStringLiteral("progress"),
                                   QStringLiteral("bullet_parts")};
    return sorts;
}

Result<Page> Repositories::jobsOverview(Database &db, const Scope &s, const ListQuery &q) const
{
    static const QString bulletParts =
        QStringLiteral("SELECT 1 FROM parts p WHERE p.job_id = j.id AND p.deleted_at IS NULL AND p.is_bullet_card = 1");
    QString where = QStringLiteral(" WHERE j.tenant_id = ? AND j.deleted_at IS NULL");
    QVariantList params{s.tenantId};
    for (const auto &[name, value] : q.eq) {
        const bool on = value.toInt() == 1;
        if (name == QLatin1String("status")) {
            where += QStringLiteral(" AND j.status = ?");
            params << value;
        } else if (name == QLatin1String("open")) {
            where += on ? QStringLiteral(" AND j.status <> 'completed'") : QStringLiteral(" AND j.status = 'completed'");
        } else if (name == QLatin1String("bullet")) {
            where += (on ? QStringLiteral(" AND EXISTS (") : QStringLiteral(" AND NOT EXISTS (")) + bulletParts + QLatin1Char(')');
        } else {
            return Error::badRequest(QStringLiteral("unknown filter %1").arg(name));
        }
    }
    if (!q.search.isEmpty()) {
        where += QStringLiteral(" AND (LOWER(j.job_number) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(j.customer, '')) LIKE ? ESCAPE '\\')");
        const QString pattern = Table::containsPattern(q.search);
        params << pattern << pattern;
    }
    // The order's columns are the inner query's, so progress sorts by what the row shows. Ties
    // (and undated jobs) fall back to the job number, then the id, so pages never overlap.
    const QString dir = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString sort = overviewSorts().contains(q.sort) ? q.sort : overviewSorts().first();
    QString order;
    if (sort == QLatin1String("due_date"))
        order = QStringLiteral("(due_date IS NULL)%1, due_date%1").arg(dir);
    else if (sort == QLatin1String("status"))
        // The order of the work: running, held, waiting, done.
        order = QStringLiteral("(CASE status WHEN 'in_progress' THEN 0 WHEN 'on_hold' THEN 1 WHEN 'not_started' THEN 2 ELSE 3 END)") + dir;
    else if (sort == QLatin1String("progress"))
        order = QStringLiteral("(CASE WHEN operation_count = 0 THEN -1.0 ELSE operations_completed * 1.0 / operation_count END)") + dir;
    else if (sort == QLatin1String("customer") || sort == QLatin1String("current_cell_name"))
        order = QStringLiteral("(%1 IS NULL)%2, LOWER(%1)%2").arg(sort, dir);
    else
        order = sort + dir;
    order += QStringLiteral(", job_number") + dir + QStringLiteral(", id") + dir;

    QString sql = QStringLiteral(
        "SELECT * FROM (SELECT j.id, j.job_number, j.customer, j.due_date, j.status, j.current_cell_id, c.name AS current_cell_name, "
        "j.updated_at, "
        "(SELECT COUNT(*) FROM parts p WHERE p.job_id = j.id AND p.deleted_at IS NULL) AS part_count, "
        "(SELECT COUNT(*) FROM operations o JOIN parts p ON p.id = o.part_id WHERE p.job_id = j.id AND o.deleted_at IS NULL "
        "AND p.deleted_at IS NULL) AS operation_count, "
        "(SELECT COUNT(*) FROM operations o JOIN parts p ON p.id = o.part_id WHERE p.job_id = j.id AND o.deleted_at IS NULL "
        "AND p.deleted_at IS NULL AND o.status = 'completed') AS operations_completed, "
        "(SELECT COUNT(*) FROM parts p WHERE p.job_id = j.id AND p.deleted_at IS NULL AND p.is_bullet_card = 1) AS bullet_parts "
        "FROM jobs j LEFT JOIN cells c ON c.id = j.current_cell_id") +
        where + QStringLiteral(") overview ORDER BY ") + order;
    QVariantList pageParams = params;
    if (q.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        pageParams << q.limit << qMax(0, q.offset);
    }
    auto rows = db.query(sql, pageParams);
    if (!rows)
        return rows.error();
    Page page;
    page.rows = std::move(*rows);
    // A first page that is not full holds every match: no COUNT needed.
    if (q.limit <= 0 || (q.offset <= 0 && qint64(page.rows.size()) < q.limit)) {
        page.total = qint64(page.rows.size());
        return page;
    }
    auto total = db.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs j") + where, params);
    if (!total)
        return total.error();
    page.total = *total;
    return page;
}

Result<Rows> Repositories::operationsOfBatch(Database &db, const Scope &s, const QString &batchId) const
{
    return db.query(QStringLiteral("SELECT o.*, bo.sequence_in_batch, bo.quantity_in_batch FROM batch_operations bo "
                                   "JOIN operations o ON o.id = bo.operation_id AND o.tenant_id = bo.tenant_id "
                                   "WHERE bo.tenant_id = ? AND bo.batch_id = ? AND o.deleted_at IS NULL ORDER BY bo.sequence_in_batch"),
                    {s.tenantId, batchId});
}

Result<Row> Repositories::syncImportTotals(Database &db, const Scope &s, const QString &entityType, const QString &source) const
{
    QString sql = QStringLiteral(
        "SELECT COUNT(*) AS total_syncs, COALESCE(SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), 0) AS successful, "
        "COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed, COALESCE(SUM(created_count), 0) AS total_created, "
        "COALESCE(SUM(updated_count), 0) AS total_updated, COALESCE(SUM(error_count), 0) AS total_errors "
        "FROM sync_imports WHERE tenant_id = ?");
    QVariantList params{s.tenantId};
    if (!entityType.isEmpty()) {
        sql += QStringLiteral(" AND entity_type = ?");
        params << entityType;
    }
    if (!source.isEmpty()) {
        sql += QStringLiteral(" AND source = ?");
        params << source;
    }
    auto rows = db.query(sql, params);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Row::object();
    return std::move(rows->front());
}

} // namespace ery::storage
