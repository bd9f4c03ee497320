#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// eryxon-server as a user runs it: commands, exit codes (0 ok, 1 error, 2 usage), one-line errors.
class TestServerCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void version();
    void usageErrors_data();
    void usageErrors();
    void migrateAndDemoTwice();
    void jobCommands();
    void serveStopsCleanlyOnSigterm();
    void unreachableDatabaseIsAnError();
    void importCommand();

private:
    struct Run {
        int code;
        QString out, err;
    };
    Run run(const QStringList &args, int timeoutMs = 60000);
    QString m_bin;
    QTemporaryDir m_dir;
};

void TestServerCli::initTestCase()
{
    m_bin = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/server/eryxon-server");
    QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));
}

TestServerCli::Run TestServerCli::run(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(m_bin, args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestServerCli::version()
{
    auto r = run({"--version"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("eryxon-server "));
    QCOMPARE(r.out.count('\n'), 1);
    QCOMPARE(run({"--help"}).code, 0);
}

void TestServerCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{"frobnicate"};
    QTest::newRow("unknown option") << QStringList{"serve", "--frob"};
    QTest::newRow("db without value") << QStringList{"migrate", "--db"};
    QTest::newRow("extra argument") << QStringList{"migrate", "extra"};
    QTest::newRow("jobs without subcommand") << QStringList{"jobs"};
    QTest::newRow("jobs bad subcommand") << QStringList{"jobs", "explode", "J-1"};
    QTest::newRow("bad postgres url") << QStringList{"migrate", "--db", "postgresql://"};
    QTest::newRow("import without file") << QStringList{"import", "jobs"};
    QTest::newRow("import unknown entity") << QStringList{"import", "widgets", "x.csv"};
}

void TestServerCli::usageErrors()
{
    QFETCH(QStringList, args);
    auto r = run(args << QStringLiteral("--db") << m_dir.filePath("usage.db"));
    if (args.contains("postgresql://"))
        r = run({"migrate", "--db", "postgresql://"});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err.count('\n'), 1); // one clear line
    QVERIFY(r.err.startsWith("eryxon-server: "));
}

void TestServerCli::migrateAndDemoTwice()
{
    const QString db = m_dir.filePath("shop.db");
    auto m = run({"migrate", "--db", db});
    QCOMPARE(m.code, 0);
    QVERIFY2(m.out.startsWith("schema version "), qPrintable(m.out));
    auto d1 = run({"demo", "--db", db});
    QCOMPARE(d1.code, 0);
    QVERIFY2(d1.out.contains("30 jobs"), qPrintable(d1.out + d1.err));
    auto s1 = run({"status", "--db", db});
    auto d2 = run({"demo", "--db", db});
    QCOMPARE(d2.code, 0);
    QVERIFY(d2.out.contains("nothing changed"));
    auto s2 = run({"status", "--db", db});
    // Same outbox high-water mark: the second run wrote nothing.
    const auto lastId = [](const QString &s) {
        return QJsonDocument::fromJson(s.toUtf8()).object()["outbox"].toObject()["last_id"].toInteger();
    };
    QCOMPARE(lastId(s2.out), lastId(s1.out));
    QVERIFY(lastId(s1.out) > 100);
    auto list = run({"jobs", "list", "--db", db});
    QCOMPARE(list.code, 0);
    QCOMPARE(list.out.count('\n'), 30);
}

void TestServerCli::jobCommands()
{
    const QString db = m_dir.filePath("jobs.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    auto start = run({"jobs", "start", "JOB-2630", "--db", db});
    QCOMPARE(start.code, 0);
    QCOMPARE(start.out.trimmed(), QStringLiteral("JOB-2630: not_started -> in_progress"));
    auto again = run({"jobs", "start", "JOB-2630", "--db", db});
    QCOMPARE(again.code, 1);
    QCOMPARE(again.err.count('\n'), 1);
    QVERIFY(again.err.contains("in_progress"));
    auto missing = run({"jobs", "start", "NOPE-1", "--db", db});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains("not found"));
    QCOMPARE(run({"jobs", "stop", "JOB-2630", "--db", db}).code, 0);
    QCOMPARE(run({"jobs", "resume", "JOB-2630", "--db", db}).code, 0);
    QCOMPARE(run({"jobs", "complete", "JOB-2630", "--db", db}).code, 0);
    QCOMPARE(run({"jobs", "list", "--tenant", "No Such Shop", "--db", db}).code, 1);
}

void TestServerCli::serveStopsCleanlyOnSigterm()
{
    const QString db = m_dir.filePath("serve.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    for (int sig : {SIGTERM, SIGINT}) {
        QProcess p;
        p.start(m_bin, {"serve", "--db", db, "--port", "0"}); // a free port: 8787 may be in use
        QVERIFY(p.waitForStarted());
        QByteArray banner;
        while (!banner.contains("serving") && p.waitForReadyRead(10000))
            banner += p.readAllStandardOutput();
        QVERIFY2(banner.contains("serving"), banner.constData());
        QCOMPARE(p.state(), QProcess::Running);
        // A change from another process while it serves.
        QCOMPARE(run({"jobs", sig == SIGTERM ? "start" : "stop", "JOB-2629", "--db", db}).code, 0);
        ::kill(pid_t(p.processId()), sig);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }
}

void TestServerCli::unreachableDatabaseIsAnError()
{
    // Port 1 on loopback: nothing listens there.
    auto r = run({"migrate", "--db", "postgresql://u:p@127.0.0.1:1/none"});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(!r.err.contains(":p@")); // the password is never printed
    auto s = run({"serve", "--db", "/proc/definitely/not/writable/shop.db"});
    QCOMPARE(s.code, 1);
}

void TestServerCli::importCommand()
{
    const QString db = m_dir.filePath("import.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    };
    const QString good = write("cells.csv", "external_id,external_source,name,sequence\nC1,erp,Waterjet,9\n");
    auto ok = run({"import", "cells", good, "--db", db});
    QCOMPARE(ok.code, 0);
    QVERIFY2(ok.out.contains("1 created") && ok.out.contains("imported"), qPrintable(ok.out));
    const QString bad =
        write("jobs.csv", "external_id,external_source,job_number,due_date\nJ1,erp,CLI-1,2027-01-15\nJ2,erp,CLI-2,someday\n");
    auto refused = run({"import", "jobs", bad, "--db", db});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("line 3: due_date"), qPrintable(refused.err));
    QVERIFY(refused.out.contains("nothing imported"));
    auto dry = run({"import", "jobs", bad, "--db", db, "--dry-run"});
    QCOMPARE(dry.code, 1);
    QVERIFY(dry.out.contains("dry run"));
    auto partial = run({"import", "jobs", bad, "--db", db, "--skip-bad-rows"});
    QCOMPARE(partial.code, 1); // a row failed, the good one is in
    QVERIFY(partial.out.contains("1 created"));
    auto list = run({"jobs", "list", "--db", db});
    QVERIFY(list.out.contains("CLI-1") && !list.out.contains("CLI-2"));
    auto missing = run({"import", "jobs", m_dir.filePath("nope.csv"), "--db", db});
    QCOMPARE(missing.code, 1);
    QCOMPARE(missing.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
