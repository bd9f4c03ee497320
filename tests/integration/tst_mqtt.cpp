#include "domain/mqtttopic.h"
#include "integrations/mqtt/mqttconnection.h"
#include "integrations/mqtt/mqttpool.h"
#include "integrations/mqtt/mqttsink.h"
#include "mosquittobroker.h"
#include "testshop.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::integrations;
using namespace ery;
using namespace ery::test;

// MQTT with a real mosquitto broker: topics and payloads, QoS, status and will, TLS, cell state,
// broker restarts, a killed hub, tenants and the sandbox.
class TestMqtt : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void topicRules();
    void publisherRegistration();
    void eventsArriveOnTheirTopics();
    void qualityOfService_data();
    void qualityOfService();
    void statusAndCellState();
    void topicsFollowTheAdminsUns();
    void brokerUrlWithSchemeAndPort();
    void statusStaysOnlineWhileAnyHubRuns();
    void tls();
    void brokerRestartLosesNothing();
    void killedHubDeliversEveryCommittedEvent();
    void tenantsAndSandboxAreSeparate();
    void testConnection();
    void mqtt5WithTheOfficialClient();

private:
    void attach();
    QString publisher(const Scope &scope, int port, Json extra = Json::object());
    bool waitFor(const std::function<bool()> &cond, int timeoutMs = 10000);
    QList<Json> eventsOn(const MqttProbe &probe, const QString &prefix = {});

    std::unique_ptr<TestShop> m_shop;
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MqttSink> m_sink;
    std::unique_ptr<MqttPool> m_pool;
};

void TestMqtt::init()
{
    m_shop = TestShop::create();
    m_broker = std::make_unique<MosquittoBroker>();
    QVERIFY2(m_broker->start(), "mosquitto did not start (scripts/install-deps.sh installs it)");
    attach();
}

void TestMqtt::cleanup()
{
    if (m_pool)
        m_pool->stop();
    if (m_sink)
        m_shop->engine().dispatcher().removeSink(m_sink.get());
    m_pool.reset();
    m_sink.reset();
    m_broker.reset();
    m_shop.reset();
}

void TestMqtt::attach()
{
    m_sink = std::make_unique<MqttSink>(m_shop->s());
    m_pool = std::make_unique<MqttPool>(m_shop->s());
    connect(m_sink.get(), &MqttSink::messagesQueued, m_pool.get(), &MqttPool::wake);
    m_shop->engine().dispatcher().addSink(m_sink.get());
    QVERIFY(m_shop->engine().dispatcher().replay(m_sink->name(), *OutboxStore::maxId(m_shop->db())));
    m_pool->start(100);
}

QString TestMqtt::publisher(const Scope &scope, int port, Json extra)
{
    Json in{{"name", "Line bus"}, {"broker_url", "127.0.0.1"}, {"port", port}, {"events", Json::array({"*"})}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        in[it.key()] = it.value();
    auto p = m_shop->s().mqttPublishers.create(scope, in);
    if (!p)
        qFatal("publisher: %s", qPrintable(p.error().message));
    m_pool->refresh();
    return str(*p, "id");
}

bool TestMqtt::waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    return ery::test::waitFor(
        [&] {
            m_shop->engine().dispatcher().drain();
            m_pool->wake();
            return cond();
        },
        timeoutMs, 20);
}

QList<Json> TestMqtt::eventsOn(const MqttProbe &probe, const QString &prefix)
{
    QList<Json> out;
    for (const auto &m : probe.messages()) {
        if (m.topic.endsWith("/status") || m.topic.contains("/eryxon/status/hubs/") || m.topic.endsWith("/state") ||
            !m.topic.startsWith(prefix))
            continue;
        Json j = Json::parse(m.payload.constData(), nullptr, false);
        if (!j.is_object())
            j = Json{{"_unparsable", m.payload.toStdString()}};
        j["_topic"] = toStd(m.topic);
        j["_qos"] = m.qos;
        out << j;
    }
    return out;
}

void TestMqtt::topicRules()
{
    using domain::renderTopic;
    const QHash<QString, QString> v{{"enterprise", "Acme Metal"}, {"site", "Eindhoven"},      {"area", "Production"},
                                    {"cell", "Laser cutting #2"}, {"job_number", "JOB-2601"}, {"tenant_id", "T-1"}};
    QCOMPARE(renderTopic("{enterprise}/{site}/{area}/{cell}/{event}", v, "operation.started"),
             QStringLiteral("acme_metal/eindhoven/production/laser_cutting_2/operation/started"));
    QCOMPARE(renderTopic("{enterprise}/{line}/{cell}/{event}", v, "sync.jobs.completed"),
             QStringLiteral("acme_metal/laser_cutting_2/sync/jobs.completed"));
    QCOMPARE(renderTopic("plant/{job_number}/{tenant_id}", v, "x"), QStringLiteral("plant/job-2601/T-1"));
    QCOMPARE(domain::unknownTopicTokens("{enterprise}/{foo}/{event}"), QStringList{"foo"});
}

void TestMqtt::publisherRegistration()
{
    auto &svc = m_shop->s().mqttPublishers;
    auto p = svc.create(m_shop->scope, Json{{"name", "Bus"},
                                            {"broker_url", "mqtt://broker.lan"},
                                            {"username", "u"},
                                            {"password", "s3cret"},
                                            {"events", Json::array({"operation.*"})}});
    ERY_VERIFY_OK(p);
    QCOMPARE(str(*p, "broker_url"), QStringLiteral("broker.lan"));
    QVERIFY(!p->contains("password"));
    QVERIFY(flag(*p, "has_password"));
    QCOMPARE(num(*p, "qos"), 1);
    QCOMPARE(num(*p, "port"), 1883);
    QCOMPARE(str(*p, "topic_pattern"), QStringLiteral("{enterprise}/{site}/{area}/{cell}/{event}"));
    const auto listed = svc.list(m_shop->scope, ListQuery{}); // kept: a range-for over a temporary's member would dangle
    QVERIFY(listed);
    for (const auto &r : listed->rows)
        QVERIFY(!r.contains("password"));
    auto bad = svc.create(m_shop->scope, Json{{"name", "x"},
                                              {"broker_url", "a b"},
                                              {"port", 70000},
                                              {"qos", 3},
                                              {"topic_pattern", "{nope}/#"},
                                              {"events", Json::array({"nope"})}});
    ERY_VERIFY_ERR(bad, ErrorCode::ValidationError);
    QStringList fields;
    for (const auto &e : bad.error().details)
        fields << str(e, "field");
    for (const char *f : {"broker_url", "port", "qos", "topic_pattern", "events"})
        QVERIFY2(fields.contains(f), qPrintable(fields.join(',')));
    ERY_VERIFY_ERR(svc.get(m_shop->sandbox, str(*p, "id")), ErrorCode::NotFound);
    auto preview = svc.previewTopic(m_shop->scope, "{enterprise}/{site}/{cell}/{event}", "operation.completed");
    QCOMPARE(*preview, QStringLiteral("eryxon/main/laser_cutting/operation/completed"));
}

void TestMqtt::eventsArriveOnTheirTopics()
{
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    const QString id = publisher(m_shop->scope, m_broker->port());
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    auto &s = m_shop->s();
    QVERIFY(s.operations.start(m_shop->scope, m_shop->ops[1], m_shop->op1));
    QVERIFY(s.operations.complete(m_shop->scope, m_shop->ops[1], m_shop->op1));
    QVERIFY(s.jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", "x"}}));
    QVERIFY(waitFor([&] { return eventsOn(probe).size() >= 7; }));
    QVERIFY(waitFor([&] { return *m_shop->db().scalar("SELECT COUNT(*) FROM mqtt_messages") == 0; }));
    QHash<QString, Json> byEvent;
    for (const Json &m : eventsOn(probe))
        byEvent[str(m, "event")] = m;
    // The cell comes from the event itself (the operation's cell), not a default.
    const Json started = byEvent.value("operation.started");
    QCOMPARE(str(started, "_topic"), QStringLiteral("eryxon/main/production/bending/operation/started"));
    for (const char *k : {"id", "event", "timestamp", "tenant_id", "data"})
        QVERIFY2(started.contains(k), k);
    QCOMPARE(str(started, "tenant_id"), m_shop->tenantId);
    QCOMPARE(str(started["data"], "operator_name"), QStringLiteral("Olga Operator"));
    QCOMPARE(str(started["data"], "job_number"), QStringLiteral("J-100"));
    QCOMPARE(num(started, "_qos"), 1);
    QCOMPARE(str(byEvent.value("job.updated"), "_topic"), QStringLiteral("eryxon/main/production/default/job/updated"));
    QVERIFY(byEvent.contains("time_entry.started") && byEvent.contains("time_entry.stopped") && byEvent.contains("operation.completed"));
    // The publish log: topic, ok, latency.
    auto logs = m_shop->s().mqttPublishers.logs(m_shop->scope, ListQuery{.limit = 100});
    QVERIFY(logs->total >= 7);
    QVERIFY(flag(logs->rows[0], "success"));
    QVERIFY(logs->rows[0]["latency_ms"].is_number());
    QVERIFY(!str(*Repositories().mqttPublishers.get(m_shop->db(), m_shop->scope, id), "last_connected_at").isEmpty());
}

void TestMqtt::qualityOfService_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos0") << 0;
    QTest::newRow("qos1") << 1;
    QTest::newRow("qos2") << 2;
}

void TestMqtt::qualityOfService()
{
    QFETCH(int, qos);
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    publisher(m_shop->scope, m_broker->port(), Json{{"qos", qos}, {"events", Json::array({"job.*"})}});
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
    QVERIFY(waitFor([&] { return eventsOn(probe).size() >= 20; }));
    for (const Json &m : eventsOn(probe))
        QCOMPARE(num(m, "_qos"), qos);
    // In order, as committed.
    int i = 0;
    for (const Json &m : eventsOn(probe))
        QCOMPARE(str(m["data"]["changes"], "notes"), QString::number(i++));
}

void TestMqtt::statusAndCellState()
{
    const QString id = publisher(m_shop->scope, m_broker->port(),
                                 Json{{"cell_state_topics", true}, {"default_enterprise", "acme"}, {"default_site", "ehv"}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(m_shop->s().operations.start(m_shop->scope, m_shop->ops[0]));
    m_shop->engine().dispatcher().drain();
    QVERIFY(waitFor([&] { return *m_shop->db().scalar("SELECT COUNT(*) FROM mqtt_messages") == 0; }));
    // A late subscriber gets the retained status and the cell's current state at once.
    MqttProbe late(m_broker->port());
    QVERIFY(late.waitConnected());
    QVERIFY(waitFor(
        [&] {
            bool status = false, state = false;
            for (const auto &m : late.messages()) {
                status = status || (m.topic == "acme/ehv/eryxon/status" && m.payload == "online" && m.retained);
                // The same enterprise and site as the status and the events: the publisher's.
                state = state || (m.topic == "acme/ehv/production/laser/state" && m.retained);
            }
            return status && state;
        },
        5000));
    for (const auto &m : late.messages())
        if (m.topic.endsWith("/state")) {
            const Json st = Json::parse(m.payload.constData());
            QCOMPARE(num(st, "running_operations"), 1);
            QCOMPARE(str(st, "cell_name"), QStringLiteral("Laser"));
        }
    // Stopping the hub says offline (retained).
    m_pool->stop();
    MqttProbe after(m_broker->port());
    QVERIFY(after.waitConnected());
    QVERIFY(waitFor(
        [&] {
            for (const auto &m : after.messages())
                if (m.topic == "acme/ehv/eryxon/status")
                    return m.payload == "offline";
            return false;
        },
        5000));
}

void TestMqtt::topicsFollowTheAdminsUns()
{
    // The shop is called Acme Metal in Eindhoven; this publisher names its own site and leaves the
    // enterprise and area to the shop.
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"enterprise", "Acme Metal"}, {"site", "Eindhoven"}, {"area", "Hall 2"}}));
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    const QString id =
        publisher(m_shop->scope, m_broker->port(),
                  Json{{"cell_state_topics", true}, {"default_site", "EHV North"}, {"events", Json::array({"operation.*", "job.*"})}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(m_shop->s().operations.start(m_shop->scope, m_shop->ops[0], m_shop->op1));
    QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", "uns"}}));
    auto topics = [&] {
        QSet<QString> t;
        for (const auto &m : probe.messages())
            t.insert(m.topic);
        return t;
    };
    // A job's events carry the cell it is at (or `default`): any cell, then the event.
    auto jobUpdatedUnder = [&](const QString &start) {
        const auto t = topics();
        return std::any_of(t.begin(), t.end(), [&](const QString &x) { return x.startsWith(start) && x.endsWith("/job/updated"); });
    };
    const QString prefix = QStringLiteral("acme_metal/ehv_north/");
    const bool all = waitFor([&] {
        const auto t = topics();
        return t.contains(prefix + "hall_2/laser/operation/started") && t.contains(prefix + "hall_2/laser/state") &&
               t.contains(prefix + "eryxon/status") && jobUpdatedUnder(prefix + "hall_2/");
    });
    QVERIFY2(all, qPrintable(QStringList(topics().values()).join(' ')));
    // Nothing anywhere else: status, state and events agree on the names.
    for (const QString &t : topics())
        QVERIFY2(t.startsWith(prefix), qPrintable(t));
    // The shop renamed: the next messages follow (the connection's status topic too).
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"enterprise", "Acme Group"}}));
    QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", "renamed"}}));
    QVERIFY(waitFor([&] { return jobUpdatedUnder("acme_group/ehv_north/hall_2/"); }));
    QVERIFY(waitFor([&] { return topics().contains("acme_group/ehv_north/eryxon/status"); }));
    // The publisher's own names win over the shop's; a value that normalises to nothing does not.
    ERY_VERIFY_OK(m_shop->s().mqttPublishers.update(m_shop->scope, id, Json{{"default_enterprise", "Plant 7"}, {"default_area", "###"}}));
    m_pool->refresh();
    QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", "own names"}}));
    QVERIFY(waitFor([&] { return jobUpdatedUnder("plant_7/ehv_north/hall_2/"); }));
}

void TestMqtt::brokerUrlWithSchemeAndPort()
{
    // What used to become host "127.0.0.1:PORT" on port 1883 connects where it says.
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    const QString id = publisher(m_shop->scope, 1,
                                 Json{{"broker_url", toStd(QStringLiteral("mqtt://127.0.0.1:%1").arg(m_broker->port()))},
                                      {"port", m_broker->port()},
                                      {"topic_pattern", "url/{event}"}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !eventsOn(probe, "url/").isEmpty(); }));
    // mqtts:// turns TLS on, with the port from the URL.
    MosquittoBroker secure(true);
    QVERIFY2(secure.start(), qPrintable(secure.log()));
    auto p = m_shop->s().mqttPublishers.create(m_shop->scope,
                                               Json{{"name", "TLS by URL"},
                                                    {"broker_url", toStd(QStringLiteral("mqtts://localhost:%1").arg(secure.port()))},
                                                    {"ca_file", toStd(secure.caFile())},
                                                    {"events", Json::array({"*"})}});
    ERY_VERIFY_OK(p);
    QVERIFY(flag(*p, "use_tls"));
    QCOMPARE(num(*p, "port"), secure.port());
    m_pool->refresh();
    QVERIFY(waitFor([&] { return m_pool->connection(str(*p, "id")) && m_pool->connection(str(*p, "id"))->isConnected(); }));
    // A row written before broker_url was checked (a URL in it) still connects where it says.
    ERY_VERIFY_OK(m_shop->db().exec("UPDATE mqtt_publishers SET broker_url = ?, port = 1, updated_at = ? WHERE id = ?",
                                    {QStringLiteral("mqtt://127.0.0.1:%1").arg(m_broker->port()), nowIso(), id}));
    m_pool->refresh();
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
}

void TestMqtt::statusStaysOnlineWhileAnyHubRuns()
{
    // Hub A: this process's pool. Hub B: `eryxon-server serve` on the same database. Both publish
    // for the same publisher; the retained status is what a late subscriber sees.
    const QString id = publisher(m_shop->scope, m_broker->port(), Json{{"default_enterprise", "acme"}, {"default_site", "ehv"}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    const QString statusTopic = QStringLiteral("acme/ehv/eryxon/status");
    auto retainedStatus = [&]() -> QByteArray {
        MqttProbe late(m_broker->port(), statusTopic);
        if (!late.waitConnected())
            return "no connection";
        QByteArray got;
        waitFor(
            [&] {
                for (const auto &m : late.messages())
                    if (m.retained)
                        got = m.payload;
                return !got.isEmpty();
            },
            3000);
        return got;
    };
    auto hubs = [&] {
        MqttProbe late(m_broker->port(), statusTopic + "/hubs/+");
        late.waitConnected();
        QTest::qWait(300);
        int n = 0;
        for (const auto &m : late.messages())
            n += m.retained && !m.payload.isEmpty() ? 1 : 0;
        return n;
    };
    MqttProbe watcher(m_broker->port(), statusTopic);
    QVERIFY(watcher.waitConnected());
    const QString bin = qEnvironmentVariable("ERYXON_BIN_DIR") + "/app/server/eryxon-server";
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedChannels);
    server.start(bin, {"serve", "--db", m_shop->url(), "--port", "0", "--log-level", "warning"});
    QVERIFY(server.waitForStarted(5000));
    QVERIFY(waitFor([&] { return hubs() == 2; }, 15000));
    QCOMPARE(retainedStatus(), QByteArray("online"));

    // A closes (as a desktop does): B still runs, so no "offline" is said at all.
    const int before = watcher.count();
    m_pool->stop();
    QTest::qWait(700);
    for (const auto &m : watcher.messages().mid(before))
        QVERIFY2(m.payload != "offline", "a stopping hub said offline over a running one");
    QCOMPARE(retainedStatus(), QByteArray("online"));
    QCOMPARE(hubs(), 1);

    // A again; B killed: its will says offline, and A says online again at once.
    m_pool->start(100);
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(waitFor([&] { return hubs() == 2; }, 5000));
    ::kill(pid_t(server.processId()), SIGKILL);
    server.waitForFinished();
    QVERIFY(waitFor([&] {
        const auto msgs = watcher.messages();
        return std::any_of(msgs.begin(), msgs.end(), [](const MqttProbe::Message &m) { return m.payload == "offline"; });
    }));
    QVERIFY(waitFor([&] { return watcher.messages().constLast().payload == "online"; }, 5000));
    QCOMPARE(retainedStatus(), QByteArray("online"));
    // The killed hub's announcement is cleared by the one still running.
    QVERIFY(waitFor([&] { return hubs() == 1; }, 10000));

    // The dead hub's announcement no longer counts: A, now the last one, says offline when it stops.
    m_pool->stop();
    QVERIFY(waitFor([&] { return retainedStatus() == "offline"; }, 5000));
}

void TestMqtt::tls()
{
    MosquittoBroker secure(true);
    QVERIFY2(secure.start(), qPrintable(secure.log()));
    MqttProbe probe(secure.port(), "#", secure.caFile());
    QVERIFY(probe.waitConnected());
    const QString id =
        publisher(m_shop->scope, secure.port(), Json{{"use_tls", true}, {"ca_file", toStd(secure.caFile())}, {"broker_url", "localhost"}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !eventsOn(probe).isEmpty(); }));
    // Without the CA the broker's certificate is not trusted: never connected, error recorded.
    const QString untrusted =
        publisher(m_shop->scope, secure.port(), Json{{"name", "untrusted"}, {"use_tls", true}, {"broker_url", "localhost"}});
    QTest::qWait(1500);
    QVERIFY(!m_pool->connection(untrusted)->isConnected());
    QVERIFY(
        waitFor([&] { return !str(*Repositories().mqttPublishers.get(m_shop->db(), m_shop->scope, untrusted), "last_error").isEmpty(); }));
}

void TestMqtt::brokerRestartLosesNothing()
{
    const QString id = publisher(m_shop->scope, m_broker->port(), Json{{"events", Json::array({"job.updated"})}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QList<QString> seen;
    auto collect = [&](const MqttProbe &p) {
        for (const Json &m : eventsOn(p))
            seen << str(m, "id");
    };
    {
        MqttProbe probe(m_broker->port());
        QVERIFY(probe.waitConnected());
        for (int i = 0; i < 30; ++i)
            QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
        QVERIFY(waitFor([&] { return eventsOn(probe).size() >= 30; }));
        collect(probe);
    }
    m_broker->stop();
    // Committed while the broker is down: stored, not lost.
    for (int i = 30; i < 60; ++i)
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
    m_shop->engine().dispatcher().drain();
    QVERIFY(*m_shop->db().scalar("SELECT COUNT(*) FROM mqtt_messages") >= 30);
    QVERIFY(m_broker->start());
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    QVERIFY(waitFor([&] { return *m_shop->db().scalar("SELECT COUNT(*) FROM mqtt_messages") == 0; }, 40000));
    QVERIFY(waitFor([&] { return eventsOn(probe).size() >= 30; }));
    collect(probe);
    QSet<QString> committed;
    for (const auto &e : m_shop->events("job.updated"))
        committed.insert(str(e, "event_id"));
    QCOMPARE(committed.size(), 60);
    QVERIFY(QSet<QString>(seen.begin(), seen.end()).contains(committed));
}

void TestMqtt::killedHubDeliversEveryCommittedEvent()
{
    m_pool->stop();
    m_shop->engine().dispatcher().removeSink(m_sink.get());
    publisher(m_shop->scope, m_broker->port(), Json{{"events", Json::array({"job.updated"})}});
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    const QString bin = qEnvironmentVariable("ERYXON_BIN_DIR") + "/app/server/eryxon-server";
    auto startServer = [&](QProcess &p) {
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(bin, {"serve", "--db", m_shop->url(), "--port", "0"});
        return p.waitForStarted(5000);
    };
    QProcess server;
    QVERIFY(startServer(server));
    for (int i = 0; i < 150; ++i) {
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
        if (i == 60) {
            QTRY_VERIFY_WITH_TIMEOUT(eventsOn(probe).size() > 10, 15000);
            ::kill(pid_t(server.processId()), SIGKILL);
            server.waitForFinished();
        }
        QTest::qWait(2);
    }
    // The broker publishes the killed hub's will.
    auto sawWill = [&] {
        const auto msgs = probe.messages();
        return std::any_of(msgs.begin(), msgs.end(),
                           [](const MqttProbe::Message &m) { return m.topic.endsWith("eryxon/status") && m.payload == "offline"; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(sawWill(), 10000);
    QProcess again;
    QVERIFY(startServer(again));
    QSet<QString> committed;
    for (const auto &e : m_shop->events("job.updated"))
        committed.insert(str(e, "event_id"));
    auto received = [&] {
        QSet<QString> ids;
        for (const Json &m : eventsOn(probe))
            ids.insert(str(m, "id"));
        return ids;
    };
    QTRY_VERIFY_WITH_TIMEOUT(received().contains(committed), 30000);
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(15000));
    QCOMPARE(again.exitCode(), 0);
}

void TestMqtt::tenantsAndSandboxAreSeparate()
{
    MqttProbe probe(m_broker->port());
    QVERIFY(probe.waitConnected());
    auto other = m_shop->s().tenants.create(Json{{"name", "Other"}, {"enterprise", "other"}});
    const Scope b = Scope::of(str(other->live, "id"));
    QVERIFY(m_shop->s().tenants.update(m_shop->sandboxId, Json{{"enterprise", "sandbox"}}));
    publisher(m_shop->scope, m_broker->port(), Json{{"topic_pattern", "live/{tenant_id}/{event}"}});
    publisher(m_shop->sandbox, m_broker->port(), Json{{"topic_pattern", "sandbox/{tenant_id}/{event}"}});
    publisher(b, m_broker->port(), Json{{"topic_pattern", "other/{tenant_id}/{event}"}});
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    Row sbJob = m_shop->makeJob(m_shop->sandbox, "SB-1");
    QVERIFY(waitFor([&] { return !eventsOn(probe, "live/").isEmpty() && eventsOn(probe, "sandbox/").size() >= 2; }));
    QTest::qWait(300);
    for (const Json &m : eventsOn(probe, "live/"))
        QCOMPARE(str(m, "tenant_id"), m_shop->tenantId);
    for (const Json &m : eventsOn(probe, "sandbox/"))
        QCOMPARE(str(m, "tenant_id"), m_shop->sandboxId);
    QVERIFY(eventsOn(probe, "other/").isEmpty());
    Q_UNUSED(sbJob)
}

void TestMqtt::testConnection()
{
    ERY_VERIFY_OK(MqttConnection::testConnection(Json{{"broker_url", "127.0.0.1"}, {"port", m_broker->port()}}));
    auto down = MqttConnection::testConnection(Json{{"broker_url", "127.0.0.1"}, {"port", freeTcpPort()}}, 2000);
    ERY_VERIFY_ERR(down, ErrorCode::BadRequest);
    QVERIFY(down.error().message.contains("cannot reach"));
}

void TestMqtt::mqtt5WithTheOfficialClient()
{
    // An MQTT 5 publisher, read by mqtt.js speaking MQTT 5: the payload and its properties
    // (UTF-8 JSON) arrive as sent.
    const QString clients = QStringLiteral(ERYXON_SOURCE_DIR "/tests/clients");
    if (!QFile::exists(clients + "/node_modules/mqtt"))
        QFAIL("tests/clients/node_modules/mqtt is missing: scripts/install-deps.sh installs it (npm ci)");
    QProcess node;
    node.setWorkingDirectory(clients);
    node.start("node", {clients + "/mqtt5-subscribe.mjs", QString::number(m_broker->port()), "v5/#", "2", "20000"});
    QVERIFY(node.waitForStarted());
    QVERIFY(waitFor([&] { return node.canReadLine() || node.state() != QProcess::Running; }));
    QVERIFY2(node.readLine().contains("subscribed"), node.readAllStandardError().constData());
    const QString id = publisher(m_shop->scope, m_broker->port(), Json{{"protocol_version", "5"}, {"topic_pattern", "v5/{event}"}});
    QVERIFY(waitFor([&] { return m_pool->connection(id) && m_pool->connection(id)->isConnected(); }));
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return node.state() != QProcess::Running; }, 20000));
    QVERIFY2(node.exitCode() == 0, qPrintable(QString::fromUtf8(node.readAllStandardError()) + m_broker->log()));
    QList<Json> got;
    for (const QByteArray &line : node.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty())
            got << Json::parse(line.constData());
    QCOMPARE(got.size(), 2);
    QCOMPARE(str(got[0], "topic"), QStringLiteral("v5/job/started"));
    QCOMPARE(str(got[1], "topic"), QStringLiteral("v5/job/stopped"));
    const Json payload = Json::parse(got[0]["payload"].get<std::string>());
    QCOMPARE(str(payload, "event"), QStringLiteral("job.started"));
    QCOMPARE(str(payload["data"], "job_number"), QStringLiteral("J-100"));
    QCOMPARE(str(got[0]["properties"], "contentType"), QStringLiteral("application/json"));
    QVERIFY(got[0]["properties"]["payloadFormatIndicator"] == Json(true));
    // 3.1.1 stays the default, and anything else is refused.
    auto p = m_shop->s().mqttPublishers.get(m_shop->scope, id);
    QCOMPARE(str(*p, "protocol_version"), QStringLiteral("5"));
    auto plain = m_shop->s().mqttPublishers.create(m_shop->scope,
                                                   Json{{"name", "y"}, {"broker_url", "10.0.0.1"}, {"events", {"*"}}, {"active", false}});
    ERY_VERIFY_OK(plain);
    QCOMPARE(str(*plain, "protocol_version"), QStringLiteral("3.1.1"));
    ERY_VERIFY_ERR(m_shop->s().mqttPublishers.create(
                       m_shop->scope, Json{{"name", "x"}, {"broker_url", "10.0.0.1"}, {"events", {"*"}}, {"protocol_version", "3.1"}}),
                   ErrorCode::ValidationError);
}

QTEST_GUILESS_MAIN(TestMqtt)
#include "tst_mqtt.moc"
