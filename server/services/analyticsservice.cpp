#include "analyticsservice.h"

#include "domain/rules.h"
#include "storage/database.h"
#include "storage/repositories.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
// Before every stored time: the open start of a range (a null string would bind as NULL).
const QString kBeginning = QStringLiteral("0000-01-01T00:00:00.000Z");

const QStringList kWorkStatuses{QStringLiteral("not_started"), QStringLiteral("in_progress"), QStringLiteral("on_hold"),
                                QStringLiteral("completed")};
const QStringList kIssueStatuses{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected"), QStringLiteral("closed")};
const QStringList kSeverities{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("critical")};

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

// part / whole in percent, null when there is no whole.
Json pct(qint64 part, qint64 whole)
{
    return whole > 0 ? Json(round2(100.0 * double(part) / double(whole))) : Json(nullptr);
}

// An integer column, also when a driver hands it over as text or a float.
qint64 n(const Json &row, const char *key)
{
    auto it = row.find(key);
    if (it == row.end() || it->is_null())
        return 0;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number())
        return qint64(std::llround(it->get<double>()));
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>()).toLongLong();
    if (it->is_boolean())
        return it->get<bool>() ? 1 : 0;
    return 0;
}

double real(const Json &row, const char *key)
{
    auto it = row.find(key);
    if (it == row.end() || it->is_null())
        return 0;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>()).toDouble();
    return 0;
}

Json orNull(const Json &row, const char *key)
{
    auto it = row.find(key);
    return it == row.end() ? Json(nullptr) : *it;
}

Json optionalInt(const Json &row, const char *key)
{
    auto it = row.find(key);
    if (it == row.end() || it->is_null())
        return nullptr;
    return n(row, key);
}

// The analysis window [now − days, now]: `to` is exclusive in the queries, so it is now + 1 ms.
struct Window {
    qint64 sinceMs = 0, untilMs = 0;
    QString since, until, to;
};

Window lastDays(int days)
{
    Window w;
    w.untilMs = Clock::nowMs();
    w.sinceMs = w.untilMs - qint64(days) * kDayMs;
    w.since = isoOf(w.sinceMs);
    w.until = isoOf(w.untilMs);
    w.to = isoOf(w.untilMs + 1);
    return w;
}

void checkDays(Validation &v, int days, const char *field = "days")
{
    if (days < 1 || days > AnalyticsService::kMaxDays)
        v.add(field, QStringLiteral("%1 must be between 1 and %2").arg(QLatin1String(field)).arg(AnalyticsService::kMaxDays), days, "range");
}

void checkChoice(Validation &v, const char *field, const QString &value, const QStringList &choices)
{
    if (!choices.contains(value))
        v.add(field, QStringLiteral("%1 must be one of %2").arg(QLatin1String(field), choices.join(QStringLiteral(", "))), toStd(value),
              "enum");
}

void checkCellId(Validation &v, const QString &cellId)
{
    if (!cellId.isEmpty() && !isUuid(cellId))
        v.add("cell_id", QStringLiteral("cell_id must be a UUID"), toStd(cellId), "format");
}

QTimeZone tenantZone(Database &db, const Repositories &repo, const Scope &scope)
{
    auto tenant = repo.tenants.get(db, scope.tenantId);
    if (tenant) {
        QTimeZone tz(str(*tenant, "timezone").toUtf8());
        if (tz.isValid())
            return tz;
    }
    return QTimeZone::utc();
}

QDate bucketOf(qint64 ms, const QTimeZone &tz, bool weekly)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(ms, tz).date();
    return weekly ? d.addDays(1 - d.dayOfWeek()) : d;
}

// Every bucket of the window, oldest first, keyed by its first day.
std::vector<QDate> bucketsOf(const Window &w, const QTimeZone &tz, bool weekly)
{
    std::vector<QDate> out;
    const QDate last = bucketOf(w.untilMs, tz, weekly);
    for (QDate d = bucketOf(w.sinceMs, tz, weekly); d <= last; d = d.addDays(weekly ? 7 : 1))
        out.push_back(d);
    return out;
}

// Days from an issue's creation to its review (else its close), for approved and closed issues.
std::optional<double> resolutionDays(const Json &issue)
{
    const QString status = str(issue, "status");
    if (status != QLatin1String("approved") && status != QLatin1String("closed"))
        return std::nullopt;
    QString end = str(issue, "reviewed_at");
    if (end.isEmpty())
        end = str(issue, "closed_at");
    qint64 created = 0, ended = 0;
    if (end.isEmpty() || !parseIso(str(issue, "created_at"), &created) || !parseIso(end, &ended))
        return std::nullopt;
    return std::max<double>(0.0, double(ended - created) / double(kDayMs));
}

QString normalisedCause(const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    return text.trimmed().toLower().replace(spaces, QStringLiteral(" "));
}

Json statusObject(const Rows &counts, const QStringList &statuses)
{
    Json out{{"total", 0}};
    for (const QString &s : statuses)
        out[toStd(s)] = 0;
    qint64 total = 0;
    for (const Json &r : counts) {
        const std::string s = toStd(str(r, "status"));
        if (out.contains(s))
            out[s] = n(r, "n");
        total += n(r, "n");
    }
    out["total"] = total;
    return out;
}

// Produced / good / scrap / rework sums and the rates built from them.
struct Quantities {
    qint64 reports = 0, produced = 0, good = 0, scrap = 0, rework = 0;
    void add(const Json &r)
    {
        ++reports;
        produced += n(r, "produced");
        good += n(r, "good");
        scrap += n(r, "scrap");
        rework += n(r, "rework");
    }
    Json json() const
    {
        return Json{{"reports", reports},
                    {"produced", produced},
                    {"good", good},
                    {"scrap", scrap},
                    {"rework", rework},
                    {"first_pass_yield_pct", pct(good, produced)},
                    {"scrap_rate_pct", pct(scrap, produced)},
                    {"rework_rate_pct", pct(rework, produced)}};
    }
};

// Scrap per reason from the window's lines, plus scrap reported without a reason.
struct ReasonTotal {
    Json id; // null = no reason given
    QString code, description, category;
    qint64 quantity = 0;
};

Result<std::vector<ReasonTotal>> scrapByReason(Database &db, const Repositories &repo, const Scope &scope, const Window &w)
{
    auto lines = repo.analytics.scrapLines(db, scope, w.since, w.to);
    if (!lines)
        return lines.error();
    auto reports = repo.analytics.productionReports(db, scope, w.since, w.to);
    if (!reports)
        return reports.error();
    std::vector<ReasonTotal> out;
    std::map<QString, size_t> at;
    for (const Json &l : *lines) {
        const QString id = str(l, "scrap_reason_id");
        auto it = at.find(id);
        if (it == at.end()) {
            it = at.emplace(id, out.size()).first;
            out.push_back({toStd(id), str(l, "code"), str(l, "description"), str(l, "category"), 0});
        }
        out[it->second].quantity += n(l, "quantity");
    }
    qint64 unspecified = 0;
    for (const Json &r : *reports)
        unspecified += std::max<qint64>(0, n(r, "scrap") - n(r, "lined_scrap"));
    if (unspecified > 0)
        out.push_back({nullptr, {}, QStringLiteral("No reason given"), {}, unspecified});
    std::stable_sort(out.begin(), out.end(), [](const ReasonTotal &a, const ReasonTotal &b) {
        if (a.quantity != b.quantity)
            return a.quantity > b.quantity;
        return a.code < b.code;
    });
    return out;
}

struct IssueTally {
    qint64 count = 0;
    std::map<QString, qint64> byStatus, bySeverity;
    double resolvedDays = 0;
    qint64 resolved = 0;
    void add(const Json &issue)
    {
        ++count;
        ++byStatus[str(issue, "status")];
        ++bySeverity[str(issue, "severity")];
        if (auto d = resolutionDays(issue)) {
            resolvedDays += *d;
            ++resolved;
        }
    }
    Json avgDays() const { return resolved > 0 ? Json(round2(resolvedDays / double(resolved))) : Json(nullptr); }
};

QString sevenDaysNote(qint64 ageDays)
{
    return QStringLiteral("%1 days").arg(ageDays);
}

} // namespace

const QStringList &AnalyticsService::issueGroupings()
{
    static const QStringList l{QStringLiteral("severity"), QStringLiteral("status"), QStringLiteral("ncr_category"), QStringLiteral("cell"),
                               QStringLiteral("operation")};
    return l;
}

const QStringList &AnalyticsService::scrapGroupings()
{
    static const QStringList l{QStringLiteral("reason"), QStringLiteral("cell"), QStringLiteral("operation"), QStringLiteral("material")};
    return l;
}

const QStringList &AnalyticsService::intervals()
{
    static const QStringList l{QStringLiteral("daily"), QStringLiteral("weekly")};
    return l;
}

const QStringList &AnalyticsService::focusAreas()
{
    static const QStringList l{QStringLiteral("recurring_issues"), QStringLiteral("high_severity"), QStringLiteral("slow_resolution"),
                               QStringLiteral("cell_problems")};
    return l;
}

const QStringList &AnalyticsService::bands()
{
    static const QStringList l{QStringLiteral("good"), QStringLiteral("moderate"), QStringLiteral("needs_attention")};
    return l;
}

Result<Json> AnalyticsService::dashboard(const Scope &scope)
{
    const auto &a = repo().analytics;
    Json out = Json::object();
    for (const char *table : {"jobs", "parts", "operations", "issues"}) {
        auto counts = a.statusCounts(db(), scope, QLatin1String(table));
        if (!counts)
            return counts.error();
        out[table] = statusObject(*counts, QLatin1String(table) == QLatin1String("issues") ? kIssueStatuses : kWorkStatuses);
    }
    const qint64 now = Clock::nowMs();
    const QTimeZone tz = tenantZone(db(), repo(), scope);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, tz);
    const QString todayStarts = isoOf(QDateTime(local.date(), QTime(0, 0), tz).toMSecsSinceEpoch());
    auto active = a.openTimeEntries(db(), scope);
    auto completedToday = a.operationsCompletedBetween(db(), scope, todayStarts, isoOf(now + 1));
    auto dueSoon = a.openJobsDueBetween(db(), scope, isoOf(now), isoOf(now + 7 * kDayMs + 1));
    auto overdue = a.openJobsDueBetween(db(), scope, kBeginning, isoOf(now));
    auto bullets = a.openBulletParts(db(), scope);
    auto over = a.operationsOverEstimate(db(), scope);
    for (const auto *r : {&active, &completedToday, &dueSoon, &overdue, &bullets, &over})
        if (!*r)
            return r->error();
    out["active_time_entries"] = *active;
    out["operations_completed_today"] = *completedToday;
    out["jobs_due_within_7_days"] = *dueSoon;
    out["jobs_overdue"] = *overdue;
    out["attention"] = Json{{"bullet_parts", *bullets},
                            {"operations_on_hold", out["operations"]["on_hold"]},
                            {"operations_over_estimate", *over}};
    out["today_starts_at"] = toStd(todayStarts);
    out["timezone"] = tz.id().toStdString();
    out["generated_at"] = toStd(isoOf(now));
    return out;
}

Result<Json> AnalyticsService::qrm(const Scope &scope, const QString &cellId)
{
    Validation v;
    checkCellId(v, cellId);
    if (!v.ok())
        return v.error();
    Rows cells;
    if (!cellId.isEmpty()) {
        auto cell = repo().cells.get(db(), scope, cellId, QStringLiteral("cell"));
        if (!cell)
            return cell.error();
        cells.push_back(*cell);
    } else {
        auto all = repo().analytics.activeCells(db(), scope);
        if (!all)
            return all.error();
        cells = std::move(*all);
    }
    // Every cell's WIP in one query; one cell's alone.
    QHash<QString, qint64> wipOf;
    if (cellId.isEmpty()) {
        auto all = repo().wipByCell(db(), scope);
        if (!all)
            return all.error();
        for (const Row &r : *all)
            wipOf.insert(str(r, "cell_id"), n(r, "wip"));
    } else {
        auto wip = repo().cellWip(db(), scope, cellId);
        if (!wip)
            return wip.error();
        wipOf.insert(cellId, *wip);
    }
    Json list = Json::array();
    qint64 totalWip = 0, atCapacity = 0, warning = 0;
    for (const Json &c : cells) {
        const QString id = str(c, "id");
        const qint64 wip = wipOf.value(id, 0);
        auto running = repo().runningOperationsInCell(db(), scope, id);
        if (!running)
            return running.error();
        std::optional<qint64> limit, warn;
        if (c.contains("wip_limit") && !c["wip_limit"].is_null())
            limit = n(c, "wip_limit");
        if (c.contains("wip_warning_threshold") && !c["wip_warning_threshold"].is_null())
            warn = n(c, "wip_warning_threshold");
        const QString status = wipStatus(wip, limit, warn);
        totalWip += wip;
        atCapacity += status == QLatin1String("at_capacity");
        warning += status == QLatin1String("warning");
        list.push_back(Json{{"cell_id", toStd(id)},
                            {"cell_name", orNull(c, "name")},
                            {"wip", wip},
                            {"wip_limit", limit ? Json(*limit) : Json(nullptr)},
                            {"wip_warning_threshold", warn ? Json(*warn) : Json(nullptr)},
                            {"utilisation_pct", limit && *limit > 0 ? pct(wip, *limit) : Json(nullptr)},
                            {"status", toStd(status)},
                            {"enforce_wip_limit", n(c, "enforce_wip_limit") != 0},
                            {"running_operations", *running}});
    }
    return Json{{"cells", list},
                {"totals", Json{{"cells", list.size()}, {"wip", totalWip}, {"at_capacity", atCapacity}, {"warning", warning}}}};
}

Result<Json> AnalyticsService::productionMetrics(const Scope &scope, const QString &from, const QString &to)
{
    Validation v;
    qint64 fromMs = 0, toMs = Clock::nowMs();
    if (!to.isEmpty() && !parseIso(to, &toMs))
        v.add("to", QStringLiteral("to must be an ISO-8601 date or date-time"), toStd(to), "format");
    if (from.isEmpty())
        fromMs = toMs - 30 * kDayMs;
    else if (!parseIso(from, &fromMs))
        v.add("from", QStringLiteral("from must be an ISO-8601 date or date-time"), toStd(from), "format");
    if (v.ok() && fromMs >= toMs)
        v.add("from", QStringLiteral("from must be before to"), toStd(from), "range");
    if (!v.ok())
        return v.error();
    const QString f = isoOf(fromMs), t = isoOf(toMs);
    const auto &a = repo().analytics;
    auto jobs = a.jobsCompletedBetween(db(), scope, f, t);
    auto parts = a.partsCompletedBetween(db(), scope, f, t);
    auto ops = a.operationsCompletedBetween(db(), scope, f, t);
    auto totals = a.productionTotals(db(), scope, f, t);
    for (const auto *r : {&jobs, &parts, &ops})
        if (!*r)
            return r->error();
    if (!totals)
        return totals.error();
    const qint64 produced = n(*totals, "produced"), good = n(*totals, "good"), scrap = n(*totals, "scrap"),
                 rework = n(*totals, "rework");
    return Json{{"from", toStd(f)},
                {"to", toStd(t)},
                {"jobs_completed", *jobs},
                {"parts_completed", *parts},
                {"operations_completed", *ops},
                {"reports", n(*totals, "reports")},
                {"quantity_produced", produced},
                {"quantity_good", good},
                {"quantity_scrap", scrap},
                {"quantity_rework", rework},
                {"yield_pct", pct(good, produced)},
                {"scrap_rate_pct", pct(scrap, produced)},
                {"rework_rate_pct", pct(rework, produced)}};
}

Result<Json> AnalyticsService::issueAnalytics(const Scope &scope, int days, const QString &groupBy)
{
    Validation v;
    checkDays(v, days);
    checkChoice(v, "group_by", groupBy, issueGroupings());
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto issues = repo().analytics.issues(db(), scope, w.since, w.to);
    if (!issues)
        return issues.error();
    IssueTally all;
    std::map<QString, IssueTally> tallies;
    std::map<QString, QString> labels;
    for (const Json &i : *issues) {
        all.add(i);
        QString key, label;
        if (groupBy == QLatin1String("cell")) {
            key = str(i, "cell_id");
            label = str(i, "cell_name");
        } else if (groupBy == QLatin1String("operation")) {
            key = str(i, "operation_id");
            label = str(i, "operation_name");
        } else {
            key = str(i, toStd(groupBy).c_str());
            label = key;
        }
        if (key.isEmpty())
            key = label = QStringLiteral("none");
        tallies[key].add(i);
        labels[key] = label;
    }
    std::vector<std::pair<QString, const IssueTally *>> order;
    for (const auto &[k, t] : tallies)
        order.emplace_back(k, &t);
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second->count > b.second->count; });
    Json groups = Json::array();
    for (const auto &[key, t] : order) {
        Json g{{"key", toStd(key)}, {"label", toStd(labels[key])}, {"count", t->count}};
        for (const QString &s : kIssueStatuses)
            g[toStd(s)] = t->byStatus.count(s) ? t->byStatus.at(s) : 0;
        for (const QString &s : kSeverities)
            g[toStd(s)] = t->bySeverity.count(s) ? t->bySeverity.at(s) : 0;
        g["avg_resolution_days"] = t->avgDays();
        groups.push_back(g);
    }
    return Json{{"days", days},
                {"group_by", toStd(groupBy)},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"total", all.count},
                {"resolved", all.resolved},
                {"avg_resolution_days", all.avgDays()},
                {"groups", groups}};
}

Result<Json> AnalyticsService::issueTrends(const Scope &scope, int days, const QString &interval)
{
    Validation v;
    checkDays(v, days);
    checkChoice(v, "interval", interval, intervals());
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto issues = repo().analytics.issues(db(), scope, w.since, w.to);
    if (!issues)
        return issues.error();
    const bool weekly = interval == QLatin1String("weekly");
    const QTimeZone tz = tenantZone(db(), repo(), scope);
    std::map<QDate, Json> buckets;
    for (const QDate &d : bucketsOf(w, tz, weekly)) {
        Json b{{"period_start", toStd(d.toString(Qt::ISODate))}, {"total", 0}};
        for (const QString &s : kSeverities)
            b[toStd(s)] = 0;
        buckets.emplace(d, b);
    }
    for (const Json &i : *issues) {
        auto it = buckets.find(bucketOf(isoMs(str(i, "created_at")), tz, weekly));
        if (it == buckets.end())
            continue;
        it->second["total"] = n(it->second, "total") + 1;
        const std::string sev = toStd(str(i, "severity"));
        if (it->second.contains(sev))
            it->second[sev] = n(it->second, sev.c_str()) + 1;
    }
    Json list = Json::array();
    for (auto &[d, b] : buckets)
        list.push_back(std::move(b));
    return Json{{"days", days},
                {"interval", toStd(interval)},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"total", issues->size()},
                {"buckets", list}};
}

Result<Json> AnalyticsService::rootCauses(const Scope &scope, int days, int minOccurrences)
{
    Validation v;
    checkDays(v, days);
    if (minOccurrences < 1 || minOccurrences > 1000)
        v.add("min_occurrences", QStringLiteral("min_occurrences must be between 1 and 1000"), minOccurrences, "range");
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto issues = repo().analytics.issues(db(), scope, w.since, w.to);
    if (!issues)
        return issues.error();
    struct Cause {
        qint64 count = 0;
        std::map<QString, qint64> severities;
        QStringList cells, actions, ids;
    };
    std::map<QString, Cause> causes;
    qint64 with = 0, without = 0;
    for (const Json &i : *issues) {
        const QString cause = normalisedCause(str(i, "root_cause"));
        if (cause.isEmpty()) {
            ++without;
            continue;
        }
        ++with;
        Cause &c = causes[cause];
        ++c.count;
        ++c.severities[str(i, "severity")];
        const QString cell = str(i, "cell_name");
        if (!cell.isEmpty() && !c.cells.contains(cell))
            c.cells << cell;
        const QString action = str(i, "corrective_action").trimmed();
        if (!action.isEmpty() && c.actions.size() < 3 && !c.actions.contains(action))
            c.actions << action;
        if (c.ids.size() < 20)
            c.ids << str(i, "id");
    }
    std::vector<std::pair<QString, const Cause *>> order;
    for (const auto &[k, c] : causes)
        if (c.count >= minOccurrences)
            order.emplace_back(k, &c);
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second->count > b.second->count; });
    Json list = Json::array();
    auto strings = [](const QStringList &l) {
        Json a = Json::array();
        for (const QString &s : l)
            a.push_back(toStd(s));
        return a;
    };
    for (const auto &[cause, c] : order) {
        // The most common severity; a tie goes to the more severe.
        QString top;
        qint64 best = -1;
        Json sev = Json::object();
        for (const QString &s : kSeverities) {
            const qint64 k = c->severities.count(s) ? c->severities.at(s) : 0;
            sev[toStd(s)] = k;
            if (k > 0 && k >= best) {
                best = k;
                top = s;
            }
        }
        list.push_back(Json{{"root_cause", toStd(cause)},
                            {"occurrences", c->count},
                            {"most_common_severity", toStd(top)},
                            {"severities", sev},
                            {"cells", strings(c->cells)},
                            {"sample_corrective_actions", strings(c->actions)},
                            {"issue_ids", strings(c->ids)}});
    }
    return Json{{"days", days},
                {"min_occurrences", minOccurrences},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"issues_with_root_cause", with},
                {"issues_without_root_cause", without},
                {"root_causes", list}};
}

Result<Json> AnalyticsService::qualitySuggestions(const Scope &scope, const QString &focus)
{
    Validation v;
    if (!focus.isEmpty())
        checkChoice(v, "focus_area", focus, focusAreas());
    if (!v.ok())
        return v.error();
    constexpr int kWindowDays = 90;
    const Window w = lastDays(kWindowDays);
    auto recent = repo().analytics.issues(db(), scope, w.since, w.to);
    if (!recent)
        return recent.error();
    // Pending issues of any age: an old unresolved issue matters more, not less.
    auto everything = repo().analytics.issues(db(), scope, kBeginning, w.to);
    if (!everything)
        return everything.error();
    Rows pending;
    for (const Json &i : *everything)
        if (str(i, "status") == QLatin1String("pending"))
            pending.push_back(i);

    const bool all = focus.isEmpty();
    Json list = Json::array();
    auto ids = [](const Rows &rows) {
        Json a = Json::array();
        for (const Json &r : rows)
            if (a.size() < 20)
                a.push_back(r["id"]);
        return a;
    };

    if (all || focus == QLatin1String("cell_problems")) {
        std::map<QString, Rows> byCell;
        std::map<QString, QString> names;
        for (const Json &i : *recent) {
            const QString cell = str(i, "cell_id");
            if (cell.isEmpty())
                continue;
            byCell[cell].push_back(i);
            names[cell] = str(i, "cell_name");
        }
        for (const auto &[cell, rows] : byCell) {
            if (rows.size() < 3)
                continue;
            Json sev = Json::object();
            qint64 critical = 0;
            for (const QString &s : kSeverities)
                sev[toStd(s)] = 0;
            for (const Json &i : rows) {
                const std::string s = toStd(str(i, "severity"));
                sev[s] = n(sev, s.c_str()) + 1;
                critical += s == "critical";
            }
            list.push_back(Json{
                {"rule", "cell_issue_count"},
                {"focus_area", "cell_problems"},
                {"priority", rows.size() >= 6 || critical > 0 ? "high" : "medium"},
                {"title", toStd(QStringLiteral("Review the process in %1").arg(names[cell]))},
                {"detail", toStd(QStringLiteral("%1 issues were reported in %2 in the last %3 days. Check its machines, fixtures and "
                                                "work instructions, and whether the issues share a cause.")
                                     .arg(rows.size())
                                     .arg(names[cell])
                                     .arg(kWindowDays))},
                {"evidence", Json{{"cell_id", toStd(cell)}, {"cell_name", toStd(names[cell])}, {"issues", rows.size()}, {"severities", sev},
                                  {"issue_ids", ids(rows)}}}});
        }
    }
    if (all || focus == QLatin1String("high_severity")) {
        Rows serious;
        qint64 critical = 0;
        for (const Json &i : pending) {
            const QString s = str(i, "severity");
            if (s == QLatin1String("high") || s == QLatin1String("critical")) {
                serious.push_back(i);
                critical += s == QLatin1String("critical");
            }
        }
        if (!serious.empty())
            list.push_back(Json{
                {"rule", "unresolved_high_severity"},
                {"focus_area", "high_severity"},
                {"priority", critical > 0 ? "high" : "medium"},
                {"title", toStd(QStringLiteral("Review %1 pending high or critical issues").arg(serious.size()))},
                {"detail", toStd(QStringLiteral("%1 critical and %2 high issues wait for a review. Decide on each (approve with a "
                                                "disposition, or reject) so the work they block can continue.")
                                     .arg(critical)
                                     .arg(qint64(serious.size()) - critical))},
                {"evidence", Json{{"issues", serious.size()},
                                  {"critical", critical},
                                  {"high", qint64(serious.size()) - critical},
                                  {"issue_ids", ids(serious)}}}});
    }
    if (all || focus == QLatin1String("slow_resolution")) {
        Rows old;
        qint64 oldestDays = 0;
        for (const Json &i : pending) {
            const qint64 age = (w.untilMs - isoMs(str(i, "created_at"), w.untilMs)) / kDayMs;
            if (age > 7) {
                old.push_back(i);
                oldestDays = std::max(oldestDays, age);
            }
        }
        if (!old.empty())
            list.push_back(Json{
                {"rule", "open_longer_than_7_days"},
                {"focus_area", "slow_resolution"},
                {"priority", oldestDays > 14 ? "high" : "medium"},
                {"title", toStd(QStringLiteral("%1 issues pending for more than 7 days").arg(old.size()))},
                {"detail", toStd(QStringLiteral("The oldest has waited %1. Set a review routine (for example daily at shift change) "
                                                "and a target of 3 days from report to decision.")
                                     .arg(sevenDaysNote(oldestDays)))},
                {"evidence", Json{{"issues", old.size()}, {"oldest_days", oldestDays}, {"issue_ids", ids(old)}}}});
    }
    if (all || focus == QLatin1String("recurring_issues")) {
        std::map<QString, Rows> byCategory;
        for (const Json &i : *recent) {
            const QString cat = str(i, "ncr_category");
            if (!cat.isEmpty())
                byCategory[cat].push_back(i);
        }
        for (const auto &[cat, rows] : byCategory) {
            if (rows.size() < 5)
                continue;
            list.push_back(Json{
                {"rule", "recurring_ncr_category"},
                {"focus_area", "recurring_issues"},
                {"priority", rows.size() >= 10 ? "high" : "medium"},
                {"title", toStd(QStringLiteral("Recurring %1 NCRs").arg(QString(cat).replace(QLatin1Char('_'), QLatin1Char(' '))))},
                {"detail", toStd(QStringLiteral("%1 issues of category %2 in the last %3 days. Run a root cause analysis across them and "
                                                "add a preventive action to the routing or the supplier agreement.")
                                     .arg(rows.size())
                                     .arg(cat)
                                     .arg(kWindowDays))},
                {"evidence", Json{{"ncr_category", toStd(cat)}, {"issues", rows.size()}, {"issue_ids", ids(rows)}}}});
        }
    }
    return Json{{"focus_area", focus.isEmpty() ? Json(nullptr) : Json(toStd(focus))},
                {"window_days", kWindowDays},
                {"count", list.size()},
                {"suggestions", list}};
}

Result<Json> AnalyticsService::scrapAnalytics(const Scope &scope, int days, const QString &groupBy)
{
    Validation v;
    checkDays(v, days);
    checkChoice(v, "group_by", groupBy, scrapGroupings());
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto reports = repo().analytics.productionReports(db(), scope, w.since, w.to);
    if (!reports)
        return reports.error();
    Quantities total;
    for (const Json &r : *reports)
        total.add(r);
    Json groups = Json::array();
    if (groupBy == QLatin1String("reason")) {
        auto reasons = scrapByReason(db(), repo(), scope, w);
        if (!reasons)
            return reasons.error();
        for (const ReasonTotal &r : *reasons)
            groups.push_back(Json{{"key", r.id.is_null() ? Json("unspecified") : r.id},
                                  {"label", toStd(r.code.isEmpty() ? r.description : r.code + QStringLiteral(" — ") + r.description)},
                                  {"category", r.category.isEmpty() ? Json(nullptr) : Json(toStd(r.category))},
                                  {"quantity_scrap", r.quantity},
                                  {"pct_of_scrap", pct(r.quantity, total.scrap)},
                                  {"quantity_produced", nullptr},
                                  {"scrap_rate_pct", nullptr}});
    } else {
        const char *keyCol = groupBy == QLatin1String("cell") ? "cell_id" : groupBy == QLatin1String("operation") ? "operation_id" : "material";
        const char *labelCol = groupBy == QLatin1String("cell") ? "cell_name" : groupBy == QLatin1String("operation") ? "operation_name" : "material";
        std::map<QString, Quantities> by;
        std::map<QString, QString> labels;
        for (const Json &r : *reports) {
            QString key = str(r, keyCol);
            if (key.isEmpty())
                key = QStringLiteral("none");
            by[key].add(r);
            labels[key] = str(r, labelCol);
        }
        std::vector<std::pair<QString, const Quantities *>> order;
        for (const auto &[k, q] : by)
            order.emplace_back(k, &q);
        std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second->scrap > b.second->scrap; });
        for (const auto &[key, q] : order)
            groups.push_back(Json{{"key", toStd(key)},
                                  {"label", toStd(labels[key])},
                                  {"category", nullptr},
                                  {"quantity_scrap", q->scrap},
                                  {"pct_of_scrap", pct(q->scrap, total.scrap)},
                                  {"quantity_produced", q->produced},
                                  {"scrap_rate_pct", pct(q->scrap, q->produced)}});
    }
    return Json{{"days", days},
                {"group_by", toStd(groupBy)},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"total_scrap", total.scrap},
                {"total_produced", total.produced},
                {"groups", groups}};
}

Result<Json> AnalyticsService::scrapTrends(const Scope &scope, int days, const QString &interval)
{
    Validation v;
    checkDays(v, days);
    checkChoice(v, "interval", interval, intervals());
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto reports = repo().analytics.productionReports(db(), scope, w.since, w.to);
    if (!reports)
        return reports.error();
    const bool weekly = interval == QLatin1String("weekly");
    const QTimeZone tz = tenantZone(db(), repo(), scope);
    std::map<QDate, Quantities> buckets;
    for (const QDate &d : bucketsOf(w, tz, weekly))
        buckets.emplace(d, Quantities{});
    for (const Json &r : *reports) {
        auto it = buckets.find(bucketOf(isoMs(str(r, "recorded_at")), tz, weekly));
        if (it != buckets.end())
            it->second.add(r);
    }
    Json list = Json::array();
    for (const auto &[d, q] : buckets)
        list.push_back(Json{{"period_start", toStd(d.toString(Qt::ISODate))},
                            {"produced", q.produced},
                            {"good", q.good},
                            {"scrap", q.scrap},
                            {"rework", q.rework},
                            {"scrap_rate_pct", pct(q.scrap, q.produced)}});
    return Json{{"days", days}, {"interval", toStd(interval)}, {"since", toStd(w.since)}, {"until", toStd(w.until)}, {"buckets", list}};
}

Result<Json> AnalyticsService::yieldMetrics(const Scope &scope, int days, const QString &cellId)
{
    Validation v;
    checkDays(v, days);
    checkCellId(v, cellId);
    if (!v.ok())
        return v.error();
    if (!cellId.isEmpty()) {
        auto cell = repo().cells.get(db(), scope, cellId, QStringLiteral("cell"));
        if (!cell)
            return cell.error();
    }
    const Window w = lastDays(days);
    auto reports = repo().analytics.productionReports(db(), scope, w.since, w.to, cellId);
    if (!reports)
        return reports.error();
    Quantities overall;
    std::map<QString, Quantities> byCell;
    std::map<QString, QString> names;
    for (const Json &r : *reports) {
        overall.add(r);
        byCell[str(r, "cell_id")].add(r);
        names[str(r, "cell_id")] = str(r, "cell_name");
    }
    std::vector<QString> order;
    for (const auto &[id, q] : byCell)
        order.push_back(id);
    std::sort(order.begin(), order.end(), [&](const QString &a, const QString &b) { return names[a] < names[b]; });
    Json cells = Json::array();
    for (const QString &id : order) {
        // Reports on operations that have no cell yet are counted together, under no cell.
        Json c{{"cell_id", id.isEmpty() ? Json(nullptr) : Json(toStd(id))}, {"cell_name", id.isEmpty() ? Json(nullptr) : Json(toStd(names[id]))}};
        c.update(byCell[id].json());
        cells.push_back(c);
    }
    return Json{{"days", days},
                {"cell_id", cellId.isEmpty() ? Json(nullptr) : Json(toStd(cellId))},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"overall", overall.json()},
                {"cells", cells}};
}

Result<Json> AnalyticsService::scrapPareto(const Scope &scope, int days, int topN)
{
    Validation v;
    checkDays(v, days);
    if (topN < 1 || topN > kMaxTopN)
        v.add("top_n", QStringLiteral("top_n must be between 1 and %1").arg(kMaxTopN), topN, "range");
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto reasons = scrapByReason(db(), repo(), scope, w);
    if (!reasons)
        return reasons.error();
    qint64 total = 0;
    for (const ReasonTotal &r : *reasons)
        total += r.quantity;
    Json items = Json::array();
    qint64 running = 0, other = 0;
    for (size_t i = 0; i < reasons->size(); ++i) {
        const ReasonTotal &r = (*reasons)[i];
        if (int(i) >= topN) {
            other += r.quantity;
            continue;
        }
        running += r.quantity;
        items.push_back(Json{{"scrap_reason_id", r.id},
                             {"code", r.code.isEmpty() ? Json(nullptr) : Json(toStd(r.code))},
                             {"description", toStd(r.description)},
                             {"category", r.category.isEmpty() ? Json(nullptr) : Json(toStd(r.category))},
                             {"quantity", r.quantity},
                             {"pct", pct(r.quantity, total)},
                             {"cumulative_pct", pct(running, total)}});
    }
    return Json{{"days", days},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"total_scrap", total},
                {"other_quantity", other},
                {"items", items}};
}

Result<Json> AnalyticsService::qualityScore(const Scope &scope, int days)
{
    Validation v;
    checkDays(v, days);
    if (!v.ok())
        return v.error();
    const Window w = lastDays(days);
    auto totals = repo().analytics.productionTotals(db(), scope, w.since, w.to);
    if (!totals)
        return totals.error();
    auto issues = repo().analytics.issues(db(), scope, w.since, w.to);
    if (!issues)
        return issues.error();
    const qint64 produced = n(*totals, "produced"), good = n(*totals, "good");
    const Json yieldPct = pct(good, produced);
    std::map<QString, int> counts;
    IssueTally tally;
    for (const Json &i : *issues) {
        tally.add(i);
        if (str(i, "status") != QLatin1String("rejected"))
            ++counts[str(i, "severity")];
    }
    const double yieldValue = yieldPct.is_null() ? 100.0 : yieldPct.get<double>();
    const double issues100 = issueScore(counts["critical"], counts["high"], counts["medium"], counts["low"]);
    const Json avgDays = tally.avgDays();
    const double resolution100 = avgDays.is_null() ? 100.0 : resolutionScore(tally.resolvedDays / double(tally.resolved));
    const double score = round2(domain::qualityScore(yieldValue, issues100, resolution100));
    const char *band = score >= 80.0 ? "good" : score >= 60.0 ? "moderate" : "needs_attention";
    Json issueCounts = Json::object();
    for (const QString &s : kSeverities)
        issueCounts[toStd(s)] = counts[s];
    return Json{{"days", days},
                {"since", toStd(w.since)},
                {"until", toStd(w.until)},
                {"score", score},
                {"band", band},
                {"yield_pct", yieldPct},
                {"issue_score", round2(issues100)},
                {"resolution_score", round2(resolution100)},
                {"avg_resolution_days", avgDays},
                {"issue_counts", issueCounts},
                {"weights", Json{{"yield", 0.5}, {"issues", 0.3}, {"resolution", 0.2}}}};
}

Result<Json> AnalyticsService::cellCapacity(const Scope &scope, const QString &cellId)
{
    auto wip = qrm(scope, cellId);
    if (!wip)
        return wip.error();
    Rows cells;
    if (!cellId.isEmpty()) {
        auto cell = repo().cells.get(db(), scope, cellId, QStringLiteral("cell"));
        if (!cell)
            return cell.error();
        cells.push_back(*cell);
    } else {
        auto all = repo().analytics.activeCells(db(), scope);
        if (!all)
            return all.error();
        cells = std::move(*all);
    }
    auto load = repo().analytics.cellLoad(db(), scope);
    if (!load)
        return load.error();
    std::map<QString, Json> loadOf;
    for (const Json &l : *load)
        loadOf[str(l, "cell_id")] = l;
    Json list = Json::array();
    for (size_t i = 0; i < cells.size(); ++i) {
        const Json &c = cells[i];
        const Json &w = (*wip)["cells"][i];
        const Json l = loadOf.count(str(c, "id")) ? loadOf[str(c, "id")] : Json::object();
        const double capacity = real(c, "capacity_hours_per_day");
        const qint64 remaining = n(l, "remaining_minutes");
        Json freeSlots = nullptr;
        if (w["wip_limit"].is_number())
            freeSlots = std::max<qint64>(0, n(w, "wip_limit") - n(w, "wip"));
        Json warnings = Json::array();
        if (w["status"] == "at_capacity")
            warnings.push_back(toStd(QStringLiteral("At its WIP limit (%1 of %2 jobs)").arg(n(w, "wip")).arg(n(w, "wip_limit"))));
        else if (w["status"] == "warning")
            warnings.push_back(toStd(QStringLiteral("Near its WIP limit (%1 of %2 jobs)").arg(n(w, "wip")).arg(n(w, "wip_limit"))));
        if (n(l, "on_hold") > 0)
            warnings.push_back(toStd(QStringLiteral("%1 operations on hold").arg(n(l, "on_hold"))));
        if (capacity > 0 && remaining > capacity * 60.0 * 5)
            warnings.push_back(toStd(QStringLiteral("More than 5 days of estimated work queued")));
        list.push_back(Json{{"cell_id", c["id"]},
                            {"cell_name", orNull(c, "name")},
                            {"wip", w["wip"]},
                            {"wip_limit", w["wip_limit"]},
                            {"available_wip_slots", freeSlots},
                            {"status", w["status"]},
                            {"in_progress_operations", n(l, "in_progress")},
                            {"on_hold_operations", n(l, "on_hold")},
                            {"not_started_operations", n(l, "not_started")},
                            {"queued_estimated_minutes", n(l, "estimated_minutes")},
                            {"remaining_estimated_minutes", remaining},
                            {"capacity_hours_per_day", capacity},
                            {"queue_days", capacity > 0 ? Json(round2(double(remaining) / (capacity * 60.0))) : Json(nullptr)},
                            {"warnings", warnings}});
    }
    return Json{{"cells", list}};
}

Result<Json> AnalyticsService::partsDueSoon(const Scope &scope, int withinDays, int limit)
{
    Validation v;
    if (withinDays < 0 || withinDays > kMaxDays)
        v.add("within_days", QStringLiteral("within_days must be between 0 and %1").arg(kMaxDays), withinDays, "range");
    if (limit < 1 || limit > kMaxQueue)
        v.add("limit", QStringLiteral("limit must be between 1 and %1").arg(kMaxQueue), limit, "range");
    if (!v.ok())
        return v.error();
    const qint64 now = Clock::nowMs();
    const QString until = isoOf(now + qint64(withinDays) * kDayMs);
    auto rows = repo().analytics.partsDueBefore(db(), scope, isoOf(now + qint64(withinDays) * kDayMs + 1));
    if (!rows)
        return rows.error();
    qint64 overdue = 0, within3 = 0, bullets = 0;
    Json parts = Json::array();
    for (const Json &r : *rows) {
        qint64 due = 0;
        parseIso(str(r, "due_date"), &due);
        const bool late = due < now;
        const double daysLeft = round2(double(due - now) / double(kDayMs));
        overdue += late;
        within3 += !late && due <= now + 3 * kDayMs;
        const bool bullet = n(r, "is_bullet_card") != 0;
        bullets += bullet;
        if (qint64(parts.size()) >= limit)
            continue;
        const qint64 total = n(r, "operations_total"), done = n(r, "operations_completed");
        Json next = nullptr;
        if (!str(r, "next_operation_id").isEmpty())
            next = Json{{"id", r["next_operation_id"]},
                        {"operation_name", orNull(r, "next_operation_name")},
                        {"status", orNull(r, "next_operation_status")},
                        {"cell_id", orNull(r, "next_cell_id")},
                        {"cell_name", orNull(r, "next_cell_name")}};
        parts.push_back(Json{{"part_id", r["part_id"]},
                             {"part_number", r["part_number"]},
                             {"status", r["status"]},
                             {"is_bullet_card", bullet},
                             {"quantity", n(r, "quantity")},
                             {"job_id", r["job_id"]},
                             {"job_number", r["job_number"]},
                             {"customer", orNull(r, "customer")},
                             {"due_date", r["due_date"]},
                             {"overdue", late},
                             {"days_until_due", daysLeft},
                             {"operations_total", total},
                             {"operations_completed", done},
                             {"completion_pct", pct(done, total)},
                             {"next_operation", next}});
    }
    return Json{{"within_days", withinDays},
                {"until", toStd(until)},
                {"summary", Json{{"total", rows->size()}, {"overdue", overdue}, {"due_within_3_days", within3}, {"bullet_cards", bullets}}},
                {"parts", parts}};
}

Result<Json> AnalyticsService::cellQueue(const Scope &scope, const QString &cellId, int limit)
{
    Validation v;
    if (cellId.isEmpty())
        v.add("cell_id", QStringLiteral("cell_id is required"), nullptr, "required");
    checkCellId(v, cellId);
    if (limit < 1 || limit > kMaxQueue)
        v.add("limit", QStringLiteral("limit must be between 1 and %1").arg(kMaxQueue), limit, "range");
    if (!v.ok())
        return v.error();
    auto wip = qrm(scope, cellId);
    if (!wip)
        return wip.error();
    auto ops = repo().analytics.cellQueue(db(), scope, cellId, limit);
    if (!ops)
        return ops.error();
    Json list = Json::array();
    for (Json o : *ops) {
        o["is_bullet_card"] = n(o, "is_bullet_card") != 0;
        list.push_back(std::move(o));
    }
    const Json &c = (*wip)["cells"][0];
    return Json{{"cell", Json{{"id", c["cell_id"]}, {"name", c["cell_name"]}, {"wip", c["wip"]}, {"wip_limit", c["wip_limit"]}, {"status", c["status"]}}},
                {"count", list.size()},
                {"operations", list}};
}

} // namespace ery::services
