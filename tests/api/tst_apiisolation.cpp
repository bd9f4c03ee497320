#include "apifixture.h"

#include "http/apiserver.h"

#include <QTest>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// Tenant A's key against every id of tenant B on every route of both tables: 404, never data, and
// B unchanged. The same between a tenant's live data and its sandbox (live key vs test key).
class TestApiIsolation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void foreignIdsAreNotFoundEverywhere();
    void listsNeverShowForeignRows();
    void liveAndSandboxAreSeparate();

private:
    // Every route taking an id, called with each of `ids`; returns the failures.
    QStringList probe(const QString &key, const QStringList &ids, const QByteArray &marker);
    QStringList seed(const Scope &scope, const QString &marker);

    std::unique_ptr<ApiFixture> f;
    Scope m_b;
    QStringList m_bIds, m_sandboxIds;
    QString m_bJob;
};

QStringList TestApiIsolation::seed(const Scope &scope, const QString &marker)
{
    Services &s = f->s();
    QStringList ids;
    auto must = [&](const Result<Row> &r) {
        if (!r)
            qFatal("seed: %s", qPrintable(r.error().message));
        ids << str(*r, "id");
        return str(*r, "id");
    };
    const QString worker = must(s.users.createOperator(scope, Json{{"full_name", toStd(marker + " worker")}, {"pin", "1357"}}));
    const QString cell = must(s.catalog.create(CatalogService::Cells, scope, Json{{"name", toStd(marker + " Laser")}}));
    must(s.catalog.create(CatalogService::Resources, scope, Json{{"name", toStd(marker + " Press")}}));
    must(s.catalog.create(CatalogService::Materials, scope, Json{{"name", toStd(marker + " Steel")}}));
    const QString reason =
        must(s.catalog.create(CatalogService::ScrapReasons, scope, Json{{"code", toStd(marker)}, {"description", toStd(marker)}}));
    const QString tpl = must(s.catalog.create(CatalogService::SubstepTemplates, scope, Json{{"name", toStd(marker + " checklist")}}));
    Q_UNUSED(tpl);
    auto job = s.jobs.create(
        scope,
        Json{{"job_number", toStd(marker + "-JOB")},
             {"notes", toStd(marker)},
             {"parts",
              Json::array({{{"part_number", toStd(marker + "-P")},
                            {"material", toStd(marker)},
                            {"operations", Json::array({{{"operation_name", toStd(marker + " cut")}, {"cell_id", toStd(cell)}}})}}})}});
    must(job);
    auto tree = s.jobs.tree(scope, str(*job, "id"));
    const QString part = str((*tree)["parts"][0], "id");
    const QString op = str((*tree)["parts"][0]["operations"][0], "id");
    ids << part << op;
    must(s.time.start(scope, worker, op));
    must(s.substeps.add(scope, Json{{"operation_id", toStd(op)}, {"name", toStd(marker)}}));
    must(s.assignments.assign(scope, Json{{"part_id", toStd(part)}, {"operator_id", toStd(worker)}}));
    must(s.issues.create(
        scope, Json{{"operation_id", toStd(op)}, {"created_by", toStd(worker)}, {"severity", "low"}, {"description", toStd(marker)}}));
    must(s.production.report(
        scope, Json{{"operation_id", toStd(op)}, {"quantity_good", 1}, {"quantity_scrap", 1}, {"scrap_reason_id", toStd(reason)}}));
    return ids;
}

void TestApiIsolation::initTestCase()
{
    f = ApiFixture::create();
    // Thousands of probes: the per-minute limit is not what this test is about.
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "enterprise"}}));
    auto pair = f->s().tenants.create(Json{{"name", "Tenant B"}, {"plan", "enterprise"}});
    QVERIFY(pair);
    m_b = Scope::of(str(pair->live, "id"));
    m_bIds = seed(m_b, QStringLiteral("SECRETB"));
    auto bKey = f->s().apiKeys.create(m_b, Json{{"name", "b key"}});
    QVERIFY(bKey);
    m_bIds << str(bKey->key, "id");
    m_bJob = m_bIds.at(6);
    m_sandboxIds = seed(f->shop().sandbox, QStringLiteral("SANDBOXONLY"));
}

QStringList TestApiIsolation::probe(const QString &key, const QStringList &ids, const QByteArray &marker)
{
    static const QStringList actions{"start", "stop", "pause", "resume", "complete", "approve", "reject", "close", "verify", "items"};
    QStringList failures;
    int calls = 0;
    for (const auto &r : f->shop().engine().api()->router().routes()) {
        QString path = r.pattern;
        bool takesId = path.contains(QLatin1String("{id}"));
        if (!r.canonical) {
            const QString last = path.section(QLatin1Char('/'), -1);
            const bool readOrWrite = r.method == http::Method::Get || r.method == http::Method::Patch || r.method == http::Method::Put ||
                                     r.method == http::Method::Delete;
            takesId = !path.endsWith(QLatin1String("sync")) &&
                      (actions.contains(last) || (readOrWrite && last.startsWith(QLatin1String("api-"))));
        }
        if (!takesId)
            continue;
        const QByteArray method = http::methodName(r.method).toLatin1();
        Json body = Json::object();
        if (method == "PATCH" || method == "PUT")
            body = Json{{"notes", "x"}, {"name", "x"}, {"status", "completed"}, {"full_name", "x"}};
        if (path.endsWith(QLatin1String("/items")))
            body = Json{{"name", "x"}, {"sequence", 9}};
        auto urlFor = [&](const QString &id) {
            return r.canonical ? QString(path).replace(QLatin1String("{id}"), id) : path + QStringLiteral("?id=") + id;
        };
        const Json sent = method == "GET" || method == "DELETE" ? Json(nullptr) : body;
        // A foreign id must get exactly the answer of an id that never existed: 404, or the same
        // refusal when the body or the key is refused before any lookup.
        const auto never = f->call(method, urlFor(newId()), key, sent);
        const bool bodyFirst = never.status == 422 && (method == "PATCH" || method == "PUT" || method == "POST");
        // (a test key's 403 on key management, or 400 for a resource that is only listed, are the
        // same for every id too.)
        if (never.status < 400 || never.status >= 500)
            failures << QStringLiteral("%1 %2 with an unknown id -> %3").arg(QString::fromLatin1(method), path).arg(never.status);
        for (const QString &id : ids) {
            const QString url = urlFor(id);
            auto reply = f->call(method, url, key, sent);
            ++calls;
            if (reply.status != never.status || reply.code() != never.code() || reply.raw.contains(marker))
                failures << QStringLiteral("%1 %2 -> %3 %4")
                                .arg(QString::fromLatin1(method), url)
                                .arg(reply.status)
                                .arg(QString::fromUtf8(reply.raw.left(200)));
        }
        if (bodyFirst) {
            // ... and with a body it accepts, the foreign id is not found.
            for (const QString &id : ids) {
                auto reply = f->call(method, urlFor(id), key, Json{{"notes", "x"}});
                if (reply.status != 404 && reply.status != 422)
                    failures << QStringLiteral("%1 %2 (notes only) -> %3").arg(QString::fromLatin1(method), urlFor(id)).arg(reply.status);
                if (reply.raw.contains(marker))
                    failures << QStringLiteral("%1 %2 leaked data").arg(QString::fromLatin1(method), urlFor(id));
            }
        }
    }
    if (calls < 500)
        failures << QStringLiteral("only %1 probes: the route table was not walked").arg(calls);
    return failures;
}

void TestApiIsolation::foreignIdsAreNotFoundEverywhere()
{
    const QString aAdmin = f->key(f->shop().scope, QStringLiteral("admin"));
    const auto before = f->s().jobs.get(m_b, m_bJob);
    const qint64 eventsBefore = f->shop().eventCount();
    const QStringList failures = probe(aAdmin, m_bIds, "SECRETB");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join(QLatin1Char('\n'))));
    // Tenant B is untouched: no row changed, no event emitted by any probe.
    auto job = f->s().jobs.get(m_b, m_bJob);
    QVERIFY(job);
    QCOMPARE(str(*job, "updated_at"), str(*before, "updated_at"));
    QCOMPARE(str(*job, "notes"), QStringLiteral("SECRETB"));
    QCOMPARE(f->shop().eventCount(), eventsBefore);
    QCOMPARE(f->s().issues.list(m_b, ListQuery{})->rows.front()["status"].get<std::string>(), std::string("pending"));
    const QString bKey = f->key(m_b);
    QCOMPARE(f->call("GET", "/api/v1/jobs/" + m_bJob, bKey).status, 200); // and B still reaches it
}

void TestApiIsolation::listsNeverShowForeignRows()
{
    const QString aAdmin = f->key(f->shop().scope, QStringLiteral("admin"));
    for (const auto &r : f->shop().engine().api()->router().routes()) {
        if (r.method != http::Method::Get || r.pattern.contains(QLatin1String("{id}")))
            continue;
        auto reply = f->call("GET", r.pattern + QStringLiteral("?limit=1000&job_id=") + m_bJob, aAdmin);
        QVERIFY2(!reply.raw.contains("SECRETB"), qPrintable(r.pattern));
        auto plain = f->call("GET", r.pattern + QStringLiteral("?limit=1000"), aAdmin);
        QVERIFY2(!plain.raw.contains("SECRETB") && !plain.raw.contains("SANDBOXONLY"), qPrintable(r.pattern));
    }
}

void TestApiIsolation::liveAndSandboxAreSeparate()
{
    const QString testAdmin = f->key(f->shop().scope, QStringLiteral("admin"), true);
    const QString liveAdmin = f->key(f->shop().scope, QStringLiteral("admin"));
    // The test key sees the sandbox's rows and nothing live.
    auto sandboxJobs = f->call("GET", "/api/v1/jobs?limit=1000", testAdmin);
    QCOMPARE(sandboxJobs.status, 200);
    QVERIFY(sandboxJobs.raw.contains("SANDBOXONLY") && !sandboxJobs.raw.contains("J-100"));
    QStringList liveIds{f->shop().jobId, f->shop().partId, f->shop().ops.at(0), f->shop().laser, f->shop().op1};
    QStringList failures = probe(testAdmin, liveIds, "J-100");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join(QLatin1Char('\n'))));
    failures = probe(liveAdmin, m_sandboxIds.mid(0, 6), "SANDBOXONLY");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join(QLatin1Char('\n'))));
    // Writes with a test key land in the sandbox only.
    auto created = f->call("POST", "/api/v1/jobs", testAdmin, Json{{"job_number", "SB-NEW"}});
    QCOMPARE(created.status, 201);
    QCOMPARE(str(created.data()["job"], "tenant_id"), f->shop().sandboxId);
    QVERIFY(!f->s().jobs.byNumber(f->shop().scope, QStringLiteral("SB-NEW")));
    QCOMPARE(f->call("GET", "/api/v1/jobs/" + str(created.data()["job"], "id"), liveAdmin).status, 404);
}

QTEST_GUILESS_MAIN(TestApiIsolation)
#include "tst_apiisolation.moc"
