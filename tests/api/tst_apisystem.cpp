#include "apiroutetest.h"

#include "http/apiserver.h"

#include <QTest>

#include <limits>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// The routes every resource shares, over real HTTP: health, metrics and OpenAPI, authentication,
// 404 versus 405, request ids, security headers and CORS, the error contract, what a body may not
// set, and every read route of the original's /functions/v1 table.
class TestApiSystem : public ApiRouteTest {
    Q_OBJECT
private slots:
    void systemRoutes();
    void authentication();
    void notFoundVersusMethodNotAllowed();
    void requestIdSecurityHeadersCors();
    void errorsFollowTheContract();
    void integersOutOfRangeAreRefused();
    void massAssignmentIsIgnored();
    void everyCompatibleReadRoute();
};

void TestApiSystem::systemRoutes()
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
        const std::string path = toStd(r.pattern), method = toStd(http::methodName(r.method).toLower());
        if (!r.canonical) {
            QVERIFY(!o.body["paths"].contains(path));
            continue;
        }
        QVERIFY2(o.body["paths"].contains(path) && o.body["paths"][path].contains(method), path.c_str());
        ++described;
    }
    QVERIFY(described > 80);
}

void TestApiSystem::authentication()
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

void TestApiSystem::notFoundVersusMethodNotAllowed()
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

void TestApiSystem::requestIdSecurityHeadersCors()
{
    auto r = f->call("GET", "/api/v1/jobs", key, nullptr, {{"x-request-id", "trace-42.a:b"}, {"Origin", "http://localhost:5173"}});
    QCOMPARE(r.header("x-request-id"), QByteArray("trace-42.a:b"));
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    auto bad = f->call("GET", "/api/v1/jobs", key, nullptr, {{"x-request-id", "<script>"}, {"Origin", "http://evil.example"}});
    QVERIFY(bad.header("x-request-id") != "<script>" && !bad.header("x-request-id").isEmpty());
    QVERIFY(bad.header("Access-Control-Allow-Origin").isEmpty());
    auto pre =
        f->call("OPTIONS", "/api/v1/jobs", {}, nullptr, {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_STATUS(pre, 200);
    QVERIFY(pre.header("Access-Control-Allow-Methods").contains("PUT"));
    QVERIFY(pre.header("Allow").contains("POST"));
    EXPECT_STATUS(f->call("OPTIONS", "/api/v1/unknown"), 404);
}

void TestApiSystem::errorsFollowTheContract()
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
    QVERIFY2(fields.contains("job_number") && fields.contains("due_date") && fields.contains("package_count"),
             qPrintable(fields.join(',')));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json::array({1, 2})), 422);
    auto dup = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "J-100"}});
    EXPECT_STATUS(dup, 409);
    QCOMPARE(dup.code(), QStringLiteral("CONFLICT"));
    EXPECT_STATUS(f->call("POST", "/api/v1/parts", key, Json{{"job_id", toStd(newId())}, {"part_number", "X"}, {"material", "S"}}), 422);
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

void TestApiSystem::integersOutOfRangeAreRefused()
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

void TestApiSystem::massAssignmentIsIgnored()
{
    const QString foreign = newId();
    const QString chosen = newId();
    auto c = f->call("POST", "/api/v1/jobs", key,
                     Json{{"job_number", "MASS-1"},
                          {"tenant_id", toStd(foreign)},
                          {"id", toStd(chosen)},
                          {"created_at", "2000-01-01T00:00:00.000Z"},
                          {"deleted_at", "2000-01-01T00:00:00.000Z"},
                          {"status", "completed"},
                          {"sync_hash", "x"}});
    EXPECT_STATUS(c, 201);
    const Json job = c.data()["job"];
    QCOMPARE(str(job, "tenant_id"), f->shop().tenantId);
    QVERIFY(str(job, "id") != chosen);
    QVERIFY(!str(job, "created_at").startsWith("2000"));
    QVERIFY(job["deleted_at"].is_null());
    QCOMPARE(str(job, "status"), QStringLiteral("not_started"));
    auto u =
        f->call("PATCH", "/api/v1/jobs/" + str(job, "id"), key, Json{{"tenant_id", toStd(foreign)}, {"id", toStd(chosen)}, {"notes", "n"}});
    EXPECT_STATUS(u, 200);
    QCOMPARE(str(u.data()["job"], "tenant_id"), f->shop().tenantId);
    QCOMPARE(str(u.data()["job"], "id"), str(job, "id"));
    auto k = f->call("POST", "/api/v1/api-keys", admin,
                     Json{{"name", "mass"}, {"key_hash", "0000"}, {"tenant_id", toStd(foreign)}, {"active", false}});
    EXPECT_STATUS(k, 201);
    QVERIFY(!k.data()["api_key"].contains("key_hash"));
    QCOMPARE(str(k.data()["api_key"], "tenant_id"), f->shop().tenantId);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", str(k.data()["api_key"], "key")), 200);
    auto o =
        f->call("POST", "/api/v1/operators", key, Json{{"full_name", "Mass Op"}, {"pin", "4321"}, {"pin_hash", "x"}, {"role", "admin"}});
    EXPECT_STATUS(o, 201);
    QCOMPARE(str(o.data()["operator"], "role"), QStringLiteral("operator"));
    QVERIFY(!o.data()["operator"].contains("pin_hash"));
}

void TestApiSystem::everyCompatibleReadRoute()
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
    must(s.substeps.add(sc, Json{{"operation_id", toStd(op)}, {"name", "Compat check"}}));
    must(s.assignments.assign(sc, Json{{"part_id", toStd(shop.partId)}, {"operator_id", toStd(shop.op2)}}));
    must(s.issues.create(
        sc, Json{{"operation_id", toStd(op)}, {"created_by", toStd(shop.op2)}, {"severity", "low"}, {"description", "compat"}}));
    must(s.production.report(sc, Json{{"operation_id", toStd(op)}, {"quantity_good", 1}}));
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

QTEST_GUILESS_MAIN(TestApiSystem)
#include "tst_apisystem.moc"
