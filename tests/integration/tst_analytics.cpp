#include "testshop.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// AnalyticsService on a built shop with hand-counted figures, on SQLite and PostgreSQL.
//
// The shop: TestShop's J-100 (part of 5, Laser → Bending → Welding, 30 estimated minutes each) with
// its Laser operation started by Olga and completed; J-200 due in 2 days and J-300 due yesterday,
// both untouched. Production reports (all now):
//   J-100 Laser:   good 8, scrap 2 (reason A-1)                 → produced 10
//   J-100 Bending: good 5, rework 1, scrap 4 (A-1 × 1, B-1 × 3) → produced 10
//   J-100 Welding: scrap 1 without a reason                     → produced 1
// so produced 21, good 13, scrap 7, rework 1; yield 61.90 %, scrap rate 33.33 %.
// Issues, all on the Laser operation: high, reported 5 days ago and approved now (5 days to
// resolve); critical, reported 8 days ago, still pending; low, reported now and rejected.
class TestAnalytics : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dashboardCounts();
    void qrmUsesTheOneWipDefinition();
    void productionMetricsAndYield();
    void scrapByReasonCellAndPareto();
    void scrapTrendsPutReportsInTodaysBucket();
    void issueAnalyticsAndTrends();
    void rootCausesAreNormalised();
    void qualityScoreIsTheWeightedSum();
    void suggestionsFollowTheRules();
    void cellCapacityInMinutes();
    void partsDueSoonAndCellQueue();
    void badArgumentsAreValidationErrors();
    void anotherTenantSeesOnlyItsOwnNumbers();

private:
    void build();
    std::unique_ptr<TestShop> shop;
    QString reasonA, reasonB, j200, j300, issueHigh, issueCritical, issueLow;
};

namespace {
constexpr qint64 kDay = 24LL * 3600 * 1000;

QString inDays(double days)
{
    return isoOf(Clock::nowMs() + qint64(days * double(kDay)));
}

int n(const Json &row, const char *key)
{
    return int(num(row, key));
}

double d(const Json &v)
{
    return v.get<double>();
}

const Json *group(const Json &groups, const char *key)
{
    for (const Json &g : groups)
        if (g["key"] == key)
            return &g;
    return nullptr;
}
} // namespace

void TestAnalytics::init()
{
    Clock::setOffsetMs(0);
    shop = TestShop::create();
    build();
}

void TestAnalytics::cleanup()
{
    Clock::setOffsetMs(0);
    shop.reset();
}

void TestAnalytics::build()
{
    Services &s = shop->s();
    const Scope &sc = shop->scope;
    auto a = s.catalog.create(CatalogService::ScrapReasons, sc, Json{{"code", "A-1"}, {"description", "Burn marks"}, {"category", "process"}});
    auto b = s.catalog.create(CatalogService::ScrapReasons, sc, Json{{"code", "B-1"}, {"description", "Wrong material"}, {"category", "material"}});
    QVERIFY(a && b);
    reasonA = str(*a, "id");
    reasonB = str(*b, "id");

    Row job2 = shop->makeJob(sc, QStringLiteral("J-200"));
    Row job3 = shop->makeJob(sc, QStringLiteral("J-300"));
    j200 = str(job2, "id");
    j300 = str(job3, "id");
    ERY_VERIFY_OK(s.jobs.update(sc, j200, Json{{"due_date", toStd(inDays(2))}}));
    ERY_VERIFY_OK(s.jobs.update(sc, j300, Json{{"due_date", toStd(inDays(-1))}}));

    ERY_VERIFY_OK(s.operations.start(sc, shop->ops[0], shop->op1));
    ERY_VERIFY_OK(s.operations.complete(sc, shop->ops[0], shop->op1));

    ERY_VERIFY_OK(s.production.report(sc, Json{{"operation_id", toStd(shop->ops[0])},
                                                {"quantity_good", 8},
                                                {"quantity_scrap", 2},
                                                {"scrap_reason_id", toStd(reasonA)}}));
    ERY_VERIFY_OK(s.production.report(sc, Json{{"operation_id", toStd(shop->ops[1])},
                                                {"quantity_good", 5},
                                                {"quantity_rework", 1},
                                                {"quantity_scrap", 4},
                                                {"scrap_lines", Json::array({Json{{"scrap_reason_id", toStd(reasonA)}, {"quantity", 1}},
                                                                             Json{{"scrap_reason_id", toStd(reasonB)}, {"quantity", 3}}})}}));
    ERY_VERIFY_OK(s.production.report(sc, Json{{"operation_id", toStd(shop->ops[2])}, {"quantity_scrap", 1}}));

    auto issue = [&](const char *severity, const char *rootCause, const char *action, const char *category) {
        Json in{{"operation_id", toStd(shop->ops[0])}, {"created_by", toStd(shop->op1)}, {"severity", severity},
                {"title", "Defect"},                   {"description", "Found at inspection"}};
        if (rootCause)
            in["root_cause"] = rootCause;
        if (action)
            in["corrective_action"] = action;
        if (category) {
            in["issue_type"] = "ncr";
            in["ncr_category"] = category;
        }
        auto r = s.issues.create(sc, in);
        if (!r)
            qWarning("issue: %s", qPrintable(r.error().message));
        return r ? str(*r, "id") : QString();
    };
    Clock::setOffsetMs(-8 * kDay);
    issueCritical = issue("critical", "worn cutting tool ", nullptr, "dimensional");
    Clock::setOffsetMs(-5 * kDay);
    issueHigh = issue("high", "  Worn   Cutting tool", "Replace the nozzle", "dimensional");
    Clock::setOffsetMs(0);
    issueLow = issue("low", "Operator error", nullptr, nullptr);
    QVERIFY(!issueCritical.isEmpty() && !issueHigh.isEmpty() && !issueLow.isEmpty());
    ERY_VERIFY_OK(s.issues.approve(sc, issueHigh, "Nozzle replaced"));
    ERY_VERIFY_OK(s.issues.reject(sc, issueLow, "Not a defect"));
}

void TestAnalytics::dashboardCounts()
{
    auto r = shop->s().analytics.dashboard(shop->scope);
    ERY_VERIFY_OK(r);
    const Json &j = *r;
    // Jobs: J-100 running (its first operation started it), J-200 and J-300 waiting.
    QCOMPARE(n(j["jobs"], "total"), 3);
    QCOMPARE(n(j["jobs"], "in_progress"), 1);
    QCOMPARE(n(j["jobs"], "not_started"), 2);
    QCOMPARE(n(j["jobs"], "completed"), 0);
    QCOMPARE(n(j["parts"], "total"), 3);
    QCOMPARE(n(j["parts"], "in_progress"), 1);
    // Nine operations, one completed. The pending critical issue is no standstill: nothing on hold.
    QCOMPARE(n(j["operations"], "total"), 9);
    QCOMPARE(n(j["operations"], "completed"), 1);
    QCOMPARE(n(j["operations"], "not_started"), 8);
    QCOMPARE(n(j["operations"], "on_hold"), 0);
    QCOMPARE(n(j["issues"], "total"), 3);
    QCOMPARE(n(j["issues"], "pending"), 1);
    QCOMPARE(n(j["issues"], "approved"), 1);
    QCOMPARE(n(j["issues"], "rejected"), 1);
    QCOMPARE(n(j["issues"], "closed"), 0);
    QCOMPARE(n(j, "active_time_entries"), 0); // completing closed Olga's entry
    QCOMPARE(n(j, "operations_completed_today"), 1);
    QCOMPARE(n(j, "jobs_due_within_7_days"), 1); // J-200
    QCOMPARE(n(j, "jobs_overdue"), 1);           // J-300
    QCOMPARE(str(j, "timezone"), QStringLiteral("Europe/Amsterdam"));

    // An open entry counts as an active worker; J-300 completed is no longer overdue.
    auto tree = shop->s().jobs.tree(shop->scope, j200);
    const QString firstOfJ200 = str((*tree)["parts"][0]["operations"][0], "id");
    ERY_VERIFY_OK(shop->s().operations.start(shop->scope, firstOfJ200, shop->op2));
    auto again = shop->s().analytics.dashboard(shop->scope);
    ERY_VERIFY_OK(again);
    QCOMPARE(n(*again, "active_time_entries"), 1);
    QCOMPARE(n((*again)["operations"], "in_progress"), 1);
    QCOMPARE(n((*again)["jobs"], "in_progress"), 2);
}

void TestAnalytics::qrmUsesTheOneWipDefinition()
{
    Services &s = shop->s();
    ERY_VERIFY_OK(s.catalog.update(CatalogService::Cells, shop->scope, shop->laser, Json{{"wip_limit", 2}}));
    ERY_VERIFY_OK(s.catalog.update(CatalogService::Cells, shop->scope, shop->bending, Json{{"wip_limit", 5}, {"wip_warning_threshold", 3}}));
    auto r = s.analytics.qrm(shop->scope);
    ERY_VERIFY_OK(r);
    const Json &cells = (*r)["cells"];
    QCOMPARE(cells.size(), size_t(3));
    // Laser: J-200 and J-300 wait there (J-100's Laser operation is completed) → 2 of 2.
    QCOMPARE(str(cells[0], "cell_name"), QStringLiteral("Laser"));
    QCOMPARE(n(cells[0], "wip"), 2);
    QCOMPARE(str(cells[0], "status"), QStringLiteral("at_capacity"));
    QCOMPARE(d(cells[0]["utilisation_pct"]), 100.0);
    // Bending: all three jobs → 3 of 5, at the warning threshold.
    QCOMPARE(n(cells[1], "wip"), 3);
    QCOMPARE(str(cells[1], "status"), QStringLiteral("warning"));
    QCOMPARE(d(cells[1]["utilisation_pct"]), 60.0);
    // Welding: no limit.
    QCOMPARE(str(cells[2], "status"), QStringLiteral("no_limit"));
    QVERIFY(cells[2]["utilisation_pct"].is_null());
    QVERIFY(cells[2]["wip_limit"].is_null());
    QCOMPARE(n((*r)["totals"], "wip"), 8);
    QCOMPARE(n((*r)["totals"], "at_capacity"), 1);
    QCOMPARE(n((*r)["totals"], "warning"), 1);
    // The same figure CatalogService::cellWip reports (and the WIP-limit check uses).
    for (const Json &c : cells) {
        auto wip = s.catalog.cellWip(shop->scope, str(c, "cell_id"));
        ERY_VERIFY_OK(wip);
        QCOMPARE(n(*wip, "wip"), n(c, "wip"));
        QCOMPARE(str(*wip, "status"), str(c, "status"));
    }
    auto one = s.analytics.qrm(shop->scope, shop->bending);
    ERY_VERIFY_OK(one);
    QCOMPARE((*one)["cells"].size(), size_t(1));
    QCOMPARE(n((*one)["cells"][0], "wip"), 3);
}

void TestAnalytics::productionMetricsAndYield()
{
    Services &s = shop->s();
    auto r = s.analytics.productionMetrics(shop->scope);
    ERY_VERIFY_OK(r);
    QCOMPARE(n(*r, "operations_completed"), 1);
    QCOMPARE(n(*r, "jobs_completed"), 0);
    QCOMPARE(n(*r, "reports"), 3);
    QCOMPARE(n(*r, "quantity_produced"), 21);
    QCOMPARE(n(*r, "quantity_good"), 13);
    QCOMPARE(n(*r, "quantity_scrap"), 7);
    QCOMPARE(n(*r, "quantity_rework"), 1);
    QCOMPARE(d((*r)["yield_pct"]), 61.9);
    QCOMPARE(d((*r)["scrap_rate_pct"]), 33.33);
    QCOMPARE(d((*r)["rework_rate_pct"]), 4.76);
    // A period that ended before the reports: nothing, and no yield rather than a made-up one.
    auto before = s.analytics.productionMetrics(shop->scope, QStringLiteral("2020-01-01"), QStringLiteral("2020-02-01"));
    ERY_VERIFY_OK(before);
    QCOMPARE(n(*before, "quantity_produced"), 0);
    QVERIFY((*before)["yield_pct"].is_null());

    auto y = s.analytics.yieldMetrics(shop->scope, 30);
    ERY_VERIFY_OK(y);
    QCOMPARE(d((*y)["overall"]["first_pass_yield_pct"]), 61.9);
    const Json &cells = (*y)["cells"]; // by name: Bending, Laser, Welding
    QCOMPARE(cells.size(), size_t(3));
    QCOMPARE(str(cells[0], "cell_name"), QStringLiteral("Bending"));
    QCOMPARE(d(cells[0]["first_pass_yield_pct"]), 50.0);
    QCOMPARE(d(cells[0]["rework_rate_pct"]), 10.0);
    QCOMPARE(str(cells[1], "cell_name"), QStringLiteral("Laser"));
    QCOMPARE(d(cells[1]["first_pass_yield_pct"]), 80.0);
    QCOMPARE(d(cells[2]["first_pass_yield_pct"]), 0.0);
    auto laser = s.analytics.yieldMetrics(shop->scope, 30, shop->laser);
    ERY_VERIFY_OK(laser);
    QCOMPARE(n((*laser)["overall"], "produced"), 10);
    QCOMPARE((*laser)["cells"].size(), size_t(1));
}

void TestAnalytics::scrapByReasonCellAndPareto()
{
    Services &s = shop->s();
    auto byReason = s.analytics.scrapAnalytics(shop->scope, 30, QStringLiteral("reason"));
    ERY_VERIFY_OK(byReason);
    QCOMPARE(n(*byReason, "total_scrap"), 7);
    const Json &g = (*byReason)["groups"];
    QCOMPARE(g.size(), size_t(3));
    // 2 + 1, B-1: 3 (a tie, by code), then 1 without a reason.
    QCOMPARE(str(g[0], "key"), reasonA);
    QCOMPARE(n(g[0], "quantity_scrap"), 3);
    QCOMPARE(str(g[0], "label"), QStringLiteral("A-1 — Burn marks"));
    QCOMPARE(str(g[0], "category"), QStringLiteral("process"));
    QCOMPARE(str(g[1], "key"), reasonB);
    QCOMPARE(str(g[2], "key"), QStringLiteral("unspecified"));
    QCOMPARE(n(g[2], "quantity_scrap"), 1);
    QCOMPARE(d(g[0]["pct_of_scrap"]), 42.86);

    auto byCell = s.analytics.scrapAnalytics(shop->scope, 30, QStringLiteral("cell"));
    ERY_VERIFY_OK(byCell);
    const Json *bending = group((*byCell)["groups"], toStd(shop->bending).c_str());
    QVERIFY(bending);
    QCOMPARE(n(*bending, "quantity_scrap"), 4);
    QCOMPARE(n(*bending, "quantity_produced"), 10);
    QCOMPARE(d((*bending)["scrap_rate_pct"]), 40.0);
    QCOMPARE(str((*byCell)["groups"][0], "label"), QStringLiteral("Bending")); // most scrap first
    auto byMaterial = s.analytics.scrapAnalytics(shop->scope, 30, QStringLiteral("material"));
    ERY_VERIFY_OK(byMaterial);
    QCOMPARE((*byMaterial)["groups"].size(), size_t(1));
    QCOMPARE(str((*byMaterial)["groups"][0], "key"), QStringLiteral("S235 3mm"));
    QCOMPARE(n((*byMaterial)["groups"][0], "quantity_scrap"), 7);
    auto byOperation = s.analytics.scrapAnalytics(shop->scope, 30, QStringLiteral("operation"));
    ERY_VERIFY_OK(byOperation);
    QCOMPARE((*byOperation)["groups"].size(), size_t(3));

    auto pareto = s.analytics.scrapPareto(shop->scope, 30, 2);
    ERY_VERIFY_OK(pareto);
    const Json &items = (*pareto)["items"];
    QCOMPARE(items.size(), size_t(2));
    QCOMPARE(str(items[0], "code"), QStringLiteral("A-1"));
    QCOMPARE(d(items[0]["cumulative_pct"]), 42.86);
    QCOMPARE(str(items[1], "code"), QStringLiteral("B-1"));
    QCOMPARE(d(items[1]["cumulative_pct"]), 85.71);
    QCOMPARE(n(*pareto, "other_quantity"), 1);
    auto full = s.analytics.scrapPareto(shop->scope, 30, 10);
    ERY_VERIFY_OK(full);
    QVERIFY((*full)["items"][2]["scrap_reason_id"].is_null());
    QCOMPARE(d((*full)["items"][2]["cumulative_pct"]), 100.0);
}

void TestAnalytics::scrapTrendsPutReportsInTodaysBucket()
{
    auto r = shop->s().analytics.scrapTrends(shop->scope, 7, QStringLiteral("daily"));
    ERY_VERIFY_OK(r);
    const Json &b = (*r)["buckets"];
    QCOMPARE(b.size(), size_t(8)); // 7 days back to today, both ends included
    const QString today = QDateTime::fromMSecsSinceEpoch(Clock::nowMs(), QTimeZone("Europe/Amsterdam")).date().toString(Qt::ISODate);
    QCOMPARE(str(b.back(), "period_start"), today);
    QCOMPARE(n(b.back(), "produced"), 21);
    QCOMPARE(n(b.back(), "scrap"), 7);
    QCOMPARE(d(b.back()["scrap_rate_pct"]), 33.33);
    QVERIFY(b.front()["scrap_rate_pct"].is_null());
    auto weekly = shop->s().analytics.scrapTrends(shop->scope, 30, QStringLiteral("weekly"));
    ERY_VERIFY_OK(weekly);
    int scrap = 0;
    for (const Json &w : (*weekly)["buckets"]) {
        QCOMPARE(QDate::fromString(str(w, "period_start"), Qt::ISODate).dayOfWeek(), 1); // Mondays
        scrap += n(w, "scrap");
    }
    QCOMPARE(scrap, 7);
}

void TestAnalytics::issueAnalyticsAndTrends()
{
    Services &s = shop->s();
    auto r = s.analytics.issueAnalytics(shop->scope, 30, QStringLiteral("severity"));
    ERY_VERIFY_OK(r);
    QCOMPARE(n(*r, "total"), 3);
    QCOMPARE(n(*r, "resolved"), 1);
    QCOMPARE(d((*r)["avg_resolution_days"]), 5.0);
    const Json *high = group((*r)["groups"], "high");
    QVERIFY(high);
    QCOMPARE(n(*high, "approved"), 1);
    QCOMPARE(d((*high)["avg_resolution_days"]), 5.0);
    QVERIFY((*group((*r)["groups"], "critical"))["avg_resolution_days"].is_null());

    auto byCategory = s.analytics.issueAnalytics(shop->scope, 30, QStringLiteral("ncr_category"));
    ERY_VERIFY_OK(byCategory);
    QCOMPARE(n((*byCategory)["groups"][0], "count"), 2); // dimensional first
    QCOMPARE(str((*byCategory)["groups"][0], "key"), QStringLiteral("dimensional"));
    QCOMPARE(n(*group((*byCategory)["groups"], "none"), "count"), 1);
    auto byCell = s.analytics.issueAnalytics(shop->scope, 30, QStringLiteral("cell"));
    ERY_VERIFY_OK(byCell);
    QCOMPARE((*byCell)["groups"].size(), size_t(1));
    QCOMPARE(str((*byCell)["groups"][0], "label"), QStringLiteral("Laser"));
    // A 6-day window leaves out the critical issue of 8 days ago.
    auto recent = s.analytics.issueAnalytics(shop->scope, 6, QStringLiteral("status"));
    ERY_VERIFY_OK(recent);
    QCOMPARE(n(*recent, "total"), 2);
    QVERIFY(!group((*recent)["groups"], "pending"));

    auto trends = s.analytics.issueTrends(shop->scope, 10, QStringLiteral("daily"));
    ERY_VERIFY_OK(trends);
    const QTimeZone tz("Europe/Amsterdam");
    auto dayOf = [&](qint64 ago) {
        return QDateTime::fromMSecsSinceEpoch(Clock::nowMs() - ago * kDay, tz).date().toString(Qt::ISODate);
    };
    int total = 0;
    for (const Json &b : (*trends)["buckets"]) {
        total += n(b, "total");
        if (str(b, "period_start") == dayOf(8))
            QCOMPARE(n(b, "critical"), 1);
        if (str(b, "period_start") == dayOf(5))
            QCOMPARE(n(b, "high"), 1);
        if (str(b, "period_start") == dayOf(0))
            QCOMPARE(n(b, "low"), 1);
    }
    QCOMPARE(total, 3);
    QCOMPARE((*trends)["buckets"].size(), size_t(11));
}

void TestAnalytics::rootCausesAreNormalised()
{
    auto r = shop->s().analytics.rootCauses(shop->scope, 90, 2);
    ERY_VERIFY_OK(r);
    QCOMPARE(n(*r, "issues_with_root_cause"), 3);
    const Json &causes = (*r)["root_causes"];
    QCOMPARE(causes.size(), size_t(1)); // "operator error" occurs once
    QCOMPARE(str(causes[0], "root_cause"), QStringLiteral("worn cutting tool"));
    QCOMPARE(n(causes[0], "occurrences"), 2);
    QCOMPARE(str(causes[0], "most_common_severity"), QStringLiteral("critical")); // 1 : 1, the more severe
    QVERIFY(causes[0]["cells"] == Json::array({"Laser"}));
    QVERIFY(causes[0]["sample_corrective_actions"] == Json::array({"Replace the nozzle"}));
    auto once = shop->s().analytics.rootCauses(shop->scope, 90, 1);
    ERY_VERIFY_OK(once);
    QCOMPARE((*once)["root_causes"].size(), size_t(2));
}

void TestAnalytics::qualityScoreIsTheWeightedSum()
{
    auto r = shop->s().analytics.qualityScore(shop->scope, 30);
    ERY_VERIFY_OK(r);
    // yield 13/21 = 61.905; issues: one critical, one high (the rejected low does not count) →
    // 100 − 10 − 5 = 85; resolved in 5 days → 100 × (10 − 5) / 7 = 71.43.
    // 0.5 × 61.905 + 0.3 × 85 + 0.2 × 71.43 = 70.74 → moderate.
    QCOMPARE(d((*r)["yield_pct"]), 61.9);
    QCOMPARE(d((*r)["issue_score"]), 85.0);
    QCOMPARE(d((*r)["resolution_score"]), 71.43);
    QCOMPARE(d((*r)["score"]), 70.74);
    QCOMPARE(str(*r, "band"), QStringLiteral("moderate"));
    QCOMPARE(n((*r)["issue_counts"], "critical"), 1);
    QCOMPARE(n((*r)["issue_counts"], "low"), 0);
}

void TestAnalytics::suggestionsFollowTheRules()
{
    auto all = shop->s().analytics.qualitySuggestions(shop->scope);
    ERY_VERIFY_OK(all);
    QStringList rules;
    for (const Json &sug : (*all)["suggestions"])
        rules << str(sug, "rule");
    // Laser has 3 issues; the pending critical one is serious and 8 days old; no NCR category has 5.
    QCOMPARE(rules, QStringList({"cell_issue_count", "unresolved_high_severity", "open_longer_than_7_days"}));
    auto serious = shop->s().analytics.qualitySuggestions(shop->scope, QStringLiteral("high_severity"));
    ERY_VERIFY_OK(serious);
    QCOMPARE(n(*serious, "count"), 1);
    const Json &sg = (*serious)["suggestions"][0];
    QCOMPARE(str(sg, "priority"), QStringLiteral("high"));
    QCOMPARE(n(sg["evidence"], "critical"), 1);
    QVERIFY(sg["evidence"]["issue_ids"] == Json::array({toStd(issueCritical)}));
    auto slow = shop->s().analytics.qualitySuggestions(shop->scope, QStringLiteral("slow_resolution"));
    ERY_VERIFY_OK(slow);
    QCOMPARE(n((*slow)["suggestions"][0]["evidence"], "oldest_days"), 8);
    auto recurring = shop->s().analytics.qualitySuggestions(shop->scope, QStringLiteral("recurring_issues"));
    ERY_VERIFY_OK(recurring);
    QCOMPARE(n(*recurring, "count"), 0);
    // Approving the critical issue clears both pending rules.
    ERY_VERIFY_OK(shop->s().issues.approve(shop->scope, issueCritical, "Tool changed"));
    auto after = shop->s().analytics.qualitySuggestions(shop->scope, QStringLiteral("high_severity"));
    ERY_VERIFY_OK(after);
    QCOMPARE(n(*after, "count"), 0);
}

void TestAnalytics::cellCapacityInMinutes()
{
    ERY_VERIFY_OK(shop->s().catalog.update(CatalogService::Cells, shop->scope, shop->laser, Json{{"wip_limit", 3}}));
    auto r = shop->s().analytics.cellCapacity(shop->scope);
    ERY_VERIFY_OK(r);
    const Json &cells = (*r)["cells"];
    QCOMPARE(cells.size(), size_t(3));
    // Laser: J-200 and J-300 wait, 30 minutes each; 1 of 3 WIP slots free.
    QCOMPARE(n(cells[0], "queued_estimated_minutes"), 60);
    QCOMPARE(n(cells[0], "not_started_operations"), 2);
    QCOMPARE(n(cells[0], "available_wip_slots"), 1);
    // Bending: three jobs × 30 minutes over 8 hours a day.
    QCOMPARE(n(cells[1], "queued_estimated_minutes"), 90);
    QCOMPARE(n(cells[1], "remaining_estimated_minutes"), 90);
    QCOMPARE(d(cells[1]["queue_days"]), 0.19);
    QVERIFY(cells[1]["available_wip_slots"].is_null());
}

void TestAnalytics::partsDueSoonAndCellQueue()
{
    Services &s = shop->s();
    auto r = s.analytics.partsDueSoon(shop->scope, 7, 50);
    ERY_VERIFY_OK(r);
    QCOMPARE(n((*r)["summary"], "total"), 2);
    QCOMPARE(n((*r)["summary"], "overdue"), 1);
    QCOMPARE(n((*r)["summary"], "due_within_3_days"), 1);
    const Json &parts = (*r)["parts"];
    QCOMPARE(str(parts[0], "job_number"), QStringLiteral("J-300")); // overdue first
    QVERIFY(parts[0]["overdue"] == Json(true));
    QCOMPARE(str(parts[1], "job_number"), QStringLiteral("J-200"));
    QCOMPARE(str(parts[1]["next_operation"], "cell_name"), QStringLiteral("Laser"));
    QCOMPARE(n(parts[1], "operations_total"), 3);
    QCOMPARE(d(parts[1]["completion_pct"]), 0.0);
    auto limited = s.analytics.partsDueSoon(shop->scope, 7, 1);
    ERY_VERIFY_OK(limited);
    QCOMPARE((*limited)["parts"].size(), size_t(1));
    QCOMPARE(n((*limited)["summary"], "total"), 2);

    // Bending's queue: J-100's Bending operation runs, so it comes first; J-300 (overdue) then J-200.
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[1], shop->op1));
    auto q = s.analytics.cellQueue(shop->scope, shop->bending);
    ERY_VERIFY_OK(q);
    QCOMPARE(n(*q, "count"), 3);
    const Json &ops = (*q)["operations"];
    QCOMPARE(str(ops[0], "id"), shop->ops[1]);
    QCOMPARE(str(ops[0], "status"), QStringLiteral("in_progress"));
    QCOMPARE(str(ops[1], "job_number"), QStringLiteral("J-300"));
    QCOMPARE(str(ops[2], "job_number"), QStringLiteral("J-200"));
    QCOMPARE(str((*q)["cell"], "name"), QStringLiteral("Bending"));
}

void TestAnalytics::badArgumentsAreValidationErrors()
{
    AnalyticsService &a = shop->s().analytics;
    ERY_VERIFY_ERR(a.issueAnalytics(shop->scope, 0, QStringLiteral("severity")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.issueAnalytics(shop->scope, 366, QStringLiteral("severity")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.issueAnalytics(shop->scope, 30, QStringLiteral("severity; DROP TABLE issues")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.issueTrends(shop->scope, 30, QStringLiteral("hourly")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.scrapAnalytics(shop->scope, 30, QStringLiteral("status")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.scrapPareto(shop->scope, 30, 0), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.rootCauses(shop->scope, 30, 0), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.qualitySuggestions(shop->scope, QStringLiteral("everything")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.productionMetrics(shop->scope, QStringLiteral("yesterday")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.productionMetrics(shop->scope, QStringLiteral("2026-02-01"), QStringLiteral("2026-01-01")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.partsDueSoon(shop->scope, -1, 10), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.qrm(shop->scope, QStringLiteral("laser")), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(a.cellQueue(shop->scope, QString()), ErrorCode::ValidationError);
    // Every bad field at once.
    auto both = a.scrapTrends(shop->scope, -5, QStringLiteral("monthly"));
    ERY_VERIFY_ERR(both, ErrorCode::ValidationError);
    QCOMPARE(both.error().details.size(), size_t(2));
}

void TestAnalytics::anotherTenantSeesOnlyItsOwnNumbers()
{
    Services &s = shop->s();
    // The sandbox twin is another tenant as far as figures go: empty until it has work.
    auto empty = s.analytics.dashboard(shop->sandbox);
    ERY_VERIFY_OK(empty);
    QCOMPARE(n((*empty)["jobs"], "total"), 0);
    QCOMPARE(n((*empty)["issues"], "total"), 0);
    Row theirs = shop->makeJob(shop->sandbox, QStringLiteral("SB-1"), 1);
    (void)theirs;
    auto one = s.analytics.dashboard(shop->sandbox);
    ERY_VERIFY_OK(one);
    QCOMPARE(n((*one)["jobs"], "total"), 1);
    QCOMPARE(n((*one)["operations"], "total"), 1);
    auto prod = s.analytics.productionMetrics(shop->sandbox);
    ERY_VERIFY_OK(prod);
    QCOMPARE(n(*prod, "quantity_produced"), 0);
    auto pareto = s.analytics.scrapPareto(shop->sandbox, 30, 10);
    ERY_VERIFY_OK(pareto);
    QCOMPARE(n(*pareto, "total_scrap"), 0);
    auto issues = s.analytics.issueAnalytics(shop->sandbox, 30, QStringLiteral("cell"));
    ERY_VERIFY_OK(issues);
    QCOMPARE(n(*issues, "total"), 0);
    // A cell of the live shop is unknown to the sandbox.
    ERY_VERIFY_ERR(s.analytics.qrm(shop->sandbox, shop->laser), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.analytics.cellQueue(shop->sandbox, shop->laser), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.analytics.yieldMetrics(shop->sandbox, 30, shop->laser), ErrorCode::NotFound);
    // And the live shop's figures did not move.
    auto live = s.analytics.dashboard(shop->scope);
    ERY_VERIFY_OK(live);
    QCOMPARE(n((*live)["jobs"], "total"), 3);
}

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
