#include "httpreceiver.h"
#include "childprocess.h"
#include "integrations/webhooks/webhookdeliverer.h"
#include "integrations/webhooks/webhooksigner.h"
#include "integrations/webhooks/webhooksink.h"
#include "portability/csvimport.h"
#include "testshop.h"

#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery::integrations;
using namespace ery::portability;
using namespace ery;
using namespace ery::test;

// Webhook delivery with a real HTTP receiver: payloads, both signatures, the retry schedule, 410,
// five days of failure, no redirects, slow receivers, replay, rotation, tenants and the sandbox.
class TestWebhooks : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void registration();
    void deliveredSignedAndComplete();
    void signaturesVerifyWithStandardWebhooksLibrary();
    void receiverDownThenUp();
    void retryAfterIsHonoured();
    void goneDisables();
    void fiveDaysOfFailureDisables();
    void redirectsAreNotFollowed();
    void slowReceiverDoesNotDelayOthers();
    void replay();
    void rotationSignsWithBothSecrets();
    void tenantsAndSandboxAreSeparate();
    void refusedTargetAtSendTime();
    void killedEngineDeliversEveryCommittedEvent();

private:
    void attach(TestShop &shop);
    QString hook(const Scope &scope, const QString &url, Json events = Json::array({"*"}));
    bool waitFor(const std::function<bool()> &cond, int timeoutMs = 10000);
    Rows deliveries(const QString &where = QStringLiteral("1=1"));

    std::unique_ptr<TestShop> m_shop;
    std::unique_ptr<HttpReceiver> m_rx;
    std::unique_ptr<WebhookSink> m_sink;
    std::unique_ptr<WebhookDeliverer> m_deliverer;
    QString m_secret;
    qint64 m_baseline = 0;
};

void TestWebhooks::init()
{
    Clock::setOffsetMs(0);
    m_shop = TestShop::create();
    m_rx = std::make_unique<HttpReceiver>();
    QVERIFY(m_rx->start());
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"allow_loopback_webhooks", true}}));
    QVERIFY(m_shop->s().tenants.update(m_shop->sandboxId, Json{{"allow_loopback_webhooks", true}}));
    attach(*m_shop);
}

void TestWebhooks::cleanup()
{
    if (m_deliverer)
        m_deliverer->stop();
    if (m_sink)
        m_shop->engine().dispatcher().removeSink(m_sink.get());
    m_deliverer.reset();
    m_sink.reset();
    m_rx.reset();
    m_shop.reset();
    Clock::setOffsetMs(0);
}

void TestWebhooks::attach(TestShop &shop)
{
    m_sink = std::make_unique<WebhookSink>(shop.s());
    m_deliverer = std::make_unique<WebhookDeliverer>(shop.s());
    m_deliverer->listenTo(m_sink.get());
    // The seed's events are history: the sink starts after them, as a sink added to a running shop does.
    shop.engine().dispatcher().addSink(m_sink.get());
    QVERIFY(shop.engine().dispatcher().replay(m_sink->name(), *OutboxStore::maxId(shop.db())));
    m_deliverer->start(50);
}

QString TestWebhooks::hook(const Scope &scope, const QString &url, Json events)
{
    auto h = m_shop->s().webhooks.create(scope, Json{{"url", toStd(url)}, {"events", events}});
    if (!h)
        qFatal("webhook: %s", qPrintable(h.error().message));
    m_secret = str(*h, "secret");
    m_baseline = *OutboxStore::maxId(m_shop->db());
    return str(*h, "id");
}

bool TestWebhooks::waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    return ery::test::waitFor(
        [&] {
            m_shop->engine().dispatcher().drain();
            m_deliverer->wake();
            return cond();
        },
        timeoutMs, 20);
}

Rows TestWebhooks::deliveries(const QString &where)
{
    return *m_shop->db().query(QStringLiteral("SELECT * FROM webhook_deliveries WHERE %1 ORDER BY created_at").arg(where));
}

void TestWebhooks::registration()
{
    auto &w = m_shop->s().webhooks;
    const Scope sc = m_shop->scope;
    auto h = w.create(
        sc, Json{{"url", "http://10.1.2.3/erp"}, {"events", Json::array({"operation.*", "job.completed"})}, {"description", "ERP"}});
    QVERIFY(h);
    QVERIFY(str(*h, "secret").startsWith("whsec_"));
    QCOMPARE(QByteArray::fromBase64(str(*h, "secret").mid(6).toLatin1()).size(), 32);
    QVERIFY(!w.get(sc, str(*h, "id"))->contains("secret")); // shown once
    const auto listed = w.list(sc, ListQuery{});            // kept: a range-for over a temporary's member would dangle
    QVERIFY(listed);
    for (const auto &r : listed->rows)
        QVERIFY(!r.contains("secret") && !r.contains("previous_secret"));
    auto fieldOf = [](const Result<Row> &r) { return r ? QString() : str(r.error().details[0], "field"); };
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "ftp://x/y"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://169.254.169.254/latest"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://[fe80::1]/x"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://metadata.google.internal/"}, {"events", Json::array({"*"})}})),
             QStringLiteral("url"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://10.0.0.1/"}, {"events", Json::array({"job.exploded"})}})), QStringLiteral("events"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://10.0.0.1/"}, {"events", Json::array()}})), QStringLiteral("events"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://user:pw@10.0.0.1/"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    // Loopback only when the admin allows it.
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"allow_loopback_webhooks", false}}));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://127.0.0.1:9/x"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    QCOMPARE(fieldOf(w.create(sc, Json{{"url", "http://localhost:9/x"}, {"events", Json::array({"*"})}})), QStringLiteral("url"));
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"allow_loopback_webhooks", true}}));
    QVERIFY(w.create(sc, Json{{"url", "http://127.0.0.1:9/x"}, {"events", Json::array({"*"})}}));
    // Another tenant's webhook does not exist here.
    ERY_VERIFY_ERR(w.get(m_shop->sandbox, str(*h, "id")), ErrorCode::NotFound);
    ERY_VERIFY_ERR(w.update(m_shop->sandbox, str(*h, "id"), Json{{"active", false}}), ErrorCode::NotFound);
    ERY_VERIFY_OK(w.update(sc, str(*h, "id"), Json{{"active", false}}));
    ERY_VERIFY_OK(w.remove(sc, str(*h, "id")));
}

void TestWebhooks::deliveredSignedAndComplete()
{
    hook(m_shop->scope, m_rx->url());
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    // One of each kind of mutation the services make.
    QVERIFY(s.jobs.update(sc, m_shop->jobId, Json{{"notes", "rush"}}));
    QVERIFY(s.parts.update(sc, m_shop->partId, Json{{"notes", "deburr"}}));
    QVERIFY(s.operations.update(sc, m_shop->ops[2], Json{{"notes", "check weld"}}));
    auto step = s.substeps.add(sc, Json{{"operation_id", toStd(m_shop->ops[0])}, {"name", "Load sheet"}});
    QVERIFY(s.substeps.setStatus(sc, str(*step, "id"), "completed"));
    QVERIFY(s.operations.start(sc, m_shop->ops[0], m_shop->op1));
    QVERIFY(s.catalog.seedDefaultScrapReasons(sc));
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, sc, ListQuery{});
    QVERIFY(s.production.report(sc, Json{{"operation_id", toStd(m_shop->ops[0])},
                                         {"quantity_good", 4},
                                         {"quantity_scrap", 1},
                                         {"scrap_lines", Json::array({{{"scrap_reason_id", reasons->rows[0]["id"]}, {"quantity", 1}}})}}));
    QVERIFY(s.operations.pause(sc, m_shop->ops[0]));
    QVERIFY(s.operations.resume(sc, m_shop->ops[0], m_shop->op1));
    QVERIFY(s.operations.complete(sc, m_shop->ops[0], m_shop->op1));
    auto issue = s.issues.create(sc, Json{{"operation_id", toStd(m_shop->ops[1])},
                                          {"created_by", toStd(m_shop->op2)},
                                          {"severity", "high"},
                                          {"description", "crack"},
                                          {"issue_type", "ncr"},
                                          {"ncr_category", "material_defect"}});
    QVERIFY(s.issues.verifyNcr(sc, str(*issue, "id")));
    QVERIFY(s.issues.approve(sc, str(*issue, "id"), "scrap it"));
    QVERIFY(s.issues.close(sc, str(*issue, "id")));
    auto other = s.issues.create(
        sc, Json{{"operation_id", toStd(m_shop->ops[1])}, {"created_by", toStd(m_shop->op2)}, {"severity", "low"}, {"description", "x"}});
    QVERIFY(s.issues.reject(sc, str(*other, "id"), "fine"));
    QVERIFY(s.catalog.create(CatalogService::Resources, sc, Json{{"name", "Press 2"}}));
    auto res = s.catalog.list(CatalogService::Resources, sc, ListQuery{});
    QVERIFY(s.catalog.update(CatalogService::Resources, sc, str(res->rows[0], "id"), Json{{"location", "Hall C"}}));
    QVERIFY(s.jobs.create(sc, Json{{"job_number", "J-500"}, {"parts", Json::array({{{"part_number", "J-500-1"}, {"material", "S235"}}})}}));
    auto j500 = s.jobs.byNumber(sc, "J-500");
    QVERIFY(s.jobs.start(sc, str(*j500, "id")));
    QVERIFY(s.jobs.stop(sc, str(*j500, "id")));
    QVERIFY(s.jobs.resume(sc, str(*j500, "id")));
    QVERIFY(s.jobs.complete(sc, str(*j500, "id")));
    QVERIFY(s.jobs.remove(sc, str(*j500, "id")));
    for (int i = 1; i < 3; ++i) {
        QVERIFY(s.operations.start(sc, m_shop->ops[i]));
        QVERIFY(s.operations.complete(sc, m_shop->ops[i]));
    }
    Row j600 = m_shop->makeJob(sc, "J-600", 2);
    auto t600 = s.jobs.tree(sc, str(j600, "id"));
    Json nested = Json::array();
    for (const auto &o : (*t600)["parts"][0]["operations"])
        nested.push_back(o["id"]);
    auto batch = s.batches.create(
        sc,
        Json{{"batch_number", "NEST-600"}, {"batch_type", "laser_nesting"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", nested}});
    QVERIFY(batch);
    QVERIFY(s.batches.start(sc, str(*batch, "id"), m_shop->op2));
    QVERIFY(s.batches.stop(sc, str(*batch, "id"), {}));
    QVERIFY(CsvImport(s).run(sc, SyncService::Jobs, "external_id,external_source,job_number\nW1,erp,J-700\n", {}));

    const int expected = int(*m_shop->db().scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'event' AND id > ?", {m_baseline}));
    QVERIFY(waitFor([&] { return m_rx->requests.size() >= expected; }, 15000));
    QTest::qWait(200);
    QCOMPARE(m_rx->requests.size(), expected);
    // Every event since the webhook existed arrived, once, in a body of the documented shape.
    QSet<QString> types;
    QHash<QString, int> seen;
    for (const auto &r : m_rx->requests) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("user-agent"), QByteArray("Eryxon-Webhooks/1.0"));
        const Json body = Json::parse(r.body.constData(), nullptr, false);
        QVERIFY(body.is_object());
        QCOMPARE(int(body.size()), 4);
        for (const char *k : {"id", "event", "timestamp", "data"})
            QVERIFY2(body.contains(k), k);
        QCOMPARE(QString::fromUtf8(r.headers.value("x-eryxon-event")), str(body, "event"));
        QCOMPARE(QString::fromUtf8(r.headers.value("webhook-id")), str(body, "id"));
        // Independent check of the original's signature: HMAC-SHA256 keyed with the secret string.
        const QByteArray expected =
            "sha256=" + QMessageAuthenticationCode::hash(r.body, m_secret.toUtf8(), QCryptographicHash::Sha256).toHex();
        QCOMPARE(r.headers.value("x-eryxon-signature"), expected);
        // And of Standard Webhooks': base64 HMAC of "id.timestamp.body" keyed with the decoded secret.
        const QByteArray content = r.headers.value("webhook-id") + '.' + r.headers.value("webhook-timestamp") + '.' + r.body;
        const QByteArray std = "v1," + QMessageAuthenticationCode::hash(content, QByteArray::fromBase64(m_secret.mid(6).toLatin1()),
                                                                        QCryptographicHash::Sha256)
                                           .toBase64();
        QCOMPARE(r.headers.value("webhook-signature"), std);
        types.insert(str(body, "event"));
        seen[str(body, "id")]++;
    }
    const QStringList expectedTypes{"job.updated",
                                    "part.updated",
                                    "operation.updated",
                                    "step.added",
                                    "step.completed",
                                    "operation.started",
                                    "time_entry.started",
                                    "part.started",
                                    "job.started",
                                    "production.quantity_reported",
                                    "production.scrap_recorded",
                                    "operation.paused",
                                    "time_entry.stopped",
                                    "operation.resumed",
                                    "operation.completed",
                                    "issue.created",
                                    "ncr.created",
                                    "ncr.verified",
                                    "issue.approved",
                                    "issue.closed",
                                    "issue.rejected",
                                    "resource.created",
                                    "resource.updated",
                                    "job.created",
                                    "part.created",
                                    "job.stopped",
                                    "job.resumed",
                                    "job.completed",
                                    "job.deleted",
                                    "part.completed",
                                    "batch.started",
                                    "batch.completed",
                                    "import.completed"};
    for (const QString &t : expectedTypes)
        QVERIFY2(types.contains(t), qPrintable("missing " + t));
    for (auto it = seen.begin(); it != seen.end(); ++it)
        QCOMPARE(it.value(), 1);
    // The documented data: ids and human names.
    for (const auto &r : m_rx->requests) {
        const Json body = Json::parse(r.body.constData());
        if (str(body, "event") == "batch.completed") {
            const Json &d = body["data"];
            for (const char *k : {"batch_id", "batch_number", "batch_type", "production_mode", "monitoring_source", "total_minutes",
                                  "distribution", "completed_at", "operator_id", "operator_name", "cell_name"})
                QVERIFY2(d.contains(k), k);
            QCOMPARE(d["distribution"].size(), size_t(2));
        }
        if (str(body, "event") == "operation.completed") {
            const Json &d = body["data"];
            for (const char *k : {"operation_id", "operation_name", "part_id", "part_number", "job_id", "job_number", "cell_id",
                                  "cell_name", "previous_status", "new_status", "completed_at", "actual_time", "estimated_time"})
                QVERIFY2(d.contains(k), k);
        }
    }
    auto delivered = deliveries("status = 'delivered'");
    QCOMPARE(int(delivered.size()), m_rx->requests.size());
    auto logs = m_shop->s().webhooks.attempts(m_shop->scope, ListQuery{.limit = 1000});
    QCOMPARE(int(logs->total), m_rx->requests.size());
    QCOMPARE(num(logs->rows[0], "status_code"), 200);
}

void TestWebhooks::signaturesVerifyWithStandardWebhooksLibrary()
{
    const QString clients = QStringLiteral(ERYXON_SOURCE_DIR "/tests/clients");
    if (!QFile::exists(clients + "/node_modules/standardwebhooks"))
        QFAIL("tests/clients/node_modules/standardwebhooks is missing: scripts/install-deps.sh installs it (npm ci)");
    hook(m_shop->scope, m_rx->url());
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(m_shop->s().webhooks.rotateSecret(m_shop->scope, str(m_shop->s().webhooks.list(m_shop->scope, ListQuery{})->rows[0], "id")));
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return m_rx->requests.size() >= 2; }));
    // The official library checks each request against the secret in force when it was sent.
    QTemporaryDir dir;
    QFile f(dir.filePath("requests.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    Json all = Json::array();
    all.push_back({{"secret", toStd(m_secret)},
                   {"headers",
                    {{"webhook-id", m_rx->requests[1].headers.value("webhook-id").toStdString()},
                     {"webhook-timestamp", m_rx->requests[1].headers.value("webhook-timestamp").toStdString()},
                     {"webhook-signature", m_rx->requests[1].headers.value("webhook-signature").toStdString()}}},
                   {"body", m_rx->requests[1].body.toStdString()}});
    f.write(QByteArray::fromStdString(all.dump()));
    f.close();
    QProcess node;
    node.setWorkingDirectory(clients);
    node.start("node", {clients + "/verify-webhooks.mjs", f.fileName()});
    QVERIFY(node.waitForFinished(30000));
    QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
    QVERIFY(node.readAllStandardOutput().contains("verified 1"));
}

void TestWebhooks::receiverDownThenUp()
{
    hook(m_shop->scope, m_rx->url());
    m_rx->answer(503, "maintenance");
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("attempts = 1").empty(); }));
    auto d = deliveries().front();
    QCOMPARE(str(d, "status"), QStringLiteral("pending"));
    QCOMPARE(num(d, "last_status_code"), 503);
    // Next try about 5 s later (jitter up to 10 %), kept in the database.
    const qint64 next = QDateTime::fromString(str(d, "next_attempt_at"), Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(next - Clock::nowMs() > 3000 && next - Clock::nowMs() <= 5600);
    m_rx->answer(200);
    Clock::setOffsetMs(6000);
    QVERIFY(waitFor([&] { return !deliveries("status = 'delivered'").empty(); }));
    QCOMPARE(m_rx->requests.size(), 2);
    QCOMPARE(m_rx->requests[0].headers.value("webhook-id"), m_rx->requests[1].headers.value("webhook-id")); // a duplicate keeps its id
    QCOMPARE(m_rx->requests[0].body, m_rx->requests[1].body);
    auto attempts = m_shop->s().webhooks.attempts(m_shop->scope, ListQuery{});
    QCOMPARE(attempts->total, 2);
}

void TestWebhooks::retryAfterIsHonoured()
{
    hook(m_shop->scope, m_rx->url());
    m_rx->answer(429, "slow down", 600);
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("attempts = 1").empty(); }));
    const qint64 next = QDateTime::fromString(str(deliveries().front(), "next_attempt_at"), Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(next - Clock::nowMs() >= 599 * 1000);
    // A 4xx other than 408/429 is final.
    m_rx->answer(400, "bad");
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("status = 'failed'").empty(); }));
}

void TestWebhooks::goneDisables()
{
    const QString id = hook(m_shop->scope, m_rx->url());
    m_rx->answer(410, "gone");
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("status = 'failed'").empty(); }));
    auto h = m_shop->s().webhooks.get(m_shop->scope, id);
    QVERIFY(!flag(*h, "active"));
    QVERIFY(str(*h, "disabled_reason").contains("410"));
    QCOMPARE(m_shop->s().notifications.list(m_shop->scope, m_shop->admin, ListQuery{{{"type", "system"}}})->total, 1);
    // Disabled: later events make no deliveries.
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    m_shop->engine().dispatcher().drain();
    QCOMPARE(int(deliveries().size()), 1);
}

void TestWebhooks::fiveDaysOfFailureDisables()
{
    const QString id = hook(m_shop->scope, m_rx->url());
    m_rx->answer(500, "boom");
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("attempts = 1").empty(); }));
    QVERIFY(!str(*Repositories().webhooks.get(m_shop->db(), m_shop->scope, id), "failing_since").isEmpty());
    // Walk the schedule: each jump of the clock makes the next attempt due.
    const qint64 firstAttempt = Clock::nowMs();
    for (int attempts = 1; attempts < WebhookService::kMaxAttempts; ++attempts) {
        const auto d = deliveries().front();
        QCOMPARE(str(d, "status"), QStringLiteral("pending"));
        const qint64 due = QDateTime::fromString(str(d, "next_attempt_at"), Qt::ISODateWithMs).toMSecsSinceEpoch();
        Clock::setOffsetMs(due - QDateTime::currentMSecsSinceEpoch() + 10);
        QVERIFY(waitFor([&] { return num(deliveries().front(), "attempts") > attempts; }));
    }
    // Ten attempts over about three days, then the delivery is failed for good.
    QCOMPARE(str(deliveries().front(), "status"), QStringLiteral("failed"));
    const double days = double(Clock::nowMs() - firstAttempt) / (24.0 * 3600 * 1000);
    QVERIFY2(days > 2.9 && days < 3.8, qPrintable(QString::number(days)));
    QVERIFY(flag(*Repositories().webhooks.get(m_shop->db(), m_shop->scope, id), "active"));
    // A new event failing after five days of nothing but failures disables it and tells the admin.
    Clock::setOffsetMs(6LL * 24 * 3600 * 1000);
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !flag(*Repositories().webhooks.get(m_shop->db(), m_shop->scope, id), "active"); }));
    QVERIFY(str(*m_shop->s().webhooks.get(m_shop->scope, id), "disabled_reason").contains("5 days"));
    QCOMPARE(m_shop->s().notifications.list(m_shop->scope, m_shop->admin, ListQuery{{{"type", "system"}}})->total, 1);
}

void TestWebhooks::redirectsAreNotFollowed()
{
    hook(m_shop->scope, m_rx->url());
    m_rx->answer(302, "");
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("status = 'failed'").empty(); }));
    QVERIFY(str(deliveries().front(), "last_error").contains("redirect"));
    QCOMPARE(m_rx->requests.size(), 1);
}

void TestWebhooks::slowReceiverDoesNotDelayOthers()
{
    HttpReceiver slow;
    QVERIFY(slow.start());
    slow.hang();
    hook(m_shop->scope, slow.url());
    hook(m_shop->scope, m_rx->url());
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
    QVERIFY(waitFor([&] { return m_rx->requests.size() == 5; }, 5000));
    QVERIFY2(t.elapsed() < 5000, "the fast receiver was served while the slow one hung");
    QVERIFY(waitFor([&] { return slow.requests.size() >= 1; }, 5000)); // it was sent, it just gets no answer
    // The hanging receiver's attempts end at the 15 s timeout and are retried later.
    QVERIFY(
        waitFor([&] { return !m_shop->db().query("SELECT 1 FROM webhook_logs WHERE error_message LIKE 'timed out%'")->empty(); }, 20000));
    auto pending =
        deliveries(QStringLiteral("webhook_id IN (SELECT id FROM webhooks WHERE url = '%1') AND status = 'pending'").arg(slow.url()));
    QCOMPARE(int(pending.size()), 5);
}

void TestWebhooks::replay()
{
    hook(m_shop->scope, m_rx->url());
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("status = 'delivered'").empty(); }));
    const QString deliveryId = str(deliveries().front(), "id");
    ERY_VERIFY_OK(m_shop->s().webhooks.replayDelivery(m_shop->scope, deliveryId));
    QVERIFY(waitFor([&] { return m_rx->requests.size() == 2; }));
    QCOMPARE(m_rx->requests[0].headers.value("webhook-id"), m_rx->requests[1].headers.value("webhook-id"));
    ERY_VERIFY_ERR(m_shop->s().webhooks.replayDelivery(m_shop->sandbox, deliveryId), ErrorCode::NotFound);
    // All failed ones since a time.
    const QString since = nowIso();
    m_rx->answer(400);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
    QVERIFY(waitFor([&] { return deliveries("status = 'failed'").size() == 3; }));
    m_rx->answer(200);
    auto n = m_shop->s().webhooks.replayFailedSince(m_shop->scope, since);
    ERY_VERIFY_OK(n);
    QCOMPARE(*n, 3);
    QVERIFY(waitFor([&] { return deliveries("status = 'delivered'").size() == 4; }));
}

void TestWebhooks::rotationSignsWithBothSecrets()
{
    const QString id = hook(m_shop->scope, m_rx->url());
    const QString oldSecret = m_secret;
    auto rotated = m_shop->s().webhooks.rotateSecret(m_shop->scope, id);
    ERY_VERIFY_OK(rotated);
    const QString newSecret = str(*rotated, "secret");
    QVERIFY(newSecret != oldSecret);
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return m_rx->requests.size() == 1; }));
    const auto &r = m_rx->requests[0];
    const QList<QByteArray> sigs = r.headers.value("webhook-signature").split(' ');
    QCOMPARE(sigs.size(), 2); // receivers still on the old secret keep verifying for 24 h
    const qint64 ts = r.headers.value("webhook-timestamp").toLongLong();
    QCOMPARE(sigs[0], WebhookSigner::standardSignature(newSecret, QString::fromUtf8(r.headers.value("webhook-id")), ts, r.body));
    QCOMPARE(sigs[1], WebhookSigner::standardSignature(oldSecret, QString::fromUtf8(r.headers.value("webhook-id")), ts, r.body));
    QCOMPARE(r.headers.value("x-eryxon-signature"), WebhookSigner::eryxonSignature(newSecret, r.body));
    // Recorded as delivered before the clock jumps a day: a row still leased would be due again.
    QVERIFY(waitFor([&] { return deliveries("status = 'delivered'").size() == 1; }));
    Clock::setOffsetMs(25LL * 3600 * 1000);
    QVERIFY(m_shop->s().jobs.stop(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return m_rx->requests.size() == 2; }));
    QCOMPARE(m_rx->requests[1].headers.value("webhook-signature").split(' ').size(), 1); // the overlap is over
}

void TestWebhooks::tenantsAndSandboxAreSeparate()
{
    HttpReceiver sandboxRx, otherRx;
    QVERIFY(sandboxRx.start());
    QVERIFY(otherRx.start());
    auto other = m_shop->s().tenants.create(Json{{"name", "Other"}});
    const Scope b = Scope::of(str(other->live, "id"));
    QVERIFY(m_shop->s().tenants.update(b.tenantId, Json{{"allow_loopback_webhooks", true}}));
    hook(m_shop->scope, m_rx->url());
    hook(m_shop->sandbox, sandboxRx.url());
    hook(b, otherRx.url());
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId)); // live
    Row sbJob = m_shop->makeJob(m_shop->sandbox, "SB-1");          // sandbox
    QVERIFY(m_shop->s().jobs.start(m_shop->sandbox, str(sbJob, "id")));
    QVERIFY(waitFor([&] { return m_rx->requests.size() == 1 && sandboxRx.requests.size() >= 3; }));
    QTest::qWait(300);
    m_shop->engine().dispatcher().drain();
    QCOMPARE(m_rx->requests.size(), 1);
    QCOMPARE(otherRx.requests.size(), 0);
    for (const auto &r : sandboxRx.requests) {
        const Json body = Json::parse(r.body.constData());
        QVERIFY(str(body["data"], "job_number").startsWith("SB-"));
    }
    QCOMPARE(Json::parse(m_rx->requests[0].body.constData())["data"]["job_number"].get<std::string>(), std::string("J-100"));
}

void TestWebhooks::refusedTargetAtSendTime()
{
    hook(m_shop->scope, m_rx->url());
    QVERIFY(m_shop->s().tenants.update(m_shop->tenantId, Json{{"allow_loopback_webhooks", false}}));
    QVERIFY(m_shop->s().jobs.start(m_shop->scope, m_shop->jobId));
    QVERIFY(waitFor([&] { return !deliveries("status = 'failed'").empty(); }));
    QVERIFY(str(deliveries().front(), "last_error").contains("loopback"));
    QCOMPARE(m_rx->requests.size(), 0);
}

void TestWebhooks::killedEngineDeliversEveryCommittedEvent()
{
    // The hub runs as its own process (eryxon-server serve); it is killed with SIGKILL mid-stream
    // and started again. Every event committed meanwhile reaches the receiver at least once.
    m_deliverer->stop();
    m_shop->engine().dispatcher().removeSink(m_sink.get());
    hook(m_shop->scope, m_rx->url(), Json::array({"job.updated"}));
    const QString bin = qEnvironmentVariable("ERYXON_BIN_DIR") + "/app/server/eryxon-server";
    auto startServer = [&](QProcess &p) {
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        ery::test::endsWithTest(p);
        p.start(bin, {"serve", "--db", m_shop->url(), "--port", "0"});
        return p.waitForStarted(5000);
    };
    QProcess server;
    QVERIFY(startServer(server));
    QStringList written;
    for (int i = 0; i < 150; ++i) {
        QVERIFY(m_shop->s().jobs.update(m_shop->scope, m_shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
        if (i == 60) {
            QTRY_VERIFY_WITH_TIMEOUT(m_rx->requests.size() > 10, 15000);
            ::kill(pid_t(server.processId()), SIGKILL);
            server.waitForFinished();
        }
        QTest::qWait(2);
    }
    QProcess again;
    QVERIFY(startServer(again));
    QSet<QString> committed;
    for (const auto &e : m_shop->events("job.updated"))
        committed.insert(str(e, "event_id"));
    QCOMPARE(committed.size(), 150);
    auto received = [&] {
        QSet<QString> ids;
        for (const auto &r : m_rx->requests)
            ids.insert(QString::fromUtf8(r.headers.value("webhook-id")));
        return ids;
    };
    // Deliveries leased by the killed process are retried when their lease (20 s; 30 s for first
    // attempts handed over in memory) runs out.
    QTRY_VERIFY_WITH_TIMEOUT(received().contains(committed), 60000);
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(15000));
    QCOMPARE(again.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
