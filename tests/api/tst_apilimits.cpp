#include "apifixture.h"

#include "core/ids.h"
#include "http/failedauthtracker.h"

#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace ery::domain;
using namespace ery::http;
using namespace ery;
using namespace ery::test;

// Per-key rate limits (exact under concurrent clients), plan quotas on every create path, and the
// failed-authentication slow-down and ban (for REST and WebSocket upgrades alike, per address).
class TestApiLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { Clock::setOffsetMs(m_offset); }
    void rateLimitIsExactUnderConcurrency();
    void rateLimitIsPerKeyAndRefills();
    void quotasOnEveryCreatePath();
    void failedAuthenticationIsSlowedThenBanned();
    void failedAuthenticationWindow();
    void validKeysDoNotHideGuessing();

private:
    struct Burst {
        int ok = 0, limited = 0, other = 0;
        QByteArray sample429;
        QList<QPair<QByteArray, QByteArray>> sample429Headers;
    };
    // n GETs at once over `clients` separate connection pools.
    Burst burst(const QString &key, int n, int clients);
    // One request over a raw connection from a chosen loopback address; the whole answer.
    QByteArray rawFrom(const QString &from, const QByteArray &request);
    QByteArray getFrom(const QString &from, const QString &key)
    {
        return rawFrom(from, "GET /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.toLatin1() +
                                 "\r\nConnection: close\r\n\r\n");
    }
    QByteArray upgradeFrom(const QString &from, const QString &key)
    {
        return rawFrom(from, "GET /realtime/v1/websocket?apikey=" + key.toLatin1() +
                                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }
    static QString randomKey()
    {
        QString k = QStringLiteral("ery_live_");
        for (int i = 0; i < 32; ++i)
            k += QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]);
        return k;
    }

    std::unique_ptr<ApiFixture> f;
    qint64 m_offset = 0;
};

void TestApiLimits::initTestCase()
{
    f = ApiFixture::create();
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "free"}}));
}

TestApiLimits::Burst TestApiLimits::burst(const QString &key, int n, int clients)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    for (int i = 0; i < clients; ++i)
        nams.push_back(std::make_unique<QNetworkAccessManager>());
    QList<QNetworkReply *> replies;
    for (int i = 0; i < n; ++i) {
        QNetworkRequest req(QUrl(f->base() + QStringLiteral("/api/v1/cells")));
        req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        replies << nams[size_t(i % clients)]->get(req);
    }
    waitFor([&] { return std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }); }, 30000);
    Burst b;
    for (QNetworkReply *r : replies) {
        const int st = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (st == 200)
            ++b.ok;
        else if (st == 429) {
            ++b.limited;
            b.sample429 = r->readAll();
            b.sample429Headers = r->rawHeaderPairs();
        } else
            ++b.other;
        r->deleteLater();
    }
    return b;
}

QByteArray TestApiLimits::rawFrom(const QString &from, const QByteArray &request)
{
    QTcpSocket s;
    if (!s.bind(QHostAddress(from)))
        return "bind failed: " + s.errorString().toLatin1();
    s.connectToHost(QHostAddress::LocalHost, f->port());
    if (!s.waitForConnected(2000))
        return "connect failed";
    s.write(request);
    QByteArray got;
    waitFor(
        [&] {
            got += s.readAll();
            const qsizetype end = got.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            if (got.startsWith("HTTP/1.1 101"))
                return true;
            const qsizetype cl = got.toLower().indexOf("content-length:");
            return cl >= 0 && got.size() >= end + 4 + got.mid(cl + 15, got.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
        },
        5000);
    return got;
}

void TestApiLimits::rateLimitIsExactUnderConcurrency()
{
    m_offset = 0;
    const QString key = f->key(f->shop().scope);
    const Burst b = burst(key, 100, 8); // free plan: 60 a minute
    QCOMPARE(b.other, 0);
    QCOMPARE(b.ok, 60);
    QCOMPARE(b.limited, 40);
    const Json body = Json::parse(b.sample429.toStdString());
    QCOMPARE(body["success"].get<bool>(), false);
    QCOMPARE(str(body["error"], "code"), QStringLiteral("RATE_LIMIT_EXCEEDED"));
    QCOMPARE(body["error"]["statusCode"].get<int>(), 429);
    QVERIFY(str(body["error"], "message").contains("free plan allows 60 requests per minute"));
    QCOMPARE(body["error"]["rateLimitInfo"]["remaining"].get<int>(), 0);
    QVERIFY(body["error"]["rateLimitInfo"]["retryAfter"].get<int>() >= 1);
    QVERIFY(!str(body["error"]["rateLimitInfo"], "resetAt").isEmpty());
    auto header = [&](const QByteArray &n) {
        for (const auto &h : b.sample429Headers)
            if (h.first.compare(n, Qt::CaseInsensitive) == 0)
                return h.second;
        return QByteArray();
    };
    QCOMPARE(header("Retry-After"), QByteArray("1"));
    QCOMPARE(header("X-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(header("X-RateLimit-Limit"), QByteArray("60"));
    QCOMPARE(header("RateLimit-Policy"), QByteArray("\"default\";q=60;w=60"));
}

void TestApiLimits::rateLimitIsPerKeyAndRefills()
{
    const QString a = f->key(f->shop().scope), b = f->key(f->shop().scope);
    auto first = f->call("GET", "/api/v1/jobs", a);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.header("X-RateLimit-Remaining"), QByteArray("59"));
    QCOMPARE(first.header("RateLimit"), QByteArray("\"default\";r=59;t=1"));
    QCOMPARE(burst(a, 70, 4).ok, 59);
    QCOMPARE(burst(b, 61, 4).ok, 60); // another key has its own minute
    // One request per second comes back; the whole minute after a minute.
    m_offset = 1000;
    Clock::setOffsetMs(m_offset);
    QCOMPARE(burst(a, 3, 1).ok, 1);
    m_offset = 61000;
    Clock::setOffsetMs(m_offset);
    QCOMPARE(burst(a, 70, 4).ok, 60);
    // The tenant's own limit wins over the plan.
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"rate_limit_per_minute", 5}}));
    const QString c = f->key(f->shop().scope);
    QCOMPARE(burst(c, 10, 2).ok, 5);
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"rate_limit_per_minute", nullptr}, {"plan", "enterprise"}}));
    const Burst unlimited = burst(c, 200, 4);
    QCOMPARE(unlimited.ok, 200);
    QVERIFY(f->call("GET", "/api/v1/jobs", c).header("X-RateLimit-Limit").isEmpty()); // unlimited: no quota to announce
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "free"}}));
}

void TestApiLimits::quotasOnEveryCreatePath()
{
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "enterprise"}}));
    const QString key = f->key(f->shop().scope);
    auto open = f->s().jobs.list(f->shop().scope, ListQuery{});
    const qint64 jobs = open->total;
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"max_jobs", jobs}}));
    auto expect402 = [&](const ApiFixture::Reply &r, const char *limitType, const char *what) {
        QVERIFY2(r.status == 402,
                 qPrintable(QStringLiteral("%1: %2 %3").arg(QLatin1String(what)).arg(r.status).arg(QString::fromUtf8(r.raw.left(300)))));
        QCOMPARE(r.code(), QStringLiteral("QUOTA_EXCEEDED"));
        const Json d = r.body["error"]["details"];
        QCOMPARE(str(d, "limitType"), QLatin1String(limitType));
        QVERIFY(d["currentUsage"].is_number() && d["limit"].is_number());
    };
    expect402(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "Q-1"}}), "jobs", "POST /api/v1/jobs");
    expect402(f->call("POST", "/functions/v1/api-jobs", key, Json{{"job_number", "Q-2"}}), "jobs", "POST api-jobs");
    expect402(f->call("PUT", "/api/v1/jobs/sync", key, Json{{"job_number", "Q-3"}, {"external_id", "q3"}, {"external_source", "erp"}}),
              "jobs", "PUT jobs/sync");
    expect402(
        f->call("PUT", "/functions/v1/api-jobs/sync", key, Json{{"job_number", "Q-4"}, {"external_id", "q4"}, {"external_source", "erp"}}),
        "jobs", "PUT api-jobs/sync");
    auto bulk = f->call("POST", "/api/v1/jobs/bulk-sync", key,
                        Json{{"items", Json::array({{{"job_number", "Q-5"}, {"external_id", "q5"}, {"external_source", "erp"}}})}});
    QCOMPARE(bulk.status, 200);
    QCOMPARE(str(bulk.data()["results"]["errors"][0]["error"], "code"), QStringLiteral("QUOTA_EXCEEDED"));
    QCOMPARE(bulk.data()["results"]["errors"][0]["error"]["statusCode"].get<int>(), 402);
    QCOMPARE(f->s().jobs.list(f->shop().scope, ListQuery{})->total, jobs);

    // Parts: the month's quantity.
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"max_jobs", nullptr}, {"max_parts_per_month", 5}}));
    const QString job = f->shop().jobId;
    expect402(
        f->call("POST", "/api/v1/parts", key, Json{{"job_id", toStd(job)}, {"part_number", "QP-1"}, {"material", "S"}, {"quantity", 1}}),
        "parts_per_month", "POST parts");
    expect402(f->call("POST", "/functions/v1/api-parts", key, Json{{"job_id", toStd(job)}, {"part_number", "QP-2"}, {"material", "S"}}),
              "parts_per_month", "POST api-parts");
    expect402(
        f->call(
            "PUT", "/api/v1/parts/sync", key,
            Json{{"job_id", toStd(job)}, {"part_number", "QP-3"}, {"material", "S"}, {"external_id", "qp3"}, {"external_source", "erp"}}),
        "parts_per_month", "PUT parts/sync");
    auto pbulk = f->call("POST", "/functions/v1/api-parts/bulk-sync", key,
                         Json{{"items", Json::array({{{"job_id", toStd(job)},
                                                      {"part_number", "QP-4"},
                                                      {"material", "S"},
                                                      {"external_id", "qp4"},
                                                      {"external_source", "erp"}}})}});
    QCOMPARE(str(pbulk.data()["results"]["errors"][0]["error"], "code"), QStringLiteral("QUOTA_EXCEEDED"));
    expect402(
        f->call("POST", "/api/v1/jobs", key,
                Json{{"job_number", "QJ-1"}, {"parts", Json::array({{{"part_number", "QJ-1-P"}, {"material", "S"}, {"quantity", 2}}})}}),
        "parts_per_month", "POST jobs with nested parts");
    expect402(f->call("PATCH", "/api/v1/parts/" + f->shop().partId, key, Json{{"quantity", 500}}), "parts_per_month",
              "PATCH part quantity up");
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"max_parts_per_month", nullptr}, {"plan", "free"}}));
}

void TestApiLimits::failedAuthenticationIsSlowedThenBanned()
{
    m_offset = 10 * 60 * 1000;
    Clock::setOffsetMs(m_offset);
    const QString good = f->key(f->shop().scope);
    const QString bad = QStringLiteral("ery_live_00000000000000000000000000000000");
    for (int i = 0; i < 10; ++i)
        QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401);
    QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401); // the 11th failure starts the slow-down
    auto slowed = f->call("GET", "/api/v1/jobs", good);
    QCOMPARE(slowed.status, 429); // even a good key waits: the address is what is slowed
    QCOMPARE(slowed.header("Retry-After"), QByteArray("1"));
    m_offset += 1500;
    Clock::setOffsetMs(m_offset);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 200);
    // A success does not clear the count: the next failure waits twice as long.
    QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).header("Retry-After"), QByteArray("2"));
    // Keep failing whenever allowed: the waits double up to a minute, then the address is banned.
    int failures = 12;
    QList<qint64> waits;
    while (failures < 30) {
        auto r = f->call("GET", "/api/v1/jobs", bad);
        if (r.status == 401) {
            ++failures;
        } else {
            QCOMPARE(r.status, 429);
            waits << r.header("Retry-After").toLongLong();
            m_offset += (waits.back() + 1) * 1000;
            Clock::setOffsetMs(m_offset);
        }
    }
    QCOMPARE(waits.mid(0, 6), (QList<qint64>{2, 4, 8, 16, 32, 64}));
    QCOMPARE(waits.back(), qint64(64));
    auto banned = f->call("GET", "/api/v1/jobs", good);
    QCOMPARE(banned.status, 403);
    QCOMPARE(banned.code(), QStringLiteral("FORBIDDEN"));
    QVERIFY(banned.header("Retry-After").toLongLong() > 800);
    QCOMPARE(f->call("GET", "/health").status, 200); // what needs no key still answers
    m_offset += 16 * 60 * 1000;
    Clock::setOffsetMs(m_offset);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 200);
    // The failures are still within the hour: one more bans again. An hour later they are forgotten.
    QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 403);
    m_offset += 61 * 60 * 1000;
    Clock::setOffsetMs(m_offset);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 200);
}

void TestApiLimits::failedAuthenticationWindow()
{
    // The tracker itself, on an injected clock: the failures of the last hour count.
    using http::FailedAuthTracker;
    FailedAuthTracker t;
    const QString a = QStringLiteral("10.0.0.1"), b = QStringLiteral("10.0.0.2");
    const qint64 t0 = 1'000'000'000;
    for (int i = 0; i < 10; ++i) {
        t.failed(a, t0);
        QCOMPARE(t.check(a, t0).kind, FailedAuthTracker::Verdict::Allow);
    }
    t.failed(a, t0);
    QCOMPARE(t.check(a, t0).kind, FailedAuthTracker::Verdict::Wait);
    QCOMPARE(t.check(a, t0).retryAfterSeconds, qint64(1));
    QCOMPARE(t.check(b, t0).kind, FailedAuthTracker::Verdict::Allow); // per address
    // 40 minutes later the 11 still count: the next failure waits 2 s.
    const qint64 t1 = t0 + 40 * 60 * 1000;
    QCOMPARE(t.failures(a, t1), 11);
    QCOMPARE(t.check(a, t1).kind, FailedAuthTracker::Verdict::Allow);
    t.failed(a, t1);
    QCOMPARE(t.check(a, t1).retryAfterSeconds, qint64(2));
    // An hour after the first ones only the last one counts; it costs nothing.
    const qint64 t2 = t0 + 60 * 60 * 1000;
    QCOMPARE(t.failures(a, t2), 1);
    t.failed(a, t2);
    QCOMPARE(t.check(a, t2).kind, FailedAuthTracker::Verdict::Allow);
    QCOMPARE(t.failures(a, t2), 2);
    // 30 within the window ban for 15 minutes, however they were spread.
    for (int i = 0; i < 28; ++i)
        t.failed(a, t2 + i * 60 * 1000);
    const qint64 t3 = t2 + 27 * 60 * 1000;
    QCOMPARE(t.check(a, t3).kind, FailedAuthTracker::Verdict::Banned);
    QCOMPARE(t.check(a, t3).retryAfterSeconds, FailedAuthTracker::kBanSeconds);
    QCOMPARE(t.check(a, t3 + FailedAuthTracker::kBanSeconds * 1000).kind, FailedAuthTracker::Verdict::Allow);
    // Long forgotten addresses are pruned.
    t.failed(b, t3);
    const qint64 later = t3 + 3 * 60 * 60 * 1000;
    t.failed(QStringLiteral("10.0.0.3"), later);
    QCOMPARE(t.size(), 1);
}

void TestApiLimits::validKeysDoNotHideGuessing()
{
    // 20 rounds of 9 random keys and 1 valid key from one address: the valid key does not reset
    // the count, so the address reaches the slow-down (it never did while a success cleared it).
    m_offset += 3 * 60 * 60 * 1000; // whatever earlier tests left is out of the window
    Clock::setOffsetMs(m_offset);
    const QString good = f->key(f->shop().scope);
    ApiFixture::Reply slowed;
    int rounds = 0;
    for (; rounds < 20 && slowed.status == 0; ++rounds) {
        for (int i = 0; i < 9 && slowed.status == 0; ++i) {
            auto r = f->call("GET", "/api/v1/jobs", randomKey());
            if (r.status == 429)
                slowed = r;
            else
                QCOMPARE(r.status, 401);
        }
        if (slowed.status)
            break;
        auto r = f->call("GET", "/api/v1/jobs", good);
        if (r.status == 429)
            slowed = r;
        else
            QCOMPARE(r.status, 200);
    }
    QCOMPARE(slowed.status, 429);
    QCOMPARE(slowed.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
    QVERIFY(slowed.header("Retry-After").toLongLong() >= 1);
    QVERIFY(rounds < 2);
    // A few more failures, each when allowed, so the wait outlasts the checks below on a slow machine.
    for (qint64 wait = slowed.header("Retry-After").toLongLong(); wait < 16;) {
        m_offset += (wait + 1) * 1000;
        Clock::setOffsetMs(m_offset);
        QCOMPARE(f->call("GET", "/api/v1/jobs", randomKey()).status, 401);
        const qint64 next = f->call("GET", "/api/v1/jobs", good).header("Retry-After").toLongLong();
        QCOMPARE(next, 2 * wait);
        wait = next;
    }
    // The valid key waits too, over REST and for a WebSocket upgrade alike (429, not 403)...
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 429);
    const QByteArray upgrade = upgradeFrom(QStringLiteral("127.0.0.1"), good);
    QVERIFY2(upgrade.startsWith("HTTP/1.1 429"), upgrade.constData());
    QVERIFY(upgrade.contains("Retry-After: "));
    QVERIFY(upgrade.contains("RATE_LIMIT_EXCEEDED"));
    // ...while a client from another address is not affected.
    const QByteArray elsewhere = getFrom(QStringLiteral("127.0.0.2"), good);
    QVERIFY2(elsewhere.startsWith("HTTP/1.1 200"), elsewhere.left(300).constData());
    QVERIFY(upgradeFrom(QStringLiteral("127.0.0.2"), good).startsWith("HTTP/1.1 101"));

    // Guessing on whenever allowed ends in the ban: 403 for REST and WebSocket upgrades.
    for (int i = 0; i < 200; ++i) {
        auto r = f->call("GET", "/api/v1/jobs", randomKey());
        if (r.status == 403)
            break;
        if (r.status == 429) {
            m_offset += (r.header("Retry-After").toLongLong() + 1) * 1000;
            Clock::setOffsetMs(m_offset);
        }
    }
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 403);
    const QByteArray bannedUpgrade = upgradeFrom(QStringLiteral("127.0.0.1"), good);
    QVERIFY2(bannedUpgrade.startsWith("HTTP/1.1 403"), bannedUpgrade.constData());
    QVERIFY(bannedUpgrade.contains("Retry-After: "));
    QVERIFY(getFrom(QStringLiteral("127.0.0.2"), good).startsWith("HTTP/1.1 200"));
}

QTEST_GUILESS_MAIN(TestApiLimits)
#include "tst_apilimits.moc"
