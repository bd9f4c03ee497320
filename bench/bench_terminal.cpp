// The floor terminal's door (issue 15): the same operator actions through the embedded engine
// (InProcessClient) and through `eryxon --connect` on loopback (RemoteClient: HTTP + the realtime
// WebSocket), in one process against one hub, each figure beside the other.
//
// 1. Action round trip: an operator action taken in the terminal's journal (pause, resume, …
//    alternately on one operation) until the journal reports it applied; ACTIONS of them, one at a
//    time, p50/p99.
// 2. Change to queue: an operation of the terminal's cell changed by someone else (another client
//    over the REST API), from sending that change until the terminal's queue read after the change
//    notice has answered with the new state — what the terminal repaints from; CHANGES of them.
// 3. Journal replay: REPLAY actions taken while nobody could send them (the operator's session
//    gone: the journal waits exactly as it does while the hub cannot be reached), then the operator
//    signs in again and the journal sends them in order; actions/s until the last is applied.
//
// Usage: bench_terminal [ACTIONS] [CHANGES] [REPLAY]   (defaults 300, 50, 1000)
#include "client/actionjournal.h"
#include "client/jsonfields.h"
#include "client/remoteclient.h"
#include "core/config.h"
#include "engine.h"
#include "inprocessclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>

#include "benchsupport.h"

using namespace ery;
using namespace ery::bench;
using namespace ery::client;

namespace {

struct Hub {
    QTemporaryDir dir;
    std::unique_ptr<EngineHost> host;
    quint16 port = 0;
    QString terminalKey, adminKey;
    QString cell;
    QStringList ops; // not started operations of `cell`

    Hub()
    {
        Config cfg;
        cfg.dbUrl = dir.filePath(QStringLiteral("shop.db"));
        cfg.http.enabled = true;
        cfg.http.port = 0;
        host = std::make_unique<EngineHost>(cfg);
        if (auto s = host->start(); !s)
            qFatal("start: %s", qPrintable(s.error().message));
        InProcessClient setup(*host);
        const ApiReply demo = await(setup.post(QStringLiteral("/api/v1/setup/demo")));
        if (!demo.ok())
            qFatal("demo: %s", qPrintable(demo.errorMessage()));
        auto status = host->call<Json>([](Engine &e) { return e.apiStatus(); });
        status.waitForFinished();
        port = quint16(QUrl(QString::fromStdString(status.result().value("url", std::string()))).port());
        auto keys = host->call<std::pair<QString, QString>>([](Engine &e) {
            auto live = e.services().tenants.defaultTenant();
            const QString tenant = live ? QString::fromStdString(live->value("id", std::string())) : QString();
            auto t = e.services().apiKeys.create(domain::Scope::of(tenant), Json{{"name", "bench terminal"}, {"scope", "terminal"}});
            auto a = e.services().apiKeys.create(domain::Scope::of(tenant), Json{{"name", "bench other client"}, {"scope", "admin"}});
            return std::make_pair(t ? t->secret : QString(), a ? a->secret : QString());
        });
        keys.waitForFinished();
        terminalKey = keys.result().first;
        adminKey = keys.result().second;
        if (port == 0 || terminalKey.isEmpty())
            qFatal("no API port or terminal key");
    }
};

void signInOperator(EngineClient &door, const QString &terminalKey)
{
    door.setTerminalKey(terminalKey);
    const ApiReply r = await(door.signInWithPin(QStringLiteral("DMW0001"), QStringLiteral("1234")));
    if (!r.ok())
        qFatal("PIN sign-in: %s", qPrintable(r.errorMessage()));
    // The demo's operator is timing something: stopped, so they may start the bench's operation.
    const ApiReply open = await(door.get(QStringLiteral("/api/v1/time-entries?operator_id=%1&limit=100").arg(text(door.user(), "id"))));
    for (const Json &e : open.data().value("time_entries", Json::array()))
        if (text(e, "end_time").isEmpty())
            (void)await(door.post(QStringLiteral("/api/v1/time-entries/%1/stop").arg(text(e, "id"))));
}

// An operation of the demo that is not started, for this door's own use.
QString freshOperation(EngineClient &door, int skip)
{
    const ApiReply r = await(door.get(QStringLiteral("/api/v1/operations?status=not_started&limit=1&offset=%1").arg(skip)));
    const Json ops = r.data().value("operations", Json::array());
    if (ops.empty())
        qFatal("no operation to work on");
    return text(ops[0], "id");
}

struct Figures {
    double p50 = 0, p99 = 0, rate = 0;
};

// 1. One action at a time through the journal, each until applied.
Figures roundTrips(EngineClient &door, int actions, int skip)
{
    QTemporaryDir dir;
    ActionJournal journal(door, dir.filePath(QStringLiteral("journal.json")));
    const QString op = freshOperation(door, skip);
    const Json who{{"operator_id", utf8(text(door.user(), "id"))}};
    int applied = 0, refused = 0;
    QObject::connect(&journal, &ActionJournal::applied, [&] { ++applied; });
    QObject::connect(&journal, &ActionJournal::conflicted, [&](const ActionJournal::Entry &e) {
        ++refused;
        std::fprintf(stderr, "refused: %s: %s\n", qPrintable(e.label), qPrintable(e.refusal));
    });
    journal.take(QStringLiteral("Start"), QStringLiteral("POST"), QStringLiteral("/api/v1/operations/%1/start").arg(op), who);
    waitFor([&] { return applied + refused == 1; }, 30000);
    std::vector<qint64> us;
    QElapsedTimer t;
    for (int i = 0; i < actions; ++i) {
        const char *action = i % 2 == 0 ? "pause" : "resume";
        const int before = applied + refused;
        t.start();
        journal.take(QString::fromLatin1(action), QStringLiteral("POST"), QStringLiteral("/api/v1/operations/%1/%2").arg(op, QLatin1String(action)), who);
        waitFor([&] { return applied + refused > before; }, 30000);
        us.push_back(t.nsecsElapsed() / 1000);
    }
    if (refused)
        qFatal("%d actions refused", refused);
    (void)await(door.post(QStringLiteral("/api/v1/operations/%1/pause").arg(op))); // the operator's entry closed for the next phase
    return {percentile(us, 0.5) / 1000, percentile(us, 0.99) / 1000, 0};
}

// 2. Someone else changes an operation of the cell; the terminal's door hears of it and reads the
// cell's queue again, which then shows the change.
Figures changes(EngineClient &door, EngineClient &other, int count, int skip)
{
    const QString op = freshOperation(door, skip);
    const ApiReply opRow = await(door.get(QStringLiteral("/api/v1/operations/") + op));
    const QString cell = text(opRow.data().value("operation", Json::object()), "cell_id");
    const QString queuePath = QStringLiteral("/api/v1/analytics/cells/%1/queue?limit=500").arg(cell);
    QString wanted;          // the status the next queue read must show
    qint64 changedNs = 0;    // when the other client sent its change (the commit is after it, the notice may come before its answer)
    std::vector<qint64> us;
    QElapsedTimer clock;
    clock.start();
    QObject context;
    door.subscribe({QStringLiteral("operations")}, &context, [&] {
        if (wanted.isEmpty())
            return;
        door.get(queuePath).then(&context, [&, want = wanted](const ApiReply &r) {
            for (const Json &row : r.data().value("operations", Json::array()))
                if (text(row, "id") == op && text(row, "status") == want && wanted == want) {
                    us.push_back((clock.nsecsElapsed() - changedNs) / 1000);
                    wanted.clear();
                }
        });
    }, 0);
    spin(500); // the feed joined
    const char *actions[] = {"start", "pause", "resume"};
    const char *statuses[] = {"in_progress", "on_hold", "in_progress"};
    for (int i = 0; i < count; ++i) {
        const int a = i == 0 ? 0 : (i % 2 == 1 ? 1 : 2);
        wanted = QString::fromLatin1(statuses[a]);
        changedNs = clock.nsecsElapsed();
        const ApiReply r = await(other.post(QStringLiteral("/api/v1/operations/%1/%2").arg(op, QLatin1String(actions[a]))));
        if (!r.ok())
            qFatal("change: %s", qPrintable(r.errorMessage()));
        if (!waitFor([&] { return wanted.isEmpty(); }, 5000))
            qFatal("change %d not seen in 5 s", i);
        spin(20);
    }
    return {percentile(us, 0.5) / 1000, percentile(us, 0.99) / 1000, 0};
}

// 3. Actions piled up while they could not be sent, then sent when the operator is back.
Figures replay(EngineClient &door, const QString &terminalKey, int actions, int skip)
{
    QTemporaryDir dir;
    const QString op = freshOperation(door, skip);
    const Json who{{"operator_id", utf8(text(door.user(), "id"))}};
    door.signOut();
    ActionJournal journal(door, dir.filePath(QStringLiteral("journal.json")));
    int applied = 0, refused = 0;
    QObject::connect(&journal, &ActionJournal::applied, [&] { ++applied; });
    QObject::connect(&journal, &ActionJournal::conflicted, [&] { ++refused; });
    journal.take(QStringLiteral("Start"), QStringLiteral("POST"), QStringLiteral("/api/v1/operations/%1/start").arg(op), who);
    for (int i = 0; i < actions - 1; ++i) {
        const char *action = i % 2 == 0 ? "pause" : "resume";
        journal.take(QString::fromLatin1(action), QStringLiteral("POST"), QStringLiteral("/api/v1/operations/%1/%2").arg(op, QLatin1String(action)), who);
    }
    spin(100);
    if (applied != 0)
        qFatal("sent while nobody was signed in");
    QElapsedTimer t;
    t.start();
    signInOperator(door, terminalKey); // signedIn: the journal goes on at once
    if (!waitFor([&] { return applied + refused == actions; }, 600000))
        qFatal("replay did not finish");
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (refused)
        qFatal("%d replayed actions refused", refused);
    (void)await(door.post(QStringLiteral("/api/v1/operations/%1/pause").arg(op)));
    return {0, 0, actions / seconds};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int actions = argc > 1 ? std::atoi(argv[1]) : 300;
    const int changeCount = argc > 2 ? std::atoi(argv[2]) : 50;
    const int replayCount = argc > 3 ? std::atoi(argv[3]) : 1000;
    Hub hub;
    InProcessClient local(*hub.host);
    RemoteClient remote(QStringLiteral("http://127.0.0.1:%1").arg(hub.port));
    RemoteClient other(QStringLiteral("http://127.0.0.1:%1").arg(hub.port));
    signInOperator(local, hub.terminalKey);
    signInOperator(remote, hub.terminalKey);
    signInOperator(other, hub.terminalKey);

    std::printf("terminal door benchmark: demo shop on SQLite, hub on 127.0.0.1:%u\n", hub.port);
    const Figures a1 = roundTrips(local, actions, 0), a2 = roundTrips(remote, actions, 1);
    std::printf("action round trip (%d)      in-process p50 %6.2f ms p99 %6.2f ms | --connect p50 %6.2f ms p99 %6.2f ms\n", actions,
                a1.p50, a1.p99, a2.p50, a2.p99);
    const Figures c1 = changes(local, other, changeCount, 2), c2 = changes(remote, other, changeCount, 3);
    std::printf("change to queue read (%d)    in-process p50 %6.2f ms p99 %6.2f ms | --connect p50 %6.2f ms p99 %6.2f ms\n", changeCount,
                c1.p50, c1.p99, c2.p50, c2.p99);
    const Figures r1 = replay(local, hub.terminalKey, replayCount, 4), r2 = replay(remote, hub.terminalKey, replayCount, 5);
    std::printf("journal replay (%d actions) in-process %7.0f actions/s | --connect %7.0f actions/s (ratio %.2f)\n", replayCount, r1.rate,
                r2.rate, r2.rate / r1.rate);
    return 0;
}
