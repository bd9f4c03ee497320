#pragma once

#include "router.h"

#include <initializer_list>
#include <optional>

namespace ery::http {

// One action route (a lifecycle step, a replay, a probe): its literal path on each table, what the
// caller's key needs, its handler and what the OpenAPI document says of it. A route file lists its
// actions as rows of a table handed to installActions, beside the ResourceSpec of its CRUD routes.
struct ActionRoute {
    Method method;
    const char *path;       // the canonical table's: /api/v1/<resource>/{id}/<action>
    const char *compatPath; // the original's: /functions/v1/api-<…>/<action>, the id in ?id=; nullptr: none
    Access access;
    Handler handler;
    RouteDoc doc;
};

// Adds every row on the canonical table and, where it has one, on the original's.
void installActions(Router &router, std::initializer_list<ActionRoute> actions);

namespace detail {
// f(r, value...) once every part of the request was read, else the envelope of the first error in
// the order given (reading a part changes nothing, so all are read and the order alone decides).
template <class F, class... T> Response callWith(Request &r, const F &f, const Result<T> &...parts)
{
    std::optional<Error> failed;
    ((failed || parts ? void() : void(failed = parts.error())), ...);
    if (failed)
        return Response::error(*failed);
    return f(r, *parts...);
}
} // namespace detail

// Handlers that start from the record id (Request::id), the JSON body (Request::json) or the
// operator (Request::operatorId), answering 400/404/422 themselves when those cannot be read.
template <class F> Handler byId(F f)
{
    return [f = std::move(f)](Request &r) { return detail::callWith(r, f, r.id()); };
}
template <class F> Handler byBody(F f)
{
    return [f = std::move(f)](Request &r) { return detail::callWith(r, f, r.json()); };
}
template <class F> Handler byIdAndBody(F f)
{
    return [f = std::move(f)](Request &r) { return detail::callWith(r, f, r.id(), r.json()); };
}
// The body byIdAndOperator reads, as the OpenAPI document gives it.
Json operatorBodySchema();
template <class F> Handler byIdAndOperator(F f)
{
    return [f = std::move(f)](Request &r) { return detail::callWith(r, f, r.id(), r.operatorId()); };
}

} // namespace ery::http
