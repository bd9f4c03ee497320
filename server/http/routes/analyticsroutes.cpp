#include "http/actionroute.h"
#include "http/answers.h"
#include "http/apiserver.h"
#include "routes.h"
#include "services/services.h"

#include <functional>

using namespace ery::services;

namespace ery::http {

namespace {
const char *kTag = "Analytics";

// The query of an analytics route, read once: a name the route does not take is 400, a value that
// is not of its type (an integer, say) 422 naming it, as the service does for a value out of range.
class QueryReader {
public:
    explicit QueryReader(const Request &r) : m_r(r) { }
    int integer(const char *name, int fallback)
    {
        const QString key = QLatin1String(name);
        if (!m_r.has(key))
            return fallback;
        bool ok = false;
        const int v = m_r.q(key).trimmed().toInt(&ok);
        if (!ok) {
            m_v.add(name, QStringLiteral("%1 must be an integer").arg(key), toStd(m_r.q(key)), "type");
            return fallback;
        }
        return v;
    }
    QString text(const char *name, const QString &fallback = {})
    {
        const QString key = QLatin1String(name);
        if (!m_r.has(key))
            return fallback;
        const QString v = m_r.q(key);
        if (v.isEmpty())
            m_v.add(name, QStringLiteral("%1 must not be empty").arg(key), "", "minLength");
        return v;
    }
    const Validation &validation() const { return m_v; }

private:
    const Request &m_r;
    Validation m_v;
};

using Compute = std::function<Result<Json>(const domain::Scope &, QueryReader &)>;

// A GET whose answer is the service's object: {success, data: {...}}.
Handler figures(QStringList params, Compute compute)
{
    return [params = std::move(params), compute = std::move(compute)](Request &r) {
        for (auto it = r.query.cbegin(); it != r.query.cend(); ++it)
            if (!params.contains(it.key()))
                return Response::error(Error::badRequest(
                    QStringLiteral("Unknown query parameter \"%1\". This route takes: %2")
                        .arg(it.key().left(40), params.isEmpty() ? QStringLiteral("none") : params.join(QStringLiteral(", ")))));
        QueryReader q(r);
        auto out = compute(r.scope(), q);
        if (!q.validation().ok())
            return Response::error(q.validation().error());
        return respond(out, [](const Json &data) { return Response::ok(data); });
    };
}

// Arguments that fail to parse stop before the service runs (figures() answers them); the service
// then checks ranges and choices (422 with every bad field).
Result<Json> guard(const QueryReader &q, const std::function<Result<Json>()> &run)
{
    if (!q.validation().ok())
        return Json();
    return run();
}

RouteDoc doc(const char *summary, QStringList params)
{
    RouteDoc d;
    d.summary = QLatin1String(summary);
    d.tag = QLatin1String(kTag);
    d.queryParams = std::move(params);
    return d;
}
} // namespace

// The shop's figures for the admin workstation and integrations (read scope; a test key reads its
// sandbox). Every answer is AnalyticsService's object as documented in its header and docs/api.md.
// No /functions/v1 rows: the original had no analytics function.
void installAnalyticsRoutes(ApiServer &api)
{
    AnalyticsService &a = api.services().analytics;
    installActions(
        api.router(),
        {
            {Method::Get, "/api/v1/analytics/dashboard", nullptr, Access::Read,
             figures({}, [&a](const domain::Scope &s, QueryReader &) { return a.dashboard(s); }),
             doc("Dashboard counts: jobs, parts, operations and issues by status, active time entries, operations completed "
                 "today, jobs due within 7 days and overdue, attention items",
                 {})},
            {Method::Get, "/api/v1/analytics/qrm", nullptr, Access::Read,
             figures({"cell_id"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const QString cell = q.text("cell_id");
                         return guard(q, [&] { return a.qrm(s, cell); });
                     }),
             doc("WIP per cell (distinct jobs with open work there), its limit, utilisation and status", {"cell_id"})},
            {Method::Get, "/api/v1/analytics/production", nullptr, Access::Read,
             figures({"from", "to"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const QString from = q.text("from"), to = q.text("to");
                         return guard(q, [&] { return a.productionMetrics(s, from, to); });
                     }),
             doc("Completed jobs, parts and operations and reported quantities with yield in a period (default: the last 30 days)",
                 {"from", "to"})},
            {Method::Get, "/api/v1/analytics/issues", nullptr, Access::Read,
             figures({"days", "group_by"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         const QString by = q.text("group_by", QStringLiteral("severity"));
                         return guard(q, [&] { return a.issueAnalytics(s, days, by); });
                     }),
             doc("Issues of the last days grouped by severity, status, NCR category, cell or operation, with resolution times",
                 {"days", "group_by"})},
            {Method::Get, "/api/v1/analytics/issue-trends", nullptr, Access::Read,
             figures({"days", "interval"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         const QString interval = q.text("interval", QStringLiteral("daily"));
                         return guard(q, [&] { return a.issueTrends(s, days, interval); });
                     }),
             doc("Issues reported per day or week, by severity", {"days", "interval"})},
            {Method::Get, "/api/v1/analytics/root-causes", nullptr, Access::Read,
             figures({"days", "min_occurrences"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 90), min = q.integer("min_occurrences", 2);
                         return guard(q, [&] { return a.rootCauses(s, days, min); });
                     }),
             doc("Recurring root causes of issues, with severities, cells and sample corrective actions", {"days", "min_occurrences"})},
            {Method::Get, "/api/v1/analytics/quality-suggestions", nullptr, Access::Read,
             figures({"focus_area"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const QString focus = q.text("focus_area");
                         return guard(q, [&] { return a.qualitySuggestions(s, focus); });
                     }),
             doc("Suggestions from fixed rules: problem cells, pending high-severity issues, slow reviews, recurring NCR categories",
                 {"focus_area"})},
            {Method::Get, "/api/v1/analytics/scrap", nullptr, Access::Read,
             figures({"days", "group_by"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         const QString by = q.text("group_by", QStringLiteral("reason"));
                         return guard(q, [&] { return a.scrapAnalytics(s, days, by); });
                     }),
             doc("Scrap of the last days grouped by reason, cell, operation or material", {"days", "group_by"})},
            {Method::Get, "/api/v1/analytics/scrap-trends", nullptr, Access::Read,
             figures({"days", "interval"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         const QString interval = q.text("interval", QStringLiteral("daily"));
                         return guard(q, [&] { return a.scrapTrends(s, days, interval); });
                     }),
             doc("Produced, good, scrap and rework per day or week, with the scrap rate", {"days", "interval"})},
            {Method::Get, "/api/v1/analytics/yield", nullptr, Access::Read,
             figures({"days", "cell_id"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         const QString cell = q.text("cell_id");
                         return guard(q, [&] { return a.yieldMetrics(s, days, cell); });
                     }),
             doc("First-pass yield, scrap and rework rates, overall and per cell", {"days", "cell_id"})},
            {Method::Get, "/api/v1/analytics/scrap-pareto", nullptr, Access::Read,
             figures({"days", "top_n"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30), top = q.integer("top_n", 10);
                         return guard(q, [&] { return a.scrapPareto(s, days, top); });
                     }),
             doc("Scrap reasons by quantity with percentage and cumulative percentage", {"days", "top_n"})},
            {Method::Get, "/api/v1/analytics/quality-score", nullptr, Access::Read,
             figures({"days"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int days = q.integer("days", 30);
                         return guard(q, [&] { return a.qualityScore(s, days); });
                     }),
             doc("Quality score: 0.5 yield + 0.3 issue score + 0.2 resolution score, with its band", {"days"})},
            {Method::Get, "/api/v1/analytics/cell-capacity", nullptr, Access::Read,
             figures({"cell_id"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const QString cell = q.text("cell_id");
                         return guard(q, [&] { return a.cellCapacity(s, cell); });
                     }),
             doc("Per cell: WIP and free slots, open operations, queued and remaining estimated minutes, days of queue", {"cell_id"})},
            {Method::Get, "/api/v1/analytics/parts-due-soon", nullptr, Access::Read,
             figures({"within_days", "limit"},
                     [&a](const domain::Scope &s, QueryReader &q) {
                         const int within = q.integer("within_days", 7), limit = q.integer("limit", 50);
                         return guard(q, [&] { return a.partsDueSoon(s, within, limit); });
                     }),
             doc("Unfinished parts due within some days or overdue, with progress and the next operation", {"within_days", "limit"})},
            {Method::Get, "/api/v1/analytics/cells/{id}/queue", nullptr, Access::Read,
             [&a](Request &r) {
                 auto id = r.id();
                 if (!id)
                     return Response::error(id.error());
                 return figures({"limit"}, [&a, cell = *id](const domain::Scope &s, QueryReader &q) {
                     const int limit = q.integer("limit", 100);
                     return guard(q, [&] { return a.cellQueue(s, cell, limit); });
                 })(r);
             },
             doc("A cell's open operations: running first, then on hold, then waiting (Bullet Card first, then due date)", {"limit"})},
        });
}

} // namespace ery::http
