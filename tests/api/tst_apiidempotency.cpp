#include "apiroutetest.h"

#include "core/ids.h"

#include <QTcpSocket>
#include <QTest>

using namespace ery;
using namespace ery::test;

// Idempotent retries over real HTTP (docs/api.md "Idempotent retries"): a POST retried with its
// Idempotency-Key is answered from the first result and never applied twice — a created job, an
// operation's start, a refusal alike; the same key with another request, a malformed key, another
// tenant's key; answers that say nothing about the work (403) are not kept; a retry pipelined in the
// same commit group; a key is forgotten after a day.
class TestApiIdempotency : public ApiRouteTest {
    Q_OBJECT
private slots:
    void aRetriedCreateIsAnsweredFromTheFirst();
    void aRetriedStartIsNotDoneTwice();
    void aRefusalIsAnsweredTheSameAgain();
    void theSameKeyForAnotherRequestIsRefused();
    void malformedKeysAreRefused();
    void keysAreTheTenantsOwn();
    void aForbiddenAnswerIsNotKept();
    void aRetryInTheSameCommitGroupIsAnsweredFromTheFirst();
    void aKeyIsForgottenAfterADay();
    void otherMethodsIgnoreTheHeader();

private:
    qint64 jobsNumbered(const QString &number)
    {
        auto n = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_number = ?"), {number});
        return n ? *n : -1;
    }
    static QList<QPair<QByteArray, QByteArray>> idem(const QByteArray &key) { return {{"Idempotency-Key", key}}; }
};

void TestApiIdempotency::aRetriedCreateIsAnsweredFromTheFirst()
{
    const Json body{{"job_number", "IDEM-1"}, {"customer", "Retry BV"}, {"parts", Json::array({{{"part_number", "P1"}, {"material", "S235"}}})}};
    const qint64 events = f->shop().eventCount(QStringLiteral("job.created"));
    auto first = f->call("POST", "/api/v1/jobs", key, body, idem("4b0e6c1e-0001"));
    EXPECT_STATUS(first, 201);
    QVERIFY(first.header("idempotent-replayed").isEmpty());
    auto again = f->call("POST", "/api/v1/jobs", key, body, idem("4b0e6c1e-0001"));
    EXPECT_STATUS(again, 201);
    QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(again.raw, first.raw); // the same job, the same id
    QVERIFY(!again.header("x-request-id").isEmpty());
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-1")), qint64(1));
    QCOMPARE(f->shop().eventCount(QStringLiteral("job.created")), events + 1);
}

void TestApiIdempotency::aRetriedStartIsNotDoneTwice()
{
    const Row job = f->shop().makeJob(f->shop().scope, QStringLiteral("IDEM-START"), 2);
    auto tree = f->s().jobs.tree(f->shop().scope, str(job, "id"));
    QVERIFY(tree);
    const QString op = str((*tree)["parts"][0]["operations"][0], "id");
    const QString path = QStringLiteral("/api/v1/operations/%1/start?operator_id=%2").arg(op, f->shop().op1);
    auto first = f->call("POST", path, key, nullptr, idem("start-1"));
    EXPECT_STATUS(first, 200);
    auto again = f->call("POST", path, key, nullptr, idem("start-1"));
    EXPECT_STATUS(again, 200);
    QCOMPARE(again.raw, first.raw);
    auto entries = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE operation_id = ?"), {op});
    QCOMPARE(*entries, qint64(1));
    // Without the key the same start is a second, refused, request.
    auto second = f->call("POST", path, key, nullptr, idem("start-2"));
    EXPECT_STATUS(second, 400);
    QCOMPARE(second.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
}

void TestApiIdempotency::aRefusalIsAnsweredTheSameAgain()
{
    const Json bad{{"job_number", ""}};
    auto first = f->call("POST", "/api/v1/jobs", key, bad, idem("refused-1"));
    EXPECT_STATUS(first, 422);
    auto again = f->call("POST", "/api/v1/jobs", key, bad, idem("refused-1"));
    EXPECT_STATUS(again, 422);
    QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    QVERIFY(again.body["error"]["code"] == first.body["error"]["code"]);
}

void TestApiIdempotency::theSameKeyForAnotherRequestIsRefused()
{
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "IDEM-A"}}, idem("reused-1")), 201);
    auto other = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "IDEM-B"}}, idem("reused-1"));
    EXPECT_STATUS(other, 409);
    QVERIFY(str(other.body["error"], "message").contains(QStringLiteral("another request")));
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-B")), qint64(0));
    // Another path with the same key: refused as well.
    EXPECT_STATUS(f->call("POST", "/api/v1/cells", key, Json{{"name", "IDEM-A"}}, idem("reused-1")), 409);
}

void TestApiIdempotency::malformedKeysAreRefused()
{
    const Json body{{"job_number", "IDEM-BAD"}};
    for (const QByteArray &k : {QByteArray(256, 'k'), QByteArray("caf\xc3\xa9"), QByteArray("two words"), QByteArray(" ")}) {
        auto r = f->call("POST", "/api/v1/jobs", key, body, idem(k));
        EXPECT_STATUS(r, 400);
        QVERIFY(str(r.body["error"], "message").contains(QStringLiteral("Idempotency-Key")));
    }
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-BAD")), qint64(0));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, body, idem(QByteArray(255, 'k'))), 201);
}

void TestApiIdempotency::keysAreTheTenantsOwn()
{
    const Json body{{"job_number", "IDEM-T"}};
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, body, idem("shared-key")), 201);
    // Another shop, and this shop's sandbox, using the same key get answers of their own.
    auto other = f->s().tenants.create(Json{{"name", "Other Idempotency Shop"}});
    QVERIFY(other);
    const QString keyB = f->key(domain::Scope::of(str(other->live, "id")));
    auto b = f->call("POST", "/api/v1/jobs", keyB, body, idem("shared-key"));
    EXPECT_STATUS(b, 201);
    QVERIFY(b.header("idempotent-replayed").isEmpty());
    const QString testKey = f->key(f->shop().scope, QStringLiteral("read_write"), true);
    auto sandbox = f->call("POST", "/api/v1/jobs", testKey, body, idem("shared-key"));
    EXPECT_STATUS(sandbox, 201);
    QVERIFY(sandbox.header("idempotent-replayed").isEmpty());
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-T")), qint64(3));
}

void TestApiIdempotency::aForbiddenAnswerIsNotKept()
{
    const Json body{{"job_number", "IDEM-403"}};
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", reader, body, idem("forbidden-1")), 403);
    // The retry with a key that may write does the work.
    auto r = f->call("POST", "/api/v1/jobs", key, body, idem("forbidden-1"));
    EXPECT_STATUS(r, 201);
    QVERIFY(r.header("idempotent-replayed").isEmpty());
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-403")), qint64(1));
}

void TestApiIdempotency::aRetryInTheSameCommitGroupIsAnsweredFromTheFirst()
{
    // Two copies sent back to back on one connection are handled in the same turn, before either is
    // committed: the second still finds the first's answer.
    const QByteArray json = R"({"job_number":"IDEM-PIPE"})";
    const QByteArray request = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
                               "\r\nIdempotency-Key: pipe-1\r\nContent-Type: application/json\r\nContent-Length: " +
                               QByteArray::number(json.size()) + "\r\n\r\n" + json;
    QTcpSocket sock;
    sock.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(sock.waitForConnected(5000));
    sock.write(request + request);
    QByteArray answers;
    QVERIFY(waitFor(
        [&] {
            answers += sock.readAll();
            const qint64 first = ApiFixture::answerLength(answers);
            return first > 0 && answers.size() > first && ApiFixture::answerLength(answers.mid(first)) > 0 &&
                   answers.size() >= first + ApiFixture::answerLength(answers.mid(first));
        },
        10000));
    QVERIFY2(answers.startsWith("HTTP/1.1 201"), answers.left(200).constData());
    const QByteArray second = answers.mid(ApiFixture::answerLength(answers));
    QVERIFY2(second.startsWith("HTTP/1.1 201"), second.left(200).constData());
    QVERIFY(second.toLower().contains("idempotent-replayed: true"));
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-PIPE")), qint64(1));
}

void TestApiIdempotency::aKeyIsForgottenAfterADay()
{
    // A key of its own: moving the clock a day on also moves its rate-limit window.
    const QString dayKey = f->key(f->shop().scope);
    const Json body{{"job_number", "IDEM-DAY"}};
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", dayKey, body, idem("day-1")), 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", dayKey, body, idem("day-1")), 201);
    QCOMPARE(jobsNumbered(QStringLiteral("IDEM-DAY")), qint64(1));
    Clock::setOffsetMs(qint64(25) * 60 * 60 * 1000);
    // A day later the key is free again: the same request is new work (here refused: the number is taken).
    auto later = f->call("POST", "/api/v1/jobs", dayKey, body, idem("day-1"));
    Clock::setOffsetMs(0);
    EXPECT_STATUS(later, 409);
    QVERIFY(later.header("idempotent-replayed").isEmpty());
}

void TestApiIdempotency::otherMethodsIgnoreTheHeader()
{
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?limit=1", key, nullptr, idem(QByteArray(300, 'x'))), 200);
    auto created = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "IDEM-PATCH"}});
    EXPECT_STATUS(created, 201);
    const QString id = str(created.data()["job"], "id");
    EXPECT_STATUS(f->call("PATCH", QStringLiteral("/api/v1/jobs/%1").arg(id), key, Json{{"notes", "one"}}, idem("patch-1")), 200);
    auto second = f->call("PATCH", QStringLiteral("/api/v1/jobs/%1").arg(id), key, Json{{"notes", "two"}}, idem("patch-1"));
    EXPECT_STATUS(second, 200);
    QVERIFY(second.header("idempotent-replayed").isEmpty());
}

QTEST_GUILESS_MAIN(TestApiIdempotency)
#include "tst_apiidempotency.moc"
