#include "portability/tenantexport.h"
#include "portability/tenantrestore.h"
#include "services/demoshop.h"
#include "testshop.h"

#include "files/diskblobstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTest>

#include <zip.h>

using namespace ery::domain;
using namespace ery::services;
using namespace ery::portability;
using namespace ery;
using namespace ery::test;

// Export and restore (CONTRACTS.md §7): a SQLite shop with every kind of row is exported as JSON and
// as a CSV ZIP and restored into a fresh database of the engine under test — on the PostgreSQL run
// that is the documented SQLite → PostgreSQL move — and exporting again gives the same tables.
// Secrets never leave; formulas are defanged in the CSVs and come back exact; damaged, foreign and
// hostile files are refused before anything is written.
class TestExportRestore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonRoundTrip();
    void zipRoundTrip();
    void secretsNeverLeave();
    void formulasDefangedInCsv();
    void restoredKeysAndHooksCannotBeUsed();
    void adminGetsAPassword();
    void selectedTablesOnly();
    void tamperedFilesRefused_data();
    void tamperedFilesRefused();
    void hostileZipsRefused_data();
    void hostileZipsRefused();
    void zipBombRefused();
    void deepJsonRefused();
    void existingTenantRefused();
    void intoAnEmptyTenant();
    void cancelledExportLeavesNoFile();
    void exportIsOneSnapshot();
    void filesSurviveZipByteIdentical();
    void jsonCarriesFileRowsOnly();
    void tamperedBlobRefused();
    void missingBlobRefused();
    void strayBlobRefused();
    void noBlobCollectedWhileExporting();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    Result<Json> exportTo(Engine &e, const QString &file, TenantExport::Format f, const QStringList &tables = {});
    // A fresh database of the engine under test (PostgreSQL: the test's own, wiped).
    std::unique_ptr<Engine> freshTarget();
    static Json readJson(const QString &file);
    // Every table of a equals b's, apart from what a restore deliberately changes.
    // emptyInB: tables b is to hold no rows of (a JSON restore leaves out files without contents).
    static void compareTables(const Json &a, const Json &b, const QSet<QString> &emptyInB = {});
    // The bytes of every attached file the tenant's rows name, by file id.
    static QHash<QString, QByteArray> fileBytes(Engine &e, const QString &tenantId);
    // Blobs in an engine's store.
    static int blobCount(Engine &e);
    QString blobOf(const QString &name) const;
    QByteArray withZipEntry(const QString &zipFile, const QString &name, const QByteArray &content, bool replace);
    qint64 tenantCount(Engine &e);

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_source;
    QString m_tenant;
    QString m_sourceJson, m_sourceZip;
    int m_targets = 0;
    QHash<QString, QByteArray> m_sourceFiles; // file id → bytes
};

void TestExportRestore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Config cfg;
    cfg.dbUrl = path(QStringLiteral("source.db"));
    m_source = std::make_unique<Engine>(cfg);
    ERY_VERIFY_OK(m_source->open(false));
    Services &s = m_source->services();
    auto demo = DemoShop::load(s);
    ERY_VERIFY_OK(demo);
    m_tenant = demo->tenantId;
    const Scope scope = Scope::of(m_tenant);
    ERY_VERIFY_OK(s.apiKeys.create(scope, Json{{"name", "ERP"}, {"scope", "admin"}}));
    ERY_VERIFY_OK(s.mcpKeys.create(scope, Json{{"name", "Agent"}}, {}));
    ERY_VERIFY_OK(s.webhooks.create(scope, Json{{"url", "http://10.1.2.3/erp"}, {"events", Json::array({"*"})}, {"description", "ERP"}}));
    ERY_VERIFY_OK(s.mqttPublishers.create(scope, Json{{"name", "UNS"},
                                                      {"broker_url", "10.1.2.4"},
                                                      {"events", Json::array({"*"})},
                                                      {"username", "plant"},
                                                      {"password", "broker-secret-pw"}}));
    // Cells a spreadsheet would run, and text that only looks like them.
    for (const char *customer : {"=HYPERLINK(\"http://evil.example\",\"x\")", "+31 6 1234", "-2+3", "@SUM(A1)", "'quoted", "\tTab", "plain"})
        ERY_VERIFY_OK(s.jobs.create(scope, Json{{"job_number", std::string("F-") + std::to_string(qHash(QByteArray(customer)))},
                                                {"customer", customer},
                                                {"notes", "line one\nline \"two\", with comma"}}));
    // Attached files beyond the demo's: the same drawing on two parts (one blob), a photo on an
    // issue and a 6 MiB STEP on an operation, which goes through the ZIP in pieces.
    auto parts = m_source->db().query(QStringLiteral("SELECT id FROM parts WHERE tenant_id = ? ORDER BY id LIMIT 2"), {m_tenant});
    auto ops = m_source->db().query(QStringLiteral("SELECT id FROM operations WHERE tenant_id = ? ORDER BY id LIMIT 1"), {m_tenant});
    auto issues = m_source->db().query(QStringLiteral("SELECT id FROM issues WHERE tenant_id = ? ORDER BY id LIMIT 1"), {m_tenant});
    QVERIFY(parts && parts->size() == 2 && ops && ops->size() == 1 && issues && issues->size() == 1);
    const QByteArray pdf = "%PDF-1.4\n% export test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += QByteArray(300, '\x07');
    QByteArray step = "ISO-10303-21;\nHEADER;\n";
    quint32 r = 1;
    while (step.size() < (6 << 20)) {
        r = r * 1664525u + 1013904223u;
        step += char('A' + (r >> 24) % 26);
    }
    auto attach = [&](const QString &kind, const QString &id, const QString &name, const QString &type, const QByteArray &bytes) {
        auto staged = s.files.stage(bytes);
        QVERIFY(bool(staged));
        auto f = s.files.attach(scope, {kind, id}, FileService::Incoming{name, type, *staged, {}, 0});
        ERY_VERIFY_OK(f);
    };
    attach(QStringLiteral("part"), str((*parts)[0], "id"), QStringLiteral("shared drawing.pdf"), QStringLiteral("application/pdf"), pdf);
    attach(QStringLiteral("part"), str((*parts)[1], "id"), QStringLiteral("shared drawing.pdf"), QStringLiteral("application/pdf"), pdf);
    attach(QStringLiteral("issue"), str((*issues)[0], "id"), QStringLiteral("scratch.png"), QStringLiteral("image/png"), png);
    attach(QStringLiteral("operation"), str((*ops)[0], "id"), QStringLiteral("bracket.step"), QStringLiteral("application/step"), step);
    m_sourceFiles = fileBytes(*m_source, m_tenant);
    QVERIFY(m_sourceFiles.size() >= 4);

    m_sourceJson = path(QStringLiteral("source.json"));
    m_sourceZip = path(QStringLiteral("source.zip"));
    ERY_VERIFY_OK(exportTo(*m_source, m_sourceJson, TenantExport::Format::Json));
    ERY_VERIFY_OK(exportTo(*m_source, m_sourceZip, TenantExport::Format::CsvZip));
}

Result<Json> TestExportRestore::exportTo(Engine &e, const QString &file, TenantExport::Format f, const QStringList &tables)
{
    auto t = e.services().tenants.defaultTenant();
    if (!t)
        return t.error();
    TenantExport::Options o;
    o.format = f;
    o.tables = tables;
    return TenantExport::write(e.services().exports, Scope::of(str(*t, "id")), file, o);
}

std::unique_ptr<Engine> TestExportRestore::freshTarget()
{
    Config cfg;
    const int n = ++m_targets;
    cfg.dbUrl = TestShop::postgres() ? TestShop::databaseUrl() : path(QStringLiteral("target-%1.db").arg(n));
    cfg.filesDir = path(QStringLiteral("target-files-%1").arg(n));
    auto e = std::make_unique<Engine>(cfg);
    if (auto s = e->open(false); !s)
        qFatal("target: %s", qPrintable(s.error().message));
    return e;
}

Json TestExportRestore::readJson(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Json();
    const QByteArray text = f.readAll();
    return Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

qint64 TestExportRestore::tenantCount(Engine &e)
{
    auto n = e.db().scalar(QStringLiteral("SELECT COUNT(*) FROM tenants"));
    return n ? *n : -1;
}

QHash<QString, QByteArray> TestExportRestore::fileBytes(Engine &e, const QString &tenantId)
{
    QHash<QString, QByteArray> out;
    auto rows = e.db().query(QStringLiteral("SELECT * FROM files WHERE tenant_id = ?"), {tenantId});
    if (!rows)
        return out;
    for (const Row &f : *rows) {
        auto dev = e.services().files.open(f);
        out.insert(str(f, "id"), dev ? (*dev)->readAll() : QByteArray("<missing>"));
    }
    return out;
}

int TestExportRestore::blobCount(Engine &e)
{
    auto &disk = static_cast<files::DiskBlobStore &>(e.services().files.store());
    int n = 0;
    QDirIterator it(disk.root(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (!it.next().startsWith(disk.stagingDir()))
            ++n;
    return n;
}

QString TestExportRestore::blobOf(const QString &name) const
{
    auto rows = m_source->db().query(QStringLiteral("SELECT sha256 FROM files WHERE name = ? LIMIT 1"), {name});
    return rows && !rows->empty() ? QStringLiteral("files/") + str(rows->front(), "sha256") : QString();
}

void TestExportRestore::compareTables(const Json &a, const Json &b, const QSet<QString> &emptyInB)
{
    // What a restore changes on purpose: keys come back revoked, hooks and publishers paused.
    const QHash<QString, QStringList> changed{{"api_keys", {"active", "revoked_at"}},
                                               {"mcp_keys", {"enabled"}},
                                               {"webhooks", {"active", "disabled_reason"}},
                                               {"mqtt_publishers", {"active", "last_error"}}};
    int tables = 0;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (it.key().front() == '_')
            continue;
        ++tables;
        const QString t = QString::fromStdString(it.key());
        QVERIFY2(b.contains(it.key()), qPrintable(t));
        Json left = *it, right = b[it.key()];
        if (emptyInB.contains(t)) {
            QCOMPARE(right.size(), size_t(0));
            continue;
        }
        QCOMPARE(right.size(), left.size());
        for (Json *side : {&left, &right})
            for (Json &row : *side)
                for (const QString &c : changed.value(t))
                    row.erase(c.toStdString());
        if (left != right)
            QFAIL(qPrintable(QStringLiteral("table %1 differs: %2 vs %3")
                                 .arg(t, QString::fromStdString(left.dump()).left(400), QString::fromStdString(right.dump()).left(400))));
    }
    QCOMPARE(tables, int(ExportService::tables().size()));
    Json ta = a["_tenant_info"], tb = b["_tenant_info"];
    QCOMPARE(QString::fromStdString(tb.dump()), QString::fromStdString(ta.dump()));
}

void TestExportRestore::jsonRoundTrip()
{
    const Json source = readJson(m_sourceJson);
    QVERIFY(source.is_object());
    QVERIFY(source["jobs"].size() >= 30);
    QVERIFY(source["operations"].size() > 50);
    QVERIFY(source["time_entries"].size() > 0);
    QCOMPARE(QString::fromStdString(source["_metadata"]["format"].get<std::string>()), QStringLiteral("eryxon-export"));

    auto target = freshTarget();
    auto done = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceJson, {});
    ERY_VERIFY_OK(done);
    QCOMPARE(QString::fromStdString((*done)["tenant_id"].get<std::string>()), m_tenant);
    QCOMPARE((*done)["tables"]["jobs"].get<qint64>(), qint64(source["jobs"].size()));
    const QString again = path(QStringLiteral("again.json"));
    ERY_VERIFY_OK(exportTo(*target, again, TenantExport::Format::Json));
    // A JSON export has no file contents and this hub holds none: the file rows are left out.
    compareTables(source, readJson(again), {QStringLiteral("files")});
    // The restored shop works: its services see the jobs.
    auto jobs = target->services().jobs.list(Scope::of(m_tenant), ListQuery{});
    ERY_VERIFY_OK(jobs);
    QCOMPARE(qsizetype(jobs->total), qsizetype(source["jobs"].size()));
}

void TestExportRestore::zipRoundTrip()
{
    auto target = freshTarget();
    auto done = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceZip, {});
    ERY_VERIFY_OK(done);
    const QString again = path(QStringLiteral("again-from-zip.json"));
    ERY_VERIFY_OK(exportTo(*target, again, TenantExport::Format::Json));
    compareTables(readJson(m_sourceJson), readJson(again));
    QCOMPARE(fileBytes(*target, m_tenant), m_sourceFiles);
    // And a ZIP of the restored shop carries the same CSV files byte for byte, hashes included.
    const QString zipAgain = path(QStringLiteral("again.zip"));
    auto meta = exportTo(*target, zipAgain, TenantExport::Format::CsvZip);
    ERY_VERIFY_OK(meta);
    const Json first = readJson(m_sourceJson)["_metadata"]["tables"];
    QCOMPARE((*meta)["tables"].size(), first.size());
    QSet<QString> changed{"api_keys", "mcp_keys", "webhooks", "mqtt_publishers"};
    int same = 0;
    auto zipMeta = TenantRestore::check(m_sourceZip, m_source->db().schemaVersion());
    ERY_VERIFY_OK(zipMeta);
    for (size_t i = 0; i < first.size(); ++i) {
        const QString t = QString::fromStdString((*meta)["tables"][i]["name"].get<std::string>());
        if (changed.contains(t))
            continue;
        QVERIFY((*meta)["tables"][i]["sha256"] == (*zipMeta)["tables"][i]["sha256"]);
        ++same;
    }
    QVERIFY(same > 20);
}

void TestExportRestore::secretsNeverLeave()
{
    for (const QString &file : {m_sourceJson, m_sourceZip}) {
        QByteArray all;
        if (file.endsWith(QLatin1String(".zip"))) {
            int err = 0;
            zip_t *z = zip_open(QFile::encodeName(file).constData(), ZIP_RDONLY, &err);
            QVERIFY(z);
            for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
                zip_file_t *f = zip_fopen_index(z, zip_uint64_t(i), 0);
                char buf[65536];
                zip_int64_t n;
                while ((n = zip_fread(f, buf, sizeof buf)) > 0)
                    all.append(buf, qsizetype(n));
                zip_fclose(f);
            }
            zip_discard(z);
        } else {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            all = f.readAll();
        }
        for (const char *needle : {"password_hash", "pin_hash", "key_hash", "key_last4", "whsec_", "broker-secret-pw", "\"secret\"", "$argon2",
                                   "previous_secret"})
            QVERIFY2(!all.contains(needle), needle);
    }
    const Json j = readJson(m_sourceJson);
    QCOMPARE(j["api_keys"].size(), size_t(1));
    QVERIFY(j["api_keys"][0].contains("key_prefix"));
    QVERIFY(j["webhooks"][0].contains("url"));
    QVERIFY(!j["mqtt_publishers"][0].contains("password"));
}

void TestExportRestore::formulasDefangedInCsv()
{
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(m_sourceZip).constData(), ZIP_RDONLY, &err);
    QVERIFY(z);
    zip_file_t *f = zip_fopen(z, "jobs.csv", 0);
    QVERIFY(f);
    QByteArray csv;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0)
        csv.append(buf, qsizetype(n));
    zip_fclose(f);
    zip_discard(z);
    // No cell starts with a formula character: each got an apostrophe.
    for (const QByteArray &line : csv.split('\n'))
        for (const QByteArray &cell : line.split(','))
            if (!cell.isEmpty())
                QVERIFY2(!QByteArray("=+-@\t\r").contains(cell.at(0)) || cell == "\r", cell.constData());
    QVERIFY(csv.contains("'=HYPERLINK"));
    QVERIFY(csv.contains("'+31 6 1234"));
    QVERIFY(csv.contains("''quoted"));
    // zipRoundTrip compared the restored customers with the source: they came back exact.
}

void TestExportRestore::restoredKeysAndHooksCannotBeUsed()
{
    auto target = freshTarget();
    ERY_VERIFY_OK(TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceZip, {}));
    auto keys = target->db().query(QStringLiteral("SELECT active, revoked_at, key_hash FROM api_keys"));
    ERY_VERIFY_OK(keys);
    QCOMPARE(keys->size(), size_t(1));
    QVERIFY((*keys)[0]["active"] == Json(false));
    QVERIFY(!(*keys)[0]["revoked_at"].is_null());
    auto hooks = target->db().query(QStringLiteral("SELECT active, secret, disabled_reason FROM webhooks"));
    ERY_VERIFY_OK(hooks);
    QVERIFY((*hooks)[0]["active"] == Json(false));
    QVERIFY(QString::fromStdString((*hooks)[0]["secret"].get<std::string>()).startsWith(QLatin1String("whsec_")));
    auto mqtt = target->db().query(QStringLiteral("SELECT active, password FROM mqtt_publishers"));
    ERY_VERIFY_OK(mqtt);
    QVERIFY((*mqtt)[0]["active"] == Json(false));
    QVERIFY((*mqtt)[0]["password"].is_null());
    auto users = target->db().query(QStringLiteral("SELECT COUNT(*) AS n FROM users WHERE password_hash IS NOT NULL OR pin_hash IS NOT NULL"));
    ERY_VERIFY_OK(users);
    QCOMPARE((*users)[0]["n"].get<qint64>(), qint64(0));
    // Nothing a restore writes reaches the outbox: webhooks and MQTT would replay history.
    auto outbox = target->db().scalar(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    ERY_VERIFY_OK(outbox);
    QCOMPARE(*outbox, qint64(0));
}

void TestExportRestore::adminGetsAPassword()
{
    auto target = freshTarget();
    TenantRestore::Options o;
    o.adminUsername = QStringLiteral("admin");
    o.adminPassword = QStringLiteral("a-new-password");
    ERY_VERIFY_OK(TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceJson, o));
    ERY_VERIFY_OK(target->services().users.verifyPassword(Scope::of(m_tenant), QStringLiteral("admin"), QStringLiteral("a-new-password")));

    // A name the export does not have, an operator, a short password: refused, nothing written.
    for (const auto &[user, pw] : {std::pair{"nobody", "long-enough-1"}, std::pair{"admin", "short"}}) {
        auto fresh = freshTarget();
        TenantRestore::Options bad;
        bad.adminUsername = QLatin1String(user);
        bad.adminPassword = QLatin1String(pw);
        ERY_VERIFY_ERR(TenantRestore::restore(fresh->services().restores, fresh->db().schemaVersion(), m_sourceJson, bad),
                       ErrorCode::BadRequest);
        QCOMPARE(tenantCount(*fresh), qint64(0));
    }
}

void TestExportRestore::selectedTablesOnly()
{
    const QString file = path(QStringLiteral("some.json"));
    auto meta = exportTo(*m_source, file, TenantExport::Format::Json, {QStringLiteral("cells"), QStringLiteral("jobs")});
    ERY_VERIFY_OK(meta);
    const Json j = readJson(file);
    QVERIFY(j.contains("cells") && j.contains("jobs") && !j.contains("operations"));
    QCOMPARE((*meta)["tables"].size(), size_t(2));
    ERY_VERIFY_ERR(TenantExport::tablesFrom(QStringLiteral("jobs,outbox")), ErrorCode::BadRequest);
    ERY_VERIFY_ERR(TenantExport::tablesFrom(QStringLiteral("tenants")), ErrorCode::BadRequest);
    ERY_VERIFY_ERR(TenantExport::formatFrom(QStringLiteral("xml")), ErrorCode::BadRequest);
    // A partial export restores too (cells and jobs only).
    auto target = freshTarget();
    ERY_VERIFY_OK(TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {}));
}

void TestExportRestore::tamperedFilesRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("says");
    QFile f(m_sourceJson);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray json = f.readAll();
    QByteArray changed = json;
    changed.replace("Van Dijk Agri", "Van Dijk Agrx");
    QTest::newRow("changed value") << changed << "SHA-256";
    QByteArray dropped = json;
    const qsizetype at = dropped.indexOf("\n{\"id\"", dropped.indexOf("\"jobs\":["));
    dropped.remove(at, dropped.indexOf('\n', at + 1) - at);
    QTest::newRow("row removed") << dropped << "not";
    QTest::newRow("truncated") << json.left(json.size() / 2) << "broken JSON";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe garbage", 16) << "neither";
    QTest::newRow("utf-16") << QByteArray("\xff\xfe{\x00}\x00", 6) << "neither";
    QTest::newRow("original's layout") << QByteArray(R"({"jobs":[],"_metadata":{"exported_at":"x","tenant_id":"t","format":"json","tables":[]},"_tenant_info":{"name":"x"}})")
                                       << "Eryxon export";
    QTest::newRow("unknown table") << QByteArray(R"({"outbox":[]})") << "no table";
    QTest::newRow("row not an object") << QByteArray(R"({"jobs":[1,2]})") << "not an object";
    QTest::newRow("newer format") << QByteArray(json).replace("\"format_version\":1", "\"format_version\":99") << "format version";
    QTest::newRow("newer schema") << QByteArray(json).replace("\"schema_version\":", "\"schema_version\":9") << "newer";
    QTest::newRow("table twice") << QByteArray(R"({"jobs":[],"jobs":[]})") << "twice";
}

void TestExportRestore::tamperedFilesRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, says);
    const QString file = path(QStringLiteral("tampered.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
}

QByteArray TestExportRestore::withZipEntry(const QString &zipFile, const QString &name, const QByteArray &content, bool replace)
{
    const QString out = path(QStringLiteral("hostile.zip"));
    QFile::remove(out);
    QFile::copy(zipFile, out);
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(out).constData(), 0, &err);
    auto *copy = new QByteArray(content);
    zip_source_t *src = zip_source_buffer(z, copy->constData(), zip_uint64_t(copy->size()), 0);
    if (replace)
        zip_file_replace(z, zip_uint64_t(zip_name_locate(z, name.toUtf8().constData(), 0)), src, 0);
    else
        zip_file_add(z, name.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8);
    zip_close(z);
    delete copy;
    QFile f(out);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void TestExportRestore::hostileZipsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("says");
    QFile f(m_sourceZip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray zip = f.readAll();
    QTest::newRow("truncated") << zip.left(zip.size() * 2 / 3) << "cannot be read";
    QTest::newRow("parent path") << withZipEntry(m_sourceZip, QStringLiteral("../evil.csv"), "x", false) << "outside";
    QTest::newRow("absolute path") << withZipEntry(m_sourceZip, QStringLiteral("/etc/cron.d/x"), "x", false) << "outside";
    QTest::newRow("backslash path") << withZipEntry(m_sourceZip, QStringLiteral("..\\evil.csv"), "x", false) << "outside";
    QTest::newRow("unknown entry") << withZipEntry(m_sourceZip, QStringLiteral("run.sh"), "#!/bin/sh", false) << "no file of an export";
    QTest::newRow("changed table")
        << withZipEntry(m_sourceZip, QStringLiteral("cells.csv"), "id,tenant_id,name\r\nx,y,z\r\n", true) << "SHA-256";
    QTest::newRow("no metadata") << [&] {
        const QString out = path(QStringLiteral("nometa.zip"));
        QFile::remove(out);
        QFile::copy(m_sourceZip, out);
        int err = 0;
        zip_t *z = zip_open(QFile::encodeName(out).constData(), 0, &err);
        zip_delete(z, zip_uint64_t(zip_name_locate(z, "_metadata.json", 0)));
        zip_close(z);
        QFile g(out);
        g.open(QIODevice::ReadOnly);
        return g.readAll();
    }() << "no _metadata.json";
    QTest::newRow("deep metadata") << withZipEntry(m_sourceZip, QStringLiteral("_metadata.json"), QByteArray(5000, '[') + QByteArray(5000, ']'), true)
                                   << "deeper";
}

void TestExportRestore::hostileZipsRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, says);
    const QString file = path(QStringLiteral("refused.zip"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
}

void TestExportRestore::zipBombRefused()
{
    // 64 MiB of zeros deflates to ~64 KiB. Its headers are then made to claim 1,000 bytes, so the
    // declared sizes pass and only the bytes actually read can give it away.
    const QString file = path(QStringLiteral("bomb.zip"));
    QFile::remove(file);
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(file).constData(), ZIP_CREATE, &err);
    QByteArray zeros(64 << 20, '0');
    zip_file_add(z, "jobs.csv", zip_source_buffer(z, zeros.constData(), zip_uint64_t(zeros.size()), 0), 0);
    QByteArray meta = R"({"format":"eryxon-export","format_version":1,"schema_version":1,"tables":[{"name":"jobs","count":1,"sha256":"x"}]})";
    zip_file_add(z, "_metadata.json", zip_source_buffer(z, meta.constData(), zip_uint64_t(meta.size()), 0), 0);
    QByteArray tenant = R"({"id":"01a23833-c548-7113-a0eb-a2fa623ee84e"})";
    zip_file_add(z, "_tenant_info.json", zip_source_buffer(z, tenant.constData(), zip_uint64_t(tenant.size()), 0), 0);
    QCOMPARE(zip_close(z), 0);

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    QVERIFY(bytes.size() < (1 << 20));
    // The uncompressed size sits at offset 22 of a local header and 24 of a central one.
    auto patch = [&](const char *sig, int offset) {
        for (qsizetype at = bytes.indexOf(sig); at >= 0; at = bytes.indexOf(sig, at + 4)) {
            const quint32 size = quint32(uchar(bytes[at + offset])) | quint32(uchar(bytes[at + offset + 1])) << 8
                | quint32(uchar(bytes[at + offset + 2])) << 16 | quint32(uchar(bytes[at + offset + 3])) << 24;
            if (size == quint32(zeros.size()))
                for (int i = 0; i < 4; ++i)
                    bytes[at + offset + i] = char((1000 >> (8 * i)) & 0xff);
        }
    };
    patch("PK\x03\x04", 22);
    patch("PK\x01\x02", 24);
    f.seek(0);
    f.write(bytes);
    f.close();

    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("expands beyond")) || r.error().message.contains(QLatin1String("cannot be read"))
                 || r.error().message.contains(QLatin1String("damaged")),
             qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));

    // Honest headers of a real bomb: refused from its declared sizes before a byte is inflated.
    QFile::remove(file);
    z = zip_open(QFile::encodeName(file).constData(), ZIP_CREATE, &err);
    zip_file_add(z, "jobs.csv", zip_source_buffer(z, zeros.constData(), zip_uint64_t(zeros.size()), 0), 0);
    zip_file_add(z, "_metadata.json", zip_source_buffer(z, meta.constData(), zip_uint64_t(meta.size()), 0), 0);
    zip_file_add(z, "_tenant_info.json", zip_source_buffer(z, tenant.constData(), zip_uint64_t(tenant.size()), 0), 0);
    QCOMPARE(zip_close(z), 0);
    r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("would expand")), qPrintable(r.error().message));
}

void TestExportRestore::deepJsonRefused()
{
    const QString file = path(QStringLiteral("deep.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"jobs\":[{\"id\":\"x\",\"metadata\":" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}]}");
    f.close();
    auto r = TenantRestore::check(file, 99);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("deeper than")), qPrintable(r.error().message));
}

void TestExportRestore::existingTenantRefused()
{
    auto target = freshTarget();
    ERY_VERIFY_OK(TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceJson, {}));
    auto again = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceZip, {});
    ERY_VERIFY_ERR(again, ErrorCode::Conflict);
    auto jobs = target->db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs"));
    QCOMPARE(*jobs, qint64(readJson(m_sourceJson)["jobs"].size()));
}

void TestExportRestore::intoAnEmptyTenant()
{
    auto shop = TestShop::create(false);
    auto pair = shop->s().tenants.create(Json{{"name", "New Shop"}});
    ERY_VERIFY_OK(pair);
    const QString into = str(pair->live, "id");
    ERY_VERIFY_OK(shop->s().apiKeys.create(Scope::of(into), Json{{"name", "admin"}, {"scope", "admin"}}));
    TenantRestore::Options o;
    o.intoTenant = into;
    auto done = TenantRestore::restore(shop->s().restores, shop->db().schemaVersion(), m_sourceZip, o);
    ERY_VERIFY_OK(done);
    auto jobs = shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"), {into});
    QCOMPARE(*jobs, qint64(readJson(m_sourceJson)["jobs"].size()));
    // The files came along, their paths under the new tenant, and open by name there.
    const auto restored = fileBytes(shop->engine(), into);
    QCOMPARE(restored.size(), m_sourceFiles.size());
    for (auto it = m_sourceFiles.cbegin(); it != m_sourceFiles.cend(); ++it)
        QCOMPARE(restored.value(it.key()), it.value());
    auto paths = shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM files WHERE tenant_id = ? AND path LIKE ?"), {into, into + QStringLiteral("/%")});
    QCOMPARE(*paths, qint64(m_sourceFiles.size()));
    // Now it holds shop data: a second restore is refused, and nothing of it is written.
    auto again = TenantRestore::restore(shop->s().restores, shop->db().schemaVersion(), m_sourceZip, o);
    ERY_VERIFY_ERR(again, ErrorCode::Conflict);
    QCOMPARE(*shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"), {into}), *jobs);
}

void TestExportRestore::cancelledExportLeavesNoFile()
{
    for (auto format : {TenantExport::Format::Json, TenantExport::Format::CsvZip}) {
        std::atomic_bool cancel{false};
        TenantExport::Options o;
        o.format = format;
        o.cancel = &cancel;
        int calls = 0;
        o.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            if (++calls == 2)
                cancel = true;
        };
        const QString file = path(QStringLiteral("cancelled.out"));
        auto r = TenantExport::write(m_source->services().exports, Scope::of(m_tenant), file, o);
        ERY_VERIFY_ERR(r, ErrorCode::ServiceUnavailable);
        QVERIFY(!QFile::exists(file));
    }
}

void TestExportRestore::exportIsOneSnapshot()
{
    // A job created while the export runs (after its first page) is not in the file, on either
    // table that it touches; the next export has it.
    const Scope scope = Scope::of(m_tenant);
    auto before = m_source->db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs"));
    ERY_VERIFY_OK(before);
    TenantExport::Options o;
    bool wrote = false;
    o.progress = [&](qint64 done, qint64) {
        if (done > 0 && !wrote) {
            wrote = true;
            auto j = m_source->services().jobs.create(scope, Json{{"job_number", "DURING-EXPORT"}, {"customer", "Late"}});
            QVERIFY(bool(j));
        }
    };
    const QString file = path(QStringLiteral("snapshot.json"));
    ERY_VERIFY_OK(TenantExport::write(m_source->services().exports, scope, file, o));
    QVERIFY(wrote);
    const Json j = readJson(file);
    QCOMPARE(qint64(j["jobs"].size()), *before);
    QVERIFY(!QString::fromStdString(j.dump()).contains(QLatin1String("DURING-EXPORT")));
    ERY_VERIFY_OK(TenantExport::write(m_source->services().exports, scope, file, {}));
    QCOMPARE(qint64(readJson(file)["jobs"].size()), *before + 1);
}

void TestExportRestore::filesSurviveZipByteIdentical()
{
    // The ZIP holds each blob once (the shared drawing too), named by its SHA-256.
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(m_sourceZip).constData(), ZIP_RDONLY, &err);
    QVERIFY(z);
    QSet<QString> blobs;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        const QString name = QString::fromUtf8(zip_get_name(z, zip_uint64_t(i), 0));
        if (name.startsWith(QLatin1String("files/")))
            blobs.insert(name);
    }
    zip_discard(z);
    auto distinct = m_source->db().scalar(QStringLiteral("SELECT COUNT(DISTINCT sha256) FROM files WHERE tenant_id = ?"), {m_tenant});
    QCOMPARE(qint64(blobs.size()), *distinct);
    QVERIFY(qint64(m_sourceFiles.size()) > *distinct);
    QVERIFY(blobs.contains(blobOf(QStringLiteral("bracket.step"))));
    const Json meta = readJson(m_sourceJson)["_metadata"];
    QVERIFY(meta["files"]["contents_included"] == Json(false));

    auto target = freshTarget();
    auto done = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceZip, {});
    ERY_VERIFY_OK(done);
    QCOMPARE((*done)["files"]["restored"].get<qint64>(), qint64(m_sourceFiles.size()));
    QCOMPARE((*done)["files"]["left_out"].get<qint64>(), qint64(0));
    QCOMPARE(fileBytes(*target, m_tenant), m_sourceFiles);
    QCOMPARE(qint64(blobCount(*target)), *distinct);
    QCOMPARE(QDir(target->services().files.stagingDir()).entryList(QDir::Files).size(), 0);
    // Exported again, the same blobs.
    const QString again = path(QStringLiteral("files-again.zip"));
    auto againMeta = exportTo(*target, again, TenantExport::Format::CsvZip);
    ERY_VERIFY_OK(againMeta);
    QCOMPARE((*againMeta)["files"]["blobs"].get<qint64>(), *distinct);
    ERY_VERIFY_OK(TenantRestore::check(again, target->db().schemaVersion()));
}

void TestExportRestore::jsonCarriesFileRowsOnly()
{
    const Json source = readJson(m_sourceJson);
    QCOMPARE(source["files"].size(), size_t(m_sourceFiles.size()));
    QVERIFY(source["_metadata"]["files"]["note"].is_string());
    QFile json(m_sourceJson);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(!json.readAll().contains("ISO-10303-21"));

    // Into a hub without the contents: the rows are left out and the answer says so.
    auto target = freshTarget();
    auto done = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), m_sourceJson, {});
    ERY_VERIFY_OK(done);
    QCOMPARE((*done)["files"]["left_out"].get<qint64>(), qint64(m_sourceFiles.size()));
    QVERIFY(QString::fromStdString((*done)["files"]["note"].get<std::string>()).contains(QLatin1String("ZIP")));
    QCOMPARE(*target->db().scalar(QStringLiteral("SELECT COUNT(*) FROM files")), qint64(0));
    target.reset();

    // Into a hub whose store holds the contents already (the same bytes attached elsewhere, or a
    // store kept from before), the rows come back and open.
    auto hub = freshTarget();
    FileService &files = hub->services().files;
    for (const QByteArray &bytes : m_sourceFiles) {
        auto staged = files.stage(bytes);
        QVERIFY(bool(staged));
        ERY_VERIFY_OK(files.putBlob(*staged));
    }
    auto second = TenantRestore::restore(hub->services().restores, hub->db().schemaVersion(), m_sourceJson, {});
    ERY_VERIFY_OK(second);
    QCOMPARE((*second)["files"]["restored"].get<qint64>(), qint64(m_sourceFiles.size()));
    QCOMPARE((*second)["files"]["left_out"].get<qint64>(), qint64(0));
    QVERIFY(!(*second)["files"].contains("note"));
    QCOMPARE(fileBytes(*hub, m_tenant), m_sourceFiles);
}

void TestExportRestore::tamperedBlobRefused()
{
    const QString entry = blobOf(QStringLiteral("scratch.png"));
    QVERIFY(!entry.isEmpty());
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += QByteArray(300, '\x08'); // same size, other bytes
    const QString file = path(QStringLiteral("tampered-blob.zip"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(withZipEntry(m_sourceZip, entry, png, true));
    }
    auto checked = TenantRestore::check(file, m_source->db().schemaVersion());
    QVERIFY(!checked);
    QVERIFY2(checked.error().message.contains(QLatin1String("scratch.png")), qPrintable(checked.error().message));
    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("\"scratch.png\"")) && r.error().message.contains(QLatin1String("SHA-256")),
             qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
    QCOMPARE(blobCount(*target), 0);
    QCOMPARE(QDir(target->services().files.stagingDir()).entryList(QDir::Files).size(), 0);
    // A blob of another size is refused from the ZIP's directory alone.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(withZipEntry(m_sourceZip, entry, png + "x", true));
    }
    r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("\"scratch.png\"")), qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
}

void TestExportRestore::missingBlobRefused()
{
    const QString entry = blobOf(QStringLiteral("bracket.step"));
    const QString file = path(QStringLiteral("missing-blob.zip"));
    QFile::remove(file);
    QFile::copy(m_sourceZip, file);
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(file).constData(), 0, &err);
    QVERIFY(z);
    QCOMPARE(zip_delete(z, zip_uint64_t(zip_name_locate(z, entry.toUtf8().constData(), 0))), 0);
    QCOMPARE(zip_close(z), 0);
    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("\"bracket.step\"")) && r.error().message.contains(QLatin1String("missing")),
             qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
    QCOMPARE(blobCount(*target), 0);
}

void TestExportRestore::strayBlobRefused()
{
    const QString stray = QStringLiteral("files/") + QString(64, QLatin1Char('a'));
    const QString file = path(QStringLiteral("stray-blob.zip"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(withZipEntry(m_sourceZip, stray, "stray", false));
    }
    auto target = freshTarget();
    auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("no row of the files table")), qPrintable(r.error().message));
    // Any other folder is still no part of an export.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(withZipEntry(m_sourceZip, QStringLiteral("files/../x"), "x", false));
    }
    r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("outside")), qPrintable(r.error().message));
    QCOMPARE(tenantCount(*target), qint64(0));
}

void TestExportRestore::noBlobCollectedWhileExporting()
{
    // A file whose only row goes while an export reads keeps its blob until the export is done.
    Services &s = m_source->services();
    const Scope scope = Scope::of(m_tenant);
    auto part = m_source->db().query(QStringLiteral("SELECT id FROM parts WHERE tenant_id = ? ORDER BY id DESC LIMIT 1"), {m_tenant});
    QVERIFY(part && part->size() == 1);
    auto staged = s.files.stage("%PDF-1.4\n% only during the export\n%%EOF\n");
    QVERIFY(bool(staged));
    auto f = s.files.attach(scope, {QStringLiteral("part"), str(part->front(), "id")},
                            FileService::Incoming{QStringLiteral("short-lived.pdf"), QStringLiteral("application/pdf"), *staged, {}, 0});
    ERY_VERIFY_OK(f);
    const int blobs = blobCount(*m_source);
    bool removed = false;
    TenantExport::Options o;
    o.format = TenantExport::Format::CsvZip;
    o.progress = [&](qint64 done, qint64) {
        if (done > 0 && !removed) {
            removed = true;
            QVERIFY(bool(s.files.remove(scope, *f)));
            QCOMPARE(blobCount(*m_source), blobs);
        }
    };
    const QString file = path(QStringLiteral("during.zip"));
    ERY_VERIFY_OK(TenantExport::write(s.exports, scope, file, o));
    QVERIFY(removed);
    // The snapshot had the row, so the ZIP has its blob, and it restores.
    auto target = freshTarget();
    ERY_VERIFY_OK(TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {}));
    QCOMPARE(*target->db().scalar(QStringLiteral("SELECT COUNT(*) FROM files WHERE name = 'short-lived.pdf'")), qint64(1));
    // Once the export is done the blob goes.
    s.files.collect();
    QCOMPARE(blobCount(*m_source), blobs - 1);
}

QTEST_GUILESS_MAIN(TestExportRestore)
#include "tst_exportrestore.moc"
