#include "apiroutetest.h"
#include "portability/tenantexport.h"
#include "portability/tenantrestore.h"
#include "services/demoshop.h"

#include <QSet>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ery;
using namespace ery::domain;
using namespace ery::test;

// Export and restore over real HTTP, on both route tables: downloads with their headers, admin
// keys only, each tenant sees only its own rows, and a restore into an empty tenant that refuses a
// tampered file, garbage and a second load.
class TestApiExport : public ApiRouteTest {
    Q_OBJECT
private slots:
    void exportJson();
    void exportZip();
    void onlyAdminsAndOnlyTheirTenant();
    void badQueriesRefused();
    void restoreIntoAnEmptyTenant();

private:
    QTemporaryDir m_dir;
};

void TestApiExport::exportJson()
{
    for (const char *route : {"/api/v1/export?format=json", "/functions/v1/api-export?entities=all"}) {
        auto r = f->call("GET", QLatin1String(route), admin);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(r.header("Content-Disposition").startsWith("attachment; filename=\"tenant-export-"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Content-Length").toLongLong(), qint64(r.raw.size()));
        QVERIFY(r.body.is_object());
        QCOMPARE(r.body["jobs"].size(), size_t(1)); // the test shop's J-100
        QCOMPARE(QString::fromStdString(r.body["jobs"][0]["job_number"].get<std::string>()), QStringLiteral("J-100"));
        QCOMPARE(QString::fromStdString(r.body["_metadata"]["tenant_id"].get<std::string>()), f->shop().tenantId);
        QVERIFY(!r.raw.contains("password_hash") && !r.raw.contains("key_hash"));
    }
    auto some = f->call("GET", QStringLiteral("/api/v1/export?entities=cells,jobs"), admin);
    EXPECT_STATUS(some, 200);
    QVERIFY(some.body.contains("cells") && !some.body.contains("operations"));
}

void TestApiExport::exportZip()
{
    auto r = f->call("GET", QStringLiteral("/api/v1/export?format=csv"), admin);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/zip"));
    QVERIFY(r.header("Content-Disposition").endsWith(".zip\""));
    QVERIFY(r.raw.startsWith("PK\x03\x04"));
    const QString file = m_dir.filePath(QStringLiteral("download.zip"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(r.raw);
    out.close();
    auto meta = portability::TenantRestore::check(file, 99);
    ERY_VERIFY_OK(meta);
    QCOMPARE((*meta)["tables"].size(), services::ExportService::tables().size());
}

void TestApiExport::onlyAdminsAndOnlyTheirTenant()
{
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export"), key), 403);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/functions/v1/api-export"), key), 403);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export")), 401);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/restore"), key, Json::object()), 403);
    // Another tenant's admin exports its own rows only, never J-100.
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    ERY_VERIFY_OK(other);
    const QString otherAdmin = f->key(Scope::of(str(other->live, "id")), QStringLiteral("admin"));
    auto r = f->call("GET", QStringLiteral("/api/v1/export"), otherAdmin);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.body["jobs"].size(), size_t(0));
    QVERIFY(!r.raw.contains("J-100"));
    QVERIFY(!r.raw.contains(f->shop().tenantId.toUtf8()));
    // A test key exports the sandbox twin.
    const QString test = f->key(f->shop().scope, QStringLiteral("admin"), true);
    auto sandbox = f->call("GET", QStringLiteral("/api/v1/export"), test);
    EXPECT_STATUS(sandbox, 200);
    QCOMPARE(QString::fromStdString(sandbox.body["_metadata"]["tenant_id"].get<std::string>()), f->shop().sandboxId);
}

void TestApiExport::badQueriesRefused()
{
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export?format=xml"), admin), 400);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export?entities=outbox"), admin), 400);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export?entities=tenants,jobs"), admin), 400);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/export?tenant=other"), admin), 400);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/export"), admin, Json::object()), 405);
}

void TestApiExport::restoreIntoAnEmptyTenant()
{
    // The file comes from another database (a SQLite demo shop): ids are kept, so a shop's own
    // export cannot go into a second tenant of the same database.
    QByteArray zip, json;
    QList<QPair<Row, QByteArray>> files; // the demo's attached files and their bytes
    {
        Config cfg;
        cfg.dbUrl = m_dir.filePath(QStringLiteral("elsewhere.db"));
        Engine elsewhere(cfg);
        ERY_VERIFY_OK(elsewhere.open(false));
        auto demo = services::DemoShop::load(elsewhere.services());
        ERY_VERIFY_OK(demo);
        auto rows = elsewhere.db().query(QStringLiteral("SELECT * FROM files WHERE tenant_id = ?"), {demo->tenantId});
        ERY_VERIFY_OK(rows);
        for (const Row &row : *rows) {
            auto dev = elsewhere.services().files.open(row);
            ERY_VERIFY_OK(dev);
            files.append({row, (*dev)->readAll()});
        }
        QVERIFY(files.size() >= 5);
        for (auto format : {portability::TenantExport::Format::CsvZip, portability::TenantExport::Format::Json}) {
            portability::TenantExport::Options o;
            o.format = format;
            const QString file = m_dir.filePath(QStringLiteral("elsewhere.out"));
            ERY_VERIFY_OK(portability::TenantExport::write(elsewhere.services().exports, Scope::of(demo->tenantId), file, o));
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            (format == portability::TenantExport::Format::Json ? json : zip) = in.readAll();
        }
    }

    auto fresh = f->s().tenants.create(Json{{"name", "Moved Shop"}});
    ERY_VERIFY_OK(fresh);
    const QString into = str(fresh->live, "id");
    const QString freshAdmin = f->key(Scope::of(into), QStringLiteral("admin"));
    const QList<QPair<QByteArray, QByteArray>> zipType{{"Content-Type", "application/zip"}};
    auto jobCount = [&] { return f->call("GET", QStringLiteral("/api/v1/jobs?limit=100"), freshAdmin).data()["jobs"].size(); };

    auto check = f->callRaw("POST", QStringLiteral("/api/v1/restore?dry_run=true"), freshAdmin, zip, zipType);
    EXPECT_STATUS(check, 200);
    QVERIFY(check.data()["checked"] == Json(true));
    QCOMPARE(jobCount(), size_t(0));

    // Refused, nothing written: a changed byte, garbage, nothing, unknown or bad queries, and this
    // shop's own export (its ids are taken).
    QByteArray changed = json;
    changed.replace("JOB-2601", "JOB-2666");
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, changed, {}), 400);
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, QByteArray(4096, '\x07'), zipType), 400);
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, QByteArray(), zipType), 400);
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore?into=x"), freshAdmin, zip, zipType), 400);
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore?dry_run=perhaps"), freshAdmin, zip, zipType), 400);
    auto own = f->call("GET", QStringLiteral("/api/v1/export"), admin);
    EXPECT_STATUS(own, 200);
    auto clash = f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, own.raw, {});
    QVERIFY2(clash.status == 409 || clash.status == 422, clash.raw.constData());
    QCOMPARE(jobCount(), size_t(0));

    auto done = f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, zip, zipType);
    EXPECT_STATUS(done, 200);
    QCOMPARE(QString::fromStdString(done.data()["restore"]["tenant_id"].get<std::string>()), into);
    QCOMPARE(jobCount(), size_t(30));
    // The drawings and the photo came along, and download byte for byte (each distinct file once:
    // every part carries its product's drawing, and the key has a rate limit).
    QCOMPARE(done.data()["restore"]["files"]["restored"].get<qint64>(), qint64(files.size()));
    QSet<QString> fetched;
    for (const auto &[row, bytes] : files) {
        if (fetched.contains(str(row, "sha256")))
            continue;
        fetched.insert(str(row, "sha256"));
        auto got = f->call("GET", QStringLiteral("/api/v1/%1s/%2/files/%3").arg(str(row, "owner_kind"), str(row, "owner_id"), str(row, "id")),
                           freshAdmin);
        EXPECT_STATUS(got, 200);
        QCOMPARE(got.raw, bytes);
    }
    // The caller's own key still works.
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/operations?limit=1"), freshAdmin), 200);
    // Now it holds shop data: a second restore is refused.
    EXPECT_STATUS(f->callRaw("POST", QStringLiteral("/api/v1/restore"), freshAdmin, json, {}), 409);
    QCOMPARE(jobCount(), size_t(30));
}

QTEST_GUILESS_MAIN(TestApiExport)
#include "tst_apiexport.moc"
