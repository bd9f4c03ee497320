#include "testshop.h"

#include "domain/filecontent.h"
#include "files/diskblobstore.h"
#include "files/stagingfile.h"
#include "services/demoshop.h"
#include "mcp/resourcecatalog.h"
#include "mcp/toolregistry.h"
#include "services/tenantreader.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// The file store through FileService: content-addressed blobs, rows per attachment, tenant and
// sandbox isolation, quota, type checks and when a blob goes.
class TestFiles : public QObject {
    Q_OBJECT
private slots:
    void attachListOpen();
    void dedupAndLastReferenceRemovesBlob();
    void noRemovalWhileHeld();
    void tenantAndSandboxIsolation();
    void quotaRefusesWith402();
    void refusesExecutablesMismatchesAndBadNames();
    void eventsOnAttachAndRemove();
    void mcpToolAndResource();
    void demoShopHasDrawingsAndAPhoto();
    void removalAsksAgainOnceTheBlobIsAside();
    void aBlobRemovedByAnotherHubBeforeTheCommitIsStoredAgain();
};

namespace {

const QByteArray kPdf = QByteArray("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

FileService::Incoming incoming(FileService &files, const QString &name, const QString &type, const QByteArray &bytes)
{
    auto staged = files.stage(bytes);
    if (!staged)
        qFatal("staging failed: %s", qPrintable(staged.error().message));
    return FileService::Incoming{name, type, *staged, {}, 0};
}

int blobCount(const TestShop &shop, TestShop &s)
{
    Q_UNUSED(shop);
    auto &disk = static_cast<files::DiskBlobStore &>(s.s().files.store());
    int n = 0;
    QDirIterator it(disk.root(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (!it.next().startsWith(disk.stagingDir()))
            ++n;
    return n;
}

// Another hub sharing the store: right after this hub's put(), it removes the blob (no committed
// row named it when it looked).
class RacingStore : public files::DiskBlobStore {
public:
    using DiskBlobStore::DiskBlobStore;
    Status put(const QByteArray &sha256, const QString &source) override
    {
        Status s = DiskBlobStore::put(sha256, source);
        if (s && race) {
            race = false; // once
            QFile::remove(pathOf(sha256));
        }
        return s;
    }
    bool race = true;
};

// A staged file in `store`'s staging folder with these bytes, and its hash.
QString stageInto(const files::DiskBlobStore &store, const QByteArray &bytes, QByteArray *sha)
{
    auto f = files::StagingFile::create(store.stagingDir(), QStringLiteral("t"), 16);
    if (!f || !(*f)->write(bytes.constData(), bytes.size()))
        qFatal("staging failed");
    auto done = (*f)->finish();
    if (!done)
        qFatal("staging failed");
    *sha = done->sha256;
    return done->path;
}

} // namespace

void TestFiles::attachListOpen()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto f = files.attach(shop->scope, part, incoming(files, QStringLiteral("drawing.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(f);
    QCOMPARE(str(*f, "name"), QStringLiteral("drawing.pdf"));
    QCOMPARE(num(*f, "size_bytes"), qint64(kPdf.size()));
    QCOMPARE(str(*f, "sha256"), QString::fromLatin1(QCryptographicHash::hash(kPdf, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(str(*f, "path"), QStringLiteral("%1/parts/%2/drawing.pdf").arg(shop->tenantId, shop->partId));
    auto list = files.list(shop->scope, part);
    ERY_VERIFY_OK(list);
    QCOMPARE(int(list->size()), 1);
    auto dev = files.open(*f);
    ERY_VERIFY_OK(dev);
    QCOMPARE((*dev)->readAll(), kPdf);
    // The same name on the same part is a conflict; on another owner it is fine.
    ERY_VERIFY_ERR(files.attach(shop->scope, part, incoming(files, QStringLiteral("drawing.pdf"), QStringLiteral("application/pdf"), kPdf)),
                   ErrorCode::Conflict);
    ERY_VERIFY_OK(files.attach(shop->scope, {QStringLiteral("operation"), shop->ops[0]},
                               incoming(files, QStringLiteral("drawing.pdf"), QStringLiteral("application/pdf"), kPdf)));
    // Nothing is left in the staging folder.
    QCOMPARE(QDir(files.stagingDir()).entryList(QDir::Files).size(), 0);
}

void TestFiles::dedupAndLastReferenceRemovesBlob()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto a = files.attach(shop->scope, part, incoming(files, QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), kPdf));
    auto b = files.attach(shop->scope, part, incoming(files, QStringLiteral("b.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(a);
    ERY_VERIFY_OK(b);
    QCOMPARE(blobCount(*shop, *shop), 1);
    ERY_VERIFY_OK(files.remove(shop->scope, *a));
    QCOMPARE(blobCount(*shop, *shop), 1);
    QVERIFY(files.store().contains(str(*b, "sha256").toLatin1()));
    ERY_VERIFY_OK(files.remove(shop->scope, *b));
    QCOMPARE(blobCount(*shop, *shop), 0);
    QCOMPARE(files.pendingRemovals(), 0);
}

void TestFiles::noRemovalWhileHeld()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto a = files.attach(shop->scope, part, incoming(files, QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(a);
    {
        // An export's reader holds the store as long as it lives.
        auto reader = shop->s().exports.open(shop->scope);
        ERY_VERIFY_OK(reader);
        ERY_VERIFY_OK(files.remove(shop->scope, *a));
        QCOMPARE(blobCount(*shop, *shop), 1);
        QCOMPARE(files.pendingRemovals(), 1);
    }
    files.collect();
    QCOMPARE(blobCount(*shop, *shop), 0);
    QCOMPARE(files.pendingRemovals(), 0);
}

void TestFiles::tenantAndSandboxIsolation()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto f = files.attach(shop->scope, part, incoming(files, QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(f);
    // The sandbox twin sees neither the part nor its file.
    ERY_VERIFY_ERR(files.list(shop->sandbox, part), ErrorCode::NotFound);
    ERY_VERIFY_ERR(files.get(shop->sandbox, part, str(*f, "id")), ErrorCode::NotFound);
    ERY_VERIFY_ERR(files.byPath(shop->sandbox, str(*f, "path")), ErrorCode::NotFound);
    ERY_VERIFY_ERR(files.remove(shop->sandbox, *f), ErrorCode::NotFound);
    ERY_VERIFY_ERR(files.attach(shop->sandbox, part, incoming(files, QStringLiteral("b.pdf"), QStringLiteral("application/pdf"), kPdf)),
                   ErrorCode::NotFound);
    // A file asked for under another owner of the same tenant is not found either.
    ERY_VERIFY_ERR(files.get(shop->scope, {QStringLiteral("operation"), shop->ops[0]}, str(*f, "id")), ErrorCode::NotFound);
}

void TestFiles::quotaRefusesWith402()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    ERY_VERIFY_OK(shop->s().tenants.update(shop->tenantId, Json{{"max_storage_mb", 1}}));
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    QByteArray big = "%PDF-1.4\n" + QByteArray(700 * 1024, 'x');
    ERY_VERIFY_OK(files.attach(shop->scope, part, incoming(files, QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), big)));
    big[20] = 'y'; // other bytes, so the second is a blob of its own too
    auto r = files.attach(shop->scope, part, incoming(files, QStringLiteral("b.pdf"), QStringLiteral("application/pdf"), big));
    ERY_VERIFY_ERR(r, ErrorCode::QuotaExceeded);
    QCOMPARE(r.error().httpStatus(), 402);
    QCOMPARE(r.error().details["limitType"].get<std::string>(), std::string("storage_mb"));
    QCOMPARE(r.error().details["limit"].get<qint64>(), qint64(1));
    QCOMPARE(r.error().details["requestedBytes"].get<qint64>(), qint64(big.size()));
    // The refused bytes did not stay in the store.
    QCOMPARE(blobCount(*shop, *shop), 1);
}

void TestFiles::refusesExecutablesMismatchesAndBadNames()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto expect = [&](const QString &name, const QString &type, const QByteArray &bytes, ErrorCode code, const char *constraint) {
        auto r = files.attach(shop->scope, part, incoming(files, name, type, bytes));
        QVERIFY2(!r, qPrintable(name));
        QCOMPARE(toString(r.error().code), toString(code));
        if (constraint)
            QCOMPARE(r.error().details[0]["constraint"].get<std::string>(), std::string(constraint));
    };
    expect(QStringLiteral("invoice.pdf"), QStringLiteral("application/pdf"), QByteArray("MZ\x90\x00\x03", 5) + QByteArray(100, '\0'),
           ErrorCode::ValidationError, "executable");
    expect(QStringLiteral("tool.step"), QStringLiteral("application/step"), QByteArray("\x7f" "ELF\x02\x01\x01"), ErrorCode::ValidationError,
           "executable");
    expect(QStringLiteral("run.txt"), QStringLiteral("text/plain"), QByteArray("#!/bin/sh\nrm -rf /\n"), ErrorCode::ValidationError,
           "executable");
    expect(QStringLiteral("photo.png"), QStringLiteral("image/png"), kPdf, ErrorCode::ValidationError, "content_type_mismatch");
    expect(QStringLiteral("part.step"), QStringLiteral("model/step"), QByteArray("solid cube\n"), ErrorCode::ValidationError,
           "content_type_mismatch");
    expect(QStringLiteral("page.html"), QStringLiteral("text/html"), QByteArray("<html>"), ErrorCode::UnsupportedMediaType, nullptr);
    for (const QString &bad : {QStringLiteral("../../etc/passwd"), QStringLiteral("a/b.pdf"), QStringLiteral("a\\b.pdf"),
                               QStringLiteral("..pdf"), QStringLiteral("nul\x01.pdf"), QString(256, QLatin1Char('a')), QString()})
        expect(bad, QStringLiteral("application/pdf"), kPdf, ErrorCode::ValidationError, nullptr);
    // Good ones of each kind with a signature.
    const QList<std::pair<QString, QByteArray>> good{
        {QStringLiteral("image/png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
        {QStringLiteral("image/jpeg"), QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF", 10)},
        {QStringLiteral("image/gif"), QByteArray("GIF89a\x01\0\x01\0")},
        {QStringLiteral("image/webp"), QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16)},
        {QStringLiteral("application/step"), QByteArray("ISO-10303-21;\nHEADER;\n")},
        {QStringLiteral("application/dxf"), QByteArray("  0\nSECTION\n  2\nHEADER\n")},
        {QStringLiteral("application/zip"), QByteArray("PK\x03\x04\x14\0\0\0", 8)},
        {QStringLiteral("text/csv"), QByteArray("a,b\n1,2\n")},
    };
    int i = 0;
    for (const auto &[type, bytes] : good)
        ERY_VERIFY_OK(files.attach(shop->scope, part, incoming(files, QStringLiteral("good-%1").arg(++i), type, bytes)));
}

void TestFiles::eventsOnAttachAndRemove()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    auto f = files.attach(shop->scope, {QStringLiteral("part"), shop->partId},
                          incoming(files, QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(f);
    auto attached = shop->events(QStringLiteral("file.attached"));
    QCOMPARE(int(attached.size()), 1);
    const Json payload = attached[0]["payload"].is_string() ? Json::parse(attached[0]["payload"].get<std::string>()) : attached[0]["payload"];
    const Json data = payload.contains("data") ? payload["data"] : payload;
    QCOMPARE(data["part_number"].get<std::string>(), std::string("J-100-P1"));
    QCOMPARE(data["job_number"].get<std::string>(), std::string("J-100"));
    QCOMPARE(data["name"].get<std::string>(), std::string("a.pdf"));
    ERY_VERIFY_OK(files.remove(shop->scope, *f));
    auto removed = shop->events(QStringLiteral("file.removed"));
    QCOMPARE(int(removed.size()), 1);
}

void TestFiles::mcpToolAndResource()
{
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    ERY_VERIFY_OK(files.attach(shop->scope, part, incoming(files, QStringLiteral("DWG 7101.pdf"), QStringLiteral("application/pdf"), kPdf)));
    const QByteArray step("ISO-10303-21;\nHEADER;\nENDSEC;\n");
    ERY_VERIFY_OK(files.attach(shop->scope, part, incoming(files, QStringLiteral("bracket.step"), QStringLiteral("application/step"), step)));

    const mcp::Tool *tool = mcp::ToolRegistry::standard().find(QStringLiteral("list_part_files"));
    QVERIFY(tool);
    QVERIFY(tool->hints.readOnly);
    auto listed = tool->handler(mcp::ToolCall{shop->s(), shop->scope, {}, {}, Json{{"part_id", toStd(shop->partId)}}, {}});
    ERY_VERIFY_OK(listed);
    QCOMPARE((*listed)["count"].get<int>(), 2);
    const QString pdfUri = str((*listed)["files"][0], "resource_uri");
    QCOMPARE(pdfUri, QStringLiteral("eryxon://parts/%1/files/DWG%207101.pdf").arg(shop->partId));
    // Another tenant's scope (the sandbox) does not see the part.
    ERY_VERIFY_ERR(tool->handler(mcp::ToolCall{shop->s(), shop->sandbox, {}, {}, Json{{"part_id", toStd(shop->partId)}}, {}}),
                   ErrorCode::NotFound);

    mcp::ResourceCatalog catalog(shop->s());
    auto pdf = catalog.read(shop->scope, pdfUri);
    ERY_VERIFY_OK(pdf);
    QCOMPARE(str(*pdf, "mimeType"), QStringLiteral("application/pdf"));
    QCOMPARE(QByteArray::fromBase64(str(*pdf, "blob").toLatin1()), kPdf);
    QVERIFY(!pdf->contains("text"));
    auto text = catalog.read(shop->scope, str((*listed)["files"][1], "resource_uri"));
    ERY_VERIFY_OK(text);
    QCOMPARE(str(*text, "text").toLatin1(), step);
    ERY_VERIFY_ERR(catalog.read(shop->sandbox, pdfUri), ErrorCode::NotFound);
    ERY_VERIFY_ERR(catalog.read(shop->scope, QStringLiteral("eryxon://parts/%1/files/nope.pdf").arg(shop->partId)), ErrorCode::NotFound);
    ERY_VERIFY_ERR(catalog.read(shop->scope, QStringLiteral("eryxon://parts/%1/files/..%2F..%2Fx").arg(shop->partId)), ErrorCode::NotFound);
    bool templated = false;
    for (const auto &t : catalog.templates())
        templated = templated || str(t, "uriTemplate") == QLatin1String("eryxon://parts/{id}/files/{name}");
    QVERIFY(templated);
    QVERIFY(mcp::ResourceCatalog::dependsOn(pdfUri, {QStringLiteral("files")}));
}

void TestFiles::demoShopHasDrawingsAndAPhoto()
{
    // The demo's drawings (one per product, on every part of it) and photo are made at build time
    // and compiled in; they pass the store's own checks, both twins share the blobs, and loading
    // the demo again changes nothing.
    auto shop = TestShop::create(false);
    auto demo = DemoShop::load(shop->s(), true);
    ERY_VERIFY_OK(demo);
    auto rows = shop->db().query(QStringLiteral("SELECT * FROM files WHERE tenant_id = ? ORDER BY name"), {demo->tenantId});
    ERY_VERIFY_OK(rows);
    int drawings = 0, photos = 0;
    for (const Row &f : *rows) {
        auto dev = shop->s().files.open(f);
        ERY_VERIFY_OK(dev);
        const QByteArray bytes = (*dev)->readAll();
        QCOMPARE(qint64(bytes.size()), num(f, "size_bytes"));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), str(f, "sha256"));
        ERY_VERIFY_OK(filecontent::checkName(str(f, "name")));
        ERY_VERIFY_OK(filecontent::checkContent(str(f, "content_type"), bytes.left(filecontent::kSniffBytes)));
        QVERIFY(bytes.size() < 64 * 1024);
        if (str(f, "owner_kind") == QLatin1String("part")) {
            QCOMPARE(str(f, "content_type"), QStringLiteral("application/pdf"));
            QVERIFY(str(f, "name").startsWith(QLatin1String("DWG-")));
            auto part = shop->db().query(QStringLiteral("SELECT drawing_no FROM parts WHERE id = ?"), {str(f, "owner_id")});
            ERY_VERIFY_OK(part);
            QCOMPARE(str(f, "name"), str(part->front(), "drawing_no") + QStringLiteral(".pdf"));
            QVERIFY(bytes.trimmed().endsWith("%%EOF"));
            // The cross-reference table points at its objects.
            const qsizetype xref = bytes.mid(bytes.lastIndexOf("startxref") + 10).trimmed().split('\n').front().toLongLong();
            QVERIFY(bytes.mid(xref).startsWith("xref"));
            ++drawings;
        } else {
            QCOMPARE(str(f, "owner_kind"), QStringLiteral("issue"));
            QCOMPARE(str(f, "content_type"), QStringLiteral("image/png"));
            auto issue = shop->db().query(QStringLiteral("SELECT status, title FROM issues WHERE id = ?"), {str(f, "owner_id")});
            ERY_VERIFY_OK(issue);
            QCOMPARE(str(issue->front(), "status"), QStringLiteral("pending"));
            ++photos;
        }
    }
    auto parts = shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM parts WHERE tenant_id = ?"), {demo->tenantId});
    ERY_VERIFY_OK(parts);
    QVERIFY(*parts > 30);
    QCOMPARE(qint64(drawings), *parts);
    QCOMPARE(photos, 1);
    auto all = shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM files"));
    QCOMPARE(*all, 2 * (*parts + 1));
    // The six products' drawings and the photo, once each.
    auto distinct = shop->db().scalar(QStringLiteral("SELECT COUNT(DISTINCT sha256) FROM files"));
    ERY_VERIFY_OK(distinct);
    QCOMPARE(*distinct, qint64(7));
    const int blobs = blobCount(*shop, *shop);
    QCOMPARE(blobs, 7);
    auto outbox = shop->db().scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM outbox"));
    ERY_VERIFY_OK(outbox);

    auto again = DemoShop::load(shop->s(), true);
    ERY_VERIFY_OK(again);
    QVERIFY(!again->created);
    QCOMPARE(*shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM files")), *all);
    QCOMPARE(blobCount(*shop, *shop), blobs);
    QCOMPARE(*shop->db().scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM outbox")), *outbox);
}

void TestFiles::removalAsksAgainOnceTheBlobIsAside()
{
    // Several hubs on one PostgreSQL database share a store: the question "does a row name these
    // bytes?" is asked again once the blob is out of everyone's reach, and the answer decides.
    QTemporaryDir dir;
    files::DiskBlobStore store(dir.path());
    QByteArray sha;
    ERY_VERIFY_OK(store.put(sha, stageInto(store, kPdf, &sha)));
    QVERIFY(store.contains(sha));

    // A row committed meanwhile: the blob goes back, whole.
    int asked = 0;
    bool asideWhenAsked = false;
    ERY_VERIFY_OK(store.remove(sha, [&]() -> Result<bool> {
        ++asked;
        asideWhenAsked = !store.contains(sha);
        return false;
    }));
    QCOMPARE(asked, 1);
    QVERIFY(asideWhenAsked);
    QVERIFY(store.contains(sha));
    QCOMPARE((*store.open(sha))->readAll(), kPdf);

    // Another hub stores the same bytes while the blob is aside, its row not committed yet: this
    // removal deletes only what it set aside, the other hub's copy stays.
    ERY_VERIFY_OK(store.remove(sha, [&]() -> Result<bool> {
        QByteArray again;
        const QString staged = stageInto(store, kPdf, &again);
        if (!store.put(again, staged))
            return Error::internal(QStringLiteral("put failed"));
        return true;
    }));
    QVERIFY(store.contains(sha));
    QCOMPARE((*store.open(sha))->readAll(), kPdf);

    // The question fails: the blob is kept and the error said.
    ERY_VERIFY_ERR(store.remove(sha, []() -> Result<bool> { return Error::internal(QStringLiteral("database gone")); }), ErrorCode::Internal);
    QVERIFY(store.contains(sha));

    // Nothing names it: gone, nothing left aside; an absent blob is no error.
    ERY_VERIFY_OK(store.remove(sha, []() -> Result<bool> { return true; }));
    QVERIFY(!store.contains(sha));
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QVERIFY2(it.next().startsWith(store.stagingDir()), qPrintable(it.filePath()));
    ERY_VERIFY_OK(store.remove(sha, []() -> Result<bool> { return true; }));
}

void TestFiles::aBlobRemovedByAnotherHubBeforeTheCommitIsStoredAgain()
{
    // Another hub removes the blob between this hub's put() and its commit (it saw no row): once
    // the row is written, its bytes go back into the store from the staged file's second name.
    auto shop = TestShop::create();
    FileService &files = shop->s().files;
    const QString root = static_cast<files::DiskBlobStore &>(files.store()).root();
    auto racing = std::make_unique<RacingStore>(root);
    RacingStore *store = racing.get();
    files.configure(std::move(racing), store->stagingDir());
    const FileService::Owner part{QStringLiteral("part"), shop->partId};
    auto f = files.attach(shop->scope, part, incoming(files, QStringLiteral("raced.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(f);
    const QByteArray sha = str(*f, "sha256").toLatin1();
    QVERIFY(store->contains(sha));
    auto dev = files.open(*f);
    ERY_VERIFY_OK(dev);
    QCOMPARE((*dev)->readAll(), kPdf);
    // No second name is left in the staging folder.
    QCOMPARE(QDir(store->stagingDir()).entryList(QDir::Files).size(), 0);

    // Without a race, the second name goes once the row is written.
    QVERIFY(!store->race);
    auto g = files.attach(shop->scope, part, incoming(files, QStringLiteral("calm.pdf"), QStringLiteral("application/pdf"), kPdf));
    ERY_VERIFY_OK(g);
    QCOMPARE(QDir(store->stagingDir()).entryList(QDir::Files).size(), 0);
}

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
