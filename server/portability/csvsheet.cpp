#include "csvsheet.h"

#include "core/jsonutil.h"
#include "csvcolumns.h"

#include <QIODevice>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>
#include <utility>

#include <csv.h>

using namespace ery::services;

namespace ery::portability {

namespace {

struct Record {
    int line = 0;
    std::vector<std::string> fields;
    size_t cells = 0; // all of them; fields keeps the first ones only (see State::maxCells)
};

// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
// U+10FFFF included) or is a NUL; -1 when there is none.
qsizetype badTextAt(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c == 0)
            return qsizetype(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned min = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return qsizetype(i);
        }
        if (i + len > n)
            return qsizetype(i);
        unsigned cp = c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return qsizetype(i);
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return qsizetype(i);
        i += len;
    }
    return -1;
}

// Line breaks in text: LF, CRLF, or a CR alone (Excel for Mac's "CSV (Macintosh)").
int lineBreaks(const char *s, size_t n)
{
    int breaks = 0;
    for (size_t i = 0; i < n; ++i)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
            ++breaks;
    return breaks;
}

// Whether text holds the end of its first line (outside quotes).
bool firstLineEnds(const QByteArray &text)
{
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            return true;
    }
    return false;
}

// The separator of the file, read from its header line (outside quotes): `,` by default, `;` as
// German and Dutch Excel write it ("CSV (Trennzeichen-getrennt)"), or a tab (Excel's "Unicode text").
char detectSeparator(const QByteArray &text)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

// libcsv's error in words a user acts on (its own "error parsing data while strict checking
// enabled" never reaches anyone).
QString parseProblem(int code)
{
    switch (code) {
    case CSV_EPARSE:
        return QStringLiteral("a quote is out of place (a quoted cell must end with a quote followed by the separator or the end of "
                              "the line, and a quote inside it is written twice: \"\")");
    case CSV_ENOMEM:
    case CSV_ETOOBIG: return QStringLiteral("a cell is too large to read");
    default: return QStringLiteral("the text cannot be read as CSV");
    }
}

// What a file that is not CSV text looks like, from its first bytes; empty when it may be text.
QString notText(const QByteArray &head)
{
    auto starts = [&](const char *sig, int n) { return head.size() >= n && std::memcmp(head.constData(), sig, size_t(n)) == 0; };
    const QString save = QStringLiteral("save it from the spreadsheet as \"CSV UTF-8\" and import that");
    if (starts("\xFF\xFE\x00\x00", 4) || starts("\x00\x00\xFE\xFF", 4))
        return QStringLiteral("The file is UTF-32 text, which the import does not read: %1").arg(save);
    if (starts("PK\x03\x04", 4))
        return QStringLiteral("The file is a ZIP archive (an Excel or LibreOffice workbook?), not CSV: %1").arg(save);
    if (starts("\xD0\xCF\x11\xE0", 4))
        return QStringLiteral("The file is an old Excel workbook (.xls), not CSV: %1").arg(save);
    if (starts("%PDF", 4))
        return QStringLiteral("The file is a PDF document, not CSV");
    const qsizetype n = std::min<qsizetype>(head.size(), 4096);
    int nulEven = 0, nulOdd = 0, controls = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(head[i]);
        if (c == 0)
            ++(i % 2 ? nulOdd : nulEven);
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
            ++controls;
    }
    const int pairs = int(n / 2);
    if (nulEven + nulOdd > 0 && ((nulOdd > pairs / 3 && nulEven < pairs / 20) || (nulEven > pairs / 3 && nulOdd < pairs / 20)))
        return QStringLiteral("The file looks like UTF-16 text without a byte-order mark, which cannot be told apart from binary data "
                              "safely: %1 (or as \"Unicode text\", which has the mark)")
            .arg(save);
    // Text has next to no control characters; one stray NUL is left to the line that holds it.
    if (controls >= 2 && controls * 50 > n)
        return QStringLiteral("The file is not text (it is full of control characters and NUL bytes): export the data as CSV, UTF-8");
    return {};
}

bool blankRecord(const Record &r)
{
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string &f) { return QString::fromStdString(f).trimmed().isEmpty(); });
}

// A cell of the file as the field's JSON type; false with a message when it is not one. Nothing
// is evaluated: "=1+1" in a text field is that text, in a number field it is not a number.
bool convert(const Field &f, const QString &text, Json *out, QString *why)
{
    switch (f.type) {
    case Field::Int: {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok) {
            *why = QStringLiteral("must be a whole number");
            return false;
        }
        *out = v;
        return true;
    }
    case Field::Number: {
        bool ok = false;
        const double v = QString(text).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        if (!ok) {
            *why = QStringLiteral("must be a number");
            return false;
        }
        *out = v;
        return true;
    }
    case Field::Bool: {
        const QString b = text.toLower();
        if (b == QLatin1String("true") || b == QLatin1String("1") || b == QLatin1String("yes")) {
            *out = true;
            return true;
        }
        if (b == QLatin1String("false") || b == QLatin1String("0") || b == QLatin1String("no")) {
            *out = false;
            return true;
        }
        *why = QStringLiteral("must be true or false");
        return false;
    }
    case Field::Json: {
        Json j = Json::parse(text.toStdString(), nullptr, false);
        if (j.is_discarded()) {
            *why = QStringLiteral("must be JSON");
            return false;
        }
        *out = std::move(j);
        return true;
    }
    case Field::TextList: {
        Json list = Json::array();
        for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            list.push_back(toStd(part.trimmed()));
        *out = std::move(list);
        return true;
    }
    default: *out = toStd(text); return true;
    }
}

} // namespace

struct CsvSheet::State {
    QIODevice *in = nullptr;
    csv_parser parser{};
    bool parserLive = false;
    char separator = ',';
    QString encoding = QStringLiteral("UTF-8");
    std::optional<QStringDecoder> decoder; // UTF-16 files
    qint64 decodedBytes = 0;               // given to it: a whole number of 16-bit units at the end
    QChar highSurrogate;                   // the last unit decoded, waiting for its pair in the next chunk
    bool sniffed = false;
    qint64 bytesRead = 0;
    bool inputEnded = false;
    std::optional<Error> failed; // once the file broke, every later read says so

    // What the parser's callbacks build.
    std::deque<Record> ready;
    Record current;
    bool inRecord = false;
    size_t recordBytes = 0;
    size_t maxCells = size_t(kMaxColumns) + 1;
    int line = 1;        // of the parser's position
    bool lastCR = false; // the last thing seen was a CR ending a line: an LF right after it ends the same one
    std::optional<Error> problem;

    // The header.
    std::vector<Field> fields;            // the entity's, with external_id and external_source
    std::vector<int> columnField;         // per column: an index into fields, or -1
    std::vector<QString> columns;         // per column: the field's name, or the name in the file
    QStringList ignored;
    QString source;

    ~State()
    {
        if (parserLive)
            csv_free(&parser);
    }

    QString columnName(size_t cell) const
    {
        return cell < columns.size() ? QStringLiteral(" in column %1").arg(columns[cell]) : QString();
    }

    static void onField(void *data, size_t len, void *p)
    {
        auto *st = static_cast<State *>(p);
        if (st->problem)
            return;
        const char *s = data ? static_cast<const char *>(data) : "";
        if (!st->inRecord) {
            st->inRecord = true;
            st->current = Record{st->line, {}, 0};
            st->recordBytes = 0;
        }
        st->lastCR = false;
        const size_t cell = st->current.cells;
        if (len > size_t(kMaxCellBytes)) {
            st->problem = Error::badRequest(QStringLiteral("Line %1 has a cell%2 larger than %3 KiB: is a quote not closed?")
                                                .arg(st->line)
                                                .arg(st->columnName(cell))
                                                .arg(kMaxCellBytes / 1024));
            return;
        }
        if (const qsizetype bad = badTextAt(reinterpret_cast<const unsigned char *>(s), len); bad >= 0) {
            const int at = st->line + lineBreaks(s, size_t(bad));
            st->problem = Error::badRequest(
                s[bad] == '\0'
                    ? QStringLiteral("Line %1 holds a NUL byte%2: the file is not text (a workbook rather than CSV?)").arg(at).arg(
                          st->columnName(cell))
                    : QStringLiteral("Line %1 is not UTF-8 text (byte 0x%2%3): save the file as \"CSV UTF-8\"; this one looks like "
                                     "Latin-1 or Windows-1252, which the import does not guess")
                          .arg(at)
                          .arg(uint(uchar(s[bad])), 2, 16, QLatin1Char('0'))
                          .arg(st->columnName(cell)));
            return;
        }
        st->line += lineBreaks(s, len);
        st->recordBytes += len;
        if (st->recordBytes > size_t(kMaxRecordBytes)) {
            st->problem = Error::badRequest(
                QStringLiteral("The record starting on line %1 is larger than %2 MiB").arg(st->current.line).arg(kMaxRecordBytes >> 20));
            return;
        }
        if (st->current.cells++ < st->maxCells)
            st->current.fields.emplace_back(s, len);
    }

    static void onRecord(int c, void *p)
    {
        auto *st = static_cast<State *>(p);
        if (st->inRecord) {
            if (!st->problem)
                st->ready.push_back(std::move(st->current));
            st->current = Record{};
            st->inRecord = false;
        }
        if (c == '\r') {
            ++st->line;
            st->lastCR = true;
        } else if (c == '\n') {
            if (!st->lastCR)
                ++st->line;
            st->lastCR = false;
        }
    }

    int problemLine() const { return inRecord ? current.line : line; }

    // The next chunk of the file as UTF-8 text in *text; false at its end.
    Result<bool> readText(QByteArray *text)
    {
        QByteArray raw(int(kChunkBytes), Qt::Uninitialized);
        const qint64 n = in->read(raw.data(), kChunkBytes);
        if (n < 0)
            return Error::internal(QStringLiteral("cannot read the file: %1").arg(in->errorString()));
        raw.truncate(int(n));
        bytesRead += n;
        if (!sniffed) {
            sniffed = true;
            if (raw.startsWith("\xEF\xBB\xBF")) {
                encoding = QStringLiteral("UTF-8 with BOM");
                raw.remove(0, 3);
            } else if (raw.startsWith("\xFF\xFE") && !raw.startsWith(QByteArray("\xFF\xFE\x00\x00", 4))) {
                encoding = QStringLiteral("UTF-16LE");
                decoder.emplace(QStringConverter::Utf16LE);
                raw.remove(0, 2);
            } else if (raw.startsWith("\xFE\xFF")) {
                encoding = QStringLiteral("UTF-16BE");
                decoder.emplace(QStringConverter::Utf16BE);
                raw.remove(0, 2);
            } else if (const QString why = notText(raw); !why.isEmpty()) {
                return Error::badRequest(why);
            }
        }
        if (n == 0) {
            if (decoder && (decoder->hasError() || decodedBytes % 2 != 0 || !highSurrogate.isNull()))
                return Error::badRequest(QStringLiteral("The file is not valid UTF-16 text: its last character is cut off"));
            return false;
        }
        if (decoder) {
            decodedBytes += raw.size();
            QString decoded = (*decoder)(raw);
            if (!highSurrogate.isNull())
                decoded.prepend(std::exchange(highSurrogate, QChar()));
            if (!decoded.isEmpty() && decoded.back().isHighSurrogate()) {
                highSurrogate = decoded.back();
                decoded.chop(1);
            }
            // Qt passes surrogates through as they come: a half of a pair is found here.
            bool paired = true;
            for (qsizetype i = 0; i < decoded.size() && paired; ++i) {
                if (decoded[i].isHighSurrogate())
                    paired = i + 1 < decoded.size() && decoded[++i].isLowSurrogate();
                else
                    paired = !decoded[i].isLowSurrogate();
            }
            if (decoder->hasError() || !paired)
                return Error::badRequest(QStringLiteral("The file is not valid UTF-16 text after line %1").arg(line));
            *text = decoded.toUtf8();
        } else {
            *text = std::move(raw);
        }
        return true;
    }

    Status startParser(char sep)
    {
        if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
            return Error::internal(QStringLiteral("cannot start the CSV parser"));
        parserLive = true;
        separator = sep;
        csv_set_delim(&parser, static_cast<unsigned char>(sep));
        return {};
    }

    Status parseError(int code)
    {
        return Error::badRequest(
            QStringLiteral("The file is not valid CSV in the record starting on line %1: %2").arg(problemLine()).arg(parseProblem(code)));
    }

    Status feed(const QByteArray &text)
    {
        const size_t n = csv_parse(&parser, text.constData(), size_t(text.size()), onField, onRecord, this);
        if (problem)
            return *problem;
        if (n != size_t(text.size()))
            return parseError(csv_error(&parser));
        // A cell still being read (an unclosed quote swallows the rest of the file) is bounded too.
        if (parser.entry_pos > size_t(kMaxCellBytes))
            return Error::badRequest(QStringLiteral("Line %1 has a cell larger than %2 KiB: is a quote not closed?")
                                         .arg(problemLine())
                                         .arg(kMaxCellBytes / 1024));
        return {};
    }

    Status endInput()
    {
        inputEnded = true;
        const int r = csv_fini(&parser, onField, onRecord, this);
        if (problem)
            return *problem;
        if (r != 0)
            return parseError(csv_error(&parser));
        return {};
    }

    // Takes the next record, reading the file as far as needed; false at its end.
    Result<bool> take(Record *out)
    {
        if (failed)
            return *failed;
        while (ready.empty()) {
            if (inputEnded)
                return false;
            QByteArray text;
            auto more = readText(&text);
            Status s = !more ? Status(more.error()) : *more ? feed(text) : endInput();
            if (!s) {
                failed = s.error();
                ready.clear();
                return *failed;
            }
        }
        *out = std::move(ready.front());
        ready.pop_front();
        return true;
    }

    // The next record that is not blank.
    Result<bool> takeFilled(Record *out)
    {
        for (;;) {
            auto got = take(out);
            if (!got || !*got || !blankRecord(*out))
                return got;
        }
    }

    Status readHeader(const std::vector<Field> &entityFields, const QHash<QString, QString> &aliases)
    {
        // The separator comes from the header line, so that much is read before parsing starts.
        QByteArray head;
        bool ended = false;
        while (!firstLineEnds(head)) {
            QByteArray text;
            auto more = readText(&text);
            if (!more)
                return more.error();
            if (!*more) {
                ended = true;
                break;
            }
            head += text;
            if (head.size() > kMaxHeaderBytes && !firstLineEnds(head))
                return Error::badRequest(
                    QStringLiteral("The first line is longer than %1 KiB: it should be the header naming the columns").arg(kMaxHeaderBytes / 1024));
        }
        ERY_TRY(startParser(detectSeparator(head)));
        ERY_TRY(feed(head));
        if (ended)
            ERY_TRY(endInput());

        Record header;
        auto got = takeFilled(&header);
        if (!got)
            return got.error();
        if (!*got)
            return Error::badRequest(QStringLiteral("The file is empty: it needs a header row and at least one record"));
        if (header.cells > size_t(kMaxColumns))
            return Error::badRequest(QStringLiteral("The header has %1 columns; an import takes at most %2").arg(header.cells).arg(kMaxColumns));

        fields = entityFields;
        fields.push_back({"external_id", Field::Text, false, {}, {}, limits::kName});
        fields.push_back({"external_source", Field::Text, false, {}, {}, limits::kShort});
        QHash<QString, QString> seen; // field -> the name in the file that gave it
        for (const std::string &cell : header.fields) {
            const QString asWritten = QString::fromStdString(cell).trimmed();
            const QString col = CsvColumns::normalised(asWritten);
            if (col.isEmpty())
                return Error::badRequest(QStringLiteral("The header has an empty column name (column %1)").arg(columns.size() + 1));
            const QString name = aliases.value(col, col);
            if (seen.contains(name))
                return Error::badRequest(seen.value(name) == asWritten
                                             ? QStringLiteral("The header names column \"%1\" twice").arg(name)
                                             : QStringLiteral("The header names column \"%1\" twice (as \"%2\" and as \"%3\")")
                                                   .arg(name, seen.value(name), asWritten));
            seen.insert(name, asWritten);
            int index = -1;
            for (size_t i = 0; i < fields.size() && index < 0; ++i)
                if (name == QLatin1String(fields[i].name))
                    index = int(i);
            if (index < 0)
                ignored << asWritten;
            columns.push_back(index < 0 ? asWritten : name);
            columnField.push_back(index);
        }
        maxCells = columns.size() + 1;
        if (!seen.contains(QStringLiteral("external_id"))) {
            // One column holding separators of another kind: a file from a spreadsheet set up otherwise.
            const QString only = columns.size() == 1 ? columns.front() : QString();
            if (only.contains(QLatin1Char('|')))
                return Error::badRequest(
                    QStringLiteral("The header is one column \"%1\": separate the columns with a comma or a semicolon, not |")
                        .arg(only.left(80)));
            return Error::badRequest(
                QStringLiteral("The header has no external_id column: every row needs one (the key of the upsert). The header read as "
                               "columns %1 (separated by %2)")
                    .arg(QStringList(columns.begin(), columns.end()).join(QStringLiteral(", ")).left(300))
                    .arg(separator == ';'    ? QStringLiteral("semicolons")
                         : separator == '\t' ? QStringLiteral("tabs")
                                             : QStringLiteral("commas")));
        }
        if (!seen.contains(QStringLiteral("external_source")) && source.isEmpty())
            return Error::badRequest(QStringLiteral("The header has no external_source column; add one or name the source of the file"));

        // A header and nothing else is an empty file: the first record is looked for now.
        Record first;
        got = takeFilled(&first);
        if (!got)
            return got.error();
        if (!*got)
            return Error::badRequest(QStringLiteral("The file is empty: it needs a header row and at least one record"));
        ready.push_front(std::move(first));
        return {};
    }

    CsvSheet::Row convertRecord(Record &rec) const
    {
        CsvSheet::Row row;
        row.line = rec.line;
        Json &item = row.item;
        if (rec.cells > columns.size())
            row.errors.push_back(
                {{"column", nullptr},
                 {"message", toStd(QStringLiteral("%1 cells, the header names %2").arg(rec.cells).arg(columns.size()))}});
        for (size_t c = 0; c < rec.fields.size() && c < columns.size(); ++c) {
            const QString text = QString::fromStdString(rec.fields[c]).trimmed();
            if (text.isEmpty() || columnField[c] < 0)
                continue; // blank cells leave the field as it is
            const Field &f = fields[size_t(columnField[c])];
            Json value;
            QString why;
            if (!convert(f, text, &value, &why)) {
                row.errors.push_back({{"column", toStd(columns[c])},
                                      {"message", toStd(QStringLiteral("%1 %2").arg(columns[c], why))},
                                      {"value", toStd(text)}});
                continue;
            }
            item[f.name] = std::move(value);
        }
        if (!source.isEmpty() && !item.contains("external_source"))
            item["external_source"] = toStd(source);
        row.externalId = str(item, "external_id");
        return row;
    }
};

CsvSheet::CsvSheet() : d(std::make_unique<State>()) { }
CsvSheet::CsvSheet(CsvSheet &&) noexcept = default;
CsvSheet &CsvSheet::operator=(CsvSheet &&) noexcept = default;
CsvSheet::~CsvSheet() = default;

Result<CsvSheet> CsvSheet::open(QIODevice &in, const std::vector<Field> &fields, const QString &source,
                                const QHash<QString, QString> &aliases)
{
    CsvSheet sheet;
    sheet.d->in = &in;
    sheet.d->source = source;
    if (auto s = sheet.d->readHeader(fields, aliases); !s)
        return s.error();
    return sheet;
}

Result<bool> CsvSheet::next(Row *row)
{
    Record rec;
    auto got = d->takeFilled(&rec);
    if (!got || !*got)
        return got;
    *row = d->convertRecord(rec);
    return true;
}

char CsvSheet::separator() const
{
    return d->separator;
}

QString CsvSheet::encoding() const
{
    return d->encoding;
}

QStringList CsvSheet::ignoredColumns() const
{
    return d->ignored;
}

qint64 CsvSheet::bytesRead() const
{
    return d->bytesRead;
}

} // namespace ery::portability
