#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
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
    void serverLogIsReadable();

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

void TestServerCli::serverLogIsReadable()
{
    const QString db = m_dir.filePath("log.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    auto created = run({"keys", "create", "--name", "logged", "--db", db});
    QCOMPARE(created.code, 0);
    const QString key = created.out.trimmed();
    QVERIFY(key.startsWith("ery_live_"));
    // A level that does not exist is a usage error naming the levels.
    auto bad = run({"serve", "--db", db, "--port", "0", "--log-level", "loud"});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains("error, warning, info or debug"), qPrintable(bad.err));

    // One request through real HTTP; the whole answer read before the next.
    auto request = [](int port, const QByteArray &target, const QByteArray &authz) {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
        if (!s.waitForConnected(5000))
            return QByteArray();
        s.write("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                (authz.isEmpty() ? QByteArray() : "Authorization: Bearer " + authz + "\r\n") + "\r\n");
        QByteArray got;
        while (s.waitForReadyRead(5000))
            got += s.readAll();
        return got;
    };
    auto serveAndAsk = [&](const QStringList &extra) -> QString {
        QProcess p;
        p.start(m_bin, QStringList{"serve", "--db", db, "--port", "0"} + extra);
        if (!p.waitForStarted())
            return {};
        QByteArray banner;
        while (!banner.contains("/api/v1\n") && p.waitForReadyRead(10000))
            banner += p.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("REST API on http://127.0.0.1:(\\d+)/api/v1")).match(QString::fromUtf8(banner));
        if (!m.hasMatch())
            return {};
        const int port = m.captured(1).toInt();
        request(port, "/api/v1/jobs?limit=1&apikey=" + key.toLatin1(), key.toLatin1());
        request(port, "/api/v1/jobs?limit=1&token=hunter2&password=hunter2", key.toLatin1());
        request(port, "/api/v1/jobs?stauts=completed", key.toLatin1());
        request(port, "/api/v1/jobs?limit=1", "ery_live_00000000000000000000000000000000");
        request(port, "/api/v1/jobs%0aFORGED%20line?limit=1", key.toLatin1());
        ::kill(pid_t(p.processId()), SIGTERM);
        p.waitForFinished(15000);
        return QString::fromUtf8(p.readAllStandardError());
    };

    const QString log = serveAndAsk({"--log-level", "info"});
    const QStringList lines = log.split('\n', Qt::SkipEmptyParts);
    // Every line: time, level, who, words.
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (DEBUG|INFO |WARN |ERROR) [a-z.]+: "));
    for (const QString &l : lines)
        QVERIFY2(shape.match(l).hasMatch(), qPrintable(l));
    auto lineWith = [&](const QString &needle) {
        for (const QString &l : lines)
            if (l.contains(needle))
                return l;
        return QString();
    };
    QVERIFY2(!lineWith("server: serving").isEmpty(), qPrintable(log));
    const QString ok = lineWith("access: GET /api/v1/jobs?apikey=***&limit=1 200 ");
    QVERIFY2(!ok.isEmpty(), qPrintable(log));
    QVERIFY2(ok.contains(" ms key=" + key.left(12) + QStringLiteral("…")), qPrintable(ok));
    QVERIFY2(ok.contains("from 127.0.0.1"), qPrintable(ok));
    QVERIFY2(!lineWith("access: GET /api/v1/jobs?stauts=completed 400 ").isEmpty(), qPrintable(log));
    QVERIFY2(!lineWith("access: GET /api/v1/jobs?limit=1&password=***&token=*** 400 ").isEmpty(), qPrintable(log));
    QVERIFY2(!lineWith("access: GET /api/v1/jobs?limit=1 401 ").contains("key=ery_"), qPrintable(log));
    QVERIFY2(!lineWith("access: GET /api/v1/jobs?limit=1 401 ").isEmpty(), qPrintable(log));
    // A line break in the path cannot forge a line of its own.
    QVERIFY2(!lineWith("FORGED").isEmpty(), qPrintable(log));
    for (const QString &l : lines)
        QVERIFY2(!l.startsWith("FORGED"), qPrintable(l));
    QVERIFY2(!lineWith("server: stopped after").isEmpty(), qPrintable(log));
    // Never the key, nor a secret of the query.
    QVERIFY(!log.contains(key));
    QVERIFY(!log.contains("hunter2"));
    QVERIFY(!log.contains("ery_live_00000000000000000000000000000000"));

    // At warning, requests are not logged (a 5xx would be); start and stop are not warnings either.
    const QString quiet = serveAndAsk({"--log-level", "warning"});
    QVERIFY2(!quiet.contains("access:"), qPrintable(quiet));
    QVERIFY2(!quiet.contains("server: serving"), qPrintable(quiet));
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
