#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("scrap & quality");
const ToolHints kRead{true, false, true, false};

Json orNull(Json s)
{
    s["type"] = Json::array({s["type"], "null"});
    return s;
}

Json count(const char *description = nullptr)
{
    return schema::integer(0, {}, description);
}

Json percent(const char *description = nullptr)
{
    return orNull(schema::number(0, 100, description));
}

Json daysArg(int fallback)
{
    Json s = schema::integer(1, AnalyticsService::kMaxDays, "Days back from now");
    s["default"] = fallback;
    return s;
}

Json choice(const QStringList &choices, const char *description, const char *fallback)
{
    Json s = schema::oneOf(choices, description);
    if (fallback)
        s["default"] = fallback;
    return s;
}

// The window every analysis answer echoes.
std::vector<std::pair<const char *, Json>> window()
{
    return {{"days", count()}, {"since", schema::string(40)}, {"until", schema::string(40)}};
}

Json withWindow(std::initializer_list<std::pair<const char *, Json>> more, QStringList required)
{
    Json props = Json::object();
    for (const auto &[k, s] : window())
        props[k] = s;
    for (const auto &[k, s] : more)
        props[k] = s;
    required << QStringLiteral("days") << QStringLiteral("since") << QStringLiteral("until");
    return schema::object(props, required);
}

Json severityCounts()
{
    using namespace schema;
    return object({{"low", count()}, {"medium", count()}, {"high", count()}, {"critical", count()}}, {"low", "medium", "high", "critical"});
}

Json quantitiesProps()
{
    return Json{{"reports", count()},
                {"produced", count()},
                {"good", count()},
                {"scrap", count()},
                {"rework", count()},
                {"first_pass_yield_pct", percent("good / produced")},
                {"scrap_rate_pct", percent("scrap / produced")},
                {"rework_rate_pct", percent("rework / produced")}};
}

const QStringList kQuantityKeys{"reports", "produced", "good", "scrap", "rework", "first_pass_yield_pct", "scrap_rate_pct", "rework_rate_pct"};
} // namespace

void addQualityTools(ToolRegistry &r)
{
    using namespace schema;

    // --- scrap reasons and reports: the same service calls as /api/v1/scrap-reasons and /api/v1/production
    r.add({QStringLiteral("fetch_scrap_reasons"),
           kModule,
           QStringLiteral("Fetch scrap reasons"),
           QStringLiteral("The shop's scrap reason codes (code, description, category), ordered by code. Active ones only unless "
                          "active is false."),
           object({{"active", described(boolean(), "Only active reasons (default true); false lists the inactive ones")},
                   {"category", oneOf(choices::scrapCategories())},
                   {"limit", limitArg(100)},
                   {"offset", offsetArg()}}),
           page("scrap_reasons", anyObject("A scrap reason: id, code, description, category, active")),
           kRead,
           [](const ToolCall &c) {
               ListQuery q = ToolKit::listQuery(c, "code", false);
               q.limit = int(c.integer("limit", 100));
               q.eq.emplace_back(QStringLiteral("active"), c.boolean("active", true) ? 1 : 0);
               if (c.has("category"))
                   q.eq.emplace_back(QStringLiteral("category"), c.text("category"));
               return ToolKit::page(c.services.catalog.list(CatalogService::ScrapReasons, c.scope, q), "scrap_reasons", q);
           }});

    r.add({QStringLiteral("report_scrap"),
           kModule,
           QStringLiteral("Report scrap"),
           QStringLiteral("Record scrapped pieces of an operation: a production report with only scrap (produced = scrap), with its "
                          "reason as a scrap line, exactly as POST /api/v1/production does. Emits production.reported."),
           object({{"operation_id", uuid("The operation the pieces were scrapped at")},
                   {"quantity_scrap", integer(1, 1000000, "Pieces scrapped")},
                   {"scrap_reason_id", uuid("The scrap reason (fetch_scrap_reasons)")},
                   {"notes", text("Notes", 5000)},
                   {"recorded_by", uuid("The worker who reports it")}},
                  {"operation_id", "quantity_scrap"}),
           ToolKit::oneSchema("operation_quantity", "The stored report with its scrap_lines"),
           {false, false, false, false},
           [](const ToolCall &c) {
               return ToolKit::one(c.services.production.reportScrap(c.scope, c.text("operation_id"), c.integer("quantity_scrap", 0),
                                                                     c.text("scrap_reason_id"), c.text("notes"), c.text("recorded_by")),
                                   "operation_quantity");
           }});

    Json report = closed(fieldsSchema(ProductionService::fields(), true));
    report["properties"]["scrap_lines"] = described(arrayOf(closed(fieldsSchema(ProductionService::scrapLineFields(), true)), 100),
                                                    "Scrap split over reasons; the quantities add up to quantity_scrap");
    r.add({QStringLiteral("report_production"),
           kModule,
           QStringLiteral("Report production"),
           QStringLiteral("Record what an operation produced: good, scrap and rework quantities (produced = good + scrap + rework), "
                          "scrap split over reasons, material lot. The same call as POST /api/v1/production; emits production.reported."),
           report,
           ToolKit::oneSchema("operation_quantity", "The stored report with its scrap_lines"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.production.report(c.scope, c.args), "operation_quantity"); }});

    // --- scrap and yield analytics
    r.add({QStringLiteral("get_scrap_analytics"),
           kModule,
           QStringLiteral("Scrap analytics"),
           QStringLiteral("Scrap of the production reports of the last days, grouped by reason (scrap lines; scrap reported without a "
                          "reason is key \"unspecified\"), cell, operation or material, with each group's share of all scrap and, "
                          "except by reason, its scrap rate."),
           object({{"days", daysArg(30)}, {"group_by", choice(AnalyticsService::scrapGroupings(), "Grouping", "reason")}}),
           withWindow({{"group_by", oneOf(AnalyticsService::scrapGroupings())},
                       {"total_scrap", count()},
                       {"total_produced", count()},
                       {"groups", arrayOf(anyObject("key, label, category (reasons) or null, quantity_scrap, pct_of_scrap, "
                                                    "quantity_produced and scrap_rate_pct (null by reason)"))}},
                      {"group_by", "total_scrap", "total_produced", "groups"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.scrapAnalytics(c.scope, int(c.integer("days", 30)),
                                                          c.has("group_by") ? c.text("group_by") : QStringLiteral("reason"));
           }});

    Json scrapBucket = object({{"period_start", date("First day of the bucket (shop time zone)")},
                               {"produced", count()},
                               {"good", count()},
                               {"scrap", count()},
                               {"rework", count()},
                               {"scrap_rate_pct", percent()}},
                              {"period_start", "produced", "good", "scrap", "rework", "scrap_rate_pct"});
    r.add({QStringLiteral("get_scrap_trends"),
           kModule,
           QStringLiteral("Scrap trends"),
           QStringLiteral("Produced, good, scrap and rework per day or week (weeks start on Monday, shop time zone) with the scrap "
                          "rate; every bucket of the window, empty ones included, oldest first."),
           object({{"days", daysArg(30)}, {"interval", choice(AnalyticsService::intervals(), "Bucket size", "daily")}}),
           withWindow({{"interval", oneOf(AnalyticsService::intervals())}, {"buckets", arrayOf(scrapBucket, 400)}}, {"interval", "buckets"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.scrapTrends(c.scope, int(c.integer("days", 30)),
                                                       c.has("interval") ? c.text("interval") : QStringLiteral("daily"));
           }});

    Json cellYield = quantitiesProps();
    cellYield["cell_id"] = uuid();
    cellYield["cell_name"] = orNull(string(255));
    QStringList cellYieldKeys = kQuantityKeys;
    cellYieldKeys << QStringLiteral("cell_id") << QStringLiteral("cell_name");
    r.add({QStringLiteral("get_yield_metrics"),
           kModule,
           QStringLiteral("Yield metrics"),
           QStringLiteral("First-pass yield (good / produced), scrap rate and rework rate of the last days, overall and per cell; "
                          "cell_id narrows to one cell."),
           object({{"days", daysArg(30)}, {"cell_id", uuid("Only this cell")}}),
           withWindow({{"cell_id", orNull(uuid())},
                       {"overall", object(quantitiesProps(), kQuantityKeys)},
                       {"cells", arrayOf(object(cellYield, cellYieldKeys))}},
                      {"cell_id", "overall", "cells"}),
           kRead,
           [](const ToolCall &c) { return c.services.analytics.yieldMetrics(c.scope, int(c.integer("days", 30)), c.text("cell_id")); }});

    Json paretoItem = object({{"scrap_reason_id", orNull(uuid("null: scrap reported without a reason"))},
                              {"code", orNull(string(255))},
                              {"description", string(5000)},
                              {"category", orNull(string(40))},
                              {"quantity", count()},
                              {"pct", percent()},
                              {"cumulative_pct", percent()}},
                             {"scrap_reason_id", "code", "description", "category", "quantity", "pct", "cumulative_pct"});
    r.add({QStringLiteral("get_scrap_pareto"),
           kModule,
           QStringLiteral("Scrap Pareto"),
           QStringLiteral("Scrap reasons of the last days by quantity, largest first, with percentage and cumulative percentage of all "
                          "scrap; other_quantity is the scrap beyond the top_n reasons."),
           object({{"days", daysArg(30)},
                   {"top_n", [] {
                        Json s = schema::integer(1, AnalyticsService::kMaxTopN, "Reasons to list");
                        s["default"] = 10;
                        return s;
                    }()}}),
           withWindow({{"total_scrap", count()}, {"other_quantity", count()}, {"items", arrayOf(paretoItem, AnalyticsService::kMaxTopN)}},
                      {"total_scrap", "other_quantity", "items"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.scrapPareto(c.scope, int(c.integer("days", 30)), int(c.integer("top_n", 10)));
           }});

    r.add({QStringLiteral("get_quality_score"),
           kModule,
           QStringLiteral("Quality score"),
           QStringLiteral("Score 0–100 = 0.5 × yield + 0.3 × issue score + 0.2 × resolution score. Issue score = 100 − (10 × critical "
                          "+ 5 × high + 2 × medium + 1 × low) of the period's issues (rejected ones not counted); resolution score "
                          "is 100 up to 3 days average review time, falling to 0 at 10 days. Band good ≥ 80, moderate ≥ 60, else "
                          "needs_attention."),
           object({{"days", daysArg(30)}}),
           withWindow({{"score", number(0, 100)},
                       {"band", oneOf(AnalyticsService::bands())},
                       {"yield_pct", percent("null without production (100 is used)")},
                       {"issue_score", number(0, 100)},
                       {"resolution_score", number(0, 100)},
                       {"avg_resolution_days", orNull(number(0))},
                       {"issue_counts", severityCounts()},
                       {"weights", object({{"yield", number(0, 1)}, {"issues", number(0, 1)}, {"resolution", number(0, 1)}},
                                          {"yield", "issues", "resolution"})}},
                      {"score", "band", "yield_pct", "issue_score", "resolution_score", "avg_resolution_days", "issue_counts", "weights"}),
           kRead,
           [](const ToolCall &c) { return c.services.analytics.qualityScore(c.scope, int(c.integer("days", 30))); }});

    // --- issue analytics
    r.add({QStringLiteral("get_issue_analytics"),
           kModule,
           QStringLiteral("Issue analytics"),
           QStringLiteral("Issues reported in the last days grouped by severity, status, NCR category, cell or operation, largest group "
                          "first, each with counts by status and severity and the average days to resolution (approved or closed "
                          "issues, report to review)."),
           object({{"days", daysArg(30)}, {"group_by", choice(AnalyticsService::issueGroupings(), "Grouping", "severity")}}),
           withWindow({{"group_by", oneOf(AnalyticsService::issueGroupings())},
                       {"total", count()},
                       {"resolved", count()},
                       {"avg_resolution_days", orNull(number(0))},
                       {"groups", arrayOf(anyObject("key, label, count, pending, approved, rejected, closed, low, medium, high, critical, "
                                                    "avg_resolution_days"))}},
                      {"group_by", "total", "resolved", "avg_resolution_days", "groups"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.issueAnalytics(c.scope, int(c.integer("days", 30)),
                                                          c.has("group_by") ? c.text("group_by") : QStringLiteral("severity"));
           }});

    Json issueBucket = object({{"period_start", date("First day of the bucket (shop time zone)")},
                               {"total", count()},
                               {"low", count()},
                               {"medium", count()},
                               {"high", count()},
                               {"critical", count()}},
                              {"period_start", "total", "low", "medium", "high", "critical"});
    r.add({QStringLiteral("get_issue_trends"),
           kModule,
           QStringLiteral("Issue trends"),
           QStringLiteral("Issues reported per day or week by severity (weeks start on Monday, shop time zone); every bucket of the "
                          "window, oldest first."),
           object({{"days", daysArg(30)}, {"interval", choice(AnalyticsService::intervals(), "Bucket size", "daily")}}),
           withWindow({{"interval", oneOf(AnalyticsService::intervals())}, {"total", count()}, {"buckets", arrayOf(issueBucket, 400)}},
                      {"interval", "total", "buckets"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.issueTrends(c.scope, int(c.integer("days", 30)),
                                                       c.has("interval") ? c.text("interval") : QStringLiteral("daily"));
           }});

    r.add({QStringLiteral("get_root_cause_analysis"),
           kModule,
           QStringLiteral("Root cause analysis"),
           QStringLiteral("Issues' root causes grouped by their normalised text (trimmed, lower case, single spaces), those occurring "
                          "at least min_occurrences times, most frequent first: the most common severity, the cells involved and "
                          "sample corrective actions."),
           object({{"days", daysArg(90)},
                   {"min_occurrences", [] {
                        Json s = schema::integer(1, 1000, "Occurrences needed to list a cause");
                        s["default"] = 2;
                        return s;
                    }()}}),
           withWindow({{"min_occurrences", count()},
                       {"issues_with_root_cause", count()},
                       {"issues_without_root_cause", count()},
                       {"root_causes", arrayOf(anyObject("root_cause, occurrences, most_common_severity, severities, cells, "
                                                         "sample_corrective_actions, issue_ids"))}},
                      {"min_occurrences", "issues_with_root_cause", "issues_without_root_cause", "root_causes"}),
           kRead,
           [](const ToolCall &c) {
               return c.services.analytics.rootCauses(c.scope, int(c.integer("days", 90)), int(c.integer("min_occurrences", 2)));
           }});

    r.add({QStringLiteral("suggest_quality_improvements"),
           kModule,
           QStringLiteral("Suggest quality improvements"),
           QStringLiteral("Suggestions from fixed rules over the last 90 days: a cell with 3 or more issues (cell_problems), pending "
                          "high or critical issues (high_severity), issues pending for more than 7 days (slow_resolution), an NCR "
                          "category with 5 or more issues (recurring_issues). Each names its evidence (counts, issue ids)."),
           object({{"focus_area", oneOf(AnalyticsService::focusAreas(), "Only this rule family (default: all)")}}),
           object({{"focus_area", orNull(string(40))},
                   {"window_days", count()},
                   {"count", count()},
                   {"suggestions", arrayOf(object({{"rule", string(64)},
                                                   {"focus_area", oneOf(AnalyticsService::focusAreas())},
                                                   {"priority", oneOf({"high", "medium", "low"})},
                                                   {"title", string(500)},
                                                   {"detail", string(2000)},
                                                   {"evidence", anyObject("What the rule found: counts and issue ids")}},
                                                  {"rule", "focus_area", "priority", "title", "detail", "evidence"}))}},
                  {"focus_area", "window_days", "count", "suggestions"}),
           kRead,
           [](const ToolCall &c) { return c.services.analytics.qualitySuggestions(c.scope, c.text("focus_area")); }});
}

} // namespace ery::mcp
