#include "apiroutetest.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringEncoder>
#include <QTcpSocket>
#include <QTest>

using namespace ery;
using namespace ery::test;

// CSV import over real HTTP: dry run, whole or nothing, skipped rows, refusals, hostile files
// answered as data or refused clearly (nothing written), another tenant's records out of reach, a
// body over the limit refused at once with the command line named, the templates handed out as the
// shipped files, and a long import that leaves reads answered while it writes.
class TestApiImport : public ApiRouteTest {
    Q_OBJECT
private slots:
    void importCsv();
    void hostileFiles();
    void otherTenantOutOfReach();
    void tooLargeNamesTheCommandLine();
    void templates();
    void importLeavesOthersServed();
    void aClientThatHangsUpStopsTheImport();
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

void TestApiImport::hostileFiles()
{
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    auto jobs = [&](const QString &prefix) {
        return f->call("GET", QStringLiteral("/api/v1/jobs?job_number=%1&limit=1").arg(prefix), key).data()["pagination"]["total"];
    };
    // Excel's "Unicode text": UTF-16 with its mark, tab-separated; read as it is.
    QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray unicodeText =
        utf16(QString::fromUtf8("External ID\tExternal Source\tJob Number\tCustomer Name\nH1\terp\tHOST-U16\tMüller\n"));
    auto converted = f->callRaw("POST", "/api/v1/import/jobs", key, unicodeText, csvType);
    EXPECT_STATUS(converted, 200);
    QCOMPARE(str(converted.data()["import"], "encoding"), QStringLiteral("UTF-16LE"));
    QCOMPARE(str(f->call("GET", "/api/v1/jobs?job_number=HOST-U16", key).data()["jobs"][0], "customer"), QString::fromUtf8("Müller"));
    // Latin-1, binary, a workbook: 400 naming what is wrong; nothing written.
    auto latin1 = f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,external_source,job_number\nL1,erp,HOST-L1\nL2,erp,HOST-\xe9\n", csvType);
    EXPECT_STATUS(latin1, 400);
    QVERIFY2(latin1.body["error"]["message"].get<std::string>().find("Line 3 is not UTF-8") != std::string::npos, latin1.raw.constData());
    QVERIFY(jobs("HOST-L") == Json(0));
    auto binary = f->callRaw("POST", "/api/v1/import/jobs", key, QByteArray("\x00\x9f\x12\xff\x00\x00\x01", 7), csvType);
    EXPECT_STATUS(binary, 400);
    QVERIFY(binary.body["error"]["message"].get<std::string>().find("not text") != std::string::npos);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, QByteArray("PK\x03\x04\x14\x00\x06\x00", 8), csvType), 400);
    // Formulas are data: stored as text, and an answer about them quotes them as they were.
    const QByteArray formulas = "external_id,external_source,job_number,notes,package_count\n"
                                "F1,erp,HOST-F1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\n"
                                "F2,erp,HOST-F2,+cmd|' /C calc'!A0,@SUM(1+1)\n";
    auto dry = f->callRaw("POST", "/api/v1/import/jobs?dry_run=true", key, formulas, csvType);
    EXPECT_STATUS(dry, 200);
    const Json bad = dry.data()["import"]["rows"][1]["errors"][0];
    QCOMPARE(str(bad, "column"), QStringLiteral("package_count"));
    QCOMPARE(str(bad, "value"), QStringLiteral("@SUM(1+1)"));
    auto stored = f->callRaw("POST", "/api/v1/import/jobs?skip_bad_rows=true", key, formulas, csvType);
    EXPECT_STATUS(stored, 200);
    QCOMPARE(str(f->call("GET", "/api/v1/jobs?job_number=HOST-F1", key).data()["jobs"][0], "notes"),
             QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"));
    // A key named twice: 422 naming both lines; nothing written.
    auto twice = f->callRaw("POST", "/api/v1/import/jobs", key,
                            "external_id,external_source,job_number\nD1,erp,HOST-D1\nD1,erp,HOST-D2\n", csvType);
    EXPECT_STATUS(twice, 422);
    const Json rows = twice.body["error"]["details"]["rows"];
    QCOMPARE(rows.size(), size_t(1));
    QVERIFY(rows[0]["line"] == Json(3));
    QVERIFY(str(rows[0]["errors"][0], "message").contains("on line 2 already"));
    QVERIFY(jobs("HOST-D") == Json(0));
    // References to nothing: per row, by column.
    auto refs = f->callRaw("POST", "/api/v1/import/operations", key,
                           "external_id,external_source,operation_name,part_external_id,cell_name\nO1,erp,Cut,NOPE,Nowhere\n", csvType);
    EXPECT_STATUS(refs, 422);
    QCOMPARE(str(refs.body["error"]["details"]["rows"][0]["errors"][0], "column"), QStringLiteral("part_external_id"));
}

void TestApiImport::otherTenantOutOfReach()
{
    // Tenant B's key imports parts that name A's job by its external key: not found for B, and A's
    // job keeps its parts.
    const QList<QPair<QByteArray, QByteArray>> csvType{{"Content-Type", "text/csv"}};
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", key, "external_id,external_source,job_number\nXA,erp,CROSS-A\n", csvType), 200);
    auto other = f->s().tenants.create(Json{{"name", "Other Import Shop"}});
    QVERIFY(other);
    const QString keyB = f->key(domain::Scope::of(str(other->live, "id")));
    auto refused = f->callRaw("POST", "/api/v1/import/parts", keyB,
                              "external_id,external_source,part_number,job_external_id,material\nXP,erp,CROSS-P,XA,S235\n", csvType);
    EXPECT_STATUS(refused, 422);
    QCOMPARE(str(refused.body["error"]["details"]["rows"][0]["errors"][0], "column"), QStringLiteral("job_external_id"));
    const QString jobA = str(f->call("GET", "/api/v1/jobs?job_number=CROSS-A", key).data()["jobs"][0], "id");
    QCOMPARE(f->call("GET", QStringLiteral("/api/v1/parts?job_id=%1").arg(jobA), key).data()["parts"].size(), size_t(0));
    // And B's import of the same key makes B's own job.
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/import/jobs", keyB, "external_id,external_source,job_number\nXA,erp,CROSS-B\n", csvType), 200);
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=CROSS-B", key).data()["jobs"].size(), size_t(0));
}

void TestApiImport::tooLargeNamesTheCommandLine()
{
    // A body over the hub's limit is refused from its head, before any of it is read, and the
    // answer says how to import a file that large.
    QTcpSocket sock;
    sock.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(sock.waitForConnected(5000));
    sock.write("POST /api/v1/import/operations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key.toLatin1() +
               "\r\nContent-Type: text/csv\r\nContent-Length: " + QByteArray::number(200ll << 20) + "\r\n\r\nexternal_id");
    QByteArray answer;
    QVERIFY(waitFor(
        [&] {
            answer += sock.readAll();
            return ApiFixture::answerLength(answer) > 0 && answer.size() >= ApiFixture::answerLength(answer);
        },
        5000));
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(100).constData());
    QVERIFY2(answer.contains("eryxon-server import"), answer.constData());
    QVERIFY(answer.contains("32 MiB"));
    // Other routes keep the plain message.
    QTcpSocket other;
    other.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(other.waitForConnected(5000));
    other.write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(200ll << 20) + "\r\n\r\n{");
    QByteArray plain;
    QVERIFY(waitFor(
        [&] {
            plain += other.readAll();
            return ApiFixture::answerLength(plain) > 0 && plain.size() >= ApiFixture::answerLength(plain);
        },
        5000));
    QVERIFY(plain.startsWith("HTTP/1.1 413"));
    QVERIFY(!plain.contains("eryxon-server"));
}

void TestApiImport::templates()
{
    for (const char *entity : {"cells", "resources", "jobs", "parts", "operations"}) {
        auto t = f->callRaw("GET", QStringLiteral("/api/v1/import/templates/%1").arg(QLatin1String(entity)), key, {});
        EXPECT_STATUS(t, 200);
        QVERIFY(t.header("content-type").startsWith("text/csv"));
        QCOMPARE(t.header("content-disposition"), QByteArray("attachment; filename=\"") + entity + ".csv\"");
        QFile shipped(QStringLiteral(ERYXON_SOURCE_DIR "/resources/templates/%1.csv").arg(QLatin1String(entity)));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QCOMPARE(t.raw, shipped.readAll());
    }
    auto unknown = f->call("GET", "/api/v1/import/templates/widgets", key);
    EXPECT_STATUS(unknown, 404);
    QVERIFY(str(unknown.body["error"], "message").contains("cells, resources, jobs, parts, operations"));
    QCOMPARE(unknown.body["error"]["details"]["templates"].size(), size_t(5));
    EXPECT_STATUS(f->call("GET", "/api/v1/import/templates/jobs"), 401);
    EXPECT_STATUS(f->call("GET", "/api/v1/import/templates/jobs", f->key(f->shop().scope, QStringLiteral("read"))), 200);
    EXPECT_STATUS(f->call("POST", "/api/v1/import/templates/jobs", key), 405);
    // The template goes straight back in.
    auto back = f->callRaw("POST", "/api/v1/import/jobs?dry_run=true", key, f->callRaw("GET", "/api/v1/import/templates/jobs", key, {}).raw,
                           {{"Content-Type", "text/csv"}});
    EXPECT_STATUS(back, 200);
    QVERIFY(back.data()["import"]["created"] == Json(1));
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

void TestApiImport::aClientThatHangsUpStopsTheImport()
{
    // The client closes the connection while its file is being written: it has given up, so the
    // import stops at its next step and nothing of it stays; the hub goes on serving.
    QByteArray file = "external_id,external_source,job_number,customer\n";
    for (int i = 0; i < 8000; ++i)
        file += QStringLiteral("H%1,erp,HANGUP-%1,Acme\n").arg(i).toUtf8();
    auto count = [this](const char *sql) {
        auto n = f->shop().db().scalar(QLatin1String(sql));
        return n ? *n : qint64(-1);
    };
    const qint64 events = count("SELECT COUNT(*) FROM outbox WHERE topic = 'import.completed'");
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(f->base() + QStringLiteral("/api/v1/import/jobs")));
    req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/csv"));
    QNetworkReply *import = nam.post(req, file);
    QVERIFY(waitFor([&] { return f->shop().db().writeHeld(); }, 20000));
    import->abort();
    QVERIFY2(waitFor([&] { return !f->shop().db().writeHeld(); }, 20000), "the import went on after its client left");
    QCOMPARE(count("SELECT COUNT(*) FROM jobs WHERE job_number LIKE 'HANGUP-%'"), qint64(0));
    QCOMPARE(count("SELECT COUNT(*) FROM outbox WHERE topic = 'import.completed'"), events);
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "AFTER-HANGUP"}}), 201);
    import->deleteLater();
}

QTEST_GUILESS_MAIN(TestApiImport)
#include "tst_apiimport.moc"
