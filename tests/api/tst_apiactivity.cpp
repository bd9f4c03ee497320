#include "apiroutetest.h"

#include <QTest>

using namespace ery::domain;
using namespace ery;
using namespace ery::test;

// GET /api/v1/activity over real HTTP: the audit trail, newest first, for admin keys only, with
// its filters; a change made through the API shows in it with the key's own words; another shop's
// entries never do; writes are not offered.
class TestApiActivity : public ApiRouteTest {
    Q_OBJECT
private slots:
    void onlyAdminsReadTheTrail();
    void aChangeShowsNewestFirstAndFilters();
    void badQueriesNameWhatIsWrong();
    void anotherShopsTrailIsNotShown();
};

void TestApiActivity::onlyAdminsReadTheTrail()
{
    EXPECT_STATUS(f->call("GET", "/api/v1/activity"), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/activity", key), 403);
    EXPECT_STATUS(f->call("GET", "/api/v1/activity", admin), 200);
    // Read-only: the services write it inside each change.
    EXPECT_STATUS(f->call("POST", "/api/v1/activity", admin, Json{{"action", "create"}}), 405);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/activity", admin), 405);
}

void TestApiActivity::aChangeShowsNewestFirstAndFilters()
{
    auto job = f->call("POST", "/api/v1/jobs", admin, Json{{"job_number", "ACT-0001"}, {"customer", "Audit BV"}});
    EXPECT_STATUS(job, 201);
    const QString jobId = str(job.data()["job"], "id");
    auto r = f->call("GET", "/api/v1/activity?limit=5", admin);
    EXPECT_STATUS(r, 200);
    const Json rows = r.data()["activity"];
    QVERIFY(!rows.empty());
    QCOMPARE(str(rows[0], "entity_id"), jobId);
    QCOMPARE(str(rows[0], "entity_type"), QStringLiteral("job"));
    QCOMPARE(str(rows[0], "action"), QStringLiteral("create"));
    for (std::size_t i = 1; i < rows.size(); ++i)
        QVERIFY(str(rows[i - 1], "created_at") >= str(rows[i], "created_at"));

    auto one = f->call("GET", "/api/v1/activity?entity_id=" + jobId, admin);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["pagination"]["total"].get<int>(), 1);
    auto jobs = f->call("GET", "/api/v1/activity?entity_type=job&action=create&limit=1000", admin);
    const Json jobRows = jobs.data()["activity"];
    QVERIFY(!jobRows.empty());
    for (const Json &e : jobRows)
        QVERIFY(str(e, "entity_type") == QLatin1String("job") && str(e, "action") == QLatin1String("create"));
    auto future = f->call("GET", "/api/v1/activity?from_date=2999-01-01T00:00:00Z", admin);
    EXPECT_STATUS(future, 200);
    QCOMPARE(future.data()["pagination"]["total"].get<int>(), 0);
    auto found = f->call("GET", "/api/v1/activity?search=ACT-0001", admin);
    EXPECT_STATUS(found, 200);
    QVERIFY(found.data()["pagination"]["total"].get<int>() >= 1);
}

void TestApiActivity::badQueriesNameWhatIsWrong()
{
    auto unknown = f->call("GET", "/api/v1/activity?tenant_id=" + f->shop().tenantId, admin);
    EXPECT_STATUS(unknown, 400);
    QVERIFY2(unknown.raw.contains("entity_type"), unknown.raw.constData()); // names the ones it takes
    EXPECT_STATUS(f->call("GET", "/api/v1/activity?limit=abc", admin), 400);
    // Hostile text in a filter is a value, never SQL.
    auto hostile = f->call("GET", "/api/v1/activity?entity_type=%27%20OR%201%3D1%20--", admin);
    EXPECT_STATUS(hostile, 200);
    QCOMPARE(hostile.data()["pagination"]["total"].get<int>(), 0);
    auto longSearch = f->call("GET", "/api/v1/activity?search=" + QString(5000, 'x'), admin);
    QVERIFY(longSearch.status == 200 || longSearch.status == 400 || longSearch.status == 414);
}

void TestApiActivity::anotherShopsTrailIsNotShown()
{
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    QVERIFY(other.ok());
    const QString otherAdmin = f->key(Scope::of(str(other->live, "id")), QStringLiteral("admin"));
    auto job = f->call("POST", "/api/v1/jobs", otherAdmin, Json{{"job_number", "OTHER-0001"}});
    EXPECT_STATUS(job, 201);
    const QString theirJob = str(job.data()["job"], "id");
    auto mine = f->call("GET", "/api/v1/activity?entity_id=" + theirJob, admin);
    EXPECT_STATUS(mine, 200);
    QCOMPARE(mine.data()["pagination"]["total"].get<int>(), 0);
    auto all = f->call("GET", "/api/v1/activity?limit=1000", admin);
    const Json allRows = all.data()["activity"];
    QVERIFY(!allRows.empty());
    for (const Json &e : allRows)
        QCOMPARE(str(e, "tenant_id"), f->shop().tenantId);
    auto theirs = f->call("GET", "/api/v1/activity?entity_id=" + theirJob, otherAdmin);
    QCOMPARE(theirs.data()["pagination"]["total"].get<int>(), 1);
}

QTEST_GUILESS_MAIN(TestApiActivity)
#include "tst_apiactivity.moc"
