#include "apiroutetest.h"

#include <QTest>
#include <QUrl>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// GET /api/v1/analytics/... over real HTTP: read scope, the service's figures as they are, query
// values checked (a bad value 422 naming it, an unknown parameter or an oversized value 400), and
// a key of another tenant (or the sandbox) sees only its own numbers.
class TestApiAnalytics : public ApiRouteTest {
    Q_OBJECT
private slots:
    void everyRouteAnswersWithTheServiceFigures_data();
    void everyRouteAnswersWithTheServiceFigures();
    void needsAKeyAndReadScopeIsEnough();
    void badQueryValues_data();
    void badQueryValues();
    void anotherTenantSeesOnlyItsOwnNumbers();
    void routesAreInTheOpenApiDocument();
};

namespace {
int n(const Json &row, const char *key)
{
    return int(num(row, key));
}

QString q(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
} // namespace

void TestApiAnalytics::everyRouteAnswersWithTheServiceFigures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::newRow("dashboard") << "/api/v1/analytics/dashboard" << "operations";
    QTest::newRow("qrm") << "/api/v1/analytics/qrm" << "cells";
    QTest::newRow("production") << "/api/v1/analytics/production?from=2020-01-01&to=2040-01-01" << "quantity_produced";
    QTest::newRow("issues") << "/api/v1/analytics/issues?days=30&group_by=cell" << "groups";
    QTest::newRow("issue-trends") << "/api/v1/analytics/issue-trends?days=14&interval=weekly" << "buckets";
    QTest::newRow("root-causes") << "/api/v1/analytics/root-causes?days=90&min_occurrences=1" << "root_causes";
    QTest::newRow("quality-suggestions") << "/api/v1/analytics/quality-suggestions?focus_area=cell_problems" << "suggestions";
    QTest::newRow("scrap") << "/api/v1/analytics/scrap?days=30&group_by=reason" << "groups";
    QTest::newRow("scrap-trends") << "/api/v1/analytics/scrap-trends?days=7" << "buckets";
    QTest::newRow("yield") << "/api/v1/analytics/yield?days=30" << "overall";
    QTest::newRow("scrap-pareto") << "/api/v1/analytics/scrap-pareto?top_n=3" << "items";
    QTest::newRow("quality-score") << "/api/v1/analytics/quality-score?days=30" << "score";
    QTest::newRow("cell-capacity") << "/api/v1/analytics/cell-capacity" << "cells";
    QTest::newRow("parts-due-soon") << "/api/v1/analytics/parts-due-soon?within_days=30&limit=5" << "parts";
}

void TestApiAnalytics::everyRouteAnswersWithTheServiceFigures()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    // One report of 10 (8 good) on J-100's Laser operation, so the figures are not all zero.
    static bool reported = false;
    if (!reported) {
        ERY_VERIFY_OK(f->s().production.report(f->shop().scope,
                                               Json{{"operation_id", toStd(f->shop().ops[0])}, {"quantity_good", 8}, {"quantity_scrap", 2}}));
        reported = true;
    }
    auto r = f->call("GET", path, this->key);
    EXPECT_STATUS(r, 200);
    QVERIFY2(r.data().contains(toStd(key)), r.raw.constData());
    if (path.contains(QLatin1String("/production")))
        QCOMPARE(n(r.data(), "quantity_produced"), 10);
    if (path.endsWith(QLatin1String("/dashboard"))) {
        QCOMPARE(n(r.data()["jobs"], "total"), 1);
        QCOMPARE(n(r.data()["operations"], "total"), 3);
    }
    if (path.contains(QLatin1String("/quality-score")))
        QCOMPARE(r.data()["yield_pct"].get<double>(), 80.0);
}

void TestApiAnalytics::needsAKeyAndReadScopeIsEnough()
{
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/dashboard"), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/dashboard", "ery_live_" + QString(32, 'x')), 401);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/quality-score", reader), 200);
    // Read-only routes: no other method.
    QVERIFY(f->call("POST", "/api/v1/analytics/dashboard", key, Json::object()).status >= 400);
    // A cell's queue through its id; a malformed id is answered like an unknown one.
    auto queue = f->call("GET", "/api/v1/analytics/cells/" + f->shop().laser + "/queue?limit=10", reader);
    EXPECT_STATUS(queue, 200);
    QCOMPARE(n(queue.data(), "count"), 1);
    QCOMPARE(str(queue.data()["operations"][0], "id"), f->shop().ops[0]);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/cells/not-a-cell/queue", reader), 404);
}

void TestApiAnalytics::badQueryValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // named in the 422's details
    QTest::newRow("days zero") << "/api/v1/analytics/issues?days=0" << 422 << "days";
    QTest::newRow("days too many") << "/api/v1/analytics/scrap?days=366" << 422 << "days";
    QTest::newRow("days not a number") << "/api/v1/analytics/issues?days=thirty" << 422 << "days";
    QTest::newRow("days overflow") << "/api/v1/analytics/quality-score?days=99999999999999999999" << 422 << "days";
    QTest::newRow("days fraction") << "/api/v1/analytics/yield?days=1.5" << 422 << "days";
    QTest::newRow("days empty") << "/api/v1/analytics/scrap-trends?days=" << 422 << "days";
    QTest::newRow("group_by unknown") << "/api/v1/analytics/issues?group_by=customer" << 422 << "group_by";
    QTest::newRow("group_by injection") << "/api/v1/analytics/scrap?group_by=" + q("reason' OR '1'='1") << 422 << "group_by";
    QTest::newRow("interval") << "/api/v1/analytics/scrap-trends?interval=hourly" << 422 << "interval";
    QTest::newRow("focus") << "/api/v1/analytics/quality-suggestions?focus_area=" + q("<script>") << 422 << "focus_area";
    QTest::newRow("top_n") << "/api/v1/analytics/scrap-pareto?top_n=101" << 422 << "top_n";
    QTest::newRow("min_occurrences") << "/api/v1/analytics/root-causes?min_occurrences=-1" << 422 << "min_occurrences";
    QTest::newRow("cell_id not a uuid") << "/api/v1/analytics/qrm?cell_id=" + q("1; DROP TABLE cells") << 422 << "cell_id";
    QTest::newRow("from not a date") << "/api/v1/analytics/production?from=yesterday" << 422 << "from";
    QTest::newRow("from after to") << "/api/v1/analytics/production?from=2026-03-01&to=2026-02-01" << 422 << "from";
    QTest::newRow("within_days") << "/api/v1/analytics/parts-due-soon?within_days=400" << 422 << "within_days";
    QTest::newRow("limit") << "/api/v1/analytics/parts-due-soon?limit=0" << 422 << "limit";
    QTest::newRow("unknown parameter") << "/api/v1/analytics/dashboard?tenant_id=x" << 400 << "";
    QTest::newRow("parameter of another route") << "/api/v1/analytics/quality-score?group_by=severity" << 400 << "";
    QTest::newRow("oversized value") << "/api/v1/analytics/issues?group_by=" + QString(5000, 'a') << 400 << "";
    QTest::newRow("NUL in a value") << "/api/v1/analytics/issues?group_by=sev%00erity" << 400 << "";
}

void TestApiAnalytics::badQueryValues()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, field);
    auto r = f->call("GET", path, key);
    EXPECT_STATUS(r, status);
    QVERIFY(r.body["success"] == Json(false));
    if (!field.isEmpty()) {
        QCOMPARE(r.code(), QStringLiteral("VALIDATION_ERROR"));
        QStringList fields;
        for (const Json &d : r.body["error"]["details"])
            fields << str(d, "field");
        QVERIFY2(fields.contains(field), qPrintable(fields.join(',')));
    }
    // The server is still there.
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/dashboard", key), 200);
}

void TestApiAnalytics::anotherTenantSeesOnlyItsOwnNumbers()
{
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    QVERIFY(other.ok());
    const Scope b = Scope::of(str(other->live, "id"));
    const QString keyB = f->key(b, QStringLiteral("read_write"));
    auto cellB = f->s().catalog.create(CatalogService::Cells, b, Json{{"name", "Saw"}});
    ERY_VERIFY_OK(cellB);
    auto jobB = f->s().jobs.create(b, Json{{"job_number", "B-1"},
                                           {"parts", Json::array({{{"part_number", "B-1-P"},
                                                                   {"material", "Alu"},
                                                                   {"quantity", 2},
                                                                   {"operations", Json::array({{{"cell_name", "Saw"},
                                                                                                {"operation_name", "Saw"},
                                                                                                {"estimated_time", 45}}})}}})}});
    ERY_VERIFY_OK(jobB);
    auto tree = f->s().jobs.tree(b, str(*jobB, "id"));
    const QString opB = str((*tree)["parts"][0]["operations"][0], "id");
    ERY_VERIFY_OK(f->s().production.report(b, Json{{"operation_id", toStd(opB)}, {"quantity_good", 1}, {"quantity_scrap", 3}}));

    // B's dashboard and figures: its one job, its 4 pieces.
    auto dash = f->call("GET", "/api/v1/analytics/dashboard", keyB);
    EXPECT_STATUS(dash, 200);
    QCOMPARE(n(dash.data()["jobs"], "total"), 1);
    QCOMPARE(n(dash.data()["operations"], "total"), 1);
    auto prod = f->call("GET", "/api/v1/analytics/production", keyB);
    EXPECT_STATUS(prod, 200);
    QCOMPARE(n(prod.data(), "quantity_produced"), 4);
    QCOMPARE(n(prod.data(), "quantity_scrap"), 3);
    auto qrm = f->call("GET", "/api/v1/analytics/qrm", keyB);
    EXPECT_STATUS(qrm, 200);
    QCOMPARE(qrm.data()["cells"].size(), size_t(1));
    QCOMPARE(str(qrm.data()["cells"][0], "cell_name"), QStringLiteral("Saw"));
    auto cap = f->call("GET", "/api/v1/analytics/cell-capacity", keyB);
    EXPECT_STATUS(cap, 200);
    QCOMPARE(n(cap.data()["cells"][0], "queued_estimated_minutes"), 45);
    // A's numbers do not include B's.
    auto prodA = f->call("GET", "/api/v1/analytics/production", key);
    EXPECT_STATUS(prodA, 200);
    const int scrapA = n(prodA.data(), "quantity_scrap");
    QVERIFY2(scrapA == 0 || scrapA == 2, qPrintable(QString::number(scrapA))); // none, or the 2 of its own report
    auto dashA = f->call("GET", "/api/v1/analytics/dashboard", key);
    QCOMPARE(n(dashA.data()["jobs"], "total"), 1);
    // A's cell through B's key is not found, and the other way round.
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/qrm?cell_id=" + f->shop().laser, keyB), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/yield?cell_id=" + f->shop().laser, keyB), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/cell-capacity?cell_id=" + f->shop().laser, keyB), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/cells/" + f->shop().laser + "/queue", keyB), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/analytics/cells/" + str(*cellB, "id") + "/queue", key), 404);
    // A test key reads the sandbox: empty.
    const QString testKey = f->key(f->shop().scope, QStringLiteral("read"), true);
    auto sandbox = f->call("GET", "/api/v1/analytics/dashboard", testKey);
    EXPECT_STATUS(sandbox, 200);
    QCOMPARE(n(sandbox.data()["jobs"], "total"), 0);
}

void TestApiAnalytics::routesAreInTheOpenApiDocument()
{
    auto doc = f->call("GET", "/api/v1/openapi.json");
    EXPECT_STATUS(doc, 200);
    for (const char *p : {"/api/v1/analytics/dashboard", "/api/v1/analytics/qrm", "/api/v1/analytics/production", "/api/v1/analytics/issues",
                          "/api/v1/analytics/issue-trends", "/api/v1/analytics/root-causes", "/api/v1/analytics/quality-suggestions",
                          "/api/v1/analytics/scrap", "/api/v1/analytics/scrap-trends", "/api/v1/analytics/yield",
                          "/api/v1/analytics/scrap-pareto", "/api/v1/analytics/quality-score", "/api/v1/analytics/cell-capacity",
                          "/api/v1/analytics/parts-due-soon", "/api/v1/analytics/cells/{id}/queue"})
        QVERIFY2(doc.body["paths"].contains(p) && doc.body["paths"][p].contains("get"), p);
}

QTEST_GUILESS_MAIN(TestApiAnalytics)
#include "tst_apianalytics.moc"
