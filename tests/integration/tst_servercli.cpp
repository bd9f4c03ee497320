#include "engine.h"
#include "childprocess.h"
#include "httpreceiver.h"
#include "mosquittobroker.h"
#include "testshop.h"

#include <QDateTime>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

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
    void initCreatesAShop();
    void initRefusesBadInput_data();
    void initRefusesBadInput();
    void demoIntoTheSandbox();
    void missingFolderIsAnError_data();
    void missingFolderIsAnError();
    void serveWithoutAShopSaysHowToMakeOne();
    void statusReportsTheServingHub();
    void settingsCommands();
    void copiedDatabasePausesIntegrations();
    void integrationsOffOnPurpose();
    void serverLogIsReadable();
    void mcpKeyCommands();
    void exportAndRestoreCommands();
    void speaksDutchAndGerman();
    void filesDirChoosesTheStore();

private:
    struct Run {
        int code;
        QString out, err;
    };
    Run run(const QStringList &args, int timeoutMs = 60000, const QByteArray &input = {});
    // The same in another environment: `set` holds NAME=VALUE, `unset` names to remove.
    Run runWith(const QStringList &set, const QStringList &unset, const QStringList &args);
    QString initShop(const QString &name); // a database with a shop of its own; returns its path
    // `serve` on a free port, running once its banner is out; the banner is in *banner.
    std::unique_ptr<QProcess> serve(const QStringList &args, QByteArray *banner);
    QJsonObject status(const QString &db);
    QString m_bin;
    QTemporaryDir m_dir;
};

void TestServerCli::initTestCase()
{
    m_bin = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/server/eryxon-server");
    QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));
}

TestServerCli::Run TestServerCli::run(const QStringList &args, int timeoutMs, const QByteArray &input)
{
    QProcess p;
    p.start(m_bin, args);
    p.waitForStarted();
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

TestServerCli::Run TestServerCli::runWith(const QStringList &set, const QStringList &unset, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : unset)
        env.remove(name);
    for (const QString &pair : set)
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(m_bin, args);
    p.closeWriteChannel();
    p.waitForFinished(60000);
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
    QTest::newRow("mcp-keys without subcommand") << QStringList{"mcp-keys"};
    QTest::newRow("mcp-keys bad subcommand") << QStringList{"mcp-keys", "rotate"};
    QTest::newRow("mcp-keys create without name") << QStringList{"mcp-keys", "create"};
    QTest::newRow("mcp-keys create blank name") << QStringList{"mcp-keys", "create", "--name", "  "};
    QTest::newRow("mcp-keys revoke without id") << QStringList{"mcp-keys", "revoke"};
    QTest::newRow("mcp-keys list extra") << QStringList{"mcp-keys", "list", "extra"};
    QTest::newRow("mcp-keys rate limit 0") << QStringList{"mcp-keys", "create", "--name", "A", "--rate-limit", "0"};
    QTest::newRow("mcp-keys rate limit negative") << QStringList{"mcp-keys", "create", "--name", "A", "--rate-limit", "-5"};
    QTest::newRow("mcp-keys rate limit huge") << QStringList{"mcp-keys", "create", "--name", "A", "--rate-limit", "99999999999"};
    QTest::newRow("mcp-keys rate limit text") << QStringList{"mcp-keys", "create", "--name", "A", "--rate-limit", "lots"};
    QTest::newRow("mcp-keys empty tools") << QStringList{"mcp-keys", "create", "--name", "A", "--allowed-tools", ","};
    QTest::newRow("mcp-keys scope") << QStringList{"mcp-keys", "create", "--name", "A", "--scope", "admin"};
    QTest::newRow("allowed-tools with keys") << QStringList{"keys", "create", "--name", "A", "--allowed-tools", "fetch_jobs"};
    QTest::newRow("rate-limit with list") << QStringList{"mcp-keys", "list", "--rate-limit", "5"};
    QTest::newRow("export without out") << QStringList{"export", "--format", "json"};
    QTest::newRow("export bad format") << QStringList{"export", "--format", "xml", "--out", "x"};
    QTest::newRow("export unknown entity") << QStringList{"export", "--out", "x", "--entities", "jobs,outbox"};
    QTest::newRow("format with import") << QStringList{"import", "jobs", "x.csv", "--format", "json"};
    QTest::newRow("empty files dir") << QStringList{"migrate", "--files-dir", ""};
    QTest::newRow("restore without file") << QStringList{"restore"};
    QTest::newRow("restore two files") << QStringList{"restore", "a.json", "b.json"};
    QTest::newRow("admin with export") << QStringList{"export", "--out", "x", "--admin", "anna"};
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
        ery::test::endsWithTest(p);
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
        ery::test::endsWithTest(p);
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
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (DEBUG|INFO |WARN |ERROR) [a-z.]+: "));
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
    // A formula is data: the error quotes the cell as it was in the file.
    const QString formula = write("formula.csv", "external_id,external_source,job_number,package_count\nF1,erp,CLI-F,=1+1\n");
    auto quoted = run({"import", "jobs", formula, "--db", db});
    QCOMPARE(quoted.code, 1);
    QVERIFY2(quoted.err.contains("line 2: package_count: package_count must be a whole number (value \"=1+1\")"), qPrintable(quoted.err));
    // A file that is not text: one line naming what is wrong, nothing written.
    const QString latin1 = write("latin1.csv", "external_id,external_source,job_number,customer\nL1,erp,CLI-L,M\xfcller\n");
    auto refusedText = run({"import", "jobs", latin1, "--db", db});
    QCOMPARE(refusedText.code, 1);
    QVERIFY2(refusedText.err.contains("Line 2 is not UTF-8"), qPrintable(refusedText.err));
    QVERIFY(!run({"jobs", "list", "--db", db}).out.contains("CLI-L"));
}

QString TestServerCli::initShop(const QString &name)
{
    const QString db = m_dir.filePath(name + QStringLiteral(".db"));
    QFile pw(m_dir.filePath(name + QStringLiteral(".pw")));
    pw.open(QIODevice::WriteOnly);
    pw.write("correct horse battery\n");
    pw.close();
    auto r = run({"init", "--db", db, "--shop", "Shop " + name, "--admin", "boss", "--password-file", pw.fileName()});
    if (r.code != 0)
        qWarning("init failed: %s", qPrintable(r.err));
    return db;
}

std::unique_ptr<QProcess> TestServerCli::serve(const QStringList &args, QByteArray *banner)
{
    auto p = std::make_unique<QProcess>();
    ery::test::endsWithTest(*p);
    p->start(m_bin, QStringList{"serve", "--port", "0"} + args);
    p->waitForStarted();
    while (!banner->contains("REST API on") && p->waitForReadyRead(10000))
        *banner += p->readAllStandardOutput();
    // The rest of the banner: a paused notice follows the address at once, or nothing does.
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 1500;
    while (!banner->contains("integrations resume") && QDateTime::currentMSecsSinceEpoch() < until) {
        p->waitForReadyRead(100);
        *banner += p->readAllStandardOutput();
    }
    return p;
}

QJsonObject TestServerCli::status(const QString &db)
{
    return QJsonDocument::fromJson(run({"status", "--db", db}).out.toUtf8()).object();
}

void TestServerCli::initCreatesAShop()
{
    const QString db = m_dir.filePath("own.db");
    QFile pw(m_dir.filePath("own.pw"));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("s3cret-enough\n");
    pw.close();
    auto r = run({"init", "--db", db, "--shop", "Van der Berg Metaal", "--admin", "anna", "--admin-name", "Anna de Vries",
                  "--password-file", pw.fileName(), "--enterprise", "vdberg", "--site", "tilburg", "--timezone", "Europe/Amsterdam",
                  "--cells", "Laser, Press brake,Weld"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Van der Berg Metaal") && r.out.contains("anna") && r.out.contains("3 cells"), qPrintable(r.out));
    // The shop is what every command acts on now: no "tenant not found".
    auto jobs = run({"jobs", "list", "--db", db});
    QCOMPARE(jobs.code, 0);
    QCOMPARE(jobs.out, QString());
    auto key = run({"keys", "create", "--name", "ERP", "--db", db});
    QCOMPARE(key.code, 0);
    QVERIFY(key.out.startsWith("ery_live_"));
    QVERIFY(run({"keys", "create", "--name", "Test", "--test", "--db", db}).out.startsWith("ery_test_"));
    auto settings = run({"settings", "get", "--db", db});
    QCOMPARE(settings.code, 0);
    QVERIFY2(settings.out.contains("name\t\"Van der Berg Metaal\"") && settings.out.contains("site\t\"tilburg\"") &&
                 settings.out.contains("enterprise\t\"vdberg\""),
             qPrintable(settings.out));
    // The admin can sign in with that password; the sandbox twin has the cells too.
    {
        Config cfg;
        cfg.dbUrl = db;
        Engine e(cfg);
        QVERIFY(e.open(false).ok());
        auto t = e.services().tenants.defaultTenant();
        QVERIFY(t.ok());
        const Scope scope = Scope::of(str(*t, "id"));
        QVERIFY(e.services().users.verifyPassword(scope, "anna", "s3cret-enough").ok());
        QVERIFY(!e.services().users.verifyPassword(scope, "anna", "wrong-password").ok());
        auto sb = e.services().tenants.sandboxOf(scope.tenantId);
        QVERIFY(sb.ok());
        QCOMPARE(str(*sb, "name"), QStringLiteral("Van der Berg Metaal (sandbox)"));
        auto cells = e.services().catalog.list(CatalogService::Cells, Scope::of(str(*sb, "id")), ListQuery{});
        QVERIFY(cells.ok());
        QCOMPARE(cells->rows.size(), size_t(3));
    }
    // A second init on the same database: a clear error, nothing changed.
    auto again = run({"init", "--db", db, "--shop", "Another", "--admin", "bob", "--password-file", pw.fileName()});
    QCOMPARE(again.code, 1);
    QCOMPARE(again.err.count('\n'), 1);
    QVERIFY2(again.err.contains("already has a shop") && again.err.contains("Van der Berg Metaal"), qPrintable(again.err));
    // Said before any password is asked for (here: none given on an empty stdin).
    auto noPassword = run({"init", "--db", db, "--shop", "Another", "--admin", "bob"});
    QCOMPARE(noPassword.code, 1);
    QVERIFY2(noPassword.err.contains("already has a shop"), qPrintable(noPassword.err));
    QVERIFY(run({"demo", "--db", db}).code == 0);
    // The password from stdin (a pipe, not a terminal).
    const QString piped = m_dir.filePath("piped.db");
    auto fromStdin = run({"init", "--db", piped, "--shop", "Piped", "--admin", "pipe"}, 60000, "from-stdin-pw\n");
    QVERIFY2(fromStdin.code == 0, qPrintable(fromStdin.err));
    Config cfg;
    cfg.dbUrl = piped;
    Engine e(cfg);
    QVERIFY(e.open(false).ok());
    QVERIFY(e.services().users.verifyPassword(Scope::of(str(*e.services().tenants.defaultTenant(), "id")), "pipe", "from-stdin-pw").ok());
}

void TestServerCli::initRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("no --shop") << QStringList{"--admin", "a"} << QByteArray("longenough\n") << 2 << "--shop";
    QTest::newRow("no --admin") << QStringList{"--shop", "S"} << QByteArray("longenough\n") << 2 << "--admin";
    QTest::newRow("short password") << QStringList{"--shop", "S", "--admin", "a"} << QByteArray("short\n") << 1 << "8 characters";
    QTest::newRow("empty password") << QStringList{"--shop", "S", "--admin", "a"} << QByteArray("") << 1 << "admin_password";
    QTest::newRow("bad time zone") << QStringList{"--shop", "S", "--admin", "a", "--timezone", "Mars/Base"} << QByteArray("longenough\n")
                                   << 1 << "timezone";
    QTest::newRow("site with slash") << QStringList{"--shop", "S", "--admin", "a", "--site", "a/b"} << QByteArray("longenough\n") << 1
                                     << "site";
    QTest::newRow("cell twice") << QStringList{"--shop", "S", "--admin", "a", "--cells", "Laser,laser"} << QByteArray("longenough\n") << 1
                                << "twice";
    QTest::newRow("huge shop name") << QStringList{"--shop", QString(5000, 'x'), "--admin", "a"} << QByteArray("longenough\n") << 1
                                    << "name";
    QTest::newRow("missing password file") << QStringList{"--shop", "S", "--admin", "a", "--password-file", "/nonexistent/pw"}
                                           << QByteArray() << 1 << "/nonexistent/pw";
    QTest::newRow("init option elsewhere") << QStringList{"--shop", "S", "--admin", "a", "--sandbox"} << QByteArray("longenough\n") << 2
                                           << "--sandbox";
}

void TestServerCli::initRefusesBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, password);
    QFETCH(int, code);
    QFETCH(QString, says);
    const QString db = m_dir.filePath(QStringLiteral("bad-init-%1.db").arg(QTest::currentDataTag()).replace(' ', '_'));
    auto r = run(QStringList{"init", "--db", db} + args, 60000, password);
    QCOMPARE(r.code, code);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    // Nothing was created: the database has no shop.
    if (QFile::exists(db))
        QCOMPARE(run({"jobs", "list", "--db", db}).code, 1);
}

void TestServerCli::demoIntoTheSandbox()
{
    const QString db = m_dir.filePath("sandboxdemo.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    // The sandbox twin is empty until asked.
    QCOMPARE(run({"jobs", "list", "--tenant", "Demo Metalworks (sandbox)", "--db", db}).out.count('\n'), 0);
    auto r = run({"demo", "--sandbox", "--db", db});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("sandbox twin (30 jobs)"), qPrintable(r.out));
    QCOMPARE(run({"jobs", "list", "--tenant", "Demo Metalworks (sandbox)", "--db", db}).out.count('\n'), 30);
    // Once there, a second run changes nothing.
    auto again = run({"demo", "--sandbox", "--db", db});
    QCOMPARE(again.code, 0);
    QVERIFY(again.out.contains("nothing changed"));
    // On a fresh database both are loaded at once.
    const QString fresh = m_dir.filePath("sandboxdemo2.db");
    auto both = run({"demo", "--sandbox", "--db", fresh});
    QVERIFY(both.out.contains("30 jobs") && both.out.contains("sandbox twin"));
    QCOMPARE(run({"jobs", "list", "--tenant", "Demo Metalworks (sandbox)", "--db", fresh}).out.count('\n'), 30);
    QCOMPARE(run({"jobs", "list", "--db", fresh}).out.count('\n'), 30);
}

void TestServerCli::missingFolderIsAnError_data()
{
    QTest::addColumn<QStringList>("args");
    for (const char *cmd : {"serve", "migrate", "demo", "status", "init", "settings", "integrations"}) {
        QStringList a{cmd};
        if (QLatin1String(cmd) == QLatin1String("init"))
            a << "--shop"
              << "S"
              << "--admin"
              << "a";
        if (QLatin1String(cmd) == QLatin1String("settings"))
            a << "get";
        if (QLatin1String(cmd) == QLatin1String("integrations"))
            a << "status";
        QTest::newRow(cmd) << a;
    }
    QTest::newRow("jobs") << QStringList{"jobs", "list"};
    QTest::newRow("keys") << QStringList{"keys", "list"};
}

void TestServerCli::missingFolderIsAnError()
{
    QFETCH(QStringList, args);
    const QString folder = m_dir.filePath("no-such-folder");
    auto r = run(args << "--db" << folder + "/shop.db", 60000, "longenough\n");
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(folder) && r.err.contains("does not exist"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(folder)); // not made silently
}

void TestServerCli::serveWithoutAShopSaysHowToMakeOne()
{
    const QString db = m_dir.filePath("empty.db");
    QCOMPARE(run({"migrate", "--db", db}).code, 0);
    auto r = run({"serve", "--db", db, "--port", "0"}, 20000);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no shop yet") && r.err.contains("eryxon-server init --shop") && r.err.contains("eryxon-server demo"),
             qPrintable(r.err));
    QVERIFY(!r.out.contains("serving"));
    auto keys = run({"keys", "list", "--db", db});
    QCOMPARE(keys.code, 1);
    QVERIFY2(keys.err.contains("init --shop"), qPrintable(keys.err));
}

void TestServerCli::statusReportsTheServingHub()
{
    const QString db = initShop("hub");
    QCOMPARE(status(db)["serving"].toBool(true), false);
    QByteArray banner;
    auto p = serve({"--db", db}, &banner);
    const auto m = QRegularExpression("REST API on (http://127.0.0.1:(\\d+)/api/v1)").match(QString::fromUtf8(banner));
    QVERIFY2(m.hasMatch(), banner.constData());
    QTest::qWait(1500);
    QJsonObject st = status(db);
    QCOMPARE(st["serving"].toBool(), true);
    const QJsonObject api = st["api"].toObject();
    QCOMPARE(api["listening"].toBool(), true);
    QCOMPARE(api["url"].toString(), m.captured(1));
    QCOMPARE(api["kind"].toString(), QStringLiteral("serve"));
    QCOMPARE(api["pid"].toInteger(), p->processId());
    QVERIFY(api["uptime_seconds"].toInteger() >= 1);
    QCOMPARE(st["hubs"].toArray().size(), qsizetype(1));
    // A clean stop removes it.
    ::kill(pid_t(p->processId()), SIGTERM);
    QVERIFY(p->waitForFinished(15000));
    st = status(db);
    QCOMPARE(st["serving"].toBool(true), false);
    QCOMPARE(st["api"].toObject()["listening"].toBool(true), false);
    // A crash leaves its row behind, but a dead process is not reported as serving.
    banner.clear();
    auto crashed = serve({"--db", db}, &banner);
    QVERIFY(banner.contains("REST API on"));
    QTest::qWait(300);
    QCOMPARE(status(db)["serving"].toBool(), true);
    ::kill(pid_t(crashed->processId()), SIGKILL);
    QVERIFY(crashed->waitForFinished(15000));
    st = status(db);
    QCOMPARE(st["serving"].toBool(true), false);
}

void TestServerCli::settingsCommands()
{
    const QString db = initShop("settings");
    auto name = run({"settings", "get", "name", "--db", db});
    QCOMPARE(name.code, 0);
    QCOMPARE(name.out, QStringLiteral("name\t\"Shop settings\"\n"));
    auto set = run({"settings", "set", "name", "Renamed Works", "--db", db});
    QCOMPARE(set.code, 0);
    QCOMPARE(set.out.trimmed(), QStringLiteral("name: \"Shop settings\" -> \"Renamed Works\""));
    QVERIFY(run({"settings", "set", "allow_loopback_webhooks", "true", "--db", db}).out.contains("false -> true"));
    QVERIFY(run({"settings", "set", "rate_limit_per_minute", "600", "--db", db}).out.contains("null -> 600"));
    QVERIFY(run({"settings", "set", "rate_limit_per_minute", "null", "--db", db}).out.contains("600 -> null"));
    QVERIFY(run({"settings", "set", "timezone", "America/Chicago", "--db", db}).code == 0);
    QVERIFY(run({"settings", "set", "enforce_wip_limits", "off", "--db", db}).out.contains("true -> false"));
    QVERIFY(run({"settings", "set", "plan", "enterprise", "--db", db}).code == 0);
    QVERIFY(run({"settings", "set", "site", "tilburg", "--db", db}).out.contains("nothing changed") == false);
    QVERIFY(run({"settings", "set", "site", "tilburg", "--db", db}).out.contains("nothing changed"));
    auto all = run({"settings", "get", "--db", db});
    QVERIFY2(all.out.contains("timezone\t\"America/Chicago\"") && all.out.contains("plan\t\"enterprise\"") &&
                 all.out.contains("allow_loopback_webhooks\ttrue"),
             qPrintable(all.out));
    // Refusals: one line naming the key or the value, exit 1; usage mistakes exit 2.
    const struct {
        QStringList args;
        int code;
        const char *says;
    } bad[] = {
        {{"set", "colour", "red"}, 1, "unknown setting \"colour\""},
        {{"set", "rate_limit_per_minute", "lots"}, 1, "whole number"},
        {{"set", "rate_limit_per_minute", "0"}, 1, "rate_limit_per_minute must be at least 1"},
        {{"set", "enforce_wip_limits", "maybe"}, 1, "true or false"},
        {{"set", "timezone", "Mars/Base"}, 1, "IANA"},
        {{"set", "name", ""}, 1, "name cannot be empty"},
        {{"set", "name", QString(300, 'n')}, 1, "name"},
        {{"set", "plan", "platinum"}, 1, "plan"},
        {{"get", "colour"}, 1, "unknown setting"},
        {{"set", "name"}, 2, "KEY and a VALUE"},
        {{"frob"}, 2, "settings needs a subcommand"},
    };
    for (const auto &b : bad) {
        auto r = run(QStringList{"settings"} + b.args + QStringList{"--db", db});
        QVERIFY2(r.code == b.code, qPrintable(b.args.join(' ') + ": " + r.err));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(QLatin1String(b.says)), qPrintable(r.err));
    }
    QCOMPARE(run({"settings", "get", "name", "--db", db}).out, QStringLiteral("name\t\"Renamed Works\"\n"));
}

void TestServerCli::copiedDatabasePausesIntegrations()
{
    // A shop with a webhook to a real receiver and an MQTT publisher to a real broker.
    const QString db = initShop("original");
    QCOMPARE(run({"settings", "set", "allow_loopback_webhooks", "true", "--db", db}).code, 0);
    test::HttpReceiver receiver;
    QVERIFY(receiver.start());
    test::MosquittoBroker broker;
    QVERIFY(broker.start());
    {
        Config cfg;
        cfg.dbUrl = db;
        Engine e(cfg);
        QVERIFY(e.open(false).ok());
        const Scope scope = Scope::of(str(*e.services().tenants.defaultTenant(), "id"));
        QVERIFY(e.services().webhooks.create(scope, Json{{"url", toStd(receiver.url())}, {"events", Json::array({"job.created"})}}).ok());
        QVERIFY(e.services()
                    .mqttPublishers
                    .create(scope, Json{{"name", "bus"},
                                        {"broker_url", "127.0.0.1"},
                                        {"port", broker.port()},
                                        {"topic_pattern", "shop/{event}"},
                                        {"events", Json::array({"job.created"})}})
                    .ok());
    }
    test::MqttProbe probe(broker.port(), QStringLiteral("shop/#"));
    QVERIFY(probe.waitConnected());
    const auto importJob = [&](const QString &database, const QString &number) {
        QFile f(m_dir.filePath(number + ".csv"));
        f.open(QIODevice::WriteOnly);
        f.write("external_id,external_source,job_number\n" + number.toUtf8() + ",erp," + number.toUtf8() + "\n");
        f.close();
        return run({"import", "jobs", f.fileName(), "--db", database}).code;
    };
    const auto received = [&](const QString &number) {
        int n = 0;
        for (const auto &r : receiver.requests)
            n += r.body.contains(number.toUtf8());
        return n;
    };
    const auto published = [&](const QString &number) {
        int n = 0;
        for (const auto &m : probe.messages())
            n += m.payload.contains(number.toUtf8());
        return n;
    };
    // Where it was made, it talks: the event reaches both.
    QByteArray banner;
    auto original = serve({"--db", db}, &banner);
    QVERIFY2(!banner.contains("PAUSED"), banner.constData());
    QCOMPARE(importJob(db, "ORIG-1"), 0);
    QVERIFY(test::waitFor([&] { return received("ORIG-1") == 1 && published("ORIG-1") == 1; }, 15000, 20));
    ::kill(pid_t(original->processId()), SIGTERM);
    QVERIFY(original->waitForFinished(15000));

    // A copy at another path: paused, and it says so.
    QDir().mkpath(m_dir.filePath("copy"));
    const QString copy = m_dir.filePath("copy/shop.db");
    QVERIFY(QFile::copy(db, copy));
    if (QFile::exists(db + "-wal"))
        QVERIFY(QFile::copy(db + "-wal", copy + "-wal"));
    banner.clear();
    auto copied = serve({"--db", copy}, &banner);
    QVERIFY2(banner.contains("PAUSED") && banner.contains("last run at another path") && banner.contains("integrations resume"),
             banner.constData());
    QString stderrText;
    QVERIFY2(test::waitFor(
                 [&] {
                     stderrText += QString::fromUtf8(copied->readAllStandardError());
                     return stderrText.contains("paused");
                 },
                 5000, 20),
             qPrintable(stderrText)); // the server log says it too
    auto st = run({"integrations", "status", "--db", copy});
    QCOMPARE(st.code, 0);
    QVERIFY2(st.out.contains("paused: this database was last run at another path (" + QFileInfo(db).canonicalFilePath() + ")"),
             qPrintable(st.out));
    QCOMPARE(status(copy)["integrations"].toObject()["paused"].toBool(), true);
    // Nothing leaves while paused, not even the publisher's retained status.
    const int messagesBefore = probe.count();
    QCOMPARE(importJob(copy, "COPY-1"), 0);
    QTest::qWait(3000);
    QCOMPARE(received("COPY-1"), 0);
    QCOMPARE(published("COPY-1"), 0);
    QCOMPARE(probe.count(), messagesBefore);
    // The event waits in the outbox; one command resumes and it is delivered.
    auto resumed = run({"integrations", "resume", "--db", copy});
    QCOMPARE(resumed.code, 0);
    QVERIFY(resumed.out.contains("resumed"));
    QVERIFY(test::waitFor([&] { return received("COPY-1") == 1 && published("COPY-1") == 1; }, 15000, 20));
    QCOMPARE(status(copy)["integrations"].toObject()["paused"].toBool(true), false);
    // Paused again from the CLI while it serves: the running hub stops sending.
    QCOMPARE(run({"integrations", "pause", "--db", copy}).code, 0);
    QTest::qWait(2500); // the hub reads the stored state every second
    QCOMPARE(importJob(copy, "COPY-2"), 0);
    QTest::qWait(2500);
    QCOMPARE(received("COPY-2"), 0);
    ::kill(pid_t(copied->processId()), SIGTERM);
    QVERIFY(copied->waitForFinished(15000));
    // Restarted at the copy's path, it stays paused until resumed (the pause is stored).
    banner.clear();
    auto again = serve({"--db", copy}, &banner);
    QVERIFY2(banner.contains("PAUSED"), banner.constData());
    QCOMPARE(run({"integrations", "resume", "--db", copy}).code, 0);
    QVERIFY(test::waitFor([&] { return received("COPY-2") == 1; }, 15000, 20));
    ::kill(pid_t(again->processId()), SIGTERM);
    QVERIFY(again->waitForFinished(15000));
    // The original, at its own path, never paused.
    QCOMPARE(status(db)["integrations"].toObject()["paused"].toBool(true), false);
}

void TestServerCli::integrationsOffOnPurpose()
{
    const QString db = initShop("quiet");
    QCOMPARE(run({"serve", "--db", db, "--integrations", "on"}).code, 2);
    QCOMPARE(run({"status", "--db", db, "--integrations", "off"}).code, 2);
    QByteArray banner;
    auto p = serve({"--db", db, "--integrations", "off"}, &banner);
    QVERIFY2(banner.contains("PAUSED") && banner.contains("--integrations off"), banner.constData());
    QVERIFY(run({"integrations", "status", "--db", db}).out.contains("paused on purpose"));
    ::kill(pid_t(p->processId()), SIGTERM);
    QVERIFY(p->waitForFinished(15000));
    QCOMPARE(run({"integrations", "resume", "--db", db}).code, 0);
    QVERIFY(run({"integrations", "status", "--db", db}).out.contains("running"));
    QCOMPARE(run({"integrations", "bogus", "--db", db}).code, 2);
}

void TestServerCli::mcpKeyCommands()
{
    const QString db = m_dir.filePath("mcpkeys.db");
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    // create prints the key and nothing else.
    auto live = run({"mcp-keys", "create", "--name", "Claude", "--allowed-tools", "fetch_jobs, start_operation", "--rate-limit", "30",
                     "--description", "shift agent", "--db", db});
    QVERIFY2(live.code == 0, qPrintable(live.err));
    QVERIFY2(QRegularExpression("^mcp_live_[0-9a-f]{32}\\n$").match(live.out).hasMatch(), qPrintable(live.out));
    QCOMPARE(live.err, QString());
    auto test = run({"mcp-keys", "create", "--name", "Sandbox agent", "--test", "--db", db});
    QVERIFY2(test.code == 0, qPrintable(test.err));
    QVERIFY2(QRegularExpression("^mcp_test_[0-9a-f]{32}\\n$").match(test.out).hasMatch(), qPrintable(test.out));
    // The same name twice, a tool name of the wrong form: one-line errors, exit 1, nothing created.
    auto dup = run({"mcp-keys", "create", "--name", "Claude", "--db", db});
    QCOMPARE(dup.code, 1);
    QCOMPARE(dup.err.count('\n'), 1);
    QCOMPARE(dup.out, QString());
    auto badTool = run({"mcp-keys", "create", "--name", "Bad", "--allowed-tools", "fetch_jobs,Drop Table", "--db", db});
    QCOMPARE(badTool.code, 1);
    QVERIFY2(badTool.err.contains("Drop Table"), qPrintable(badTool.err));
    QCOMPARE(badTool.out, QString());
    // list: id, prefix, name, environment, tools, rate limit, state, usage, last use; never a key or hash.
    auto list = run({"mcp-keys", "list", "--db", db});
    QCOMPARE(list.code, 0);
    const QStringList lines = list.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(!list.out.contains(live.out.trimmed()) && !list.out.contains(test.out.trimmed()));
    QString claudeId;
    for (const QString &l : lines) {
        const QStringList cols = l.split('\t');
        QCOMPARE(cols.size(), 9);
        QVERIFY(!cols.at(0).isEmpty());
        if (cols.at(2) == QLatin1String("Claude")) {
            claudeId = cols.at(0);
            QCOMPARE(cols.at(1), live.out.left(13) + QStringLiteral("…"));
            QCOMPARE(cols.at(3), QStringLiteral("live"));
            QCOMPARE(cols.at(4), QStringLiteral("fetch_jobs,start_operation"));
            QCOMPARE(cols.at(5), QStringLiteral("30/min"));
            QCOMPARE(cols.at(6), QStringLiteral("enabled"));
            QCOMPARE(cols.at(7), QStringLiteral("0 calls"));
            QCOMPARE(cols.at(8), QStringLiteral("never used"));
        } else {
            QCOMPARE(cols.at(2), QStringLiteral("Sandbox agent"));
            QCOMPARE(cols.at(3), QStringLiteral("test"));
            QCOMPARE(cols.at(4), QStringLiteral("*"));
            QCOMPARE(cols.at(5), QStringLiteral("100/min"));
        }
    }
    QVERIFY(!claudeId.isEmpty());
    // The key resolves (in another process opening the same database) until it is revoked.
    {
        Config cfg;
        cfg.dbUrl = db;
        Engine e(cfg);
        QVERIFY(e.open(false).ok());
        auto id = e.services().mcpKeys.resolve(live.out.trimmed());
        QVERIFY(id.ok());
        QCOMPARE(id->keyId, claudeId);
        QCOMPARE(id->ratePerMinute, qint64(30));
        QVERIFY(id->allows("fetch_jobs") && !id->allows("delete_job"));
        e.close();
    }
    auto revoke = run({"mcp-keys", "revoke", claudeId, "--db", db});
    QVERIFY2(revoke.code == 0, qPrintable(revoke.err));
    QVERIFY2(revoke.out.contains("revoked Claude"), qPrintable(revoke.out));
    QVERIFY(run({"mcp-keys", "list", "--db", db}).out.contains("\trevoked\t"));
    {
        Config cfg;
        cfg.dbUrl = db;
        Engine e(cfg);
        QVERIFY(e.open(false).ok());
        auto id = e.services().mcpKeys.resolve(live.out.trimmed());
        QVERIFY(!id.ok());
        QVERIFY(id.error().code == ErrorCode::Unauthorized);
        e.close();
    }
    auto unknown = run({"mcp-keys", "revoke", "0190c0de-0000-7000-8000-000000000000", "--db", db});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains("not found"), qPrintable(unknown.err));
    QCOMPARE(run({"mcp-keys", "list", "--tenant", "No Such Shop", "--db", db}).code, 1);
    // The usage text names the command.
    QVERIFY(run({"--help"}).out.contains("mcp-keys create --name N"));
}

void TestServerCli::exportAndRestoreCommands()
{
    // Export from SQLite, restore into a fresh database, export again: the same tables. With
    // --admin the restored admin can sign in; the key hashes stayed behind.
    const QString db = m_dir.filePath(QStringLiteral("export-source.db"));
    QCOMPARE(run({"demo", "--db", db}).code, 0);
    const QString json = m_dir.filePath(QStringLiteral("shop.json"));
    const QString zip = m_dir.filePath(QStringLiteral("shop.zip"));
    auto ej = run({"export", "--format", "json", "--out", json, "--db", db});
    QCOMPARE(ej.code, 0);
    QVERIFY2(ej.out.startsWith(QLatin1String("exported ")) && ej.out.contains(QLatin1String(" rows of 32 tables to ")), qPrintable(ej.out));
    QCOMPARE(run({"export", "--format", "csv", "--out", zip, "--db", db}).code, 0);

    const QString target = m_dir.filePath(QStringLiteral("restored.db"));
    const QString pw = m_dir.filePath(QStringLiteral("pw"));
    QFile f(pw);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("restored-pass-1\n");
    f.close();
    auto r = run({"restore", zip, "--db", target, "--admin", "admin", "--password-file", pw});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.startsWith(QLatin1String("restored ")));
    // The demo's drawings (one on every part) and photo came along in the ZIP.
    const QRegularExpressionMatch attached = QRegularExpression(QStringLiteral("restored (\\d+) attached files \\(")).match(r.out);
    QVERIFY2(attached.hasMatch() && attached.captured(1).toInt() > 30, qPrintable(r.out));
    QCOMPARE(run({"jobs", "list", "--db", target}).out, run({"jobs", "list", "--db", db}).out);
    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    QCOMPARE(run({"export", "--out", again, "--db", target}).code, 0);
    auto tables = [](const QString &file) {
        QFile in(file);
        in.open(QIODevice::ReadOnly);
        QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
        o.remove(QStringLiteral("_metadata"));
        o.remove(QStringLiteral("api_keys"));
        return o;
    };
    QCOMPARE(tables(again), tables(json));

    // Into a database that has the shop already: exit 1, one clear line, nothing changed.
    auto twice = run({"restore", json, "--db", target});
    QCOMPARE(twice.code, 1);
    QVERIFY2(twice.err.contains(QLatin1String("already holds tenant")), qPrintable(twice.err));
    QCOMPARE(twice.err.count('\n'), 1);
    // A damaged file: exit 1 and no tenant in the new database.
    QByteArray bytes;
    {
        QFile in(json);
        QVERIFY(in.open(QIODevice::ReadOnly));
        bytes = in.readAll();
    }
    bytes.replace("JOB-2601", "JOB-2699");
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.json"));
    QFile out(damaged);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    const QString empty = m_dir.filePath(QStringLiteral("empty.db"));
    auto bad = run({"restore", damaged, "--db", empty});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QLatin1String("SHA-256")), qPrintable(bad.err));
    QVERIFY(run({"jobs", "list", "--db", empty}).code != 0);
    auto missing = run({"restore", m_dir.filePath(QStringLiteral("nope.json")), "--db", empty});
    QCOMPARE(missing.code, 1);
    QVERIFY(run({"--help"}).out.contains("restore FILE"));
}


// The command line's own messages in Dutch and German: chosen by ERYXON_LANGUAGE, or else by the
// system's language (LANGUAGE / LANG); English otherwise. Engine messages and data stay as they are.
void TestServerCli::speaksDutchAndGerman()
{
    const QStringList noLocale{"ERYXON_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    const Run english = runWith({}, noLocale, {"--help"});
    QCOMPARE(english.code, 0);
    QVERIFY(english.out.contains("print this help"));

    for (const QString &language : {QStringLiteral("nl"), QStringLiteral("de")}) {
        const QString word = language == QLatin1String("nl") ? QStringLiteral("onbekende opdracht") : QStringLiteral("unbekannter Befehl");
        // Chosen for eryxon-server alone.
        const Run help = runWith({"ERYXON_LANGUAGE=" + language}, noLocale, {"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY2(!help.out.contains("print this help"), qPrintable(help.out));
        QVERIFY(help.out.contains("--db PATH|URL")); // options stay as typed
        for (const QString &line : help.out.split(u'\n'))
            QVERIFY2(line.size() <= 100, qPrintable(line)); // fits a terminal as the English does
        const Run bad = runWith({"ERYXON_LANGUAGE=" + language}, noLocale, {"bogus"});
        QCOMPARE(bad.code, 2);
        QCOMPARE(bad.err.count('\n'), 1);
        QVERIFY2(bad.err.startsWith("eryxon-server: ") && bad.err.contains(word) && bad.err.contains("bogus"), qPrintable(bad.err));
        // Or the system's language, as a shell sets it.
        const QString locale = language == QLatin1String("nl") ? QStringLiteral("nl_NL.UTF-8") : QStringLiteral("de_DE.UTF-8");
        const Run system = runWith({"LANG=" + locale, "LANGUAGE=" + language}, {"ERYXON_LANGUAGE", "LC_ALL", "LC_MESSAGES"}, {"bogus"});
        QVERIFY2(system.code == 2 && system.err.contains(word), qPrintable(system.err));
        const QString db = m_dir.filePath(QStringLiteral("language-%1.db").arg(language));
        const Run migrate = runWith({"ERYXON_LANGUAGE=" + language}, noLocale, {"migrate", "--db", db});
        QCOMPARE(migrate.code, 0);
        QVERIFY2(!migrate.out.startsWith("schema version ") && migrate.out.contains(db), qPrintable(migrate.out));
    }
    // ERYXON_LANGUAGE wins over the system's language; one it does not know leaves the system's.
    for (const QString &choice : {QStringLiteral("en"), QStringLiteral("fr")}) {
        const Run r = runWith({"ERYXON_LANGUAGE=" + choice, "LANG=de_DE.UTF-8", "LANGUAGE=de"}, {"LC_ALL", "LC_MESSAGES"}, {"bogus"});
        QVERIFY2(r.err.contains("unknown command") == (choice == QLatin1String("en")), qPrintable(choice + r.err));
    }
}

// --files-dir puts the demo's drawings where it says, not beside the database, and every command
// given the same folder finds them (an export reads them back into its ZIP).
void TestServerCli::filesDirChoosesTheStore()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("files-dir")));
    const QString db = m_dir.filePath(QStringLiteral("files-dir/shop.db"));
    const QString store = m_dir.filePath(QStringLiteral("drawings-store"));
    QCOMPARE(run({"demo", "--db", db, "--files-dir", store}).code, 0);
    const auto blobs = [](const QString &dir) {
        int n = 0;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            n += it.next().section(u'/', -1).size() == 64 ? 1 : 0; // a blob is named by its SHA-256
        return n;
    };
    QVERIFY2(blobs(store) >= 5, qPrintable(store));
    QCOMPARE(blobs(m_dir.filePath(QStringLiteral("files-dir/files"))), 0); // not beside the database
    const QString zip = m_dir.filePath(QStringLiteral("files-dir.zip"));
    const Run ok = run({"export", "--format", "csv", "--out", zip, "--db", db, "--files-dir", store});
    QVERIFY2(ok.code == 0, qPrintable(ok.err));
    // Without the folder the export does not find the drawings and says so, writing no ZIP.
    const QString elsewhere = m_dir.filePath(QStringLiteral("files-dir-missing.zip"));
    const Run missing = run({"export", "--format", "csv", "--out", elsewhere, "--db", db});
    QCOMPARE(missing.code, 1);
    QVERIFY(!QFile::exists(elsewhere));
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
