#include "apifixture.h"
#include "mosquittobroker.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ery::domain;
using namespace ery;
using namespace ery::test;

// Webhooks and MQTT publishers over real HTTP (CONTRACTS.md §3–4): field names as the original's
// tables, secrets and passwords never read back, both route tables, validation, other tenants'
// ids, and a broker probe that answers later without holding up anyone else.
class TestApiIntegrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void webhookCrudOnBothTables();
    void webhookValidationAndTenants();
    void deliveriesLogsAndReplay();
    void mqttPublisherCrud();
    void testConnectionAgainstRealBroker();
    void silentBrokerDoesNotHoldUpOthers();
    void brokerUrlAsAdminsWriteIt();
    void eventTypesNameTheCatalogueWithFamilies();

private:
    std::unique_ptr<ApiFixture> f;
    QString m_key, m_otherKey, m_readKey;
};

void TestApiIntegrations::initTestCase()
{
    f = ApiFixture::create();
    m_key = f->key(f->shop().scope);
    m_readKey = f->key(f->shop().scope, QStringLiteral("read"));
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    QVERIFY(other);
    m_otherKey = f->key(Scope::of(str(other->live, "id")));
}

void TestApiIntegrations::webhookCrudOnBothTables()
{
    auto created =
        f->call("POST", "/api/v1/webhooks", m_key,
                Json{{"url", "http://192.168.10.20/hook"}, {"events", {"job.*", "operation.completed"}}, {"description", "ERP"}});
    QCOMPARE(created.status, 201);
    const Json hook = created.data()["webhook"];
    const QString id = str(hook, "id");
    QVERIFY(str(hook, "secret").startsWith(QLatin1String("whsec_"))); // shown once
    QCOMPARE(str(hook, "secret_key"), str(hook, "secret"));           // the original's name for it
    QVERIFY(hook["active"] == Json(true));
    auto got = f->call("GET", "/api/v1/webhooks/" + id, m_key);
    QCOMPARE(got.status, 200);
    QVERIFY(!got.data()["webhook"].contains("secret")); // never again
    QVERIFY(!got.data()["webhook"].contains("previous_secret"));
    QVERIFY(got.data()["webhook"]["events"] == Json::array({"job.*", "operation.completed"}));
    auto compat = f->call("GET", "/functions/v1/api-webhooks?id=" + id, m_key);
    QCOMPARE(compat.status, 200);
    QCOMPARE(str(compat.data()["webhook"], "url"), QStringLiteral("http://192.168.10.20/hook"));
    auto list = f->call("GET", "/functions/v1/api-webhooks", m_key);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.data()["webhooks"].size(), size_t(1));
    QVERIFY(!list.data()["webhooks"][0].contains("secret"));
    auto patched = f->call("PATCH", "/api/v1/webhooks/" + id, m_key, Json{{"active", false}, {"events", {"*"}}});
    QCOMPARE(patched.status, 200);
    QVERIFY(patched.data()["webhook"]["active"] == Json(false));
    auto rotated = f->call("POST", "/api/v1/webhooks/" + id + "/rotate-secret", m_key);
    QCOMPARE(rotated.status, 200);
    QVERIFY(str(rotated.data()["webhook"], "secret").startsWith(QLatin1String("whsec_")));
    QVERIFY(str(rotated.data()["webhook"], "secret") != str(hook, "secret"));
    QCOMPARE(f->call("POST", "/api/v1/webhooks", m_readKey, Json{{"url", "http://10.0.0.1/x"}, {"events", {"*"}}}).status, 403);
    QCOMPARE(f->call("DELETE", "/functions/v1/api-webhooks?id=" + id, m_key).status, 200);
    QCOMPARE(f->call("GET", "/api/v1/webhooks/" + id, m_key).status, 404);
}

void TestApiIntegrations::webhookValidationAndTenants()
{
    auto bad = f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", 12}, {"events", "job.created"}});
    QCOMPARE(bad.status, 422);
    QStringList fields;
    for (const auto &d : bad.body["error"]["details"])
        fields << str(d, "field");
    QVERIFY2(fields.contains("url") && fields.contains("events"), qPrintable(fields.join(',')));
    // Targets the hub must never call: cloud metadata and link-local.
    QCOMPARE(f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", "http://169.254.169.254/latest"}, {"events", {"*"}}}).status, 422);
    QCOMPARE(f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", "ftp://10.0.0.1/x"}, {"events", {"*"}}}).status, 422);
    QCOMPARE(f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", "http://10.0.0.1/x"}, {"events", {"no.such_event"}}}).status, 422);
    QCOMPARE(f->callRaw("POST", "/api/v1/webhooks", m_key, "{\"url\": ").status, 400);
    // Another tenant's webhook does not exist for this key.
    auto theirs = f->call("POST", "/api/v1/webhooks", m_otherKey, Json{{"url", "http://10.0.0.2/x"}, {"events", {"*"}}});
    QCOMPARE(theirs.status, 201);
    const QString id = str(theirs.data()["webhook"], "id");
    QCOMPARE(f->call("GET", "/api/v1/webhooks/" + id, m_key).status, 404);
    QCOMPARE(f->call("PATCH", "/api/v1/webhooks/" + id, m_key, Json{{"active", false}}).status, 404);
    QCOMPARE(f->call("POST", "/api/v1/webhooks/" + id + "/rotate-secret", m_key).status, 404);
    QCOMPARE(f->call("DELETE", "/api/v1/webhooks/" + id, m_key).status, 404);
    QCOMPARE(f->call("GET", "/api/v1/webhooks/" + id, m_otherKey).status, 200);
}

void TestApiIntegrations::deliveriesLogsAndReplay()
{
    auto created = f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", "http://10.0.0.9/hook"}, {"events", {"*"}}});
    QCOMPARE(created.status, 201);
    const QString hookId = str(created.data()["webhook"], "id");
    for (const char *path : {"/api/v1/webhook-deliveries", "/api/v1/webhook-logs", "/functions/v1/api-webhook-logs"}) {
        auto r = f->call("GET", QString::fromLatin1(path) + "?webhook_id=" + hookId, m_key);
        QCOMPARE(r.status, 200);
        QVERIFY(r.data()["pagination"]["total"] == Json(0));
    }
    auto replay = f->call("POST", "/api/v1/webhooks/" + hookId + "/replay", m_key, Json{{"since", "2026-01-01T00:00:00.000Z"}});
    QCOMPARE(replay.status, 200);
    QVERIFY(replay.data()["replayed"] == Json(0));
    QCOMPARE(f->call("POST", "/api/v1/webhooks/" + hookId + "/replay", m_key, Json{{"since", "yesterday"}}).status, 422);
    QCOMPARE(f->call("POST", "/api/v1/webhook-deliveries/" + newId() + "/replay", m_key).status, 404);
}

void TestApiIntegrations::mqttPublisherCrud()
{
    auto created = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                           Json{{"name", "Line 1"},
                                {"broker_url", "10.1.2.3"},
                                {"port", 8883},
                                {"username", "hub"},
                                {"password", "s3cret"},
                                {"use_tls", true},
                                {"topic_pattern", "{enterprise}/{site}/{area}/{cell}/{event}"},
                                {"default_enterprise", "acme"},
                                {"default_site", "ehv"},
                                {"default_area", "fab"},
                                {"events", {"operation.*"}},
                                {"active", false}});
    QCOMPARE(created.status, 201);
    const Json pub = created.data()["mqtt_publisher"];
    const QString id = str(pub, "id");
    QVERIFY(!pub.contains("password"));
    QVERIFY(pub["has_password"] == Json(true));
    QCOMPARE(str(pub, "username"), QStringLiteral("hub"));
    auto got = f->call("GET", "/functions/v1/api-mqtt-publishers?id=" + id, m_key);
    QCOMPARE(got.status, 200);
    QVERIFY(!got.data()["mqtt_publisher"].contains("password"));
    auto list = f->call("GET", "/api/v1/mqtt-publishers", m_key);
    QCOMPARE(list.status, 200);
    for (const auto &p : list.data()["mqtt_publishers"])
        QVERIFY(!p.contains("password"));
    auto patched = f->call("PATCH", "/api/v1/mqtt-publishers/" + id, m_key, Json{{"qos", 2}});
    QCOMPARE(patched.status, 200);
    QVERIFY(patched.data()["mqtt_publisher"]["qos"] == Json(2));
    QCOMPARE(f->call("PATCH", "/api/v1/mqtt-publishers/" + id, m_key, Json{{"qos", 3}}).status, 422);
    QCOMPARE(f->call("POST", "/api/v1/mqtt-publishers", m_key, Json{{"name", "x"}}).status, 422);
    auto preview = f->call(
        "GET", "/api/v1/mqtt-publishers/preview-topic?pattern=%7Benterprise%7D/%7Bcell%7D/%7Bevent%7D&event=operation.started", m_key);
    QCOMPARE(preview.status, 200);
    QVERIFY(str(preview.data(), "topic").endsWith(QLatin1String("/operation/started")));
    QCOMPARE(f->call("GET", "/api/v1/mqtt-publishers/" + id, m_otherKey).status, 404);
    QCOMPARE(f->call("POST", "/api/v1/mqtt-publishers/" + id + "/test", m_otherKey).status, 404);
    QCOMPARE(f->call("DELETE", "/api/v1/mqtt-publishers/" + id, m_key).status, 200);
}

void TestApiIntegrations::testConnectionAgainstRealBroker()
{
    MosquittoBroker broker;
    QVERIFY(broker.start());
    auto up = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                      Json{{"name", "Real"}, {"broker_url", "127.0.0.1"}, {"port", broker.port()}, {"events", {"*"}}, {"active", false}});
    QCOMPARE(up.status, 201);
    auto ok = f->call("POST", "/api/v1/mqtt-publishers/" + str(up.data()["mqtt_publisher"], "id") + "/test", m_key);
    QCOMPARE(ok.status, 200);
    QVERIFY2(ok.data()["connected"] == Json(true), ok.raw.constData());
    QVERIFY(!ok.header("x-request-id").isEmpty());
    QCOMPARE(ok.header("X-Content-Type-Options"), QByteArray("nosniff"));
    auto down = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                        Json{{"name", "Down"}, {"broker_url", "127.0.0.1"}, {"port", freeTcpPort()}, {"events", {"*"}}, {"active", false}});
    auto refused = f->call("POST", "/api/v1/mqtt-publishers/" + str(down.data()["mqtt_publisher"], "id") + "/test", m_key);
    QCOMPARE(refused.status, 200);
    QVERIFY(refused.data()["connected"] == Json(false));
    QVERIFY(!str(refused.data(), "error").isEmpty());
}

void TestApiIntegrations::brokerUrlAsAdminsWriteIt()
{
    MosquittoBroker broker;
    QVERIFY(broker.start());
    // mqtt://host:port as pasted from a broker's documentation: the port in the URL is the one used.
    const std::string url = QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()).toStdString();
    for (const QString &path : {QStringLiteral("/api/v1/mqtt-publishers"), QStringLiteral("/functions/v1/api-mqtt-publishers")}) {
        auto up = f->call("POST", path, m_key, Json{{"name", "URL"}, {"broker_url", url}, {"events", {"*"}}, {"active", false}});
        EXPECT_STATUS(up, 201);
        const Json p = up.data()["mqtt_publisher"];
        QCOMPARE(str(p, "broker_url"), QStringLiteral("127.0.0.1"));
        QCOMPARE(num(p, "port"), broker.port());
        QVERIFY(p["use_tls"] == Json(false) || p["use_tls"] == Json(0));
        auto ok = f->call("POST", "/api/v1/mqtt-publishers/" + str(p, "id") + "/test", m_key);
        QVERIFY2(ok.data()["connected"] == Json(true), ok.raw.constData());
        // An update that moves it: the port follows the URL.
        auto moved =
            f->call("PATCH", "/api/v1/mqtt-publishers/" + str(p, "id"), m_key, Json{{"broker_url", "mqtts://broker.example:8884"}});
        EXPECT_STATUS(moved, 200);
        QCOMPARE(num(moved.data()["mqtt_publisher"], "port"), 8884);
        QVERIFY(moved.data()["mqtt_publisher"]["use_tls"] == Json(true) || moved.data()["mqtt_publisher"]["use_tls"] == Json(1));
    }
    // TLS without a port: 8883.
    auto tls = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                       Json{{"name", "TLS"}, {"broker_url", "mqtts://broker.example"}, {"events", {"*"}}, {"active", false}});
    EXPECT_STATUS(tls, 201);
    QCOMPARE(num(tls.data()["mqtt_publisher"], "port"), 8883);
    // What is not a broker address: 422 naming broker_url (or the field it contradicts).
    const std::vector<std::pair<Json, QString>> bad{
        {"http://broker.example", "broker_url"},
        {"ws://broker.example:9001", "broker_url"},
        {"mqtt://broker.example:0", "broker_url"},
        {"mqtt://broker.example:65536", "broker_url"},
        {"mqtt://broker.example:-1", "broker_url"},
        {"mqtt://broker.example:x", "broker_url"},
        {"mqtt://user:pw@broker.example", "broker_url"},
        {"mqtt://broker.example/topic", "broker_url"},
        {"mqtt://", "broker_url"},
        {"mqtt://[::1", "broker_url"},
        {"broker example", "broker_url"},
        {"", "broker_url"},
        {std::string(400, 'a') + "://x", "broker_url"},
    };
    for (const auto &[value, field] : bad) {
        auto r = f->call("POST", "/api/v1/mqtt-publishers", m_key, Json{{"name", "Bad"}, {"broker_url", value}, {"events", {"*"}}});
        EXPECT_STATUS(r, 422);
        bool named = false;
        for (const auto &d : r.body["error"]["details"])
            named = named || str(d, "field") == field;
        QVERIFY2(named, r.raw.constData());
    }
    auto clash = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                         Json{{"name", "Clash"}, {"broker_url", "mqtt://h:1884"}, {"port", 1885}, {"events", {"*"}}});
    EXPECT_STATUS(clash, 422);
    QVERIFY(clash.raw.contains("\"port\""));
    auto tlsClash = f->call("POST", "/api/v1/mqtt-publishers", m_key,
                            Json{{"name", "Clash"}, {"broker_url", "mqtts://h"}, {"use_tls", false}, {"events", {"*"}}});
    EXPECT_STATUS(tlsClash, 422);
    QVERIFY(tlsClash.raw.contains("use_tls"));
}

void TestApiIntegrations::silentBrokerDoesNotHoldUpOthers()
{
    // A "broker" that accepts and never says a word: the probe waits its 3 s on a worker thread.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto created =
        f->call("POST", "/api/v1/mqtt-publishers", m_key,
                Json{{"name", "Silent"}, {"broker_url", "127.0.0.1"}, {"port", silent.serverPort()}, {"events", {"*"}}, {"active", false}});
    QCOMPARE(created.status, 201);
    const QByteArray id = str(created.data()["mqtt_publisher"], "id").toLatin1();
    // One connection pipelines the probe and a /health; its answers keep their order.
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(s.waitForConnected(5000));
    s.write("POST /api/v1/mqtt-publishers/" + id + "/test HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_key.toLatin1() +
            "\r\nContent-Length: 0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    // Meanwhile everyone else is served at once.
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(f->call("GET", "/api/v1/jobs?limit=1", m_key).status, 200);
    QVERIFY2(t.elapsed() < 1500, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
    QByteArray got;
    QVERIFY(waitFor(
        [&] {
            got += s.readAll();
            return got.count("HTTP/1.1 200") == 2;
        },
        10000));
    const int probe = int(got.indexOf("\"connected\":false")), health = int(got.indexOf("\"status\":\"ok\""));
    QVERIFY2(probe > 0 && health > probe, got.constData());
    QVERIFY(got.contains("within 3 s"));
}


void TestApiIntegrations::eventTypesNameTheCatalogueWithFamilies()
{
    auto r = f->call("GET", "/api/v1/event-types", m_readKey);
    QCOMPARE(r.status, 200);
    const Json types = r.data()["event_types"];
    QVERIFY(types.is_array() && types.size() > 10);
    bool sawJobCreated = false;
    for (const Json &t : types) {
        const QString name = str(t, "name");
        QCOMPARE(str(t, "family"), name.section(QLatin1Char('.'), 0, 0));
        sawJobCreated = sawJobCreated || name == QLatin1String("job.created");
        // Every listed name is one a webhook accepts.
        auto h = f->call("POST", "/api/v1/webhooks", m_key, Json{{"url", "http://192.168.10.21/hook"}, {"events", {toStd(name)}}});
        QVERIFY2(h.status == 201, qPrintable(name));
        QCOMPARE(f->call("DELETE", "/api/v1/webhooks/" + str(h.data()["webhook"], "id"), m_key).status, 200);
    }
    QVERIFY(sawJobCreated);
    QCOMPARE(f->call("GET", "/api/v1/event-types").status, 401);
    QCOMPARE(f->call("GET", "/api/v1/event-types", QStringLiteral("ery_live_0123456789abcdef0123456789abcdef")).status, 401);
    QCOMPARE(f->call("POST", "/api/v1/event-types", m_key, Json{{"name", "job.hacked"}}).status, 405);
}

QTEST_GUILESS_MAIN(TestApiIntegrations)
#include "tst_apiintegrations.moc"
