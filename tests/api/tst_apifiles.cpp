#include "apiroutetest.h"

#include "files/diskblobstore.h"
#include "http/apiserver.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace ery;
using namespace ery::test;

// Files over HTTP: /api/v1/{parts|operations|issues}/{id}/files, signed upload and download URLs,
// the original's api-upload-url, file-url, image-url and api-parts-images, and what they refuse.
class TestApiFiles : public ApiRouteTest {
    Q_OBJECT
private slots:
    void uploadListDownloadDelete();
    void rangeAndEtag();
    void otherTenantAndSandboxSeeNothing();
    void signedUploadUrlOnceAndInTime();
    void fileUrlAndImageUrl();
    void refusesExecutablesMismatchesAndTraversal();
    void quotaIs402();
    void dedupOverHttp();
    void partImagesMultipart();
    void hostileUploads();
    void hundredMegabytesStreamedWithBoundedMemory();

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    ApiFixture::Reply upload(const QString &path, const QString &key, const QByteArray &type, const QByteArray &bytes);
    int blobCount();
    QString partFiles() const { return QStringLiteral("/api/v1/parts/%1/files").arg(f->shop().partId); }
};

namespace {

const QByteArray kPdf = QByteArray("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const QByteArray kPng = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);

QByteArray step(int size)
{
    QByteArray b("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('test'),'2;1');\nENDSEC;\nDATA;\n");
    while (b.size() < size)
        b += "#" + QByteArray::number(b.size()) + "=CARTESIAN_POINT('',(0.,0.,0.));\n";
    return b.left(size);
}

QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

QByteArray multipart(const QByteArray &boundary, const QByteArray &field, const QByteArray &filename, const QByteArray &type,
                     const QByteArray &data)
{
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename +
           "\"\r\nContent-Type: " + type + "\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
}

} // namespace

ApiFixture::Reply TestApiFiles::upload(const QString &path, const QString &k, const QByteArray &type, const QByteArray &bytes)
{
    return f->callRaw("POST", path, k, bytes, {{"Content-Type", type}});
}

int TestApiFiles::blobCount()
{
    auto &disk = static_cast<files::DiskBlobStore &>(f->s().files.store());
    int n = 0;
    QDirIterator it(disk.root(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (!it.next().startsWith(disk.stagingDir()))
            ++n;
    return n;
}

void TestApiFiles::uploadListDownloadDelete()
{
    const QByteArray body = step(5000);
    auto up = upload(partFiles() + QStringLiteral("?name=bracket%20v2.step"), key, "application/step", body);
    EXPECT_STATUS(up, 201);
    const Json file = up.data()["file"];
    QCOMPARE(str(file, "name"), QStringLiteral("bracket v2.step"));
    QCOMPARE(num(file, "size_bytes"), qint64(body.size()));
    QCOMPARE(str(file, "sha256"), sha(body));
    QCOMPARE(str(file, "content_type"), QStringLiteral("application/step"));
    QVERIFY(!file.contains("tenant_id"));

    auto list = f->call("GET", partFiles(), key);
    EXPECT_STATUS(list, 200);
    QCOMPARE(int(list.data()["files"].size()), 1);

    const QString item = partFiles() + QLatin1Char('/') + str(file, "id");
    auto down = f->call("GET", item, key);
    EXPECT_STATUS(down, 200);
    QCOMPARE(down.raw, body);
    QVERIFY(down.header("Content-Disposition").startsWith("attachment;"));
    QVERIFY(down.header("Content-Disposition").contains("filename*=UTF-8''bracket%20v2.step"));
    QCOMPARE(down.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(down.header("Content-Type"), QByteArray("application/step"));

    // A PDF opens in the browser; an image too.
    auto pdf = upload(partFiles() + QStringLiteral("?name=drawing.pdf"), key, "application/pdf", kPdf);
    EXPECT_STATUS(pdf, 201);
    auto pdfDown = f->call("GET", partFiles() + QLatin1Char('/') + str(pdf.data()["file"], "id"), key);
    QVERIFY(pdfDown.header("Content-Disposition").startsWith("inline;"));

    // Operations and issues take files the same way.
    EXPECT_STATUS(upload(QStringLiteral("/api/v1/operations/%1/files?name=setup.pdf").arg(f->shop().ops[0]), key, "application/pdf", kPdf),
                  201);
    auto issue = f->s().issues.create(f->shop().scope, Json{{"operation_id", toStd(f->shop().ops[0])},
                                                             {"created_by", toStd(f->shop().op1)},
                                                             {"severity", "low"},
                                                             {"title", "Scratch"},
                                                             {"description", "On the face"}});
    QVERIFY(issue);
    EXPECT_STATUS(upload(QStringLiteral("/api/v1/issues/%1/files?name=scratch.png").arg(str(*issue, "id")), key, "image/png", kPng), 201);

    // The same name twice on one part is a conflict.
    EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=drawing.pdf"), key, "application/pdf", kPdf), 409);
    // A read key lists and downloads but does not upload.
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("GET", item, reader), 200);
    EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=x.pdf"), reader, "application/pdf", kPdf), 403);

    auto del = f->call("DELETE", item, key);
    EXPECT_STATUS(del, 200);
    EXPECT_STATUS(f->call("GET", item, key), 404);
    EXPECT_STATUS(f->call("DELETE", item, key), 404);
    // The events went through the outbox.
    QVERIFY(f->shop().eventCount(QStringLiteral("file.attached")) >= 4);
    QVERIFY(f->shop().eventCount(QStringLiteral("file.removed")) >= 1);
}

void TestApiFiles::rangeAndEtag()
{
    const QByteArray body = step(10000);
    auto up = upload(partFiles() + QStringLiteral("?name=range.step"), key, "application/step", body);
    EXPECT_STATUS(up, 201);
    const QString item = partFiles() + QLatin1Char('/') + str(up.data()["file"], "id");
    auto part = f->call("GET", item, key, nullptr, {{"Range", "bytes=100-199"}});
    EXPECT_STATUS(part, 206);
    QCOMPARE(part.raw, body.mid(100, 100));
    QCOMPARE(part.header("Content-Range"), QByteArray("bytes 100-199/10000"));
    auto tail = f->call("GET", item, key, nullptr, {{"Range", "bytes=-10"}});
    EXPECT_STATUS(tail, 206);
    QCOMPARE(tail.raw, body.right(10));
    auto open = f->call("GET", item, key, nullptr, {{"Range", "bytes=9990-"}});
    EXPECT_STATUS(open, 206);
    QCOMPARE(open.raw, body.right(10));
    auto beyond = f->call("GET", item, key, nullptr, {{"Range", "bytes=10000-"}});
    EXPECT_STATUS(beyond, 416);
    QCOMPARE(beyond.header("Content-Range"), QByteArray("bytes */10000"));
    // Several ranges or another unit: the whole file.
    EXPECT_STATUS(f->call("GET", item, key, nullptr, {{"Range", "bytes=0-1,5-6"}}), 200);
    EXPECT_STATUS(f->call("GET", item, key, nullptr, {{"Range", "pages=1-2"}}), 200);

    auto whole = f->call("GET", item, key);
    const QByteArray etag = whole.header("ETag");
    QCOMPARE(etag, "\"" + sha(body).toLatin1() + "\"");
    QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
    // HEAD: the download's headers, its real length, no body.
    auto head = f->call("HEAD", item, key);
    EXPECT_STATUS(head, 200);
    QCOMPARE(head.header("Content-Length"), QByteArray("10000"));
    QCOMPARE(head.header("ETag"), etag);
    QVERIFY(head.raw.isEmpty());
    auto again = f->call("GET", item, key, nullptr, {{"If-None-Match", etag}});
    EXPECT_STATUS(again, 304);
    QVERIFY(again.raw.isEmpty());
    EXPECT_STATUS(f->call("GET", item, key, nullptr, {{"If-None-Match", "\"other\", " + etag}}), 304);
    EXPECT_STATUS(f->call("GET", item, key, nullptr, {{"If-None-Match", "\"other\""}}), 200);
}

void TestApiFiles::otherTenantAndSandboxSeeNothing()
{
    auto up = upload(partFiles() + QStringLiteral("?name=secret.pdf"), key, "application/pdf", kPdf);
    EXPECT_STATUS(up, 201);
    const QString item = partFiles() + QLatin1Char('/') + str(up.data()["file"], "id");
    auto pair = f->s().tenants.create(Json{{"name", "Tenant B"}, {"plan", "enterprise"}});
    QVERIFY(pair);
    const QString other = f->key(domain::Scope::of(str(pair->live, "id")));
    const QString sandbox = f->key(f->shop().scope, QStringLiteral("read_write"), true);
    for (const QString &k : {other, sandbox}) {
        EXPECT_STATUS(f->call("GET", item, k), 404);
        EXPECT_STATUS(f->call("GET", partFiles(), k), 404);
        EXPECT_STATUS(f->call("DELETE", item, k), 404);
        EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=x.pdf"), k, "application/pdf", kPdf), 404);
        EXPECT_STATUS(f->call("GET", QStringLiteral("/functions/v1/api-parts/%1/file-url?path=%2")
                                         .arg(f->shop().partId, QString::fromLatin1(QUrl::toPercentEncoding(str(up.data()["file"], "path")))),
                              k),
                      404);
    }
    EXPECT_STATUS(f->call("GET", item, key), 200);
}

void TestApiFiles::signedUploadUrlOnceAndInTime()
{
    auto made = f->call("POST", "/functions/v1/api-upload-url", key,
                        Json{{"filename", "cut-list.csv"}, {"content_type", "text/csv"}, {"job_number", "J-100"}});
    EXPECT_STATUS(made, 200);
    const QString url = str(made.data(), "upload_url");
    const QString path = str(made.data(), "file_path");
    QCOMPARE(path, QStringLiteral("%1/jobs/J-100/cut-list.csv").arg(f->shop().tenantId));
    const qint64 expires = isoMs(str(made.data(), "expires_at"));
    QVERIFY(qAbs(expires - Clock::nowMs() - 15 * 60 * 1000) < 5000);
    QVERIFY(url.startsWith(f->base() + QStringLiteral("/api/v1/file-links/")));
    const QString linkPath = QUrl(url).path();
    // The hub answers the URL itself, without a key; the body must match the declared type.
    EXPECT_STATUS(f->callRaw("PUT", linkPath, {}, QByteArray("MZ\x90\0", 4), {{"Content-Type", "text/csv"}}), 422);
    auto put = f->callRaw("PUT", linkPath, {}, QByteArray("a;b\n1;2\n"), {{"Content-Type", "text/csv"}});
    EXPECT_STATUS(put, 201);
    QCOMPARE(str(put.data()["file"], "path"), path);
    QCOMPARE(str(put.data()["file"], "owner_kind"), QStringLiteral("tenant"));
    // Used once: a second upload is refused.
    auto reused = f->callRaw("PUT", linkPath, {}, QByteArray("x\n"), {{"Content-Type", "text/csv"}});
    EXPECT_STATUS(reused, 403);
    EXPECT_STATUS(f->callRaw("PUT", QStringLiteral("/api/v1/file-links/not-a-token"), {}, QByteArray("x\n"), {{"Content-Type", "text/csv"}}),
                  403);
    // Expired after 15 minutes.
    auto late = f->call("POST", "/functions/v1/api-upload-url", key, Json{{"filename", "late.pdf"}, {"content_type", "application/pdf"}});
    EXPECT_STATUS(late, 200);
    QCOMPARE(str(late.data(), "file_path"), QStringLiteral("%1/files/late.pdf").arg(f->shop().tenantId));
    Clock::setOffsetMs(16 * 60 * 1000);
    auto expired = f->callRaw("PUT", QUrl(str(late.data(), "upload_url")).path(), {}, kPdf, {{"Content-Type", "application/pdf"}});
    Clock::setOffsetMs(0);
    EXPECT_STATUS(expired, 403);
    // The original's refusals.
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-upload-url", key, Json{{"filename", "x.exe"}, {"content_type", "application/x-msdownload"}}),
                  415);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-upload-url", key, Json{{"filename", "../x.pdf"}, {"content_type", "application/pdf"}}),
                  422);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-upload-url", key,
                          Json{{"filename", toStd(QString(256, QLatin1Char('a')))}, {"content_type", "application/pdf"}}),
                  422);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-upload-url", key, Json{{"filename", "a\\b.pdf"}, {"content_type", "application/pdf"}}),
                  422);
}

void TestApiFiles::fileUrlAndImageUrl()
{
    // A loose upload named by the part's file_paths, as an integration of the original does it.
    auto made = f->call("POST", "/functions/v1/api-upload-url", key, Json{{"filename", "dwg-7101.pdf"}, {"content_type", "application/pdf"}});
    EXPECT_STATUS(made, 200);
    const QString path = str(made.data(), "file_path");
    EXPECT_STATUS(f->callRaw("PUT", QUrl(str(made.data(), "upload_url")).path(), {}, kPdf, {{"Content-Type", "application/pdf"}}), 201);
    const QString fileUrl = QStringLiteral("/functions/v1/api-parts/%1/file-url?path=%2")
                                .arg(f->shop().partId, QString::fromLatin1(QUrl::toPercentEncoding(path)));
    // Not named by the part yet: not its file.
    EXPECT_STATUS(f->call("GET", fileUrl, key), 404);
    EXPECT_STATUS(f->call("PATCH", QStringLiteral("/api/v1/parts/%1").arg(f->shop().partId), key, Json{{"file_paths", {toStd(path)}}}), 200);
    // Uploaded through the signed URL: another tenant's key, and this tenant's sandbox, get 404.
    auto pair = f->s().tenants.create(Json{{"name", "Tenant C"}, {"plan", "enterprise"}});
    QVERIFY(pair);
    const QString otherKey = f->key(domain::Scope::of(str(pair->live, "id")));
    EXPECT_STATUS(f->call("GET", fileUrl, otherKey), 404);
    EXPECT_STATUS(f->call("GET", fileUrl, f->key(f->shop().scope, QStringLiteral("read"), true)), 404);
    auto signedUrl = f->call("GET", fileUrl, key);
    EXPECT_STATUS(signedUrl, 200);
    QCOMPARE(str(signedUrl.data(), "path"), path);
    QCOMPARE(num(signedUrl.data(), "expires_in"), qint64(3600));
    // The URL is the authority: no key needed; it runs out after an hour.
    const QString link = QUrl(str(signedUrl.data(), "url")).path();
    auto got = f->call("GET", link);
    EXPECT_STATUS(got, 200);
    QCOMPARE(got.raw, kPdf);
    Clock::setOffsetMs(61 * 60 * 1000);
    auto late = f->call("GET", link);
    Clock::setOffsetMs(0);
    EXPECT_STATUS(late, 403);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/file-links/forged"), {}), 403);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/functions/v1/api-parts/%1/file-url").arg(f->shop().partId), key), 400);

    // An issue's photo.
    auto issue = f->s().issues.create(f->shop().scope, Json{{"operation_id", toStd(f->shop().ops[1])},
                                                             {"created_by", toStd(f->shop().op1)},
                                                             {"severity", "low"},
                                                             {"title", "Dent"},
                                                             {"description", "Corner"}});
    QVERIFY(issue);
    auto photo = upload(QStringLiteral("/api/v1/issues/%1/files?name=dent.png").arg(str(*issue, "id")), key, "image/png", kPng);
    EXPECT_STATUS(photo, 201);
    auto img = f->call("GET", QStringLiteral("/functions/v1/api-issues/%1/image-url?path=%2")
                                  .arg(str(*issue, "id"), QString::fromLatin1(QUrl::toPercentEncoding(str(photo.data()["file"], "path")))),
                       key);
    EXPECT_STATUS(img, 200);
    auto imgGot = f->call("GET", QUrl(str(img.data(), "url")).path());
    EXPECT_STATUS(imgGot, 200);
    QCOMPARE(imgGot.raw, kPng);
    QVERIFY(imgGot.header("Content-Disposition").startsWith("inline;"));
}

void TestApiFiles::refusesExecutablesMismatchesAndTraversal()
{
    const QByteArray exe = QByteArray("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff", 16) + QByteArray(200, '\0');
    auto r = upload(partFiles() + QStringLiteral("?name=invoice.pdf"), key, "application/pdf", exe);
    EXPECT_STATUS(r, 422);
    QCOMPARE(r.code(), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(r.body["error"]["details"][0]["constraint"].get<std::string>(), std::string("executable"));
    auto elf = upload(partFiles() + QStringLiteral("?name=x.bin"), key, "application/octet-stream", QByteArray("\x7f" "ELF\x02\x01\x01\0"));
    EXPECT_STATUS(elf, 422);
    auto mismatch = upload(partFiles() + QStringLiteral("?name=photo.png"), key, "image/png", kPdf);
    EXPECT_STATUS(mismatch, 422);
    QCOMPARE(mismatch.body["error"]["details"][0]["constraint"].get<std::string>(), std::string("content_type_mismatch"));
    auto html = upload(partFiles() + QStringLiteral("?name=x.html"), key, "text/html", "<script>alert(1)</script>");
    EXPECT_STATUS(html, 415);
    QCOMPARE(html.code(), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
    EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=x.pdf"), key, "", kPdf), 415);
    for (const char *name : {"..%2F..%2Fetc%2Fpasswd", "a%2Fb.pdf", "a%5Cb.pdf", "..", "soh%01.pdf", "del%7F.pdf", "tab%09.pdf", "nl%0A.pdf", ""}) {
        auto t = upload(partFiles() + QStringLiteral("?name=") + QLatin1String(name), key, "application/pdf", kPdf);
        QVERIFY2(t.status == 422, name);
    }
    auto noName = upload(partFiles(), key, "application/pdf", kPdf);
    EXPECT_STATUS(noName, 422);
    EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=") + QString(256, QLatin1Char('a')), key, "application/pdf", kPdf), 422);
    // Nothing of the refused bodies stayed behind.
    QCOMPARE(QDir(f->s().files.stagingDir()).entryList(QDir::Files).size(), 0);
}

void TestApiFiles::quotaIs402()
{
    // Files of 1.2 MiB: a limit in whole MB leaves room for one more, never two.
    constexpr qint64 kFile = 1200 * 1024;
    const QByteArray big = step(kFile);
    auto used = f->s().files.usage(f->shop().scope);
    QVERIFY(used);
    const qint64 limitMb = (*used + kFile + 1024 * 1024 - 1) / (1024 * 1024);
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"max_storage_mb", limitMb}}));
    EXPECT_STATUS(upload(partFiles() + QStringLiteral("?name=q1.step"), key, "application/step", big), 201);
    auto second = upload(partFiles() + QStringLiteral("?name=q2.step"), key, "application/step", step(kFile + 1));
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"max_storage_mb", nullptr}}));
    EXPECT_STATUS(second, 402);
    QCOMPARE(second.code(), QStringLiteral("QUOTA_EXCEEDED"));
    const Json d = second.body["error"]["details"];
    QCOMPARE(d["limitType"].get<std::string>(), std::string("storage_mb"));
    QCOMPARE(d["limit"].get<qint64>(), limitMb);
    QCOMPARE(d["requestedBytes"].get<qint64>(), kFile + 1);
}

void TestApiFiles::dedupOverHttp()
{
    const QByteArray same = step(3333);
    const int before = blobCount();
    auto a = upload(partFiles() + QStringLiteral("?name=dup-a.step"), key, "application/step", same);
    auto b = upload(QStringLiteral("/api/v1/operations/%1/files?name=dup-b.step").arg(f->shop().ops[2]), key, "application/step", same);
    EXPECT_STATUS(a, 201);
    EXPECT_STATUS(b, 201);
    QCOMPARE(blobCount(), before + 1);
    EXPECT_STATUS(f->call("DELETE", partFiles() + QLatin1Char('/') + str(a.data()["file"], "id"), key), 200);
    QCOMPARE(blobCount(), before + 1);
    auto stillThere = f->call("GET", QStringLiteral("/api/v1/operations/%1/files/%2").arg(f->shop().ops[2], str(b.data()["file"], "id")), key);
    EXPECT_STATUS(stillThere, 200);
    QCOMPARE(stillThere.raw, same);
    EXPECT_STATUS(f->call("DELETE", QStringLiteral("/api/v1/operations/%1/files/%2").arg(f->shop().ops[2], str(b.data()["file"], "id")), key),
                  200);
    QVERIFY(waitFor([&] { return blobCount() == before; }, 2000));
}

void TestApiFiles::partImagesMultipart()
{
    const QString images = QStringLiteral("/functions/v1/api-parts-images/%1").arg(f->shop().partId);
    auto up = f->callRaw("POST", images + QStringLiteral("/upload"), key, multipart("XyZ", "file", "front.png", "image/png", kPng),
                         {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
    EXPECT_STATUS(up, 201);
    const QString path = str(up.data(), "path");
    QVERIFY(path.endsWith(QStringLiteral("/front.png")));
    auto list = f->call("GET", images, key);
    EXPECT_STATUS(list, 200);
    bool found = false;
    const Json listed = list.data()["images"];
    for (const auto &img : listed)
        if (str(img, "path") == path) {
            found = true;
            auto got = f->call("GET", QUrl(str(img, "url")).path());
            EXPECT_STATUS(got, 200);
            QCOMPARE(got.raw, kPng);
        }
    QVERIFY(found);
    // Only images, up to 10 MB, in a well-formed body.
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key, multipart("b", "file", "d.pdf", "application/pdf", kPdf),
                             {{"Content-Type", "multipart/form-data; boundary=b"}}),
                  415);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key,
                             multipart("b", "file", "evil.png", "image/png", QByteArray("MZ\x90\0", 4)),
                             {{"Content-Type", "multipart/form-data; boundary=b"}}),
                  422);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key,
                             multipart("b", "file", "big.png", "image/png", kPng + QByteArray(10 * 1024 * 1024, 'x')),
                             {{"Content-Type", "multipart/form-data; boundary=b"}}),
                  413);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key, multipart("b", "photo", "a.png", "image/png", kPng),
                             {{"Content-Type", "multipart/form-data; boundary=b"}}),
                  400);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key, kPng, {{"Content-Type", "multipart/form-data"}}), 400);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key, kPng, {{"Content-Type", "image/png"}}), 415);
    for (const QByteArray &bad : {QByteArray("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end"),
                                  QByteArray("--b\r\nno headers end\r\n--b--\r\n"), QByteArray("garbage"), QByteArray("--b"),
                                  QByteArray("--b\r\n\r\n\r\n--b--\r\n"), QByteArray("--b--\r\n")})
        EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key, bad, {{"Content-Type", "multipart/form-data; boundary=b"}}),
                      400);
    EXPECT_STATUS(f->callRaw("POST", images + QStringLiteral("/upload"), key,
                             multipart("b", "file", "../../x.png", "image/png", kPng), {{"Content-Type", "multipart/form-data; boundary=b"}}),
                  422);
    // Delete with {path}.
    EXPECT_STATUS(f->call("DELETE", images, key, Json{{"path", "nope"}}), 404);
    EXPECT_STATUS(f->call("DELETE", images, key, Json{{"path", toStd(path)}}), 200);
    EXPECT_STATUS(f->call("DELETE", images, key, Json{{"path", toStd(path)}}), 404);
}

void TestApiFiles::hostileUploads()
{
    // One fixture per executable: on PostgreSQL a second would wipe the shared test database.
    ApiFixture *small = f.get();
    const QString &k = key;
    const QString path = QStringLiteral("/api/v1/parts/%1/files?name=big.step").arg(small->shop().partId);
    auto raw = [&](const QByteArray &request) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, small->port());
        if (!s.waitForConnected(5000))
            return QByteArray();
        s.write(request);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && s.state() == QAbstractSocket::ConnectedState) {
            QTest::qWait(5);
            got += s.readAll();
            if (got.contains("\r\n\r\n") && ApiFixture::answerLength(got) > 0 && got.size() >= ApiFixture::answerLength(got))
                break;
        }
        return got + s.readAll();
    };
    // Over the upload limit (announced): 413 before a byte of the body is read.
    const QByteArray big = raw("POST " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + k.toLatin1() +
                               "\r\nContent-Type: application/step\r\nContent-Length: " +
                               QByteArray::number(small->shop().engine().api()->config().maxUploadBytes + 1) + "\r\n\r\nISO-10303-21;");
    QVERIFY2(big.startsWith("HTTP/1.1 413"), big.left(200).constData());
    QVERIFY(big.contains("PAYLOAD_TOO_LARGE"));
    // Above the limit of bodies held in memory (32 MiB) is fine on an upload route, and only there.
    QVERIFY(raw("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n")
                .startsWith("HTTP/1.1 413"));

    // Chunked, the size unknown in advance: streamed the same way.
    const QByteArray body = step(70000);
    QByteArray chunked = "POST /api/v1/parts/" + small->shop().partId.toLatin1() + "/files?name=chunked.step HTTP/1.1\r\nHost: x\r\n" +
                         "Authorization: Bearer " + k.toLatin1() + "\r\nContent-Type: application/step\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < body.size(); i += 30000) {
        const QByteArray c = body.mid(i, 30000);
        chunked += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
    }
    chunked += "0\r\n\r\n";
    const QByteArray ok = raw(chunked);
    QVERIFY2(ok.startsWith("HTTP/1.1 201"), ok.left(300).constData());
    QVERIFY(ok.contains(sha(body).toLatin1()));
    // Broken chunk framing, both framings at once, no key: refused, nothing stays on disk.
    QVERIFY(raw("POST /api/v1/parts/" + small->shop().partId.toLatin1() +
                "/files?name=x.step HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + k.toLatin1() +
                "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                .startsWith("HTTP/1.1 400"));
    QVERIFY(raw("POST /api/v1/parts/" + small->shop().partId.toLatin1() +
                "/files?name=x.step HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")
                .startsWith("HTTP/1.1 400"));
    QVERIFY(raw("POST /api/v1/parts/" + small->shop().partId.toLatin1() +
                "/files?name=x.step HTTP/1.1\r\nHost: x\r\nContent-Type: application/step\r\nContent-Length: 13\r\n\r\nISO-10303-21;")
                .startsWith("HTTP/1.1 401"));
    // Without a key (or with a read key) a huge upload is refused from its head: the body is never read.
    QElapsedTimer quick;
    quick.start();
    const QByteArray noKey = raw("POST /api/v1/parts/" + small->shop().partId.toLatin1() +
                                "/files?name=x.step HTTP/1.1\r\nHost: x\r\nContent-Type: application/step\r\nContent-Length: 900000000\r\n\r\n");
    QVERIFY2(noKey.startsWith("HTTP/1.1 401"), noKey.left(200).constData());
    QVERIFY(noKey.contains("x-request-id"));
    const QString readKey = small->key(small->shop().scope, QStringLiteral("read"));
    const QByteArray readOnly = raw("POST /api/v1/parts/" + small->shop().partId.toLatin1() + "/files?name=x.step HTTP/1.1\r\nHost: x\r\n" +
                                    "Authorization: Bearer " + readKey.toLatin1() +
                                    "\r\nContent-Type: application/step\r\nContent-Length: 900000000\r\n\r\n");
    QVERIFY2(readOnly.startsWith("HTTP/1.1 403"), readOnly.left(200).constData());
    QVERIFY(quick.elapsed() < 5000);
    // An upload pipelined behind a request not yet answered is refused rather than answered out of order.
    const QByteArray pipelined = "GET /health HTTP/1.1\r\nHost: x\r\n\r\nPOST /api/v1/parts/" + small->shop().partId.toLatin1() +
                                 "/files?name=p.step HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + k.toLatin1() +
                                 "\r\nContent-Type: application/step\r\nContent-Length: 13\r\n\r\nISO-10303-21;";
    QVERIFY(raw(pipelined).contains("HTTP/1.1 400"));
    // A client that says Expect: 100-continue is told to go on.
    const QByteArray expect = "POST /api/v1/parts/" + small->shop().partId.toLatin1() +
                              "/files?name=expect.step HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + k.toLatin1() +
                              "\r\nContent-Type: application/step\r\nExpect: 100-continue\r\nContent-Length: 13\r\n\r\nISO-10303-21;";
    const QByteArray cont = raw(expect);
    QVERIFY2(cont.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201"), cont.left(200).constData());
    // A body that stops half way is dropped with its connection.
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, small->port());
        QVERIFY(s.waitForConnected(5000));
        s.write("POST /api/v1/parts/" + small->shop().partId.toLatin1() + "/files?name=half.step HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                k.toLatin1() + "\r\nContent-Type: application/step\r\nContent-Length: 100000\r\n\r\n" + step(50000));
        QTest::qWait(100);
        s.abort();
    }
    QVERIFY(waitFor([&] { return QDir(small->s().files.stagingDir()).entryList(QDir::Files).isEmpty(); }, 3000));
}

void TestApiFiles::hundredMegabytesStreamedWithBoundedMemory()
{
    // 100 MB of STEP text sent in 256 KiB writes over a raw socket (the client holds no more than
    // that), then downloaded and dropped as it arrives; the process (client and server) must not
    // grow by the file's size.
    constexpr qint64 kSize = 100ll * 1024 * 1024;
    const QByteArray chunk = step(256 * 1024);
    const qint64 idle = ApiFixture::rssKiB();
    qint64 peak = idle;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(s.waitForConnected(5000));
    s.write("POST " + partFiles().toLatin1() + "?name=big.step HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.toLatin1() +
            "\r\nContent-Type: application/step\r\nContent-Length: " + QByteArray::number(kSize) + "\r\n\r\n");
    QElapsedTimer t;
    t.start();
    qint64 sent = 0;
    while (sent < kSize && t.elapsed() < 60000) {
        if (s.bytesToWrite() < 1024 * 1024) {
            const QByteArray piece = sent == 0 ? chunk : QByteArray(chunk).replace(0, 13, "#1=POINT();\n ");
            const qint64 n = qMin<qint64>(piece.size(), kSize - sent);
            s.write(piece.constData(), n);
            hash.addData(QByteArrayView(piece.constData(), n));
            sent += n;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        peak = qMax(peak, ApiFixture::rssKiB());
    }
    QByteArray answer;
    while (t.elapsed() < 60000 && !(answer.contains("\r\n\r\n") && answer.size() >= ApiFixture::answerLength(answer))) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        answer += s.readAll();
    }
    const double upSeconds = double(t.elapsed()) / 1000.0;
    QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.left(400).constData());
    const QByteArray digest = hash.result().toHex();
    QVERIFY(answer.contains(digest));
    const Json body = Json::parse(answer.mid(answer.indexOf("\r\n\r\n") + 4).toStdString());
    const QString id = str(body["data"]["file"], "id");

    const qint64 peakUp = peak;
    qint64 peakDown = idle;
    QTcpSocket d;
    d.setReadBufferSize(1024 * 1024); // the client holds no more than a MiB either
    d.connectToHost(QHostAddress::LocalHost, f->port());
    QVERIFY(d.waitForConnected(5000));
    d.write("GET " + partFiles().toLatin1() + "/" + id.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.toLatin1() +
            "\r\n\r\n");
    t.restart();
    QByteArray head;
    qint64 received = 0;
    QCryptographicHash down(QCryptographicHash::Sha256);
    while (t.elapsed() < 60000 && received < kSize) {
        if (!d.waitForReadyRead(0))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QByteArray got = d.readAll();
        if (head.isEmpty() || !head.contains("\r\n\r\n")) {
            head += got;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            got = head.mid(end + 4);
            head = head.left(end + 4);
        }
        received += got.size();
        down.addData(got);
        peakDown = qMax(peakDown, ApiFixture::rssKiB());
    }
    const double downSeconds = double(t.elapsed()) / 1000.0;
    QVERIFY2(head.startsWith("HTTP/1.1 200"), head.left(300).constData());
    QCOMPARE(received, kSize);
    QCOMPARE(down.result().toHex(), digest);
    peak = qMax(peakUp, peakDown);
    qInfo("peak RSS while uploading %lld MiB, downloading %lld MiB", peakUp / 1024, peakDown / 1024);
    const qint64 growthMiB = (peak - idle) / 1024;
    qInfo("100 MB: upload %.2f s (%.0f MB/s), download %.2f s (%.0f MB/s), peak RSS %lld MiB over %lld MiB before", upSeconds,
          100.0 / upSeconds, downSeconds, 100.0 / downSeconds, growthMiB, idle / 1024);
    QVERIFY2(growthMiB < 32, qPrintable(QStringLiteral("RSS grew by %1 MiB").arg(growthMiB)));
    EXPECT_STATUS(f->call("DELETE", partFiles() + QLatin1Char('/') + id, key), 200);
}

QTEST_MAIN(TestApiFiles)
#include "tst_apifiles.moc"
