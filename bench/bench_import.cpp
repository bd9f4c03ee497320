// One big import must not stall the shop: /health and a small authenticated GET keep answering
// while a CSV file of 100,000 jobs goes in over HTTP and while its events drain to a webhook
// receiver, an MQTT broker and a realtime subscriber; and how fast the dispatcher drains that backlog.
//
// The hub runs as in production: an EngineHost thread owns the database, the API port with its
// realtime feed, the dispatcher, the sinks and the senders. Probe threads ask GET /health, GET
// /api/v1/jobs/{id} and GET /metrics (for the outbox backlog) on their own keep-alive connections,
// one request after the other with 10 ms between; the import is posted by another thread, which
// reads its answer as it arrives. The webhook receiver, the MQTT subscriber and the WebSocket
// subscriber run in the main thread.
//
// Figures: each probe's p50/p99/max idle (the baseline of the run), while the import runs and while
// its events drain; the import's duration; the dispatcher's drain rate (outbox backlog, read from
// /metrics) and what the receivers got.
#include "benchsupport.h"
#include "core/ids.h"
#include "engine.h"
#include "httpreceiver.h"
#include "mosquittobroker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <cstdio>
#include <memory>

using namespace ery::domain;
using namespace ery::services;

using namespace ery;
using namespace ery::bench;
using namespace ery::test;

namespace {

QElapsedTimer g_clock; // one time base for every thread

struct Answer {
    int status = 0;
    QByteArray body;
    bool complete = false;
};

// One HTTP/1.1 exchange on a blocking keep-alive socket (the probe threads have no event loop).
Answer exchange(QTcpSocket &sock, const QByteArray &request, int timeoutMs)
{
    Answer a;
    sock.write(request);
    QElapsedTimer t;
    t.start();
    while (sock.bytesToWrite() > 0 && t.elapsed() < timeoutMs)
        sock.waitForBytesWritten(100);
    QByteArray buf;
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (t.elapsed() < timeoutMs) {
        if (sock.bytesAvailable() == 0 && !sock.waitForReadyRead(100)) {
            if (sock.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        buf += sock.readAll();
        if (headEnd < 0 && (headEnd = buf.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buf.left(headEnd).toLower();
            a.status = head.mid(9, 3).toInt();
            const qsizetype cl = head.indexOf("content-length:");
            length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
        }
        if (headEnd >= 0 && buf.size() - headEnd - 4 >= length) {
            a.body = buf.mid(headEnd + 4, length);
            a.complete = true;
            break;
        }
    }
    return a;
}

struct Sample {
    qint64 atMs;    // when the request was sent
    qint64 tookMs;  // until its answer was complete
    qint64 backlog; // /metrics: the outbox backlog; -1 otherwise
};

// Asks one request again and again until told to stop; 10 ms between answer and next request.
class Probe {
public:
    // metrics: the request is GET /metrics, whose outbox backlog is kept with each sample.
    Probe(quint16 port, QByteArray request, bool metrics = false) : m_port(port), m_request(std::move(request)), m_metrics(metrics) { }
    void start()
    {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
    }
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    std::vector<Sample> samples() const
    {
        QMutexLocker lock(&m_mutex);
        return m_samples;
    }
    qint64 lastBacklog() const { return m_lastBacklog; }
    int failures() const { return m_failures; }

private:
    void run()
    {
        QTcpSocket sock;
        while (!m_stop) {
            if (sock.state() != QAbstractSocket::ConnectedState) {
                sock.abort();
                sock.connectToHost(QHostAddress::LocalHost, m_port);
                if (!sock.waitForConnected(5000)) {
                    ++m_failures;
                    continue;
                }
            }
            const qint64 at = g_clock.elapsed();
            const Answer a = exchange(sock, m_request, 60000);
            const qint64 took = g_clock.elapsed() - at;
            qint64 backlog = -1;
            if (!a.complete || a.status != 200) {
                ++m_failures;
                sock.abort();
            } else if (m_metrics) {
                const qsizetype at = a.body.indexOf("\neryxon_outbox_backlog ");
                if (at >= 0)
                    backlog = a.body.mid(at + 23, a.body.indexOf('\n', at + 1) - at - 23).trimmed().toLongLong();
                m_lastBacklog = backlog;
            }
            {
                QMutexLocker lock(&m_mutex);
                m_samples.push_back({at, took, backlog});
            }
            QThread::msleep(10);
        }
    }

    quint16 m_port;
    QByteArray m_request;
    bool m_metrics;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_lastBacklog{-1};
    std::atomic<int> m_failures{0};
    mutable QMutex m_mutex;
    std::vector<Sample> m_samples;
};

struct Window {
    const char *name;
    qint64 from, to;
};

void report(const char *probe, const std::vector<Sample> &samples, const std::vector<Window> &windows)
{
    double baseP99 = -1;
    for (const Window &w : windows) {
        std::vector<qint64> v;
        for (const Sample &s : samples)
            if (s.atMs >= w.from && s.atMs < w.to)
                v.push_back(s.tookMs);
        const double p99 = percentile(v, 0.99);
        if (baseP99 < 0)
            baseP99 = std::max(1.0, p99);
        std::printf("  %-22s %-16s n %6zu  p50 %5.0f ms  p99 %5.0f ms  max %5.0f ms  (p99 / idle p99: %.1f)\n", probe, w.name, v.size(),
                    percentile(v, 0.5), p99, percentile(v, 1.0), p99 / baseP99);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    g_clock.start();
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int drainCapS = argc > 2 ? QByteArray(argv[2]).toInt() : 300;
    QTemporaryDir dir;
    Config cfg{dir.filePath(QStringLiteral("import.db"))};
    {
        QTcpServer probe; // a free port for the hub
        probe.listen(QHostAddress::LocalHost, 0);
        cfg.http.port = probe.serverPort();
    }
    cfg.http.enabled = true;

    HttpReceiver rx;
    rx.start();
    MosquittoBroker broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return 1;
    }
    MqttProbe mqtt(broker.port(), QStringLiteral("bench/#"));
    mqtt.waitConnected();

    QString jobId, key, readKey;
    {
        Engine e(Config{cfg.dbUrl});
        if (!e.open(false))
            return 1;
        Services &s = e.services();
        auto pair = s.tenants.create(Json{{"name", "Bench"}, {"plan", "enterprise"}, {"allow_loopback_webhooks", true}});
        const Scope scope = Scope::of(str(pair->live, "id"));
        jobId = str(*s.jobs.create(scope, Json{{"job_number", "PROBE-1"}}), "id");
        key = s.apiKeys.create(scope, Json{{"name", "erp"}, {"scope", "read_write"}})->secret;
        readKey = s.apiKeys.create(scope, Json{{"name", "board"}, {"scope", "read"}})->secret;
        s.webhooks.create(scope, Json{{"url", toStd(rx.url())}, {"events", Json::array({"job.created"})}});
        s.mqttPublishers.create(scope, Json{{"name", "bench"},
                                            {"broker_url", "127.0.0.1"},
                                            {"port", broker.port()},
                                            {"topic_pattern", "bench/{event}"},
                                            {"events", Json::array({"job.created"})}});
    }
    EngineHost host(cfg);
    if (!host.start())
        return 1;

    // A realtime subscriber to every new job of the tenant.
    QWebSocket ws;
    std::atomic<int> realtime{0};
    bool joined = false;
    QObject::connect(&ws, &QWebSocket::textMessageReceived, [&](const QString &m) {
        if (m.contains(QLatin1String("\"event\":\"postgres_changes\"")))
            ++realtime;
        else
            joined = joined || m.contains(QLatin1String("\"phx_reply\""));
    });
    const QString join = QString::fromStdString(
        Json{{"topic", "realtime:jobs"},
             {"event", "phx_join"},
             {"ref", "1"},
             {"payload",
              {{"config", {{"postgres_changes", Json::array({Json{{"event", "INSERT"}, {"schema", "public"}, {"table", "jobs"}}})}}}}}}
            .dump());
    QObject::connect(&ws, &QWebSocket::connected, [&] { ws.sendTextMessage(join); });
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/realtime/v1/websocket?apikey=%2&vsn=1.0.0").arg(cfg.http.port).arg(readKey)));
    QTimer heartbeat; // as realtime-js does; the hub closes a socket that stays silent for 60 s
    QObject::connect(&heartbeat, &QTimer::timeout,
                     [&] { ws.sendTextMessage(QStringLiteral(R"({"topic":"phoenix","event":"heartbeat","payload":{},"ref":"hb"})")); });
    heartbeat.start(20000);
    QElapsedTimer setup;
    setup.start();
    while (setup.elapsed() < 10000 && (!joined || setup.elapsed() < 1500)) // the MQTT publisher connects too
        spin(20);
    if (!joined)
        std::printf("the realtime subscriber did not join\n");

    QByteArray csv = "external_id,external_source,job_number,customer,notes\n";
    csv.reserve(rows * 48);
    for (int i = 0; i < rows; ++i)
        csv += "J" + QByteArray::number(i) + ",erp,IMP-" + QByteArray::number(i) + ",Customer " + QByteArray::number(i % 97) + ",row " +
               QByteArray::number(i) + "\n";

    const QByteArray auth = "Authorization: Bearer " + key.toLatin1() + "\r\n";
    Probe health(cfg.http.port, "GET /health HTTP/1.1\r\nHost: bench\r\n\r\n");
    Probe job(cfg.http.port, "GET /api/v1/jobs/" + jobId.toLatin1() + " HTTP/1.1\r\nHost: bench\r\n" + auth + "\r\n");
    Probe metrics(cfg.http.port, "GET /metrics HTTP/1.1\r\nHost: bench\r\n\r\n", true);
    health.start();
    job.start();
    metrics.start();

    // Idle: the baseline of the run.
    const qint64 idleFrom = g_clock.elapsed();
    spin(3000);
    const qint64 importFrom = g_clock.elapsed();

    // The import, from a thread of its own that reads the answer as it comes.
    std::atomic<bool> imported{false};
    Answer importAnswer;
    std::unique_ptr<QThread> importer(QThread::create([&] {
        QTcpSocket sock;
        sock.connectToHost(QHostAddress::LocalHost, cfg.http.port);
        sock.waitForConnected(5000);
        // Only the bad rows are listed: the answer stays small whatever the file.
        const QByteArray req = "POST /api/v1/import/jobs?rows=errors&file_name=bench.csv HTTP/1.1\r\nHost: bench\r\n" + auth +
                               "Content-Type: text/csv\r\nContent-Length: " + QByteArray::number(csv.size()) + "\r\n\r\n" + csv;
        importAnswer = exchange(sock, req, 600000);
        imported = true;
    }));
    importer->start();
    while (!imported)
        spin(20);
    importer->wait();
    const qint64 importTo = g_clock.elapsed();
    const Json importJson = Json::parse(importAnswer.body.constData(), nullptr, false);
    const Json imp = importJson.is_object() ? importJson.value("data", Json::object()).value("import", Json::object()) : Json::object();
    std::printf("import of %d rows: HTTP %d, %s, %lld bytes, %.1f s (%.0f rows/s); created %lld\n", rows, importAnswer.status,
                importAnswer.complete ? "complete" : "CUT OFF", qint64(importAnswer.body.size()), (importTo - importFrom) / 1000.0,
                rows / ((importTo - importFrom) / 1000.0), num(imp, "created"));

    // The drain: until the dispatcher's backlog is gone and the receivers have every event.
    qint64 drainedAt = -1, peakBacklog = 0;
    while (g_clock.elapsed() - importTo < qint64(drainCapS) * 1000) {
        spin(50);
        // Caught up: a /metrics request sent after the import's answer saw no backlog.
        for (const Sample &m : metrics.samples()) {
            if (m.atMs < importFrom)
                continue;
            peakBacklog = std::max(peakBacklog, m.backlog);
            if (drainedAt < 0 && m.atMs > importTo && m.backlog == 0)
                drainedAt = m.atMs;
        }
        if (drainedAt >= 0 && int(rx.requests.size()) >= rows && mqtt.count() >= rows && realtime >= rows)
            break;
    }
    const qint64 drainTo = g_clock.elapsed();
    health.stop();
    job.stop();
    metrics.stop();

    // Backlog samples after the import: the drain rate from the first to the last sample that
    // still had a backlog (the peak may be seen only once the import's answer is out).
    const auto hs = metrics.samples();
    qint64 firstAt = -1, firstBacklog = 0, lastAt = -1, lastBacklog = 0;
    for (const Sample &s : hs) {
        if (s.atMs < importFrom || s.backlog <= 0)
            continue;
        if (firstAt < 0 || s.backlog > firstBacklog) {
            firstAt = s.atMs;
            firstBacklog = s.backlog;
        }
        lastAt = s.atMs;
        lastBacklog = s.backlog;
    }
    const double drainRate = lastAt > firstAt ? double(firstBacklog - lastBacklog) * 1000.0 / double(lastAt - firstAt) : 0;
    // Each imported job is one domain event (job.created) among its outbox rows (row changes).
    const double eventShare = peakBacklog > 0 ? double(rows) / double(peakBacklog) : 0;
    std::printf(
        "drain: peak backlog %lld outbox rows; dispatcher %s after %.1f s; %.0f outbox rows/s while draining (%.0f domain events/s)\n",
        peakBacklog, drainedAt >= 0 ? "caught up" : "NOT caught up", ((drainedAt >= 0 ? drainedAt : drainTo) - importTo) / 1000.0,
        drainRate, drainRate * eventShare);
    std::printf("received by %.1f s after the import: webhook %lld, MQTT %d, realtime %d (of %d each)\n", (drainTo - importTo) / 1000.0,
                qint64(rx.requests.size()), mqtt.count(), int(realtime), rows);

    std::vector<Window> windows{
        {"idle", idleFrom, importFrom}, {"during import", importFrom, importTo}, {"while draining", importTo, drainTo}};
    report("GET /health", health.samples(), windows);
    report("GET /api/v1/jobs/{id}", job.samples(), windows);
    if (health.failures() || job.failures() || metrics.failures())
        std::printf("  probe failures: health %d, job %d, metrics %d\n", health.failures(), job.failures(), metrics.failures());
    ws.close();
    host.stop();
    return 0;
}
