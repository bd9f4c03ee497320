#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("dashboard");
const ToolHints kRead{true, false, true, false};

// A value that may be null: the schema of `s` with "null" added to its type.
Json orNull(Json s)
{
    s["type"] = Json::array({s["type"], "null"});
    return s;
}

Json count(const char *description = nullptr)
{
    return schema::integer(0, {}, description);
}

Json percent(const char *description)
{
    return orNull(schema::number(0, 100, description));
}

Json workCounts()
{
    using namespace schema;
    return object({{"total", count()}, {"not_started", count()}, {"in_progress", count()}, {"on_hold", count()}, {"completed", count()}},
                  {"total", "not_started", "in_progress", "on_hold", "completed"});
}

Json wipStatusSchema()
{
    return schema::oneOf({"no_limit", "normal", "warning", "at_capacity"}, "no_limit, normal, warning (≥ threshold or ≥ 80 % of the limit), at_capacity");
}

// The cell of a call: cell_id, or cell_name resolved in the key's shop. Neither: none (all cells).
Result<QString> cellOf(const ToolCall &c, bool required)
{
    if (c.has("cell_id") && c.has("cell_name"))
        return ToolKit::invalid(QStringLiteral("cell_id"), QStringLiteral("give either cell_id or cell_name"));
    if (c.has("cell_id"))
        return c.text("cell_id");
    if (c.has("cell_name")) {
        auto cell = c.services.catalog.cellByName(c.scope, c.text("cell_name"));
        if (!cell)
            return cell.error();
        return str(*cell, "id");
    }
    if (required)
        return ToolKit::invalid(QStringLiteral("cell_id"), QStringLiteral("give either cell_id or cell_name"));
    return QString();
}

Json cellArgs()
{
    using namespace schema;
    return Json{{"cell_id", uuid("The cell's id")}, {"cell_name", described(string(255, 1), "Or the cell's name (exact)")}};
}
} // namespace

void addDashboardTools(ToolRegistry &r)
{
    using namespace schema;

    r.add({QStringLiteral("get_dashboard_stats"),
           kModule,
           QStringLiteral("Dashboard figures"),
           QStringLiteral("The shop at a glance: jobs, parts and operations by status, issues by status (pending, approved, rejected, "
                          "closed), workers clocked in, operations completed today (shop time zone), jobs due within 7 days and "
                          "overdue (not completed), and attention items (Bullet Card parts, operations on hold or over estimate)."),
           object({}),
           object({{"jobs", workCounts()},
                   {"parts", workCounts()},
                   {"operations", workCounts()},
                   {"issues", object({{"total", count()}, {"pending", count()}, {"approved", count()}, {"rejected", count()}, {"closed", count()}},
                                     {"total", "pending", "approved", "rejected", "closed"})},
                   {"active_time_entries", count("Open time entries: workers clocked in")},
                   {"operations_completed_today", count("Since local midnight")},
                   {"jobs_due_within_7_days", count()},
                   {"jobs_overdue", count()},
                   {"attention", object({{"bullet_parts", count()}, {"operations_on_hold", count()}, {"operations_over_estimate", count()}},
                                        {"bullet_parts", "operations_on_hold", "operations_over_estimate"})},
                   {"today_starts_at", string(40)},
                   {"timezone", string(64)},
                   {"generated_at", string(40)}},
                  {"jobs", "parts", "operations", "issues", "active_time_entries", "operations_completed_today", "jobs_due_within_7_days",
                   "jobs_overdue", "attention", "today_starts_at", "timezone", "generated_at"}),
           kRead,
           [](const ToolCall &c) { return c.services.analytics.dashboard(c.scope); }});

    Json qrmCell = object({{"cell_id", uuid()},
                           {"cell_name", orNull(string(255))},
                           {"wip", count("Distinct jobs with a not_started or in_progress operation in the cell")},
                           {"wip_limit", orNull(integer())},
                           {"wip_warning_threshold", orNull(integer())},
                           {"utilisation_pct", orNull(number(0, {}, "WIP / limit in %; null without a limit"))},
                           {"status", wipStatusSchema()},
                           {"enforce_wip_limit", boolean()},
                           {"running_operations", count("Operations in progress")}},
                          {"cell_id", "cell_name", "wip", "wip_limit", "wip_warning_threshold", "utilisation_pct", "status", "enforce_wip_limit",
                           "running_operations"});
    r.add({QStringLiteral("get_qrm_data"),
           kModule,
           QStringLiteral("QRM / WIP per cell"),
           QStringLiteral("Work in progress per cell against its WIP limit. WIP is the number of distinct jobs with a not_started or "
                          "in_progress operation in the cell (the same figure the WIP-limit check uses); status no_limit, normal, "
                          "warning or at_capacity. Give cell_id or cell_name for one cell."),
           object(cellArgs(), {}),
           object({{"cells", arrayOf(qrmCell)},
                   {"totals", object({{"cells", count()}, {"wip", count()}, {"at_capacity", count()}, {"warning", count()}},
                                     {"cells", "wip", "at_capacity", "warning"})}},
                  {"cells", "totals"}),
           kRead,
           [](const ToolCall &c) -> Result<Json> {
               auto cell = cellOf(c, false);
               if (!cell)
                   return cell.error();
               return c.services.analytics.qrm(c.scope, *cell);
           }});

    r.add({QStringLiteral("get_production_metrics"),
           kModule,
           QStringLiteral("Production metrics"),
           QStringLiteral("Throughput and yield in a period (default: the last 30 days): jobs, parts and operations completed, and the "
                          "production reports' produced, good, scrap and rework quantities with yield, scrap and rework rates."),
           object({{"start_date", described(string(40, 10), "Start (ISO date or date-time, UTC when no offset); default 30 days before the end")},
                   {"end_date", described(string(40, 10), "End, exclusive (ISO date or date-time); default now")}}),
           object({{"from", string(40)},
                   {"to", string(40)},
                   {"jobs_completed", count()},
                   {"parts_completed", count()},
                   {"operations_completed", count()},
                   {"reports", count("Production reports recorded in the period")},
                   {"quantity_produced", count()},
                   {"quantity_good", count()},
                   {"quantity_scrap", count()},
                   {"quantity_rework", count()},
                   {"yield_pct", percent("good / produced; null when nothing was produced")},
                   {"scrap_rate_pct", percent("scrap / produced")},
                   {"rework_rate_pct", percent("rework / produced")}},
                  {"from", "to", "jobs_completed", "parts_completed", "operations_completed", "reports", "quantity_produced", "quantity_good",
                   "quantity_scrap", "quantity_rework", "yield_pct", "scrap_rate_pct", "rework_rate_pct"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.productionMetrics(c.scope, c.text("start_date"), c.text("end_date"));
           }});

    Json capacityCell = object({{"cell_id", uuid()},
                                {"cell_name", orNull(string(255))},
                                {"wip", count()},
                                {"wip_limit", orNull(integer())},
                                {"available_wip_slots", orNull(integer(0))},
                                {"status", wipStatusSchema()},
                                {"in_progress_operations", count()},
                                {"on_hold_operations", count()},
                                {"not_started_operations", count()},
                                {"queued_estimated_minutes", count("Sum of the estimated minutes of the cell's open operations")},
                                {"remaining_estimated_minutes", count("Estimate minus booked minutes, per operation, not below 0")},
                                {"capacity_hours_per_day", number(0)},
                                {"queue_days", orNull(number(0, {}, "Remaining minutes / daily capacity"))},
                                {"warnings", arrayOf(string(500))}},
                               {"cell_id", "cell_name", "wip", "wip_limit", "available_wip_slots", "status", "in_progress_operations",
                                "on_hold_operations", "not_started_operations", "queued_estimated_minutes", "remaining_estimated_minutes",
                                "capacity_hours_per_day", "queue_days", "warnings"});
    r.add({QStringLiteral("get_cell_capacity"),
           kModule,
           QStringLiteral("Cell capacity"),
           QStringLiteral("Per cell: WIP and free WIP slots, open operations by status, queued and remaining estimated work in minutes, "
                          "and how many days of the cell's daily capacity that queue is, with warnings. Give cell_id or cell_name for "
                          "one cell."),
           object(cellArgs(), {}),
           object({{"cells", arrayOf(capacityCell)}}, {"cells"}),
           kRead,
           [](const ToolCall &c) -> Result<Json> {
               auto cell = cellOf(c, false);
               if (!cell)
                   return cell.error();
               return c.services.analytics.cellCapacity(c.scope, *cell);
           }});

    r.add({QStringLiteral("get_parts_due_soon"),
           kModule,
           QStringLiteral("Parts due soon"),
           QStringLiteral("Unfinished parts whose job is due within the given days, or overdue, soonest first: progress (operations "
                          "completed of total), the next operation and its cell, and a summary (overdue, due within 3 days, Bullet Card)."),
           object({{"due_within_days", described(integer(0, AnalyticsService::kMaxDays), "Days ahead (default 7)")},
                   {"limit", described(integer(1, AnalyticsService::kMaxQueue), "Parts to list (default 50); the summary counts all")}}),
           object({{"within_days", count()},
                   {"until", string(40)},
                   {"summary", object({{"total", count()}, {"overdue", count()}, {"due_within_3_days", count()}, {"bullet_cards", count()}},
                                      {"total", "overdue", "due_within_3_days", "bullet_cards"})},
                   {"parts", arrayOf(anyObject("A part: part_id, part_number, status, is_bullet_card, quantity, job_id, job_number, "
                                               "customer, due_date, overdue, days_until_due, operations_total, operations_completed, "
                                               "completion_pct, next_operation {id, operation_name, status, cell_id, cell_name} or null"),
                                     AnalyticsService::kMaxQueue)}},
                  {"within_days", "until", "summary", "parts"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.partsDueSoon(c.scope, int(c.integer("due_within_days", 7)), int(c.integer("limit", 50)));
           }});

    r.add({QStringLiteral("fetch_cell_queue"),
           kModule,
           QStringLiteral("Cell queue"),
           QStringLiteral("A cell's open operations (by cell_id or cell_name): running first, then on hold, then waiting — Bullet Card "
                          "parts first, then by the job's due date — each with its part, job and due date, and the cell's WIP."),
           [] {
               Json args = cellArgs();
               args["limit"] = described(integer(1, AnalyticsService::kMaxQueue), "Operations to list (default 100)");
               return object(args, {});
           }(),
           object({{"cell", object({{"id", uuid()}, {"name", orNull(string(255))}, {"wip", count()}, {"wip_limit", orNull(integer())}, {"status", wipStatusSchema()}},
                                   {"id", "name", "wip", "wip_limit", "status"})},
                   {"count", count()},
                   {"operations", arrayOf(anyObject("An open operation with part_id, part_number, quantity, is_bullet_card, job_id, "
                                                    "job_number, customer and due_date"),
                                          AnalyticsService::kMaxQueue)}},
                  {"cell", "count", "operations"}),
           kRead,
           [](const ToolCall &c) -> Result<Json> {
               auto cell = cellOf(c, true);
               if (!cell)
                   return cell.error();
               return c.services.analytics.cellQueue(c.scope, *cell, int(c.integer("limit", 100)));
           }});
}

} // namespace ery::mcp
