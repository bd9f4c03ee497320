// The query string of a list request, read the way the API reads it: QtHttpServer's URL, the items
// decoded by QUrlQuery (apiserver.cpp), then listQueryFrom with resources that have every kind of
// filter. Anything readable becomes a bounded ListQuery; anything else a 400, never a 500.

#include "fuzzsupport.h"
#include "http/resourcespec.h"

#include <QUrl>
#include <QUrlQuery>

using namespace ery;
using namespace ery::http;

namespace {

ResourceSpec jobsLike()
{
    ResourceSpec s;
    s.path = QStringLiteral("jobs");
    s.plural = QStringLiteral("jobs");
    s.singular = QStringLiteral("job");
    s.filters = {{QStringLiteral("status")},
                 {QStringLiteral("customer"), Filter::Like},
                 {QStringLiteral("active"), Filter::Bool},
                 {QStringLiteral("has_scrap"), Filter::NonZero, QStringLiteral("quantity_scrap")},
                 {QStringLiteral("from_date"), Filter::Gte, QStringLiteral("recorded_at")},
                 {QStringLiteral("to_date"), Filter::Lte, QStringLiteral("recorded_at")}};
    s.sorts = {QStringLiteral("created_at"), QStringLiteral("due_date"), QStringLiteral("job_number")};
    return s;
}

ResourceSpec newestFirst()
{
    ResourceSpec s;
    s.path = QStringLiteral("activity");
    s.plural = QStringLiteral("activity");
    s.defaultSort = QStringLiteral("created_at");
    s.defaultDescending = true;
    s.filters = {{QStringLiteral("event_type")}, {QStringLiteral("success"), Filter::Bool}};
    return s;
}

void check(const Request &r, const ResourceSpec &spec)
{
    auto q = listQueryFrom(r, spec);
    if (!q) {
        FUZZ_CHECK(q.error().code == ErrorCode::BadRequest);
        fuzz::answerError(q.error());
        return;
    }
    FUZZ_CHECK(q->limit >= 1 && q->limit <= 1000);
    FUZZ_CHECK(q->offset >= 0 && q->offset <= 1000000000);
    // The sort column goes into SQL as text: only a whitelisted name or the default.
    FUZZ_CHECK(q->sort == spec.defaultSort || spec.sorts.contains(q->sort));
    for (const auto &[col, value] : q->eq) {
        bool known = false;
        for (const Filter &f : spec.filters)
            known = known || col == (f.column.isEmpty() ? f.param : f.column);
        FUZZ_CHECK(known);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The request target as a client sends it, e.g. "?status=pending&limit=20&sort=due_date".
    const QUrl url = QUrl::fromEncoded(QByteArrayLiteral("http://127.0.0.1/api/v1/jobs?") + fuzz::bytes(data, size));
    Request r;
    r.method = Method::Get;
    r.path = url.path();
    if (url.hasQuery()) {
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[k, v] : items)
            r.query.insert(k, v);
    }
    check(r, jobsLike());
    check(r, newestFirst());
    // ?id= of the compatible routes.
    auto id = r.id();
    if (!id)
        fuzz::answerError(id.error());
    return 0;
}
