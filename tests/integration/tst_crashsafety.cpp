#include "testshop.h"

#include <QProcess>
#include <QTest>

#include <csignal>

using namespace ery::storage;
using namespace ery;
using namespace ery::test;

// A writer killed with SIGKILL in the middle of a burst loses no committed event and leaves no
// event of an uncommitted change.
class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void killedWriterLosesNothing();
};

void TestCrashSafety::killedWriterLosesNothing()
{
    auto shop = TestShop::create();
    for (int i = 0; i < 60; ++i)
        shop->makeJob(shop->scope, QStringLiteral("C-%1").arg(i, 3, 10, QLatin1Char('0')), 3);
    const QString url = shop->url();
    const QString writer = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/tests/crash_writer");
    QVERIFY2(QFile::exists(writer), qPrintable(writer));

    QStringList committed;
    for (int round = 0; round < 3; ++round) {
        QProcess p;
        p.setProgram(writer);
        p.setArguments({url});
        p.start();
        QVERIFY(p.waitForStarted());
        const int target = committed.size() + 40 + round * 25;
        QByteArray pending;
        while (committed.size() < target) {
            if (!p.waitForReadyRead(10000))
                break;
            pending += p.readAllStandardOutput();
            int nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                committed << QString::fromUtf8(pending.left(nl));
                pending.remove(0, nl + 1);
            }
        }
        ::kill(pid_t(p.processId()), SIGKILL); // mid-burst: the writer never stops writing
        p.waitForFinished();
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        // What arrived on the pipe before the kill was committed.
        pending += p.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n'))
            if (!line.isEmpty())
                committed << QString::fromUtf8(line);
    }
    QVERIFY(committed.size() > 100);

    Database &db = shop->db();
    auto eventsFor = [&](const QString &type, const QString &id) {
        return *db.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'event' AND topic = ? AND entity_id = ?", {type, id});
    };
    // 1. Every change the writer saw committed has its event.
    for (const QString &line : committed) {
        if (line == "DONE")
            continue;
        const QString type = line.startsWith('S') ? QStringLiteral("operation.started") : QStringLiteral("operation.completed");
        QCOMPARE(eventsFor(type, line.mid(2)), 1);
    }
    // 2. Every event matches a change that is in the database, and no change lacks its event.
    auto ops = db.query("SELECT id, status FROM operations");
    int started = 0, completed = 0;
    for (const auto &o : *ops) {
        const QString st = str(o, "status");
        const qint64 s = eventsFor("operation.started", str(o, "id")), c = eventsFor("operation.completed", str(o, "id"));
        QCOMPARE(s, st == "not_started" ? 0 : 1);
        QCOMPARE(c, st == "completed" ? 1 : 0);
        started += st != "not_started";
        completed += st == "completed";
    }
    QVERIFY(completed > 0 && started > completed - 1);
    auto parts = db.scalar("SELECT COUNT(*) FROM parts WHERE status = 'completed'");
    QCOMPARE(*db.scalar("SELECT COUNT(*) FROM outbox WHERE topic = 'part.completed'"), *parts);
    auto jobsDone = db.scalar("SELECT COUNT(*) FROM jobs WHERE status = 'completed'");
    QCOMPARE(*db.scalar("SELECT COUNT(*) FROM outbox WHERE topic = 'job.completed'"), *jobsDone);
    // 3. Row changes too: every operation update in the outbox is in the table.
    auto changes = db.query("SELECT payload FROM outbox WHERE kind = 'change' AND topic = 'operations'");
    QHash<QString, QString> lastStatus;
    for (const auto &c : *changes)
        lastStatus[str(c["payload"]["new"], "id")] = str(c["payload"]["new"], "status");
    for (const auto &o : *ops)
        if (lastStatus.contains(str(o, "id")))
            QCOMPARE(lastStatus[str(o, "id")], str(o, "status"));
    if (!shop->postgres()) {
        // SQLite's AUTOINCREMENT never reuses an id and a rolled-back insert leaves no hole.
        QCOMPARE(*db.scalar("SELECT MAX(id) FROM outbox"), *db.scalar("SELECT COUNT(*) FROM outbox"));
        auto integrity = db.query("PRAGMA integrity_check");
        QCOMPARE(str(integrity->front(), "integrity_check"), QStringLiteral("ok"));
    }
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
