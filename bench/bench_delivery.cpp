// Event delivery: commit-to-receipt latency at 1,000 events/s for a webhook receiver and an MQTT
// subscriber on loopback (p50, p99); the highest rate sustained without the backlog growing; and the
// outbox's durable event rate as a ratio to raw SQLite commits in the same run.
//
// The hub runs as in production: an EngineHost thread owns the database, the dispatcher, the sinks
// and the senders; commits are posted to it at the target pace. The receiver and the subscriber run
// in the main thread.
#include "benchsupport.h"
#include "engine.h"
#include "storage/repositories.h"
#include "httpreceiver.h"
#include "mosquittobroker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;

using namespace ery;
using namespace ery::bench;
using namespace ery::test;

namespace {

struct Setup {
    Scope scope;
    QString jobId;
};

qint64 occurredMs(const QByteArray &json)
{
    const Json j = Json::parse(json.constData(), nullptr, false);
    return QDateTime::fromString(str(j, "timestamp"), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("delivery.db"));
    HttpReceiver rx;
    rx.start();
    MosquittoBroker broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return 1;
    }
    MqttProbe probe(broker.port(), QStringLiteral("bench/#"));
    probe.waitConnected();

    Setup setup;
    {
        Engine e(Config{db});
        if (!e.open(false))
            return 1;
        Services &s = e.services();
        auto pair = s.tenants.create(Json{{"name", "Bench"}, {"plan", "enterprise"}, {"allow_loopback_webhooks", true}});
        setup.scope = Scope::of(str(pair->live, "id"));
        auto job = s.jobs.create(setup.scope, Json{{"job_number", "B-1"}});
        setup.jobId = str(*job, "id");
        s.webhooks.create(setup.scope, Json{{"url", toStd(rx.url())}, {"events", Json::array({"job.updated"})}});
        s.mqttPublishers.create(setup.scope, Json{{"name", "bench"},
                                                  {"broker_url", "127.0.0.1"},
                                                  {"port", broker.port()},
                                                  {"topic_pattern", "bench/{event}"},
                                                  {"events", Json::array({"job.updated"})}});
    }
    if (qEnvironmentVariableIsSet("ERYXON_BENCH_DRAIN")) {
        // Diagnostic: a backlog of deliveries made up front, drained by the sender alone.
        Engine e(Config{db});
        e.open(true);
        for (int i = 0; i < 1000; ++i)
            (void)e.services().jobs.update(setup.scope, setup.jobId, Json{{"notes", toStd(QString::number(i))}});
        rx.requests.clear();
        QElapsedTimer d;
        d.start();
        while (rx.requests.size() < 1000 && d.elapsed() < 60000)
            spin(5);
        std::printf("drain: %lld deliveries in %lld ms\n", qint64(rx.requests.size()), d.elapsed());
        return 0;
    }
    EngineHost host(Config{db});
    if (!host.start())
        return 1;
    spin(1500); // the MQTT connection comes up

    auto post = [&](int n) {
        host.post([n, setup](Engine &e) {
            for (int i = 0; i < n; ++i)
                (void)e.services().jobs.update(setup.scope, setup.jobId, Json{{"notes", toStd(QString::number(i))}});
        });
    };

    auto produce = [&](int rate, int ms) { return pace(rate, ms, [&] { post(10); }); };

    // A. Latency at 1,000 events/s for 5 s.
    const int rate = 1000, seconds = 5;
    rx.requests.clear();
    const int before = probe.count();
    const int sent = produce(rate, seconds * 1000);
    QElapsedTimer wait;
    wait.start();
    while ((rx.requests.size() < sent || probe.count() - before < sent) && wait.elapsed() < 30000)
        spin(20);
    std::vector<qint64> web, mqtt;
    for (const auto &r : rx.requests)
        web.push_back(r.receivedAtMs - occurredMs(r.body));
    const auto msgs = probe.messages();
    for (int i = before; i < msgs.size(); ++i)
        mqtt.push_back(msgs[i].receivedAtMs - occurredMs(msgs[i].payload));
    std::printf("A. %d events at %d/s: webhook received %zu  p50 %.0f ms  p99 %.0f ms | MQTT received %zu  p50 %.0f ms  p99 %.0f ms\n",
                sent, rate, web.size(), percentile(web, 0.5), percentile(web, 0.99), mqtt.size(), percentile(mqtt, 0.5),
                percentile(mqtt, 0.99));

    // B. Sustained rate: offered rates in steps; a rate is sustained when everything it produced
    // is delivered within one second after the step.
    for (int offered : {1000, 2000, 3000, 4000}) {
        rx.requests.clear();
        const int base = probe.count();
        const int produced = produce(offered, 3000);
        spin(1000);
        const int webDone = int(rx.requests.size()), mqttDone = probe.count() - base;
        std::printf("B. offered %4d/s for 3 s: produced %5d, delivered within 1 s after: webhook %5d (%s), MQTT %5d (%s)\n", offered,
                    produced, webDone, webDone >= produced ? "kept up" : "backlog", mqttDone, mqttDone >= produced ? "kept up" : "backlog");
        QElapsedTimer drain;
        drain.start();
        while ((int(rx.requests.size()) < produced || probe.count() - base < produced) && drain.elapsed() < 60000)
            spin(50);
    }
    host.stop();

    // C. Durable event rate (commit with its outbox rows) against raw one-row commits.
    Engine e(Config{dir.filePath(QStringLiteral("rate.db"))});
    e.open(false);
    Services &s = e.services();
    auto pair = s.tenants.create(Json{{"name", "Rate"}, {"plan", "enterprise"}});
    const Scope sc = Scope::of(str(pair->live, "id"));
    const QString jobId = str(*s.jobs.create(sc, Json{{"job_number", "R-1"}}), "id");
    const int n = 5000;
    QElapsedTimer c;
    c.start();
    for (int i = 0; i < n; ++i)
        (void)s.jobs.update(sc, jobId, Json{{"notes", toStd(QString::number(i))}});
    const double eventsPerSec = n / (double(c.nsecsElapsed()) / 1e9);
    c.restart();
    for (int i = 0; i < n; ++i)
        (void)e.db().write([&](WriteTx &tx) {
            return tx.exec(QStringLiteral("UPDATE jobs SET notes = ? WHERE id = ?"), {QString::number(i), jobId});
        });
    const double rawPerSec = n / (double(c.nsecsElapsed()) / 1e9);
    std::printf("C. durable events %.0f/s (job.updated: event + row changes + activity, one commit each)  raw commits %.0f/s  ratio %.3f\n",
                eventsPerSec, rawPerSec, eventsPerSec / rawPerSec);
    return 0;
}
