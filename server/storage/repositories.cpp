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
                           &batchOperations})
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

Result<qint64> Repositories::cellWip(Database &db, const Scope &s, const QString &cellId, const QString &exceptJobId) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(DISTINCT p.job_id) FROM operations o JOIN parts p ON p.id = o.part_id "
                                    "WHERE o.tenant_id = ? AND o.cell_id = ? AND o.deleted_at IS NULL AND p.deleted_at IS NULL "
                                    "AND o.status IN ('not_started','in_progress') AND p.job_id <> ?"),
                     {s.tenantId, cellId, exceptJobId.isEmpty() ? QStringLiteral("-") : exceptJobId});
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

Result<Rows> Repositories::jobsOverview(Database &db, const Scope &s) const
{
    // One row per job with its progress, for lists and the desktop's jobs table.
    return db.query(
        QStringLiteral(
            "SELECT j.id, j.job_number, j.customer, j.due_date, j.status, j.current_cell_id, c.name AS current_cell_name, j.updated_at, "
            "(SELECT COUNT(*) FROM parts p WHERE p.job_id = j.id AND p.deleted_at IS NULL) AS part_count, "
            "(SELECT COUNT(*) FROM operations o JOIN parts p ON p.id = o.part_id WHERE p.job_id = j.id AND o.deleted_at IS NULL "
            "AND p.deleted_at IS NULL) AS operation_count, "
            "(SELECT COUNT(*) FROM operations o JOIN parts p ON p.id = o.part_id WHERE p.job_id = j.id AND o.deleted_at IS NULL "
            "AND p.deleted_at IS NULL AND o.status = 'completed') AS operations_completed, "
            "(SELECT COUNT(*) FROM parts p WHERE p.job_id = j.id AND p.deleted_at IS NULL AND p.is_bullet_card = 1) AS bullet_parts "
            "FROM jobs j LEFT JOIN cells c ON c.id = j.current_cell_id "
            "WHERE j.tenant_id = ? AND j.deleted_at IS NULL ORDER BY j.due_date IS NULL, j.due_date, j.job_number"),
        {s.tenantId});
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
