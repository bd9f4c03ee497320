#include "tenantrestore.h"

#include "tenantexport.h"

#include "core/jsonutil.h"
#include "core/sha256.h"
#include "services/exportservice.h"
#include "services/fileservice.h"
#include "services/restoreservice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QSet>

#include <csv.h>
#include <zip.h>

#include <fstream>
#include <map>
#include <optional>

using ery::services::ExportService;
using ery::services::FileService;

namespace ery::portability {

namespace {

// Called with each row of the file in order; an error stops the read.
using RowFn = std::function<Status(const QString &table, Row &row)>;

Error damaged(const QString &why)
{
    return Error::badRequest(QStringLiteral("this is not a usable export: %1").arg(why));
}

// ---- JSON: read with SAX, one row at a time ------------------------------------------------------

// The document is {<table>: [{row}, …], "_metadata": {…}, "_tenant_info": {…}}. Rows are built one
// at a time and handed on; nothing deeper than kMaxDepth is accepted (an export's deepest value is a
// JSON column inside a row), so a hostile nesting is refused at once instead of filling memory.
class ExportSax : public nlohmann::json_sax<Json> {
public:
    explicit ExportSax(RowFn onRow) : m_onRow(std::move(onRow)) { }

    Json metadata;
    Json tenantInfo;
    std::optional<Error> failed;

    bool null() override { return value(Json(nullptr)); }
    bool boolean(bool v) override { return value(Json(v)); }
    bool number_integer(number_integer_t v) override { return value(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return value(Json(v)); }
    bool number_float(number_float_t v, const string_t &) override { return value(Json(v)); }
    bool string(string_t &v) override { return value(Json(std::move(v))); }
    bool binary(binary_t &) override { return fail(QStringLiteral("binary values")); }
    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t &k) override
    {
        if (m_depth == 1) {
            m_top = QString::fromStdString(k);
            if (m_top != QLatin1String("_metadata") && m_top != QLatin1String("_tenant_info") && !ExportService::table(m_top))
                return fail(QStringLiteral("it holds \"%1\", which is no table of an export").arg(m_top.left(64)));
            if (m_seen.contains(m_top))
                return fail(QStringLiteral("it holds \"%1\" twice").arg(m_top));
            m_seen.insert(m_top);
            return true;
        }
        m_key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &ex) override
    {
        if (!failed)
            failed = damaged(QStringLiteral("broken JSON at byte %1 (%2)").arg(position).arg(QString::fromUtf8(ex.what()).section(QLatin1Char(']'), 1).trimmed()));
        return false;
    }

private:
    bool fail(const QString &why)
    {
        if (!failed)
            failed = damaged(why);
        return false;
    }
    bool isTable() const { return m_top != QLatin1String("_metadata") && m_top != QLatin1String("_tenant_info"); }

    bool open(Json container)
    {
        if (m_depth == 0) {
            if (!container.is_object())
                return fail(QStringLiteral("it is not a JSON object"));
            m_depth = 1;
            return true;
        }
        if (++m_depth > TenantRestore::kMaxDepth)
            return fail(QStringLiteral("it is nested deeper than %1 levels").arg(TenantRestore::kMaxDepth));
        if (m_stack.empty()) {
            if (m_depth == 2 && isTable()) { // the table's array
                if (!container.is_array())
                    return fail(QStringLiteral("%1 is not an array of rows").arg(m_top));
                return true;
            }
            if (m_depth == 3 && !container.is_object())
                return fail(QStringLiteral("a row of %1 is not an object").arg(m_top));
        }
        m_keys.push_back(m_key);
        m_stack.push_back(std::move(container));
        return true;
    }

    bool close()
    {
        if (m_stack.empty()) {
            --m_depth;
            return true;
        }
        Json done = std::move(m_stack.back());
        m_stack.pop_back();
        std::string key = std::move(m_keys.back());
        m_keys.pop_back();
        --m_depth;
        if (!m_stack.empty()) {
            place(std::move(key), std::move(done));
            return true;
        }
        return finished(std::move(done));
    }

    bool value(Json v)
    {
        if (m_stack.empty()) {
            if (m_depth <= 1)
                return fail(isTable() ? QStringLiteral("%1 is not an array of rows").arg(m_top) : QStringLiteral("%1 is not an object").arg(m_top));
            return fail(QStringLiteral("a row of %1 is not an object").arg(m_top));
        }
        place(std::move(m_key), std::move(v));
        return true;
    }

    void place(std::string key, Json v)
    {
        Json &top = m_stack.back();
        if (top.is_object())
            top[std::move(key)] = std::move(v);
        else
            top.push_back(std::move(v));
    }

    bool finished(Json v)
    {
        if (!isTable()) {
            if (!v.is_object())
                return fail(QStringLiteral("%1 is not an object").arg(m_top));
            (m_top == QLatin1String("_metadata") ? metadata : tenantInfo) = std::move(v);
            return true;
        }
        if (auto s = m_onRow(m_top, v); !s) {
            failed = s.error();
            return false;
        }
        return true;
    }

    RowFn m_onRow;
    int m_depth = 0;
    QString m_top;
    QSet<QString> m_seen;
    std::string m_key;
    std::vector<Json> m_stack;
    std::vector<std::string> m_keys;
};

Status readJson(const QString &path, const RowFn &onRow, Json *metadata, Json *tenantInfo)
{
    std::ifstream in(QFile::encodeName(path).toStdString(), std::ios::binary);
    if (!in)
        return Error::badRequest(QStringLiteral("cannot read %1").arg(path));
    ExportSax sax(onRow);
    const bool ok = Json::sax_parse(in, &sax, nlohmann::detail::input_format_t::json, true);
    if (!ok || sax.failed)
        return sax.failed ? *sax.failed : damaged(QStringLiteral("broken JSON"));
    if (metadata)
        *metadata = std::move(sax.metadata);
    if (tenantInfo)
        *tenantInfo = std::move(sax.tenantInfo);
    return {};
}

// ---- ZIP: names, sizes and expansion checked before and while reading ----------------------------

// files/<sha256>: an attached file's bytes (lower-case hex, nothing else).
bool isBlobEntry(const QString &name)
{
    if (name.size() != 70 || !name.startsWith(QLatin1String("files/")))
        return false;
    for (qsizetype i = 6; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

class ZipFile {
public:
    ~ZipFile()
    {
        if (m_zip)
            zip_discard(m_zip);
    }

    Status open(const QString &path)
    {
        int code = 0;
        m_zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
        if (!m_zip) {
            zip_error_t e;
            zip_error_init_with_code(&e, code);
            const QString why = QString::fromUtf8(zip_error_strerror(&e));
            zip_error_fini(&e);
            return damaged(QStringLiteral("the ZIP cannot be read (%1)").arg(why));
        }
        const zip_int64_t n = zip_get_num_entries(m_zip, 0);
        // Each name is checked below (known, once); this only keeps a central directory of millions of
        // entries from being walked. Attached files add one entry per blob.
        if (n < 0 || n > TenantRestore::kMaxEntries)
            return damaged(QStringLiteral("the ZIP holds %1 entries, far more than an export has").arg(n));
        qint64 declared = 0;
        for (zip_int64_t i = 0; i < n; ++i) {
            zip_stat_t st;
            if (zip_stat_index(m_zip, zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
                return damaged(QStringLiteral("entry %1 of the ZIP cannot be read").arg(i));
            const QString name = QString::fromUtf8(st.name);
            const bool blob = isBlobEntry(name);
            if (!blob && name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name.contains(QLatin1String(".."))
                || name.contains(QLatin1Char(':')) || name.isEmpty())
                return damaged(QStringLiteral("the ZIP names a path outside the export: \"%1\"").arg(name.left(100)));
            const bool known = blob || name == QLatin1String("_metadata.json") || name == QLatin1String("_tenant_info.json")
                || (name.endsWith(QLatin1String(".csv")) && ExportService::table(name.chopped(4)));
            if (!known)
                return damaged(QStringLiteral("the ZIP holds \"%1\", which is no file of an export").arg(name.left(100)));
            if (m_entries.contains(name))
                return damaged(QStringLiteral("the ZIP holds \"%1\" twice").arg(name));
            if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
                return damaged(QStringLiteral("\"%1\" is encrypted").arg(name));
            const qint64 size = (st.valid & ZIP_STAT_SIZE) ? qint64(st.size) : 0;
            const qint64 packed = (st.valid & ZIP_STAT_COMP_SIZE) ? qint64(st.comp_size) : 0;
            // Tables together are capped; an attached file's size is checked against its row instead.
            if (!blob)
                declared += size;
            if (size > expansionLimit(packed) || declared > TenantRestore::kMaxUnzippedBytes)
                return damaged(QStringLiteral("\"%1\" would expand to %2 bytes: more than an export can hold").arg(name).arg(size));
            m_entries.insert(name, Entry{zip_uint64_t(i), size, packed, blob});
        }
        return {};
    }

    bool has(const QString &name) const { return m_entries.contains(name); }
    qint64 size(const QString &name) const { return m_entries.value(name).size; }
    QStringList names() const { return m_entries.keys(); }

    // Reads the entry in chunks, never more than its declared size nor than it could expand to.
    Status read(const QString &name, const std::function<Status(const char *, size_t)> &chunk)
    {
        const auto e = m_entries.value(name);
        zip_file_t *f = zip_fopen_index(m_zip, e.index, 0);
        if (!f)
            return damaged(QStringLiteral("\"%1\" cannot be read (%2)").arg(name, QString::fromUtf8(zip_strerror(m_zip))));
        std::vector<char> buf(1 << 16);
        qint64 got = 0;
        Status s;
        for (;;) {
            const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
            if (n < 0) {
                s = damaged(QStringLiteral("\"%1\" is damaged (%2)").arg(name, QString::fromUtf8(zip_file_strerror(f))));
                break;
            }
            if (n == 0)
                break;
            got += n;
            if (!e.blob)
                m_total += n;
            if (got > e.size || got > expansionLimit(e.packed) || m_total > TenantRestore::kMaxUnzippedBytes) {
                s = damaged(QStringLiteral("\"%1\" expands beyond the size it declares").arg(name));
                break;
            }
            if (s = chunk(buf.data(), size_t(n)); !s)
                break;
        }
        zip_fclose(f);
        return s;
    }

    Result<QByteArray> readAll(const QString &name, qint64 max)
    {
        QByteArray out;
        auto s = read(name, [&](const char *d, size_t n) -> Status {
            if (out.size() + qint64(n) > max)
                return damaged(QStringLiteral("\"%1\" is larger than it can be").arg(name));
            out.append(d, qsizetype(n));
            return {};
        });
        if (!s)
            return s.error();
        return out;
    }

private:
    struct Entry {
        zip_uint64_t index = 0;
        qint64 size = 0, packed = 0;
        bool blob = false;
    };
    static qint64 expansionLimit(qint64 packed) { return packed * TenantRestore::kMaxRatio + (qint64(1) << 20); }
    zip_t *m_zip = nullptr;
    QHash<QString, Entry> m_entries;
    qint64 m_total = 0;
};

// A small JSON file of a ZIP, through the parser that refuses hostile nesting.
Result<Json> parseSmall(const QByteArray &text, const QString &name)
{
    auto j = parseJson(text);
    if (!j)
        return damaged(QStringLiteral("%1: %2").arg(name, j.error().message));
    if (!j->is_object())
        return damaged(QStringLiteral("%1 is not a JSON object").arg(name));
    return j;
}

// One CSV table of a ZIP through libcsv: the header names the columns, an unquoted empty cell is
// NULL and a quoted one an empty text, as TenantExport writes them.
class CsvRows {
public:
    CsvRows(const QString &table, const RowFn &onRow) : m_table(table), m_onRow(onRow)
    {
        csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL);
    }
    ~CsvRows() { csv_free(&m_parser); }

    Status feed(const char *data, size_t n)
    {
        if (csv_parse(&m_parser, data, n, &CsvRows::onField, &CsvRows::onRecord, this) != n)
            return parseError();
        return m_failed ? Status(*m_failed) : Status();
    }
    Status finish()
    {
        if (csv_fini(&m_parser, &CsvRows::onField, &CsvRows::onRecord, this) != 0)
            return parseError();
        return m_failed ? Status(*m_failed) : Status();
    }

private:
    Error parseError()
    {
        return damaged(QStringLiteral("%1.csv is not valid CSV near line %2 (%3)")
                           .arg(m_table)
                           .arg(m_line + 1)
                           .arg(QString::fromUtf8(csv_strerror(csv_error(&m_parser)))));
    }
    static void onField(void *cell, size_t n, void *self)
    {
        auto *me = static_cast<CsvRows *>(self);
        if (cell)
            me->m_cells.emplace_back(std::string(static_cast<const char *>(cell), n));
        else
            me->m_cells.emplace_back(std::nullopt);
    }
    static void onRecord(int, void *self)
    {
        auto *me = static_cast<CsvRows *>(self);
        ++me->m_line;
        auto cells = std::move(me->m_cells);
        me->m_cells.clear();
        if (me->m_failed)
            return;
        if (me->m_header.empty()) {
            for (auto &c : cells) {
                if (!c || c->empty())
                    return void(me->m_failed = damaged(QStringLiteral("%1.csv has an empty column name").arg(me->m_table)));
                me->m_header.push_back(*c);
            }
            return;
        }
        if (cells.size() != me->m_header.size()) {
            me->m_failed = damaged(QStringLiteral("%1.csv line %2 has %3 cells, its header %4")
                                       .arg(me->m_table)
                                       .arg(me->m_line)
                                       .arg(cells.size())
                                       .arg(me->m_header.size()));
            return;
        }
        Row row = Json::object();
        for (size_t i = 0; i < cells.size(); ++i) {
            if (!cells[i]) {
                row[me->m_header[i]] = nullptr;
                continue;
            }
            std::string v = std::move(*cells[i]);
            TenantExport::undefang(v);
            row[me->m_header[i]] = std::move(v);
        }
        if (auto s = me->m_onRow(me->m_table, row); !s)
            me->m_failed = s.error();
    }

    QString m_table;
    const RowFn &m_onRow;
    csv_parser m_parser;
    std::vector<std::string> m_header;
    std::vector<std::optional<std::string>> m_cells;
    std::optional<Error> m_failed;
    qint64 m_line = 0;
};

// ---- both formats --------------------------------------------------------------------------------

// An attached file's bytes as the files table describes them.
struct BlobRef {
    qint64 size = 0;
    QString name; // a row naming it, for messages
};

struct Source {
    bool zip = false;
    ZipFile zipFile;
    QString path;
    Json metadata, tenantInfo;
    QStringList order; // the tables the file holds, in the export's order
    std::map<QByteArray, BlobRef> blobs; // by SHA-256: every blob the files table names
    qint64 fileRows = 0;
};

// Notes the blob a row of the files table names; a row that names none is damaged.
Status noteBlob(Source &src, const Row &row)
{
    const QByteArray sha = str(row, "sha256").toLatin1();
    const Json sizeCell = row.value("size_bytes", Json());
    bool ok = sizeCell.is_number_integer();
    qint64 size = ok ? sizeCell.get<qint64>() : 0;
    if (sizeCell.is_string())
        size = QString::fromStdString(sizeCell.get<std::string>()).toLongLong(&ok);
    const QString name = str(row, "name").left(255);
    if (!isBlobEntry(QStringLiteral("files/") + QString::fromLatin1(sha)) || !ok || size < 0)
        return damaged(QStringLiteral("the file \"%1\" in the files table has no valid SHA-256 and size").arg(name));
    auto [it, added] = src.blobs.emplace(sha, BlobRef{size, name});
    if (!added && it->second.size != size)
        return damaged(QStringLiteral("the files table gives two sizes for the contents of \"%1\"").arg(name));
    ++src.fileRows;
    return {};
}

QString blobEntry(const QByteArray &sha)
{
    return QStringLiteral("files/") + QString::fromLatin1(sha);
}

Error blobDamaged(const QByteArray &sha, const BlobRef &b)
{
    return damaged(QStringLiteral("the contents of \"%1\" (%2) do not match the SHA-256 and size in the files table: the file was changed or "
                                  "damaged")
                       .arg(b.name, blobEntry(sha)));
}

// Reads one blob out of the ZIP, hashing it, into `sink` (may be null: a check only).
Status readBlob(Source &src, const QByteArray &sha, const BlobRef &b, files::StagingFile *sink)
{
    Sha256 h;
    qint64 got = 0;
    ERY_TRY(src.zipFile.read(blobEntry(sha), [&](const char *d, size_t n) -> Status {
        h.addData(QByteArrayView(d, qsizetype(n)));
        got += qint64(n);
        return sink ? sink->write(d, qint64(n)) : Status();
    }));
    if (got != b.size || h.hexResult() != sha)
        return blobDamaged(sha, b);
    return {};
}

Result<bool> isZip(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::badRequest(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    QByteArray head = f.read(64);
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return true;
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    if (head.trimmed().startsWith('{'))
        return false;
    if (head.isEmpty())
        return damaged(QStringLiteral("the file is empty"));
    return damaged(QStringLiteral("it is neither a JSON export nor a ZIP"));
}

// Every row of the file, tables in the export's order.
Status eachRow(Source &src, const RowFn &onRow)
{
    if (!src.zip)
        return readJson(src.path, onRow, nullptr, nullptr);
    for (const QString &t : src.order) {
        CsvRows rows(t, onRow);
        if (auto s = src.zipFile.read(t + QStringLiteral(".csv"), [&](const char *d, size_t n) { return rows.feed(d, n); }); !s)
            return s;
        if (auto s = rows.finish(); !s)
            return s;
    }
    return {};
}

// Opens the file and checks it whole: format, versions, and each table's rows and hash.
// hashBlobs: also read and hash every attached file of a ZIP (a restore does so as it stages them).
Result<std::unique_ptr<Source>> openChecked(const QString &path, int schemaVersion, bool hashBlobs)
{
    auto zip = isZip(path);
    if (!zip)
        return zip.error();
    auto src = std::make_unique<Source>();
    src->zip = *zip;
    src->path = path;
    QHash<QString, std::shared_ptr<QCryptographicHash>> hashes;
    QHash<QString, qint64> counts;
    if (!src->zip) {
        RowFn measure = [&](const QString &table, Row &row) -> Status {
            auto &h = hashes[table];
            if (!h)
                h = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
            const std::string line = row.dump(-1, ' ', false, Json::error_handler_t::replace);
            h->addData(QByteArrayView(line.data(), qsizetype(line.size())));
            h->addData(QByteArrayView("\n", 1));
            ++counts[table];
            if (table == QLatin1String("files"))
                return noteBlob(*src, row);
            return {};
        };
        if (auto s = readJson(path, measure, &src->metadata, &src->tenantInfo); !s)
            return s.error();
    } else {
        if (auto s = src->zipFile.open(path); !s)
            return s.error();
        for (const char *name : {"_metadata.json", "_tenant_info.json"}) {
            if (!src->zipFile.has(QLatin1String(name)))
                return damaged(QStringLiteral("the ZIP has no %1").arg(QLatin1String(name)));
            auto text = src->zipFile.readAll(QLatin1String(name), 16 << 20);
            if (!text)
                return text.error();
            auto j = parseSmall(*text, QLatin1String(name));
            if (!j)
                return j.error();
            (name[1] == 'm' ? src->metadata : src->tenantInfo) = std::move(*j);
        }
    }

    const Json &meta = src->metadata;
    if (!meta.is_object() || meta.empty())
        return damaged(QStringLiteral("it has no _metadata"));
    if (str(meta, "format") != QLatin1String(TenantExport::kFormatName) || !meta.value("format_version", Json()).is_number_integer())
        return damaged(QStringLiteral("its _metadata is not that of an Eryxon export"));
    if (meta["format_version"].get<qint64>() > TenantExport::kFormatVersion)
        return Error::badRequest(QStringLiteral("the export has format version %1; this version reads up to %2: update Eryxon first")
                                     .arg(meta["format_version"].get<qint64>())
                                     .arg(TenantExport::kFormatVersion));
    const qint64 fileSchema = meta.value("schema_version", Json(0)).is_number_integer() ? meta["schema_version"].get<qint64>() : 0;
    if (fileSchema > schemaVersion)
        return Error::badRequest(QStringLiteral("the export comes from a newer database (schema %1, this one has %2): update Eryxon first")
                                     .arg(fileSchema)
                                     .arg(schemaVersion));
    if (!src->tenantInfo.is_object() || str(src->tenantInfo, "id").isEmpty())
        return damaged(QStringLiteral("it has no _tenant_info"));
    if (!meta.value("tables", Json()).is_array())
        return damaged(QStringLiteral("its _metadata lists no tables"));

    QSet<QString> listed;
    for (const Json &t : meta["tables"]) {
        const QString name = str(t, "name");
        if (!ExportService::table(name) || listed.contains(name))
            return damaged(QStringLiteral("its _metadata lists an unknown table \"%1\"").arg(name.left(64)));
        listed.insert(name);
        const QString want = str(t, "sha256");
        const qint64 wantRows = t.value("count", Json(-1)).is_number_integer() ? t["count"].get<qint64>() : -1;
        if (src->zip) {
            const QString entry = name + QStringLiteral(".csv");
            if (!src->zipFile.has(entry))
                return damaged(QStringLiteral("%1 is missing").arg(entry));
            QCryptographicHash h(QCryptographicHash::Sha256);
            qint64 rows = 0;
            RowFn countRow = [&rows, &src](const QString &table, Row &row) -> Status {
                ++rows;
                if (table == QLatin1String("files"))
                    return noteBlob(*src, row);
                return {};
            };
            CsvRows csv(name, countRow);
            auto s = src->zipFile.read(entry, [&](const char *d, size_t n) -> Status {
                h.addData(QByteArrayView(d, qsizetype(n)));
                return csv.feed(d, n);
            });
            if (s)
                s = csv.finish();
            if (!s)
                return s.error();
            if (h.result().toHex() != want.toLatin1())
                return damaged(QStringLiteral("%1 does not match its SHA-256 in _metadata: the file was changed or damaged").arg(entry));
            if (rows != wantRows)
                return damaged(QStringLiteral("%1 holds %2 rows, _metadata says %3").arg(entry).arg(rows).arg(wantRows));
        } else {
            const auto h = hashes.value(name);
            const QByteArray got = h ? h->result().toHex() : QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
            if (got != want.toLatin1())
                return damaged(QStringLiteral("table %1 does not match its SHA-256 in _metadata: the file was changed or damaged").arg(name));
            if (counts.value(name) != wantRows)
                return damaged(QStringLiteral("table %1 holds %2 rows, _metadata says %3").arg(name).arg(counts.value(name)).arg(wantRows));
        }
    }
    // Every table in the file is vouched for by _metadata.
    const QStringList present = src->zip ? src->zipFile.names() : QStringList(hashes.keys());
    for (QString name : present) {
        if (src->zip) {
            if (!name.endsWith(QLatin1String(".csv")))
                continue;
            name.chop(4);
        }
        if (!listed.contains(name))
            return damaged(QStringLiteral("table %1 is not listed in _metadata").arg(name));
    }
    for (const auto &t : ExportService::tables())
        if (listed.contains(t.name))
            src->order << t.name;
    if (src->zip) {
        // Every blob the files table names is there with its size, and nothing else is.
        for (const QString &name : present)
            if (isBlobEntry(name) && src->blobs.count(name.mid(6).toLatin1()) == 0)
                return damaged(QStringLiteral("the ZIP holds %1, which no row of the files table names").arg(name));
        for (const auto &[sha, b] : src->blobs) {
            if (!src->zipFile.has(blobEntry(sha)))
                return damaged(QStringLiteral("the contents of \"%1\" (%2) are missing from the ZIP").arg(b.name, blobEntry(sha)));
            if (src->zipFile.size(blobEntry(sha)) != b.size)
                return blobDamaged(sha, b);
            if (hashBlobs)
                ERY_TRY(readBlob(*src, sha, b, nullptr));
        }
    }
    return src;
}

} // namespace

Result<Json> TenantRestore::check(const QString &path, int schemaVersion)
{
    auto src = openChecked(path, schemaVersion, true);
    if (!src)
        return src.error();
    return (*src)->metadata;
}

Result<Json> TenantRestore::restore(services::RestoreService &restore, int schemaVersion, const QString &path, const Options &options)
{
    auto checked = openChecked(path, schemaVersion, false);
    if (!checked)
        return checked.error();
    Source &src = **checked;
    // No blob goes from the store while the restore runs: neither one it stores before its rows are
    // in, nor one a JSON export's rows are matched to.
    FileService *files = restore.files();
    const std::shared_ptr<void> hold = files ? files->holdCollection() : nullptr;
    if (!src.blobs.empty() && !files)
        return Error::internal(QStringLiteral("The file store is not configured"));

    // A ZIP's attached files are read out, checked against the files table and staged before anything
    // is written; a JSON export's file rows are restored when the hub already holds their contents.
    std::vector<FileService::Staged> staged;
    struct Unstage {
        std::vector<FileService::Staged> &list;
        ~Unstage()
        {
            for (const auto &s : list)
                if (!s.path.isEmpty())
                    QFile::remove(s.path);
        }
    } unstage{staged};
    QSet<QByteArray> absent;
    qint64 blobBytes = 0;
    for (const auto &[sha, b] : src.blobs) {
        if (!src.zip) {
            if (!files->holdsBlob(sha, b.size))
                absent.insert(sha);
            continue;
        }
        if (options.cancel && options.cancel->load())
            return Error{ErrorCode::ServiceUnavailable, QStringLiteral("the restore was cancelled"), nullptr};
        auto stager = files->beginStage();
        if (!stager)
            return stager.error();
        ERY_TRY(readBlob(src, sha, b, stager->get()));
        auto done = (*stager)->finish();
        if (!done)
            return done.error();
        staged.push_back(*done);
        blobBytes += b.size;
    }
    std::vector<QByteArray> stored; // put into the store; forgotten again if the rows are not written
    qint64 fileRows = 0, leftOut = 0;
    qint64 total = 0, done = 0;
    for (const Json &t : src.metadata["tables"])
        total += t.value("count", Json(0)).is_number_integer() ? t["count"].get<qint64>() : 0;
    bool adminFound = false;
    const std::string admin = options.adminUsername.toStdString();

    auto feed = [&](const services::RestoreService::Put &put) -> Status {
        RowFn onRow = [&](const QString &table, Row &row) -> Status {
            if (options.cancel && options.cancel->load())
                return Error{ErrorCode::ServiceUnavailable, QStringLiteral("the restore was cancelled"), nullptr};
            if (table == QLatin1String("files") && absent.contains(str(row, "sha256").toLatin1())) {
                ++leftOut;
                if (options.progress && (++done % 1000 == 0 || done == total))
                    options.progress(done, total);
                return {};
            }
            if (table == QLatin1String("files"))
                ++fileRows;
            if (!admin.empty() && table == QLatin1String("users") && row.value("username", Json()) == Json(admin)) {
                if (row.value("role", Json()) != Json("admin"))
                    return Error::badRequest(QStringLiteral("%1 is not an admin in the export").arg(options.adminUsername));
                row["password"] = options.adminPassword.toStdString();
                adminFound = true;
            }
            if (auto s = put(table, row); !s)
                return s;
            if (options.progress && (++done % 1000 == 0 || done == total))
                options.progress(done, total);
            return {};
        };
        for (auto &st : staged) {
            const QByteArray sha = st.sha256;
            auto put = files->putBlob(st);
            st.path.clear(); // consumed either way
            if (!put)
                return put;
            stored.push_back(sha);
        }
        if (auto s = eachRow(src, onRow); !s)
            return s;
        if (!admin.empty() && !adminFound)
            return Error::badRequest(QStringLiteral("the export has no user named %1").arg(options.adminUsername));
        return {};
    };
    auto out = restore.restore(src.tenantInfo, feed, options.intoTenant);
    if (!out) {
        for (const QByteArray &sha : stored)
            files->forgetBlob(sha);
        return out.error();
    }
    (*out)["metadata"] = src.metadata;
    if (src.fileRows > 0) {
        Json f{{"restored", fileRows}, {"left_out", leftOut}, {"blobs", qint64(stored.size())}, {"bytes", blobBytes}};
        if (leftOut > 0)
            f["note"] = QStringLiteral("%1 attached file(s) were left out: a JSON export lists files without their contents, and this hub "
                                       "does not hold them. Restore the shop's ZIP export (format csv) to bring them.")
                            .arg(leftOut)
                            .toStdString();
        (*out)["files"] = std::move(f);
    }
    return out;
}

} // namespace ery::portability
