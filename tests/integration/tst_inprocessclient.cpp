#include "client/transfer.h"
#include "inprocessclient.h"
#include "testshop.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;
using namespace ery::client;
using namespace ery::test;

// The desktop's door to the engine in this process: the REST API's own requests answered without
// a socket, with the signed-in user's session, and changes followed in that user's shop only.
class TestInProcessClient : public QObject {
    Q_OBJECT
private slots:
    void requestsNeedASession();
    void signedInRequestsAndActions();
    void wrongPasswordSaysSo();
    void refusedSessionEndsIt();
    void changesOfTheSessionsShopOnly();
    void setupOnAnEmptyDatabaseThenRefused();
    void hostileRequests();
    void largeFilesAreNeverWholeInMemory();
};

namespace {

struct Hub {
    std::unique_ptr<TestShop> shop;
    std::unique_ptr<EngineHost> host;
    std::unique_ptr<InProcessClient> client;

    explicit Hub(bool seed = true) : shop(TestShop::create(seed))
    {
        Config cfg;
        cfg.dbUrl = shop->url();
        host = std::make_unique<EngineHost>(cfg);
        if (!host->start())
            qFatal("the engine did not start");
        client = std::make_unique<InProcessClient>(*host);
    }
    ~Hub()
    {
        client.reset();
        host->stop();
    }
};

ApiReply await(QFuture<ApiReply> f)
{
    QTest::qWaitFor([&] { return f.isFinished(); }, 30000);
    return f.isFinished() ? f.result() : ApiReply();
}

// This process's peak resident set since the last resetPeak(), in KiB.
qint64 peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    return 0;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace

void TestInProcessClient::requestsNeedASession()
{
    Hub hub;
    QVERIFY(!hub.client->isSignedIn());
    const ApiReply jobs = await(hub.client->get(QStringLiteral("/api/v1/jobs")));
    QCOMPARE(jobs.status(), 401);
    QCOMPARE(jobs.errorCode(), QStringLiteral("UNAUTHORIZED"));
    // The setup question is this machine's, answered without a session.
    const ApiReply setup = await(hub.client->get(QStringLiteral("/api/v1/setup")));
    QVERIFY2(setup.ok(), qPrintable(setup.errorMessage()));
    QVERIFY(setup.data()["has_shop"] == Json(true));
    QVERIFY(!setup.data().contains("demo_sign_in")); // not the demo: no published password
}

void TestInProcessClient::signedInRequestsAndActions()
{
    Hub hub;
    QSignalSpy signedIn(hub.client.get(), &EngineClient::signedIn);
    const ApiReply login = await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("correct horse")));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(hub.client->isSignedIn());
    QCOMPARE(hub.client->tenantId(), hub.shop->tenantId);
    QCOMPARE(str(hub.client->user(), "username"), QStringLiteral("admin"));

    const ApiReply overview = await(hub.client->get(QStringLiteral("/api/v1/jobs/overview")));
    QVERIFY2(overview.ok(), qPrintable(overview.errorMessage()));
    const Json &jobs = overview.data()["jobs"];
    QCOMPARE(jobs.size(), size_t(1));
    QCOMPARE(str(jobs[0], "job_number"), QStringLiteral("J-100"));

    // A query string travels with the path.
    const ApiReply page = await(hub.client->get(QStringLiteral("/api/v1/jobs?limit=1&search=J-1")));
    QVERIFY2(page.ok(), qPrintable(page.errorMessage()));

    const QString jobPath = QStringLiteral("/api/v1/jobs/%1").arg(hub.shop->jobId);
    const ApiReply tree = await(hub.client->get(jobPath + QStringLiteral("/tree")));
    QVERIFY2(tree.ok(), qPrintable(tree.errorMessage()));
    QCOMPARE(tree.data()["parts"].size(), size_t(1));
    QCOMPARE(tree.data()["parts"][0]["operations"].size(), size_t(3));

    const ApiReply started = await(hub.client->post(jobPath + QStringLiteral("/start")));
    QVERIFY2(started.ok(), qPrintable(started.errorMessage()));
    QCOMPARE(str(*hub.shop->s().jobs.get(hub.shop->scope, hub.shop->jobId), "status"), QStringLiteral("in_progress"));
    // An action the job's status does not allow is refused with the API's own error.
    const ApiReply again = await(hub.client->post(jobPath + QStringLiteral("/start")));
    QCOMPARE(again.status(), 400);
    QCOMPARE(again.errorCode(), QStringLiteral("INVALID_STATE_TRANSITION"));
    QVERIFY(!again.errorMessage().isEmpty());

    const ApiReply patched = await(hub.client->patch(jobPath, Json{{"notes", "from the desktop"}}));
    QVERIFY2(patched.ok(), qPrintable(patched.errorMessage()));
    QCOMPARE(str(*hub.shop->s().jobs.get(hub.shop->scope, hub.shop->jobId), "notes"), QStringLiteral("from the desktop"));

    // The engine's status is an admin's.
    const ApiReply status = await(hub.client->get(QStringLiteral("/api/v1/system/status")));
    QVERIFY2(status.ok(), qPrintable(status.errorMessage()));
    QCOMPARE(str(status.data(), "status"), QStringLiteral("ok"));
    QVERIFY(status.data().contains("requests_total"));

    QSignalSpy signedOut(hub.client.get(), &EngineClient::signedOut);
    hub.client->signOut();
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(signedOut.first().first().toBool(), false);
    QCOMPARE(await(hub.client->get(QStringLiteral("/api/v1/jobs"))).status(), 401);
}

void TestInProcessClient::wrongPasswordSaysSo()
{
    Hub hub;
    const ApiReply login = await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("wrong horse")));
    QCOMPARE(login.status(), 401);
    QVERIFY(!login.errorMessage().isEmpty());
    QVERIFY(!hub.client->isSignedIn());
    // Not a user of this shop either.
    QCOMPARE(await(hub.client->signIn(QStringLiteral("nobody"), QStringLiteral("correct horse"))).status(), 401);
    QVERIFY(!hub.client->isSignedIn());
}

void TestInProcessClient::refusedSessionEndsIt()
{
    Hub hub;
    QVERIFY(await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("correct horse"))).ok());
    // The session ends on the hub (as when it runs out or the account is locked); the next
    // request finds out and the client says the session expired.
    QVERIFY(await(hub.client->post(QStringLiteral("/api/v1/auth/logout"))).ok());
    QSignalSpy signedOut(hub.client.get(), &EngineClient::signedOut);
    QCOMPARE(await(hub.client->get(QStringLiteral("/api/v1/jobs"))).status(), 401);
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(signedOut.first().first().toBool(), true);
    QVERIFY(!hub.client->isSignedIn());
}

void TestInProcessClient::changesOfTheSessionsShopOnly()
{
    Hub hub;
    int jobsChanged = 0, oneJob = 0, deletes = 0;
    QObject ctx;
    hub.client->subscribe({QStringLiteral("jobs")}, &ctx, [&] { ++jobsChanged; }, 50);
    hub.client->subscribe({QStringLiteral("jobs"), QStringLiteral("*"), QStringLiteral("id=eq.") + hub.shop->jobId}, &ctx, [&] { ++oneJob; },
                          50);
    hub.client->subscribe({QStringLiteral("jobs"), QStringLiteral("DELETE")}, &ctx, [&] { ++deletes; }, 50);

    // Nobody signed in: nothing is followed.
    QVERIFY(hub.shop->s().jobs.update(hub.shop->scope, hub.shop->jobId, Json{{"notes", "before"}}));
    QTest::qWait(400);
    QCOMPARE(jobsChanged, 0);

    QVERIFY(await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("correct horse"))).ok());
    // A burst from another connection (another process on the same database) arrives debounced.
    for (int i = 0; i < 5; ++i)
        QVERIFY(hub.shop->s().jobs.update(hub.shop->scope, hub.shop->jobId, Json{{"notes", toStd(QString::number(i))}}));
    QTRY_VERIFY_WITH_TIMEOUT(jobsChanged >= 1 && oneJob >= 1, 5000);
    QTest::qWait(300);
    QVERIFY(jobsChanged <= 2);
    QCOMPARE(deletes, 0);

    // Another job of this shop: the table binding fires, the one-row binding does not.
    const int before = oneJob, tableBefore = jobsChanged;
    const Row other = hub.shop->makeJob(hub.shop->scope, QStringLiteral("J-200"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(jobsChanged > tableBefore, 5000);
    QTest::qWait(200);
    QCOMPARE(oneJob, before);

    // The sandbox is another shop: its changes never reach this session.
    const int seen = jobsChanged;
    hub.shop->makeJob(hub.shop->sandbox, QStringLiteral("S-1"), 1);
    QTest::qWait(500);
    QCOMPARE(jobsChanged, seen);

    QVERIFY(hub.shop->s().jobs.remove(hub.shop->scope, str(other, "id")));
    QTRY_VERIFY_WITH_TIMEOUT(deletes == 1, 5000);
}

void TestInProcessClient::setupOnAnEmptyDatabaseThenRefused()
{
    Hub hub(false);
    ApiReply setup = await(hub.client->get(QStringLiteral("/api/v1/setup")));
    QVERIFY2(setup.ok(), qPrintable(setup.errorMessage()));
    QVERIFY(setup.data()["has_shop"] == Json(false));
    QVERIFY(!str(setup.data(), "demo_shop_name").isEmpty());

    // Mistakes are the API's validation errors, field by field.
    ApiReply bad = await(hub.client->post(QStringLiteral("/api/v1/setup/shop"), Json{{"name", "Metaal BV"}}));
    QCOMPARE(bad.status(), 422);
    QVERIFY2(bad.errorMessage().contains(QStringLiteral("admin_username")), qPrintable(bad.errorMessage()));
    bad = await(hub.client->post(QStringLiteral("/api/v1/setup/shop"), Json::array()));
    QCOMPARE(bad.status(), 400);

    const ApiReply created = await(hub.client->post(
        QStringLiteral("/api/v1/setup/shop"),
        Json{{"name", "Metaal BV"}, {"admin_username", "anna"}, {"admin_password", "long enough pw"}, {"cells", {"Laser", "Weld"}}}));
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    QCOMPARE(created.status(), 201);
    QCOMPARE(created.data()["cells"].size(), size_t(2));
    QVERIFY(await(hub.client->signIn(QStringLiteral("anna"), QStringLiteral("long enough pw"))).ok());
    QCOMPARE(hub.client->tenantName(), QStringLiteral("Metaal BV"));

    // Once there is a shop, neither another shop nor the demo can be put beside it.
    const ApiReply second = await(hub.client->post(
        QStringLiteral("/api/v1/setup/shop"), Json{{"name", "Intruder"}, {"admin_username", "eve"}, {"admin_password", "long enough pw"}}));
    QCOMPARE(second.status(), 409);
    const ApiReply demo = await(hub.client->post(QStringLiteral("/api/v1/setup/demo")));
    QCOMPARE(demo.status(), 409);
    QVERIFY2(demo.errorMessage().contains(QStringLiteral("Metaal BV")), qPrintable(demo.errorMessage()));
    setup = await(hub.client->get(QStringLiteral("/api/v1/setup")));
    QCOMPARE(str(setup.data()["shop"], "name"), QStringLiteral("Metaal BV"));
}

void TestInProcessClient::hostileRequests()
{
    Hub hub;
    QVERIFY(await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("correct horse"))).ok());
    // Unknown routes and methods, odd paths and bodies: the API's errors, never a crash.
    QCOMPARE(await(hub.client->get(QStringLiteral("/api/v1/nothing-here"))).status(), 404);
    QCOMPARE(await(hub.client->request(QStringLiteral("BREW"), QStringLiteral("/api/v1/jobs"))).status(), 405);
    QCOMPARE(await(hub.client->get(QStringLiteral("/api/v1/jobs/not-a-uuid/tree"))).status(), 404);
    // Another shop's job is not found, not forbidden.
    const QString foreign = str(hub.shop->makeJob(hub.shop->sandbox, QStringLiteral("S-9"), 1), "id");
    QCOMPARE(await(hub.client->get(QStringLiteral("/api/v1/jobs/%1/tree").arg(foreign))).status(), 404);
    QCOMPARE(await(hub.client->patch(QStringLiteral("/api/v1/jobs/%1").arg(hub.shop->jobId), Json("a string"))).status(), 422);
    QVERIFY(await(hub.client->get(QStringLiteral("/api/v1/jobs?limit=-5"))).ok()); // clamped, as over HTTP
    QVERIFY(await(hub.client->get(QStringLiteral("/api/v1/jobs?search=%27%3B%20DROP%20TABLE%20jobs%3B--"))).ok());
    QVERIFY(await(hub.client->get(QStringLiteral("/api/v1/jobs/overview"))).ok());
}

void TestInProcessClient::largeFilesAreNeverWholeInMemory()
{
    // A 64 MiB STEP file attached through the door and saved back: staged on the way in, copied a
    // chunk at a time on the way out, so neither adds the file's size to the process.
    Hub hub;
    QVERIFY(await(hub.client->signIn(QStringLiteral("admin"), QStringLiteral("correct horse"))).ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frame.step"));
    QCryptographicHash sent(QCryptographicHash::Sha256);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray chunk = "ISO-10303-21;\nHEADER;\n";
        while (chunk.size() < (1 << 20))
            chunk += "#" + QByteArray::number(chunk.size()) + "=CARTESIAN_POINT('',(0.,0.,0.));\n";
        for (int i = 0; i < 64; ++i) {
            const QByteArray piece = chunk.left(1 << 20);
            f.write(piece);
            sent.addData(piece);
        }
    }
    resetPeak();
    const qint64 before = peakKiB();
    auto up = std::make_shared<Transfer>();
    const ApiReply attached = await(hub.client->uploadFile(QStringLiteral("part"), hub.shop->partId, path, {}, up));
    QVERIFY2(attached.ok(), qPrintable(attached.errorMessage()));
    QCOMPARE(str(attached.data()["file"], "sha256").toLatin1(), sent.result().toHex());
    const QString id = str(attached.data()["file"], "id");
    const qint64 upPeak = peakKiB() - before;

    resetPeak();
    const qint64 idle = peakKiB();
    const QString back = dir.filePath(QStringLiteral("back.step"));
    auto down = std::make_shared<Transfer>();
    const ApiReply saved = await(hub.client->downloadFile(QStringLiteral("part"), hub.shop->partId, id, back, down));
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    const qint64 downPeak = peakKiB() - idle;
    QCOMPARE(down->percent(), 100);
    QFile b(back);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(b.size(), 64ll << 20);
    QCryptographicHash got(QCryptographicHash::Sha256);
    QVERIFY(got.addData(&b));
    QCOMPARE(got.result(), sent.result());
    qInfo("peak over idle: upload %lld KiB, download %lld KiB", upPeak, downPeak);
    QVERIFY2(upPeak < 24 * 1024, qPrintable(QString::number(upPeak)));
    QVERIFY2(downPeak < 24 * 1024, qPrintable(QString::number(downPeak)));
}

QTEST_MAIN(TestInProcessClient)
#include "tst_inprocessclient.moc"
