#pragma once

#include "response.h"
#include "domain/listquery.h"

namespace ery::services {
struct Transition;
}

namespace ery::http {

// The answers route files share: a page of a list, one record, a lifecycle step, or the error
// envelope of a service's refusal.
Response listResponse(const QString &plural, domain::Page page, const domain::ListQuery &q);
Response itemResponse(const QString &singular, Row row, int status = 200);
// A lifecycle step's answer: {<record>: row, operation: <step>, previous_status, new_status}.
Response transitionResponse(const char *record, const services::Transition &t, const QString &step);
// Wraps a handler's result: an error becomes the error envelope.
template <class T, class F> Response respond(const Result<T> &r, F &&ok)
{
    if (!r)
        return Response::error(r.error());
    return ok(*r);
}

} // namespace ery::http
