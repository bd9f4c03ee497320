#pragma once

#include "router.h"
#include "services/fields.h"
#include "services/syncservice.h"
#include "domain/listquery.h"

#include <functional>
#include <optional>

namespace ery::http {

class ApiServer;

// A list filter: query parameter → column, with how it compares.
struct Filter {
    enum Kind { Exact, Bool, Like, Gte, Lte, NonZero };
    QString param;
    Kind kind = Exact;
    QString column = {};      // defaults to param
    QStringList choices = {}; // Exact: the values the column can hold (another is 422 naming them)
};

// Query parameters every list takes besides its filters: paging, sort, search, and what Supabase
// and PostgREST clients add on their own (`apikey`, `select`, `fields`), which are accepted and
// ignored (every column is answered). The compatible table's `?id=` reads one record, not a list.
const QStringList &listParameters();

// The create-or-update by external key of a resource (PUT …/sync, POST …/bulk-sync), on both tables.
struct SyncRoutes {
    services::SyncService::Entity entity;
    const char *path;           // /api/v1/<resource>/sync
    const char *bulkPath;       // /api/v1/<resource>/bulk-sync
    const char *compatPath;     // /functions/v1/api-<resource>/sync; nullptr: the canonical table only
    const char *compatBulkPath; // /functions/v1/api-<resource>/bulk-sync
};

// The usual shape of a resource (list, get, create, update, delete, sync), described once and
// installed on both route tables. Empty functions mean the resource does not take that method,
// which then answers 405 with Allow.
struct ResourceSpec {
    QString path;       // /api/v1/<resource>: list, create
    QString itemPath;   // /api/v1/<resource>/{id}: get, update, delete
    QString compatPath; // /functions/v1/api-<resource>: every method, with ?id= (empty: none)
    QString plural;     // "time_entries" (collection key)
    QString singular;   // "time_entry"
    QString tag;        // OpenAPI tag
    std::vector<Filter> filters;
    QStringList listParams; // query parameters the list function reads itself (beside the filters)
    QStringList sorts;
    QString defaultSort = QStringLiteral("created_at");
    bool defaultDescending = false;
    std::vector<services::Field> createFields; // for the OpenAPI request schemas
    std::vector<services::Field> updateFields;
    Json createSchema; // when set, used instead of createFields (nested bodies)
    Access writeAccess = Access::Write;
    Access readAccess = Access::Read;
    // The service's list passes table rows on untouched (no secrets to strip, nothing added), so the
    // page can be written as JSON text straight from the query.
    bool renderRows = false;

    std::function<Result<domain::Page>(const Request &, const domain::ListQuery &)> list;
    std::function<Result<Row>(const Request &, const QString &)> get;
    std::function<Result<Row>(const Request &, const Json &)> create;
    std::function<Result<Row>(const Request &, const QString &, const Json &)> update;
    std::function<Status(const Request &, const QString &)> remove;
    std::optional<SyncRoutes> sync;
};

void installResource(ApiServer &api, const ResourceSpec &spec);

// A list page: `limit` rows (clamped to 1..kMaxListLimit), from `offset` (at most kMaxListOffset).
constexpr int kDefaultListLimit = 100;
constexpr int kMaxListLimit = 1000;
constexpr int kMaxListOffset = 1000000000;

// limit (1..1000, default 100), offset, sort (whitelisted, silent fallback), order, search and the
// resource's filters; 400 for a value that cannot be read or a parameter the list does not take
// (naming the ones it does), 422 for a filter value outside the column's choices.
Result<domain::ListQuery> listQueryFrom(const Request &r, const ResourceSpec &spec);

// The record with this id, read as a one-row list: for services without a single-row read
// (substeps, assignments). `what` names it in the 404.
template <class Service> Result<Row> oneByListing(Service &service, const domain::Scope &scope, const QString &id, const char *what)
{
    domain::ListQuery q;
    q.eq.emplace_back(QStringLiteral("id"), id);
    q.limit = 1;
    auto page = service.list(scope, q);
    if (!page)
        return page.error();
    if (page->rows.empty())
        return Error::notFound(QString::fromLatin1(what));
    return page->rows.front();
}

} // namespace ery::http
