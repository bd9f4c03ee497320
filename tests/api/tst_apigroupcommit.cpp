#include "apifixture.h"

#include <QTcpSocket>
#include <QTest>

using namespace ery::storage;
using namespace ery;
using namespace ery::test;

// Requests that arrive together share one commit (Database::setGrouping): each is still its own
// unit — a refused one changes nothing and emits nothing, the others are stored — and every answer
// reflects what was committed, in request order per connection.
class TestApiGroupCommit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pipelinedWritesAreSeparateUnits();
    void concurrentConnectionsRaceForOneNumber();
    void readAfterWriteInOneBatch();

private:
    struct Answer {
        int status = 0;
        Json body;
    };
    std::unique_ptr<QTcpSocket> connectRaw();
    static QByteArray post(const QString &path, const QString &key, const QByteArray &body);
    static QByteArray get(const QString &path, const QString &key);
    // Reads n answers (Content-Length framed) from the socket.
    static std::vector<Answer> answers(QTcpSocket &s, int n, QByteArray &buffer);
    qint64 committedJobs(const QString &prefix);
    qint64 createdEvents(const QString &prefix);

    std::unique_ptr<ApiFixture> f;
    QString m_key;
};

void TestApiGroupCommit::initTestCase()
{
    f = ApiFixture::create();
    m_key = f->key(f->shop().scope);
}

std::unique_ptr<QTcpSocket> TestApiGroupCommit::connectRaw()
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress::LocalHost, f->port());
    waitFor([&] { return s->state() == QAbstractSocket::ConnectedState; }, 5000);
    return s;
}

QByteArray TestApiGroupCommit::post(const QString &path, const QString &key, const QByteArray &body)
{
    return "POST " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray TestApiGroupCommit::get(const QString &path, const QString &key)
{
    return "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() + "\r\n\r\n";
}

std::vector<TestApiGroupCommit::Answer> TestApiGroupCommit::answers(QTcpSocket &s, int n, QByteArray &buffer)
{
    std::vector<Answer> out;
    waitFor(
        [&] {
            buffer += s.readAll();
            for (;;) {
                const int headEnd = int(buffer.indexOf("\r\n\r\n"));
                if (headEnd < 0)
                    break;
                const QByteArray head = buffer.left(headEnd);
                const int cl = int(head.toLower().indexOf("content-length: "));
                const int len = cl < 0 ? 0 : head.mid(cl + 16, head.indexOf("\r\n", cl) - cl - 16).toInt();
                if (buffer.size() < headEnd + 4 + len)
                    break;
                Answer a;
                a.status = head.mid(9, 3).toInt();
                a.body = Json::parse(buffer.mid(headEnd + 4, len).toStdString(), nullptr, false);
                out.push_back(std::move(a));
                buffer.remove(0, headEnd + 4 + len);
            }
            return int(out.size()) >= n;
        },
        10000);
    return out;
}

qint64 TestApiGroupCommit::committedJobs(const QString &prefix)
{
    // A second connection: only committed rows.
    auto other = Database::open(f->shop().url());
    auto n = (*other)->scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_number LIKE ?"), {prefix + QLatin1Char('%')});
    return n ? *n : -1;
}

qint64 TestApiGroupCommit::createdEvents(const QString &prefix)
{
    auto other = Database::open(f->shop().url());
    auto rows = (*other)->query(QStringLiteral("SELECT payload FROM outbox WHERE kind = 'event' AND topic = 'job.created'"));
    qint64 n = 0;
    for (const auto &r : *rows)
        n += str(r["payload"]["data"], "job_number").startsWith(prefix) ? 1 : 0;
    return n;
}

void TestApiGroupCommit::pipelinedWritesAreSeparateUnits()
{
    // 30 requests in one write: valid creates, duplicates of earlier ones in the same batch, a
    // malformed body and a body with a wrong type. The batch is one commit; the answers are not.
    QByteArray batch;
    std::vector<int> expected;
    for (int i = 0; i < 30; ++i) {
        if (i == 7) {
            batch += post("/api/v1/jobs", m_key, "{\"job_number\": ");
            expected.push_back(400);
        } else if (i == 11) {
            batch += post("/api/v1/jobs", m_key, R"({"job_number": 42})");
            expected.push_back(422);
        } else if (i % 5 == 4) {
            batch += post("/api/v1/jobs", m_key, QByteArray(R"({"job_number": "PIPE-)") + QByteArray::number(i - 1) + "\"}");
            expected.push_back(409);
        } else {
            batch += post("/api/v1/jobs", m_key, QByteArray(R"({"job_number": "PIPE-)") + QByteArray::number(i) + "\"}");
            expected.push_back(201);
        }
    }
    auto s = connectRaw();
    s->write(batch);
    QByteArray buffer;
    const auto got = answers(*s, 30, buffer);
    QCOMPARE(int(got.size()), 30);
    int created = 0;
    for (int i = 0; i < 30; ++i) {
        QVERIFY2(got[size_t(i)].status == expected[size_t(i)],
                 qPrintable(QStringLiteral("request %1: %2, expected %3").arg(i).arg(got[size_t(i)].status).arg(expected[size_t(i)])));
        if (got[size_t(i)].status == 201) {
            ++created;
            QCOMPARE(str(got[size_t(i)].body["data"]["job"], "job_number"), QStringLiteral("PIPE-%1").arg(i));
        }
    }
    // The answers came after the commit: a fresh connection sees every created job and its event.
    QCOMPARE(committedJobs("PIPE-"), qint64(created));
    QCOMPARE(createdEvents("PIPE-"), qint64(created));
}

void TestApiGroupCommit::concurrentConnectionsRaceForOneNumber()
{
    // Eight connections each send ten creates of their own and one of a number they all want.
    std::vector<std::unique_ptr<QTcpSocket>> socks;
    for (int c = 0; c < 8; ++c)
        socks.push_back(connectRaw());
    for (int c = 0; c < 8; ++c) {
        QByteArray batch;
        for (int i = 0; i < 10; ++i)
            batch += post("/api/v1/jobs", m_key, QByteArray(R"({"job_number": "RACE-)") + QByteArray::number(c * 100 + i) + "\"}");
        batch += post("/api/v1/jobs", m_key, R"({"job_number": "RACE-SHARED"})");
        socks[size_t(c)]->write(batch);
    }
    int shared201 = 0, shared409 = 0, own201 = 0;
    for (auto &s : socks) {
        QByteArray buffer;
        const auto got = answers(*s, 11, buffer);
        QCOMPARE(int(got.size()), 11);
        for (int i = 0; i < 10; ++i)
            own201 += got[size_t(i)].status == 201 ? 1 : 0;
        shared201 += got[10].status == 201 ? 1 : 0;
        shared409 += got[10].status == 409 ? 1 : 0;
    }
    QCOMPARE(own201, 80);
    QCOMPARE(shared201, 1);
    QCOMPARE(shared409, 7);
    QCOMPARE(committedJobs("RACE-"), qint64(81));
    QCOMPARE(createdEvents("RACE-"), qint64(81));
}

void TestApiGroupCommit::readAfterWriteInOneBatch()
{
    // A read pipelined behind a write on the same connection sees the write, and is answered only
    // once that write is committed.
    auto s = connectRaw();
    s->write(post("/api/v1/jobs", m_key, R"({"job_number": "RAW-1", "customer": "Read After Write"})") +
             get("/api/v1/jobs?search=Read%20After%20Write", m_key));
    QByteArray buffer;
    const auto got = answers(*s, 2, buffer);
    QCOMPARE(int(got.size()), 2);
    QCOMPARE(got[0].status, 201);
    QCOMPARE(got[1].status, 200);
    QCOMPARE(got[1].body["data"]["jobs"].size(), size_t(1));
    QCOMPARE(str(got[1].body["data"]["jobs"][0], "job_number"), QStringLiteral("RAW-1"));
    QCOMPARE(committedJobs("RAW-"), qint64(1));
}

QTEST_GUILESS_MAIN(TestApiGroupCommit)
#include "tst_apigroupcommit.moc"
