// Realtime feed: commit-to-receipt latency of row changes over WebSockets at 1,000 changes/s
// (p50, p99) with 1 subscriber (the baseline of the same run) and with many; and the highest rate
// every subscriber keeps up with.
//
// The hub runs as in production: an EngineHost thread owns the database, the dispatcher and the
// API port with its realtime feed; commits are posted to it at the target pace. The subscribers are
// plain QWebSockets speaking vsn 1.0.0 in the main thread, each joined to one channel that filters
// the job's row changes by id.
#include "core/ids.h"
#include "benchsupport.h"
#include "engine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <memory>

using namespace ery::domain;
using namespace ery::services;

using namespace ery;
using namespace ery::bench;

namespace {

struct Subscriber {
    QWebSocket ws;
    std::vector<qint64> latencies; // ms, receipt minus commit timestamp
    int changes = 0;
    bool joined = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    QTemporaryDir dir;
    Config cfg{dir.filePath(QStringLiteral("realtime.db"))};
    {
        QTcpServer probe; // a free port for the hub
        probe.listen(QHostAddress::LocalHost, 0);
        cfg.http.port = probe.serverPort();
    }
    cfg.http.enabled = true;

    Scope scope;
    QString jobId, key;
    {
        Engine e(Config{cfg.dbUrl});
        if (!e.open(false))
            return 1;
        Services &s = e.services();
        auto pair = s.tenants.create(Json{{"name", "Bench"}, {"plan", "enterprise"}});
        scope = Scope::of(str(pair->live, "id"));
        jobId = str(*s.jobs.create(scope, Json{{"job_number", "RT-1"}}), "id");
        key = s.apiKeys.create(scope, Json{{"name", "board"}, {"scope", "read"}})->secret;
    }
    EngineHost host(cfg);
    if (!host.start())
        return 1;

    const QString url = QStringLiteral("ws://127.0.0.1:%1/realtime/v1/websocket?apikey=%2&vsn=1.0.0").arg(cfg.http.port).arg(key);
    const QString join = QString::fromStdString(Json{
        {"topic", "realtime:board"},
        {"event", "phx_join"},
        {"ref", "1"},
        {"payload",
         {{"config",
           {{"postgres_changes",
             Json::array({Json{{"event", "UPDATE"}, {"schema", "public"}, {"table", "jobs"}, {"filter", toStd("id=eq." + jobId)}}})}}}}}}
                                                    .dump());
    std::vector<std::unique_ptr<Subscriber>> subs;
    auto connectSubscribers = [&](int n) {
        subs.clear();
        for (int i = 0; i < n; ++i) {
            auto sub = std::make_unique<Subscriber>();
            Subscriber *p = sub.get();
            QObject::connect(&p->ws, &QWebSocket::textMessageReceived, [p](const QString &m) {
                if (!m.contains(QLatin1String("\"postgres_changes\""))) {
                    p->joined = p->joined || m.contains(QLatin1String("\"phx_reply\""));
                    return;
                }
                // The commit timestamp without a JSON parse: the bench should not be the bottleneck.
                const qsizetype at = m.indexOf(QLatin1String("\"commit_timestamp\":\""));
                p->latencies.push_back(Clock::nowMs() - isoMs(m.mid(at + 20, 24)));
                ++p->changes;
            });
            QObject::connect(&p->ws, &QWebSocket::connected, [p, join] { p->ws.sendTextMessage(join); });
            p->ws.open(QUrl(url));
            subs.push_back(std::move(sub));
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && !std::all_of(subs.begin(), subs.end(), [](const auto &s) { return s->joined; }))
            spin(20);
    };
    auto produce = [&](int rate, int ms) {
        return pace(rate, ms, [&] {
            host.post([s = scope, id = jobId](Engine &e) {
                for (int i = 0; i < 10; ++i)
                    (void)e.services().jobs.update(s, id, Json{{"notes", toStd(QString::number(i))}});
            });
        });
    };
    auto received = [&] {
        int least = INT_MAX;
        for (const auto &s : subs)
            least = std::min(least, s->changes);
        return least;
    };
    auto reset = [&] {
        for (auto &s : subs) {
            s->changes = 0;
            s->latencies.clear();
        }
    };

    // A. Latency at 1,000 changes/s for 5 s: one subscriber (baseline), then many.
    double p99One = 0;
    for (int n : {1, 10}) {
        connectSubscribers(n);
        reset();
        const int sent = produce(1000, 5000);
        QElapsedTimer wait;
        wait.start();
        while (received() < sent && wait.elapsed() < 30000)
            spin(20);
        std::vector<qint64> all;
        for (const auto &s : subs)
            all.insert(all.end(), s->latencies.begin(), s->latencies.end());
        const double p99 = percentile(all, 0.99);
        if (n == 1)
            p99One = p99;
        std::printf(
            "A. %d changes at 1000/s, %2d subscriber(s): every one received %d  p50 %.0f ms  p99 %.0f ms  (p99 vs 1 subscriber: %.2f)\n",
            sent, n, received(), percentile(all, 0.5), p99, p99One > 0 ? p99 / p99One : 1.0);
    }

    // B. Sustained: offered rates in steps; kept up when every subscriber has every change within
    // one second after the step. With 10 subscribers the messages are parsed by this one client
    // thread on the same two cores, so that row is a lower bound for the hub.
    for (int n : {1, 10}) {
        connectSubscribers(n);
        for (int offered : {1000, 2000, 3000, 4000}) {
            reset();
            const int produced = produce(offered, 3000);
            spin(1000);
            std::printf("B. offered %4d/s for 3 s to %2d subscriber(s): produced %5d, fewest received within 1 s after %5d (%s)\n", offered,
                        n, produced, received(), received() >= produced ? "kept up" : "backlog");
            QElapsedTimer drain;
            drain.start();
            while (received() < produced && drain.elapsed() < 60000)
                spin(50);
        }
    }
    subs.clear();
    host.stop();
    return 0;
}
