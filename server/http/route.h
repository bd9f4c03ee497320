#pragma once

#include "request.h"
#include "response.h"
#include "routedoc.h"

#include <functional>

namespace ery::http {

using Handler = std::function<Response(Request &)>;

// One row of the router's method table.
struct Route {
    Method method;
    QString pattern;      // /api/v1/<resource>/{id}/<action>
    QStringList segments; // split pattern; "{id}" marks a parameter
    int literals = 0;     // literal segments: the more, the more specific
    Access access = Access::Read;
    Handler handler;
    bool canonical = true; // false for the original's /functions/v1/api-* table
    RouteDoc doc;
    // The body is written to a file as it arrives (Request::upload), up to
    // HttpConfig::maxUploadBytes, instead of being held in memory (file uploads).
    bool streamedBody = false;
};

} // namespace ery::http
