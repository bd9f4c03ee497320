#include "apiroutetest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace ery;
using namespace ery::test;

// CSV import over real HTTP: dry run, whole or nothing, skipped rows, refusals, and a long import
// that leaves reads answered while it writes.
class TestApiImport : public ApiRouteTest {
    Q_OBJECT
private slots:
    void importCsv();
    void importLeavesOthersServed();
};

void TestApiImport::importCsv()
{
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    const QByteArray file = "external_id,external_source,job_number,customer\nI1,erp,IMP-1,Acme\nI2,erp,IMP-2,\nI3,erp,,Nobody\n";
    auto dry = f->callRaw("POST", "/api/v1/import/jobs?dry_run=true", key, file, csvType);
    EXPECT_STATUS(dry, 200);
    QVERIFY(dry.data()["import"]["dry_run"] == Json(true));
    QVERIFY(dry.data()["import"]["created"] == Json(2));
    QVERIFY(dry.data()["import"]["failed"] == Json(1));
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?job_number=IMP-", key), 200);
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=IMP-", key).data()["jobs"].size(), size_t(0));
    // Whole or nothing: the bad row is named with its line and column, nothing is imported.
    auto refused = f->callRaw("POST", "/api/v1/import/jobs", key, file, csvType);
    EXPECT_STATUS(refused, 422);
    QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
    const Json bad = refused.body["error"]["details"]["rows"];
    QCOMPARE(bad.size(), size_t(1));
    QVERIFY(bad[0]["line"] == Json(4));
    QCOMPARE(str(bad[0]["errors"][0], "column"), QStringLiteral("job_number"));
    auto skipped = f->callRaw("POST", "/api/v1/import/jobs?skip_bad_rows=true&file_name=jobs.csv", key, file, csvType);
    EXPECT_STATUS(skipped, 200);
    QVERIFY(skipped.data()["import"]["committed"] == Json(true));
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=IMP-", key).data()["jobs"].size(), size_t(2));
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/widgets", key, file, csvType), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs?dry_run=maybe", key, file, csvType), 400);
    EXPECT_STATUS(f->call("POST", "/api/v1/import/jobs", key, Json{{"job_number", "J"}}), 400); // JSON is not a CSV file
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,job_number\nA\xff,B\n", csvType), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,external_source,job_number\n\"A,e,B\n", csvType), 400);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", reader, file, csvType), 403);
}

void TestApiImport::importLeavesOthersServed()
{
    // A large file is written in steps: meanwhile reads are answered (and do not see half of it),
    // and a write waits for the import's end, then goes in.
    QByteArray file = "external_id,external_source,job_number,customer\n";
    for (int i = 0; i < 4000; ++i)
        file += QStringLiteral("L%1,erp,LONG-%1,Acme\n").arg(i).toUtf8();
    QNetworkAccessManager nam;
    auto post = [&](const QString &path, const QByteArray &body, const QByteArray &type) {
        QNetworkRequest req(QUrl(f->base() + path));
        req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader, type);
        return nam.post(req, body);
    };
    QStringList finished;
    QNetworkReply *import = post(QStringLiteral("/api/v1/import/jobs?rows=errors"), file, "text/csv");
    QObject::connect(import, &QNetworkReply::finished, [&] { finished << QStringLiteral("import"); });
    QVERIFY(waitFor([&] { return f->shop().db().writeHeld(); }, 20000));
    EXPECT_STATUS(f->call("GET", "/health"), 200);
    auto list = f->call("GET", "/api/v1/jobs?job_number=LONG-", key);
    EXPECT_STATUS(list, 200);
    QCOMPARE(list.data()["jobs"].size(), size_t(0));
    QVERIFY2(f->shop().db().writeHeld(), "the import ended before the reads were answered: make the file larger");
    QNetworkReply *create = post(QStringLiteral("/api/v1/jobs"), QByteArray(R"({"job_number":"AFTER-LONG"})"), "application/json");
    qint64 importedWhenCreated = -1;
    QObject::connect(create, &QNetworkReply::finished, [&] {
        finished << QStringLiteral("create");
        auto n = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_number LIKE 'LONG-%'"));
        importedWhenCreated = n ? *n : -1;
    });
    QVERIFY(waitFor([&] { return finished.size() == 2; }, 60000));
    // The write was answered once the file was in (its answer may still come first: the import's
    // report is written on a worker thread).
    QCOMPARE(importedWhenCreated, qint64(4000));
    QCOMPARE(import->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const Json report = Json::parse(import->readAll().toStdString(), nullptr, false);
    QCOMPARE(num(report["data"]["import"], "created"), qint64(4000));
    QCOMPARE(report["data"]["import"]["rows"].size(), size_t(0)); // rows=errors
    QCOMPARE(create->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(num(f->call("GET", "/api/v1/jobs?job_number=LONG-&limit=1", key).data()["pagination"], "total"), qint64(4000));
    import->deleteLater();
    create->deleteLater();
}

QTEST_GUILESS_MAIN(TestApiImport)
#include "tst_apiimport.moc"
