#include "csvsheet.h"

#include "core/jsonutil.h"

#include <QSet>
#include <QStringView>

#include <algorithm>

#include <csv.h>

using namespace ery::services;

namespace ery::portability {

namespace {

struct Record {
    int line = 0;
    std::vector<std::string> fields;
};

struct Parsed {
    std::vector<Record> records;
    std::vector<std::string> current;
    int line = 1;           // where the record being read starts
    int newlinesInside = 0; // line breaks inside its quoted fields
    bool tooMany = false;
    int maxRows = 0;
};

void onField(void *data, size_t len, void *p)
{
    auto *st = static_cast<Parsed *>(p);
    std::string v(data ? static_cast<const char *>(data) : "", len);
    st->newlinesInside += int(std::count(v.begin(), v.end(), '\n'));
    st->current.push_back(std::move(v));
}

void onRecord(int, void *p)
{
    auto *st = static_cast<Parsed *>(p);
    if (st->records.size() > size_t(st->maxRows)) {
        st->tooMany = true;
        st->current.clear();
        return;
    }
    st->records.push_back({st->line, std::move(st->current)});
    st->current.clear();
    st->line += 1 + st->newlinesInside;
    st->newlinesInside = 0;
}

// The separator of the file, read from its header line (outside quotes): `,` by default, `;` as
// German and Dutch Excel write it ("CSV (Trennzeichen-getrennt)"), or a tab.
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

// RFC 4180 through libcsv, strict: an unterminated quote or a stray one is an error.
Result<std::vector<Record>> parseCsv(const QByteArray &text, char separator, int maxRows)
{
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return Error::internal(QStringLiteral("cannot start the CSV parser"));
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    Parsed st;
    st.maxRows = maxRows;
    const size_t n = csv_parse(&parser, text.constData(), size_t(text.size()), onField, onRecord, &st);
    const bool broken = n != size_t(text.size()) || csv_fini(&parser, onField, onRecord, &st) != 0;
    const int code = csv_error(&parser);
    csv_free(&parser);
    if (broken)
        return Error::badRequest(
            QStringLiteral("The file is not valid CSV in the record starting on line %1: %2").arg(st.line).arg(parseProblem(code)));
    if (st.tooMany)
        return Error::badRequest(QStringLiteral("The file has more than %1 rows; split it").arg(maxRows));
    return std::move(st.records);
}

bool blankRecord(const Record &r)
{
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string &f) { return QString::fromStdString(f).trimmed().isEmpty(); });
}

// A cell of the file as the field's JSON type; false with a message when it is not one.
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

Result<CsvSheet> CsvSheet::read(const QByteArray &csv, const std::vector<Field> &fields, const QString &source, int maxRows)
{
    if (!QUtf8StringView(csv).isValidUtf8())
        return Error::badRequest(QStringLiteral("The file is not UTF-8 text"));
    const char separator = detectSeparator(csv);
    auto records = parseCsv(csv, separator, maxRows);
    if (!records)
        return records.error();
    std::erase_if(*records, blankRecord);
    if (records->size() < 2)
        return Error::badRequest(QStringLiteral("The file is empty: it needs a header row and at least one record"));

    // The header names the fields; a spreadsheet's byte-order mark and stray spaces are dropped.
    std::vector<const Field *> columnField;
    std::vector<QString> columns;
    CsvSheet sheet;
    sheet.separator = separator;
    static const Field kExternalId{"external_id", Field::Text, false, {}, {}, 200};
    static const Field kExternalSource{"external_source", Field::Text, false, {}, {}, 100};
    QSet<QString> seen;
    for (std::string name : records->front().fields) {
        if (columns.empty() && name.rfind("\xEF\xBB\xBF", 0) == 0)
            name.erase(0, 3);
        const QString col = QString::fromStdString(name).trimmed().toLower();
        if (col.isEmpty() || seen.contains(col))
            return Error::badRequest(col.isEmpty()
                                         ? QStringLiteral("The header has an empty column name (column %1)").arg(columns.size() + 1)
                                         : QStringLiteral("The header names column \"%1\" twice").arg(col));
        seen.insert(col);
        const Field *f = nullptr;
        if (col == QLatin1String("external_id"))
            f = &kExternalId;
        else if (col == QLatin1String("external_source"))
            f = &kExternalSource;
        for (const Field &candidate : fields)
            if (!f && col == QLatin1String(candidate.name))
                f = &candidate;
        if (!f)
            sheet.ignoredColumns << col;
        columns.push_back(col);
        columnField.push_back(f);
    }
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

    const int total = int(records->size()) - 1;
    sheet.rows.reserve(size_t(total));
    for (int i = 1; i <= total; ++i) {
        const Record &rec = (*records)[size_t(i)];
        Row row;
        row.line = rec.line;
        Json &item = row.item;
        if (rec.fields.size() > columns.size())
            row.errors.push_back(
                {{"column", nullptr},
                 {"message", toStd(QStringLiteral("%1 cells, the header names %2").arg(rec.fields.size()).arg(columns.size()))}});
        for (size_t c = 0; c < rec.fields.size() && c < columns.size(); ++c) {
            const QString text = QString::fromStdString(rec.fields[c]).trimmed();
            if (text.isEmpty() || !columnField[c])
                continue; // blank cells leave the field as it is
            Json value;
            QString why;
            if (!convert(*columnField[c], text, &value, &why)) {
                row.errors.push_back({{"column", toStd(columns[c])},
                                      {"message", toStd(QStringLiteral("%1 %2").arg(columns[c], why))},
                                      {"value", toStd(text)}});
                continue;
            }
            item[columnField[c]->name] = std::move(value);
        }
        if (!source.isEmpty() && !item.contains("external_source"))
            item["external_source"] = toStd(source);
        row.externalId = str(item, "external_id");
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

} // namespace ery::portability
