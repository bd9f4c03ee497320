#include "apiroutetest.h"

#include <QTest>

using namespace ery::domain;
using namespace ery;
using namespace ery::test;

// GET/PATCH /api/v1/settings over real HTTP: admin scope only, every change validated (the field
// named), written through the service, audited, emitted as settings.updated and followed by the
// sandbox twin; a key of another tenant or the sandbox sees and changes only its own shop.
class TestApiSettings : public ApiRouteTest {
    Q_OBJECT
private slots:
    void readsTheShopSettings();
    void onlyAdminKeysReachSettings();
    void changesAreAuditedAndEmitted();
    void badInputNamesTheField_data();
    void badInputNamesTheField();
    void loopbackSwitchChangesWhatWebhooksMayTarget();
    void otherTenantsAndTheSandboxAreSeparate();
    void topicNamesFollowAChangeAtOnce();
};

void TestApiSettings::readsTheShopSettings()
{
    auto r = f->call("GET", "/api/v1/settings", admin);
    EXPECT_STATUS(r, 200);
    const Json st = r.data()["settings"];
    for (const char *k : {"name", "enterprise", "site", "area", "timezone", "enforce_wip_limits", "allow_loopback_webhooks",
                          "rate_limit_per_minute", "plan", "max_jobs", "max_parts_per_month", "max_storage_mb"})
        QVERIFY2(st.contains(k), k);
    QCOMPARE(str(st, "tenant_id"), f->shop().tenantId);
    QVERIFY(st["enforce_wip_limits"] == Json(true));
    // The OpenAPI document describes both methods, with the body's schema refusing unknown keys.
    auto doc = f->call("GET", "/api/v1/openapi.json");
    const Json &path = doc.body["paths"]["/api/v1/settings"];
    QVERIFY(path.contains("get") && path.contains("patch"));
    QVERIFY(path["patch"]["requestBody"]["content"]["application/json"]["schema"]["additionalProperties"] == Json(false));
}

void TestApiSettings::onlyAdminKeysReachSettings()
{
    EXPECT_STATUS(f->call("GET", "/api/v1/settings"), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/settings", key), 403);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", key, Json{{"name", "Hijacked"}}), 403);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", reader, Json{{"name", "Hijacked"}}), 403);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", "ery_live_" + QString(32, 'x'), Json{{"name", "Hijacked"}}), 401);
    QVERIFY(str(f->call("GET", "/api/v1/settings", admin).data()["settings"], "name") != QLatin1String("Hijacked"));
}

void TestApiSettings::changesAreAuditedAndEmitted()
{
    const qint64 eventsBefore = f->shop().eventCount("settings.updated");
    auto r = f->call("PATCH", "/api/v1/settings", admin,
                     Json{{"name", "Van der Berg Metaal"},
                          {"enterprise", "vdberg"},
                          {"site", "tilburg"},
                          {"area", "plate"},
                          {"timezone", "Europe/Brussels"},
                          {"enforce_wip_limits", false},
                          {"rate_limit_per_minute", 600},
                          {"plan", "pro"},
                          {"max_jobs", 5000},
                          {"max_parts_per_month", nullptr}});
    EXPECT_STATUS(r, 200);
    const Json st = r.data()["settings"];
    QCOMPARE(str(st, "name"), QStringLiteral("Van der Berg Metaal"));
    QCOMPARE(str(st, "timezone"), QStringLiteral("Europe/Brussels"));
    QVERIFY(st["rate_limit_per_minute"] == Json(600));
    QVERIFY(st["enforce_wip_limits"] == Json(false));
    // Read back: stored.
    const Json again = f->call("GET", "/api/v1/settings", admin).data()["settings"];
    QCOMPARE(str(again, "site"), QStringLiteral("tilburg"));
    QCOMPARE(str(again, "plan"), QStringLiteral("pro"));
    // One event naming what changed, one audit row.
    QCOMPARE(f->shop().eventCount("settings.updated"), eventsBefore + 1);
    const Rows events = f->shop().events("settings.updated");
    const Json &changed = events.back()["payload"]["data"]["changed"];
    QCOMPARE(str(changed["name"], "new"), QStringLiteral("Van der Berg Metaal"));
    QVERIFY(changed.contains("timezone") && !changed.contains("max_parts_per_month")); // null was null already
    auto log = f->s().activity.list(f->shop().scope, ListQuery{});
    QVERIFY(log.ok());
    bool audited = false;
    for (const auto &row : log->rows)
        audited = audited || (str(row, "entity_type") == QLatin1String("settings") && str(row, "description").contains("timezone"));
    QVERIFY(audited);
    // The sandbox twin follows: names (with its suffix), plan and limits.
    auto sb = f->s().tenants.get(f->shop().sandboxId);
    QVERIFY(sb.ok());
    QCOMPARE(str(*sb, "name"), QStringLiteral("Van der Berg Metaal (sandbox)"));
    QCOMPARE(str(*sb, "timezone"), QStringLiteral("Europe/Brussels"));
    QCOMPARE(str(*sb, "plan"), QStringLiteral("pro"));
    // The same values again change nothing: no event, no audit row.
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", admin, Json{{"site", "tilburg"}}), 200);
    QCOMPARE(f->shop().eventCount("settings.updated"), eventsBefore + 1);
    // The rate-limit override is what the next request is limited by.
    auto limited = f->call("GET", "/api/v1/jobs", key);
    QCOMPARE(limited.header("X-RateLimit-Limit"), QByteArray("600"));
}

void TestApiSettings::badInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown key") << QByteArray(R"({"colour":"red"})") << 422 << "colour";
    QTest::newRow("tenant_id is not a setting") << QByteArray(R"({"tenant_id":"x"})") << 422 << "tenant_id";
    QTest::newRow("name wrong type") << QByteArray(R"({"name":42})") << 422 << "name";
    QTest::newRow("name empty") << QByteArray(R"({"name":"  "})") << 422 << "name";
    QTest::newRow("name null") << QByteArray(R"({"name":null})") << 422 << "name";
    QTest::newRow("name oversized") << QByteArray(R"({"name":")" + QByteArray(201, 'a') + R"("})") << 422 << "name";
    QTest::newRow("site oversized") << QByteArray(R"({"site":")" + QByteArray(5000, 'a') + R"("})") << 422 << "site";
    QTest::newRow("timezone unknown") << QByteArray(R"({"timezone":"Mars/Olympus_Mons"})") << 422 << "timezone";
    QTest::newRow("enterprise with slash") << QByteArray(R"({"enterprise":"a/b"})") << 422 << "enterprise";
    QTest::newRow("area wildcard") << QByteArray(R"({"area":"#"})") << 422 << "area";
    QTest::newRow("wip as string") << QByteArray(R"({"enforce_wip_limits":"yes"})") << 422 << "enforce_wip_limits";
    QTest::newRow("loopback as number") << QByteArray(R"({"allow_loopback_webhooks":1})") << 422 << "allow_loopback_webhooks";
    QTest::newRow("rate limit zero") << QByteArray(R"({"rate_limit_per_minute":0})") << 422 << "rate_limit_per_minute";
    QTest::newRow("rate limit huge") << QByteArray(R"({"rate_limit_per_minute":1e12})") << 422 << "rate_limit_per_minute";
    QTest::newRow("rate limit fraction") << QByteArray(R"({"rate_limit_per_minute":1.5})") << 422 << "rate_limit_per_minute";
    QTest::newRow("plan unknown") << QByteArray(R"({"plan":"platinum"})") << 422 << "plan";
    QTest::newRow("quota negative") << QByteArray(R"({"max_jobs":-1})") << 422 << "max_jobs";
    QTest::newRow("empty object") << QByteArray(R"({})") << 422 << "body";
    QTest::newRow("array body") << QByteArray(R"([{"name":"x"}])") << 422 << "body";
    QTest::newRow("not json") << QByteArray(R"({"name":)") << 400 << "";
}

void TestApiSettings::badInputNamesTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const Json before = f->call("GET", "/api/v1/settings", admin).data()["settings"];
    auto r = f->callRaw("PATCH", "/api/v1/settings", admin, body, {{"Content-Type", "application/json"}});
    EXPECT_STATUS(r, status);
    if (!field.isEmpty()) {
        bool named = false;
        for (const auto &d : r.body["error"]["details"])
            named = named || str(d, "field") == field;
        QVERIFY2(named, r.raw.constData());
    }
    // Nothing was written.
    QVERIFY(f->call("GET", "/api/v1/settings", admin).data()["settings"] == before);
}

void TestApiSettings::loopbackSwitchChangesWhatWebhooksMayTarget()
{
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", admin, Json{{"allow_loopback_webhooks", false}}), 200);
    const Json hook{{"url", "http://127.0.0.1:9/hook"}, {"events", Json::array({"job.created"})}};
    EXPECT_STATUS(f->call("POST", "/api/v1/webhooks", admin, hook), 422);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", admin, Json{{"allow_loopback_webhooks", true}}), 200);
    EXPECT_STATUS(f->call("POST", "/api/v1/webhooks", admin, hook), 201);
}

void TestApiSettings::otherTenantsAndTheSandboxAreSeparate()
{
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    QVERIFY(other.ok());
    const QString otherAdmin = f->key(Scope::of(str(other->live, "id")), QStringLiteral("admin"));
    const QString mine = str(f->call("GET", "/api/v1/settings", admin).data()["settings"], "name");
    auto theirs = f->call("GET", "/api/v1/settings", otherAdmin);
    EXPECT_STATUS(theirs, 200);
    QCOMPARE(str(theirs.data()["settings"], "name"), QStringLiteral("Other Shop"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", otherAdmin, Json{{"name", "Renamed by B"}}), 200);
    QCOMPARE(str(f->call("GET", "/api/v1/settings", admin).data()["settings"], "name"), mine);
    // A tenant id in the body does not move the change to another tenant: it is refused.
    auto sneaky = f->call("PATCH", "/api/v1/settings", otherAdmin, Json{{"tenant_id", toStd(f->shop().tenantId)}, {"name", "X"}});
    EXPECT_STATUS(sneaky, 422);
    QCOMPARE(str(f->call("GET", "/api/v1/settings", admin).data()["settings"], "name"), mine);
}

// MQTT topics carry the shop's enterprise and site: a change shows in the next topic, not after a restart.
void TestApiSettings::topicNamesFollowAChangeAtOnce()
{
    const QString path =
        QStringLiteral("/api/v1/mqtt-publishers/preview-topic?pattern=%7Benterprise%7D/%7Bsite%7D/%7Bevent%7D&event=job.created");
    EXPECT_STATUS(f->call("GET", path, admin), 200); // the names are read (and held) once
    EXPECT_STATUS(f->call("PATCH", "/api/v1/settings", admin, Json{{"enterprise", "acme"}, {"site", "tilburg"}}), 200);
    auto r = f->call("GET", path, admin);
    EXPECT_STATUS(r, 200);
    QCOMPARE(str(r.data(), "topic"), QStringLiteral("acme/tilburg/job/created"));
}

QTEST_GUILESS_MAIN(TestApiSettings)
#include "tst_apisettings.moc"
