#include "client/remoteclient.h"
#include "servedhub.h"
#include "services/demoshop.h"
#include "testshop.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ery;
using namespace ery::client;
using ery::test::waitFor;

namespace {

// Waits for a future while the event loop runs (the door answers on it).
ApiReply await(QFuture<ApiReply> f, int timeoutMs = 20000)
{
    waitFor([&] { return f.isFinished(); }, timeoutMs);
    return f.isFinished() ? f.result() : ApiReply::unreachable(QStringLiteral("test: no answer in time"));
}

// A server that is not a hub: answers every request with the same bytes, streams without end, or
// never answers. For what a real hub never sends.
class FakeServer : public QObject {
public:
    enum class Mode { Fixed, Endless, Silent };
    Mode mode = Mode::Fixed;
    QByteArray answer;

    FakeServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    s->readAll();
                    if (s->property("answered").toBool())
                        return;
                    s->setProperty("answered", true);
                    if (mode == Mode::Fixed) {
                        s->write(answer);
                        s->disconnectFromHost();
                    } else if (mode == Mode::Endless) {
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");
                        const auto more = [s] {
                            if (s->bytesToWrite() < 4 * 1024 * 1024)
                                s->write(QByteArray(1024 * 1024, '1'));
                        };
                        connect(s, &QTcpSocket::bytesWritten, s, more);
                        more();
                    }
                });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
};

} // namespace

// client::RemoteClient against a real `eryxon-server serve` over HTTP(S) and its realtime feed: the
// desktop's door to a hub on another machine (`eryxon --connect`).
class TestRemoteClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInReadAndChange();
    void watcherSeesAnotherClientsChange();
    void idempotentRetryIsAppliedOnce();
    void hubDownAndBack();
    void anotherSessionMovesTheFeed();
    void importAndExportReportProgress();
    void httpsRefusedUnlessTrustedOrPinned();
    void addressesThatAreNotAHub_data();
    void addressesThatAreNotAHub();
    void ipv6Address();
    void fingerprints();
    void answersThatAreNotJson();
    void hugeAnswersAreRefused();
    void silentHubTimesOut();
    void transferCancelClosesTheRequest();

private:
    bool signIn(RemoteClient &client);
    // A change made by another client: a plain HTTP request with an API key.
    int postWithKey(const QString &path, const QByteArray &body);
    QString base() const { return m_hub.base(); }

    ery::test::ServedHub m_hub; // the demo shop served by a real eryxon-server
    QString m_key;
    QTemporaryDir m_dir;
};

void TestRemoteClient::initTestCase()
{
    QVERIFY(m_hub.prepare());
    m_key = m_hub.createKey(QStringLiteral("read_write"), QStringLiteral("other client"));
    QVERIFY(m_key.startsWith(QLatin1String("ery_live_")));
    QVERIFY(m_hub.start());
}

void TestRemoteClient::cleanupTestCase()
{
    m_hub.stop();
}

bool TestRemoteClient::signIn(RemoteClient &client)
{
    const Json who = services::DemoShop::adminSignIn();
    const ApiReply r = await(client.signIn(QString::fromStdString(who.value("username", "")), QString::fromStdString(who.value("password", ""))));
    if (!r.ok())
        qWarning("sign-in: %d %s", r.status(), qPrintable(r.errorMessage()));
    return r.ok() && client.isSignedIn();
}

int TestRemoteClient::postWithKey(const QString &path, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(base() + path));
    req.setRawHeader("Authorization", "Bearer " + m_key.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *reply = nam.post(req, body);
    waitFor([reply] { return reply->isFinished(); }, 20000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestRemoteClient::signInReadAndChange()
{
    RemoteClient client(base());
    QCOMPARE(client.hubLabel(), QStringLiteral("hub at 127.0.0.1:%1").arg(m_hub.port()));
    QVERIFY(signIn(client));
    QVERIFY(!client.tenantId().isEmpty());
    const ApiReply jobs = await(client.get(QStringLiteral("/api/v1/jobs?limit=5")));
    QCOMPARE(jobs.status(), 200);
    QVERIFY(jobs.data().value("jobs", Json()).is_array());
    QCOMPARE(jobs.data()["jobs"].size(), size_t(5));

    const ApiReply created = await(client.post(QStringLiteral("/api/v1/jobs"), Json{{"job_number", "REMOTE-1"}, {"customer", "Over the wire"}}));
    QCOMPARE(created.status(), 201);
    const std::string id = created.data().value("job", Json::object()).value("id", "");
    QVERIFY(!id.empty());
    const ApiReply read = await(client.get(QStringLiteral("/api/v1/jobs/%1").arg(QString::fromStdString(id))));
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.data().value("job", Json::object()).value("customer", ""), std::string("Over the wire"));
    // A refusal is the hub's answer in its words, not "unreachable".
    const ApiReply missing = await(client.get(QStringLiteral("/api/v1/jobs/00000000-0000-0000-0000-000000000000")));
    QCOMPARE(missing.status(), 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("NOT_FOUND"));
    QVERIFY(client.isReachable());

    client.signOut();
    QCOMPARE(await(client.get(QStringLiteral("/api/v1/jobs"))).status(), 401);
}

void TestRemoteClient::watcherSeesAnotherClientsChange()
{
    RemoteClient client(base());
    QVERIFY(signIn(client));
    QObject screen;
    int jobsChanged = 0, cellsChanged = 0;
    client.subscribe({QStringLiteral("jobs")}, &screen, [&] { ++jobsChanged; });
    client.subscribe({QStringLiteral("cells")}, &screen, [&] { ++cellsChanged; });
    QVERIFY(waitFor([&] { return client.isFeedConnected(); }, 10000));
    QCOMPARE(jobsChanged, 0); // the first join is no reconnect: nothing was missed

    QElapsedTimer t;
    t.start();
    QCOMPARE(postWithKey(QStringLiteral("/api/v1/jobs"), R"({"job_number": "REMOTE-W1", "customer": "Elsewhere"})"), 201);
    QVERIFY2(waitFor([&] { return jobsChanged > 0; }, 1000), "no change notice within a second");
    qInfo("change seen after %lld ms", t.elapsed());
    QCOMPARE(cellsChanged, 0);

    // A watcher ends with its context.
    {
        QObject closed;
        int seen = 0;
        client.subscribe({QStringLiteral("jobs")}, &closed, [&] { ++seen; });
    }
    jobsChanged = 0;
    QCOMPARE(postWithKey(QStringLiteral("/api/v1/jobs"), R"({"job_number": "REMOTE-W2", "customer": "Elsewhere"})"), 201);
    QVERIFY(waitFor([&] { return jobsChanged > 0; }, 1000));
}

void TestRemoteClient::idempotentRetryIsAppliedOnce()
{
    RemoteClient client(base());
    QVERIFY(signIn(client));
    const Json body{{"job_number", "REMOTE-IDEM"}, {"customer", "Twice sent"}};
    const QByteArray key = "remote-client-test-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const ApiReply first = await(client.requestOnce(QStringLiteral("POST"), QStringLiteral("/api/v1/jobs"), body, key));
    QCOMPARE(first.status(), 201);
    const ApiReply again = await(client.requestOnce(QStringLiteral("POST"), QStringLiteral("/api/v1/jobs"), body, key));
    QCOMPARE(again.status(), 201); // the first answer, not a duplicate job number refusal
    const std::string id = first.data().value("job", Json::object()).value("id", "");
    QVERIFY(!id.empty());
    QCOMPARE(again.data().value("job", Json::object()).value("id", ""), id);
    const ApiReply list = await(client.get(QStringLiteral("/api/v1/jobs/overview?search=REMOTE-IDEM")));
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.data().value("jobs", Json::array()).size(), size_t(1));
}

void TestRemoteClient::hubDownAndBack()
{
    RemoteClient client(base());
    QVERIFY(signIn(client));
    QObject screen;
    int notices = 0;
    client.subscribe({QStringLiteral("jobs")}, &screen, [&] { ++notices; });
    QVERIFY(waitFor([&] { return client.isFeedConnected(); }, 10000));
    QSignalSpy reach(&client, &EngineClient::reachableChanged);

    const int port = m_hub.port();
    m_hub.stop();
    QVERIFY(waitFor([&] { return !client.isFeedConnected(); }, 5000));
    const ApiReply down = await(client.get(QStringLiteral("/api/v1/jobs?limit=1")));
    QCOMPARE(down.status(), 0);
    QVERIFY2(down.errorMessage().startsWith(QStringLiteral("The hub at 127.0.0.1:%1 does not answer: ").arg(port)),
             qPrintable(down.errorMessage()));
    QVERIFY(!client.isReachable());
    QCOMPARE(reach.size(), 1);
    QCOMPARE(reach.at(0).at(0).toBool(), false);
    QVERIFY(client.isSignedIn()); // an unreachable hub does not end the session

    QVERIFY(m_hub.start(port));
    const ApiReply back = await(client.get(QStringLiteral("/api/v1/jobs?limit=1")));
    QCOMPARE(back.status(), 200);
    QVERIFY(client.isReachable());
    QCOMPARE(reach.size(), 2);
    QCOMPARE(reach.at(1).at(0).toBool(), true);
    // The feed comes back by itself and every watcher reads again once (changes may have been missed).
    QVERIFY(waitFor([&] { return client.isFeedConnected(); }, 10000));
    QVERIFY(waitFor([&] { return notices == 1; }, 2000));
    QTest::qWait(300);
    QCOMPARE(notices, 1);
    QCOMPARE(postWithKey(QStringLiteral("/api/v1/jobs"), R"({"job_number": "REMOTE-BACK", "customer": "Again"})"), 201);
    QVERIFY(waitFor([&] { return notices == 2; }, 1000));
}

void TestRemoteClient::anotherSessionMovesTheFeed()
{
    RemoteClient client(base());
    QVERIFY(signIn(client));
    QObject screen;
    int notices = 0;
    client.subscribe({QStringLiteral("jobs")}, &screen, [&] { ++notices; });
    QVERIFY(waitFor([&] { return client.isFeedConnected(); }, 10000));
    // Signed out: the feed of that session closes; nothing arrives for nobody.
    client.signOut();
    QVERIFY(waitFor([&] { return !client.isFeedConnected(); }, 2000));
    QCOMPARE(postWithKey(QStringLiteral("/api/v1/jobs"), R"({"job_number": "REMOTE-S1", "customer": "Nobody sees"})"), 201);
    QTest::qWait(500);
    QCOMPARE(notices, 0);
    // A new session: the feed opens with its token, and the screens read again once (they missed one).
    QVERIFY(signIn(client));
    QVERIFY(waitFor([&] { return client.isFeedConnected(); }, 10000));
    QVERIFY(waitFor([&] { return notices == 1; }, 2000));
    QCOMPARE(postWithKey(QStringLiteral("/api/v1/jobs"), R"({"job_number": "REMOTE-S2", "customer": "Seen"})"), 201);
    QVERIFY(waitFor([&] { return notices == 2; }, 1000));
}

void TestRemoteClient::importAndExportReportProgress()
{
    RemoteClient client(base());
    QVERIFY(signIn(client));
    QByteArray csv = "external_id,job_number,customer\n";
    for (int i = 0; i < 2000; ++i)
        csv += "ext-" + QByteArray::number(i) + ",REMOTE-IMP-" + QByteArray::number(i) + ",Imported Ltd\n";
    auto up = std::make_shared<Transfer>();
    const ApiReply dry = await(client.upload(QStringLiteral("/api/v1/import/jobs?dry_run=true&source=remote-test"), csv, "text/csv", up), 60000);
    QVERIFY2(dry.ok(), qPrintable(dry.errorMessage()));
    // The bytes sent as they went, then those of the answer as they came: all of them by the end.
    QVERIFY(up->total() > 0);
    QCOMPARE(up->done(), up->total());

    auto down = std::make_shared<Transfer>();
    const ApiReply file = await(client.get(QStringLiteral("/api/v1/export?format=json&entities=jobs"), down), 60000);
    QVERIFY2(file.ok(), qPrintable(file.errorMessage()));
    const QByteArray bytes = file.raw().isEmpty() ? QByteArray::fromStdString(file.body().dump()) : file.raw();
    QVERIFY(bytes.contains("REMOTE-1"));
    QVERIFY(down->done() > 0);
}

void TestRemoteClient::httpsRefusedUnlessTrustedOrPinned()
{
    // A self-signed certificate as a shop makes one for its hub.
    const QString cert = m_dir.filePath(QStringLiteral("hub.crt")), key = m_dir.filePath(QStringLiteral("hub.key"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                                              "-subj", "/CN=eryxon-hub.test"});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    const auto certs = QSslCertificate::fromPath(cert);
    QCOMPARE(certs.size(), 1);
    const QString fingerprint = RemoteClient::fingerprintText(certs.first().digest(QCryptographicHash::Sha256));

    const int plainPort = m_hub.port();
    m_hub.stop();
    QVERIFY(m_hub.start(0, {"--tls-cert", cert, "--tls-key", key}));
    const QString https = QStringLiteral("https://127.0.0.1:%1").arg(m_hub.port());

    {
        RemoteClient untrusted(https);
        const ApiReply r = await(untrusted.get(QStringLiteral("/api/v1/setup")));
        QCOMPARE(r.status(), 0);
        QVERIFY2(r.errorMessage().contains(QStringLiteral("The hub presented certificate SHA-256 %1, which this workstation does not trust").arg(fingerprint)),
                 qPrintable(r.errorMessage()));
        QVERIFY(r.errorMessage().contains(QLatin1String("pin it in Settings")));
    }
    {
        RemoteClient wrongPin(https, QString(64, QLatin1Char('a')));
        const ApiReply r = await(wrongPin.get(QStringLiteral("/api/v1/setup")));
        QCOMPARE(r.status(), 0);
        QVERIFY2(r.errorMessage().contains(fingerprint) && r.errorMessage().contains(QLatin1String("not the certificate pinned")),
                 qPrintable(r.errorMessage()));
    }
    {
        // Pinned, written as the user may copy it: lower case, without colons.
        RemoteClient pinned(https, fingerprint.toLower().remove(QLatin1Char(':')));
        QVERIFY(signIn(pinned));
        QCOMPARE(await(pinned.get(QStringLiteral("/api/v1/jobs?limit=1"))).status(), 200);
        QObject screen;
        int notices = 0;
        pinned.subscribe({QStringLiteral("jobs")}, &screen, [&] { ++notices; });
        QVERIFY2(waitFor([&] { return pinned.isFeedConnected(); }, 10000), "the feed over wss:// with the pinned certificate");
        QCOMPARE(await(pinned.post(QStringLiteral("/api/v1/jobs"), Json{{"job_number", "REMOTE-TLS"}, {"customer", "Pinned"}})).status(), 201);
        QVERIFY(waitFor([&] { return notices > 0; }, 1000));
    }
    m_hub.stop();
    QVERIFY(m_hub.start(plainPort));
}

void TestRemoteClient::addressesThatAreNotAHub_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("no scheme") << QStringLiteral("10.0.0.5:8787");
    QTest::newRow("ftp") << QStringLiteral("ftp://10.0.0.5:8787");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("no host") << QStringLiteral("http://");
    QTest::newRow("credentials") << QStringLiteral("http://anna:secret@hub:8787");
    QTest::newRow("path") << QStringLiteral("http://hub:8787/api/v1");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("http://my hub:8787");
}

void TestRemoteClient::addressesThatAreNotAHub()
{
    QFETCH(QString, address);
    QVERIFY(!RemoteClient::addressProblem(address).isEmpty());
    RemoteClient client(address);
    const ApiReply r = await(client.get(QStringLiteral("/api/v1/setup")));
    QCOMPARE(r.status(), 0);
    QCOMPARE(r.errorMessage(), RemoteClient::addressProblem(address));
    QVERIFY(!await(client.signIn(QStringLiteral("a"), QStringLiteral("b"))).ok());
    QVERIFY(RemoteClient::addressProblem(QStringLiteral("https://10.0.0.5:8787")).isEmpty());
    QVERIFY(RemoteClient::addressProblem(QStringLiteral("http://hub.local:8787/")).isEmpty());
    QVERIFY(RemoteClient::addressProblem(QStringLiteral("http://[::1]:8787")).isEmpty());
}

void TestRemoteClient::ipv6Address()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("no IPv6 loopback here");
    connect(&server, &QTcpServer::newConnection, &server, [&server] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 31\r\n\r\n{\"success\":true,\"data\":{\"a\":1}}");
            s->disconnectFromHost();
        });
    });
    RemoteClient client(QStringLiteral("http://[::1]:%1").arg(server.serverPort()));
    QCOMPARE(client.hubLabel(), QStringLiteral("hub at ::1:%1").arg(server.serverPort()));
    const ApiReply r = await(client.get(QStringLiteral("/api/v1/setup")));
    QCOMPARE(r.status(), 200);
    QVERIFY(r.data().is_object());
    QCOMPARE(r.data().value("a", 0), 1);
}

void TestRemoteClient::fingerprints()
{
    const QByteArray digest = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
    const QString text = RemoteClient::fingerprintText(digest);
    QCOMPARE(text.size(), 32 * 3 - 1);
    QCOMPARE(RemoteClient::fingerprintBytes(text), digest);
    QCOMPARE(RemoteClient::fingerprintBytes(text.toLower().remove(QLatin1Char(':'))), digest);
    QVERIFY(RemoteClient::fingerprintProblem(text).isEmpty());
    QVERIFY(RemoteClient::fingerprintProblem(QString()).isEmpty());
    QVERIFY(!RemoteClient::fingerprintProblem(QStringLiteral("AB:CD")).isEmpty());
    QVERIFY(!RemoteClient::fingerprintProblem(QString(64, QLatin1Char('g'))).isEmpty());
}

void TestRemoteClient::answersThatAreNotJson()
{
    FakeServer fake;
    RemoteClient client(fake.url());
    fake.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n<html>hi!";
    ApiReply r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QCOMPARE(r.status(), 200);
    QVERIFY(r.body().is_null()); // nothing a screen would read as data
    QVERIFY(!r.data().is_array());
    fake.answer = "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<h1>oops</h1>";
    r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QCOMPARE(r.status(), 502);
    QVERIFY(!r.ok());
    QCOMPARE(r.raw(), QByteArray("<h1>oops</h1>"));
    fake.answer = "this is not HTTP at all\r\n\r\n";
    r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QVERIFY(!r.ok());
    // A redirect is not followed (it could take the session elsewhere).
    fake.answer = "HTTP/1.1 302 Found\r\nLocation: http://198.51.100.1/steal\r\nContent-Length: 0\r\n\r\n";
    r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QCOMPARE(r.status(), 302);
}

void TestRemoteClient::hugeAnswersAreRefused()
{
    FakeServer fake;
    RemoteClient client(fake.url());
    fake.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n[1,2,3";
    ApiReply r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QCOMPARE(r.status(), 502);
    QCOMPARE(r.errorCode(), QStringLiteral("ANSWER_TOO_LARGE"));
    QVERIFY(client.isReachable());
    fake.mode = FakeServer::Mode::Endless; // no length: counted as it comes
    r = await(client.get(QStringLiteral("/api/v1/jobs")), 60000);
    QCOMPARE(r.status(), 502);
    QCOMPARE(r.errorCode(), QStringLiteral("ANSWER_TOO_LARGE"));
}

void TestRemoteClient::silentHubTimesOut()
{
    FakeServer fake;
    fake.mode = FakeServer::Mode::Silent;
    RemoteClient client(fake.url());
    client.setRequestTimeout(1000);
    QSignalSpy reach(&client, &EngineClient::reachableChanged);
    QElapsedTimer t;
    t.start();
    const ApiReply r = await(client.get(QStringLiteral("/api/v1/jobs")));
    QVERIFY(t.elapsed() < 5000);
    QCOMPARE(r.status(), 0);
    QVERIFY2(r.errorMessage().contains(QLatin1String("does not answer: no answer within 1 second")), qPrintable(r.errorMessage()));
    QCOMPARE(reach.size(), 1);
    QVERIFY(!client.isReachable());
}

void TestRemoteClient::transferCancelClosesTheRequest()
{
    FakeServer fake;
    fake.mode = FakeServer::Mode::Silent;
    RemoteClient client(fake.url());
    client.setRequestTimeout(500); // a Transfer's request has no timeout: only Cancel ends it
    auto transfer = std::make_shared<Transfer>();
    QFuture<ApiReply> f = client.get(QStringLiteral("/api/v1/export?format=json"), transfer);
    QTest::qWait(1500);
    QVERIFY(!f.isFinished());
    transfer->cancel();
    const ApiReply r = await(f, 2000);
    QCOMPARE(r.status(), 499);
    QCOMPARE(r.errorCode(), QStringLiteral("CANCELLED"));
    QVERIFY(client.isReachable());
}

QTEST_MAIN(TestRemoteClient)
#include "tst_remoteclient.moc"
