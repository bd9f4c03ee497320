#include "tenantexport.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "domain/scope.h"
#include "services/exportservice.h"
#include "services/tenantreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

using ery::services::ExportService;
using ery::services::TenantReader;

namespace ery::portability {

namespace {

using Spec = ExportService::TableSpec;

std::string dumpRow(const Json &row)
{
    return row.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Counts rows for the progress callback and answers whether to stop.
struct Progress {
    const TenantExport::Options &options;
    qint64 total = 0;
    qint64 done = 0;
    bool cancelled() const { return options.cancel && options.cancel->load(); }
    void add(qint64 n)
    {
        done += n;
        if (options.progress)
            options.progress(done, total);
    }
};

Error cancelledError()
{
    return {ErrorCode::ServiceUnavailable, QStringLiteral("the export was cancelled"), nullptr};
}

Json tableEntry(const Spec &t, qint64 rows, QCryptographicHash &hash)
{
    return Json{{"name", t.name.toStdString()}, {"count", rows}, {"sha256", hash.result().toHex().toStdString()}};
}

// Appends one CSV cell (RFC 4180). NULL is an empty unquoted cell, an empty text "" — a restore
// tells them apart. JSON columns are written as their JSON text.
void appendCell(std::string &out, const Json &v)
{
    if (v.is_null())
        return;
    std::string s;
    if (v.is_string()) {
        s = v.get<std::string>();
        TenantExport::defang(s);
    } else if (v.is_boolean()) {
        s = v.get<bool>() ? "true" : "false";
    } else {
        s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    if (s.empty() || s.find_first_of(",\"\r\n") != std::string::npos || s.front() == ' ' || s.back() == ' ') {
        out += '"';
        for (char c : s) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += s;
    }
}

// One table of a ZIP: its CSV made while libzip reads it, a page at a time.
struct CsvSource {
    TenantReader *reader = nullptr;
    const Spec *spec = nullptr;
    Progress *progress = nullptr;
    std::string buf;
    size_t pos = 0;
    QString after;
    bool end = false;
    bool headed = false;
    qint64 rows = 0;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    std::optional<Error> failed;
    zip_error_t zerr;

    bool fill()
    {
        if (progress->cancelled()) {
            failed = cancelledError();
            return false;
        }
        auto page = reader->page(*spec, after, TenantExport::kPageRows);
        if (!page) {
            failed = page.error();
            return false;
        }
        if (page->empty()) {
            end = true;
            return true;
        }
        std::string chunk;
        if (!headed) {
            bool first = true;
            for (auto it = page->front().begin(); it != page->front().end(); ++it) {
                if (!first)
                    chunk += ',';
                first = false;
                appendCell(chunk, Json(it.key()));
            }
            chunk += "\r\n";
            headed = true;
        }
        for (const Json &row : *page) {
            bool first = true;
            for (auto it = row.begin(); it != row.end(); ++it) {
                if (!first)
                    chunk += ',';
                first = false;
                appendCell(chunk, it.value());
            }
            chunk += "\r\n";
        }
        rows += qint64(page->size());
        after = QString::fromStdString(page->back().value("id", std::string()));
        hash.addData(QByteArrayView(chunk.data(), qsizetype(chunk.size())));
        buf.erase(0, pos);
        pos = 0;
        buf += chunk;
        progress->add(qint64(page->size()));
        return true;
    }
};

// A ZIP entry whose bytes are made when libzip asks for them.
struct LazySource {
    std::function<bool(std::string &out)> make; // fills the whole entry once, at open
    std::string buf;
    size_t pos = 0;
    zip_error_t zerr;
};

// One attached file's bytes (files/<sha256>), streamed from the file store while libzip reads it
// and checked against its row: a store copy that is missing or no longer matches fails the export.
struct BlobSource {
    const ExportService *exports = nullptr;
    Progress *progress = nullptr;
    QByteArray sha256;
    qint64 size = 0;
    QString name; // a file row naming it, for messages
    std::unique_ptr<QIODevice> device;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 read = 0;
    std::optional<Error> failed;
    zip_error_t zerr;

    Error problem(const QString &what) const
    {
        return Error::internal(QStringLiteral("the file store's copy of \"%1\" (SHA-256 %2) %3").arg(name, QString::fromLatin1(sha256), what));
    }
};

// What both kinds of entry answer alike: a read-once source of unknown size.
zip_int64_t otherCommand(zip_error_t *zerr, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    switch (cmd) {
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE: return 0;
    case ZIP_SOURCE_STAT: {
        auto *st = static_cast<zip_stat_t *>(data);
        zip_stat_init(st);
        st->mtime = time(nullptr);
        st->valid |= ZIP_STAT_MTIME;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: return zip_error_to_data(zerr, data, len);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                                              ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS, -1);
    default: zip_error_set(zerr, ZIP_ER_OPNOTSUPP, 0); return -1;
    }
}

zip_int64_t csvCallback(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    auto *s = static_cast<CsvSource *>(userdata);
    switch (cmd) {
    case ZIP_SOURCE_OPEN: return 0;
    case ZIP_SOURCE_READ: {
        while (s->buf.size() - s->pos < len && !s->end)
            if (!s->fill()) {
                zip_error_set(&s->zerr, ZIP_ER_READ, 0);
                return -1;
            }
        const size_t n = std::min<size_t>(len, s->buf.size() - s->pos);
        std::memcpy(data, s->buf.data() + s->pos, n);
        s->pos += n;
        return zip_int64_t(n);
    }
    default: return otherCommand(&s->zerr, data, len, cmd);
    }
}

zip_int64_t lazyCallback(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    auto *s = static_cast<LazySource *>(userdata);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->buf.clear();
        s->pos = 0;
        if (!s->make(s->buf)) {
            zip_error_set(&s->zerr, ZIP_ER_READ, 0);
            return -1;
        }
        return 0;
    case ZIP_SOURCE_READ: {
        const size_t n = std::min<size_t>(len, s->buf.size() - s->pos);
        std::memcpy(data, s->buf.data() + s->pos, n);
        s->pos += n;
        return zip_int64_t(n);
    }
    default: return otherCommand(&s->zerr, data, len, cmd);
    }
}

zip_int64_t blobCallback(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    auto *s = static_cast<BlobSource *>(userdata);
    auto fail = [s](Error e) -> zip_int64_t {
        s->failed = std::move(e);
        zip_error_set(&s->zerr, ZIP_ER_READ, 0);
        return -1;
    };
    switch (cmd) {
    case ZIP_SOURCE_OPEN: {
        auto dev = s->exports->openBlob(s->sha256);
        if (!dev)
            return fail(s->problem(QStringLiteral("is missing")));
        s->device = std::move(*dev);
        s->hash.reset();
        s->read = 0;
        return 0;
    }
    case ZIP_SOURCE_READ: {
        if (s->progress->cancelled())
            return fail(cancelledError());
        const qint64 n = s->device->read(static_cast<char *>(data), qint64(std::min<zip_uint64_t>(len, 1 << 20)));
        if (n < 0)
            return fail(s->problem(QStringLiteral("cannot be read: %1").arg(s->device->errorString())));
        s->hash.addData(QByteArrayView(static_cast<const char *>(data), qsizetype(n)));
        s->read += n;
        if (s->read > s->size)
            return fail(s->problem(QStringLiteral("is larger than its row says (%1 bytes)").arg(s->size)));
        if (n == 0 && (s->read != s->size || s->hash.result().toHex() != s->sha256))
            return fail(s->problem(QStringLiteral("does not match its SHA-256 and size: the store is damaged")));
        return zip_int64_t(n);
    }
    case ZIP_SOURCE_CLOSE: s->device.reset(); return 0;
    case ZIP_SOURCE_STAT: {
        auto *st = static_cast<zip_stat_t *>(data);
        zip_stat_init(st);
        st->mtime = time(nullptr);
        st->size = zip_uint64_t(s->size);
        st->valid |= ZIP_STAT_MTIME | ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    default: return otherCommand(&s->zerr, data, len, cmd);
    }
}

// The distinct blobs the tenant's file rows name, read from the export's snapshot.
struct Blob {
    qint64 size = 0;
    QString name;
    QString type;
};

Result<std::map<QByteArray, Blob>> blobsOf(TenantReader &reader, qint64 *rows)
{
    std::map<QByteArray, Blob> out;
    const Spec *files = ExportService::table(QStringLiteral("files"));
    QString after;
    for (;;) {
        auto page = reader.page(*files, after, TenantExport::kPageRows);
        if (!page)
            return page.error();
        if (page->empty())
            break;
        for (const Json &row : *page) {
            ++*rows;
            const QByteArray sha = str(row, "sha256").toLatin1();
            if (out.count(sha) == 0)
                out.emplace(sha, Blob{num(row, "size_bytes"), str(row, "name"), str(row, "content_type")});
        }
        after = QString::fromStdString(page->back().value("id", std::string()));
    }
    return out;
}

// Already compressed formats go into the ZIP as they are.
bool storedAsIs(const QString &type)
{
    return type.startsWith(QLatin1String("image/")) || type == QLatin1String("application/zip") || type == QLatin1String("model/3mf")
        || type == QLatin1String("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

Result<Json> writeJson(TenantReader &reader, const std::vector<const Spec *> &tables, const QString &path, Json meta, const Row &tenant,
                       Progress &progress)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::badRequest(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    auto put = [&out](const std::string &s) { return out.write(s.data(), qint64(s.size())) == qint64(s.size()); };
    Json listed = Json::array();
    bool ok = put("{");
    bool firstTable = true;
    for (const Spec *t : tables) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 rows = 0;
        QString after;
        ok = ok && put((firstTable ? "\n\"" : ",\n\"") + t->name.toStdString() + "\":[");
        firstTable = false;
        for (;;) {
            if (progress.cancelled())
                return cancelledError();
            auto page = reader.page(*t, after, TenantExport::kPageRows);
            if (!page)
                return page.error();
            if (page->empty())
                break;
            std::string chunk;
            for (const Json &row : *page) {
                const std::string line = dumpRow(row);
                hash.addData(QByteArrayView(line.data(), qsizetype(line.size())));
                hash.addData(QByteArrayView("\n", 1));
                chunk += rows++ ? ",\n" : "\n";
                chunk += line;
            }
            ok = ok && put(chunk);
            after = QString::fromStdString(page->back().value("id", std::string()));
            progress.add(qint64(page->size()));
        }
        ok = ok && put(rows ? "\n]" : "]");
        listed.push_back(tableEntry(*t, rows, hash));
    }
    meta["tables"] = std::move(listed);
    ok = ok && put(",\n\"_metadata\":" + meta.dump(-1, ' ', false, Json::error_handler_t::replace));
    ok = ok && put(",\n\"_tenant_info\":" + dumpRow(tenant) + "\n}\n");
    if (!ok)
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    if (!out.commit())
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    return meta;
}

Result<Json> writeZip(const ExportService &exports, TenantReader &reader, const std::vector<const Spec *> &tables,
                      const std::map<QByteArray, Blob> &blobs, const QString &path, Json meta, const Row &tenant, Progress &progress)
{
    int zerrCode = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &zerrCode);
    if (!zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, zerrCode);
        const QString why = QString::fromUtf8(zip_error_strerror(&e));
        zip_error_fini(&e);
        return Error::badRequest(QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    std::vector<std::unique_ptr<CsvSource>> sources;
    std::vector<std::unique_ptr<BlobSource>> blobSources;
    LazySource metaSource, tenantSource;
    zip_error_init(&metaSource.zerr);
    zip_error_init(&tenantSource.zerr);
    auto fail = [&](const QString &why) -> Error {
        zip_discard(zip);
        for (auto &s : sources)
            zip_error_fini(&s->zerr);
        for (auto &b : blobSources)
            zip_error_fini(&b->zerr);
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(path, why));
    };
    auto add = [&](const std::string &name, zip_source_t *src) {
        if (!src || zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
            if (src)
                zip_source_free(src);
            return false;
        }
        return true;
    };
    for (const Spec *t : tables) {
        auto s = std::make_unique<CsvSource>();
        s->reader = &reader;
        s->spec = t;
        s->progress = &progress;
        zip_error_init(&s->zerr);
        if (!add(t->name.toStdString() + ".csv", zip_source_function(zip, csvCallback, s.get())))
            return fail(QString::fromUtf8(zip_strerror(zip)));
        sources.push_back(std::move(s));
    }
    // Each attached file once, named by its SHA-256; the files table says which rows name it.
    for (const auto &[sha, blob] : blobs) {
        auto b = std::make_unique<BlobSource>();
        b->exports = &exports;
        b->progress = &progress;
        b->sha256 = sha;
        b->size = blob.size;
        b->name = blob.name;
        zip_error_init(&b->zerr);
        zip_source_t *src = zip_source_function(zip, blobCallback, b.get());
        const std::string name = "files/" + sha.toStdString();
        if (!add(name, src))
            return fail(QString::fromUtf8(zip_strerror(zip)));
        if (storedAsIs(blob.type))
            zip_set_file_compression(zip, zip_uint64_t(zip_name_locate(zip, name.c_str(), 0)), ZIP_CM_STORE, 0);
        blobSources.push_back(std::move(b));
    }
    // Written last, once every table was read, so it can give their counts and hashes.
    metaSource.make = [&](std::string &out) {
        Json listed = Json::array();
        for (auto &s : sources)
            listed.push_back(tableEntry(*s->spec, s->rows, s->hash));
        meta["tables"] = std::move(listed);
        out = meta.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
        return true;
    };
    tenantSource.make = [&](std::string &out) {
        out = tenant.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
        return true;
    };
    if (!add("_metadata.json", zip_source_function(zip, lazyCallback, &metaSource))
        || !add("_tenant_info.json", zip_source_function(zip, lazyCallback, &tenantSource)))
        return fail(QString::fromUtf8(zip_strerror(zip)));
    if (zip_close(zip) != 0) {
        for (auto &s : sources)
            if (s->failed) {
                const Error e = *s->failed;
                zip_discard(zip);
                return e;
            }
        for (auto &b : blobSources)
            if (b->failed) {
                const Error e = *b->failed;
                zip_discard(zip);
                return e;
            }
        return fail(QString::fromUtf8(zip_strerror(zip)));
    }
    for (auto &s : sources)
        zip_error_fini(&s->zerr);
    for (auto &b : blobSources)
        zip_error_fini(&b->zerr);
    return meta;
}

} // namespace

Result<QStringList> TenantExport::tablesFrom(const QString &entities)
{
    const QString e = entities.trimmed();
    if (e.isEmpty() || e == QLatin1String("all"))
        return QStringList{};
    QStringList out;
    QStringList unknown;
    for (const QString &part : e.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (!ExportService::table(name))
            unknown << name.left(64);
        else if (!out.contains(name))
            out << name;
    }
    if (!unknown.isEmpty()) {
        QStringList known;
        for (const auto &t : ExportService::tables())
            known << t.name;
        return Error::badRequest(QStringLiteral("unknown entities: %1 (known: all, %2)").arg(unknown.join(QStringLiteral(", ")), known.join(QStringLiteral(", "))));
    }
    return out;
}

Result<TenantExport::Format> TenantExport::formatFrom(const QString &name)
{
    const QString f = name.trimmed().toLower();
    if (f.isEmpty() || f == QLatin1String("json"))
        return Format::Json;
    if (f == QLatin1String("csv") || f == QLatin1String("zip"))
        return Format::CsvZip;
    return Error::badRequest(QStringLiteral("format must be json or csv"));
}

QString TenantExport::fileName(const QString &tenantId, Format format)
{
    return QStringLiteral("tenant-export-%1-%2.%3")
        .arg(tenantId)
        .arg(Clock::nowMs())
        .arg(format == Format::Json ? QStringLiteral("json") : QStringLiteral("zip"));
}

void TenantExport::defang(std::string &cell)
{
    if (!cell.empty() && std::strchr("=+-@\t\r'", cell.front()) != nullptr)
        cell.insert(cell.begin(), '\'');
}

void TenantExport::undefang(std::string &cell)
{
    if (cell.size() >= 2 && cell.front() == '\'' && std::strchr("=+-@\t\r'", cell[1]) != nullptr)
        cell.erase(cell.begin());
}

Result<Json> TenantExport::write(const ExportService &exports, const domain::Scope &scope, const QString &path, const Options &options)
{
    std::vector<const Spec *> tables;
    for (const Spec &t : ExportService::tables())
        if (options.tables.isEmpty() || options.tables.contains(t.name))
            tables.push_back(&t);
    auto reader = exports.open(scope);
    if (!reader)
        return reader.error();
    auto tenant = (*reader)->tenant();
    if (!tenant)
        return tenant.error();
    Progress progress{options};
    for (const Spec *t : tables) {
        auto n = (*reader)->count(*t);
        if (!n)
            return n.error();
        progress.total += *n;
    }
    Json meta{{"format", kFormatName},
              {"format_version", kFormatVersion},
              {"schema_version", (*reader)->schemaVersion()},
              {"exported_at", nowIso().toStdString()},
              {"tenant_id", scope.tenantId.toStdString()},
              {"tenant_name", tenant->value("name", std::string())},
              {"file_format", options.format == Format::Json ? "json" : "csv"},
              {"tables", Json::array()}};
    // Attached files: a ZIP carries each blob once under files/<sha256>, a JSON export their rows only.
    std::map<QByteArray, Blob> blobs;
    if (std::any_of(tables.begin(), tables.end(), [](const Spec *t) { return t->name == QLatin1String("files"); })) {
        qint64 rows = 0;
        auto found = blobsOf(**reader, &rows);
        if (!found)
            return found.error();
        qint64 bytes = 0;
        for (const auto &b : *found)
            bytes += b.second.size;
        if (options.format == Format::Json) {
            meta["files"] = Json{{"rows", rows},
                                 {"contents_included", false},
                                 {"note", "The files table lists the attached files (drawings, CAD, photos); their contents are only in a "
                                          "ZIP export (format csv), under files/<sha256>. A restore of this file brings back the rows "
                                          "whose contents the hub already holds and leaves the others out."}};
        } else {
            blobs = std::move(*found);
            meta["files"] = Json{{"rows", rows}, {"contents_included", true}, {"blobs", qint64(blobs.size())}, {"bytes", bytes}};
        }
    }
    if (progress.options.progress)
        progress.options.progress(0, progress.total);
    if (options.format == Format::Json)
        return writeJson(**reader, tables, path, std::move(meta), *tenant, progress);
    return writeZip(exports, **reader, tables, blobs, path, std::move(meta), *tenant, progress);
}

} // namespace ery::portability
