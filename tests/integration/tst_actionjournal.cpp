#include "client/actionjournal.h"
#include "client/jsonfields.h"
#include "inprocessclient.h"
#include "testshop.h"

#include <QDir>
#include <QFile>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;
using namespace ery::client;
using ery::client::text;
using namespace ery::test;

// A floor terminal's journal against a real engine: PIN sign-in through the door, actions taken
// while the hub cannot be reached applied once and in order when it is back, answers lost on the
// way retried without doing the work twice, the journal kept over a restart of the terminal, and a
// refusal kept as a conflict until the operator acknowledges it. The network's failures are played
// by the door below (the hub is the real one); the same flows over real HTTP against a stopped and
// restarted eryxon-server are in tst_remoteclient.
class TestActionJournal : public QObject {
    Q_OBJECT
private slots:
    void operatorsSignInWithTheirPin();
    void actionsTakenWhileTheHubIsDownAreAppliedOnceInOrder();
    void aLostAnswerIsAskedAgainNotDoneTwice();
    void theJournalOutlivesTheTerminal();
    void aRefusalIsKeptUntilAcknowledged();
    void anUnreadableJournalIsSetAsideNotLost();
};

namespace {

// The engine's own door, with a network that can fail: `down` answers every request as
// unreachable without the hub seeing it; `loseAnswers` lets the hub do the work and loses that
// many answers on the way back.
class FlakyDoor : public InProcessClient {
public:
    using InProcessClient::InProcessClient;
    bool down = false;
    int loseAnswers = 0;
    int sent = 0;

protected:
    QFuture<ApiReply> send(ApiRequest request) override
    {
        if (down)
            return QtFuture::makeReadyFuture(ApiReply::unreachable(QStringLiteral("the network is down")));
        ++sent;
        auto answer = InProcessClient::send(std::move(request));
        if (loseAnswers > 0) {
            --loseAnswers;
            return answer.then([](const ApiReply &) { return ApiReply::unreachable(QStringLiteral("the answer was lost")); });
        }
        return answer;
    }
};

struct Hub {
    std::unique_ptr<TestShop> shop;
    std::unique_ptr<EngineHost> host;
    std::unique_ptr<FlakyDoor> door;
    QString terminalKey;

    Hub() : shop(TestShop::create())
    {
        Config cfg;
        cfg.dbUrl = shop->url();
        host = std::make_unique<EngineHost>(cfg);
        if (!host->start())
            qFatal("the engine did not start");
        door = std::make_unique<FlakyDoor>(*host);
        auto key = shop->s().apiKeys.create(shop->scope, Json{{"name", "Saw terminal"}, {"scope", "terminal"}});
        if (!key)
            qFatal("no terminal key: %s", qPrintable(key.error().message));
        terminalKey = key->secret;
        door->setTerminalKey(terminalKey);
    }
    ~Hub()
    {
        door.reset();
        host->stop();
    }
    qint64 count(const QString &sql)
    {
        auto n = shop->db().scalar(sql);
        return n ? *n : -1;
    }
};

ApiReply await(QFuture<ApiReply> f)
{
    QTest::qWaitFor([&] { return f.isFinished(); }, 10000);
    return f.isFinished() ? f.result() : ApiReply();
}

QString opPath(const QString &id, const char *action)
{
    return QStringLiteral("/api/v1/operations/%1/%2").arg(id, QLatin1String(action));
}

} // namespace

void TestActionJournal::operatorsSignInWithTheirPin()
{
    Hub hub;
    const ApiReply wrong = await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("0000")));
    QCOMPARE(wrong.status(), 401);
    QCOMPARE(number(wrong.errorDetails(), "attempts_remaining"), qint64(4));
    QVERIFY(!hub.door->isSignedIn());
    const ApiReply right = await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("1234")));
    QVERIFY2(right.ok(), qPrintable(right.errorMessage()));
    QVERIFY(hub.door->isSignedIn());
    QCOMPARE(text(hub.door->user(), "id"), hub.shop->op1);
    // The operator's session reads the queue of a cell.
    QVERIFY(await(hub.door->get(QStringLiteral("/api/v1/analytics/cells/%1/queue").arg(hub.shop->laser))).ok());
    // Without the terminal key nobody signs in with a PIN.
    hub.door->signOut();
    hub.door->setTerminalKey({});
    QCOMPARE(await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("1234"))).status(), 401);
}

void TestActionJournal::actionsTakenWhileTheHubIsDownAreAppliedOnceInOrder()
{
    Hub hub;
    QVERIFY(await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("1234"))).ok());
    QTemporaryDir dir;
    ActionJournal journal(*hub.door, dir.filePath(QStringLiteral("journal.json")));
    journal.setRetryBaseMs(50);
    QSignalSpy applied(&journal, &ActionJournal::applied);
    QSignalSpy reach(hub.door.get(), &EngineClient::reachableChanged);
    const QString op = hub.shop->ops[0];
    const Json who{{"operator_id", utf8(hub.shop->op1)}};

    hub.door->down = true;
    journal.take(QStringLiteral("Start Laser"), QStringLiteral("POST"), opPath(op, "start"), who);
    journal.take(QStringLiteral("Report 4 good, 1 scrap"), QStringLiteral("POST"), QStringLiteral("/api/v1/production"),
                 Json{{"operation_id", utf8(op)}, {"quantity_good", 4}, {"quantity_scrap", 1}, {"recorded_by", utf8(hub.shop->op1)}});
    journal.take(QStringLiteral("Stop & complete Laser"), QStringLiteral("POST"), opPath(op, "complete"), who);
    QCOMPARE(journal.pending().size(), 3);
    QTRY_VERIFY(!hub.door->isReachable());
    QCOMPARE(reach.count(), 1);
    QTest::qWait(300); // several retries, all unreachable
    QCOMPARE(journal.pending().size(), 3);
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries")), qint64(0));

    hub.door->down = false;
    QTRY_COMPARE_WITH_TIMEOUT(journal.pending().size(), 0, 5000);
    QCOMPARE(applied.count(), 3);
    QVERIFY(hub.door->isReachable());
    // In the order taken, each once: one time entry opened and closed, one report, the step done.
    QCOMPARE(applied[0][0].value<ActionJournal::Entry>().label, QStringLiteral("Start Laser"));
    QCOMPARE(applied[2][0].value<ActionJournal::Entry>().label, QStringLiteral("Stop & complete Laser"));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries")), qint64(1));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE end_time IS NULL")), qint64(0));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM operation_quantities")), qint64(1));
    QCOMPARE(str(hub.shop->op(0), "status"), QStringLiteral("completed"));
    QCOMPARE(hub.shop->eventCount(QStringLiteral("operation.started")), qint64(1));
    QCOMPARE(hub.shop->eventCount(QStringLiteral("operation.completed")), qint64(1));
    const Rows started = hub.shop->events(QStringLiteral("operation.started"));
    const Rows completed = hub.shop->events(QStringLiteral("operation.completed"));
    QVERIFY(num(started.front(), "id") < num(completed.front(), "id"));
}

void TestActionJournal::aLostAnswerIsAskedAgainNotDoneTwice()
{
    Hub hub;
    QVERIFY(await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("1234"))).ok());
    QTemporaryDir dir;
    ActionJournal journal(*hub.door, dir.filePath(QStringLiteral("journal.json")));
    journal.setRetryBaseMs(50);
    hub.door->loseAnswers = 2;
    const QString op = hub.shop->ops[0];
    journal.take(QStringLiteral("Start Laser"), QStringLiteral("POST"), opPath(op, "start"), Json{{"operator_id", utf8(hub.shop->op1)}});
    journal.take(QStringLiteral("Report 3 good"), QStringLiteral("POST"), QStringLiteral("/api/v1/production"),
                 Json{{"operation_id", utf8(op)}, {"quantity_good", 3}});
    QTRY_COMPARE_WITH_TIMEOUT(journal.pending().size(), 0, 5000);
    QVERIFY(hub.door->sent >= 4); // the start sent three times, the report once
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries")), qint64(1));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM operation_quantities")), qint64(1));
    QCOMPARE(hub.shop->eventCount(QStringLiteral("operation.started")), qint64(1));
    QVERIFY(journal.conflicts().isEmpty());
}

void TestActionJournal::theJournalOutlivesTheTerminal()
{
    Hub hub;
    QVERIFY(await(hub.door->signInWithPin(QStringLiteral("E2"), QStringLiteral("5678"))).ok());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("terminal/journal.json"));
    const QString op = hub.shop->ops[1];
    hub.door->down = true;
    {
        ActionJournal journal(*hub.door, file);
        journal.take(QStringLiteral("Start Bend"), QStringLiteral("POST"), opPath(op, "start"), Json{{"operator_id", utf8(hub.shop->op2)}});
        journal.take(QStringLiteral("Pause Bend"), QStringLiteral("POST"), opPath(op, "pause"), Json{{"operator_id", utf8(hub.shop->op2)}});
        QTest::qWait(50);
    } // the terminal is switched off
    QVERIFY(QFile::exists(file));
    hub.door->down = false;
    ActionJournal again(*hub.door, file);
    again.setRetryBaseMs(50);
    QCOMPARE(again.pending().size(), 2);
    QCOMPARE(again.pending().front().label, QStringLiteral("Start Bend"));
    QCOMPARE(again.pending().front().takenBy, QStringLiteral("Otto Operator"));
    QTRY_COMPARE_WITH_TIMEOUT(again.pending().size(), 0, 5000);
    QCOMPARE(str(hub.shop->op(1), "status"), QStringLiteral("on_hold"));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE end_time IS NOT NULL")), qint64(1));
    // Nothing is sent twice after a second restart either.
    ActionJournal third(*hub.door, file);
    QTest::qWait(100);
    QCOMPARE(third.pending().size(), 0);
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries")), qint64(1));
}

void TestActionJournal::aRefusalIsKeptUntilAcknowledged()
{
    Hub hub;
    QVERIFY(await(hub.door->signInWithPin(QStringLiteral("E1"), QStringLiteral("1234"))).ok());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("journal.json"));
    ActionJournal journal(*hub.door, file);
    journal.setRetryBaseMs(50);
    QSignalSpy conflicted(&journal, &ActionJournal::conflicted);
    const QString op = hub.shop->ops[2];
    hub.door->down = true;
    journal.take(QStringLiteral("Start Weld"), QStringLiteral("POST"), opPath(op, "start"), Json{{"operator_id", utf8(hub.shop->op1)}});
    // Meanwhile someone completes the step at another terminal.
    ERY_VERIFY_OK(hub.shop->s().operations.start(hub.shop->scope, op, hub.shop->op2));
    ERY_VERIFY_OK(hub.shop->s().operations.complete(hub.shop->scope, op, hub.shop->op2));
    hub.door->down = false;
    QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 1, 5000);
    QCOMPARE(journal.pending().size(), 0);
    QCOMPARE(journal.conflicts().size(), 1);
    const ActionJournal::Entry c = journal.conflicts().front();
    QCOMPARE(c.label, QStringLiteral("Start Weld"));
    QCOMPARE(c.status, 400);
    QVERIFY2(!c.refusal.isEmpty(), qPrintable(c.refusal));
    QCOMPARE(hub.count(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE operator_id = '%1'").arg(hub.shop->op1)), qint64(0));
    // Kept over a restart until the operator has read it.
    QCOMPARE(ActionJournal(*hub.door, file).conflicts().size(), 1);
    journal.acknowledge(c.key);
    QCOMPARE(journal.conflicts().size(), 0);
    QCOMPARE(ActionJournal(*hub.door, file).conflicts().size(), 0);
}

void TestActionJournal::anUnreadableJournalIsSetAsideNotLost()
{
    Hub hub;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("journal.json"));
    QFile bad(file);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"pending\": [ {\"key\": \"trunc");
    bad.close();
    ActionJournal journal(*hub.door, file);
    QCOMPARE(journal.pending().size(), 0);
    const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("journal.json.unreadable-*")});
    QCOMPARE(aside.size(), 1);
    // Entries that are not objects are skipped; a hostile label is kept as text only.
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"pending": [7, "x", {"key": "k1", "label": "<b>x</b>", "method": "POST", "path": "/api/v1/nothing", "body": {}}]})");
    bad.close();
    ActionJournal other(*hub.door, file);
    QCOMPARE(other.pending().size(), 1);
    QCOMPARE(other.pending().front().label, QStringLiteral("<b>x</b>"));
}

QTEST_MAIN(TestActionJournal)
#include "tst_actionjournal.moc"
