#include "apifixture.h"

#include "http/apiserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

#include <sys/resource.h>

using namespace ery;
using namespace ery::test;

// Slowloris from several addresses at once: well over a thousand connections that each trickle a
// request head one byte at a time (every byte resets an idle timer) and reconnect when dropped.
// The hub's slots are shared by everyone, so it must keep room for a well-behaved client from
// another address, which gets every answer within a second throughout.
class TestApiSlowClients : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tricklersCannotLockOthersOut();
    void largeAnswerReachesASlowReader();

private:
    std::unique_ptr<ApiFixture> f;
};

void TestApiSlowClients::initTestCase()
{
    // The client sockets of this test live in the same process as the server.
    rlimit rl{};
    QVERIFY(getrlimit(RLIMIT_NOFILE, &rl) == 0);
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? 65536 : std::min<rlim_t>(rl.rlim_max, 65536);
    QVERIFY(setrlimit(RLIMIT_NOFILE, &rl) == 0);
    if (rl.rlim_cur < 4096)
        QSKIP("this machine allows fewer than 4096 open files per process");
    HttpConfig cfg = ApiFixture::defaults();
    cfg.headTimeoutMs = 4000; // the default 10 s, shortened so heads time out during the test
    f = ApiFixture::create(cfg);
}

namespace {
// The attackers, on their own thread as they would be on their own machines: every socket sends
// one byte of a never-ending request head every second (each at its own moment) and reconnects
// when the hub drops it.
class Tricklers : public QObject {
public:
    Tricklers(quint16 port, int addresses, int perAddress) : m_port(port), m_sockets(addresses * perAddress)
    {
        for (int i = 0; i < int(m_sockets.size()); ++i)
            m_from.push_back(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i % addresses)));
    }
    void start()
    {
        for (int i = 0; i < int(m_sockets.size()); ++i)
            open(i);
        m_timer = new QTimer(this);
        m_timer->setInterval(kTickMs);
        connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer->start();
    }
    void stop()
    {
        delete m_timer;
        for (auto &s : m_sockets)
            s->abort();
        m_sockets.clear();
    }
    std::atomic<int> reconnects{0};

private:
    static constexpr int kTickMs = 100;
    void open(int i)
    {
        auto s = std::make_unique<QTcpSocket>();
        s->bind(m_from[i]);
        s->connectToHost(QHostAddress::LocalHost, m_port);
        m_sockets[i] = std::move(s);
        m_sent.resize(m_sockets.size());
        m_sent[i] = 0;
    }
    void tick()
    {
        // A tenth of the sockets each tick: every socket once a second.
        static const QByteArray head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        const int n = int(m_sockets.size());
        for (int i = m_next; i < n; i += 1000 / kTickMs) {
            QTcpSocket &s = *m_sockets[i];
            if (s.state() == QAbstractSocket::UnconnectedState) {
                ++reconnects;
                open(i);
            } else if (s.state() == QAbstractSocket::ConnectedState) {
                s.readAll();
                s.write(m_sent[i] < head.size() ? head.mid(m_sent[i], 1) : QByteArray("a"));
                ++m_sent[i];
            }
        }
        m_next = (m_next + 1) % (1000 / kTickMs);
    }
    quint16 m_port;
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
    std::vector<QHostAddress> m_from;
    std::vector<int> m_sent;
    QTimer *m_timer = nullptr;
    int m_next = 0;
};
} // namespace

void TestApiSlowClients::tricklersCannotLockOthersOut()
{
    constexpr int kAddresses = 6; // 127.0.0.2 .. 127.0.0.7
    constexpr int kPerAddress = 210;
    constexpr int kRunMs = 9000;
    QThread attackers;
    auto *pool = new Tricklers(f->port(), kAddresses, kPerAddress);
    pool->moveToThread(&attackers);
    attackers.start();
    QMetaObject::invokeMethod(pool, [pool] { pool->start(); });
    QVERIFY(waitFor([&] { return f->shop().engine().api()->openConnections() >= 1000; }, 5000));

    // The well-behaved client: a new connection for every request, as a browser or a terminal
    // after a network change would make, from its own address.
    QElapsedTimer run;
    run.start();
    int answered = 0;
    qint64 worstMs = 0;
    int peakOpen = 0;
    while (run.elapsed() < kRunMs) {
        QTcpSocket good;
        QElapsedTimer t;
        t.start();
        good.connectToHost(QHostAddress::LocalHost, f->port());
        good.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray got;
        waitFor(
            [&] {
                got += good.readAll();
                return got.contains("\"status\":\"ok\"");
            },
            1000);
        const qint64 ms = t.elapsed();
        worstMs = std::max(worstMs, ms);
        QVERIFY2(got.startsWith("HTTP/1.1 200"), qPrintable(QStringLiteral("after %1 ms of %2 (answer %3 in %4 ms): %5")
                                                                .arg(run.elapsed())
                                                                .arg(kRunMs)
                                                                .arg(answered)
                                                                .arg(ms)
                                                                .arg(QString::fromLatin1(got.left(80)))));
        ++answered;
        peakOpen = std::max(peakOpen, f->shop().engine().api()->openConnections());
        QTest::qWait(100);
    }
    QMetaObject::invokeMethod(
        pool, [pool] { pool->stop(); }, Qt::BlockingQueuedConnection);
    const int reconnects = pool->reconnects;
    QMetaObject::invokeMethod(
        pool, [pool] { delete pool; }, Qt::BlockingQueuedConnection);
    attackers.quit();
    attackers.wait();
    qInfo("%d answers, slowest %lld ms; %d trickling connections, %d reconnects, peak %d open", answered, worstMs, kAddresses * kPerAddress,
          reconnects, peakOpen);
    QVERIFY(worstMs < 1000);
    QVERIFY(answered > 20);
    // The pressure was real: the hub was full, and trickled heads were cut off at their deadline.
    QVERIFY(peakOpen >= 1000);
    const QByteArray metrics = f->call("GET", "/metrics").raw;
    QVERIFY(metrics.contains("reason=\"shed\""));
    QVERIFY(metrics.contains("reason=\"head_timeout\""));
}

void TestApiSlowClients::largeAnswerReachesASlowReader()
{
    // A page of 1,000 jobs with long notes is an answer of more than 8 MiB. The client reads it
    // slowly; it arrives whole, and the hub serves others meanwhile.
    const QString key = f->key(f->shop().scope, QStringLiteral("read_write"));
    QByteArray csv = "external_id,job_number,customer,notes\n";
    const QByteArray notes(9000, 'n');
    for (int i = 0; i < 1000; ++i)
        csv += "BIG-" + QByteArray::number(i) + ",J-BIG-" + QByteArray::number(i) + ",A customer with a long name," + notes + "\n";
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs?source=big&rows=errors", key, csv, {{"Content-Type", "text/csv"}}), 200);
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(waitFor([&] { return s.state() == QAbstractSocket::ConnectedState; }, 3000));
    s.write("GET /api/v1/jobs?job_number=J-BIG-&limit=1000 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() + "\r\n\r\n");
    s.setReadBufferSize(256 * 1024);
    QByteArray got;
    qint64 expected = -1;
    QElapsedTimer t;
    t.start();
    int othersAnswered = 0;
    while (t.elapsed() < 60000 && (expected < 0 || got.size() < expected)) {
        QTest::qWait(50);
        got += s.read(256 * 1024); // about 5 MiB/s
        if (expected < 0)
            expected = ApiFixture::answerLength(got);
        if (got.size() > 1024 * 1024 && othersAnswered == 0) // mid-answer: others are still served
            othersAnswered += f->call("GET", "/health").status == 200;
        QVERIFY2(s.state() == QAbstractSocket::ConnectedState || got.size() >= expected, "the connection was cut off mid-answer");
    }
    QVERIFY2(got.startsWith("HTTP/1.1 200"), got.left(200).constData());
    QVERIFY2(expected > 8 * 1024 * 1024, qPrintable(QString::number(expected)));
    QCOMPARE(qint64(got.size()), expected);
    QCOMPARE(othersAnswered, 1);
    const Json body = Json::parse(got.mid(got.indexOf("\r\n\r\n") + 4).toStdString());
    QCOMPARE(int(body["data"]["jobs"].size()), 1000);
    qInfo("%lld bytes read in %lld ms", expected, t.elapsed());
}

QTEST_GUILESS_MAIN(TestApiSlowClients)
#include "tst_apislowclients.moc"
