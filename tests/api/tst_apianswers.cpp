#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// Answers that say what is wrong, through real HTTP on both route tables: an unknown query
// parameter names itself and the ones the list takes, a value outside a column's choices names the
// choices, a unique clash names the field and the value, a revoked key says it was revoked, and a CSV
// file from a German or Dutch Excel (semicolons) is read as what it is.
class TestApiAnswers : public ApiRouteTest {
    Q_OBJECT
private slots:
    void unknownQueryParameters();
    void legitimateExtraParametersStillWork();
    void enumFiltersNameTheirChoices();
    void uniqueClashNamesFieldAndValue();
    void revokedKeySaysRevoked();
    void semicolonCsvIsImported();
    void brokenCsvIsExplainedInOurWords();

private:
    static QStringList strings(const Json &array)
    {
        QStringList out;
        for (const auto &v : array)
            if (v.is_string())
                out << QString::fromStdString(v.get<std::string>());
        return out;
    }
};

void TestApiAnswers::unknownQueryParameters()
{
    for (const QString path :
         {QStringLiteral("/api/v1/jobs?stauts=completed"), QStringLiteral("/functions/v1/api-jobs?stauts=completed")}) {
        auto r = f->call("GET", path, key);
        EXPECT_STATUS(r, 400);
        QCOMPARE(r.code(), QStringLiteral("BAD_REQUEST"));
        const QString message = str(r.body["error"], "message");
        QVERIFY2(message.contains("\"stauts\"") && message.contains("status") && message.contains("customer"), qPrintable(message));
        QCOMPARE(str(r.body["error"]["details"], "parameter"), QStringLiteral("stauts"));
        const QStringList allowed = strings(r.body["error"]["details"]["allowed"]);
        for (const char *p : {"limit", "offset", "sort", "order", "search", "status", "customer", "job_number"})
            QVERIFY2(allowed.contains(p), p);
    }
    // Every list: a filter of another resource is unknown here.
    auto parts = f->call("GET", "/api/v1/parts?customer=acme", key);
    EXPECT_STATUS(parts, 400);
    QCOMPARE(str(parts.body["error"]["details"], "parameter"), QStringLiteral("customer"));
    // Hostile names: long, odd characters, an empty one — answered 400, echoed bounded, never a 500.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?" + QString(90, QLatin1Char('z')) + "=1", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?" + QString(5000, QLatin1Char('z')) + "=1", key), 400);
    auto odd = f->call("GET", "/api/v1/jobs?%3Cscript%3E=1", key);
    EXPECT_STATUS(odd, 400);
    QCOMPARE(str(odd.body["error"]["details"], "parameter"), QStringLiteral("<script>"));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?=1", key), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?tenant_id=x", key), 400);
    // A read by id on the compatible table is not a list: its id is not refused.
    auto any = f->call("GET", "/api/v1/jobs?limit=1", key);
    const QString id = str(any.data()["jobs"][0], "id");
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-jobs?id=" + id, key), 200);
    // On a canonical list `id` would silently answer every row: refused, the item route is the way.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?id=" + id, key), 400);
}

void TestApiAnswers::legitimateExtraParametersStillWork()
{
    // Paging, sort, search, the filters, and what Supabase / PostgREST clients add on their own.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?limit=2&offset=0&sort=job_number&order=asc&search=J", key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?select=*&apikey=whatever&fields=id,job_number", key), 200);
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-jobs?customer=acm&limit=1000&select=*", key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/production?has_scrap=true&job_id=" + f->shop().jobId, key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/time-entries?start_date=2000-01-01&end_date=2100-01-01", key), 200);
    // An unknown sort column still falls back to the default order (the original's behaviour).
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?sort=nope", key), 200);
}

void TestApiAnswers::enumFiltersNameTheirChoices()
{
    auto r = f->call("GET", "/api/v1/jobs?status=bogus", key);
    EXPECT_STATUS(r, 422);
    QCOMPARE(r.code(), QStringLiteral("VALIDATION_ERROR"));
    const Json d = r.body["error"]["details"][0];
    QCOMPARE(str(d, "field"), QStringLiteral("status"));
    QCOMPARE(str(d, "value"), QStringLiteral("bogus"));
    QCOMPARE(strings(d["allowed"]), (QStringList{"not_started", "in_progress", "on_hold", "completed"}));
    QVERIFY(str(r.body["error"], "message").contains("status must be one of not_started"));
    // The same on the compatible table and other resources.
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-jobs?status=bogus", key), 422);
    auto sev = f->call("GET", "/api/v1/issues?severity=urgent", key);
    EXPECT_STATUS(sev, 422);
    QCOMPARE(strings(sev.body["error"]["details"][0]["allowed"]), (QStringList{"low", "medium", "high", "critical"}));
    EXPECT_STATUS(f->call("GET", "/api/v1/time-entries?time_type=lunch", key), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys?scope=root", admin), 422);
    // Case matters as in the column; an empty value is not a status either.
    EXPECT_STATUS(f->call("GET", "/api/v1/operations?status=COMPLETED", key), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/operations?status=", key), 422);
    // A good value filters as before.
    auto ok = f->call("GET", "/api/v1/operations?status=not_started", key);
    EXPECT_STATUS(ok, 200);
    for (const auto &op : ok.data()["operations"])
        QCOMPARE(str(op, "status"), QStringLiteral("not_started"));
}

void TestApiAnswers::uniqueClashNamesFieldAndValue()
{
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "DUP-1"}}), 201);
    auto clash = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "DUP-1"}});
    EXPECT_STATUS(clash, 409);
    QCOMPARE(clash.code(), QStringLiteral("CONFLICT"));
    QCOMPARE(str(clash.body["error"]["details"], "field"), QStringLiteral("job_number"));
    QCOMPARE(str(clash.body["error"]["details"], "value"), QStringLiteral("DUP-1"));
    QVERIFY2(str(clash.body["error"], "message").contains("job_number \"DUP-1\""), clash.raw.constData());
    // Through the compatible table, and on update.
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-jobs", key, Json{{"job_number", "DUP-1"}}), 409);
    auto other = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "DUP-2"}});
    EXPECT_STATUS(other, 201);
    auto renamed = f->call("PATCH", "/api/v1/jobs/" + str(other.data()["job"], "id"), key, Json{{"job_number", "DUP-1"}});
    EXPECT_STATUS(renamed, 409);
    QCOMPARE(str(renamed.body["error"]["details"], "value"), QStringLiteral("DUP-1"));
    // Another table, another unique column; a hostile value is echoed bounded and as text.
    const std::string name = "Cell \"quoted\" \n<b>";
    EXPECT_STATUS(f->call("POST", "/api/v1/cells", key, Json{{"name", name}}), 201);
    auto cell = f->call("POST", "/api/v1/cells", key, Json{{"name", name}});
    EXPECT_STATUS(cell, 409);
    QCOMPARE(str(cell.body["error"]["details"], "field"), QStringLiteral("name"));
    QVERIFY(cell.body["error"]["details"]["value"] == Json(name));
    // Two columns: an external key taken twice names both.
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "EXT-1"}, {"external_source", "erp"}, {"external_id", "E1"}}),
                  201);
    auto ext = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "EXT-2"}, {"external_source", "erp"}, {"external_id", "E1"}});
    EXPECT_STATUS(ext, 409);
    const Json fields = ext.body["error"]["details"]["fields"];
    QVERIFY2(fields.contains("external_source") && fields.contains("external_id"), ext.raw.constData());
    // Another tenant's number is no clash (each shop numbers its own jobs).
    const QString testKey = f->key(f->shop().scope, QStringLiteral("read_write"), true);
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", testKey, Json{{"job_number", "DUP-1"}}), 201);
}

void TestApiAnswers::revokedKeySaysRevoked()
{
    auto c = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "soon revoked"}});
    EXPECT_STATUS(c, 201);
    const QString secret = str(c.data()["api_key"], "key");
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?limit=1", secret), 200);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/api-keys/" + str(c.data()["api_key"], "id"), admin), 200);
    auto revoked = f->call("GET", "/api/v1/jobs?limit=1", secret);
    EXPECT_STATUS(revoked, 401);
    QVERIFY2(str(revoked.body["error"], "message").contains("revoked"), revoked.raw.constData());
    // An unknown key of the right shape is told apart: it never says "revoked".
    auto unknown = f->call("GET", "/api/v1/jobs?limit=1", "ery_live_" + QString(32, QLatin1Char('0')));
    EXPECT_STATUS(unknown, 401);
    QCOMPARE(str(unknown.body["error"], "message"), QStringLiteral("Invalid API key"));
    // The compatible table says the same.
    auto compat = f->call("GET", "/functions/v1/api-jobs?limit=1", secret);
    EXPECT_STATUS(compat, 401);
    QVERIFY(str(compat.body["error"], "message").contains("revoked"));
}

void TestApiAnswers::semicolonCsvIsImported()
{
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    // As German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, a byte-order mark, CRLF, a
    // quoted cell holding a semicolon and a decimal comma.
    const QByteArray file = "\xEF\xBB\xBF"
                            "external_id;external_source;job_number;customer;notes\r\n"
                            "S1;erp;SEMI-1;\"M\xC3\xBCller; Söhne GmbH\";\"3,5 mm\"\r\n"
                            "S2;erp;SEMI-2;Bakker BV;\r\n";
    auto r = f->callRaw("POST", "/api/v1/import/jobs", key, file, csvType);
    EXPECT_STATUS(r, 200);
    QVERIFY(r.data()["import"]["created"] == Json(2));
    QCOMPARE(str(r.data()["import"], "separator"), QStringLiteral(";"));
    auto jobs = f->call("GET", "/api/v1/jobs?job_number=SEMI-", key);
    QCOMPARE(jobs.data()["jobs"].size(), size_t(2));
    for (const auto &j : jobs.data()["jobs"])
        if (str(j, "job_number") == "SEMI-1") {
            QCOMPARE(str(j, "customer"), QString::fromUtf8("M\xC3\xBCller; Söhne GmbH"));
            QCOMPARE(str(j, "notes"), QStringLiteral("3,5 mm"));
        }
    // Tabs too; a comma file stays a comma file.
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id\texternal_source\tjob_number\nT1\terp\tTAB-1\n", csvType),
                  200);
    auto comma =
        f->callRaw("POST", "/api/v1/import/jobs?dry_run=true", key, "external_id,external_source,job_number\nC1,erp,C;1\n", csvType);
    EXPECT_STATUS(comma, 200);
    QCOMPARE(str(comma.data()["import"], "separator"), QStringLiteral(","));
    // A header that is still not one: named with how it was read.
    auto pipes = f->callRaw("POST", "/api/v1/import/jobs", key, "external_id|external_source|job_number\nP1|erp|P-1\n", csvType);
    EXPECT_STATUS(pipes, 400);
    QVERIFY2(str(pipes.body["error"], "message").contains("not |"), pipes.raw.constData());
    auto noId = f->callRaw("POST", "/api/v1/import/jobs", key, "id;job_number\n1;X-1\n", csvType);
    EXPECT_STATUS(noId, 400);
    QVERIFY2(str(noId.body["error"], "message").contains("semicolons"), noId.raw.constData());
}

void TestApiAnswers::brokenCsvIsExplainedInOurWords()
{
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    for (const QByteArray &file : {QByteArray("external_id,external_source,job_number\nB1,erp,\"open\n"),
                                   QByteArray("external_id,external_source,job_number\nB1,erp,\"x\"y\n"),
                                   QByteArray("external_id;external_source;job_number\nB1;erp;\"x\"y\n")}) {
        auto r = f->callRaw("POST", "/api/v1/import/jobs", key, file, csvType);
        EXPECT_STATUS(r, 400);
        const QString message = str(r.body["error"], "message");
        QVERIFY2(!message.contains("strict") && !message.contains("error parsing"), qPrintable(message));
        QVERIFY2(message.contains("line 2") && message.contains("quote"), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestApiAnswers)
#include "tst_apianswers.moc"
