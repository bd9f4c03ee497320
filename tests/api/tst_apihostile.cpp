#include "apifixture.h"

#include "http/apiserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace ery;
using namespace ery::test;

// Hostile connections are cut off with bounded server memory while other clients keep being
// served (QtHttpServer 6.4 alone would buffer all of it and never time out).
class TestApiHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void hugeHeaderIsCutOff();
    void idleAndSlowClientsAreDropped();
    void hugeContentLengthIsRefused();
    void bodiesShareOneBudget();
    void pipelining();
    void connectionCloseIsHonoured();
    void malformedRequests_data();
    void malformedRequests();
    void connectionCaps();
    void upgradeHeadersWithoutHandshake_data();
    void upgradeHeadersWithoutHandshake();
    void refusedUpgradeClosesTheConnection_data();
    void refusedUpgradeClosesTheConnection();
    void slowHeadMissesItsDeadline();
    void slowBodyIsDropped();
    void unreadAnswersHoldBackTheNext();
    void upgradedSocketOutlivesTheHandshakeDeadline();
    void chunkedBodiesAreAccepted();
    void answerTakingLongerThanIdleTimeout();

private:
    std::unique_ptr<QTcpSocket> connectRaw();
    // Writes `data` and collects the answer until the server closes or `timeoutMs` passes.
    QByteArray exchange(const QByteArray &data, int timeoutMs, bool *closed);
    bool othersServed();

    std::unique_ptr<ApiFixture> f;
};

void TestApiHostile::initTestCase()
{
    HttpConfig cfg = ApiFixture::defaults();
    cfg.idleTimeoutMs = 1000; // the default 15 s, shortened so the suite stays fast
    cfg.maxConnectionsPerPeer = 40;
    cfg.maxBodyBytes = 1024 * 1024;
    cfg.maxBodyBytesInFlight = 3 * 1024 * 1024;
    cfg.headTimeoutMs = 2500;
    cfg.bodyRateGraceMs = 1000;
    cfg.handshakeTimeoutMs = 1000;
    f = ApiFixture::create(cfg);
}

std::unique_ptr<QTcpSocket> TestApiHostile::connectRaw()
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress::LocalHost, f->port());
    waitFor([&] { return s->state() == QAbstractSocket::ConnectedState; }, 5000);
    return s;
}

QByteArray TestApiHostile::exchange(const QByteArray &data, int timeoutMs, bool *closed)
{
    auto s = connectRaw();
    s->write(data);
    QByteArray got;
    waitFor(
        [&] {
            got += s->readAll();
            return s->state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    got += s->readAll();
    *closed = s->state() == QAbstractSocket::UnconnectedState;
    return got;
}

bool TestApiHostile::othersServed()
{
    return f->call("GET", "/health").status == 200;
}

void TestApiHostile::hugeHeaderIsCutOff()
{
    const qint64 rssBefore = ApiFixture::rssKiB();
    auto s = connectRaw();
    s->write("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ");
    const QByteArray chunk(256 * 1024, 'a');
    qint64 sent = 0;
    QElapsedTimer t;
    t.start();
    while (sent < 64ll * 1024 * 1024 && s->state() == QAbstractSocket::ConnectedState && t.elapsed() < 20000) {
        if (s->bytesToWrite() < 1024 * 1024) {
            s->write(chunk);
            sent += chunk.size();
        }
        QTest::qWait(1);
    }
    waitFor([&] { return s->state() == QAbstractSocket::UnconnectedState; }, 5000);
    QVERIFY2(s->state() == QAbstractSocket::UnconnectedState, "the connection was not cut off");
    QVERIFY2(sent < 64ll * 1024 * 1024, qPrintable(QStringLiteral("sent %1 bytes before the cut").arg(sent)));
    const QByteArray answer = s->readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 431") || answer.isEmpty(), answer.left(100).constData());
    QVERIFY(othersServed());
    const qint64 growth = ApiFixture::rssKiB() - rssBefore;
    QVERIFY2(growth < 32 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(growth)));
    auto m = f->call("GET", "/metrics");
    QVERIFY(m.raw.contains("eryxon_http_refused_total{reason=\"headers_too_large\"} 1"));
}

void TestApiHostile::idleAndSlowClientsAreDropped()
{
    QElapsedTimer t;
    t.start();
    auto idle = connectRaw();
    auto slow = connectRaw();
    slow->write("GET /health HTTP/1.1\r\nHost: x\r\n"); // never finishes its headers
    auto keep = connectRaw();
    keep->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray kept;
    QVERIFY(waitFor(
        [&] {
            kept += keep->readAll();
            return kept.contains("\"status\":\"ok\"");
        },
        3000));
    QVERIFY(othersServed());
    QVERIFY(waitFor(
        [&] {
            return idle->state() == QAbstractSocket::UnconnectedState && slow->state() == QAbstractSocket::UnconnectedState &&
                   keep->state() == QAbstractSocket::UnconnectedState;
        },
        4000));
    QVERIFY2(t.elapsed() >= 900, "dropped before the idle timeout");
    QVERIFY(slow->readAll().startsWith("HTTP/1.1 408"));
    QVERIFY(idle->readAll().isEmpty()); // nothing asked, nothing answered: just closed
}

void TestApiHostile::hugeContentLengthIsRefused()
{
    bool closed = false;
    QElapsedTimer t;
    t.start();
    QByteArray a = exchange("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n{\"job", 3000, &closed);
    QVERIFY(a.startsWith("HTTP/1.1 413"));
    QVERIFY(a.contains("PAYLOAD_TOO_LARGE"));
    QVERIFY(closed);
    QVERIFY(t.elapsed() < 900); // at once, not after waiting for the body
    // A Content-Length under the limit with a short body: the missing bytes never come.
    a = exchange("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\nabc", 4000, &closed);
    QVERIFY2(a.startsWith("HTTP/1.1 408"), a.left(80).constData());
    QVERIFY(closed);
    QVERIFY(othersServed());
}

void TestApiHostile::bodiesShareOneBudget()
{
    // Three clients announce 1 MiB bodies each and send them slowly: together they hold the whole
    // budget, so a fourth body is turned away at once (503, retry), while requests without a body
    // are served. When one of the three gives up, bodies are accepted again.
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 3; ++i) {
        slow.push_back(connectRaw());
        slow.back()->write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n{\"job_number\": ");
        slow.back()->flush();
    }
    QTest::qWait(200);
    bool closed = false;
    QByteArray a = exchange("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{\"job_number\": \"X\"}", 3000, &closed);
    QVERIFY2(a.startsWith("HTTP/1.1 503"), a.left(120).constData());
    QVERIFY(a.contains("Retry-After: 1"));
    QVERIFY(closed);
    QVERIFY(othersServed());
    slow.front()->abort();
    slow.erase(slow.begin());
    QVERIFY(waitFor(
        [&] {
            bool c = false;
            return exchange("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 3000, &c)
                .startsWith("HTTP/1.1 401"); // past the budget, on to authentication
        },
        3000));
    for (auto &s : slow)
        s->abort();
}

void TestApiHostile::pipelining()
{
    // A client that pipelines a few requests gets every answer, in order.
    QByteArray fifty;
    for (int i = 0; i < 50; ++i)
        fifty += "GET /health HTTP/1.1\r\nHost: x\r\nx-request-id: r" + QByteArray::number(i) + "\r\n\r\n";
    auto s = connectRaw();
    s->write(fifty);
    QByteArray got;
    QVERIFY(waitFor(
        [&] {
            got += s->readAll();
            return got.count("HTTP/1.1 200") == 50;
        },
        5000));
    QVERIFY(got.indexOf("x-request-id: r0\r\n") < got.indexOf("x-request-id: r1\r\n"));
    QVERIFY(got.indexOf("x-request-id: r48\r\n") < got.indexOf("x-request-id: r49\r\n"));

    // 10,000 at once is a flood: cut off, memory bounded, others served.
    const qint64 rssBefore = ApiFixture::rssKiB();
    QByteArray flood;
    for (int i = 0; i < 10000; ++i)
        flood += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    auto fl = connectRaw();
    fl->write(flood);
    QByteArray answers;
    waitFor(
        [&] {
            answers += fl->readAll();
            return fl->state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    answers += fl->readAll();
    QCOMPARE(fl->state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(answers.count("HTTP/1.1 200") < 10000, "a flood of pipelined requests was not cut off");
    QVERIFY(othersServed());
    const qint64 growth = ApiFixture::rssKiB() - rssBefore;
    QVERIFY2(growth < 32 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(growth)));
    QVERIFY(f->call("GET", "/metrics").raw.contains("reason=\"pipelined_backlog\""));
}

void TestApiHostile::connectionCloseIsHonoured()
{
    for (const QByteArray &req :
         {QByteArray("GET /health HTTP/1.0\r\n\r\n"), QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")}) {
        bool closed = false;
        QElapsedTimer t;
        t.start();
        const QByteArray a = exchange(req, 3000, &closed);
        QVERIFY(a.startsWith("HTTP/1.1 200"));
        QVERIFY(a.contains("Connection: close"));
        QVERIFY(closed);
        QVERIFY2(t.elapsed() < 900, "closed by the idle timeout, not after the answer");
    }
    auto s = connectRaw();
    s->write("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QByteArray got;
    QVERIFY(waitFor(
        [&] {
            got += s->readAll();
            return got.contains("\"status\":\"ok\"");
        },
        3000));
    QTest::qWait(200);
    QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
}

void TestApiHostile::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("url too long") << QByteArray("GET /api/v1/jobs?q=" + QByteArray(70 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << QByteArray("414");
    QByteArray many = "GET /health HTTP/1.1\r\n";
    for (int i = 0; i < 130; ++i)
        many += "X-H" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many header fields") << QByteArray(many + "\r\n") << QByteArray("431");
    const QByteArray chunkedHead = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    QTest::newRow("chunk size over the body limit") << QByteArray(chunkedHead + "200000\r\n") << QByteArray("413");
    QTest::newRow("chunks adding up over the limit")
        << QByteArray(chunkedHead + "80000\r\n" + QByteArray(0x80000, 'a') + "\r\n80001\r\n") << QByteArray("413");
    QTest::newRow("chunk size not hex") << QByteArray(chunkedHead + "5g\r\nhello\r\n0\r\n\r\n") << QByteArray("400");
    QTest::newRow("chunk size negative") << QByteArray(chunkedHead + "-5\r\nhello\r\n0\r\n\r\n") << QByteArray("400");
    QTest::newRow("chunk size line endless") << QByteArray(chunkedHead + "5;" + QByteArray(4096, 'x')) << QByteArray("400");
    QTest::newRow("chunk data without CRLF") << QByteArray(chunkedHead + "5\r\nhelloX\r\n0\r\n\r\n") << QByteArray("400");
    QTest::newRow("chunk size line with bare LF") << QByteArray(chunkedHead + "5\nhello\r\n0\r\n\r\n") << QByteArray("400");
    QTest::newRow("trailers too large") << QByteArray(chunkedHead + "0\r\nX-T: " + QByteArray(9000, 't') + "\r\n\r\n") << QByteArray("431");
    QTest::newRow("Content-Length with chunked")
        << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << QByteArray("400");
    QTest::newRow("a coding other than chunked")
        << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n") << QByteArray("400");
    QTest::newRow("bad request line") << QByteArray("GARBAGE\r\n\r\n") << QByteArray("400");
    QTest::newRow("not http") << QByteArray("GET / SPDY/3\r\n\r\n") << QByteArray("400");
    QTest::newRow("bad content-length") << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n") << QByteArray("400");
    QTest::newRow("two content-lengths") << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
                                         << QByteArray("400");
    QTest::newRow("header without colon") << QByteArray("GET /health HTTP/1.1\r\nnonsense\r\n\r\n") << QByteArray("400");
    QTest::newRow("CONNECT") << QByteArray("CONNECT /api/v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("405");
}

void TestApiHostile::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    bool closed = false;
    const QByteArray a = exchange(request, 3000, &closed);
    QVERIFY2(a.startsWith("HTTP/1.1 " + status), a.left(120).constData());
    if (status != "405")
        QVERIFY(closed);
    QVERIFY(othersServed());
}

void TestApiHostile::connectionCaps()
{
    // Forty at once (connecting them one by one could outlast the 1 s idle timeout).
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 40; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->connectToHost(QHostAddress::LocalHost, f->port());
    }
    QVERIFY(waitFor([&] { return f->shop().engine().api()->openConnections() >= 40; }, 800));
    bool closed = false;
    const QByteArray refused = exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 3000, &closed);
    QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.left(80).constData());
    QVERIFY(closed);
    held.clear();
    QTest::qWait(100);
    QVERIFY(othersServed());
}

namespace {
// Whether the first answer in `buf` is complete.
bool hasAnswer(const QByteArray &buf)
{
    const qint64 n = ApiFixture::answerLength(buf);
    return n >= 0 && buf.size() >= n;
}
} // namespace

void TestApiHostile::upgradeHeadersWithoutHandshake_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("keep-alive, Upgrade") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\n\r\n")
                                         << QByteArray("200");
    QTest::newRow("mixed case") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nCoNnEcTiOn: uPgRaDe\r\n\r\n") << QByteArray("200");
    QTest::newRow("Upgrade to another protocol")
        << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n") << QByteArray("200");
    QTest::newRow("Upgrade without Connection")
        << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n") << QByteArray("200");
    QTest::newRow("body after an upgrade header")
        << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nContent-Length: 2\r\n\r\n{}") << QByteArray("401");
}

void TestApiHostile::upgradeHeadersWithoutHandshake()
{
    // A request that only mentions an upgrade is plain HTTP: answered as such, and everything after
    // it on the connection stays under every limit (it used to switch the guard off for good).
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, status);
    auto s = connectRaw();
    s->write(head);
    QByteArray got;
    QVERIFY(waitFor(
        [&] {
            got += s->readAll();
            return hasAnswer(got);
        },
        3000));
    QVERIFY2(got.startsWith("HTTP/1.1 " + status), got.left(120).constData());
    QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
    got.clear();
    // A header far over the limit on the same connection: cut off at 64 KiB, not read to the end.
    s->write("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ");
    const QByteArray chunk(64 * 1024, 'a');
    qint64 sent = 0;
    while (sent < 16ll * 1024 * 1024 && s->state() == QAbstractSocket::ConnectedState) {
        if (s->bytesToWrite() < 256 * 1024) {
            s->write(chunk);
            sent += chunk.size();
        }
        QTest::qWait(1);
        got += s->readAll();
    }
    waitFor(
        [&] {
            got += s->readAll();
            return s->state() == QAbstractSocket::UnconnectedState;
        },
        3000);
    got += s->readAll();
    QCOMPARE(s->state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(sent < 16ll * 1024 * 1024, "an oversized header after an upgrade-ish request was read in full");
    QVERIFY2(got.isEmpty() || got.startsWith("HTTP/1.1 431"), got.left(120).constData());
    QVERIFY(othersServed());
}

void TestApiHostile::refusedUpgradeClosesTheConnection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("status");
    const QByteArray ws =
        "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    QTest::newRow("another path") << QByteArray("GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + ws) << QByteArray("404");
    // QtHttpServer's parser reads `upgraded` as `upgrade` and hands the socket over.
    QTest::newRow("upgrade inside another word")
        << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nConnection: upgraded\r\nUpgrade: websocket\r\n\r\n") << QByteArray("404");
    QTest::newRow("no key") << QByteArray("GET /realtime/v1/websocket?vsn=1.0.0 HTTP/1.1\r\nHost: x\r\n" + ws) << QByteArray("401");
    QTest::newRow("wrong key")
        << QByteArray("GET /realtime/v1/websocket?apikey=ery_live_00000000000000000000000000000000 HTTP/1.1\r\nHost: x\r\n" + ws)
        << QByteArray("401");
    QTest::newRow("two upgrade headers") << QByteArray("GET /realtime/v1/websocket HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\n" + ws)
                                         << QByteArray("400");
    QTest::newRow("upgrade with a body") << QByteArray("GET /realtime/v1/websocket HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n" + ws +
                                                       "{}")
                                         << QByteArray("400");
}

void TestApiHostile::refusedUpgradeClosesTheConnection()
{
    // A WebSocket upgrade that is refused gets its answer and the connection ends: nothing sent
    // after it is ever read as a request without limits.
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, status);
    auto s = connectRaw();
    s->write(head);
    QByteArray got;
    QVERIFY(waitFor(
        [&] {
            got += s->readAll();
            return hasAnswer(got);
        },
        3000));
    QVERIFY2(got.startsWith("HTTP/1.1 " + status), got.left(120).constData());
    s->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    waitFor(
        [&] {
            got += s->readAll();
            return s->state() == QAbstractSocket::UnconnectedState;
        },
        3000);
    got += s->readAll();
    QCOMPARE(s->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(got.count("HTTP/1.1 "), 1);
    QVERIFY(othersServed());
}

void TestApiHostile::slowHeadMissesItsDeadline()
{
    // One byte every 400 ms keeps the 1 s idle timer from firing, but the head as a whole has
    // 2.5 s from its first byte.
    QElapsedTimer t;
    t.start();
    auto s = connectRaw();
    const QByteArray head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    int sent = 0;
    QByteArray got;
    while (s->state() == QAbstractSocket::ConnectedState && sent < head.size() && t.elapsed() < 10000) {
        s->write(head.mid(sent++, 1));
        QTest::qWait(400);
        got += s->readAll();
    }
    waitFor(
        [&] {
            got += s->readAll();
            return s->state() == QAbstractSocket::UnconnectedState;
        },
        3000);
    got += s->readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 408"), got.left(120).constData());
    QVERIFY(got.contains("REQUEST_TIMEOUT"));
    QVERIFY2(t.elapsed() >= 2400 && t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(f->call("GET", "/metrics").raw.contains("reason=\"head_timeout\""));
}

void TestApiHostile::slowBodyIsDropped()
{
    // 64 bytes every 300 ms (about 200 bytes/s) is under the 1 KiB/s minimum once the grace is over.
    auto s = connectRaw();
    s->write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
    QElapsedTimer t;
    t.start();
    QByteArray got;
    while (s->state() == QAbstractSocket::ConnectedState && t.elapsed() < 10000) {
        s->write(QByteArray(64, 'x'));
        QTest::qWait(300);
        got += s->readAll();
    }
    got += s->readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 408"), got.left(120).constData());
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(f->call("GET", "/metrics").raw.contains("reason=\"body_too_slow\""));
    QVERIFY(othersServed());
}

void TestApiHostile::unreadAnswersHoldBackTheNext()
{
    // A client that pipelines requests for large answers and never reads holds back its own next
    // requests (server memory stays bounded) and is dropped once its answers stop moving.
    const QString key = f->key(f->shop().scope, QStringLiteral("read"));
    const qint64 rssBefore = ApiFixture::rssKiB();
    auto s = std::make_unique<QTcpSocket>();
    s->setReadBufferSize(1); // reads nothing: the kernel buffers fill and stay full
    s->connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(waitFor([&] { return s->state() == QAbstractSocket::ConnectedState; }, 3000));
    QByteArray many;
    for (int i = 0; i < 90; ++i)
        many += "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() + "\r\n\r\n";
    s->write(many);
    // The client reads nothing, so it would not even see the close: watch the server instead.
    QVERIFY(waitFor([&] { return f->call("GET", "/metrics").raw.contains("reason=\"unread_responses\""); }, 8000));
    QVERIFY(othersServed());
    const qint64 growth = ApiFixture::rssKiB() - rssBefore;
    QVERIFY2(growth < 48 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(growth)));
}

void TestApiHostile::upgradedSocketOutlivesTheHandshakeDeadline()
{
    // Once the 101 is out the connection belongs to the realtime feed: neither the handshake
    // deadline nor the HTTP idle timer (both 1 s here) ends it.
    const QString key = f->key(f->shop().scope, QStringLiteral("read"));
    QWebSocket ws;
    QStringList got;
    connect(&ws, &QWebSocket::textMessageReceived, &ws, [&](const QString &t) { got << t; });
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/realtime/v1/websocket?apikey=%2&vsn=1.0.0").arg(f->port()).arg(key)));
    QVERIFY(waitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 3000));
    QTest::qWait(2500);
    QCOMPARE(ws.state(), QAbstractSocket::ConnectedState);
    ws.sendTextMessage(QStringLiteral(R"({"topic":"phoenix","event":"heartbeat","payload":{},"ref":"1"})"));
    QVERIFY(waitFor([&] { return !got.isEmpty(); }, 3000));
    QVERIFY2(got.first().contains(QLatin1String("\"status\":\"ok\"")), qPrintable(got.first()));
    QVERIFY(!f->call("GET", "/metrics").raw.contains("reason=\"handshake_timeout\""));
    ws.close();
}

void TestApiHostile::chunkedBodiesAreAccepted()
{
    // Chunked is ordinary HTTP/1.1: decoded like a Content-Length body, with a chunk extension and
    // a trailer, and the next request on the connection is read where the body ends.
    const QString key = f->key(f->shop().scope, QStringLiteral("read_write"));
    auto s = connectRaw();
    const QByteArray body = R"({"job_number":"CHUNK-RAW-1","customer":"Chunks"})";
    s->write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
             "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(10, 16) + ";name=first\r\n" +
             body.left(10) + "\r\n" + QByteArray::number(body.size() - 10, 16) + "\r\n" + body.mid(10) + "\r\n0\r\n\r\n" +
             "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray got;
    waitFor(
        [&] {
            got += s->readAll();
            return got.count("HTTP/1.1 ") == 2 && got.contains("\"status\":\"ok\"");
        },
        5000);
    QVERIFY2(got.count("HTTP/1.1 ") == 2 && got.contains("\"status\":\"ok\""), got.left(300).constData());
    QVERIFY2(got.startsWith("HTTP/1.1 201"), got.left(300).constData());
    QVERIFY(got.contains("CHUNK-RAW-1"));
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=CHUNK-RAW-1", key).data()["jobs"].size(), size_t(1));
    // A chunked body sent a byte at a time is still one request.
    auto slow = connectRaw();
    const QByteArray whole = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
                             "\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(body.size(), 16) + "\r\n" +
                             QByteArray(body).replace("RAW-1", "RAW-2") + "\r\n0\r\n\r\n";
    for (char c : whole) {
        slow->write(&c, 1);
        slow->flush();
    }
    got.clear();
    QVERIFY(waitFor(
        [&] {
            got += slow->readAll();
            return got.contains("CHUNK-RAW-2");
        },
        5000));
    QVERIFY2(got.startsWith("HTTP/1.1 201"), got.left(300).constData());
    // Trailer fields are read and dropped; that request's answer closes the connection.
    auto trailed = connectRaw();
    trailed->write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
                   "\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(body.size(), 16) + "\r\n" +
                   QByteArray(body).replace("RAW-1", "RAW-3") + "\r\n0\r\nX-Checksum: none\r\n\r\n");
    got.clear();
    QVERIFY(waitFor(
        [&] {
            got += trailed->readAll();
            return trailed->state() == QAbstractSocket::UnconnectedState;
        },
        5000));
    got += trailed->readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 201") && got.contains("CHUNK-RAW-3"), got.left(300).constData());
    QVERIFY(got.contains("Connection: close"));
}

void TestApiHostile::answerTakingLongerThanIdleTimeout()
{
    // An import that takes longer than the idle timeout (1 s here) is answered: a client waiting
    // for its answer is not idle.
    const QString key = f->key(f->shop().scope, QStringLiteral("read_write"));
    QByteArray csv = "external_id,job_number,customer\n";
    for (int i = 0; i < 15000; ++i)
        csv += "LONG-" + QByteArray::number(i) + ",J-LONG-" + QByteArray::number(i) + ",C\n";
    QElapsedTimer t;
    t.start();
    auto r = f->callRaw("POST", "/api/v1/import/jobs?source=long&rows=errors", key, csv, {{"Content-Type", "text/csv"}});
    QVERIFY2(r.status == 200, r.raw.left(300).constData());
    QCOMPARE(r.data()["import"]["created"].get<int>(), 15000);
    qInfo("import answered after %lld ms", t.elapsed());
    QVERIFY(t.elapsed() > 1000); // or the test proves nothing
}

QTEST_GUILESS_MAIN(TestApiHostile)
#include "tst_apihostile.moc"
