#pragma once

#include "servicebase.h"

#include <QStringList>

namespace ery::services {

// The shop's figures, read-only and tenant-scoped: the dashboard, QRM/WIP per cell, production,
// scrap and issue analytics, the quality score, cell capacity and parts due soon. The REST routes
// (/api/v1/analytics/...) and the MCP dashboard and quality tools return these objects as they are,
// so the keys below are a contract.
//
// Conventions for every answer:
//  - percentages are numbers 0–100 rounded to 2 decimals, or null when their denominator is 0;
//  - a window of `days` is [now − days × 24 h, now]; `since` and `until` echo it (UTC ISO-8601);
//  - day and week buckets, and "today", are in the tenant's time zone (weeks start on Monday);
//  - minutes are minutes (the original labelled a sum of estimated minutes as hours);
//  - bad arguments are VALIDATION_ERROR with every bad field; a cell of another tenant NOT_FOUND.
// WIP has one definition, the one CatalogService::cellWip and the WIP-limit check use: distinct
// jobs with a not_started or in_progress operation in the cell; status no_limit | normal |
// warning | at_capacity (domain::wipStatus).
class AnalyticsService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;

    static constexpr int kMaxDays = 365;
    static constexpr int kMaxTopN = 100;
    static constexpr int kMaxQueue = 500;
    static const QStringList &issueGroupings(); // severity, status, ncr_category, cell, operation
    static const QStringList &scrapGroupings(); // reason, cell, operation, material
    static const QStringList &intervals();      // daily, weekly
    static const QStringList &focusAreas();     // recurring_issues, high_severity, slow_resolution, cell_problems
    static const QStringList &bands();          // good, moderate, needs_attention

    // {jobs, parts, operations: {total, not_started, in_progress, on_hold, completed},
    //  issues: {total, pending, approved, rejected, closed},
    //  active_time_entries, operations_completed_today (since local midnight),
    //  jobs_due_within_7_days (not completed, effective due date in [now, now + 7 d]),
    //  jobs_overdue (not completed, effective due date before now),
    //  attention: {bullet_parts (not completed), operations_on_hold, operations_over_estimate},
    //  today_starts_at, timezone, generated_at}
    Result<Json> dashboard(const domain::Scope &scope);

    // {cells: [{cell_id, cell_name, wip, wip_limit (int|null), wip_warning_threshold (int|null),
    //  utilisation_pct (wip / limit, null without a limit), status, enforce_wip_limit (bool),
    //  running_operations (in_progress)}], totals: {cells, wip, at_capacity, warning}}.
    // cellId (optional) narrows to that cell.
    Result<Json> qrm(const domain::Scope &scope, const QString &cellId = {});

    // from/to: ISO date or date-time (empty: the last 30 days up to now); from < to.
    // {from, to, jobs_completed, parts_completed, operations_completed (by completed_at),
    //  reports, quantity_produced, quantity_good, quantity_scrap, quantity_rework (production
    //  reports by recorded_at), yield_pct (good / produced), scrap_rate_pct, rework_rate_pct}
    Result<Json> productionMetrics(const domain::Scope &scope, const QString &from = {}, const QString &to = {});

    // Issues created in the window, grouped: {days, group_by, since, until, total, resolved,
    //  avg_resolution_days (approved or closed issues: review, else close time − created; null
    //  when none), groups: [{key, label, count, pending, approved, rejected, closed, low, medium,
    //  high, critical, avg_resolution_days}]} — groups by count, largest first; a missing
    //  NCR category, cell or operation is key "none".
    Result<Json> issueAnalytics(const domain::Scope &scope, int days = 30, const QString &groupBy = QStringLiteral("severity"));
    // {days, interval, since, until, total, buckets: [{period_start (YYYY-MM-DD), total, low,
    //  medium, high, critical}]} — every bucket of the window, empty ones included, oldest first.
    Result<Json> issueTrends(const domain::Scope &scope, int days = 30, const QString &interval = QStringLiteral("daily"));
    // Issues with a root cause, grouped by the normalised text (trimmed, lower case, single spaces):
    // {days, min_occurrences, since, until, issues_with_root_cause, issues_without_root_cause,
    //  root_causes: [{root_cause, occurrences, most_common_severity, severities {low, medium, high,
    //  critical}, cells [names], sample_corrective_actions [≤ 3], issue_ids [≤ 20]}]}.
    Result<Json> rootCauses(const domain::Scope &scope, int days = 90, int minOccurrences = 2);
    // Rules over the last 90 days (focus empty = all four):
    //  cell_problems: a cell with ≥ 3 issues; high_severity: pending high/critical issues (any age);
    //  slow_resolution: pending issues older than 7 days; recurring_issues: an NCR category with
    //  ≥ 5 issues. "Unresolved" is status pending (the original tested a status that does not exist).
    // {focus_area (string|null), window_days, count, suggestions: [{rule, focus_area, priority
    //  (high|medium|low), title, detail, evidence {…}}]}
    Result<Json> qualitySuggestions(const domain::Scope &scope, const QString &focus = {});

    // Scrap of the reports recorded in the window: {days, group_by, since, until, total_scrap,
    //  total_produced, groups: [{key, label, category (reasons; else null), quantity_scrap,
    //  pct_of_scrap, quantity_produced (null for reasons), scrap_rate_pct (null for reasons)}]}.
    // By reason the scrap lines count, and scrap reported without a reason is key "unspecified".
    Result<Json> scrapAnalytics(const domain::Scope &scope, int days = 30, const QString &groupBy = QStringLiteral("reason"));
    // {days, interval, since, until, buckets: [{period_start, produced, good, scrap, rework,
    //  scrap_rate_pct}]} — every bucket, oldest first.
    Result<Json> scrapTrends(const domain::Scope &scope, int days = 30, const QString &interval = QStringLiteral("daily"));
    // {days, cell_id (string|null), since, until, overall: {reports, produced, good, scrap, rework,
    //  first_pass_yield_pct (good / produced), scrap_rate_pct, rework_rate_pct},
    //  cells: [{cell_id, cell_name, …the same figures}]} — cells with reports, by name.
    Result<Json> yieldMetrics(const domain::Scope &scope, int days = 30, const QString &cellId = {});
    // {days, since, until, total_scrap, other_quantity (beyond top_n), items: [{scrap_reason_id
    //  (string|null: null = no reason given), code, description, category, quantity, pct,
    //  cumulative_pct}]} — largest first.
    Result<Json> scrapPareto(const domain::Scope &scope, int days = 30, int topN = 10);
    // score = 0.5·yield + 0.3·issue score + 0.2·resolution score (domain::qualityScore):
    // {days, since, until, score, band (good ≥ 80 | moderate ≥ 60 | needs_attention),
    //  yield_pct (null without production; 100 is used), issue_score (100 − 10·critical − 5·high −
    //  2·medium − 1·low of the window's issues, rejected ones not counted, floor 0),
    //  resolution_score (100 up to 3 days average, 0 from 10; 100 with nothing resolved),
    //  avg_resolution_days (number|null), issue_counts {low, medium, high, critical},
    //  weights {yield, issues, resolution}}
    Result<Json> qualityScore(const domain::Scope &scope, int days = 30);

    // {cells: [{cell_id, cell_name, wip, wip_limit, available_wip_slots (int|null), status,
    //  in_progress_operations, on_hold_operations, not_started_operations,
    //  queued_estimated_minutes (estimates of its open operations), remaining_estimated_minutes
    //  (estimate − booked, per operation, not below 0), capacity_hours_per_day,
    //  queue_days (remaining minutes / daily capacity; null without capacity), warnings [text]}]}
    Result<Json> cellCapacity(const domain::Scope &scope, const QString &cellId = {});
    // Parts not completed whose job is due (override, else due date) within withinDays or overdue:
    // {within_days, until, summary: {total, overdue, due_within_3_days, bullet_cards},
    //  parts: [{part_id, part_number, status, is_bullet_card, quantity, job_id, job_number, customer,
    //  due_date, overdue, days_until_due, operations_total, operations_completed, completion_pct,
    //  next_operation {id, operation_name, status, cell_id, cell_name} | null}]} — soonest first,
    //  at most `limit` parts (the summary counts all).
    Result<Json> partsDueSoon(const domain::Scope &scope, int withinDays = 7, int limit = 50);
    // A cell's open operations: running first, then on hold, then waiting (Bullet Card first, then
    // due date): {cell: {id, name, wip, wip_limit, status}, count, operations: [{id,
    //  operation_name, sequence, status, estimated_time, actual_time, completion_percentage,
    //  planned_start, planned_end, started_at, assigned_operator_id, part_id, part_number, quantity,
    //  is_bullet_card, job_id, job_number, customer, due_date}]}
    Result<Json> cellQueue(const domain::Scope &scope, const QString &cellId, int limit = 100);
};

} // namespace ery::services
