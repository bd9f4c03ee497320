#include "apifixture.h"

#include "http/apiserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <limits>

using namespace ery;
using namespace ery::test;

// Evaluates the call once (QVERIFY2 evaluates its message too).
#define EXPECT_STATUS(reply, st)                                                                                       \
    do {                                                                                                               \
        const auto &ery_reply_ = (reply);                                                                               \
        QVERIFY2(ery_reply_.status == (st), qPrintable(QStringLiteral("expected %1, got %2: %3")                         \
                                                             .arg(st)                                                  \
                                                             .arg(ery_reply_.status)                                   \
                                                             .arg(QString::fromUtf8(ery_reply_.raw.left(600)))));      \
    } while (0)

// Every route of both tables, success and failure, over real HTTP.
class TestApiRoutes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void systemRoutes();
    void authentication();
    void notFoundVersusMethodNotAllowed();
    void requestIdSecurityHeadersCors();
    void jobsOnBothTables();
    void listOptions();
    void jobLifecycle();
    void operationLifecycleBooksTime();
    void errorsFollowTheContract();
    void integersOutOfRangeAreRefused();
    void massAssignmentIsIgnored();
    void partsOperationsAndCatalogue();
    void operators();
    void timeEntries();
    void substepsAndAssignments();
    void issuesAndProduction();
    void syncAndBulkSync();
    void apiKeyManagement();
    void everyCompatibleReadRoute();
    void batchesOnBothTables();
    void importCsv();
    void importLeavesOthersServed();

private:
    std::unique_ptr<ApiFixture> f;
    QString key, admin;
};

void TestApiRoutes::initTestCase()
{
    f = ApiFixture::create();
    key = f->key(f->shop().scope);
    admin = f->key(f->shop().scope, QStringLiteral("admin"));
}

void TestApiRoutes::systemRoutes()
{
    auto h = f->call("GET", "/health");
    EXPECT_STATUS(h, 200);
    QCOMPARE(str(h.body, "status"), QStringLiteral("ok"));
    QVERIFY(h.body["database"].contains("engine"));
    QVERIFY(!h.body["database"].contains("location"));
    QVERIFY(h.body.contains("uptime_seconds") && h.body.contains("version"));

    auto m = f->call("GET", "/metrics"); // loopback needs no key
    EXPECT_STATUS(m, 200);
    QVERIFY(m.header("content-type").startsWith("text/plain"));
    QVERIFY(m.raw.contains("eryxon_http_requests_total{route=\"/health\",method=\"GET\",status=\"200\"} 1"));
    QVERIFY(m.raw.contains("eryxon_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
    QVERIFY(m.raw.contains("eryxon_outbox_backlog"));
    EXPECT_STATUS(f->call("GET", "/metrics", key), 403); // a key must be an admin key
    EXPECT_STATUS(f->call("GET", "/metrics", admin), 200);

    auto o = f->call("GET", "/api/v1/openapi.json");
    EXPECT_STATUS(o, 200);
    QCOMPARE(str(o.body, "openapi"), QStringLiteral("3.1.0"));
    // Every canonical route is described, no compatible one is.
    int described = 0;
    for (const auto &r : f->shop().engine().api()->router().routes()) {
        const std::string path = js(r.pattern), method = js(http::methodName(r.method).toLower());
        if (!r.canonical) {
            QVERIFY(!o.body["paths"].contains(path));
            continue;
        }
        QVERIFY2(o.body["paths"].contains(path) && o.body["paths"][path].contains(method), path.c_str());
        ++described;
    }
    QVERIFY(described > 80);
}

void TestApiRoutes::authentication()
{
    auto none = f->call("GET", "/api/v1/jobs");
    EXPECT_STATUS(none, 401);
    QCOMPARE(none.code(), QStringLiteral("UNAUTHORIZED"));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", QStringLiteral("sk_live_nope")), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", QStringLiteral("ery_live_0123456789abcdef0123456789abcdef")), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", {}, nullptr, {{"Authorization", "Basic eDp5"}}), 401);
    auto ok = f->call("GET", "/api/v1/jobs", key);
    EXPECT_STATUS(ok, 200);
    QVERIFY(!ok.header("RateLimit-Policy").isEmpty());
}

void TestApiRoutes::notFoundVersusMethodNotAllowed()
{
    auto nf = f->call("GET", "/api/v1/nothing-here", key);
    EXPECT_STATUS(nf, 404);
    QCOMPARE(nf.code(), QStringLiteral("NOT_FOUND"));
    auto del = f->call("DELETE", "/api/v1/jobs", key);
    EXPECT_STATUS(del, 405);
    QCOMPARE(del.code(), QStringLiteral("METHOD_NOT_ALLOWED"));
    QVERIFY(del.header("Allow").contains("GET") && del.header("Allow").contains("POST") && !del.header("Allow").contains("DELETE"));
    auto lc = f->call("GET", "/functions/v1/api-job-lifecycle/start", key);
    EXPECT_STATUS(lc, 405);
    QVERIFY(lc.header("Allow").contains("POST"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/production/" + newId(), key, Json::object()), 405);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/issues/" + newId(), key), 405);
    auto head = f->call("HEAD", "/api/v1/jobs", key);
    EXPECT_STATUS(head, 200);
    QVERIFY(head.raw.isEmpty());
}

void TestApiRoutes::requestIdSecurityHeadersCors()
{
    auto r = f->call("GET", "/api/v1/jobs", key, nullptr, {{"x-request-id", "trace-42.a:b"}, {"Origin", "http://localhost:5173"}});
    QCOMPARE(r.header("x-request-id"), QByteArray("trace-42.a:b"));
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    auto bad = f->call("GET", "/api/v1/jobs", key, nullptr, {{"x-request-id", "<script>"}, {"Origin", "http://evil.example"}});
    QVERIFY(bad.header("x-request-id") != "<script>" && !bad.header("x-request-id").isEmpty());
    QVERIFY(bad.header("Access-Control-Allow-Origin").isEmpty());
    auto pre = f->call("OPTIONS", "/api/v1/jobs", {}, nullptr, {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_STATUS(pre, 204);
    QVERIFY(pre.header("Access-Control-Allow-Methods").contains("PUT"));
    QVERIFY(pre.header("Allow").contains("POST"));
    EXPECT_STATUS(f->call("OPTIONS", "/api/v1/unknown"), 404);
}

void TestApiRoutes::jobsOnBothTables()
{
    Json in{{"job_number", "API-1"}, {"customer", "Acme"}, {"due_date", "2031-02-01"},
            {"parts", Json::array({{{"part_number", "API-1-P1"}, {"material", "S235"}, {"quantity", 2},
                                    {"operations", Json::array({{{"operation_name", "Cut"}, {"cell_name", "Laser"}},
                                                                {{"operation_name", "Bend"}, {"cell_id", js(f->shop().bending)}}})}}})}};
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

void TestApiRoutes::listOptions()
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

void TestApiRoutes::jobLifecycle()
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

void TestApiRoutes::operationLifecycleBooksTime()
{
    const QString op = f->shop().ops.at(0);
    const QString worker = f->shop().op1;
    auto s = f->call("POST", "/api/v1/operations/" + op + "/start", key, Json{{"operator_id", js(worker)}});
    EXPECT_STATUS(s, 200);
    QCOMPARE(str(s.data(), "new_status"), QStringLiteral("in_progress"));
    QCOMPARE(s.data()["time_entry_created"].get<bool>(), true);
    auto open = f->call("GET", "/api/v1/time-entries?operation_id=" + op, key);
    QCOMPARE(open.data()["time_entries"].size(), size_t(1));
    QVERIFY(open.data()["time_entries"][0]["end_time"].is_null());
    auto p = f->call("POST", "/functions/v1/api-operation-lifecycle/pause?id=" + op, key);
    EXPECT_STATUS(p, 200);
    QCOMPARE(p.data()["time_entry_ended"].get<bool>(), true);
    QCOMPARE(str(p.data(), "operation_type"), QStringLiteral("pause"));
    auto r = f->call("POST", "/functions/v1/api-operation-lifecycle/resume?id=" + op + "&user_id=" + worker, key);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.data()["time_entry_created"].get<bool>(), true);
    auto bad = f->call("POST", "/api/v1/operations/" + op + "/start", key, Json{{"operator_id", "nope"}});
    EXPECT_STATUS(bad, 422);
    auto c = f->call("POST", "/api/v1/operations/" + op + "/complete", key, Json{{"operator_id", js(worker)}});
    EXPECT_STATUS(c, 200);
    QCOMPARE(str(c.data(), "new_status"), QStringLiteral("completed"));
    auto again = f->call("POST", "/api/v1/operations/" + op + "/complete", key);
    EXPECT_STATUS(again, 400);
    QCOMPARE(again.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
}

void TestApiRoutes::errorsFollowTheContract()
{
    auto malformed = f->callRaw("POST", "/api/v1/jobs", key, "{\"job_number\": ");
    EXPECT_STATUS(malformed, 400);
    QCOMPARE(malformed.code(), QStringLiteral("BAD_REQUEST"));
    QCOMPARE(malformed.body["error"]["statusCode"].get<int>(), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/jobs", key, "\xff\xfe garbage"), 400);
    auto types = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", 12}, {"due_date", "someday"}, {"package_count", "three"}});
    EXPECT_STATUS(types, 422);
    QCOMPARE(types.code(), QStringLiteral("VALIDATION_ERROR"));
    QStringList fields;
    for (const auto &d : types.body["error"]["details"])
        fields << str(d, "field");
    QVERIFY2(fields.contains("job_number") && fields.contains("due_date") && fields.contains("package_count"), qPrintable(fields.join(',')));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json::array({1, 2})), 422);
    auto dup = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "J-100"}});
    EXPECT_STATUS(dup, 409);
    QCOMPARE(dup.code(), QStringLiteral("CONFLICT"));
    EXPECT_STATUS(f->call("POST", "/api/v1/parts", key, Json{{"job_id", js(newId())}, {"part_number", "X"}, {"material", "S"}}), 422);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/jobs", key, QByteArray(1000, '[')), 400); // deep nesting is a parse error, not a crash
    // Well-formed but 200,000 levels deep: echoing it in a 422 would overflow the stack.
    const QByteArray deep = "{\"job_number\":" + QByteArray(200000, '[') + QByteArray(200000, ']') + "}";
    auto tooDeep = f->callRaw("POST", "/api/v1/jobs", key, deep);
    EXPECT_STATUS(tooDeep, 400);
    QVERIFY(str(tooDeep.body["error"], "message").contains("nested"));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key,
                          Json{{"job_number", "DEEP-OK"}, {"metadata", Json::parse(std::string(100, '[') + std::string(100, ']'))}}),
                  201);
}

void TestApiRoutes::integersOutOfRangeAreRefused()
{
    // JSON numbers beyond 64 bits: 1e300 used to be cast to an integer (undefined behaviour, in
    // practice INT64_MIN) and 2^64-1 wrapped round to -1, both stored past the field's minimum.
    for (const char *count : {"1e300", "-1e300", "18446744073709551615", "9223372036854775808.0"}) {
        const QByteArray body = QByteArray(R"({"job_number":"BIG-)") + count + R"(","package_count":)" + count + "}";
        auto r = f->callRaw("POST", "/api/v1/jobs", key, body);
        EXPECT_STATUS(r, 422);
        QCOMPARE(str(r.body["error"]["details"][0], "field"), QStringLiteral("package_count"));
    }
    // Integer columns hold 32 bits on PostgreSQL: that is the range on both engines.
    auto fits = f->callRaw("POST", "/api/v1/jobs", key, R"({"job_number":"BIG-OK","package_count":2147483647})");
    EXPECT_STATUS(fits, 201);
    QCOMPARE(fits.data()["job"]["package_count"].get<qint64>(), qint64(std::numeric_limits<qint32>::max()));
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/jobs", key, R"({"job_number":"BIG-NO","package_count":2147483648})"), 422);
}

void TestApiRoutes::massAssignmentIsIgnored()
{
    const QString foreign = newId();
    const QString chosen = newId();
    auto c = f->call("POST", "/api/v1/jobs", key,
                     Json{{"job_number", "MASS-1"}, {"tenant_id", js(foreign)}, {"id", js(chosen)}, {"created_at", "2000-01-01T00:00:00.000Z"},
                          {"deleted_at", "2000-01-01T00:00:00.000Z"}, {"status", "completed"}, {"sync_hash", "x"}});
    EXPECT_STATUS(c, 201);
    const Json job = c.data()["job"];
    QCOMPARE(str(job, "tenant_id"), f->shop().tenantId);
    QVERIFY(str(job, "id") != chosen);
    QVERIFY(!str(job, "created_at").startsWith("2000"));
    QVERIFY(job["deleted_at"].is_null());
    QCOMPARE(str(job, "status"), QStringLiteral("not_started"));
    auto u = f->call("PATCH", "/api/v1/jobs/" + str(job, "id"), key, Json{{"tenant_id", js(foreign)}, {"id", js(chosen)}, {"notes", "n"}});
    EXPECT_STATUS(u, 200);
    QCOMPARE(str(u.data()["job"], "tenant_id"), f->shop().tenantId);
    QCOMPARE(str(u.data()["job"], "id"), str(job, "id"));
    auto k = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "mass"}, {"key_hash", "0000"}, {"tenant_id", js(foreign)}, {"active", false}});
    EXPECT_STATUS(k, 201);
    QVERIFY(!k.data()["api_key"].contains("key_hash"));
    QCOMPARE(str(k.data()["api_key"], "tenant_id"), f->shop().tenantId);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", str(k.data()["api_key"], "key")), 200);
    auto o = f->call("POST", "/api/v1/operators", key, Json{{"full_name", "Mass Op"}, {"pin", "4321"}, {"pin_hash", "x"}, {"role", "admin"}});
    EXPECT_STATUS(o, 201);
    QCOMPARE(str(o.data()["operator"], "role"), QStringLiteral("operator"));
    QVERIFY(!o.data()["operator"].contains("pin_hash"));
}

void TestApiRoutes::partsOperationsAndCatalogue()
{
    auto part = f->call("POST", "/api/v1/parts", key,
                        Json{{"job_id", js(f->shop().jobId)}, {"part_number", "P-NEW"}, {"material", "Alu"}, {"quantity", 3},
                             {"operations", Json::array({{{"operation_name", "Deburr"}, {"cell_name", "Welding"}}})}});
    EXPECT_STATUS(part, 201);
    const QString partId = str(part.data()["part"], "id");
    QCOMPARE(part.data()["part"]["operations"].size(), size_t(1));
    QCOMPARE(f->call("GET", "/api/v1/parts?job_id=" + f->shop().jobId, key).data()["parts"].size(), size_t(2));
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-parts?id=" + partId, key), 200);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/parts/" + partId, key, Json{{"notes", "n"}}), 200);

    auto op = f->call("POST", "/api/v1/operations", key,
                      Json{{"part_id", js(partId)}, {"cell_id", js(f->shop().laser)}, {"operation_name", "Mark"}, {"estimated_time", 5}});
    EXPECT_STATUS(op, 201);
    const QString opId = str(op.data()["operation"], "id");
    QCOMPARE(f->call("GET", "/api/v1/operations?part_id=" + partId + "&sort=sequence", key).data()["operations"].size(), size_t(2));
    EXPECT_STATUS(f->call("PATCH", "/functions/v1/api-operations?id=" + opId, key, Json{{"notes", "x"}}), 200);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/operations/" + opId, key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/operations/" + opId, key), 404);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/parts/" + partId, key), 200);

    auto cell = f->call("POST", "/api/v1/cells", key, Json{{"name", "Paint"}, {"sequence", 9}});
    EXPECT_STATUS(cell, 201);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-cells", key, Json{{"name", "Paint"}}), 409);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/cells/" + str(cell.data()["cell"], "id"), key, Json{{"active", false}}), 200);
    QCOMPARE(f->call("GET", "/api/v1/cells?active=false", key).data()["cells"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/cells/" + str(cell.data()["cell"], "id"), key), 200);

    auto res = f->call("POST", "/api/v1/resources", key, Json{{"name", "Press 1"}, {"type", "machine"}, {"status", "available"}});
    EXPECT_STATUS(res, 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/resources", key, Json{{"name", "Press 2"}, {"status", "broken"}}), 422);
    QCOMPARE(f->call("GET", "/functions/v1/api-resources?type=machine", key).data()["resources"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/resources/" + str(res.data()["resource"], "id"), key), 200);
    QCOMPARE(f->call("GET", "/api/v1/resources", key).data()["resources"].size(), size_t(0)); // soft deleted

    EXPECT_STATUS(f->call("POST", "/api/v1/materials", key, Json{{"name", "S355"}}), 201);
    QCOMPARE(f->call("GET", "/functions/v1/api-materials", key).data()["materials"].size(), size_t(1));

    auto sr = f->call("POST", "/api/v1/scrap-reasons", key, Json{{"code", "X-1"}, {"description", "Scratch"}, {"category", "process"}});
    EXPECT_STATUS(sr, 201);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/scrap-reasons/" + str(sr.data()["scrap_reason"], "id"), key, Json{{"active", false}}), 200);
    QCOMPARE(f->call("GET", "/api/v1/scrap-reasons", key).data()["scrap_reasons"].size(), size_t(0)); // active only by default
    QCOMPARE(f->call("GET", "/functions/v1/api-scrap-reasons?active=false", key).data()["scrap_reasons"].size(), size_t(1));

    auto tpl = f->call("POST", "/api/v1/substep-templates", key, Json{{"name", "Weld check"}});
    EXPECT_STATUS(tpl, 201);
    const QString tplId = str(tpl.data()["substep_template"], "id");
    EXPECT_STATUS(f->call("POST", "/api/v1/substep-templates/" + tplId + "/items", key, Json{{"name", "Visual"}, {"sequence", 1}}), 201);
    auto t = f->call("GET", "/functions/v1/api-templates?id=" + tplId, key);
    EXPECT_STATUS(t, 200);
    QCOMPARE(t.data()["substep_template"]["items"].size(), size_t(1));
}

void TestApiRoutes::operators()
{
    auto list = f->call("GET", "/api/v1/operators", key);
    EXPECT_STATUS(list, 200);
    QVERIFY(list.data()["operators"].size() >= 2);
    for (const auto &o : list.data()["operators"]) {
        QCOMPARE(str(o, "role"), QStringLiteral("operator"));
        QVERIFY(!o.contains("pin_hash") && !o.contains("password_hash"));
    }
    EXPECT_STATUS(f->call("GET", "/api/v1/operators/" + f->shop().admin, key), 404); // an admin is no operator
    auto c = f->call("POST", "/functions/v1/api-operators", key, Json{{"full_name", "New Op"}, {"pin", "12"}});
    EXPECT_STATUS(c, 422);
    auto ok = f->call("POST", "/api/v1/operators", key, Json{{"full_name", "New Op"}, {"pin", "2468"}});
    EXPECT_STATUS(ok, 201);
    const QString id = str(ok.data()["operator"], "id");
    EXPECT_STATUS(f->call("PATCH", "/api/v1/operators/" + id, key, Json{{"full_name", "Renamed"}}), 200);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/operators/" + id, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/operators/" + id, key).data()["operator"]["active"].get<bool>(), false);
}

void TestApiRoutes::timeEntries()
{
    const QString op = f->shop().ops.at(1);
    auto e = f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", js(f->shop().op2)}, {"operation_id", js(op)}});
    EXPECT_STATUS(e, 201);
    const QString id = str(e.data()["time_entry"], "id");
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", "x"}}), 422);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries/" + id + "/pause", key), 200);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-time-entries/resume?id=" + id, key), 200);
    auto stop = f->call("POST", "/api/v1/time-entries/" + id + "/stop", key);
    EXPECT_STATUS(stop, 200);
    QVERIFY(!stop.data()["time_entry"]["end_time"].is_null());
    EXPECT_STATUS(f->call("GET", "/api/v1/time-entries/" + id, key), 200);
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-time-entries?id=" + id, key), 200);
    QVERIFY(f->call("GET", "/api/v1/time-entries?operator_id=" + f->shop().op2 + "&start_date=2000-01-01", key).data()["time_entries"].size() >= 1);
    QCOMPARE(f->call("GET", "/api/v1/time-entries?end_date=2000-01-01", key).data()["time_entries"].size(), size_t(0));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/time-entries/" + id, key), 405);
}

void TestApiRoutes::substepsAndAssignments()
{
    const QString op = f->shop().ops.at(2);
    auto s = f->call("POST", "/api/v1/substeps", key, Json{{"operation_id", js(op)}, {"name", "Check"}});
    EXPECT_STATUS(s, 201);
    const QString sid = str(s.data()["substep"], "id");
    auto done = f->call("PATCH", "/functions/v1/api-substeps?id=" + sid, key, Json{{"status", "completed"}});
    EXPECT_STATUS(done, 200);
    QCOMPARE(str(done.data()["substep"], "status"), QStringLiteral("completed"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/substeps/" + sid, key, Json{{"status", "exploded"}}), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/substeps/" + sid, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/substeps?operation_id=" + op, key).data()["substeps"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/substeps/" + sid, key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/substeps/" + sid, key), 404);

    auto a = f->call("POST", "/api/v1/assignments", key, Json{{"part_id", js(f->shop().partId)}, {"operator_id", js(f->shop().op1)}});
    EXPECT_STATUS(a, 201);
    const QString aid = str(a.data()["assignment"], "id");
    EXPECT_STATUS(f->call("PATCH", "/api/v1/assignments/" + aid, key, Json{{"status", "accepted"}}), 200);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/assignments/" + aid, key, Json{{"status", "assigned"}}), 400);
    QCOMPARE(f->call("GET", "/functions/v1/api-assignments?operator_id=" + f->shop().op1, key).data()["assignments"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-assignments?id=" + aid, key), 200);
}

void TestApiRoutes::issuesAndProduction()
{
    const QString op = f->shop().ops.at(2);
    auto i = f->call("POST", "/api/v1/issues", key,
                     Json{{"operation_id", js(op)}, {"created_by", js(f->shop().op1)}, {"severity", "high"}, {"description", "Burr"}});
    EXPECT_STATUS(i, 201);
    const QString iid = str(i.data()["issue"], "id");
    auto missing = f->call("POST", "/api/v1/issues", key, Json{{"severity", "huge"}});
    EXPECT_STATUS(missing, 422);
    QVERIFY(missing.body["error"]["details"].size() >= 3);
    auto ap = f->call("POST", "/api/v1/issues/" + iid + "/approve", key, Json{{"resolution_notes", "Rework it"}});
    EXPECT_STATUS(ap, 200);
    QCOMPARE(str(ap.data(), "previous_status"), QStringLiteral("pending"));
    QCOMPARE(str(ap.data(), "new_status"), QStringLiteral("approved"));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-issues/reject?id=" + iid, key, Json{{"notes", "no"}}), 400);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-issues/close?id=" + iid, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/issues?status=closed", key).data()["issues"].size(), size_t(1));
    auto ncr = f->call("POST", "/functions/v1/api-issues", key,
                       Json{{"operation_id", js(op)}, {"created_by", js(f->shop().op1)}, {"severity", "low"}, {"description", "Dim"},
                            {"issue_type", "ncr"}, {"ncr_category", "dimensional"}});
    EXPECT_STATUS(ncr, 201);
    QVERIFY(str(ncr.data()["issue"], "ncr_number").startsWith("NCR-"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/issues/" + str(ncr.data()["issue"], "id"), key, Json{{"root_cause", "Tool wear"}}), 200);

    QVERIFY(f->s().catalog.seedDefaultScrapReasons(f->shop().scope));
    auto reasons = f->call("GET", "/api/v1/scrap-reasons?limit=2", key).data()["scrap_reasons"];
    auto rep = f->call("POST", "/api/v1/production", key,
                       Json{{"operation_id", js(op)}, {"quantity_good", 8}, {"quantity_scrap", 2},
                            {"scrap_lines", Json::array({{{"scrap_reason_id", reasons[0]["id"]}, {"quantity", 1}},
                                                         {{"scrap_reason_id", reasons[1]["id"]}, {"quantity", 1}}})}});
    EXPECT_STATUS(rep, 201);
    QCOMPARE(f->call("GET", "/api/v1/production?operation_id=" + op, key).data()["operation_quantities"].size(), size_t(1));
    QCOMPARE(num(rep.data()["operation_quantity"], "quantity_produced"), 10);
    QCOMPARE(rep.data()["operation_quantity"]["scrap_lines"].size(), size_t(2));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-operation-quantities", key, Json{{"operation_id", js(op)}, {"quantity_good", 1}}), 201);
    auto bad = f->call("POST", "/api/v1/production", key, Json{{"operation_id", js(op)}, {"quantity_good", -1}, {"quantity_scrap", "x"}});
    EXPECT_STATUS(bad, 422);
    QCOMPARE(bad.body["error"]["details"].size(), size_t(2));
    QCOMPARE(f->call("GET", "/api/v1/production?has_scrap=true", key).data()["operation_quantities"].size(), size_t(1));
    // Earlier completions reported quantities on J-100 too; the job and its only part see the same reports.
    const size_t ofJob = f->call("GET", "/api/v1/production?job_id=" + f->shop().jobId, key).data()["operation_quantities"].size();
    QVERIFY(ofJob >= 2);
    QCOMPARE(f->call("GET", "/api/v1/production?part_id=" + f->shop().partId, key).data()["operation_quantities"].size(), ofJob);
    QCOMPARE(f->call("GET", "/api/v1/production?job_id=" + f->shop().jobId + "&operation_id=" + op, key).data()["operation_quantities"].size(),
             size_t(2));
    QCOMPARE(f->call("GET", "/api/v1/production?part_id=" + newId(), key).data()["operation_quantities"].size(), size_t(0));
    auto one = f->call("GET", "/functions/v1/api-operation-quantities?id=" + str(rep.data()["operation_quantity"], "id"), key);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["operation_quantity"]["scrap_lines"].size(), size_t(2));
}

void TestApiRoutes::syncAndBulkSync()
{
    const qint64 createdBefore = f->shop().eventCount(QStringLiteral("job.created"));
    auto c = f->call("PUT", "/api/v1/jobs/sync", key, Json{{"external_id", "E-1"}, {"external_source", "erp"}, {"job_number", "ERP-1"}});
    EXPECT_STATUS(c, 201);
    QCOMPARE(str(c.data(), "action"), QStringLiteral("created"));
    QVERIFY(!str(c.data()["job"], "sync_hash").isEmpty());
    auto u = f->call("PUT", "/functions/v1/api-jobs/sync", key, Json{{"external_id", "E-1"}, {"external_source", "erp"}, {"customer", "Z"}});
    EXPECT_STATUS(u, 200);
    QCOMPARE(str(u.data(), "action"), QStringLiteral("updated"));
    QCOMPARE(str(u.data()["job"], "id"), str(c.data()["job"], "id"));
    QCOMPARE(f->shop().eventCount(QStringLiteral("job.created")), createdBefore + 1);
    QVERIFY(f->shop().eventCount(QStringLiteral("job.updated")) >= 1);
    auto noKeys = f->call("PUT", "/api/v1/jobs/sync", key, Json{{"job_number", "ERP-X"}});
    EXPECT_STATUS(noKeys, 422);
    QCOMPARE(noKeys.body["error"]["details"].size(), size_t(2));

    auto p = f->call("PUT", "/api/v1/parts/sync", key,
                     Json{{"external_id", "P-1"}, {"external_source", "erp"}, {"part_number", "ERP-1-P"}, {"material", "S235"}, {"job_external_id", "E-1"}});
    EXPECT_STATUS(p, 201);
    QCOMPARE(str(p.data()["part"], "job_id"), str(c.data()["job"], "id"));
    EXPECT_STATUS(f->call("PUT", "/api/v1/parts/sync", key,
                          Json{{"external_id", "P-2"}, {"external_source", "erp"}, {"part_number", "ERP-2-P"}, {"material", "S"}, {"job_external_id", "nope"}}),
                  422);
    auto o = f->call("PUT", "/api/v1/operations/sync", key,
                     Json{{"external_id", "O-1"}, {"external_source", "erp"}, {"operation_name", "Cut"}, {"part_external_id", "P-1"},
                          {"cell_name", "laser"}, {"estimated_time_minutes", 12}});
    EXPECT_STATUS(o, 201);
    QCOMPARE(str(o.data()["operation"], "cell_id"), f->shop().laser);
    QCOMPARE(num(o.data()["operation"], "estimated_time"), 12);
    EXPECT_STATUS(f->call("PUT", "/api/v1/cells/sync", key, Json{{"external_id", "C-1"}, {"external_source", "erp"}, {"name", "Saw"}}), 201);
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

void TestApiRoutes::apiKeyManagement()
{
    auto c = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "ERP"}, {"scope", "read"}});
    EXPECT_STATUS(c, 201);
    const QString secret = str(c.data()["api_key"], "key");
    const QString id = str(c.data()["api_key"], "id");
    QVERIFY(secret.startsWith("ery_live_") && secret.size() == 41);
    QCOMPARE(str(c.data()["api_key"], "key_prefix"), secret.left(12));
    QCOMPARE(str(c.data()["api_key"], "key_last4"), secret.right(4));
    auto list = f->call("GET", "/api/v1/api-keys", admin);
    EXPECT_STATUS(list, 200);
    for (const auto &k : list.data()["api_keys"]) {
        QVERIFY(!k.contains("key_hash") && !k.contains("key"));
    }
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys/" + id, admin), 200);
    // Scopes: read keys read; writes and key management need more.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", secret), 200);
    auto w = f->call("POST", "/api/v1/jobs", secret, Json{{"job_number", "RO-1"}});
    EXPECT_STATUS(w, 403);
    QCOMPARE(w.code(), QStringLiteral("FORBIDDEN"));
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys", key), 403);
    const QString testAdmin = f->key(f->shop().scope, QStringLiteral("admin"), true);
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys", testAdmin), 403);
    // The original's creation route answers the key as api_key.
    auto compat = f->call("POST", "/functions/v1/api-key-generate", admin, Json{{"name", "compat"}});
    EXPECT_STATUS(compat, 201);
    QVERIFY(str(compat.data(), "api_key").startsWith("ery_live_"));
    QVERIFY(!str(compat.data(), "warning").isEmpty());
    auto t = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "sandbox"}, {"environment", "test"}});
    QVERIFY(str(t.data()["api_key"], "key").startsWith("ery_test_"));
    EXPECT_STATUS(f->call("POST", "/api/v1/api-keys", admin, Json{{"scope", "root"}}), 422);
    // Revocation is immediate.
    EXPECT_STATUS(f->call("DELETE", "/api/v1/api-keys/" + id, admin), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", secret), 401);
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-key-generate?id=" + str(compat.data(), "id"), admin), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", str(compat.data(), "api_key")), 401);
}

void TestApiRoutes::everyCompatibleReadRoute()
{
    // Every GET of the original's /functions/v1/api-* table, as an integration written for it calls
    // it: the list (or a clear 400 where the original only read by id), then ?id= of a listed row.
    // A row in every table first, so each read by id has something to read.
    auto &s = f->s();
    TestShop &shop = f->shop();
    const Scope sc = shop.scope;
    auto must = [](const auto &r) {
        if (!r)
            qFatal("seed: %s", qPrintable(r.error().message));
    };
    must(s.catalog.create(CatalogService::Resources, sc, Json{{"name", "Compat press"}}));
    must(s.catalog.create(CatalogService::Materials, sc, Json{{"name", "Compat steel"}}));
    must(s.catalog.create(CatalogService::SubstepTemplates, sc, Json{{"name", "Compat checklist"}}));
    (void)s.catalog.seedDefaultScrapReasons(sc);
    const QString op = shop.op(2)["id"].get<std::string>().c_str();
    must(s.time.start(sc, shop.op2, op));
    must(s.substeps.add(sc, Json{{"operation_id", js(op)}, {"name", "Compat check"}}));
    must(s.assignments.assign(sc, Json{{"part_id", js(shop.partId)}, {"operator_id", js(shop.op2)}}));
    must(s.issues.create(sc, Json{{"operation_id", js(op)}, {"created_by", js(shop.op2)}, {"severity", "low"}, {"description", "compat"}}));
    must(s.production.report(sc, Json{{"operation_id", js(op)}, {"quantity_good", 1}}));
    must(s.webhooks.create(sc, Json{{"url", "http://10.0.0.7/compat"}, {"events", {"*"}}}));
    must(s.mqttPublishers.create(sc, Json{{"name", "Compat bus"}, {"broker_url", "10.0.0.8"}, {"events", {"*"}}, {"active", false}}));
    QStringList paths;
    for (const auto &r : f->shop().engine().api()->router().routes())
        if (!r.canonical && r.method == http::Method::Get && !r.pattern.contains(QLatin1Char('{')))
            paths << r.pattern;
    paths.removeDuplicates();
    QVERIFY(paths.size() >= 12);
    int readById = 0;
    for (const QString &path : paths) {
        auto list = f->call("GET", path, admin);
        QVERIFY2(list.status == 200 || list.status == 400, qPrintable(QStringLiteral("%1: %2").arg(path).arg(list.status)));
        if (list.status != 200)
            continue;
        const Json data = list.data();
        QString collection;
        for (auto it = data.begin(); it != data.end(); ++it)
            if (it.value().is_array())
                collection = QString::fromStdString(it.key());
        QVERIFY2(!collection.isEmpty() && data.contains("pagination"), qPrintable(path));
        const Json &rows = data[collection.toStdString()];
        if (rows.empty() || !rows[0].contains("id"))
            continue;
        const QString id = str(rows[0], "id");
        auto one = f->call("GET", path + QStringLiteral("?id=") + id, admin);
        QVERIFY2(one.status == 200, qPrintable(QStringLiteral("%1?id=: %2").arg(path).arg(one.status)));
        bool found = false;
        const Json item = one.data();
        for (auto it = item.begin(); it != item.end(); ++it)
            found = found || (it.value().is_object() && str(it.value(), "id") == id);
        QVERIFY2(found, qPrintable(path));
        ++readById;
    }
    QVERIFY2(readById >= 16, qPrintable(QString::number(readById)));
}

void TestApiRoutes::batchesOnBothTables()
{
    TestShop &shop = f->shop();
    Row job = shop.makeJob(shop.scope, "J-BATCH", 2);
    auto tree = f->s().jobs.tree(shop.scope, str(job, "id"));
    const std::string op0 = (*tree)["parts"][0]["operations"][0]["id"], op1 = (*tree)["parts"][0]["operations"][1]["id"];
    auto created = f->call("POST", "/api/v1/batches", key,
                           Json{{"batch_number", "NEST-API"}, {"batch_type", "laser_nesting"}, {"cell_id", js(shop.laser)},
                                {"material", "S235 3mm"}, {"thickness_mm", 3}, {"operation_ids", {op0}}});
    EXPECT_STATUS(created, 201);
    const QString id = str(created.data()["batch"], "id");
    QVERIFY(created.data()["batch"]["operations_assigned"] == Json(1));
    auto added = f->call("POST", "/functions/v1/api-batch-lifecycle/add-operations?id=" + id, key, Json{{"operation_ids", {op1}}});
    EXPECT_STATUS(added, 200);
    QVERIFY(added.data()["operations_added"] == Json(1));
    auto one = f->call("GET", "/functions/v1/api-batches?id=" + id, key);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["batch"]["operations"].size(), size_t(2));
    auto list = f->call("GET", "/api/v1/batches?material=s235&status=draft", key);
    EXPECT_STATUS(list, 200);
    QCOMPARE(list.data()["batches"].size(), size_t(1));
    EXPECT_STATUS(f->call("POST", "/api/v1/batches/" + id + "/start", key), 422); // the operator is missing
    auto nester = f->s().users.createOperator(shop.scope, Json{{"full_name", "Nina Nester"}, {"pin", "4321"}});
    QVERIFY(nester);
    auto started = f->call("POST", "/api/v1/batches/" + id + "/start", key, Json{{"operator_id", (*nester)["id"]}});
    EXPECT_STATUS(started, 200);
    QCOMPARE(str(started.data(), "new_status"), QStringLiteral("in_progress"));
    QVERIFY(started.data()["operations_started"] == Json(2));
    QCOMPARE(str(started.data(), "monitoring_source"), QStringLiteral("operator"));
    auto stopped = f->call("POST", "/functions/v1/api-batch-lifecycle/stop?id=" + id, key, Json::object());
    EXPECT_STATUS(stopped, 200);
    QCOMPARE(str(stopped.data(), "status"), QStringLiteral("completed"));
    QCOMPARE(stopped.data()["operations"].size(), size_t(2));
    QVERIFY(stopped.data().contains("total_minutes") && stopped.data().contains("distribution_method"));
    auto again = f->call("POST", "/api/v1/batches/" + id + "/add-operations", key, Json{{"operation_ids", {op0}}});
    EXPECT_STATUS(again, 400);
    QCOMPARE(again.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
    EXPECT_STATUS(f->call("POST", "/api/v1/batches", key, Json{{"batch_number", "NEST-API"}, {"cell_id", js(shop.laser)}}), 409);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/batches/" + id, key, Json{{"batch_type", "bogus"}}), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/batches/" + newId(), key), 404);
}

void TestApiRoutes::importCsv()
{
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    const QByteArray file = "external_id,external_source,job_number,customer\nI1,erp,IMP-1,Acme\nI2,erp,IMP-2,\nI3,erp,,Nobody\n";
    auto dry = f->callRaw("POST", "/api/v1/import/jobs?dry_run=true", key, file, csvType);
    EXPECT_STATUS(dry, 200);
    QVERIFY(dry.data()["import"]["dry_run"] == Json(true));
    QVERIFY(dry.data()["import"]["created"] == Json(2));
    QVERIFY(dry.data()["import"]["failed"] == Json(1));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?job_number=IMP-", key), 200);
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=IMP-", key).data()["jobs"].size(), size_t(0));
    // Whole or nothing: the bad row is named with its line and column, nothing is imported.
    auto refused = f->callRaw("POST", "/api/v1/import/jobs", key, file, csvType);
    EXPECT_STATUS(refused, 422);
    QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
    const Json bad = refused.body["error"]["details"]["rows"];
    QCOMPARE(bad.size(), size_t(1));
    QVERIFY(bad[0]["line"] == Json(4));
    QCOMPARE(str(bad[0]["errors"][0], "column"), QStringLiteral("job_number"));
    auto skipped = f->callRaw("POST", "/api/v1/import/jobs?skip_bad_rows=true&file_name=jobs.csv", key, file, csvType);
    EXPECT_STATUS(skipped, 200);
    QVERIFY(skipped.data()["import"]["committed"] == Json(true));
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=IMP-", key).data()["jobs"].size(), size_t(2));
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/widgets", key, file, csvType), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs?dry_run=maybe", key, file, csvType), 400);
    EXPECT_STATUS(f->call("POST", "/api/v1/import/jobs", key, Json{{"job_number", "J"}}), 400); // JSON is not a CSV file
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,job_number\nA\xff,B\n", csvType), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,external_source,job_number\n\"A,e,B\n", csvType), 400);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", reader, file, csvType), 403);
}

void TestApiRoutes::importLeavesOthersServed()
{
    // A large file is written in steps: meanwhile reads are answered (and do not see half of it),
    // and a write waits for the import's end, then goes in.
    QByteArray file = "external_id,external_source,job_number,customer\n";
    for (int i = 0; i < 4000; ++i)
        file += QStringLiteral("L%1,erp,LONG-%1,Acme\n").arg(i).toUtf8();
    QNetworkAccessManager nam;
    auto post = [&](const QString &path, const QByteArray &body, const QByteArray &type) {
        QNetworkRequest req(QUrl(f->base() + path));
        req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader, type);
        return nam.post(req, body);
    };
    QStringList finished;
    QNetworkReply *import = post(QStringLiteral("/api/v1/import/jobs?rows=errors"), file, "text/csv");
    QObject::connect(import, &QNetworkReply::finished, [&] { finished << QStringLiteral("import"); });
    QVERIFY(ApiFixture::waitFor([&] { return f->shop().db().writeHeld(); }, 20000));
    EXPECT_STATUS(f->call("GET", "/health"), 200);
    auto list = f->call("GET", "/api/v1/jobs?job_number=LONG-", key);
    EXPECT_STATUS(list, 200);
    QCOMPARE(list.data()["jobs"].size(), size_t(0));
    QVERIFY2(f->shop().db().writeHeld(), "the import ended before the reads were answered: make the file larger");
    QNetworkReply *create = post(QStringLiteral("/api/v1/jobs"), QByteArray(R"({"job_number":"AFTER-LONG"})"), "application/json");
    qint64 importedWhenCreated = -1;
    QObject::connect(create, &QNetworkReply::finished, [&] {
        finished << QStringLiteral("create");
        auto n = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_number LIKE 'LONG-%'"));
        importedWhenCreated = n ? *n : -1;
    });
    QVERIFY(ApiFixture::waitFor([&] { return finished.size() == 2; }, 60000));
    // The write was answered once the file was in (its answer may still come first: the import's
    // report is written on a worker thread).
    QCOMPARE(importedWhenCreated, qint64(4000));
    QCOMPARE(import->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const Json report = Json::parse(import->readAll().toStdString(), nullptr, false);
    QCOMPARE(num(report["data"]["import"], "created"), qint64(4000));
    QCOMPARE(report["data"]["import"]["rows"].size(), size_t(0)); // rows=errors
    QCOMPARE(create->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(num(f->call("GET", "/api/v1/jobs?job_number=LONG-&limit=1", key).data()["pagination"], "total"), qint64(4000));
    import->deleteLater();
    create->deleteLater();
}

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "tst_apiroutes.moc"
