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
    QString column = {}; // defaults to param
};

// The usual shape of a resource (list, get, create, update, delete, sync), described once and
// installed on both route tables. Empty functions mean the resource does not take that method,
// which then answers 405 with Allow.
struct ResourceSpec {
    QString path;      // "time-entries"   → /api/v1/time-entries
    QString compat;    // "api-time-entries" → /functions/v1/api-time-entries (empty: none)
    QString plural;    // "time_entries" (collection key)
    QString singular;  // "time_entry"
    QString tag;       // OpenAPI tag
    std::vector<Filter> filters;
    QStringList sorts;
    QString defaultSort = QStringLiteral("created_at");
    bool defaultDescending = false;
    std::vector<Field> createFields; // for the OpenAPI request schemas
    std::vector<Field> updateFields;
    Json createSchema;               // when set, used instead of createFields (nested bodies)
    Access writeAccess = Access::Write;
    Access readAccess = Access::Read;
    // The service's list passes table rows on untouched (no secrets to strip, nothing added), so the
    // page can be written as JSON text straight from the query.
    bool renderRows = false;

    std::function<Result<Page>(const Request &, const ListQuery &)> list;
    std::function<Result<Row>(const Request &, const QString &)> get;
    std::function<Result<Row>(const Request &, const Json &)> create;
    std::function<Result<Row>(const Request &, const QString &, const Json &)> update;
    std::function<Status(const Request &, const QString &)> remove;
    std::optional<SyncService::Entity> sync;
};

void installResource(ApiServer &api, const ResourceSpec &spec);

// limit (1..1000, default 100), offset, sort (whitelisted, silent fallback), order, search and the
// resource's filters; 400 for a value that cannot be read.
Result<ListQuery> listQueryFrom(const Request &r, const ResourceSpec &spec);

Response listResponse(const QString &plural, Page page, const ListQuery &q);
Response itemResponse(const QString &singular, Row row, int status = 200);
// Wraps a handler's result: an error becomes the error envelope.
template<class T, class F>
Response respond(const Result<T> &r, F &&ok)
{
    if (!r)
        return Response::error(r.error());
    return ok(*r);
}

// Path helpers for route files.
QString canonical(const QString &rest);  // "/api/v1/" + rest
QString compatPath(const QString &rest); // "/functions/v1/" + rest
Json bodySchema(const std::vector<Field> &fields, bool creating);

} // namespace ery::http
