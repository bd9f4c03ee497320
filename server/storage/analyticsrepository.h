#pragma once

#include "database.h"
#include "domain/scope.h"

namespace ery::storage {

// The read-only queries behind the shop's figures (dashboard, QRM, production, scrap and issue
// analytics). Every query is tenant-scoped and written in the SQL both engines accept; sums are
// cast to BIGINT so PostgreSQL answers integers, not numerics. Times are the schema's UTC ISO text,
// so ranges compare as text: [from, to).
class AnalyticsRepository {
public:
    // {status, n} per status of jobs / parts / operations (not deleted) or issues.
    Result<Rows> statusCounts(Database &db, const domain::Scope &s, const QString &table) const;
    Result<qint64> openTimeEntries(Database &db, const domain::Scope &s) const;
    Result<qint64> operationsCompletedBetween(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    Result<qint64> jobsCompletedBetween(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    Result<qint64> partsCompletedBetween(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    // Jobs not completed whose effective due date (override, else due date) lies in [from, to).
    Result<qint64> openJobsDueBetween(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    // Parts with the Bullet Card that are not completed; operations on hold; running operations
    // whose booked minutes exceed their estimate.
    Result<qint64> openBulletParts(Database &db, const domain::Scope &s) const;
    Result<qint64> operationsOverEstimate(Database &db, const domain::Scope &s) const;

    // Active cells (not deleted) in sequence order.
    Result<Rows> activeCells(Database &db, const domain::Scope &s) const;
    // Per cell: running (in_progress), on_hold and not_started operation counts, and the estimated
    // and booked minutes of its open operations: {cell_id, in_progress, on_hold, not_started,
    // estimated_minutes, actual_minutes, remaining_minutes}.
    Result<Rows> cellLoad(Database &db, const domain::Scope &s) const;
    // A cell's open operations with part, job and Bullet Card, running first.
    Result<Rows> cellQueue(Database &db, const domain::Scope &s, const QString &cellId, int limit) const;

    // Production report totals recorded in [from, to): {reports, produced, good, scrap, rework}.
    Result<Row> productionTotals(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    // Production reports recorded in [from, to), each with its operation's name and cell, and the
    // part's material: {id, recorded_at, produced, good, scrap, rework, operation_id,
    // operation_name, cell_id, cell_name, material, lined_scrap (scrap given a reason)}.
    Result<Rows> productionReports(Database &db, const domain::Scope &s, const QString &from, const QString &to,
                                   const QString &cellId = {}) const;
    // Scrap lines of the reports recorded in [from, to): {scrap_reason_id, code, description,
    // category, quantity}.
    Result<Rows> scrapLines(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;
    // Issues created in [from, to), with the operation's name and the issue's cell (the cell it was
    // reported in, else the operation's).
    Result<Rows> issues(Database &db, const domain::Scope &s, const QString &from, const QString &to) const;

    // Parts not completed whose job's effective due date is before `until`, soonest first, with
    // progress and the next unfinished operation.
    Result<Rows> partsDueBefore(Database &db, const domain::Scope &s, const QString &until) const;
};

} // namespace ery::storage
