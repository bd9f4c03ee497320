#include "analyticsrepository.h"

using namespace ery::domain;

namespace ery::storage {

namespace {
const QString kDue = QStringLiteral("COALESCE(j.due_date_override, j.due_date)");
}

Result<Rows> AnalyticsRepository::statusCounts(Database &db, const Scope &s, const QString &table) const
{
    // A fixed set of tables: the name is never the caller's text.
    QString where;
    if (table == QLatin1String("jobs") || table == QLatin1String("parts") || table == QLatin1String("operations"))
        where = QStringLiteral(" AND deleted_at IS NULL");
    else if (table != QLatin1String("issues"))
        return Error::internal(QStringLiteral("no status counts for %1").arg(table));
    return db.query(QStringLiteral("SELECT status, COUNT(*) AS n FROM %1 WHERE tenant_id = ?%2 GROUP BY status").arg(table, where),
                    {s.tenantId});
}

Result<qint64> AnalyticsRepository::openTimeEntries(Database &db, const Scope &s) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE tenant_id = ? AND end_time IS NULL"), {s.tenantId});
}

Result<qint64> AnalyticsRepository::operationsCompletedBetween(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM operations WHERE tenant_id = ? AND deleted_at IS NULL AND status = 'completed' "
                                    "AND completed_at >= ? AND completed_at < ?"),
                     {s.tenantId, from, to});
}

Result<qint64> AnalyticsRepository::jobsCompletedBetween(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ? AND deleted_at IS NULL AND status = 'completed' "
                                    "AND completed_at >= ? AND completed_at < ?"),
                     {s.tenantId, from, to});
}

Result<qint64> AnalyticsRepository::partsCompletedBetween(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM parts WHERE tenant_id = ? AND deleted_at IS NULL AND status = 'completed' "
                                    "AND completed_at >= ? AND completed_at < ?"),
                     {s.tenantId, from, to});
}

Result<qint64> AnalyticsRepository::openJobsDueBetween(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs j WHERE j.tenant_id = ? AND j.deleted_at IS NULL AND j.status <> 'completed' "
                                    "AND %1 IS NOT NULL AND %1 >= ? AND %1 < ?")
                         .arg(kDue),
                     {s.tenantId, from, to});
}

Result<qint64> AnalyticsRepository::openBulletParts(Database &db, const Scope &s) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM parts WHERE tenant_id = ? AND deleted_at IS NULL AND is_bullet_card = 1 "
                                    "AND status <> 'completed'"),
                     {s.tenantId});
}

Result<qint64> AnalyticsRepository::operationsOverEstimate(Database &db, const Scope &s) const
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM operations WHERE tenant_id = ? AND deleted_at IS NULL AND status = 'in_progress' "
                                    "AND estimated_time > 0 AND actual_time > estimated_time"),
                     {s.tenantId});
}

Result<Rows> AnalyticsRepository::activeCells(Database &db, const Scope &s) const
{
    return db.query(QStringLiteral("SELECT id, name, sequence, wip_limit, wip_warning_threshold, enforce_wip_limit, capacity_hours_per_day "
                                   "FROM cells WHERE tenant_id = ? AND deleted_at IS NULL AND active = 1 ORDER BY sequence, name"),
                    {s.tenantId});
}

Result<Rows> AnalyticsRepository::cellLoad(Database &db, const Scope &s) const
{
    return db.query(QStringLiteral("SELECT o.cell_id, "
                                   "CAST(SUM(CASE WHEN o.status = 'in_progress' THEN 1 ELSE 0 END) AS BIGINT) AS in_progress, "
                                   "CAST(SUM(CASE WHEN o.status = 'on_hold' THEN 1 ELSE 0 END) AS BIGINT) AS on_hold, "
                                   "CAST(SUM(CASE WHEN o.status = 'not_started' THEN 1 ELSE 0 END) AS BIGINT) AS not_started, "
                                   "CAST(COALESCE(SUM(o.estimated_time), 0) AS BIGINT) AS estimated_minutes, "
                                   "CAST(COALESCE(SUM(o.actual_time), 0) AS BIGINT) AS actual_minutes, "
                                   "CAST(COALESCE(SUM(CASE WHEN o.estimated_time > o.actual_time THEN o.estimated_time - o.actual_time "
                                   "ELSE 0 END), 0) AS BIGINT) AS remaining_minutes "
                                   "FROM operations o JOIN parts p ON p.id = o.part_id "
                                   "WHERE o.tenant_id = ? AND o.deleted_at IS NULL AND p.deleted_at IS NULL AND o.status <> 'completed' "
                                   "GROUP BY o.cell_id"),
                    {s.tenantId});
}

Result<Rows> AnalyticsRepository::cellQueue(Database &db, const Scope &s, const QString &cellId, int limit) const
{
    return db.query(QStringLiteral("SELECT o.id, o.operation_name, o.sequence, o.status, o.estimated_time, o.actual_time, "
                                   "o.completion_percentage, o.planned_start, o.planned_end, o.started_at, o.assigned_operator_id, "
                                   "p.id AS part_id, p.part_number, p.quantity, p.is_bullet_card, j.id AS job_id, j.job_number, "
                                   "j.customer, %1 AS due_date "
                                   "FROM operations o JOIN parts p ON p.id = o.part_id JOIN jobs j ON j.id = p.job_id "
                                   "WHERE o.tenant_id = ? AND o.cell_id = ? AND o.deleted_at IS NULL AND p.deleted_at IS NULL "
                                   "AND j.deleted_at IS NULL AND o.status <> 'completed' "
                                   "ORDER BY CASE o.status WHEN 'in_progress' THEN 0 WHEN 'on_hold' THEN 1 ELSE 2 END, "
                                   "p.is_bullet_card DESC, CASE WHEN %1 IS NULL THEN 1 ELSE 0 END, %1, o.planned_start, j.job_number, "
                                   "p.part_number, o.sequence, o.id LIMIT %2")
                        .arg(kDue)
                        .arg(limit),
                    {s.tenantId, cellId});
}

Result<Row> AnalyticsRepository::productionTotals(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    auto rows = db.query(QStringLiteral("SELECT COUNT(*) AS reports, CAST(COALESCE(SUM(quantity_produced), 0) AS BIGINT) AS produced, "
                                        "CAST(COALESCE(SUM(quantity_good), 0) AS BIGINT) AS good, "
                                        "CAST(COALESCE(SUM(quantity_scrap), 0) AS BIGINT) AS scrap, "
                                        "CAST(COALESCE(SUM(quantity_rework), 0) AS BIGINT) AS rework "
                                        "FROM operation_quantities WHERE tenant_id = ? AND recorded_at >= ? AND recorded_at < ?"),
                         {s.tenantId, from, to});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Row{{"reports", 0}, {"produced", 0}, {"good", 0}, {"scrap", 0}, {"rework", 0}};
    return std::move(rows->front());
}

Result<Rows> AnalyticsRepository::productionReports(Database &db, const Scope &s, const QString &from, const QString &to,
                                                    const QString &cellId) const
{
    QString sql = QStringLiteral("SELECT q.id, q.recorded_at, q.quantity_produced AS produced, q.quantity_good AS good, "
                                 "q.quantity_scrap AS scrap, q.quantity_rework AS rework, q.operation_id, o.operation_name, o.cell_id, "
                                 "c.name AS cell_name, p.material, "
                                 "(SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) FROM operation_quantity_scrap_reasons l "
                                 "WHERE l.operation_quantity_id = q.id) AS lined_scrap "
                                 "FROM operation_quantities q JOIN operations o ON o.id = q.operation_id "
                                 "JOIN parts p ON p.id = o.part_id LEFT JOIN cells c ON c.id = o.cell_id "
                                 "WHERE q.tenant_id = ? AND q.recorded_at >= ? AND q.recorded_at < ?");
    QVariantList params{s.tenantId, from, to};
    if (!cellId.isEmpty()) {
        sql += QStringLiteral(" AND o.cell_id = ?");
        params << cellId;
    }
    sql += QStringLiteral(" ORDER BY q.recorded_at, q.id");
    return db.query(sql, params);
}

Result<Rows> AnalyticsRepository::scrapLines(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.query(QStringLiteral("SELECT l.scrap_reason_id, r.code, r.description, r.category, l.quantity "
                                   "FROM operation_quantity_scrap_reasons l JOIN operation_quantities q ON q.id = l.operation_quantity_id "
                                   "JOIN scrap_reasons r ON r.id = l.scrap_reason_id "
                                   "WHERE l.tenant_id = ? AND q.recorded_at >= ? AND q.recorded_at < ? ORDER BY r.code"),
                    {s.tenantId, from, to});
}

Result<Rows> AnalyticsRepository::issues(Database &db, const Scope &s, const QString &from, const QString &to) const
{
    return db.query(QStringLiteral("SELECT i.id, i.title, i.severity, i.status, i.issue_type, i.ncr_category, i.root_cause, "
                                   "i.corrective_action, i.created_at, i.reviewed_at, i.closed_at, i.operation_id, o.operation_name, "
                                   "COALESCE(i.current_cell_id, o.cell_id) AS cell_id, c.name AS cell_name "
                                   "FROM issues i JOIN operations o ON o.id = i.operation_id "
                                   "LEFT JOIN cells c ON c.id = COALESCE(i.current_cell_id, o.cell_id) "
                                   "WHERE i.tenant_id = ? AND i.created_at >= ? AND i.created_at < ? ORDER BY i.created_at, i.id"),
                    {s.tenantId, from, to});
}

Result<Rows> AnalyticsRepository::partsDueBefore(Database &db, const Scope &s, const QString &until) const
{
    return db.query(QStringLiteral("SELECT p.id AS part_id, p.part_number, p.status, p.is_bullet_card, p.quantity, j.id AS job_id, "
                                   "j.job_number, j.customer, %1 AS due_date, "
                                   "(SELECT COUNT(*) FROM operations o WHERE o.part_id = p.id AND o.deleted_at IS NULL) AS operations_total, "
                                   "(SELECT COUNT(*) FROM operations o WHERE o.part_id = p.id AND o.deleted_at IS NULL "
                                   "AND o.status = 'completed') AS operations_completed, "
                                   "n.id AS next_operation_id, n.operation_name AS next_operation_name, n.status AS next_operation_status, "
                                   "n.cell_id AS next_cell_id, nc.name AS next_cell_name "
                                   "FROM parts p JOIN jobs j ON j.id = p.job_id "
                                   "LEFT JOIN operations n ON n.id = (SELECT o.id FROM operations o WHERE o.part_id = p.id "
                                   "AND o.deleted_at IS NULL AND o.status <> 'completed' ORDER BY o.sequence, o.id LIMIT 1) "
                                   "LEFT JOIN cells nc ON nc.id = n.cell_id "
                                   "WHERE p.tenant_id = ? AND p.deleted_at IS NULL AND j.deleted_at IS NULL AND p.status <> 'completed' "
                                   "AND %1 IS NOT NULL AND %1 < ? "
                                   "ORDER BY %1, p.is_bullet_card DESC, j.job_number, p.part_number")
                        .arg(kDue),
                    {s.tenantId, until});
}

} // namespace ery::storage
