#include "apifixture.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace ery;
using namespace ery::domain;
using namespace ery::test;

// ERP sync over real HTTP on both route tables (/api/v1/erp/... and the original's
// /functions/v1/api-erp-sync/...): diff, sync and status as an ERP uses them, the options, references
// and their errors, the original's routing answers, malformed and hostile bodies, another tenant's
// key, and a long run that leaves the hub answering.
class TestApiErpSync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void diffSyncStatus_data();
    void diffSyncStatus();
    void options_data();
    void options();
    void referencesAndDuplicates();
    void routing();
    void malformedAndHostile();
    void otherTenant();
    void othersServedMeanwhile();

private:
    static void tables();
    static Json order(const QString &tag);
    qint64 jobsLike(const QString &prefix, const QString &k = {});
    qint64 allJobs();

    std::unique_ptr<ApiFixture> f;
    QString key;
};

void TestApiErpSync::initTestCase()
{
    f = ApiFixture::create();
    key = f->key(f->shop().scope);
    // Many calls: the per-minute limit is not what this test is about.
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "enterprise"}}));
}

void TestApiErpSync::tables()
{
    QTest::addColumn<QString>("base");
    QTest::newRow("canonical") << QStringLiteral("/api/v1/erp");
    QTest::newRow("original") << QStringLiteral("/functions/v1/api-erp-sync");
}

// One order from the ERP: a job, its part, and the part's routing by cell name.
Json TestApiErpSync::order(const QString &tag)
{
    const std::string t = toStd(tag);
    return Json{{"jobs", {{{"external_id", "SO-" + t}, {"external_source", "erp"}, {"job_number", "ERP-" + t}, {"customer", "Acme"}}}},
                {"parts",
                 {{{"external_id", "L-" + t},
                   {"external_source", "erp"},
                   {"part_number", "ERP-" + t + "-A"},
                   {"job_external_id", "SO-" + t},
                   {"material", "S235 3mm"},
                   {"quantity", 3}}}},
                {"resources", {{{"external_id", "M-" + t}, {"external_source", "erp"}, {"name", "Press " + t}, {"type", "machine"}}}},
                {"operations",
                 {{{"external_id", "R1-" + t},
                   {"external_source", "erp"},
                   {"operation_name", "Cut"},
                   {"part_external_id", "L-" + t},
                   {"cell_name", "Laser"},
                   {"sequence", 1},
                   {"estimated_time_minutes", 15}},
                  {{"external_id", "R2-" + t},
                   {"external_source", "erp"},
                   {"operation_name", "Bend"},
                   {"part_external_id", "L-" + t},
                   {"cell_name", "Bending"},
                   {"sequence", 2}}}},
                {"source", "erp_" + t}};
}

qint64 TestApiErpSync::jobsLike(const QString &prefix, const QString &k)
{
    auto r = f->call("GET", QStringLiteral("/api/v1/jobs?job_number=%1&limit=1").arg(prefix), k.isEmpty() ? key : k);
    return num(r.data()["pagination"], "total");
}

qint64 TestApiErpSync::allJobs()
{
    auto n = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs"));
    return n ? *n : -1;
}

void TestApiErpSync::diffSyncStatus_data()
{
    tables();
}

void TestApiErpSync::diffSyncStatus()
{
    QFETCH(QString, base);
    const QString tag = base.startsWith(QLatin1String("/api")) ? QStringLiteral("C") : QStringLiteral("O");
    const Json body = order(tag);
    // diff: everything would be created, nothing is.
    auto d = f->call("POST", base + "/diff", key, body);
    EXPECT_STATUS(d, 200);
    QCOMPARE(num(d.data()["summary"], "total_to_create"), qint64(5));
    QCOMPARE(str(d.data()["entities"]["operations"]["records"][0], "status"), QStringLiteral("create"));
    QCOMPARE(jobsLike("ERP-" + tag), qint64(0));
    // sync: created, with the routing on the part in the named cells.
    const qint64 batches = f->shop().eventCount("sync.batch.completed");
    auto s = f->call("POST", base + "/sync", key, body);
    EXPECT_STATUS(s, 200);
    QCOMPARE(num(s.data()["summary"], "total_created"), qint64(5));
    QVERIFY(s.data()["summary"].contains("duration_ms"));
    const QString partId = str(s.data()["entities"]["parts"]["results"][0], "id");
    auto ops = f->call("GET", "/api/v1/operations?sort=sequence&part_id=" + partId, key);
    EXPECT_STATUS(ops, 200);
    QCOMPARE(ops.data()["operations"].size(), size_t(2));
    QCOMPARE(str(ops.data()["operations"][0], "cell_id"), f->shop().laser);
    QCOMPARE(str(ops.data()["operations"][1], "cell_id"), f->shop().bending);
    QCOMPARE(num(ops.data()["operations"][0], "estimated_time"), qint64(15));
    QCOMPARE(f->shop().eventCount("sync.batch.completed"), batches + 1);
    // The same again: unchanged.
    auto same = f->call("POST", base + "/diff", key, body);
    QCOMPARE(num(same.data()["summary"], "total_unchanged"), qint64(5));
    // One field changed: the diff names it, the sync updates that record only.
    Json changed = body;
    changed["parts"][0]["quantity"] = 7;
    auto d2 = f->call("POST", base + "/diff", key, changed);
    EXPECT_STATUS(d2, 200);
    const Json partDiff = d2.data()["entities"]["parts"]["records"][0];
    QCOMPARE(str(partDiff, "status"), QStringLiteral("update"));
    QCOMPARE(str(partDiff, "existing_id"), partId);
    QVERIFY2(partDiff["changes"] == Json({"quantity: \"3\" -> \"7\""}), partDiff.dump().c_str());
    QCOMPARE(num(f->call("GET", "/api/v1/parts/" + partId, key).data()["part"], "quantity"), qint64(3));
    auto s2 = f->call("POST", base + "/sync", key, changed);
    EXPECT_STATUS(s2, 200);
    QCOMPARE(num(s2.data()["summary"], "total_updated"), qint64(1));
    QCOMPARE(num(s2.data()["summary"], "total_skipped"), qint64(4));
    QCOMPARE(num(f->call("GET", "/api/v1/parts/" + partId, key).data()["part"], "quantity"), qint64(7));
    // status: this source's runs, newest first, filtered and limited.
    auto st = f->call("GET", base + "/status?source=erp_" + tag + "&entity_type=parts&limit=1", key);
    EXPECT_STATUS(st, 200);
    QCOMPARE(num(st.data()["stats"], "total_syncs"), qint64(2));
    QCOMPARE(num(st.data()["stats"], "total_created"), qint64(1));
    QCOMPARE(num(st.data()["stats"], "total_updated"), qint64(1));
    QCOMPARE(st.data()["history"].size(), size_t(1));
    QCOMPARE(num(st.data()["history"][0], "updated_count"), qint64(1));
    QCOMPARE(str(st.data()["history"][0], "operation"), QStringLiteral("erp_sync"));
    auto all = f->call("GET", base + "/status?source=erp_" + tag, key);
    QCOMPARE(num(all.data()["stats"], "total_syncs"), qint64(8));
    QCOMPARE(all.data()["history"].size(), size_t(8));
    auto capped = f->call("GET", base + "/status?limit=100000", key);
    EXPECT_STATUS(capped, 200);
    QVERIFY(capped.data()["history"].size() <= 100);
    EXPECT_STATUS(f->call("GET", base + "/status?limit=ten", key), 400);
    EXPECT_STATUS(f->call("GET", base + "/status?entity_type=widgets", key), 400);
}

void TestApiErpSync::options_data()
{
    tables();
}

void TestApiErpSync::options()
{
    QFETCH(QString, base);
    const std::string t = base.startsWith(QLatin1String("/api")) ? "C" : "O";
    const Json jobs = {{{"external_id", "OK1-" + t}, {"external_source", "erp"}, {"job_number", "OPT-" + t + "-1"}},
                       {{"external_id", "BAD-" + t}, {"external_source", "erp"}},
                       {{"external_id", "OK2-" + t}, {"external_source", "erp"}, {"job_number", "OPT-" + t + "-2"}}};
    const std::string source = "opt_" + t;
    // continue_on_error false: 422 naming the record; nothing written; the failed run recorded.
    auto refused = f->call("POST", base + "/sync", key,
                           Json{{"jobs", jobs}, {"source", source}, {"options", {{"continue_on_error", false}, {"batch_size", 1}}}});
    EXPECT_STATUS(refused, 422);
    QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(num(refused.body["error"]["details"], "index"), qint64(1));
    QCOMPARE(jobsLike(QStringLiteral("OPT-%1").arg(QString::fromStdString(t))), qint64(0));
    auto st = f->call("GET", base + "/status?source=" + QString::fromStdString(source), key);
    QCOMPARE(num(st.data()["stats"], "failed"), qint64(1));
    // record_history false: the run goes in (continue_on_error true), no row is written.
    auto quiet = f->call("POST", base + "/sync", key, Json{{"jobs", jobs}, {"source", source}, {"options", {{"record_history", false}}}});
    EXPECT_STATUS(quiet, 200);
    QCOMPARE(num(quiet.data()["summary"], "total_created"), qint64(2));
    QCOMPARE(num(quiet.data()["summary"], "total_errors"), qint64(1));
    QCOMPARE(str(quiet.data()["entities"]["jobs"]["results"][1], "action"), QStringLiteral("error"));
    QCOMPARE(num(f->call("GET", base + "/status?source=" + QString::fromStdString(source), key).data()["stats"], "total_syncs"), qint64(1));
    // skip_unchanged false rewrites the unchanged records; true skips them.
    auto rewrite = f->call("POST", base + "/sync", key, Json{{"jobs", jobs}, {"options", {{"skip_unchanged", false}}}});
    QCOMPARE(num(rewrite.data()["summary"], "total_updated"), qint64(2));
    auto skip = f->call("POST", base + "/sync", key, Json{{"jobs", jobs}, {"options", {{"skip_unchanged", true}}}});
    QCOMPARE(num(skip.data()["summary"], "total_skipped"), qint64(2));
    QCOMPARE(str(skip.data()["entities"]["jobs"]["results"][0], "action"), QStringLiteral("skipped"));
}

void TestApiErpSync::referencesAndDuplicates()
{
    const Json body{
        {"jobs",
         {{{"external_id", "RJ"}, {"external_source", "erp"}, {"job_number", "REF-1"}},
          {{"external_id", "TWICE"}, {"external_source", "erp"}, {"job_number", "REF-2"}},
          {{"external_id", "TWICE"}, {"external_source", "erp"}, {"job_number", "REF-3"}}}},
        {"parts",
         {{{"external_id", "RP"}, {"external_source", "erp"}, {"part_number", "REF-1-A"}, {"job_external_id", "RJ"}, {"material", "S"}},
          {{"external_id", "RP2"}, {"external_source", "erp"}, {"part_number", "REF-2-A"}, {"job_external_id", "TWICE"}, {"material", "S"}},
          {{"external_id", "RP3"}, {"external_source", "erp"}, {"part_number", "REF-X"}, {"job_external_id", "NOWHERE"}, {"material", "S"}},
          {{"external_id", "CY1"},
           {"external_source", "erp"},
           {"part_number", "CY1"},
           {"job_external_id", "RJ"},
           {"material", "S"},
           {"parent_part_external_id", "CY2"}},
          {{"external_id", "CY2"},
           {"external_source", "erp"},
           {"part_number", "CY2"},
           {"job_external_id", "RJ"},
           {"material", "S"},
           {"parent_part_external_id", "CY1"}}}},
        {"operations",
         {{{"external_id", "RO"},
           {"external_source", "erp"},
           {"operation_name", "Cut"},
           {"part_external_id", "RP"},
           {"cell_name", "Welding"}},
          {{"external_id", "RO2"},
           {"external_source", "erp"},
           {"operation_name", "Cut"},
           {"part_external_id", "RP"},
           {"cell_name", "No such cell"}}}}};
    auto r = f->call("POST", "/api/v1/erp/sync", key, body);
    EXPECT_STATUS(r, 200);
    const Json e = r.data()["entities"];
    QCOMPARE(str(e["jobs"]["results"][0], "action"), QStringLiteral("created"));
    QVERIFY(str(e["jobs"]["results"][1], "error").contains(QStringLiteral("appears 2 times")));
    QVERIFY(str(e["jobs"]["results"][2], "error").contains(QStringLiteral("appears 2 times")));
    QCOMPARE(str(e["parts"]["results"][0], "action"), QStringLiteral("created"));
    QCOMPARE(str(e["parts"]["results"][1]["details"][0], "field"), QStringLiteral("job_external_id"));
    QCOMPARE(str(e["parts"]["results"][2]["details"][0], "field"), QStringLiteral("job_external_id"));
    QVERIFY(str(e["parts"]["results"][3], "error").contains(QStringLiteral("cycle")));
    QVERIFY(str(e["parts"]["results"][4], "error").contains(QStringLiteral("cycle")));
    QCOMPARE(str(e["operations"]["results"][0], "action"), QStringLiteral("created"));
    QCOMPARE(str(e["operations"]["results"][1]["details"][0], "field"), QStringLiteral("cell_name"));
    QCOMPARE(num(r.data()["summary"], "total_created"), qint64(3));
    QCOMPARE(num(r.data()["summary"], "total_errors"), qint64(7));
    QCOMPARE(jobsLike(QStringLiteral("REF-")), qint64(1));
}

void TestApiErpSync::routing()
{
    const Json one{{"jobs", {{{"external_id", "RT"}, {"external_source", "erp"}, {"job_number", "RT-1"}}}}};
    // The original's table: the action is the last segment.
    auto unknown = f->call("POST", "/functions/v1/api-erp-sync/push", key, one);
    EXPECT_STATUS(unknown, 400);
    QCOMPARE(str(unknown.body["error"], "message"), QStringLiteral("Invalid endpoint. Use /diff, /sync, or /status"));
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-erp-sync", key), 400);
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-erp-sync/history", key), 400);
    auto wrongGet = f->call("GET", "/functions/v1/api-erp-sync/sync", key);
    EXPECT_STATUS(wrongGet, 405);
    QCOMPARE(wrongGet.code(), QStringLiteral("METHOD_NOT_ALLOWED"));
    QVERIFY(wrongGet.header("Allow").startsWith("POST"));
    auto wrongPost = f->call("POST", "/functions/v1/api-erp-sync/status", key, one);
    EXPECT_STATUS(wrongPost, 405);
    QVERIFY(wrongPost.header("Allow").startsWith("GET"));
    EXPECT_STATUS(f->call("PUT", "/functions/v1/api-erp-sync/diff", key, one), 405);
    // The canonical table: the router's own 404 and 405.
    auto canonicalWrong = f->call("GET", "/api/v1/erp/sync", key);
    EXPECT_STATUS(canonicalWrong, 405);
    QCOMPARE(canonicalWrong.header("Allow"), QByteArray("POST, OPTIONS"));
    EXPECT_STATUS(f->call("POST", "/api/v1/erp/push", key, one), 404);
    // Keys: none is 401, a read key may read the status but not sync.
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("POST", "/api/v1/erp/sync", {}, one), 401);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-erp-sync/sync", {}, one), 401);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-erp-sync/push", {}, one), 401);
    EXPECT_STATUS(f->call("POST", "/api/v1/erp/sync", reader, one), 403);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-erp-sync/diff", reader, one), 403);
    EXPECT_STATUS(f->call("GET", "/api/v1/erp/status", reader), 200);
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-erp-sync/status", reader), 200);
    QCOMPARE(jobsLike(QStringLiteral("RT-")), qint64(0));
}

void TestApiErpSync::malformedAndHostile()
{
    const qint64 jobsBefore = allJobs();
    const qint64 outbox = f->shop().outboxCount();
    const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
    for (const QString &base : {QStringLiteral("/api/v1/erp"), QStringLiteral("/functions/v1/api-erp-sync")}) {
        for (const char *action : {"/diff", "/sync"}) {
            const QString path = base + QLatin1String(action);
            auto malformed = f->callRaw("POST", path, key, R"({"jobs":[{"external_id":"M")", json);
            EXPECT_STATUS(malformed, 400);
            EXPECT_STATUS(f->callRaw("POST", path, key, "\xff\xfe\x00garbage", json), 400);
            EXPECT_STATUS(f->callRaw("POST", path, key, "", json), 400);
            EXPECT_STATUS(f->call("POST", path, key, Json::array({1, 2})), 400);
            EXPECT_STATUS(f->call("POST", path, key, Json{{"jobs", "all of them"}}), 422);
            auto wrongType =
                f->call("POST", path, key, Json{{"parts", {{{"external_id", "W"}, {"external_source", "e"}, {"quantity", "many"}}}}});
            EXPECT_STATUS(wrongType, 422);
            QCOMPARE(str(wrongType.body["error"]["details"][0], "field"), QStringLiteral("parts[0].quantity"));
            EXPECT_STATUS(
                f->call("POST", path, key, Json{{"parts", {{{"external_id", "W"}, {"external_source", "e"}, {"quantity", 1e300}}}}}), 422);
            EXPECT_STATUS(
                f->call("POST", path, key,
                        Json{{"jobs", {{{"external_id", "W"}, {"external_source", "e"}, {"job_number", std::string(100000, 'x')}}}}}),
                422);
            EXPECT_STATUS(f->call("POST", path, key, Json{{"jobs", {1, "two", nullptr}}}), 422);
            // Deeply nested JSON is refused before it is parsed.
            const QByteArray deep = R"({"jobs":[{"external_id":"D","external_source":"e","metadata":)" + QByteArray(10000, '[') +
                                    QByteArray(10000, ']') + "}]}";
            EXPECT_STATUS(f->callRaw("POST", path, key, deep, json), 400);
            // More than 1000 records of one entity: 413, saying the limit.
            Json many = Json::array();
            for (int i = 0; i < 1001; ++i)
                many.push_back({{"external_id", "X" + std::to_string(i)}, {"external_source", "e"}, {"job_number", "X"}});
            auto tooMany = f->call("POST", path, key, Json{{"jobs", many}});
            EXPECT_STATUS(tooMany, 413);
            QVERIFY(str(tooMany.body["error"], "message").contains(QStringLiteral("at most 1000")));
        }
    }
    QCOMPARE(allJobs(), jobsBefore);
    QCOMPARE(f->shop().outboxCount(), outbox);
    // Hostile text is data: stored and answered as sent.
    const std::string sql = "x'); DELETE FROM jobs; --";
    auto hostile =
        f->call("POST", "/functions/v1/api-erp-sync/sync", key,
                Json{{"jobs", {{{"external_id", sql}, {"external_source", "erp\" OR 1=1"}, {"job_number", "HOST-1"}, {"customer", sql}}}},
                     {"source", sql}});
    EXPECT_STATUS(hostile, 200);
    QCOMPARE(str(hostile.data()["entities"]["jobs"]["results"][0], "external_id"), QString::fromStdString(sql));
    auto stored = f->call("GET", "/api/v1/jobs?job_number=HOST-1", key);
    QCOMPARE(str(stored.data()["jobs"][0], "customer"), QString::fromStdString(sql));
    QCOMPARE(allJobs(), jobsBefore + 1);
    auto st = f->call("GET", "/api/v1/erp/status?source=" + QString::fromUtf8(QUrl::toPercentEncoding(QString::fromStdString(sql))), key);
    EXPECT_STATUS(st, 200);
    QCOMPARE(num(st.data()["stats"], "total_syncs"), qint64(1));
}

void TestApiErpSync::otherTenant()
{
    // Tenant A's order, then tenant B's key.
    EXPECT_STATUS(f->call("POST", "/api/v1/erp/sync", key, order(QStringLiteral("T"))), 200);
    auto pair = f->s().tenants.create(Json{{"name", "Tenant B"}, {"plan", "enterprise"}});
    QVERIFY(pair);
    const Scope b = Scope::of(str(pair->live, "id"));
    for (const char *cell : {"Laser", "Bending"})
        QVERIFY(f->s().catalog.create(services::CatalogService::Cells, b, Json{{"name", cell}}));
    const QString bKey = f->key(b);
    // B sees none of A's history and none of A's records.
    auto st = f->call("GET", "/functions/v1/api-erp-sync/status", bKey);
    EXPECT_STATUS(st, 200);
    QCOMPARE(num(st.data()["stats"], "total_syncs"), qint64(0));
    auto d = f->call("POST", "/api/v1/erp/diff", bKey, order(QStringLiteral("T")));
    EXPECT_STATUS(d, 200);
    QCOMPARE(num(d.data()["summary"], "total_to_create"), qint64(5));
    const QString aJob = str(f->call("GET", "/api/v1/jobs?job_number=ERP-T", key).data()["jobs"][0], "id");
    QVERIFY(!d.raw.contains(aJob.toLatin1()));
    // B syncing A's external ids creates B's own records; A's stay as they were.
    Json mine = order(QStringLiteral("T"));
    mine["jobs"][0]["job_number"] = "B-ERP-T";
    mine["jobs"][0]["customer"] = "Tenant B";
    auto s = f->call("POST", "/functions/v1/api-erp-sync/sync", bKey, mine);
    EXPECT_STATUS(s, 200);
    QCOMPARE(num(s.data()["summary"], "total_created"), qint64(5));
    QVERIFY(str(s.data()["entities"]["jobs"]["results"][0], "id") != aJob);
    QCOMPARE(str(f->call("GET", "/api/v1/jobs/" + aJob, key).data()["job"], "customer"), QStringLiteral("Acme"));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs/" + aJob, bKey), 404);
    // A part of B cannot name A's job by id.
    auto steal = f->call(
        "POST", "/api/v1/erp/sync", bKey,
        Json{{"parts",
              {{{"external_id", "S"}, {"external_source", "erp"}, {"part_number", "S"}, {"job_id", toStd(aJob)}, {"material", "S"}}}}});
    EXPECT_STATUS(steal, 200);
    QCOMPARE(str(steal.data()["entities"]["parts"]["results"][0], "action"), QStringLiteral("error"));
    QCOMPARE(num(f->call("GET", "/api/v1/parts?job_id=" + aJob, key).data()["pagination"], "total"), qint64(1));
    // And A's status does not count B's runs.
    auto aStatus = f->call("GET", "/api/v1/erp/status?source=erp_T", key);
    QCOMPARE(num(aStatus.data()["stats"], "total_syncs"), qint64(4));
}

void TestApiErpSync::othersServedMeanwhile()
{
    // A sync of 1000 jobs in steps of 20 records: meanwhile reads are answered and see none of it.
    Json jobs = Json::array();
    for (int i = 0; i < 1000; ++i)
        jobs.push_back(
            {{"external_id", "LONG" + std::to_string(i)}, {"external_source", "erp"}, {"job_number", "LONG-" + std::to_string(i)}});
    const QByteArray body = QByteArray::fromStdString(Json{{"jobs", jobs}, {"options", {{"batch_size", 20}}}}.dump());
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(f->base() + "/api/v1/erp/sync"));
    req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *sync = nam.post(req, body);
    bool done = false;
    QObject::connect(sync, &QNetworkReply::finished, [&] { done = true; });
    QVERIFY(waitFor([&] { return f->shop().db().writeHeld() || done; }, 20000));
    QVERIFY2(!done, "the sync ended before it could be watched");
    auto status = f->call("GET", "/api/v1/erp/status", key);
    EXPECT_STATUS(status, 200);
    QCOMPARE(jobsLike(QStringLiteral("LONG-")), qint64(0));
    QVERIFY2(f->shop().db().writeHeld(), "the sync ended before the reads were answered");
    QVERIFY(waitFor([&] { return done; }, 60000));
    QCOMPARE(sync->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const Json answer = Json::parse(sync->readAll().toStdString(), nullptr, false);
    QCOMPARE(num(answer["data"]["summary"], "total_created"), qint64(1000));
    QCOMPARE(jobsLike(QStringLiteral("LONG-")), qint64(1000));
    sync->deleteLater();
}

QTEST_GUILESS_MAIN(TestApiErpSync)
#include "tst_apierpsync.moc"
