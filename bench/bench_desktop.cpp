// The admin desktop on a large shop (issue 14), in process as app/desktop/main.cpp runs it: an
// EngineHost with the REST API, an InProcessClient, the MainWindow, offscreen.
//
// 1. Start-up: from main() to the jobs table's first painted rows (and to the dashboard's first
//    painted figures) on a SQLite database of OPERATIONS operations, split into engine open,
//    sign-in, window constructed, rows shown; with the resident memory then held and its rise over
//    the process before the engine opened. Each start is a fresh child process (this program with
//    --startup), so one start's caches and heap do not flatter the next; 3 starts per page.
// 2. GUI stalls: a 5 ms precise timer on the GUI thread records its lateness while the dashboard,
//    then the jobs page, is shown: first idle (the baseline), then while worker threads send
//    RATE requests/s of mixed reads and writes to the embedded REST API with an API key.
// 3. Dashboard refresh: an operation started or paused over the REST API, from its answer (the
//    commit) to the repaint of the "in progress" card showing the new count; 30 times.
//
// Usage: bench_desktop [OPERATIONS] [RATE] [DIR]   (defaults 100000, 2000, a temporary dir)
// DIR keeps the seeded shop.db, so a second run with the same DIR skips the seeding.
#include "core/config.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/jobstablemodel.h"
#include "admin/dashboardpage.h"
#include "admin/jobspage.h"
#include "shell/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "benchsupport.h"

using namespace ery;
using namespace ery::bench;

namespace {

QElapsedTimer g_clock; // one time base for every thread (ms / ns since main())

const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("bench-password");

qint64 statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

double ms(qint64 ns) { return double(ns) / 1e6; }

// Runs the event loop until done() holds (checked every millisecond) or timeoutMs passed. The
// figures are taken where things happen (signals, event filters), never at this loop's exit.
bool waitPolling(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    return done();
}

// Catches the first Paint of a widget once ready() holds: "shown" means painted, not just loaded.
struct PaintWatch : QObject {
    std::function<bool()> ready;
    qint64 paintedNs = -1;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && paintedNs < 0 && ready())
            paintedNs = g_clock.nsecsElapsed();
        return false;
    }
};

// ---- the shop -------------------------------------------------------------------------------

// OPERATIONS operations as bench_export seeds them: jobs of 5 parts × 10 operations, through the
// services. The engine runs its dispatcher so close() drains the outbox, as a shop that has been
// in use has no backlog of 100,000 row changes waiting at start-up.
void seed(const QString &db, int operations)
{
    Config cfg;
    cfg.dbUrl = db;
    Engine engine(cfg);
    if (auto s = engine.open(true); !s)
        qFatal("open %s: %s", qPrintable(db), qPrintable(s.error().message));
    services::Services &s = engine.services();
    auto shop = s.shop.create(Json{{"name", "Bench Shop"},
                                   {"admin_username", kUser.toStdString()},
                                   {"admin_password", kPassword.toStdString()},
                                   {"cells", Json::array({"Laser", "Bending", "Welding"})}});
    if (!shop)
        qFatal("shop: %s", qPrintable(shop.error().message));
    const domain::Scope scope = domain::Scope::of(str(shop->tenant, "id"));
    // Enterprise: no job quota, and no per-key rate limit for the load of part 2.
    (void)s.settings.update(scope, Json{{"plan", "enterprise"}});
    QElapsedTimer t;
    t.start();
    static const char *cells[] = {"Laser", "Bending", "Welding"};
    for (int j = 0; j < operations / 50; ++j) {
        Json parts = Json::array();
        for (int p = 0; p < 5; ++p) {
            Json ops = Json::array();
            for (int o = 0; o < 10; ++o)
                ops.push_back({{"cell_name", cells[o % 3]},
                               {"operation_name", "Step " + std::to_string(o + 1)},
                               {"sequence", o + 1},
                               {"estimated_time", 30}});
            parts.push_back({{"part_number", "B" + std::to_string(j) + "-P" + std::to_string(p)},
                             {"material", "S235 3mm"},
                             {"quantity", 5},
                             {"operations", ops}});
        }
        auto r = s.jobs.create(scope, Json{{"job_number", "BENCH-" + std::to_string(j)}, {"customer", "ACME"}, {"parts", parts}});
        if (!r)
            qFatal("seed: %s", qPrintable(r.error().message));
    }
    const qint64 created = t.elapsed();
    engine.close();
    std::printf("seeded %d operations (%d jobs) in %.1f s, outbox drained in %.1f s\n", operations, operations / 50,
                double(created) / 1000, double(t.elapsed() - created) / 1000);
}

Config desktopConfig(const QString &db)
{
    // As main.cpp: the embedded API served (on a free port here), a port in use not fatal.
    Config cfg;
    cfg.dbUrl = db;
    cfg.hubKind = QStringLiteral("desktop");
    cfg.http.enabled = true;
    cfg.http.optional = true;
    cfg.http.port = 0;
    return cfg;
}

void signIn(InProcessClient &client)
{
    bool answered = false;
    client.signIn(kUser, kPassword).then(&client, [&](const client::ApiReply &r) {
        if (!r.ok())
            qFatal("sign-in: %s", qPrintable(r.errorMessage()));
        answered = true;
    });
    waitPolling([&] { return answered; }, 30000);
}

// ---- 1. start-up, in a child process ---------------------------------------------------------

// What main.cpp does, until `page` shows its data painted. Sign-in is done by the client before
// the window exists (in the app the sign-in dialog waits for a person; its server side, the
// password check, is timed here). Prints one line and returns.
int startup(const QString &page, const QString &db)
{
    const qint64 appNs = g_clock.nsecsElapsed();
    const qint64 rssBefore = statusKiB("VmRSS:");
    ery::EngineHost host(desktopConfig(db));
    if (auto s = host.start(); !s)
        qFatal("start: %s", qPrintable(s.error().message));
    const qint64 engineNs = g_clock.nsecsElapsed();
    ery::InProcessClient client(host);
    signIn(client);
    const qint64 signInNs = g_clock.nsecsElapsed();
    ery::ui::MainWindow window(client, false);
    const qint64 windowNs = g_clock.nsecsElapsed();

    // Ready: the jobs model answered (loaded) or the dashboard showed a whole load (refreshed);
    // shown: the next paint of the table's viewport or of a stat card after that.
    bool ready = false;
    PaintWatch watch;
    watch.ready = [&] { return ready; };
    QWidget *painted = nullptr;
    if (page == QLatin1String("jobs")) {
        QObject::connect(window.jobsPage()->model(), &ui::JobsTableModel::loaded, [&] {
            ready = window.jobsPage()->model()->rowCount() > 0;
        });
        painted = window.jobsPage()->view()->viewport();
    } else {
        QObject::connect(window.dashboardPage(), &ui::DashboardPage::refreshed, [&] { ready = true; });
        painted = window.findChild<QLabel *>(QStringLiteral("cardValue_in_progress"));
    }
    painted->installEventFilter(&watch);
    window.openPage(page);
    window.show();
    if (!waitPolling([&] { return watch.paintedNs >= 0; }, 60000))
        qFatal("%s: nothing shown within 60 s", qPrintable(page));
    QCoreApplication::processEvents(); // what was pending when the rows were painted
    const qint64 idleNs = g_clock.nsecsElapsed();
    const qint64 rss = statusKiB("VmRSS:");
    std::printf("start-up to %-9s %6.0f ms (main to QApplication %.0f, engine open %.0f, sign-in %.0f, window constructed %.0f, "
                "%s %.0f, pending events %.0f) | RSS %.0f MiB, +%.0f MiB over the process before the engine opened, peak %.0f MiB\n",
                qPrintable(page), ms(watch.paintedNs), ms(appNs), ms(engineNs - appNs), ms(signInNs - engineNs),
                ms(windowNs - signInNs), page == QLatin1String("jobs") ? "first rows painted" : "first figures painted",
                ms(watch.paintedNs - windowNs), ms(idleNs - watch.paintedNs), double(rss) / 1024, double(rss - rssBefore) / 1024,
                double(statusKiB("VmHWM:")) / 1024);
    std::fflush(stdout);
    return 0;
}

// ---- 2. the REST load, from worker threads ----------------------------------------------------

struct Answer {
    int status = 0;
    bool complete = false;
};

// One HTTP/1.1 exchange on a blocking keep-alive socket (worker threads have no event loop).
Answer exchange(QTcpSocket &sock, const QByteArray &request, int timeoutMs = 10000)
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
            a.complete = true;
            break;
        }
    }
    return a;
}

QByteArray request(const QByteArray &method, const QString &path, const QString &key, const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + key.toLatin1() + "\r\n";
    if (!body.isEmpty() || method != "GET")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

// An operation cycled through the lifecycle by one worker only: start, then pause / resume.
struct Op {
    QString id;
    int state = 0; // 0 not started, 1 in progress, 2 on hold
    QByteArray next(const QString &key)
    {
        static const char *verbs[] = {"start", "pause", "resume"};
        const char *verb = verbs[state];
        state = state == 1 ? 2 : 1;
        return request("POST", QStringLiteral("/api/v1/operations/%1/%2").arg(id, QLatin1String(verb)), key, "{}");
    }
};

struct Load {
    quint16 port = 0;
    QString key;
    QStringList jobs;
    std::vector<Op> ops;
    int rate = 2000;
    int threads = 8;
    std::atomic<bool> stop{false};
    std::atomic<int> done{0}, errors{0};

    // Open loop: request i is due at i/rate s after the start and is sent then (or at once when the
    // worker is behind), so a slow answer does not lower the offered rate. 80% reads (a list page
    // of 20 and a job by id), 20% writes (a job's notes, an operation's start / pause / resume).
    void worker(int w, qint64 startNs)
    {
        QTcpSocket sock;
        // This worker's operations (every threads-th), kept in `ops` so their states carry over
        // from one measurement to the next.
        std::vector<size_t> mine;
        for (size_t i = size_t(w); i < ops.size(); i += size_t(threads))
            mine.push_back(i);
        std::vector<qint64> took;
        for (qint64 k = 0, n = 0; !stop; ++k) {
            const qint64 i = k * threads + w;
            const qint64 dueNs = startNs + i * 1000000000LL / rate;
            const qint64 waitNs = dueNs - g_clock.nsecsElapsed();
            if (waitNs > 0)
                QThread::usleep(quint64(waitNs / 1000));
            if (stop)
                break;
            if (sock.state() != QAbstractSocket::ConnectedState) {
                sock.abort();
                sock.connectToHost(QStringLiteral("127.0.0.1"), port);
                if (!sock.waitForConnected(5000)) {
                    ++errors;
                    continue;
                }
            }
            const QString job = jobs[int((i / 10) % jobs.size())];
            QByteArray req;
            switch (i % 10) {
            case 0:
                req = request("PATCH", QStringLiteral("/api/v1/jobs/%1").arg(job), key,
                              QByteArray("{\"notes\":\"bench ") + QByteArray::number(i) + "\"}");
                break;
            case 1:
                req = ops[mine[size_t(n++) % mine.size()]].next(key);
                break;
            case 2: case 4: case 6: case 8:
                req = request("GET", QStringLiteral("/api/v1/jobs?limit=20&offset=%1").arg((i / 10) % 100 * 20), key);
                break;
            default:
                req = request("GET", QStringLiteral("/api/v1/jobs/%1").arg(job), key);
            }
            const qint64 sentNs = g_clock.nsecsElapsed();
            const Answer a = exchange(sock, req);
            took.push_back((g_clock.nsecsElapsed() - sentNs) / 1000);
            if (!a.complete || a.status < 200 || a.status >= 300) {
                if (errors++ < 5)
                    std::fprintf(stderr, "request %lld: HTTP %d%s\n", (long long)i, a.status, a.complete ? "" : " (incomplete)");
                if (!a.complete)
                    sock.abort();
            }
            ++done;
        }
        std::lock_guard<std::mutex> lock(mutex);
        latencyUs.insert(latencyUs.end(), took.begin(), took.end());
    }
    std::mutex mutex;
    std::vector<qint64> latencyUs; // each request, sent to answered
};

// The ids the load uses, asked over the API before it starts (a blocking read from this thread).
QStringList idsOf(quint16 port, const QString &key, const QString &path, const char *plural)
{
    QTcpSocket sock;
    sock.connectToHost(QStringLiteral("127.0.0.1"), port);
    sock.waitForConnected(5000);
    QByteArray req = request("GET", path, key);
    req.insert(req.size() - 2, "Connection: close\r\n"); // read to the end, no framing needed
    sock.write(req);
    QByteArray buf;
    while (sock.waitForReadyRead(5000) || sock.bytesAvailable())
        buf += sock.readAll();
    const Json body = Json::parse(buf.mid(buf.indexOf("\r\n\r\n") + 4).toStdString(), nullptr, false);
    QStringList ids;
    if (body.is_object())
        for (const Json &row : body["data"][plural])
            ids << QString::fromStdString(row["id"].get<std::string>());
    if (ids.isEmpty())
        qFatal("no ids from %s", qPrintable(path));
    return ids;
}

struct Stalls {
    double p50 = 0, p99 = 0, max = 0;
    int over100 = 0;
    size_t ticks = 0;
};

// A 5 ms precise timer on the GUI thread for `durationMs`: each tick's lateness is the time since
// the previous tick minus 5 ms, i.e. how long the loop was busy beyond its schedule.
Stalls measureStalls(int durationMs)
{
    std::vector<qint64> lateUs;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    qint64 last = g_clock.nsecsElapsed();
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = g_clock.nsecsElapsed();
        lateUs.push_back(std::max<qint64>(0, (now - last) / 1000 - 5000));
        last = now;
    });
    tick.start(5);
    spin(durationMs);
    Stalls s;
    s.p50 = double(percentile(lateUs, 0.50)) / 1000;
    s.p99 = double(percentile(lateUs, 0.99)) / 1000;
    s.max = double(percentile(lateUs, 1.0)) / 1000;
    s.over100 = int(std::count_if(lateUs.begin(), lateUs.end(), [](qint64 us) { return us > 100000; }));
    s.ticks = lateUs.size();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    g_clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Its own settings, so the bench neither reads nor writes the real desktop's window geometry.
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon-bench-desktop"));
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("--startup"))
        return startup(args[2], args[3]);

    const int operations = args.size() > 1 ? std::max(50, args[1].toInt()) : 100000;
    const int rate = args.size() > 2 ? std::max(10, args[2].toInt()) : 2000;
    QTemporaryDir tmp;
    const QString dir = args.size() > 3 ? args[3] : tmp.path();
    const QString db = QDir(dir).filePath(QStringLiteral("shop.db"));
    if (!QFile::exists(db))
        seed(db, operations);
    else
        std::printf("using the shop in %s\n", qPrintable(db));

    // 1. Start-up, each in a fresh process; the wall time includes exec, loading and QApplication.
    for (const char *page : {"jobs", "dashboard"})
        for (int run = 0; run < 3; ++run) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QElapsedTimer wall;
            wall.start();
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--startup"), QLatin1String(page), db});
            if (!child.waitForReadyRead(120000))
                qFatal("start-up child: no answer");
            const qint64 shownMs = wall.elapsed();
            child.waitForFinished(60000);
            std::printf("[exec to shown %4lld ms] %s", (long long)shownMs, child.readAllStandardOutput().constData());
        }
    std::fflush(stdout);

    // 2. and 3. in this process: the desktop as main.cpp runs it, signed in, the jobs shown.
    EngineHost host(desktopConfig(db));
    if (auto s = host.start(); !s)
        qFatal("start: %s", qPrintable(s.error().message));
    InProcessClient client(host);
    signIn(client);
    ui::MainWindow window(client, false);
    window.openPage(QStringLiteral("jobs"));
    window.show();
    waitPolling([&] { return window.jobsPage()->model()->rowCount() > 0; }, 60000);

    auto url = host.call<Json>([](Engine &e) { return e.apiStatus(); });
    url.waitForFinished();
    Load load;
    load.rate = rate;
    load.port = quint16(QUrl(QString::fromStdString(url.result().value("url", std::string()))).port());
    auto key = host.call<QString>([tenant = client.tenantId()](Engine &e) {
        auto k = e.services().apiKeys.create(domain::Scope::of(tenant), Json{{"name", "bench"}, {"scope", "admin"}});
        return k ? k->secret : QString();
    });
    key.waitForFinished();
    load.key = key.result();
    if (load.port == 0 || load.key.isEmpty())
        qFatal("no API port or key");
    load.jobs = idsOf(load.port, load.key, QStringLiteral("/api/v1/jobs?limit=100"), "jobs");
    const QStringList ops = idsOf(load.port, load.key, QStringLiteral("/api/v1/operations?status=not_started&limit=400"), "operations");
    for (qsizetype i = 1; i < ops.size(); ++i) // the first is part 3's
        load.ops.push_back(Op{ops[i]});

    std::printf("\nGUI thread lateness of a 5 ms timer, %d req/s offered (80%% GET list/item, 20%% PATCH job / POST operation "
                "start-pause-resume), %d worker threads:\n",
                rate, load.threads);
    for (const char *page : {"dashboard", "jobs"}) {
        window.openPage(QLatin1String(page));
        spin(1500); // the page's load on being shown is not part of either figure
        const Stalls idle = measureStalls(5000);
        load.stop = false;
        load.done = 0;
        load.errors = 0;
        load.latencyUs.clear();
        const qint64 startNs = g_clock.nsecsElapsed();
        std::vector<std::thread> workers;
        for (int w = 0; w < load.threads; ++w)
            workers.emplace_back([&, w] { load.worker(w, startNs); });
        const Stalls busy = measureStalls(10000);
        load.stop = true;
        for (auto &t : workers)
            t.join();
        const double seconds = double(g_clock.nsecsElapsed() - startNs) / 1e9;
        std::printf("  %-9s idle:   p50 %5.1f ms  p99 %5.1f ms  max %6.1f ms  (%zu ticks)\n", page, idle.p50, idle.p99, idle.max, idle.ticks);
        std::printf("  %-9s loaded: p50 %5.1f ms  p99 %5.1f ms  max %6.1f ms  (%zu ticks, %d over 100 ms); p99 ratio to idle %.1f; "
                    "achieved %.0f req/s, %d errors; request p50 %.1f ms, p99 %.1f ms\n",
                    page, busy.p50, busy.p99, busy.max, busy.ticks, busy.over100, busy.p99 / std::max(0.1, idle.p99),
                    double(load.done) / seconds, int(load.errors), percentile(load.latencyUs, 0.5) / 1000,
                    percentile(load.latencyUs, 0.99) / 1000);
        std::fflush(stdout);
        spin(2000); // the page catches up with the last changes before the next figure
    }

    // 3. From a change's commit over the API to the dashboard card painted with it.
    window.openPage(QStringLiteral("dashboard"));
    spin(1500);
    auto *card = window.findChild<QLabel *>(QStringLiteral("cardValue_in_progress"));
    Op op{ops[0]};
    std::vector<qint64> sentToPaint, commitToPaint, commitToRefreshed;
    for (int i = 0; i < 30; ++i) {
        const QString before = card->text();
        std::atomic<qint64> answeredNs{-1};
        qint64 refreshedNs = -1;
        PaintWatch watch;
        watch.ready = [&] { return card->text() != before; };
        card->installEventFilter(&watch);
        auto conn = QObject::connect(window.dashboardPage(), &ui::DashboardPage::refreshed, [&] {
            if (refreshedNs < 0 && card->text() != before)
                refreshedNs = g_clock.nsecsElapsed();
        });
        const QByteArray req = op.next(load.key);
        const qint64 sentNs = g_clock.nsecsElapsed();
        // Sent from a thread of its own: the GUI thread stays in its event loop meanwhile.
        std::thread sender([&] {
            QTcpSocket sock;
            sock.connectToHost(QStringLiteral("127.0.0.1"), load.port);
            sock.waitForConnected(5000);
            const Answer a = exchange(sock, req);
            answeredNs = g_clock.nsecsElapsed();
            if (!a.complete || a.status != 200)
                std::fprintf(stderr, "change %d: HTTP %d\n", i, a.status);
        });
        const bool shown = waitPolling([&] { return watch.paintedNs >= 0; }, 5000);
        sender.join();
        card->removeEventFilter(&watch);
        QObject::disconnect(conn);
        if (!shown) {
            std::fprintf(stderr, "change %d: the card did not change within 5 s\n", i);
            continue;
        }
        sentToPaint.push_back((watch.paintedNs - sentNs) / 1000);
        commitToPaint.push_back((watch.paintedNs - answeredNs) / 1000);
        commitToRefreshed.push_back((refreshedNs - answeredNs) / 1000);
        spin(400); // the reloads this change set off settle before the next one
    }
    auto line = [](const char *what, const std::vector<qint64> &us) {
        std::printf("  %-34s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%zu changes)\n", what, percentile(us, 0.5) / 1000,
                    percentile(us, 0.99) / 1000, percentile(us, 1.0) / 1000, us.size());
    };
    std::printf("\nDashboard refresh after an operation's start / pause over the REST API (no other load):\n");
    line("commit (HTTP answer) -> repainted:", commitToPaint);
    line("commit -> dashboard reloaded:", commitToRefreshed);
    line("request sent -> repainted:", sentToPaint);
    return 0;
}
