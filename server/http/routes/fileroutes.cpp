#include "http/apiserver.h"
#include "core/jsonutil.h"
#include "domain/filecontent.h"
#include "routes.h"
#include "services/services.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {

const QString kTag = QStringLiteral("Files");
// Answers up to this size are sent from memory (the connection stays open); larger ones are read
// from the store as the client takes them, and the connection closes after them.
constexpr qint64 kInlineAnswerBytes = 4 * 1024 * 1024;
// The original's lifetimes: upload URLs 15 minutes, download URLs and part image URLs 1 hour.
constexpr int kUploadUrlSeconds = 15 * 60;
constexpr int kDownloadUrlSeconds = 60 * 60;
// The original's part images: at most 10 MB each.
constexpr qint64 kMaxPartImageBytes = 10ll * 1024 * 1024;

// What a staged body is made of: the file the connection guard wrote, or the bytes an in-process
// caller sent. The request keeps no claim on the file afterwards: the store takes it.
Result<FileService::Staged> stagedBody(Services &s, Request &r)
{
    if (r.upload) {
        FileService::Staged st = *r.upload;
        r.upload->path.clear();
        return st;
    }
    return s.files.stage(r.body);
}

// attachment; filename="ascii"; filename*=UTF-8''percent-encoded (RFC 6266): the ASCII form
// without quotes, backslashes or anything outside printable ASCII.
QByteArray disposition(const Row &file)
{
    const QString name = str(file, "name");
    QByteArray ascii;
    for (QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\')) ? char(c.unicode()) : '_';
    const QByteArray kind = filecontent::inlineable(str(file, "content_type")) ? "inline" : "attachment";
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

// A single byte range of `size` (RFC 9110 §14): "bytes=a-b", "bytes=a-", "bytes=-n". false: not
// satisfiable (416); a form this does not take (several ranges, another unit) is ignored and the
// whole file is sent, as the RFC allows.
enum class RangeKind { Whole, Part, Unsatisfiable };
RangeKind parseRange(const QByteArray &header, qint64 size, qint64 *from, qint64 *to)
{
    static const QRegularExpression re(QStringLiteral("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$"));
    const auto m = re.match(QString::fromLatin1(header));
    if (header.isEmpty() || !m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()) || m.captured(1).size() > 18 ||
        m.captured(2).size() > 18)
        return RangeKind::Whole;
    if (m.captured(1).isEmpty()) { // the last n bytes
        const qint64 n = m.captured(2).toLongLong();
        if (n == 0 || size == 0)
            return RangeKind::Unsatisfiable;
        *from = qMax<qint64>(0, size - n);
        *to = size - 1;
        return RangeKind::Part;
    }
    *from = m.captured(1).toLongLong();
    *to = m.captured(2).isEmpty() ? size - 1 : qMin(m.captured(2).toLongLong(), size - 1);
    if (*from >= size || *to < *from)
        return RangeKind::Unsatisfiable;
    return RangeKind::Part;
}

// Sends [from, from + length) of the device as the client reads it, then closes the connection.
void pump(QTcpSocket *socket, std::shared_ptr<QIODevice> device, qint64 from, qint64 length)
{
    if (!device->seek(from)) {
        socket->abort();
        return;
    }
    auto left = std::make_shared<qint64>(length);
    auto more = [socket, device, left] {
        while (*left > 0 && socket->bytesToWrite() < (1 << 20)) {
            const QByteArray chunk = device->read(qMin<qint64>(*left, 256 << 10));
            if (chunk.isEmpty()) {
                socket->abort(); // the blob is shorter than its row says: never a silent short answer
                return;
            }
            *left -= chunk.size();
            socket->write(chunk);
        }
        if (*left == 0) {
            *left = -1;
            device->close();
            socket->disconnectFromHost();
        }
    };
    // The connection holds the device until the socket goes.
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
    more();
}

// A file's bytes as a download: ETag (its SHA-256) with If-None-Match (304), one Range (206/416),
// Content-Disposition inline only for images and PDFs, never sniffed.
Response download(Services &s, const Request &r, const Row &file)
{
    const qint64 size = num(file, "size_bytes");
    const QByteArray etag = "\"" + str(file, "sha256").toLatin1() + "\"";
    auto stamp = [&](Response &resp) {
        resp.header("ETag", etag);
        resp.header("Accept-Ranges", "bytes");
        resp.header("Content-Disposition", disposition(file));
        resp.header("X-Content-Type-Options", "nosniff");
    };
    const QByteArray inm = r.header("if-none-match");
    if (!inm.isEmpty()) {
        for (QByteArray tag : inm.split(',')) {
            tag = tag.trimmed();
            if (tag.startsWith("W/"))
                tag = tag.mid(2);
            if (tag == etag || tag == "*") {
                Response resp = Response::text(304, {}, str(file, "content_type").toLatin1());
                stamp(resp);
                return resp;
            }
        }
    }
    qint64 from = 0, to = size - 1;
    const RangeKind kind = parseRange(r.header("range"), size, &from, &to);
    if (kind == RangeKind::Unsatisfiable) {
        Response resp = Response::error(Error::badRequest(QStringLiteral("The range is outside the file (%1 bytes)").arg(size)));
        resp.status = 416;
        resp.header("Content-Range", "bytes */" + QByteArray::number(size));
        stamp(resp);
        return resp;
    }
    if (kind == RangeKind::Whole) {
        from = 0;
        to = size - 1;
    }
    const qint64 length = size == 0 ? 0 : to - from + 1;
    auto device = s.files.open(file);
    if (!device)
        return Response::error(Error::internal(QStringLiteral("The stored bytes of this file are missing")));
    Response resp;
    resp.status = kind == RangeKind::Part ? 206 : 200;
    resp.contentType = str(file, "content_type").toLatin1();
    stamp(resp);
    if (kind == RangeKind::Part)
        resp.header("Content-Range", "bytes " + QByteArray::number(from) + "-" + QByteArray::number(to) + "/" + QByteArray::number(size));
    if (r.method == Method::Head) {
        resp.header("Content-Length", QByteArray::number(length));
        return resp;
    }
    if (length <= kInlineAnswerBytes) {
        if (!(*device)->seek(from))
            return Response::error(Error::internal(QStringLiteral("The stored bytes of this file cannot be read")));
        resp.body = (*device)->read(length);
        if (resp.body.size() != length)
            return Response::error(Error::internal(QStringLiteral("The stored bytes of this file are shorter than recorded")));
        return resp;
    }
    // Never whole in memory: a socket is sent it as the client reads, an in-process caller copies it.
    resp.header("Content-Length", QByteArray::number(length));
    std::shared_ptr<QIODevice> shared(std::move(*device));
    resp.source = Response::Source{shared, from, length};
    resp.stream = [shared, from, length](QTcpSocket *socket) { pump(socket, shared, from, length); };
    return resp;
}

// The hub's own address as the caller reached it, for the URLs it hands out.
QString baseUrl(const ApiServer &api, const Request &r)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9.\\-]+(:\\d{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?$"));
    QString host = QString::fromLatin1(r.header("host"));
    if (!sane.match(host).hasMatch())
        host = QStringLiteral("%1:%2").arg(api.config().bind).arg(api.port());
    return QStringLiteral("%1://%2").arg(api.tls() ? QStringLiteral("https") : QStringLiteral("http"), host);
}

QString linkUrl(const ApiServer &api, const Request &r, const QString &token)
{
    return baseUrl(api, r) + QStringLiteral("/api/v1/file-links/") + token;
}

Response answer(const Result<Row> &file, int status = 200)
{
    if (!file)
        return Response::error(file.error());
    return Response::success(status, Json{{"file", *file}});
}

// One multipart/form-data part: its field name, file name, type and bytes.
struct FormPart {
    QByteArray name, filename, contentType, data;
};

// Parses a multipart/form-data body (RFC 7578) strictly enough that a malformed one is a 400:
// the boundary from the Content-Type, CRLF-delimited parts, each with a Content-Disposition.
Result<std::vector<FormPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    static const QRegularExpression boundaryRe(QStringLiteral("boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return Error{ErrorCode::UnsupportedMediaType, QStringLiteral("Send the image as multipart/form-data with a field named file"),
                     nullptr};
    const auto m = boundaryRe.match(QString::fromLatin1(contentType));
    if (!m.hasMatch())
        return Error::badRequest(QStringLiteral("The multipart Content-Type has no boundary"));
    const QByteArray boundary = "--" + (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLatin1();
    auto malformed = [] { return Error::badRequest(QStringLiteral("The multipart body is malformed")); };
    qsizetype pos = body.startsWith(boundary) ? 0 : body.indexOf("\r\n" + boundary);
    if (pos < 0)
        return malformed();
    pos = body.indexOf(boundary, pos) + boundary.size();
    std::vector<FormPart> parts;
    while (true) {
        if (body.mid(pos, 2) == "--")
            break; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n" || parts.size() >= 16)
            return malformed();
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0 || headEnd - pos > 8192)
            return malformed();
        FormPart part;
        for (const QByteArray &line : body.mid(pos, headEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon <= 0)
                return malformed();
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                static const QRegularExpression field(QStringLiteral("(?:^|;)\\s*(name|filename)=\"([^\"]*)\""));
                auto it = field.globalMatch(QString::fromUtf8(value));
                while (it.hasNext()) {
                    const auto fm = it.next();
                    (fm.captured(1) == QLatin1String("name") ? part.name : part.filename) = fm.captured(2).toUtf8();
                }
            }
        }
        const qsizetype dataStart = headEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + boundary, dataStart);
        if (next < 0)
            return malformed();
        part.data = body.mid(dataStart, next - dataStart);
        parts.push_back(std::move(part));
        pos = next + 2 + boundary.size();
    }
    return parts;
}

// file-url / image-url: the owner's own file, or a loose upload its file_paths / image_paths name.
Result<Row> fileForOwnerPath(Services &s, const Scope &scope, const QString &kind, const QString &ownerId, const QString &path,
                             const QStringList &pathColumns)
{
    if (path.isEmpty())
        return Error::badRequest(QStringLiteral("path is required (?path=<tenant>/...)"));
    Result<Row> owner = kind == QLatin1String("part") ? s.parts.get(scope, ownerId) : s.issues.get(scope, ownerId);
    if (!owner)
        return owner.error();
    auto file = s.files.byPath(scope, path);
    if (!file)
        return file.error();
    if (str(*file, "owner_kind") == kind && str(*file, "owner_id") == ownerId)
        return file;
    for (const QString &col : pathColumns) {
        Json paths = (*owner)[toStd(col)];
        if (paths.is_string())
            paths = Json::parse(paths.get<std::string>(), nullptr, false);
        if (paths.is_array())
            for (const auto &p : paths)
                if (p.is_string() && QString::fromStdString(p.get<std::string>()) == path)
                    return file;
    }
    return Error::notFound(QStringLiteral("file"));
}

struct OwnerTable {
    const char *kind;
    const char *list; // GET list, POST upload
    const char *item; // GET download, DELETE
    const char *label;
};

} // namespace

// Files on parts, operations and issues (CONTRACTS.md; docs/api.md "Files"): list, upload (the raw
// body with its Content-Type and ?name=, streamed to disk), download (Range, ETag), delete; signed
// upload and download URLs the hub answers itself; and the original's api-upload-url,
// api-parts/{id}/file-url, api-issues/{id}/image-url and api-parts-images.
void installFileRoutes(ApiServer &api)
{
    Services &s = api.services();
    Router &router = api.router();
    static const OwnerTable owners[] = {
        {"part", "/api/v1/parts/{id}/files", "/api/v1/parts/{id}/files/{fileId}", "part"},
        {"operation", "/api/v1/operations/{id}/files", "/api/v1/operations/{id}/files/{fileId}", "operation"},
        {"issue", "/api/v1/issues/{id}/files", "/api/v1/issues/{id}/files/{fileId}", "issue"},
    };
    for (const OwnerTable &o : owners) {
        const QString kind = QString::fromLatin1(o.kind);
        auto owner = [kind](const Request &r) { return FileService::Owner{kind, r.params.value(QStringLiteral("id"))}; };
        router.add(
            Method::Get, QString::fromLatin1(o.list), Access::Read,
            [&s, owner](Request &r) {
                auto rows = s.files.list(r.scope(), owner(r));
                if (!rows)
                    return Response::error(rows.error());
                return Response::ok(Json{{"files", Json(*rows)}});
            },
            {.summary = QStringLiteral("The files attached to a %1").arg(QLatin1String(o.label)), .tag = kTag});
        RouteDoc up{.summary = QStringLiteral("Attach a file to a %1: the raw bytes as the body, their type as Content-Type, ?name= the "
                                              "file name")
                                   .arg(QLatin1String(o.label)),
                    .tag = kTag,
                    .queryParams = {"name"},
                    .requestSchema = Json{{"type", "string"}, {"format", "binary"}},
                    .successStatus = 201};
        up.bodyType = QStringLiteral("application/octet-stream");
        router
            .add(Method::Post, QString::fromLatin1(o.list), Access::Write,
                 [&s, owner](Request &r) {
                     auto staged = stagedBody(s, r);
                     if (!staged)
                         return Response::error(staged.error());
                     return answer(s.files.attach(r.scope(), owner(r),
                                                  {r.q(QStringLiteral("name")), QString::fromLatin1(r.header("content-type")), *staged, {}, 0}),
                                   201);
                 },
                 up)
            .streamedBody = true;
        RouteDoc get{.summary = QStringLiteral("Download a file of a %1 (Range, If-None-Match)").arg(QLatin1String(o.label)), .tag = kTag};
        get.answerType = QStringLiteral("application/octet-stream");
        router.add(
            Method::Get, QString::fromLatin1(o.item), Access::Read,
            [&s, owner](Request &r) {
                auto f = s.files.get(r.scope(), owner(r), r.params.value(QStringLiteral("fileId")));
                if (!f)
                    return Response::error(f.error());
                return download(s, r, *f);
            },
            get);
        router.add(
            Method::Delete, QString::fromLatin1(o.item), Access::Write,
            [&s, owner](Request &r) {
                auto f = s.files.get(r.scope(), owner(r), r.params.value(QStringLiteral("fileId")));
                if (!f)
                    return Response::error(f.error());
                if (auto d = s.files.remove(r.scope(), *f); !d)
                    return Response::error(d.error());
                return Response::ok(Json{{"file", *f}, {"deleted", true}});
            },
            {.summary = QStringLiteral("Remove a file from a %1").arg(QLatin1String(o.label)), .tag = kTag});
    }

    // Signed URLs: the token is the authority (no key), as the original's storage URLs were.
    RouteDoc linkUp{.summary = QStringLiteral("Upload through a signed upload URL (single use, 15 minutes)"),
                    .tag = kTag,
                    .requestSchema = Json{{"type", "string"}, {"format", "binary"}},
                    .successStatus = 201};
    linkUp.bodyType = QStringLiteral("application/octet-stream");
    router
        .add(Method::Put, QStringLiteral("/api/v1/file-links/{token}"), Access::Public,
             [&s](Request &r) {
                 auto staged = stagedBody(s, r);
                 if (!staged)
                     return Response::error(staged.error());
                 return answer(s.files.redeemUploadLink(r.params.value(QStringLiteral("token")), *staged), 201);
             },
             linkUp)
        .streamedBody = true;
    RouteDoc linkDown{.summary = QStringLiteral("Download through a signed download URL"), .tag = kTag};
    linkDown.answerType = QStringLiteral("application/octet-stream");
    router.add(
        Method::Get, QStringLiteral("/api/v1/file-links/{token}"), Access::Public,
        [&s](Request &r) {
            auto f = s.files.resolveDownloadLink(r.params.value(QStringLiteral("token")));
            if (!f)
                return Response::error(f.error());
            return download(s, r, *f);
        },
        linkDown);

    // The original's routes.
    router.compat(Method::Post, QStringLiteral("/functions/v1/api-upload-url"), Access::Write, [&s, &api](Request &r) {
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        const QString filename = str(*body, "filename");
        const QString type = filecontent::normalise(str(*body, "content_type"));
        const QString job = str(*body, "job_number");
        if (auto n = filecontent::checkName(filename, "filename"); !n)
            return Response::error(n.error());
        if (auto t = filecontent::checkType(type, filecontent::uploadUrlTypes()); !t)
            return Response::error(t.error());
        if (!job.isEmpty())
            if (auto n = filecontent::checkName(job, "job_number"); !n)
                return Response::error(n.error());
        const QString tenant = r.scope().tenantId;
        const QString path = job.isEmpty() ? QStringLiteral("%1/files/%2").arg(tenant, filename)
                                           : QStringLiteral("%1/jobs/%2/%3").arg(tenant, job, filename);
        auto link = s.files.createUploadLink(r.scope(), path, type, kUploadUrlSeconds);
        if (!link)
            return Response::error(link.error());
        return Response::ok(Json{{"upload_url", toStd(linkUrl(api, r, link->token))},
                                 {"file_path", toStd(path)},
                                 {"expires_at", toStd(link->expiresAt)},
                                 {"method", "PUT"},
                                 {"content_type", toStd(type)}});
    });
    auto signedUrl = [&s, &api](const char *kind, QStringList columns) {
        return [&s, &api, kind = QString::fromLatin1(kind), columns](Request &r) {
            const QString path = r.q(QStringLiteral("path"));
            auto f = fileForOwnerPath(s, r.scope(), kind, r.params.value(QStringLiteral("id")), path, columns);
            if (!f)
                return Response::error(f.error());
            auto link = s.files.createDownloadLink(r.scope(), *f, kDownloadUrlSeconds);
            if (!link)
                return Response::error(link.error());
            return Response::ok(
                Json{{"path", toStd(path)}, {"url", toStd(linkUrl(api, r, link->token))}, {"expires_in", kDownloadUrlSeconds}});
        };
    };
    router.compat(Method::Get, QStringLiteral("/functions/v1/api-parts/{id}/file-url"), Access::Read,
                  signedUrl("part", {QStringLiteral("file_paths"), QStringLiteral("image_paths")}));
    router.compat(Method::Get, QStringLiteral("/functions/v1/api-issues/{id}/image-url"), Access::Read,
                  signedUrl("issue", {QStringLiteral("image_paths")}));

    // Part images: the part's image files, with URLs valid for an hour.
    auto imageJson = [&s, &api](const Request &r, const Row &f) -> Result<Json> {
        auto link = s.files.createDownloadLink(r.scope(), f, kDownloadUrlSeconds);
        if (!link)
            return link.error();
        Json j = f;
        j["url"] = toStd(linkUrl(api, r, link->token));
        j["expires_in"] = kDownloadUrlSeconds;
        return j;
    };
    router.compat(Method::Get, QStringLiteral("/functions/v1/api-parts-images/{id}"), Access::Read, [&s, imageJson](Request &r) {
        auto rows = s.files.list(r.scope(), {QStringLiteral("part"), r.params.value(QStringLiteral("id"))});
        if (!rows)
            return Response::error(rows.error());
        Json images = Json::array();
        for (const Row &f : *rows) {
            if (!filecontent::isImage(str(f, "content_type")))
                continue;
            auto j = imageJson(r, f);
            if (!j)
                return Response::error(j.error());
            images.push_back(*j);
        }
        return Response::ok(Json{{"images", images}});
    });
    router.compat(Method::Get, QStringLiteral("/functions/v1/api-parts-images/{id}/url"), Access::Read,
                  signedUrl("part", {QStringLiteral("image_paths")}));
    router.compat(Method::Post, QStringLiteral("/functions/v1/api-parts-images/{id}/upload"), Access::Write, [&s, imageJson](Request &r) {
        auto parts = parseMultipart(r.header("content-type"), r.body);
        if (!parts)
            return Response::error(parts.error());
        const FormPart *file = nullptr;
        for (const FormPart &p : *parts)
            if (p.name == "file")
                file = &p;
        if (!file)
            return Response::error(Error::badRequest(QStringLiteral("The multipart body has no field named file")));
        auto staged = s.files.stage(file->data);
        if (!staged)
            return Response::error(staged.error());
        auto f = s.files.attach(r.scope(), {QStringLiteral("part"), r.params.value(QStringLiteral("id"))},
                                {QString::fromUtf8(file->filename), QString::fromLatin1(file->contentType), *staged,
                                 filecontent::imageTypes(), kMaxPartImageBytes});
        if (!f)
            return Response::error(f.error());
        auto j = imageJson(r, *f);
        if (!j)
            return Response::error(j.error());
        return Response::created(Json{{"image", *j}, {"path", (*f)["path"]}});
    });
    router.compat(Method::Delete, QStringLiteral("/functions/v1/api-parts-images/{id}"), Access::Write, [&s](Request &r) {
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        const QString path = str(*body, "path").isEmpty() ? r.q(QStringLiteral("path")) : str(*body, "path");
        if (path.isEmpty())
            return Response::error(Error::badRequest(QStringLiteral("path is required ({\"path\": \"<tenant>/parts/...\"})")));
        auto f = s.files.byPath(r.scope(), path);
        if (!f || str(*f, "owner_kind") != QLatin1String("part") || str(*f, "owner_id") != r.params.value(QStringLiteral("id")))
            return Response::error(Error::notFound(QStringLiteral("image")));
        if (auto d = s.files.remove(r.scope(), *f); !d)
            return Response::error(d.error());
        return Response::ok(Json{{"path", toStd(path)}, {"deleted", true}});
    });
}

} // namespace ery::http
