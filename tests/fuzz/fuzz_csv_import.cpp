// A CSV file sent to POST /api/v1/import/{entity}: read by CsvSheet as the import does (in chunks
// from a device; encodings sniffed; libcsv, strict; header onto fields and aliases; cells
// converted), then every item checked as the sync upsert checks it (acceptFields). A file is either
// refused with a 400 or read into rows, up to where it may still be refused; nothing may crash.

#include "fuzzsupport.h"
#include "portability/csvsheet.h"

#include <QBuffer>

using namespace ery::services;
using namespace ery::portability;

using namespace ery;

namespace {

// An entity with a field of every kind a CSV cell can be read as (the import's templates use these).
const std::vector<Field> &fields()
{
    static const std::vector<Field> f{
        {"job_number", Field::Text, true, {}, {}, 100},
        {"customer", Field::Text, false, {}, {}, 200},
        {"due_date", Field::Timestamp},
        {"quantity", Field::Int, false, {}, 0},
        {"weight_kg", Field::Number, false, {}, 0},
        {"active", Field::Bool},
        {"metadata", Field::Json},
        {"file_paths", Field::TextList},
        {"job_id", Field::Uuid},
        {"status", Field::Enum, false, {QStringLiteral("pending"), QStringLiteral("done")}},
    };
    return f;
}

void read(const QByteArray &csv, const QString &source)
{
    QBuffer in;
    in.setData(csv);
    in.open(QIODevice::ReadOnly);
    auto sheet = CsvSheet::open(in, fields(), source, {{QStringLiteral("customer_name"), QStringLiteral("customer")}});
    if (!sheet) {
        FUZZ_CHECK(sheet.error().code == ErrorCode::BadRequest);
        fuzz::answerError(sheet.error());
        return;
    }
    int lastLine = 1, rows = 0;
    for (CsvSheet::Row row; rows < 1000; ++rows) {
        auto got = sheet->next(&row);
        if (!got) {
            FUZZ_CHECK(got.error().code == ErrorCode::BadRequest);
            fuzz::answerError(got.error());
            return;
        }
        if (!*got)
            break;
        FUZZ_CHECK(row.line > lastLine); // records are in file order, after the header
        lastLine = row.line;
        FUZZ_CHECK(row.item.is_object() && row.errors.is_array());
        if (!source.isEmpty())
            FUZZ_CHECK(row.item.contains("external_source"));
        Validation v;
        std::vector<Field> withKeys = fields();
        withKeys.push_back({"external_id", Field::Text, false, {}, {}, 200});
        withKeys.push_back({"external_source", Field::Text, false, {}, {}, 100});
        (void)acceptFields(row.item, withKeys, true, v);
        if (!v.ok())
            fuzz::answerError(v.error());
        (void)row.errors.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    FUZZ_CHECK(rows > 0); // open() found a first record
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray csv = fuzz::bytes(data, size);
    read(csv, QString());
    read(csv, QStringLiteral("erp"));
    return 0;
}
