#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// The job routes of both tables over real HTTP: CRUD, list options, the lifecycle, ERP sync and
// bulk sync.
class TestApiJobs : public ApiRouteTest {
    Q_OBJECT
private slots:
    void jobsOnBothTables();
    void listOptions();
    void jobLifecycle();
    void overviewPagesSortsAndFilters();
    void syncAndBulkSync();
};

void TestApiJobs::jobsOnBothTables()
{
    Json in{{"job_number", "API-1"},
            {"customer", "Acme"},
            {"due_date", "2031-02-01"},
            {"parts", Json::array({{{"part_number", "API-1-P1"},
                                    {"material", "S235"},
                                    {"quantity", 2},
                                    {"operations", Json::array({{{"operation_name", "Cut"}, {"cell_name", "Laser"}},
                                                                {{"operation_name", "Bend"}, {"cell_id", toStd(f->shop().bending)}}})}}})}};
    auto c = f->call("POST", "/api/v1/jobs", key, in);
    EXPECT_STATUS(c, 201);
    const Json job = c.data()["job"];
    const QString id = str(job, "id");
    QCOMPARE(job["parts"][0]["operations"].size(), size_t(2));
    QCOMPARE(str(job["parts"][0]["operations"][0], "status"), QStringLiteral("not_started"));

    auto g = f->call("GET", "/api/v1/jobs/" + id, key);
    EXPECT_STATUS(g, 200);
    QCOMPARE(str(g.data()["job"], "job_number"), QStringLiteral("API-1"));
    QCOMPARE(g.data()["job"]["parts"].size(), size_t(1));
    auto gc = f->call("GET", "/functions/v1/api-jobs?id=" + id, key);
    EXPECT_STATUS(gc, 200);
    QCOMPARE(str(gc.data()["job"], "id"), id);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/" + newId(), key), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/not-a-uuid", key), 404);

    auto u = f->call("PATCH", "/api/v1/jobs/" + id, key, Json{{"customer", "Acme BV"}});
    EXPECT_STATUS(u, 200);
    QCOMPARE(str(u.data()["job"], "customer"), QStringLiteral("Acme BV"));
    EXPECT_STATUS(f->call("PUT", "/functions/v1/api-jobs?id=" + id, key, Json{{"notes", "via compat"}}), 200);
    auto noId = f->call("PATCH", "/functions/v1/api-jobs", key, Json{{"notes", "x"}});
    EXPECT_STATUS(noId, 400);
    QCOMPARE(noId.code(), QStringLiteral("BAD_REQUEST"));

    auto cc = f->call("POST", "/functions/v1/api-jobs", key, Json{{"job_number", "API-2"}});
    EXPECT_STATUS(cc, 201);
    const QString id2 = str(cc.data()["job"], "id");
    auto d = f->call("DELETE", "/api/v1/jobs/" + id, key);
    EXPECT_STATUS(d, 200);
    QCOMPARE(str(d.data(), "message"), QStringLiteral("Deleted successfully"));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/" + id, key), 404);
    auto list = f->call("GET", "/api/v1/jobs?search=API-", key);
    QCOMPARE(list.data()["jobs"].size(), size_t(1)); // the deleted one is gone from lists
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-jobs?id=" + id2, key), 200);
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-jobs?id=" + id2, key), 404);
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-jobs", key), 400);
}

void TestApiJobs::listOptions()
{
    for (int i = 0; i < 5; ++i)
        f->shop().makeJob(f->shop().scope, QStringLiteral("L-%1").arg(i), 1, 1);
    auto page = f->call("GET", "/api/v1/jobs?limit=2&offset=1&sort=job_number&order=asc", key);
    EXPECT_STATUS(page, 200);
    const Json p = page.data()["pagination"];
    QCOMPARE(num(p, "limit"), 2);
    QCOMPARE(num(p, "offset"), 1);
    QVERIFY(num(p, "total") >= 6);
    QCOMPARE(page.data()["jobs"].size(), size_t(2));
    auto all = f->call("GET", "/api/v1/jobs?limit=1000&sort=job_number&order=asc", key);
    QCOMPARE(str(page.data()["jobs"][0], "job_number"), str(all.data()["jobs"][1], "job_number"));
    QCOMPARE(num(f->call("GET", "/api/v1/jobs?limit=5000", key).data()["pagination"], "limit"), 1000);
    QCOMPARE(num(f->call("GET", "/api/v1/jobs?limit=0", key).data()["pagination"], "limit"), 1);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?limit=ten", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?offset=-1", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?order=sideways", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?sort=tenant_id;drop", key), 200); // not whitelisted: default order
    QCOMPARE(f->call("GET", "/api/v1/jobs?search=l-3", key).data()["jobs"].size(), size_t(1));
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=L-", key).data()["jobs"].size(), size_t(5));
    QCOMPARE(f->call("GET", "/api/v1/jobs?status=completed", key).data()["jobs"].size(), size_t(0));
    QCOMPARE(f->call("GET", "/functions/v1/api-jobs?customer=acm&limit=1000", key).data()["pagination"]["total"].get<qint64>(),
             f->call("GET", "/api/v1/jobs?limit=1000", key).data()["pagination"]["total"].get<qint64>());
    QCOMPARE(f->call("GET", "/api/v1/cells?active=true", key).data()["cells"].size(), size_t(3));
    EXPECT_STATUS(f->call("GET", "/api/v1/cells?active=maybe", key), 400);
}

void TestApiJobs::jobLifecycle()
{
    const QString id = str(f->shop().makeJob(f->shop().scope, QStringLiteral("LC-1")), "id");
    auto s = f->call("POST", "/api/v1/jobs/" + id + "/start", key);
    EXPECT_STATUS(s, 200);
    QCOMPARE(str(s.data(), "previous_status"), QStringLiteral("not_started"));
    QCOMPARE(str(s.data(), "new_status"), QStringLiteral("in_progress"));
    QCOMPARE(str(s.data()["job"], "status"), QStringLiteral("in_progress"));
    auto stop = f->call("POST", "/functions/v1/api-job-lifecycle/stop?id=" + id, key);
    EXPECT_STATUS(stop, 200);
    QCOMPARE(str(stop.data(), "new_status"), QStringLiteral("on_hold"));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs/" + id + "/resume", key), 200);
    auto bad = f->call("POST", "/api/v1/jobs/" + id + "/start", key);
    EXPECT_STATUS(bad, 400);
    QCOMPARE(bad.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-job-lifecycle/complete?id=" + id, key), 200);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-job-lifecycle/complete", key), 400);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-job-lifecycle/explode?id=" + id, key), 404);
    QVERIFY(f->shop().eventCount(QStringLiteral("job.completed")) >= 1);
}

// The desktop's jobs table reads the overview a page at a time in the hub's order and search.
void TestApiJobs::overviewPagesSortsAndFilters()
{
    const domain::Scope sc = f->shop().scope;
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids << str(f->shop().makeJob(sc, QStringLiteral("OV-%1").arg(i), 2, 1), "id");
    auto numbers = [](const Json &data) {
        QStringList out;
        for (const Json &j : data["jobs"])
            out << str(j, "job_number");
        return out;
    };
    // Pages follow on without a gap or an overlap; the total counts every match.
    QStringList seen;
    for (int offset = 0; offset < 9; offset += 3) {
        auto page = f->call("GET", QStringLiteral("/api/v1/jobs/overview?search=ov-&sort=job_number&limit=3&offset=%1").arg(offset), key);
        EXPECT_STATUS(page, 200);
        QCOMPARE(num(page.data()["pagination"], "total"), 7);
        QCOMPARE(num(page.data()["pagination"], "offset"), offset);
        seen += numbers(page.data());
    }
    QCOMPARE(seen, (QStringList{"OV-0", "OV-1", "OV-2", "OV-3", "OV-4", "OV-5", "OV-6"}));
    auto desc = f->call("GET", "/api/v1/jobs/overview?search=OV-&sort=job_number&order=desc&limit=2", key);
    QCOMPARE(numbers(desc.data()), (QStringList{"OV-6", "OV-5"}));
    const Json first = desc.data()["jobs"][0];
    QCOMPARE(num(first, "operation_count"), 2);
    QCOMPARE(num(first, "operations_completed"), 0);
    QCOMPARE(num(first, "part_count"), 1);

    // Filters: status, open, bullet cards; the order by status and progress are the work's.
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs/" + ids[1] + "/start", key), 200);
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs/" + ids[2] + "/start", key), 200);
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs/" + ids[2] + "/complete", key), 200);
    QCOMPARE(numbers(f->call("GET", "/api/v1/jobs/overview?search=OV-&status=in_progress", key).data()), QStringList{"OV-1"});
    QCOMPARE(numbers(f->call("GET", "/api/v1/jobs/overview?search=OV-&open=false", key).data()), QStringList{"OV-2"});
    QCOMPARE(num(f->call("GET", "/api/v1/jobs/overview?search=OV-&open=true", key).data()["pagination"], "total"), 6);
    QCOMPARE(numbers(f->call("GET", "/api/v1/jobs/overview?search=OV-&sort=status&limit=1", key).data()), QStringList{"OV-1"});
    QCOMPARE(numbers(f->call("GET", "/api/v1/jobs/overview?search=OV-&sort=status&order=desc&limit=1", key).data()), QStringList{"OV-2"});
    auto parts = f->call("GET", "/api/v1/parts?job_id=" + ids[4], key);
    const QString part = str(parts.data()["parts"][0], "id");
    EXPECT_STATUS(f->call("PATCH", "/api/v1/parts/" + part, key, Json{{"is_bullet_card", true}}), 200);
    auto bullet = f->call("GET", "/api/v1/jobs/overview?search=OV-&bullet=true&open=true", key);
    QCOMPARE(numbers(bullet.data()), QStringList{"OV-4"});
    QCOMPARE(num(bullet.data()["jobs"][0], "bullet_parts"), 1);
    QCOMPARE(num(f->call("GET", "/api/v1/jobs/overview?search=OV-&bullet=false", key).data()["pagination"], "total"), 6);
    for (const char *sort : {"due_date", "customer", "current_cell_name", "progress", "bullet_parts", "tenant_id;drop"})
        QCOMPARE(num(f->call("GET", QStringLiteral("/api/v1/jobs/overview?search=OV-&sort=%1").arg(QLatin1String(sort)), key)
                          .data()["pagination"],
                      "total"),
                 7);

    // Search text is text: LIKE wildcards and quotes match themselves.
    QCOMPARE(f->call("GET", "/api/v1/jobs/overview?search=OV_", key).data()["jobs"].size(), size_t(0));
    QCOMPARE(f->call("GET", "/api/v1/jobs/overview?search=%25", key).data()["jobs"].size(), size_t(0));
    QCOMPARE(f->call("GET", "/api/v1/jobs/overview?search=%27%20OR%201%3D1--", key).data()["jobs"].size(), size_t(0));
    // Bad parameters are named, never a 500; an oversized search is refused.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?status=exploded", key), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?open=maybe", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?limit=ten", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?order=sideways", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?offset=-1", key), 400);
    auto unknown = f->call("GET", "/api/v1/jobs/overview?stauts=completed", key);
    EXPECT_STATUS(unknown, 400);
    QVERIFY(unknown.raw.contains("stauts"));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/overview?search=" + QString(300, QLatin1Char('x')), key), 400);
    QCOMPARE(num(f->call("GET", "/api/v1/jobs/overview?limit=5000", key).data()["pagination"], "limit"), 1000);
    // Another shop (the sandbox) sees none of them.
    const QString sandboxKey = f->key(sc, QStringLiteral("read"), true);
    auto other = f->call("GET", "/api/v1/jobs/overview?search=OV-", sandboxKey);
    EXPECT_STATUS(other, 200);
    QCOMPARE(num(other.data()["pagination"], "total"), 0);
}

void TestApiJobs::syncAndBulkSync()
{
    const qint64 createdBefore = f->shop().eventCount(QStringLiteral("job.created"));
    auto c = f->call("PUT", "/api/v1/jobs/sync", key, Json{{"external_id", "E-1"}, {"external_source", "erp"}, {"job_number", "ERP-1"}});
    EXPECT_STATUS(c, 201);
    QCOMPARE(str(c.data(), "action"), QStringLiteral("created"));
    QVERIFY(!str(c.data()["job"], "sync_hash").isEmpty());
    auto u =
        f->call("PUT", "/functions/v1/api-jobs/sync", key, Json{{"external_id", "E-1"}, {"external_source", "erp"}, {"customer", "Z"}});
    EXPECT_STATUS(u, 200);
    QCOMPARE(str(u.data(), "action"), QStringLiteral("updated"));
    QCOMPARE(str(u.data()["job"], "id"), str(c.data()["job"], "id"));
    QCOMPARE(f->shop().eventCount(QStringLiteral("job.created")), createdBefore + 1);
    QVERIFY(f->shop().eventCount(QStringLiteral("job.updated")) >= 1);
    auto noKeys = f->call("PUT", "/api/v1/jobs/sync", key, Json{{"job_number", "ERP-X"}});
    EXPECT_STATUS(noKeys, 422);
    QCOMPARE(noKeys.body["error"]["details"].size(), size_t(2));

    auto p = f->call("PUT", "/api/v1/parts/sync", key,
                     Json{{"external_id", "P-1"},
                          {"external_source", "erp"},
                          {"part_number", "ERP-1-P"},
                          {"material", "S235"},
                          {"job_external_id", "E-1"}});
    EXPECT_STATUS(p, 201);
    QCOMPARE(str(p.data()["part"], "job_id"), str(c.data()["job"], "id"));
    EXPECT_STATUS(f->call("PUT", "/api/v1/parts/sync", key,
                          Json{{"external_id", "P-2"},
                               {"external_source", "erp"},
                               {"part_number", "ERP-2-P"},
                               {"material", "S"},
                               {"job_external_id", "nope"}}),
                  422);
    auto o = f->call("PUT", "/api/v1/operations/sync", key,
                     Json{{"external_id", "O-1"},
                          {"external_source", "erp"},
                          {"operation_name", "Cut"},
                          {"part_external_id", "P-1"},
                          {"cell_name", "laser"},
                          {"estimated_time_minutes", 12}});
    EXPECT_STATUS(o, 201);
    QCOMPARE(str(o.data()["operation"], "cell_id"), f->shop().laser);
    QCOMPARE(num(o.data()["operation"], "estimated_time"), 12);
    EXPECT_STATUS(f->call("PUT", "/api/v1/cells/sync", key, Json{{"external_id", "C-1"}, {"external_source", "erp"}, {"name", "Saw"}}),
                  201);
    EXPECT_STATUS(f->call("PUT", "/functions/v1/api-resources/sync", key,
                          Json{{"external_id", "R-1"}, {"external_source", "erp"}, {"name", "Saw 1"}, {"type", "machine"}}),
                  201);

    Json items = Json::array({{{"external_id", "B-1"}, {"external_source", "erp"}, {"job_number", "BULK-1"}},
                              {{"external_id", "B-2"}, {"external_source", "erp"}, {"job_number", 5}},
                              {{"external_id", "E-1"}, {"external_source", "erp"}, {"notes", "bulk update"}}});
    auto b = f->call("POST", "/api/v1/jobs/bulk-sync", key, Json{{"items", items}});
    EXPECT_STATUS(b, 200);
    const Json res = b.data()["results"];
    QCOMPARE(num(res, "created"), 1);
    QCOMPARE(num(res, "updated"), 1);
    QCOMPARE(num(res, "failed"), 1);
    QCOMPARE(str(res["errors"][0]["error"], "code"), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(num(b.data(), "total"), 3);
    QVERIFY(f->shop().eventCount(QStringLiteral("sync.jobs.completed")) >= 1);
    auto legacy = f->call("POST", "/functions/v1/api-jobs/bulk-sync", key,
                          Json{{"jobs", Json::array({{{"external_id", "B-3"}, {"external_source", "erp"}, {"job_number", "BULK-3"}}})}});
    EXPECT_STATUS(legacy, 200);
    QCOMPARE(num(legacy.data()["results"], "created"), 1);
    Json tooMany = Json::array();
    for (int n = 0; n < 1001; ++n)
        tooMany.push_back({{"external_id", std::to_string(n)}, {"external_source", "erp"}, {"job_number", "T"}});
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs/bulk-sync", key, Json{{"items", tooMany}}), 400);
    EXPECT_STATUS(f->call("POST", "/api/v1/cells/bulk-sync", key, Json{{"nothing", 1}}), 400);
}

QTEST_GUILESS_MAIN(TestApiJobs)
#include "tst_apijobs.moc"
