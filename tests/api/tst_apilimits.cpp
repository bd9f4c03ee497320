#include "apifixture.h"

#include "core/ids.h"

#include <QNetworkReply>
#include <QTest>

using namespace ery;
using namespace ery::test;

// Per-key rate limits (exact under concurrent clients), plan quotas on every create path, and the
// failed-authentication slow-down and ban.
class TestApiLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { Clock::setOffsetMs(m_offset); }
    void rateLimitIsExactUnderConcurrency();
    void rateLimitIsPerKeyAndRefills();
    void quotasOnEveryCreatePath();
    void failedAuthenticationIsSlowedThenBanned();

private:
    struct Burst {
        int ok = 0, limited = 0, other = 0;
        QByteArray sample429;
        QList<QPair<QByteArray, QByteArray>> sample429Headers;
    };
    // n GETs at once over `clients` separate connection pools.
    Burst burst(const QString &key, int n, int clients);

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
    ApiFixture::waitFor([&] { return std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }); }, 30000);
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
        QVERIFY2(r.status == 402, qPrintable(QStringLiteral("%1: %2 %3").arg(QLatin1String(what)).arg(r.status).arg(QString::fromUtf8(r.raw.left(300)))));
        QCOMPARE(r.code(), QStringLiteral("QUOTA_EXCEEDED"));
        const Json d = r.body["error"]["details"];
        QCOMPARE(str(d, "limitType"), QLatin1String(limitType));
        QVERIFY(d["currentUsage"].is_number() && d["limit"].is_number());
    };
    expect402(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "Q-1"}}), "jobs", "POST /api/v1/jobs");
    expect402(f->call("POST", "/functions/v1/api-jobs", key, Json{{"job_number", "Q-2"}}), "jobs", "POST api-jobs");
    expect402(f->call("PUT", "/api/v1/jobs/sync", key, Json{{"job_number", "Q-3"}, {"external_id", "q3"}, {"external_source", "erp"}}), "jobs",
              "PUT jobs/sync");
    expect402(f->call("PUT", "/functions/v1/api-jobs/sync", key, Json{{"job_number", "Q-4"}, {"external_id", "q4"}, {"external_source", "erp"}}),
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
    expect402(f->call("POST", "/api/v1/parts", key, Json{{"job_id", js(job)}, {"part_number", "QP-1"}, {"material", "S"}, {"quantity", 1}}),
              "parts_per_month", "POST parts");
    expect402(f->call("POST", "/functions/v1/api-parts", key, Json{{"job_id", js(job)}, {"part_number", "QP-2"}, {"material", "S"}}),
              "parts_per_month", "POST api-parts");
    expect402(f->call("PUT", "/api/v1/parts/sync", key,
                      Json{{"job_id", js(job)}, {"part_number", "QP-3"}, {"material", "S"}, {"external_id", "qp3"}, {"external_source", "erp"}}),
              "parts_per_month", "PUT parts/sync");
    auto pbulk = f->call("POST", "/functions/v1/api-parts/bulk-sync", key,
                         Json{{"items", Json::array({{{"job_id", js(job)}, {"part_number", "QP-4"}, {"material", "S"}, {"external_id", "qp4"},
                                                      {"external_source", "erp"}}})}});
    QCOMPARE(str(pbulk.data()["results"]["errors"][0]["error"], "code"), QStringLiteral("QUOTA_EXCEEDED"));
    expect402(f->call("POST", "/api/v1/jobs", key,
                      Json{{"job_number", "QJ-1"}, {"parts", Json::array({{{"part_number", "QJ-1-P"}, {"material", "S"}, {"quantity", 2}}})}}),
              "parts_per_month", "POST jobs with nested parts");
    expect402(f->call("PATCH", "/api/v1/parts/" + f->shop().partId, key, Json{{"quantity", 500}}), "parts_per_month", "PATCH part quantity up");
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
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 200); // and a success clears the record
    for (int i = 0; i < 10; ++i)
        QCOMPARE(f->call("GET", "/api/v1/jobs", bad).status, 401);
    // Keep failing whenever allowed: the waits double, then the address is banned.
    int failures = 10;
    while (failures < 30) {
        auto r = f->call("GET", "/api/v1/jobs", bad);
        if (r.status == 401) {
            ++failures;
        } else {
            QCOMPARE(r.status, 429);
            m_offset += (r.header("Retry-After").toLongLong() + 1) * 1000;
            Clock::setOffsetMs(m_offset);
        }
    }
    auto banned = f->call("GET", "/api/v1/jobs", good);
    QCOMPARE(banned.status, 403);
    QCOMPARE(banned.code(), QStringLiteral("FORBIDDEN"));
    QVERIFY(banned.header("Retry-After").toLongLong() > 800);
    QCOMPARE(f->call("GET", "/health").status, 200); // what needs no key still answers
    m_offset += 16 * 60 * 1000;
    Clock::setOffsetMs(m_offset);
    QCOMPARE(f->call("GET", "/api/v1/jobs", good).status, 200);
}

QTEST_GUILESS_MAIN(TestApiLimits)
#include "tst_apilimits.moc"
