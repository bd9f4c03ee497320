// The row filter of a realtime subscription (`postgres_changes` filter: column=op.value), parsed
// and matched against rows of every JSON type. Input: the filter on the first line, optionally a
// JSON row after it. A filter is either refused with a reason or matches consistently.

#include "core/jsonutil.h"
#include "fuzzsupport.h"
#include "realtime/realtimefilter.h"

using namespace ery::realtime;

using namespace ery;
using ery::realtime::RowFilter;

namespace {

const std::vector<Json> &rows()
{
    static const std::vector<Json> r{
        Json::parse(R"({"status":"in_progress","quantity":5,"price":2.5,"active":true,"note":null,"tags":["a","b"],"meta":{"k":1}})"),
        Json::parse(R"({"status":"pending","quantity":-9223372036854775808,"price":1e308,"active":false,"note":"x,y \"z\""})"),
        Json::parse(R"({"status":"","quantity":18446744073709551615,"price":-0.0,"due_date":"2030-01-31T08:00:00.000Z"})"),
        Json::parse(R"({"status":"ümlaut ✓","quantity":0,"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"})"),
        Json::object(),
    };
    return r;
}

void match(const RowFilter &f, const Json &row)
{
    const bool m = f.matches(row);
    // The complementary operator gives the opposite answer wherever the column has a value.
    RowFilter opposite = f;
    switch (f.op) {
    case RowFilter::Op::Eq: opposite.op = RowFilter::Op::Neq; break;
    case RowFilter::Op::Neq: opposite.op = RowFilter::Op::Eq; break;
    case RowFilter::Op::Lt: opposite.op = RowFilter::Op::Gte; break;
    case RowFilter::Op::Gte: opposite.op = RowFilter::Op::Lt; break;
    case RowFilter::Op::Gt: opposite.op = RowFilter::Op::Lte; break;
    case RowFilter::Op::Lte: opposite.op = RowFilter::Op::Gt; break;
    case RowFilter::Op::In: return;
    }
    auto it = row.find(f.column.toStdString());
    const bool hasValue = it != row.end() && !it->is_null();
    if (hasValue)
        FUZZ_CHECK(opposite.matches(row) != m);
    else
        FUZZ_CHECK(!m && !opposite.matches(row));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);
    const qsizetype nl = in.indexOf('\n');
    const QString text = QString::fromUtf8(nl < 0 ? in : in.left(nl));
    auto f = RowFilter::parse(text);
    if (!f) {
        FUZZ_CHECK(f.error().code == ErrorCode::BadRequest);
        fuzz::answerError(f.error());
        return 0;
    }
    FUZZ_CHECK(!f->values.isEmpty() && f->values.size() <= 100);
    for (const Json &row : rows())
        match(*f, row);
    if (nl >= 0) {
        auto row = parseJson(in.mid(nl + 1));
        if (row) {
            (void)f->matches(*row); // any JSON, not only objects
            if (row->is_object())
                match(*f, *row);
        }
    }
    return 0;
}
